import XCTest
@testable import Ledger

/// Splitting a line into fields: blanks, quoting, escapes, columns counted in characters.
final class TokenizerTests: XCTestCase {
    private func fields(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> [Field] {
        switch Tokenizer.tokenize(Array(line.utf8)[...]) {
        case .success(let fields): return fields
        case .failure(let error):
            XCTFail("“\(line)” refused: \(error.code) at \(error.column)", file: file, line: lineNumber)
            return []
        }
    }

    private func failure(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> TokenizeError? {
        switch Tokenizer.tokenize(Array(line.utf8)[...]) {
        case .success(let fields):
            XCTFail("“\(line)” accepted as \(fields.map(\.value))", file: file, line: lineNumber)
            return nil
        case .failure(let error): return error
        }
    }

    private func key(_ field: Field) -> String? { field.key.map { String(decoding: $0, as: UTF8.self) } }

    func testEmptyAndBlankLines() {
        XCTAssertTrue(fields("").isEmpty)
        XCTAssertTrue(fields(" \t　 ").isEmpty)
    }

    func testBlanksIncludeTabAndFullWidthSpace() {
        // a(1) \t(2) b(3) 　(4) c(5) space(6) space(7) d(8)
        let result = fields("a\tb　c  d")
        XCTAssertEqual(result.map(\.value), ["a", "b", "c", "d"])
        XCTAssertEqual(result.map(\.column), [1, 3, 5, 8])
        XCTAssertTrue(result.allSatisfy { $0.key == nil && !$0.quoted })
    }

    func testKeyValuePairs() {
        let result = fields("2019-03-05 支付 P01 5 凭证=记-12 memo=x")
        XCTAssertEqual(result.count, 6)
        XCTAssertEqual(key(result[4]), "凭证")
        XCTAssertEqual(result[4].value, "记-12")
        XCTAssertEqual(key(result[5]), "memo")
        XCTAssertEqual(result[5].value, "x")
        XCTAssertNil(result[3].key)
    }

    func testColumnsCountCharactersNotBytes() {
        // 摘(1) 要(2) =(3) 中(4) 文(5) space(6) x(7)
        let result = fields("摘要=中文 x")
        XCTAssertEqual(result.map(\.column), [1, 7])
        // 2019-03-05(1–10) space(11) 支付(12–13) space(14) P01(15–17) space(18) 5(19)
        XCTAssertEqual(fields("2019-03-05 支付 P01 5").map(\.column), [1, 12, 15, 19])
    }

    func testQuotedValuesWithEscapes() {
        // The line is: "x \" y \\ z" k="a b"
        let result = fields(#""x \" y \\ z" k="a b""#)
        XCTAssertEqual(result.count, 2)
        XCTAssertEqual(result[0].value, #"x " y \ z"#)
        XCTAssertTrue(result[0].quoted)
        XCTAssertNil(result[0].key)
        XCTAssertEqual(key(result[1]), "k")
        XCTAssertEqual(result[1].value, "a b")
        XCTAssertTrue(result[1].quoted)
        // "(1) x(2) sp(3) \"(4,5) sp(6) y(7) sp(8) \\(9,10) sp(11) z(12) "(13) sp(14) k(15)
        XCTAssertEqual(result[1].column, 15)
    }

    func testQuotedValueKeepsBlanksAndSpecials() {
        let result = fields("k=\"a\tb　c=d#;\" e")
        XCTAssertEqual(result[0].value, "a\tb　c=d#;")
        // k(1) =(2) "(3) a(4) \t(5) b(6) 　(7) c(8) =(9) d(10) #(11) ;(12) "(13) sp(14) e(15)
        XCTAssertEqual(result[1].column, 15)
    }

    func testEmptyQuotedValue() {
        let result = fields(#"k="" """#)
        XCTAssertEqual(result.map(\.value), ["", ""])
        XCTAssertEqual(key(result[0]), "k")
        XCTAssertNil(result[1].key)
    }

    func testColumnAfterEscapesAndChineseInQuotes() {
        // "(1) 中(2) \"(3,4) 文(5) "(6) sp(7) c(8)
        XCTAssertEqual(fields(#""中\"文" c"#).map(\.column), [1, 8])
    }

    func testUnterminatedQuote() {
        // a(1) sp(2) "(3): reported where the quote opens
        let error = failure(#"a "bc"#)
        XCTAssertEqual(error?.code, "unterminated-quote")
        XCTAssertEqual(error?.column, 3)
        // A trailing backslash escapes nothing and leaves the quote open.
        XCTAssertEqual(failure(#"k="abc\"#)?.code, "unterminated-quote")
        XCTAssertEqual(failure(#"k="abc\""#)?.code, "unterminated-quote")  // \" is a quote inside the value
    }

    func testBadEscape() {
        // "(1) a(2) \(3) n(4) "(5)
        let error = failure(#""a\n""#)
        XCTAssertEqual(error?.code, "bad-escape")
        XCTAssertEqual(error?.column, 3)
        XCTAssertEqual(failure(#"摘要="\t""#)?.code, "bad-escape")
    }

    func testStrayQuote() {
        // a(1) b(2) "(3)
        let error = failure(#"ab"c""#)
        XCTAssertEqual(error?.code, "stray-quote")
        XCTAssertEqual(error?.column, 3)
    }

    func testUnquotedValueWithEqualsOrQuote() {
        // k(1) =(2) a(3) =(4)
        let equals = failure("k=a=b")
        XCTAssertEqual(equals?.code, "unquoted-special")
        XCTAssertEqual(equals?.column, 4)
        XCTAssertEqual(failure(#"k=a"b"#)?.code, "unquoted-special")
        // 摘(1) 要(2) =(3) 甲(4) =(5)
        XCTAssertEqual(failure("摘要=甲=乙")?.column, 5)
    }

    func testMissingBlankAfterClosingQuote() {
        // "(1) a(2) "(3) b(4)
        let error = failure(#""a"b"#)
        XCTAssertEqual(error?.code, "missing-blank")
        XCTAssertEqual(error?.column, 4)
        XCTAssertEqual(failure(#"k="a"="#)?.code, "missing-blank")
    }

    func testKeyWithoutValue() {
        // x(1) sp(2) k(3) e(4) y(5) =(6), value expected at 7
        let error = failure("x key=")
        XCTAssertEqual(error?.code, "missing-value")
        XCTAssertEqual(error?.column, 7)
        XCTAssertEqual(failure("key= next")?.code, "missing-value")
    }

    func testValueWithoutKey() {
        // x(1) sp(2) =(3)
        let error = failure("x =value")
        XCTAssertEqual(error?.code, "missing-key")
        XCTAssertEqual(error?.column, 3)
    }

    func testFieldLimit() {
        let limit = Limits.maxFieldsPerLine
        XCTAssertEqual(fields(Array(repeating: "x", count: limit).joined(separator: " ")).count, limit)
        let error = failure(Array(repeating: "x", count: limit + 1).joined(separator: " "))
        XCTAssertEqual(error?.code, "too-many-fields")
        // field n starts at column 2n − 1; the first field too many is number limit + 1
        XCTAssertEqual(error?.column, Int32(2 * (limit + 1) - 1))
    }

    func testTokenizesSlicesThatDoNotStartAtZero() {
        let bytes = Array("ignored|a b".utf8)
        guard case .success(let result) = Tokenizer.tokenize(bytes[8...]) else { return XCTFail("refused") }
        XCTAssertEqual(result.map(\.value), ["a", "b"])
        XCTAssertEqual(result.map(\.column), [1, 3])
    }
}
