import Ledger

/// Reports as aligned plain text for the terminal: 万元 exact, red and yellow marked.
public enum TextRenderer {
    static func percent(_ bp: Int64) -> String { Percent.string(bp) + "%" }

    static func title(_ organisation: String, _ name: String) -> String {
        organisation.isEmpty ? name : "\(organisation) \(name)"
    }

    /// What to say when the year has nothing to report.
    static func emptyNote(_ report: StatusReport, monthly: Bool = false) -> String {
        let years = report.yearsWithEntries.map { "\($0) 年" }.joined(separator: "、")
        var note = "  \(report.asOf.year) 年截至 \(report.asOf) 没有预算或资金变动的项目。"
        if let last = report.yearsWithEntries.last {
            note += "日记账中有资金变动的年度：\(years)；例如用 \(monthly ? "--month \(last)-12" : "--as-of \(last)-12-31") 查看。"
        }
        return note + "\n"
    }

    public static func status(_ report: StatusReport, style: TextStyle) -> String {
        var out = style.bold(title(report.organisation, "预算执行情况")) + "（截至 \(report.asOf)，金额单位：\(style.moneyUnit)）\n\n"
        if report.projects.isEmpty { return out + emptyNote(report) }
        out += projectTable(report.projects, units: report.units, totals: report.totals, style: style)
        let alerted = report.projects.filter { !$0.alerts.isEmpty }
        if !alerted.isEmpty {
            out += "\n" + style.bold("预警") + "\n"
            for project in alerted {
                for alert in project.readableAlerts {
                    out += "  \(style.level(alert.level)) \(project.id) \(alert.message)\n"
                }
            }
        }
        return out
    }

    /// Projects grouped by unit with subtotals and a department total.
    static func projectTable(_ projects: [ProjectStatus], units: [UnitSummary], totals: Totals, style: TextStyle) -> String {
        // Money carried or returned gets its own column, so a row still adds up at year end.
        let showOut = totals.carriedOutFen != 0 || totals.lapsedFen != 0
        var table = TextTable(headers: ["项目", "名称", "预算", "支出"] + (showOut ? ["结转/收回"] : []) + ["可用余额", "执行率", "计划进度", "差距", "状态"],
                              alignments: [.left, .left, .right, .right] + (showOut ? [.right] : []) + [.right, .right, .right, .right, .left])
        func out(_ carriedFen: Int64, _ lapsedFen: Int64) -> [String] { showOut ? [style.money(carriedFen + lapsedFen)] : [] }
        let byID = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for unit in units {
            if units.count > 1 || !unit.unit.isEmpty { table.addSection(style.bold(unit.unit.isEmpty ? "（未分单位）" : unit.unit)) }
            for id in unit.projectIDs {
                guard let p = byID[id] else { continue }
                table.add([p.id, DisplayWidth.truncateMiddle(p.name, to: 28), style.money(p.budgetFen), style.money(p.paidFen)]
                          + out(p.figures.carriedOutFen, p.figures.lapsedFen) + [style.money(p.availableFen), percent(p.rateBasisPoints), percent(p.expectedBasisPoints),
                           Percent.string(p.gapBasisPoints), style.status(p.status)])
            }
            if units.count > 1 {
                let t = unit.totals
                table.add(["", "小计", style.money(t.budgetFen), style.money(t.paidFen)] + out(t.carriedOutFen, t.lapsedFen) + [style.money(t.availableFen),
                           percent(t.rateBasisPoints), percent(t.expectedBasisPoints), Percent.string(t.gapBasisPoints), ""])
            }
            table.addRule()
        }
        table.add(["", style.bold("合计"), style.money(totals.budgetFen), style.money(totals.paidFen)] + out(totals.carriedOutFen, totals.lapsedFen) + [style.money(totals.availableFen),
                   percent(totals.rateBasisPoints), percent(totals.expectedBasisPoints), Percent.string(totals.gapBasisPoints), ""])
        return table.render()
    }

