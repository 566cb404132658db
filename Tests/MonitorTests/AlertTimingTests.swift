import XCTest
import Ledger
@testable import Monitor

/// Issue 12, items 1 and 3: alerts judge the latest checkpoint and only while the project is
/// still behind, give new money 宽限天数 before judging it, and keep unpaid contracts in view
/// across years. Figures worked by hand in the comments.
final class AlertTimingTests: XCTestCase {
    func status(_ text: String, asOf: String, project: String = "A") throws -> ProjectStatus {
        let journal = Fixtures.journal(text)
        XCTAssertFalse(journal.hasErrors, "\(journal.diagnostics)")
        let report = StatusReport(journal: journal, asOf: Fixtures.date(asOf))
        return try XCTUnwrap(report.projects.first { $0.id == project }, "\(project) not reported at \(asOf)")
    }
    func alerts(_ s: ProjectStatus) -> [String] { s.alerts.map { "\($0.code.rawValue):\($0.level.key)" } }

    static let plan = "计划=3月:30,6月:50,10月:90,12月:100"

    // MARK: CHECKPOINT_MISSED and LAG

    /// The shipped 承德 2019: P03's money arrived 06-25, so 06-30 is not judged; at 10-31 it was
    /// 70 % against 80 % (33.95 / 48.5 万); in December it is 100 % paid and 正常.
    func testChengdeP03IsOkInDecember() throws {
        let journal = Fixtures.shipped("chengde-2019.journal")
        let december = try XCTUnwrap(StatusReport(journal: journal, asOf: Fixtures.date("2019-12-31")).projects.first { $0.id == "P03" })
        XCTAssertEqual(december.rateBasisPoints, 10_000)
        XCTAssertEqual(december.status, .ok)
        XCTAssertEqual(december.alerts, [])
        XCTAssertEqual(december.checkpoints.map(\.month), [3, 6, 10, 12])
        XCTAssertEqual(december.checkpoints.map(\.evaluated), [false, false, true, true], "no money in March; June 30 is 5 days after it")
        XCTAssertEqual(december.checkpoints[2].gapBasisPoints, 1000, "the October miss stays in the history")
        // At 10-31 it is still 10.00 points behind: yellow, one CHECKPOINT_MISSED and LAG.
        let october = try XCTUnwrap(StatusReport(journal: journal, asOf: Fixtures.date("2019-10-31")).projects.first { $0.id == "P03" })
        XCTAssertEqual(alerts(october), ["LAG:yellow", "CHECKPOINT_MISSED:yellow"])
    }

    /// 承德 P08: 18万 arrived 06-20 — not judged on 06-30 (10 days), judged from 07-20 (30 days).
    func testChengdeP08MoneyArrivingJune20IsNotJudgedOnJune30() throws {
        let journal = Fixtures.shipped("chengde-2019.journal")
        func p08(_ asOf: String) throws -> ProjectStatus {
            try XCTUnwrap(StatusReport(journal: journal, asOf: Fixtures.date(asOf)).projects.first { $0.id == "P08" })
        }
        XCTAssertEqual(alerts(try p08("2019-06-30")), [])
        XCTAssertEqual(try p08("2019-06-30").status, .ok)
        XCTAssertEqual(alerts(try p08("2019-07-19")), [])
        // 07-20 on the even pace: (6 + 20/31)/12 = 55.38 % → red LAG.
        let judged = try p08("2019-07-20")
        XCTAssertEqual(judged.gapBasisPoints, 5538)
        XCTAssertEqual(alerts(judged), ["LAG:red"])
    }

    /// Behind at March, caught up by September: 正常 in September. Budget 100万 from 01-05;
    /// paid 5万 (02-15), 45万 (05-10), 35万 (08-20).
    func testBehindAtMarchCaughtUpBySeptemberIsOk() throws {
        let text = """
            2026-01-01 项目 A 甲 \(Self.plan)
            2026-01-05 下达 A 100万 文号=X
            2026-02-15 支付 A 5万
            2026-05-10 支付 A 45万
            2026-08-20 支付 A 35万
            """
        // 03-31: 5 % against 30 % → 25 points behind → red, both LAG and the checkpoint.
        let march = try status(text, asOf: "2026-03-31")
        XCTAssertEqual(march.gapBasisPoints, 2500)
        XCTAssertEqual(march.status, .red)
        // 09-30: plan 50 + 40 × 3/4 = 80 %, paid 85 % → ahead.
        let september = try status(text, asOf: "2026-09-30")
        XCTAssertEqual(september.expectedBasisPoints, 8000)
        XCTAssertEqual(september.rateBasisPoints, 8500)
        XCTAssertEqual(september.alerts, [])
        XCTAssertEqual(september.status, .ok)
        XCTAssertEqual(september.checkpoints.map(\.gapBasisPoints), [2500, 0], "March's miss stays in the history")
    }

