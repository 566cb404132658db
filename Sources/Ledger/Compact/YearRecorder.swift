/// Builds the `YearState` of one as-of date while the compact validator runs, exactly as
/// `YearState(journal:asOf:)` builds it from the full journal: month-end snapshots of the
/// year's figures, then the figures and contracts as of the date.
struct YearRecorder {
    private(set) var state: YearState
    private var clock: MonthEndClock
    private let asOfKey: Int32
    private(set) var finished = false
    /// Entries dated after this (YYYYMMDD) must pass through `cross` before they are applied:
    /// the next month end still to snapshot, or the as-of date. Kept as a key so the
    /// validator's loop compares one integer per entry.
    private(set) var boundaryKey: Int32 = 0

    init(asOf: CalendarDate) {
        state = YearState(asOf: asOf)
        clock = MonthEndClock(asOf: asOf)
        asOfKey = asOf.key
        boundaryKey = min(asOfKey, CalendarDate.monthEnd(year: asOf.year, month: 1)?.key ?? asOfKey)
    }

    /// Before applying an entry dated after `boundaryKey`: past the as-of date the year is
    /// complete; otherwise snapshot the month ends that lie before the entry.
    mutating func cross(_ entry: CompactEntry, ledger: RunningBalances, merged: Merged, active: [Bool]) {
        guard !finished else { return }
        if entry.dateKey > asOfKey { finish(ledger: ledger, merged: merged, active: active); return }
        guard let date = entry.date else { return }
        if entry.year == state.year { snapshot(clock.monthEndsBefore(date), ledger: ledger, merged: merged) }
        let monthEnd = entry.year == state.year ? CalendarDate.monthEnd(year: state.year, month: date.month)?.key : nil
        boundaryKey = min(asOfKey, monthEnd ?? CalendarDate.monthEnd(year: state.year, month: 1)?.key ?? asOfKey)
    }

    /// After applying a rare entry of the year (up to the as-of date): what it says besides
    /// money. (The validator marks the common entries' projects active itself, by ID.)
    mutating func note(_ entry: Entry) {
        state.note(entry)
    }

    /// `active`: the projects the year's common entries named, by ID.
    mutating func finish(ledger: RunningBalances, merged: Merged, active: [Bool]) {
        guard !finished else { return }
        finished = true
        snapshot(clock.monthEndsBefore(nil), ledger: ledger, merged: merged)
        state.figures = yearFigures(ledger, merged)
        let names = projectNames(merged)
        for (project, isActive) in active.enumerated() where isActive { state.activeProjects.insert(names[project]) }
        state.contracts = ledger.signingOrder.compactMap { id -> ContractState? in
            let link = ledger.contracts[Int(id)]
            guard link.rare >= 0, case .contract(let signing) = merged.rare[Int(link.rare)].body else { return nil }
            let entry = merged.rare[Int(link.rare)]
            return ContractState(signing: signing, date: entry.date, location: entry.location, paidFen: link.paidFen)
        }
    }

    private mutating func snapshot(_ count: Int, ledger: RunningBalances, merged: Merged) {
        guard count > 0 else { return }
        let current = yearFigures(ledger, merged)
        state.monthEndFigures.reserveCapacity(12)
        for _ in 0..<count { state.monthEndFigures.append(current) }
    }

    /// Project IDs as strings, made once for all the snapshots.
    private var names: [String] = []

    private mutating func projectNames(_ merged: Merged) -> [String] {
        if names.count != merged.projects.count { names = (0..<Int32(merged.projects.count)).map { merged.projects.string($0) } }
        return names
    }

    private mutating func yearFigures(_ ledger: RunningBalances, _ merged: Merged) -> [String: YearFigures] {
        let offset = state.year - ledger.firstYear
        guard offset >= 0, offset < ledger.span else { return [:] }
        let names = projectNames(merged)
        var result: [String: YearFigures] = [:]
        result.reserveCapacity(names.count)
        let empty = YearFigures()
        for (project, name) in names.enumerated() {
            let figures = ledger.figures[ledger.slot(Int32(project), state.year)]
            if figures != empty { result[name] = figures }
        }
        return result
    }
}
