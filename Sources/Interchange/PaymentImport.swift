import Ledger

/// A problem with one row of an imported sheet (its spreadsheet row number).
public struct RowProblem: Sendable, Equatable {
    public var row: Int
    public var message: String
    public init(row: Int, message: String) { self.row = row; self.message = message }
}

/// One payment as the sheet states it, the project still as written (an ID or a name).
public struct PaymentRow: Sendable, Equatable {
    public var row: Int
    public var date: CalendarDate
    public var project: String
    public var amountFen: Int64
    public var voucher: String?
    public var payee: String?
    public var memo: String?
    public var contract: String?
    /// The payment's 经济科目 (3 or 5 digits), when the sheet has the column.
    public var econ: String?

    public init(
        row: Int, date: CalendarDate, project: String, amountFen: Int64,
        voucher: String? = nil, payee: String? = nil, memo: String? = nil, contract: String? = nil, econ: String? = nil
    ) {
        self.row = row; self.date = date; self.project = project; self.amountFen = amountFen
        self.voucher = voucher; self.payee = payee; self.memo = memo; self.contract = contract; self.econ = econ
    }
}

/// What a sheet says, read on its own (before the journal is consulted).
public struct PaymentSheet: Sendable, Equatable {
    public var rows: [PaymentRow] = []
    public var problems: [RowProblem] = []
    /// Data rows read (after the header; blank rows and total rows not counted).
    public var rowCount = 0
    /// Rows left out as totals (合计/总计/小计).
    public var totalRows: [Int] = []
    /// The project cell of each row that already has a problem, so that planning can name an
    /// unknown project on that row too (every problem at once).
    public var projectsOfFaultyRows: [Int: String] = [:]
    public init() {}
}

/// Rows of a payment sheet → payment drafts for the journal, with every problem named by
/// its row. Reading the sheet needs no journal; planning resolves projects (by ID, else by
/// exact name) and skips payments already recorded — same date, project, amount and voucher —
/// counting copies: identical rows of one sheet are distinct payments, and a row is skipped
/// only while the journal holds as many copies of it as the sheet has up to that row, so
/// importing a file twice adds nothing.
public enum PaymentImport {
    public static func read(_ table: CSVTable, mapping: ResolvedMapping) -> PaymentSheet {
        var sheet = PaymentSheet()
        func cell(_ row: CSVRow, _ field: ImportField) -> String? {
            guard let column = mapping.columns[field] else { return nil }
            let value = CellText.clean(row[column])
            return value.isEmpty ? nil : value
        }
        var totals = TotalRowCheck()
        for row in table.rows where row.number > mapping.headerRow && !row.isBlank {
            let dateText = cell(row, .date) ?? ""
            var problems: [String] = []
            var date: CalendarDate?
            switch SpreadsheetDate.parse(dateText) {
            case .success(let value): date = value
            case .failure(let problem):
                if let label = totalLabel(row) {
                    sheet.totalRows.append(row.number)
                    let stated = try? SpreadsheetAmount.parseFen(cell(row, .amount) ?? "", unit: mapping.amountUnit).get()
                    if let mismatch = totals.check(label: label, stated: stated) { sheet.problems.append(RowProblem(row: row.number, message: mismatch)) }
                    continue
                }
                problems.append(problem.message)
            }
            sheet.rowCount += 1
            // With both a code and a name column, a row without a code is matched by its name.
            let project =
                cell(row, .project)
                ?? mapping.projectNameColumn.flatMap { column in
                    let name = CellText.clean(row[column])
                    return name.isEmpty ? nil : name
                }
            if project == nil { problems.append("项目为空：请填写项目编码或项目名称") }
            var amount: Int64?
            switch SpreadsheetAmount.parseFen(cell(row, .amount) ?? "", unit: mapping.amountUnit) {
            case .success(let fen): amount = fen
            case .failure(let problem): problems.append(problem.message)
            }
            totals.add(amount)
            let econ = cell(row, .econ).map(CellText.asciiDigits)
            if let econ, !ClassCode.isEconomicCode(econ) {
                problems.append("经济科目“\(econ)”应为 3 位（类）或 5 位（款）数字，例如 30217")
            }
            if let date, let project, let amount, problems.isEmpty {
                sheet.rows.append(
                    PaymentRow(
                        row: row.number, date: date, project: project, amountFen: amount,
                        voucher: cell(row, .voucher), payee: cell(row, .payee),
                        memo: cell(row, .memo), contract: cell(row, .contract), econ: econ))
            } else {
                sheet.problems += problems.map { RowProblem(row: row.number, message: $0) }
                if let project { sheet.projectsOfFaultyRows[row.number] = project }
            }
        }
        return sheet
    }

