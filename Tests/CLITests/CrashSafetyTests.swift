import TestSupport
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 5, crash safety (the fast subset; `scripts/crash-test.sh` is the long run): writers
/// SIGKILLed at random moments lose nothing that was reported as recorded, and after the next
/// command (which rolls back an unfinished write, issue 11) no line is torn. A torn last line
/// that fundflow did not write (a hand edit, another program) is named by `check`.
final class CrashSafetyTests: FundflowTestCase {
    let header = [
        "2019-01-01 项目 P01 一号项目",
        "2019-03-01 下达 P01 1000000.00 文号=A1",
    ]

    func paymentLine(_ voucher: String) -> String { "2019-05-01 支付 P01 1.00 凭证=\(voucher)" }

    func testWritersKilledAtRandomLoseNothing() throws {
        guard let timeoutTool = systemTool("timeout") else { throw XCTSkip("coreutils timeout not found") }
        let seed = ProcessInfo.processInfo.environment["FUNDFLOW_CRASH_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max)
        print("CrashSafetyTests seed: \(seed)  (rerun with FUNDFLOW_CRASH_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        write(lines: header)

        // 20 writers in waves of 5 racing for the lock; 3 in 4 get a SIGKILL after 0–60 ms
        // (a debug `pay` takes ~25 ms alone), the rest run to the end.
        let writers = 20, wave = 5
        var outcomes: [(voucher: String, killAfter: Double?, result: RunResult)] = []
        for start in stride(from: 0, to: writers, by: wave) {
            var running: [(String, Double?, WrappedFundflow)] = []
            for index in start..<min(start + wave, writers) {
                let voucher = "K\(index + 1)"
                let killAfter: Double? = random.next() % 4 == 0 ? nil : Double(random.next() % 61) / 1000
                // --foreground: timeout SIGKILLs only fundflow (not its own process group) and exits 137.
                let wrapper = [timeoutTool, "--foreground", "-s", "KILL", killAfter.map { String(format: "%.3f", $0) } ?? "60"]
                running.append(
                    (
                        voucher, killAfter,
                        try WrappedFundflow(
                            wrapper: wrapper, ["-f", journal, "pay", "P01", "1", "--voucher", voucher, "--date", "2019-05-01"],
                            directory: directory)
                    ))
            }
            for (voucher, killAfter, process) in running { outcomes.append((voucher, killAfter, process.finish())) }
        }

        var accepted: [String] = [], unknown: [String] = []
        for (voucher, killAfter, result) in outcomes {
            let killed = result.exitCode == 137 || result.exitCode == 124 || (result.signaled && result.exitCode == SIGKILL)
            if result.stdout.contains("已记入") {
                XCTAssertTrue(result.exitCode == 0 || killed, result.summary)
                accepted.append(voucher)
            } else if killed {
                XCTAssertNotNil(killAfter, "only the writers meant to be killed may die\n\(result.summary)")
                unknown.append(voucher)
            } else {
                XCTFail("writer \(voucher) neither recorded nor was killed\n\(result.summary)")
            }
        }

        // The next command rolls back a write a killed writer left unfinished (issue 11).
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 0, check.summary)
        XCTAssertTrue(check.stderrLines.allSatisfy { $0.hasPrefix("fundflow: 已恢复: ") }, check.summary)

        let expected = Set((1...writers).map { paymentLine("K\($0)") })
        let audit = JournalAudit(bytes: bytes() ?? [], header: header, expected: expected)
        XCTAssertEqual(Array(audit.lines.prefix(header.count)), header, "the existing lines must be untouched")
        XCTAssertEqual(audit.strangers, [], "every whole line must be a header line or a whole payment")
        XCTAssertEqual(audit.duplicates, [], "no payment may land twice")
        let lost = accepted.filter { audit.counts[paymentLine($0)] != 1 }
        XCTAssertEqual(lost, [], "every payment reported as recorded must be in the journal exactly once (seed \(seed))")
        let unknownLanded = unknown.filter { audit.counts[paymentLine($0)] == 1 }.count

        XCTAssertNil(audit.tornTail, "no torn line is left once the next command has run")
        XCTAssertEqual(try ff("check").stderr, "", "nothing more to say")
        // Nobody left the lock held: the next writer goes straight through.
        let after = try ff("pay", "P01", "1", "--voucher", "AFTER", "--date", "2019-05-02")
        XCTAssertEqual(after.exitCode, 0, after.summary)
        print(
            "CrashSafetyTests: \(writers) writers, \(outcomes.filter { $0.killAfter != nil }.count) kill timers, "
                + "\(accepted.count) reported recorded (lost \(lost.count)), \(unknown.count) killed before reporting "
                + "(\(unknownLanded) of them landed), torn lines \(audit.tornTail == nil ? 0 : 1)")
    }

    // MARK: A torn line, as a crash outside fundflow could leave it

    func testCheckNamesATornLastLine() throws {
        // The tail of an interrupted write: a payment cut short (still a valid entry!).
        write(journalText(header) + "2019-05-01 支付 P01 1")
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 0, "a torn line that still parses is a warning\n\(check.summary)")
        XCTAssertTrue(check.stderr.hasPrefix("j.journal:3:1: 警告: 文件最后一行没有换行符"), check.summary)
        XCTAssertTrue(check.stderr.contains("（原文：2019-05-01 支付 P01 1）"), check.summary)
        // The fragment also lacks a voucher (it was cut before 凭证=): a second warning.
        XCTAssertTrue(check.stderrLines.contains { $0.hasPrefix("j.journal:3:1: 警告: 这笔支付没有凭证号") }, check.summary)
        XCTAssertTrue(check.stdout.contains("2 个警告"), check.summary)

        // Cut inside a quoted value: an error at the line, and the warning too.
        write(journalText(header) + "2019-05-01 支付 P01 1.00 摘要=\"办公")
        let broken = try ff("check")
        XCTAssertEqual(broken.exitCode, 1, broken.summary)
        XCTAssertTrue(broken.stderrLines.contains { $0.hasPrefix("j.journal:3:") && $0.contains(": 错误: ") }, broken.summary)
        XCTAssertTrue(broken.stderrLines.contains { $0.hasPrefix("j.journal:3:1: 警告: 文件最后一行没有换行符") }, broken.summary)

        // The accountant deletes the fragment and check is clean again.
        write(lines: header)
        let mended = try ff("check")
        XCTAssertEqual(mended.exitCode, 0, mended.summary)
        XCTAssertEqual(mended.stderr, "", mended.summary)
    }

