import XCTest
@testable import Interchange

/// Column mappings: the file format, options over the file, header detection.
final class ImportMappingTests: XCTestCase {
    func resolved(_ mapping: ImportMapping, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> ResolvedMapping? {
        switch mapping.resolve(csvTable(text)) {
        case .success(let value): return value
        case .failure(let problem): XCTFail(problem.message, file: file, line: line); return nil
        }
    }

    func problem(_ mapping: ImportMapping, _ text: String) -> String {
        if case .failure(let problem) = mapping.resolve(csvTable(text)) { return problem.message }
        return "(resolved)"
    }

    func testMappingFile() throws {
        let text = """
            # 某银行代发明细的列
            日期=交易日期
            project = 项目名称
            金额＝3

            凭证=C
            表头行=2
            编码=gbk
            金额单位=万元
            """
        guard case .success(let mapping) = ImportMapping.parseFile(text) else { return XCTFail("must parse") }
        XCTAssertEqual(mapping.columns[.date], .name("交易日期"))
        XCTAssertEqual(mapping.columns[.project], .name("项目名称"))
        XCTAssertEqual(mapping.columns[.amount], .number(3))
        XCTAssertEqual(mapping.columns[.voucher], .name("C"))
        XCTAssertEqual(mapping.headerRow, 2)
        XCTAssertEqual(mapping.encoding, .gb18030)
        XCTAssertEqual(mapping.amountUnit, .wan)
    }

    func testMappingFileProblemsNameTheLine() {
        guard case .failure(let unknown) = ImportMapping.parseFile("日期=支付日期\n# x\n币种=人民币\n") else { return XCTFail() }
        XCTAssertEqual(unknown.line, 3)
        XCTAssertTrue(unknown.message.contains("未知的键“币种”"), unknown.message)
        guard case .failure(let noEquals) = ImportMapping.parseFile("日期 支付日期\n") else { return XCTFail() }
        XCTAssertEqual(noEquals.line, 1)
        guard case .failure(let twice) = ImportMapping.parseFile("日期=a\n日期=b\n") else { return XCTFail() }
        XCTAssertEqual(twice.line, 2)
        guard case .failure(let badColumn) = ImportMapping.parseFile("金额=0\n") else { return XCTFail() }
        XCTAssertTrue(badColumn.message.contains("列号从 1 数起"), badColumn.message)
        guard case .failure(let badEncoding) = ImportMapping.parseFile("编码=big5\n") else { return XCTFail() }
        XCTAssertTrue(badEncoding.message.contains("auto、utf-8、gbk"))
    }

    func testOptionsOverTheFile() {
        guard case .success(let file) = ImportMapping.parseFile("日期=交易日期\n金额=支付金额\n表头行=3\n"),
            case .success(let options) = ImportMapping.fromOptions(["date-column": "记账日期", "header-row": "1", "map": "x"])
        else { return XCTFail() }
        let merged = file.overridden(by: options)
        XCTAssertEqual(merged.columns[.date], .name("记账日期"))
        XCTAssertEqual(merged.columns[.amount], .name("支付金额"))
        XCTAssertEqual(merged.headerRow, 1)
        guard case .failure(let bad) = ImportMapping.fromOptions(["amount-unit": "千元"]) else { return XCTFail() }
        XCTAssertTrue(bad.message.hasPrefix("--amount-unit"), bad.message)
    }

    func testChineseDefaultHeaders() {
        let result = resolved(ImportMapping(), "序号,支付日期,项目编码,项目名称,支付金额,凭证号,收款单位,用途,合同编号\n")
        // 项目名称 (column 3) is the fallback for rows without a code.
        XCTAssertEqual(
            result,
            ResolvedMapping(
                headerRow: 1, columns: [.date: 1, .project: 2, .amount: 4, .voucher: 5, .payee: 6, .memo: 7, .contract: 8],
                projectNameColumn: 3))
    }

    func testProjectByNameColumnWhenThereIsNoCode() {
        XCTAssertEqual(resolved(ImportMapping(), "日期,项目名称,金额\n")?.columns[.project], 1)
    }

    func testHeadersWithBlanksFullWidthBracketsAndUnits() {
        let result = resolved(ImportMapping(), " 日 期 ,项目编号,金额（万元）,*凭证\n")
        XCTAssertEqual(result?.columns[.date], 0)
        XCTAssertEqual(result?.columns[.amount], 2)
        XCTAssertEqual(result?.columns[.voucher], 3)
        XCTAssertEqual(result?.amountUnit, .wan, "the amount header says 万元")
    }

    func testTitleRowsAboveTheHeaderAreSkipped() {
        let text = "承德市医疗保障局 2019年3月支付明细\n单位：元,,\n\n日期,项目,金额\n2019-03-05,P01,100\n"
        XCTAssertEqual(resolved(ImportMapping(), text)?.headerRow, 4)
    }

    func testNamedColumnsByNumberAndLetter() {
        var mapping = ImportMapping()
        mapping.columns = [.date: .number(3), .project: .name("A"), .amount: .name("科目金额")]
        let result = resolved(mapping, "编码,名称,时间,科目金额\nP01,x,2019-03-05,1\n")
        XCTAssertEqual(result?.columns[.date], 2)
        XCTAssertEqual(result?.columns[.project], 0)
        XCTAssertEqual(result?.columns[.amount], 3)
    }

    func testAllByNumberWithoutHeaderRow() {
        var mapping = ImportMapping()
        mapping.columns = [.date: .number(1), .project: .number(2), .amount: .number(3)]
        XCTAssertEqual(resolved(mapping, "2019-03-05,P01,100\n")?.headerRow, 0, "the first row is already data")
        XCTAssertEqual(resolved(mapping, "标题\n日期,项目,金额\n2019-03-05,P01,100\n")?.headerRow, 2)
        mapping.headerRow = 0
        XCTAssertEqual(resolved(mapping, "2019-03-05,P01,100\n")?.headerRow, 0)
    }

    func testMissingColumnsAreExplained() {
        let missing = problem(ImportMapping(), "时间,项目编码,金额\n")
        XCTAssertTrue(missing.contains("找不到日期列"), missing)
        XCTAssertTrue(missing.contains("时间、项目编码、金额"), missing)
        XCTAssertTrue(missing.contains("--date-column"), missing)
        var mapping = ImportMapping()
        mapping.columns[.payee] = .name("收款账户")
        let optional = problem(mapping, "日期,项目编码,金额\n")
        XCTAssertTrue(optional.contains("找不到收款人“收款账户”列"), optional)
        var noHeader = ImportMapping()
        noHeader.headerRow = 0
        XCTAssertTrue(problem(noHeader, "2019-03-05,P01,1\n").contains("必须用列号"))
        XCTAssertTrue(problem(ImportMapping(), "").contains("空"))
    }
}
