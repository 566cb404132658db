import Ledger

/// GitHub-flavoured Markdown: a `#` title, sections, pipe tables with numbers right-aligned.
/// Journal text (names, units, IDs, messages, reasons) goes through `escape`, so that a `|`
/// cannot break a table and no `*`, `[`, `<` or leading `#` in a name can turn into markup.
///
/// Amounts as the frame's `MoneyFormat` says (万元 to 2 decimals by default).
public enum MarkdownRenderer {
    // MARK: - Head, banner, foot (one implementation for every Markdown report)

    static func head(_ head: Letterhead, _ frame: ReportFrame, _ out: inout Out) {
        if let text = frame.health.bannerText {
            out.line("> **【\(frame.health.bannerTitle)】\(escape(text))**")
            out.blank()
        }
        out.line("# " + escape(head.title))
        out.blank()
        out.line(head.metaItems.map(escape).joined(separator: "　"))
        out.blank()
    }

    static func foot(_ frame: ReportFrame, notes: [String] = [], hasAmounts: Bool = true, _ out: inout Out) {
        var all = notes
        if hasAmounts && frame.money.rounds { all.append(MoneyFormat.roundingNote + "。") }
        for note in all {
            out.line("注：" + escape(note))
            out.blank()
        }
        let foot = Letterhead.foot(frame)
        out.line(escape(foot.seal) + (foot.prepared.map { "　" + $0 } ?? ""))
        out.blank()
        out.line(foot.signatures.map { $0 + "　　　　　　　　" }.joined())
    }

    // MARK: - Reports

    public static func status(_ r: StatusReport, frame: ReportFrame) -> String {
        var out = Out()
        let m = frame.money
        head(Letterhead(frame, title: "预算执行情况表", period: RenderSupport.asOfPeriod(r.asOf)), frame, &out)
        out.line("## 一、总体情况")
        out.blank()
        out.line(RenderSupport.overview(r.totals, asOf: r.asOf, money: m))
        out.blank()
        out.line("## 二、项目执行明细")
        out.blank()
        out.table(projectTable(r.projects, totals: r.totals, money: m))
        out.blank()
        out.line("## 三、分单位汇总")
        out.blank()
        out.table(unitTable(r.units, totals: r.totals, money: m))
        out.blank()
        foot(frame, notes: [RenderSupport.gapNote], &out)
        return out.text
    }

