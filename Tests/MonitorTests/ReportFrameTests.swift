import XCTest
import Ledger
@testable import Monitor

/// What spec §2 fixes around every report's figures: 万元 to 2 decimals (cells half-up, totals
/// from exact sums, the 尾差 note), `--exact`, `--yuan`, the error banner in every format,
/// `journal_errors`, the shared head and foot — worked out by hand on small journals.
final class ReportFrameTests: XCTestCase {
    // MARK: - The money formatter

    func testRoundedWanIsHalfUpFromExactFen() {
        XCTAssertEqual(MoneyFormat.roundedWan(1_583_456), "1.58", "1.583456万 (the issue's pay echo)")
        XCTAssertEqual(MoneyFormat.roundedWan(1_585_000), "1.59", "exactly half: up")
        XCTAssertEqual(MoneyFormat.roundedWan(1_584_999), "1.58")
        XCTAssertEqual(MoneyFormat.roundedWan(5_000), "0.01", "0.005万 = 50元 rounds up")
        XCTAssertEqual(MoneyFormat.roundedWan(4_999), "0.00")
        XCTAssertEqual(MoneyFormat.roundedWan(0), "0.00")
        XCTAssertEqual(MoneyFormat.roundedWan(192_310_000), "192.31")
        XCTAssertEqual(MoneyFormat.roundedWan(99_995_000), "100.00", "carries into the whole part")
        XCTAssertEqual(MoneyFormat.roundedWan(-5_000), "-0.01", "away from zero")
        XCTAssertEqual(MoneyFormat.roundedWan(-4_999), "0.00", "no negative zero")
        XCTAssertEqual(MoneyFormat.roundedWan(Int64.max), "9223372036854.78")
        XCTAssertEqual(MoneyFormat.roundedWan(Int64.min), "-9223372036854.78")
    }

    func testThreeFormats() {
        let fen: Int64 = 7_737_948  // 7.737948万 = 77,379.48元
        XCTAssertEqual(MoneyFormat.wan.string(fen), "7.74")
        XCTAssertEqual(MoneyFormat.wanExact.string(fen), "7.737948")
        XCTAssertEqual(MoneyFormat.yuan.string(fen), "77,379.48")
        XCTAssertEqual(MoneyFormat.wan.withUnit(fen), "7.74万元")
        XCTAssertEqual(MoneyFormat.yuan.withUnit(fen), "77,379.48元")
        XCTAssertTrue(MoneyFormat.wan.rounds)
        XCTAssertFalse(MoneyFormat.wanExact.rounds)
        XCTAssertFalse(MoneyFormat.yuan.rounds)
    }

    // MARK: - Cells rounded, totals exact, the 尾差 note

    /// Three projects of 50元 (0.005万) each: every cell shows 0.01, the total 150元 (0.015万)
    /// shows 0.02 — not 0.03, the sum of the rounded cells.
    static let threeHalves = Fixtures.journal(
        """
        2019-01-01 设置 单位名称=测试局
        2019-01-01 项目 A 甲 单位=局机关
        2019-01-01 项目 B 乙 单位=局机关
        2019-01-01 项目 C 丙 单位=局机关
        2019-01-02 下达 A 50 文号=W1
        2019-01-02 下达 B 50 文号=W2
        2019-01-02 下达 C 50 文号=W3

        """)

    var threeHalvesStatus: StatusReport { StatusReport(journal: Self.threeHalves, asOf: Fixtures.date("2019-01-31")) }

    func testCellsRoundedHalfUpTotalsFromExactSums() {
        let report = threeHalvesStatus
        XCTAssertEqual(report.totals.budgetFen, 15_000)
        let frame = ReportFrame(context: Self.threeHalves.context)
        let text = TextRenderer.status(report, frame: frame, style: TextStyle(colour: false))
        let rows = text.split(separator: "\n").map(String.init)
        for id in ["A", "B", "C"] {
            let row = try? XCTUnwrap(rows.first { $0.hasPrefix(id + " ") })
            XCTAssertEqual(row?.split(separator: " ", omittingEmptySubsequences: true)[2], "0.01", "\(id): 0.005万 rounds half-up")
        }
        let total = try? XCTUnwrap(rows.first { $0.split(separator: " ").first == "合计" })
        XCTAssertEqual(total?.split(separator: " ", omittingEmptySubsequences: true)[1], "0.02", "the total 0.015万 rounds once, from the exact sum")
        XCTAssertTrue(text.contains("因四舍五入，合计数与分项之和可能有尾差"))

        let md = MarkdownRenderer.status(report, frame: frame)
        XCTAssertTrue(md.contains("| A | 甲 | 0.01 |") || md.contains("| 甲 | 0.01 |"), md)
        XCTAssertTrue(md.contains("| **合计** |   |   | **0.02** |"), md)
        XCTAssertTrue(md.contains("因四舍五入，合计数与分项之和可能有尾差"))

        let html = HTMLRenderer.status(report, frame: frame)
        XCTAssertEqual(html.components(separatedBy: "<td class=\"num\">0.01</td>").count - 1, 3 * 2, "budget and available of A, B, C")
        XCTAssertTrue(html.contains("<td class=\"num\">0.02</td>"))
        XCTAssertTrue(html.contains("因四舍五入，合计数与分项之和可能有尾差"))
    }

