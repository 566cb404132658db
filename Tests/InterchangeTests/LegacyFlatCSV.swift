import Ledger

@testable import Interchange

/// The flat CSV export as it was written before the byte-level writer (commit c66c0fd): every
/// accepted entry read in full by the entry parser, every cell a String. Kept here, unchanged,
/// as the oracle the differential tests compare `FlatCSVExport` with, byte for byte.
enum LegacyFlatCSV {
    static let header = [
        "日期", "年度", "动作", "动作代码", "项目编号", "项目名称", "单位", "金额（元）",
        "预算增减（元）", "支出增减（元）", "结转下年（元）", "收回（元）", "可用余额增减（元）",
        "文号", "类别", "来源", "凭证", "收款人", "合同", "原凭证", "原日期", "对方", "期限", "原因", "摘要",
        "资金性质", "功能科目", "经济科目",
    ]

    static func render(_ journal: Journal) -> String {
        var all = ""
        render(journal) { all += $0 }
        return all
    }

    /// The table written out a piece at a time (a million rows are never one string).
    static func render(_ journal: Journal, write: (String) -> Void) {
        var out = "\u{FEFF}"
        out += header.map(textField).joined(separator: ",") + "\r\n"
        var pendingCarryIns: [(date: CalendarDate, project: String, amountFen: Int64, reason: String?)] = []
        var classifier = Classifier(projects: journal.projects)
        func flush(before date: CalendarDate?) {
            while let first = pendingCarryIns.first, date.map({ first.date <= $0 }) ?? true {
                pendingCarryIns.removeFirst()
                var row = Row(date: first.date, verb: "上年结转", code: "carry-in", project: first.project, amountFen: first.amountFen)
                row.budget = first.amountFen
                row.available = first.amountFen
                row.reason = first.reason
                row.econ = journal.projects[first.project]?.econ
                row.fund = journal.projects[first.project].flatMap { $0.fund != nil || $0.code != nil || $0.econ != nil ? $0.effectiveFund.chinese : nil }
                out += render(row, journal)
            }
        }
        for entry in journal.acceptedInDateOrder {
            flush(before: entry.date)
            guard var row = Row(entry) else { continue }
            let classes = classifier.classes(of: entry)
            row.fund = classes.first { $0.key == "fund" }?.value
            row.econ = classes.first { $0.key == "econ" }?.value
            if case .carry(let carry) = entry.body, let newYear = CalendarDate(year: entry.date.year + 1, month: 1, day: 1) {
                pendingCarryIns.append((newYear, carry.project, carry.amountFen, carry.reason))
            }
            row.verb = entry.verb.chinese
            out += render(row, journal)
            if out.utf8.count >= 1 << 20 { write(out); out = "" }
        }
        flush(before: nil)
        write(out)
    }

    struct Row {
        var date: CalendarDate
        var verb: String
        var code: String
        var project: String
        var amountFen: Int64
        /// Effects in 分; nil for a contract (moves no money).
        var budget: Int64? = 0, paid: Int64? = 0, carriedOut: Int64? = 0, lapsed: Int64? = 0, available: Int64? = 0
        var doc: String?, kind: String?, source: String?, voucher: String?, payee: String?, contract: String?
        var ofVoucher: String?, ofDate: String?, party: String?, due: String?, reason: String?, memo: String?
        /// The effective 经济科目 (a payment's own, a reversal's that of the payment it reverses).
        var econ: String?
        /// 资金性质, when the project is classified at all.
        var fund: String?

        init(date: CalendarDate, verb: String, code: String, project: String, amountFen: Int64) {
            self.date = date; self.verb = verb; self.code = code; self.project = project; self.amountFen = amountFen
        }

        init?(_ entry: Entry) {
            guard let project = entry.body.projectID, let amount = entry.body.amountFen else { return nil }
            self.init(date: entry.date, verb: entry.verb.chinese, code: entry.verb.english, project: project, amountFen: amount)
            switch entry.body {
            case .allot(let a):
                budget = amount; available = amount
                doc = a.doc; kind = a.kind.chinese; source = a.source; memo = a.memo
            case .reduce(let r):
                budget = -amount; available = -amount
                doc = r.doc; memo = r.memo
            case .pay(let p):
                paid = amount; available = -amount
                voucher = p.voucher; payee = p.payee; contract = p.contract; memo = p.memo
            case .reverse(let r):
                paid = -amount; available = amount
                ofVoucher = r.ofVoucher; ofDate = r.ofDate?.description; voucher = r.voucher; memo = r.memo
            case .carry(let c):
                carriedOut = amount; available = -amount
                reason = c.reason
            case .lapse(let l):
                lapsed = amount; available = -amount
                doc = l.doc; reason = l.reason
            case .contract(let c):
                budget = nil; paid = nil; carriedOut = nil; lapsed = nil; available = nil
                contract = c.contractID; party = c.party; due = c.due?.description; memo = c.memo
            case .project, .plan, .set, .seal:
                return nil
            }
        }
    }

    static func render(_ row: Row, _ journal: Journal) -> String {
        let declaration = journal.projects[row.project]
        func money(_ fen: Int64?) -> String { fen.map(Amount.yuanString) ?? "" }
        let cells: [String] = [
            row.date.description, String(row.date.year), textField(row.verb), textField(row.code),
            textField(row.project), textField(declaration?.name ?? ""), textField(declaration?.unit ?? ""),
            Amount.yuanString(row.amountFen),
            money(row.budget), money(row.paid), money(row.carriedOut), money(row.lapsed), money(row.available),
            textField(row.doc ?? ""), textField(row.kind ?? ""), textField(row.source ?? ""), textField(row.voucher ?? ""),
            textField(row.payee ?? ""), textField(row.contract ?? ""), textField(row.ofVoucher ?? ""), textField(row.ofDate ?? ""),
            textField(row.party ?? ""), textField(row.due ?? ""), textField(row.reason ?? ""), textField(row.memo ?? ""),
            textField(row.fund ?? ""), textField(declaration?.code ?? ""), textField(row.econ ?? ""),
        ]
        return cells.joined(separator: ",") + "\r\n"
    }

    /// Characters that make Excel (LibreOffice, WPS) run a cell as a formula, with their
    /// full-width forms.
    static let formulaStarters: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"]

    /// Journal text as a safe CSV field: formula starters neutralised with `'`, then quoted
    /// when it holds a comma, quote, CR or LF (quotes doubled).
    static func textField(_ text: String) -> String {
        // Most cells (IDs, names, memos) need neither: decided from the bytes, no scalars.
        if let first = text.utf8.first, first != 0xEF, !(first < 0x80 && formulaStarters.contains(Unicode.Scalar(first))),
            !text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A })
        {
            return text
        }
        var value = text
        if let first = value.unicodeScalars.first, formulaStarters.contains(first) { value = "'" + value }
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append("\"") }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }
}
