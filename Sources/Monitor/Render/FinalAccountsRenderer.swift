import Ledger

/// `report final` (部门决算, spec §3) in every format. The tables come from
/// `FinalAccountsTables`; JSON has the keys spec §3 fixes.
public enum FinalAccountsRenderer {
    static func letterhead(_ r: FinalAccounts, _ frame: ReportFrame) -> Letterhead {
        Letterhead(frame, title: "\(r.year)年度 部门决算", period: RenderSupport.yearEndPeriod(r.year))
    }

    /// The foot's note (the tables' own notes stand under each table).
    static let note = "比率与占比按精确金额计算，四舍五入保留两位小数。"

    public static func text(_ r: FinalAccounts, frame: ReportFrame, style: TextStyle) -> String {
        var out = TextRenderer.head(letterhead(r, frame), frame, style: style)
        out += FinalAccountsTables.all(r).map { ReportTablePrinter.text($0, money: frame.money, style: style) }.joined(separator: "\n")
        return out + TextRenderer.foot(frame, notes: [note], style: style)
    }

    public static func markdown(_ r: FinalAccounts, frame: ReportFrame) -> String {
        var out = MarkdownRenderer.Out()
        MarkdownRenderer.head(letterhead(r, frame), frame, &out)
        out.text += FinalAccountsTables.all(r).map { ReportTablePrinter.markdown($0, money: frame.money) }.joined()
        MarkdownRenderer.foot(frame, notes: [note], &out)
        return out.text
    }

    /// CSV: the banner row when the journal has errors, then one titled block per table,
    /// amounts in exact 元.
    public static func csv(_ r: FinalAccounts, frame: ReportFrame) -> String {
        var doc = CSVRenderer.Document(frame.health)
        doc.row([.text(FinalAccountsTables.title(r)), .text("金额单位：元")])
        doc.blank()
        for table in FinalAccountsTables.all(r) { ReportTablePrinter.csv(table, into: &doc) }
        return doc.text
    }

    public static func json(_ r: FinalAccounts, frame: ReportFrame) -> String {
        let amount = JSONRenderer.amount, percent: (Int64?) -> JSONValue = JSONRenderer.percent
        func classRow(_ c: FinalAccounts.ClassRow) -> JSONValue {
            .object([
                ("code", .string(c.code)), ("name", .string(c.name)), ("level", .string(c.level.rawValue)),
                ("budget", amount(c.budgetFen)), ("paid", amount(c.paidFen)),
                ("rate", percent(c.rateBasisPoints)), ("share", percent(c.shareBasisPoints)),
            ])
        }
        let s = r.sangong, sp = r.spending
        return JSONValue.object(
            JSONRenderer.journalKeys(frame) + [
                ("year", .number(String(r.year))), ("organisation", .string(r.organisation)),
                (
                    "income",
                    .object([
                        ("total", amount(r.income.totalFen)),
                        (
                            "by_fund",
                            .array(
                                r.income.byFund.map { f in
                                    .object([
                                        ("fund", .string(f.fund.chinese)), ("appropriation", .bool(f.fund.isAppropriation)),
                                        ("amount", amount(f.amountFen)), ("share", percent(f.shareBasisPoints)),
                                    ])
                                })
                        ),
                    ])
                ),
                (
                    "spending",
                    .object([
                        ("total_paid", amount(sp.totalPaidFen)), ("basic_paid", amount(sp.basicPaidFen)),
                        ("personnel_paid", amount(sp.personnelPaidFen)), ("public_paid", amount(sp.publicPaidFen)),
                        ("project_paid", amount(sp.projectPaidFen)),
                    ])
                ),
                ("by_function", .array(r.byFunction.map(classRow))),
                ("by_economic", .array(r.byEconomic.map(classRow))),
                (
                    "sangong",
                    .object(
                        [
                            ("budget", amount(s.budgetFen)), ("paid", amount(s.paidFen)), ("rate", percent(s.rateBasisPoints)),
                            ("previous_paid", amount(s.previousPaidFen)), ("change", amount(s.changeFen)),
                        ] + changeRate(s.changeRateBasisPoints) + [
                            (
                                "kinds",
                                .array(
                                    s.kinds.map { k in
                                        .object(
                                            [
                                                ("kind", .string(k.kind.rawValue)), ("budget", amount(k.budgetFen)), ("paid", amount(k.paidFen)),
                                                ("rate", percent(k.rateBasisPoints)), ("share", percent(k.shareBasisPoints)),
                                                ("previous_paid", amount(k.previousPaidFen)), ("change", amount(k.changeFen)),
                                            ]
                                                + changeRate(k.changeRateBasisPoints))
                                    })
                            ),
                            ("vehicle_purchase_paid", amount(s.vehiclePurchasePaidFen)), ("vehicle_operation_paid", amount(s.vehicleOperationPaidFen)),
                            ("previous_vehicle_purchase_paid", amount(s.previousVehiclePurchasePaidFen)),
                            ("previous_vehicle_operation_paid", amount(s.previousVehicleOperationPaidFen)),
                        ])
                ),
                (
                    "procurement",
                    .object([
                        ("budget", amount(r.procurement.budgetFen)), ("paid", amount(r.procurement.paidFen)),
                        ("rate", percent(r.procurement.rateBasisPoints)),
                    ])
                ),
            ]
        ).serialized() + "\n"
    }

