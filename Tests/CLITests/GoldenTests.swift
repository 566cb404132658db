import Foundation
import XCTest

/// Golden files: the exact standard output of the reporting commands on the shipped journals
/// (`journals/*.journal`), pinned byte for byte in `Tests/Golden/`.
///
/// Each file is named `<journal>.<what>.<ext>` (e.g. `chengde-2019.monthly-2019-12.csv`) and
/// holds what the REAL built `fundflow` prints with `NO_COLOR=1` (the runner always sets it),
/// run from the package root with `-f journals/<journal>.journal`, on a fixed 编制日期.
///
/// Updating: after an intended change to a report's layout or wording, run
///
///     FUNDFLOW_UPDATE_GOLDEN=1 swift test --filter CLITests.GoldenTests
///
/// which rewrites every golden file from the current output instead of comparing (the tests
/// still fail if a command does not exit 0 or writes to stderr). Then read `git diff Tests/Golden`
/// line by line before committing it: the key figures must still agree with the seed oracles
/// (承德 2019-12-31: 预算 192.31万, 支出 158.89万, 执行率 82.62%, 结转 33.42万; 秦皇岛
/// 2020-06-30: 预算 706.00万, 支出 316.47万, 44.83%) — a golden is only as good as that review.
final class GoldenTests: FundflowTestCase {
    /// `Tests/Golden`, found from this file's path (…/Tests/CLITests/GoldenTests.swift).
    static let goldenFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CLITests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Golden", isDirectory: true)

