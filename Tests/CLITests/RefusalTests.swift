import Foundation
import XCTest

/// §2: "Each command validates the new entry against the whole journal and appends exactly
/// one line, or changes nothing and explains why (exit 1); a refusal speaks of *this* entry
/// ("本笔支付…")". Every refusal below must leave the journal byte-identical; a problem with
/// the new entry names no line (its line does not exist), one at an existing line that a
/// back-dated entry breaks names that line and says the new entry causes it.
final class RefusalTests: FundflowTestCase {
    /// P01: budget 10万, paid 4万 (V1 2万 against HT1, V2 twice 1万), available 6万.
    /// HT1 (3万) has 1万 unpaid. P02: budget 5万, nothing paid. New lines are line 9.
    let base = [
        "2019-01-01 项目 P01 一号项目",
        "2019-01-01 项目 P02 二号项目",
        "2019-03-01 下达 P01 100000.00 文号=A1",
        "2019-03-01 下达 P02 50000.00 文号=A2",
        "2019-04-01 合同 P01 HT1 30000.00",
        "2019-04-10 支付 P01 20000.00 凭证=V1 合同=HT1",
        "2019-05-10 支付 P01 10000.00 凭证=V2",
        "2019-06-10 支付 P01 10000.00 凭证=V2",
    ]

