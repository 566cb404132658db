import XCTest
import Ledger
@testable import Monitor

/// Spec §3 `report final`: every figure worked by hand on a small journal whose projects
/// cover each case — payments overriding their project's class, a reversal, a project
/// without any class, a 三公 project without a 三公 class, money carried in, a reduction,
/// another fund, and a year before with a car purchase.
final class FinalAccountsTests: XCTestCase {
    static let text = """
        2020-01-01 设置 单位名称=测试医保局
        2020-01-01 项目 C1 公务用车购置 科目=2101501 经济科目=31013 标签=三公
        2020-01-01 项目 S1 人员经费 科目=2101501 经济科目=301 标签=基本
        2020-01-01 项目 S2 公用经费 科目=2101501 经济科目=302 标签=基本
        2020-01-01 项目 S3 公务接待费 科目=2101501 经济科目=30217 标签=基本,三公
        2020-01-01 项目 X1 信息化建设 科目=2101599 经济科目=31007 标签=采购
        2020-01-01 项目 X2 三公未分类 科目=21015 标签=三公
        2020-01-01 项目 G1 基金项目 科目=2120802 经济科目=30299 资金性质=政府性基金
        2020-01-01 项目 N1 无科目项目
        2020-03-01 下达 C1 30万 文号=A1
        2020-03-02 支付 C1 30万 凭证=V20-1
        2020-03-01 下达 X1 10万 文号=A2
        2020-12-31 结转 X1 10万
        2021-01-05 下达 S1 100万 文号=B1
        2021-01-05 下达 S2 40万 文号=B2
        2021-01-05 下达 S3 2万 文号=B3
        2021-01-05 下达 X1 50万 文号=B4
        2021-01-05 下达 X2 1万 文号=B5
        2021-01-05 下达 G1 4万 文号=B6
        2021-01-05 下达 N1 3万 文号=B7
        2021-06-01 下达 X1 10万 文号=B8
        2021-06-02 调减 X1 5万 文号=B9
        2021-02-01 支付 S1 90万 凭证=V1 经济科目=30101
        2021-02-02 支付 S1 5万 凭证=V2 经济科目=30302
        2021-02-03 支付 S2 30万 凭证=V3
        2021-02-04 支付 S2 2万 凭证=V4 经济科目=30231
        2021-02-05 支付 S2 1万 凭证=V5 经济科目=30113
        2021-03-01 支付 S3 1.5万 凭证=R1
        2021-03-09 冲销 S3 0.3万 原凭证=R1
        2021-04-01 支付 X1 40万 凭证=X-1
        2021-04-09 冲销 X1 5万 原凭证=X-1
        2021-04-10 支付 X1 5万 凭证=X-2 经济科目=30227
        2021-05-01 支付 X2 0.5万 凭证=Q1
        2021-05-02 支付 G1 4万 凭证=G-1
        2021-05-03 支付 N1 2万 凭证=N-1
        """

    func accounts() throws -> FinalAccounts {
        let journal = Fixtures.journal(Self.text)
        XCTAssertFalse(journal.hasErrors, "\(journal.diagnostics.map(\.message))")
        return try FinalAccounts(journal: journal, year: 2021)
    }

    private func wan(_ text: String) -> Int64 { Fixtures.wan(text) }

    func testIncomeByFundWithShares() throws {
        let a = try accounts()
        // 一般公共预算: S1 100 + S2 40 + S3 2 + X1 (50 + 10 − 5) + X2 1 + N1 3 = 201; 政府性基金: G1 4.
        // Carried-in money (X1's 10) is not the year's income.
        XCTAssertEqual(a.income.totalFen, wan("205"))
        XCTAssertEqual(a.income.byFund.map(\.fund), Fund.allCases)
        XCTAssertEqual(a.income.byFund[0].amountFen, wan("201"))
        XCTAssertEqual(a.income.byFund[0].shareBasisPoints, 9805)  // 201 / 205 = 98.0487… %
        XCTAssertEqual(a.income.byFund[1].amountFen, wan("4"))
        XCTAssertEqual(a.income.byFund[1].shareBasisPoints, 195)  // 4 / 205 = 1.9512… %
        XCTAssertEqual(a.income.byFund[2...].map(\.amountFen), Array(repeating: 0, count: 7))
        XCTAssertEqual(a.income.byFund[2...].map(\.shareBasisPoints), Array(repeating: 0, count: 7))
    }

