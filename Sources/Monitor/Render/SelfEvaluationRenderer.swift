import Ledger

/// `report selfeval` (项目支出绩效自评表, 资金部分, spec §3) in every format: one table per
/// project in the national template's form.
public enum SelfEvaluationRenderer {
    static func title(_ r: SelfEvaluation) -> String {
        RenderSupport.organisationPrefix(r.organisation) + "\(r.year)年度 项目支出绩效自评表（资金部分）"
    }

    static func letterhead(_ r: SelfEvaluation, _ frame: ReportFrame) -> Letterhead {
        Letterhead(frame, title: "\(r.year)年度 项目支出绩效自评表（资金部分）", period: RenderSupport.yearEndPeriod(r.year))
    }

    /// `共 N 个项目`, after the head.
    static func count(_ r: SelfEvaluation) -> String { "共 \(r.projects.count) 个项目" }

    static let empty = "本年度没有安排预算的项目。"

    static let columns = ["资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率%", "得分"]

    static func table(_ p: SelfEvaluation.ProjectEvaluation) -> ReportTable {
        let unit = p.unit.isEmpty ? "" : "实施单位：\(p.unit)　"
        var t = ReportTable(title: "\(p.id) \(p.name)", subtitle: "\(unit)资金性质：\(p.fund.chinese)", columns: columns, numeric: [1, 2, 3, 4, 5, 6])
        func money(_ m: SelfEvaluation.Money3) -> [ReportTable.Cell] { [.money(m.initialFen), .money(m.budgetFen), .money(m.paidFen)] }
        t.add([.text("年度资金总额")] + money(p.total) + [.points(p.weight * 100), .percent(p.rateBasisPoints), .points(p.scoreHundredths)], .total)
        t.add([.text("其中：当年财政拨款")] + money(p.fiscal) + [.empty, .empty, .empty])
        t.add([.text("　　　上年结转资金")] + money(p.carriedIn) + [.empty, .empty, .empty])
        t.add([.text("　　　其他资金")] + money(p.other) + [.empty, .empty, .empty])
        return t
    }

    static let note = "上年结转资金优先使用；执行率 = 年度资金总额的全年执行数 ÷ 全年预算数；得分 = 分值 × 执行率，四舍五入保留两位小数。"

    public static func text(_ r: SelfEvaluation, frame: ReportFrame, style: TextStyle) -> String {
        var out = TextRenderer.head(letterhead(r, frame), frame, style: style)
        if r.projects.isEmpty { return out + empty + "\n" + TextRenderer.foot(frame, hasAmounts: false, style: style) }
        out += count(r) + "\n\n"
        out += r.projects.map { ReportTablePrinter.text(table($0), money: frame.money, style: style) }.joined(separator: "\n")
        return out + TextRenderer.foot(frame, notes: [note], style: style)
    }

    public static func markdown(_ r: SelfEvaluation, frame: ReportFrame) -> String {
        var out = MarkdownRenderer.Out()
        MarkdownRenderer.head(letterhead(r, frame), frame, &out)
        if r.projects.isEmpty {
            out.line(empty)
            out.blank()
            MarkdownRenderer.foot(frame, hasAmounts: false, &out)
            return out.text
        }
        out.line(count(r))
        out.blank()
        out.text += r.projects.map { ReportTablePrinter.markdown(table($0), money: frame.money) }.joined()
        MarkdownRenderer.foot(frame, notes: [note], &out)
        return out.text
    }

    /// CSV: one row per project and template row, amounts in exact 元.
    public static func csv(_ r: SelfEvaluation, frame: ReportFrame) -> String {
        var doc = CSVRenderer.Document(frame.health)
        doc.header(["项目编号", "项目名称", "单位", "资金性质", "资金", "年初预算数（元）", "全年预算数（元）", "全年执行数（元）", "分值", "执行率（%）", "得分"])
        for p in r.projects {
            for row in table(p).rows {
                doc.row(
                    [.text(p.id), .text(p.name), .text(p.unit), .text(p.fund.chinese)]
                        + row.cells.map { cell in
                            if case .text(let label) = cell { return .text(RenderSupport.trimmed(label)) }
                            return ReportTable.csv(cell)
                        })
            }
        }
        return doc.text
    }

    public static func json(_ r: SelfEvaluation, frame: ReportFrame) -> String {
        let amount = JSONRenderer.amount, percent: (Int64?) -> JSONValue = JSONRenderer.percent
        func money(_ m: SelfEvaluation.Money3) -> [(String, JSONValue)] {
            [("initial", amount(m.initialFen)), ("budget", amount(m.budgetFen)), ("paid", amount(m.paidFen))]
        }
        return JSONValue.object(
            JSONRenderer.journalKeys(frame) + [
                ("year", .number(String(r.year))), ("organisation", .string(r.organisation)),
                (
                    "projects",
                    .array(
                        r.projects.map { p in
                            .object(
                                [("id", .string(p.id)), ("name", .string(p.name)), ("unit", .string(p.unit)), ("fund", .string(p.fund.chinese))]
                                    + money(p.total)
                                    + [
                                        ("weight", .number(String(p.weight))), ("rate", percent(p.rateBasisPoints)),
                                        ("score", p.scoreHundredths.map { .number(Percent.jsonNumber($0)) } ?? .null),
                                        (
                                            "rows",
                                            .object([
                                                ("fiscal", .object(money(p.fiscal))), ("carried_in", .object(money(p.carriedIn))),
                                                ("other", .object(money(p.other))),
                                            ])
                                        ),
                                    ])
                        })
                ),
            ]
        ).serialized() + "\n"
    }

    /// HTML, portrait A4: one table per project; the shared foot closes the last one.
    public static func html(_ r: SelfEvaluation, frame: ReportFrame) -> String {
        var body = HTMLRenderer.head(letterhead(r, frame), frame, extra: [count(r)])
        if r.projects.isEmpty {
            body += "<p class=\"empty\">\(HTMLRenderer.escape(empty))</p>\n" + HTMLRenderer.foot(frame, hasAmounts: false)
        }
        for (index, p) in r.projects.enumerated() {
            let last = index == r.projects.count - 1
            body += ReportTablePrinter.html(table(p), money: frame.money, keep: true, closing: last ? frame : nil, notes: last ? [note] : [])
        }
        return HTMLRenderer.document(title: title(r), body: body, health: frame.health)
    }
}
