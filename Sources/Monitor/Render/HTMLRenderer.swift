import Ledger

/// One self-contained HTML5 document per report: inline `<style>` and inline `<svg>`, no
/// scripts, no external fonts, links or images, printable on A4. Every piece of journal text
/// goes through `escape` (element content, attribute values, SVG `<text>` and `<title>`).
///
/// Amounts as the frame's `MoneyFormat` says (万元 to 2 decimals by default). SVG
/// coordinates are computed from basis points with integer arithmetic, in tenths of a unit.
public enum HTMLRenderer {
    // MARK: - Reports

    /// `fundflow status --format html`: summary, progress bars, project table, unit summary.
    public static func status(_ r: StatusReport, frame: ReportFrame) -> String {
        let t = r.totals
        let m = frame.money
        var body = head(
            Letterhead(frame, title: "预算执行情况表", period: RenderSupport.asOfPeriod(r.asOf)), frame,
            extra: ["共 \(t.projectCount) 个项目"])
        body += section("一、总体情况", "<p class=\"lead\">\(escape(RenderSupport.overview(t, asOf: r.asOf, money: m)))</p>\n" + summaryCards(t, money: m))
        body += section("二、各项目执行进度", progressLegend() + progressTable(r.projects))
        body += section("三、项目执行明细", projectTable(r.projects, totals: t, money: m))
        body += section("四、分单位汇总", unitTable(r.units, totals: t, money: m, foot: foot(frame, notes: [RenderSupport.gapNote])))
        return document(title: RenderSupport.statusTitle(r) + "（截至 \(r.asOf)）", body: body, health: frame.health)
    }

    /// `report monthly --format html`: 预算执行进度预警报告.
    public static func monthly(_ r: MonthlyReport, frame: ReportFrame) -> String {
        let t = r.status.totals
        let m = frame.money
        let projects = r.status.projects
        var body = head(
            Letterhead(frame, title: "\(r.year)年\(r.month)月 预算执行进度预警报告", period: RenderSupport.monthlyPeriod(r)), frame,
            extra: ["共 \(t.projectCount) 个项目"])
        body += section(
            "一、总体情况",
            "<p class=\"lead\">\(escape(RenderSupport.overview(t, asOf: r.asOf, money: m)))</p>\n"
                + summaryCards(t, money: m)
                + "<h3>全年累计支出进度（按月）</h3>\n" + curveChart(r) + curveTable(r))
        // The progress bars take about as long as all the tables after them: made side by side.
        body += Concurrently.make(
            [
                { section("二、各项目执行进度", progressLegend() + progressTable(projects)) },
                {
                    section("三、预警项目", alertTable(r.alerted, money: m))
                        + section("四、合同应付未付", contractTable(r, money: m))
                        + section("五、结转资金使用", carryoverUseTable(r, money: m))
                        + section("六、分单位汇总", unitTable(r.status.units, totals: t, money: m))
                        + section("附：项目执行明细", projectTable(projects, totals: t, money: m, foot: foot(frame, notes: [RenderSupport.gapNote])))
                },
            ], parallel: projects.count >= StatusBuilder.parallelFromProjects
        ).joined()
        return document(title: RenderSupport.monthlyTitle(r), body: body, health: frame.health)
    }

    /// `report carryover --format html`: 年终结转结余表, landscape A4.
    public static func carryover(_ r: CarryoverStatement, frame: ReportFrame) -> String {
        let t = r.totals
        let m = frame.money
        func money(_ fen: Int64) -> String { m.string(fen) }
        var body = head(
            Letterhead(frame, title: "\(r.year)年度 年终结转结余表", period: RenderSupport.yearEndPeriod(r.year)), frame,
            extra: ["共 \(t.projectCount) 个项目"])
        let u = m.unitName
        var cards = [
            Card(label: "预算合计", value: money(t.budgetFen), unit: u),
            Card(label: "支出合计", value: money(t.paidFen), unit: u),
            Card(label: "预算执行率", value: Percent.string(t.rateBasisPoints), unit: "%"),
            Card(label: "结转下年", value: money(t.carriedOutFen), unit: u),
            Card(label: "结余收回", value: money(t.lapsedFen), unit: u),
            Card(label: "上年结转", value: money(t.carriedInFen), unit: u),
            Card(label: "应付未付合同", value: money(t.unpaidContractsFen), unit: u),
        ]
        cards.append(Card(label: "未处理余额", value: money(t.availableFen), unit: u, level: t.availableFen != 0 ? .red : nil))
        body += "<section>\n" + cardGrid(cards) + "</section>\n"

        let columns = [
            Column("项目编号", width: "6%", cellClass: "nowrap"), Column("项目名称", width: "22%"),
            Column("上年结转", numeric: true), Column("本年下达", numeric: true), Column("调减", numeric: true),
            Column("预算", numeric: true), Column("支出", numeric: true), Column("结转下年", numeric: true),
            Column("结余收回", numeric: true), Column("未处理", numeric: true), Column("执行率%", numeric: true),
            Column("应付未付合同", numeric: true), Column("原因", width: "25%"),
        ]
        func amounts(_ s: Totals) -> [String] {
            [s.carriedInFen, s.allottedFen, s.reducedFen, s.budgetFen, s.paidFen, s.carriedOutFen, s.lapsedFen]
                .map(money) + [unresolved(s.availableFen, money: m), Percent.string(s.rateBasisPoints), money(s.unpaidContractsFen)]
        }
        var rows: [Row] = []
        var reasons: [String: [String]] = [:]
        for row in r.rows { reasons[row.project.id] = row.reasons }
        for group in RenderSupport.grouped(r.rows.map(\.project), units: r.units) {
            rows.append(
                Row(
                    [
                        "<span class=\"unit-name\">\(escape(unitLabel(group.unit.unit)))</span>"
                            + "<span class=\"muted\">（\(group.projects.count) 个项目）</span>"
                    ], className: "group", span: columns.count))
            for p in group.projects {
                let f = p.figures
                rows.append(
                    Row(
                        [escape(p.id), escape(p.name)]
                            + [f.carriedInFen, f.allottedFen, f.reducedFen, f.budgetFen, f.paidFen, f.carriedOutFen, f.lapsedFen].map(money)
                            + [
                                unresolved(p.availableFen, money: m), Percent.string(p.rateBasisPoints), money(p.unpaidContractsFen),
                                (reasons[p.id] ?? []).map(escape).joined(separator: "；"),
                            ]))
            }
            rows.append(Row(["", escape(unitLabel(group.unit.unit)) + " 小计"] + amounts(group.unit.totals) + [""], className: "subtotal"))
        }
        rows.append(Row(["合计", ""] + amounts(t) + [""], className: "total"))
        if t.availableFen != 0 {
            body += "<p class=\"warning\">尚有 \(escape(m.withUnit(t.availableFen))) 既未支出，也未结转或收回（“未处理”列标红），请录入结转（fundflow carry）或收回（fundflow lapse）。</p>\n"
        }
        let notes = ["预算 = 上年结转 + 本年下达 − 调减；未处理 = 预算 − 支出 − 结转下年 − 结余收回，年末应为 0；执行率 = 支出 ÷ 预算。"]
        body += "<section>\n" + table(columns, rows, className: "dense", foot: foot(frame, notes: notes)) + "</section>\n"
        return document(title: RenderSupport.carryoverTitle(r), body: body, landscape: true, health: frame.health)
    }