    func testExactAndYuanShowEveryFenAndNoNote() {
        let report = threeHalvesStatus
        let exact = TextRenderer.status(report, frame: ReportFrame(context: Self.threeHalves.context, money: .wanExact), style: TextStyle(colour: false))
        XCTAssertTrue(exact.contains(" 0.005 "), exact)
        XCTAssertTrue(exact.contains(" 0.015 "), exact)
        XCTAssertTrue(exact.contains("金额单位：万元"))
        XCTAssertFalse(exact.contains("尾差"), "exact figures add up")
        let yuan = MarkdownRenderer.status(report, frame: ReportFrame(context: Self.threeHalves.context, money: .yuan))
        XCTAssertTrue(yuan.contains("| 50.00 |"), yuan)
        XCTAssertTrue(yuan.contains("**150.00**"), yuan)
        XCTAssertTrue(yuan.contains("金额单位：元"))
        XCTAssertFalse(yuan.contains("尾差"))
        // JSON and CSV ignore the human format: exact 元.
        let json = JSONRenderer.status(report, frame: ReportFrame(money: .wan))
        XCTAssertTrue(json.contains("\"budget\": \"150.00\""), json)
    }

    // MARK: - Banner and journal_errors in every format

    func render(_ health: JournalHealth) -> [String: String] {
        let report = threeHalvesStatus
        let monthly = MonthlyReport(journal: Self.threeHalves, year: 2019, month: 1)!
        let frame = ReportFrame(context: Self.threeHalves.context, health: health)
        return [
            "text": TextRenderer.monthly(monthly, frame: frame, style: TextStyle(colour: false)),
            "md": MarkdownRenderer.monthly(monthly, frame: frame),
            "html": HTMLRenderer.monthly(monthly, frame: frame),
            "csv": CSVRenderer.status(report, frame: frame),
            "json": JSONRenderer.monthly(monthly, frame: frame),
        ]
    }

    func testCleanJournalHasNoBannerAndZeroErrors() {
        let out = render(.clean)
        XCTAssertTrue(out["json"]!.contains("\"journal_errors\": 0,"))
        XCTAssertTrue(out["json"]!.contains("\"seal_failed\": false,"))
        for format in ["text", "md", "html", "csv"] {
            XCTAssertFalse(out[format]!.contains("错误"), format)
            XCTAssertFalse(out[format]!.contains("严重警告"), format)
        }
        XCTAssertTrue(out["text"]!.hasPrefix("测试局 2019年1月 预算执行进度预警报告\n"))
        XCTAssertTrue(out["csv"]!.hasPrefix("\u{FEFF}单位,项目编号,"))
    }

    func testBannerOnAJournalWithErrors() {
        let out = render(JournalHealth(errorCount: 2))
        let words = "日记账有 2 个错误，出错的分录未计入本表"
        XCTAssertTrue(out["text"]!.hasPrefix("=====") && out["text"]!.contains("【注意】" + words), out["text"]!)
        XCTAssertTrue(out["md"]!.hasPrefix("> **【注意】" + words), out["md"]!)
        let html = out["html"]!
        let banner = html.range(of: "<div class=\"banner\" role=\"alert\"><strong>注意</strong>" + words)
        XCTAssertNotNil(banner, "the HTML banner")
        XCTAssertLessThan(banner!.lowerBound, html.range(of: "<header class=\"report\">")!.lowerBound, "above the head")
        XCTAssertTrue(html.contains("@top-center { content: \"注意：日记账有 2 个错误，本表数字不完整\""), "on every printed page")
        XCTAssertTrue(out["csv"]!.hasPrefix("\u{FEFF}【注意】" + words), "CSV: the first row")
        XCTAssertTrue(out["json"]!.contains("\"journal_errors\": 2,"))
        XCTAssertTrue(out["json"]!.contains("\"seal_failed\": false,"))
    }

