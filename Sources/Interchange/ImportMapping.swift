/// The payment fields an import reads from a sheet.
public enum ImportField: String, CaseIterable, Sendable {
    case date, project, amount, voucher, payee, memo, contract, econ

    public var chinese: String {
        switch self {
        case .date: return "日期"
        case .project: return "项目"
        case .amount: return "金额"
        case .voucher: return "凭证"
        case .payee: return "收款人"
        case .memo: return "摘要"
        case .contract: return "合同"
        case .econ: return "经济科目"
        }
    }

    /// The command-line option naming this field's column.
    public var option: String { "\(rawValue)-column" }

    public var isRequired: Bool { self == .date || self == .project || self == .amount }

    /// Header texts recognised without a mapping, in order of preference (matched after
    /// `CellText.headerKey`, and again without a unit in brackets).
    public var defaultHeaders: [String] {
        switch self {
        case .date: return ["日期", "支付日期", "付款日期", "记账日期", "凭证日期", "业务日期", "交易日期", "支出日期", "date"]
        case .project: return ["项目编码", "项目编号", "项目代码", "项目id", "项目名称", "项目", "预算项目", "project"]
        case .amount: return ["金额", "支付金额", "付款金额", "支出金额", "实付金额", "发生额", "借方金额", "amount"]
        case .voucher: return ["凭证号", "凭证", "凭证编号", "记账凭证号", "凭证字号", "voucher"]
        case .payee: return ["收款人", "收款单位", "收款方", "收款人名称", "收款单位名称", "收款人全称", "payee"]
        case .memo: return ["摘要", "用途", "备注", "事由", "说明", "memo"]
        case .contract: return ["合同", "合同编号", "合同号", "contract"]
        case .econ: return ["经济科目", "经济分类", "经济科目编码", "经济分类科目", "支出经济分类", "econ"]
        }
    }

    /// `日期`/`date` → .date …
    public static func named(_ text: String) -> ImportField? {
        let word = CellText.clean(text).lowercased()
        return allCases.first { $0.chinese == word || $0.rawValue == word || $0.option == word }
    }
}

/// Which column holds which field, and how to read the sheet: from command-line options, a
/// mapping file (`fundflow-import.map` beside the journal, or `--map FILE`), or both —
/// options win. Unnamed fields fall back to the default headers.
///
/// Mapping file: one `键=值` per line, `#` starts a comment, blank lines ignored.
///
///     # 某银行代发明细
///     日期=交易日期          (or date=…; a header name, a column number, or a letter)
///     项目=项目名称
///     金额=3
///     凭证=凭证号
///     收款人=收款单位
///     摘要=用途
///     合同=合同编号
///     表头行=2               (header-row; 0 = no header row)
///     编码=gbk               (encoding: auto, utf-8, gbk)
///     金额单位=万元           (amount-unit: 元 or 万元, for bare numbers)
public struct ImportMapping: Sendable, Equatable {
    public var columns: [ImportField: ColumnReference] = [:]
    /// nil: find the header row; 0: the sheet has none; N: row N.
    public var headerRow: Int?
    public var encoding: TextDecoding.Choice?
    public var amountUnit: AmountUnit?

    public init() {}

    public struct Problem: Error, Sendable, Equatable {
        /// The mapping file's line, when the problem is in the file.
        public var line: Int?
        public var message: String
        public init(line: Int? = nil, message: String) { self.line = line; self.message = message }
    }

    static let settingKeys = "日期 项目 金额 凭证 收款人 摘要 合同 经济科目 表头行 编码 金额单位（或 date project amount voucher payee memo contract econ header-row encoding amount-unit）"

