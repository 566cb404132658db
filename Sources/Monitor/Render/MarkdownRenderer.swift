import Ledger

/// GitHub-flavoured Markdown: a `#` title, sections, pipe tables with numbers right-aligned.
/// Journal text (names, units, IDs, messages, reasons) goes through `escape`, so that a `|`
/// cannot break a table and no `*`, `[`, `<` or leading `#` in a name can turn into markup.
///
/// Amounts are in 万元 (exact) unless `yuan` asks for 元 (with thousands separators).
public enum MarkdownRenderer {
    // MARK: - Reports

    public static func status(_ r: StatusReport, yuan: Bool) -> String {
        var out = Out()
        let u = RenderSupport.unitName(yuan: yuan)
        out.line("# " + escape(RenderSupport.statusTitle(r)))
        out.blank()
        out.line("截至日期：\(RenderSupport.chineseDate(r.asOf))　金额单位：\(u)　共 \(r.totals.projectCount) 个项目")
        out.blank()
        out.line("## 一、总体情况")
        out.blank()
        out.line(RenderSupport.overview(r.totals, asOf: r.asOf, yuan: yuan))
        out.blank()
        out.line("## 二、项目执行明细")
        out.blank()
        out.table(projectTable(r.projects, totals: r.totals, yuan: yuan))
        out.blank()
        out.line("## 三、分单位汇总")
        out.blank()
        out.table(unitTable(r.units, totals: r.totals, yuan: yuan))
        return out.text
    }

