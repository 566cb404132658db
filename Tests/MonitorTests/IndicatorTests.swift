import XCTest
import Ledger
@testable import Monitor

/// Seed 002: initial 5,549.66万, adjusted budget 7,178.25万, paid 5,168.30万 →
/// 预算执行率 72.00 %, 预算调整率 29.35 %, 结转结余率 28.00 %, score 8.00.
final class IndicatorTests: XCTestCase {
    // 年初 5,549.66万 across two projects, 追加 1,628.59万 (7,178.25 − 5,549.66), paid 5,168.30万.
    let journal = Fixtures.journal(
        """
        2022-01-01 设置 单位名称=某市医疗保障局
        2022-01-01 项目 B01 人员经费 单位=局机关 标签=基本
        2022-01-01 项目 X01 信息化建设 单位=局机关 标签=采购
        2022-01-05 下达 B01 2,000.00万 文号=财预[2022]1号
        2022-01-05 下达 X01 3,549.66万 文号=财预[2022]2号
        2022-07-01 下达 X01 1628.59万 文号=财预[2022]88号 类别=追加
        2022-12-20 支付 B01 1,950.5万 凭证=记-2022-12-001
        2022-12-21 支付 X01 3217.8万 凭证=记-2022-12-002
        """)

    func testSeed002Indicators() throws {
        XCTAssertFalse(journal.hasErrors, "\(journal.diagnostics)")
        let i = try XCTUnwrap(Indicators(journal: journal, year: 2022))
        XCTAssertEqual(i.totals.initialFen, Fixtures.wan("5549.66"))
        XCTAssertEqual(i.totals.budgetFen, Fixtures.wan("7178.25"))
        XCTAssertEqual(i.totalPaidFen, Fixtures.wan("5168.30"))
        // 5168.30 / 7178.25 = 0.719994… → 72.00 %
        XCTAssertEqual(i.executionRate, 7200)
        // (7178.25 − 0 − 5549.66) / 5549.66 = 1628.59 / 5549.66 = 0.293459… → 29.35 %
        XCTAssertEqual(i.adjustmentRate, 2935)
        // (7178.25 − 5168.30) / 7178.25 = 2009.95 / 7178.25 = 0.280005… → 28.00 %
        XCTAssertEqual(i.carryoverRate, 2800)
        // 10 × min(1, 0.719994 / 0.90) = 7.99993… → 8.00
        XCTAssertEqual(i.executionScoreHundredths, 800)
        XCTAssertEqual(i.basicPaidFen, Fixtures.wan("1950.5"))
        XCTAssertEqual(i.projectPaidFen, Fixtures.wan("3217.8"))
        // 采购: X01 paid 3217.8 of 5178.25 → 0.621415… → 62.14 %
        XCTAssertEqual(i.procurementRate, 6214)
        XCTAssertNil(i.sangongControlRate, "no project is tagged 三公")
    }

    func testScoreIsCappedAtTheWeight() throws {
        let full = Fixtures.journal(
            """
            2022-01-01 项目 A 甲
            2022-01-02 下达 A 10万 文号=X
            2022-02-01 支付 A 9.5万
            """)
        // 95 % ≥ 90 % target → full 10 points
        XCTAssertEqual(try XCTUnwrap(Indicators(journal: full, year: 2022)).executionScoreHundredths, 1000)
    }

    func testCarriedInIsNotAnAdjustment() throws {
        let j = Fixtures.journal(
            """
            2021-01-01 项目 A 甲
            2021-01-02 下达 A 10万 文号=X
            2021-12-31 结转 A 4万
            2021-12-31 收回 A 6万
            2022-01-02 下达 A 20万 文号=Y
            """)
        let i = try XCTUnwrap(Indicators(journal: j, year: 2022))
        // budget 24 = carried 4 + initial 20 → (24 − 4 − 20) / 20 = 0 %
        XCTAssertEqual(i.adjustmentRate, 0)
        XCTAssertEqual(i.totals.budgetFen, Fixtures.wan("24"))
    }
}
