import Foundation
import XCTest
import Ledger

/// Reports a finance office can sign and file (spec §2 "Checking and reporting"), end to end
/// on the built binary: the banner of a broken journal in every format, the loudest one for
/// a failed seal, the seal and 编制日期 in the foot, totals that do not fit refused, the
/// register in five formats, and amounts to two decimals of 万元 wherever a person reads.
final class FilingTests: FundflowTestCase {
    static let lines = [
        "2019-01-01 设置 单位名称=某医疗保障局",
        "2019-01-01 项目 P01 培训经费 单位=局机关",
        "2019-01-01 项目 P02 信息系统运维 单位=局机关",
        "2019-03-01 下达 P01 11.486544万 文号=D1",
        "2019-03-01 下达 P02 20万 文号=D2",
        "2019-04-01 支付 P01 1.583456万 凭证=V1 摘要=四季度运维服务费（第一期，含驻场工程师及备件更换费用）",
        "2019-05-01 合同 P02 HT-2019-LONG-CONTRACT-0001 8万 对方=某某信息技术有限责任公司 期限=2019-12-31",
    ]

    /// 2019-12-31 as SOURCE_DATE_EPOCH (midnight in China), so 编制日期 is fixed.
    static let fixedDay = ["SOURCE_DATE_EPOCH": "1577721600"]

    static let formats = ["text", "md", "csv", "json", "html"]

    func report(_ format: String, _ extra: [String] = []) throws -> RunResult {
        try run(["-f", journal, "report", "monthly", "--month", "2019-06", "--format", format] + extra, environment: Self.fixedDay)
    }

    // MARK: Banner

    func testJournalWithAnErrorSaysSoInsideEveryFormat() throws {
        write(lines: Self.lines + ["2019-06-01 支付 P01 100万 凭证=V2"])  // overspends: an error
        for format in Self.formats {
            let result = try report(format)
            XCTAssertEqual(result.exitCode, 1, "\(format)\n\(result.summary)")
            XCTAssertTrue(result.stderr.contains("超支"), result.summary)
            let out = result.stdout
            switch format {
            case "json":
                XCTAssertTrue(out.contains("\"journal_errors\": 1,"), out)
                XCTAssertTrue(out.contains("\"seal_failed\": false,"), out)
            case "csv":
                XCTAssertTrue(out.hasPrefix("\u{FEFF}【注意】日记账有 1 个错误，出错的分录未计入本表"), out)
            case "md":
                XCTAssertTrue(out.hasPrefix("> **【注意】日记账有 1 个错误"), out)
            case "html":
                XCTAssertTrue(out.contains("<div class=\"banner\" role=\"alert\"><strong>注意</strong>日记账有 1 个错误"), format)
            default:
                XCTAssertTrue(out.hasPrefix("====="), out)
                XCTAssertTrue(out.contains("【注意】日记账有 1 个错误"), out)
            }
            XCTAssertFalse(out.contains("严重警告"), "an error that is not a seal is not the loudest banner")
        }
        // Clean, the same report has no banner and "journal_errors": 0.
        write(lines: Self.lines)
        let clean = try report("json")
        XCTAssertEqual(clean.exitCode, 0, clean.summary)
        XCTAssertTrue(clean.stdout.contains("\"journal_errors\": 0,"))
        XCTAssertFalse(try report("text").stdout.contains("【注意】"))
    }

    func testFailedSealIsTheLoudestBannerInEveryFormat() throws {
        write(lines: Self.lines)
        let sealed = try ff("seal", "--through", "2019-05-31")
        XCTAssertEqual(sealed.exitCode, 0, sealed.summary)
        let sealLine = text().split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(sealLine.hasPrefix("2019-05-31 封账 sha256="), sealLine)
        let code = String(sealLine.split(separator: "=").last!.prefix(16))

        // Sealed and intact: the foot names the seal and its 校验码.
        let intact = try report("text")
        XCTAssertEqual(intact.exitCode, 0, intact.summary)
        XCTAssertTrue(intact.stdout.contains("最近封账：2019年5月31日　校验码：\(code)"), intact.stdout)
        XCTAssertTrue(intact.stdout.contains("编制日期：2019年12月31日"), intact.stdout)
        let json = try report("json")
        XCTAssertTrue(json.stdout.contains("\"latest_seal\": {\n    \"date\": \"2019-05-31\",\n    \"code\": \"\(code)\"\n  }"), json.stdout)

        // Edit one byte of sealed history (20万 → 30万 on P02's 下达).
        var bytes = bytes() ?? []
        let target = Array("下达 P02 20万".utf8)
        guard let at = (0...(bytes.count - target.count)).first(where: { Array(bytes[$0..<$0 + target.count]) == target }) else {
            return XCTFail("fixture line not found")
        }
        bytes[at + target.count - 5] = UInt8(ascii: "3")
        writeBytes(bytes)
        for format in Self.formats {
            let result = try report(format)
            XCTAssertEqual(result.exitCode, 1, "\(format)\n\(result.summary)")
            let out = result.stdout
            switch format {
            case "json":
                XCTAssertTrue(out.contains("\"journal_errors\": 1,"), out)
                XCTAssertTrue(out.contains("\"seal_failed\": true,"), out)
            case "csv":
                XCTAssertTrue(out.hasPrefix("\u{FEFF}【严重警告】封账校验失败：已封账期间的记录被改动过，本表数字不可信，不得签章报送。"), out)
            case "md":
                XCTAssertTrue(out.hasPrefix("> **【严重警告】封账校验失败"), out)
            case "html":
                XCTAssertTrue(out.contains("<div class=\"banner seal\" role=\"alert\"><strong>严重警告</strong>封账校验失败"), format)
                XCTAssertTrue(out.contains("@top-center { content: \"严重警告：封账校验失败，本表数字不可信，不得签章报送\"; color: #c0392b"))
            default:
                XCTAssertTrue(out.hasPrefix("!!!!!"), out)
                XCTAssertTrue(out.contains("【严重警告】封账校验失败"), out)
            }
        }
    }

