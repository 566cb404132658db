/// The replays of accepted records in date order, through the same `Balances.apply` the
/// checker used: the balances as of a date (for recording commands) and the year's state as
/// of a date (for reports).
extension Journal {
    /// The balances after every accepted entry dated on or before `date` (all when nil).
    public func books(through date: CalendarDate? = nil) -> Books {
        Books(
            balances: replay(through: date) { _, _ in }, store: store, dateOrder: outcome.dateOrder, accepted: outcome.accepted,
            limitKey: date?.key ?? Int32.max)
    }

    /// The one replay loop: accepted records in date order up to `date`, each applied, then
    /// `after` called with its index and the balances; the balances at the end.
    /// With `project`, only that project's records (see `replayAccepted`).
    func replay(through date: CalendarDate?, project: Int32? = nil, _ after: (Int32, borrowing Balances) -> Void) -> Balances {
        var balances = store.emptyBalances()
        let limit = date?.key ?? Int32.max
        for index in outcome.dateOrder where outcome.accepted[Int(index)] {
            if store.records[Int(index)].dateKey > limit { break }
            if let project, store.records[Int(index)].project != project { continue }
            _ = balances.apply(store.records[Int(index)], index: index)
            after(index, balances)
        }
        return balances
    }

    /// The year of `asOf` replayed up to it: figures, month-end snapshots, contracts, plan
    /// changes, reasons and the projects active in the year.
    public func yearState(asOf: CalendarDate) -> YearState {
        // Recorded by the checker's own pass when the load asked for this year (`YearRequest`).
        if let recorded = outcome.yearState, recorded.asOf == asOf { return recorded }
        var recorder = YearRecorder(asOf: asOf, store: store)
        var balances = store.emptyBalances()
        for index in outcome.dateOrder where outcome.accepted[Int(index)] {
            let record = store.records[Int(index)]
            if record.dateKey > recorder.asOfKey { break }
            if record.dateKey > recorder.boundaryKey { recorder.cross(record, balances) }
            _ = balances.apply(record, index: index)
            if record.year == asOf.year { recorder.note(record) }
        }
        return recorder.finish(balances)
    }
}

/// The balances as of a date, by project ID: a read-only view of the checker's `Balances`.
public struct Books: Sendable {
    let balances: Balances
    let store: RecordStore
    /// The check's date order and verdicts, and the last date the books hold (their payments
    /// are listed from these).
    let dateOrder: [Int32]
    let accepted: [Bool]
    let limitKey: Int32

    public func figures(_ project: String, year: Int) -> YearFigures {
        guard let id = store.projects.find(project) else { return YearFigures() }
        return balances.figures(id, year)
    }

    public func available(_ project: String, year: Int) -> Int64 { figures(project, year: year).availableFen }

    /// Every project-year with figures.
    public var figures: [ProjectYear: YearFigures] {
        var all: [ProjectYear: YearFigures] = [:]
        let empty = YearFigures()
        for project in 0..<Int32(store.projects.count) {
            for year in balances.firstYear..<(balances.firstYear + balances.span) {
                let figures = balances.figures(project, year)
                if figures != empty { all[ProjectYear(store.projects.string(project), year)] = figures }
            }
        }
        return all
    }

    /// Contract IDs in the order they were signed.
    public var contractOrder: [String] { balances.signingOrder.map { store.contracts.string($0) } }

    /// Signed contracts by ID, with what was paid against them.
    public var contracts: [String: ContractState] {
        var all: [String: ContractState] = [:]
        for id in balances.signingOrder {
            let link = balances.contracts[Int(id)]
            let record = store.records[Int(link.record)]
            guard record.rare >= 0, case .contract(let signing) = store.rare[Int(record.rare)].body else { continue }
            let entry = store.rare[Int(record.rare)]
            all[store.contracts.string(id)] = ContractState(signing: signing, date: entry.date, location: entry.location, paidFen: link.paidFen)
        }
        return all
    }

    /// Every accepted payment the books hold, in date order, with what was reversed of each.
    public var payments: [PaymentState] {
        var reversedFen: [Int32: Int64] = [:]
        for link in balances.payments where link.reversedFen > 0 { reversedFen[link.record] = link.reversedFen }
        var all: [PaymentState] = []
        for index in dateOrder where accepted[Int(index)] {
            let record = store.records[Int(index)]
            if record.dateKey > limitKey { break }
            guard record.verb == .pay, let date = record.date else { continue }
            all.append(
                PaymentState(
                    index: Int(index), date: date, project: store.projects.string(record.project), amountFen: record.amountFen,
                    reversedFen: reversedFen[index] ?? 0, location: record.location))
        }
        return all
    }
}

