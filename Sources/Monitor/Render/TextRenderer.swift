import Ledger

/// Reports as aligned plain text for the terminal: amounts as the frame's `MoneyFormat`
/// says, red and yellow marked, the shared head and foot around each report.
public enum TextRenderer {
    static func percent(_ bp: Int64) -> String { RenderSupport.percentText(bp) }

    /// What to say when the year has nothing to report.
    static func emptyNote(_ report: StatusReport, monthly: Bool = false) -> String {
        let years = report.yearsWithEntries.map { "\($0) 年" }.joined(separator: "、")
        var note = "  \(report.asOf.year) 年截至 \(report.asOf) 没有预算或资金变动的项目。"
        if let last = report.yearsWithEntries.last {
            note += "日记账中有资金变动的年度：\(years)；例如用 \(monthly ? "--month \(last)-12" : "--as-of \(last)-12-31") 查看。"
        }
        return note + "\n"
    }

    // MARK: - Head, banner, foot (one implementation for every text report)

    /// The error banner (first, loudest when a seal failed), the title and the head line.
    static func head(_ head: Letterhead, _ frame: ReportFrame, style: TextStyle) -> String {
        banner(frame.health, style: style) + style.bold(head.title) + "\n" + head.metaItems.joined(separator: "　") + "\n\n"
    }

    static func banner(_ health: JournalHealth, style: TextStyle) -> String {
        guard let text = health.bannerText else { return "" }
        let line = "【\(health.bannerTitle)】\(text)"
        let rule = String(repeating: health.sealFailed ? "!" : "=", count: 60)
        return style.red(rule) + "\n" + style.red(line) + "\n" + style.red(rule) + "\n\n"
    }

    /// Notes (the 尾差 note when cells are rounded), the latest seal, 编制日期 and the signature line.
    static func foot(_ frame: ReportFrame, notes: [String] = [], hasAmounts: Bool = true, style: TextStyle) -> String {
        var all = notes
        if hasAmounts && frame.money.rounds { all.append(MoneyFormat.roundingNote + "。") }
        var out = "\n"
        for note in all { out += style.dim("注：" + note) + "\n" }
        let foot = Letterhead.foot(frame)
        out += "\n" + foot.seal + (foot.prepared.map { "　" + $0 } ?? "") + "\n"
        out += foot.signatures.map { $0 + "　　　　　　　　" }.joined() + "\n"
        return out
    }

    // MARK: - Reports

    public static func status(_ report: StatusReport, frame: ReportFrame, style: TextStyle) -> String {
        let letterhead = Letterhead(frame, title: "预算执行情况表", period: RenderSupport.asOfPeriod(report.asOf))
        var out = head(letterhead, frame, style: style)
        if report.projects.isEmpty { return out + emptyNote(report) + foot(frame, hasAmounts: false, style: style) }
        out += "  " + RenderSupport.overview(report.totals, asOf: report.asOf, money: frame.money) + "\n\n"
        out += projectTable(report.projects, units: report.units, totals: report.totals, money: frame.money, style: style)
        let alerted = report.projects.filter { !$0.alerts.isEmpty }
        if !alerted.isEmpty {
            out += "\n" + style.bold("预警") + "\n"
            for project in alerted {
                for alert in project.readableAlerts {
                    out += "  \(style.level(alert.level)) \(project.id) \(alert.message)\n"
                }
            }
        }
        return out + foot(frame, notes: [RenderSupport.gapNote], style: style)
    }