    func testLoudestBannerWhenASealFailed() {
        let out = render(JournalHealth(errorCount: 1, sealFailed: true))
        let words = "封账校验失败：已封账期间的记录被改动过，本表数字不可信，不得签章报送。"
        XCTAssertTrue(out["text"]!.hasPrefix("!!!!!") && out["text"]!.contains("【严重警告】" + words), out["text"]!)
        XCTAssertTrue(out["md"]!.hasPrefix("> **【严重警告】" + words))
        XCTAssertTrue(out["html"]!.contains("<div class=\"banner seal\" role=\"alert\"><strong>严重警告</strong>" + words))
        XCTAssertTrue(out["html"]!.contains(".banner.seal { border: 3px solid #c0392b"), "red")
        XCTAssertTrue(out["csv"]!.hasPrefix("\u{FEFF}【严重警告】" + words))
        XCTAssertTrue(out["json"]!.contains("\"journal_errors\": 1,"))
        XCTAssertTrue(out["json"]!.contains("\"seal_failed\": true,"))
        // In colour, the text banner is red.
        let monthly = MonthlyReport(journal: Self.threeHalves, year: 2019, month: 1)!
        let coloured = TextRenderer.monthly(monthly, frame: ReportFrame(health: JournalHealth(errorCount: 1, sealFailed: true)), style: TextStyle(colour: true))
        XCTAssertTrue(coloured.hasPrefix("\u{1B}[31;1m"))
    }

    // MARK: - Head and foot

