import Ledger

/// CSV that opens correctly in Excel (WPS too): a UTF-8 byte-order mark so that the Chinese
/// is not read as GBK, CRLF line ends, RFC 4180 quoting, a Chinese header row, and no cell
/// that Excel would run as a formula (CSV injection): journal text starting with `=`, `+`,
/// `-`, `@`, tab or CR gets a leading `'`. The numbers the renderer writes itself (amounts,
/// percentages) stay plain numbers, negative ones included.
///
/// Amounts are always exact 元 (`Amount.yuanString`, spec §2); percentages have two
/// decimals and no `%` sign.
public enum CSVRenderer {
    /// The byte-order mark every document starts with.
    public static let byteOrderMark = "\u{FEFF}"
    public static let lineEnd = "\r\n"

    // MARK: - Reports

    static let yuanUnit = "（元）"

    /// `fundflow status --csv`: the banner row when the journal has errors, the header, each
    /// unit's projects and 小计, the 合计 row.
    public static func status(_ r: StatusReport, frame: ReportFrame) -> String {
        let unit = yuanUnit
        var doc = Document(frame.health)
        doc.header([
            "单位", "项目编号", "项目名称", "上年结转\(unit)", "预算\(unit)", "支出\(unit)", "结转下年\(unit)", "结余收回\(unit)", "可用余额\(unit)",
            "应付未付合同\(unit)", "执行率（%）", "计划进度（%）", "差距（%）", "状态", "预警",
        ])
        func cells(_ t: Totals) -> [Cell] {
            [
                money(t.carriedInFen), money(t.budgetFen), money(t.paidFen), money(t.carriedOutFen), money(t.lapsedFen), money(t.availableFen),
                money(t.unpaidContractsFen), percent(t.rateBasisPoints), percent(t.expectedBasisPoints), percent(t.gapBasisPoints),
            ]
        }
        for group in RenderSupport.grouped(r.projects, units: r.units) {
            for p in group.projects {
                let f = p.figures
                doc.row([
                    .text(p.unit), .text(p.id), .text(p.name),
                    money(f.carriedInFen), money(f.budgetFen), money(f.paidFen), money(f.carriedOutFen), money(f.lapsedFen),
                    money(f.availableFen), money(p.unpaidContractsFen),
                    percent(p.rateBasisPoints), percent(p.expectedBasisPoints), percent(p.gapBasisPoints),
                    .text(p.status.statusName), .text(alerts(p)),
                ])
            }
            doc.row([.text(group.unit.unit), .text(""), .text("小计")] + cells(group.unit.totals) + [.text(""), .text(RenderSupport.countSummary(group.unit.totals))])
        }
        let t = r.totals
        doc.row([.text("合计"), .text(""), .text("共 \(t.projectCount) 个项目")] + cells(t) + [.text(""), .text(RenderSupport.countSummary(t))])
        return doc.text
    }

    /// `report monthly --format csv`: the banner row when the journal has errors, the as-of
    /// row, each unit's projects and 小计, the 合计 row; then the unpaid contracts.
    public static func monthly(_ r: MonthlyReport, frame: ReportFrame) -> String {
        let unit = yuanUnit
        var doc = Document(frame.health)
        doc.row([.text("截至日期"), .text(r.asOf.description), .text("报告月份"), .text(r.monthKey)])
        doc.header(["单位", "项目编号", "项目名称", "预算\(unit)", "支出\(unit)", "结转下年\(unit)", "可用余额\(unit)", "执行率（%）", "计划进度（%）", "差距（%）", "状态", "预警"])
        func cells(_ t: Totals) -> [Cell] {
            [
                money(t.budgetFen), money(t.paidFen), money(t.carriedOutFen), money(t.availableFen),
                percent(t.rateBasisPoints), percent(t.expectedBasisPoints), percent(t.gapBasisPoints),
            ]
        }
        for group in RenderSupport.grouped(r.status.projects, units: r.status.units) {
            for p in group.projects {
                doc.row([
                    .text(p.unit), .text(p.id), .text(p.name),
                    money(p.budgetFen), money(p.paidFen), money(p.figures.carriedOutFen), money(p.availableFen),
                    percent(p.rateBasisPoints), percent(p.expectedBasisPoints), percent(p.gapBasisPoints),
                    .text(p.status.statusName), .text(alerts(p)),
                ])
            }
            doc.row([.text(group.unit.unit), .text(""), .text("小计")] + cells(group.unit.totals) + [.text(""), .text(RenderSupport.countSummary(group.unit.totals))])
        }
        let t = r.status.totals
        doc.row([.text("合计"), .text(""), .text("共 \(t.projectCount) 个项目")] + cells(t) + [.text(""), .text(RenderSupport.countSummary(t))])
        doc.blank()
        doc.row([.text("合同应付未付")])
        doc.header(["合同编号", "项目编号", "对方单位", "签订日期", "付款期限", "合同金额\(unit)", "已付\(unit)", "未付\(unit)", "状态"])
        for c in r.unpaidContracts {
            doc.row([
                .text(c.id), .text(c.project), .text(c.party ?? ""), .text(c.signed.description), .text(RenderSupport.dueText(c)),
                money(c.amountFen), money(c.paidFen), money(c.unpaidFen), .text(RenderSupport.contractState(c, asOf: r.asOf)),
            ])
        }
        doc.row([.text("合计"), .text(""), .text(""), .text(""), .text(""), .text(""), .text(""), money(t.unpaidContractsFen), .text("")])
        return doc.text
    }

