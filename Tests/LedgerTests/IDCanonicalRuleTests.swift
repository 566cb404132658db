import XCTest
@testable import Ledger

/// Spec §1 "IDs": canonically equivalent spellings are one ID everywhere. 令 (U+4EE4) and
/// the CJK compatibility ideograph 令 (U+F9A8) are the same character after NFC.
final class IDCanonicalRuleTests: XCTestCase {
    func testACompatibilityIdeographDeclaresTheSameProjectAgain() {
        let journal = validateJournal([
            "2019-01-01 项目 专项令 甲",  // 1
            "2019-01-01 项目 专项\u{F9A8} 乙",  // 2 duplicate declaration (ID at column 15)
            "2019-01-02 下达 专项令 300 文号=A1",  // 3
            "2019-02-01 支付 专项\u{F9A8} 100 凭证=V1",  // 4 counts for the one project
            "2019-02-02 下达 专项\u{F9A8} 100 文号=A2",  // 5 also the one project: budget 400
        ])
        assertErrors(journal.diagnostics, [Spot(2, 15, "duplicate-project")])
        XCTAssertEqual(journal.projects.count, 1)
        XCTAssertEqual(journal.projects["专项令"]?.name, "甲")
        let figures = journal.yearState(asOf: date("2019-12-31")).figures["专项令"]
        XCTAssertEqual(figures?.budgetFen, 40_000)
        XCTAssertEqual(figures?.paidFen, 10_000)
        XCTAssertEqual(journal.yearState(asOf: date("2019-12-31")).figures.count, 1)
    }

    func testDecomposedAccentIsTheSameProject() {
        let journal = validateJournal([
            "2019-01-01 项目 caf\u{E9} 甲",
            "2019-01-02 下达 cafe\u{301} 300 文号=A1",
            "2019-02-01 支付 caf\u{E9} 300 凭证=V1",
            "2019-02-02 支付 cafe\u{301} 0.01 凭证=V2",  // 4 overspend by one 分: the same budget
        ])
        // Columns count Unicode scalars: e + U+0301 is two, so the amount starts at column 21.
        assertErrors(journal.diagnostics, [Spot(4, 21, "overspend")])
    }
}