    func testSpendingPersonnelAndPublic() throws {
        let s = try accounts().spending
        // paid: S1 95, S2 33, S3 1.5 − 0.3 = 1.2, X1 40 − 5 + 5 = 40, X2 0.5, G1 4, N1 2 → 175.7
        XCTAssertEqual(s.totalPaidFen, wan("175.7"))
        // 基本: S1 + S2 + S3 = 129.2
        XCTAssertEqual(s.basicPaidFen, wan("129.2"))
        // 人员经费 by the payments' classes: 30101 90 + 30302 5 (303) + S2's 30113 1 = 96
        XCTAssertEqual(s.personnelPaidFen, wan("96"))
        // 公用经费: the rest of 基本, S2's 30231 included: 129.2 − 96 = 33.2
        XCTAssertEqual(s.publicPaidFen, wan("33.2"))
        XCTAssertEqual(s.projectPaidFen, wan("46.5"))
    }

    struct Expected: Equatable, CustomStringConvertible {
        var code: String, level: String, budget: String, paid: String, rate: Int64?, share: Int64?
        /// Amounts in 万元 as the hand calculation writes them ("169.7").
        init(code: String, level: String, budget: String, paid: String, rate: Int64?, share: Int64?) {
            func fen(_ wan: String) -> Int64 { wan.allSatisfy { $0 == "0" || $0 == "." } ? 0 : Fixtures.wan(wan) }
            self.code = code; self.level = level; self.rate = rate; self.share = share
            self.budget = Amount.wanString(fen(budget)); self.paid = Amount.wanString(fen(paid))
        }
        var description: String { "\(code)/\(level) \(budget) \(paid) \(rate.map(String.init) ?? "nil") \(share.map(String.init) ?? "nil")" }
    }

    private func shape(_ rows: [FinalAccounts.ClassRow]) -> [Expected] {
        rows.map {
            Expected(
                code: $0.code, level: $0.level.rawValue, budget: Amount.wanString($0.budgetFen), paid: Amount.wanString($0.paidFen),
                rate: $0.rateBasisPoints, share: $0.shareBasisPoints)
        }
    }

    func testByFunctionRollsUpItemsIntoSectionsAndCategories() throws {
        let a = try accounts()
        XCTAssertEqual(
            shape(a.byFunction),
            [
                // 210 = 21015 = S1 + S2 + S3 + X1 + X2: budget 100+40+2+65+1 = 208, paid 169.7;
                // 169.7/208 = 81.586 %, share 169.7/175.7 = 96.585 %
                Expected(code: "210", level: "类", budget: "208", paid: "169.7", rate: 8159, share: 9659),
                Expected(code: "21015", level: "款", budget: "208", paid: "169.7", rate: 8159, share: 9659),
                // S1 + S2 + S3: 129.2 / 142 = 90.9859 %; 129.2 / 175.7 = 73.534 %
                Expected(code: "2101501", level: "项", budget: "142", paid: "129.2", rate: 9099, share: 7353),
                // X1: 10 carried + 55 = 65; 40 / 65 = 61.538 %; 40 / 175.7 = 22.766 %
                Expected(code: "2101599", level: "项", budget: "65", paid: "40", rate: 6154, share: 2277),
                // G1: 4 / 175.7 = 2.2766 %
                Expected(code: "212", level: "类", budget: "4", paid: "4", rate: 10000, share: 228),
                Expected(code: "21208", level: "款", budget: "4", paid: "4", rate: 10000, share: 228),
                Expected(code: "2120802", level: "项", budget: "4", paid: "4", rate: 10000, share: 228),
                // N1 has no 科目: 2 / 3 = 66.67 %, 2 / 175.7 = 1.1383 %
                Expected(code: "", level: "未分类", budget: "3", paid: "2", rate: 6667, share: 114),
            ])
        XCTAssertEqual(a.byFunction.first?.name, "卫生健康支出")
        XCTAssertEqual(a.byFunction[1].name, "医疗保障管理事务")
        XCTAssertEqual(a.byFunction[3].name, "其他医疗保障管理事务支出")
    }

