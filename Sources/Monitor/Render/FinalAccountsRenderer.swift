import Ledger

/// `report final` (部门决算, spec §3) in every format. The tables come from
/// `FinalAccountsTables`; JSON has the keys spec §3 fixes.
public enum FinalAccountsRenderer {
    static func head(_ r: FinalAccounts, unit: String) -> [String] {
        ["编制单位：\(RenderSupport.trimmed(r.organisation).isEmpty ? "（未设置单位名称）" : RenderSupport.trimmed(r.organisation))",
         "期间：\(r.year)年1月1日至\(r.year)年12月31日", "金额单位：\(unit)"]
    }

    public static func text(_ r: FinalAccounts, style: TextStyle) -> String {
        var out = style.bold(FinalAccountsTables.title(r)) + "\n" + head(r, unit: style.moneyUnit).joined(separator: "　") + "\n\n"
        out += FinalAccountsTables.all(r).map { ReportTablePrinter.text($0, style: style) }.joined(separator: "\n")
        return out
    }

    public static func markdown(_ r: FinalAccounts, yuan: Bool) -> String {
        var out = "# " + MarkdownRenderer.escape(FinalAccountsTables.title(r)) + "\n\n"
        out += head(r, unit: RenderSupport.unitName(yuan: yuan)).map(MarkdownRenderer.escape).joined(separator: "　") + "\n\n"
        return out + FinalAccountsTables.all(r).map { ReportTablePrinter.markdown($0, yuan: yuan) }.joined()
    }

    /// CSV: one titled block per table, amounts in exact 元.
    public static func csv(_ r: FinalAccounts) -> String {
        var doc = CSVRenderer.Document()
        doc.row([.text(FinalAccountsTables.title(r)), .text("金额单位：元")])
        doc.blank()
        for table in FinalAccountsTables.all(r) { ReportTablePrinter.csv(table, into: &doc) }
        return doc.text
    }

    public static func json(_ r: FinalAccounts) -> String {
        let amount = JSONRenderer.amount, percent: (Int64?) -> JSONValue = JSONRenderer.percent
        func classRow(_ c: FinalAccounts.ClassRow) -> JSONValue {
            .object([("code", .string(c.code)), ("name", .string(c.name)), ("level", .string(c.level.rawValue)),
                     ("budget", amount(c.budgetFen)), ("paid", amount(c.paidFen)),
                     ("rate", percent(c.rateBasisPoints)), ("share", percent(c.shareBasisPoints))])
        }
        let s = r.sangong, sp = r.spending
        return JSONValue.object([
            ("year", .number(String(r.year))), ("organisation", .string(r.organisation)),
            ("income", .object([("total", amount(r.income.totalFen)), ("by_fund", .array(r.income.byFund.map { f in
                .object([("fund", .string(f.fund.chinese)), ("appropriation", .bool(f.fund.isAppropriation)),
                         ("amount", amount(f.amountFen)), ("share", percent(f.shareBasisPoints))])
            }))])),
            ("spending", .object([("total_paid", amount(sp.totalPaidFen)), ("basic_paid", amount(sp.basicPaidFen)),
                                  ("personnel_paid", amount(sp.personnelPaidFen)), ("public_paid", amount(sp.publicPaidFen)),
                                  ("project_paid", amount(sp.projectPaidFen))])),
            ("by_function", .array(r.byFunction.map(classRow))),
            ("by_economic", .array(r.byEconomic.map(classRow))),
            ("sangong", .object([
                ("budget", amount(s.budgetFen)), ("paid", amount(s.paidFen)), ("rate", percent(s.rateBasisPoints)),
                ("previous_paid", amount(s.previousPaidFen)), ("change", amount(s.changeFen)),
            ] + changeRate(s.changeRateBasisPoints) + [
                ("kinds", .array(s.kinds.map { k in
                    .object([("kind", .string(k.kind.rawValue)), ("budget", amount(k.budgetFen)), ("paid", amount(k.paidFen)),
                             ("rate", percent(k.rateBasisPoints)), ("share", percent(k.shareBasisPoints)),
                             ("previous_paid", amount(k.previousPaidFen)), ("change", amount(k.changeFen))]
                            + changeRate(k.changeRateBasisPoints))
                })),
                ("vehicle_purchase_paid", amount(s.vehiclePurchasePaidFen)), ("vehicle_operation_paid", amount(s.vehicleOperationPaidFen)),
                ("previous_vehicle_purchase_paid", amount(s.previousVehiclePurchasePaidFen)),
                ("previous_vehicle_operation_paid", amount(s.previousVehicleOperationPaidFen)),
            ])),
            ("procurement", .object([("budget", amount(r.procurement.budgetFen)), ("paid", amount(r.procurement.paidFen)),
                                     ("rate", percent(r.procurement.rateBasisPoints))])),
        ]).serialized() + "\n"
    }

