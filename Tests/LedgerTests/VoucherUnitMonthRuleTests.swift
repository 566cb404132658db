import XCTest
@testable import Ledger

/// Spec §1 "Warnings": the same voucher twice in one month within one unit. Each 单位 keeps
/// its own voucher sequence, so two units may use the same number in the same month.
final class VoucherUnitMonthRuleTests: XCTestCase {
    func testSameUnitSameMonthOnly() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 甲 单位=本级",  // 1
            "2019-01-01 项目 P02 乙 单位=中心",  // 2
            "2019-01-01 项目 P03 丙 单位=本级",  // 3
            "2019-01-02 下达 P01 1000 文号=A1",  // 4
            "2019-01-02 下达 P02 1000 文号=A2",  // 5
            "2019-01-02 下达 P03 1000 文号=A3",  // 6
            "2019-02-01 支付 P01 10 凭证=V1",  // 7  first use in 本级, February
            "2019-02-05 支付 P02 10 凭证=V1",  // 8  中心: its own sequence, no warning
            "2019-02-10 支付 P03 10 凭证=V1",  // 9  本级 again in February: warning (first: line 7)
            "2019-03-01 支付 P01 10 凭证=V1",  // 10 March: a new month, no warning
            "2019-02-20 支付 P02 10 凭证=V1",  // 11 中心 again in February (dated before line 10): warning (first: line 8)
            "2019-03-31 支付 P02 10 凭证=V1",  // 12 中心 in March: first there, no warning
        ])
        assertErrors(journal.diagnostics, [])
        assertWarnings(journal.diagnostics, [Spot(9, 1, "duplicate-voucher"), Spot(11, 1, "duplicate-voucher")])
        let messages = journal.diagnostics.filter { $0.code == "duplicate-voucher" }.map(\.message)
        XCTAssertTrue(messages.first { $0.contains("第 7 行") }?.contains("本级") == true, "\(messages)")
        XCTAssertTrue(messages.first { $0.contains("第 8 行") }?.contains("中心") == true, "\(messages)")
        XCTAssertEqual(journal.accepted, Array(repeating: true, count: 12))
    }

    /// Unit names are compared canonically too: `café` precomposed and decomposed are one unit.
    func testUnitNamesAreComparedCanonically() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 甲 单位=caf\u{E9}",  // 1
            "2019-01-01 项目 P02 乙 单位=cafe\u{301}",  // 2 the same unit
            "2019-01-02 下达 P01 1000 文号=A1",  // 3
            "2019-01-02 下达 P02 1000 文号=A2",  // 4
            "2019-02-01 支付 P01 10 凭证=V1",  // 5
            "2019-02-02 支付 P02 10 凭证=V1",  // 6 same unit, same month: warning
        ])
        assertWarnings(journal.diagnostics, [Spot(6, 1, "duplicate-voucher")])
    }

    /// Vouchers themselves are compared canonically: 令 (U+4EE4) and 令 (U+F9A8) are one voucher.
    func testVouchersAreComparedCanonically() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 甲 单位=本级",  // 1
            "2019-01-02 下达 P01 1000 文号=A1",  // 2
            "2019-02-01 支付 P01 10 凭证=令1",  // 3
            "2019-02-02 支付 P01 10 凭证=\u{F9A8}1",  // 4 the same voucher: warning
        ])
        assertWarnings(journal.diagnostics, [Spot(4, 1, "duplicate-voucher")])
    }
}