    /// `change_rate` is absent (not null) when the year before has nothing to compare with (spec §3).
    static func changeRate(_ basisPoints: Int64?) -> [(String, JSONValue)] {
        basisPoints.map { [("change_rate", JSONValue.number(Percent.jsonNumber($0)))] } ?? []
    }

    /// HTML, portrait A4: each structure table with its bar chart (收入结构, 支出结构,
    /// 功能分类“类”结构, 经济分类“类”结构, “三公”结构); the shared foot closes the last table.
    public static func html(_ r: FinalAccounts, frame: ReportFrame) -> String {
        let m = frame.money, u = frame.money.unitName
        func money(_ fen: Int64) -> String { m.withUnit(fen) }
        var body = HTMLRenderer.head(letterhead(r, frame), frame)
        let s = r.spending
        body +=
            "<section>\n"
            + HTMLRenderer.cardGrid([
                .init(label: "本年收入合计", value: m.string(r.income.totalFen), unit: u),
                .init(label: "本年支出合计", value: m.string(s.totalPaidFen), unit: u),
                .init(label: "人员经费", value: m.string(s.personnelPaidFen), unit: u),
                .init(label: "公用经费", value: m.string(s.publicPaidFen), unit: u),
            ]) + "</section>\n"
        let tables = FinalAccountsTables.all(r)
        let charts = [
            ShareChart.svg(
                r.income.byFund.map { .init(label: $0.fund.chinese, amount: money($0.amountFen), shareBasisPoints: $0.shareBasisPoints ?? 0) },
                caption: "图1：收入决算结构（按资金性质）"),
            ShareChart.svg(
                [
                    .init(label: "人员经费", amount: money(s.personnelPaidFen), shareBasisPoints: FinalAccounts.share(s.personnelPaidFen, s.totalPaidFen) ?? 0),
                    .init(label: "公用经费", amount: money(s.publicPaidFen), shareBasisPoints: FinalAccounts.share(s.publicPaidFen, s.totalPaidFen) ?? 0),
                    .init(label: "项目支出", amount: money(s.projectPaidFen), shareBasisPoints: FinalAccounts.share(s.projectPaidFen, s.totalPaidFen) ?? 0),
                ],
                caption: "图2：支出决算结构"),
            classChart(r.byFunction, caption: "图3：支出决算结构（按功能分类“类”）", money: money),
            classChart(r.byEconomic, caption: "图4：支出决算结构（按经济分类“类”）", money: money),
            ShareChart.svg(
                r.sangong.kinds.map { .init(label: $0.kind.rawValue, amount: money($0.paidFen), shareBasisPoints: $0.shareBasisPoints ?? 0) },
                caption: "图5：“三公”经费支出结构"),
            "",
        ]
        for (index, (table, chart)) in zip(tables, charts).enumerated() {
            let last = index == tables.count - 1
            body += ReportTablePrinter.html(table, money: m, chart: chart, closing: last ? frame : nil, notes: last ? [note] : [])
        }
        return HTMLRenderer.document(title: FinalAccountsTables.title(r), body: body, health: frame.health)
    }

    static func classChart(_ rows: [FinalAccounts.ClassRow], caption: String, money: (Int64) -> String) -> String {
        ShareChart.svg(
            rows.filter { $0.level == .category || $0.level == .unclassified }.map {
                .init(label: $0.code.isEmpty ? $0.name : "\($0.code) \($0.name)", amount: money($0.paidFen), shareBasisPoints: $0.shareBasisPoints ?? 0)
            }, caption: caption)
    }
}
