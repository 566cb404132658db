import Foundation
import XCTest

/// §2: "Two accountants paying from the same budget at the same moment can never overspend
/// it." Many real `fundflow` processes race for one journal.
final class ConcurrencyTests: FundflowTestCase {
    /// Starts every command before waiting for any of them, then collects them all.
    func runTogether(_ commands: [[String]]) throws -> [RunResult] {
        let started = try commands.map { try RunningFundflow($0, directory: directory) }
        return started.map { $0.finish() }
    }

    func testRacingPaymentsNeverOverspend() throws {
        let header = journalText([
            "2019-01-01 项目 P01 一号项目",
            "2019-03-01 下达 P01 100000.00 文号=A1",
        ])
        write(header)
        // 10万 affords exactly ten payments of 1万; sixteen processes try at once.
        let processes = 16, affordable = 10
        let vouchers = (1...processes).map { "C\($0)" }
        let results = try runTogether(vouchers.map { ["-f", journal, "pay", "P01", "1万", "--voucher", $0, "--date", "2019-05-01"] })

        var accepted: Set<String> = []
        for (voucher, result) in zip(vouchers, results) {
            XCTAssertFalse(result.signaled, result.summary)
            XCTAssertTrue(result.exitCode == 0 || result.exitCode == 1, result.summary)
            if result.exitCode == 0 {
                accepted.insert(voucher)
            } else {
                XCTAssertTrue(result.stderr.contains("超支"), "a refused payment must be refused for overspending\n\(result.summary)")
            }
        }
        XCTAssertEqual(accepted.count, affordable, "exactly \(affordable) payments fit in the budget")
        XCTAssertEqual(results.filter { $0.exitCode == 1 }.count, processes - affordable)

        // The journal is the header plus exactly the accepted lines, each whole, in some order.
        let after = text()
        XCTAssertTrue(after.hasPrefix(header), "the existing lines must be untouched")
        let added = after.dropFirst(header.count)
        XCTAssertTrue(added.hasSuffix("\n"))
        let lines = added.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        XCTAssertEqual(lines.count, affordable, after)
        XCTAssertEqual(Set(lines), Set(accepted.map { "2019-05-01 支付 P01 10000.00 凭证=\($0)" }), after)

        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 0, check.summary)
        XCTAssertEqual(check.stderr, "", check.summary)
    }

    func testRacingCarryAllWritesTheBalanceOnce() throws {
        write(lines: [
            "2019-01-01 项目 P01 一号项目",
            "2019-03-01 下达 P01 12345.67 文号=A1",
        ])
        let results = try runTogether(Array(repeating: ["-f", journal, "carry", "P01", "--all", "--year", "2019"], count: 6))
        XCTAssertEqual(results.filter { $0.exitCode == 0 }.count, 1, results.map(\.summary).joined(separator: "\n"))
        XCTAssertEqual(results.filter { $0.exitCode == 1 }.count, 5)
        XCTAssertEqual(
            text(),
            journalText([
                "2019-01-01 项目 P01 一号项目",
                "2019-03-01 下达 P01 12345.67 文号=A1",
                "2019-12-31 结转 P01 12345.67",
            ]))
    }

    func testRacingWritersOnAMissingFile() throws {
        // Four declare projects while four make entries that are refused (unknown project):
        // a refused writer that created the file must not remove it under an accepted one.
        var commands: [[String]] = []
        for index in 1...4 {
            commands.append(["-f", journal, "project", "P0\(index)", "项目\(index)", "--date", "2019-01-01"])
            commands.append(["-f", journal, "pay", "X0\(index)", "1", "--date", "2019-01-01"])
        }
        let results = try runTogether(commands)
        for (command, result) in zip(commands, results) {
            XCTAssertFalse(result.signaled, result.summary)
            XCTAssertEqual(result.exitCode, command[2] == "project" ? 0 : 1, "\(command)\n\(result.summary)")
        }
        let lines = text().split(separator: "\n").map(String.init)
        XCTAssertEqual(Set(lines), Set((1...4).map { "2019-01-01 项目 P0\($0) 项目\($0)" }))
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(text().hasSuffix("\n"))
    }
}