    func testByEconomicFollowsEachPaymentsEffectiveClass() throws {
        let a = try accounts()
        XCTAssertEqual(
            shape(a.byEconomic),
            [
                // 301: budget S1 100; paid 30101 90 + 30113 1 (paid by S2) = 91
                Expected(code: "301", level: "类", budget: "100", paid: "91", rate: 9100, share: 5179),
                Expected(code: "30101", level: "款", budget: "0", paid: "90", rate: nil, share: 5122),
                Expected(code: "30113", level: "款", budget: "0", paid: "1", rate: nil, share: 57),
                // 302: budget S2 40 + S3 2 + G1 4 = 46; paid S2 30 + 30231 2 + 30217 1.2 + 30227 5 + G1 4 = 42.2
                Expected(code: "302", level: "类", budget: "46", paid: "42.2", rate: 9174, share: 2402),
                // 30217: reception 1.5 less the reversal 0.3
                Expected(code: "30217", level: "款", budget: "2", paid: "1.2", rate: 6000, share: 68),
                Expected(code: "30227", level: "款", budget: "0", paid: "5", rate: nil, share: 285),
                Expected(code: "30231", level: "款", budget: "0", paid: "2", rate: nil, share: 114),
                Expected(code: "30299", level: "款", budget: "4", paid: "4", rate: 10000, share: 228),
                Expected(code: "303", level: "类", budget: "0", paid: "5", rate: nil, share: 285),
                Expected(code: "30302", level: "款", budget: "0", paid: "5", rate: nil, share: 285),
                // 310: X1's own class, 40 less its reversal 5 (the 5 paid as 30227 is not 310)
                Expected(code: "310", level: "类", budget: "65", paid: "35", rate: 5385, share: 1992),
                Expected(code: "31007", level: "款", budget: "65", paid: "35", rate: 5385, share: 1992),
                // no class: budgets X2 1 + N1 3, paid X2 0.5 + N1 2
                Expected(code: "", level: "未分类", budget: "4", paid: "2.5", rate: 6250, share: 142),
            ])
        XCTAssertEqual(a.byEconomic[0].name, "工资福利支出")
        XCTAssertEqual(a.byEconomic[6].name, "公务用车运行维护费")
    }

