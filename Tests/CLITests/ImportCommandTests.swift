import Foundation
import XCTest

/// `fundflow import FILE.csv`: real-shaped bank and treasury exports (GBK and UTF-8, title
/// rows, messy dates, totals), a dry run by default, `--commit` all or nothing, and
/// duplicates skipped so that importing twice adds nothing. Expected lines worked out by hand.
final class ImportCommandTests: FundflowTestCase {
    /// P01 budget 116100.00 with 1000.00 paid (available 115100.00); P02 budget 280000.00.
    let base = [
        "2019-01-01 设置 单位名称=测试局",
        "2019-01-01 项目 P01 医疗服务与保障能力提升补助资金 单位=局机关",
        "2019-01-01 项目 P02 \"基金监管 专项\" 单位=局机关",
        "2019-03-01 下达 P01 116100.00 文号=承财社[2019]107号",
        "2019-03-01 下达 P02 280000.00 文号=承财社[2019]163号",
        "2019-03-02 支付 P01 1000.00 凭证=记-2019-03-001",
    ]

    /// A GBK export as Excel's "CSV（逗号分隔）" writes it on a Chinese Windows: a title row,
    /// the header, dates in four shapes (one an Excel serial), amounts with separators, 元 and
    /// 万, a cell with a line break, a blank row and a total row.
    let gbkSheet = """
        测试局2019年3月支付明细,,,,,\r
        支付日期,项目名称,金额（元）,凭证号,收款单位,用途\r
        2019/3/5,医疗服务与保障能力提升补助资金,"39,000.00",记-2019-03-002,河北省医疗保障局,培训费\r
        43530,基金监管 专项,"12,000",记-2019-03-003,某设备公司,设备\r
        2019年3月7日,P01,1000元,记-2019-03-004,张三,差旅\r
        2019.3.8,P02,0.5万,记-2019-03-005,李四,"会议\r
        费"\r
        ,,,,,\r
        合计,,"57,000.00",,,\r

        """

    let gbkLines = [
        "2019-03-05 支付 P01 39000.00 凭证=记-2019-03-002 收款人=河北省医疗保障局 摘要=培训费",
        "2019-03-06 支付 P02 12000.00 凭证=记-2019-03-003 收款人=某设备公司 摘要=设备",
        "2019-03-07 支付 P01 1000.00 凭证=记-2019-03-004 收款人=张三 摘要=差旅",
        "2019-03-08 支付 P02 5000.00 凭证=记-2019-03-005 收款人=李四 摘要=\"会议 费\"",
    ]

    override func setUpWithError() throws {
        try super.setUpWithError()
        write(lines: base)
    }