    /// `report carryover --format csv`: projects grouped by unit, each unit closed by a
    /// 小计 row, the statement closed by a 合计 row.
    public static func carryover(_ r: CarryoverStatement, frame: ReportFrame) -> String {
        let unit = yuanUnit
        var doc = Document(frame.health)
        doc.header([
            "单位", "项目编号", "项目名称", "上年结转\(unit)", "本年下达\(unit)", "调减\(unit)", "预算\(unit)", "支出\(unit)", "结转下年\(unit)", "结余收回\(unit)",
            "未处理\(unit)", "执行率（%）", "应付未付合同\(unit)", "原因",
        ])
        var reasons: [String: [String]] = [:]
        for row in r.rows { reasons[row.project.id] = row.reasons }
        for group in RenderSupport.grouped(r.rows.map(\.project), units: r.units) {
            for p in group.projects {
                let f = p.figures
                doc.row([
                    .text(p.unit), .text(p.id), .text(p.name),
                    money(f.carriedInFen), money(f.allottedFen), money(f.reducedFen),
                    money(f.budgetFen), money(f.paidFen), money(f.carriedOutFen),
                    money(f.lapsedFen), money(p.availableFen),
                    percent(p.rateBasisPoints), money(p.unpaidContractsFen),
                    .text((reasons[p.id] ?? []).joined(separator: "；")),
                ])
            }
            doc.row(carryoverTotals(group.unit.totals, unit: .text(group.unit.unit), name: .text("小计")))
        }
        doc.row(carryoverTotals(r.totals, unit: .text("合计"), name: .text("")))
        return doc.text
    }

    /// `report indicators --format csv`: one row per indicator; amounts in exact 元.
    public static func indicators(_ r: Indicators, frame: ReportFrame) -> String {
        var doc = Document(frame.health)
        doc.header(["指标", "代码", "数值", "单位", "公式"])
        for row in RenderSupport.indicatorRows(r, money: RenderSupport.exactYuan, unit: "元") {
            doc.row([.text(row.name), .text(row.key), row.value.isEmpty ? .text("") : .number(row.value), .text(row.unit), .text(row.formula)])
        }
        return doc.text
    }

    /// `fundflow register --format csv`: one row per entry, exact 元, nothing cut.
    public static func register(_ r: Register, frame: ReportFrame) -> String {
        let unit = yuanUnit
        var doc = Document(frame.health)
        doc.header(["日期", "项目编号", "动作", "金额\(unit)", "对余额影响\(unit)", "可用余额\(unit)", "凭证/文号", "摘要"])
        for row in r.rows {
            doc.row([
                .text(row.date.description), .text(row.project), .text(row.verb.chinese), money(row.amountFen), money(row.changeFen),
                money(row.availableAfterFen), .text(row.reference), .text(row.memo),
            ])
        }
        return doc.text
    }

    // MARK: - Cells

    /// A cell: journal or label text (neutralised and quoted as needed) or a number the
    /// renderer formatted itself (written as is).
    enum Cell: Equatable {
        case text(String)
        case number(String)
    }

    /// Always exact 元 (spec §2).
    static func money(_ fen: Int64) -> Cell { .number(RenderSupport.exactYuan(fen)) }
    static func percent(_ basisPoints: Int64) -> Cell { .number(Percent.string(basisPoints)) }

    static func alerts(_ p: ProjectStatus) -> String {
        p.readableAlerts.map(\.message).joined(separator: "；")
    }

    static func carryoverTotals(_ t: Totals, unit: Cell, name: Cell) -> [Cell] {
        [
            unit, .text(""), name,
            money(t.carriedInFen), money(t.allottedFen), money(t.reducedFen),
            money(t.budgetFen), money(t.paidFen), money(t.carriedOutFen),
            money(t.lapsedFen), money(t.availableFen),
            percent(t.rateBasisPoints), money(t.unpaidContractsFen), .text(""),
        ]
    }

    /// Characters that make Excel (and LibreOffice, WPS) treat a cell as a formula, including
    /// their full-width forms, which some spreadsheet locales fold to ASCII.
    static let formulaStarters: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"]

    /// Text as a safe CSV field: formula starters neutralised with `'`, then RFC 4180 quoting.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, formulaStarters.contains(first) { value = "'" + value }
        return quoted(value)
    }

    /// RFC 4180: a field containing a comma, quote, CR or LF is quoted, its quotes doubled.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append("\"") }
            out.unicodeScalars.append(scalar)
        }
        out += "\""
        return out
    }

    static func encode(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): return field(text)
        case .number(let number): return quoted(number)
        }
    }

    /// Lines joined with CRLF after the byte-order mark; every line ends in CRLF.
    struct Document {
        var text = CSVRenderer.byteOrderMark

        /// A document whose first row is the banner when the journal has errors.
        init(_ health: JournalHealth = .clean) {
            if let banner = health.bannerText { row([.text("【\(health.bannerTitle)】\(banner)")]) }
        }

        mutating func header(_ names: [String]) { row(names.map(Cell.text)) }
        mutating func row(_ cells: [Cell]) { text += cells.map(CSVRenderer.encode).joined(separator: ",") + CSVRenderer.lineEnd }
        mutating func blank() { text += CSVRenderer.lineEnd }
    }
}
