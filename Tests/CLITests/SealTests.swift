import Foundation
import XCTest

/// 封账: `seal --through D` writes `D 封账 sha256=HEX` where HEX is the SHA-256 of every byte
/// before the line; `check` recomputes it, so editing sealed history is caught.
final class SealTests: FundflowTestCase {
    let history = [
        "# 承德市医疗保障局 2019",
        "2019-01-01 项目 P01 一号项目",
        "2019-03-01 下达 P01 100000.00 文号=A1",
        "2019-04-10 支付 P01 20000.00 凭证=V1",
    ]

    /// The hash covers the preceding bytes and the seal's own date (spec §1 "Sealing").
    func sealLine(_ date: String, over bytes: [UInt8]) -> String { "\(date) 封账 sha256=\(TestSHA256.hex(bytes + Array(date.utf8)))" }

    func testSealThenCheckThenTamper() throws {
        write(lines: history)
        let preceding = bytes() ?? []
        try assertAppends(["-f", journal, "seal", "--through", "2019-06-30"], line: sealLine("2019-06-30", over: preceding))
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 0, check.summary)
        XCTAssertEqual(check.stderr, "", check.summary)

        // Change ONE digit of the sealed payment: 20000.00 → 20001.00 (still within budget,
        // so the seal is the only thing that can notice).
        var tampered = bytes() ?? []
        let needle = Array("20000.00".utf8)
        let at = try XCTUnwrap(tampered.indices.first { tampered[$0...].starts(with: needle) })
        tampered[at + 4] = UInt8(ascii: "1")
        writeBytes(tampered)
        let broken = try ff("check")
        XCTAssertEqual(broken.exitCode, 1, broken.summary)
        // The seal is line 5; its sha256= field starts at column 15.
        XCTAssertTrue(broken.stderrLines.contains { $0.hasPrefix("j.journal:5:15: 错误: 封账校验失败") }, broken.summary)
        XCTAssertTrue(broken.stdout.contains("1 个错误"), broken.summary)
    }

    func testTamperingWithACommentOrALineEndingIsCaughtButLaterLinesAreFree() throws {
        write(lines: history)
        let preceding = bytes() ?? []
        try assertAppends(["-f", journal, "seal", "--through", "2019-06-30"], line: sealLine("2019-06-30", over: preceding))
        try assertAppends(["-f", journal, "pay", "P01", "1000", "--date", "2019-07-01"], line: "2019-07-01 支付 P01 1000.00")
        let sealed = bytes() ?? []

        // Editing after the seal is not covered by it.
        writeBytes(Array(String(decoding: sealed, as: UTF8.self).replacingOccurrences(of: "1000.00", with: "1001.00").utf8))
        XCTAssertEqual(try ff("check").exitCode, 0)

        // A comment is sealed history too ("2019" → "2018").
        writeBytes(Array(String(decoding: sealed, as: UTF8.self).replacingOccurrences(of: "医疗保障局 2019", with: "医疗保障局 2018").utf8))
        let comment = try ff("check")
        XCTAssertEqual(comment.exitCode, 1, comment.summary)
        XCTAssertTrue(comment.stderrLines.contains { $0.hasPrefix("j.journal:5:15: 错误: 封账校验失败") }, comment.summary)

        // So is a line ending: LF → CRLF on line 2 reads the same but is not the same bytes.
        writeBytes(Array(String(decoding: sealed, as: UTF8.self).replacingOccurrences(of: "一号项目\n", with: "一号项目\r\n").utf8))
        let ending = try ff("check")
        XCTAssertEqual(ending.exitCode, 1, ending.summary)
        XCTAssertTrue(ending.stderrLines.contains { $0.hasPrefix("j.journal:5:15: 错误: 封账校验失败") }, ending.summary)
    }

    func testSealOverMendedNewlineBOMAndCRLF() throws {
        // The digest covers exactly the bytes before the seal line: BOM, CRs and the newline
        // the append adds to a last line that lacked one.
        let text = "\u{FEFF}2019-01-01 项目 P01 一号项目\r\n2019-03-01 下达 P01 100.00 文号=A1"
        write(text)
        try assertAppends(
            ["-f", journal, "seal", "--through", "2019-03-31"],
            line: sealLine("2019-03-31", over: Array((text + "\n").utf8)))
        XCTAssertEqual(try ff("check").exitCode, 0)
    }

    func testSecondSealCoversTheFirst() throws {
        write(lines: history)
        let first = bytes() ?? []
        try assertAppends(["-f", journal, "seal", "--through", "2019-06-30"], line: sealLine("2019-06-30", over: first))
        try assertAppends(["-f", journal, "pay", "P01", "1000", "--date", "2019-08-01"], line: "2019-08-01 支付 P01 1000.00")
        let second = bytes() ?? []
        try assertAppends(["-f", journal, "封账", "--through", "2019-12-31"], line: sealLine("2019-12-31", over: second))
        XCTAssertEqual(try ff("check").exitCode, 0)
        // Breaking the first seal's hash is reported at both seals.
        writeBytes(Array(String(decoding: bytes() ?? [], as: UTF8.self).replacingOccurrences(of: "文号=A1", with: "文号=A2").utf8))
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 1, check.summary)
        XCTAssertTrue(check.stderrLines.contains { $0.hasPrefix("j.journal:5:15: 错误: 封账校验失败") }, check.summary)
        XCTAssertTrue(check.stderrLines.contains { $0.hasPrefix("j.journal:7:15: 错误: 封账校验失败") }, check.summary)
    }

    func testSealingAJournalWithErrorsIsRefused() throws {
        write(lines: history + ["2019-05-01 支付 P01 90000.00 凭证=V2"])  // overspends: 8万 left
        let result = try assertRefused(["-f", journal, "seal", "--through", "2019-06-30"], diagnostics: [])
        XCTAssertTrue(result.stderr.contains("1 个错误，不能封账"), result.summary)
    }

    func testSealingTheFutureIsRefusedButTodayIsFine() throws {
        write(lines: history)
        let tomorrow = try assertRefused(["-f", journal, "seal", "--through", todayInChina(offsetDays: 1)], diagnostics: [])
        XCTAssertTrue(tomorrow.stderr.contains("不能封账到未来的日期"), tomorrow.summary)
        try assertRefused(["-f", journal, "seal", "--through", "2999-12-31"], diagnostics: [])
        let today = todayInChina()
        let preceding = bytes() ?? []
        try assertAppends(["-f", journal, "seal", "--through", today], line: sealLine(today, over: preceding))
    }

    func testSealCommandLine() throws {
        write(lines: history)
        try assertExit(2, ["-f", journal, "seal"], stderrContains: "--through")
        try assertExit(2, ["-f", journal, "seal", "2019-06-30"])
        try assertExit(2, ["-f", journal, "seal", "--through", "2019-06-30", "--date", "2019-06-30"])
        try assertExit(2, ["-f", journal, "seal", "--through", "2019-06-31"])  // malformed dates: exit 2 (spec §2)
        try assertExit(2, ["-f", journal, "seal", "--through", "2019/06/30"])
    }

    func testHandWrittenSealsAreChecked() throws {
        let text = journalText(history)
        // Upper-case hex, a short digest and a wrong digest.
        write(text + "2019-06-30 封账 sha256=\(TestSHA256.hex(text + "2019-06-30").uppercased())\n")
        let upper = try ff("check")
        XCTAssertEqual(upper.exitCode, 1, upper.summary)
        XCTAssertTrue(upper.stderrLines.contains { $0.hasPrefix("j.journal:5:15: 错误: sha256 应为 64 位小写十六进制数字") }, upper.summary)

        write(text + "2019-06-30 封账\n")
        let missing = try ff("check")
        XCTAssertEqual(missing.exitCode, 1, missing.summary)
        XCTAssertTrue(missing.stderrLines.contains { $0.hasPrefix("j.journal:5:12: 错误: “封账”必须写明sha256") }, missing.summary)

        write(text + "2019-06-30 封账 sha256=\(TestSHA256.hex(text + "x"))\n")
        let wrong = try ff("check")
        XCTAssertEqual(wrong.exitCode, 1, wrong.summary)
        XCTAssertTrue(wrong.stderrLines.contains { $0.hasPrefix("j.journal:5:15: 错误: 封账校验失败") }, wrong.summary)

        write(text + "2019-06-30 封账 sha256=\(TestSHA256.hex(text + "2019-06-30"))\n")
        XCTAssertEqual(try ff("check").exitCode, 0)
    }

    func testEachFileIsSealedOnItsOwn() throws {
        let first = journalText(["2019-01-01 项目 P01 一号项目", "2019-03-01 下达 P01 100000.00 文号=A1"])
        let second = journalText(["2019-04-10 支付 P01 20000.00 凭证=V1"])
        write(first, to: "a.journal")
        write(second, to: "b.journal")
        // A seal covers its own file's bytes only: sealing b through 06-30 while a.journal's
        // lines of that period are covered by no seal would leave them open — refused.
        try assertRefused(
            ["-f", "a.journal", "-f", "b.journal", "seal", "--through", "2019-06-30"],
            diagnostics: ["a.journal:1:1: 错误: 本条封账（2019-06-30）的日期在这一行之前，记入后这一行将出错：2019-01-01 已封账（b.journal 第 2 行封账至 2019-06-30）"],
            journalFile: "b.journal")
        // Each file sealed on its own: a first, then b (the seal goes to the last file).
        try assertAppends(
            ["-f", "a.journal", "seal", "--through", "2019-03-31"],
            line: sealLine("2019-03-31", over: Array(first.utf8)), journalFile: "a.journal")
        try assertAppends(
            ["-f", "a.journal", "-f", "b.journal", "seal", "--through", "2019-06-30"],
            line: sealLine("2019-06-30", over: Array(second.utf8)), journalFile: "b.journal")
        let check = try run(["-f", "a.journal", "-f", "b.journal", "check"])
        XCTAssertEqual(check.exitCode, 0, check.summary)
        // A line back-dated into b's period, added to a after a's seal, is covered by no seal.
        write(text("a.journal") + "2019-05-01 支付 P01 1.00 凭证=V9\n", to: "a.journal")
        let late = try run(["-f", "a.journal", "-f", "b.journal", "check"])
        XCTAssertEqual(late.exitCode, 1, late.summary)
        XCTAssertTrue(
            late.stderrLines.contains { $0.hasPrefix("a.journal:4:1: 错误: 2019-05-01 已封账（b.journal 第 2 行封账至 2019-06-30）") },
            late.summary)
    }
}
