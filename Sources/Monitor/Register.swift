import Ledger

/// `fundflow register`: the accepted entries that move money or promise it, in date order,
/// each with the project's available balance after it (like hledger's register).
public struct Register: Sendable {
    public struct Row: Hashable, Sendable {
        public var date: CalendarDate
        public var project: String
        public var verb: Verb
        /// Signed effect on the available balance (payments negative), in 分; contracts 0.
        public var changeFen: Int64
        /// The amount written on the line.
        public var amountFen: Int64
        public var availableAfterFen: Int64
        /// 凭证 / 文号 / 合同 / 原凭证, whichever the verb carries.
        public var reference: String
        public var memo: String
        public var location: SourceLocation
    }

    public var rows: [Row]
    /// The filters asked for (nil: all).
    public var project: String?
    public var from: CalendarDate?
    public var to: CalendarDate?

    public init(journal: Journal, project: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.project = project
        self.from = from
        self.to = to
        var rows: [Row] = []
        let wanted = project.map { journal.projectNumber($0) ?? -2 }  // -2: named nowhere, so no rows
        journal.replayAccepted(through: to, project: wanted) { index, after in
            let (verb, date) = journal.verbAndDate(at: index)
            guard let id = journal.projectID(at: index), verb != .project, verb != .plan, let date else { return }
            if let from, date < from { return }
            let entry = journal.entry(at: index)
            let (change, reference, memo) = Register.describe(entry.body)
            rows.append(
                Row(
                    date: entry.date, project: id, verb: entry.verb, changeFen: change, amountFen: entry.body.amountFen ?? 0,
                    availableAfterFen: after.availableFen, reference: reference, memo: memo, location: entry.location))
        }
        self.rows = rows
    }

    static func describe(_ body: EntryBody) -> (Int64, String, String) {
        switch body {
        case .allot(let a): return (a.amountFen, a.doc, a.memo ?? (a.kind == .supplement ? "追加" : ""))
        case .reduce(let r): return (-r.amountFen, r.doc, r.memo ?? "")
        case .pay(let p): return (-p.amountFen, [p.voucher, p.contract.map { "合同 " + $0 }].compactMap { $0 }.joined(separator: " "), [p.payee, p.memo].compactMap { $0 }.joined(separator: " "))
        case .contract(let c): return (0, c.contractID, [c.party, c.due.map { "期限 \($0)" }, c.memo].compactMap { $0 }.joined(separator: " "))
        case .reverse(let r): return (r.amountFen, "冲 " + r.ofVoucher, r.memo ?? "")
        case .carry(let c): return (-c.amountFen, "", c.reason ?? "")
        case .lapse(let l): return (-l.amountFen, l.doc ?? "", l.reason ?? "")
        case .project, .plan, .set, .seal: return (0, "", "")
        }
    }
}
