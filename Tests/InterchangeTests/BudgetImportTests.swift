import XCTest
import Ledger
@testable import Interchange

/// The year's budget table → 项目 and 年初 下达 lines.
final class BudgetImportTests: XCTestCase {
    func sheet(_ text: String, doc: String? = nil, unit: AmountUnit? = nil, file: StaticString = #filePath, line: UInt = #line) -> BudgetImport.Sheet {
        switch BudgetImport.read(csvTable(text), defaultDoc: doc, amountUnit: unit) {
        case .success(let value): return value
        case .failure(let problem): XCTFail(problem.message, file: file, line: line); return BudgetImport.Sheet()
        }
    }

    func lines(_ sheet: BudgetImport.Sheet, org: String? = nil) -> [String] {
        BudgetImport.drafts(organisation: org, sheet: sheet, date: importDate("2020-01-01")).drafts.map { JournalWriter.line(date: $0.date, body: $0.body) }
    }

    func testSeedShapedTableWithMonthColumnsInWan() {
        // Seed 003: 城乡居民医疗保险经办费 120.00万元, plan 10月底 80, 12月底 100.
        let text = """
            单位：万元
            项目编码,项目名称,单位,预算数（万元）,文号,3月底,6月底,10月底,12月底
            000-9999-JSN-2J4N,城乡居民医疗保险经办费,局机关,120.00,秦财社[2020]1号,,,80.00,100.00
            000-9999-JSN-2J4P,城乡居民医疗救助,局机关,"1,508.5",秦财社[2020]2号,30%,50%,90%,100%
            合计,,,"1,628.5",,,,,
            """
        let result = sheet(text)
        XCTAssertEqual(result.headerRow, 2)
        XCTAssertEqual(result.totalRows, [5])
        XCTAssertEqual(
            lines(result, org: "秦皇岛市医疗保障局"),
            [
                "2020-01-01 设置 单位名称=秦皇岛市医疗保障局",
                "2020-01-01 项目 000-9999-JSN-2J4N 城乡居民医疗保险经办费 单位=局机关 计划=10月:80,12月:100",
                "2020-01-01 下达 000-9999-JSN-2J4N 1200000.00 文号=秦财社[2020]1号",
                "2020-01-01 项目 000-9999-JSN-2J4P 城乡居民医疗救助 单位=局机关 计划=3月:30,6月:50,10月:90,12月:100",
                "2020-01-01 下达 000-9999-JSN-2J4P 15085000.00 文号=秦财社[2020]2号",
            ])
    }

    func testPlanColumnCodeTagsAndMissingAmount() {
        let text = """
            项目编码,项目名称,单位,金额,文号,支出计划,科目,标签
            P01,一号项目,局机关,"116,100.00",承财社[2019]107号,3月:30，6月:50,2101301,三公、基本
            P02,二号项目,,,,,,
            P03,三号项目,,0,,,,
            """
        XCTAssertEqual(
            lines(sheet(text)),
            [
                "2020-01-01 项目 P01 一号项目 单位=局机关 科目=2101301 计划=3月:30,6月:50 标签=三公,基本",
                "2020-01-01 下达 P01 116100.00 文号=承财社[2019]107号",
                "2020-01-01 项目 P02 二号项目",
                "2020-01-01 项目 P03 三号项目",
            ])
    }

    /// Spec §3: 功能科目, 经济科目 and 资金性质 columns become the project's 科目, 经济科目 and 资金性质.
    func testClassificationColumns() {
        let text = """
            项目编码,项目名称,金额,文号,功能科目,经济科目,资金性质
            P01,接待,8191,D1,2101501,30217,一般公共预算
            P02,基金,10100,D2,２１２０８０２,30299,政府性基金
            P03,无分类,100,D3,,,
            """
        XCTAssertEqual(
            lines(sheet(text)),
            [
                "2020-01-01 项目 P01 接待 科目=2101501 经济科目=30217 资金性质=一般公共预算",
                "2020-01-01 下达 P01 8191.00 文号=D1",
                "2020-01-01 项目 P02 基金 科目=2120802 经济科目=30299 资金性质=政府性基金",
                "2020-01-01 下达 P02 10100.00 文号=D2",
                "2020-01-01 项目 P03 无分类",
                "2020-01-01 下达 P03 100.00 文号=D3",
            ])
    }

