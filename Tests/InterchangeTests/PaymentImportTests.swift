import XCTest
import Ledger
@testable import Interchange

/// Rows → payment drafts: problems per row, projects by ID or exact name, duplicates.
final class PaymentImportTests: XCTestCase {
    let base = [
        "2019-01-01 项目 P01 医疗服务与保障能力提升补助资金",
        "2019-01-01 项目 P02 \"基金监管 专项\"",
        "2019-01-01 项目 P03 同名项目",
        "2019-01-01 项目 P04 同名项目",
        "2019-01-01 下达 P01 100000.00 文号=D1",
        "2019-01-01 下达 P02 50000.00 文号=D2",
        "2019-03-01 支付 P01 1000.00 凭证=记-001",
    ]

    let header = "日期,项目,金额,凭证号,收款人,摘要,合同\n"
    let columns: [ImportField: Int] = [.date: 0, .project: 1, .amount: 2, .voucher: 3, .payee: 4, .memo: 5, .contract: 6]

    func plan(_ rows: String, journalLines: [String]? = nil) -> ImportPlan {
        let sheet = PaymentImport.read(csvTable(header + rows), mapping: ResolvedMapping(headerRow: 1, columns: columns))
        return PaymentImport.plan(sheet, journal: importJournal(journalLines ?? base))
    }

    func lines(_ plan: ImportPlan) -> [String] { plan.drafts.map { JournalWriter.line(date: $0.date, body: $0.body) } }

    func testRowsBecomePayments() {
        let result = plan(
            """
            2019/3/5,P01,"39,000.00",记-002,河北省医疗保障局,"培训
            费",
            43530,基金监管 专项,1.2万,记-003,,设备款,HT-1

            """)
        XCTAssertEqual(
            lines(result),
            [
                "2019-03-05 支付 P01 39000.00 凭证=记-002 收款人=河北省医疗保障局 摘要=\"培训 费\"",
                "2019-03-06 支付 P02 12000.00 凭证=记-003 合同=HT-1 摘要=设备款",
            ])
        XCTAssertEqual(result.items.map(\.row), [2, 3])
        XCTAssertEqual(result.rowCount, 2)
        XCTAssertTrue(result.problems.isEmpty)
    }

    /// Spec §3: an 经济科目 column gives each payment its own economic class; a malformed
    /// code is a problem of its row.
    func testEconomicClassColumn() {
        let sheet = PaymentImport.read(
            csvTable("日期,项目,金额,凭证号,经济科目\n2019-03-05,P01,100,记-010,30217\n2019-03-06,P01,100,记-011,\n2019-03-07,P01,100,记-012,3021\n"),
            mapping: ResolvedMapping(headerRow: 1, columns: [.date: 0, .project: 1, .amount: 2, .voucher: 3, .econ: 4]))
        let result = PaymentImport.plan(sheet, journal: importJournal(base))
        XCTAssertEqual(
            lines(result),
            [
                "2019-03-05 支付 P01 100.00 凭证=记-010 经济科目=30217",
                "2019-03-06 支付 P01 100.00 凭证=记-011",
            ])
        XCTAssertEqual(result.problems.map(\.row), [4])
        XCTAssertTrue(result.problems.first?.message.contains("经济科目“3021”") ?? false)
        XCTAssertEqual(ImportField.named("经济科目"), .econ)
        XCTAssertEqual(ImportField.econ.option, "econ-column")
    }

    func testEveryProblemOfEveryRow() {
        let result = plan(
            """
            2019-02-30,P01,abc,v1,,,
            2019-03-05,P09,100,v2,,,
            2019-03-05,同名项目,100,v3,,,
            ,,100,v4,,,
            2019-03-06,P01,-5,v5,,,
            2019-03-07,P01,0,v6,,,
            2019-03-08,P99,x,v7,,,
            2019-03-08,P01,1,v8,,,

            """)
        XCTAssertEqual(result.problems.map(\.row), [2, 2, 3, 4, 5, 5, 6, 7, 8, 8])
        XCTAssertTrue(result.problems[0].message.contains("“2019-02-30”不存在"))
        XCTAssertTrue(result.problems[1].message.contains("金额“abc”无法识别"))
        XCTAssertTrue(result.problems[2].message.contains("项目“P09”未在日记账中声明"), result.problems[2].message)
        XCTAssertTrue(result.problems[3].message.contains("对应多个项目（P03、P04）"), result.problems[3].message)
        XCTAssertTrue(result.problems[4].message.contains("日期为空"))
        XCTAssertTrue(result.problems[5].message.contains("项目为空"))
        XCTAssertTrue(result.problems[6].message.contains("负数"))
        XCTAssertTrue(result.problems[7].message.contains("为零"))
        XCTAssertTrue(result.problems[9].message.contains("项目“P99”"), "an unknown project is named even on a row with other problems")
        XCTAssertEqual(result.errorRowCount, 7)
        XCTAssertEqual(lines(result), ["2019-03-08 支付 P01 1.00 凭证=v8"])
    }

