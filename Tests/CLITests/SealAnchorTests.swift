import Foundation
import XCTest

/// A seal is anchored outside the file (spec §1 "Sealing"): `seal` prints its 校验码 (the first
/// 16 hex digits of the hash) for the signed paper register, and `check --seal 校验码` fails
/// unless the journal still holds a valid seal with that code. The four ways around a seal
/// that lives only in the file are each caught.
final class SealAnchorTests: FundflowTestCase {
    let history = [
        "2019-01-01 项目 P01 一号项目",
        "2019-03-01 下达 P01 100000.00 文号=A1",
        "2019-04-10 支付 P01 20000.00 凭证=V1",
    ]

    /// Seals the journal through `date` and returns the 校验码 the command printed, checked
    /// against an independent SHA-256 of the preceding bytes and the date.
    func sealCode(through date: String) throws -> String {
        let preceding = bytes() ?? []
        let result = try run(["-f", journal, "seal", "--through", date])
        XCTAssertEqual(result.exitCode, 0, result.summary)
        let expected = String(TestSHA256.hex(preceding + Array(date.utf8)).prefix(16))
        XCTAssertTrue(result.stdout.contains("校验码：\(expected)（封账至 \(date)）"), result.summary)
        return expected
    }

    func testCheckSealPassesForTheSealAndFailsForAnyOtherCode() throws {
        write(lines: history)
        let code = try sealCode(through: "2019-06-30")
        XCTAssertEqual(try run(["-f", journal, "check", "--seal", code]).exitCode, 0)
        XCTAssertEqual(try run(["-f", journal, "check", "--seal", code.uppercased()]).exitCode, 0, "either case, as copied by hand")
        let wrong = try run(["-f", journal, "check", "--seal", "0123456789abcdef"])
        XCTAssertEqual(wrong.exitCode, 1, wrong.summary)
        XCTAssertTrue(wrong.stderr.contains("日记账中没有校验码为 0123456789abcdef 的有效封账"), wrong.summary)
        let malformed = try run(["-f", journal, "check", "--seal", "12345"])
        XCTAssertEqual(malformed.exitCode, 2, "a 校验码 is 16 hex digits: a command-line mistake\n\(malformed.summary)")
    }

    /// Bypass 1: moving the seal's date (to reopen a period) breaks its hash, which covers the date.
    func testMovingASealsDateIsCaught() throws {
        write(lines: history)
        let code = try sealCode(through: "2019-06-30")
        write(text().replacingOccurrences(of: "2019-06-30 封账", with: "2019-04-30 封账"))
        let check = try run(["-f", journal, "check", "--seal", code])
        XCTAssertEqual(check.exitCode, 1, check.summary)
        XCTAssertTrue(check.stderrLines.contains { $0.hasPrefix("j.journal:4:15: 错误: 封账校验失败") }, check.summary)
    }

    /// Bypass 2: deleting the last seal line leaves a journal that checks clean — but not
    /// against the code on paper.
    func testDeletingTheSealIsCaughtByItsCode() throws {
        write(lines: history)
        let code = try sealCode(through: "2019-06-30")
        write(lines: history)
        XCTAssertEqual(try run(["-f", journal, "check"]).exitCode, 0, "the file alone cannot tell")
        let anchored = try run(["-f", journal, "check", "--seal", code])
        XCTAssertEqual(anchored.exitCode, 1, anchored.summary)
        XCTAssertTrue(anchored.stdout.contains("检查未通过"), anchored.summary)
    }

    /// Bypass 3: editing sealed history and writing a fresh, correct hash gives a valid seal —
    /// with another code than the one on paper.
    func testEditingHistoryAndResealingIsCaughtByItsCode() throws {
        write(lines: history)
        let code = try sealCode(through: "2019-06-30")
        write(lines: history.map { $0.replacingOccurrences(of: "20000.00", with: "2000.00") })
        let other = try sealCode(through: "2019-06-30")
        XCTAssertNotEqual(other, code)
        XCTAssertEqual(try run(["-f", journal, "check", "--seal", other]).exitCode, 0)
        XCTAssertEqual(try run(["-f", journal, "check", "--seal", code]).exitCode, 1)
    }

    /// Bypass 4: a back-dated entry in a file listed before the sealed file is covered by no
    /// seal: an error, whatever the order of the files.
    func testABackDatedEntryInAnEarlierFileIsCaught() throws {
        write(lines: ["2019-05-01 支付 P01 1.00 凭证=V9"], to: "early.journal")
        write(lines: history)
        _ = try sealCode(through: "2019-06-30")
        for order in [["early.journal", journal], [journal, "early.journal"]] {
            let check = try run(["-f", order[0], "-f", order[1], "check"])
            XCTAssertEqual(check.exitCode, 1, check.summary)
            XCTAssertTrue(
                check.stderrLines.contains { $0.hasPrefix("early.journal:1:1: 错误: 2019-05-01 已封账（j.journal 第 4 行封账至 2019-06-30）") },
                check.summary)
        }
    }

    /// Every human report's foot names the latest valid seal and its 校验码.
    func testReportsShowTheLatestSealsCode() throws {
        write(lines: history)
        let code = try sealCode(through: "2019-06-30")
        let report = try run(["-f", journal, "report", "monthly", "--month", "2019-06"])
        XCTAssertEqual(report.exitCode, 0, report.summary)
        XCTAssertTrue(report.stdout.contains(code), report.summary)
    }
}