    override func setUpWithError() throws {
        try super.setUpWithError()
        write(lines: base)
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 0, "the base journal must be valid\n\(check.summary)")
    }

    func refuse(_ arguments: String..., expect prefix: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let lineCount = text().split(separator: "\n").count
        let result = try assertRefused(["-f", journal] + arguments, diagnostics: [prefix], file: file, line: line)
        XCTAssertTrue(result.stderr.contains("未写入"), "the refusal must say nothing was written\n\(result.summary)", file: file, line: line)
        XCTAssertFalse(result.stderr.contains("j.journal:\(lineCount + 1):"), "a line that does not exist is never cited\n\(result.summary)", file: file, line: line)
    }

    func testOverspendIsRefusedAndTheExactBalanceIsAllowed() throws {
        try refuse(
            "pay", "P01", "60000.01", "--date", "2019-07-01",
            expect: "fundflow: 错误: 超支：项目“P01”在 2019-07-01 的可用余额为 6.00万元，本笔支付 6.000001万元，超出 0.000001万元")
        try refuse(
            "pay", "P02", "5.01万", "--date", "2019-07-01",
            expect: "fundflow: 错误: 超支：项目“P02”在 2019-07-01 的可用余额为 5.00万元，本笔支付 5.01万元，超出 0.01万元")
        // Money of another year is not available: P01 has no 2020 budget.
        try refuse(
            "pay", "P01", "1", "--date", "2020-01-02",
            expect: "fundflow: 错误: 超支：项目“P01”在 2020-01-02 的可用余额为 0.00万元")
        try assertAppends(["-f", journal, "pay", "P01", "6万", "--date", "2019-07-01"], line: "2019-07-01 支付 P01 60000.00")
    }

    func testUnknownProject() throws {
        try refuse("pay", "P09", "1", "--date", "2019-07-01", expect: "fundflow: 错误: 本笔支付的项目“P09”尚未声明（是不是“P01”？）：请先声明该项目，例如 fundflow project P09 项目名称 --unit 单位；或核对项目编号（本笔分录：2019-07-01 支付 P09 1.00）")
        try refuse("allot", "P9", "1", "--doc", "X", "--date", "2019-07-01", expect: "fundflow: 错误: 本笔下达的项目“P9”尚未声明")
        try refuse("plan", "Q01", "12月:100", "--date", "2019-07-01", expect: "fundflow: 错误: 本条支出计划的项目“Q01”尚未声明")
    }

    func testDuplicateProjectAndContract() throws {
        try refuse("project", "P01", "又一个", "--date", "2019-07-01", expect: "fundflow: 错误: 本条项目声明：项目“P01”重复声明（第 1 行已声明）")
        try refuse(
            "contract", "P02", "HT1", "1万", "--date", "2019-07-01",
            expect: "fundflow: 错误: 本条合同登记：合同编号“HT1”已在第 5 行登记（项目“P01”）")
    }

    func testReduceBelowPaid() throws {
        try refuse(
            "reduce", "P01", "60000.01", "--doc", "R1", "--date", "2019-07-01",
            expect: "fundflow: 错误: 调减过多：项目“P01”2019 年预算 10.00万元，已支付 4.00万元，最多还能调减 6.00万元，本笔调减 6.000001万元")
        try assertAppends(
            ["-f", journal, "reduce", "P01", "60000", "--doc", "R1", "--date", "2019-07-01"],
            line: "2019-07-01 调减 P01 60000.00 文号=R1")
    }

    func testContractProblems() throws {
        try refuse("pay", "P01", "1000", "--contract", "HT9", "--date", "2019-07-01", expect: "fundflow: 错误: 本笔支付所填的合同“HT9”尚未登记（是不是“HT1”？）：请先登记合同，例如 fundflow contract P01 HT9 合同金额 --date 2019-07-01（登记日期不能晚于支付日期）；或核对合同编号")
        try refuse(
            "pay", "P02", "1000", "--contract", "HT1", "--date", "2019-07-01",
            expect: "fundflow: 错误: 本笔支付：合同“HT1”属于项目“P01”，不属于“P02”")
        try refuse(
            "pay", "P01", "10000.01", "--contract", "HT1", "--date", "2019-07-01",
            expect: "fundflow: 错误: 合同“HT1”将被超付：合同金额 3.00万元，已付 2.00万元，尚未支付 1.00万元，本笔支付 1.000001万元")
        // A contract signed after the payment date does not exist yet at that date.
        try refuse("pay", "P01", "1000", "--contract", "HT1", "--date", "2019-03-31", expect: "fundflow: 错误: 本笔支付所填的合同“HT1”尚未登记")
        try assertAppends(
            ["-f", journal, "pay", "P01", "1万", "--contract", "HT1", "--date", "2019-07-01"],
            line: "2019-07-01 支付 P01 10000.00 合同=HT1")
        // Now fully paid.
        try refuse(
            "pay", "P01", "0.01", "--contract", "HT1", "--date", "2019-07-02",
            expect: "fundflow: 错误: 合同“HT1”将被超付：合同金额 3.00万元，已付 3.00万元，尚未支付 0.00万元")
    }

    func testReverseProblems() throws {
        try refuse(
            "reverse", "P01", "100", "--of", "V7", "--date", "2019-07-01",
            expect: "fundflow: 错误: 本笔冲销：项目“P01”在 2019-07-01 之前没有凭证号为“V7”的支付")
        // V1 belongs to P01, not P02.
        try refuse(
            "reverse", "P02", "100", "--of", "V1", "--date", "2019-07-01",
            expect: "fundflow: 错误: 本笔冲销：项目“P02”在 2019-07-01 之前没有凭证号为“V1”的支付")
        // Dated before the payment it reverses.
        try refuse(
            "reverse", "P01", "100", "--of", "V1", "--date", "2019-04-09",
            expect: "fundflow: 错误: 本笔冲销：项目“P01”在 2019-04-09 之前没有凭证号为“V1”的支付")
        try refuse(
            "reverse", "P01", "100", "--of", "V2", "--date", "2019-07-01",
            expect: "fundflow: 错误: 本笔冲销：凭证号“V2”在项目“P01”下有多笔支付（2019-05-10、2019-06-10）")
        try refuse(
            "reverse", "P01", "100", "--of", "V2", "--of-date", "2019-05-11", "--date", "2019-07-01",
            expect: "fundflow: 错误: 本笔冲销：项目“P01”在 2019-05-11 没有凭证号为“V2”的支付（该凭证的支付日期为 2019-05-10、2019-06-10）")
        try refuse(
            "reverse", "P01", "10000.01", "--of", "V2", "--of-date", "2019-06-10", "--date", "2019-07-01",
            expect: "fundflow: 错误: 冲销金额超过原支付：凭证“V2”原支付 1.00万元，已冲销 0.00万元，最多还能冲销 1.00万元，本笔冲销 1.000001万元")
        try assertAppends(
            ["-f", journal, "reverse", "P01", "5000", "--of", "V1", "--date", "2019-07-01"],
            line: "2019-07-01 冲销 P01 5000.00 原凭证=V1")
        try refuse(
            "reverse", "P01", "15000.01", "--of", "V1", "--date", "2019-07-02",
            expect: "fundflow: 错误: 冲销金额超过原支付：凭证“V1”原支付 2.00万元，已冲销 0.50万元，最多还能冲销 1.50万元，本笔冲销 1.500001万元")
        try assertAppends(
            ["-f", journal, "reverse", "P01", "1万", "--of", "V2", "--of-date", "2019-06-10", "--date", "2019-07-02"],
            line: "2019-07-02 冲销 P01 10000.00 原凭证=V2 原日期=2019-06-10")
    }

    func testCarryAndLapseBeyondAvailable() throws {
        try refuse(
            "carry", "P01", "60000.01", "--year", "2019",
            expect: "fundflow: 错误: 结转金额超过余额：项目“P01”2019 年末可用余额为 6.00万元，本笔结转 6.000001万元")
        try refuse(
            "lapse", "P01", "60000.01", "--date", "2019-07-01",
            expect: "fundflow: 错误: 收回金额超过余额：项目“P01”在 2019-07-01 的可用余额为 6.00万元，本笔收回 6.000001万元")
        // A lapse dated before the payments sees the balance of its own date: 10万 − 2万.
        try refuse(
            "lapse", "P01", "80000.01", "--date", "2019-05-01",
            expect: "fundflow: 错误: 收回金额超过余额：项目“P01”在 2019-05-01 的可用余额为 8.00万元")
    }

    func testControlCharactersInValuesAreRefused() throws {
        // A value that cannot be written on a journal line is a command-line error (exit 2).
        try assertExit(2, ["-f", journal, "pay", "P01", "1", "--memo", "第一行\n第二行", "--date", "2019-07-01"], stderrContains: "不能含换行")
        try assertExit(2, ["-f", journal, "project", "P03", "名称\u{7}", "--date", "2019-07-01"])
    }
}