    func testBadClassificationCellsAreRowProblems() {
        let text = """
            项目编码,项目名称,金额,文号,功能科目,经济科目,资金性质
            P01,一,100,D1,21015990,30217,一般公共预算
            P02,二,100,D2,2101501,3021,一般公共预算
            P03,三,100,D3,2101501,30217,公共预算
            """
        let read = sheet(text)
        XCTAssertEqual(read.lines.count, 0)
        XCTAssertEqual(read.problems.map(\.row), [2, 3, 4])
        XCTAssertTrue(read.problems[0].message.contains("功能科目“21015990”"))
        XCTAssertTrue(read.problems[1].message.contains("经济科目“3021”"))
        XCTAssertTrue(read.problems[2].message.contains("资金性质“公共预算”无效"))
    }

    func testDefaultDocAndUnitOption() {
        let result = sheet("项目编码,项目名称,金额\nP01,一,11.61\n", doc: "承财社[2019]1号", unit: .wan)
        XCTAssertEqual(lines(result).last, "2020-01-01 下达 P01 116100.00 文号=承财社[2019]1号")
    }

    func testRowProblems() {
        let text = """
            项目编码,项目名称,金额,文号,支出计划
            P01,一,100,D1,"6月:50,3月:30"
            P01,重复,100,D2,
            ,无编码,100,D3,
            P 4,有空格,100,D4,
            P05,,100,D5,
            P06,缺文号,100,,
            P07,坏金额,1.234,D7,
            P08,好,100,D8,
            """
        let result = sheet(text)
        XCTAssertEqual(result.problems.map(\.row), [2, 3, 4, 5, 6, 7, 8])
        XCTAssertTrue(result.problems[0].message.contains("支出计划"), result.problems[0].message)
        XCTAssertTrue(result.problems[2].message.contains("项目编码为空"))
        XCTAssertTrue(result.problems[3].message.contains("不能含空格"))
        XCTAssertTrue(result.problems[4].message.contains("项目名称为空"))
        XCTAssertTrue(result.problems[5].message.contains("缺少文号"))
        XCTAssertTrue(result.problems[6].message.contains("不是整分"))
        XCTAssertEqual(result.lines.map(\.project.id), ["P08"])
    }

    func testDuplicateIDIsNamedWithTheFirstRow() {
        let result = sheet("项目编码,项目名称\nP01,一\nP01,二\n")
        XCTAssertEqual(result.problems, [RowProblem(row: 3, message: "项目编码“P01”与第 2 行重复：每个项目只声明一次")])
    }

    func testWithoutAnIDColumnIDsAreNumbered() {
        let result = sheet("项目名称,金额,文号\n甲,1,D\n乙,2,D\n")
        XCTAssertTrue(result.generatedIDs)
        XCTAssertEqual(result.lines.map(\.project.id), ["P01", "P02"])
    }

    func testNoHeaderFound() {
        guard case .failure(let problem) = BudgetImport.read(csvTable("甲,乙\n1,2\n")) else { return XCTFail() }
        XCTAssertTrue(problem.message.contains("找不到预算表的表头"), problem.message)
    }

    func testMonthHeaders() {
        XCTAssertEqual(BudgetImport.monthHeader("3月底"), 3)
        XCTAssertEqual(BudgetImport.monthHeader("10月底（%）"), 10)
        XCTAssertEqual(BudgetImport.monthHeader("12月"), 12)
        XCTAssertEqual(BudgetImport.monthHeader("６月末"), 6)
        XCTAssertNil(BudgetImport.monthHeader("13月"))
        XCTAssertNil(BudgetImport.monthHeader("月底"))
    }
}