    public static func monthly(_ r: MonthlyReport, frame: ReportFrame) -> String {
        var out = Out()
        let m = frame.money
        let t = r.status.totals
        head(Letterhead(frame, title: "\(r.year)年\(r.month)月 预算执行进度预警报告", period: RenderSupport.monthlyPeriod(r)), frame, &out)

        out.line("## 一、总体情况")
        out.blank()
        out.line(RenderSupport.overview(t, asOf: r.asOf, money: m))
        out.blank()
        out.table(
            Table(
                columns: [("指标", .left), ("数值", .right)],
                rows: [
                    ["预算合计", m.withUnit(t.budgetFen)],
                    ["支出合计", m.withUnit(t.paidFen)],
                    ["可用余额", m.withUnit(t.availableFen)],
                    ["预算执行率", RenderSupport.percentText(t.rateBasisPoints)],
                    ["序时进度", RenderSupport.percentText(t.evenPaceBasisPoints)],
                    ["计划进度", RenderSupport.percentText(t.expectedBasisPoints)],
                    ["与计划差距", RenderSupport.gapPhrase(t.gapBasisPoints)],
                    ["严重滞后（红色预警）项目", "\(t.redCount) 个"],
                    ["滞后（黄色预警）项目", "\(t.yellowCount) 个"],
                    ["合同应付未付", m.withUnit(t.unpaidContractsFen)],
                    ["上年结转尚未使用", m.withUnit(t.carriedInRemainingFen)],
                ]))
        out.blank()

        out.line("## 二、预警项目")
        out.blank()
        if r.alerted.isEmpty {
            out.line("本月无预警项目。")
            out.blank()
        }
        for (index, p) in r.alerted.enumerated() {
            out.line("### \(index + 1). \(escape(p.id)) \(escape(p.name))")
            out.blank()
            out.line(
                "单位：\(escape(unitLabel(p.unit)))　状态：**\(p.status.statusName)**　预算 \(m.withUnit(p.budgetFen))　支出 \(m.withUnit(p.paidFen))　"
                    + "执行率 \(RenderSupport.percentText(p.rateBasisPoints))　计划进度 \(RenderSupport.percentText(p.expectedBasisPoints))　差距 \(Percent.string(p.gapBasisPoints)) 个百分点")
            out.blank()
            for alert in p.readableAlerts {
                out.line("- 【\(alert.level.levelName)】\(alert.code.title)：\(escape(alert.message))")
            }
            out.blank()
        }

        out.line("## 三、合同应付未付")
        out.blank()
        if r.unpaidContracts.isEmpty {
            out.line("无应付未付合同。")
        } else {
            let names = RenderSupport.names(r.status.projects)
            var rows: [[String]] = r.unpaidContracts.map { c in
                [
                    escape(c.id), escape(c.project), escape(names[c.project] ?? ""),
                    escape(c.party ?? ""), c.signed.description, RenderSupport.dueText(c),
                    m.string(c.amountFen), m.string(c.paidFen), m.string(c.unpaidFen),
                    c.overdue ? "**已逾期**" : RenderSupport.contractState(c, asOf: r.asOf),
                ]
            }
            rows.append(["**合计**", "", "", "", "", "", "", "", "**\(m.string(t.unpaidContractsFen))**", ""])
            out.table(
                Table(
                    columns: [
                        ("合同编号", .left), ("项目编号", .left), ("项目名称", .left), ("对方单位", .left),
                        ("签订日期", .left), ("付款期限", .left), ("合同金额", .right), ("已付", .right),
                        ("未付", .right), ("状态", .left),
                    ], rows: rows))
        }
        out.blank()

        out.line("## 四、结转资金使用")
        out.blank()
        if r.carryovers.isEmpty {
            out.line("本年无上年结转资金。")
        } else {
            var rows: [[String]] = r.carryovers.map { c in
                [
                    escape(c.projectID), escape(c.projectName), m.string(c.carriedInFen), m.string(c.consumedFen), m.string(c.remainingFen),
                    c.remainingFen > 0 ? (c.ageDays.map { "\($0) 天" } ?? "—") : "已用完",
                ]
            }
            rows.append([
                "**合计**", "", "**\(m.string(t.carriedInFen))**", "**\(m.string(t.carriedInFen - t.carriedInRemainingFen))**",
                "**\(m.string(t.carriedInRemainingFen))**", "",
            ])
            out.table(
                Table(
                    columns: [
                        ("项目编号", .left), ("项目名称", .left), ("上年结转", .right), ("已使用", .right),
                        ("尚未使用", .right), ("结转时长", .right),
                    ], rows: rows))
        }
        out.blank()

        out.line("## 五、分单位汇总")
        out.blank()
        out.table(unitTable(r.status.units, totals: t, money: m))
        out.blank()

        out.line("## 附：项目执行明细")
        out.blank()
        out.table(projectTable(r.status.projects, totals: t, money: m))
        out.blank()
        foot(frame, notes: [RenderSupport.gapNote], &out)
        return out.text
    }

