import XCTest
import Ledger
@testable import Interchange

// Unit tests of the exporters (Journal → String), with hand-written expected text.

/// A small journal with every money verb: 2019 budget 10万 − 1万 = 9万, paid 3.5万 − 0.5万 =
/// 3万, lapsed 0.5万, carried 5.5万 (available 0); 2020 carried in 5.5万, all paid.
private let smallJournal = [
    "2019-01-01 设置 单位名称=测试局",
    "2019-01-02 项目 P01 培训经费 单位=局机关 标签=基本",
    "2019-01-10 下达 P01 10万 文号=财[2019]1号 摘要=年度培训",
    "2019-02-01 支付 P01 3.5万 凭证=记-001 收款人=培训中心 摘要=第一期培训",
    "2019-03-01 冲销 P01 0.5万 原凭证=记-001 摘要=退回多付",
    "2019-06-01 调减 P01 1万 文号=财[2019]9号",
    "2019-07-01 合同 P01 HT-1 2万 对方=某公司 期限=2019-12-01",
    "2019-12-31 收回 P01 0.5万 文号=财[2019]20号 原因=结余",
    "2019-12-31 结转 P01 5.5万 原因=跨年",
    "2020-03-01 支付 P01 5.5万 凭证=记-101",
]

private func journal(_ lines: [String]) -> Journal {
    var parsed = ParsedJournal()
    JournalReader.parse(JournalSource(path: "t.journal", bytes: Array(lines.map { $0 + "\n" }.joined().utf8)), into: &parsed)
    return Validator.validate(parsed)
}

private func validJournal(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) -> Journal {
    let result = journal(lines)
    XCTAssertFalse(result.hasErrors, "the fixture must be valid: \(result.diagnostics.map(\.message))", file: file, line: line)
    return result
}

final class HledgerExportTests: XCTestCase {
    func testEveryVerbIsABalancedTransaction() {
        let text = HledgerExport.render(validJournal(smallJournal))
        let expected = [
            """
            2019-01-10 * (财[2019]1号) 下达：年度培训
                ; 2019-01-10 下达 P01 100000.00 文号=财[2019]1号 摘要=年度培训
                assets:budget:P01          100000.00 CNY
                income:appropriation:P01  -100000.00 CNY
            """,
            """
            2019-02-01 * (记-001) 培训中心 | 第一期培训
                ; 2019-02-01 支付 P01 35000.00 凭证=记-001 收款人=培训中心 摘要=第一期培训
                expenses:P01        35000.00 CNY
                assets:budget:P01  -35000.00 CNY
            """,
            """
            2019-03-01 * 冲销 记-001：退回多付
                ; 2019-03-01 冲销 P01 5000.00 原凭证=记-001 摘要=退回多付
                assets:budget:P01   5000.00 CNY
                expenses:P01       -5000.00 CNY
            """,
            """
            2019-06-01 * (财[2019]9号) 调减：培训经费
                ; 2019-06-01 调减 P01 10000.00 文号=财[2019]9号
                income:appropriation:P01   10000.00 CNY
                assets:budget:P01         -10000.00 CNY
            """,
            """
            2019-12-31 * (财[2019]20号) 收回：结余
                ; 2019-12-31 收回 P01 5000.00 文号=财[2019]20号 原因=结余
                equity:lapsed:P01   5000.00 CNY
                assets:budget:P01  -5000.00 CNY
            """,
            """
            2019-12-31 * 结转下年：跨年
                ; 2019-12-31 结转 P01 55000.00 原因=跨年
                assets:carried:P01   55000.00 CNY
                assets:budget:P01   -55000.00 CNY

            2020-01-01 * 上年结转转入：跨年
                ; 2019-12-31 结转的金额计入 2020 年预算（上年结转）
                assets:budget:P01    55000.00 CNY
                assets:carried:P01  -55000.00 CNY

            2020-03-01 * (记-101) 支付：培训经费
            """,
        ]
        for snippet in expected {
            XCTAssertTrue(text.contains(snippet + "\n"), "missing:\n\(snippet)\n--- in ---\n\(text)")
        }
    }