    /// A 合计/总计/小计 line at the foot of an export (its date cell is not a date).
    static func isTotalRow(_ row: CSVRow) -> Bool { totalLabel(row) != nil }

    /// The label of a total row (`合计`, `小计`, `本页合计` …), nil for any other row.
    static func totalLabel(_ row: CSVRow) -> String? {
        for cell in row.cells {
            let text = CellText.headerKey(cell)
            for label in ["合计", "总计", "小计", "本页合计", "累计"] where text.hasPrefix(label) { return label }
        }
        return nil
    }

    /// What makes two payments the same payment.
    struct PaymentKey: Hashable {
        var date: CalendarDate
        var project: String
        var amountFen: Int64
        var voucher: String
    }

    /// Resolves projects against `journal` and drops payments already recorded.
    public static func plan(_ sheet: PaymentSheet, journal: Journal) -> ImportPlan {
        var plan = ImportPlan(rowCount: sheet.rowCount, totalRows: sheet.totalRows)
        plan.problems = sheet.problems

        // Every copy of a payment in the journal, in file order: the sheet's n-th copy of a
        // payment is the journal's n-th copy, so identical rows are distinct payments and a
        // re-import adds only the copies the journal does not have yet.
        var recorded: [PaymentKey: [SourceLocation]] = [:]
        for entry in journal.entries {
            guard case .pay(let payment) = entry.body else { continue }
            let key = PaymentKey(date: entry.date, project: payment.project, amountFen: payment.amountFen, voucher: payment.voucher ?? "")
            recorded[key, default: []].append(entry.location)
        }
        var byName: [String: [String]] = [:]
        for id in journal.projectOrder { if let name = journal.projects[id]?.name { byName[name, default: []].append(id) } }

        for (row, text) in sheet.projectsOfFaultyRows {
            if case .failure(let problem) = resolveProject(text, journal: journal, byName: byName) {
                plan.problems.append(RowProblem(row: row, message: problem.message))
            }
        }
        var copiesInSheet: [PaymentKey: Int] = [:]
        for row in sheet.rows {
            let project: String
            switch resolveProject(row.project, journal: journal, byName: byName) {
            case .success(let id): project = id
            case .failure(let problem): plan.problems.append(RowProblem(row: row.row, message: problem.message)); continue
            }
            let key = PaymentKey(date: row.date, project: project, amountFen: row.amountFen, voucher: row.voucher ?? "")
            let copy = copiesInSheet[key, default: 0]
            copiesInSheet[key] = copy + 1
            if let locations = recorded[key], copy < locations.count {
                plan.duplicates.append(ImportPlan.Duplicate(row: row.row, journalLocation: locations[copy], earlierRow: nil))
                continue
            }
            let payment = Payment(
                project: project, amountFen: row.amountFen, voucher: row.voucher, payee: row.payee,
                contract: row.contract, econ: row.econ, memo: row.memo)
            plan.items.append(ImportPlan.Item(row: row.row, draft: Appender.Draft(date: row.date, body: .pay(payment))))
        }
        // By row; within a row, in the order of the columns' checks (stable).
        plan.problems = plan.problems.enumerated().sorted { a, b in
            a.element.row != b.element.row ? a.element.row < b.element.row : a.offset < b.offset
        }.map(\.element)
        return plan
    }

    struct ProjectProblem: Error { var message: String }

    /// A project ID, else an exact project name (when exactly one project bears it).
    static func resolveProject(_ text: String, journal: Journal, byName: [String: [String]]) -> Result<String, ProjectProblem> {
        if journal.projects[text] != nil { return .success(text) }
        if let ids = byName[text] {
            if ids.count == 1 { return .success(ids[0]) }
            return .failure(ProjectProblem(message: "项目名称“\(text)”对应多个项目（\(ids.joined(separator: "、"))）：请改用项目编码"))
        }
        if journal.projects.isEmpty {
            return .failure(ProjectProblem(message: "项目“\(text)”未声明：日记账中还没有任何项目，请先用 fundflow init --budget 或 fundflow project 声明项目"))
        }
        let candidates = journal.projectOrder + journal.projectOrder.compactMap { journal.projects[$0]?.name }
        return .failure(ProjectProblem(message: "项目“\(text)”未在日记账中声明\(Suggest.phrase(text, among: candidates))：项目列应填项目编码或与日记账完全一致的项目名称；新项目请先用 fundflow project 声明"))
    }
}