    /// `change_rate` is absent (not null) when the year before has nothing to compare with (spec §3).
    static func changeRate(_ basisPoints: Int64?) -> [(String, JSONValue)] {
        basisPoints.map { [("change_rate", JSONValue.number(Percent.jsonNumber($0)))] } ?? []
    }

    /// HTML, portrait A4: each structure table with its bar chart (收入结构, 功能分类“类”结构,
    /// 经济分类“类”结构, “三公”结构).
    public static func html(_ r: FinalAccounts, yuan: Bool) -> String {
        let unit = RenderSupport.unitName(yuan: yuan)
        func money(_ fen: Int64) -> String { RenderSupport.readableAmount(fen, yuan: yuan) + " " + unit }
        var body = HTMLRenderer.header(organisation: r.organisation, title: "\(r.year)年度 部门决算", meta: head(r, unit: unit))
        let s = r.spending
        body += "<section>\n" + HTMLRenderer.cardGrid([
            .init(label: "本年收入合计", value: RenderSupport.readableAmount(r.income.totalFen, yuan: yuan), unit: unit),
            .init(label: "本年支出合计", value: RenderSupport.readableAmount(s.totalPaidFen, yuan: yuan), unit: unit),
            .init(label: "人员经费", value: RenderSupport.readableAmount(s.personnelPaidFen, yuan: yuan), unit: unit),
            .init(label: "公用经费", value: RenderSupport.readableAmount(s.publicPaidFen, yuan: yuan), unit: unit),
        ]) + "</section>\n"
        let tables = FinalAccountsTables.all(r)
        let charts = [
            ShareChart.svg(r.income.byFund.map { .init(label: $0.fund.chinese, amount: money($0.amountFen), shareBasisPoints: $0.shareBasisPoints ?? 0) },
                           caption: "图1：收入决算结构（按资金性质）"),
            ShareChart.svg([.init(label: "人员经费", amount: money(s.personnelPaidFen), shareBasisPoints: FinalAccounts.share(s.personnelPaidFen, s.totalPaidFen) ?? 0),
                            .init(label: "公用经费", amount: money(s.publicPaidFen), shareBasisPoints: FinalAccounts.share(s.publicPaidFen, s.totalPaidFen) ?? 0),
                            .init(label: "项目支出", amount: money(s.projectPaidFen), shareBasisPoints: FinalAccounts.share(s.projectPaidFen, s.totalPaidFen) ?? 0)],
                           caption: "图2：支出决算结构"),
            classChart(r.byFunction, caption: "图3：支出决算结构（按功能分类“类”）", money: money),
            classChart(r.byEconomic, caption: "图4：支出决算结构（按经济分类“类”）", money: money),
            ShareChart.svg(r.sangong.kinds.map { .init(label: $0.kind.rawValue, amount: money($0.paidFen), shareBasisPoints: $0.shareBasisPoints ?? 0) },
                           caption: "图5：“三公”经费支出结构"),
            "",
        ]
        for (table, chart) in zip(tables, charts) { body += ReportTablePrinter.html(table, yuan: yuan, chart: chart) }
        body += footer("各表口径见表下说明；比率与占比按精确金额计算，四舍五入保留两位小数。", yuan: yuan)
        return HTMLRenderer.document(title: FinalAccountsTables.title(r), body: body)
    }

    /// The closing note (the lead may switch it to the shared report foot).
    static func footer(_ meaning: String, yuan: Bool) -> String {
        let amounts = "金额单位：\(RenderSupport.unitName(yuan: yuan))\(yuan ? "" : "，按分精确列示，不四舍五入")。"
        return "<footer>说明：\(HTMLRenderer.escape(meaning))\(amounts)本报告由 fundflow 根据资金流水账生成。</footer>\n"
    }

    static func classChart(_ rows: [FinalAccounts.ClassRow], caption: String, money: (Int64) -> String) -> String {
        ShareChart.svg(rows.filter { $0.level == .category || $0.level == .unclassified }.map {
            .init(label: $0.code.isEmpty ? $0.name : "\($0.code) \($0.name)", amount: money($0.paidFen), shareBasisPoints: $0.shareBasisPoints ?? 0)
        }, caption: caption)
    }
}
