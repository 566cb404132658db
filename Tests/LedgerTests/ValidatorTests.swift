import XCTest
@testable import Ledger

/// The validator as a whole: date order with file order among equal dates, refused entries
/// left out of the books, settings, and the shape of its result.
final class ValidatorTests: XCTestCase {
    func testEntriesTakeEffectInDateOrder() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-03-01 支付 P01 500 凭证=V1",  // written before the allotment, dated after it
            "2019-02-01 下达 P01 1000 文号=A1",
        ])
        XCTAssertTrue(journal.diagnostics.isEmpty, "\(journal.diagnostics)")
        XCTAssertEqual(journal.dateOrder, [0, 2, 1])
        XCTAssertEqual(journal.acceptedInDateOrder.map(\.location.line), [1, 3, 2])
        XCTAssertEqual(journal.books().figures("P01", year: 2019).paidFen, 50_000)
    }

    func testEqualDatesFollowFileOrder() {
        let payFirst = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-03-01 支付 P01 500",  // same day, but above the allotment: nothing to pay from yet
            "2019-03-01 下达 P01 1000 文号=A1",
        ])
        assertErrors(payFirst.diagnostics, [Spot(2, 19, "overspend")])
        let allotFirst = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-03-01 下达 P01 1000 文号=A1",
            "2019-03-01 支付 P01 500 凭证=V1",
        ])
        XCTAssertTrue(allotFirst.diagnostics.isEmpty)
    }

    func testRefusedEntriesAreNotApplied() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-01-02 下达 P01 1000 文号=A1",
            "2019-02-01 支付 P01 1200",  // overspend: refused
            "2019-02-02 支付 P01 1000",  // judged without line 3: exactly the budget
            "2019-02-03 支付 P01 0.01",  // and now nothing is left
        ])
        assertErrors(journal.diagnostics, [Spot(3, 19, "overspend"), Spot(5, 19, "overspend")])
        XCTAssertEqual(journal.accepted, [true, true, false, true, false])
        XCTAssertEqual(journal.books().figures("P01", year: 2019).paidFen, 100_000)
        XCTAssertTrue(journal.hasErrors)
    }

    func testReaderAndRuleDiagnosticsTogetherInSourceOrder() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",  // 1
            "2019-03-01 支付 P01 5 凭证=V1",  // 2 overspend @19
            "2019-03-01 付款 P01 5",  // 3 unknown-verb @12 (reader)
            "2019-01-02 下达 P01 1000 文号=A1",  // 4
            "2019-01-03 下达 P01 1000 文号=A1",  // 5 duplicate-doc warning
            "2019-01-04 支付 P02 5",  // 6 unknown-project @15
        ])
        // Line 2 is dated after both allotments: no overspend after all.
        assertErrors(journal.diagnostics, [Spot(3, 12, "unknown-verb"), Spot(6, 15, "unknown-project")])
        assertWarnings(journal.diagnostics, [Spot(5, 1, "duplicate-doc")])
        let locations = journal.diagnostics.map(\.location)
        XCTAssertEqual(locations, locations.sorted())
        XCTAssertEqual(journal.lineCounts, [6])
    }

    func testSettingsLaterLineWinsKeyByKey() {
        let journal = validateJournal([
            "2019-01-01 设置 黄线=5 单位名称=甲单位",
            "2019-06-01 设置 黄线=15 红线=30",
            "2019-03-01 设置 单位名称=乙单位 零支出天数=30 默认计划=6月:40,12月:100",  // later line, earlier date: still wins
        ])
        XCTAssertTrue(journal.diagnostics.isEmpty)
        XCTAssertEqual(journal.settings.warnGapBasisPoints, 1500)  // line 2 over line 1
        XCTAssertEqual(journal.settings.alarmGapBasisPoints, 3000)
        XCTAssertEqual(journal.settings.organisation, "乙单位")  // line 3 over line 1
        XCTAssertEqual(journal.settings.idleDays, 30)
        XCTAssertEqual(journal.settings.targetRateBasisPoints, 9000)  // default, never set
        XCTAssertEqual(journal.settings.defaultPlan.description, "6月:40,12月:100")
    }

    /// A 设置 line refused for falling in a sealed period is not in effect, like any refused line.
    func testRefusedSettingsLineDoesNotTakeEffect() {
        let head = "2019-01-01 设置 黄线=5\n"
        let text = head + "2019-06-30 封账 sha256=\(SHA256.hex(Array((head + "2019-06-30").utf8)))\n" + "2019-06-01 设置 黄线=8 红线=25\n"
        let journal = Validator.validate(parseJournal(text))
        assertErrors(journal.diagnostics, [Spot(3, 1, "sealed-period")])
        XCTAssertEqual(journal.settings.warnGapBasisPoints, 500)
        XCTAssertEqual(journal.settings.alarmGapBasisPoints, 2000)
    }

    func testDefaultSettings() {
        let settings = validateJournal([]).settings
        XCTAssertEqual(settings.organisation, "")
        XCTAssertEqual(settings.defaultPlan, .evenPace)
        XCTAssertEqual(settings.warnGapBasisPoints, 1000)
        XCTAssertEqual(settings.alarmGapBasisPoints, 2000)
        XCTAssertEqual(settings.targetRateBasisPoints, 9000)
        XCTAssertEqual(settings.idleDays, 90)
    }

    func testEmptyJournal() {
        let journal = validateJournal([])
        XCTAssertTrue(journal.entries.isEmpty)
        XCTAssertTrue(journal.diagnostics.isEmpty)
        XCTAssertFalse(journal.hasErrors)
        XCTAssertEqual(journal.lineCounts, [0])
    }
}