    // MARK: Amounts to two decimals; --exact, --yuan

    func testHumanFormatsRoundCellsAndTotalsFromExactSums() throws {
        write(lines: Self.lines)
        // P01: 11.486544 → 11.49 budget, 1.583456 → 1.58 paid, 9.903088 → 9.90 available.
        // Total budget 31.486544 → 31.49; available 29.903088 → 29.90.
        let text = try run(["-f", journal, "status", "--as-of", "2019-06-30"], environment: Self.fixedDay)
        XCTAssertEqual(text.exitCode, 0, text.summary)
        let row = text.stdout.split(separator: "\n").first { $0.hasPrefix("P01 ") } ?? ""
        XCTAssertEqual(Array(row.split(separator: " ").dropFirst(2).prefix(3)), ["11.49", "1.58", "9.90"], String(row))
        XCTAssertTrue(
            text.stdout.contains("合计   31.49   1.58     29.90")
                || text.stdout.split(separator: "\n").contains {
                    $0.split(separator: " ").prefix(4) == ["合计", "31.49", "1.58", "29.90"]
                }, text.stdout)
        XCTAssertTrue(text.stdout.contains("因四舍五入，合计数与分项之和可能有尾差"))
        XCTAssertFalse(text.stdout.contains("11.486544"))

        let exact = try run(["-f", journal, "status", "--as-of", "2019-06-30", "--exact"])
        XCTAssertTrue(exact.stdout.contains("11.486544") && exact.stdout.contains("31.486544") && exact.stdout.contains("9.903088"), exact.stdout)
        XCTAssertFalse(exact.stdout.contains("尾差"))
        let yuan = try run(["-f", journal, "status", "--as-of", "2019-06-30", "--yuan"])
        XCTAssertTrue(yuan.stdout.contains("114,865.44") && yuan.stdout.contains("314,865.44"), yuan.stdout)
        XCTAssertTrue(yuan.stdout.contains("金额单位：元"))
        let both = try run(["-f", journal, "status", "--exact", "--yuan"])
        XCTAssertEqual(both.exitCode, 2, both.summary)
        XCTAssertTrue(both.stderr.contains("--exact 与 --yuan 只能选一个"), both.summary)

        // CSV and JSON stay exact 元 whatever is asked.
        for extra in [[], ["--exact"], ["--yuan"]] {
            let csv = try run(["-f", journal, "status", "--as-of", "2019-06-30", "--csv"] + extra)
            XCTAssertTrue(csv.stdout.contains(",114865.44,15834.56,"), csv.stdout)
            let json = try run(["-f", journal, "status", "--as-of", "2019-06-30", "--json"] + extra)
            XCTAssertTrue(json.stdout.contains("\"budget\": \"114865.44\""), json.stdout)
        }
    }

    func testRecordingEchoesTwoDecimalsOfWan() throws {
        write(lines: Array(Self.lines.prefix(5)))
        let paid = try ff("pay", "P01", "1.583456万", "--voucher", "V9", "--date", "2019-04-01")
        XCTAssertEqual(paid.exitCode, 0, paid.summary)
        XCTAssertTrue(paid.stdout.contains("项目 P01 2019 年：预算 11.49万元，已支付 1.58万元，可用余额 9.90万元"), paid.stdout)
        XCTAssertFalse(paid.stdout.contains("1.583456万元"))
    }

    // MARK: Checked totals (issue 11 item 4)

