import XCTest
@testable import Ledger

/// Amounts: every form of SPEC §1 "Amounts" parsed to exact 分, every refusal, and the
/// three ways amounts are written back.
final class AmountTests: XCTestCase {
    private func fen(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Int64? {
        switch Amount.parseFen(text) {
        case .success(let value): return value
        case .failure(let error):
            XCTFail("“\(text)” refused: \(error)", file: file, line: line)
            return nil
        }
    }

    private func assertRefused(
        _ text: String, _ expected: Amount.ParseError, requirePositive: Bool = true,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        switch Amount.parseFen(text, requirePositive: requirePositive) {
        case .success(let value): XCTFail("“\(text)” accepted as \(value) 分, expected \(expected)", file: file, line: line)
        case .failure(let error): XCTAssertEqual(error, expected, "“\(text)”", file: file, line: line)
        }
    }

    // MARK: - The spec's forms

    func testPlainYuan() {
        XCTAssertEqual(fen("116100"), 11_610_000)  // 116100 元 × 100
    }

    func testThousandsSeparatorsDecimalsAndYuanSuffix() {
        XCTAssertEqual(fen("116,100.00元"), 11_610_000)  // 116100.00 元 × 100
        XCTAssertEqual(fen("1,234,567.89"), 123_456_789)  // 1234567.89 元 × 100
        XCTAssertEqual(fen("999"), 99_900)
        XCTAssertEqual(fen("1,000"), 100_000)
    }

    func testWan() {
        XCTAssertEqual(fen("11.61万"), 11_610_000)  // 11.61 × 10000 = 116100 元
        XCTAssertEqual(fen("7.737948万"), 7_737_948)  // 7.737948 × 10000 = 77379.48 元
        XCTAssertEqual(fen("50.094万元"), 50_094_000)  // 500940 元
        XCTAssertEqual(fen("1万"), 1_000_000)  // 10000 元
        XCTAssertEqual(fen("0.000001万"), 1)  // 0.01 元
        XCTAssertEqual(fen("1,000万"), 1_000_000_000)  // 10,000,000 元
    }

    func testTrailingZerosCarryNoValue() {
        XCTAssertEqual(fen("1.230万"), 1_230_000)  // 12300 元
        XCTAssertEqual(fen("1.2300000000万"), 1_230_000)  // more than 6 places, but all zeros
        XCTAssertEqual(fen("1.500"), 150)  // 1.5 元
        XCTAssertEqual(fen("3.10元"), 310)
    }

    func testSmallestAmount() {
        XCTAssertEqual(fen("0.01"), 1)
        XCTAssertEqual(fen("0.1"), 10)
    }

    func testNegativeAmountsWhenSignAllowed() {
        XCTAssertEqual(try Amount.parseFen("-5", requirePositive: false).get(), -500)
        XCTAssertEqual(try Amount.parseFen("-0.01万", requirePositive: false).get(), -10_000)  // −0.01 × 10000 = −100 元
    }

    // MARK: - Refusals

    func testNotWholeFen() {
        assertRefused("1.2345678万", .notWholeFen)  // 7 places of 万 = 0.001 元 precision
        assertRefused("1.234", .notWholeFen)  // 3 places of 元
        assertRefused("0.005", .notWholeFen)
        assertRefused("0.0000001万", .notWholeFen)
    }

    func testBadThousandsGroups() {
        assertRefused("1,23,456", .badThousandsGroup)
        assertRefused("1234,567", .badThousandsGroup)  // first group longer than 3
        assertRefused("1,2345", .badThousandsGroup)  // last group longer than 3
        assertRefused("12,34", .badThousandsGroup)  // last group shorter than 3
        assertRefused(",123", .badThousandsGroup)
        assertRefused("1,234.5,6", .badThousandsGroup)  // separator in the fraction
        assertRefused("1,23.45", .badThousandsGroup)  // short group before the point
    }

    func testFullWidthComma() {
        assertRefused("116，100", .fullWidthComma)
    }

    func testNotANumber() {
        for text in ["abc", "1.", ".5", "万", "元", "万元", "1..2", "1.2.3", "１００", "1e5", "--5", "-", "5元万", " 5", "0x10"] {
            assertRefused(text, .notANumber)
        }
    }

    func testEmpty() {
        assertRefused("", .empty)
    }

    func testNotPositive() {
        assertRefused("-5", .notPositive)
        assertRefused("0", .notPositive)
        assertRefused("0.00万", .notPositive)
        assertRefused("-0", .notPositive)
        assertRefused("-0.01", .notPositive)
    }

    func testLimits() {
        // Limits.maxAmountFen = 10^16 分 = 10^14 元 = 10^10 万.
        XCTAssertEqual(Limits.maxAmountFen, 10_000_000_000_000_000)
        XCTAssertEqual(fen("100000000000000"), Limits.maxAmountFen)
        XCTAssertEqual(fen("100,000,000,000,000.00元"), Limits.maxAmountFen)
        XCTAssertEqual(fen("10000000000万"), Limits.maxAmountFen)
        assertRefused("100000000000000.01", .tooLarge)  // one 分 over
        assertRefused("10000000000.000001万", .tooLarge)  // one 分 over
        assertRefused("99999999999999999999", .tooLarge)  // past Int64 while reading digits
        assertRefused("92233720368547758万", .tooLarge)  // fits Int64, × 1,000,000 分 does not
        assertRefused("922337203685477580", .tooLarge)  // fits Int64, × 100 分 does not
        assertRefused("-99999999999999999999", .tooLarge, requirePositive: false)
    }

    // MARK: - Formatting

    func testYuanString() {
        XCTAssertEqual(Amount.yuanString(11_610_000), "116100.00")
        XCTAssertEqual(Amount.yuanString(1), "0.01")
        XCTAssertEqual(Amount.yuanString(10), "0.10")
        XCTAssertEqual(Amount.yuanString(0), "0.00")
        XCTAssertEqual(Amount.yuanString(-150), "-1.50")
        XCTAssertEqual(Amount.yuanString(Int64.max), "92233720368547758.07")
        XCTAssertEqual(Amount.yuanString(Int64.min), "-92233720368547758.08")
        XCTAssertEqual(Amount.yuanString(Int64.max), "92233720368547758.07")  // 9223372036854775807 分
        XCTAssertEqual(Amount.yuanString(Int64.min), "-92233720368547758.08")  // no trap on the magnitude
    }

    func testWanStringIsExactWithAtLeastTwoDecimals() {
        XCTAssertEqual(Amount.wanString(7_737_948), "7.737948")  // 77379.48 元 = 7.737948 万
        XCTAssertEqual(Amount.wanString(15_420_000), "15.42")  // 154200 元
        XCTAssertEqual(Amount.wanString(1_000_000), "1.00")  // 10000 元
        XCTAssertEqual(Amount.wanString(12_300_000), "12.30")  // keeps two places
        XCTAssertEqual(Amount.wanString(1), "0.000001")  // one 分, never rounded to 0.00
        XCTAssertEqual(Amount.wanString(999_999), "0.999999")  // never rounded up to 1.00
        XCTAssertEqual(Amount.wanString(0), "0.00")
        XCTAssertEqual(Amount.wanString(-50_094_000), "-50.094")
        XCTAssertEqual(Amount.wanString(Int64.min), "-9223372036854.775808")
    }

    func testGroupedYuanString() {
        XCTAssertEqual(Amount.groupedYuanString(125_800_000), "1,258,000.00")
        XCTAssertEqual(Amount.groupedYuanString(99_999), "999.99")
        XCTAssertEqual(Amount.groupedYuanString(100_000), "1,000.00")
        XCTAssertEqual(Amount.groupedYuanString(0), "0.00")
        XCTAssertEqual(Amount.groupedYuanString(5), "0.05")
        XCTAssertEqual(Amount.groupedYuanString(-12_345_678_901), "-123,456,789.01")
        XCTAssertEqual(Amount.groupedYuanString(Limits.maxAmountFen), "100,000,000,000,000.00")
    }

    /// What the writer prints, the parser reads back.
    func testFormattedFormsParseBack() {
        for value: Int64 in [1, 99, 100, 7_737_948, 50_094_000, 123_456_789, Limits.maxAmountFen] {
            XCTAssertEqual(fen(Amount.yuanString(value)), value)
            XCTAssertEqual(fen(Amount.wanString(value) + "万"), value)
            XCTAssertEqual(fen(Amount.groupedYuanString(value) + "元"), value)
        }
    }

    // MARK: - Checked arithmetic

    func testCheckedArithmetic() {
        XCTAssertEqual(Checked.add(-5, 3), -2)
        XCTAssertEqual(Checked.add(Int64.max - 1, 1), Int64.max)
        XCTAssertNil(Checked.add(Int64.max, 1))
        XCTAssertNil(Checked.add(Int64.min, -1))
        XCTAssertEqual(Checked.subtract(5, 8), -3)
        XCTAssertEqual(Checked.subtract(Int64.min + 1, 1), Int64.min)
        XCTAssertNil(Checked.subtract(Int64.min, 1))
        XCTAssertNil(Checked.subtract(0, Int64.min))
    }
}

extension AmountTests {
    /// The grammar is `[-]DIGITS…`: a plus sign is not an amount form.
    func testPlusSignIsRefused() {
        XCTAssertEqual(Amount.parseFen("+5"), .failure(.notANumber))
        XCTAssertEqual(Amount.parseFen("+1.5万"), .failure(.notANumber))
    }
}
