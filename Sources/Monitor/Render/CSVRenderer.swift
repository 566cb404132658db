import Ledger

/// CSV that opens correctly in Excel (WPS too): a UTF-8 byte-order mark so that the Chinese
/// is not read as GBK, CRLF line ends, RFC 4180 quoting, a Chinese header row, and no cell
/// that Excel would run as a formula (CSV injection): journal text starting with `=`, `+`,
/// `-`, `@`, tab or CR gets a leading `'`. The numbers the renderer writes itself (amounts,
/// percentages) stay plain numbers, negative ones included.
///
/// Amounts are in 万元 (exact, `Amount.wanString`) unless `yuan` asks for 元
/// (`Amount.yuanString`); percentages have two decimals and no `%` sign.
public enum CSVRenderer {
    /// The byte-order mark every document starts with.
    public static let byteOrderMark = "\u{FEFF}"
    public static let lineEnd = "\r\n"

    // MARK: - Reports

    /// `fundflow status --csv`: one row per project, then a blank line and the total.
    public static func status(_ r: StatusReport, yuan: Bool) -> String {
        let unit = yuan ? "（元）" : "（万元）"
        var doc = Document()
        doc.header(["单位", "项目编号", "项目名称", "上年结转\(unit)", "预算\(unit)", "支出\(unit)", "结转下年\(unit)", "结余收回\(unit)", "可用余额\(unit)",
                    "应付未付合同\(unit)", "执行率（%）", "计划进度（%）", "差距（%）", "状态", "预警"])
        for p in r.projects {
            let f = p.figures
            doc.row([.text(p.unit), .text(p.id), .text(p.name),
                     money(f.carriedInFen, yuan), money(f.budgetFen, yuan), money(f.paidFen, yuan),
                     money(f.carriedOutFen, yuan), money(f.lapsedFen, yuan), money(f.availableFen, yuan),
                     money(p.unpaidContractsFen, yuan),
                     percent(p.rateBasisPoints), percent(p.expectedBasisPoints), percent(p.gapBasisPoints),
                     .text(p.status.statusName), .text(alerts(p))])
        }
        doc.blank()
        let t = r.totals
        doc.row([.text("合计"), .text(""), .text("共 \(t.projectCount) 个项目"),
                 money(t.carriedInFen, yuan), money(t.budgetFen, yuan), money(t.paidFen, yuan),
                 money(t.carriedOutFen, yuan), money(t.lapsedFen, yuan), money(t.availableFen, yuan),
                 money(t.unpaidContractsFen, yuan),
                 percent(t.rateBasisPoints), percent(t.expectedBasisPoints), percent(t.gapBasisPoints),
                 .text(""), .text(RenderSupport.countSummary(t))])
        return doc.text
    }

    /// `report monthly --format csv`: one row per project, a blank line, the total.
    public static func monthly(_ r: MonthlyReport, yuan: Bool) -> String {
        let unit = yuan ? "（元）" : "（万元）"
        var doc = Document()
        doc.header(["单位", "项目编号", "项目名称", "预算\(unit)", "支出\(unit)", "结转下年\(unit)", "可用余额\(unit)", "执行率（%）", "计划进度（%）", "差距（%）", "状态", "预警"])
        for p in r.status.projects {
            doc.row([.text(p.unit), .text(p.id), .text(p.name),
                     money(p.budgetFen, yuan), money(p.paidFen, yuan), money(p.figures.carriedOutFen, yuan), money(p.availableFen, yuan),
                     percent(p.rateBasisPoints), percent(p.expectedBasisPoints), percent(p.gapBasisPoints),
                     .text(p.status.statusName), .text(alerts(p))])
        }
        doc.blank()
        let t = r.status.totals
        doc.row([.text("合计"), .text(""), .text("共 \(t.projectCount) 个项目"),
                 money(t.budgetFen, yuan), money(t.paidFen, yuan), money(t.carriedOutFen, yuan), money(t.availableFen, yuan),
                 percent(t.rateBasisPoints), percent(t.expectedBasisPoints), percent(t.gapBasisPoints),
                 .text(""), .text(RenderSupport.countSummary(t))])
        return doc.text
    }

    /// `report carryover --format csv`: projects grouped by unit, each unit closed by a
    /// 小计 row, the statement closed by a 合计 row.
    public static func carryover(_ r: CarryoverStatement, yuan: Bool) -> String {
        let unit = yuan ? "（元）" : "（万元）"
        var doc = Document()
        doc.header(["单位", "项目编号", "项目名称", "上年结转\(unit)", "本年下达\(unit)", "调减\(unit)", "预算\(unit)", "支出\(unit)", "结转下年\(unit)", "结余收回\(unit)",
                    "未处理\(unit)", "执行率（%）", "应付未付合同\(unit)", "原因"])
        var reasons: [String: [String]] = [:]
        for row in r.rows { reasons[row.project.id] = row.reasons }
        for group in RenderSupport.grouped(r.rows.map(\.project), units: r.units) {
            for p in group.projects {
                let f = p.figures
                doc.row([.text(p.unit), .text(p.id), .text(p.name),
                         money(f.carriedInFen, yuan), money(f.allottedFen, yuan), money(f.reducedFen, yuan),
                         money(f.budgetFen, yuan), money(f.paidFen, yuan), money(f.carriedOutFen, yuan),
                         money(f.lapsedFen, yuan), money(p.availableFen, yuan),
                         percent(p.rateBasisPoints), money(p.unpaidContractsFen, yuan),
                         .text((reasons[p.id] ?? []).joined(separator: "；"))])
            }
            doc.row(carryoverTotals(group.unit.totals, unit: .text(group.unit.unit), name: .text("小计"), yuan: yuan))
        }
        doc.row(carryoverTotals(r.totals, unit: .text("合计"), name: .text(""), yuan: yuan))
        return doc.text
    }

    /// `report indicators --format csv`: one row per indicator; amounts in 万元.
    public static func indicators(_ r: Indicators) -> String {
        var doc = Document()
        doc.header(["指标", "代码", "数值", "公式"])
        for row in RenderSupport.indicatorRows(r) {
            doc.row([.text("\(row.name)（\(row.unit)）"), .text(row.key),
                     row.value.isEmpty ? .text("") : .number(row.value), .text(row.formula)])
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

    static func money(_ fen: Int64, _ yuan: Bool) -> Cell { .number(RenderSupport.amount(fen, yuan: yuan)) }
    static func percent(_ basisPoints: Int64) -> Cell { .number(Percent.string(basisPoints)) }

    static func alerts(_ p: ProjectStatus) -> String {
        p.readableAlerts.map(\.message).joined(separator: "；")
    }

    static func carryoverTotals(_ t: Totals, unit: Cell, name: Cell, yuan: Bool) -> [Cell] {
        [unit, .text(""), name,
         money(t.carriedInFen, yuan), money(t.allottedFen, yuan), money(t.reducedFen, yuan),
         money(t.budgetFen, yuan), money(t.paidFen, yuan), money(t.carriedOutFen, yuan),
         money(t.lapsedFen, yuan), money(t.availableFen, yuan),
         percent(t.rateBasisPoints), money(t.unpaidContractsFen, yuan), .text("")]
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

        mutating func header(_ names: [String]) { row(names.map(Cell.text)) }
        mutating func row(_ cells: [Cell]) { text += cells.map(CSVRenderer.encode).joined(separator: ",") + CSVRenderer.lineEnd }
        mutating func blank() { text += CSVRenderer.lineEnd }
    }
}
