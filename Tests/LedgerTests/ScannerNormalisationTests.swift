import XCTest
@testable import Ledger

/// Regressions the scanner differential test found: the fast scanner must compare every ID it
/// reads straight from the bytes as the full reader does — canonically (NFC, spec §1 "IDs").
final class ScannerNormalisationTests: XCTestCase {
    /// A contract signed as `café-c` (é precomposed; the line goes to the full reader, which
    /// normalises) and paid as `cafe\u{301}-c` (e + combining accent) on a plainly written
    /// payment (read by the scanner) is one contract: the payment is fine.
    func testAPaymentNamesADecomposedContractIDOfAPrecomposedSigning() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-01-02 下达 P01 1000 文号=A1",
            "2019-01-03 合同 P01 caf\u{E9}-c 500",
            "2019-01-04 支付 P01 100 凭证=V1 合同=cafe\u{301}-c",
        ])
        assertErrors(journal.diagnostics, [])
        XCTAssertEqual(journal.accepted, [true, true, true, true])
        // 500 signed, 100 paid against it: 400 unpaid (40,000 分).
        let contract = journal.yearState(asOf: date("2019-12-31")).contracts.first
        XCTAssertEqual(contract?.unpaidFen, 40_000)
    }

    /// The same with the spellings the other way round: signed decomposed, paid precomposed.
    func testAPaymentNamesAPrecomposedContractIDOfADecomposedSigning() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-01-02 下达 P01 1000 文号=A1",
            "2019-01-03 合同 P01 cafe\u{301}-c 500",
            "2019-01-04 支付 P01 100 凭证=V1 合同=caf\u{E9}-c",
        ])
        assertErrors(journal.diagnostics, [])
    }
}