    /// Projects grouped by unit with subtotals and a department total.
    static func projectTable(_ projects: [ProjectStatus], units: [UnitSummary], totals: Totals, money m: MoneyFormat, style: TextStyle) -> String {
        // Money carried or returned gets its own column, so a row still adds up at year end.
        let showOut = totals.carriedOutFen != 0 || totals.lapsedFen != 0
        var table = TextTable(
            headers: ["项目", "名称", "预算", "支出"] + (showOut ? ["结转/收回"] : []) + ["可用余额", "执行率", "计划进度", "差距", "状态"],
            alignments: [.left, .left, .right, .right] + (showOut ? [.right] : []) + [.right, .right, .right, .right, .left])
        func out(_ carriedFen: Int64, _ lapsedFen: Int64) -> [String] {
            // Both are at most the budget, so their sum fits.
            showOut ? [m.string(carriedFen + lapsedFen)] : []
        }
        let byID = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for unit in units {
            if units.count > 1 || !unit.unit.isEmpty { table.addSection(style.bold(unit.unit.isEmpty ? "（未分单位）" : unit.unit)) }
            for id in unit.projectIDs {
                guard let p = byID[id] else { continue }
                table.add(
                    [p.id, DisplayWidth.truncateMiddle(p.name, to: 28), m.string(p.budgetFen), m.string(p.paidFen)]
                        + out(p.figures.carriedOutFen, p.figures.lapsedFen) + [
                            m.string(p.availableFen), percent(p.rateBasisPoints), percent(p.expectedBasisPoints),
                            Percent.string(p.gapBasisPoints), style.status(p.status),
                        ])
            }
            if units.count > 1 {
                let t = unit.totals
                table.add(
                    ["", "小计", m.string(t.budgetFen), m.string(t.paidFen)] + out(t.carriedOutFen, t.lapsedFen) + [
                        m.string(t.availableFen),
                        percent(t.rateBasisPoints), percent(t.expectedBasisPoints), Percent.string(t.gapBasisPoints), "",
                    ])
            }
            table.addRule()
        }
        table.add(
            ["", style.bold("合计"), m.string(totals.budgetFen), m.string(totals.paidFen)] + out(totals.carriedOutFen, totals.lapsedFen) + [
                m.string(totals.availableFen),
                percent(totals.rateBasisPoints), percent(totals.expectedBasisPoints), Percent.string(totals.gapBasisPoints), "",
            ])
        return table.render()
    }

    public static func monthly(_ report: MonthlyReport, frame: ReportFrame, style: TextStyle) -> String {
        let s = report.status
        let t = s.totals
        let m = frame.money
        let letterhead = Letterhead(frame, title: "\(report.year)年\(report.month)月 预算执行进度预警报告", period: RenderSupport.monthlyPeriod(report))
        var out = head(letterhead, frame, style: style)

        out += style.bold("一、总体情况") + "\n"
        if s.projects.isEmpty { return out + emptyNote(s, monthly: true) + foot(frame, hasAmounts: false, style: style) }
        out += "  " + RenderSupport.overview(t, asOf: report.asOf, money: m) + "\n\n"

        out += style.bold("二、预警项目") + "\n"
        if report.alerted.isEmpty { out += "  本月无预警项目。\n" }
        for (n, p) in report.alerted.enumerated() {
            out += "  \(n + 1). \(style.status(p.status))　\(p.id) \(p.name)（\(p.unit.isEmpty ? "未分单位" : p.unit)）"
            out += "　预算 \(m.string(p.budgetFen))，支出 \(m.string(p.paidFen))，执行率 \(percent(p.rateBasisPoints))\n"
            for alert in p.readableAlerts {
                out += "     \(style.level(alert.level)) \(alert.message)\n"
            }
        }
        out += "\n" + style.bold("三、合同应付未付") + "\n" + contractTable(report, money: m, style: style)
        out += "\n" + style.bold("四、结转资金使用") + "\n" + carryoverUseTable(report, money: m, style: style)
        out += "\n" + style.bold("五、分单位汇总") + "\n"
        var units = TextTable(
            headers: ["单位", "项目数", "预算", "支出", "执行率", "计划进度", "严重滞后", "滞后"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right])
        for u in s.units {
            units.add([
                u.unit.isEmpty ? "（未分单位）" : u.unit, "\(u.totals.projectCount)", m.string(u.totals.budgetFen),
                m.string(u.totals.paidFen), percent(u.totals.rateBasisPoints), percent(u.totals.expectedBasisPoints),
                "\(u.totals.redCount)", "\(u.totals.yellowCount)",
            ])
        }
        units.addRule()
        units.add([
            "合计", "\(t.projectCount)", m.string(t.budgetFen), m.string(t.paidFen), percent(t.rateBasisPoints),
            percent(t.expectedBasisPoints), "\(t.redCount)", "\(t.yellowCount)",
        ])
        out += units.render(indent: "  ")
        out += "\n" + style.bold("附：各项目执行情况") + "\n"
        out += projectTable(s.projects, units: s.units, totals: t, money: m, style: style)
        return out + foot(frame, notes: [RenderSupport.gapNote], style: style)
    }

