import Foundation
import XCTest
import Ledger
@testable import Monitor

/// The CSV, Markdown and HTML renderers: Excel-safe CSV, inert Markdown, escaped and
/// self-contained HTML, on a journal whose names are hostile.
final class RenderTests: XCTestCase {
    // MARK: - Fixture

    /// Project names and units that try to break every format.
    private static let hostileLines = [
        #"2019-01-01 设置 单位名称="承德市<测试>局""#,
        #"2018-01-01 项目 P01 "=HYPERLINK(\"x\")" 单位=局机关 计划=3月:30,6月:50,10月:90,12月:100 标签=三公"#,
        #"2018-01-05 下达 P01 5万 文号=X0"#,
        #"2018-03-01 支付 P01 4万 凭证=V0"#,
        #"2018-12-31 结转 P01 1万 原因=上年结转"#,
        #"2019-01-01 项目 P02 +1 单位="'&\"" 标签=采购"#,
        #"2019-01-01 项目 P03 @SUM 单位=局机关"#,
        #"2019-01-01 项目 P04 -2 单位=局机关 标签=基本"#,
        #"2019-01-01 项目 P05 "<script>alert(1)</script>" 单位=局机关"#,
        #"2019-01-01 项目 P06 "</style><b x=\"1\">" 单位="'&\"""#,
        #"2019-01-01 项目 P07 "a|b, \"c\"" 单位=职工医保中心"#,
        #"2019-01-05 下达 P01 10万 文号=X1"#,
        #"2019-01-05 下达 P02 10万 文号=X2"#,
        #"2019-01-05 下达 P03 10万 文号=X3"#,
        #"2019-01-05 下达 P04 10万 文号=X4"#,
        #"2019-01-05 下达 P05 5万 文号=X5"#,
        #"2019-01-05 下达 P06 5万 文号=X6"#,
        #"2019-06-01 下达 P07 5万 文号=X7 类别=追加"#,
        #"2019-02-01 支付 P01 4万 凭证=V1"#,
        #"2019-03-02 合同 P01 HT1 3万 期限=2019-06-30"#,
        #"2019-02-01 支付 P02 9.5万 凭证=V2"#,
        #"2019-02-01 支付 P04 10万 凭证=V4"#,
        #"2019-04-01 合同 P05 "HT&<2>" 2万"#,
        #"2019-05-01 支付 P05 1万 凭证=V5 合同="HT&<2>""#,
        #"2019-05-01 支付 P06 5万 凭证=V6"#,
        #"2019-07-01 支付 P07 2万 凭证=V7"#,
        #"2019-12-31 结转 P01 7万 原因="跨年, \"续建\"""#,
        #"2019-12-31 收回 P02 0.5万 原因=结余"#,
        #"2019-12-31 结转 P05 4万 原因="<i>reason</i>""#,
        #"2019-12-31 结转 P07 3万 原因=跨年"#,
    ]

    private static func journal(_ lines: [String]) -> Journal {
        let text = lines.map { $0 + "\n" }.joined()
        var p = ParsedJournal()
        JournalReader.parse(JournalSource(path: "t.journal", bytes: Array(text.utf8)), into: &p)
        return Validator.validate(p)
    }

    private static let hostile: Journal = journal(hostileLines)

    private var monthly: MonthlyReport { MonthlyReport(journal: Self.hostile, year: 2019, month: 12)! }
    private var carryover: CarryoverStatement { CarryoverStatement(journal: Self.hostile, year: 2019)! }
    private var indicators: Indicators { Indicators(journal: Self.hostile, year: 2019)! }
    private var status: StatusReport { StatusReport(journal: Self.hostile, asOf: CalendarDate(year: 2019, month: 6, day: 30)!) }
    /// The frame the CLI would build for the hostile journal (万元, 2 decimals).
    private static let frame = ReportFrame(context: hostile.context)
    private static let yuanFrame = ReportFrame(context: hostile.context, money: .yuan)

