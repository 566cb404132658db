import Ledger

/// The year's budget table (预算批复表 / 绩效目标表) → the opening lines of a journal: one
/// `项目` line per row and, where the row has an amount, a `下达` line (kind 年初) with its 文号.
///
/// Columns are found by their headers: 项目编码 (ID), 项目名称 (name), 单位 (the unit inside the
/// department), 金额 / 预算数 (in 元, or 万元 when the header says so), 文号, and the plan either
/// as one 支出计划 cell (`3月:30,6月:50,10月:90,12月:100`) or as separate 3月底 / 6月底 / 10月底 /
/// 12月底 percentage columns as in the self-evaluation reports. Optional: 功能科目, 经济科目,
/// 资金性质 (spec §3), 标签. A sheet
/// without an ID column gets P01, P02, … in row order.
public enum BudgetImport {
    public enum Field: String, CaseIterable, Sendable {
        case id, name, unit, amount, doc, plan, code, econ, fund, tags

        public var chinese: String {
            switch self {
            case .id: return "项目编码"
            case .name: return "项目名称"
            case .unit: return "单位"
            case .amount: return "金额"
            case .doc: return "文号"
            case .plan: return "支出计划"
            case .code: return "功能科目"
            case .econ: return "经济科目"
            case .fund: return "资金性质"
            case .tags: return "标签"
            }
        }

        var headers: [String] {
            switch self {
            case .id: return ["项目编码", "项目编号", "项目代码", "编码", "项目id"]
            case .name: return ["项目名称", "专项资金名称", "资金名称", "名称", "项目"]
            case .unit: return ["单位", "预算单位", "所属单位", "执行单位", "部门", "科室"]
            case .amount: return ["金额", "预算数", "预算金额", "年初预算", "预算", "批复金额", "资金规模"]
            case .doc: return ["文号", "指标文号", "批复文号", "预算文号", "文件号"]
            case .plan: return ["支出计划", "资金支出计划", "计划"]
            case .code: return ["功能科目", "科目", "科目编码", "功能科目编码", "功能分类科目", "支出功能分类科目"]
            case .econ: return ["经济科目", "经济分类", "经济科目编码", "经济分类科目", "支出经济分类科目"]
            case .fund: return ["资金性质", "资金类型", "资金来源"]
            case .tags: return ["标签"]
            }
        }
    }

    /// One budget row, ready to become journal lines.
    public struct Line: Sendable, Equatable {
        public var row: Int
        public var project: ProjectDeclaration
        /// The year's initial allotment, when the row has one.
        public var amountFen: Int64?
        public var doc: String?
        public init(row: Int, project: ProjectDeclaration, amountFen: Int64? = nil, doc: String? = nil) {
            self.row = row; self.project = project; self.amountFen = amountFen; self.doc = doc
        }
    }

    public struct Sheet: Sendable, Equatable {
        public var lines: [Line] = []
        public var problems: [RowProblem] = []
        public var headerRow = 0
        /// IDs were made up (P01, P02 …) because the sheet has no ID column.
        public var generatedIDs = false
        public var totalRows: [Int] = []
        public init(lines: [Line] = [], problems: [RowProblem] = [], headerRow: Int = 0, generatedIDs: Bool = false) {
            self.lines = lines; self.problems = problems; self.headerRow = headerRow; self.generatedIDs = generatedIDs
        }
    }

    public struct Problem: Error, Sendable, Equatable { public var message: String }