    static func contractTable(_ report: MonthlyReport, money m: MoneyFormat, style: TextStyle) -> String {
        if report.unpaidContracts.isEmpty { return "  无应付未付合同。\n" }
        var table = TextTable(
            headers: ["合同", "项目", "对方", "合同金额", "已付", "未付", "付款期限", "状态"],
            alignments: [.left, .left, .left, .right, .right, .right, .left, .left])
        for c in report.unpaidContracts {
            table.add([
                RenderSupport.contractLabel(c, year: report.year), c.project, DisplayWidth.truncate(c.party ?? "", to: 20),
                m.string(c.amountFen), m.string(c.paidFen), m.string(c.unpaidFen), RenderSupport.dueText(c),
                c.overdue ? style.red("已逾期") : RenderSupport.contractState(c, asOf: report.asOf),
            ])
        }
        table.addRule()
        table.add(["合计", "", "", "", "", m.string(report.status.totals.unpaidContractsFen), "", ""])
        return table.render(indent: "  ")
    }

    static func carryoverUseTable(_ report: MonthlyReport, money m: MoneyFormat, style: TextStyle) -> String {
        if report.carryovers.isEmpty { return "  本年无上年结转资金。\n" }
        let t = report.status.totals
        var table = TextTable(
            headers: ["项目", "名称", "上年结转", "已使用", "尚未使用", "结转时长"],
            alignments: [.left, .left, .right, .right, .right, .right])
        for c in report.carryovers {
            table.add([
                c.projectID, DisplayWidth.truncateMiddle(c.projectName, to: 24), m.string(c.carriedInFen), m.string(c.consumedFen),
                c.remainingFen > 0 ? style.yellow(m.string(c.remainingFen)) : m.string(c.remainingFen),
                c.remainingFen > 0 ? (c.ageDays.map { "\($0) 天" } ?? "—") : "已用完",
            ])
        }
        table.addRule()
        // Remaining never exceeds carried in, so the difference fits.
        table.add(["合计", "", m.string(t.carriedInFen), m.string(t.carriedInFen - t.carriedInRemainingFen), m.string(t.carriedInRemainingFen), ""])
        return table.render(indent: "  ")
    }

    public static func carryover(_ statement: CarryoverStatement, frame: ReportFrame, style: TextStyle) -> String {
        let m = frame.money
        let letterhead = Letterhead(
            frame, title: "\(statement.year)年度 年终结转结余表",
            period: RenderSupport.yearEndPeriod(statement.year))
        var out = head(letterhead, frame, style: style)
        var table = TextTable(
            headers: ["项目", "名称", "上年结转", "本年下达", "调减", "预算", "支出", "结转下年", "结余收回", "未处理", "执行率", "应付未付合同", "原因"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right, .left])
        let rowsByID = Dictionary(statement.rows.map { ($0.project.id, $0) }, uniquingKeysWith: { a, _ in a })
        func figures(_ t: Totals) -> [String] {
            [
                m.string(t.carriedInFen), m.string(t.allottedFen), m.string(t.reducedFen), m.string(t.budgetFen), m.string(t.paidFen),
                m.string(t.carriedOutFen), m.string(t.lapsedFen), m.string(t.availableFen), percent(t.rateBasisPoints), m.string(t.unpaidContractsFen), "",
            ]
        }
        for unit in statement.units {
            table.addSection(style.bold(unit.unit.isEmpty ? "（未分单位）" : unit.unit))
            for id in unit.projectIDs {
                guard let row = rowsByID[id] else { continue }
                let p = row.project, f = p.figures
                let unresolved = row.unresolvedFen != 0 ? style.red(m.string(row.unresolvedFen)) : m.string(row.unresolvedFen)
                table.add([
                    p.id, DisplayWidth.truncateMiddle(p.name, to: 24), m.string(f.carriedInFen), m.string(f.allottedFen), m.string(f.reducedFen),
                    m.string(f.budgetFen), m.string(f.paidFen), m.string(f.carriedOutFen), m.string(f.lapsedFen), unresolved,
                    percent(p.rateBasisPoints), m.string(p.unpaidContractsFen), DisplayWidth.truncate(row.reasons.joined(separator: "；"), to: 24),
                ])
            }
            table.add(["", "小计"] + figures(unit.totals))
            table.addRule()
        }
        table.add(["", style.bold("合计")] + figures(statement.totals))
        out += table.render()
        let unresolved = statement.rows.filter { $0.unresolvedFen != 0 }
        if !unresolved.isEmpty {
            out += "\n" + style.red("未处理余额：") + unresolved.map { "\($0.project.id) \(m.string($0.unresolvedFen))" }.joined(separator: "，")
            out += "。年末余额须结转（fundflow carry）或收回（fundflow lapse）。\n"
        }
        return out + foot(frame, notes: ["预算 = 上年结转 + 本年下达 − 调减；未处理 = 预算 − 支出 − 结转下年 − 结余收回，年末应为 0。"], style: style)
    }

