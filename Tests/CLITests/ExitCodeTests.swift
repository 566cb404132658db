import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// §2 Exit codes: 0 success · 1 invalid journal or entry · 2 wrong command line · 3 a file
/// cannot be read or written. None of the failures may touch the journal.
final class ExitCodeTests: FundflowTestCase {
    let base = [
        "2019-01-01 项目 P01 一号项目",
        "2019-03-01 下达 P01 100000.00 文号=A1",
        "2019-04-10 支付 P01 100.00 凭证=V1",
    ]

    override func setUpWithError() throws {
        try super.setUpWithError()
        write(lines: base)
    }

    // MARK: 2 — the command line is wrong

    func testUnknownCommand() throws {
        try assertExit(2, ["-f", journal, "frobnicate"], stderrContains: "没有命令“frobnicate”")
        try assertExit(2, ["-f", journal, "payy", "P01", "1"], stderrContains: "是不是“pay”")
        try assertExit(2, ["-f", journal, "付款", "P01", "1"])
        try assertExit(2, ["-f", journal, "help", "nosuch"])
        let bare = try assertExit(2, [])
        XCTAssertTrue(bare.stdout.contains("用法"), "without a command, say how to use it\n\(bare.summary)")
    }

    func testUnknownOption() throws {
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--colour", "red"], stderrContains: "--colour")
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--doc", "X"], stderrContains: "没有选项 --doc")  // another command's option
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "-x"])
        try assertExit(2, ["-f", journal, "check", "--date", "2019-01-01"])
        try assertExit(2, ["-f", journal, "check", "--everything"])
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--all=yes"])
    }

    func testMissingRequiredOption() throws {
        try assertExit(2, ["-f", journal, "allot", "P01", "1万", "--date", "2019-05-01"], stderrContains: "--doc")
        try assertExit(2, ["-f", journal, "reduce", "P01", "1万"], stderrContains: "--doc")
        try assertExit(2, ["-f", journal, "reverse", "P01", "1", "--date", "2019-05-01"], stderrContains: "--of")
        try assertExit(2, ["-f", journal, "carry", "P01", "1"], stderrContains: "--year")
        try assertExit(2, ["-f", journal, "seal"], stderrContains: "--through")
        try assertExit(2, ["-f", journal, "set", "--date", "2019-05-01"])
    }

    func testWrongNumberOfPositionals() throws {
        try assertExit(2, ["-f", journal, "pay", "P01"], stderrContains: "参数不够")
        try assertExit(2, ["-f", journal, "pay"], stderrContains: "参数不够")
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "2"], stderrContains: "多余的参数“2”")
        try assertExit(2, ["-f", journal, "pay", "P01", "5.61", "万"], stderrContains: "多余的参数“万”")
        try assertExit(2, ["-f", journal, "project", "P02"])
        try assertExit(2, ["-f", journal, "project", "P02", "医疗", "服务"])
        try assertExit(2, ["-f", journal, "contract", "P01", "HT1"])
        try assertExit(2, ["-f", journal, "check", "extra"])
        try assertExit(2, ["-f", journal, "set", "X", "--org", "Y"])
    }

    func testMalformedOptions() throws {
        try assertExit(2, ["-f"])
        try assertExit(2, ["check", "-f"])
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--voucher"])
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--date", "2019-05-01", "--date", "2019-05-02"])
    }

    func testHelpAndVersionSucceedWithoutTouchingAnything() throws {
        for arguments in [["--help"], ["-h"], ["help"], ["help", "pay"], ["pay", "--help"], ["--version"]] {
            try assertExit(0, ["-f", "none.journal"] + arguments)
            XCTAssertFalse(exists("none.journal"), "\(arguments) must not create a journal")
        }
    }

    // MARK: 2 — a malformed value on the command line, wherever it appears (spec §2)

    func testInvalidAmounts() throws {
        try assertExit(2, ["-f", journal, "pay", "P01", "1.2345678万", "--date", "2019-05-01"], stderrContains: "不是整分")
        try assertExit(2, ["-f", journal, "pay", "P01", "1.001", "--date", "2019-05-01"], stderrContains: "不是整分")
        try assertExit(2, ["-f", journal, "pay", "P01", "-5", "--date", "2019-05-01"], stderrContains: "必须大于零")
        try assertExit(2, ["-f", journal, "pay", "P01", "-1.5万", "--date", "2019-05-01"], stderrContains: "必须大于零")
        try assertExit(2, ["-f", journal, "pay", "P01", "0", "--date", "2019-05-01"], stderrContains: "必须大于零")
        try assertExit(2, ["-f", journal, "pay", "P01", "abc", "--date", "2019-05-01"], stderrContains: "无法识别")
        try assertExit(2, ["-f", journal, "pay", "P01", "1，000", "--date", "2019-05-01"], stderrContains: "全角逗号")
        try assertExit(2, ["-f", journal, "pay", "P01", "1,00", "--date", "2019-05-01"], stderrContains: "千分位")
        try assertExit(2, ["-f", journal, "pay", "P01", "99999999999999999999", "--date", "2019-05-01"], stderrContains: "超出允许范围")
        try assertExit(2, ["-f", journal, "allot", "P01", "1", "--doc", "D", "--kind", "其他", "--date", "2019-05-01"], stderrContains: "类别")
    }

    func testInvalidDates() throws {
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--date", "2019-02-29"], stderrContains: "日期“2019-02-29”无效")
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--date", "2019-13-01"])
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--date", "2019-5-1"])
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--date", "二〇一九年五月一日"])
        try assertExit(2, ["-f", journal, "contract", "P01", "HT9", "1", "--due", "2019-02-30", "--date", "2019-05-01"])
        try assertExit(2, ["-f", journal, "reverse", "P01", "1", "--of", "V1", "--of-date", "2019-04-31", "--date", "2019-05-01"])
        try assertExit(2, ["-f", journal, "carry", "P01", "1", "--year", "abcd"])
        // 2020 is a leap year: the 29th of February exists.
        try assertAppends(["-f", journal, "project", "P02", "二号项目", "--date", "2020-02-29"], line: "2020-02-29 项目 P02 二号项目")
    }

    func testOtherInvalidValues() throws {
        try assertExit(2, ["-f", journal, "project", "P 1", "名称", "--date", "2019-05-01"], stderrContains: "项目编号“P 1”")
        try assertExit(2, ["-f", journal, "plan", "P01", "6月:50,3月:60", "--date", "2019-05-01"], stderrContains: "严格递增")
        try assertExit(2, ["-f", journal, "plan", "P01", "6月：50", "--date", "2019-05-01"], stderrContains: "全角")
        try assertExit(2, ["-f", journal, "set", "--idle-days", "0", "--date", "2019-05-01"])
        try assertExit(2, ["-f", journal, "set", "--warn-gap", "12.345", "--date", "2019-05-01"])
    }

    /// The one rule of spec §2, as a table: a malformed value is 2 in every command and
    /// option; a well-formed request the journal refuses is 1. (Issue 11: several of the 2s
    /// were 1, `--month 2019-1` was accepted.)
    func testExitCodeTable() throws {
        write(lines: base + ["2019-05-01 合同 P01 HT1 5000.00"])
        let table: [(code: Int32, arguments: [String])] = [
            // Dates
            (2, ["pay", "P01", "1", "--date", "2026-02-30"]),
            (2, ["pay", "P01", "1", "--date", "1899-12-31"]),
            (2, ["seal", "--through", "2019-02-30"]),
            (2, ["status", "--as-of", "2019-13-01"]),
            (2, ["register", "--from", "2019-02-30"]),
            (2, ["register", "--to", "2019-1-1"]),
            (2, ["init", "--org", "X", "--date", "2019-02-30"]),
            (2, ["contract", "P01", "HT2", "1", "--due", "2019-02-30", "--date", "2019-05-01"]),
            (2, ["reverse", "P01", "1", "--of", "V1", "--of-date", "2019-04-31", "--date", "2019-05-01"]),
            // Months
            (2, ["report", "monthly", "--month", "2019-13"]),
            (2, ["report", "monthly", "--month", "2019-1"]),
            (2, ["report", "monthly", "--month", "2019-00"]),
            (2, ["report", "monthly", "--month", "19-01"]),
            // Years
            (2, ["carry", "P01", "1", "--year", "19"]),
            (2, ["carry", "P01", "--all", "--year", "20x9"]),
            (2, ["report", "carryover", "--year", "19"]),
            (2, ["report", "indicators", "--year", "3000"]),
            (2, ["init", "--org", "X", "--year", "19"]),
            // Amounts and other entry values
            (2, ["pay", "P01", "abc", "--date", "2019-05-01"]),
            (2, ["pay", "P01", "1.001", "--date", "2019-05-01"]),
            (2, ["pay", "P01", "0", "--date", "2019-05-01"]),
            (2, ["allot", "P01", "1", "--doc", "D", "--kind", "其他", "--date", "2019-05-01"]),
            // Well-formed requests the journal refuses
            (1, ["pay", "P01", "200000", "--date", "2019-05-01"]),  // overspend
            (1, ["pay", "P09", "1", "--date", "2019-05-01"]),  // unknown project
            (1, ["pay", "P01", "1", "--contract", "HT9", "--date", "2019-05-01"]),  // unknown contract
            (1, ["seal", "--through", "2999-12-31"]),  // a future seal
            (1, ["lapse", "P09", "--all", "--date", "2019-05-01"]),
            // Well-formed and accepted (reports of a clean journal)
            (0, ["report", "monthly", "--month", "2019-05"]),
            (0, ["status", "--as-of", "2019-05-31"]),
            (0, ["report", "carryover", "--year", "2019"]),
        ]
        for row in table {
            try assertExit(row.code, ["-f", journal] + row.arguments)
        }
    }

    // MARK: 3 — a file cannot be read or written

    func testMissingJournalOnCheck() throws {
        let result = try assertExit(3, ["-f", "missing.journal", "check"], stderrContains: "找不到文件“missing.journal”")
        XCTAssertTrue(result.stderr.hasPrefix("missing.journal: 错误: "), result.summary)
        XCTAssertFalse(exists("missing.journal"), "check must never create the journal")
        // A missing file among several.
        try assertExit(3, ["-f", journal, "-f", "missing.journal", "check"])
        try assertExit(3, ["-f", "missing.journal", "-f", journal, "check"])
    }

    func testJournalThatIsADirectory() throws {
        try FileManager.default.createDirectory(at: url("dir.journal"), withIntermediateDirectories: true)
        try assertExit(3, ["-f", "dir.journal", "check"], stderrContains: "是一个文件夹")
        try assertExit(3, ["-f", "dir.journal", "pay", "P01", "1", "--date", "2019-05-01"])
        try assertExit(3, ["-f", journal, "-f", "dir.journal", "pay", "P01", "1", "--date", "2019-05-01"])
        try assertExit(3, ["-f", "dir.journal", "-f", journal, "pay", "P01", "1", "--date", "2019-05-01"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("dir.journal")), [])
    }

    func testJournalInAMissingFolder() throws {
        try assertExit(3, ["-f", "nofolder/j.journal", "project", "P01", "名称", "--date", "2019-05-01"])
        XCTAssertFalse(exists("nofolder"))
        // A path through a regular file.
        try assertExit(3, ["-f", "\(journal)/x.journal", "check"])
    }

    func testEarlierFileMissingWhenRecording() throws {
        try assertExit(3, ["-f", "missing.journal", "-f", journal, "pay", "P01", "1", "--date", "2019-05-01"])
        XCTAssertFalse(exists("missing.journal"), "only the last file may be created")
    }

    func testUnreadableJournal() throws {
        chmod(path(journal), 0o000)
        defer { chmod(path(journal), 0o644) }
        if geteuid() == 0 {
            throw XCTSkip("running as root: chmod 000 does not stop root from reading")
        }
        try assertExit(3, ["-f", journal, "check"], stderrContains: "没有权限")
        try assertExit(3, ["-f", journal, "pay", "P01", "1", "--date", "2019-05-01"])
    }

    func testReadOnlyJournalCannotBeAppended() throws {
        chmod(path(journal), 0o444)
        defer { chmod(path(journal), 0o644) }
        if geteuid() == 0 {
            throw XCTSkip("running as root: file permissions do not stop root from writing")
        }
        try assertExit(0, ["-f", journal, "check"])
        try assertExit(3, ["-f", journal, "pay", "P01", "1", "--date", "2019-05-01"])
    }
}
