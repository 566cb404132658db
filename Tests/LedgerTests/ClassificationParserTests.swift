import XCTest
@testable import Ledger

/// Spec §3: 资金性质/fund, 科目/code, 经济科目/econ on 项目 and 经济科目/econ on 支付 — both
/// spellings, the validated shapes, and the errors that say what to write.
final class ClassificationParserTests: XCTestCase {
    private func body(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> EntryBody? {
        let parsed = parseJournal(line + "\n")
        XCTAssertEqual(parsed.diagnostics.map { "\($0.code): \($0.message)" }, [], line, file: file, line: lineNumber)
        return parsed.entries.first?.body
    }

    private func problems(_ line: String) -> [Diagnostic] { parseJournal(line + "\n").diagnostics }

    func testProjectKeysInBothSpellings() {
        let expected = EntryBody.project(ProjectDeclaration(id: "P01", name: "信息化", code: "2101599", econ: "30227", fund: .governmentFund))
        XCTAssertEqual(body("2021-01-01 项目 P01 信息化 科目=2101599 经济科目=30227 资金性质=政府性基金"), expected)
        XCTAssertEqual(body("2021-01-01 project P01 信息化 code=2101599 econ=30227 fund=government-fund"), expected)
    }

    func testEveryFundInBothSpellings() {
        XCTAssertEqual(Fund.allCases.count, 9)
        for fund in Fund.allCases {
            for word in [fund.chinese, fund.english] {
                XCTAssertEqual(body("2021-01-01 项目 P01 甲 资金性质=\(word)"), .project(ProjectDeclaration(id: "P01", name: "甲", fund: fund)), word)
            }
        }
        XCTAssertEqual([Fund.general, .governmentFund, .stateCapital].allSatisfy(\.isAppropriation), true)
        XCTAssertEqual(Fund.allCases.filter(\.isAppropriation).count, 3)
        XCTAssertEqual(ProjectDeclaration(id: "P", name: "n").effectiveFund, .general)
    }

    func testFunctionCodeLengths() {
        for code in ["210", "21015", "2101599"] {
            XCTAssertEqual(body("2021-01-01 项目 P01 甲 科目=\(code)"), .project(ProjectDeclaration(id: "P01", name: "甲", code: code)))
        }
        for bad in ["21", "2101", "210159", "21015990", "２１０", "21a", "2101599 "] {
            let found = problems("2021-01-01 项目 P01 甲 科目=\"\(bad)\"")
            XCTAssertEqual(found.map(\.code), ["bad-code"], bad)
            XCTAssertTrue(found.first?.message.contains("3 位（类）、5 位（款）或 7 位（项）") ?? false, bad)
            XCTAssertEqual(found.first?.location.column, 21, bad)  // where 科目= starts
        }
    }

    func testEconomicCodeLengthsOnProjectAndPayment() {
        XCTAssertEqual(body("2021-01-01 项目 P01 甲 经济科目=302"), .project(ProjectDeclaration(id: "P01", name: "甲", econ: "302")))
        XCTAssertEqual(
            body("2021-03-01 支付 P01 5 凭证=V 经济科目=30217"),
            .pay(Payment(project: "P01", amountFen: 500, voucher: "V", econ: "30217")))
        XCTAssertEqual(body("2021-03-01 pay P01 5 econ=31013"), .pay(Payment(project: "P01", amountFen: 500, econ: "31013")))
        for bad in ["3021", "3021701", "30", "x0217"] {
            XCTAssertEqual(problems("2021-03-01 支付 P01 5 经济科目=\(bad)").map(\.code), ["bad-econ"], bad)
            XCTAssertEqual(problems("2021-01-01 项目 P01 甲 经济科目=\(bad)").map(\.code), ["bad-econ"], bad)
        }
    }

    func testUnknownFundListsTheValues() {
        let found = problems("2021-01-01 项目 P01 甲 资金性质=一般公共预箕")
        XCTAssertEqual(found.map(\.code), ["bad-fund"])
        let message = found.first?.message ?? ""
        XCTAssertTrue(message.contains("是不是“一般公共预算”"), message)
        for fund in Fund.allCases { XCTAssertTrue(message.contains(fund.chinese) && message.contains(fund.english), message) }
    }

    func testFundIsNotAPaymentKey() {
        XCTAssertEqual(problems("2021-03-01 支付 P01 5 资金性质=政府性基金").map(\.code), ["unknown-key"])
        XCTAssertEqual(problems("2021-03-01 下达 P01 5 文号=A 经济科目=302").map(\.code), ["unknown-key"])
    }

    func testWriterSpellsTheKeysInChinese() {
        let date = CalendarDate(year: 2021, month: 1, day: 1)!
        XCTAssertEqual(
            JournalWriter.line(date: date, body: .project(ProjectDeclaration(id: "P01", name: "甲", code: "2101599", econ: "30217", fund: .grant))),
            "2021-01-01 项目 P01 甲 科目=2101599 经济科目=30217 资金性质=上级补助")
        XCTAssertEqual(
            JournalWriter.line(date: date, body: .pay(Payment(project: "P01", amountFen: 100, voucher: "V", econ: "31013", memo: "m"))),
            "2021-01-01 支付 P01 1.00 凭证=V 经济科目=31013 摘要=m")
    }
}
