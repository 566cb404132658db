import XCTest
@testable import Ledger

/// Percentages from exact integers, rounded half-up (away from zero) once, as basis points
/// of a percent (4493 = 44.93 %).
final class PercentTests: XCTestCase {
    func testSpecExamples() {
        // 125800 / 280000 × 10000 = 4492.857… → 4493 (44.93 %, the spec's status example)
        XCTAssertEqual(Percent.basisPoints(125_800, of: 280_000), 4493)
        // 1588900 / 1923100 × 10000: 1923100 × 8262 = 15,888,652,200; the remainder
        // 15,889,000,000 − 15,888,652,200 = 347,800 is below half of 1,923,100 → 8262.
        XCTAssertEqual(Percent.basisPoints(1_588_900, of: 1_923_100), 8262)
        // Seed 002: 5168.30万 / 7178.25万 = 0.71999… → 72.00 %
        XCTAssertEqual(Percent.basisPoints(5_168_300_000, of: 7_178_250_000), 7200)
    }

    func testExactHalvesRoundUp() {
        XCTAssertEqual(Percent.basisPoints(1, of: 8), 1250)  // 12.5 % exactly, no rounding
        XCTAssertEqual(Percent.basisPoints(1, of: 800), 13)  // 0.125 % = 12.5 bp → 13
        XCTAssertEqual(Percent.basisPoints(3, of: 800), 38)  // 0.375 % = 37.5 bp → 38
        XCTAssertEqual(Percent.basisPoints(1, of: 1_600), 6)  // 6.25 bp → 6
        XCTAssertEqual(Percent.basisPoints(3, of: 1_600), 19)  // 18.75 bp → 19
        XCTAssertEqual(Percent.basisPoints(1, of: 20_000), 1)  // 0.5 bp → 1
        XCTAssertEqual(Percent.basisPoints(1, of: 20_001), 0)  // just under 0.5 bp → 0
    }

    func testThirds() {
        XCTAssertEqual(Percent.basisPoints(1, of: 3), 3333)  // 3333.33…
        XCTAssertEqual(Percent.basisPoints(2, of: 3), 6667)  // 6666.66…
        XCTAssertEqual(Percent.basisPoints(3, of: 3), 10_000)
    }

    func testZeroDenominatorIsZero() {
        XCTAssertEqual(Percent.basisPoints(0, of: 0), 0)
        XCTAssertEqual(Percent.basisPoints(5, of: 0), 0)
        XCTAssertEqual(Percent.basisPoints(-5, of: 0), 0)
    }

    func testNegativesRoundAwayFromZero() {
        XCTAssertEqual(Percent.basisPoints(-1, of: 800), -13)
        XCTAssertEqual(Percent.basisPoints(1, of: -800), -13)
        XCTAssertEqual(Percent.basisPoints(-1, of: -800), 13)
        XCTAssertEqual(Percent.basisPoints(-125_800, of: 280_000), -4493)
        XCTAssertEqual(Percent.basisPoints(-1, of: 3), -3333)
    }

    func testHugeNumeratorsDoNotOverflow() {
        // 10^18 × 10^4 = 10^22 does not fit in 64 bits; the ratio is still 1/3 → 3333.
        XCTAssertEqual(Percent.basisPoints(1_000_000_000_000_000_000, of: 3_000_000_000_000_000_000), 3333)
        // 5/8 = 62.5 %
        XCTAssertEqual(Percent.basisPoints(5_000_000_000_000_000_000, of: 8_000_000_000_000_000_000), 6250)
        XCTAssertEqual(Percent.basisPoints(Int64.max, of: Int64.max), 10_000)
        XCTAssertEqual(Percent.basisPoints(Int64.min, of: Int64.min), 10_000)
        // (2^62 − 1) / (2^63 − 1) = ½ − a hair: 4999.99… bp → 5000
        XCTAssertEqual(Percent.basisPoints(Int64.max / 2, of: Int64.max), 5000)
        // A ratio too large for Int64 saturates instead of trapping.
        XCTAssertEqual(Percent.basisPoints(Int64.max, of: 1), Int64.max)
        XCTAssertEqual(Percent.basisPoints(Int64.min, of: 1), Int64.min)
    }

    func testJSONNumber() {
        XCTAssertEqual(Percent.jsonNumber(4493), "44.93")
        XCTAssertEqual(Percent.jsonNumber(10_000), "100")
        XCTAssertEqual(Percent.jsonNumber(1250), "12.5")
        XCTAssertEqual(Percent.jsonNumber(1010), "10.1")
        XCTAssertEqual(Percent.jsonNumber(1001), "10.01")
        XCTAssertEqual(Percent.jsonNumber(5), "0.05")
        XCTAssertEqual(Percent.jsonNumber(50), "0.5")
        XCTAssertEqual(Percent.jsonNumber(0), "0")
        XCTAssertEqual(Percent.jsonNumber(-1250), "-12.5")
        XCTAssertEqual(Percent.jsonNumber(-5), "-0.05")
    }

    func testTwoPlaceString() {
        XCTAssertEqual(Percent.string(1250), "12.50")
        XCTAssertEqual(Percent.string(4493), "44.93")
        XCTAssertEqual(Percent.string(10_000), "100.00")
        XCTAssertEqual(Percent.string(5), "0.05")
        XCTAssertEqual(Percent.string(0), "0.00")
        XCTAssertEqual(Percent.string(-5), "-0.05")
    }
}