    /// Missed March, caught up by April 30 though the March checkpoint is the latest one.
    func testCaughtUpBeforeTheNextCheckpointIsNoLongerFlagged() throws {
        let text = """
            2026-01-01 项目 A 甲 \(Self.plan)
            2026-01-05 下达 A 100万 文号=X
            2026-02-15 支付 A 5万
            2026-04-20 支付 A 40万
            """
        // 04-30: plan 30 + 20 × 1/3 = 36.67 %, paid 45 % → not behind.
        let april = try status(text, asOf: "2026-04-30")
        XCTAssertEqual(april.expectedBasisPoints, 3667)
        XCTAssertEqual(april.alerts, [])
        // 04-19, before the catch-up: still 5 % against 30 + 20 × (19/30)/3 = 34.22 % → red.
        let before = try status(text, asOf: "2026-04-19")
        XCTAssertEqual(alerts(before), ["LAG:red", "CHECKPOINT_MISSED:red"])
    }

    /// Two missed checkpoints give one alert, leveled by the latest one's gap then (June: 38 %
    /// against 50 % → 12 points → yellow) while LAG is red now (07-31: 60 % against 38 %).
    func testOneCheckpointAlertLeveledByTheLatestCheckpoint() throws {
        let s = try status(
            """
            2026-01-01 项目 A 甲 \(Self.plan)
            2026-01-05 下达 A 100万 文号=X
            2026-02-15 支付 A 5万
            2026-05-20 支付 A 33万
            """, asOf: "2026-07-31")
        XCTAssertEqual(s.checkpoints.map(\.gapBasisPoints), [2500, 1200])
        XCTAssertEqual(alerts(s), ["LAG:red", "CHECKPOINT_MISSED:yellow"])
        XCTAssertEqual(s.alerts.last?.message, "6月底计划支出 50.00%，实际 38.00%，落后 12.00 个百分点；至今仍落后 22.00 个百分点")
    }

    /// 宽限天数 (default 30) counts from the first money of the year; the setting moves it.
    func testGraceDaysFromFirstMoney() throws {
        let text = """
            2026-01-01 项目 A 甲 \(Self.plan)
            2026-06-20 下达 A 100万 文号=X
            """
        let june = try status(text, asOf: "2026-06-30")
        XCTAssertEqual(june.alerts, [])
        XCTAssertEqual(june.checkpoints.map(\.evaluated), [false, false], "March: no budget; June: 10 days after the money")
        XCTAssertEqual(try status(text, asOf: "2026-07-19").alerts, [])
        // 07-20: 50 + 40 × (20/31)/4 = 56.45 % expected, nothing paid.
        let judged = try status(text, asOf: "2026-07-20")
        XCTAssertEqual(judged.gapBasisPoints, 5645)
        XCTAssertEqual(alerts(judged), ["LAG:red"], "the June checkpoint was never evaluated")
        // 宽限天数=10: June 30 is 10 days after the money, so it is judged.
        let short = try status("2026-01-01 设置 宽限天数=10\n" + text, asOf: "2026-06-30")
        XCTAssertEqual(short.checkpoints.map(\.evaluated), [false, true])
        XCTAssertEqual(alerts(short), ["LAG:red", "CHECKPOINT_MISSED:red"])
        XCTAssertEqual(short.readableAlerts.map(\.code), [.lag], "on the checkpoint day LAG says it")
    }

    /// Money carried in arrives on 1 January: grace until 01-31.
    func testCarriedInMoneyArrivesOnNewYearsDay() throws {
        let text = """
            2025-01-01 项目 A 甲
            2025-01-05 下达 A 100万 文号=X
            2025-06-01 支付 A 100万
            2025-01-01 项目 B 乙
            2025-01-05 下达 B 12万 文号=Y
            2025-12-31 结转 B 12万
            """
        XCTAssertEqual(try status(text, asOf: "2026-01-30", project: "B").alerts.filter { $0.code == .lag }, [])
        // 01-31: even pace 1/12 = 8.33 %, nothing paid → not yet 黄线 10; 02-28: 16.67 % → yellow.
        XCTAssertEqual(alerts(try status(text, asOf: "2026-02-28", project: "B")), ["LAG:yellow"])
    }

    // MARK: Contracts outlive their year

    static let lapsed = """
        2025-01-01 项目 P06 乙
        2025-01-10 下达 P06 10万 文号=X
        2025-02-01 合同 P06 HT-6 10万 期限=2025-09-30
        2025-03-01 支付 P06 4万 合同=HT-6
        2025-12-31 收回 P06 6万 文号=Y
        2026-01-01 项目 P07 丙
        2026-01-10 下达 P07 5万 文号=Z
        2026-04-10 下达 P06 6万 文号=W
        2026-04-20 支付 P06 6万 合同=HT-6
        """

