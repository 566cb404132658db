import Ledger

/// `status --by …` in every format.
public enum GroupedStatusRenderer {
    static func title(_ r: GroupedStatus) -> String {
        RenderSupport.organisationPrefix(r.organisation) + reportTitle(r)
    }

    static func reportTitle(_ r: GroupedStatus) -> String { "预算执行情况表（按\(r.grouping.rawValue)）" }

    static func letterhead(_ r: GroupedStatus, _ frame: ReportFrame) -> Letterhead {
        Letterhead(frame, title: reportTitle(r), period: RenderSupport.asOfPeriod(r.asOf))
    }

    /// The foot's note.
    static let meaning = "预算按项目归组；执行率 = 支出 ÷ 预算；占支出 = 该组支出 ÷ 支出合计。"

    static func table(_ r: GroupedStatus) -> ReportTable {
        let keyed = r.grouping == .code || r.grouping == .econ
        var columns = keyed ? ["编码", "名称", "级次"] : [r.grouping.rawValue]
        columns += ["预算", "支出", "执行率%", "占支出%"]
        let first = columns.count - 4
        var t = ReportTable(
            title: "按\(r.grouping.rawValue)汇总", columns: columns, numeric: Set(first..<columns.count),
            note: note(r.grouping))
        for g in r.groups {
            let label: [ReportTable.Cell] = keyed ? [.text(g.key), .text(g.name), .text(g.level)] : [.text(g.name)]
            t.add(
                label + [.money(g.budgetFen), .money(g.paidFen), .percent(g.rateBasisPoints), .percent(g.shareBasisPoints)],
                keyed && g.level == "类" ? .subtotal : .normal)
        }
        let totalLabel: [ReportTable.Cell] = keyed ? [.text("合计"), .empty, .empty] : [.text("合计")]
        t.add(
            totalLabel + [
                .money(r.totalBudgetFen), .money(r.totalPaidFen), .percent(r.totalRateBasisPoints),
                .percent(r.totalPaidFen != 0 ? 10_000 : nil),
            ], .total)
        return t
    }

    static func note(_ grouping: GroupedStatus.Grouping) -> String? {
        switch grouping {
        case .code: return "款、类为其下各级之和。"
        case .econ: return "预算按项目的经济科目，支出按每笔支付的经济科目（支付未写则用项目的）；款、类为其下各级之和。"
        case .tags: return "一个项目有几个标签就计入几组，各组之和可能大于合计。"
        case .fund: return "未写资金性质的项目按一般公共预算计。"
        case .unit: return nil
        }
    }

    public static func text(_ r: GroupedStatus, frame: ReportFrame, style: TextStyle) -> String {
        TextRenderer.head(letterhead(r, frame), frame, style: style)
            + ReportTablePrinter.text(table(r), money: frame.money, style: style)
            + TextRenderer.foot(frame, notes: [meaning], style: style)
    }

    public static func markdown(_ r: GroupedStatus, frame: ReportFrame) -> String {
        var out = MarkdownRenderer.Out()
        MarkdownRenderer.head(letterhead(r, frame), frame, &out)
        out.text += ReportTablePrinter.markdown(table(r), money: frame.money)
        MarkdownRenderer.foot(frame, notes: [meaning], &out)
        return out.text
    }

    /// CSV: the banner row when the journal has errors, the title row, the table in exact 元.
    public static func csv(_ r: GroupedStatus, frame: ReportFrame) -> String {
        var doc = CSVRenderer.Document(frame.health)
        doc.row([.text(title(r)), .text("截至日期"), .text(r.asOf.description), .text("金额单位：元")])
        ReportTablePrinter.csv(table(r), into: &doc)
        return doc.text
    }

    public static func json(_ r: GroupedStatus, frame: ReportFrame) -> String {
        let amount = JSONRenderer.amount, percent: (Int64?) -> JSONValue = JSONRenderer.percent
        return JSONValue.object(
            JSONRenderer.journalKeys(frame) + [
                ("as_of", .string(r.asOf.description)), ("organisation", .string(r.organisation)), ("by", .string(r.grouping.english)),
                (
                    "groups",
                    .array(
                        r.groups.map { g in
                            .object([
                                ("key", .string(g.key)), ("name", .string(g.name)), ("level", .string(g.level)),
                                ("budget", amount(g.budgetFen)), ("paid", amount(g.paidFen)),
                                ("rate", percent(g.rateBasisPoints)), ("share", percent(g.shareBasisPoints)),
                            ])
                        })
                ),
                ("totals", .object([("budget", amount(r.totalBudgetFen)), ("paid", amount(r.totalPaidFen)), ("rate", percent(r.totalRateBasisPoints))])),
            ]
        ).serialized() + "\n"
    }

    public static func html(_ r: GroupedStatus, frame: ReportFrame) -> String {
        let body =
            HTMLRenderer.head(letterhead(r, frame), frame)
            + ReportTablePrinter.html(table(r), money: frame.money, closing: frame, notes: [meaning])
        return HTMLRenderer.document(title: title(r) + "（截至 \(r.asOf)）", body: body, health: frame.health)
    }
}
