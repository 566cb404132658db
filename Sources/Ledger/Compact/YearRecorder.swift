/// Builds the `YearState` of one as-of date while the compact validator runs, exactly as
/// `YearState(journal:asOf:)` builds it from the full journal: month-end snapshots of the
/// year's figures, then the figures and contracts as of the date.
struct YearRecorder {
    private(set) var state: YearState
    private var clock: MonthEndClock
    private let asOfKey: Int32
    private var finished = false
    /// The next month end of the year still to snapshot, as YYYYMMDD (entries dated on or
    /// before it need no snapshot).
    private var nextMonthEndKey: Int32 = 0
    /// Projects active in the year, by project ID (strings made once, at the end).
    private var active: [Bool] = []

    init(asOf: CalendarDate) {
        state = YearState(asOf: asOf)
        clock = MonthEndClock(asOf: asOf)
        asOfKey = asOf.key
        nextMonthEndKey = CalendarDate.monthEnd(year: asOf.year, month: 1)?.key ?? 0
    }

    /// Before an entry is applied: past the as-of date the year is complete; otherwise take
    /// the month ends that lie before the entry.
    mutating func before(_ entry: CompactEntry, ledger: RunningBalances, merged: Merged) {
        guard !finished else { return }
        if entry.dateKey > asOfKey { finish(ledger: ledger, merged: merged); return }
        guard entry.dateKey > nextMonthEndKey, entry.year == state.year, let date = entry.date else { return }
        snapshot(clock.monthEndsBefore(date), ledger: ledger, merged: merged)
        let month = Int((entry.dateKey / 100) % 100)
        nextMonthEndKey = CalendarDate.monthEnd(year: state.year, month: month)?.key ?? Int32.max
    }

    /// After an entry is applied: what it says besides money.
    mutating func after(_ entry: CompactEntry, merged: Merged) {
        guard !finished, entry.year == state.year else { return }
        if entry.rare >= 0 {
            state.note(merged.rare[Int(entry.rare)])
        } else if entry.project >= 0 {
            if active.isEmpty { active = [Bool](repeating: false, count: merged.projects.count) }
            active[Int(entry.project)] = true
        }
    }

    mutating func finish(ledger: RunningBalances, merged: Merged) {
        guard !finished else { return }
        finished = true
        snapshot(clock.monthEndsBefore(nil), ledger: ledger, merged: merged)
        state.figures = yearFigures(ledger, merged)
        for (project, isActive) in active.enumerated() where isActive { state.activeProjects.insert(merged.projects.string(Int32(project))) }
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
        for _ in 0..<count { state.monthEndFigures.append(current) }
    }

    private func yearFigures(_ ledger: RunningBalances, _ merged: Merged) -> [String: YearFigures] {
        let offset = state.year - ledger.firstYear
        guard offset >= 0, offset < ledger.span else { return [:] }
        var result: [String: YearFigures] = [:]
        let empty = YearFigures()
        for project in 0..<Int32(merged.projects.count) {
            let figures = ledger.figures[ledger.slot(project, state.year)]
            if figures != empty { result[merged.projects.string(project)] = figures }
        }
        return result
    }
}
