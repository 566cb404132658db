import Ledger

/// `status --by …` in every format.
public enum GroupedStatusRenderer {
    static func title(_ r: GroupedStatus) -> String {
        RenderSupport.organisationPrefix(r.organisation) + "预算执行情况（按\(r.grouping.rawValue)）"
    }

    static func table(_ r: GroupedStatus) -> ReportTable {
        let keyed = r.grouping == .code || r.grouping == .econ
        var columns = keyed ? ["编码", "名称", "级次"] : [r.grouping.rawValue]
        columns += ["预算", "支出", "执行率%", "占支出%"]
        let first = columns.count - 4
        var t = ReportTable(title: "截至 \(RenderSupport.chineseDate(r.asOf))", columns: columns, numeric: Set(first..<columns.count),
                            note: note(r.grouping))
        for g in r.groups {
            let label: [ReportTable.Cell] = keyed ? [.text(g.key), .text(g.name), .text(g.level)] : [.text(g.name)]
            t.add(label + [.money(g.budgetFen), .money(g.paidFen), .percent(g.rateBasisPoints), .percent(g.shareBasisPoints)],
                  keyed && g.level == "类" ? .detail : .normal)
        }
        let totalLabel: [ReportTable.Cell] = keyed ? [.text("合计"), .empty, .empty] : [.text("合计")]
        t.add(totalLabel + [.money(r.totalBudgetFen), .money(r.totalPaidFen), .percent(r.totalRateBasisPoints),
                            .percent(r.totalPaidFen != 0 ? 10_000 : nil)], .total)
        return t
    }

    static func note(_ grouping: GroupedStatus.Grouping) -> String {
        switch grouping {
        case .code: return "款、类为其下各级之和。"
        case .econ: return "预算按项目的经济科目，支出按每笔支付的经济科目（支付未写则用项目的）；款、类为其下各级之和。"
        case .tags: return "一个项目有几个标签就计入几组，各组之和可能大于合计。"
        case .fund: return "未写资金性质的项目按一般公共预算计。"
        case .unit: return ""
        }
    }

    public static func text(_ r: GroupedStatus, style: TextStyle) -> String {
        style.bold(title(r)) + "　金额单位：\(style.moneyUnit)\n" + ReportTablePrinter.text(table(r), style: style)
    }

    public static func markdown(_ r: GroupedStatus, yuan: Bool) -> String {
        "# " + MarkdownRenderer.escape(title(r)) + "\n\n金额单位：\(RenderSupport.unitName(yuan: yuan))\n\n" + ReportTablePrinter.markdown(table(r), yuan: yuan)
    }

    public static func csv(_ r: GroupedStatus) -> String {
        var doc = CSVRenderer.Document()
        doc.row([.text(title(r)), .text("金额单位：元")])
        ReportTablePrinter.csv(table(r), into: &doc)
        return doc.text
    }

    public static func json(_ r: GroupedStatus) -> String {
        let amount = JSONRenderer.amount, percent: (Int64?) -> JSONValue = JSONRenderer.percent
        return JSONValue.object([
            ("as_of", .string(r.asOf.description)), ("by", .string(r.grouping.english)),
            ("groups", .array(r.groups.map { g in
                .object([("key", .string(g.key)), ("name", .string(g.name)), ("level", .string(g.level)),
                         ("budget", amount(g.budgetFen)), ("paid", amount(g.paidFen)),
                         ("rate", percent(g.rateBasisPoints)), ("share", percent(g.shareBasisPoints))])
            })),
            ("totals", .object([("budget", amount(r.totalBudgetFen)), ("paid", amount(r.totalPaidFen)), ("rate", percent(r.totalRateBasisPoints))])),
        ]).serialized() + "\n"
    }

    public static func html(_ r: GroupedStatus, yuan: Bool) -> String {
        var body = HTMLRenderer.header(organisation: r.organisation, title: "预算执行情况（按\(r.grouping.rawValue)）",
                                       meta: ["截至 \(RenderSupport.chineseDate(r.asOf))", "金额单位：\(RenderSupport.unitName(yuan: yuan))"])
        body += ReportTablePrinter.html(table(r), yuan: yuan)
        body += FinalAccountsRenderer.footer("预算按项目归组；执行率 = 支出 ÷ 预算。", yuan: yuan)
        return HTMLRenderer.document(title: title(r), body: body)
    }
}