    /// After `lapse --all` the contract's 6万 is still owed: listed next year, red (past
    /// 2025-09-30), until the 2026 payment naming it settles it.
    func testLapsedProjectsUnpaidContractIsListedNextYearUntilSettled() throws {
        let journal = Fixtures.journal(Self.lapsed)
        XCTAssertFalse(journal.hasErrors, "\(journal.diagnostics)")
        let january = try XCTUnwrap(MonthlyReport(journal: journal, year: 2026, month: 1))
        let p06 = try XCTUnwrap(january.status.projects.first { $0.id == "P06" }, "a project with an unpaid contract is listed")
        XCTAssertEqual(p06.budgetFen, 0)
        XCTAssertEqual(p06.contracts.map(\.id), ["HT-6"])
        XCTAssertEqual(p06.contracts.first?.signed, Fixtures.date("2025-02-01"))
        XCTAssertEqual(p06.unpaidContractsFen, Fixtures.wan("6"))
        XCTAssertEqual(p06.status, .red)
        let unpaid = try XCTUnwrap(p06.alerts.first { $0.code == .unpaidContract })
        XCTAssertEqual(unpaid.level, .red)
        XCTAssertEqual(unpaid.message, "合同 HT-6（2025 年签订）应付未付 6.00万元，已过付款期限（2025-09-30）")
        XCTAssertEqual(january.unpaidContracts.map(\.id), ["HT-6"])
        XCTAssertEqual(january.unpaidContracts.first?.overdue, true)
        XCTAssertEqual(january.status.totals.unpaidContractsFen, Fixtures.wan("6"))
        // Settled by the payment of 04-20: no longer listed as a contract; the project is
        // still reported (money moved in 2026), without the alert.
        let april = try XCTUnwrap(MonthlyReport(journal: journal, year: 2026, month: 4))
        let settled = try XCTUnwrap(april.status.projects.first { $0.id == "P06" })
        XCTAssertEqual(settled.contracts, [])
        XCTAssertNil(settled.alerts.first { $0.code == .unpaidContract })
        XCTAssertEqual(april.unpaidContracts, [])
        // 2027: nothing owed, nothing moving → P06 is not reported.
        XCTAssertNil(StatusReport(journal: journal, asOf: Fixtures.date("2027-03-31")).projects.first { $0.id == "P06" })
    }

    /// Without 期限 a contract falls due on 12-31 of its year: quiet before, yellow that day,
    /// red after — in the next year's reports too.
    func testContractWithoutDueFallsDueAtItsYearEnd() throws {
        let text = """
            2026-01-01 项目 A 甲
            2026-01-05 下达 A 10万 文号=X
            2026-03-01 合同 A C1 8万
            2026-04-01 支付 A 5万 合同=C1
            2026-05-01 支付 A 3万
            2026-12-31 结转 A 2万
            2027-01-05 下达 A 5万 文号=Y
            """
        // C1: 8万, 5万 paid, 3万 unpaid.
        XCTAssertNil(try status(text, asOf: "2026-12-30").alerts.first { $0.code == .unpaidContract })
        let yearEnd = try XCTUnwrap(try status(text, asOf: "2026-12-31").alerts.first { $0.code == .unpaidContract })
        XCTAssertEqual(yearEnd.level, .yellow)
        XCTAssertEqual(yearEnd.message, "合同 C1 应付未付 3.00万元，今天到期（未约定付款期限，按签订当年年末 2026-12-31 计）")
        let contract = try XCTUnwrap(try status(text, asOf: "2026-12-31").contracts.first)
        XCTAssertNil(contract.due)
        XCTAssertEqual(contract.dueDate, Fixtures.date("2026-12-31"))
        XCTAssertFalse(contract.overdue)
        let next = try status(text, asOf: "2027-01-31")
        XCTAssertEqual(next.alerts.first { $0.code == .unpaidContract }?.level, .red)
        XCTAssertEqual(next.contracts.first?.overdue, true)
    }

    /// With a 期限 next year: yellow on this year's 12-31, quiet until the due date, yellow on
    /// it, red the day after.
    func testContractDueNextYearIsYellowAtEachYearEndBeforeIt() throws {
        let text = """
            2026-01-01 项目 A 甲
            2026-01-05 下达 A 10万 文号=X
            2026-03-01 合同 A C1 8万 期限=2027-06-30
            2026-12-31 结转 A 10万
            """
        func level(_ asOf: String) throws -> AlertLevel? { try status(text, asOf: asOf).alerts.first { $0.code == .unpaidContract }?.level }
        XCTAssertNil(try level("2026-12-30"))
        XCTAssertEqual(try level("2026-12-31"), .yellow)
        XCTAssertNil(try level("2027-06-29"))
        XCTAssertEqual(try level("2027-06-30"), .yellow)
        XCTAssertEqual(try level("2027-07-01"), .red)
    }

    /// A contract settled in an earlier year is that year's history: not listed later.
    func testSettledContractOfAnEarlierYearIsNotListed() throws {
        let s = try status(
            """
            2025-01-01 项目 A 甲
            2025-01-05 下达 A 10万 文号=X
            2025-03-01 合同 A C1 8万
            2025-04-01 支付 A 8万 合同=C1
            2025-12-31 结转 A 2万
            """, asOf: "2026-01-31")
        XCTAssertEqual(s.contracts, [])
    }
}