    /// `report indicators --format html`: 部门整体绩效指标.
    public static func indicators(_ r: Indicators, frame: ReportFrame) -> String {
        var body = head(
            Letterhead(frame, title: "\(r.year)年度 部门整体绩效指标", period: RenderSupport.yearPeriod(r.year, asOf: r.asOf)), frame,
            extra: ["执行率目标：\(RenderSupport.percentText(r.targetRateBasisPoints))"])
        let rows = RenderSupport.indicatorRows(r, money: frame.money.string, unit: frame.money.unitName)
        func shown(_ row: RenderSupport.IndicatorRow) -> String { row.value.isEmpty ? "—" : row.value }
        let cards = rows.filter { $0.primary && ($0.unit == "%" || $0.unit == "分") }.map {
            Card(label: $0.name, value: shown($0), unit: $0.value.isEmpty ? "无此类项目" : $0.unit)
        }
        body += "<section>\n" + cardGrid(cards) + "</section>\n"
        let columns = [
            Column("指标", width: "24%"), Column("数值", numeric: true, width: "16%"),
            Column("单位", width: "9%"), Column("公式"),
        ]
        func tableRows(_ list: [RenderSupport.IndicatorRow]) -> [Row] {
            list.map { Row([escape($0.name), shown($0), escape($0.unit), escape($0.formula)]) }
        }
        body += section("绩效指标", table(columns, tableRows(rows.filter(\.primary))))
        body += section(
            "计算依据",
            table(
                columns, tableRows(rows.filter { !$0.primary }),
                foot: foot(frame, notes: ["各指标口径见“公式”列；比率按精确金额计算，四舍五入保留两位小数。"])))
        return document(title: RenderSupport.indicatorsTitle(r), body: body, health: frame.health)
    }

    /// `fundflow register --format html`: every entry, nothing cut.
    public static func register(_ r: Register, frame: ReportFrame) -> String {
        let m = frame.money
        var body = head(
            Letterhead(frame, title: RegisterText.title(r), period: RenderSupport.registerPeriod(from: r.from, to: r.to)), frame,
            extra: [])
        if r.rows.isEmpty {
            body += "<p class=\"empty\">没有符合条件的分录。</p>\n"
            return document(title: RegisterText.title(r), body: body + foot(frame, hasAmounts: false), health: frame.health)
        }
        let columns = [
            Column("日期", width: "10%", cellClass: "date"), Column("项目", width: "7%", cellClass: "nowrap"), Column("动作", width: "5%", cellClass: "nowrap"),
            Column("金额", numeric: true, width: "9%"), Column("可用余额", numeric: true, width: "9%"),
            Column("凭证/文号", width: "19%"), Column("摘要"),
        ]
        let rows = r.rows.map { row in
            Row(
                [
                    row.date.description, escape(row.project), row.verb.chinese, escape(RegisterText.signedAmount(row, m)),
                    m.string(row.availableAfterFen), escape(row.reference), escape(row.memo),
                ], className: row.verb == .contract ? "muted" : nil)
        }
        body += table(columns, rows, className: "dense", foot: foot(frame, notes: [RegisterText.note]))
        return document(title: RegisterText.title(r), body: body, health: frame.health)
    }

    // MARK: - Escaping

