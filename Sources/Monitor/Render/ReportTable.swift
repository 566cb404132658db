import Ledger

/// A format-neutral table of a report: the final accounts and the self-evaluation build
/// their tables once and every format (text, Markdown, CSV, HTML) prints the same cells.
struct ReportTable {
    enum Cell: Equatable {
        case text(String)
        /// An amount in 分; printed in the format's unit.
        case money(Int64)
        /// Basis points of a percent; nil prints as "—" (no base).
        case percent(Int64?)
        /// Hundredths of a point (得分, 分值).
        case points(Int64?)
        case empty
    }

    /// `subtotal`: a roll-up row (a 类 over its 款); `detail`: a 其中 row under the row above.
    enum RowKind { case normal, total, subtotal, detail }

    struct Row {
        var cells: [Cell]
        var kind: RowKind = .normal
    }

    var title: String
    /// What the title's subject is (a project's unit and fund): beside the title in text,
    /// under it in HTML.
    var subtitle: String?
    var columns: [String]
    /// Columns whose cells are numbers (right-aligned).
    var numeric: Set<Int>
    var rows: [Row] = []
    /// A line under the table (what the figures mean).
    var note: String?

    init(title: String, subtitle: String? = nil, columns: [String], numeric: Set<Int>, note: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.columns = columns
        self.numeric = numeric
        self.note = note
    }

    mutating func add(_ cells: [Cell], _ kind: RowKind = .normal) { rows.append(Row(cells: cells, kind: kind)) }

    /// The title with its subtitle on one line (text, Markdown, CSV).
    var fullTitle: String { subtitle.map { title + "　" + $0 } ?? title }

    /// How a human format prints a cell: amounts with `money`, percents with two decimals.
    static func plain(_ cell: Cell, money: (Int64) -> String) -> String {
        switch cell {
        case .text(let text): return text
        case .money(let fen): return money(fen)
        case .percent(let bp): return bp.map(Percent.string) ?? "—"
        case .points(let hundredths): return hundredths.map(Percent.string) ?? "—"
        case .empty: return ""
        }
    }

    /// CSV: exact 元 with two decimals, percents as plain numbers, nothing for no value.
    static func csv(_ cell: Cell) -> CSVRenderer.Cell {
        switch cell {
        case .text(let text): return .text(RenderSupport.trimmed(text))  // no indentation in a spreadsheet
        case .money(let fen): return .number(Amount.yuanString(fen))
        case .percent(let bp): return .number(bp.map(Percent.string) ?? "")
        case .points(let hundredths): return .number(hundredths.map(Percent.string) ?? "")
        case .empty: return .text("")
        }
    }
}

/// Prints `ReportTable`s in each human format and in CSV. Amounts as the report's
/// `MoneyFormat` says; the head and foot around the tables are the shared ones
/// (`TextRenderer.head/foot` and their Markdown and HTML twins).
enum ReportTablePrinter {
    static func text(_ table: ReportTable, money: MoneyFormat, style: TextStyle) -> String {
        var out = style.bold(table.fullTitle) + "\n"
        var text = TextTable(headers: table.columns, alignments: table.columns.indices.map { table.numeric.contains($0) ? .right : .left })
        for (index, row) in table.rows.enumerated() {
            if row.kind == .total && index > 0 { text.addRule() }
            text.add(row.cells.map { ReportTable.plain($0, money: money.string) })
        }
        out += text.render()
        if let note = table.note { out += style.dim(note) + "\n" }
        return out
    }

    static func markdown(_ table: ReportTable, money: MoneyFormat) -> String {
        var out = MarkdownRenderer.Out()
        out.line("## " + MarkdownRenderer.escape(table.fullTitle))
        out.blank()
        let rows = table.rows.map { row in
            row.cells.map { cell -> String in
                var shown = ReportTable.plain(cell, money: money.string)
                if case .text = cell { shown = MarkdownRenderer.escape(shown) }
                return row.kind == .total && !shown.isEmpty ? "**\(shown)**" : shown
            }
        }
        out.table(
            MarkdownRenderer.Table(
                columns: table.columns.enumerated().map { ($0.element, table.numeric.contains($0.offset) ? .right : .left) },
                rows: rows))
        if let note = table.note { out.blank(); out.line(MarkdownRenderer.escape(note)) }
        out.blank()
        return out.text
    }

    /// A titled block of CSV rows: the title, the header, the rows, a blank line.
    static func csv(_ table: ReportTable, into doc: inout CSVRenderer.Document) {
        doc.row([.text(table.fullTitle)])
        doc.header(table.columns)
        for row in table.rows { doc.row(row.cells.map(ReportTable.csv)) }
        doc.blank()
    }

    /// A section with the table (and a chart above it); `keep` keeps a short table on one
    /// page with its heading. The report's last table passes `closing`: the shared foot then
    /// closes the table, its note first among the foot's notes, kept on one page with the last
    /// rows (`HTMLRenderer.table`).
    static func html(
        _ table: ReportTable, money: MoneyFormat, chart: String = "", keep: Bool = false,
        closing frame: ReportFrame? = nil, notes: [String] = []
    ) -> String {
        let columns = table.columns.enumerated().map { HTMLRenderer.Column($0.element, numeric: table.numeric.contains($0.offset)) }
        let rows = table.rows.map { row in
            HTMLRenderer.Row(row.cells.map { HTMLRenderer.escape(ReportTable.plain($0, money: money.string)) }, className: rowClass[row.kind])
        }
        var content = table.subtitle.map { "<p class=\"subtitle\">\(HTMLRenderer.escape($0))</p>\n" } ?? ""
        content += chart
        if let frame {
            content += HTMLRenderer.table(columns, rows, foot: HTMLRenderer.foot(frame, notes: (table.note.map { [$0] } ?? []) + notes))
        } else {
            content += HTMLRenderer.table(columns, rows) + (table.note.map { "<p class=\"muted small\">\(HTMLRenderer.escape($0))</p>\n" } ?? "")
        }
        return "<section\(keep ? " class=\"keep\"" : "")>\n<h2>\(HTMLRenderer.escape(table.title))</h2>\n\(content)</section>\n"
    }

    static let rowClass: [ReportTable.RowKind: String] = [.total: "total", .subtotal: "subtotal", .detail: "detail"]
}