/// A back-dated entry is judged against everything dated after it, too.
final class BackDatedTests: FundflowTestCase {
    /// Budget 10万; an 8万 payment on 06-01.
    let base = [
        "2019-01-01 项目 P01 一号项目",
        "2019-03-01 下达 P01 100000.00 文号=A1",
        "2019-06-01 支付 P01 80000.00 凭证=V1",
    ]

    func testBackDatedPaymentThatMakesALaterPaymentOverspendIsRefused() throws {
        write(lines: base)
        // 3万 on 05-01 is affordable then, but leaves only 7万 for the existing 8万 on 06-01.
        let result = try assertRefused(
            ["-f", journal, "pay", "P01", "3万", "--date", "2019-05-01"],
            diagnostics: ["j.journal:3:19: 错误: 本笔支付（2019-05-01）的日期在这一行之前，记入后这一行将出错：超支：项目“P01”在 2019-06-01 的可用余额为 7.00万元，该行支付 8.00万元，超出 1.00万元。请核对金额，或先录入追加下达（fundflow allot P01 金额 --doc 文号 --kind 追加）（原文：2019-06-01 支付 P01 80000.00 凭证=V1）"])
        XCTAssertFalse(result.stderrLines.contains { $0.hasPrefix("j.journal:4:") }, "the new line itself is fine\n\(result.summary)")
        // 2万 leaves exactly 8万: accepted.
        try assertAppends(["-f", journal, "pay", "P01", "2万", "--date", "2019-05-01"], line: "2019-05-01 支付 P01 20000.00")
        // Now not a fen may leave before 06-01, by any verb.
        try assertRefused(
            ["-f", journal, "reduce", "P01", "0.01", "--doc", "R1", "--date", "2019-03-02"],
            diagnostics: ["j.journal:3:19: 错误: 本笔调减（2019-03-02）的日期在这一行之前，记入后这一行将出错：超支：项目“P01”在 2019-06-01 的可用余额为 7.999999万元"])
        try assertRefused(["-f", journal, "lapse", "P01", "0.01", "--date", "2019-04-01"], diagnostics: ["j.journal:3:19: 错误: 本笔收回（2019-04-01）的日期在这一行之前，记入后这一行将出错：超支"])
        try assertRefused(["-f", journal, "pay", "P01", "0.01", "--date", "2019-01-15"], diagnostics: [])
        // After 06-01 nothing is left either.
        try assertRefused(["-f", journal, "pay", "P01", "0.01", "--date", "2019-06-02"], diagnostics: ["fundflow: 错误: 超支"])
        XCTAssertEqual(try ff("check").exitCode, 0)
    }