    func testAppendAfterATornLineSaysWhatItMended() throws {
        // A broken fragment (cut inside a quoted memo): the append mends it, goes through, and
        // names the fragment's line.
        let fragment = "2019-05-01 支付 P01 1.00 摘要=\"办公"
        write(journalText(header) + fragment)
        let result = try ff("pay", "P01", "2", "--voucher", "V2", "--date", "2019-05-02")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(text(), journalText(header + [fragment, "2019-05-02 支付 P01 2.00 凭证=V2"]))
        XCTAssertTrue(result.stderr.hasPrefix("j.journal:3:1: 警告: 这一行原先没有换行符且有错误"), result.summary)
        XCTAssertTrue(result.stdout.contains("第 4 行"), result.summary)
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 1, check.summary)
        XCTAssertTrue(check.stderr.hasPrefix("j.journal:3:"), check.summary)
        // Deleting the fragment mends the journal.
        write(journalText(header + ["2019-05-02 支付 P01 2.00 凭证=V2"]))
        XCTAssertEqual(try ff("check").stderr, "")

        // A fragment that still reads as an entry is mended silently, like a hand-edited last
        // line without its newline (spec §2); `check` named it before the append.
        write(journalText(header) + "2019-05-01 支付 P01 1")
        let quiet = try ff("pay", "P01", "2", "--voucher", "V3", "--date", "2019-05-02")
        XCTAssertEqual(quiet.exitCode, 0, quiet.summary)
        XCTAssertEqual(quiet.stderr, "", quiet.summary)
    }

    func testEveryFileOfAJournalIsCheckedForATornLine() throws {
        write(lines: header, to: "a.journal")
        write("2019-05-01 支付 P01 1.00 凭证=V1\n2019-05-02 支付 P01 1", to: "b.journal")
        let check = try run(["-f", "a.journal", "-f", "b.journal", "check"])
        XCTAssertEqual(check.exitCode, 0, check.summary)
        XCTAssertEqual(check.stderrLines.count, 2, check.summary)  // and the fragment has no voucher
        XCTAssertTrue(check.stderr.hasPrefix("b.journal:2:1: 警告: 文件最后一行没有换行符"), check.summary)
    }
}