    /// Reads the sheet. `defaultDoc` stands in for an empty 文号 cell; `amountUnit` overrides
    /// what the amount header says.
    public static func read(_ table: CSVTable, defaultDoc: String? = nil, amountUnit: AmountUnit? = nil) -> Result<Sheet, Problem> {
        let rows = table.rows.filter { !$0.isBlank }
        guard !rows.isEmpty else { return .failure(Problem(message: "预算表是空的")) }
        // The header: the first row (of the first 20) naming the project (编码 or 名称).
        var header: CSVRow?
        var columns: [Field: Int] = [:]
        for row in rows.prefix(20) {
            let found = findColumns(row.cells)
            if found[.name] != nil && (found[.id] != nil || found[.amount] != nil) { header = row; columns = found; break }
        }
        guard let header else {
            let widest = rows.prefix(20).max { $0.cells.filter { !CellText.clean($0).isEmpty }.count < $1.cells.filter { !CellText.clean($0).isEmpty }.count }
            let listed = widest.map { $0.cells.map(CellText.clean).filter { !$0.isEmpty }.joined(separator: "、") } ?? ""
            return .failure(Problem(message: "找不到预算表的表头：应有“项目名称”列，以及“项目编码”或“金额”列；表中最像表头的一行是：\(listed)"))
        }
        var months: [(month: Int, column: Int)] = []
        for (index, cell) in header.cells.enumerated() {
            if let month = monthHeader(cell), !months.contains(where: { $0.month == month }) { months.append((month, index)) }
        }
        months.sort { $0.month < $1.month }
        let unit = amountUnit ?? columns[.amount].flatMap { AmountUnit.fromHeader(header.cells[$0]) } ?? .yuan

        var sheet = Sheet(headerRow: header.number, generatedIDs: columns[.id] == nil)
        var seenIDs: [String: Int] = [:]
        var dataRows = 0
        var totals = TotalRowCheck(noun: "预算金额")
        for row in table.rows where row.number > header.number && !row.isBlank {
            func cell(_ field: Field) -> String? {
                guard let column = columns[field] else { return nil }
                let value = CellText.clean(row[column])
                return value.isEmpty ? nil : value
            }
            if PaymentImport.isTotalRow(row) && (cell(.id) == nil || cell(.name) == nil || cell(.name)!.hasPrefix("合计")) {
                sheet.totalRows.append(row.number)
                let stated = cell(.amount).flatMap { try? SpreadsheetAmount.parseFen($0, unit: unit).get() }
                if let label = PaymentImport.totalLabel(row), let mismatch = totals.check(label: label, stated: stated) {
                    sheet.problems.append(RowProblem(row: row.number, message: mismatch))
                }
                continue
            }
            dataRows += 1
            var problems: [String] = []
            let name = cell(.name)
            if name == nil { problems.append("项目名称为空") }
            var id: String
            if columns[.id] != nil {
                id = cell(.id) ?? ""
                if id.isEmpty { problems.append("项目编码为空：每个项目需要一个编码，例如 P01 或 450-0201-JBN-RVU2") }
            } else {
                id = dataRows < 10 ? "P0\(dataRows)" : "P\(dataRows)"
            }
            if id.unicodeScalars.contains(where: { $0 == " " || $0 == "=" || $0 == "\"" }) {
                problems.append("项目编码“\(id)”不能含空格、“=”或引号")
            }
            if !id.isEmpty, let earlier = seenIDs[id] { problems.append("项目编码“\(id)”与第 \(earlier) 行重复：每个项目只声明一次") }

            var amountFen: Int64?
            var readable = true
            if let text = cell(.amount) {
                switch SpreadsheetAmount.parseFen(text, unit: unit) {
                case .success(let fen): amountFen = fen
                case .failure(let problem):
                    if !problem.isZero { problems.append(problem.message); readable = false }
                }
            }
            // A row without an amount (or of 0) declares a project with no money yet.
            totals.add(readable ? amountFen ?? 0 : nil)
            let doc = cell(.doc) ?? defaultDoc
            if amountFen != nil, doc == nil {
                problems.append("缺少文号：下达预算必须写明文号（预算批复文件号），请在文号列填写，或用 --doc 给出全表共用的文号")
            }

            var plan: DisbursementPlan?
            if let text = cell(.plan) {
                var normalised = CellText.asciiDigits(text)
                normalised.removeAll { $0 == " " }
                switch DisbursementPlan.parse(normalised) {
                case .success(let value): plan = value
                case .failure(let error): problems.append(error.message)
                }
            } else if !months.isEmpty {
                var parts: [String] = []
                for (month, column) in months {
                    var value = CellText.asciiDigits(CellText.clean(row[column]))
                    if value.hasSuffix("%") { value.removeLast() }
                    if value.isEmpty { continue }
                    parts.append("\(month)月:\(value)")
                }
                if !parts.isEmpty {
                    switch DisbursementPlan.parse(parts.joined(separator: ",")) {
                    case .success(let value): plan = value
                    case .failure(let error): problems.append(error.message)
                    }
                }
            }
            let code = cell(.code).map(CellText.asciiDigits)
            if let code, !ClassCode.isFunctionCode(code) {
                problems.append("功能科目“\(code)”应为 3 位（类）、5 位（款）或 7 位（项）数字，例如 2101599")
            }
            let econ = cell(.econ).map(CellText.asciiDigits)
            if let econ, !ClassCode.isEconomicCode(econ) {
                problems.append("经济科目“\(econ)”应为 3 位（类）或 5 位（款）数字，例如 30217")
            }
            var fund: Fund?
            if let text = cell(.fund) {
                fund = Fund.named(text)
                if fund == nil { problems.append("资金性质“\(text)”无效：应为 \(Fund.spellings) 之一") }
            }
            let tags = cell(.tags).map { CellText.asciiDigits($0).split(whereSeparator: { $0 == "," || $0 == "、" || $0 == " " }).map(String.init) } ?? []

            if !id.isEmpty, seenIDs[id] == nil { seenIDs[id] = row.number }
            if !problems.isEmpty {
                sheet.problems += problems.map { RowProblem(row: row.number, message: $0) }
                continue
            }
            let declaration = ProjectDeclaration(
                id: id, name: name ?? "", unit: cell(.unit), code: code, econ: econ, fund: fund,
                plan: plan, tags: tags)
            sheet.lines.append(Line(row: row.number, project: declaration, amountFen: amountFen, doc: amountFen == nil ? nil : doc))
        }
        return .success(sheet)
    }