    public static func indicators(_ i: Indicators, frame: ReportFrame, style: TextStyle) -> String {
        let m = frame.money
        let letterhead = Letterhead(frame, title: "\(i.year)年度 部门整体绩效指标", period: RenderSupport.yearPeriod(i.year, asOf: i.asOf))
        var out = head(letterhead, frame, style: style)
        func rate(_ value: Int64?, _ none: String) -> String { value.map(percent) ?? "—（\(none)）" }
        var table = TextTable(headers: ["指标", "数值", "计算"], alignments: [.left, .right, .left])
        let t = i.totals
        table.add(["预算执行率", rate(i.executionRate, "无预算"), "支出 \(m.string(t.paidFen)) ÷ 预算 \(m.string(t.budgetFen))"])
        table.add([
            "预算调整率", rate(i.adjustmentRate, "无年初预算"),
            "(预算 \(m.string(t.budgetFen)) − 上年结转 \(m.string(t.carriedInFen)) − 年初 \(m.string(t.initialFen))) ÷ 年初 \(m.string(t.initialFen))",
        ])
        table.add(["结转结余率", rate(i.carryoverRate, "无预算"), "(预算 \(m.string(t.budgetFen)) − 支出 \(m.string(t.paidFen))) ÷ 预算 \(m.string(t.budgetFen))"])
        table.add(["“三公经费”控制率", rate(i.sangongControlRate, "无三公经费项目"), "支出 \(m.string(i.sangong.paidFen)) ÷ 预算 \(m.string(i.sangong.budgetFen))（标签 三公）"])
        table.add(["政府采购执行率", rate(i.procurementRate, "无采购项目"), "支出 \(m.string(i.procurement.paidFen)) ÷ 预算 \(m.string(i.procurement.budgetFen))（标签 采购）"])
        table.add([
            "预算执行率得分", i.executionScoreHundredths.map { Percent.string($0) + " 分" } ?? "—",
            "\(i.scoreWeight) × min(1, 执行率 ÷ \(percent(i.targetRateBasisPoints)))",
        ])
        table.addRule()
        table.add(["支出合计", m.string(i.totalPaidFen), ""])
        table.add(["其中：基本支出", m.string(i.basicPaidFen), "标签 基本"])
        table.add(["　　　项目支出", m.string(i.projectPaidFen), "支出合计 − 基本支出"])
        out += table.render()
        return out + foot(frame, notes: ["比率按精确金额计算，四舍五入保留两位小数。"], style: style)
    }

    /// `fundflow register` in the terminal: the only table that may cut long text to fit.
    public static func register(_ register: Register, frame: ReportFrame, style: TextStyle) -> String {
        let m = frame.money
        let letterhead = Letterhead(frame, title: RegisterText.title(register), period: RenderSupport.registerPeriod(from: register.from, to: register.to))
        var out = head(letterhead, frame, style: style)
        if register.rows.isEmpty { return out + "（没有符合条件的分录）\n" + foot(frame, hasAmounts: false, style: style) }
        var table = TextTable(
            headers: ["日期", "项目", "动作", "金额", "可用余额", "凭证/文号", "摘要"],
            alignments: [.left, .left, .left, .right, .right, .left, .left])
        for row in register.rows {
            let amount = RegisterText.signedAmount(row, m)
            table.add([
                row.date.description, row.project, row.verb.chinese, row.verb == .contract ? style.dim(amount) : amount,
                m.string(row.availableAfterFen), DisplayWidth.truncate(row.reference, to: 24), DisplayWidth.truncate(row.memo, to: 30),
            ])
        }
        out += table.render()
        return out + foot(frame, notes: [RegisterText.note], style: style)
    }
}

/// Wording the register shares across formats.
enum RegisterText {
    static let note = "合同金额在括号内，不影响余额；可用余额为该项目当年在该笔分录之后的可用余额。"

    /// `资金明细账`, or `资金明细账（P02）` for one project.
    static func title(_ r: Register) -> String { "资金明细账" + (r.project.map { "（\($0)）" } ?? "") }

    /// `-6.80`, `28.00`, `(18.00)` for a contract.
    static func signedAmount(_ row: Register.Row, _ m: MoneyFormat) -> String {
        if row.verb == .contract { return "(" + m.string(row.amountFen) + ")" }
        return row.changeFen < 0 ? "-" + m.string(row.amountFen) : m.string(row.amountFen)
    }
}
