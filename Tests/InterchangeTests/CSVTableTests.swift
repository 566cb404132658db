import XCTest
@testable import Interchange

/// RFC 4180 reading, and the liberties Excel takes.
final class CSVTableTests: XCTestCase {
    func cells(_ text: String) -> [[String]] { csvTable(text).rows.map(\.cells) }

    func testPlainRowsWithLFAndCRLFAndLoneCR() {
        XCTAssertEqual(cells("a,b\n1,2\n"), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(cells("a,b\r\n1,2\r\n"), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(cells("a,b\r1,2"), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(cells("a,b\n1,2"), [["a", "b"], ["1", "2"]], "a last line without its newline is still a row")
    }

    func testEmptyTextHasNoRowsAndTrailingNewlineAddsNone() {
        XCTAssertEqual(csvTable("").rows.count, 0)
        XCTAssertEqual(cells("x\n"), [["x"]])
        XCTAssertEqual(cells("x\n\n"), [["x"], [""]], "a blank line is a (blank) row, as in Excel")
    }

    func testEmptyFieldsAndTrailingSeparator() {
        XCTAssertEqual(cells(",a,,b,\n"), [["", "a", "", "b", ""]])
        XCTAssertEqual(cells("\"\",x\n"), [["", "x"]])
    }

    func testQuotedFieldsWithSeparatorsDoubledQuotesAndLineBreaks() {
        let parsed = csvTable("名称,金额\n\"基金监管,专项\",\"1,234.00\"\n\"他说\"\"好\"\"\",1\n\"第一行\r\n第二行\",2\n末行,3\n")
        XCTAssertEqual(
            parsed.rows.map(\.cells),
            [
                ["名称", "金额"], ["基金监管,专项", "1,234.00"], ["他说\"好\"", "1"], ["第一行\r\n第二行", "2"], ["末行", "3"],
            ])
        // Row numbers count records (Excel's row numbers); lines count text lines.
        XCTAssertEqual(parsed.rows.map(\.number), [1, 2, 3, 4, 5])
        XCTAssertEqual(parsed.rows.map(\.line), [1, 2, 3, 4, 6])
    }

    func testBOMIsSkipped() {
        XCTAssertEqual(cells("\u{FEFF}日期,金额\n"), [["日期", "金额"]])
    }

    func testUnterminatedQuoteIsAnErrorNamingTheRow() {
        guard case .failure(let failure) = CSVTable.parse("a,b\n1,2\n3,\"open\n4,5\n") else { return XCTFail("must fail") }
        XCTAssertEqual(failure.row, 3)
        XCTAssertEqual(failure.line, 3)
        XCTAssertTrue(failure.message.contains("第 3 行"), failure.message)
    }

    func testStrayQuotesAreKeptLikeExcelDoes() {
        XCTAssertEqual(cells("ab\"c,d\n"), [["ab\"c", "d"]])
        XCTAssertEqual(cells("\"ab\"c,d\n"), [["abc", "d"]])
    }

    func testTabSeparatedIsDetected() {
        let parsed = csvTable("日期\t金额\t摘要\n2019-03-05\t1,000.00\t差旅, 住宿\n")
        XCTAssertEqual(parsed.delimiter, "\t")
        XCTAssertEqual(parsed.rows[1].cells, ["2019-03-05", "1,000.00", "差旅, 住宿"])
        XCTAssertEqual(csvTable("a,b\tc\n").delimiter, ",")
    }

    func testShortRowsReadEmptyCellsAndBlankRows() {
        let parsed = csvTable("a,b,c\n1\n , \u{3000}\n")
        XCTAssertEqual(parsed.rows[1][2], "")
        XCTAssertEqual(parsed.rows[1][-1], "")
        XCTAssertFalse(parsed.rows[1].isBlank)
        XCTAssertTrue(parsed.rows[2].isBlank)
    }
}