    func testFixtureIsValid() {
        let j = Self.hostile
        XCTAssertFalse(j.hasErrors, j.diagnostics.map { "\($0)" }.joined(separator: "\n"))
        XCTAssertEqual(monthly.status.projects.map(\.id), ["P01", "P02", "P03", "P04", "P05", "P06", "P07"])
        XCTAssertEqual(monthly.status.projects.first?.name, #"=HYPERLINK("x")"#)
        XCTAssertFalse(monthly.alerted.isEmpty)
        XCTAssertFalse(monthly.unpaidContracts.isEmpty)
        XCTAssertFalse(monthly.carryovers.isEmpty)
    }

    // MARK: - CSV

    private static func assertExcelFraming(_ csv: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}"), "CSV must start with the UTF-8 BOM", file: file, line: line)
        let bytes = Array(csv.utf8)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], file: file, line: line)
        for (i, b) in bytes.enumerated() {
            if b == 10 { XCTAssertTrue(i > 0 && bytes[i - 1] == 13, "bare LF at byte \(i)", file: file, line: line) }
            if b == 13 { XCTAssertTrue(i + 1 < bytes.count && bytes[i + 1] == 10, "bare CR at byte \(i)", file: file, line: line) }
        }
        XCTAssertTrue(csv.utf8.suffix(2).elementsEqual([13, 10]), "the last line ends in CRLF", file: file, line: line)
    }

    /// The lines of a CSV document (after the BOM), split on CRLF.
    private static func lines(_ csv: String) -> [String] {
        var body = Array(csv.unicodeScalars)
        if body.first == "\u{FEFF}" { body.removeFirst() }
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var i = 0
        while i < body.count {
            if body[i] == "\r", i + 1 < body.count, body[i + 1] == "\n" {
                out.append(String(current)); current = String.UnicodeScalarView(); i += 2
            } else {
                current.append(body[i]); i += 1
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    /// RFC 4180 fields of one line (no embedded line breaks in these fixtures).
    private static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field); field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }

    func testCSVFramingOfEveryReport() {
        Self.assertExcelFraming(CSVRenderer.monthly(monthly, frame: Self.frame))
        Self.assertExcelFraming(CSVRenderer.monthly(monthly, frame: Self.yuanFrame))
        Self.assertExcelFraming(CSVRenderer.status(status, frame: Self.frame))
        Self.assertExcelFraming(CSVRenderer.carryover(carryover, frame: Self.frame))
        Self.assertExcelFraming(CSVRenderer.indicators(indicators, frame: Self.frame))
        Self.assertExcelFraming(CSVRenderer.register(Register(journal: Self.hostile), frame: Self.frame))
    }

    func testCSVMonthlyLayout() {
        let csv = CSVRenderer.monthly(monthly, frame: Self.frame)
        let rows = Self.lines(csv)
        // The as-of row, then headers that carry their unit: CSV is always exact 元.
        XCTAssertEqual(rows[0], "截至日期,2019-12-31,报告月份,2019-12")
        XCTAssertEqual(rows[1], "单位,项目编号,项目名称,预算（元）,支出（元）,结转下年（元）,可用余额（元）,执行率（%）,计划进度（%）,差距（%）,状态,预警")
        // Units in order of first appearance, each closed by its 小计; the 合计 right after (no blank line).
        let table = rows[2...].prefix { !$0.isEmpty }.map(Self.fields)
        XCTAssertEqual(table.map { $0[1] }, ["P01", "P03", "P04", "P05", "", "P02", "P06", "", "P07", "", ""])
        XCTAssertEqual(
            table.map { $0[2] == "小计" ? "小计:" + $0[0] : $0[0] == "合计" ? "合计" : "·" },
            ["·", "·", "·", "·", "小计:局机关", "·", "·", #"小计:'&""#, "·", "小计:职工医保中心", "合计"])
        for row in table { XCTAssertEqual(row.count, 12, row.joined(separator: ",")) }
        // Amounts exact 元, percentages plain numbers with two decimals.
        let p04 = table[2]
        XCTAssertEqual(p04[1], "P04")
        XCTAssertEqual(Array(p04[3...9]), ["100000.00", "100000.00", "0.00", "0.00", "100.00", "100.00", "0.00"])
        XCTAssertEqual(p04[10], "正常")
        let total = table.last!
        XCTAssertEqual(total[3], Amount.yuanString(monthly.status.totals.budgetFen))
        XCTAssertEqual(total[7], Percent.string(monthly.status.totals.rateBasisPoints))
        // Alerts are joined with a full-width semicolon.
        let p03 = table[1]
        XCTAssertEqual(p03[11], monthly.status.projects[2].readableAlerts.map(\.message).joined(separator: "；"))
        XCTAssertTrue(p03[11].contains("；"))
        // After one blank line, the unpaid contracts with their total.
        let rest = Array(rows[(2 + table.count)...])
        XCTAssertEqual(rest[0], "")
        XCTAssertEqual(rest[1], "合同应付未付")
        XCTAssertEqual(rest[2], "合同编号,项目编号,对方单位,签订日期,付款期限,合同金额（元）,已付（元）,未付（元）,状态")
        let contracts = rest[3...].map(Self.fields)
        XCTAssertEqual(contracts.dropLast().map { $0[0] }, monthly.unpaidContracts.map(\.id))
        XCTAssertEqual(contracts.last?[0], "合计")
        XCTAssertEqual(contracts.last?[7], Amount.yuanString(monthly.status.totals.unpaidContractsFen))
    }

    func testCSVIsExactYuanWhateverTheHumanFormat() {
        XCTAssertEqual(CSVRenderer.monthly(monthly, frame: Self.yuanFrame), CSVRenderer.monthly(monthly, frame: Self.frame))
        XCTAssertEqual(CSVRenderer.monthly(monthly, frame: ReportFrame(money: .wanExact)), CSVRenderer.monthly(monthly, frame: Self.frame))
    }

    func testCSVQuotesCommasAndQuotes() {
        let csv = CSVRenderer.monthly(monthly, frame: Self.frame)
        XCTAssertTrue(csv.contains(#","a|b, ""c""","#), "a name with a comma and quotes is quoted, quotes doubled")
        XCTAssertEqual(Self.fields(Self.lines(csv)[10])[2], #"a|b, "c""#)
        let carry = CSVRenderer.carryover(carryover, frame: Self.frame)
        XCTAssertTrue(carry.contains(#""跨年, ""续建""""#), carry)
        XCTAssertEqual(CSVRenderer.quoted("a\nb"), "\"a\nb\"")
        XCTAssertEqual(CSVRenderer.quoted("a\rb"), "\"a\rb\"")
        XCTAssertEqual(CSVRenderer.quoted("plain"), "plain")
    }

    func testCSVNeutralisesFormulas() {
        for csv in [
            CSVRenderer.monthly(monthly, frame: Self.frame), CSVRenderer.status(status, frame: Self.frame),
            CSVRenderer.carryover(carryover, frame: Self.frame),
        ] {
            let names = Self.lines(csv).dropFirst().map(Self.fields).filter { $0.count > 2 }.map { $0[2] }
            XCTAssertTrue(names.contains(#"'=HYPERLINK("x")"#), "\(names)")
            XCTAssertTrue(names.contains("'+1"))
            XCTAssertTrue(names.contains("'@SUM"))
            XCTAssertTrue(names.contains("'-2"))
            XCTAssertFalse(csv.contains(",=HYPERLINK") || csv.contains(",\"=HYPERLINK"))
            XCTAssertFalse(csv.contains(",+1,") || csv.contains(",@SUM,") || csv.contains(",-2,"))
        }
        XCTAssertEqual(CSVRenderer.field("\tx"), "'\tx")
        XCTAssertEqual(CSVRenderer.field("\rx"), "\"'\rx\"")
        XCTAssertEqual(CSVRenderer.field("＝1+1"), "'＝1+1")
        XCTAssertEqual(CSVRenderer.field("x=1"), "x=1", "only a leading formula character is neutralised")
        // Numbers the renderer writes itself stay numbers, negative ones too.
        XCTAssertEqual(CSVRenderer.encode(.number("-12.00")), "-12.00")
        XCTAssertEqual(CSVRenderer.encode(.text("-12.00")), "'-12.00")
    }

    func testCSVCarryoverSubtotalsAndTotal() {
        let rows = Self.lines(CSVRenderer.carryover(carryover, frame: Self.frame)).map(Self.fields)
        XCTAssertEqual(
            rows.first,
            [
                "单位", "项目编号", "项目名称", "上年结转（元）", "本年下达（元）", "调减（元）", "预算（元）", "支出（元）",
                "结转下年（元）", "结余收回（元）", "未处理（元）", "执行率（%）", "应付未付合同（元）", "原因",
            ])
        let subtotals = rows.filter { $0.count > 2 && $0[2] == "小计" }
        XCTAssertEqual(subtotals.map { $0[0] }, carryover.units.map(\.unit))
        XCTAssertEqual(rows.last?.first, "合计")
        XCTAssertEqual(rows.last?[6], Amount.yuanString(carryover.totals.budgetFen))
        XCTAssertEqual(rows.last?[8], Amount.yuanString(carryover.totals.carriedOutFen))
        let p01 = rows.first { $0.count > 1 && $0[1] == "P01" }!
        XCTAssertEqual(p01[3], "10000.00", "上年结转 1万")
        XCTAssertEqual(p01[8], "70000.00", "结转下年 7万")
        XCTAssertEqual(p01[13], #"跨年, "续建""#)
        for row in rows { XCTAssertEqual(row.count, 14) }
    }

    func testCSVIndicators() {
        let rows = Self.lines(CSVRenderer.indicators(indicators, frame: Self.frame)).map(Self.fields)
        XCTAssertEqual(rows.first, ["指标", "代码", "数值", "单位", "公式"])
        let byKey = Dictionary(rows.dropFirst().map { ($0[1], $0) }, uniquingKeysWith: { a, _ in a })
        for key in [
            "execution_rate", "adjustment_rate", "carryover_rate", "sangong_control_rate", "procurement_rate",
            "execution_score", "total_paid", "basic_paid", "project_paid",
        ] {
            XCTAssertNotNil(byKey[key], key)
        }
        XCTAssertEqual(byKey["execution_rate"]?[2], indicators.executionRate.map(Percent.string))
        XCTAssertEqual(byKey["total_paid"]?[2], Amount.yuanString(indicators.totalPaidFen))
        XCTAssertEqual(byKey["basic_paid"]?[2], "100000.00")
        XCTAssertEqual(byKey["basic_paid"]?[3], "元")
    }

    // MARK: - Markdown

    func testMarkdownMonthly() {
        let md = MarkdownRenderer.monthly(monthly, frame: Self.frame)
        XCTAssertTrue(md.hasPrefix(#"# 承德市\<测试\>局 2019年12月 预算执行进度预警报告"#), String(md.prefix(80)))
        var last = md.startIndex
        for heading in ["## 一、总体情况", "## 二、预警项目", "## 三、合同应付未付", "## 四、结转资金使用", "## 五、分单位汇总"] {
            guard let range = md.range(of: heading, range: last..<md.endIndex) else { return XCTFail("missing or out of order: \(heading)") }
            last = range.upperBound
        }
        XCTAssertTrue(md.contains(#"a\|b, "c""#))
        XCTAssertFalse(md.contains("a|b"))
        XCTAssertTrue(md.contains(#"\<script\>alert(1)\</script\>"#))
        XCTAssertTrue(md.contains(#"\=HYPERLINK("x")"#))
        XCTAssertTrue(md.contains("序时进度"))
        // Alerted projects in the report's order.
        var cursor = md.range(of: "## 二、预警项目")!.upperBound
        for p in monthly.alerted {
            guard let r = md.range(of: "### ", range: cursor..<md.endIndex), md[r.upperBound...].hasPrefix("\(monthly.alerted.firstIndex(of: p)! + 1). \(MarkdownRenderer.escape(p.id))") else {
                return XCTFail("alerted project \(p.id) out of order")
            }
            cursor = r.upperBound
            for alert in p.readableAlerts { XCTAssertTrue(md.contains(MarkdownRenderer.escape(alert.message))) }
        }
        Self.assertTablesAligned(md)
    }

    func testMarkdownOtherReportsAndTitleWithoutOrganisation() {
        for md in [
            MarkdownRenderer.status(status, frame: Self.yuanFrame), MarkdownRenderer.carryover(carryover, frame: Self.frame),
            MarkdownRenderer.indicators(indicators, frame: Self.frame), MarkdownRenderer.register(Register(journal: Self.hostile), frame: Self.frame),
        ] {
            XCTAssertTrue(md.hasPrefix("# "))
            XCTAssertFalse(md.contains("a|b"))
            Self.assertTablesAligned(md)
        }
        XCTAssertTrue(MarkdownRenderer.carryover(carryover, frame: Self.frame).contains("**小计**"))
        let plain = Self.journal(Array(Self.hostileLines.dropFirst()))
        let md = MarkdownRenderer.monthly(MonthlyReport(journal: plain, year: 2019, month: 12)!, frame: ReportFrame(context: plain.context))
        XCTAssertTrue(md.hasPrefix("# 2019年12月 预算执行进度预警报告\n"))
    }

    func testMarkdownEscape() {
        XCTAssertEqual(MarkdownRenderer.escape("a|b"), #"a\|b"#)
        XCTAssertEqual(MarkdownRenderer.escape(#"C:\x"#), #"C:\\x"#)
        XCTAssertEqual(MarkdownRenderer.escape("# 标题"), ##"\# 标题"##)
        XCTAssertEqual(MarkdownRenderer.escape("- 项"), #"\- 项"#)
        XCTAssertEqual(MarkdownRenderer.escape("1. 项"), #"1\. 项"#)
        XCTAssertEqual(MarkdownRenderer.escape("> 引"), #"\> 引"#)
        XCTAssertEqual(MarkdownRenderer.escape("[链](x)"), #"\[链\](x)"#)
        XCTAssertEqual(MarkdownRenderer.escape("a-b 1.5"), "a-b 1.5")
        XCTAssertEqual(MarkdownRenderer.escape("a\nb"), "a b")
    }

    /// Every row of a pipe table has as many unescaped pipes as its header.
    private static func assertTablesAligned(_ md: String, file: StaticString = #filePath, line: UInt = #line) {
        func pipes(_ s: Substring) -> Int {
            var count = 0
            var escaped = false
            for c in s {
                if escaped { escaped = false; continue }
                if c == "\\" { escaped = true } else if c == "|" { count += 1 }
            }
            return count
        }
        var expected: Int?
        for row in md.split(separator: "\n", omittingEmptySubsequences: false) {
            if row.hasPrefix("|") {
                if let e = expected { XCTAssertEqual(pipes(row), e, String(row), file: file, line: line) } else { expected = pipes(row) }
            } else {
                expected = nil
            }
        }
    }

    // MARK: - HTML

    private static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// A tag-balance check: every element closed in order (void elements and `/>` aside),
    /// `<style>` content skipped.
    private static func assertBalanced(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        let void: Set<String> = ["meta", "br", "col", "hr", "img", "input", "link", "!doctype"]
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: ">") else { return XCTFail("unterminated tag", file: file, line: line) }
            let tag = rest[..<close]
            rest = rest[rest.index(after: close)...]
            let closing = tag.hasPrefix("/")
            let name = String((closing ? tag.dropFirst() : tag).prefix { $0 != " " && $0 != "/" && $0 != "\n" }).lowercased()
            if closing {
                guard stack.last == name else { return XCTFail("</\(name)> closes <\(stack.last ?? "nothing")>", file: file, line: line) }
                stack.removeLast()
            } else if tag.hasSuffix("/") || void.contains(name) {
                continue
            } else {
                stack.append(name)
                if name == "style", let end = rest.range(of: "</style>") {
                    rest = rest[end.lowerBound...]
                }
            }
        }
        XCTAssertEqual(stack, [], "unclosed elements", file: file, line: line)
    }

    private static func assertSelfContained(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        let lower = html.lowercased()
        XCTAssertTrue(lower.hasPrefix("<!doctype html>"), file: file, line: line)
        XCTAssertTrue(html.contains(#"<html lang="zh-CN">"#), file: file, line: line)
        XCTAssertTrue(html.contains(#"<meta charset="utf-8">"#), file: file, line: line)
        XCTAssertTrue(html.contains("@page { size: A4"), file: file, line: line)
        XCTAssertTrue(html.contains("margin: 15mm"), file: file, line: line)
        XCTAssertTrue(html.contains(#""Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei""#), file: file, line: line)
        XCTAssertFalse(lower.contains("<script"), "no scripts", file: file, line: line)
        XCTAssertFalse(lower.contains("http://") || lower.contains("https://"), "no external references", file: file, line: line)
        XCTAssertFalse(
            lower.contains("<link") || lower.contains("<img") || lower.contains("@import") || lower.contains("url("),
            file: file, line: line)
        XCTAssertFalse(
            lower.contains(" on") && lower.range(of: #" on[a-z]+="#, options: .regularExpression) != nil,
            "no event handlers", file: file, line: line)
        XCTAssertEqual(count("<table", in: html), count("</table>", in: html), file: file, line: line)
        XCTAssertEqual(count("<svg", in: html), count("</svg>", in: html), file: file, line: line)
        assertBalanced(html, file: file, line: line)
    }

    private static func assertHostileTextEscaped(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(html.contains("<script>alert(1)</script>"), file: file, line: line)
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), file: file, line: line)
        XCTAssertFalse(html.contains(#"</style><b x="1">"#), file: file, line: line)
        XCTAssertTrue(html.contains("&lt;/style&gt;&lt;b x=&quot;1&quot;&gt;"), file: file, line: line)
        XCTAssertFalse(html.contains(#"'&""#), file: file, line: line)
        XCTAssertTrue(html.contains("&#39;&amp;&quot;"), file: file, line: line)
        XCTAssertFalse(html.contains("<b x="), file: file, line: line)
    }

    func testHTMLMonthly() {
        let r = monthly
        let html = HTMLRenderer.monthly(r, frame: Self.frame)
        Self.assertSelfContained(html)
        Self.assertHostileTextEscaped(html)
        XCTAssertFalse(html.contains("承德市<测试>局"))
        XCTAssertTrue(html.contains("承德市&lt;测试&gt;局"))
        XCTAssertTrue(html.contains("预算执行进度预警报告"))
        XCTAssertTrue(html.contains("2019年12月31日"))
        XCTAssertFalse(html.contains("HT&<2>"))
        XCTAssertTrue(html.contains("HT&amp;&lt;2&gt;"))
        // One bar per project, plus the cumulative line chart.
        XCTAssertEqual(Self.count("<svg", in: html), r.status.projects.count + 1)
        XCTAssertEqual(Self.count("<polyline", in: html), 2, "plan and actual curves")
        for month in 1...12 { XCTAssertTrue(html.contains(">\(month)月</text>"), "x axis label \(month)月") }
        for pct in stride(from: 0, through: 100, by: 20) { XCTAssertTrue(html.contains(">\(pct)%</text>")) }
        // Status colours.
        XCTAssertTrue(html.contains("#c0392b") && html.contains("#d4a017") && html.contains("#2e7d32"))
        // Section order.
        var last = html.startIndex
        for heading in ["一、总体情况", "二、各项目执行进度", "三、预警项目", "四、合同应付未付", "五、结转资金使用", "六、分单位汇总", "附：项目执行明细"] {
            guard let range = html.range(of: "<h2>\(heading)</h2>", range: last..<html.endIndex) else { return XCTFail(heading) }
            last = range.upperBound
        }
        // Every alert message is shown, escaped.
        for p in r.alerted { for a in p.readableAlerts { XCTAssertTrue(html.contains(HTMLRenderer.escape(a.message)), a.message) } }
    }

    func testHTMLOtherReports() {
        for html in [HTMLRenderer.status(status, frame: Self.frame), HTMLRenderer.carryover(carryover, frame: Self.yuanFrame)] {
            Self.assertSelfContained(html)
            Self.assertHostileTextEscaped(html)
        }
        // The register names projects by ID; its journal text (contract IDs, reasons) is escaped.
        let register = HTMLRenderer.register(Register(journal: Self.hostile), frame: Self.frame)
        Self.assertSelfContained(register)
        XCTAssertTrue(register.contains("HT&amp;&lt;2&gt;") && !register.contains("HT&<2>"))
        XCTAssertTrue(register.contains("&lt;i&gt;reason&lt;/i&gt;") && !register.contains("<i>reason"))
        let carry = HTMLRenderer.carryover(carryover, frame: Self.frame)
        XCTAssertTrue(carry.contains("class=\"subtotal\""))
        XCTAssertTrue(carry.contains("class=\"total\""))
        XCTAssertFalse(carry.contains("<i>reason</i>"))
        XCTAssertTrue(carry.contains("&lt;i&gt;reason&lt;/i&gt;"))
        let ind = HTMLRenderer.indicators(indicators, frame: Self.frame)
        Self.assertSelfContained(ind)
        XCTAssertFalse(ind.contains("execution_rate"), "no internal keys where a person reads")
        XCTAssertEqual(Self.count("<svg", in: HTMLRenderer.status(status, frame: Self.frame)), status.projects.count)
    }

    func testHTMLEscape() {
        XCTAssertEqual(HTMLRenderer.escape(#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        XCTAssertEqual(HTMLRenderer.escape("承德"), "承德")
        XCTAssertEqual(HTMLRenderer.tenths(1234), "123.4")
        XCTAssertEqual(HTMLRenderer.tenths(1230), "123")
        XCTAssertEqual(HTMLRenderer.scaled(5000, 260), 1300)
        XCTAssertEqual(HTMLRenderer.scaled(12_000, 260), 2600, "clamped to 100 %")
    }

    // MARK: - The Chengde seed journal

    /// Renders the seed journal's December report; with FUNDFLOW_RENDER_OUT set, writes the
    /// four formats there for a look in a browser.
    func testChengdeMonthlyRenders() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("journals/chengde-2019.journal").path
        guard let data = FileManager.default.contents(atPath: path) else { throw XCTSkip("no \(path)") }
        var p = ParsedJournal()
        JournalReader.parse(JournalSource(path: path, bytes: Array(data)), into: &p)
        let j = Validator.validate(p)
        XCTAssertFalse(j.hasErrors)
        let r = MonthlyReport(journal: j, year: 2019, month: 12)!
        let frame = ReportFrame(context: j.context)
        let html = HTMLRenderer.monthly(r, frame: frame)
        Self.assertSelfContained(html)
        XCTAssertTrue(html.contains("<span>编制单位：承德市医疗保障局</span>"))
        XCTAssertEqual(Self.count("<svg", in: html), r.status.projects.count + 1)
        let md = MarkdownRenderer.monthly(r, frame: frame)
        XCTAssertTrue(md.hasPrefix("# 承德市医疗保障局 2019年12月 预算执行进度预警报告\n"))
        XCTAssertTrue(md.contains("192.31"))
        let csv = CSVRenderer.monthly(r, frame: frame)
        Self.assertExcelFraming(csv)
        XCTAssertTrue(Self.lines(csv).contains { $0.hasPrefix("合计,,共 9 个项目,1923100.00,1588900.00,334200.00,0.00,82.62,") })

        if let out = ProcessInfo.processInfo.environment["FUNDFLOW_RENDER_OUT"] {
            let c = CarryoverStatement(journal: j, year: 2019)!, i = Indicators(journal: j, year: 2019)!
            let files: [(String, String)] = [
                ("report.html", html), ("report.md", md), ("report.csv", csv),
                ("carryover.html", HTMLRenderer.carryover(c, frame: frame)), ("carryover.csv", CSVRenderer.carryover(c, frame: frame)),
                ("carryover.md", MarkdownRenderer.carryover(c, frame: frame)),
                ("indicators.html", HTMLRenderer.indicators(i, frame: frame)), ("indicators.md", MarkdownRenderer.indicators(i, frame: frame)),
                ("indicators.csv", CSVRenderer.indicators(i, frame: frame)),
                ("hostile.html", HTMLRenderer.monthly(monthly, frame: Self.frame)), ("hostile-carryover.html", HTMLRenderer.carryover(carryover, frame: Self.yuanFrame)),
                ("report-yuan.html", HTMLRenderer.monthly(r, frame: ReportFrame(context: j.context, money: .yuan))),
                ("june.html", HTMLRenderer.monthly(MonthlyReport(journal: j, year: 2019, month: 6)!, frame: frame)),
            ]
            for (name, text) in files {
                try text.write(toFile: out + "/" + name, atomically: true, encoding: .utf8)
            }
        }
    }
}