    func testHeaderDeclaresCommodityAndEveryAccount() {
        let text = HledgerExport.render(validJournal(smallJournal))
        XCTAssertTrue(text.hasPrefix("; fundflow 导出的 hledger 日记账：测试局\n"), text)
        XCTAssertTrue(text.contains("\ncommodity 1000.00 CNY\n"), text)
        XCTAssertTrue(
            text.contains(
                """

                ; 2019-01-02 项目 P01 培训经费 单位=局机关 标签=基本
                account assets:budget:P01
                account assets:carried:P01
                account income:appropriation:P01
                account expenses:P01
                account equity:lapsed:P01

                """), text)
    }

    func testContractsSettingsAndPlansAreComments() {
        let text = HledgerExport.render(validJournal(smallJournal + ["2020-01-01 计划 P01 6月:50,12月:100"]))
        XCTAssertTrue(text.contains("\n; 2019-07-01 合同 P01 HT-1 20000.00 对方=某公司 期限=2019-12-01\n"), text)
        XCTAssertTrue(text.contains("\n; 2019-01-01 设置 单位名称=测试局\n"), text)
        XCTAssertTrue(text.contains("\n; 2020-01-01 计划 P01 6月:50,12月:100\n"), text)
    }

    func testOnlyAcceptedEntriesInDateOrder() {
        // The overspending payment is refused by the journal's rules: it must not be exported.
        let lines = [
            "2019-01-02 项目 P01 培训经费",
            "2019-05-01 支付 P01 1万 凭证=V2",
            "2019-01-10 下达 P01 2万 文号=A1",
            "2019-06-01 支付 P01 5万 凭证=V3",
        ]
        let checked = journal(lines)
        XCTAssertTrue(checked.hasErrors)
        let text = HledgerExport.render(checked)
        XCTAssertFalse(text.contains("(V3)"), text)
        let allot = text.range(of: "2019-01-10 * (A1)"), pay = text.range(of: "2019-05-01 * (V2)")
        XCTAssertNotNil(allot)
        XCTAssertNotNil(pay)
        if let allot, let pay { XCTAssertLessThan(allot.lowerBound, pay.lowerBound, "date order, not file order") }
    }

    func testDescriptionsAndCodesStayReadableToHledger() {
        let text = HledgerExport.render(
            validJournal([
                "2019-01-02 项目 P01 培训经费",
                "2019-01-10 下达 P01 2万 文号=(A1) 摘要=\"含;分号\"",
                "2019-01-11 支付 P01 1万 凭证=V(1 收款人=某公司 摘要=\"用\ttab\"",
            ]))
        // A `)` or `(` cannot be in a code; `;` would start a comment; a tab is a blank.
        XCTAssertTrue(text.contains("\n2019-01-10 * 下达：含；分号\n"), text)
        XCTAssertTrue(text.contains("\n2019-01-11 * 某公司 | 用 tab\n"), text)
    }

    func testAmountsAreExactFen() {
        let text = HledgerExport.render(
            validJournal([
                "2019-01-02 项目 P01 培训经费",
                "2019-01-10 下达 P01 7.737948万 文号=A1",
                "2019-01-11 支付 P01 0.01 凭证=V1",
            ]))
        XCTAssertTrue(text.contains("    assets:budget:P01          77379.48 CNY\n"), text)
        XCTAssertTrue(text.contains("    expenses:P01        0.01 CNY\n    assets:budget:P01  -0.01 CNY\n"), text)
    }
}

final class BeancountExportTests: XCTestCase {
    func testOpenDirectivesCarryTheProject() {
        let text = BeancountExport.render(validJournal(smallJournal))
        XCTAssertTrue(text.contains("\noption \"operating_currency\" \"CNY\"\noption \"title\" \"测试局\"\n"), text)
        XCTAssertTrue(
            text.contains(
                """

                2019-01-02 open Assets:Budget:P01 CNY
                  project: "P01"
                  name: "培训经费"
                  unit: "局机关"
                  tags: "基本"
                2019-01-02 open Assets:Carried:P01 CNY
                2019-01-02 open Income:Appropriation:P01 CNY
                2019-01-02 open Expenses:P01 CNY
                2019-01-02 open Equity:Lapsed:P01 CNY

                """), text)
    }

