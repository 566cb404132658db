import XCTest
import Ledger
@testable import Monitor

/// The alert rules of spec §1, each on a small inline journal with hand-worked figures.
final class AlertTests: XCTestCase {
    func status(_ text: String, asOf: String, project: String = "A") throws -> ProjectStatus {
        let journal = Fixtures.journal(text)
        XCTAssertFalse(journal.hasErrors, "\(journal.diagnostics)")
        let report = StatusReport(journal: journal, asOf: Fixtures.date(asOf))
        return try XCTUnwrap(report.projects.first { $0.id == project })
    }
    func codes(_ s: ProjectStatus) -> [String] { s.alerts.map { "\($0.code.rawValue):\($0.level.key)" } }

    /// Seed 004: two contracts whose unpaid balances add to 131.874万 — one past its due date
    /// (red), one without a 期限 (due on 12-31 of its year: yellow that day). One alert for
    /// both, as bad as the worst.
    func testSeed004UnpaidContracts() throws {
        let text = """
            2021-01-01 项目 X 信息化建设 单位=市医保局
            2021-01-10 下达 X 371万 文号=攀财[2021]1号 类别=追加
            2021-03-01 合同 X HT-ZH-01 80万 对方=某软件公司 期限=2021-10-31 摘要=综合柜员制系统政策性功能调整
            2021-03-02 合同 X HT-ZH-02 100万 对方=某科技公司 摘要=智慧医保微信小程序及后台
            2021-05-01 支付 X 20万 凭证=V1 合同=HT-ZH-01
            2021-06-01 支付 X 28.126万 凭证=V2 合同=HT-ZH-02
            2021-09-01 支付 X 177.704万 凭证=V3
            2021-12-31 结转 X 145.17万
            """
        // paid 20 + 28.126 + 177.704 = 225.83万 (the seed's 实际支出); carried 371 − 225.83 = 145.17万
        let x = try status(text, asOf: "2021-12-31", project: "X")
        XCTAssertEqual(x.paidFen, Fixtures.wan("225.83"))
        XCTAssertEqual(x.unpaidContractsFen, Fixtures.wan("131.874"))  // 60 + 71.874
        let unpaid = x.alerts.filter { $0.code == .unpaidContract }
        XCTAssertEqual(unpaid.map(\.level), [.red])
        XCTAssertEqual(
            unpaid.first?.message,
            "合同 HT-ZH-01 应付未付 60.00万元，已过付款期限（2021-10-31）；"
                + "合同 HT-ZH-02 应付未付 71.87万元，今天到期（未约定付款期限，按签订当年年末 2021-12-31 计）")
        // 225.83 / 371 = 0.608706… → 60.87 % (the seed's 资金执行率)
        XCTAssertEqual(x.rateBasisPoints, 6087)
        let monthly = try XCTUnwrap(MonthlyReport(journal: Fixtures.journal(text), year: 2021, month: 12))
        XCTAssertEqual(monthly.unpaidContracts.map(\.id), ["HT-ZH-01", "HT-ZH-02"], "overdue first")
        XCTAssertEqual(monthly.unpaidContracts.reduce(0) { $0 + $1.unpaidFen }, Fixtures.wan("131.874"))
    }

    func testContractWithoutDueDateIsQuietBeforeYearEnd() throws {
        let x = try status(
            """
            2021-01-01 项目 A 甲
            2021-01-02 下达 A 10万 文号=X
            2021-01-03 合同 A C1 5万
            2021-02-01 支付 A 1万 合同=C1
            """, asOf: "2021-11-30")
        XCTAssertNil(x.alerts.first { $0.code == .unpaidContract })
    }

    func testLagLevelsFollowTheGapThresholds() throws {
        // Even pace at 06-30 = 50 %. Paid 40 % → gap 10.00 → yellow; paid 30 % → gap 20.00 → red; 41 % → 9 → none.
        func lag(_ paid: String) throws -> AlertLevel? {
            try status(
                """
                2019-01-01 项目 A 甲
                2019-01-02 下达 A 100万 文号=X
                2019-03-01 支付 A \(paid)万
                """, asOf: "2019-06-30"
            ).alerts.first { $0.code == .lag }?.level
        }
        XCTAssertEqual(try lag("40"), .yellow)
        XCTAssertEqual(try lag("30"), .red)
        XCTAssertNil(try lag("41"))
    }

    func testSettingsMoveTheThresholds() throws {
        let s = try status(
            """
            2019-01-01 设置 黄线=5 红线=8
            2019-01-01 项目 A 甲
            2019-01-02 下达 A 100万 文号=X
            2019-03-01 支付 A 42万
            """, asOf: "2019-06-30")
        // gap 8.00 ≥ 红线 8 → red
        XCTAssertEqual(s.alerts.first { $0.code == .lag }?.level, .red)
    }

