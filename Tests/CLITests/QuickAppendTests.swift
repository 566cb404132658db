import Foundation
import XCTest

/// Recording on a clean journal goes through the compact loader (`Appender.appendToCleanJournal`);
/// everything it cannot settle goes to the full validator. Each case here is run twice on
/// identical copies — once as users run it, once with `FUNDFLOW_LOADER=full` — and the two
/// must agree on standard output, standard error, exit code and the file's bytes.
final class QuickAppendTests: FundflowTestCase {
    let clean = [
        "2019-01-01 项目 P01 一号项目 单位=局机关",
        "2019-01-01 项目 P02 二号项目 单位=中心",
        "2019-03-01 下达 P01 100000.00 文号=承财社[2019]1号",
        "2019-03-02 支付 P01 20000.00 凭证=记-03-001",
        "2019-03-05 合同 P01 HT-1 30000.00 期限=2019-06-30",
    ]

    /// Runs `arguments` against a copy of `lines` both ways and compares everything.
    @discardableResult
    func assertBothWaysAgree(_ lines: [String]?, raw: [UInt8]? = nil, _ arguments: [String],
                             file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        func prepare(_ name: String) {
            if let raw { writeBytes(raw, to: name) } else if let lines { write(lines: lines, to: name) }
        }
        prepare("quick.journal")
        prepare("full.journal")
        let quick = try run(["-f", "quick.journal"] + arguments)
        let full = try run(["-f", "full.journal"] + arguments, environment: ["FUNDFLOW_LOADER": "full"])
        let shown = arguments.joined(separator: " ")
        XCTAssertEqual(quick.exitCode, full.exitCode, "\(shown)\nquick: \(quick.summary)\nfull: \(full.summary)", file: file, line: line)
        XCTAssertEqual(quick.stdout.replacingOccurrences(of: "quick.journal", with: "J"),
                       full.stdout.replacingOccurrences(of: "full.journal", with: "J"), shown, file: file, line: line)
        XCTAssertEqual(quick.stderr.replacingOccurrences(of: "quick.journal", with: "J"),
                       full.stderr.replacingOccurrences(of: "full.journal", with: "J"), shown, file: file, line: line)
        XCTAssertEqual(bytes("quick.journal"), bytes("full.journal"), "\(shown): the files differ", file: file, line: line)
        return quick
    }

    func testAcceptedEntriesAgree() throws {
        // 10万 allotted, 2万 paid: a 1万 payment leaves 7万 (worked out by hand).
        let paid = try assertBothWaysAgree(clean, ["pay", "P01", "1万", "--voucher", "记-03-002", "--date", "2019-03-10"])
        XCTAssertEqual(paid.exitCode, 0)
        XCTAssertTrue(paid.stdout.contains("第 6 行：2019-03-10 支付 P01 10000.00 凭证=记-03-002"), paid.summary)
        XCTAssertTrue(paid.stdout.contains("预算 10.00万元，已支付 3.00万元，可用余额 7.00万元"), paid.summary)
        try assertBothWaysAgree(clean, ["pay", "P01", "5000", "--contract", "HT-1", "--date", "2019-04-01"])
        try assertBothWaysAgree(clean, ["allot", "P02", "3万", "--doc", "D2", "--kind", "追加", "--date", "2019-02-01"])
        try assertBothWaysAgree(clean, ["project", "P03", "三号 项目", "--date", "2019-05-01"])
        try assertBothWaysAgree(clean, ["reverse", "P01", "100", "--of", "记-03-001", "--date", "2019-03-20"])
        try assertBothWaysAgree(clean, ["plan", "P01", "6月:50,12月:100", "--date", "2019-04-01"])
        // Back-dated but harmless: before the payment already recorded.
        try assertBothWaysAgree(clean, ["pay", "P01", "1000", "--date", "2019-03-01"])
    }

    func testRefusalsAndWarningsAgree() throws {
        // Over the 8万 left: refused, file untouched.
        let refused = try assertBothWaysAgree(clean, ["pay", "P01", "9万", "--date", "2019-03-10"])
        XCTAssertEqual(refused.exitCode, 1)
        XCTAssertEqual(bytes("quick.journal"), Array(journalText(clean).utf8))
        // Back-dated before the money arrived: makes the recorded payment overspend.
        try assertBothWaysAgree(clean, ["pay", "P01", "1", "--date", "2019-02-01"])
        // Same voucher in the same month: appended, with a warning only the full validator words.
        let warned = try assertBothWaysAgree(clean, ["pay", "P01", "1", "--voucher", "记-03-001", "--date", "2019-03-11"])
        XCTAssertEqual(warned.exitCode, 0)
        XCTAssertTrue(warned.stderr.contains("警告"), warned.summary)
        try assertBothWaysAgree(clean, ["pay", "P09", "1", "--date", "2019-03-11"])                     // unknown project
        try assertBothWaysAgree(clean, ["pay", "P01", "1", "--contract", "HT-9", "--date", "2019-03-11"]) // unknown contract
        try assertBothWaysAgree(clean, ["carry", "P01", "--all", "--year", "2019"])                       // --all: full path
    }

    func testJournalsTheQuickPathLeavesAlone() throws {
        // An error already in the journal: appended, with the note about the old error.
        let broken = clean + ["2019-03-03 支付 P01 99万"]
        let noted = try assertBothWaysAgree(broken, ["pay", "P01", "1", "--date", "2019-03-10"])
        XCTAssertTrue(noted.stderr.contains("早已存在的错误"), noted.summary)
        // A torn last line (no newline): mended and warned about.
        try assertBothWaysAgree(nil, raw: Array(journalText(clean).utf8) + Array("2019-03-04 支付 P01 1".utf8),
                                ["pay", "P01", "1", "--date", "2019-03-10"])
        // No journal yet: a project line creates it; a payment is refused and leaves no file.
        try? FileManager.default.removeItem(at: url("quick.journal"))
        let created = try run(["-f", "quick.journal", "project", "P01", "一号", "--date", "2019-01-01"])
        XCTAssertEqual(created.exitCode, 0, created.summary)
        XCTAssertEqual(text("quick.journal"), "2019-01-01 项目 P01 一号\n")
        try? FileManager.default.removeItem(at: url("quick.journal"))
        let refused = try run(["-f", "quick.journal", "pay", "P01", "1", "--date", "2019-01-01"])
        XCTAssertEqual(refused.exitCode, 1, refused.summary)
        XCTAssertNil(bytes("quick.journal"), "a refused first entry must leave no file")
    }
}
