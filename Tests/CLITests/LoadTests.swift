import Foundation
import XCTest

/// Issue 5, concurrent writers under load: P processes, each paying N times in a row, all P
/// at once, against a budget that affords exactly half of the payments. Exactly that many
/// land, each a whole line, and `check` is clean.
///
/// The full 8 × 200 takes about two minutes with the debug binary (each `pay` re-reads and
/// validates the growing journal), so `swift test` runs 8 × 25 against a budget of 100;
/// `scripts/load-test.sh` runs 8 × 200 against 800 on the release binary. Set
/// `FUNDFLOW_LOAD=8x200` to run the full size here.
final class LoadTests: FundflowTestCase {
    func testParallelWritersHoldTheBudgetExactly() throws {
        var processes = 8, payments = 25
        if let size = ProcessInfo.processInfo.environment["FUNDFLOW_LOAD"] {
            let parts = size.split(separator: "x").compactMap { Int($0) }
            if parts.count == 2, parts[0] > 0, parts[1] > 0 { processes = parts[0]; payments = parts[1] }
        }
        let affordable = processes * payments / 2
        let header = [
            "2019-01-01 项目 P01 一号项目",
            "2019-03-01 下达 P01 \(affordable).00 文号=A1",
        ]
        write(lines: header)

        let lock = NSLock()
        var results: [String: RunResult] = [:]
        var launchErrors: [String] = []
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: processes) { writer in
            for payment in 1...payments {
                let voucher = "W\(writer + 1)-\(payment)"
                do {
                    let result = try RunningFundflow(
                        ["-f", journal, "pay", "P01", "1", "--voucher", voucher, "--date", "2019-05-01"],
                        directory: directory, timeout: 120
                    ).finish()
                    lock.lock(); results[voucher] = result; lock.unlock()
                } catch {
                    lock.lock(); launchErrors.append("\(voucher): \(error)"); lock.unlock()
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(launchErrors, [])
        XCTAssertEqual(results.count, processes * payments)

        var accepted: Set<String> = []
        for (voucher, result) in results {
            XCTAssertFalse(result.signaled, result.summary)
            switch result.exitCode {
            case 0:
                XCTAssertTrue(result.stdout.contains("已记入"), result.summary)
                accepted.insert(voucher)
            case 1:
                XCTAssertTrue(result.stderr.contains("超支"), "a refusal must be for overspending\n\(result.summary)")
                XCTAssertFalse(result.stdout.contains("已记入"), result.summary)
            default:
                XCTFail("unexpected exit\n\(result.summary)")
            }
        }
        XCTAssertEqual(accepted.count, affordable, "exactly \(affordable) payments fit in the budget")

        let expected = Set(results.keys.map { "2019-05-01 支付 P01 1.00 凭证=\($0)" })
        let audit = JournalAudit(bytes: bytes() ?? [], header: header, expected: expected)
        XCTAssertNil(audit.tornTail, "the journal must end in a whole line")
        XCTAssertEqual(Array(audit.lines.prefix(header.count)), header)
        XCTAssertEqual(audit.strangers, [])
        XCTAssertEqual(audit.duplicates, [])
        XCTAssertEqual(
            Set(audit.counts.keys), Set(accepted.map { "2019-05-01 支付 P01 1.00 凭证=\($0)" }),
            "the journal holds exactly the payments reported as recorded")
        XCTAssertEqual(audit.lines.count, header.count + affordable)

        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 0, check.summary)
        XCTAssertEqual(check.stderr, "", check.summary)
        XCTAssertTrue(check.stdout.contains("\(header.count + affordable) 笔分录"), check.summary)
        print(
            String(
                format: "LoadTests: %d processes × %d payments against %d: %d landed, %d refused, %.1f s",
                processes, payments, affordable, accepted.count, results.count - accepted.count, seconds))
    }
}
