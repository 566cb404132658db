import Foundation
import XCTest

/// `fundflow init`: a new journal from the unit's name and the year's budget table, written
/// whole and valid, or not at all. Expected lines worked out by hand.
final class InitCommandTests: FundflowTestCase {
    /// Shaped like the 绩效目标表 of seed 003 (amounts in 万元, plan in 3月底…12月底 columns),
    /// with a title row and a total row.
    let budget = """
        秦皇岛市医疗保障局2020年项目支出预算表,,,,,,,,
        项目编码,项目名称,单位,预算数（万元）,文号,3月底,6月底,10月底,12月底
        000-9999-JSN-2J4N,城乡居民医疗保险经办费,局机关,120.00,秦财社[2020]1号,,,80.00,100.00
        000-9999-JSN-2J4P,"城乡居民 医疗救助",局机关,"1,508.5",秦财社[2020]2号,30,50,90,100
        000-9999-JSN-2J4Q,信息化运维,信息中心,,,,,,
        合计,,,"1,628.50",,,,,

        """

    let expected = [
        "2020-01-01 设置 单位名称=秦皇岛市医疗保障局",
        "2020-01-01 项目 000-9999-JSN-2J4N 城乡居民医疗保险经办费 单位=局机关 计划=10月:80,12月:100",
        "2020-01-01 下达 000-9999-JSN-2J4N 1200000.00 文号=秦财社[2020]1号",
        "2020-01-01 项目 000-9999-JSN-2J4P \"城乡居民 医疗救助\" 单位=局机关 计划=3月:30,6月:50,10月:90,12月:100",
        "2020-01-01 下达 000-9999-JSN-2J4P 15085000.00 文号=秦财社[2020]2号",
        "2020-01-01 项目 000-9999-JSN-2J4Q 信息化运维 单位=信息中心",
    ]

    /// Spec §3: the budget sheet's 功能科目, 经济科目 and 资金性质 columns reach the journal, and a
    /// payment sheet's 经济科目 column each payment; the final accounts then add them up.
    func testClassifiedBudgetAndPaymentsReachTheFinalAccounts() throws {
        write(
            """
            项目编码,项目名称,金额,文号,功能科目,经济科目,资金性质,标签
            B01,人员经费,100000,攀财预[2021]1号,2101501,301,一般公共预算,基本
            G01,基金项目,5000,攀财预[2021]2号,2120802,30299,政府性基金,

            """, to: "预算.csv")
        let created = try ff("init", "--org", "测试局", "--budget", "预算.csv", "--year", "2021")
        XCTAssertEqual(created.exitCode, 0, created.summary)
        XCTAssertTrue(text().contains("2021-01-01 项目 B01 人员经费 科目=2101501 经济科目=301 资金性质=一般公共预算 标签=基本\n"), text())
        XCTAssertTrue(text().contains("2021-01-01 项目 G01 基金项目 科目=2120802 经济科目=30299 资金性质=政府性基金\n"), text())
        write("日期,项目,金额,凭证号,经济科目\n2021-03-01,B01,60000,记-1,30101\n2021-03-02,B01,30000,记-2,30302\n2021-03-03,G01,5000,记-3,\n", to: "pay.csv")
        let imported = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(imported.exitCode, 0, imported.summary)
        XCTAssertTrue(text().contains("2021-03-01 支付 B01 60000.00 凭证=记-1 经济科目=30101\n"), text())
        let report = try ff("report", "final", "--year", "2021", "--json")
        XCTAssertEqual(report.exitCode, 0, report.summary)
        // 人员经费: 30101 60000 + 30302 30000 (303) = 90000; 公用经费 of 基本: 0.
        XCTAssertTrue(report.stdout.contains("\"personnel_paid\": \"90000.00\""), report.stdout)
        XCTAssertTrue(report.stdout.contains("\"public_paid\": \"0.00\""), report.stdout)
        // Income: 100000 general (95.24 %) and 5000 government fund (4.76 %).
        XCTAssertTrue(report.stdout.contains("\"share\": 95.24"), report.stdout)
        XCTAssertTrue(report.stdout.contains("\"share\": 4.76"), report.stdout)
    }