    /// Reads a mapping file's text.
    public static func parseFile(_ text: String) -> Result<ImportMapping, Problem> {
        var mapping = ImportMapping()
        var seen: Set<String> = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            var line = CellText.clean(String(rawLine))
            if offset == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            guard let equals = line.firstIndex(where: { $0 == "=" || $0 == "＝" }) else {
                return .failure(Problem(line: number, message: "应为“键=值”，例如“日期=支付日期”；注释行以 # 开头"))
            }
            let key = CellText.clean(String(line[..<equals]))
            let value = CellText.clean(String(line[line.index(after: equals)...]))
            if seen.contains(key) { return .failure(Problem(line: number, message: "“\(key)”写了两次：每个键只写一次")) }
            seen.insert(key)
            if let failure = mapping.set(key, value) { return .failure(Problem(line: number, message: failure)) }
        }
        return .success(mapping)
    }

    /// Reads the command-line options (`--date-column`, `--header-row`, `--encoding`,
    /// `--amount-unit`); other options are ignored here.
    public static func fromOptions(_ options: [String: String]) -> Result<ImportMapping, Problem> {
        var mapping = ImportMapping()
        for field in ImportField.allCases {
            if let value = options[field.option], let failure = mapping.set(field.rawValue, value) {
                return .failure(Problem(message: "--\(field.option)：\(failure)"))
            }
        }
        for option in ["header-row", "encoding", "amount-unit"] {
            if let value = options[option], let failure = mapping.set(option, value) {
                return .failure(Problem(message: "--\(option)：\(failure)"))
            }
        }
        return .success(mapping)
    }

    /// Sets one key; returns what is wrong, or nil.
    mutating func set(_ key: String, _ value: String) -> String? {
        if let field = ImportField.named(key) {
            guard let reference = ColumnReference.parse(value) else {
                return "\(field.chinese)列没有写值：请写表头中的列名或列号（从 1 数起），例如 \(field.chinese)=\(field.defaultHeaders[0])"
            }
            if case .number(let n) = reference, n < 1 { return "列号“\(value)”无效：列号从 1 数起" }
            columns[field] = reference
            return nil
        }
        switch key.lowercased() {
        case "表头行", "header-row":
            guard let row = Int(CellText.asciiDigits(value)), row >= 0 else {
                return "表头行“\(value)”应为行号（从 1 数起；0 表示没有表头行）"
            }
            headerRow = row
        case "编码", "encoding":
            guard let choice = TextDecoding.Choice.named(value) else { return "编码“\(value)”不支持：可选 auto、utf-8、gbk" }
            encoding = choice
        case "金额单位", "amount-unit":
            guard let unit = AmountUnit.named(value) else { return "金额单位“\(value)”不支持：可选 元 或 万元" }
            amountUnit = unit
        default:
            return "未知的键“\(key)”：可用的键有 \(ImportMapping.settingKeys)"
        }
        return nil
    }

    /// This mapping with `other`'s settings laid over it.
    public func overridden(by other: ImportMapping) -> ImportMapping {
        var result = self
        for (field, reference) in other.columns { result.columns[field] = reference }
        if let row = other.headerRow { result.headerRow = row }
        if let choice = other.encoding { result.encoding = choice }
        if let unit = other.amountUnit { result.amountUnit = unit }
        return result
    }

    /// Finds the header row and every field's column in `table`.
    public func resolve(_ table: CSVTable) -> Result<ResolvedMapping, Problem> {
        func attempt(header: CSVRow?) -> Result<ResolvedMapping, Problem> {
            let names = header?.cells
            var found: [ImportField: Int] = [:]
            for field in ImportField.allCases {
                if let reference = columns[field] {
                    guard let index = reference.resolve(in: names) else {
                        let listed = names.map { "表头（第 \(header!.number) 行）有：" + $0.map(CellText.clean).filter { !$0.isEmpty }.joined(separator: "、") } ?? "表格没有表头行"
                        return .failure(Problem(message: "找不到\(field.chinese)\(reference)：\(listed)。请用 --\(field.option) 指定列名或列号（从 1 数起）"))
                    }
                    found[field] = index
                } else if let names {
                    let keys = names.map(CellText.headerKey)
                    let bare = names.map(CellText.headerKeyWithoutUnit)
                    for candidate in field.defaultHeaders {
                        let key = CellText.headerKey(candidate)
                        if let index = keys.firstIndex(of: key) ?? bare.firstIndex(of: key) { found[field] = index; break }
                    }
                    if found[field] == nil, field.isRequired {
                        let listed = names.map(CellText.clean).filter { !$0.isEmpty }.joined(separator: "、")
                        return .failure(Problem(message: "找不到\(field.chinese)列：表头（第 \(header!.number) 行）有 \(listed)，其中没有 \(field.defaultHeaders.dropLast().joined(separator: "、"))。请用 --\(field.option) 指定列名或列号，或写在映射文件中（\(field.chinese)=列名）"))
                    }
                } else if field.isRequired {
                    return .failure(Problem(message: "没有表头行时必须用列号指定\(field.chinese)列：--\(field.option) 列号"))
                }
            }
            var nameColumn: Int?
            if let names, let projectColumn = found[.project] {
                let keys = names.map(CellText.headerKey)
                nameColumn = ResolvedMapping.projectNameHeaders.lazy.compactMap { keys.firstIndex(of: CellText.headerKey($0)) }
                    .first { $0 != projectColumn }
            }
            var unit = amountUnit ?? .yuan
            if amountUnit == nil, let names, let column = found[.amount], column < names.count, let fromHeader = AmountUnit.fromHeader(names[column]) {
                unit = fromHeader
            }
            return .success(ResolvedMapping(headerRow: header?.number ?? 0, columns: found, amountUnit: unit, projectNameColumn: nameColumn))
        }

        let rows = table.rows.filter { !$0.isBlank }
        if let headerRow {
            if headerRow == 0 { return attempt(header: nil) }
            guard let row = table.rows.first(where: { $0.number == headerRow }) else {
                return .failure(Problem(message: "表头行 \(headerRow) 超出了表格（共 \(table.rows.count) 行）"))
            }
            return attempt(header: row)
        }
        guard !rows.isEmpty else { return .failure(Problem(message: "表格是空的：没有表头，也没有数据行")) }
        let candidates = Array(rows.prefix(20))
        let requiredByNumber = ImportField.allCases.filter(\.isRequired).allSatisfy {
            if case .number = columns[$0] { return true } else { return false }
        }
        if requiredByNumber, case .number(let n) = columns[.date]! {
            // The header is the row just above the first row whose date cell is a date.
            if let firstData = candidates.firstIndex(where: { if case .success = SpreadsheetDate.parse($0[n - 1]) { return true } else { return false } }) {
                return attempt(header: firstData > 0 ? candidates[firstData - 1] : nil)
            }
            return attempt(header: candidates[0])
        }
        // The header is the first row (among the first 20) where every required field is
        // found: exports often start with a title and a "单位：元" line.
        var failures: [(row: CSVRow, problem: Problem)] = []
        for row in candidates {
            switch attempt(header: row) {
            case .success(let resolved): return .success(resolved)
            case .failure(let problem): failures.append((row, problem))
            }
        }
        // Explain against the row that looks most like a header: the one with most cells filled.
        let widest = failures.max { a, b in
            let left = a.row.cells.filter { !CellText.clean($0).isEmpty }.count
            let right = b.row.cells.filter { !CellText.clean($0).isEmpty }.count
            return left < right || (left == right && a.row.number > b.row.number)
        }
        return .failure(widest?.problem ?? Problem(message: "找不到表头行"))
    }
}

/// A mapping applied to one table: the header's row number (0: none) and 0-based columns.
public struct ResolvedMapping: Sendable, Equatable {
    public var headerRow: Int
    public var columns: [ImportField: Int]
    public var amountUnit: AmountUnit
    /// A project-name column besides the project column (a sheet with both 项目编码 and
    /// 项目名称): rows whose project cell is empty are matched by the exact name in it.
    public var projectNameColumn: Int?

    /// Headers of a project-name column.
    static let projectNameHeaders = ["项目名称", "项目", "预算项目"]

    public init(headerRow: Int, columns: [ImportField: Int], amountUnit: AmountUnit = .yuan, projectNameColumn: Int? = nil) {
        self.headerRow = headerRow
        self.columns = columns
        self.amountUnit = amountUnit
        self.projectNameColumn = projectNameColumn
    }
}