    func testProjectByIDThenByExactName() {
        let result = plan(
            """
            2019-03-05,医疗服务与保障能力提升补助资金,1,a,,,
            2019-03-05, 基金监管 专项 ,2,b,,,
            2019-03-05,基金监管专项,3,c,,,

            """)
        XCTAssertEqual(result.drafts.map { $0.body.projectID }, ["P01", "P02"])
        XCTAssertEqual(result.problems.map(\.row), [4], "names match exactly (blanks around are trimmed)")
        XCTAssertTrue(result.problems[0].message.contains("是不是“基金监管 专项”"), result.problems[0].message)
    }

    func testAnIDWinsOverANameThatLooksTheSame() {
        let lines = base + ["2019-01-01 项目 X1 P01"]
        XCTAssertEqual(plan("2019-03-05,P01,1,a,,,\n", journalLines: lines).drafts.first?.body.projectID, "P01")
    }

    func testDuplicatesInTheJournalAndInTheSheet() {
        let result = plan(
            """
            2019-03-01,P01,"1,000.00",记-001,,,
            2019-03-02,P01,500,记-009,,,
            2019/3/2,医疗服务与保障能力提升补助资金,500元,记-009,,另一写法,
            2019-03-02,P01,500,记-010,,,
            2019-03-03,P02,10,,,,
            2019-03-03,P02,10,,,,

            """)
        // Rows count, not kinds of rows: only row 2 is in the journal already; rows 3 and 4
        // (one payment spelled twice) and rows 6 and 7 are two payments each.
        XCTAssertEqual(
            result.duplicates,
            [
                ImportPlan.Duplicate(row: 2, journalLocation: SourceLocation(file: 0, line: 7, column: 1), earlierRow: nil)
            ])
        XCTAssertEqual(result.items.map(\.row), [3, 4, 5, 6, 7], "identical rows are distinct payments")
        XCTAssertEqual(result.rowCount, 6)
    }

    func testAReImportAddsOnlyTheCopiesTheJournalLacks() {
        // The journal has one copy of 2019-03-01 P01 1000.00 记-001 (line 7); the sheet three.
        let row = "2019-03-01,P01,1000,记-001,,,\n"
        let result = plan(row + row + row)
        XCTAssertEqual(result.duplicates.map(\.row), [2], "the first copy is the journal's")
        XCTAssertEqual(result.duplicates.first?.journalLocation, SourceLocation(file: 0, line: 7, column: 1))
        XCTAssertEqual(result.items.map(\.row), [3, 4])
        // The journal with all three: nothing more to add.
        let all = plan(row + row + row, journalLines: base + ["2019-03-01 支付 P01 1000.00 凭证=记-001", "2019-03-01 支付 P01 1000.00 凭证=记-001"])
        XCTAssertEqual(all.items.count, 0)
        XCTAssertEqual(all.duplicates.map(\.row), [2, 3, 4])
        XCTAssertEqual(all.duplicates.compactMap(\.journalLocation?.line), [7, base.count + 1, base.count + 2])
    }

    func testTotalAndBlankRowsAreLeftOut() {
        let result = plan("2019-03-05,P01,1,a,,,\n,,,,,,\n合计,,1,,,,\n")
        XCTAssertEqual(result.rowCount, 1)
        XCTAssertEqual(result.totalRows, [4])
        XCTAssertTrue(result.problems.isEmpty)
    }

    func testAnEmptyJournalSaysToDeclareProjects() {
        let result = plan("2019-03-05,P01,1,a,,,\n", journalLines: [])
        XCTAssertTrue(result.problems[0].message.contains("还没有任何项目"), result.problems[0].message)
    }

    func testWanUnitFromTheMapping() {
        let sheet = PaymentImport.read(
            csvTable("日期,项目,金额(万元)\n2019-03-05,P01,3.9\n"),
            mapping: ResolvedMapping(headerRow: 1, columns: [.date: 0, .project: 1, .amount: 2], amountUnit: .wan))
        XCTAssertEqual(sheet.rows.first?.amountFen, 3_900_000)
    }
}
