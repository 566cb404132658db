import Foundation
import XCTest

/// Issue 12, item 5 (the CLI side): "today" — the default `--date`, the `--as-of` default and
/// what `seal` calls the future — is the date in the journal's 时区, China Standard Time unless
/// set, whatever the server's clock zone. `FUNDFLOW_NOW` fixes the instant (UTC).
final class TodayTests: FundflowTestCase {
    /// Appends with the clock at `now` and returns the date the new line got.
    func recordedDate(_ arguments: [String], now: String, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let result = try run(["-f", journal] + arguments, environment: ["FUNDFLOW_NOW": now])
        XCTAssertEqual(result.exitCode, 0, result.summary, file: file, line: line)
        return text().split(separator: "\n").last.map { String($0.prefix(10)) }
    }

    func testDefaultDateIsChinaStandardTime() throws {
        write("")
        // 2026-01-01T01:00Z is 09:00 in Beijing; 2025-12-31T20:00Z is 04:00 on 1 January there.
        XCTAssertEqual(try recordedDate(["project", "P1", "甲", "--unit", "局机关"], now: "2026-01-01T01:00:00Z"), "2026-01-01")
        XCTAssertEqual(try recordedDate(["project", "P2", "乙", "--unit", "局机关"], now: "2025-12-31T20:00:00Z"), "2026-01-01")
        // 15:59:59Z is 23:59:59 in Beijing: still the 31st.
        XCTAssertEqual(try recordedDate(["project", "P0", "丙", "--unit", "局机关"], now: "2025-12-31T15:59:59Z"), "2025-12-31")
    }

    func testTheJournalsTimeZoneDecides() throws {
        write(lines: ["2025-01-01 设置 时区=-05:00"])
        // 01:00Z on 1 January is 20:00 on 31 December in UTC−05:00.
        XCTAssertEqual(try recordedDate(["project", "P1", "甲"], now: "2026-01-01T01:00:00Z"), "2025-12-31")
        // The later 时区 line wins: +05:30 turns 18:30Z into midnight of the next day.
        write(lines: ["2025-01-01 设置 时区=-05:00", "2025-01-02 set timezone=+05:30"])
        XCTAssertEqual(try recordedDate(["project", "P1", "甲"], now: "2025-12-31T18:29:59Z"), "2025-12-31")
        XCTAssertEqual(try recordedDate(["project", "P2", "乙"], now: "2025-12-31T18:30:00Z"), "2026-01-01")
    }

    func testStatusAsOfDefaultsToTodayInTheTimeZone() throws {
        let lines = ["2025-01-01 项目 P1 甲", "2025-01-02 下达 P1 1万 文号=A"]
        func asOf(_ journalLines: [String]) throws -> String {
            write(lines: journalLines)
            let result = try run(["-f", journal, "status", "--json"], environment: ["FUNDFLOW_NOW": "2026-01-01T01:00:00Z"])
            XCTAssertEqual(result.exitCode, 0, result.summary)
            let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
            return object?["as_of"] as? String ?? ""
        }
        XCTAssertEqual(try asOf(lines), "2026-01-01")
        XCTAssertEqual(try asOf(["2025-01-01 设置 时区=-05:00"] + lines), "2025-12-31")
    }

    func testSealingTheFutureIsJudgedInTheTimeZone() throws {
        let lines = ["2025-01-01 项目 P1 甲", "2025-01-02 下达 P1 1万 文号=A"]
        write(lines: lines)
        // 17:00Z on 31 December is 01:00 on 1 January in Beijing: sealing through 2026-01-01 is not the future.
        let sealed = try run(["-f", journal, "seal", "--through", "2026-01-01"], environment: ["FUNDFLOW_NOW": "2025-12-31T17:00:00Z"])
        XCTAssertEqual(sealed.exitCode, 0, sealed.summary)
        write(lines: ["2025-01-01 设置 时区=-05:00"] + lines)
        let refused = try run(["-f", journal, "seal", "--through", "2026-01-01"], environment: ["FUNDFLOW_NOW": "2025-12-31T17:00:00Z"])
        XCTAssertEqual(refused.exitCode, 1, refused.summary)
        XCTAssertTrue(refused.stderr.contains("不能封账到未来的日期 2026-01-01（今天是 2025-12-31）"), refused.summary)
    }

    func testABadClockOverrideIsACommandLineError() throws {
        write("")
        let result = try run(["-f", journal, "project", "P1", "甲"], environment: ["FUNDFLOW_NOW": "tomorrow"])
        XCTAssertEqual(result.exitCode, 2, result.summary)
        XCTAssertTrue(result.stderr.contains("FUNDFLOW_NOW"), result.summary)
        XCTAssertEqual(text(), "")
    }

    func testSetWritesGraceDaysAndTimeZone() throws {
        write("")
        try assertAppends(
            ["-f", journal, "set", "--timezone", "-05:00", "--grace-days", "45", "--date", "2026-01-01"],
            line: "2026-01-01 设置 宽限天数=45 时区=-05:00")
        try assertAppends(["-f", journal, "set", "--grace-days", "0", "--date", "2026-01-01"], line: "2026-01-01 设置 宽限天数=0")
        // A malformed value on the command line is exit 2 (spec §2), and nothing is written.
        let before = text()
        let bad = try run(["-f", journal, "set", "--timezone", "8", "--date", "2026-01-01"])
        XCTAssertEqual(bad.exitCode, 2, bad.summary)
        XCTAssertTrue(bad.stderr.contains("时区“8”无效：应为相对 UTC 的时差，写成 ±HH:MM"), bad.summary)
        XCTAssertTrue(bad.stderr.contains("例如 时区=+08:00"), bad.summary)
        let late = try run(["-f", journal, "set", "--grace-days", "367", "--date", "2026-01-01"])
        XCTAssertEqual(late.exitCode, 2, late.summary)
        XCTAssertTrue(late.stderr.contains("宽限天数“367”应为 0 到 366 之间的整数天数"), late.summary)
        XCTAssertEqual(text(), before)
    }

    func testFullWidthEqualsInAnOptionIsNamed() throws {
        write(lines: ["2025-01-01 项目 P1 甲", "2025-01-02 下达 P1 1万 文号=A"])
        let result = try assertExit(2, ["-f", journal, "pay", "P1", "1", "--voucher＝记-1", "--date", "2025-02-01"])
        XCTAssertTrue(
            result.stderr.contains("选项“--voucher＝记-1”中的“＝”是全角等号：请改用半角“=”，写成 --voucher=记-1，或用空格分开：--voucher 记-1"),
            result.summary)
    }
}
