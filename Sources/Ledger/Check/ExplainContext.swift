/// What a rule's `explain` may look at: the finding's line read again in full (for its
/// columns and words), the records, and the names behind the IDs.
struct ExplainContext {
    let entry: Entry
    let record: Record
    let session: ExplainSession

    var today: CalendarDate? { session.today }

    /// "第 12 行", or "a.journal 第 12 行" when the place is in another file.
    func place(_ other: LinePlace?) -> String {
        guard let other else { return "" }
        if other.file == record.file || Int(other.file) >= session.store.files.count { return "第 \(other.line) 行" }
        return "\(session.store.files[Int(other.file)].path) 第 \(other.line) 行"
    }

    func projectName(_ id: Int32) -> String { id >= 0 ? session.store.projects.string(id) : "" }
    func contractName(_ id: Int32) -> String { id >= 0 ? session.store.contracts.string(id) : "" }

    /// The first `count` projects in declaration order.
    func projectNames(declaredBefore count: Int) -> [String] {
        session.declarationOrder.prefix(count).map(projectName)
    }

    /// Contracts signed (and accepted) before this record in date order.
    func contractsSigned(before index: Int32) -> [String] {
        let here = session.store.records[Int(index)]
        return session.store.records.indices.compactMap { other in
            let record = session.store.records[other]
            guard record.verb == .contract, session.accepted[other],
                (record.dateKey, other) < (here.dateKey, Int(index))
            else { return nil }
            return contractName(record.key)
        }
    }

    /// The dates of the accepted payments of this reversal's project with its voucher, before it
    /// in date order.
    func paymentDates(reversing index: Int32) -> [CalendarDate] {
        let here = session.store.records[Int(index)]
        return session.payments(voucher: here.key).compactMap { other in
            let record = session.store.records[Int(other)]
            guard record.project == here.project, (record.dateKey, Int(other)) < (here.dateKey, Int(index)) else { return nil }
            return record.date
        }
    }

    /// The unit of a project, as declared.
    func unitName(of project: String) -> String? {
        guard let id = session.store.projects.find(project) else { return nil }
        return session.unit(of: id)
    }
}

/// One round of explaining: the checked journal, and the indexes built the first time an
/// explanation needs them.
final class ExplainSession {
    let store: RecordStore
    let accepted: [Bool]
    let declarationOrder: [Int32]
    let today: CalendarDate?
    private var paymentsByVoucher: [Int32: [Int32]]?
    private var units: [Int32: String]?

    init(store: RecordStore, outcome: Checker.Outcome) {
        self.store = store
        accepted = outcome.accepted
        declarationOrder = outcome.declarations.order
        today = outcome.today
    }

    /// Accepted payments naming a voucher, in file order.
    func payments(voucher: Int32) -> [Int32] {
        if paymentsByVoucher == nil {
            var index: [Int32: [Int32]] = [:]
            for (position, record) in store.records.enumerated() where record.verb == .pay && record.key >= 0 && accepted[position] {
                index[record.key, default: []].append(Int32(position))
            }
            paymentsByVoucher = index
        }
        return paymentsByVoucher?[voucher] ?? []
    }

    func unit(of project: Int32) -> String? {
        if units == nil {
            var found: [Int32: String] = [:]
            for record in store.records where record.verb == .project && found[record.project] == nil {
                if case .project(let declaration) = store.rare[Int(record.rare)].body, let unit = declaration.unit { found[record.project] = unit }
            }
            units = found
        }
        return units?[project]
    }

    /// The finding as a diagnostic, with the start of its line quoted.
    func explain(_ finding: Finding) -> Diagnostic? {
        let index = Int(finding.record)
        let record = store.records[index]
        let line = store.bytes.line(file: Int(record.file), offset: Int(record.offset))
        guard let entry = RecordStore.parse(line[...], as: record) else { return nil }
        var diagnostic = Explain.diagnostic(finding, ExplainContext(entry: entry, record: record, session: self))
        diagnostic?.excerpt = Diagnostic.excerpt(of: line)
        return diagnostic
    }
}
