import Foundation
import XCTest

/// End-to-end checks of `status`, `report monthly|carryover|indicators` and `register` (§2)
/// that do not depend on the golden files: the JSON keys the spec fixes, the CSV/HTML/-o
/// conventions, options, exit codes. Every expected figure is worked out by hand from the
/// journal or taken from the seed report (承德市医疗保障局 2019: 预算 192.31万, 支出 158.89万,
/// 执行率 82.62%, 结转 33.42万), never copied from the program's output.
final class ReportCommandTests: FundflowTestCase {
    let chengdePath = packageRoot.appendingPathComponent("journals/chengde-2019.journal").path

    /// Runs fundflow on the shipped 承德 2019 journal (from the test's temporary folder).
    func chengde(_ arguments: String..., environment: [String: String] = [:]) throws -> RunResult {
        try run(["-f", chengdePath] + arguments, environment: environment)
    }

    /// Exit 0, nothing on stderr, something on stdout.
    @discardableResult
    func ok(_ result: RunResult, _ what: String, file: StaticString = #filePath, line: UInt = #line) -> RunResult {
        XCTAssertEqual(result.exitCode, 0, "\(what)\n\(result.summary)", file: file, line: line)
        XCTAssertFalse(result.signaled, file: file, line: line)
        XCTAssertEqual(result.stderr, "", "\(what): nothing expected on stderr", file: file, line: line)
        XCTAssertFalse(result.stdout.isEmpty, "\(what): empty output", file: file, line: line)
        return result
    }