/// A project and a year.
public struct ProjectYear: Hashable, Sendable {
    public var project: String
    public var year: Int
    public init(_ project: String, _ year: Int) { self.project = project; self.year = year }
}

/// A payment as reversals see it.
public struct PaymentState: Hashable, Sendable {
    /// The payment's entry (`Journal.entry(at:)` reads it in full).
    public var index: Int
    public var date: CalendarDate
    public var project: String
    public var amountFen: Int64
    public var reversedFen: Int64
    public var location: SourceLocation
    public var remainingFen: Int64 { amountFen &- reversedFen }
}

/// Builds a `YearState` while accepted records are replayed: a snapshot of the year's figures
/// at each month end, the plan changes and reasons of the year, and the active projects.
struct YearRecorder {
    private(set) var state: YearState
    private var clock: MonthEndClock
    let asOfKey: Int32
    /// Records dated after this (YYYYMMDD) pass through `cross` first: the next month end still
    /// to snapshot. The replay compares one integer per record.
    private(set) var boundaryKey: Int32
    private let store: RecordStore
    private var active: [Bool]
    private var names: [String] = []
    /// The projects with figures at each month end already past, by number.
    private var monthEnds: [[(project: Int32, figures: YearFigures)]] = []

    init(asOf: CalendarDate, store: RecordStore) {
        state = YearState(asOf: asOf)
        clock = MonthEndClock(asOf: asOf)
        asOfKey = asOf.key
        self.store = store
        active = [Bool](repeating: false, count: store.projects.count)
        boundaryKey = YearRecorder.nextBoundary(after: nil, asOf: asOf)
    }

    /// The first month end of the as-of year at or after `date`'s month (capped at as-of).
    private static func nextBoundary(after date: CalendarDate?, asOf: CalendarDate) -> Int32 {
        guard let date, date.year >= asOf.year else { return min(asOf.key, CalendarDate.monthEnd(year: asOf.year, month: 1)?.key ?? asOf.key) }
        guard date.year == asOf.year else { return asOf.key }
        return min(asOf.key, CalendarDate.monthEnd(year: asOf.year, month: date.month)?.key ?? asOf.key)
    }

    /// Before applying a record dated after `boundaryKey`: snapshot the month ends before it.
    mutating func cross(_ record: Record, _ balances: Balances) {
        guard let date = record.date else { return }
        if record.year == state.year { snapshot(clock.monthEndsBefore(date), balances) }
        boundaryKey = YearRecorder.nextBoundary(after: date, asOf: state.asOf)
    }

    /// After applying a record of the year: activity, and what rare entries say besides money.
    mutating func note(_ record: Record) {
        if record.project >= 0, record.verb != .project, record.verb != .plan { active[Int(record.project)] = true }
        if record.rare >= 0 { state.note(store.rare[Int(record.rare)]) }
    }

    mutating func finish(_ balances: Balances) -> YearState {
        snapshot(clock.monthEndsBefore(nil), balances)
        let final = figuresNow(balances)
        (state.figures, state.monthEndFigures) = dictionaries(final: final)
        for (project, isActive) in active.enumerated() where isActive { state.activeProjects.insert(name(Int32(project))) }
        state.contracts = balances.signingOrder.compactMap { id -> ContractState? in
            let link = balances.contracts[Int(id)]
            let record = store.records[Int(link.record)]
            guard record.rare >= 0, case .contract(let signing) = store.rare[Int(record.rare)].body else { return nil }
            let entry = store.rare[Int(record.rare)]
            return ContractState(signing: signing, date: entry.date, location: entry.location, paidFen: link.paidFen)
        }
        return state
    }

    private mutating func snapshot(_ count: Int, _ balances: Balances) {
        guard count > 0 else { return }
        let current = figuresNow(balances)
        for _ in 0..<count { monthEnds.append(current) }
    }

    private mutating func name(_ project: Int32) -> String {
        if names.count != store.projects.count { names = (0..<Int32(store.projects.count)).map { store.projects.string($0) } }
        return names[Int(project)]
    }

