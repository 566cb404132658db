import XCTest
@testable import Ledger

/// Contracts: unique IDs; payments naming one need it signed, for the same project, and
/// not overpaid — across years too.
final class ContractRuleTests: XCTestCase {
    func testContractRules() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 系统建设",  // 1
            "2019-01-01 项目 P02 其他",  // 2
            "2019-01-02 下达 P01 100万 文号=A1",  // 3
            "2019-01-02 下达 P02 100万 文号=A2",  // 4
            "2019-01-03 合同 P01 C1 30万 对方=某公司 期限=2019-06-30",  // 5  C1: 30万 = 30,000,000 分
            "2019-02-01 支付 P01 10万 合同=C1",  // 6  paid 10万, unpaid 20万
            "2019-02-02 支付 P01 5万 合同=C9",  // 7  unknown-contract; 5万 is 19–20, 合同= at 22
            "2019-02-03 支付 P02 5万 合同=C1",  // 8  contract-other-project @22
            "2019-02-04 支付 P01 20.01万 合同=C1",  // 9  20.01万 > 20万 unpaid; 20.01万 is 19–24, 合同= at 26
            "2019-02-05 支付 P01 20万 合同=C1",  // 10 exactly the unpaid 20万
            "2019-02-06 合同 P02 C1 1万",  // 11 duplicate-contract at the ID, column 19
            "2019-02-07 支付 P01 0.01 合同=C1",  // 12 unpaid is 0; 0.01 is 19–22, 合同= at 24
        ])
        assertErrors(
            journal.diagnostics,
            [
                Spot(7, 22, "unknown-contract"), Spot(8, 22, "contract-other-project"),
                Spot(9, 26, "contract-overpaid"), Spot(11, 19, "duplicate-contract"), Spot(12, 24, "contract-overpaid"),
            ])
        let books = journal.books()
        XCTAssertEqual(books.contracts["C1"]?.paidFen, 30_000_000)  // lines 6 + 10: 10万 + 20万
        XCTAssertEqual(books.contracts["C1"]?.unpaidFen, 0)
        XCTAssertEqual(books.contracts["C1"]?.signing.project, "P01")  // the duplicate did not replace it
        XCTAssertEqual(books.contractOrder, ["C1"])
        XCTAssertEqual(books.figures("P01", year: 2019).paidFen, 30_000_000)
        XCTAssertEqual(books.figures("P02", year: 2019).paidFen, 0)
        let overpaid = journal.diagnostics.first { $0.location.line == 9 && $0.isError }?.message ?? ""
        XCTAssertTrue(overpaid.contains("尚未支付 20.00万元"), overpaid)
    }

    func testContractIsPaidAcrossYears() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 系统建设",
            "2019-01-02 下达 P01 100万 文号=A1",
            "2019-03-01 合同 P01 C1 30万",
            "2019-04-01 支付 P01 10万 合同=C1",
            "2020-01-02 下达 P01 100万 文号=A2",
            "2020-02-01 支付 P01 20万 合同=C1",  // 10万 + 20万 = 30万: settled
            "2020-02-02 支付 P01 0.01 合同=C1",  // overpaid, though 2020 has plenty of budget
        ])
        assertErrors(journal.diagnostics, [Spot(7, 24, "contract-overpaid")])
        XCTAssertEqual(journal.books().contracts["C1"]?.paidFen, 30_000_000)
    }

    /// "Signed on or before the payment's date": date order decides, not file order.
    func testContractSignedAfterThePaymentIsUnknownThen() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 系统建设",
            "2019-01-02 下达 P01 100万 文号=A1",
            "2019-05-01 合同 P01 C1 30万",
            "2019-04-01 支付 P01 1万 合同=C1",  // 1万 is 19–20, 合同= at 22
            "2019-05-01 支付 P01 1万 合同=C1",  // the same day as the signing, after it in the file
        ])
        assertErrors(journal.diagnostics, [Spot(4, 22, "unknown-contract")])
        XCTAssertEqual(journal.books().contracts["C1"]?.paidFen, 1_000_000)
    }

    func testReversingAContractPaymentReopensTheContract() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 系统建设",
            "2019-01-02 下达 P01 100万 文号=A1",
            "2019-03-01 合同 P01 C1 30万",
            "2019-04-01 支付 P01 30万 合同=C1 凭证=V1",
            "2019-04-02 冲销 P01 5万 原凭证=V1",  // contract paid 25万
            "2019-04-03 支付 P01 5万 合同=C1",  // fits again
            "2019-04-04 支付 P01 0.01 合同=C1",  // now full
        ])
        assertErrors(journal.diagnostics, [Spot(7, 24, "contract-overpaid")])
        XCTAssertEqual(journal.books().contracts["C1"]?.paidFen, 30_000_000)  // 30 − 5 + 5
    }
}