    func jsonObject(_ result: RunResult, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: result.stdoutData)
        return try XCTUnwrap(value as? [String: Any], "top level must be an object\n\(result.stdout.prefix(400))", file: file, line: line)
    }

    /// An amount: a string in 元 with exactly two decimals.
    func assertAmount(
        _ object: [String: Any], _ key: String, _ expected: String? = nil, _ context: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let value = object[key] else { return XCTFail("\(context): missing key “\(key)”", file: file, line: line) }
        guard let text = value as? String else {
            return XCTFail("\(context): “\(key)” must be a string amount, got \(value)", file: file, line: line)
        }
        XCTAssertNotNil(
            text.range(of: #"^-?[0-9]+\.[0-9]{2}$"#, options: .regularExpression),
            "\(context): “\(key)” = “\(text)” is not 元 with two decimals", file: file, line: line)
        if let expected { XCTAssertEqual(text, expected, "\(context).\(key)", file: file, line: line) }
    }

    /// A percentage: a JSON number (not a string), at most two decimals.
    func assertPercent(
        _ object: [String: Any], _ key: String, _ expected: Double? = nil, _ context: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let value = object[key] else { return XCTFail("\(context): missing key “\(key)”", file: file, line: line) }
        guard !(value is String), let number = value as? NSNumber else {
            return XCTFail("\(context): “\(key)” must be a number, got \(value)", file: file, line: line)
        }
        let double = number.doubleValue
        XCTAssertEqual(
            (double * 100).rounded(), double * 100, accuracy: 1e-6,
            "\(context): “\(key)” = \(double) has more than two decimals", file: file, line: line)
        if let expected { XCTAssertEqual(double, expected, accuracy: 0.0001, "\(context).\(key)", file: file, line: line) }
    }

    func assertString(
        _ object: [String: Any], _ key: String, _ expected: String? = nil, _ context: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let text = object[key] as? String else {
            return XCTFail("\(context): “\(key)” must be a string, got \(String(describing: object[key]))", file: file, line: line)
        }
        if let expected { XCTAssertEqual(text, expected, "\(context).\(key)", file: file, line: line) }
    }

    func projects(_ object: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try XCTUnwrap(object["projects"] as? [[String: Any]], "“projects” must be an array of objects", file: file, line: line)
    }

    func project(_ list: [[String: Any]], _ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try XCTUnwrap(list.first { $0["id"] as? String == id }, "no project \(id)", file: file, line: line)
    }

    /// The keys §2 fixes for a project of `status --json` (and of the monthly report).
    func assertStatusProjectKeys(_ p: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws {
        let id = p["id"] as? String ?? "?"
        for key in ["id", "name", "unit", "status"] { assertString(p, key, nil, id, file: file, line: line) }
        for key in ["budget", "paid", "available", "carried_in", "carried_out", "lapsed"] {
            assertAmount(p, key, nil, id, file: file, line: line)
        }
        for key in ["rate", "expected", "gap"] { assertPercent(p, key, nil, id, file: file, line: line) }
        XCTAssertTrue(
            ["ok", "yellow", "red"].contains(p["status"] as? String ?? ""), "\(id): status \(String(describing: p["status"]))",
            file: file, line: line)
        let alerts = try XCTUnwrap(p["alerts"] as? [[String: Any]], "\(id): “alerts” must be an array", file: file, line: line)
        for alert in alerts {
            for key in ["code", "level", "message"] { assertString(alert, key, nil, "\(id).alerts[]", file: file, line: line) }
            XCTAssertTrue(["yellow", "red"].contains(alert["level"] as? String ?? ""), "\(id): alert level \(alert)", file: file, line: line)
        }
        let contracts = try XCTUnwrap(p["contracts"] as? [[String: Any]], "\(id): “contracts” must be an array", file: file, line: line)
        for contract in contracts {
            assertString(contract, "id", nil, "\(id).contracts[]", file: file, line: line)
            for key in ["amount", "paid", "unpaid"] { assertAmount(contract, key, nil, "\(id).contracts[]", file: file, line: line) }
            XCTAssertNotNil(contract["due"], "\(id).contracts[]: missing “due”", file: file, line: line)
        }
    }

    func alertCodes(_ p: [String: Any], level: String? = nil) -> Set<String> {
        Set((p["alerts"] as? [[String: Any]] ?? []).filter { level == nil || $0["level"] as? String == level }.compactMap { $0["code"] as? String })
    }

    // MARK: JSON keys and figures

    func testStatusJSONKeysAndSeedFigures() throws {
        let result = ok(try chengde("status", "--as-of", "2019-12-31", "--json"), "status --json")
        let root = try jsonObject(result)
        assertString(root, "as_of", "2019-12-31", "status")
        let list = try projects(root)
        XCTAssertEqual(list.compactMap { $0["id"] as? String }, ["P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09"])
        for p in list { try assertStatusProjectKeys(p) }

        let totals = try XCTUnwrap(root["totals"] as? [String: Any], "“totals” must be an object")
        assertAmount(totals, "budget", "1923100.00", "totals")  // 192.31万
        assertAmount(totals, "paid", "1588900.00", "totals")  // 158.89万
        assertAmount(totals, "available", "0.00", "totals")  // everything unspent was carried over
        assertPercent(totals, "rate", 82.62, "totals")  // 158.89 / 192.31 = 0.826218…

        // P02: 28万, paid 6.8 + 2.36 + 1.92 + 1.5 = 12.58万, 15.42万 carried to 2020.
        let p02 = try project(list, "P02")
        assertString(p02, "unit", "局机关", "P02")
        assertAmount(p02, "budget", "280000.00", "P02")
        assertAmount(p02, "paid", "125800.00", "P02")
        assertAmount(p02, "carried_out", "154200.00", "P02")
        assertAmount(p02, "available", "0.00", "P02")
        assertAmount(p02, "carried_in", "0.00", "P02")
        assertAmount(p02, "lapsed", "0.00", "P02")
        assertPercent(p02, "rate", 44.93, "P02")  // 12.58 / 28 = 0.449285…
        assertPercent(p02, "expected", 100, "P02")
        assertPercent(p02, "gap", 55.07, "P02")
        assertString(p02, "status", "red", "P02")
        XCTAssertTrue(alertCodes(p02, level: "red").isSuperset(of: ["LOW_RATE", "LAG"]), "P02 alerts: \(alertCodes(p02))")

        // P08: 18万 allotted 2019-06-20, nothing paid, contract HT-2019-08 18万 due 2019-12-20.
        let p08 = try project(list, "P08")
        assertString(p08, "unit", "职工医保中心", "P08")
        assertAmount(p08, "budget", "180000.00", "P08")
        assertAmount(p08, "paid", "0.00", "P08")
        assertAmount(p08, "carried_out", "180000.00", "P08")
        assertPercent(p08, "rate", 0, "P08")
        assertString(p08, "status", "red", "P08")
        XCTAssertTrue(alertCodes(p08, level: "red").isSuperset(of: ["NO_SPEND", "UNPAID_CONTRACT", "LOW_RATE"]), "P08 alerts: \(alertCodes(p08))")
        let contracts = try XCTUnwrap(p08["contracts"] as? [[String: Any]])
        XCTAssertEqual(contracts.count, 1)
        let contract = try XCTUnwrap(contracts.first)
        assertString(contract, "id", "HT-2019-08", "HT-2019-08")
        assertAmount(contract, "amount", "180000.00", "HT-2019-08")
        assertAmount(contract, "paid", "0.00", "HT-2019-08")
        assertAmount(contract, "unpaid", "180000.00", "HT-2019-08")
        assertString(contract, "due", "2019-12-20", "HT-2019-08")

        // Fully spent projects are green: P01 11.61万, P04 20万, P05/P06 20.6万, P07 15万, P09 10万.
        for id in ["P01", "P04", "P05", "P06", "P07", "P09"] {
            let p = try project(list, id)
            assertPercent(p, "rate", 100, id)
            assertString(p, "status", "ok", id)
        }
    }

    func testStatusJSONMidYear() throws {
        // 2019-06-30: P04 (allotted 08-15) is not yet in the books. Budget 192.31 − 20 = 172.31万;
        // paid P01 7.8 + P05 20.6 + P06 20.6 + P07 7 + P09 4 = 60.00万; 60 / 172.31 = 34.82%.
        let root = try jsonObject(ok(try chengde("status", "--as-of", "2019-06-30", "--json"), "status --as-of 2019-06-30 --json"))
        assertString(root, "as_of", "2019-06-30", "status")
        let list = try projects(root)
        XCTAssertEqual(list.compactMap { $0["id"] as? String }, ["P01", "P02", "P03", "P05", "P06", "P07", "P08", "P09"])
        let totals = try XCTUnwrap(root["totals"] as? [String: Any])
        assertAmount(totals, "budget", "1723100.00", "totals")
        assertAmount(totals, "paid", "600000.00", "totals")
        assertAmount(totals, "available", "1123100.00", "totals")
        assertPercent(totals, "rate", 34.82, "totals")
        // P09 10万, paid 1 + 3 = 4万 = 40%, plan 12月:100 → 50% at 06-30: 10 points behind → yellow.
        let p09 = try project(list, "P09")
        assertPercent(p09, "rate", 40, "P09")
        assertPercent(p09, "expected", 50, "P09")
        assertPercent(p09, "gap", 10, "P09")
        assertString(p09, "status", "yellow", "P09")
    }

    func testMonthlyJSONHasMonthProjectsAndTotals() throws {
        let root = try jsonObject(ok(try chengde("report", "monthly", "--month", "2019-12", "--format", "json"), "report monthly json"))
        assertString(root, "month", "2019-12", "monthly")
        let list = try projects(root)
        XCTAssertEqual(list.count, 9)
        for p in list { try assertStatusProjectKeys(p) }
        let totals = try XCTUnwrap(root["totals"] as? [String: Any], "“totals” must be an object")
        assertAmount(totals, "budget", "1923100.00", "totals")
        assertAmount(totals, "paid", "1588900.00", "totals")
        assertAmount(totals, "available", "0.00", "totals")
        assertPercent(totals, "rate", 82.62, "totals")

        // --json is the same as --format json; June is as of 06-30.
        let june = try jsonObject(ok(try chengde("report", "monthly", "--month", "2019-06", "--json"), "report monthly --json"))
        assertString(june, "month", "2019-06", "monthly")
        let juneTotals = try XCTUnwrap(june["totals"] as? [String: Any])
        assertAmount(juneTotals, "paid", "600000.00", "June totals")
    }

    func testCarryoverJSONKeysAndFigures() throws {
        let root = try jsonObject(ok(try chengde("report", "carryover", "--year", "2019", "--format", "json"), "carryover json"))
        let keysAmounts = ["carried_in", "allotted", "reduced", "budget", "paid", "carried_out", "lapsed", "unresolved", "unpaid_contracts"]
        let list = try projects(root)
        XCTAssertEqual(list.count, 9)
        for p in list {
            let id = p["id"] as? String ?? "?"
            for key in keysAmounts { assertAmount(p, key, nil, id) }
            assertPercent(p, "rate", nil, id)
        }
        let totals = try XCTUnwrap(root["totals"] as? [String: Any], "“totals” must be an object")
        for key in keysAmounts { assertAmount(totals, key, nil, "totals") }
        assertAmount(totals, "carried_in", "0.00", "totals")
        assertAmount(totals, "allotted", "1923100.00", "totals")
        assertAmount(totals, "reduced", "0.00", "totals")
        assertAmount(totals, "budget", "1923100.00", "totals")
        assertAmount(totals, "paid", "1588900.00", "totals")
        assertAmount(totals, "carried_out", "334200.00", "totals")  // 33.42万 = P02 15.42 + P08 18
        assertAmount(totals, "lapsed", "0.00", "totals")
        assertAmount(totals, "unresolved", "0.00", "totals")
        assertAmount(totals, "unpaid_contracts", "180000.00", "totals")
        assertPercent(totals, "rate", 82.62, "totals")

        // Per unit (seed): 局机关 149.31/133.89/15.42, 职工医保中心 33/15/18, 居民医保中心 10/10/0 (万).
        var byUnit: [String: (budget: Int, paid: Int, carried: Int)] = [:]
        func fen(_ text: Any?) -> Int { Int(((text as? String) ?? "").replacingOccurrences(of: ".", with: "")) ?? -1 }
        for p in list {
            let unit = p["unit"] as? String ?? "?"
            let sum = byUnit[unit] ?? (0, 0, 0)
            byUnit[unit] = (sum.budget + fen(p["budget"]), sum.paid + fen(p["paid"]), sum.carried + fen(p["carried_out"]))
        }
        XCTAssertEqual(byUnit["局机关"]?.budget, 1_493_100_00)  // 分
        XCTAssertEqual(byUnit["局机关"]?.paid, 1_338_900_00)
        XCTAssertEqual(byUnit["局机关"]?.carried, 154_200_00)
        XCTAssertEqual(byUnit["职工医保中心"]?.budget, 330_000_00)
        XCTAssertEqual(byUnit["职工医保中心"]?.paid, 150_000_00)
        XCTAssertEqual(byUnit["职工医保中心"]?.carried, 180_000_00)
        XCTAssertEqual(byUnit["居民医保中心"]?.budget, 100_000_00)
        XCTAssertEqual(byUnit["居民医保中心"]?.paid, 100_000_00)
        XCTAssertEqual(byUnit["居民医保中心"]?.carried, 0)

        let p08 = try project(list, "P08")
        assertAmount(p08, "carried_out", "180000.00", "P08")
        assertAmount(p08, "unpaid_contracts", "180000.00", "P08")
        assertAmount(p08, "unresolved", "0.00", "P08")
    }

    func testIndicatorsJSON() throws {
        let root = try jsonObject(ok(try chengde("report", "indicators", "--year", "2019", "--format", "json"), "indicators json"))
        // 预算执行率 158.89 / 192.31 = 82.62%; 预算调整率 (192.31 − 0 − 25) / 25 = 669.24%
        // (年初 only P07 15万 + P09 10万); 结转结余率 33.42 / 192.31 = 17.38%; 三公 and 采购
        // (P05, P06) 41.20 / 41.20 = 100%; score 10 × 82.6218… / 90 = 9.18; 基本 (P04) 20万.
        assertPercent(root, "execution_rate", 82.62, "indicators")
        assertPercent(root, "adjustment_rate", 669.24, "indicators")
        assertPercent(root, "carryover_rate", 17.38, "indicators")
        assertPercent(root, "sangong_control_rate", 100, "indicators")
        assertPercent(root, "procurement_rate", 100, "indicators")
        assertPercent(root, "execution_score", 9.18, "indicators")
        assertAmount(root, "total_paid", "1588900.00", "indicators")
        assertAmount(root, "basic_paid", "200000.00", "indicators")
        assertAmount(root, "project_paid", "1388900.00", "indicators")
    }

    // MARK: CSV, HTML, -o

    func testCSVHasBOMAndCRLF() throws {
        let runs: [[String]] = [
            ["status", "--as-of", "2019-12-31", "--csv"],
            ["status", "--as-of", "2019-12-31", "--format", "csv"],
            ["report", "monthly", "--month", "2019-12", "--format", "csv"],
            ["report", "carryover", "--year", "2019", "--format", "csv"],
            ["report", "indicators", "--year", "2019", "--format", "csv"],
        ]
        for arguments in runs {
            let what = arguments.joined(separator: " ")
            let result = ok(try run(["-f", chengdePath] + arguments), what)
            let bytes = Array(result.stdoutData)
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "\(what): CSV must start with the UTF-8 BOM (Excel)")
            XCTAssertEqual(Array(bytes.suffix(2)), [0x0D, 0x0A], "\(what): CSV must end with CRLF")
            var lineCount = 0
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0A {
                    lineCount += 1
                    XCTAssertTrue(index > 0 && bytes[index - 1] == 0x0D, "\(what): bare LF at byte \(index)")
                }
                if byte == 0x0D { XCTAssertTrue(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "\(what): bare CR at byte \(index)") }
            }
            XCTAssertGreaterThan(lineCount, 1, "\(what): header and rows expected")
        }
    }

    func testOutputFileHTML() throws {
        let result = try chengde("report", "monthly", "--month", "2019-12", "--format", "html", "-o", "r.html")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(result.stdout, "", "with -o nothing goes to stdout")
        XCTAssertTrue(exists("r.html"), "-o must write the file")
        let html = text("r.html")
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), "a complete document starts with the doctype:\n\(html.prefix(200))")
        XCTAssertTrue(html.contains("<html"))
        XCTAssertTrue(html.contains("<head>"))
        XCTAssertTrue(html.lowercased().contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.contains("<body"))
        XCTAssertTrue(html.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>"), "must end with </html>")
        XCTAssertFalse(html.lowercased().contains("<script"), "reports are static: no scripts")
        XCTAssertTrue(html.contains("192.31"), "the budget total 192.31万 must be in the report")
        XCTAssertTrue(html.contains("158.89"), "the paid total 158.89万 must be in the report")
        XCTAssertTrue(html.contains("82.62"), "the execution rate must be in the report")

        // Each report kind and format honours -o; CSV keeps its BOM in the file.
        let csv = try chengde("report", "carryover", "--year", "2019", "--format", "csv", "-o", "c.csv")
        XCTAssertEqual(csv.exitCode, 0, csv.summary)
        XCTAssertEqual(csv.stdout, "")
        XCTAssertEqual(Array((bytes("c.csv") ?? []).prefix(3)), [0xEF, 0xBB, 0xBF])
        let json = try chengde("report", "indicators", "--year", "2019", "--format", "json", "-o", "i.json")
        XCTAssertEqual(json.exitCode, 0, json.summary)
        XCTAssertEqual(json.stdout, "")
        let indicators = try JSONSerialization.jsonObject(with: Data(bytes("i.json") ?? [])) as? [String: Any]
        XCTAssertEqual((indicators?["execution_rate"] as? NSNumber)?.doubleValue ?? -1, 82.62, accuracy: 0.0001)
        let status = try chengde("status", "--as-of", "2019-12-31", "-o", "s.txt")
        XCTAssertEqual(status.exitCode, 0, status.summary)
        XCTAssertEqual(status.stdout, "")
        XCTAssertTrue(text("s.txt").contains("192.31"))
        XCTAssertFalse(text("s.txt").contains("\u{1B}"), "no colour in files")

        // A file that cannot be written: exit 3, nothing on stdout.
        let bad = try chengde("report", "monthly", "--month", "2019-12", "-o", "no/such/folder/r.txt")
        XCTAssertEqual(bad.exitCode, 3, bad.summary)
        XCTAssertEqual(bad.stdout, "")
        XCTAssertFalse(bad.stderr.isEmpty)
    }

    // MARK: Options

    func testUnitFilter() throws {
        let root = try jsonObject(ok(try chengde("status", "--as-of", "2019-12-31", "--unit", "局机关", "--json"), "status --unit"))
        let list = try projects(root)
        XCTAssertEqual(list.compactMap { $0["id"] as? String }, ["P01", "P02", "P03", "P04", "P05", "P06"])
        XCTAssertTrue(list.allSatisfy { $0["unit"] as? String == "局机关" })
        let totals = try XCTUnwrap(root["totals"] as? [String: Any])
        assertAmount(totals, "budget", "1493100.00", "局机关")  // 149.31万
        assertAmount(totals, "paid", "1338900.00", "局机关")  // 133.89万
        assertPercent(totals, "rate", 89.67, "局机关")  // 133.89 / 149.31 = 0.896725…

        let monthly = try jsonObject(
            ok(
                try chengde("report", "monthly", "--month", "2019-12", "--unit", "局机关", "--format", "json"),
                "report monthly --unit"))
        XCTAssertEqual(try projects(monthly).count, 6)

        let carry = try jsonObject(
            ok(
                try chengde("report", "carryover", "--year", "2019", "--unit", "职工医保中心", "--format", "json"),
                "report carryover --unit"))
        XCTAssertEqual(try projects(carry).compactMap { $0["id"] as? String }, ["P07", "P08"])
        let carryTotals = try XCTUnwrap(carry["totals"] as? [String: Any])
        assertAmount(carryTotals, "budget", "330000.00", "职工医保中心")
        assertAmount(carryTotals, "paid", "150000.00", "职工医保中心")
        assertAmount(carryTotals, "carried_out", "180000.00", "职工医保中心")

        let textResult = ok(try chengde("status", "--as-of", "2019-12-31", "--unit", "居民医保中心"), "status --unit text")
        XCTAssertTrue(textResult.stdout.contains("P09"))
        for id in ["P01", "P02", "P07", "P08"] { XCTAssertFalse(textResult.stdout.contains(id), "\(id) is not in 居民医保中心") }

        // An unknown unit says which units exist.
        let none = try chengde("status", "--as-of", "2019-12-31", "--unit", "局机关办公室")
        XCTAssertFalse(none.signaled)
        XCTAssertTrue(none.stderr.contains("局机关") && none.stderr.contains("职工医保中心"), none.summary)
    }

    func testYuan() throws {
        let yuan = ok(try chengde("status", "--as-of", "2019-12-31", "--yuan"), "status --yuan")
        XCTAssertTrue(yuan.stdout.contains("1,923,100.00"), "budget total in 元\n\(yuan.stdout)")
        XCTAssertTrue(yuan.stdout.contains("1,588,900.00"), "paid total in 元")
        XCTAssertTrue(yuan.stdout.contains("280,000.00"), "P02's budget in 元")
        XCTAssertTrue(yuan.stdout.contains("金额单位：元"), "the unit line says 元\n\(yuan.stdout)")
        XCTAssertFalse(yuan.stdout.contains("金额单位：万元"), "--yuan must not label the table 万元")

        let wan = ok(try chengde("status", "--as-of", "2019-12-31"), "status")
        XCTAssertTrue(wan.stdout.contains("192.31"))
        XCTAssertTrue(wan.stdout.contains("金额单位：万元"))
        XCTAssertFalse(wan.stdout.contains("1,923,100.00"))

        let monthly = ok(try chengde("report", "monthly", "--month", "2019-12", "--yuan"), "report monthly --yuan")
        XCTAssertTrue(monthly.stdout.contains("1,923,100.00"))
        let register = ok(try chengde("register", "P02", "--yuan"), "register --yuan")
        XCTAssertTrue(register.stdout.contains("280,000.00") && register.stdout.contains("154,200.00"), register.stdout)
    }

    func testNoColourWhenPiped() throws {
        // NO_COLOR set to the empty string counts as unset (no-color.org); stdout is a pipe,
        // so there must still be no ANSI escapes.
        let runs: [[String]] = [
            ["status", "--as-of", "2019-12-31"],
            ["report", "monthly", "--month", "2019-12"],
            ["report", "carryover", "--year", "2019"],
            ["report", "indicators", "--year", "2019"],
            ["register", "P02"],
        ]
        for arguments in runs {
            let result = try run(["-f", chengdePath] + arguments, environment: ["NO_COLOR": ""])
            XCTAssertEqual(result.exitCode, 0, result.summary)
            XCTAssertFalse(result.stdout.isEmpty)
            XCTAssertFalse(result.stdout.contains("\u{1B}"), "\(arguments.joined(separator: " ")): ANSI escape in piped output")
        }
    }

    // MARK: Exit codes

    func testUsageErrorsExit2() throws {
        let cases: [([String], String?)] = [
            (["report"], "缺少报表种类"),
            (["report", "monthly"], "--month"),
            (["report", "monthly", "--month", "2019-13"], "2019-13"),
            (["report", "monthly", "--month", "2019"], "2019"),
            (["report", "monthly", "--month", "2019-12", "--format", "pdf"], "pdf"),
            (["report", "bogus"], "bogus"),
            (["report", "carryover"], "--year"),
            (["report", "indicators", "--year", "19"], "19"),
            (["report", "monthly", "--month", "2019-12", "extra"], nil),
            (["status", "--as-of", "2019-02-30"], "2019-02-30"),
            (["register", "--from", "yesterday"], "yesterday"),
        ]
        for (arguments, needle) in cases {
            let result = try assertExit(2, ["-f", chengdePath] + arguments, stderrContains: needle)
            XCTAssertEqual(result.stdout, "", "\(arguments.joined(separator: " ")): no report on a usage error")
        }
    }

    func testMissingJournalExits3() throws {
        for arguments in [
            ["report", "monthly", "--month", "2019-12"], ["status"], ["register", "P02"],
            ["report", "carryover", "--year", "2019"], ["report", "indicators", "--year", "2019"],
        ] {
            let result = try assertExit(3, ["-f", "nope.journal"] + arguments, stderrContains: "nope.journal")
            XCTAssertEqual(result.stdout, "")
        }
        // Through FUNDFLOW_JOURNAL, and the default fundflow.journal in the current folder.
        try assertExit(3, ["status"], environment: ["FUNDFLOW_JOURNAL": path("gone.journal")], stderrContains: "gone.journal")
        try assertExit(3, ["report", "monthly", "--month", "2019-12"], stderrContains: "fundflow.journal")
    }

    func testJournalWithErrorStillReportsButExits1() throws {
        write(lines: [
            "2019-01-01 设置 单位名称=测试局",
            "2019-01-02 项目 A 测试项目 单位=本级",
            "2019-01-03 下达 A 10万 文号=测[2019]1号",
            "2019-02-04 支付 A 3万 凭证=记-1",
            "2019-02-05 支付 A 30万 凭证=记-2",  // overspends: 7万 available
        ])
        let status = try ff("status", "--as-of", "2019-06-30")
        XCTAssertEqual(status.exitCode, 1, status.summary)
        XCTAssertTrue(status.stderr.contains("j.journal:5:"), "the diagnostic names the line\n\(status.summary)")
        XCTAssertTrue(status.stderr.contains("错误"))
        XCTAssertTrue(status.stdout.contains("测试项目"), "the report is still printed\n\(status.summary)")
        XCTAssertTrue(status.stdout.contains("3.00"), "the accepted payment (3万) is counted")
        XCTAssertTrue(status.stdout.contains("7.00"), "available 10 − 3 = 7万")
        XCTAssertFalse(status.stdout.contains("33.00"), "the refused payment is not counted")

        let monthly = try ff("report", "monthly", "--month", "2019-02", "--format", "json")
        XCTAssertEqual(monthly.exitCode, 1, monthly.summary)
        XCTAssertTrue(monthly.stderr.contains("j.journal:5:"))
        let root = try jsonObject(monthly)
        let totals = try XCTUnwrap(root["totals"] as? [String: Any])
        assertAmount(totals, "paid", "30000.00", "totals")
        assertAmount(totals, "available", "70000.00", "totals")

        for arguments in [["report", "carryover", "--year", "2019"], ["report", "indicators", "--year", "2019"], ["register", "A"]] {
            let result = try run(["-f", journal] + arguments)
            XCTAssertEqual(result.exitCode, 1, result.summary)
            XCTAssertFalse(result.stdout.isEmpty, "\(arguments.joined(separator: " ")): report still printed")
            XCTAssertTrue(result.stderr.contains("j.journal:5:"), result.summary)
        }
    }

    // MARK: register

    func testRegisterP02RunningBalance() throws {
        // From journals/chengde-2019.journal, P02 (万): 下达 28 (06-10); 支付 6.8 (07-05), 2.36
        // (08-22), 1.92 (10-16), 1.5 (12-10); 结转 15.42 (12-31).
        // Available: 28.00 → 21.20 → 18.84 → 16.92 → 15.42 → 0.00.
        let result = ok(try chengde("register", "P02"), "register P02")
        let rows = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("2019-") }
        let fields = rows.map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertEqual(
            fields.map { $0[0] }, ["2019-06-10", "2019-07-05", "2019-08-22", "2019-10-16", "2019-12-10", "2019-12-31"],
            result.stdout)
        XCTAssertTrue(fields.allSatisfy { $0.count >= 5 && $0[1] == "P02" }, result.stdout)
        XCTAssertEqual(fields.map { $0.count >= 3 ? $0[2] : "" }, ["下达", "支付", "支付", "支付", "支付", "结转"])
        XCTAssertEqual(fields.map { $0.count >= 4 ? $0[3] : "" }, ["28.00", "-6.80", "-2.36", "-1.92", "-1.50", "-15.42"])
        XCTAssertEqual(fields.map { $0.count >= 5 ? $0[4] : "" }, ["28.00", "21.20", "18.84", "16.92", "15.42", "0.00"])
        XCTAssertTrue(result.stdout.contains("承财社[2019]163号"), "the allotment's document number is shown")
        XCTAssertTrue(result.stdout.contains("记-2019-07-001"), "vouchers are shown")
        XCTAssertTrue(result.stdout.contains("万元"), "the amount unit is stated")

        // --from/--to narrow the rows but keep the running balance.
        let december = ok(try chengde("register", "P02", "--from", "2019-12-01", "--to", "2019-12-31"), "register --from --to")
        let decemberRows = december.stdout.split(separator: "\n").filter { $0.hasPrefix("2019-") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertEqual(decemberRows.map { $0[0] }, ["2019-12-10", "2019-12-31"])
        XCTAssertEqual(decemberRows.map { $0.count >= 5 ? $0[4] : "" }, ["15.42", "0.00"])
    }

    func testRegisterUnknownProject() throws {
        let nope = try assertExit(1, ["-f", chengdePath, "register", "NOPE"], stderrContains: "没有项目“NOPE”")
        XCTAssertEqual(nope.stdout, "")
        XCTAssertTrue(nope.stderr.contains("P01") && nope.stderr.contains("P09"), "with no close match, list the projects\n\(nope.summary)")
        let typo = try assertExit(1, ["-f", chengdePath, "register", "P2"], stderrContains: "是不是“P02”")
        XCTAssertEqual(typo.stdout, "")
        let lower = try assertExit(1, ["-f", chengdePath, "register", "p08"], stderrContains: "是不是“P08”")
        XCTAssertEqual(lower.stdout, "")
    }

    // MARK: --as-of defaults to today

    func testStatusAsOfDefaultsToToday() throws {
        let before = todayInChina()
        let year = String(before.prefix(4))
        write(lines: [
            "\(year)-01-01 项目 A 今年项目 单位=本级",
            "\(year)-01-01 下达 A 12万 文号=测[\(year)]1号",
            "\(year)-01-01 支付 A 3万 凭证=记-1",
        ])
        let json = try ff("status", "--json")
        let after = todayInChina()
        XCTAssertEqual(json.exitCode, 0, json.summary)
        let root = try jsonObject(json)
        let asOf = root["as_of"] as? String ?? ""
        XCTAssertTrue(asOf == before || asOf == after, "as_of \(asOf) should be today (\(before))")
        let list = try projects(root)
        XCTAssertEqual(list.count, 1)
        if let a = list.first {
            assertAmount(a, "budget", "120000.00", "A")
            assertAmount(a, "paid", "30000.00", "A")
            assertPercent(a, "rate", 25, "A")
        }
        let text = try ff("status")
        XCTAssertEqual(text.exitCode, 0, text.summary)
        // The head names the date the Chinese way: 2019-06-30 → 2019年6月30日.
        func chinese(_ iso: String) -> String {
            let parts = iso.split(separator: "-").map { Int($0) ?? 0 }
            return "截至日期：\(parts[0])年\(parts[1])月\(parts[2])日"
        }
        XCTAssertTrue(text.stdout.contains(chinese(before)) || text.stdout.contains(chinese(after)), text.stdout)
    }
}