    public static func monthly(_ r: MonthlyReport, yuan: Bool) -> String {
        var out = Out()
        let u = RenderSupport.unitName(yuan: yuan)
        let t = r.status.totals
        func money(_ fen: Int64) -> String { RenderSupport.readableAmount(fen, yuan: yuan) }

        out.line("# " + escape(RenderSupport.monthlyTitle(r)))
        out.blank()
        out.line("截至日期：\(RenderSupport.chineseDate(r.asOf))　金额单位：\(u)　共 \(t.projectCount) 个项目")
        out.blank()

        out.line("## 一、总体情况")
        out.blank()
        out.line(RenderSupport.overview(t, asOf: r.asOf, yuan: yuan))
        out.blank()
        out.table(Table(
            columns: [("指标", .left), ("数值", .right)],
            rows: [
                ["预算合计", "\(money(t.budgetFen)) \(u)"],
                ["支出合计", "\(money(t.paidFen)) \(u)"],
                ["可用余额", "\(money(t.availableFen)) \(u)"],
                ["预算执行率", RenderSupport.percentSign(t.rateBasisPoints)],
                ["序时进度", RenderSupport.percentSign(t.evenPaceBasisPoints)],
                ["计划进度", RenderSupport.percentSign(t.expectedBasisPoints)],
                ["与计划差距", "\(Percent.string(t.gapBasisPoints)) 个百分点"],
                ["严重滞后（红色预警）项目", "\(t.redCount) 个"],
                ["滞后（黄色预警）项目", "\(t.yellowCount) 个"],
                ["合同应付未付", "\(money(t.unpaidContractsFen)) \(u)"],
                ["上年结转尚未使用", "\(money(t.carriedInRemainingFen)) \(u)"],
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
            out.line("单位：\(escape(unitLabel(p.unit)))　状态：**\(p.status.statusName)**　预算 \(money(p.budgetFen)) \(u)　支出 \(money(p.paidFen)) \(u)　"
                     + "执行率 \(Percent.string(p.rateBasisPoints))%　计划进度 \(Percent.string(p.expectedBasisPoints))%　差距 \(Percent.string(p.gapBasisPoints)) 个百分点")
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
                [escape(c.id), escape(c.project), escape(names[c.project] ?? ""),
                 escape(c.party ?? ""), c.signed.description, RenderSupport.dueText(c),
                 money(c.amountFen), money(c.paidFen), money(c.unpaidFen),
                 c.overdue ? "**已逾期**" : RenderSupport.contractState(c, asOf: r.asOf)]
            }
            rows.append(["**合计**", "", "", "", "", "", "", "", "**\(money(t.unpaidContractsFen))**", ""])
            out.table(Table(columns: [("合同编号", .left), ("项目编号", .left), ("项目名称", .left), ("对方单位", .left),
                                      ("签订日期", .left), ("付款期限", .left), ("合同金额", .right), ("已付", .right),
                                      ("未付", .right), ("状态", .left)], rows: rows))
        }
        out.blank()

        out.line("## 四、结转资金使用")
        out.blank()
        if r.carryovers.isEmpty {
            out.line("本年无上年结转资金。")
        } else {
            var rows: [[String]] = r.carryovers.map { c in
                [escape(c.projectID), escape(c.projectName), money(c.carriedInFen), money(c.consumedFen), money(c.remainingFen),
                 c.remainingFen > 0 ? (c.ageDays.map { "\($0) 天" } ?? "—") : "已用完"]
            }
            rows.append(["**合计**", "", "**\(money(t.carriedInFen))**", "**\(money(t.carriedInFen - t.carriedInRemainingFen))**",
                         "**\(money(t.carriedInRemainingFen))**", ""])
            out.table(Table(columns: [("项目编号", .left), ("项目名称", .left), ("上年结转", .right), ("已使用", .right),
                                      ("尚未使用", .right), ("结转时长", .right)], rows: rows))
        }
        out.blank()

        out.line("## 五、分单位汇总")
        out.blank()
        out.table(unitTable(r.status.units, totals: t, yuan: yuan))
        out.blank()

        out.line("## 附：项目执行明细")
        out.blank()
        out.table(projectTable(r.status.projects, totals: t, yuan: yuan))
        return out.text
    }

    public static func carryover(_ r: CarryoverStatement, yuan: Bool) -> String {
        var out = Out()
        let u = RenderSupport.unitName(yuan: yuan)
        func money(_ fen: Int64) -> String { RenderSupport.readableAmount(fen, yuan: yuan) }
        func amounts(_ f: Totals, bold: Bool) -> [String] {
            [f.carriedInFen, f.allottedFen, f.reducedFen, f.budgetFen, f.paidFen, f.carriedOutFen, f.lapsedFen,
             f.availableFen].map { bold ? "**\(money($0))**" : money($0) }
                + [bold ? "**\(Percent.string(f.rateBasisPoints))**" : Percent.string(f.rateBasisPoints),
                   bold ? "**\(money(f.unpaidContractsFen))**" : money(f.unpaidContractsFen)]
        }

        out.line("# " + escape(RenderSupport.carryoverTitle(r)))
        out.blank()
        out.line("截至日期：\(r.year)年12月31日　金额单位：\(u)　执行率单位：%　共 \(r.totals.projectCount) 个项目")
        out.blank()
        var rows: [[String]] = []
        for group in RenderSupport.grouped(r.rows.map(\.project), units: r.units) {
            for p in group.projects {
                let f = p.figures
                rows.append([escape(unitLabel(p.unit)), escape(p.id), escape(p.name)]
                            + [f.carriedInFen, f.allottedFen, f.reducedFen, f.budgetFen, f.paidFen, f.carriedOutFen,
                               f.lapsedFen, p.availableFen].map(money)
                            + [Percent.string(p.rateBasisPoints), money(p.unpaidContractsFen)])
            }
            rows.append([escape(unitLabel(group.unit.unit)), "", "**小计**"] + amounts(group.unit.totals, bold: true))
        }
        rows.append(["**合计**", "", ""] + amounts(r.totals, bold: true))
        out.table(Table(columns: [("单位", .left), ("项目编号", .left), ("项目名称", .left), ("上年结转", .right),
                                  ("本年下达", .right), ("调减", .right), ("预算", .right), ("支出", .right),
                                  ("结转下年", .right), ("结余收回", .right), ("未处理", .right), ("执行率", .right),
                                  ("应付未付合同", .right)], rows: rows))
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
            out.line("> 注意：尚有 \(money(r.totals.availableFen)) \(u) 既未支出，也未结转或收回（“未处理”列），请录入结转或收回。")
            out.blank()
        }
        return out.text
    }