    static var updating: Bool {
        let value = ProcessInfo.processInfo.environment["FUNDFLOW_UPDATE_GOLDEN"] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// 编制日期 in every report's foot is today; the goldens fix it at 2021-01-15 (China
    /// Standard Time, after every shipped journal's year) through the reproducible-builds
    /// variable SOURCE_DATE_EPOCH.
    static let fixedDay = ["SOURCE_DATE_EPOCH": "1610640000"]

    static let chengde = "chengde-2019"
    static let qinhuangdao = "qinhuangdao-2020"

    // MARK: 承德市医疗保障局 2019 — every report in every format

    static let formats = ["txt": "text", "md": "md", "csv": "csv", "json": "json", "html": "html"]

    /// `<journal>.<what>.<ext>` for each of the five formats.
    func assertGoldenInEveryFormat(
        _ what: String, _ journalName: String, _ arguments: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        for (ext, format) in Self.formats.sorted(by: { $0.key < $1.key }) {
            try assertGolden("\(journalName).\(what).\(ext)", journalName, arguments + ["--format", format], file: file, line: line)
        }
    }

    func testChengdeMonthlyDecember() throws {
        try assertGoldenInEveryFormat("monthly-2019-12", Self.chengde, ["report", "monthly", "--month", "2019-12"])
    }

    func testChengdeMonthlyJuneText() throws {
        try assertGolden("chengde-2019.monthly-2019-06.txt", Self.chengde, ["report", "monthly", "--month", "2019-06"])
    }

    func testChengdeCarryover() throws {
        try assertGoldenInEveryFormat("carryover-2019", Self.chengde, ["report", "carryover", "--year", "2019"])
    }

    func testChengdeIndicators() throws {
        try assertGoldenInEveryFormat("indicators-2019", Self.chengde, ["report", "indicators", "--year", "2019"])
    }

    func testChengdeStatusMidYear() throws {
        try assertGoldenInEveryFormat("status-2019-06-30", Self.chengde, ["status", "--as-of", "2019-06-30"])
    }

    func testChengdeRegisterP02() throws {
        try assertGoldenInEveryFormat("register-P02", Self.chengde, ["register", "P02"])
    }

    /// `--exact` and `--yuan` of the text report the seed's figures can be read from.
    func testChengdeMonthlyDecemberExactAndYuan() throws {
        try assertGolden("chengde-2019.monthly-2019-12.exact.txt", Self.chengde, ["report", "monthly", "--month", "2019-12", "--exact"])
        try assertGolden("chengde-2019.monthly-2019-12.yuan.txt", Self.chengde, ["report", "monthly", "--month", "2019-12", "--yuan"])
    }

    // MARK: 秦皇岛市医疗保障局 2020 (amounts with up to six decimals of 万元: the rounding shows)

    func testQinhuangdaoMonthlyJune() throws {
        try assertGoldenInEveryFormat("monthly-2020-06", Self.qinhuangdao, ["report", "monthly", "--month", "2020-06"])
    }

    func testQinhuangdaoStatusFirstQuarterText() throws {
        try assertGolden("qinhuangdao-2020.status-2020-03-31.txt", Self.qinhuangdao, ["status", "--as-of", "2020-03-31"])
    }

    func testQinhuangdaoRegisterText() throws {
        try assertGolden("qinhuangdao-2020.register.txt", Self.qinhuangdao, ["register"])
        try assertGolden("qinhuangdao-2020.register.yuan.txt", Self.qinhuangdao, ["register", "--yuan"])
    }

    // MARK: 攀枝花市医疗保障局 2021 (spec §3: 部门决算 and 项目支出绩效自评表)

    static let panzhihua = "panzhihua-2021"
    /// 编制日期 2022-01-15: a 2021 决算 is prepared after its year.
    static let panzhihuaDay = ["SOURCE_DATE_EPOCH": "1642204800"]
    static let finalFormats = ["txt": "text", "md": "md", "csv": "csv", "json": "json", "html": "html"]

    func testPanzhihuaFinalInEveryFormat() throws {
        for (ext, format) in Self.finalFormats.sorted(by: { $0.key < $1.key }) {
            try assertGolden(
                "panzhihua-2021.final-2021.\(ext)", Self.panzhihua, ["report", "final", "--year", "2021", "--format", format],
                day: Self.panzhihuaDay)
        }
    }

    func testPanzhihuaSelfEvaluationInEveryFormat() throws {
        for (ext, format) in Self.finalFormats.sorted(by: { $0.key < $1.key }) {
            try assertGolden(
                "panzhihua-2021.selfeval-2021.\(ext)", Self.panzhihua, ["report", "selfeval", "--year", "2021", "--format", format],
                day: Self.panzhihuaDay)
        }
    }

    /// `status --by`: the same money grouped along one classification, under the shared head and foot.
    func testPanzhihuaStatusByEconomicClass() throws {
        for ext in ["txt", "json"] {
            try assertGolden(
                "panzhihua-2021.status-by-econ-2021-12-31.\(ext)", Self.panzhihua,
                ["status", "--by", "经济科目", "--as-of", "2021-12-31", "--format", Self.finalFormats[ext] ?? ext], day: Self.panzhihuaDay)
        }
    }

    /// `--exact` of the final accounts: the seed's 万元 figures to every decimal.
    func testPanzhihuaFinalExact() throws {
        try assertGolden("panzhihua-2021.final-2021.exact.txt", Self.panzhihua, ["report", "final", "--year", "2021", "--exact"], day: Self.panzhihuaDay)
    }

    /// Every file in Tests/Golden is exercised by a test above (a stale golden nobody checks
    /// would be a silent lie).
    func testEveryGoldenFileIsUsed() throws {
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: Self.goldenFolder.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "help" }  // help/ holds HelpTests' own goldens
        let finals = ["final", "selfeval"].flatMap { report in Self.finalFormats.keys.map { "panzhihua-2021.\(report)-2021.\($0)" } }
        var used: Set<String> = Set(finals).union([
            "chengde-2019.monthly-2019-06.txt", "chengde-2019.monthly-2019-12.exact.txt", "chengde-2019.monthly-2019-12.yuan.txt",
            "qinhuangdao-2020.status-2020-03-31.txt", "qinhuangdao-2020.register.txt", "qinhuangdao-2020.register.yuan.txt",
            "panzhihua-2021.status-by-econ-2021-12-31.txt", "panzhihua-2021.status-by-econ-2021-12-31.json",
            "panzhihua-2021.final-2021.exact.txt",
        ])
        for what in [
            "chengde-2019.monthly-2019-12", "chengde-2019.carryover-2019", "chengde-2019.indicators-2019",
            "chengde-2019.status-2019-06-30", "chengde-2019.register-P02", "qinhuangdao-2020.monthly-2020-06",
        ] {
            for ext in Self.formats.keys { used.insert("\(what).\(ext)") }
        }
        XCTAssertEqual(names.subtracting(used).sorted(), [], "golden files that no test compares against")
        if !Self.updating {
            XCTAssertEqual(used.subtracting(names).sorted(), [], "golden files missing from \(Self.goldenFolder.path)")
        }
    }