    /// HTML-escapes `& < > " '`: safe in element content, in quoted attribute values and in
    /// SVG `<text>` and `<title>`.
    public static func escape(_ text: String) -> String {
        // Most names and amounts need nothing escaped: they are returned as they are.
        guard text.utf8.contains(where: needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            case 0: out += Array("\u{FFFD}".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `escape` replaces (all ASCII: never part of a longer UTF-8 sequence).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'") || byte == 0
    }

    // MARK: - Document

    static let statusColour: [AlertLevel: String] = [.ok: "#2e7d32", .yellow: "#d4a017", .red: "#c0392b"]
    static let ink = "#1f4e79"

    static func document(title: String, body: String, landscape: Bool = false, health: JournalHealth = .clean) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(css(landscape: landscape))\(pageWarning(health))
        </style>
        </head>
        <body class="\(landscape ? "landscape" : "portrait")">
        \(body)</body>
        </html>

        """
    }

    /// On a journal with errors every printed page carries the warning at its top, not only
    /// the first (a loose page must not look clean either).
    static func pageWarning(_ health: JournalHealth) -> String {
        guard health.bannerText != nil else { return "" }
        let text = health.sealFailed ? "严重警告：封账校验失败，本表数字不可信，不得签章报送" : "注意：日记账有 \(health.errorCount) 个错误，本表数字不完整"
        return "\n@page { @top-center { content: \"\(text)\"; color: \(health.sealFailed ? "#c0392b" : "#8a6a00"); font-size: 9pt; font-weight: 700; } }"
    }

    static func css(landscape: Bool) -> String {
        """
        @page { size: A4\(landscape ? " landscape" : ""); margin: 15mm 15mm 17mm;
          @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 8pt; color: #555; } }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
          font-size: 10pt; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0 auto; }
        body.portrait { max-width: 180mm; }
        body.landscape { max-width: 267mm; }
        @media screen {
          html { background: #e9ecef; }
          body { background: #fff; padding: 15mm; margin: 16px auto; box-shadow: 0 1px 6px rgba(0,0,0,.18); }
          body.portrait { max-width: 210mm; }
          body.landscape { max-width: 297mm; }
        }
        header.report { border-bottom: 2px solid \(ink); padding-bottom: 6px; margin-bottom: 10px; }
        header.report h1 { font-size: 19pt; margin: 0; color: \(ink); letter-spacing: .04em; }
        header.report h1.long { font-size: 15pt; letter-spacing: .02em; }
        header.report .meta { color: #555; font-size: 9pt; display: flex; flex-wrap: wrap; }
        header.report .meta span { white-space: nowrap; }
        header.report .meta span + span::before { content: "　·　"; color: #aaa; }
        h2 { font-size: 13pt; margin: 14px 0 6px; padding-left: 8px; border-left: 4px solid \(ink); color: #111;
          break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 10.5pt; margin: 12px 0 4px; color: #333; break-after: avoid; page-break-after: avoid; }
        p { margin: 4px 0; }
        p.lead { margin: 0 0 8px; }
        p.subtitle { margin: -4px 0 4px 12px; color: #444; font-size: 9pt; }
        p.empty { color: #555; }
        p.warning { color: #c0392b; font-weight: 600; }
        .muted { color: #666; font-weight: normal; }
        .small { font-size: 8pt; }
        .cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px; margin: 6px 0 4px; }
        body.landscape .cards { grid-template-columns: repeat(8, minmax(0, 1fr)); gap: 4px; }
        body.landscape .card { padding: 3px 6px; }
        body.landscape .card .value { font-size: 12pt; }
        body.landscape header.report h1 { font-size: 16pt; }
        body.landscape footer.report { margin-top: 6px; }
        body.landscape footer.report .signatures { margin-top: 8px; }
        .card { border: 1px solid #d0d7de; border-radius: 4px; padding: 5px 8px; background: #f8fafc;
          break-inside: avoid; page-break-inside: avoid; }
        .card .label { font-size: 8.5pt; color: #555; }
        .card .value { font-size: 14pt; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .card .unit { font-size: 8.5pt; color: #555; margin-left: 3px; font-weight: normal; }
        .card.red { border-color: #c0392b; background: #fdf1ef; }
        .card.red .value { color: #c0392b; }
        .card.yellow { border-color: #d4a017; background: #fdf8e6; }
        .card.yellow .value { color: #8a6a00; }
        .card.ok .value { color: #2e7d32; }
        table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 4px 0 8px; }
        table.dense { font-size: 8pt; line-height: 1.3; }
        table.dense th, table.dense td { padding: 2px 4px; }
        th, td { border: 1px solid #c8ced6; padding: 3px 5px; vertical-align: middle; overflow-wrap: anywhere; }
        thead { display: table-header-group; }
        thead th { background: #e8eef5; font-weight: 600; text-align: center; overflow-wrap: normal; white-space: nowrap; }
        tr, .card, figure, .keep { break-inside: avoid; page-break-inside: avoid; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; }
        td.center { text-align: center; }
        td.date { white-space: nowrap; overflow-wrap: normal; font-variant-numeric: tabular-nums; }
        td.bar { padding: 2px 4px; }
        td.bar svg { display: block; width: 100%; height: auto; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        tr.group td { background: #eef2f7 !important; font-weight: 600; }
        tr.subtotal td { background: #f1f4f8 !important; font-weight: 600; }
        tr.total td { background: #e1e8f1 !important; font-weight: 700; border-top: 2px solid \(ink); }
        td.alarm { color: #c0392b; font-weight: 700; }
        .id { font-weight: 600; white-space: nowrap; }
        .unit-name { font-weight: 600; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 8pt; line-height: 1.6;
          white-space: nowrap; color: #fff; font-weight: 600; }
        .badge.red { background: #c0392b; }
        .badge.yellow { background: #d4a017; color: #1a1a1a; }
        .badge.ok { background: #2e7d32; }
        ul.alerts { margin: 0; padding: 0; list-style: none; }
        ul.alerts li { margin: 1px 0; }
        ul.alerts li .badge { margin-right: 4px; }
        .legend { font-size: 8pt; color: #444; margin: 2px 0 4px; }
        .legend span { margin-right: 12px; white-space: nowrap; }
        .swatch { display: inline-block; width: 14px; height: 8px; vertical-align: middle; margin-right: 3px; border-radius: 1px; }
        .tick { display: inline-block; width: 2px; height: 12px; background: #333; vertical-align: middle; margin: 0 4px 0 2px; }
        .marker { display: inline-block; width: 0; height: 0; border-left: 5px solid transparent; border-right: 5px solid transparent;
          border-top: 8px solid \(ink); vertical-align: middle; margin-right: 3px; }
        figure { margin: 4px 0 6px; }
        figure svg { display: block; width: 100%; height: auto; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 7.5pt; color: #444; white-space: nowrap; }
        footer.report { margin-top: 12px; padding-top: 6px; border-top: 1px solid #c8ced6; font-size: 9pt; color: #333;
          break-inside: avoid; page-break-inside: avoid; }
        footer.report .notes p { margin: 1px 0; font-size: 8pt; color: #555; }
        footer.report .stamp { margin-top: 6px; }
        footer.report .stamp span + span { margin-left: 2em; }
        footer.report .signatures { display: flex; justify-content: space-between; margin-top: 14px; }
        footer.report .signatures span { white-space: nowrap; }
        footer.report .signatures i { display: inline-block; width: 28mm; border-bottom: 1px solid #333; margin-left: 2px; }
        footer.report .generated { margin-top: 8px; font-size: 7.5pt; color: #888; }
        tbody.keep-with-foot { break-inside: avoid; page-break-inside: avoid; }
        tr.foot td { border: none; background: none !important; padding: 0; }
        .banner { border: 2px solid #d4a017; background: #fdf8e6; color: #5c4500; padding: 6px 10px; margin: 0 0 10px;
          font-weight: 600; break-inside: avoid; page-break-inside: avoid; }
        .banner strong { margin-right: .6em; }
        .banner.seal { border: 3px solid #c0392b; background: #fdecea; color: #c0392b; font-size: 12pt; }
        .banner.seal strong { font-size: 14pt; }
        td.nowrap { white-space: nowrap; overflow-wrap: normal; }
        """
    }

    /// The banner (first, when the journal has errors), then the head: 编制单位, title,
    /// period, amount unit and any `extra` items. One implementation for every HTML report.
    static func head(_ head: Letterhead, _ frame: ReportFrame, extra: [String] = []) -> String {
        var html = ""
        if let text = frame.health.bannerText {
            html +=
                "<div class=\"banner\(frame.health.sealFailed ? " seal" : "")\" role=\"alert\"><strong>\(escape(frame.health.bannerTitle))</strong>"
                + "\(escape(text))</div>\n"
        }
        // A title longer than one line of A4 portrait at 19pt gets a smaller size, not a break mid-word.
        let long = DisplayWidth.of(head.title) > longTitleWidth
        return html + "<header class=\"report\">\n<h1\(long ? " class=\"long\"" : "")>\(escape(head.title))</h1>\n"
            + "<div class=\"meta\">" + (head.metaItems + extra).map { "<span>\(escape($0))</span>" }.joined() + "</div>\n"
            + "</header>\n"
    }

    /// Display columns (a CJK character counts 2) of the longest title printed at 19pt.
    static let longTitleWidth = 50

    static func section(_ title: String, _ content: String) -> String {
        "<section>\n<h2>\(escape(title))</h2>\n\(content)</section>\n"
    }

    /// The notes (the 尾差 note when cells are rounded), the latest seal, 编制日期 and the
    /// signature lines, kept together on the last page.
    static func foot(_ frame: ReportFrame, notes: [String] = [], hasAmounts: Bool = true) -> String {
        var all = notes
        if hasAmounts && frame.money.rounds { all.append(MoneyFormat.roundingNote + "。") }
        let foot = Letterhead.foot(frame)
        var html = "<footer class=\"report\">\n"
        if !all.isEmpty { html += "<div class=\"notes\">" + all.map { "<p>注：\(escape($0))</p>" }.joined() + "</div>\n" }
        html += "<div class=\"stamp\"><span>\(escape(foot.seal))</span>" + (foot.prepared.map { "<span>\(escape($0))</span>" } ?? "") + "</div>\n"
        html += "<div class=\"signatures\">" + foot.signatures.map { "<span>\(escape($0))<i></i></span>" }.joined() + "</div>\n"
        return html + "<div class=\"generated\">本报告由 fundflow 根据资金流水账生成。</div>\n</footer>\n"
    }

    static func unitLabel(_ unit: String) -> String { unit.isEmpty ? "（未填单位）" : unit }

    static func badge(_ level: AlertLevel, _ text: String? = nil) -> String {
        "<span class=\"badge \(level.key)\">\(escape(text ?? level.statusName))</span>"
    }

    /// `P01` over the name over the unit, all escaped.
    static func projectCell(_ p: ProjectStatus, unit: Bool = true) -> String {
        "<span class=\"id\">\(escape(p.id))</span> \(escape(p.name))"
            + (unit ? "<br><span class=\"muted small\">\(escape(unitLabel(p.unit)))</span>" : "")
    }

    static func unresolved(_ fen: Int64, money: MoneyFormat) -> String {
        let text = money.string(fen)
        return fen != 0 ? "<span class=\"alarm\">\(text)</span>" : text
    }

    // MARK: - Cards

    struct Card {
        var label: String
        var value: String
        var unit: String
        var level: AlertLevel? = nil
    }

    static func cardGrid(_ cards: [Card]) -> String {
        "<div class=\"cards\">\n"
            + cards.map { c in
                "<div class=\"card\(c.level.map { " " + $0.key } ?? "")\"><div class=\"label\">\(escape(c.label))</div>"
                    + "<div class=\"value\">\(escape(c.value))<span class=\"unit\">\(escape(c.unit))</span></div></div>\n"
            }.joined() + "</div>\n"
    }

    static func summaryCards(_ t: Totals, money m: MoneyFormat) -> String {
        let u = m.unitName
        func money(_ fen: Int64) -> String { m.string(fen) }
        let gapLevel: AlertLevel? = t.gapBasisPoints > 0 ? (t.redCount > 0 ? .red : .yellow) : .ok
        return cardGrid([
            Card(label: "预算合计", value: money(t.budgetFen), unit: u),
            Card(label: "支出合计", value: money(t.paidFen), unit: u),
            Card(label: "可用余额", value: money(t.availableFen), unit: u),
            Card(label: "预算执行率", value: Percent.string(t.rateBasisPoints), unit: "%", level: gapLevel),
            Card(label: "序时进度", value: Percent.string(t.evenPaceBasisPoints), unit: "%"),
            Card(label: "计划进度（预算加权）", value: Percent.string(t.expectedBasisPoints), unit: "%"),
            Card(label: "严重滞后项目（红色预警）", value: "\(t.redCount)", unit: "个", level: t.redCount > 0 ? .red : .ok),
            Card(label: "滞后项目（黄色预警）", value: "\(t.yellowCount)", unit: "个", level: t.yellowCount > 0 ? .yellow : .ok),
        ])
    }

    // MARK: - Tables

    struct Column {
        var title: String
        var numeric: Bool
        var width: String?
        /// The class of the column's body cells: `num` for numbers unless given.
        var cellClass: String?
        init(_ title: String, numeric: Bool = false, width: String? = nil, cellClass: String? = nil) {
            self.title = title
            self.numeric = numeric
            self.width = width
            self.cellClass = cellClass ?? (numeric ? "num" : nil)
        }
    }

    struct Row {
        /// Cell contents, already HTML (journal text escaped by the caller).
        var cells: [String]
        var className: String?
        /// When set, the single cell spans this many columns.
        var span: Int?
        init(_ cells: [String], className: String? = nil, span: Int? = nil) {
            self.cells = cells
            self.className = className
            self.span = span
        }
    }

    /// Rows kept on the page of the report's foot (with the table's head repeated above them).
    static let rowsKeptWithFoot = 3

    /// A table; with `foot`, the report's foot is its last row, kept on one page with the last
    /// few rows (a `<tbody>` that does not break), so that the signature lines never stand
    /// alone on a page — Chromium keeps a row group together but ignores break-before between
    /// a table and what follows it.
    static func table(_ columns: [Column], _ rows: [Row], className: String? = nil, foot: String? = nil) -> String {
        var html = "<table\(className.map { " class=\"\($0)\"" } ?? "")>\n"
        if columns.contains(where: { $0.width != nil }) {
            html += "<colgroup>" + columns.map { c in c.width.map { "<col style=\"width:\($0)\">" } ?? "<col>" }.joined() + "</colgroup>\n"
        }
        html += "<thead><tr>" + columns.map { "<th>\(escape($0.title))</th>" }.joined() + "</tr></thead>\n"
        let kept = foot == nil ? 0 : min(rowsKeptWithFoot, rows.count)
        // Rows are appended in place: a province's tables have thousands.
        html += "<tbody>\n"
        for row in rows.dropLast(kept) { tableRow(row, columns, into: &html) }
        html += "</tbody>\n"
        if let foot {
            html += "<tbody class=\"keep-with-foot\">\n"
            for row in rows.suffix(kept) { tableRow(row, columns, into: &html) }
            html += "<tr class=\"foot\"><td colspan=\"\(columns.count)\">\(foot)</td></tr>\n</tbody>\n"
        }
        return html + "</table>\n"
    }

    static func tableRow(_ row: Row, _ columns: [Column], into html: inout String) {
        html += "<tr"
        if let className = row.className {
            html += " class=\""
            html += className
            html += "\""
        }
        html += ">"
        if let span = row.span {
            html += "<td colspan=\"\(span)\">"
            html += row.cells.first ?? ""
            html += "</td>"
        } else {
            for (index, cell) in row.cells.enumerated() {
                if index < columns.count, let cellClass = columns[index].cellClass {
                    html += "<td class=\""
                    html += cellClass
                    html += "\">"
                } else {
                    html += "<td>"
                }
                html += cell
                html += "</td>"
            }
        }
        html += "</tr>\n"
    }

    static func projectTable(_ projects: [ProjectStatus], totals t: Totals, money m: MoneyFormat, foot: String? = nil) -> String {
        func money(_ fen: Int64) -> String { m.string(fen) }
        let columns = [
            Column("单位", cellClass: "nowrap"), Column("项目", width: "30%"), Column("预算", numeric: true),
            Column("支出", numeric: true), Column("可用余额", numeric: true), Column("执行率%", numeric: true),
            Column("计划进度%", numeric: true), Column("差距", numeric: true), Column("状态", cellClass: "nowrap"),
        ]
        var rows = projects.map { p in
            Row([
                escape(unitLabel(p.unit)), "<span class=\"id\">\(escape(p.id))</span> \(escape(p.name))",
                money(p.budgetFen), money(p.paidFen), money(p.availableFen), Percent.string(p.rateBasisPoints),
                Percent.string(p.expectedBasisPoints), Percent.string(p.gapBasisPoints), badge(p.status),
            ])
        }
        rows.append(
            Row(
                [
                    "合计", "共 \(t.projectCount) 个项目（\(escape(RenderSupport.countSummary(t)))）", money(t.budgetFen),
                    money(t.paidFen), money(t.availableFen), Percent.string(t.rateBasisPoints),
                    Percent.string(t.expectedBasisPoints), Percent.string(t.gapBasisPoints), "",
                ], className: "total"))
        return table(columns, rows, className: "dense", foot: foot)
    }

    static func unitTable(_ units: [UnitSummary], totals t: Totals, money m: MoneyFormat, foot: String? = nil) -> String {
        func money(_ fen: Int64) -> String { m.string(fen) }
        func cells(_ s: Totals) -> [String] {
            [
                "\(s.projectCount)", money(s.budgetFen), money(s.paidFen), money(s.availableFen), Percent.string(s.rateBasisPoints),
                Percent.string(s.expectedBasisPoints), Percent.string(s.gapBasisPoints), "\(s.redCount)", "\(s.yellowCount)",
            ]
        }
        let columns = [
            Column("单位", width: "20%", cellClass: "nowrap"), Column("项目数", numeric: true), Column("预算", numeric: true),
            Column("支出", numeric: true), Column("可用余额", numeric: true), Column("执行率%", numeric: true),
            Column("计划进度%", numeric: true), Column("差距", numeric: true), Column("严重滞后", numeric: true),
            Column("滞后", numeric: true),
        ]
        var rows = units.map { Row([escape(unitLabel($0.unit))] + cells($0.totals)) }
        rows.append(Row(["合计"] + cells(t), className: "total"))
        return table(columns, rows, foot: foot)
    }

    static func alertTable(_ alerted: [ProjectStatus], money m: MoneyFormat) -> String {
        if alerted.isEmpty { return "<p class=\"empty\">本月无预警项目。</p>\n" }
        let columns = [
            Column("序号", width: "6%"), Column("项目", width: "27%"), Column("执行率 / 计划", numeric: true, width: "12%"),
            Column("状态", width: "9%"), Column("预警内容"),
        ]
        let rows = alerted.enumerated().map { index, p in
            Row([
                "\(index + 1)", projectCell(p),
                "\(Percent.string(p.rateBasisPoints))%<br><span class=\"muted small\">计划 \(Percent.string(p.expectedBasisPoints))%</span>",
                badge(p.status),
                "<ul class=\"alerts\">"
                    + p.readableAlerts.map { a in
                        "<li>\(badge(a.level, a.code.title))\(escape(a.message))</li>"
                    }.joined() + "</ul>",
            ])
        }
        return table(columns, rows)
    }

    static func contractTable(_ r: MonthlyReport, money m: MoneyFormat) -> String {
        if r.unpaidContracts.isEmpty { return "<p class=\"empty\">无应付未付合同。</p>\n" }
        func money(_ fen: Int64) -> String { m.string(fen) }
        let columns = [
            Column("合同编号", width: "11%"), Column("项目", width: "25%"), Column("对方单位", width: "14%"),
            Column("签订日期", cellClass: "date"), Column("付款期限", cellClass: "date"), Column("合同金额", numeric: true), Column("已付", numeric: true),
            Column("未付", numeric: true), Column("状态"),
        ]
        let names = RenderSupport.names(r.status.projects)
        var rows = r.unpaidContracts.map { c in
            Row([
                "<span class=\"id\">\(escape(c.id))</span>",
                "<span class=\"id\">\(escape(c.project))</span> \(escape(names[c.project] ?? ""))",
                escape(c.party ?? "—"), c.signed.description, escape(RenderSupport.dueText(c)),
                money(c.amountFen), money(c.paidFen), money(c.unpaidFen),
                c.overdue ? badge(.red, "已逾期") : badge(.yellow, RenderSupport.contractState(c, asOf: r.asOf)),
            ])
        }
        rows.append(Row(["合计", "", "", "", "", "", "", money(r.status.totals.unpaidContractsFen), ""], className: "total"))
        return table(columns, rows)
    }

    static func carryoverUseTable(_ r: MonthlyReport, money m: MoneyFormat) -> String {
        if r.carryovers.isEmpty { return "<p class=\"empty\">本年无上年结转资金。</p>\n" }
        func money(_ fen: Int64) -> String { m.string(fen) }
        let t = r.status.totals
        let columns = [
            Column("项目", width: "40%"), Column("上年结转", numeric: true), Column("已使用", numeric: true),
            Column("尚未使用", numeric: true), Column("结转时长", numeric: true),
        ]
        var rows = r.carryovers.map { c in
            Row([
                "<span class=\"id\">\(escape(c.projectID))</span> \(escape(c.projectName))",
                money(c.carriedInFen), money(c.consumedFen), money(c.remainingFen),
                c.remainingFen > 0 ? (c.ageDays.map { "\($0) 天" } ?? "—") : "已用完",
            ])
        }
        rows.append(
            Row(
                [
                    "合计", money(t.carriedInFen), money(t.carriedInFen - t.carriedInRemainingFen),
                    money(t.carriedInRemainingFen), "",
                ], className: "total"))
        return table(columns, rows)
    }

    // MARK: - Progress bars (one SVG per project)

    static func progressLegend() -> String {
        "<div class=\"legend\">"
            + "<span><i class=\"swatch\" style=\"background:#2e7d32\"></i>正常</span>"
            + "<span><i class=\"swatch\" style=\"background:#d4a017\"></i>滞后</span>"
            + "<span><i class=\"swatch\" style=\"background:#c0392b\"></i>严重滞后</span>"
            + "<span><i class=\"tick\"></i>支出计划节点（月份）</span>"
            + "<span><i class=\"marker\"></i>截至日期应达到的计划进度</span>"
            + "</div>\n"
    }

    static func progressTable(_ projects: [ProjectStatus]) -> String {
        if projects.isEmpty { return "<p class=\"empty\">没有需要报告的项目。</p>\n" }
        let columns = [
            Column("项目", width: "29%"), Column("执行进度（0–100%）", width: "36%", cellClass: "bar"),
            Column("执行率%", numeric: true, width: "9.5%"), Column("计划%", numeric: true, width: "9%"),
            Column("差距", numeric: true, width: "7.5%"), Column("状态", width: "9%"),
        ]
        return table(
            columns,
            projects.map { p in
                Row([
                    projectCell(p), progressBar(p), Percent.string(p.rateBasisPoints), Percent.string(p.expectedBasisPoints),
                    Percent.string(p.gapBasisPoints), badge(p.status),
                ])
            })
    }

    /// Bar geometry, in SVG user units (≈ CSS px at the bar column's printed width).
    static let barWidth: Int64 = 260
    static let barLeft: Int64 = 6
    static let barTop: Int64 = 11
    static let barHeight: Int64 = 11
    /// Font size of the checkpoint labels, in tenths of a unit.
    static let tickFontSize: Int64 = 95

    /// A rough advance width in tenths of a unit: CJK and other wide characters 1 em,
    /// ASCII 0.6 em (enough to keep labels apart).
    static func textWidthTenths(_ text: String, fontSize: Int64) -> Int64 {
        text.unicodeScalars.reduce(Int64(0)) { $0 + ($1.isASCII ? fontSize * 6 / 10 : fontSize) }
    }

    /// One project's actual rate as a bar coloured by status, a tick at each plan checkpoint
    /// (labelled with its month) and a triangle at the plan progress expected now.
    static func progressBar(_ p: ProjectStatus) -> String {
        let width = barLeft * 2 + barWidth
        let height: Int64 = 37
        let colour = statusColour[p.status] ?? ink
        func x(_ bp: Int64) -> Int64 { barLeft * 10 + scaled(bp, barWidth) }  // tenths
        var svg =
            "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
            + "aria-label=\"\(escape("\(p.id) \(p.name) 执行率 \(Percent.string(p.rateBasisPoints))%，计划进度 \(Percent.string(p.expectedBasisPoints))%"))\">"
        svg += "<title>\(escape("\(p.id) \(p.name)：执行率 \(Percent.string(p.rateBasisPoints))%，计划进度 \(Percent.string(p.expectedBasisPoints))%，\(p.status.statusName)"))</title>"
        // Track with quarter dividers.
        svg += "<rect x=\"\(barLeft)\" y=\"\(barTop)\" width=\"\(barWidth)\" height=\"\(barHeight)\" fill=\"#e6eaef\" rx=\"1\"/>"
        // Actual rate.
        let rateWidth = scaled(p.rateBasisPoints, barWidth)
        if rateWidth > 0 {
            svg += "<rect x=\"\(barLeft)\" y=\"\(barTop)\" width=\"\(tenths(rateWidth))\" height=\"\(barHeight)\" fill=\"\(colour)\" rx=\"1\"/>"
        }
        for quarter in [2500, 5000, 7500] as [Int64] {
            svg += "<line x1=\"\(tenths(x(quarter)))\" y1=\"\(barTop)\" x2=\"\(tenths(x(quarter)))\" y2=\"\(barTop + barHeight)\" stroke=\"#ffffff\" stroke-opacity=\"0.7\" stroke-width=\"1\"/>"
        }
        // Plan checkpoints: ticks across the bar, "6月 50%" below; a label that would touch
        // the previous one is left out (the tick stays, and its <title> says the same).
        var lastLabelEnd: Int64 = Int64.min
        for checkpoint in p.plan.checkpoints {
            let cx = x(checkpoint.percentBasisPoints)
            svg += "<g><title>\(escape("\(checkpoint.month)月底计划累计支出 \(RenderSupport.percentText(checkpoint.percentBasisPoints))"))</title>"
            svg += "<line x1=\"\(tenths(cx))\" y1=\"\(barTop - 2)\" x2=\"\(tenths(cx))\" y2=\"\(barTop + barHeight + 2)\" stroke=\"#222\" stroke-width=\"1.5\"/>"
            // The full label, else the month alone, else nothing.
            for label in ["\(checkpoint.month)月 \(RenderSupport.percentText(checkpoint.percentBasisPoints))", "\(checkpoint.month)月"] {
                let labelWidth = textWidthTenths(label, fontSize: tickFontSize)
                var start = cx - labelWidth / 2
                var anchor = "middle"
                if start < barLeft * 10 { start = cx; anchor = "start" }
                if start + labelWidth > (barLeft + barWidth) * 10 { start = cx - labelWidth; anchor = "end" }
                guard start >= lastLabelEnd + 40 else { continue }
                svg += "<text x=\"\(tenths(cx))\" y=\"\(barTop + barHeight + 12)\" font-size=\"\(tenths(tickFontSize))\" fill=\"#333\" text-anchor=\"\(anchor)\">\(escape(label))</text>"
                lastLabelEnd = start + labelWidth
                break
            }
            svg += "</g>"
        }
        // Expected now: a triangle above the bar pointing at it.
        let ex = x(p.expectedBasisPoints)
        svg += "<g><title>\(escape("截至日期计划进度 \(Percent.string(p.expectedBasisPoints))%"))</title>"
        svg += "<polygon points=\"\(tenths(ex - 45)),\(barTop - 9) \(tenths(ex + 45)),\(barTop - 9) \(tenths(ex)),\(barTop - 1)\" fill=\"\(ink)\"/></g>"
        svg += "</svg>"
        return svg
    }

    // MARK: - Cumulative curve (one SVG)

    static let chartWidth: Int64 = 690
    static let chartHeight: Int64 = 290
    static let plotLeft: Int64 = 46
    /// 46 units a month; the margin on the right holds the value labels.
    static let plotRight: Int64 = 598
    static let plotTop: Int64 = 14
    static let plotBottom: Int64 = 236

    /// The department's cumulative paid % month by month against its plan and the even pace.
    static func curveChart(_ r: MonthlyReport) -> String {
        let plotWidth = plotRight - plotLeft
        let plotHeight = plotBottom - plotTop
        func x(_ month: Int) -> Int64 { plotLeft * 10 + Int64(month) * plotWidth * 10 / 12 }  // tenths
        func y(_ bp: Int64) -> Int64 { plotBottom * 10 - scaled(bp, plotHeight) }  // tenths
        var svg =
            "<figure class=\"keep\"><svg viewBox=\"0 0 \(chartWidth) \(chartHeight)\" role=\"img\" "
            + "aria-label=\"\(escape("\(r.year)年各月累计支出进度与计划进度"))\" font-size=\"11\" fill=\"#333\">"
        svg += "<title>\(escape("\(r.year)年累计支出进度：截至\(r.month)月实际 \(Percent.string(r.status.totals.rateBasisPoints))%"))</title>"
        svg += "<rect x=\"\(plotLeft)\" y=\"\(plotTop)\" width=\"\(plotWidth)\" height=\"\(plotHeight)\" fill=\"#fbfcfd\"/>"
        // Months after the report month: plan only.
        if r.month < 12 {
            svg += "<rect x=\"\(tenths(x(r.month)))\" y=\"\(plotTop)\" width=\"\(tenths(x(12) - x(r.month)))\" height=\"\(plotHeight)\" fill=\"#eef0f3\"/>"
            svg += "<text x=\"\(tenths((x(r.month) + x(12)) / 2))\" y=\"\(plotBottom - 8)\" text-anchor=\"middle\" fill=\"#888\" font-size=\"10\">以后月份仅列计划</text>"
        }
        // Horizontal grid and y labels.
        for step in 0...5 {
            let bp = Int64(step) * 2000
            let gy = tenths(y(bp))
            svg += "<line x1=\"\(plotLeft)\" y1=\"\(gy)\" x2=\"\(plotRight)\" y2=\"\(gy)\" stroke=\"\(step == 0 ? "#666" : "#dde2e8")\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(plotLeft - 6)\" y=\"\(tenths(y(bp) + 35))\" text-anchor=\"end\">\(step * 20)%</text>"
        }
        // Month ticks and labels.
        svg += "<line x1=\"\(plotLeft)\" y1=\"\(plotTop)\" x2=\"\(plotLeft)\" y2=\"\(plotBottom)\" stroke=\"#666\" stroke-width=\"1\"/>"
        for month in 1...12 {
            let mx = tenths(x(month))
            svg += "<line x1=\"\(mx)\" y1=\"\(plotBottom)\" x2=\"\(mx)\" y2=\"\(plotBottom + 4)\" stroke=\"#666\" stroke-width=\"1\"/>"
            if month < 12 { svg += "<line x1=\"\(mx)\" y1=\"\(plotTop)\" x2=\"\(mx)\" y2=\"\(plotBottom)\" stroke=\"#eef1f4\" stroke-width=\"1\"/>" }
            svg += "<text x=\"\(mx)\" y=\"\(plotBottom + 17)\" text-anchor=\"middle\"\(month == r.month ? " font-weight=\"700\"" : "")>\(month)月</text>"
        }
        // Even pace.
        svg += "<line x1=\"\(tenths(x(0)))\" y1=\"\(tenths(y(0)))\" x2=\"\(tenths(x(12)))\" y2=\"\(tenths(y(10_000)))\" stroke=\"#9aa5b1\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>"
        // Plan.
        let planPoints = [(0, Int64(0))] + r.curve.map { ($0.month, $0.plannedBasisPoints) }
        svg += "<polyline points=\"\(planPoints.map { "\(tenths(x($0.0))),\(tenths(y($0.1)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#e67e22\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>"
        // Actual, up to the report month.
        let actual = r.curve.filter { $0.month <= r.month }.compactMap { p in p.actualBasisPoints.map { (p.month, $0) } }
        let actualPoints = [(0, Int64(0))] + actual
        svg += "<polyline points=\"\(actualPoints.map { "\(tenths(x($0.0))),\(tenths(y($0.1)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(ink)\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>"
        for (month, bp) in actual {
            svg += "<circle cx=\"\(tenths(x(month)))\" cy=\"\(tenths(y(bp)))\" r=\"3\" fill=\"\(ink)\"><title>\(escape("\(month)月底累计支出 \(Percent.string(bp))%"))</title></circle>"
        }
        // Value labels right of the report month's points, pushed apart when close.
        if let last = actual.last {
            let planned = r.curve.first(where: { $0.month == last.0 })?.plannedBasisPoints ?? 0
            let lx = tenths(x(last.0) + 80)
            let (ay, py) = labelRows(y(last.1), y(planned))
            svg += "<text x=\"\(lx)\" y=\"\(tenths(ay))\" fill=\"\(ink)\" font-weight=\"700\">实际 \(Percent.string(last.1))%</text>"
            svg += "<text x=\"\(lx)\" y=\"\(tenths(py))\" fill=\"#b35400\" font-weight=\"700\">计划 \(Percent.string(planned))%</text>"
        }
        // Legend.
        let ly = plotBottom + 40
        svg += "<g font-size=\"11\">"
        svg += "<line x1=\"\(plotLeft)\" y1=\"\(ly - 4)\" x2=\"\(plotLeft + 26)\" y2=\"\(ly - 4)\" stroke=\"\(ink)\" stroke-width=\"2.5\"/><text x=\"\(plotLeft + 32)\" y=\"\(ly)\">实际累计支出进度</text>"
        svg += "<line x1=\"\(plotLeft + 170)\" y1=\"\(ly - 4)\" x2=\"\(plotLeft + 196)\" y2=\"\(ly - 4)\" stroke=\"#e67e22\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/><text x=\"\(plotLeft + 202)\" y=\"\(ly)\">计划进度（按预算加权）</text>"
        svg += "<line x1=\"\(plotLeft + 370)\" y1=\"\(ly - 4)\" x2=\"\(plotLeft + 396)\" y2=\"\(ly - 4)\" stroke=\"#9aa5b1\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/><text x=\"\(plotLeft + 402)\" y=\"\(ly)\">序时进度</text>"
        svg += "</g></svg></figure>\n"
        return svg
    }

    /// Baselines (tenths) for the actual and plan labels, level with their points, at least
    /// 14 units apart and inside the plot.
    static func labelRows(_ actualY: Int64, _ plannedY: Int64) -> (Int64, Int64) {
        let gap: Int64 = 140
        var a = actualY + 40, p = plannedY + 40  // baseline a little below the point: text centred on it
        let actualLower = a >= p
        var upper = min(a, p), lower = max(a, p)
        if lower - upper < gap {
            let middle = (upper + lower) / 2
            upper = middle - gap / 2
            lower = middle + gap / 2
        }
        let top = plotTop * 10 + 100, bottom = plotBottom * 10
        if upper < top { lower += top - upper; upper = top }
        if lower > bottom { upper -= lower - bottom; lower = bottom }
        (a, p) = actualLower ? (lower, upper) : (upper, lower)
        return (a, p)
    }

    /// The curve's numbers under the chart.
    static func curveTable(_ r: MonthlyReport) -> String {
        let columns = [Column("月份")] + r.curve.map { Column("\($0.month)月", numeric: true) }
        let planned = Row(["计划进度%"] + r.curve.map { Percent.string($0.plannedBasisPoints) })
        let actual = Row(["实际进度%"] + r.curve.map { p in p.actualBasisPoints.map(Percent.string) ?? "" })
        return table(columns, [planned, actual], className: "dense")
    }

    // MARK: - Integer geometry

    /// `bp` (clamped to 0…100 %) of `length` user units, in tenths of a unit, rounded half-up.
    static func scaled(_ bp: Int64, _ length: Int64) -> Int64 {
        let clamped = min(max(bp, 0), 10_000)
        return (clamped * length * 10 + 5_000) / 10_000
    }

    /// Tenths of a unit as an SVG number: `1234` → "123.4", `1230` → "123".
    static func tenths(_ value: Int64) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
