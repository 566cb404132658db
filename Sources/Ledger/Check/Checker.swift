import Dispatch

/// The one checker: every rule of the journal, judged once, in one place. File-order rules
/// first (declarations, seals), then the dated rules record by record in date order (file
/// order among equal dates) against the running balances. A rule that fires records a
/// finding; a record with an error finding is not applied, so later findings stand on their
/// own. Nothing here stops at the first problem, and nothing here builds a message.
struct Checker {
    private(set) var store: RecordStore
    private let clock: WallClock?
    /// Records from this index on are an append's new lines (none when nil).
    private let tailStart: Int32?
    /// The year a report will read, recorded as the dated pass goes (no second replay).
    private let year: YearRequest?

    /// `clock`: the instant "today" is read from, in the journal's 时区 (future-date warnings);
    /// without it no date is in the future. `tailStart`: the first record of lines being
    /// appended, when the errors of the journal without them are wanted too.
    init(_ store: RecordStore, clock: WallClock?, tailStart: Int32? = nil, year: YearRequest? = nil) {
        self.store = store
        self.clock = clock
        self.tailStart = tailStart
        self.year = year
    }

    struct Outcome {
        var accepted: [Bool]
        var findings: [Finding]
        /// Record indices in date order, file order among equal dates.
        var dateOrder: [Int32]
        var declarations: Declarations.Outcome
        var seals: [SealStamp]
        /// Today in the journal's 时区, when a clock was given.
        var today: CalendarDate?
        /// Accepted 下达 written without 类别 that the journal made 年初 (its first of the year);
        /// the others without 类别 are 追加 (kept aside: the records are not changed).
        var initialAllots: Set<Int32>
        /// The errors of the journal without its tail (an append's new lines), when the checker
        /// judged that in the same run (a tail of money lines); nil otherwise.
        var errorsWithoutTail: [Finding]?
        /// The year a report asked for, recorded during the dated pass (`YearRequest`).
        var yearState: YearState?
    }

    mutating func run() -> Outcome {
        let count = store.records.count
        var rejected = [Bool](repeating: false, count: count)
        var findings: [Finding] = []
        // Address space for a finding per record: pages are touched only as findings come, and
        // a journal with a warning on most lines never copies the list as it grows.
        findings.reserveCapacity(min(count, Limits.reservedFindings))
        HugePages.advise(&findings)
        let declarations = Declarations.check(store, rejected: &rejected, findings: &findings)
        let seals = Seals.check(store, rejected: &rejected, findings: &findings)
        LoadPhases.mark("file order")
        let today = clock.map { store.settings(rejected: rejected).today($0) }
        let dateOrder = store.dateOrder()
        // Warnings never refuse an entry: they are found on another core while the balance
        // rules run here, and the two lists are merged in date order.
        let warnings = WarningsPass(store: store, rejected: rejected, today: today, dateOrder: dateOrder)
        let warningsDone = DispatchGroup()
        DispatchQueue.global().async(group: warningsDone) { warnings.run() }
        var pass = DatedPass(store: store, rejected: rejected)
        if let asOf = year?.date(today: today) { pass.record(yearAsOf: asOf) }
        let tail = tailStart.flatMap { tailIsLocal(from: $0) ? $0 : nil }
        var snapshot: (pass: DatedPass, position: Int, findings: Int)?
        var ruleFindings = DatedFindings()
        for position in dateOrder.indices {
            let index = dateOrder[position]
            if let tail, index >= tail, snapshot == nil { snapshot = (pass, position, ruleFindings.list.count) }
            let before = ruleFindings.list.count
            pass.judge(index, into: &ruleFindings.list)
            ruleFindings.noteFound(since: before, at: position)
        }
        let yearState = pass.finishYear()
        warningsDone.wait()
        let fileOrderFindings = findings.count
        DatedFindings.merge(ruleFindings, warnings.found, into: &findings)
        LoadPhases.mark("date order")
        var withoutTail: [Finding]?
        if let tail {
            // Everything before the tail's first record in date order was judged alike with or
            // without it: only the rest is judged again, from the balances as they stood there.
            var without = findings[..<fileOrderFindings].filter { $0.record < tail && $0.isError }
            without += ruleFindings.list[..<(snapshot?.findings ?? ruleFindings.list.count)].filter(\.isError)
            if var resumed = snapshot {
                resumed.pass.stopRecordingYear()
                var later: [Finding] = []
                for position in resumed.position..<dateOrder.count where dateOrder[position] < tail {
                    resumed.pass.judge(dateOrder[position], into: &later)
                    if later.count > 64 { without += later.filter(\.isError); later.removeAll(keepingCapacity: true) }
                }
                without += later.filter(\.isError)
            }
            withoutTail = without
        }
        return Outcome(
            accepted: pass.accepted, findings: findings, dateOrder: dateOrder, declarations: declarations,
            seals: seals, today: today, initialAllots: pass.initialAllots, errorsWithoutTail: withoutTail, yearState: yearState)
    }

    /// Whether the tail's lines can change nothing but the dated rules' verdicts from their own
    /// date on: money lines and contracts. A 项目, 封账, 设置 or 计划 line may change what the
    /// file-order rules say of earlier lines (or today's date), so the journal without it is
    /// checked again in full (`Journal.withoutLast`).
    private func tailIsLocal(from tail: Int32) -> Bool {
        guard Int(tail) <= store.records.count else { return false }
        return store.records[Int(tail)...].allSatisfy { record in
            switch record.verb {
            case .pay, .allot, .reduce, .reverse, .contract, .carry, .lapse: return true
            case .project, .plan, .set, .seal: return false
            }
        }
    }
}

