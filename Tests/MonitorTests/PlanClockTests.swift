import XCTest
import Ledger
@testable import Monitor

/// Seed 003's plans evaluated at checkpoint dates, between them, and mid-month in a leap
/// year's February. Expected values worked out on the month clock by hand.
final class PlanClockTests: XCTestCase {
    func plan(_ text: String) -> DisbursementPlan {
        guard case .success(let plan) = DisbursementPlan.parse(text) else { fatalError(text) }
        return plan
    }
    func expected(_ planText: String, _ date: String) -> Int64 {
        PlanClock.expectedBasisPoints(plan(planText), at: Fixtures.date(date))
    }

    func testFourCheckpointPlanAtCheckpoints() {
        let p = "3月:30,6月:50,10月:90,12月:100"
        XCTAssertEqual(expected(p, "2020-03-31"), 3000)
        XCTAssertEqual(expected(p, "2020-06-30"), 5000)
        XCTAssertEqual(expected(p, "2020-10-31"), 9000)
        XCTAssertEqual(expected(p, "2020-12-31"), 10000)
    }

    func testFourCheckpointPlanBetweenCheckpoints() {
        let p = "3月:30,6月:50,10月:90,12月:100"
        // 2020-08-15: 7 + 15/31 months; 50 + 40 × (1 + 15/31)/4 = 50 + 460/31 = 64.8387 → 64.84
        XCTAssertEqual(expected(p, "2020-08-15"), 6484)
        // 2020-11-15: 10.5 months; 90 + 10 × 0.5/2 = 92.50
        XCTAssertEqual(expected(p, "2020-11-15"), 9250)
        // 2020-01-31: 1 month; 30 × 1/3 = 10.00
        XCTAssertEqual(expected(p, "2020-01-31"), 1000)
    }

    func testLeapFebruaryMidMonth() {
        // 2020-02-15: 1 + 15/29 months. 3月:30 → 30 × (44/29)/3 = 440/29 = 15.1724 → 15.17
        XCTAssertEqual(expected("3月:30,6月:50,10月:90,12月:100", "2020-02-15"), 1517)
        // 10月:100 → 100 × (44/29)/10 = 15.1724 → 15.17
        XCTAssertEqual(expected("10月:100", "2020-02-15"), 1517)
        // spec: default 12月:100 → (1 + 15/29)/12 = 12.64 %
        XCTAssertEqual(PlanClock.expectedBasisPoints(.evenPace, at: Fixtures.date("2020-02-15")), 1264)
        // Not a leap year: 2019-02-15 → (1 + 15/28)/12 = 12.797… → 12.80
        XCTAssertEqual(PlanClock.expectedBasisPoints(.evenPace, at: Fixtures.date("2019-02-15")), 1280)
    }

    func testSingleCheckpointPlan() {
        XCTAssertEqual(expected("10月:100", "2020-06-30"), 6000)  // 6/10
        XCTAssertEqual(expected("10月:100", "2020-10-31"), 10000)
        XCTAssertEqual(expected("10月:100", "2020-11-15"), 10000)  // flat after the last checkpoint
        XCTAssertEqual(expected("6月:40", "2020-12-31"), 4000)  // flat, not 100
    }

    func testEvenPaceAtMonthEndsIsMonthsOverTwelve() {
        for month in 1...12 {
            let date = CalendarDate.monthEnd(year: 2019, month: month)!
            // m/12 × 10000, rounded half-up
            let expected = (Int64(month) * 10000 * 2 + 12) / 24
            XCTAssertEqual(PlanClock.expectedBasisPoints(.evenPace, at: date), expected, "month \(month)")
        }
    }

    func testGapIsExactNotTheDifferenceOfRoundedValues() {
        // expected 1/3 month of 12月:100 on 2019-01-10: 10/31/12 = 2.688172 %; paid 1 of 300 = 0.3333 %
        // gap = 2.688172 − 0.333333 = 2.354839 → 2.35 (rounded values would give 2.69 − 0.33 = 2.36)
        let date = Fixtures.date("2019-01-10")
        let gap = PlanClock.gapBasisPoints(expectedNumerator: PlanClock.expectedNumerator(.evenPace, at: date), at: date, paidFen: 100, budgetFen: 30_000)
        XCTAssertEqual(gap, 235)
    }
}