    func testBackDatedReversalThatStarvesALaterReversalIsRefused() throws {
        write(lines: base + ["2019-07-01 冲销 P01 50000.00 原凭证=V1"])
        // Reversing 3.00001万 of V1 on 06-15 leaves less than 5万 for the reversal of 07-01.
        try assertRefused(
            ["-f", journal, "reverse", "P01", "30000.01", "--of", "V1", "--date", "2019-06-15"],
            diagnostics: ["j.journal:4:19: 错误: 本笔冲销（2019-06-15）的日期在这一行之前，记入后这一行将出错：冲销金额超过原支付：凭证“V1”原支付 8.00万元，已冲销 3.000001万元，最多还能冲销 4.999999万元"])
        try assertAppends(
            ["-f", journal, "reverse", "P01", "3万", "--of", "V1", "--date", "2019-06-15"],
            line: "2019-06-15 冲销 P01 30000.00 原凭证=V1")
    }
}

/// A refused first entry on a missing file leaves no file behind.
final class MissingFileRefusalTests: FundflowTestCase {
    func testRefusedFirstEntryLeavesNoFile() throws {
        try assertRefused(["-f", journal, "pay", "P01", "1", "--date", "2019-01-01"], diagnostics: ["fundflow: 错误: 本笔支付的项目“P01”尚未声明：请先声明该项目，例如 fundflow project P01 项目名称 --unit 单位；或核对项目编号（本笔分录：2019-01-01 支付 P01 1.00）"])
        XCTAssertFalse(exists(journal))
        try assertRefused(["-f", journal, "carry", "P01", "--all", "--year", "2019"], diagnostics: [])
        XCTAssertFalse(exists(journal))
        try assertExit(2, ["-f", journal, "pay", "P01", "1.2345678万", "--date", "2019-01-01"])  // malformed: exit 2
        XCTAssertFalse(exists(journal))
        try assertExit(2, ["-f", journal, "set", "--warn-gap", "101", "--date", "2019-01-01"])
        XCTAssertFalse(exists(journal))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "no stray files either")
    }

    func testRefusalOnAnExistingEmptyFileKeepsIt() throws {
        write("")
        try assertRefused(["-f", journal, "pay", "P01", "1", "--date", "2019-01-01"], diagnostics: ["fundflow: 错误: 本笔支付的项目“P01”尚未声明"])
        XCTAssertTrue(exists(journal), "an existing empty journal is left as it was, not removed")
        XCTAssertEqual(bytes(), [])
    }
}