/// The year a report will read, asked of the checker before it runs (the dated pass records it).
public enum YearRequest: Sendable {
    /// The year of this date, up to it.
    case asOf(CalendarDate)
    /// The year of today in the journal's 时区, up to today.
    case today

    func date(today: CalendarDate?) -> CalendarDate? {
        switch self {
        case .asOf(let date): return date
        case .today: return today
        }
    }
}

/// The dated rules' running state: the balances, the warnings' memory and the verdicts so far.
/// A value: an append's check keeps a copy where its new lines begin (copied on write).
struct DatedPass {
    private let store: RecordStore
    private let rejected: [Bool]
    private var balances: Balances
    private(set) var accepted: [Bool]
    private(set) var initialAllots = Set<Int32>()
    /// Records the year a report asked for as the pass goes: what a replay of the accepted
    /// records up to its as-of date would see, since rejected records change no balance.
    private var recorder: YearRecorder?
    private var yearState: YearState?

    init(store: RecordStore, rejected: [Bool]) {
        self.store = store
        self.rejected = rejected
        balances = store.emptyBalances()
        accepted = [Bool](repeating: false, count: store.records.count)
    }

    mutating func record(yearAsOf asOf: CalendarDate) { recorder = YearRecorder(asOf: asOf, store: store) }

    mutating func stopRecordingYear() { recorder = nil }

    /// The recorded year, finished with the balances now when no later record did it.
    mutating func finishYear() -> YearState? {
        if let finished = recorder?.finish(balances) { yearState = finished }
        recorder = nil
        return yearState
    }

    /// The recorder's view before a record: past its as-of date the year is finished; past a
    /// month end the figures then are kept.
    private mutating func observe(_ record: Record) {
        guard let asOfKey = recorder?.asOfKey, let boundaryKey = recorder?.boundaryKey else { return }
        if record.dateKey > asOfKey {
            _ = finishYear()
        } else if record.dateKey > boundaryKey {
            recorder?.cross(record, balances)
        }
    }

    /// Judges the record against the balances before it and, when no rule refuses it, applies it.
    mutating func judge(_ index: Int32, into findings: inout [Finding]) {
        guard !rejected[Int(index)] else { return }
        let before = findings.count
        let record = store.records[Int(index)]
        if recorder != nil { observe(record) }
        DatedPass.judge(record, index, balances, into: &findings)
        if DatedPass.hasError(findings, from: before) { return }
        if record.verb == .allot, record.kind == .unspecified, balances.isInitial(record) { initialAllots.insert(index) }
        guard balances.apply(record, index: index) else {
            findings.append(Finding(.amountOverflow, index))
            return
        }
        accepted[Int(index)] = true
        if recorder != nil, record.year == recorder?.state.year { recorder?.note(record) }
        if record.verb == .carry || record.verb == .lapse { Contracts.checkCovered(record, index, balances, into: &findings) }
    }

    /// Whether a finding from `start` on is an error (an index loop: no slice, no retain).
    @inline(__always)
    private static func hasError(_ findings: [Finding], from start: Int) -> Bool {
        var index = start
        while index < findings.count {
            if findings[index].isError { return true }
            index += 1
        }
        return false
    }

    /// Every dated balance rule that concerns the record, against the balances before it
    /// (the warnings are `WarningsPass`'s).
    private static func judge(_ record: Record, _ index: Int32, _ balances: Balances, into findings: inout [Finding]) {
        switch record.verb {
        case .pay: Payments.check(record, index, balances, into: &findings)
        case .reduce, .carry, .lapse: Budget.check(record, index, balances, into: &findings)
        case .reverse: Reversals.check(record, index, balances, into: &findings)
        case .contract: Contracts.check(record, index, balances, into: &findings)
        case .allot, .project, .plan, .set, .seal: break
        }
    }
}

/// Which rule family puts each finding into words.
enum Explain {
    static func diagnostic(_ finding: Finding, _ context: ExplainContext) -> Diagnostic? {
        switch finding.code {
        case .duplicateProject, .undeclaredProject, .unknownProject: return Declarations.explain(finding, context)
        case .sealedPeriod, .sealMismatch: return Seals.explain(finding, context)
        case .reduceBelowPaid, .carryNotYearEnd, .carryExceedsAvailable, .lapseExceedsAvailable: return Budget.explain(finding, context)
        case .overspend, .unknownContract, .contractOtherProject, .contractOverpaid: return Payments.explain(finding, context)
        case .unknownVoucher, .ambiguousVoucher, .reverseOtherYear, .reverseExceedsPayment: return Reversals.explain(finding, context)
        case .duplicateContract, .obligationsUncovered: return Contracts.explain(finding, context)
        case .duplicateDoc, .duplicateVoucher, .payWithoutVoucher, .futureDate: return Warnings.explain(finding, context)
        case .amountOverflow:
            return Diagnostic(.amountOverflow, at: context.entry.amountLocation, "累计金额超出可表示的范围：请检查金额是否多写了位数")
        default:
            return nil
        }
    }
}
