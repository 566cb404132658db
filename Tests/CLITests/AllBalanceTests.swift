import Foundation
import XCTest

/// `carry P --all --year Y` and `lapse P --all` write exactly the remaining balance,
/// worked out under the lock; with nothing left they exit 1 and write nothing.
final class AllBalanceTests: FundflowTestCase {
    /// P01 2019: allotted 116100.00, reduced 1234.56 → budget 114865.44;
    /// paid 56100.00 − 100.01 reversed = 55999.99; lapsed 2000.00;
    /// available = 114865.44 − 55999.99 − 2000.00 = 56865.45.  P02 has nothing.
    let base = [
        "2019-01-01 项目 P01 一号项目",
        "2019-01-01 项目 P02 二号项目",
        "2019-03-01 下达 P01 116100.00 文号=A1",
        "2019-04-10 支付 P01 56100.00 凭证=V1",
        "2019-05-01 调减 P01 1234.56 文号=R1",
        "2019-06-01 冲销 P01 100.01 原凭证=V1",
        "2019-07-01 收回 P01 2000.00 文号=L1",
    ]

    override func setUpWithError() throws {
        try super.setUpWithError()
        write(lines: base)
    }

    func testCarryAllThenLapseAllNextYear() throws {
        let carry = try assertAppends(
            ["-f", journal, "carry", "P01", "--all", "--reason", "项目未完工", "--year", "2019"],
            line: "2019-12-31 结转 P01 56865.45 原因=项目未完工")
        XCTAssertTrue(carry.stdout.contains("项目 P01 2019 年：预算 11.49万元，已支付 5.60万元，可用余额 0.00万元"), carry.summary)

        // Nothing left in 2019.
        let again = try assertRefused(["-f", journal, "carry", "P01", "--all", "--year", "2019"], diagnostics: [])
        XCTAssertTrue(again.stderr.contains("没有可结转的余额"), again.summary)

        // The carried money is 2020's budget; lapse --all returns exactly that.
        try assertAppends(["-f", journal, "lapse", "P01", "--all", "--date", "2020-03-01"], line: "2020-03-01 收回 P01 56865.45")
        let none = try assertRefused(["-f", journal, "lapse", "P01", "--all", "--date", "2020-04-01"], diagnostics: [])
        XCTAssertTrue(none.stderr.contains("没有可收回的余额"), none.summary)
        try assertRefused(["-f", journal, "pay", "P01", "0.01", "--date", "2020-04-01"], diagnostics: ["fundflow: 错误: 超支"])
        XCTAssertEqual(try ff("check").exitCode, 0)
    }

    func testAllWithZeroBalanceWritesNothing() throws {
        let carry = try assertRefused(["-f", journal, "carry", "P02", "--all", "--year", "2019"], diagnostics: [])
        XCTAssertTrue(carry.stderr.contains("项目“P02”2019 年截至 2019-12-31 没有可结转的余额（可用余额为 0.00万元）"), carry.summary)
        let lapse = try assertRefused(["-f", journal, "lapse", "P02", "--all", "--date", "2019-08-01"], diagnostics: [])
        XCTAssertTrue(lapse.stderr.contains("没有可收回的余额"), lapse.summary)
        // Before any money arrived there is nothing either.
        try assertRefused(["-f", journal, "lapse", "P01", "--all", "--date", "2019-02-28"], diagnostics: [])
    }

    func testLapseAllWritesTheBalanceOfItsDate() throws {
        try assertAppends(
            ["-f", journal, "lapse", "P01", "--all", "--doc", "承财社[2019]88号", "--reason", "结余收回", "--date", "2019-08-01"],
            line: "2019-08-01 收回 P01 56865.45 文号=承财社[2019]88号 原因=结余收回")
        try assertRefused(["-f", journal, "carry", "P01", "--all", "--year", "2019"], diagnostics: [])
        XCTAssertEqual(try ff("check").exitCode, 0)
    }

    func testLapseAllBackDatedMustNotStarveLaterEntries() throws {
        // On 05-15 the balance is 116100 − 56100 − 1234.56 = 58765.44; returning all of it
        // leaves only the 100.01 reversed on 06-01 for the 2000.00 收回 of 07-01 (line 7).
        try assertRefused(
            ["-f", journal, "lapse", "P01", "--all", "--date", "2019-05-15"],
            diagnostics: ["j.journal:7:19: 错误: 本笔收回（2019-05-15）的日期在这一行之前，记入后这一行将出错：收回金额超过余额：项目“P01”在 2019-07-01 的可用余额为 0.010001万元，该行收回 0.20万元"])
    }

    func testCarryAllIncludesMoneyCarriedInFromTheYearBefore() throws {
        write(lines: [
            "2018-01-01 项目 P01 一号项目",
            "2018-03-01 下达 P01 10000.00 文号=A0",
        ])
        try assertAppends(["-f", journal, "carry", "P01", "--all", "--year", "2018"], line: "2018-12-31 结转 P01 10000.00")
        try assertAppends(["-f", journal, "allot", "P01", "5000", "--doc", "A1", "--date", "2019-03-01"], line: "2019-03-01 下达 P01 5000.00 文号=A1")
        try assertAppends(["-f", journal, "pay", "P01", "3000", "--date", "2019-04-01"], line: "2019-04-01 支付 P01 3000.00")
        // 10000 carried in + 5000 − 3000 = 12000.
        try assertAppends(["-f", journal, "carry", "P01", "--all", "--year", "2019"], line: "2019-12-31 结转 P01 12000.00")
        XCTAssertEqual(try ff("check").exitCode, 0)
    }

    func testAllIsACommandLineChoice() throws {
        try assertExit(2, ["-f", journal, "carry", "P01", "1", "--all", "--year", "2019"])  // amount and --all
        try assertExit(2, ["-f", journal, "carry", "P01", "--all"])  // no --year
        try assertExit(2, ["-f", journal, "pay", "P01", "--all", "--date", "2019-08-01"])  // pay has no --all
        try assertExit(2, ["-f", journal, "lapse", "--all", "--date", "2019-08-01"])  // no project
        try assertExit(2, ["-f", journal, "carry", "P01", "--all", "--year", "20x9"])  // a year that is not one (spec §2: exit 2)
    }
}