    func testGBKBudgetTableBecomesTheOpeningLines() throws {
        let data = try XCTUnwrap(budget.data(using: String.Encoding(rawValue: 0x8000_0632)))
        writeBytes(Array(data), to: "预算.csv")
        let result = try ff("init", "--org", "秦皇岛市医疗保障局", "--budget", "预算.csv", "--year", "2020")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(text(), journalText(expected))
        XCTAssertTrue(result.stdout.contains("读取 预算.csv：GBK/GB18030 编码，表头在第 2 行，项目 3 个"), result.summary)
        // 120 + 1508.5 = 1628.5万元.
        XCTAssertTrue(result.stdout.contains("已新建 j.journal，共 6 行：项目 3 个，年初预算下达 2 笔，合计 1628.50万元"), result.summary)
        XCTAssertEqual(result.stderr, "", result.summary)
        XCTAssertEqual(try ff("check").exitCode, 0)

        // The journal is ready for the payments.
        write("日期,项目名称,金额\n2020-03-31,城乡居民医疗保险经办费,\"300,000.00\"\n", to: "pay.csv")
        let imported = try ff("import", "pay.csv", "--commit")
        XCTAssertEqual(imported.exitCode, 0, imported.summary)
        XCTAssertEqual(text(), journalText(expected + ["2020-03-31 支付 000-9999-JSN-2J4N 300000.00"]))
    }

    func testOrganisationOnlyDatedJanuaryFirstOfThisYearByDefault() throws {
        let result = try ff("init", "--org", "承德市医疗保障局")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(text(), "\(todayInChina().prefix(4))-01-01 设置 单位名称=承德市医疗保障局\n")
    }

    func testDateOptionAndPlanColumnAndDefaultDoc() throws {
        write("项目编码,项目名称,金额,支出计划\nP01,一号项目,\"116,100.00\",\"3月:30,6月:50,10月:90,12月:100\"\n", to: "b.csv")
        let result = try ff("init", "--budget", "b.csv", "--date", "2019-03-05", "--doc", "承财社[2019]107号")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(
            text(),
            journalText([
                "2019-03-05 项目 P01 一号项目 计划=3月:30,6月:50,10月:90,12月:100",
                "2019-03-05 下达 P01 116100.00 文号=承财社[2019]107号",
            ]))
    }

    func testAnExistingJournalIsNeverOverwritten() throws {
        write(lines: ["2019-01-01 设置 单位名称=旧"])
        let before = bytes()
        let result = try ff("init", "--org", "新")
        XCTAssertEqual(result.exitCode, 1, result.summary)
        XCTAssertTrue(bytes() == before)
        XCTAssertTrue(result.stderr.contains("“j.journal”已存在且不是空文件"), result.summary)

        write("")  // an empty file is fine
        XCTAssertEqual(try ff("init", "--org", "新", "--year", "2019").exitCode, 0)
        XCTAssertEqual(text(), "2019-01-01 设置 单位名称=新\n")
    }

    func testBudgetProblemsWriteNothing() throws {
        write("项目编码,项目名称,金额,文号\nP01,一,100,D1\nP01,二,100,D2\nP03,三,100,\nP04,四,1.234,D4\n", to: "b.csv")
        let result = try ff("init", "--org", "某局", "--budget", "b.csv", "--year", "2019")
        XCTAssertEqual(result.exitCode, 1, result.summary)
        XCTAssertFalse(exists(journal))
        XCTAssertEqual(result.stderrLines.count, 3, result.summary)
        XCTAssertTrue(result.stderrLines[0].hasPrefix("b.csv:3: 错误: 项目编码“P01”与第 2 行重复"), result.summary)
        XCTAssertTrue(result.stderrLines[1].hasPrefix("b.csv:4: 错误: 缺少文号"), result.summary)
        XCTAssertTrue(result.stderrLines[2].hasPrefix("b.csv:5: 错误: 金额“1.234”不是整分"), result.summary)
    }

    func testDryRunPrintsAndWritesNothing() throws {
        let data = Array(budget.utf8)
        writeBytes(data, to: "b.csv")
        let result = try ff("init", "--org", "秦皇岛市医疗保障局", "--budget", "b.csv", "--year", "2020", "--dry-run")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertFalse(exists(journal))
        XCTAssertTrue(result.stdout.contains(journalText(expected)), result.summary)
        XCTAssertTrue(result.stdout.contains("试算：将新建 j.journal"), result.summary)
    }

    func testCommandLineMistakes() throws {
        try assertExit(2, ["-f", journal, "init"], stderrContains: "请至少给出 --org")
        try assertExit(2, ["-f", journal, "init", "--org", "x", "--year", "19"], stderrContains: "四位年份")
        try assertExit(2, ["-f", journal, "init", "--org", "x", "--year", "2019", "--date", "2020-01-01"], stderrContains: "不在 --year 2019 年内")
        try assertExit(2, ["-f", journal, "init", "--org", "x", "--date", "2019-02-30"])
        try assertExit(2, ["-f", journal, "init", "--org", "x", "--commit"], stderrContains: "“init”没有选项 --commit")
        try assertExit(2, ["-f", journal, "init", "extra"])
        try assertExit(3, ["-f", journal, "init", "--budget", "missing.csv"], stderrContains: "找不到文件“missing.csv”")
        XCTAssertFalse(exists(journal))
    }
}