    func testSangongByKindAgainstBudgetAndTheYearBefore() throws {
        let s = try accounts().sangong
        XCTAssertEqual(s.kinds.map(\.kind), [.abroad, .vehicle, .reception, .unclassified])
        let abroad = s.kinds[0], vehicle = s.kinds[1], reception = s.kinds[2], unclassified = s.kinds[3]
        // 因公出国（境）: nothing either year: no rate, no share base problem, no change rate.
        XCTAssertEqual([abroad.budgetFen, abroad.paidFen, abroad.previousPaidFen, abroad.changeFen], [0, 0, 0, 0])
        XCTAssertNil(abroad.rateBasisPoints)
        XCTAssertEqual(abroad.shareBasisPoints, 0)
        XCTAssertNil(abroad.changeRateBasisPoints)
        // 公务用车: 2021 only S2's 30231 payment (2), no vehicle budget; 2020 C1's 30 purchase.
        XCTAssertEqual(vehicle.budgetFen, 0)
        XCTAssertEqual(vehicle.paidFen, wan("2"))
        XCTAssertNil(vehicle.rateBasisPoints)
        XCTAssertEqual(vehicle.shareBasisPoints, 5405)  // 2 / 3.7 = 54.054 %
        XCTAssertEqual(vehicle.previousPaidFen, wan("30"))
        XCTAssertEqual(vehicle.changeFen, -wan("28"))
        XCTAssertEqual(vehicle.changeRateBasisPoints, -9333)  // −28 / 30 = −93.333 %
        // 公务接待: S3 budget 2, paid 1.2 → 60 %; none the year before: change 1.2, no change rate.
        XCTAssertEqual(reception.budgetFen, wan("2"))
        XCTAssertEqual(reception.paidFen, wan("1.2"))
        XCTAssertEqual(reception.rateBasisPoints, 6000)
        XCTAssertEqual(reception.shareBasisPoints, 3243)  // 1.2 / 3.7 = 32.432 %
        XCTAssertEqual(reception.previousPaidFen, 0)
        XCTAssertEqual(reception.changeFen, wan("1.2"))
        XCTAssertNil(reception.changeRateBasisPoints)
        // 未分类: X2 is tagged 三公 without a 三公 class: budget 1, paid 0.5.
        XCTAssertEqual(unclassified.budgetFen, wan("1"))
        XCTAssertEqual(unclassified.paidFen, wan("0.5"))
        XCTAssertEqual(unclassified.rateBasisPoints, 5000)
        XCTAssertEqual(unclassified.shareBasisPoints, 1351)  // 0.5 / 3.7 = 13.514 %
        // Totals: budget 0 + 2 + 1 = 3, paid 3.7 → 123.33 %; 2020: 30 → change −26.3, −87.67 %.
        XCTAssertEqual(s.budgetFen, wan("3"))
        XCTAssertEqual(s.paidFen, wan("3.7"))
        XCTAssertEqual(s.rateBasisPoints, 12333)
        XCTAssertEqual(s.previousPaidFen, wan("30"))
        XCTAssertEqual(s.changeFen, -wan("26.3"))
        XCTAssertEqual(s.changeRateBasisPoints, -8767)
        // Purchase and operation apart.
        XCTAssertEqual(s.vehiclePurchasePaidFen, 0)
        XCTAssertEqual(s.vehicleOperationPaidFen, wan("2"))
        XCTAssertEqual(s.previousVehiclePurchasePaidFen, wan("30"))
        XCTAssertEqual(s.previousVehicleOperationPaidFen, 0)
    }

    func testProcurement() throws {
        let p = try accounts().procurement
        XCTAssertEqual(p.budgetFen, wan("65"))
        XCTAssertEqual(p.paidFen, wan("40"))
        XCTAssertEqual(p.rateBasisPoints, 6154)
    }

    func testUnclassifiedKindIsLeftOutWhenEmptyAndRatesAbsentWithoutBudget() throws {
        let journal = Fixtures.journal(
            """
            2021-01-01 项目 A 甲 经济科目=30217
            2021-02-01 下达 A 1万 文号=X
            2021-02-02 支付 A 1万
            """)
        let a = try FinalAccounts(journal: journal, year: 2021)
        XCTAssertEqual(a.sangong.kinds.map(\.kind), [.abroad, .vehicle, .reception])
        XCTAssertNil(a.sangong.changeRateBasisPoints, "no 三公 the year before")
        XCTAssertEqual(a.sangong.rateBasisPoints, 10000)
        XCTAssertNil(a.procurement.rateBasisPoints)
        // No project is tagged 基本: everything is 项目支出.
        XCTAssertEqual(a.spending.basicPaidFen, 0)
        XCTAssertEqual(a.spending.projectPaidFen, Fixtures.wan("1"))
        // The economic class of an unknown code is shown by its digits.
        XCTAssertEqual(Classification.economicName("30298"), nil)
    }

