import XCTest
@testable import Interchange

/// Spreadsheet amounts read exactly into 分 by the journal's parser.
final class SpreadsheetAmountTests: XCTestCase {
    func fen(_ text: String, _ unit: AmountUnit = .yuan) -> Int64? {
        if case .success(let value) = SpreadsheetAmount.parseFen(text, unit: unit) { return value }
        return nil
    }

    func problem(_ text: String, _ unit: AmountUnit = .yuan) -> String {
        if case .failure(let problem) = SpreadsheetAmount.parseFen(text, unit: unit) { return problem.message }
        return "(parsed)"
    }

    func testForms() {
        XCTAssertEqual(fen("39000"), 3_900_000)
        XCTAssertEqual(fen("39,000.00"), 3_900_000)
        XCTAssertEqual(fen(" 1,234,567.89 "), 123_456_789)
        XCTAssertEqual(fen("¥39,000.00"), 3_900_000)
        XCTAssertEqual(fen("￥ 1,000"), 100_000)
        XCTAssertEqual(fen("1000元"), 100_000)
        XCTAssertEqual(fen("3.9万"), 3_900_000)
        XCTAssertEqual(fen("50.094万元"), 50_094_000)
        XCTAssertEqual(fen("１，２３４．５"), 123_450, "full-width digits and punctuation")
        XCTAssertEqual(fen("1234,5678"), 1_234_567_800, "separators are dropped whatever their grouping")
        XCTAssertEqual(fen("0.01"), 1)
    }

    func testWanColumns() {
        XCTAssertEqual(fen("11.61", .wan), 11_610_000)
        XCTAssertEqual(fen("120.00", .wan), 120_000_000)
        XCTAssertEqual(fen("7.737948", .wan), 7_737_948)
        XCTAssertEqual(fen("500元", .wan), 50_000, "an explicit 元 wins over the column's unit")
        XCTAssertTrue(problem("1.2345678", .wan).contains("不是整分"))
    }

    func testRefusals() {
        XCTAssertTrue(problem("").contains("为空"))
        XCTAssertTrue(problem("-500").contains("负数"))
        XCTAssertTrue(problem("(1,500.00)").contains("负数"))
        XCTAssertTrue(problem("0").contains("为零"))
        XCTAssertTrue(problem("0.00").contains("为零"))
        XCTAssertTrue(problem("12.345").contains("不是整分"))
        XCTAssertTrue(problem("1.2E+05").contains("科学计数法"))
        XCTAssertTrue(problem("abc").contains("无法识别"))
        XCTAssertTrue(problem("99999999999999999999").contains("超出允许范围"))
        if case .failure(let zero) = SpreadsheetAmount.parseFen("0") { XCTAssertTrue(zero.isZero) }
    }

    func testUnitNames() {
        XCTAssertEqual(AmountUnit.named("万元"), .wan)
        XCTAssertEqual(AmountUnit.named("wan"), .wan)
        XCTAssertEqual(AmountUnit.named("元"), .yuan)
        XCTAssertNil(AmountUnit.named("千元"))
        XCTAssertEqual(AmountUnit.fromHeader("预算数（万元）"), .wan)
        XCTAssertEqual(AmountUnit.fromHeader("金额(元)"), .yuan)
        XCTAssertNil(AmountUnit.fromHeader("金额"))
    }
}
