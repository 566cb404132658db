import XCTest
import Ledger
@testable import Monitor

/// The shipped journal of seed 004 (攀枝花市医疗保障局 2021 年度部门决算) against the figures the
/// seed prints, each compared as the seed rounds it (万元 to 2 decimals, percents to 2).
final class PanzhihuaSeedTests: XCTestCase {
    static let journal = Fixtures.shipped("panzhihua-2021.journal")

    func accounts() throws -> FinalAccounts {
        XCTAssertFalse(Self.journal.hasErrors)
        XCTAssertEqual(Self.journal.diagnostics.count, 0, "\(Self.journal.diagnostics.map(\.message))")
        return try FinalAccounts(journal: Self.journal, year: 2021)
    }

    /// 万元 rounded half-up to 2 decimals, as the seed prints.
    private func wan2(_ fen: Int64) -> String { Amount.wanString(Fraction.rounded(Int128(fen), 10_000) * 10_000) }

    func testIncomeByFund() throws {
        let income = try accounts().income
        // “本年收入合计645.53万元，其中：一般公共预算财政拨款收入644.52万元，占99.84%；政府性基金预算财政拨款收入1.01万元，占0.16%”
        XCTAssertEqual(wan2(income.totalFen), "645.53")
        XCTAssertEqual(wan2(income.byFund[0].amountFen), "644.52")
        XCTAssertEqual(income.byFund[0].shareBasisPoints, 9984)
        XCTAssertEqual(wan2(income.byFund[1].amountFen), "1.01")
        XCTAssertEqual(income.byFund[1].shareBasisPoints, 16)
        XCTAssertEqual(income.byFund[2...].map(\.amountFen), Array(repeating: 0, count: 7))
    }

    func testSpendingSplit() throws {
        let s = try accounts().spending
        // “本年支出合计645.55万元”; 第六部分：基本支出644.54万元，人员经费274.51万元，日常公用经费370.03万元
        XCTAssertEqual(wan2(s.totalPaidFen), "645.55")
        XCTAssertEqual(wan2(s.basicPaidFen), "644.54")
        XCTAssertEqual(wan2(s.personnelPaidFen), "274.51")
        XCTAssertEqual(wan2(s.publicPaidFen), "370.03")
        XCTAssertEqual(wan2(s.projectPaidFen), "1.01")
    }

    func testFunctionClassesOfSectionFive() throws {
        let rows = try accounts().byFunction
        func row(_ code: String) throws -> FinalAccounts.ClassRow { try XCTUnwrap(rows.first { $0.code == code }, code) }
        // “卫生健康（类）医疗保障管理事务（款）其他医疗保障管理事务支出（项）:支出决算为292.82万元，完成预算82.88%”
        let other = try row("2101599")
        XCTAssertEqual(wan2(other.paidFen), "292.82")
        XCTAssertEqual(wan2(other.budgetFen), "353.31")
        XCTAssertEqual(other.rateBasisPoints, 8288)
        XCTAssertEqual(other.name, "其他医疗保障管理事务支出")
        // The other 项 of section 五, each “完成预算100%”.
        for (code, paid) in [
            ("2011308", "20.00"), ("2080505", "21.31"), ("2080501", "2.73"), ("2081001", "0.05"), ("2101501", "216.70"),
            ("2101505", "7.65"), ("2101550", "60.39"), ("2210201", "22.89"),
        ] {
            let r = try row(code)
            XCTAssertEqual(wan2(r.paidFen), paid, code)
            XCTAssertEqual(r.rateBasisPoints, 10000, code)
        }
        // 类: 一般公共服务 20, 社会保障和就业 24.08, 卫生健康 577.57, 住房保障 22.89.
        for (code, paid) in [("201", "20.00"), ("208", "24.08"), ("210", "577.57"), ("221", "22.89")] {
            XCTAssertEqual(wan2(try row(code).paidFen), paid, code)
        }
        // The seed's shares (3.1 %, 3.74 %, 89.61 %, 3.55 %) are of 一般公共预算 spending 644.54万; the
        // report's share is of all spending (645.55万, spec §3), so 210 is 577.57 / 645.55 = 89.47 %.
        XCTAssertEqual(try row("210").shareBasisPoints, 8947)
        XCTAssertEqual(rows.map(\.code), rows.map(\.code).sorted(), "sorted by code")
    }

    func testSangongByKind() throws {
        let s = try accounts().sangong
        // “三公”经费财政拨款支出决算为3.09万元
        XCTAssertEqual(wan2(s.paidFen), "3.09")
        let vehicle = s.kinds[1], reception = s.kinds[2], abroad = s.kinds[0]
        // 公务用车购置及运行维护费支出决算2.28万元，占73.79% … 完成预算56.3% … 比2020年减少30.61万元，减少93.07%
        XCTAssertEqual(vehicle.kind, .vehicle)
        XCTAssertEqual(wan2(vehicle.paidFen), "2.28")
        XCTAssertEqual(vehicle.shareBasisPoints, 7379)
        XCTAssertEqual(vehicle.rateBasisPoints, 5630)
        XCTAssertEqual(wan2(vehicle.previousPaidFen), "32.89")
        XCTAssertEqual(wan2(vehicle.changeFen), "-30.61")
        XCTAssertEqual(vehicle.changeRateBasisPoints, -9307)
        // 其中：公务用车购置支出0万元 … 公务用车运行维护费支出2.28万元
        XCTAssertEqual(s.vehiclePurchasePaidFen, 0)
        XCTAssertEqual(wan2(s.vehicleOperationPaidFen), "2.28")
        XCTAssertEqual(wan2(s.previousVehiclePurchasePaidFen), "32.89")
        // 公务接待费支出0.81万元，完成预算的98.89%，占26.21%；不能与上年数据进行对比
        XCTAssertEqual(wan2(reception.paidFen), "0.81")
        XCTAssertEqual(reception.rateBasisPoints, 9889)
        XCTAssertEqual(reception.shareBasisPoints, 2621)
        XCTAssertNil(reception.changeRateBasisPoints)
        // 因公出国（境）经费支出0万元，占0%
        XCTAssertEqual(abroad.paidFen, 0)
        XCTAssertEqual(abroad.shareBasisPoints, 0)
        // The seed's 完成预算63.45% cannot hold together with the figures above (journal header);
        // the journal's budgets give 3.09 / 4.8691 = 63.46 %.
        XCTAssertEqual(s.rateBasisPoints, 6346)
    }

    func testProcurement() throws {
        // 政府采购支出总额184.98万元
        XCTAssertEqual(wan2(try accounts().procurement.paidFen), "184.98")
    }

    func testSelfEvaluationOfTheCarriedProject() throws {
        let eval = try XCTUnwrap(SelfEvaluation(journal: Self.journal, year: 2021))
        let x01 = try XCTUnwrap(eval.projects.first { $0.id == "X01" })
        // 60.52万 carried in, 17.86万 追加, 50.094万 paid — all of it from the carried-in money.
        XCTAssertEqual(x01.carriedIn, .init(initialFen: Fixtures.wan("60.52"), budgetFen: Fixtures.wan("60.52"), paidFen: Fixtures.wan("50.094")))
        XCTAssertEqual(x01.fiscal, .init(initialFen: 0, budgetFen: Fixtures.wan("17.86"), paidFen: 0))
        // 50.094 / 78.38 = 63.911 % → score 6.3911 → 6.39
        XCTAssertEqual(x01.rateBasisPoints, 6391)
        XCTAssertEqual(x01.scoreHundredths, 639)
        XCTAssertEqual(eval.projects.count, 17, "every 2021 project has a budget; the 2020 car purchase does not")
    }
}
