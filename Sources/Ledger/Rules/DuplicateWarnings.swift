/// Suspicious but legal: the same 文号 twice on one project for the same verb (a document
/// recorded twice?).
struct DuplicateDocumentWarning: DatedRule {
    var name: String { "文号重复" }
    private struct Key: Hashable { var project: String; var verb: Verb; var doc: String }
    private var seen: [Key: SourceLocation] = [:]
    let paths: [String]
    init(paths: [String]) { self.paths = paths }

    mutating func check(_ entry: Entry, books: Books, into diagnostics: inout [Diagnostic]) {
        let key: Key
        switch entry.body {
        case .allot(let a): key = Key(project: a.project, verb: .allot, doc: a.doc)
        case .reduce(let r): key = Key(project: r.project, verb: .reduce, doc: r.doc)
        default: return
        }
        if let line = seen[key] {
            diagnostics.append(.warning("duplicate-doc", at: entry.location,
                "文号“\(key.doc)”已在\(place(line, from: entry.location, paths: paths))用于项目“\(key.project)”的\(key.verb.chinese)：是否重复录入？若同一文件确实分批\(key.verb.chinese)，可忽略此提示"))
        } else {
            seen[key] = entry.location
        }
    }
}

/// Suspicious but legal: the same payment voucher number twice in one month.
struct DuplicateVoucherWarning: DatedRule {
    var name: String { "凭证重复" }
    private struct Key: Hashable { var voucher: String; var year: Int; var month: Int }
    private var seen: [Key: SourceLocation] = [:]
    let paths: [String]
    /// `expectedEntries` sizes the table once (a journal of a million payments would
    /// otherwise rehash it twenty times).
    init(paths: [String], expectedEntries: Int = 0) {
        self.paths = paths
        seen.reserveCapacity(expectedEntries)
    }

    mutating func check(_ entry: Entry, books: Books, into diagnostics: inout [Diagnostic]) {
        guard case .pay(let payment) = entry.body, let voucher = payment.voucher else { return }
        let key = Key(voucher: voucher, year: entry.date.year, month: entry.date.month)
        if let line = seen[key] {
            diagnostics.append(.warning("duplicate-voucher", at: entry.location,
                "凭证号“\(voucher)”在 \(entry.date.year) 年 \(entry.date.month) 月已用过（\(place(line, from: entry.location, paths: paths))）：是否重复录入？冲销这笔支付时须用 原日期= 区分"))
        } else {
            seen[key] = entry.location
        }
    }
}