/// After a seal dated D, nothing may be dated on or before D.
final class SealedPeriodTests: FundflowTestCase {
    func testEntriesInsideASealedPeriodAreRefused() throws {
        let history = journalText([
            "2019-01-01 项目 P01 一号项目",
            "2019-03-01 下达 P01 100000.00 文号=A1",
            "2019-04-10 支付 P01 20000.00 凭证=V1",
        ])
        write(history + "2019-06-30 封账 sha256=\(TestSHA256.hex(history + "2019-06-30"))\n")
        XCTAssertEqual(try ff("check").exitCode, 0)
        try assertRefused(
            ["-f", journal, "pay", "P01", "1000", "--date", "2019-06-30"],
            diagnostics: ["fundflow: 错误: 本笔支付：2019-06-30 已封账（第 4 行封账至 2019-06-30）"])
        try assertRefused(
            ["-f", journal, "reverse", "P01", "100", "--of", "V1", "--date", "2019-05-01"],
            diagnostics: ["fundflow: 错误: 本笔冲销：2019-05-01 已封账"])
        try assertRefused(
            ["-f", journal, "project", "P02", "二号项目", "--date", "2019-01-01"],
            diagnostics: ["fundflow: 错误: 本条项目声明：2019-01-01 已封账"])
        try assertRefused(["-f", journal, "carry", "P01", "1", "--year", "2018"], diagnostics: ["fundflow: 错误: 本笔结转：2018-12-31 已封账"])
        try assertRefused(["-f", journal, "seal", "--through", "2019-06-30"], diagnostics: ["fundflow: 错误: 本条封账：2019-06-30 已封账"])
        try assertRefused(["-f", journal, "seal", "--through", "2019-01-31"], diagnostics: ["fundflow: 错误: 本条封账：2019-01-31 已封账"])
        // The day after is open; the correction of a sealed payment is a later reversal.
        try assertAppends(
            ["-f", journal, "reverse", "P01", "100", "--of", "V1", "--date", "2019-07-01"],
            line: "2019-07-01 冲销 P01 100.00 原凭证=V1")
        XCTAssertEqual(try ff("check").exitCode, 0)
    }
}

/// Appending to a journal that already has errors: only the errors the new line brings refuse
/// it. The checker judges the journal with and without the new line in one run (from the new
/// line's date on, again from the balances as they stood there), so an old error dated after
/// the new line must not be mistaken for a new one, and an error the new line causes on an old
/// line must not be mistaken for an old one.
final class AppendToAJournalWithErrorsTests: FundflowTestCase {
    /// P01: budget 10万; 8万 paid on 06-01. Line 5 overspends (an old error, dated 07-01:
    /// after every new line below); line 6 names an unknown project (an old error, the reader's).
    let base = [
        "2019-01-01 项目 P01 一号项目",
        "2019-03-01 下达 P01 100000.00 文号=A1",
        "2019-06-01 支付 P01 80000.00 凭证=V1",
        "2019-07-01 支付 P01 1000000.00 凭证=V2",
        "2019-07-02 支付 P01 1000000.00 凭证=V3",
        "2019-07-03 支付 P99 1.00 凭证=V4",
    ]

    override func setUpWithError() throws {
        try super.setUpWithError()
        write(lines: base)
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 1, "the base journal has errors\n\(check.summary)")
    }

    func testANewLineBeforeAnOldErrorIsAppended() throws {
        // 05-01 comes before the old overspends of 07-01/07-02 in date order: they are judged
        // again after it, and are the same errors as before.
        let result = try run(["-f", journal, "pay", "P01", "1万", "--voucher", "V9", "--date", "2019-05-01"])
        XCTAssertTrue(text().hasSuffix("2019-05-01 支付 P01 10000.00 凭证=V9\n"), result.summary)
        XCTAssertFalse(result.stderr.contains("未写入"), result.summary)
    }

    func testANewLineThatBreaksAnOldLineIsRefusedDespiteOldErrors() throws {
        // 2.00001万 on 05-01 leaves 7.99999万 for the 8万 of 06-01 (line 3, fine until now).
        let result = try assertRefused(
            ["-f", journal, "pay", "P01", "20000.01", "--voucher", "V9", "--date", "2019-05-01"],
            diagnostics: ["j.journal:3:19: 错误: 本笔支付（2019-05-01）的日期在这一行之前，记入后这一行将出错：超支"])
        XCTAssertFalse(result.stderr.contains("j.journal:4:"), "the old overspend is not the new line's doing\n\(result.summary)")
    }

    func testANewLineAfterEverythingIsJudgedOnItsOwn() throws {
        // 2万 is left after 06-01 (the old overspends were never applied).
        try assertRefused(["-f", journal, "pay", "P01", "20000.01", "--voucher", "V9", "--date", "2019-08-01"], diagnostics: ["fundflow: 错误: 超支"])
        let result = try run(["-f", journal, "pay", "P01", "2万", "--voucher", "V9", "--date", "2019-08-01"])
        XCTAssertTrue(text().hasSuffix("2019-08-01 支付 P01 20000.00 凭证=V9\n"), result.summary)
    }
}