    public static func monthly(_ report: MonthlyReport, style: TextStyle) -> String {
        let s = report.status
        let t = s.totals
        var out = style.bold(title(s.organisation, "\(report.year)年\(report.month)月 预算执行进度预警报告")) + "\n"
        out += "截至 \(report.asOf)　金额单位：\(style.moneyUnit)\n\n"

        out += style.bold("一、总体情况") + "\n"
        if s.projects.isEmpty { return out + emptyNote(s, monthly: true) }
        out += "  预算 \(style.money(t.budgetFen))，已支出 \(style.money(t.paidFen))，执行率 \(percent(t.rateBasisPoints))；"
        out += "序时进度 \(percent(t.evenPaceBasisPoints))，按支出计划应达 \(percent(t.expectedBasisPoints))"
        let behind = t.rateBasisPoints - t.evenPaceBasisPoints
        out += behind >= 0 ? "，快于序时进度 \(Percent.string(behind)) 个百分点。\n" : "，慢于序时进度 \(Percent.string(-behind)) 个百分点。\n"
        out += "  项目 \(t.projectCount) 个：" + style.red("严重滞后 \(t.redCount) 个") + "，" + style.yellow("滞后 \(t.yellowCount) 个")
        out += "，正常 \(t.projectCount - t.redCount - t.yellowCount) 个。\n\n"

        out += style.bold("二、预警项目") + "\n"
        if report.alerted.isEmpty { out += "  无。\n" }
        for (n, p) in report.alerted.enumerated() {
            out += "  \(n + 1). \(style.status(p.status))　\(p.id) \(p.name)（\(p.unit.isEmpty ? "未分单位" : p.unit)）"
            out += "　预算 \(style.money(p.budgetFen))，支出 \(style.money(p.paidFen))，执行率 \(percent(p.rateBasisPoints))\n"
            for alert in p.readableAlerts {
                out += "     \(style.level(alert.level)) \(alert.message)\n"
            }
        }
        out += "\n" + style.bold("三、合同应付未付") + "\n"
        if report.unpaidContracts.isEmpty {
            out += "  无。\n"
        } else {
            var table = TextTable(headers: ["合同", "项目", "对方", "合同金额", "已付", "未付", "付款期限", "状态"],
                                  alignments: [.left, .left, .left, .right, .right, .right, .left, .left])
            for c in report.unpaidContracts {
                table.add([RenderSupport.contractLabel(c, year: report.year), c.project, DisplayWidth.truncate(c.party ?? "", to: 20),
                           style.money(c.amountFen), style.money(c.paidFen), style.money(c.unpaidFen), RenderSupport.dueText(c),
                           c.overdue ? style.red("已逾期") : RenderSupport.contractState(c, asOf: report.asOf)])
            }
            let unpaid = report.unpaidContracts.reduce(Int64(0)) { $0 + $1.unpaidFen }
            table.addRule()
            table.add(["合计", "", "", "", "", style.money(unpaid), "", ""])
            out += table.render(indent: "  ")
        }
        out += "\n" + style.bold("四、结转资金使用") + "\n"
        if report.carryovers.isEmpty {
            out += "  本年无上年结转资金。\n"
        } else {
            var table = TextTable(headers: ["项目", "名称", "上年结转", "已使用", "尚未使用", "结转天数"],
                                  alignments: [.left, .left, .right, .right, .right, .right])
            for c in report.carryovers {
                table.add([c.projectID, DisplayWidth.truncateMiddle(c.projectName, to: 24), style.money(c.carriedInFen), style.money(c.consumedFen),
                           c.remainingFen > 0 ? style.yellow(style.money(c.remainingFen)) : style.money(c.remainingFen),
                           c.ageDays.map { "\($0) 天" } ?? "—"])
            }
            out += table.render(indent: "  ")
        }
        out += "\n" + style.bold("五、分单位汇总") + "\n"
        var units = TextTable(headers: ["单位", "项目数", "预算", "支出", "执行率", "计划进度", "严重滞后", "滞后"],
                              alignments: [.left, .right, .right, .right, .right, .right, .right, .right])
        for u in s.units {
            units.add([u.unit.isEmpty ? "（未分单位）" : u.unit, "\(u.totals.projectCount)", style.money(u.totals.budgetFen),
                       style.money(u.totals.paidFen), percent(u.totals.rateBasisPoints), percent(u.totals.expectedBasisPoints),
                       "\(u.totals.redCount)", "\(u.totals.yellowCount)"])
        }
        units.addRule()
        units.add(["合计", "\(t.projectCount)", style.money(t.budgetFen), style.money(t.paidFen), percent(t.rateBasisPoints),
                   percent(t.expectedBasisPoints), "\(t.redCount)", "\(t.yellowCount)"])
        out += units.render(indent: "  ")
        out += "\n" + style.bold("附：各项目执行情况") + "\n"
        out += projectTable(s.projects, units: s.units, totals: t, style: style)
        out += style.dim("注：计划进度按支出计划在月度时钟上线性插值；差距由精确值相减后四舍五入到两位小数，可能与表中两数之差相差 0.01。") + "\n"
        return out
    }