    public static func carryover(_ r: CarryoverStatement, frame: ReportFrame) -> String {
        var out = Out()
        let m = frame.money
        func amounts(_ f: Totals, bold: Bool) -> [String] {
            [
                f.carriedInFen, f.allottedFen, f.reducedFen, f.budgetFen, f.paidFen, f.carriedOutFen, f.lapsedFen,
                f.availableFen,
            ].map { bold ? "**\(m.string($0))**" : m.string($0) }
                + [
                    bold ? "**\(Percent.string(f.rateBasisPoints))**" : Percent.string(f.rateBasisPoints),
                    bold ? "**\(m.string(f.unpaidContractsFen))**" : m.string(f.unpaidContractsFen),
                ]
        }
        head(Letterhead(frame, title: "\(r.year)年度 年终结转结余表", period: RenderSupport.yearEndPeriod(r.year)), frame, &out)
        var rows: [[String]] = []
        for group in RenderSupport.grouped(r.rows.map(\.project), units: r.units) {
            for p in group.projects {
                let f = p.figures
                rows.append(
                    [escape(unitLabel(p.unit)), escape(p.id), escape(p.name)]
                        + [
                            f.carriedInFen, f.allottedFen, f.reducedFen, f.budgetFen, f.paidFen, f.carriedOutFen,
                            f.lapsedFen, p.availableFen,
                        ].map(m.string)
                        + [Percent.string(p.rateBasisPoints), m.string(p.unpaidContractsFen)])
            }
            rows.append([escape(unitLabel(group.unit.unit)), "", "**小计**"] + amounts(group.unit.totals, bold: true))
        }
        rows.append(["**合计**", "", ""] + amounts(r.totals, bold: true))
        out.table(
            Table(
                columns: [
                    ("单位", .left), ("项目编号", .left), ("项目名称", .left), ("上年结转", .right),
                    ("本年下达", .right), ("调减", .right), ("预算", .right), ("支出", .right),
                    ("结转下年", .right), ("结余收回", .right), ("未处理", .right), ("执行率%", .right),
                    ("应付未付合同", .right),
                ], rows: rows))
        out.blank()
        let withReasons = r.rows.filter { !$0.reasons.isEmpty }
        if !withReasons.isEmpty {
            out.line("## 结转结余原因")
            out.blank()
            for row in withReasons {
                out.line("- \(escape(row.project.id)) \(escape(row.project.name))：\(row.reasons.map(escape).joined(separator: "；"))")
            }
            out.blank()
        }
        if r.totals.availableFen != 0 {
            out.line("> 注意：尚有 \(m.withUnit(r.totals.availableFen)) 既未支出，也未结转或收回（“未处理”列），请录入结转或收回。")
            out.blank()
        }
        foot(frame, notes: ["预算 = 上年结转 + 本年下达 − 调减；未处理 = 预算 − 支出 − 结转下年 − 结余收回，年末应为 0。"], &out)
        return out.text
    }

    public static func indicators(_ r: Indicators, frame: ReportFrame) -> String {
        var out = Out()
        head(Letterhead(frame, title: "\(r.year)年度 部门整体绩效指标", period: RenderSupport.yearPeriod(r.year, asOf: r.asOf)), frame, &out)
        out.line("执行率目标：\(RenderSupport.percentText(r.targetRateBasisPoints))")
        out.blank()
        let all = RenderSupport.indicatorRows(r, money: frame.money.string, unit: frame.money.unitName)
        func value(_ row: RenderSupport.IndicatorRow) -> String {
            if row.value.isEmpty { return "—（无此类项目）" }
            return row.unit == "%" ? row.value + "%" : row.value + " " + row.unit
        }
        out.table(
            Table(
                columns: [("指标", .left), ("数值", .right), ("公式", .left)],
                rows: all.filter(\.primary).map { [$0.name, value($0), $0.formula] }))
        out.blank()
        out.line("## 计算依据")
        out.blank()
        out.table(
            Table(
                columns: [("项目", .left), ("金额", .right), ("说明", .left)],
                rows: all.filter { !$0.primary }.map { [$0.name, value($0), $0.formula] }))
        out.blank()
        foot(frame, notes: ["比率按精确金额计算，四舍五入保留两位小数。"], &out)
        return out.text
    }

    /// `fundflow register --format md`: every entry, nothing cut.
    public static func register(_ r: Register, frame: ReportFrame) -> String {
        var out = Out()
        let m = frame.money
        head(Letterhead(frame, title: RegisterText.title(r), period: RenderSupport.registerPeriod(from: r.from, to: r.to)), frame, &out)
        if r.rows.isEmpty {
            out.line("没有符合条件的分录。")
            out.blank()
            foot(frame, hasAmounts: false, &out)
            return out.text
        }
        out.table(
            Table(
                columns: [
                    ("日期", .left), ("项目", .left), ("动作", .left), ("金额", .right), ("可用余额", .right),
                    ("凭证/文号", .left), ("摘要", .left),
                ],
                rows: r.rows.map { row in
                    [
                        row.date.description, escape(row.project), row.verb.chinese, RegisterText.signedAmount(row, m),
                        m.string(row.availableAfterFen), escape(row.reference), escape(row.memo),
                    ]
                }))
        out.blank()
        foot(frame, notes: [RegisterText.note], &out)
        return out.text
    }

