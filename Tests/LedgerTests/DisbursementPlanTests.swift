import XCTest
@testable import Ledger

/// Disbursement plans (资金支出计划): `M月:P` checkpoints, their refusals and canonical text.
final class DisbursementPlanTests: XCTestCase {
    private func plan(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [DisbursementPlan.Checkpoint] {
        switch DisbursementPlan.parse(text) {
        case .success(let value): return value.checkpoints
        case .failure(let error):
            XCTFail("“\(text)” refused: \(error)", file: file, line: line)
            return []
        }
    }

    private func refusal(_ text: String) -> DisbursementPlan.ParseError? {
        if case .failure(let error) = DisbursementPlan.parse(text) { return error }
        return nil
    }

    func testSpecExample() {
        XCTAssertEqual(
            plan("3月:30,6月:50,10月:90,12月:100"),
            [
                .init(month: 3, percentBasisPoints: 3000), .init(month: 6, percentBasisPoints: 5000),
                .init(month: 10, percentBasisPoints: 9000), .init(month: 12, percentBasisPoints: 10_000),
            ])
    }

    func testMonthEndSpellingPercentSignAndDecimals() {
        XCTAssertEqual(plan("6月底:50"), [.init(month: 6, percentBasisPoints: 5000)])
        XCTAssertEqual(plan("6月:33.5,12月:100%"), [.init(month: 6, percentBasisPoints: 3350), .init(month: 12, percentBasisPoints: 10_000)])
        XCTAssertEqual(
            plan("1月:0,2月:0.05,3月:12.25"),
            [
                .init(month: 1, percentBasisPoints: 0), .init(month: 2, percentBasisPoints: 5), .init(month: 3, percentBasisPoints: 1225),
            ])
        XCTAssertEqual(plan("3月:30,6月:30"), [.init(month: 3, percentBasisPoints: 3000), .init(month: 6, percentBasisPoints: 3000)])  // flat is allowed
    }

    func testRefusals() {
        XCTAssertEqual(refusal(""), .empty)
        XCTAssertEqual(refusal("3月：30"), .fullWidthPunctuation("："))
        XCTAssertEqual(refusal("3月:30，6月:50"), .fullWidthPunctuation("，"))
        XCTAssertEqual(refusal("6月:50,3月:80"), .monthsNotIncreasing("3月:80"))
        XCTAssertEqual(refusal("6月:50,6月:80"), .monthsNotIncreasing("6月:80"))
        XCTAssertEqual(refusal("3月:50,6月:40"), .percentDecreasing("6月:40"))
        XCTAssertEqual(refusal("12月:100.01"), .percentOutOfRange("12月:100.01"))
        XCTAssertEqual(refusal("0月:10"), .monthOutOfRange("0月:10"))
        XCTAssertEqual(refusal("13月:10"), .monthOutOfRange("13月:10"))
        for text in ["3:30", "3月30", "3月:", "月:30", "3月:-5", "3月:30,", ",3月:30", "三月:30", "3月:30.123", "３月:30", "3月:30:40", "123月:1"] {
            guard case .malformedCheckpoint = refusal(text) else { return XCTFail("“\(text)” gave \(String(describing: refusal(text)))") }
        }
    }

    func testCanonicalTextReadsBack() {
        for text in ["3月:30,6月:50,10月:90,12月:100", "6月:33.5,12月:100", "1月:0,2月:0.05,12月:100"] {
            guard case .success(let value) = DisbursementPlan.parse(text) else { return XCTFail(text) }
            XCTAssertEqual(value.description, text)
        }
        XCTAssertEqual(DisbursementPlan.evenPace.description, "12月:100")
    }

    func testPercentBasisPoints() {
        XCTAssertEqual(DisbursementPlan.parsePercentBasisPoints("50"), 5000)
        XCTAssertEqual(DisbursementPlan.parsePercentBasisPoints("33.5"), 3350)
        XCTAssertEqual(DisbursementPlan.parsePercentBasisPoints("12.25"), 1225)
        XCTAssertEqual(DisbursementPlan.parsePercentBasisPoints("12.250"), 1225)
        XCTAssertNil(DisbursementPlan.parsePercentBasisPoints("12.251"))
        XCTAssertNil(DisbursementPlan.parsePercentBasisPoints(""))
        XCTAssertNil(DisbursementPlan.parsePercentBasisPoints("."))
        XCTAssertNil(DisbursementPlan.parsePercentBasisPoints("5."))
        XCTAssertNil(DisbursementPlan.parsePercentBasisPoints(".5"))
        XCTAssertNil(DisbursementPlan.parsePercentBasisPoints("1.2.3"))
        XCTAssertNil(DisbursementPlan.parsePercentBasisPoints("9999999"))  // more than six digits
    }
}