    func testCheckpointMissedUsesTheGapThenAndSkipsZeroBudgets() throws {
        let text = """
            2020-01-01 项目 A 甲 计划=3月:30,6月:50,10月:90,12月:100
            2020-04-10 下达 A 100万 文号=X
            2020-05-01 支付 A 32万
            2020-07-01 支付 A 40万
            """
        // 3月底: budget 0 then → not evaluated. 6月底 (81 days after 04-10): plan 50, actual 32
        // → gap 18 → yellow, as long as the project is still behind.
        let june = try status(text, asOf: "2020-06-30")
        let missed = june.alerts.filter { $0.code == .checkpointMissed }
        XCTAssertEqual(missed.map(\.level), [.yellow])
        XCTAssertEqual(missed.first?.message, "6月底计划支出 50.00%，实际 32.00%，落后 18.00 个百分点")
        XCTAssertEqual(june.checkpoints.map(\.evaluated), [false, true])
        // 07-31: 50 + 40 × (1/4) = 60 % expected, actual 72 % → caught up: no LAG, and the June
        // miss is no longer flagged, though it stays in the checkpoint history.
        let july = try status(text, asOf: "2020-07-31")
        XCTAssertNil(july.alerts.first { $0.code == .lag })
        XCTAssertNil(july.alerts.first { $0.code == .checkpointMissed })
        XCTAssertEqual(july.checkpoints.last?.gapBasisPoints, 1800)
    }

    func testNoSpendNeedsIdleDaysSinceArrival() throws {
        let text = """
            2019-01-01 项目 A 甲
            2019-03-01 下达 A 10万 文号=X
            """
        // 03-01 → 05-29 is 89 days; 05-30 is 90 days.
        XCTAssertNil(try status(text, asOf: "2019-05-29").alerts.first { $0.code == .noSpend })
        let alert = try XCTUnwrap(try status(text, asOf: "2019-05-30").alerts.first { $0.code == .noSpend })
        XCTAssertEqual(alert.level, .red)
        XCTAssertTrue(alert.message.hasPrefix("资金于 3 月 1 日下达，至今零支出"), alert.message)
    }

    func testOvercommittedWhenContractsExceedMoneyHeld() throws {
        let s = try status(
            """
            2019-01-01 项目 A 甲
            2019-01-02 下达 A 10万 文号=X
            2019-01-03 合同 A C1 8万 期限=2019-12-31
            2019-02-01 支付 A 5万
            """, asOf: "2019-03-31")
        // unpaid 8万 > available 5万 → yellow, gap 3万
        let alert = try XCTUnwrap(s.alerts.first { $0.code == .overcommitted })
        XCTAssertEqual(alert.level, .yellow)
        XCTAssertTrue(alert.message.contains("3.00万元"), alert.message)
    }

    func testUnresolvedBalanceAtYearEnd() throws {
        let text = """
            2019-01-01 项目 A 甲
            2019-01-02 下达 A 10万 文号=X
            2019-06-01 支付 A 9.5万
            2019-12-31 结转 A 0.3万
            """
        let s = try status(text, asOf: "2019-12-31")
        // 10 − 9.5 − 0.3 = 0.2万 neither spent, carried nor returned
        XCTAssertEqual(s.availableFen, Fixtures.wan("0.2"))
        XCTAssertEqual(s.alerts.first { $0.code == .unresolvedBalance }?.level, .red)
        XCTAssertNil(s.alerts.first { $0.code == .lowRate }, "95 % ≥ 90 %")
        XCTAssertNil(try status(text, asOf: "2019-12-30").alerts.first { $0.code == .unresolvedBalance })
    }

    /// A project that crosses years: carry-over in, consumed first, STALE_CARRYOVER after 6月底.
    func testCarryOverIsConsumedFirstAndGoesStaleAfterJune() throws {
        let text = """
            2019-01-01 项目 A 甲
            2019-01-02 下达 A 20万 文号=X
            2019-05-01 支付 A 10万
            2019-12-31 结转 A 10万 原因=跨年
            2020-01-05 下达 A 30万 文号=Y
            2020-03-01 支付 A 6万
            """
        let june = try status(text, asOf: "2020-06-30")
        XCTAssertEqual(june.figures.carriedInFen, Fixtures.wan("10"))
        XCTAssertEqual(june.budgetFen, Fixtures.wan("40"))
        XCTAssertEqual(june.carriedInRemainingFen, Fixtures.wan("4"))  // 10 − 6, carried money first
        XCTAssertNil(june.alerts.first { $0.code == .staleCarryover })
        let july = try status(text, asOf: "2020-07-01")
        let stale = try XCTUnwrap(july.alerts.first { $0.code == .staleCarryover })
        XCTAssertEqual(stale.level, .yellow)
        XCTAssertEqual(july.carriedInAgeDays, 183)  // 2019-12-31 → 2020-07-01
        let used = try status(text + "\n2020-06-15 支付 A 4万", asOf: "2020-07-01")
        XCTAssertEqual(used.carriedInRemainingFen, 0)
        XCTAssertNil(used.alerts.first { $0.code == .staleCarryover })
    }

