import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// §2 Recording: every command appends exactly one canonical line (Chinese verb and keys,
/// amounts in 元 with two decimals, keys in the writer's fixed order, quotes only where
/// needed) and exits 0. Every expected line below is worked out by hand from the spec.
final class RecordingTests: FundflowTestCase {
    /// P01 with a budget of 10万 in 2019.
    let base = [
        "2019-01-01 项目 P01 一号项目 单位=局机关",
        "2019-03-01 下达 P01 100000.00 文号=承财社[2019]1号",
    ]

    func testProjectWithEveryOption() throws {
        write(lines: base)
        try assertAppends(
            [
                "-f", journal, "project", "P02", "医疗 服务", "--unit", "职工医保中心", "--code", "2101301",
                "--plan", "3月:30,6月:50", "--tags", "三公,采购", "--date", "2019-01-02",
            ],
            line: "2019-01-02 项目 P02 \"医疗 服务\" 单位=职工医保中心 科目=2101301 计划=3月:30,6月:50 标签=三公,采购")
        XCTAssertEqual(try ff("check").exitCode, 0)
    }

    func testProjectCreatesMissingFileNotWorldWritable() throws {
        XCTAssertFalse(exists(journal))
        try assertAppends(
            ["-f", journal, "project", "450-0201-JBN-RVU2", "医疗保障服务", "--date", "2020-01-01"],
            line: "2020-01-01 项目 450-0201-JBN-RVU2 医疗保障服务")
        var info = stat()
        XCTAssertEqual(stat(path(journal), &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFREG, "the journal must be a regular file")
        XCTAssertEqual(info.st_mode & 0o002, 0, "the journal must not be world-writable (mode \(String(info.st_mode & 0o7777, radix: 8)))")
        XCTAssertEqual(info.st_mode & 0o600, 0o600, "the owner must be able to read and write it")
    }

    func testAllotSupplementWithEveryOption() throws {
        write(lines: base)
        let result = try assertAppends(
            [
                "-f", journal, "allot", "P01", "11.61万", "--doc", "承财社[2019]107号", "--kind", "追加",
                "--source", "中央", "--memo", "能力提升", "--date", "2019-03-05",
            ],
            line: "2019-03-05 下达 P01 116100.00 文号=承财社[2019]107号 类别=追加 来源=中央 摘要=能力提升")
        // 10万 + 11.61万 = 21.61万, nothing paid.
        XCTAssertTrue(result.stdout.contains("预算 21.61万元，已支付 0.00万元，可用余额 21.61万元"), result.summary)
    }

    /// 类别 is written only when given; without it the journal decides (the first 下达 of the
    /// year is 年初, later ones 追加) and the command says which it recorded.
    func testAllotKindIsWrittenOnlyWhenGiven() throws {
        write(lines: base)
        let first = try assertAppends(
            ["-f", journal, "allot", "P01", "116,100.00元", "--doc", "D2", "--kind", "initial", "--date", "2019-03-06"],
            line: "2019-03-06 下达 P01 116100.00 文号=D2 类别=年初")
        XCTAssertFalse(first.stdout.contains("类别："), first.summary)
        try assertAppends(
            ["-f", journal, "allot", "P01", "50.094万元", "--doc", "D3", "--kind", "supplement", "--date", "2019-03-07"],
            line: "2019-03-07 下达 P01 500940.00 文号=D3 类别=追加")
        let later = try assertAppends(
            ["-f", journal, "allot", "P01", "7.737948万", "--doc", "D4", "--date", "2019-03-08"],
            line: "2019-03-08 下达 P01 77379.48 文号=D4")
        XCTAssertTrue(later.stdout.contains("类别：追加"), later.summary)  // base already has 2019's first 下达
        try assertAppends(
            ["-f", journal, "allot", "P01", "0.01", "--doc", "D5", "--date", "2019-03-09"],
            line: "2019-03-09 下达 P01 0.01 文号=D5")
        try assertAppends(
            ["-f", journal, "allot", "P01", "1,234,567.8", "--doc", "D6", "--date", "2019-03-10"],
            line: "2019-03-10 下达 P01 1234567.80 文号=D6")
    }

    func testReduce() throws {
        write(lines: base)
        let result = try assertAppends(
            [
                "-f", journal, "reduce", "P01", "1万", "--doc", "承财社[2019]300号", "--memo", "压减",
                "--date", "2019-05-01",
            ],
            line: "2019-05-01 调减 P01 10000.00 文号=承财社[2019]300号 摘要=压减")
        XCTAssertTrue(result.stdout.contains("预算 9.00万元，已支付 0.00万元，可用余额 9.00万元"), result.summary)
    }

    func testPayTheSpecExample() throws {
        write(lines: base)
        let result = try assertAppends(
            ["-f", journal, "pay", "P01", "5.61万", "--voucher", "V1", "--date", "2019-04-10"],
            line: "2019-04-10 支付 P01 56100.00 凭证=V1")
        // 10万 − 5.61万 = 4.39万.
        XCTAssertTrue(result.stdout.contains("项目 P01 2019 年：预算 10.00万元，已支付 5.61万元，可用余额 4.39万元"), result.summary)
    }

    func testPayWithEveryOptionAndQuoting() throws {
        write(lines: base + ["2019-03-02 合同 P01 HT-1 50000.00"])
        try assertAppends(
            [
                "-f", journal, "pay", "P01", "2.5万", "--voucher", "记-2019-04-003", "--payee", "河北省 医保局",
                "--contract", "HT-1", "--memo", #"a=b "引" \ #注"#, "--date", "2019-04-10",
            ],
            line: #"2019-04-10 支付 P01 25000.00 凭证=记-2019-04-003 收款人="河北省 医保局" 合同=HT-1 摘要="a=b \"引\" \\ #注""#)
        // A value starting with a comment mark, an empty value, a full-width space.
        try assertAppends(
            ["-f", journal, "pay", "P01", "100", "--memo", "#不是注释", "--payee", "", "--date", "2019-04-11"],
            line: ##"2019-04-11 支付 P01 100.00 收款人="" 摘要="#不是注释""##)
        try assertAppends(
            ["-f", journal, "pay", "P01", "100", "--memo", "甲\u{3000}乙", "--date", "2019-04-12"],
            line: "2019-04-12 支付 P01 100.00 摘要=\"甲\u{3000}乙\"")
        // Everything written must read back cleanly: only the two payments without 凭证 are named.
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 0, check.summary)
        XCTAssertEqual(check.stderrLines.map { $0.components(separatedBy: ": 警告: ").first ?? "" }, ["j.journal:5:1", "j.journal:6:1"], check.summary)
        XCTAssertTrue(check.stderrLines.allSatisfy { $0.contains("这笔支付没有凭证号") }, check.summary)
    }

    func testContract() throws {
        write(lines: base)
        try assertAppends(
            [
                "-f", journal, "contract", "P01", "HT-2019-08", "18万", "--party", "某软件公司", "--due", "2019-12-20",
                "--memo", "系统开发", "--date", "2019-04-01",
            ],
            line: "2019-04-01 合同 P01 HT-2019-08 180000.00 对方=某软件公司 期限=2019-12-20 摘要=系统开发")
    }

    func testReverse() throws {
        write(lines: base + ["2019-04-10 支付 P01 56100.00 凭证=V1"])
        let result = try assertAppends(
            [
                "-f", journal, "reverse", "P01", "0.5万", "--of", "V1", "--of-date", "2019-04-10",
                "--voucher", "R1", "--memo", "红字冲销", "--date", "2019-05-02",
            ],
            line: "2019-05-02 冲销 P01 5000.00 原凭证=V1 原日期=2019-04-10 凭证=R1 摘要=红字冲销")
        // Paid 5.61万 − 0.5万 = 5.11万; available 10万 − 5.11万 = 4.89万.
        XCTAssertTrue(result.stdout.contains("已支付 5.11万元，可用余额 4.89万元"), result.summary)
    }

    func testCarry() throws {
        write(lines: base + ["2019-04-10 支付 P01 56100.00 凭证=V1"])
        try assertAppends(
            ["-f", journal, "carry", "P01", "1万", "--reason", "项目未完工", "--year", "2019"],
            line: "2019-12-31 结转 P01 10000.00 原因=项目未完工")
    }

    func testLapse() throws {
        write(lines: base)
        try assertAppends(
            ["-f", journal, "lapse", "P01", "1万", "--doc", "承财社[2019]9号", "--reason", "结余收回", "--date", "2019-11-30"],
            line: "2019-11-30 收回 P01 10000.00 文号=承财社[2019]9号 原因=结余收回")
    }

    func testPlanIsWrittenCanonically() throws {
        write(lines: base)
        try assertAppends(
            ["-f", journal, "plan", "P01", "3月:30,6月:50,10月:90,12月:100", "--date", "2020-01-01"],
            line: "2020-01-01 计划 P01 3月:30,6月:50,10月:90,12月:100")
        // 月底 and trailing zeros / percent signs are normalised.
        try assertAppends(
            ["-f", journal, "plan", "P01", "3月底:30.00,6月:50.5%,12月:100", "--date", "2020-02-01"],
            line: "2020-02-01 计划 P01 3月:30,6月:50.5,12月:100")
    }

    func testSetWritesKeysInCanonicalOrder() throws {
        write(lines: base)
        try assertAppends(
            [
                "-f", journal, "set", "--idle-days", "60", "--target-rate", "95", "--alarm-gap", "20.5", "--warn-gap", "5",
                "--default-plan", "6月:50,12月:100", "--org", "承德市 医疗保障局", "--date", "2019-01-01",
            ],
            line: "2019-01-01 设置 单位名称=\"承德市 医疗保障局\" 默认计划=6月:50,12月:100 黄线=5 红线=20.5 执行率目标=95 零支出天数=60")
        try assertAppends(
            ["-f", journal, "set", "--org", "秦皇岛市医疗保障局", "--date", "2019-01-02"],
            line: "2019-01-02 设置 单位名称=秦皇岛市医疗保障局")
    }

    func testSealAppendsDigestOfPrecedingBytes() throws {
        write(lines: base)
        let preceding = bytes() ?? []
        try assertAppends(
            ["-f", journal, "seal", "--through", "2019-06-30"],
            line: "2019-06-30 封账 sha256=\(TestSHA256.hex(preceding + Array("2019-06-30".utf8)))")
    }

    func testChineseAliases() throws {
        write(lines: [])
        try assertAppends(["-f", journal, "项目", "P01", "一号项目", "--date", "2019-01-01"], line: "2019-01-01 项目 P01 一号项目")
        try assertAppends(["-f", journal, "下达", "P01", "10万", "--doc", "A1", "--date", "2019-03-01"], line: "2019-03-01 下达 P01 100000.00 文号=A1")
        try assertAppends(["-f", journal, "合同", "P01", "HT1", "6万", "--date", "2019-03-02"], line: "2019-03-02 合同 P01 HT1 60000.00")
        try assertAppends(
            ["-f", journal, "支付", "P01", "5.61万", "--voucher", "V1", "--contract", "HT1", "--date", "2019-04-10"],
            line: "2019-04-10 支付 P01 56100.00 凭证=V1 合同=HT1")
        try assertAppends(["-f", journal, "冲销", "P01", "100", "--of", "V1", "--date", "2019-04-11"], line: "2019-04-11 冲销 P01 100.00 原凭证=V1")
        try assertAppends(["-f", journal, "调减", "P01", "1000", "--doc", "R1", "--date", "2019-05-01"], line: "2019-05-01 调减 P01 1000.00 文号=R1")
        try assertAppends(["-f", journal, "收回", "P01", "1000", "--date", "2019-06-01"], line: "2019-06-01 收回 P01 1000.00")
        try assertAppends(["-f", journal, "计划", "P01", "6月:50,12月:100", "--date", "2019-06-02"], line: "2019-06-02 计划 P01 6月:50,12月:100")
        try assertAppends(["-f", journal, "设置", "--warn-gap", "15", "--date", "2019-06-03"], line: "2019-06-03 设置 黄线=15")
        // 10万 − 1000 (调减) − (56100 − 100) − 1000 (收回) = 42000.
        try assertAppends(["-f", journal, "结转", "P01", "--all", "--year", "2019"], line: "2019-12-31 结转 P01 42000.00")
        let preceding = bytes() ?? []
        try assertAppends(["-f", journal, "封账", "--through", "2019-12-31"], line: "2019-12-31 封账 sha256=\(TestSHA256.hex(preceding + Array("2019-12-31".utf8)))")
        let check = try run(["-f", journal, "检查"])
        XCTAssertEqual(check.exitCode, 0, check.summary)
    }

    func testDateDefaultsToToday() throws {
        let before = todayInChina()
        write(lines: [])
        try assertAppends(["-f", journal, "project", "P01", "一号项目"], line: "\(before) 项目 P01 一号项目")
        try assertAppends(["-f", journal, "allot", "P01", "1万", "--doc", "A1"], line: "\(before) 下达 P01 10000.00 文号=A1")
        let result = try assertAppends(["-f", journal, "pay", "P01", "0.3万"], line: "\(before) 支付 P01 3000.00")
        XCTAssertEqual(todayInChina(), before, "the day changed during the test; rerun it")
        let year = before.prefix(4)
        XCTAssertTrue(result.stdout.contains("项目 P01 \(year) 年：预算 1.00万元，已支付 0.30万元，可用余额 0.70万元"), result.summary)
    }

    func testMissingFinalNewlineIsMendedFirst() throws {
        let text = "2019-01-01 项目 P01 一号项目\n2019-03-01 下达 P01 100000.00 文号=A1"
        write(text)
        try run(["-f", journal, "pay", "P01", "1", "--date", "2019-04-01"]).exitCode.assertEquals(0)
        XCTAssertEqual(bytes(), Array((text + "\n2019-04-01 支付 P01 1.00\n").utf8))
        // A file ending in a comment without newline, with CRLF line ends elsewhere.
        let crlf = "2019-01-01 项目 P02 二号项目\r\n2019-03-01 下达 P02 100.00 文号=B1\r\n# 末行注释"
        write(crlf, to: "crlf.journal")
        let result = try run(["-f", "crlf.journal", "pay", "P02", "100", "--date", "2019-04-01"])
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(bytes("crlf.journal"), Array((crlf + "\n2019-04-01 支付 P02 100.00\n").utf8))
        XCTAssertTrue(result.stdout.contains("第 4 行：2019-04-01 支付 P02 100.00"), result.summary)
        XCTAssertEqual(try run(["-f", "crlf.journal", "check"]).exitCode, 0)
    }

    func testBOMIsKeptAndAppendWorks() throws {
        let text = "\u{FEFF}2019-01-01 项目 P01 一号项目\n"
        write(text)
        try run(["-f", journal, "project", "P02", "二号项目", "--date", "2019-01-01"]).exitCode.assertEquals(0)
        XCTAssertEqual(bytes(), Array((text + "2019-01-01 项目 P02 二号项目\n").utf8))
    }

    func testWarningsDoNotBlockTheEntry() throws {
        write(lines: base + ["2019-04-10 支付 P01 100.00 凭证=V1"])
        // The same voucher again in the same month: legal, but suspicious.
        let result = try assertAppends(
            ["-f", journal, "pay", "P01", "200", "--voucher", "V1", "--date", "2019-04-20"],
            line: "2019-04-20 支付 P01 200.00 凭证=V1", quiet: false)
        XCTAssertTrue(
            result.stderrLines.contains { $0.hasPrefix("j.journal:4:1: 警告: 凭证号“V1”在 2019 年 4 月已用过（第 3 行，同一单位“局机关”）") },
            result.summary)
        XCTAssertFalse(result.stderr.contains("错误"), result.summary)
        // The same 文号 twice for one project.
        let second = try assertAppends(
            ["-f", journal, "allot", "P01", "1", "--doc", "承财社[2019]1号", "--date", "2019-04-21"],
            line: "2019-04-21 下达 P01 1.00 文号=承财社[2019]1号", quiet: false)
        XCTAssertTrue(second.stderrLines.contains { $0.hasPrefix("j.journal:5:1: 警告: 文号“承财社[2019]1号”已在第 2 行") }, second.summary)
    }

    func testEntryBoundariesAreExact() throws {
        write(lines: base)
        // Paying the whole budget to the fen is allowed; not a fen more afterwards.
        try assertAppends(["-f", journal, "pay", "P01", "99999.99", "--date", "2019-04-01"], line: "2019-04-01 支付 P01 99999.99")
        try assertAppends(["-f", journal, "pay", "P01", "0.01", "--date", "2019-04-02"], line: "2019-04-02 支付 P01 0.01")
        try assertRefused(
            ["-f", journal, "pay", "P01", "0.01", "--date", "2019-04-03"],
            diagnostics: ["fundflow: 错误: 超支：项目“P01”在 2019-04-03 的可用余额为 0.00万元，本笔支付 0.000001万元"])
    }
}

extension Int32 {
    func assertEquals(_ expected: Int32, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(self, expected, file: file, line: line)
    }
}