    public static func indicators(_ r: Indicators) -> String {
        var out = Out()
        out.line("# " + escape(RenderSupport.indicatorsTitle(r)))
        out.blank()
        out.line("截至日期：\(RenderSupport.chineseDate(r.asOf))　金额单位：万元　执行率目标：\(Percent.jsonNumber(r.targetRateBasisPoints))%")
        out.blank()
        let all = RenderSupport.indicatorRows(r)
        func value(_ row: RenderSupport.IndicatorRow) -> String {
            if row.value.isEmpty { return "—（无此类项目）" }
            return row.unit == "%" ? row.value + "%" : row.value + " " + row.unit
        }
        out.table(Table(columns: [("指标", .left), ("代码", .left), ("数值", .right), ("公式", .left)],
                        rows: all.filter(\.primary).map { [$0.name, "`\($0.key)`", value($0), $0.formula] }))
        out.blank()
        out.line("## 计算依据")
        out.blank()
        out.table(Table(columns: [("项目", .left), ("代码", .left), ("金额", .right), ("说明", .left)],
                        rows: all.filter { !$0.primary }.map { [$0.name, "`\($0.key)`", value($0), $0.formula] }))
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

    static func projectTable(_ projects: [ProjectStatus], totals t: Totals, yuan: Bool) -> Table {
        func money(_ fen: Int64) -> String { RenderSupport.readableAmount(fen, yuan: yuan) }
        var rows: [[String]] = projects.map { p in
            [escape(unitLabel(p.unit)), escape(p.id), escape(p.name), money(p.budgetFen), money(p.paidFen),
             money(p.availableFen), Percent.string(p.rateBasisPoints), Percent.string(p.expectedBasisPoints),
             Percent.string(p.gapBasisPoints), p.status == .ok ? p.status.statusName : "**\(p.status.statusName)**"]
        }
        rows.append(["**合计**", "", "", "**\(money(t.budgetFen))**", "**\(money(t.paidFen))**", "**\(money(t.availableFen))**",
                     "**\(Percent.string(t.rateBasisPoints))**", "**\(Percent.string(t.expectedBasisPoints))**",
                     "**\(Percent.string(t.gapBasisPoints))**", RenderSupport.countSummary(t)])
        return Table(columns: [("单位", .left), ("项目编号", .left), ("项目名称", .left), ("预算", .right), ("支出", .right),
                               ("可用余额", .right), ("执行率%", .right), ("计划进度%", .right), ("差距", .right), ("状态", .left)],
                     rows: rows)
    }

    static func unitTable(_ units: [UnitSummary], totals t: Totals, yuan: Bool) -> Table {
        func money(_ fen: Int64) -> String { RenderSupport.readableAmount(fen, yuan: yuan) }
        func cells(_ s: Totals) -> [String] {
            ["\(s.projectCount)", money(s.budgetFen), money(s.paidFen), money(s.availableFen),
             Percent.string(s.rateBasisPoints), Percent.string(s.expectedBasisPoints), Percent.string(s.gapBasisPoints),
             "\(s.redCount)", "\(s.yellowCount)"]
        }
        var rows = units.map { [escape(unitLabel($0.unit))] + cells($0.totals) }
        rows.append(["**合计**"] + cells(t).map { "**\($0)**" })
        return Table(columns: [("单位", .left), ("项目数", .right), ("预算", .right), ("支出", .right), ("可用余额", .right),
                               ("执行率%", .right), ("计划进度%", .right), ("差距", .right), ("严重滞后", .right), ("滞后", .right)],
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