    /// Two projects each holding 470 下达 of the largest entry (10^16 分): each fits in Int64,
    /// the department's sum (9.4 × 10^18 分) does not. Before, `status --json` printed a budget
    /// of "-90467440737095516.16".
    func testTotalsBeyondTheAmountRangeAreADiagnosticNotAWrappedNumber() throws {
        var lines = ["2019-01-01 设置 单位名称=某局", "2019-01-01 项目 A 甲 单位=局机关", "2019-01-01 项目 B 乙 单位=局机关"]
        for project in ["A", "B"] {
            for n in 0..<470 { lines.append("2019-01-02 下达 \(project) 100000000000000.00 文号=W\(project)\(n)") }
        }
        write(lines: lines)
        XCTAssertEqual(try ff("check").exitCode, 0, "each project alone is within range")
        let commands: [[String]] = [
            ["status", "--as-of", "2019-12-31", "--json"], ["status", "--as-of", "2019-12-31"],
            ["report", "indicators", "--year", "2019"], ["report", "indicators", "--year", "2019", "--format", "json"],
            ["report", "monthly", "--month", "2019-12", "--format", "html"], ["report", "carryover", "--year", "2019", "--format", "csv"],
        ]
        for command in commands {
            do {
                let loader = "one checker"
                let result = try run(["-f", journal] + command)
                XCTAssertEqual(result.exitCode, 1, "\(command) \(loader)\n\(result.summary)")
                XCTAssertFalse(result.signaled)
                XCTAssertEqual(result.stdout, "", "nothing printed: \(command)")
                XCTAssertTrue(result.stderr.contains("超出可计算范围"), result.summary)
                XCTAssertTrue(result.stderr.hasPrefix("fundflow: 错误: "), result.summary)
            }
        }
        // One unit's worth is still reported: --unit narrows what is summed? Both are in 局机关,
        // so the refusal stands; a single project's register works.
        let register = try run(["-f", journal, "register", "A", "--format", "csv"])
        XCTAssertEqual(register.exitCode, 0, register.summary)
    }

    // MARK: Register in five formats

    func testRegisterInEveryFormatCutsNothingOutsideTheTerminal() throws {
        write(lines: Self.lines)
        let memo = "四季度运维服务费（第一期，含驻场工程师及备件更换费用）"
        let contract = "HT-2019-LONG-CONTRACT-0001"
        for format in Self.formats {
            let result = try run(["-f", journal, "register", "--format", format], environment: Self.fixedDay)
            XCTAssertEqual(result.exitCode, 0, "\(format)\n\(result.summary)")
            let out = result.stdout
            if format == "text" {
                XCTAssertTrue(out.contains("…"), "the terminal table may cut long text")
                XCTAssertTrue(out.contains("编制单位：某医疗保障局"))
                continue
            }
            XCTAssertTrue(out.contains(memo), "\(format): the memo whole")
            XCTAssertTrue(out.contains(contract), "\(format): the contract ID whole")
            XCTAssertFalse(out.contains("…"), format)
        }
        let csv = try run(["-f", journal, "register", "P01", "--csv"]).stdout
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}日期,项目编号,动作,金额（元）,对余额影响（元）,可用余额（元）,凭证/文号,摘要\r\n"), csv)
        XCTAssertTrue(csv.contains("2019-04-01,P01,支付,15834.56,-15834.56,99030.88,V1,\(memo)\r\n"), csv)
        let json = try run(["-f", journal, "register", "P01", "--json"]).stdout
        XCTAssertTrue(json.contains("\"journal_errors\": 0,"))
        XCTAssertTrue(json.contains("\"amount\": \"15834.56\",\n      \"change\": \"-15834.56\",\n      \"available\": \"99030.88\""), json)
        let md = try run(["-f", journal, "register", "P01", "--format", "md"], environment: Self.fixedDay).stdout
        XCTAssertTrue(md.contains("| 2019-04-01 | P01 | 支付 | -1.58 | 9.90 | V1 | \(memo) |"), md)
        XCTAssertTrue(md.contains("编制日期：2019年12月31日"))
        // -o writes the file; a bad format is a usage error.
        XCTAssertEqual(try ff("register", "--format", "html", "-o", "r.html").exitCode, 0)
        XCTAssertTrue(text("r.html").contains("<!DOCTYPE html>"))
        XCTAssertEqual(try ff("register", "--format", "xls").exitCode, 2)
    }

    // MARK: Head and foot

    func testHeadAndFootOfEveryReport() throws {
        write(lines: Self.lines)
        let reports: [[String]] = [
            ["report", "monthly", "--month", "2019-06"], ["report", "carryover", "--year", "2019"],
            ["report", "indicators", "--year", "2019"], ["status", "--as-of", "2019-06-30"], ["register"],
        ]
        for command in reports {
            for format in ["text", "md", "html"] {
                let result = try run(["-f", journal] + command + ["--format", format], environment: Self.fixedDay)
                XCTAssertEqual(result.exitCode, 0, result.summary)
                let out = result.stdout
                for piece in [
                    "编制单位：某医疗保障局", "金额单位：万元", "最近封账：未封账", "编制日期：2019年12月31日",
                    "单位负责人：", "财务负责人：", "制表人：",
                ] {
                    XCTAssertTrue(out.contains(piece), "\(command) \(format): \(piece)")
                }
            }
        }
        // Without SOURCE_DATE_EPOCH, 编制日期 is today.
        let today = CalendarDate.today().description.split(separator: "-").map { Int($0)! }  // China Standard Time
        let now = try ff("report", "indicators", "--year", "2019")
        XCTAssertTrue(now.stdout.contains("编制日期：\(today[0])年\(today[1])月\(today[2])日"), now.stdout)
    }
}