    // MARK: Machinery

    /// Runs `fundflow -f journals/<journal>.journal ARGS` from the package root and compares its
    /// standard output byte for byte with `Tests/Golden/<name>` (or rewrites that file when
    /// FUNDFLOW_UPDATE_GOLDEN=1).
    func assertGolden(
        _ name: String, _ journalName: String, _ arguments: [String], day: [String: String] = GoldenTests.fixedDay,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let journalPath = "journals/\(journalName).journal"
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(journalPath).path),
            "missing shipped journal \(journalPath)", file: file, line: line)
        let command = (["-f", journalPath] + arguments)
        let result = try run(command, environment: day, in: packageRoot)
        let shown = "fundflow " + command.joined(separator: " ")
        XCTAssertEqual(result.exitCode, 0, "\(shown)\n\(result.summary)", file: file, line: line)
        XCTAssertFalse(result.signaled, file: file, line: line)
        XCTAssertEqual(result.stderr, "", "\(shown) should print nothing on stderr", file: file, line: line)
        XCTAssertFalse(result.stdoutData.isEmpty, "\(shown) printed nothing", file: file, line: line)

        let target = Self.goldenFolder.appendingPathComponent(name)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try result.stdoutData.write(to: target)
            print("GoldenTests: rewrote \(target.path) (\(result.stdoutData.count) bytes) — review it with git diff")
            return
        }
        guard let expected = FileManager.default.contents(atPath: target.path) else {
            XCTFail(
                "no golden file \(target.path); create it with FUNDFLOW_UPDATE_GOLDEN=1 swift test --filter CLITests.GoldenTests, then review it",
                file: file, line: line)
            return
        }
        if expected != result.stdoutData {
            XCTFail(
                "\(shown): output differs from golden \(name)\n"
                    + goldenDiff(expected: Array(expected), actual: Array(result.stdoutData), name: name)
                    + "\n(if the change is intended: FUNDFLOW_UPDATE_GOLDEN=1 swift test --filter CLITests.GoldenTests, then review git diff)",
                file: file, line: line)
        }
    }
}

/// A short unified-style diff around the first difference: up to 3 lines of context, then the
/// differing run of lines (at most `limit` each way). Control characters that would be
/// invisible (CR, BOM, ESC, tab) are shown escaped so a CRLF or BOM change is visible.
func goldenDiff(expected: [UInt8], actual: [UInt8], name: String, limit: Int = 12) -> String {
    // Split on LF bytes (a Swift String would treat CRLF as one character and not split it).
    func lines(_ bytes: [UInt8]) -> [String] {
        var result = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if result.last == "" { result.removeLast() }
        return result
    }
    func visible(_ line: String) -> String {
        var out = ""
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{FEFF}": out += "\\u{FEFF}"
            case "\u{1B}": out += "\\e"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
    let old = lines(expected), new = lines(actual)
    var first = 0
    while first < old.count, first < new.count, old[first] == new[first] { first += 1 }
    var oldEnd = old.count, newEnd = new.count
    while oldEnd > first, newEnd > first, old[oldEnd - 1] == new[newEnd - 1] { oldEnd -= 1; newEnd -= 1 }
    var out = "--- Tests/Golden/\(name) (\(expected.count) bytes, \(old.count) lines)\n"
    out += "+++ actual output (\(actual.count) bytes, \(new.count) lines)\n"
    if first == old.count && first == new.count {
        // Same lines, different bytes: only the final newline can differ.
        out += "@@ the lines agree; the files differ in the final newline @@\n"
        return out
    }
    let contextStart = max(0, first - 3)
    out += "@@ -\(first + 1) +\(first + 1) @@ first difference at line \(first + 1)\n"
    for index in contextStart..<first { out += "  " + visible(old[index]) + "\n" }
    for index in first..<min(oldEnd, first + limit) { out += "- " + visible(old[index]) + "\n" }
    if oldEnd - first > limit { out += "- … \(oldEnd - first - limit) more golden lines\n" }
    for index in first..<min(newEnd, first + limit) { out += "+ " + visible(new[index]) + "\n" }
    if newEnd - first > limit { out += "+ … \(newEnd - first - limit) more output lines\n" }
    if oldEnd < old.count { out += "  " + visible(old[oldEnd]) + "\n" }
    return out
}