    func testTransactionsNotesAndCarryIn() {
        let text = BeancountExport.render(validJournal(smallJournal))
        let expected = [
            """
            2019-02-01 * "培训中心" "第一期培训"
              project: "P01"
              voucher: "记-001"
              memo: "第一期培训"
              Expenses:P01        35000.00 CNY
              Assets:Budget:P01  -35000.00 CNY
            """,
            """
            2019-07-01 note Assets:Budget:P01 "合同 HT-1 20000.00 元，对方 某公司，期限 2019-12-01"
              contract: "HT-1"
              amount: "20000.00"
              party: "某公司"
              due: "2019-12-01"
            """,
            """
            2020-01-01 * "上年结转转入：跨年"
              project: "P01"
              carried-from: "2019-12-31"
              Assets:Budget:P01    55000.00 CNY
              Assets:Carried:P01  -55000.00 CNY
            """,
            """
            2019-01-10 * "下达：年度培训"
              project: "P01"
              doc: "财[2019]1号"
              kind: "年初"
              memo: "年度培训"
            """,
        ]
        for snippet in expected {
            XCTAssertTrue(text.contains(snippet + "\n"), "missing:\n\(snippet)\n--- in ---\n\(text)")
        }
        XCTAssertTrue(text.contains("\n; 2019-01-01 设置 单位名称=测试局\n"), "settings are comments\n\(text)")
    }

    func testStringsAreEscapedAndAccountsSanitised() {
        let text = BeancountExport.render(
            validJournal([
                "2019-01-02 项目 p.01 \"培训 \\\"经费\\\"\"",
                "2019-01-02 项目 基金 中文编号",
                "2019-01-10 下达 p.01 2万 文号=A1 摘要=\"a\\\\b\"",
                "2019-01-10 下达 基金 2万 文号=A2",
            ]))
        XCTAssertTrue(text.contains("2019-01-02 open Assets:Budget:P-01 CNY\n  project: \"p.01\"\n  name: \"培训 \\\"经费\\\"\"\n"), text)
        XCTAssertTrue(text.contains("2019-01-02 open Assets:Budget:X-- CNY\n  project: \"基金\"\n"), text)
        XCTAssertTrue(text.contains("2019-01-10 * \"下达：a\\\\b\"\n"), text)
        XCTAssertTrue(text.contains("  Assets:Budget:X--          20000.00 CNY\n"), text)
    }

    func testAccountsOpenOnTheEarliestDateOfTheProject() {
        // Declared on 03-01, but an allotment dated earlier (file order rules declarations,
        // dates may precede them): the accounts must be open for it.
        let text = BeancountExport.render(
            validJournal([
                "2019-03-01 项目 P01 培训经费",
                "2019-01-10 下达 P01 2万 文号=A1",
            ]))
        XCTAssertTrue(text.contains("2019-01-10 open Assets:Budget:P01 CNY\n"), text)
    }
}

final class ProjectAccountsTests: XCTestCase {
    func testHledgerKeepsChineseAndReplacesSeparators() {
        XCTAssertEqual(ProjectAccounts.sanitise("450-0201-JBN-RVU2", dialect: .hledger), "450-0201-JBN-RVU2")
        XCTAssertEqual(ProjectAccounts.sanitise("专项:A", dialect: .hledger), "专项-A")
        XCTAssertEqual(ProjectAccounts.sanitise("(x);[y]", dialect: .hledger), "-x---y-")
        XCTAssertEqual(ProjectAccounts.sanitise("P_1.a", dialect: .hledger), "P_1.a")
    }

