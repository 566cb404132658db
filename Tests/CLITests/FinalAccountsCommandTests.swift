import Foundation
import XCTest
import Ledger

/// End-to-end checks of spec §3 on the built binary: `report final` and `report selfeval` on
/// the shipped seed journal (攀枝花市医疗保障局 2021, seed 004) against the figures the seed
/// prints, the JSON keys §3 fixes, `status --by`, the classification options of `project`
/// and `pay`, and the exit codes.
final class FinalAccountsCommandTests: FundflowTestCase {
    let panzhihua = packageRoot.appendingPathComponent("journals/panzhihua-2021.journal").path

    func json(_ arguments: [String], environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let result = try run(arguments, environment: environment)
        XCTAssertEqual(result.exitCode, 0, result.summary, file: file, line: line)
        XCTAssertEqual(result.stderr, "", file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], file: file, line: line)
    }

    /// 元 string → 万元 rounded half-up to 2 decimals, as the seed prints it.
    func wan(_ value: Any?) -> String {
        guard let text = value as? String, let dot = text.firstIndex(of: ".") else { return "?" }
        let negative = text.hasPrefix("-")
        let digits = text.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ".", with: "")
        guard let fen = Int64(digits) else { return "?" }
        _ = dot
        let hundredthsOfWan = (fen + 5_000) / 10_000  // 1 万元 = 1,000,000 分; 0.01 万元 = 10,000 分
        let body = "\(hundredthsOfWan / 100)." + String(format: "%02d", hundredthsOfWan % 100)
        return (negative ? "-" : "") + body
    }

    func percent(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    func testFinalAccountsOfSeed004() throws {
        let r = try json(["-f", panzhihua, "report", "final", "--year", "2021", "--format", "json"])
        XCTAssertEqual(r["year"] as? Int, 2021)
        let income = try XCTUnwrap(r["income"] as? [String: Any])
        let byFund = try XCTUnwrap(income["by_fund"] as? [[String: Any]])
        // 一般公共预算财政拨款收入644.52万元，占99.84%；政府性基金预算财政拨款收入1.01万元，占0.16%
        XCTAssertEqual(byFund[0]["fund"] as? String, "一般公共预算")
        XCTAssertEqual(wan(byFund[0]["amount"]), "644.52")
        XCTAssertEqual(percent(byFund[0]["share"]), 99.84)
        XCTAssertEqual(byFund[1]["fund"] as? String, "政府性基金")
        XCTAssertEqual(wan(byFund[1]["amount"]), "1.01")
        XCTAssertEqual(percent(byFund[1]["share"]), 0.16)
        XCTAssertEqual(wan(income["total"]), "645.53")

        let spending = try XCTUnwrap(r["spending"] as? [String: Any])
        XCTAssertEqual(Set(spending.keys), ["total_paid", "basic_paid", "personnel_paid", "public_paid", "project_paid"])
        XCTAssertEqual(wan(spending["total_paid"]), "645.55")
        XCTAssertEqual(wan(spending["personnel_paid"]), "274.51")
        XCTAssertEqual(wan(spending["public_paid"]), "370.03")

        let functions = try XCTUnwrap(r["by_function"] as? [[String: Any]])
        let other = try XCTUnwrap(functions.first { $0["code"] as? String == "2101599" })
        // 其他医疗保障管理事务支出（项）:支出决算为292.82万元，完成预算82.88%
        XCTAssertEqual(Set(other.keys), ["code", "name", "level", "budget", "paid", "rate", "share"])
        XCTAssertEqual(other["name"] as? String, "其他医疗保障管理事务支出")
        XCTAssertEqual(other["level"] as? String, "项")
        XCTAssertEqual(wan(other["paid"]), "292.82")
        XCTAssertEqual(percent(other["rate"]), 82.88)
        let health = try XCTUnwrap(functions.first { $0["code"] as? String == "210" })
        XCTAssertEqual(health["level"] as? String, "类")
        XCTAssertEqual(wan(health["paid"]), "577.57")
        XCTAssertEqual(functions.compactMap { $0["code"] as? String }, functions.compactMap { $0["code"] as? String }.sorted())

        let economic = try XCTUnwrap(r["by_economic"] as? [[String: Any]])
        XCTAssertTrue(economic.contains { $0["code"] as? String == "302" && $0["level"] as? String == "类" })
        // A class with no budget has rate null.
        let salary = try XCTUnwrap(economic.first { $0["code"] as? String == "30101" })
        XCTAssertTrue(salary["rate"] is NSNull, "\(salary)")

        let sangong = try XCTUnwrap(r["sangong"] as? [String: Any])
        XCTAssertEqual(wan(sangong["paid"]), "3.09")
        let kinds = try XCTUnwrap(sangong["kinds"] as? [[String: Any]])
        XCTAssertEqual(kinds.compactMap { $0["kind"] as? String }, ["因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"])
        let vehicle = kinds[1], reception = kinds[2]
        // 公务用车 2.28万，占73.79%，完成预算56.3%，比2020年减少30.61万元，减少93.07%
        XCTAssertEqual(wan(vehicle["paid"]), "2.28")
        XCTAssertEqual(percent(vehicle["share"]), 73.79)
        XCTAssertEqual(percent(vehicle["rate"]), 56.3)
        XCTAssertEqual(wan(vehicle["previous_paid"]), "32.89")
        XCTAssertEqual(wan(vehicle["change"]), "-30.61")
        XCTAssertEqual(percent(vehicle["change_rate"]), -93.07)
        // 公务接待 0.81万，完成预算的98.89%；上年没有：change_rate absent
        XCTAssertEqual(wan(reception["paid"]), "0.81")
        XCTAssertEqual(percent(reception["rate"]), 98.89)
        XCTAssertNil(reception["change_rate"], "no change rate against a zero previous year")
        XCTAssertEqual(sangong["vehicle_purchase_paid"] as? String, "0.00")
        XCTAssertEqual(wan(sangong["vehicle_operation_paid"]), "2.28")

        let procurement = try XCTUnwrap(r["procurement"] as? [String: Any])
        XCTAssertEqual(wan(procurement["paid"]), "184.98")  // 政府采购支出总额184.98万元
    }

    func testFinalAccountsTextAndEveryFormat() throws {
        let text = try run(["-f", panzhihua, "report", "final", "--year", "2021"])
        XCTAssertEqual(text.exitCode, 0, text.summary)
        for needle in [
            "2021年度 部门决算", "2101599", "其他医疗保障管理事务支出", "353.31", "292.82", "82.88", "274.51", "370.03",
            "公务用车购置及运行维护费", "73.79", "56.30", "-93.07", "98.89",
        ] {
            XCTAssertTrue(text.stdout.contains(needle), "text lacks \(needle)")
        }
        // Like every report: 万元 to 2 decimals by default, every decimal with --exact, 元 with --yuan.
        let exact = try run(["-f", panzhihua, "report", "final", "--year", "2021", "--exact"])
        XCTAssertEqual(exact.exitCode, 0, exact.summary)
        for needle in ["274.511", "370.032", "0.8191", "金额单位：万元"] { XCTAssertTrue(exact.stdout.contains(needle), "--exact lacks \(needle)") }
        let yuan = try run(["-f", panzhihua, "report", "final", "--year", "2021", "--yuan"])
        for needle in ["2,928,200.00", "3,533,100.00", "金额单位：元"] { XCTAssertTrue(yuan.stdout.contains(needle), "--yuan lacks \(needle)") }
        try assertExit(2, ["-f", panzhihua, "report", "final", "--year", "2021", "--exact", "--yuan"], stderrContains: "只能选一个")
        for format in ["md", "csv", "html"] {
            let result = try run(["-f", panzhihua, "report", "决算", "--year", "2021", "--format", format])
            XCTAssertEqual(result.exitCode, 0, "\(format)\n\(result.summary)")
            XCTAssertTrue(result.stdout.contains("2101599"), format)
        }
        let html = try run(["-f", panzhihua, "report", "final", "--year", "2021", "--format", "html"]).stdout
        XCTAssertTrue(html.contains("<svg"), "the structure tables have charts")
        XCTAssertFalse(html.contains("<script"))
    }

    func testSelfEvaluationJSONOfTheCarriedProject() throws {
        let r = try json(["-f", panzhihua, "report", "selfeval", "--year", "2021", "--json"])
        let projects = try XCTUnwrap(r["projects"] as? [[String: Any]])
        let x01 = try XCTUnwrap(projects.first { $0["id"] as? String == "X01" })
        XCTAssertEqual(Set(x01.keys), ["id", "name", "unit", "fund", "initial", "budget", "paid", "weight", "rate", "score", "rows"])
        // 60.52万 carried in + 17.86万 追加 = 78.38万; 50.094万 paid, all from the carried-in money.
        XCTAssertEqual(x01["budget"] as? String, "783800.00")
        XCTAssertEqual(x01["paid"] as? String, "500940.00")
        XCTAssertEqual(x01["weight"] as? Int, 10)
        XCTAssertEqual(percent(x01["rate"]), 63.91)  // 50.094 / 78.38 = 63.911 %
        XCTAssertEqual(percent(x01["score"]), 6.39)
        let rows = try XCTUnwrap(x01["rows"] as? [String: [String: String]])
        XCTAssertEqual(rows["carried_in"], ["initial": "605200.00", "budget": "605200.00", "paid": "500940.00"])
        XCTAssertEqual(rows["fiscal"], ["initial": "0.00", "budget": "178600.00", "paid": "0.00"])
        XCTAssertEqual(rows["other"], ["initial": "0.00", "budget": "0.00", "paid": "0.00"])
        XCTAssertNil(projects.first { $0["id"] as? String == "PZ20-CAR" }, "no budget in 2021")
    }

    func testStatusByClassification() throws {
        let r = try json(["-f", panzhihua, "status", "--by", "经济科目", "--as-of", "2021-12-31", "--json"])
        XCTAssertEqual(r["by"] as? String, "econ")
        let groups = try XCTUnwrap(r["groups"] as? [[String: Any]])
        let reception = try XCTUnwrap(groups.first { $0["key"] as? String == "30217" })
        XCTAssertEqual(reception["paid"] as? String, "8100.00")  // 2,000 + 2,800 + 3,300 元
        XCTAssertEqual(reception["name"] as? String, "公务接待费")
        // By June: only the first reception (2,000 元) of the 三公 tag's 公务接待 and 9,800 + 6,200 of car running costs.
        let june = try json(["-f", panzhihua, "status", "--by", "标签", "--as-of", "2021-06-30", "--json"])
        let sangong = try XCTUnwrap((june["groups"] as? [[String: Any]])?.first { $0["key"] as? String == "三公" })
        XCTAssertEqual(sangong["paid"] as? String, "18000.00")
        XCTAssertEqual(sangong["budget"] as? String, "48691.00")
        XCTAssertEqual(percent(sangong["rate"]), 36.97)  // 18,000 / 48,691 = 36.968 %
        let byFund = try json(["-f", panzhihua, "status", "--by", "fund", "--as-of", "2021-12-31", "--json"])
        XCTAssertEqual((byFund["groups"] as? [[String: Any]])?.compactMap { $0["key"] as? String }, ["一般公共预算", "政府性基金"])
        try assertExit(2, ["-f", panzhihua, "status", "--by", "资金"], stderrContains: "--by 的值“资金”无效")
        try assertExit(2, ["-f", panzhihua, "status", "--by", "单位", "--unit", "局机关"])
    }

    func testRecordingClassificationsAndRefusals() throws {
        try assertAppends(
            ["-f", journal, "project", "P01", "接待", "--code", "2101501", "--econ", "30217", "--fund", "general", "--tags", "三公", "--date", "2021-01-01"],
            line: "2021-01-01 项目 P01 接待 科目=2101501 经济科目=30217 资金性质=一般公共预算 标签=三公")
        try assertAppends(["-f", journal, "allot", "P01", "1万", "--doc", "A", "--date", "2021-01-02"], line: "2021-01-02 下达 P01 10000.00 文号=A")
        try assertAppends(
            ["-f", journal, "pay", "P01", "0.5万", "--voucher", "V1", "--econ", "30211", "--date", "2021-02-01"],
            line: "2021-02-01 支付 P01 5000.00 凭证=V1 经济科目=30211")
        // A malformed class on the command line is a command-line error (exit 2), like every value the journal's parser rejects.
        try assertExit(2, ["-f", journal, "project", "P02", "x", "--fund", "公共预算", "--date", "2021-01-01"], stderrContains: "资金性质“公共预算”无效")
        try assertExit(2, ["-f", journal, "project", "P02", "x", "--code", "2101", "--date", "2021-01-01"], stderrContains: "3 位（类）、5 位（款）或 7 位（项）")
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--econ", "3021101", "--date", "2021-02-02"], stderrContains: "经济科目“3021101”")
        // The payment's own class is what the final accounts count.
        for loader in ["full", "compact"] {
            let r = try json(["-f", journal, "report", "final", "--year", "2021", "--json"], environment: ["FUNDFLOW_LOADER": loader])
            let rows = try XCTUnwrap(r["by_economic"] as? [[String: Any]])
            XCTAssertEqual(rows.first { $0["code"] as? String == "30211" }?["paid"] as? String, "5000.00", loader)
            XCTAssertEqual(rows.first { $0["code"] as? String == "30217" }?["budget"] as? String, "10000.00", loader)
        }
    }

    /// A 支付's 经济科目 is validated like on any other line: the fast scanner hands the line
    /// to the full reader, which refuses a value that is not an economic class.
    func testAPaymentsEconomicClassIsValidatedOnTheFastPath() throws {
        write(lines: ["2021-01-01 项目 P01 接待", "2021-01-02 下达 P01 1万 文号=A", "2021-02-01 支付 P01 1 凭证=V 经济科目=abc"])
        let bad = try run(["-f", journal, "check"])
        XCTAssertTrue(bad.stderr.contains("j.journal:3:26: 错误: 经济科目“abc”不是经济分类科目编码"), bad.summary)
        XCTAssertFalse(bad.stdout.contains("3 笔分录"), "the payment must not be counted as read\n\(bad.summary)")
        // The English key and a good value still pass (read by either reader).
        write(lines: [
            "2021-01-01 项目 P01 接待", "2021-01-02 下达 P01 1万 文号=A", "2021-02-01 支付 P01 1 凭证=V econ=30217",
            "2021-02-02 支付 P01 1 凭证=W 经济科目=302",
        ])
        let good = try run(["-f", journal, "check"])
        XCTAssertEqual(good.exitCode, 0, good.summary)
        XCTAssertTrue(good.stdout.contains("4 笔分录"), good.summary)
        guard DiagnosticCode(rawValue: "bad-econ") != nil else {
            throw XCTSkip("bad-econ is not a DiagnosticCode: check counts the refused line as nothing (Sources/Ledger/Check/Code.swift must list bad-code, bad-econ, bad-fund)")
        }
        write(lines: ["2021-01-01 项目 P01 接待", "2021-01-02 下达 P01 1万 文号=A", "2021-02-01 支付 P01 1 凭证=V 经济科目=abc"])
        let counted = try run(["-f", journal, "check"])
        XCTAssertEqual(counted.exitCode, 1, counted.summary)
        XCTAssertTrue(counted.stdout.contains("bad-econ"), counted.summary)
    }

    /// README.md shows excerpts of `report final` on the shipped journal: every shown line
    /// must be a line the program prints (trailing blanks aside).
    func testTheREADMEExcerpt() throws {
        let readme = String(decoding: FileManager.default.contents(atPath: packageRoot.appendingPathComponent("README.md").path) ?? Data(), as: UTF8.self)
        let section = try XCTUnwrap(readme.components(separatedBy: "## Final accounts and project self-evaluation").dropFirst().first)
        let block = try XCTUnwrap(section.components(separatedBy: "```").dropFirst(3).first, "the output block")
        let output = try run(["-f", panzhihua, "report", "final", "--year", "2021"]).stdout
        let printed = Set(output.components(separatedBy: "\n"))
        let shown = block.components(separatedBy: "\n").filter { !$0.isEmpty && $0 != "…" }
        XCTAssertGreaterThan(shown.count, 5)
        for line in shown { XCTAssertTrue(printed.contains(line), "README line not in the output: \(line)") }
    }

    func testExitCodes() throws {
        try assertExit(2, ["-f", panzhihua, "report", "final"], stderrContains: "--year")
        try assertExit(2, ["-f", panzhihua, "report", "selfeval", "--year", "21"])
        try assertExit(2, ["-f", panzhihua, "report", "final", "--year", "2021", "--month", "2021-01"])
        try assertExit(2, ["-f", panzhihua, "report", "finl", "--year", "2021"], stderrContains: "是不是")
        // A journal with an error still prints, says so on stderr, and exits 1.
        write(lines: ["2021-01-01 项目 A 甲 经济科目=30217", "2021-01-02 下达 A 1万 文号=X", "2021-02-01 支付 A 2万"])
        let bad = try run(["-f", journal, "report", "final", "--year", "2021", "--json"])
        XCTAssertEqual(bad.exitCode, 1, bad.summary)
        XCTAssertTrue(bad.stderr.contains("超支") || bad.stderr.contains("错误"), bad.summary)
        XCTAssertTrue(bad.stdout.contains("\"sangong\""))
        XCTAssertTrue(bad.stdout.contains("\"journal_errors\": 1"), "the JSON says the journal has an error\n\(bad.stdout)")
        // Every format of the three reports carries the shared banner of a journal with errors.
        for arguments in [
            ["report", "final", "--year", "2021"], ["report", "selfeval", "--year", "2021"],
            ["status", "--by", "经济科目", "--as-of", "2021-12-31"],
        ] {
            for format in ["text", "md", "csv", "html"] {
                let result = try run(["-f", journal] + arguments + ["--format", format])
                XCTAssertEqual(result.exitCode, 1, "\(arguments) \(format)\n\(result.summary)")
                XCTAssertTrue(result.stdout.contains("日记账有 1 个错误，出错的分录未计入本表"), "\(arguments) \(format) lacks the banner")
            }
        }
    }
}
