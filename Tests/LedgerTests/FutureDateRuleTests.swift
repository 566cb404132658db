import XCTest
@testable import Ledger

/// Spec §1 "Warnings" and 时区: an entry dated after today, where today is the date in the
/// journal's 时区 at the instant of the clock. At 2026-01-01 01:00 UTC it is already
/// 2026-01-01 09:00 in +08:00, but still 2025-12-31 20:00 in -05:00.
final class FutureDateRuleTests: XCTestCase {
    private let clock = WallClock.parse("2026-01-01T01:00:00Z")!

    private func journal(timeZone: String?) -> Journal {
        var lines = ["2025-01-01 项目 P01 办公经费"]  // 1
        if let timeZone { lines.append("2025-01-01 设置 时区=\(timeZone)") }
        lines += [
            "2025-12-31 下达 P01 1000 文号=A1",  // 2 or 3
            "2026-01-01 下达 P01 1000 文号=A2",
        ]  // 3 or 4
        return Validator.validate(parseJournal(journalText(lines)), clock: clock)
    }

    func testNewYearsDayIsTodayInBeijing() {
        let beijing = journal(timeZone: "+08:00")
        XCTAssertEqual(beijing.today, date("2026-01-01"))
        assertWarnings(beijing.diagnostics, [])
        assertErrors(beijing.diagnostics, [])
    }

    func testNewYearsDayIsTomorrowInNewYork() {
        let newYork = journal(timeZone: "-05:00")
        XCTAssertEqual(newYork.today, date("2025-12-31"))
        assertWarnings(newYork.diagnostics, [Spot(4, 1, "future-date")])
        assertErrors(newYork.diagnostics, [])
        XCTAssertEqual(newYork.accepted, [true, true, true, true], "a warning does not refuse the entry")
        let message = newYork.diagnostics.first { $0.code == "future-date" }?.message ?? ""
        XCTAssertTrue(message.contains("2026-01-01") && message.contains("2025-12-31"), message)
    }

    func testTheDefaultTimeZoneIsChinaStandardTime() {
        let unset = journal(timeZone: nil)
        XCTAssertEqual(unset.today, date("2026-01-01"))
        assertWarnings(unset.diagnostics, [])
    }

    func testTheLaterSettingWinsAndAnEntryTwoDaysAheadIsFutureEverywhere() {
        let journal = Validator.validate(
            parseJournal(
                journalText([
                    "2025-01-01 项目 P01 办公经费",  // 1
                    "2025-01-01 设置 时区=-05:00",  // 2
                    "2025-01-02 设置 timezone=+08:00",  // 3 wins: today 2026-01-01
                    "2026-01-01 下达 P01 1000 文号=A1",  // 4 today: fine
                    "2026-01-02 支付 P01 10 凭证=V1",  // 5 tomorrow: warned
                ])), clock: clock)
        XCTAssertEqual(journal.today, date("2026-01-01"))
        assertWarnings(journal.diagnostics, [Spot(5, 1, "future-date")])
    }

    func testWithoutAClockNothingIsInTheFuture() {
        let journal = validateJournal(["2025-01-01 项目 P01 办公经费", "2999-01-01 下达 P01 1000 文号=A1"])
        assertWarnings(journal.diagnostics, [])
    }
}