    func writeGBK(_ text: String, to name: String) throws {
        let data = try XCTUnwrap(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
        XCTAssertNil(String(data: data, encoding: .utf8), "the test file must really be GBK, not UTF-8")
        writeBytes(Array(data), to: name)
    }

    func assertUnchanged(_ before: [UInt8]?, _ result: RunResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(bytes() == before, "the journal must be byte-identical\n\(text())\n\(result.summary)", file: file, line: line)
    }

    // MARK: The accountant's import

    func testGBKFileDryRunThenCommitThenAgainAddsNothing() throws {
        try writeGBK(gbkSheet, to: "pay.csv")
        let before = bytes()

        let dry = try ff("import", "pay.csv")
        XCTAssertEqual(dry.exitCode, 0, dry.summary)
        assertUnchanged(before, dry)
        XCTAssertTrue(dry.stdout.hasPrefix("读取 pay.csv：GBK/GB18030 编码，表头在第 2 行\n列：日期←“支付日期” 项目←“项目名称” 金额←“金额（元）” 凭证←“凭证号” 收款人←“收款单位” 摘要←“用途”\n"), dry.summary)
        XCTAssertTrue(dry.stdout.contains(gbkLines.map { $0 + "\n" }.joined()), dry.summary)
        XCTAssertTrue(dry.stdout.contains("共 4 行：将记入 4 笔，跳过重复 0 笔，错误 0 行（合计行 1 行未计入）\n"), dry.summary)
        XCTAssertTrue(dry.stdout.contains("试算通过，未写入任何内容；确认无误后加 --commit 记入 j.journal"), dry.summary)
        XCTAssertEqual(dry.stderr, "", dry.summary)

        let commit = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(commit.exitCode, 0, commit.summary)
        XCTAssertEqual(text(), journalText(base + gbkLines))
        XCTAssertTrue(commit.stdout.contains("已记入 j.journal 第 7–10 行：\n" + gbkLines.map { $0 + "\n" }.joined()), commit.summary)
        XCTAssertTrue(commit.stdout.contains("共 4 行：已记入 4 笔，跳过重复 0 笔，错误 0 行（合计行 1 行未计入）\n"), commit.summary)
        XCTAssertEqual(try ff("check").exitCode, 0)

        // The same file again: every row is already there; the file does not change at all.
        let after = bytes()
        let again = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(again.exitCode, 0, again.summary)
        assertUnchanged(after, again)
        XCTAssertTrue(again.stdout.contains("共 4 行：已记入 0 笔，跳过重复 4 笔，错误 0 行"), again.summary)
        XCTAssertFalse(again.stdout.contains("已记入 j.journal"), again.summary)
        XCTAssertEqual(
            again.stderrLines,
            [
                "pay.csv:3: 提示: 与 j.journal 第 7 行的支付相同（日期、项目、金额、凭证号一致），跳过",
                "pay.csv:4: 提示: 与 j.journal 第 8 行的支付相同（日期、项目、金额、凭证号一致），跳过",
                "pay.csv:5: 提示: 与 j.journal 第 9 行的支付相同（日期、项目、金额、凭证号一致），跳过",
                "pay.csv:6: 提示: 与 j.journal 第 10 行的支付相同（日期、项目、金额、凭证号一致），跳过",
            ], again.summary)
    }

    func testUTF8WithBOMAndDuplicateRowsSkippedAndCounted() throws {
        // Row 2 repeats the journal's payment (same date, project, amount, voucher; other
        // spellings): skipped. Row 4 repeats row 3: rows count, so it is a second payment (the
        // validator warns about the voucher used twice). Another voucher is another payment.
        let sheet =
            "日期,项目编码,金额,凭证号,摘要\r\n"
            + "2019/3/2,P01,\"1,000.00\",记-2019-03-001,已记过\r\n"
            + "2019-03-10,P02,2000,记-2019-03-010,新的\r\n"
            + "2019-3-10,P02,2000.00,记-2019-03-010,表内重复\r\n"
            + "2019-03-10,P02,2000,记-2019-03-011,另一张凭证\r\n"
        writeBytes([0xEF, 0xBB, 0xBF] + Array(sheet.utf8), to: "pay.csv")
        let result = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertTrue(result.stdout.hasPrefix("读取 pay.csv：UTF-8（带 BOM） 编码，表头在第 1 行"), result.summary)
        let added = [
            "2019-03-10 支付 P02 2000.00 凭证=记-2019-03-010 摘要=新的",
            "2019-03-10 支付 P02 2000.00 凭证=记-2019-03-010 摘要=表内重复",
            "2019-03-10 支付 P02 2000.00 凭证=记-2019-03-011 摘要=另一张凭证",
        ]
        XCTAssertEqual(text(), journalText(base + added))
        XCTAssertTrue(result.stdout.contains("共 4 行：已记入 3 笔，跳过重复 1 笔，错误 0 行"), result.summary)
        XCTAssertEqual(result.stderrLines.count, 2, result.summary)
        XCTAssertEqual(result.stderrLines.first, "pay.csv:2: 提示: 与 j.journal 第 6 行的支付相同（日期、项目、金额、凭证号一致），跳过")
        XCTAssertTrue(result.stderrLines.last?.hasPrefix("pay.csv:4: 警告: 凭证号“记-2019-03-010”") == true, result.summary)
    }

    /// Issue 11: three identical payments without a voucher are three payments, not one; a
    /// re-import adds a row only when the file holds more copies than the journal has.
    func testIdenticalRowsAreDistinctPayments() throws {
        let row = "2019-04-01,P01,100,\n"
        write("日期,项目,金额,凭证号\n" + row + row + row, to: "pay.csv")
        let first = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(first.exitCode, 0, first.summary)
        let payment = "2019-04-01 支付 P01 100.00"
        XCTAssertEqual(text(), journalText(base + [payment, payment, payment]))
        XCTAssertTrue(first.stdout.contains("共 3 行：已记入 3 笔，跳过重复 0 笔"), first.summary)
        // The same file again: all three copies are in the journal, nothing is added.
        let again = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(again.exitCode, 0, again.summary)
        XCTAssertEqual(text(), journalText(base + [payment, payment, payment]))
        XCTAssertTrue(again.stdout.contains("共 3 行：已记入 0 笔，跳过重复 3 笔"), again.summary)
        // A longer list of the same day with a fourth copy adds exactly one.
        write("日期,项目,金额,凭证号\n" + row + row + row + row, to: "pay.csv")
        let longer = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(longer.exitCode, 0, longer.summary)
        XCTAssertEqual(text(), journalText(base + [payment, payment, payment, payment]))
        XCTAssertTrue(longer.stdout.contains("共 4 行：已记入 1 笔，跳过重复 3 笔"), longer.summary)
        // 116100.00 budget − 1000.00 − 4 × 100.00 = 114700.00 available.
        let status = try ff("status", "--as-of", "2019-04-30", "--json")
        XCTAssertTrue(status.stdout.contains("\"114700.00\""), status.summary)
    }

    func testARowOverBudgetRefusesTheWholeBatch() throws {
        // P02 has 280000.00: rows 3 and 4 fit one by one but not together (200000 + 80000.01).
        write("日期,项目,金额,凭证号\n2019-04-01,P01,100,记-2019-04-001\n2019-04-02,P02,\"200,000.00\",记-2019-04-002\n2019-04-02,P02,\"80,000.01\",记-2019-04-003\n", to: "pay.csv")
        let before = bytes()
        for arguments in [["import", "pay.csv"], ["import", "pay.csv", "--commit"]] {
            let result = try run(["-f", journal] + arguments)
            XCTAssertEqual(result.exitCode, 1, result.summary)
            assertUnchanged(before, result)
            XCTAssertEqual(
                result.stderrLines,
                [
                    "pay.csv:4: 错误: 超支：项目“P02”在 2019-04-02 的可用余额为 8.00万元，本笔支付 8.000001万元，超出 0.000001万元。请核对金额，或先录入追加下达（fundflow allot P02 金额 --doc 文号 --kind 追加）"
                ], result.summary)
            XCTAssertFalse(result.stdout.contains("已记入 j.journal"), result.summary)
        }
        let commit = try ff("import", "pay.csv", "--commit")
        XCTAssertTrue(commit.stdout.contains("共 3 行：记入 0 笔，跳过重复 0 笔，错误 1 行\n整批未记入：j.journal 保持原样"), commit.summary)
        let dry = try ff("import", "pay.csv")
        XCTAssertTrue(dry.stdout.contains("共 3 行：将记入 2 笔，跳过重复 0 笔，错误 1 行\n试算未通过"), dry.summary)
    }

    func testRowProblemsAreAllListedAndNothingIsWritten() throws {
        write(
            """
            日期,项目,金额,凭证号
            2019-02-30,P01,100,a
            2019-04-01,P09,abc,b
            3/5/2019,P01,-50,c
            2019-04-02,P01,100,d

            """, to: "pay.csv")
        let before = bytes()
        let result = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(result.exitCode, 1, result.summary)
        assertUnchanged(before, result)
        let lines = result.stderrLines
        XCTAssertEqual(lines.count, 5, result.summary)
        XCTAssertTrue(lines[0].hasPrefix("pay.csv:2: 错误: 日期“2019-02-30”不存在"), result.summary)
        XCTAssertTrue(lines[1].hasPrefix("pay.csv:3: 错误: 金额“abc”无法识别"), result.summary)
        XCTAssertTrue(lines[2].hasPrefix("pay.csv:3: 错误: 项目“P09”未在日记账中声明"), result.summary)
        XCTAssertTrue(lines[3].hasPrefix("pay.csv:4: 错误: 日期“3/5/2019”把年份写在了最后"), result.summary)
        XCTAssertTrue(lines[4].hasPrefix("pay.csv:4: 错误: 金额“-50”是负数"), result.summary)
        XCTAssertTrue(result.stdout.contains("共 4 行：记入 0 笔，跳过重复 0 笔，错误 3 行"), result.summary)
    }

    func testProjectByExactName() throws {
        write("日期,项目名称,金额\n2019-04-01,基金监管 专项,100\n2019-04-01,基金监管专项,200\n", to: "pay.csv")
        let dry = try ff("import", "pay.csv")
        XCTAssertEqual(dry.exitCode, 1, dry.summary)
        XCTAssertTrue(dry.stdout.contains("2019-04-01 支付 P02 100.00\n"), dry.summary)
        XCTAssertEqual(dry.stderrLines.count, 2, dry.summary)  // row 2 has no 凭证: a warning
        XCTAssertTrue(dry.stderrLines[0].hasPrefix("pay.csv:2: 警告: 这笔支付没有凭证号"), dry.summary)
        XCTAssertTrue(dry.stderrLines[1].hasPrefix("pay.csv:3: 错误: 项目“基金监管专项”未在日记账中声明（是不是“基金监管 专项”？）"), dry.summary)

        write("日期,项目名称,金额\n2019-04-01,基金监管 专项,100\n", to: "pay.csv")
        let commit = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(commit.exitCode, 0, commit.summary)
        XCTAssertEqual(text(), journalText(base + ["2019-04-01 支付 P02 100.00"]))
    }

    // MARK: Mappings

    func testMappingFileBesideTheJournalAndOptionsOverIt() throws {
        try FileManager.default.createDirectory(at: url("books"), withIntermediateDirectories: true)
        write(journalText(base), to: "books/j.journal")
        write("# 银行代发明细\n日期=交易日期\n项目=预算项目\n金额=发生额（万元）\n凭证=流水号\n收款人=对方户名\n", to: "books/fundflow-import.map")
        write("交易日期,预算项目,发生额（万元）,流水号,对方户名,附言\n20190405,P01,1.5,LS001,王五,报销\n", to: "bank.csv")
        let result = try run(["-f", "books/j.journal", "import", "bank.csv", "--memo-column", "附言", "--commit"])
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertTrue(result.stdout.contains("映射文件 books/fundflow-import.map，金额按万元计"), result.summary)
        XCTAssertEqual(text("books/j.journal"), journalText(base + ["2019-04-05 支付 P01 15000.00 凭证=LS001 收款人=王五 摘要=报销"]))
    }

    func testExplicitMapFileAndColumnNumbersWithoutHeader() throws {
        write("表头行=0\n日期=1\n项目=2\n金额=3\n凭证=4\n", to: "plain.map")
        write("2019-04-05,P01,100,V1\n2019-04-06,P02,200,V2\n", to: "plain.csv")
        let result = try ff("import", "plain.csv", "--map", "plain.map", "--commit")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertTrue(result.stdout.contains("没有表头行"), result.summary)
        XCTAssertEqual(text(), journalText(base + ["2019-04-05 支付 P01 100.00 凭证=V1", "2019-04-06 支付 P02 200.00 凭证=V2"]))

        // The same with options only; the header row is found from the dates.
        write(journalText(base))
        write("序号,日期,编码,金额\n1,2019-04-05,P01,100\n", to: "numbered.csv")
        let options = try ff("import", "numbered.csv", "--date-column", "2", "--project-column", "3", "--amount-column", "D", "--commit")
        XCTAssertEqual(options.exitCode, 0, options.summary)
        XCTAssertEqual(text(), journalText(base + ["2019-04-05 支付 P01 100.00"]))
    }

    /// Issue 12, item 9: rows of 1,000.00 and a 合计 of 9,999.00 are not 试算通过.
    func testATotalRowThatDisagreesFailsTheDryRun() throws {
        write("日期,项目,金额,凭证号\n2019-04-01,P01,600,记-2019-04-001\n2019-04-02,P02,400,记-2019-04-002\n合计,,\"9,999.00\",\n", to: "pay.csv")
        let before = bytes()
        let result = try run(["-f", journal, "import", "pay.csv"])
        XCTAssertEqual(result.exitCode, 1, result.summary)
        assertUnchanged(before, result)
        XCTAssertEqual(
            result.stderrLines,
            [
                "pay.csv:4: 错误: 合计行的金额 9,999.00 元与上方 2 行支付金额之和 1,000.00 元不符，相差 8,999.00 元：请核对是否漏了行、多了行或金额有误（整批不会记入）"
            ], result.summary)
        XCTAssertFalse(result.stdout.contains("试算通过"), result.summary)
        XCTAssertTrue(result.stdout.contains("试算未通过"), result.summary)
        XCTAssertEqual(try run(["-f", journal, "import", "pay.csv", "--commit"]).exitCode, 1)
        assertUnchanged(before, result)
    }

    func testMissingColumnIsExplained() throws {
        write("时间,项目编码,金额\n2019-04-05,P01,100\n", to: "pay.csv")
        let result = try assertExit(1, ["-f", journal, "import", "pay.csv"])
        XCTAssertTrue(result.stderr.hasPrefix("pay.csv: 错误: 找不到日期列：表头（第 1 行）有 时间、项目编码、金额"), result.summary)
        XCTAssertTrue(result.stderr.contains("--date-column"), result.summary)
    }

    // MARK: What the batch does to the rest of the journal

    func testWarningsAreNamedByRow() throws {
        // 记-2019-03-001 is already used in March 2019 (for another amount).
        write("日期,项目,金额,凭证号\n2019-03-20,P02,50,记-2019-03-001\n", to: "pay.csv")
        let result = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(result.stderrLines.count, 1, result.summary)
        XCTAssertTrue(result.stderrLines[0].hasPrefix("pay.csv:2: 警告: 凭证号“记-2019-03-001”在 2019 年 3 月已用过"), result.summary)
    }

    func testABackDatedRowThatBreaksALaterLineIsRefused() throws {
        write(lines: base + ["2019-05-01 支付 P01 115100.00 凭证=记-2019-05-001"])
        write("日期,项目,金额\n2019-04-01,P01,0.01\n", to: "pay.csv")
        let before = bytes()
        let result = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(result.exitCode, 1, result.summary)
        assertUnchanged(before, result)
        XCTAssertTrue(result.stderrLines.contains { $0.hasPrefix("j.journal:7:") && $0.contains("超支") }, result.summary)
        // The existing line is named with the row that breaks it, and that row counts as an error.
        XCTAssertTrue(
            result.stderrLines.contains { $0.hasPrefix("j.journal:7:19: 错误: 导入的 pay.csv 第 2 行的日期在这一行之前，记入后这一行将出错：超支") },
            result.summary)
        XCTAssertTrue(result.stdout.contains("错误 1 行"), result.summary)
    }

    func testWithoutAJournalNothingIsCreated() throws {
        try FileManager.default.removeItem(at: url(journal))
        write("日期,项目,金额\n2019-04-01,P01,1\n", to: "pay.csv")
        let result = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(result.exitCode, 1, result.summary)
        XCTAssertFalse(exists(journal))
        XCTAssertTrue(result.stderr.contains("日记账中还没有任何项目"), result.summary)
    }

    // MARK: Files that are not what they claim

    func testUndecodableWorkbookAndForcedEncoding() throws {
        writeBytes(Array("日期,项目,金额\n".utf8) + [0x32, 0xFF, 0xFE, 0x0A], to: "bad.csv")
        let bad = try assertExit(1, ["-f", journal, "import", "bad.csv"])
        XCTAssertTrue(bad.stderr.hasPrefix("bad.csv:2: 错误: 这一行无法按 GBK/GB18030 解码：它既不是 UTF-8，也不是 GBK/GB18030 文本"), bad.summary)

        writeBytes([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], to: "book.csv")
        let book = try assertExit(1, ["-f", journal, "import", "book.csv"])
        XCTAssertTrue(book.stderr.contains("这是 Excel 工作簿（.xlsx）"), book.summary)

        try writeGBK(gbkSheet, to: "pay.csv")
        let forced = try assertExit(1, ["-f", journal, "import", "pay.csv", "--encoding", "utf-8"])
        XCTAssertTrue(forced.stderr.hasPrefix("pay.csv:1: 错误: 这一行不是有效的 UTF-8 文本"), forced.summary)
        let right = try assertExit(0, ["-f", journal, "import", "pay.csv", "--encoding", "gbk"])
        XCTAssertTrue(right.stdout.contains("共 4 行：将记入 4 笔"), right.summary)

        write("日期,项目,金额\n\"2019-04-01,P01,1\n", to: "open.csv")
        let open = try assertExit(1, ["-f", journal, "import", "open.csv"])
        XCTAssertTrue(open.stderr.hasPrefix("open.csv:2: 错误: 第 2 行（文本第 2 行）的双引号没有闭合"), open.summary)
    }

    func testCommandLineMistakesAndMissingFiles() throws {
        write("日期,项目,金额\n2019-04-01,P01,1\n", to: "pay.csv")
        try assertExit(2, ["-f", journal, "import"], stderrContains: "用法：fundflow import 文件.csv")
        try assertExit(2, ["-f", journal, "import", "pay.csv", "other.csv"])
        try assertExit(2, ["-f", journal, "import", "pay.csv", "--date", "2019-01-01"], stderrContains: "“import”没有选项 --date")
        try assertExit(2, ["-f", journal, "import", "pay.csv", "--encoding", "big5"], stderrContains: "auto")
        try assertExit(2, ["-f", journal, "import", "pay.csv", "--commit", "--dry-run"], stderrContains: "不能同时使用")
        try assertExit(2, ["-f", journal, "import", "pay.csv", "--amount-column", "0"], stderrContains: "列号从 1 数起")
        try assertExit(2, ["-f", journal, "import", "pay.csv", "--header-row", "x"])
        write("日期：交易日期\n", to: "bad.map")
        try assertExit(2, ["-f", journal, "import", "pay.csv", "--map", "bad.map"], stderrContains: "bad.map:1: 错误: 应为“键=值”")
        try assertExit(3, ["-f", journal, "import", "pay.csv", "--map", "missing.map"], stderrContains: "missing.map")
        try assertExit(3, ["-f", journal, "import", "missing.csv"], stderrContains: "找不到文件“missing.csv”")
        try assertExit(0, ["-f", journal, "import", "pay.csv", "--dry-run"])
    }

    // MARK: Re-imports, together and at scale

    func testTwoImportsOfTheSameFileAtOnceAddItOnce() throws {
        var sheet = "日期,项目,金额,凭证号\n"
        for day in 1...30 { sheet += "2019-04-\(day < 10 ? "0" : "")\(day),P01,100,记-2019-04-\(day)\n" }
        write(sheet, to: "pay.csv")
        let first = try RunningFundflow(["-f", journal, "import", "pay.csv", "--commit"], directory: directory)
        let second = try RunningFundflow(["-f", journal, "import", "pay.csv", "--commit"], directory: directory)
        let results = [first.finish(), second.finish()]
        for result in results { XCTAssertEqual(result.exitCode, 0, result.summary) }
        // Whichever took the lock first wrote the 30 lines; the other found them all there.
        let summaries = results.map { $0.stdout.split(separator: "\n").last.map(String.init) ?? "" }.sorted()
        XCTAssertEqual(
            summaries, ["共 30 行：已记入 0 笔，跳过重复 30 笔，错误 0 行", "共 30 行：已记入 30 笔，跳过重复 0 笔，错误 0 行"],
            results.map(\.summary).joined(separator: "\n"))
        XCTAssertEqual(text().split(separator: "\n").count, base.count + 30)
        XCTAssertEqual(try ff("check").exitCode, 0)
    }

    func testManySkippedRowsAreSummarised() throws {
        var sheet = "日期,项目,金额,凭证号\n"
        for n in 1...60 { sheet += "2019-04-10,P01,\(n),V\(n)\n" }
        write(sheet, to: "pay.csv")
        XCTAssertEqual(try ff("import", "pay.csv", "--commit").exitCode, 0)
        let again = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(again.exitCode, 0, again.summary)
        XCTAssertEqual(again.stderrLines.count, 51, again.summary)
        XCTAssertEqual(again.stderrLines.last, "pay.csv: 提示: 另有 10 行也是已记过的支付，已跳过（不再逐行列出）")
        XCTAssertTrue(again.stdout.contains("共 60 行：已记入 0 笔，跳过重复 60 笔，错误 0 行"), again.summary)
    }

    /// The example in README.md, step by step.
    func testTheREADMEExample() throws {
        try FileManager.default.removeItem(at: url(journal))
        write("项目编码,项目名称,单位,金额,文号,3月底,6月底,10月底,12月底\nP01,医疗服务与保障能力提升补助资金,局机关,\"116,100.00\",承财社[2019]107号,30,50,90,100\nP02,基金监管专项,局机关,280000,承财社[2019]163号,,,80,100\n", to: "2019预算.csv")
        let made = try run(["-f", "2019.journal", "init", "--org", "承德市医疗保障局", "--budget", "2019预算.csv", "--year", "2019"])
        XCTAssertEqual(made.exitCode, 0, made.summary)
        try writeGBK(
            "承德市医疗保障局 2019年3月国库支付明细\n支付日期,项目名称,支付金额,凭证号,收款单位,用途\n2019/3/5,医疗服务与保障能力提升补助资金,\"39,000.00\",记-2019-03-001,河北省医疗保障局,培训费\n43539,P02,\"28,000.00\",记-2019-03-002,某设备公司,检查设备\n2019年3月20日,P01,1.2万,记-2019-03-003,张三,差旅\n合计,,\"79,000.00\",,,\n",
            to: "国库支付明细-2019-03.csv")
        let dry = try run(["-f", "2019.journal", "import", "国库支付明细-2019-03.csv"])
        XCTAssertEqual(dry.exitCode, 0, dry.summary)
        let commit = try run(["-f", "2019.journal", "import", "国库支付明细-2019-03.csv", "--commit"])
        XCTAssertEqual(commit.exitCode, 0, commit.summary)
        XCTAssertEqual(
            commit.stdout,
            """
            读取 国库支付明细-2019-03.csv：GBK/GB18030 编码，表头在第 2 行
            列：日期←“支付日期” 项目←“项目名称” 金额←“支付金额” 凭证←“凭证号” 收款人←“收款单位” 摘要←“用途”
            已记入 2019.journal 第 6–8 行：
            2019-03-05 支付 P01 39000.00 凭证=记-2019-03-001 收款人=河北省医疗保障局 摘要=培训费
            2019-03-15 支付 P02 28000.00 凭证=记-2019-03-002 收款人=某设备公司 摘要=检查设备
            2019-03-20 支付 P01 12000.00 凭证=记-2019-03-003 收款人=张三 摘要=差旅
            共 3 行：已记入 3 笔，跳过重复 0 笔，错误 0 行（合计行 1 行未计入）

            """)
        // README.md runs this example on docs/examples/ (the same two files): DocsTests checks its output.
    }
}