    func testBeancountComponentsStartWithACapitalOrDigit() {
        XCTAssertEqual(ProjectAccounts.sanitise("P01", dialect: .beancount), "P01")
        XCTAssertEqual(ProjectAccounts.sanitise("450-0201-JBN-RVU2", dialect: .beancount), "450-0201-JBN-RVU2")
        XCTAssertEqual(ProjectAccounts.sanitise("p01", dialect: .beancount), "P01")
        XCTAssertEqual(ProjectAccounts.sanitise("P_1.a", dialect: .beancount), "P-1-a")
        XCTAssertEqual(ProjectAccounts.sanitise("-a", dialect: .beancount), "X-a")
        XCTAssertEqual(ProjectAccounts.sanitise("基金", dialect: .beancount), "X--")
    }

    func testCollisionsAreDisambiguatedDeterministically() {
        // "p01" would become "P01", which the real P01 keeps even though it is declared later.
        let accounts = ProjectAccounts(projectIDs: ["p01", "P:1", "P01", "P-1", "P.1"], dialect: .beancount)
        XCTAssertEqual(accounts.component("P01"), "P01")
        XCTAssertEqual(accounts.component("P-1"), "P-1")
        XCTAssertEqual(accounts.component("p01"), "P01-2")
        XCTAssertEqual(accounts.component("P:1"), "P-1-2")
        XCTAssertEqual(accounts.component("P.1"), "P-1-3")
        XCTAssertEqual(Set(accounts.components.values).count, 5)
    }
}

final class FlatCSVExportTests: XCTestCase {
    /// Spec §3: the classified project's 资金性质, 功能科目 and each row's effective 经济科目 —
    /// a payment's own, a reversal's that of the payment it reverses.
    func testClassificationColumns() {
        let text = FlatCSVExport.render(
            validJournal([
                "2021-01-02 项目 P01 接待 科目=2101501 经济科目=302 资金性质=政府性基金",
                "2021-01-10 下达 P01 2万 文号=A1",
                "2021-02-01 支付 P01 1万 凭证=V1 经济科目=30217",
                "2021-02-02 冲销 P01 0.1万 原凭证=V1",
                "2021-02-03 支付 P01 0.5万 凭证=V2",
            ]))
        let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        XCTAssertEqual(
            rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).suffix(3).joined(separator: ",") },
            [
                "政府性基金,2101501,302", "政府性基金,2101501,30217", "政府性基金,2101501,30217", "政府性基金,2101501,302",
            ])
        let hledger = HledgerExport.render(
            validJournal([
                "2021-01-02 项目 P01 接待 科目=2101501 经济科目=302",
                "2021-01-10 下达 P01 2万 文号=A1",
                "2021-02-01 支付 P01 1万 凭证=V1 经济科目=30217",
            ]))
        XCTAssertTrue(hledger.contains("    ; fund:一般公共预算, code:2101501, econ:30217\n    expenses:P01"), hledger)
        let beancount = BeancountExport.render(
            validJournal([
                "2021-01-02 项目 P01 接待 科目=2101501 经济科目=302",
                "2021-01-10 下达 P01 2万 文号=A1",
                "2021-02-01 支付 P01 1万 凭证=V1 经济科目=30217",
            ]))
        XCTAssertTrue(beancount.contains("  fund: \"一般公共预算\"\n  code: \"2101501\"\n  econ: \"30217\"\n"), beancount)
    }

    func testHeaderRowsAndEffects() {
        let text = FlatCSVExport.render(validJournal(smallJournal))
        XCTAssertTrue(text.hasPrefix("\u{FEFF}日期,年度,动作,动作代码,项目编号,项目名称,单位,金额（元）,预算增减（元）,支出增减（元）,结转下年（元）,收回（元）,可用余额增减（元）,文号,类别,来源,凭证,收款人,合同,原凭证,原日期,对方,期限,原因,摘要,资金性质,功能科目,经济科目\r\n"), text)
        let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        XCTAssertEqual(
            Array(rows),
            [
                "2019-01-10,2019,下达,allot,P01,培训经费,局机关,100000.00,100000.00,0.00,0.00,0.00,100000.00,财[2019]1号,年初,,,,,,,,,,年度培训,,,",
                "2019-02-01,2019,支付,pay,P01,培训经费,局机关,35000.00,0.00,35000.00,0.00,0.00,-35000.00,,,,记-001,培训中心,,,,,,,第一期培训,,,",
                "2019-03-01,2019,冲销,reverse,P01,培训经费,局机关,5000.00,0.00,-5000.00,0.00,0.00,5000.00,,,,,,,记-001,,,,,退回多付,,,",
                "2019-06-01,2019,调减,reduce,P01,培训经费,局机关,10000.00,-10000.00,0.00,0.00,0.00,-10000.00,财[2019]9号,,,,,,,,,,,,,,",
                "2019-07-01,2019,合同,contract,P01,培训经费,局机关,20000.00,,,,,,,,,,,HT-1,,,某公司,2019-12-01,,,,,",
                "2019-12-31,2019,收回,lapse,P01,培训经费,局机关,5000.00,0.00,0.00,0.00,5000.00,-5000.00,财[2019]20号,,,,,,,,,,结余,,,,",
                "2019-12-31,2019,结转,carry,P01,培训经费,局机关,55000.00,0.00,0.00,55000.00,0.00,-55000.00,,,,,,,,,,,跨年,,,,",
                "2020-01-01,2020,上年结转,carry-in,P01,培训经费,局机关,55000.00,55000.00,0.00,0.00,0.00,55000.00,,,,,,,,,,,跨年,,,,",
                "2020-03-01,2020,支付,pay,P01,培训经费,局机关,55000.00,0.00,55000.00,0.00,0.00,-55000.00,,,,记-101,,,,,,,,,,,",
            ])
    }

    func testTextIsQuotedAndNeutralised() {
        let text = FlatCSVExport.render(
            validJournal([
                "2019-01-02 项目 P01 \"培训,经费\"",
                "2019-01-10 下达 P01 2万 文号=A1",
                "2019-01-11 支付 P01 1万 收款人=\"=HYPERLINK(1)\" 摘要=\"说\\\"明\"",
            ]))
        XCTAssertTrue(text.contains(",P01,\"培训,经费\",,10000.00,0.00,10000.00,0.00,0.00,-10000.00,,,,,'=HYPERLINK(1),,,,,,,\"说\"\"明\",,,\r\n"), text)
    }
}