    // MARK: - Escaping

    /// Markdown-inert text for a table cell, heading or list item: backslash-escapes `\`,
    /// `|` and the inline markup characters, a leading block marker (`#`, `>`, `-`, `+`, `=`,
    /// `1.`), and folds line breaks into spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        var index = 0
        var leadingDigits = true
        for scalar in text.unicodeScalars {
            defer { index += 1 }
            switch scalar {
            case "\r", "\n":
                out += " "
                leadingDigits = false
                continue
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "~", "&", "$":
                out += "\\"
            case "#", "-", "+", "=":
                if index == 0 { out += "\\" }
            case ".", ")":
                if leadingDigits && index > 0 { out += "\\" }
            default:
                break
            }
            if !("0"..."9").contains(scalar) { leadingDigits = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    // MARK: - Pieces

    static func unitLabel(_ unit: String) -> String { unit.isEmpty ? "（未填单位）" : unit }

    static func projectTable(_ projects: [ProjectStatus], totals t: Totals, money m: MoneyFormat) -> Table {
        func money(_ fen: Int64) -> String { m.string(fen) }
        var rows: [[String]] = projects.map { p in
            [
                escape(unitLabel(p.unit)), escape(p.id), escape(p.name), money(p.budgetFen), money(p.paidFen),
                money(p.availableFen), Percent.string(p.rateBasisPoints), Percent.string(p.expectedBasisPoints),
                Percent.string(p.gapBasisPoints), p.status == .ok ? p.status.statusName : "**\(p.status.statusName)**",
            ]
        }
        rows.append([
            "**合计**", "", "", "**\(money(t.budgetFen))**", "**\(money(t.paidFen))**", "**\(money(t.availableFen))**",
            "**\(Percent.string(t.rateBasisPoints))**", "**\(Percent.string(t.expectedBasisPoints))**",
            "**\(Percent.string(t.gapBasisPoints))**", RenderSupport.countSummary(t),
        ])
        return Table(
            columns: [
                ("单位", .left), ("项目编号", .left), ("项目名称", .left), ("预算", .right), ("支出", .right),
                ("可用余额", .right), ("执行率%", .right), ("计划进度%", .right), ("差距", .right), ("状态", .left),
            ],
            rows: rows)
    }

    static func unitTable(_ units: [UnitSummary], totals t: Totals, money m: MoneyFormat) -> Table {
        func money(_ fen: Int64) -> String { m.string(fen) }
        func cells(_ s: Totals) -> [String] {
            [
                "\(s.projectCount)", money(s.budgetFen), money(s.paidFen), money(s.availableFen),
                Percent.string(s.rateBasisPoints), Percent.string(s.expectedBasisPoints), Percent.string(s.gapBasisPoints),
                "\(s.redCount)", "\(s.yellowCount)",
            ]
        }
        var rows = units.map { [escape(unitLabel($0.unit))] + cells($0.totals) }
        rows.append(["**合计**"] + cells(t).map { "**\($0)**" })
        return Table(
            columns: [
                ("单位", .left), ("项目数", .right), ("预算", .right), ("支出", .right), ("可用余额", .right),
                ("执行率%", .right), ("计划进度%", .right), ("差距", .right), ("严重滞后", .right), ("滞后", .right),
            ],
            rows: rows)
    }

    enum Align { case left, right }

    /// A pipe table; cells are already escaped.
    struct Table {
        var columns: [(String, Align)]
        var rows: [[String]]
    }

    struct Out {
        var text = ""
        mutating func line(_ s: String) { text += s + "\n" }
        mutating func blank() { text += "\n" }
        mutating func table(_ t: Table) {
            line("| " + t.columns.map(\.0).joined(separator: " | ") + " |")
            line("|" + t.columns.map { $0.1 == .right ? "---:|" : ":---|" }.joined())
            for row in t.rows {
                let cells = (0..<t.columns.count).map { $0 < row.count ? (row[$0].isEmpty ? " " : row[$0]) : " " }
                line("| " + cells.joined(separator: " | ") + " |")
            }
        }
    }
}
