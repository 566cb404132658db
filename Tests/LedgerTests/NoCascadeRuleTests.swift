import XCTest
@testable import Ledger

/// Issue 10 "no cascades": a 项目 line with one bad key still declares its project, so its
/// later lines are judged on their own, not all reported as an unknown project.
final class NoCascadeRuleTests: XCTestCase {
    func testABadKeyOnAProjectLineGivesOneDiagnostic() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费 颜色=红",  // 1 unknown key at column 24
            "2019-01-02 下达 P01 1000 文号=A1",  // 2 judged: fine
            "2019-02-01 支付 P01 100 凭证=V1",  // 3 judged: fine
            "2019-02-02 支付 P01 900.01 凭证=V2",  // 4 judged: overspend by one 分
            "2019-02-03 支付 P02 100 凭证=V3",  // 5 really unknown
        ])
        assertErrors(journal.diagnostics, [Spot(1, 24, "unknown-key"), Spot(4, 19, "overspend"), Spot(5, 15, "unknown-project")])
        // The rejected line is no entry: the entries are lines 2–5.
        XCTAssertEqual(journal.accepted, [true, true, false, false])
    }

    /// A second, valid declaration after a broken one is still a duplicate: the broken line declared it.
    func testAValidDeclarationAfterABrokenOneIsADuplicate() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费 颜色=红",  // 1
            "2019-01-02 项目 P01 办公经费",  // 2 duplicate
        ])
        XCTAssertEqual(journal.diagnostics.errorSpots.map(\.code).sorted(), ["duplicate-project", "unknown-key"])
    }
}