    /// The header cells' fields (first match wins, in each field's order of preference).
    static func findColumns(_ cells: [String]) -> [Field: Int] {
        let keys = cells.map(CellText.headerKey)
        let bare = cells.map(CellText.headerKeyWithoutUnit)
        var found: [Field: Int] = [:]
        var taken: Set<Int> = []
        for field in Field.allCases {
            for candidate in field.headers {
                let key = CellText.headerKey(candidate)
                if let index = keys.indices.first(where: { !taken.contains($0) && (keys[$0] == key || bare[$0] == key) }) {
                    found[field] = index
                    taken.insert(index)
                    break
                }
            }
        }
        return found
    }

    /// `3月底`, `6月`, `10月底(%)`, `12月末` → the month.
    static func monthHeader(_ cell: String) -> Int? {
        var key = CellText.asciiDigits(CellText.headerKeyWithoutUnit(cell))
        for suffix in ["底", "末"] where key.hasSuffix(suffix) { key.removeLast() }
        guard key.hasSuffix("月") else { return nil }
        key.removeLast()
        guard (1...2).contains(key.count), key.allSatisfy({ $0.isASCII && $0.isNumber }), let month = Int(key), (1...12).contains(month) else { return nil }
        return month
    }

    /// The journal's opening entries, in order: the 设置 line (when there is an organisation),
    /// then each project followed by its 年初 allotment. `rows[i]` is the sheet row behind
    /// `drafts[i]` (nil for the 设置 line).
    public static func drafts(organisation: String?, sheet: Sheet, date: CalendarDate) -> (drafts: [Appender.Draft], rows: [Int?]) {
        var drafts: [Appender.Draft] = []
        var rows: [Int?] = []
        if let organisation {
            drafts.append(Appender.Draft(date: date, body: .set(SettingsChange(organisation: organisation))))
            rows.append(nil)
        }
        for line in sheet.lines {
            drafts.append(Appender.Draft(date: date, body: .project(line.project)))
            rows.append(line.row)
            if let amount = line.amountFen, let doc = line.doc {
                drafts.append(Appender.Draft(date: date, body: .allot(Allotment(project: line.project.id, amountFen: amount, doc: doc))))
                rows.append(line.row)
            }
        }
        return (drafts, rows)
    }
}
