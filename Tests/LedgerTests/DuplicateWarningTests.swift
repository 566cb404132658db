import XCTest
@testable import Ledger

/// Suspicious but legal: the same 文号 twice for one project and verb, the same 凭证 twice
/// in one month. Warnings, not errors: the entries are accepted.
final class DuplicateWarningTests: XCTestCase {
    func testDuplicateDocumentsAndVouchers() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",  // 1
            "2019-01-01 项目 P02 其他",  // 2
            "2019-01-02 下达 P01 100 文号=A1",  // 3
            "2019-01-03 下达 P01 200 文号=A1",  // 4 warning: A1 again for P01's 下达
            "2019-01-03 下达 P02 200 文号=A1",  // 5 another project: no warning
            "2019-01-04 调减 P01 50 文号=A1",  // 6 another verb: no warning
            "2019-01-05 调减 P01 50 文号=A1",  // 7 warning
            "2019-02-01 支付 P01 10 凭证=记-1",  // 8
            "2019-02-28 支付 P02 10 凭证=记-1",  // 9 warning: same voucher, same month
            "2019-03-01 支付 P01 10 凭证=记-1",  // 10 another month: no warning
            "2020-02-01 支付 P01 10 凭证=记-1",  // 11 another year: no warning (and overspend: no 2020 budget)
        ])
        assertErrors(journal.diagnostics, [Spot(11, 19, "overspend")])
        assertWarnings(journal.diagnostics, [Spot(4, 1, "duplicate-doc"), Spot(7, 1, "duplicate-doc"), Spot(9, 1, "duplicate-voucher")])
        XCTAssertEqual(Array(journal.accepted.prefix(10)), Array(repeating: true, count: 10))
        let doc = journal.diagnostics.first { $0.code == "duplicate-doc" }?.message ?? ""
        XCTAssertTrue(doc.contains("第 3 行"), doc)
        let voucher = journal.diagnostics.first { $0.code == "duplicate-voucher" }?.message ?? ""
        XCTAssertTrue(voucher.contains("第 8 行"), voucher)
        XCTAssertEqual(journal.diagnostics.warningCount, 3)
        XCTAssertEqual(journal.diagnostics.errorCount, 1)
    }

    func testWarningsFollowDateOrder() {
        // The earlier-dated line is the original; the later-dated one is warned, wherever it is written.
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-03-01 下达 P01 100 文号=A1",
            "2019-02-01 下达 P01 100 文号=A1",
        ])
        assertWarnings(journal.diagnostics, [Spot(2, 1, "duplicate-doc")])
    }
}
