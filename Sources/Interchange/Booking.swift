import Ledger

/// The journal seen as double-entry bookkeeping: what the hledger and Beancount exports
/// write, in one place so that both say the same thing.
///
/// Every project P has five accounts (roles):
///
/// | role | hledger | Beancount | holds |
/// |---|---|---|---|
/// | budget | `assets:budget:P` | `Assets:Budget:P` | the money available to spend |
/// | appropriation | `income:appropriation:P` | `Income:Appropriation:P` | appropriations (下达 − 调减), negative |
/// | expenses | `expenses:P` | `Expenses:P` | payments less reversals (支付 − 冲销) |
/// | carried | `assets:carried:P` | `Assets:Carried:P` | money carried over, between 12-31 and the next 01-01 |
/// | lapsed | `equity:lapsed:P` | `Equity:Lapsed:P` | money returned to the treasury (收回) |
///
/// 下达 moves money appropriation → budget, 调减 back; 支付 budget → expenses, 冲销 back;
/// 结转 budget → carried on 12-31, and a second booking dated the next 01-01 moves it
/// carried → budget (fundflow counts it in next year's budget from that day); 收回 budget →
/// lapsed. 合同, 计划, 设置 and 封账 move no money and become notes.
///
/// So, for year Y as of D (the changes between Y-01-01 and D): `expenses:P` is fundflow's
/// paid, `assets:budget:P` is available, `equity:lapsed:P` is lapsed, −`income:appropriation:P`
/// is allotted − reduced; carried_in is what the 01-01 booking moved, and carried_out the
/// balance of `assets:carried:P` on Y-12-31; budget = available + paid + carried_out + lapsed.
public struct Booking: Sendable {
    public enum Role: Sendable, CaseIterable {
        case budget, appropriation, expenses, carried, lapsed
    }

    public enum Kind: Sendable {
        /// `amountFen` moves from `credit` to `debit`.
        case transfer(debit: Role, credit: Role, amountFen: Int64)
        /// No money moves (a contract, a plan change, a setting, a seal).
        case note
    }

    public var date: CalendarDate
    public var kind: Kind
    /// The project, when the line names one.
    public var project: String?
    /// The journal verb (for the synthetic 01-01 carry-in booking: 结转).
    public var verb: Verb
    /// True for the 01-01 booking that brings a carry-over into the next year's budget.
    public var isCarryIn = false
    /// 文号 or 凭证 (or the contract ID of a 合同), shown as the transaction's code.
    public var code: String?
    public var payee: String?
    /// What the booking is about, in Chinese.
    public var narration: String
    /// The entry's fields (English key, value), in the journal writer's order.
    public var metadata: [(key: String, value: String)]
    /// The canonical journal line the booking comes from (nil for the carry-in booking).
    public var sourceLine: String?
    /// The classifications of spec §3 (`fund`, `code`, `econ`), for the exports' tags and
    /// metadata: the project's 资金性质 and 科目, and the effective 经济科目 — a payment's own,
    /// a reversal's that of the payment it reverses, else the project's.
    public var classes: [(key: String, value: String)] = []

    /// The bookings of the accepted entries, in date order (file order among equal dates),
    /// each carry-over followed on the next 01-01 by its carry-in. Project declarations
    /// are left out: the exports declare the accounts.
    public static func all(in journal: Journal) -> [Booking] {
        var result: [Booking] = []
        var pending: [Booking] = []  // carry-ins waiting for their 01-01, in order
        func name(_ project: String) -> String { journal.projects[project]?.name ?? project }
        func flush(before date: CalendarDate?) {
            while let first = pending.first, date.map({ first.date <= $0 }) ?? true {
                result.append(first)
                pending.removeFirst()
            }
        }
        var classifier = Classifier(projects: journal.projects)
        for index in journal.dateOrder where journal.accepted[index] {
            let entry = journal.entries[index]
            flush(before: entry.date)
            guard var booking = booking(for: entry, name: name) else { continue }
            booking.classes = classifier.classes(of: entry)
            result.append(booking)
            if case .carry(let carry) = entry.body, let newYear = CalendarDate(year: entry.date.year + 1, month: 1, day: 1) {
                var carryIn = Booking(
                    date: newYear, kind: .transfer(debit: .budget, credit: .carried, amountFen: carry.amountFen),
                    project: carry.project, verb: .carry,
                    narration: "上年结转转入：" + (carry.reason ?? name(carry.project)),
                    metadata: [("carried-from", entry.date.description)], sourceLine: nil)
                carryIn.isCarryIn = true
                carryIn.classes = booking.classes
                pending.append(carryIn)
            }
        }
        flush(before: nil)
        return result
    }

