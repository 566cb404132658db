import XCTest

@testable import Ledger

/// The huge-page hint is only a hint: the array it is given keeps every value written to it,
/// large or small, reserved or grown afterwards.
final class HugePagesTests: XCTestCase {
    func testAdvisedArraysKeepTheirValues() {
        for capacity in [0, 10, HugePages.minimumBytes / 8 + 12_345] {
            var numbers: [Int] = []
            numbers.reserveCapacity(capacity)
            HugePages.advise(&numbers)
            for value in 0..<(capacity + 1000) { numbers.append(value &* 7) }
            XCTAssertEqual(numbers.count, capacity + 1000)
            XCTAssertTrue(numbers.enumerated().allSatisfy { $0.element == $0.offset &* 7 }, "capacity \(capacity)")
        }
    }
}