    func testZeroBudgetRaisesNoRateAlerts() throws {
        let s = try status(
            """
            2019-01-01 项目 A 甲
            2019-01-02 下达 A 10万 文号=X
            2019-02-02 调减 A 10万 文号=Y
            """, asOf: "2019-12-31")
        XCTAssertEqual(s.budgetFen, 0)
        XCTAssertEqual(s.rateBasisPoints, 0)
        XCTAssertTrue(s.alerts.filter { [.lag, .lowRate, .checkpointMissed, .noSpend].contains($0.code) }.isEmpty, "\(codes(s))")
    }

    func testMonthlyOrdersBySeverity() throws {
        let journal = Fixtures.journal(
            """
            2019-01-01 项目 OK 正常
            2019-01-01 项目 Y 黄
            2019-01-01 项目 R 红
            2019-01-02 下达 OK 10万 文号=1
            2019-01-02 下达 Y 10万 文号=2
            2019-01-02 下达 R 10万 文号=3
            2019-03-01 支付 OK 5万
            2019-03-01 支付 Y 3.5万
            2019-03-01 支付 R 1万
            """)
        let monthly = try XCTUnwrap(MonthlyReport(journal: journal, year: 2019, month: 6))
        // 06-30 even pace 50 %: OK 50 (gap 0), Y 35 (gap 15, yellow), R 10 (gap 40, red)
        XCTAssertEqual(monthly.alerted.map(\.id), ["R", "Y"])
        XCTAssertEqual(monthly.status.totals.redCount, 1)
        XCTAssertEqual(monthly.status.totals.yellowCount, 1)
        // Department: 9.5 / 30 = 31.67 %; curve at June: plan 50 %, actual 31.67 %
        XCTAssertEqual(monthly.status.totals.rateBasisPoints, 3167)
        XCTAssertEqual(monthly.curve[5].plannedBasisPoints, 5000)
        XCTAssertEqual(monthly.curve[5].actualBasisPoints, 3167)
        XCTAssertNil(monthly.curve[6].paidFen, "no actual after the report month")
    }

    func testReportsListOnlyProjectsWithBudgetOrMovement() {
        let journal = Fixtures.journal(
            """
            2019-01-01 项目 A 甲
            2019-01-01 项目 B 乙
            2019-01-02 下达 A 10万 文号=1
            """)
        XCTAssertEqual(StatusReport(journal: journal, asOf: Fixtures.date("2019-06-30")).projects.map(\.id), ["A"])
    }

    func testPlanChangeAppliesFromItsDateInItsYear() throws {
        let text = """
            2020-01-01 项目 A 甲 计划=12月:100
            2020-01-02 下达 A 100万 文号=1
            2020-05-01 计划 A 3月:50,12月:100
            """
        // Before the change (04-30): even pace 4/12 = 33.33 %; after (06-30): 50 + 50 × 3/9 = 66.67 %
        XCTAssertEqual(try status(text, asOf: "2020-04-30").expectedBasisPoints, 3333)
        XCTAssertEqual(try status(text, asOf: "2020-06-30").expectedBasisPoints, 6667)
        // The next year falls back to the declared plan: 2021-06-30 → 50 %
        XCTAssertEqual(try status(text + "\n2021-01-02 下达 A 1万 文号=2", asOf: "2021-06-30").expectedBasisPoints, 5000)
    }
}

extension AlertTests {
    /// On a checkpoint day LAG and CHECKPOINT_MISSED say the same thing: both stay in the
    /// data (JSON), the readable list keeps only LAG.
    func testReadableAlertsDropTheCheckpointCopyOfLag() throws {
        let s = try status(
            """
            2019-01-01 项目 A 甲 计划=6月:50,12月:100
            2019-01-02 下达 A 10万 文号=X
            2019-02-01 支付 A 3万
            """, asOf: "2019-06-30")
        // 6月底: plan 50, actual 30 → gap 20 → red, both as LAG and as CHECKPOINT_MISSED.
        XCTAssertEqual(s.alerts.map(\.code), [.lag, .checkpointMissed])
        XCTAssertEqual(s.readableAlerts.map(\.code), [.lag])
        let later = try status(
            """
            2019-01-01 项目 A 甲 计划=6月:50,12月:100
            2019-01-02 下达 A 10万 文号=X
            2019-02-01 支付 A 3万
            """, asOf: "2019-07-31")
        // A month later the checkpoint is history: it stays readable.
        XCTAssertTrue(later.readableAlerts.contains { $0.code == .checkpointMissed })
    }
}
