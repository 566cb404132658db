import XCTest

@testable import Ledger

/// The diagnostic codes are counted in arrays by their ordinal (no hashing per finding): the
/// ordinal must be each code's place in `allCases`, or counts land on the wrong code.
final class DiagnosticCodeTests: XCTestCase {
    func testOrdinalIsThePlaceInAllCases() {
        for (place, code) in DiagnosticCode.allCases.enumerated() {
            XCTAssertEqual(code.ordinal, place, code.rawValue)
        }
    }

    func testCountsAndOmittedPerCodeOnAJournalWithTwoKinds() {
        // Three payments without a voucher (warnings) and one overspend (an error): the counts
        // are per code, and a limit of one per code omits two of the warnings.
        let journal = validateJournal([
            "2024-01-01 项目 P 项目甲",
            "2024-01-02 下达 P 100.00 文号=财[2024]1号",
            "2024-01-03 支付 P 10.00",
            "2024-01-04 支付 P 10.00",
            "2024-01-05 支付 P 10.00",
            "2024-01-06 支付 P 100.00 凭证=记-1",
        ])
        XCTAssertEqual(journal.counts.byCode[.payWithoutVoucher], 3)
        XCTAssertEqual(journal.counts.byCode[.overspend], 1)
        XCTAssertEqual(journal.counts.errors, 1)
        XCTAssertEqual(journal.counts.warnings, 3)
        let (shown, omitted) = journal.explained(limitPerCode: 1)
        XCTAssertEqual(shown.map(\.code), ["pay-without-voucher", "overspend"])
        XCTAssertEqual(omitted, [.payWithoutVoucher: 2])
        // A report lists the errors alone.
        let errorsOnly = journal.explained(limitPerCode: 1, severity: .error)
        XCTAssertEqual(errorsOnly.shown.map(\.code), ["overspend"])
        XCTAssertEqual(journal.explained(limitPerCode: nil, severity: .warning).shown.map(\.code), Array(repeating: "pay-without-voucher", count: 3))
    }
}

/// A finding is kept for most lines of a messy journal: it stays 32 bytes, and what goes in
/// comes out.
final class FindingLayoutTests: XCTestCase {
    func testAFindingIsThirtyTwoBytesAndKeepsWhatItWasGiven() {
        XCTAssertEqual(MemoryLayout<Finding>.stride, 32)
        let named = Finding(.reduceBelowPaid, 7, other: LinePlace(file: 2, line: 40), 100, -5, 1)
        XCTAssertEqual(named.other, LinePlace(file: 2, line: 40))
        XCTAssertEqual([named.record, Int32(named.a), Int32(named.b), Int32(named.c)], [7, 100, -5, 1])
        let plain = Finding(.contractOverpaid, 0, Int64.max, Int64.min, Int64(Int32.max))
        XCTAssertNil(plain.other)
        XCTAssertEqual([plain.a, plain.b, plain.c], [Int64.max, Int64.min, Int64(Int32.max)])
    }
}