    /// The projects with figures in the year at this point, by number.
    private func figuresNow(_ balances: Balances) -> [(project: Int32, figures: YearFigures)] {
        var result: [(project: Int32, figures: YearFigures)] = []
        let empty = YearFigures()
        for project in 0..<Int32(store.projects.count) {
            let figures = balances.figures(project, state.year)
            if figures != empty { result.append((project, figures)) }
        }
        return result
    }

    /// The figures at as-of and at each month end by project ID. The IDs are hashed once: every
    /// dictionary is a copy of one holding each project with figures at any of these times,
    /// its values written in place (zero for a project with none yet, which reads the same).
    private mutating func dictionaries(final: [(project: Int32, figures: YearFigures)]) -> ([String: YearFigures], [[String: YearFigures]]) {
        var withFigures = [Bool](repeating: false, count: store.projects.count)
        for taken in monthEnds + [final] { for (project, _) in taken { withFigures[Int(project)] = true } }
        var template: [String: YearFigures] = [:]
        for (project, has) in withFigures.enumerated() where has { template[name(Int32(project))] = YearFigures() }
        var slot = [Dictionary<String, YearFigures>.Index?](repeating: nil, count: withFigures.count)
        for (project, has) in withFigures.enumerated() where has { slot[project] = template.index(forKey: name(Int32(project))) }
        func filled(_ taken: [(project: Int32, figures: YearFigures)]) -> [String: YearFigures] {
            var result = template
            for (project, figures) in taken { result.values[slot[Int(project)]!] = figures }
            return result
        }
        return (filled(final), monthEnds.map(filled))
    }
}

extension Journal {
    /// Replays the accepted entries in date order up to `date` (all when nil); after applying
    /// each, calls `body` with its index and its project's figures in its year (zero figures
    /// for entries without a project).
    ///
    /// With `project` (a `projectNumber`), only that project's entries are applied and passed
    /// to `body`: a project's figures depend on its own accepted entries alone (a payment may
    /// only name a contract of its project, a 冲销 only reverses payments of its project), so
    /// its balances come out the same as in the replay of every entry, at a fraction of the cost.
    public func replayAccepted(
        through date: CalendarDate? = nil, project: Int32? = nil, _ body: (_ index: Int, _ figuresAfter: YearFigures) -> Void
    ) {
        _ = replay(through: date, project: project) { index, balances in
            let record = store.records[Int(index)]
            body(Int(index), balances.figures(record.project, record.year))
        }
    }

    /// A project ID's number in the journal (nil when no line names it): entries compared by
    /// number need no string per entry.
    public func projectNumber(_ id: String) -> Int32? { store.projects.find(id) }

    /// The number of the project an entry names (-1 for 设置 and 封账).
    public func projectNumber(at index: Int) -> Int32 { store.records[index].project }

    /// The project an entry names (nil for 设置 and 封账), without reading its line.
    public func projectID(at index: Int) -> String? {
        let project = store.records[index].project
        return project >= 0 ? store.projects.string(project) : nil
    }

    /// The verb and date of an entry, without reading its line.
    public func verbAndDate(at index: Int) -> (verb: Verb, date: CalendarDate?) {
        (store.records[index].verb, store.records[index].date)
    }

    /// The entry written on a line, if the line reads as one (records are in file order: a
    /// binary search).
    public func entryIndex(file: Int, line: Int) -> Int? {
        var low = 0, high = store.records.count
        while low < high {
            let middle = (low + high) / 2
            let record = store.records[middle]
            if (Int(record.file), Int(record.line)) < (file, line) { low = middle + 1 } else { high = middle }
        }
        guard low < store.records.count, Int(store.records[low].file) == file, Int(store.records[low].line) == line else { return nil }
        return low
    }

    /// Contract IDs of every contract line, in file order.
    public var contractIDs: [String] {
        store.records.filter { $0.verb == .contract }.map { store.contracts.string($0.key) }
    }

    /// Where an entry's line is, without reading it.
    public func place(at index: Int) -> SourceLocation { store.records[index].location }

    /// The start of an entry's line, as diagnostics quote it.
    public func excerpt(at index: Int) -> String {
        let record = store.records[index]
        return Diagnostic.excerpt(of: store.bytes.line(file: Int(record.file), offset: Int(record.offset)))
    }

    /// One entry in full (read again from its line unless every entry was already read).
    public func entry(at index: Int) -> Entry {
        if let all = cache.materializedEntries { return all[index] }
        return Materializer.entry(index, line: nil, of: store, initialAllots: outcome.initialAllots)
    }
}
