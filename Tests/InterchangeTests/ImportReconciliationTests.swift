import XCTest
import Ledger
@testable import Interchange

/// Issue 12, item 9: a row without a project code is matched by its exact name when the sheet
/// has a name column too; a 合计 row must agree with the rows above it.
final class ImportReconciliationTests: XCTestCase {
    let journalLines = [
        "2019-01-01 项目 P01 医疗服务与保障能力提升补助资金",
        "2019-01-01 项目 P02 \"基金监管 专项\"",
        "2019-01-01 下达 P01 100000.00 文号=D1",
        "2019-01-01 下达 P02 50000.00 文号=D2",
    ]

    func plan(_ text: String) throws -> ImportPlan {
        let table = csvTable(text)
        let mapping = try ImportMapping().resolve(table).get()
        return PaymentImport.plan(PaymentImport.read(table, mapping: mapping), journal: importJournal(journalLines))
    }

    func lines(_ plan: ImportPlan) -> [String] { plan.drafts.map { JournalWriter.line(date: $0.date, body: $0.body) } }

    func testEmptyCodeFallsBackToTheExactName() throws {
        let result = try plan(
            """
            日期,项目编码,项目名称,金额,凭证号
            2019-03-05,P01,医疗服务与保障能力提升补助资金,100,V1
            2019-03-06,,基金监管 专项,200,V2
            2019-03-07,,,300,V3
            2019-03-08,,基金监管专项,400,V4

            """)
        XCTAssertEqual(lines(result), ["2019-03-05 支付 P01 100.00 凭证=V1", "2019-03-06 支付 P02 200.00 凭证=V2"])
        XCTAssertEqual(result.problems.map(\.row), [4, 5])
        XCTAssertEqual(result.problems.first?.message, "项目为空：请填写项目编码或项目名称")
        // The name must match exactly (here a blank is missing).
        XCTAssertTrue(result.problems.last?.message.hasPrefix("项目“基金监管专项”未在日记账中声明") == true, result.problems.last?.message ?? "")
    }

    func testTheCodeWinsWhenBothAreGiven() throws {
        let table = csvTable("日期,项目编码,项目名称,金额\n2019-03-05,P02,医疗服务与保障能力提升补助资金,100\n")
        let mapping = try ImportMapping().resolve(table).get()
        XCTAssertEqual(mapping.columns[.project], 1)
        XCTAssertEqual(mapping.projectNameColumn, 2)
        XCTAssertEqual(
            lines(PaymentImport.plan(PaymentImport.read(table, mapping: mapping), journal: importJournal(journalLines))),
            ["2019-03-05 支付 P02 100.00"])
        // A sheet with one project column has no fallback.
        XCTAssertNil(try ImportMapping().resolve(csvTable("日期,项目名称,金额\n2019-03-05,x,1\n")).get().projectNameColumn)
    }

    /// Rows of 1,000.00 and a 合计 of 9,999.00 must not pass.
    func testATotalThatDisagreesIsAnError() throws {
        let result = try plan("日期,项目,金额\n2019-03-05,P01,600\n2019-03-06,P02,400\n合计,,\"9,999.00\"\n")
        XCTAssertEqual(result.items.count, 2)
        XCTAssertEqual(result.totalRows, [4])
        XCTAssertEqual(
            result.problems,
            [
                RowProblem(
                    row: 4,
                    message:
                        "合计行的金额 9,999.00 元与上方 2 行支付金额之和 1,000.00 元不符，相差 8,999.00 元：请核对是否漏了行、多了行或金额有误（整批不会记入）")
            ])
        XCTAssertEqual(result.errorRowCount, 1)
    }

    func testAgreeingTotalsPass() throws {
        // 1.2万 + 300.50 + 300.50 = 12,601.00: identical rows are distinct payments (issue 11),
        // and each counts in the sheet's total.
        let agreed = try plan("日期,项目,金额,凭证号\n2019-03-05,P01,1.2万,V1\n2019-03-06,P02,300.50,V2\n2019-03-06,P02,300.50,V2\n总计,,\"12,601.00\",\n")
        XCTAssertEqual(agreed.problems, [])
        XCTAssertEqual(agreed.duplicates.count, 0)
        // An empty total cell, and 累计 (which may include earlier months), are not checked.
        XCTAssertEqual(try plan("日期,项目,金额\n2019-03-05,P01,1\n合计,,\n累计,,999\n").problems, [])
    }

    /// 小计 and 本页合计 cover the rows since the previous one; 合计 all of them.
    func testSubtotalsCoverTheirSection() throws {
        let good = try plan(
            """
            日期,项目,金额
            2019-03-05,P01,100
            2019-03-06,P01,200
            本页合计,,300
            2019-03-07,P02,50
            小计,,50
            合计,,350

            """)
        XCTAssertEqual(good.problems, [])
        XCTAssertEqual(good.totalRows, [4, 6, 7])
        let bad = try plan("日期,项目,金额\n2019-03-05,P01,100\n小计,,100\n2019-03-07,P02,50\n小计,,150\n")
        XCTAssertEqual(bad.problems.map(\.row), [5])
        XCTAssertEqual(
            bad.problems.first?.message.hasPrefix("小计行的金额 150.00 元与上一个小计之后 1 行支付金额之和 50.00 元不符，相差 100.00 元"), true,
            bad.problems.first?.message ?? "")
    }

    /// A row whose amount cannot be read is its own error; the total is not judged on top.
    func testUnreadableRowsLeaveTheTotalUnjudged() throws {
        let result = try plan("日期,项目,金额\n2019-03-05,P01,abc\n2019-03-06,P01,100\n合计,,5000\n")
        XCTAssertEqual(result.problems.map(\.row), [2])
    }
}

/// The budget table's 合计 is reconciled the same way (`init --budget`).
final class BudgetTotalTests: XCTestCase {
    func problems(_ text: String) -> [RowProblem] {
        guard case .success(let sheet) = BudgetImport.read(csvTable(text), defaultDoc: "D") else { XCTFail("not read"); return [] }
        return sheet.problems
    }

    func testBudgetTotalMustAgree() {
        // 120 + 1,508.5 = 1,628.5万; a project without money counts 0.
        XCTAssertEqual(problems("项目编码,项目名称,预算数（万元）\nA,甲,120\nB,乙,\"1,508.5\"\nC,丙,\n合计,,\"1,628.5\"\n"), [])
        XCTAssertEqual(
            problems("项目编码,项目名称,预算数（万元）\nA,甲,120\nB,乙,\"1,508.5\"\n合计,,\"1,682.5\"\n"),
            [
                RowProblem(
                    row: 4,
                    message:
                        "合计行的金额 16,825,000.00 元与上方 2 行预算金额之和 16,285,000.00 元不符，相差 540,000.00 元：请核对是否漏了行、多了行或金额有误（整批不会记入）")
            ])
    }
}
