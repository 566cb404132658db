/// The rules of `Validator`, over compact entries, as a yes/no question: is every entry
/// accepted with no warning? File-order rules first (projects declared before use and once,
/// nothing dated inside a sealed period), then the dated rules in date order against running
/// balances kept in flat arrays (超支, 调减, 结转, 收回, 合同, 冲销, and the duplicate 文号 /
/// voucher warnings). Money moves through the same `YearFigures` mutators as `Books`.
struct CompactValidator {
    /// Most (project × year) balances kept in one flat array; a journal beyond it (e.g. very
    /// many projects over centuries of dates) goes to the full validator.
    static let maxFigureSlots = 1 << 21

    private let merged: Merged
    private let asOf: CalendarDate?

    init(_ merged: Merged, asOf: CalendarDate?) {
        self.merged = merged
        self.asOf = asOf
    }

    mutating func run() -> CleanJournal? {
        let entryCount = merged.entryCount
        let projectCount = merged.projects.count

        // ---- file order: declarations, sealed periods, settings, the years spanned ----
        var declared = [Bool](repeating: false, count: projectCount)
        var projectOrder: [Int32] = []
        var declarations: [String: ProjectDeclaration] = [:]
        var settings = Settings()
        var sealedThrough: Int32 = 0
        var inDateOrder = true
        var previousKey: Int32 = 0
        var firstYear = Int.max, lastYear = Int.min
        var moneyYears = Set<Int>()
        var seals: [SealStamp] = []
        var lastMoneyYear = Int.min
        for part in merged.parts { for entry in part {
            if sealedThrough != 0, entry.dateKey <= sealedThrough { return nil }
            if entry.verb == .project {
                if declared[Int(entry.project)] { return nil }
                declared[Int(entry.project)] = true
                projectOrder.append(entry.project)
                if case .project(let declaration) = merged.rare[Int(entry.rare)].body { declarations[declaration.id] = declaration }
            } else if entry.project >= 0, !declared[Int(entry.project)] {
                return nil
            }
            switch entry.verb {
            case .seal:
                sealedThrough = max(sealedThrough, entry.dateKey)
                if case .seal(let seal) = merged.rare[Int(entry.rare)].body, let date = entry.date { seals.append(SealStamp(date: date, sha256: seal.sha256)) }
            case .set: if case .set(let change) = merged.rare[Int(entry.rare)].body { settings.apply(change) }
            case .allot, .reduce, .pay, .reverse, .carry, .lapse:
                // One set insert per change of year, not per entry.
                if entry.year != lastMoneyYear { lastMoneyYear = entry.year; moneyYears.insert(entry.year) }
            case .project, .contract, .plan: break
            }
            if entry.dateKey < previousKey { inDateOrder = false }
            previousKey = entry.dateKey
            firstYear = min(firstYear, entry.year)
            lastYear = max(lastYear, entry.year)
        } }
        LoadPhases.mark("file order")
        let context = JournalContext(projects: declarations, projectOrder: projectOrder.map { merged.projects.string($0) },
                                     settings: settings, moneyYears: moneyYears.sorted(), seals: seals)
        guard entryCount > 0 else {
            return CleanJournal(entryCount: 0, context: context, year: asOf.map { emptyYear(asOf: $0) })
        }
        let span = lastYear - firstYear + 2   // + the year after the last, which carry-overs reach
        guard projectCount.multipliedReportingOverflow(by: span).partialValue <= CompactValidator.maxFigureSlots,
              projectCount < CompactValidator.maxFigureSlots else { return nil }

        // ---- date order ----
        var ledger = RunningBalances(projects: projectCount, firstYear: firstYear, span: span,
                                     vouchers: merged.voucherIDBound, contracts: merged.contracts.count)
        // The recorder is touched only at month boundaries and for the year's rare entries;
        // per entry the loop compares two integers (an optional struct in the loop cost more).
        let recording = asOf != nil
        var recorder = YearRecorder(asOf: asOf ?? CalendarDate(year: firstYear, month: 1, day: 1) ?? CalendarDate.today())
        var boundaryKey = recording ? recorder.boundaryKey : Int32.max
        let recordedYear = recording ? recorder.state.year : -1
        var active = [Bool](repeating: false, count: recording ? projectCount : 0)
        // The loop is written out (no closure) so that nothing but the entry is passed per step.
        var order: [Int32] = []
        var all: [CompactEntry] = []
        if !inDateOrder {
            all = merged.parts.flatMap { $0 }
            order = CompactValidator.dateOrder(all, firstYear: firstYear, span: span)
        }
        let passes = inDateOrder ? merged.parts.count : 1
        for pass in 0..<passes {
            let entries = inDateOrder ? merged.parts[pass] : all
            let count = inDateOrder ? entries.count : order.count
            for position in 0..<count {
                let entry = inDateOrder ? entries[position] : entries[Int(order[position])]
                if entry.dateKey > boundaryKey {
                    recorder.cross(entry, ledger: ledger, merged: merged, active: active)
                    boundaryKey = recorder.finished ? Int32.max : recorder.boundaryKey
                }
                guard ledger.accept(entry) else { return nil }
                if entry.year == recordedYear, !recorder.finished {
                    if entry.rare >= 0 { recorder.note(merged.rare[Int(entry.rare)]) } else if entry.project >= 0 { active[Int(entry.project)] = true }
                }
            }
        }
        LoadPhases.mark("date order")
        var year: YearState?
        if recording {
            recorder.finish(ledger: ledger, merged: merged, active: active)
            year = recorder.state
        }
        return CleanJournal(entryCount: entryCount, context: context, year: year)
    }

    private func emptyYear(asOf: CalendarDate) -> YearState {
        var state = YearState(asOf: asOf)
        var clock = MonthEndClock(asOf: asOf)
        state.monthEndFigures = Array(repeating: [:], count: clock.monthEndsBefore(nil))
        return state
    }

    /// Indices in date order, file order among equal dates: a counting sort on the day.
    static func dateOrder(_ entries: [CompactEntry], firstYear: Int, span: Int) -> [Int32] {
        func day(_ key: Int32) -> Int {
            (Int(key / 10_000) - firstYear) * 372 + Int((key / 100) % 100 - 1) * 31 + Int(key % 100 - 1)
        }
        var starts = [Int](repeating: 0, count: span * 372 + 1)
        for entry in entries { starts[day(entry.dateKey) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var order = [Int32](repeating: 0, count: entries.count)
        for (index, entry) in entries.enumerated() {
            let slot = day(entry.dateKey)
            order[starts[slot]] = Int32(index)
            starts[slot] += 1
        }
        return order
    }
}