    func testHeadAndFootInEveryHumanFormat() {
        let seal = SealStamp(date: Fixtures.date("2019-12-31"), code: "0123456789abcdef")
        let frame = ReportFrame(money: .wan, organisation: "测试局", latestSeal: seal, preparedOn: Fixtures.date("2020-01-15"))
        let c = CarryoverStatement(journal: Self.threeHalves, year: 2019)!
        let i = Indicators(journal: Self.threeHalves, year: 2019)!
        let r = Register(journal: Self.threeHalves, project: "A")
        let outputs = [
            TextRenderer.carryover(c, frame: frame, style: TextStyle(colour: false)), MarkdownRenderer.carryover(c, frame: frame), HTMLRenderer.carryover(c, frame: frame),
            TextRenderer.indicators(i, frame: frame, style: TextStyle(colour: false)), MarkdownRenderer.indicators(i, frame: frame), HTMLRenderer.indicators(i, frame: frame),
            TextRenderer.register(r, frame: frame, style: TextStyle(colour: false)), MarkdownRenderer.register(r, frame: frame), HTMLRenderer.register(r, frame: frame),
        ]
        for out in outputs {
            XCTAssertTrue(out.contains("编制单位：测试局"), out)
            XCTAssertTrue(out.contains("金额单位：万元"), out)
            XCTAssertTrue(out.contains("最近封账：2019年12月31日　校验码：0123456789abcdef"), out)
            XCTAssertTrue(out.contains("编制日期：2020年1月15日"), out)
            for signer in ["单位负责人：", "财务负责人：", "制表人："] { XCTAssertTrue(out.contains(signer), signer) }
            // The head comes before the figures, the foot after them.
            XCTAssertLessThan(out.range(of: "编制单位")!.lowerBound, out.range(of: "最近封账")!.lowerBound)
        }
        XCTAssertTrue(outputs[0].contains("报告期间：2019年度（截至 2019年12月31日）"))
        XCTAssertTrue(outputs[3].contains("报告期间：2019年度（截至 2019年12月31日）"))
        XCTAssertTrue(outputs[6].contains("期间：全部分录"))
        XCTAssertTrue(outputs[6].contains("资金明细账（A）"))
        // Unsealed: said so, never left blank.
        let unsealed = TextRenderer.indicators(i, frame: ReportFrame(), style: TextStyle(colour: false))
        XCTAssertTrue(unsealed.contains("最近封账：未封账"))
        // Printed HTML numbers its pages and repeats table heads.
        let html = HTMLRenderer.monthly(MonthlyReport(journal: Self.threeHalves, year: 2019, month: 1)!, frame: frame)
        XCTAssertTrue(html.contains("@bottom-center { content: \"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""))
        XCTAssertTrue(html.contains("thead { display: table-header-group; }"))
        XCTAssertTrue(html.contains("报告期间：2019年1月（截至 2019年1月31日）"))
        // The foot is the last row of the last table, kept with the rows above it.
        XCTAssertTrue(html.contains("<tbody class=\"keep-with-foot\">"))
        XCTAssertTrue(html.contains("tbody.keep-with-foot { break-inside: avoid;"))
    }

    // MARK: - One wording across formats; Chinese labels

    func testOneHeadlineWordingAndPlanPercentagesWithTwoDecimals() {
        let journal = Fixtures.shipped("qinhuangdao-2020.journal")
        let r = MonthlyReport(journal: journal, year: 2020, month: 6)!
        let frame = ReportFrame(context: journal.context)
        let headline = RenderSupport.overview(r.status.totals, asOf: r.asOf, money: .wan)
        XCTAssertTrue(headline.contains("落后计划 9.51 个百分点"), headline)
        let text = TextRenderer.monthly(r, frame: frame, style: TextStyle(colour: false))
        let md = MarkdownRenderer.monthly(r, frame: frame)
        let html = HTMLRenderer.monthly(r, frame: frame)
        XCTAssertTrue(text.contains(headline))
        XCTAssertTrue(md.contains(headline))
        XCTAssertTrue(html.contains(HTMLRenderer.escape(headline)))
        for out in [text, md, html] {
            XCTAssertFalse(out.contains("慢于序时进度"))
            // Plan percentages: always two decimals.
            XCTAssertNil(out.range(of: #"计划支出 \d+%"#, options: .regularExpression), "a plan percentage without decimals")
        }
        XCTAssertTrue(text.contains("6月底计划支出 48.00%"), text)
    }

    func testIndicatorsShowNoInternalKeysToPeople() {
        let i = Indicators(journal: Self.threeHalves, year: 2019)!
        let frame = ReportFrame()
        for out in [
            TextRenderer.indicators(i, frame: frame, style: TextStyle(colour: false)), MarkdownRenderer.indicators(i, frame: frame),
            HTMLRenderer.indicators(i, frame: frame),
        ] {
            for key in ["execution_rate", "adjustment_rate", "carryover_rate", "sangong", "procurement_rate", "total_paid", "basic_paid"] {
                XCTAssertFalse(out.contains(key), key)
            }
            XCTAssertTrue(out.contains("预算执行率"))
        }
        XCTAssertTrue(JSONRenderer.indicators(i, frame: frame).contains("\"execution_rate\""), "JSON keeps the spec's keys")
    }

    // MARK: - Checked totals

    /// Two projects each holding 47 × 1,000,000,000,000,000 元 … (10^16 分 per 下达, the largest
    /// entry): each project fits in Int64, their sum does not.
    func testTotalsThatDoNotFitAreRefusedNotWrapped() {
        var lines = ["2019-01-01 项目 A 甲 单位=局机关", "2019-01-01 项目 B 乙 单位=局机关 标签=基本"]
        for project in ["A", "B"] {
            for n in 0..<470 { lines.append("2019-01-02 下达 \(project) 100000000000000.00 文号=W\(project)\(n)") }
        }
        let journal = Fixtures.journal(lines.joined(separator: "\n") + "\n")
        XCTAssertFalse(journal.hasErrors, "\(journal.diagnostics.prefix(3))")
        let asOf = Fixtures.date("2019-12-31")
        let status = StatusReport(journal: journal, asOf: asOf)
        XCTAssertEqual(status.projects.map(\.budgetFen), [4_700_000_000_000_000_000, 4_700_000_000_000_000_000])
        XCTAssertNotNil(status.overflow)
        XCTAssertNotNil(MonthlyReport(journal: journal, year: 2019, month: 12)!.overflow)
        XCTAssertNotNil(CarryoverStatement(journal: journal, year: 2019)!.overflow)
        XCTAssertNotNil(Indicators(journal: journal, year: 2019)!.overflow)
        // One project alone is fine.
        let one = StatusReport(journal: journal, asOf: asOf, unit: nil).projects.filter { $0.id == "A" }
        XCTAssertNil(Totals(one, asOf: asOf).overflow)
        XCTAssertEqual(Totals(one, asOf: asOf).budgetFen, 4_700_000_000_000_000_000)
    }

    // MARK: - Print: a bar's colour is its project's status

    func testProgressBarColourFollowsStatusNotLength() {
        let journal = Fixtures.shipped("qinhuangdao-2020.journal")
        let projects = StatusReport(journal: journal, asOf: Fixtures.date("2020-06-30")).projects
        XCTAssertEqual(Set(projects.map(\.status)), [.ok, .yellow, .red], "the fixture has every status")
        for p in projects where p.rateBasisPoints > 0 {
            let bar = HTMLRenderer.progressBar(p)
            let fill = "height=\"\(HTMLRenderer.barHeight)\" fill=\"\(HTMLRenderer.statusColour[p.status]!)\""
            XCTAssertTrue(bar.contains(fill), "\(p.id) (\(p.status.key), \(p.rateBasisPoints) bp): \(bar.prefix(400))")
            for other in [AlertLevel.ok, .yellow, .red] where other != p.status {
                XCTAssertFalse(bar.contains("fill=\"\(HTMLRenderer.statusColour[other]!)\""), "\(p.id) drawn as \(other.key)")
            }
        }
    }
}
