import Foundation
import XCTest

/// `fundflow check`: every error and warning, then exit 0 or 1; and how the journal file is
/// chosen (-f repeatable, FUNDFLOW_JOURNAL, ./fundflow.journal).
final class CheckTests: FundflowTestCase {
    let chengde = packageRoot.appendingPathComponent("journals/chengde-2019.journal").path
    let qinhuangdao = packageRoot.appendingPathComponent("journals/qinhuangdao-2020.journal").path

    func testShippedJournalsPass() throws {
        // Project counts from the journals' own headers: 9 in Chengde, 5 in Qinhuangdao.
        for (path, projects) in [(chengde, 9), (qinhuangdao, 5)] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: path), "missing \(path)")
            let result = try run(["-f", path, "check"])
            XCTAssertEqual(result.exitCode, 0, result.summary)
            XCTAssertEqual(result.stderr, "", result.summary)
            XCTAssertTrue(result.stdout.hasPrefix("检查通过：\(path)，"), result.summary)
            XCTAssertTrue(result.stdout.contains("，\(projects) 个项目，0 个警告"), result.summary)
        }
    }

    func testShippedJournalCopyTakesTheYearEndCommands() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: chengde))
        try original.write(to: url(journal))
        // Header: "年终各项目可用余额均为 0" — nothing is left to carry for any project.
        for project in (1...9).map({ "P0\($0)" }) {
            try assertRefused(["-f", journal, "carry", project, "--all", "--year", "2019"], diagnostics: [])
        }
        // P02 carried 15.42万 into 2020; P08 carried 18万 for its unpaid contract HT-2019-08 (18万).
        try assertAppends(
            ["-f", journal, "pay", "P08", "18万", "--contract", "HT-2019-08", "--date", "2020-03-01"],
            line: "2020-03-01 支付 P08 180000.00 合同=HT-2019-08")
        try assertAppends(["-f", journal, "lapse", "P02", "--all", "--date", "2020-01-02"], line: "2020-01-02 收回 P02 154200.00")
        let preceding = bytes() ?? []
        try assertAppends(
            ["-f", journal, "seal", "--through", "2019-12-31"],
            line: "2019-12-31 封账 sha256=\(TestSHA256.hex(preceding + Array("2019-12-31".utf8)))")
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 0, check.summary)
        XCTAssertEqual(Array((bytes() ?? []).prefix(original.count)), Array(original), "history is untouched")
    }

    func testAllErrorsAreListedNotJustTheFirst() throws {
        write(lines: [
            "2019-01-01 项目 P01 一号项目",
            "2019-02-30 下达 P01 100 文号=A",  // 2: no such day
            "2019-03-01 下达 P01 100000.00",  // 3: 文号 missing
            "2019-03-01 下达 P01 100000.00 文号=A1",
            "2019-03-02 支付 P09 100",  // 5: unknown project
            "2019-03-03 支付 P01 1.2345678万",  // 6: not whole fen
            "2019-03-04 付款 P01 100",  // 7: unknown verb
            "2019-03-05 支付 P01 200000 凭证=V2",  // 8: overspend
            "2019-03-06 支付 P01 100 凭证=V1 颜色=红",  // 9: unknown key
            "2019-03-07 支付 P01 \"abc",  // 10: unterminated quote
            "2019-03-08 支付 P01 -5",  // 11: not positive
            "2019-03-09 支付 P01 100 文号＝X",  // 12: full-width equals
            "2019-03-10 支付 P01 100 凭证=V3",  // 13: fine
        ])
        let result = try ff("check")
        XCTAssertEqual(result.exitCode, 1, result.summary)
        let expected = [
            "j.journal:2:1: 错误: 日期“2019-02-30”不存在",
            "j.journal:3:12: 错误: “下达”必须写明文号",
            "j.journal:5:15: 错误: 未知的项目“P09”",
            "j.journal:6:19: 错误: 金额“1.2345678万”不是整分",
            "j.journal:7:12: 错误: 未知的动词“付款”",
            "j.journal:8:19: 错误: 超支：项目“P01”在 2019-03-05 的可用余额为 10.00万元，本笔支付 20.00万元，超出 10.00万元",
            "j.journal:9:29: 错误: 未知的键“颜色”",
            "j.journal:10:19: 错误: 引号没有闭合",
            "j.journal:11:19: 错误: 金额“-5”必须大于零",
            "j.journal:12:23: 错误: “文号＝”使用了全角等号“＝”",
        ]
        let lines = result.stderrLines
        XCTAssertEqual(lines.count, expected.count, "exactly one diagnostic per bad line\n\(result.summary)")
        for (index, prefix) in expected.enumerated() {
            XCTAssertTrue(index < lines.count && lines[index].hasPrefix(prefix), "diagnostic \(index + 1) should start with “\(prefix)”\n\(result.summary)")
        }
        XCTAssertTrue(result.stdout.contains("检查未通过：j.journal，10 个错误，0 个警告"), result.summary)
    }

    func testDiagnosticsQuoteTheLine() throws {
        write(lines: ["2019-01-01 支付 P09 100"])
        let result = try ff("check")
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("（原文：2019-01-01 支付 P09 100）"), result.summary)
    }

    func testWarningsKeepExitZero() throws {
        write(lines: [
            "2019-01-01 项目 P01 一号项目",
            "2019-03-01 下达 P01 100000.00 文号=A1",
            "2019-03-02 下达 P01 100.00 文号=A1",
            "2019-03-05 支付 P01 100 凭证=V1",
            "2019-03-06 支付 P01 100 凭证=V1",
            "2019-04-06 支付 P01 100 凭证=V1",  // another month: no warning
        ])
        let result = try ff("check")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(result.stderrLines.count, 2, result.summary)
        XCTAssertTrue(result.stderrLines.first?.hasPrefix("j.journal:3:1: 警告: 文号“A1”已在第 2 行用于项目“P01”的下达") == true, result.summary)
        XCTAssertTrue(result.stderrLines.last?.hasPrefix("j.journal:5:1: 警告: 凭证号“V1”在 2019 年 3 月已用过（第 4 行）") == true, result.summary)
        XCTAssertEqual(result.stdout, "分类统计：警告 duplicate-doc 1 条；警告 duplicate-voucher 1 条\n检查通过：j.journal，6 笔分录，1 个项目，2 个警告\n")
    }

    func testCommentsBlankLinesAndEnglishSpellings() throws {
        write(lines: [
            "# 注释",
            "   ; 也是注释",
            "",
            " \t",
            "2019-01-01 project P01 \"一号 项目\" unit=局机关 tags=三公,采购 plan=6月底:50,12月:100",
            "2019-03-01\tallot\tP01\t116,100.00元\tdoc=\"承财社[2019]107号\"\tkind=supplement",
            "2019-03-02　pay　P01　11.61万　voucher=V1",  // full-width spaces separate fields
            "2019-12-31 carry P01 0.00万元 reason=x",
        ])
        let result = try ff("check")
        // 116,100.00元 − 11.61万 = 0: carrying 0 is not allowed (amounts must be > 0).
        XCTAssertEqual(result.exitCode, 1, result.summary)
        XCTAssertEqual(result.stderrLines.count, 1, result.summary)
        XCTAssertTrue(result.stderrLines[0].hasPrefix("j.journal:8:22: 错误: 金额“0.00万元”必须大于零"), result.summary)
    }

    func testSeveralFilesAreOneJournal() throws {
        write(lines: ["2019-01-01 项目 P01 一号项目", "2019-03-01 下达 P01 100000.00 文号=A1"], to: "a.journal")
        write(lines: ["2019-04-01 支付 P01 60000.00 凭证=V1"], to: "b.journal")
        let both = try run(["-f", "a.journal", "-f", "b.journal", "check"])
        XCTAssertEqual(both.exitCode, 0, both.summary)
        XCTAssertEqual(both.stdout, "检查通过：2 个文件，3 笔分录，1 个项目，0 个警告\n")

        let alone = try run(["-f", "b.journal", "check"])
        XCTAssertEqual(alone.exitCode, 1, alone.summary)
        XCTAssertTrue(alone.stderrLines.contains { $0.hasPrefix("b.journal:1:15: 错误: 未知的项目“P01”") }, alone.summary)

        // Order matters: payments read before the declaration name an undeclared project.
        let reversed = try run(["-f", "b.journal", "-f", "a.journal", "check"])
        XCTAssertEqual(reversed.exitCode, 1, reversed.summary)
        XCTAssertTrue(reversed.stderrLines.contains { $0.hasPrefix("b.journal:1:15: 错误:") }, reversed.summary)

        // Recording appends to the last file, against the budget declared in the first.
        let aBefore = bytes("a.journal")
        try assertAppends(
            ["-f", "a.journal", "-f", "b.journal", "pay", "P01", "4万", "--voucher", "V2", "--date", "2019-05-01"],
            line: "2019-05-01 支付 P01 40000.00 凭证=V2", journalFile: "b.journal")
        XCTAssertEqual(bytes("a.journal"), aBefore)
        try assertRefused(
            ["-f", "a.journal", "-f", "b.journal", "pay", "P01", "0.01", "--date", "2019-05-02"],
            diagnostics: ["fundflow: 错误: 超支：项目“P01”在 2019-05-02 的可用余额为 0.00万元", "fundflow: 未写入：本条分录不合规（见上方说明），日记账 b.journal 保持原样"],
            journalFile: "b.journal")
        XCTAssertEqual(bytes("a.journal"), aBefore)
        // -f also after the command word, and --file / --file=.
        let late = try run(["check", "--file", "a.journal", "-f", "b.journal"])
        XCTAssertEqual(late.exitCode, 0, late.summary)
        let inline = try run(["--file=a.journal", "--file=b.journal", "check"])
        XCTAssertEqual(inline.stdout, "检查通过：2 个文件，4 笔分录，1 个项目，0 个警告\n", inline.summary)
    }

    func testFundflowJournalEnvironmentVariable() throws {
        try FileManager.default.createDirectory(at: url("books"), withIntermediateDirectories: true)
        let envPath = path("books/env.journal")
        write(lines: ["2019-01-01 项目 P01 一号项目", "2019-03-01 下达 P01 100.00 文号=A1"], to: "books/env.journal")
        let work = url("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        let check = try run(["check"], environment: ["FUNDFLOW_JOURNAL": envPath], in: work)
        XCTAssertEqual(check.exitCode, 0, check.summary)
        XCTAssertTrue(check.stdout.contains(envPath), check.summary)

        let pay = try run(["pay", "P01", "100", "--date", "2019-04-01"], environment: ["FUNDFLOW_JOURNAL": envPath], in: work)
        XCTAssertEqual(pay.exitCode, 0, pay.summary)
        XCTAssertEqual(
            text("books/env.journal"),
            journalText([
                "2019-01-01 项目 P01 一号项目", "2019-03-01 下达 P01 100.00 文号=A1",
                "2019-04-01 支付 P01 100.00",
            ]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("fundflow.journal").path))

        // A refusal names the file by the variable's value (the new entry itself has no line yet).
        let refused = try run(["pay", "P01", "0.01", "--date", "2019-04-02"], environment: ["FUNDFLOW_JOURNAL": envPath], in: work)
        XCTAssertEqual(refused.exitCode, 1, refused.summary)
        XCTAssertTrue(refused.stderrLines.contains { $0.hasPrefix("fundflow: 错误: 超支") }, refused.summary)
        XCTAssertTrue(refused.stderr.contains("日记账 \(envPath) 保持原样"), refused.summary)

        // A relative value is relative to the working folder.
        let relative = try run(["check"], environment: ["FUNDFLOW_JOURNAL": "books/env.journal"])
        XCTAssertEqual(relative.exitCode, 0, relative.summary)

        // -f wins over the variable.
        let override = try run(["-f", "other.journal", "check"], environment: ["FUNDFLOW_JOURNAL": envPath], in: work)
        XCTAssertEqual(override.exitCode, 3, override.summary)
        XCTAssertTrue(override.stderr.contains("other.journal"), override.summary)
    }

    func testDefaultJournalInWorkingFolder() throws {
        // Recording without -f creates ./fundflow.journal.
        let made = try run(["project", "P01", "一号项目", "--date", "2019-01-01"])
        XCTAssertEqual(made.exitCode, 0, made.summary)
        XCTAssertEqual(text("fundflow.journal"), "2019-01-01 项目 P01 一号项目\n")
        write("2019-02-30 支付 P01 1\n", to: "fundflow.journal")
        let check = try run(["check"])
        XCTAssertEqual(check.exitCode, 1, check.summary)
        XCTAssertTrue(check.stderrLines.contains { $0.hasPrefix("fundflow.journal:1:1: 错误: 日期“2019-02-30”不存在") }, check.summary)
        // An empty FUNDFLOW_JOURNAL counts as unset.
        let empty = try run(["check"], environment: ["FUNDFLOW_JOURNAL": ""])
        XCTAssertEqual(empty.exitCode, 1, empty.summary)
        XCTAssertTrue(empty.stderr.contains("fundflow.journal:1:1:"), empty.summary)
    }

    func testEmptyAndCommentOnlyJournalsPass() throws {
        write("")
        XCTAssertEqual(try ff("check").stdout, "检查通过：j.journal，0 笔分录，0 个项目，0 个警告\n")
        write("# 只有注释\n\n\r\n")
        let result = try ff("check")
        XCTAssertEqual(result.exitCode, 0, result.summary)
    }
}
