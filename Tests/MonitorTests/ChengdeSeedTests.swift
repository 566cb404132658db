import XCTest
import Ledger
@testable import Monitor

/// Seed 000 (承德市医疗保障局 2019) through journals/chengde-2019.journal, at 2019-12-31.
/// Oracle figures from the seed: 9 projects, budget 192.31万, paid 158.89万, carried 33.42万;
/// 局机关 149.31 / 133.89 / 15.42; 职工医保中心 33 / 15 / 18; 居民医保中心 10 / 10 / 0.
final class ChengdeSeedTests: XCTestCase {
    let journal = Fixtures.shipped("chengde-2019.journal")
    lazy var report = StatusReport(journal: journal, asOf: Fixtures.date("2019-12-31"))

    func testJournalIsClean() {
        XCTAssertEqual(journal.diagnostics.errorCount, 0, "\(journal.diagnostics)")
        XCTAssertEqual(journal.projectOrder.count, 9)
    }

    func testDepartmentTotalsMatchTheSeed() {
        let t = report.totals
        XCTAssertEqual(t.projectCount, 9)
        XCTAssertEqual(t.budgetFen, Fixtures.wan("192.31"))
        XCTAssertEqual(t.paidFen, Fixtures.wan("158.89"))
        XCTAssertEqual(t.carriedOutFen, Fixtures.wan("33.42"))
        XCTAssertEqual(t.availableFen, 0)
        // 158.89 / 192.31 = 0.826217… → 82.62 %
        XCTAssertEqual(t.rateBasisPoints, 8262)
    }

    func testUnitSubtotalsMatchTheSeed() {
        let units = Dictionary(uniqueKeysWithValues: report.units.map { ($0.unit, $0.totals) })
        XCTAssertEqual(units["局机关"]?.budgetFen, Fixtures.wan("149.31"))
        XCTAssertEqual(units["局机关"]?.paidFen, Fixtures.wan("133.89"))
        XCTAssertEqual(units["局机关"]?.carriedOutFen, Fixtures.wan("15.42"))
        XCTAssertEqual(units["职工医保中心"]?.budgetFen, Fixtures.wan("33"))
        XCTAssertEqual(units["职工医保中心"]?.paidFen, Fixtures.wan("15"))
        XCTAssertEqual(units["职工医保中心"]?.carriedOutFen, Fixtures.wan("18"))
        XCTAssertEqual(units["居民医保中心"]?.budgetFen, Fixtures.wan("10"))
        XCTAssertEqual(units["居民医保中心"]?.paidFen, Fixtures.wan("10"))
        XCTAssertEqual(units["居民医保中心"]?.carriedOutFen, 0)
    }

    func testThe28WanProjectIsRedWithLowRate() throws {
        let p02 = try XCTUnwrap(report.projects.first { $0.id == "P02" })
        XCTAssertEqual(p02.budgetFen, Fixtures.wan("28"))
        XCTAssertEqual(p02.paidFen, Fixtures.wan("12.58"))
        XCTAssertEqual(p02.figures.carriedOutFen, Fixtures.wan("15.42"))
        // 12.58 / 28 = 0.449285… → 44.93 %; plan 100 % at 12-31 → gap 55.07
        XCTAssertEqual(p02.rateBasisPoints, 4493)
        XCTAssertEqual(p02.expectedBasisPoints, 10000)
        XCTAssertEqual(p02.gapBasisPoints, 5507)
        XCTAssertEqual(p02.status, .red)
        let lowRate = try XCTUnwrap(p02.alerts.first { $0.code == .lowRate })
        XCTAssertEqual(lowRate.level, .red)
        XCTAssertTrue(lowRate.message.contains("44.93%"), lowRate.message)
        XCTAssertEqual(p02.alerts.first { $0.code == .lag }?.level, .red)
        XCTAssertNil(p02.alerts.first { $0.code == .unresolvedBalance }, "all of P02's balance is carried")
    }

    func testThe18WanProjectIsRedWithNoSpendAndItsContractIsListed() throws {
        let p08 = try XCTUnwrap(report.projects.first { $0.id == "P08" })
        XCTAssertEqual(p08.budgetFen, Fixtures.wan("18"))
        XCTAssertEqual(p08.paidFen, 0)
        XCTAssertEqual(p08.status, .red)
        XCTAssertEqual(p08.alerts.first { $0.code == .noSpend }?.level, .red)
        let monthly = try XCTUnwrap(MonthlyReport(journal: journal, year: 2019, month: 12))
        let contract = try XCTUnwrap(monthly.unpaidContracts.first { $0.project == "P08" })
        XCTAssertEqual(contract.unpaidFen, Fixtures.wan("18"))
        XCTAssertTrue(contract.overdue)
        XCTAssertEqual(p08.alerts.first { $0.code == .unpaidContract }?.level, .red)
        // Unpaid 18万 against money still held: available 0 + carried out 18万 — not overcommitted.
        XCTAssertNil(p08.alerts.first { $0.code == .overcommitted })
        XCTAssertEqual(monthly.alerted.first?.status, .red)
    }

    func testCarryoverStatementMatchesTheSeed() throws {
        let statement = try XCTUnwrap(CarryoverStatement(journal: journal, year: 2019))
        XCTAssertEqual(statement.totals.budgetFen, Fixtures.wan("192.31"))
        XCTAssertEqual(statement.totals.paidFen, Fixtures.wan("158.89"))
        XCTAssertEqual(statement.totals.carriedOutFen, Fixtures.wan("33.42"))
        XCTAssertEqual(statement.totals.lapsedFen, 0)
        XCTAssertTrue(statement.rows.allSatisfy { $0.unresolvedFen == 0 })
        // Σ per project = totals
        XCTAssertEqual(statement.rows.reduce(0) { $0 + $1.project.paidFen }, statement.totals.paidFen)
    }

    func testCarriedMoneyArrivesIn2020() {
        let next = StatusReport(journal: journal, asOf: Fixtures.date("2020-01-31"))
        XCTAssertEqual(next.totals.carriedInFen, Fixtures.wan("33.42"))
        XCTAssertEqual(next.projects.map(\.id).sorted(), ["P02", "P08"])
    }
}
