import Foundation
import XCTest
@testable import Ledger

/// The settings 宽限天数/grace-days and 时区/timezone (spec §1 Settings), and "today" in a
/// time zone.
final class TimeSettingsTests: XCTestCase {
    func parsedSetting(_ line: String) -> (SettingsChange?, [String]) {
        let parsed = parseJournal(line + "\n")
        var change: SettingsChange?
        if case .set(let value)? = parsed.entries.first?.body { change = value }
        return (change, parsed.diagnostics.map { "\($0.code)@\($0.location.column): \($0.message)" })
    }

    func testBothSpellingsAndDefaults() {
        XCTAssertEqual(parsedSetting("2026-01-01 设置 宽限天数=45 时区=-05:00").0, SettingsChange(graceDays: 45, utcOffsetMinutes: -300))
        XCTAssertEqual(parsedSetting("2026-01-01 set grace-days=0 timezone=+05:30").0, SettingsChange(graceDays: 0, utcOffsetMinutes: 330))
        XCTAssertEqual(parsedSetting("2026-01-01 set timezone=+14:00").0, SettingsChange(utcOffsetMinutes: 840))
        XCTAssertEqual(parsedSetting("2026-01-01 set timezone=-12:00").0, SettingsChange(utcOffsetMinutes: -720))
        let defaults = Settings()
        XCTAssertEqual(defaults.graceDays, 30)
        XCTAssertEqual(defaults.utcOffsetMinutes, 480, "China Standard Time")
        var settings = Settings()
        settings.apply(SettingsChange(graceDays: 10))
        settings.apply(SettingsChange(utcOffsetMinutes: -300))
        XCTAssertEqual(settings.graceDays, 10, "a later line changes only its own keys")
        XCTAssertEqual(settings.utcOffsetMinutes, -300)
    }

    func testBadValuesSayWhatIsAllowed() {
        // Column 15 is where the value's key starts in "2026-01-01 设置 …".
        for value in ["8", "+8:00", "08:00", "+08", "+08:60", "+14:30", "-12:30", "UTC", "+08：00", "", "+0800"] {
            let (change, diagnostics) = parsedSetting("2026-01-01 设置 时区=\"\(value)\"")
            XCTAssertNil(change, value)
            XCTAssertEqual(diagnostics.count, 1, value)
            XCTAssertTrue(diagnostics.first?.hasPrefix("bad-setting@15: 时区“") == true, "\(value): \(diagnostics)")
            XCTAssertTrue(diagnostics.first?.contains("应为相对 UTC 的时差，写成 ±HH:MM") == true, "\(value): \(diagnostics)")
            XCTAssertTrue(diagnostics.first?.contains("例如 时区=+08:00（北京时间，默认）、时区=-05:00、时区=+05:30") == true, "\(value): \(diagnostics)")
        }
        for value in ["-1", "367", "1.5", "三十", "+5"] {
            let (change, diagnostics) = parsedSetting("2026-01-01 设置 宽限天数=\(value)")
            XCTAssertNil(change, value)
            XCTAssertEqual(diagnostics, ["bad-setting@15: 宽限天数“\(value)”应为 0 到 366 之间的整数天数，例如 宽限天数=30"], value)
        }
    }

    func testWriterRoundTrips() {
        let day = CalendarDate(year: 2026, month: 1, day: 1)!
        XCTAssertEqual(
            JournalWriter.line(date: day, body: .set(SettingsChange(graceDays: 45, utcOffsetMinutes: -300))),
            "2026-01-01 设置 宽限天数=45 时区=-05:00")
        for minutes in [480, 0, -300, 330, 345, 840, -720, -30] {
            RoundTripTests.assertRoundTrip(day, .set(SettingsChange(graceDays: 7, utcOffsetMinutes: minutes)))
        }
        XCTAssertEqual(UTCOffset.string(0), "+00:00")
        XCTAssertEqual(UTCOffset.string(-30), "-00:30")
        XCTAssertEqual(UTCOffset.string(345), "+05:45")
    }

    /// On a UTC server: 2026-01-01T01:00Z and 2025-12-31T20:00Z are both 1 January in Beijing.
    func testTodayInATimeZone() throws {
        let one = try XCTUnwrap(WallClock.parse("2026-01-01T01:00:00Z"))
        let eight = try XCTUnwrap(WallClock.parse("2025-12-31T20:00Z"))
        XCTAssertEqual(one.unixSeconds, 1_767_229_200)
        XCTAssertEqual(Settings().today(one), date("2026-01-01"))
        XCTAssertEqual(Settings().today(eight), date("2026-01-01"))
        XCTAssertEqual(one.today(utcOffsetMinutes: 0), date("2026-01-01"))
        XCTAssertEqual(eight.today(utcOffsetMinutes: 0), date("2025-12-31"))
        XCTAssertEqual(one.today(utcOffsetMinutes: -300), date("2025-12-31"))
        // Just before and at midnight in UTC+05:30.
        XCTAssertEqual(WallClock.parse("2025-12-31T18:29:59Z")?.today(utcOffsetMinutes: 330), date("2025-12-31"))
        XCTAssertEqual(WallClock.parse("2025-12-31T18:30:00Z")?.today(utcOffsetMinutes: 330), date("2026-01-01"))
        // Seconds since 1970; an instant before 1970 still falls on the right day.
        XCTAssertEqual(WallClock.parse("0")?.today(utcOffsetMinutes: -60), date("1969-12-31"))
        XCTAssertEqual(WallClock(unixSeconds: -1).today(utcOffsetMinutes: 0), date("1969-12-31"))
        for bad in ["2026-01-01", "2026-01-01T25:00Z", "2026-01-01T01:00:00", "2026-02-30T01:00Z", "2026-01-01T+1:00Z", "now"] {
            XCTAssertNil(WallClock.parse(bad), bad)
        }
    }

    /// The recording commands read the 时区 before loading the journal: the last valid line
    /// wins, whatever file it is in; broken lines and other settings do not count.
    func testTimeZoneProbe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tzprobe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ text: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let first = try file("a.journal", "\u{FEFF}2026-01-01 设置 时区=+09:00 黄线=5\r\n2026-01-02 项目 P1 时区名\n")
        let second = try file("b.journal", "# 时区=-03:00 in a comment\n2026-01-03 设置 时区=+25:00\n2026-01-04 set org=x\n")
        let missing = folder.appendingPathComponent("none.journal").path
        XCTAssertEqual(try TimeZoneProbe.utcOffsetMinutes(paths: [first]).get(), 540)
        XCTAssertEqual(try TimeZoneProbe.utcOffsetMinutes(paths: [first, second]).get(), 540, "a comment and a bad value do not count")
        let third = try file("c.journal", "2026-01-05 set timezone=-05:00\n")
        XCTAssertEqual(try TimeZoneProbe.utcOffsetMinutes(paths: [first, third]).get(), -300)
        XCTAssertEqual(try TimeZoneProbe.utcOffsetMinutes(paths: [second, missing]).get(), 480, "none set: China Standard Time")
        // A line split across the pieces the file is read in.
        let padding = String(repeating: "# x\n", count: TimeZoneProbe.pieceBytes / 4 - 3)
        let long = try file("d.journal", padding + "2026-01-06 设置 时区=+03:00\n")
        XCTAssertEqual(try TimeZoneProbe.utcOffsetMinutes(paths: [long]).get(), 180)
    }
}