    static func booking(for entry: Entry, name: (String) -> String) -> Booking? {
        let line = JournalWriter.line(entry)
        func make(
            _ kind: Kind, _ project: String?, code: String? = nil, payee: String? = nil, narration: String,
            _ metadata: [(AttributeKey, String?)]
        ) -> Booking {
            var fields: [(key: String, value: String)] = []
            for (key, value) in metadata { if let value { fields.append((key.english, value)) } }
            return Booking(
                date: entry.date, kind: kind, project: project, verb: entry.verb, code: code, payee: payee,
                narration: narration, metadata: fields, sourceLine: line)
        }
        switch entry.body {
        case .project:
            return nil
        case .allot(let a):
            return make(
                .transfer(debit: .budget, credit: .appropriation, amountFen: a.amountFen), a.project, code: a.doc,
                narration: "下达" + (a.kind == .supplement ? "（追加）" : "") + "：" + (a.memo ?? name(a.project)),
                [(.doc, a.doc), (.kind, a.kind.chinese), (.source, a.source), (.memo, a.memo)])
        case .reduce(let r):
            return make(
                .transfer(debit: .appropriation, credit: .budget, amountFen: r.amountFen), r.project, code: r.doc,
                narration: "调减：" + (r.memo ?? name(r.project)), [(.doc, r.doc), (.memo, r.memo)])
        case .pay(let p):
            return make(
                .transfer(debit: .expenses, credit: .budget, amountFen: p.amountFen), p.project, code: p.voucher, payee: p.payee,
                narration: p.memo ?? ("支付：" + name(p.project)),
                [(.voucher, p.voucher), (.payee, p.payee), (.contract, p.contract), (.memo, p.memo)])
        case .reverse(let r):
            return make(
                .transfer(debit: .budget, credit: .expenses, amountFen: r.amountFen), r.project, code: r.voucher,
                narration: "冲销 " + r.ofVoucher + (r.memo.map { "：" + $0 } ?? ""),
                [(.of, r.ofVoucher), (.ofDate, r.ofDate?.description), (.voucher, r.voucher), (.memo, r.memo)])
        case .carry(let c):
            return make(
                .transfer(debit: .carried, credit: .budget, amountFen: c.amountFen), c.project,
                narration: "结转下年：" + (c.reason ?? name(c.project)), [(.reason, c.reason)])
        case .lapse(let l):
            return make(
                .transfer(debit: .lapsed, credit: .budget, amountFen: l.amountFen), l.project, code: l.doc,
                narration: "收回：" + (l.reason ?? name(l.project)), [(.doc, l.doc), (.reason, l.reason)])
        case .contract(let c):
            var text = "合同 \(c.contractID) \(Amount.yuanString(c.amountFen)) 元"
            if let party = c.party { text += "，对方 " + party }
            if let due = c.due { text += "，期限 " + due.description }
            if let memo = c.memo { text += "：" + memo }
            var booking = make(
                .note, c.project, code: c.contractID, narration: text,
                [(.party, c.party), (.due, c.due?.description), (.memo, c.memo)])
            booking.metadata.insert((key: "contract", value: c.contractID), at: 0)
            booking.metadata.insert((key: "amount", value: Amount.yuanString(c.amountFen)), at: 1)
            return booking
        case .plan(let p):
            return make(.note, p.project, narration: "支出计划改为 " + p.plan.description, [(.plan, p.plan.description)])
        case .set:
            return make(.note, nil, narration: "设置", [])
        case .seal(let s):
            return make(.note, nil, narration: "封账至 \(entry.date)，sha256=\(s.sha256)", [])
        }
    }

    /// A project the exports need accounts for.
    public struct Opening: Sendable {
        public var id: String
        /// When its accounts open: the earliest of its declaration and its accepted entries.
        public var opens: CalendarDate
        /// The date of its 项目 line.
        public var declared: CalendarDate
    }

    /// The declared projects in declaration order, with the dates their accounts open.
    public static func projectOpenings(in journal: Journal) -> [Opening] {
        var earliest: [String: CalendarDate] = [:]
        var declared: [String: CalendarDate] = [:]
        func note(_ id: String, _ date: CalendarDate) {
            if let current = earliest[id], current <= date { return }
            earliest[id] = date
        }
        for (index, entry) in journal.entries.enumerated() {
            guard let id = entry.body.projectID, journal.projects[id] != nil else { continue }
            if entry.verb == .project, declared[id] == nil { declared[id] = entry.date }
            if entry.verb == .project || journal.accepted[index] { note(id, entry.date) }
        }
        return journal.projectOrder.compactMap { id in
            guard let opens = earliest[id] else { return nil }
            return Opening(id: id, opens: opens, declared: declared[id] ?? opens)
        }
    }
}

extension Entry {
    /// A payment that names its own 经济科目.
    var hasOwnEconomicClass: Bool {
        if case .pay(let p) = body { return p.econ != nil }
        return false
    }
}

/// The classifications each booking carries (spec §3), with the economic class of each
/// payment remembered so that its reversal is filed under the same class.
struct Classifier {
    let projects: [String: ProjectDeclaration]
    private var paymentClasses: [String: String] = [:]

    init(projects: [String: ProjectDeclaration]) { self.projects = projects }

    private static func key(_ project: String, _ voucher: String, _ date: CalendarDate?) -> String {
        project + "\u{1F}" + voucher + "\u{1F}" + (date?.description ?? "")
    }

    mutating func classes(of entry: Entry) -> [(key: String, value: String)] {
        guard let project = entry.body.projectID, let declaration = projects[project] else { return [] }
        // A journal that never classifies its projects gets no classification noise in its exports.
        guard declaration.fund != nil || declaration.code != nil || declaration.econ != nil || entry.hasOwnEconomicClass else { return [] }
        var econ = declaration.econ
        switch entry.body {
        case .pay(let p):
            econ = p.econ ?? declaration.econ
            if let voucher = p.voucher, let econ {
                paymentClasses[Self.key(project, voucher, nil)] = econ
                paymentClasses[Self.key(project, voucher, entry.date)] = econ
            }
        case .reverse(let r):
            econ = paymentClasses[Self.key(project, r.ofVoucher, r.ofDate)] ?? declaration.econ
        default:
            break
        }
        var result: [(key: String, value: String)] = [("fund", declaration.effectiveFund.chinese)]
        if let code = declaration.code { result.append(("code", code)) }
        if let econ { result.append(("econ", econ)) }
        return result
    }
}
