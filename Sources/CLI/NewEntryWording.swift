import Ledger

/// How the validator's diagnostics about entries that are not in the file yet are told on
/// the command line. The core words them for a journal line (`FILE:LINE:COL`, journal
/// syntax); a command's new entry has no line yet, so a diagnostic at the would-be line
/// speaks of *this* entry ("本笔支付…") and gives the command to type, and one at an
/// existing line that the new entry breaks (it is back-dated) says that the new entry causes
/// it. Keyed on the diagnostic's code and location; the core's rules are not touched.
struct NewEntryWording {
    let journal: Journal
    /// The new entries are the last `count` lines of the journal's last file.
    let count: Int

    var targetFile: Int { journal.sources.count - 1 }
    var firstNewLine: Int { (journal.lineCounts.last ?? 0) - count + 1 }

    /// Which new entry (0-based) a diagnostic is about, or nil for an existing line.
    func newIndex(_ d: Diagnostic) -> Int? {
        guard d.location.file == targetFile, d.location.line >= firstNewLine else { return nil }
        return d.location.line - firstNewLine
    }

    /// The n-th new entry as read back from its would-be line.
    func newEntry(_ index: Int) -> Entry? {
        newRecord(index).map { journal.entry(at: $0) }
    }

    /// The would-be line's text, for quoting.
    func newLineText(_ index: Int) -> String? {
        newRecord(index).map { journal.excerpt(at: $0) }
    }

    /// The index of the n-th new entry: among the journal's last `count` entries.
    private func newRecord(_ index: Int) -> Int? {
        let line = firstNewLine + index
        let last = journal.entryCount - 1
        guard last >= 0 else { return nil }
        for candidate in stride(from: last, through: max(0, last - count + 1), by: -1) {
            let place = journal.place(at: candidate)
            if place.file == targetFile && place.line == line { return candidate }
        }
        return nil
    }

    /// "本笔支付", "本条合同"…: how a message names a new entry of `verb`.
    static func noun(_ verb: Verb) -> String {
        switch verb {
        case .allot, .reduce, .pay, .reverse, .carry, .lapse: return "本笔\(verb.chinese)"
        case .project: return "本条项目声明"
        case .contract: return "本条合同登记"
        case .plan: return "本条支出计划"
        case .set: return "本条设置"
        case .seal: return "本条封账"
        }
    }

    /// The message of a diagnostic about a new entry, with the advice in commands.
    /// `namesEntry`: prefix a message that does not say which entry it is about with the
    /// entry's noun (a command's one entry has no other name; an imported row has its row).
    func messageForNew(_ d: Diagnostic, entry: Entry?, namesEntry: Bool = true) -> String {
        guard let entry else { return d.message }
        let noun = Self.noun(entry.verb)
        let project = entry.body.projectID ?? ""
        switch d.code {
        case "unknown-project":
            return "\(noun)的项目“\(project)”尚未声明\(Suggest.phrase(project, among: journal.projectOrder))：请先声明该项目，"
                + "例如 fundflow project \(project) 项目名称 --unit \(unitHint)；或核对项目编号"
        case "unknown-contract":
            guard case .pay(let payment) = entry.body, let contract = payment.contract else { return d.message }
            return "\(noun)所填的合同“\(contract)”尚未登记\(Suggest.phrase(contract, among: contractIDs))：请先登记合同，"
                + "例如 fundflow contract \(project) \(contract) 合同金额 --date \(entry.date)（登记日期不能晚于支付日期）；或核对合同编号"
        case "overspend":
            return Self.commandAdvice(d.message, project: project)
        default:
            return !namesEntry || d.message.contains("本笔") ? d.message : "\(noun)：\(d.message)"
        }
    }

    /// The message of a diagnostic at an existing line, saying which new entry breaks it.
    /// `causes`: the new entry in words ("本笔支付（2019-02-01）", "pay.csv 第 3 行").
    static func messageForExisting(_ d: Diagnostic, causes: String, project: String?) -> String {
        var own = d.message.replacingOccurrences(of: "本笔", with: "该行")
        if let project { own = commandAdvice(own, project: project) }
        return "\(causes)的日期在这一行之前，记入后这一行将出错：\(own)"
    }

    /// The overspend advice in journal syntax, as the command that does it.
    static func commandAdvice(_ message: String, project: String) -> String {
        message.replacingOccurrences(of: "（下达 … 类别=追加）", with: "（fundflow allot \(project) 金额 --doc 文号 --kind 追加）")
    }

    /// The new entries dated before an existing line's entry that could have broken it (same
    /// project when the line has one), as indices.
    func causes(of d: Diagnostic) -> [Int] {
        let broken = journal.entryIndex(file: d.location.file, line: d.location.line).map { journal.entry(at: $0) }
        return (0..<count).filter { index in
            guard let entry = newEntry(index) else { return false }
            guard let broken else { return true }
            if let project = broken.body.projectID, let own = entry.body.projectID, own != project { return false }
            return entry.date <= broken.date
        }
    }

    /// A unit to suggest in `fundflow project … --unit`: the journal's only unit, else a placeholder.
    var unitHint: String {
        let units = Set(journal.projects.values.compactMap(\.unit))
        return units.count == 1 ? units.first! : "单位"
    }

    var contractIDs: [String] { journal.contractIDs }
}
