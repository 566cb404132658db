import Ledger

/// `report selfeval` (项目支出绩效自评表, 资金部分, spec §3) in every format: one table per
/// project in the national template's form.
public enum SelfEvaluationRenderer {
    static func title(_ r: SelfEvaluation) -> String {
        RenderSupport.organisationPrefix(r.organisation) + "\(r.year)年度 项目支出绩效自评表（资金部分）"
    }

    static func head(_ r: SelfEvaluation, unit: String) -> [String] {
        let org = RenderSupport.trimmed(r.organisation)
        return ["编制单位：\(org.isEmpty ? "（未设置单位名称）" : org)", "期间：\(r.year)年度", "金额单位：\(unit)", "共 \(r.projects.count) 个项目"]
    }

    static let columns = ["资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率%", "得分"]

    static func table(_ p: SelfEvaluation.ProjectEvaluation) -> ReportTable {
        let unit = p.unit.isEmpty ? "" : "　实施单位：\(p.unit)"
        var t = ReportTable(title: "\(p.id) \(p.name)\(unit)　资金性质：\(p.fund.chinese)", columns: columns, numeric: [1, 2, 3, 4, 5, 6])
        func money(_ m: SelfEvaluation.Money3) -> [ReportTable.Cell] { [.money(m.initialFen), .money(m.budgetFen), .money(m.paidFen)] }
        t.add([.text("年度资金总额")] + money(p.total) + [.points(p.weight * 100), .percent(p.rateBasisPoints), .points(p.scoreHundredths)], .total)
        t.add([.text("其中：当年财政拨款")] + money(p.fiscal) + [.empty, .empty, .empty])
        t.add([.text("　　　上年结转资金")] + money(p.carriedIn) + [.empty, .empty, .empty])
        t.add([.text("　　　其他资金")] + money(p.other) + [.empty, .empty, .empty])
        return t
    }

    static let note = "上年结转资金优先使用；执行率 = 年度资金总额的全年执行数 ÷ 全年预算数；得分 = 分值 × 执行率，四舍五入保留两位小数。"

    public static func text(_ r: SelfEvaluation, style: TextStyle) -> String {
        var out = style.bold(title(r)) + "\n" + head(r, unit: style.moneyUnit).joined(separator: "　") + "\n\n"
        if r.projects.isEmpty { out += "本年度没有安排预算的项目。\n" }
        out += r.projects.map { ReportTablePrinter.text(table($0), style: style) }.joined(separator: "\n")
        return out + "\n" + note + "\n"
    }

    public static func markdown(_ r: SelfEvaluation, yuan: Bool) -> String {
        var out = "# " + MarkdownRenderer.escape(title(r)) + "\n\n"
        out += head(r, unit: RenderSupport.unitName(yuan: yuan)).map(MarkdownRenderer.escape).joined(separator: "　") + "\n\n"
        out += r.projects.map { ReportTablePrinter.markdown(table($0), yuan: yuan) }.joined()
        return out + MarkdownRenderer.escape(note) + "\n"
    }

    /// CSV: one row per project and template row, amounts in exact 元.
    public static func csv(_ r: SelfEvaluation) -> String {
        var doc = CSVRenderer.Document()
        doc.header(["项目编号", "项目名称", "单位", "资金性质", "资金", "年初预算数（元）", "全年预算数（元）", "全年执行数（元）", "分值", "执行率（%）", "得分"])
        for p in r.projects {
            for row in table(p).rows {
                doc.row([.text(p.id), .text(p.name), .text(p.unit), .text(p.fund.chinese)]
                        + row.cells.map { cell in
                            if case .text(let label) = cell { return .text(RenderSupport.trimmed(label)) }
                            return ReportTable.csv(cell)
                        })
            }
        }
        return doc.text
    }

    public static func json(_ r: SelfEvaluation) -> String {
        let amount = JSONRenderer.amount, percent: (Int64?) -> JSONValue = JSONRenderer.percent
        func money(_ m: SelfEvaluation.Money3) -> [(String, JSONValue)] {
            [("initial", amount(m.initialFen)), ("budget", amount(m.budgetFen)), ("paid", amount(m.paidFen))]
        }
        return JSONValue.object([
            ("year", .number(String(r.year))), ("organisation", .string(r.organisation)),
            ("projects", .array(r.projects.map { p in
                .object([("id", .string(p.id)), ("name", .string(p.name)), ("unit", .string(p.unit)), ("fund", .string(p.fund.chinese))]
                        + money(p.total)
                        + [("weight", .number(String(p.weight))), ("rate", percent(p.rateBasisPoints)),
                           ("score", p.scoreHundredths.map { .number(Percent.jsonNumber($0)) } ?? .null),
                           ("rows", .object([("fiscal", .object(money(p.fiscal))), ("carried_in", .object(money(p.carriedIn))),
                                             ("other", .object(money(p.other)))]))])
            })),
        ]).serialized() + "\n"
    }

    public static func html(_ r: SelfEvaluation, yuan: Bool) -> String {
        var body = HTMLRenderer.header(organisation: r.organisation, title: "\(r.year)年度 项目支出绩效自评表（资金部分）",
                                       meta: head(r, unit: RenderSupport.unitName(yuan: yuan)))
        if r.projects.isEmpty { body += "<p class=\"empty\">本年度没有安排预算的项目。</p>\n" }
        for p in r.projects { body += ReportTablePrinter.html(table(p), yuan: yuan) }
        body += FinalAccountsRenderer.footer(note, yuan: yuan)
        return HTMLRenderer.document(title: title(r), body: body)
    }
}