    public static func carryover(_ statement: CarryoverStatement, style: TextStyle) -> String {
        var out = style.bold(title(statement.organisation, "\(statement.year)年度 年终结转结余表")) + "（金额单位：\(style.moneyUnit)）\n\n"
        var table = TextTable(headers: ["项目", "名称", "上年结转", "本年下达", "调减", "预算", "支出", "结转下年", "结余收回", "未处理", "执行率", "应付未付合同", "原因"],
                              alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right, .left])
        let rowsByID = Dictionary(statement.rows.map { ($0.project.id, $0) }, uniquingKeysWith: { a, _ in a })
        func figures(_ t: Totals) -> [String] {
            [style.money(t.carriedInFen), style.money(t.allottedFen), style.money(t.reducedFen), style.money(t.budgetFen), style.money(t.paidFen),
             style.money(t.carriedOutFen), style.money(t.lapsedFen), style.money(t.availableFen), percent(t.rateBasisPoints), style.money(t.unpaidContractsFen), ""]
        }
        for unit in statement.units {
            table.addSection(style.bold(unit.unit.isEmpty ? "（未分单位）" : unit.unit))
            for id in unit.projectIDs {
                guard let row = rowsByID[id] else { continue }
                let p = row.project, f = p.figures
                let unresolved = row.unresolvedFen != 0 ? style.red(style.money(row.unresolvedFen)) : style.money(row.unresolvedFen)
                table.add([p.id, DisplayWidth.truncateMiddle(p.name, to: 24), style.money(f.carriedInFen), style.money(f.allottedFen), style.money(f.reducedFen),
                           style.money(f.budgetFen), style.money(f.paidFen), style.money(f.carriedOutFen), style.money(f.lapsedFen), unresolved,
                           percent(p.rateBasisPoints), style.money(p.unpaidContractsFen), DisplayWidth.truncate(row.reasons.joined(separator: "；"), to: 24)])
            }
            table.add(["", "小计"] + figures(unit.totals))
            table.addRule()
        }
        table.add(["", style.bold("合计")] + figures(statement.totals))
        out += table.render()
        let unresolved = statement.rows.filter { $0.unresolvedFen != 0 }
        if !unresolved.isEmpty {
            out += "\n" + style.red("未处理余额：") + unresolved.map { "\($0.project.id) \(style.money($0.unresolvedFen))" }.joined(separator: "，")
            out += "。年末余额须结转（fundflow carry）或收回（fundflow lapse）。\n"
        }
        return out
    }

    public static func indicators(_ i: Indicators, style: TextStyle) -> String {
        var out = style.bold(title(i.organisation, "\(i.year)年度 部门整体绩效指标")) + "（截至 \(i.asOf)）\n\n"
        func rate(_ value: Int64?, _ none: String) -> String { value.map(percent) ?? "—（\(none)）" }
        var table = TextTable(headers: ["指标", "数值", "计算"], alignments: [.left, .right, .left])
        let t = i.totals
        table.add(["预算执行率", rate(i.executionRate, "无预算"), "支出 \(style.money(t.paidFen)) ÷ 预算 \(style.money(t.budgetFen))"])
        table.add(["预算调整率", rate(i.adjustmentRate, "无年初预算"),
                   "(预算 \(style.money(t.budgetFen)) − 上年结转 \(style.money(t.carriedInFen)) − 年初 \(style.money(t.initialFen))) ÷ 年初 \(style.money(t.initialFen))"])
        table.add(["结转结余率", rate(i.carryoverRate, "无预算"), "(预算 \(style.money(t.budgetFen)) − 支出 \(style.money(t.paidFen))) ÷ 预算 \(style.money(t.budgetFen))"])
        table.add(["“三公经费”控制率", rate(i.sangongControlRate, "无三公经费项目"), "支出 \(style.money(i.sangong.paidFen)) ÷ 预算 \(style.money(i.sangong.budgetFen))（标签 三公）"])
        table.add(["政府采购执行率", rate(i.procurementRate, "无采购项目"), "支出 \(style.money(i.procurement.paidFen)) ÷ 预算 \(style.money(i.procurement.budgetFen))（标签 采购）"])
        table.add(["预算执行率得分", i.executionScoreHundredths.map { Percent.string($0) + " 分" } ?? "—",
                   "\(i.scoreWeight) × min(1, 执行率 ÷ \(Percent.jsonNumber(i.targetRateBasisPoints))%)"])
        table.addRule()
        table.add(["支出合计", style.money(i.totalPaidFen), ""])
        table.add(["其中：基本支出", style.money(i.basicPaidFen), "标签 基本"])
        table.add(["　　　项目支出", style.money(i.projectPaidFen), "支出合计 − 基本支出"])
        out += table.render()
        out += "金额单位：\(style.moneyUnit)\n"
        return out
    }
}