/// The bookings, summed per account and year, are fundflow's own figures (the identity the
/// hledger cross-check relies on), on a journal with every verb and two carry-overs.
final class BookingTests: XCTestCase {
    func testBookingsReproduceTheBooks() {
        let checked = validJournal(
            smallJournal + [
                "2020-04-01 下达 P01 3万 文号=财[2020]2号",
                "2020-12-31 结转 P01 2万",
                "2020-12-31 收回 P01 1万",
                "2021-02-01 支付 P01 1.5万 凭证=记-201",
            ])
        var changes: [Int: [Booking.Role: Int64]] = [:]
        for booking in Booking.all(in: checked) {
            guard case .transfer(let debit, let credit, let amount) = booking.kind else { continue }
            changes[booking.date.year, default: [:]][debit, default: 0] += amount
            changes[booking.date.year, default: [:]][credit, default: 0] -= amount
        }
        let books = checked.books()
        for year in 2019...2021 {
            let f = books.figures("P01", year: year)
            let c = changes[year] ?? [:]
            XCTAssertEqual(c[.expenses] ?? 0, f.paidFen, "paid \(year)")
            XCTAssertEqual(c[.budget] ?? 0, f.availableFen, "available \(year)")
            XCTAssertEqual(c[.lapsed] ?? 0, f.lapsedFen, "lapsed \(year)")
            XCTAssertEqual(-(c[.appropriation] ?? 0), f.allottedFen - f.reducedFen, "allotted − reduced \(year)")
            XCTAssertEqual(c[.carried] ?? 0, f.carriedOutFen - f.carriedInFen, "carried \(year)")
        }
        let all = Booking.all(in: checked)
        XCTAssertEqual(all.map(\.date), all.map(\.date).sorted(), "bookings in date order")
    }
}
