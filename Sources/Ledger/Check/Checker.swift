/// The one checker: every rule of the journal, judged once, in one place. File-order rules
/// first (declarations, seals), then the dated rules record by record in date order (file
/// order among equal dates) against the running balances. A rule that fires records a
/// finding; a record with an error finding is not applied, so later findings stand on their
/// own. Nothing here stops at the first problem, and nothing here builds a message.
struct Checker {
    private(set) var store: RecordStore
    private let clock: WallClock?

    /// `clock`: the instant "today" is read from, in the journal's 时区 (future-date warnings);
    /// without it no date is in the future.
    init(_ store: RecordStore, clock: WallClock?) {
        self.store = store
        self.clock = clock
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
    }

    mutating func run() -> Outcome {
        let count = store.records.count
        var rejected = [Bool](repeating: false, count: count)
        var findings: [Finding] = []
        // Address space for a finding per record: pages are touched only as findings come, and
        // a journal with a warning on most lines never copies the list as it grows.
        findings.reserveCapacity(count)
        let declarations = Declarations.check(store, rejected: &rejected, findings: &findings)
        let seals = Seals.check(store, rejected: &rejected, findings: &findings)
        LoadPhases.mark("file order")
        let today = clock.map { store.settings(rejected: rejected).today($0) }
        let dateOrder = store.dateOrder()
        var balances = store.emptyBalances()
        var warnings = Warnings(vouchers: store.voucherCount, unitOf: store.unitOfProjects(), today: today)
        var accepted = [Bool](repeating: false, count: count)
        var initialAllots = Set<Int32>()
        for position in dateOrder.indices {
            let index = dateOrder[position]
            guard !rejected[Int(index)] else { continue }
            let before = findings.count
            let record = store.records[Int(index)]
            judge(record, index, balances, warnings: &warnings, into: &findings)
            if Checker.hasError(findings, from: before) { continue }
            if record.verb == .allot, record.kind == .unspecified, balances.isInitial(record) { initialAllots.insert(index) }
            guard balances.apply(record, index: index) else {
                findings.append(Finding(.amountOverflow, index))
                continue
            }
            accepted[Int(index)] = true
            if record.verb == .carry || record.verb == .lapse { Contracts.checkCovered(record, index, balances, into: &findings) }
        }
        LoadPhases.mark("date order")
        return Outcome(
            accepted: accepted, findings: findings, dateOrder: dateOrder, declarations: declarations,
            seals: seals, today: today, initialAllots: initialAllots)
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

    /// Every dated rule that concerns the record, against the balances before it.
    private func judge(_ record: Record, _ index: Int32, _ balances: Balances, warnings: inout Warnings, into findings: inout [Finding]) {
        switch record.verb {
        case .pay: Payments.check(record, index, balances, into: &findings)
        case .reduce, .carry, .lapse: Budget.check(record, index, balances, into: &findings)
        case .reverse: Reversals.check(record, index, balances, into: &findings)
        case .contract: Contracts.check(record, index, balances, into: &findings)
        case .allot, .project, .plan, .set, .seal: break
        }
        warnings.check(record, index, into: &findings)
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