    func testUnknownCodesAreShownByTheirDigits() throws {
        let journal = Fixtures.journal(
            """
            2021-01-01 项目 A 甲 科目=2299999 经济科目=39998
            2021-02-01 下达 A 1万 文号=X
            """)
        let a = try FinalAccounts(journal: journal, year: 2021)
        XCTAssertEqual(a.byFunction.map(\.name), ["229", "22999", "2299999"])
        XCTAssertEqual(a.byEconomic.map(\.name), ["其他支出", "39998"])
        XCTAssertEqual(a.byFunction.map(\.shareBasisPoints), [nil, nil, nil], "nothing paid: no share")
    }

    func testTablesKnowTheCodesOfSeed004() {
        for code in ["2011308", "2080501", "2080505", "2081001", "2101501", "2101505", "2101550", "2101599", "2210201"] {
            for level in Classification.rollUp(code) { XCTAssertNotNil(Classification.functionName(level), level) }
        }
        XCTAssertEqual(Classification.functionName("2101599"), "其他医疗保障管理事务支出")
        for (code, name) in [
            ("30101", "基本工资"), ("30211", "差旅费"), ("30212", "因公出国（境）费用"), ("30217", "公务接待费"),
            ("30231", "公务用车运行维护费"), ("31013", "公务用车购置"), ("399", "其他支出"),
        ] {
            XCTAssertEqual(Classification.economicName(code), name)
        }
        for category in ["301", "302", "303", "310"] {
            XCTAssertGreaterThan(Classification.economicCodes.filter { $0.code.hasPrefix(category) && $0.code.count == 5 }.count, 10, category)
        }
        // Every table code has the shape the journal accepts.
        XCTAssertTrue(Classification.economicCodes.allSatisfy { ClassCode.isEconomicCode($0.code) })
        XCTAssertTrue(Classification.functionCodes.allSatisfy { ClassCode.isFunctionCode($0.code) })
    }

    /// `ClassifiedYear` reads each payment of the year from `books.payments` (its own 经济科目,
    /// else the project's; less what was reversed of it): a payment of the year before never
    /// lands in this year's classes, and the classes add up to the project's paid exactly.
    func testOnlyThisYearsPaymentsAreClassifiedAndTheyAddUpToThePaid() throws {
        let journal = Fixtures.journal(
            """
            2020-01-01 项目 P1 甲 经济科目=302
            2020-03-01 下达 P1 10万 文号=A
            2020-03-02 支付 P1 3万 凭证=V0 经济科目=30101
            2020-12-31 结转 P1 7万
            2021-01-05 下达 P1 5万 文号=B
            2021-02-01 支付 P1 4万 凭证=V1 经济科目=30217
            2021-02-02 支付 P1 2万 凭证=V2
            2021-02-03 冲销 P1 0.5万 原凭证=V1
            """)
        XCTAssertFalse(journal.hasErrors, "\(journal.diagnostics.map(\.message))")
        let books = journal.books(through: CalendarDate(year: 2021, month: 12, day: 31))
        let year = try ClassifiedYear(books: books, journal: journal, year: 2021)
        let p1 = try XCTUnwrap(year.projects.first { $0.declaration.id == "P1" })
        // 30217: 4 less the reversal 0.5; 302 (the project's own): the 2 paid without a class.
        XCTAssertEqual(p1.paidByEconFen, ["30217": wan("3.5"), "302": wan("2")])
        XCTAssertEqual(p1.paidByEconFen.values.reduce(0, +), p1.figures.paidFen)
        XCTAssertEqual(p1.figures.paidFen, wan("5.5"))
        let before = try ClassifiedYear(books: books, journal: journal, year: 2020)
        XCTAssertEqual(before.projects.first { $0.declaration.id == "P1" }?.paidByEconFen, ["30101": wan("3")])
    }
}
