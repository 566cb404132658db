import XCTest
@testable import Ledger

/// Spec §1 下达: without 类别, the project's first 下达 of the year — in date order, file order
/// among equal dates — is 年初 and every later one 追加.
final class AllotKindOrderRuleTests: XCTestCase {
    private let journal = validateJournal([
        "2019-01-01 项目 P01 办公经费",  // 1
        "2019-03-01 下达 P01 200 文号=A2",  // 2 written first, dated later: 追加
        "2019-01-15 下达 P01 1000 文号=A1",  // 3 the year's first: 年初
        "2019-05-01 下达 P01 50 文号=A3 类别=年初",  // 4 said so: 年初
        "2018-06-01 下达 P01 70 文号=A0",  // 5 2018's first: 年初 of 2018
        "2019-01-01 项目 P02 专项",  // 6
        "2019-01-10 下达 P02 100 文号=B1 类别=追加",  // 7 the first, but said 追加
        "2019-02-10 下达 P02 300 文号=B2",  // 8 not the first: 追加
        "2019-01-01 项目 P03 其他",  // 9
        "2019-04-01 下达 P03 30 文号=C1",  // 10 same date, first in file: 年初
        "2019-04-01 下达 P03 40 文号=C2",  // 11 same date, later in file: 追加
    ])

    func testTheEarliestDatedAllotmentIsTheInitialOne() {
        assertErrors(journal.diagnostics, [])
        // 2019: 1000 (line 3) + 50 (line 4) initial; 200 + 1000 + 50 allotted.
        let year = journal.yearState(asOf: date("2019-12-31")).figures["P01"]
        XCTAssertEqual(year?.initialFen, 105_000)
        XCTAssertEqual(year?.allottedFen, 125_000)
        // Before line 2's date only line 3 has arrived.
        XCTAssertEqual(journal.yearState(asOf: date("2019-02-01")).figures["P01"]?.initialFen, 100_000)
        XCTAssertEqual(journal.yearState(asOf: date("2018-12-31")).figures["P01"]?.initialFen, 7_000)
    }

    func testAnExplicitSupplementFirstMakesNoLaterOneInitial() {
        let year = journal.yearState(asOf: date("2019-12-31")).figures["P02"]
        XCTAssertEqual(year?.initialFen, 0)
        XCTAssertEqual(year?.allottedFen, 40_000)
    }

    func testEqualDatesFollowFileOrder() {
        let year = journal.yearState(asOf: date("2019-12-31")).figures["P03"]
        XCTAssertEqual(year?.initialFen, 3_000)
        XCTAssertEqual(year?.allottedFen, 7_000)
    }

    func testTheEntriesCarryTheDecidedKind() {
        func kind(_ line: Int) -> AllotmentKind? {
            guard case .allot(let allotment) = journal.entries[line - 1].body else { return nil }
            return allotment.kind
        }
        XCTAssertEqual(kind(2), .supplement)
        XCTAssertEqual(kind(3), .initial)
        XCTAssertEqual(kind(5), .initial)
        XCTAssertEqual(kind(8), .supplement)
        XCTAssertEqual(kind(10), .initial)
        XCTAssertEqual(kind(11), .supplement)
    }
}
