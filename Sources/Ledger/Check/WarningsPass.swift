/// The dated warnings (spec §1 "Warnings") found in date order on a thread of their own: they
/// never refuse an entry, so they need not wait for the balance rules, which run meanwhile.
final class WarningsPass: @unchecked Sendable {
    private let store: RecordStore
    private let rejected: [Bool]
    private let today: CalendarDate?
    private let dateOrder: [Int32]
    /// Read only after `run` has finished (the checker waits for it).
    private(set) var found = DatedFindings()

    init(store: RecordStore, rejected: [Bool], today: CalendarDate?, dateOrder: [Int32]) {
        self.store = store
        self.rejected = rejected
        self.today = today
        self.dateOrder = dateOrder
    }

    func run() {
        var warnings = Warnings(vouchers: store.voucherCount, unitOf: store.unitOfProjects(), today: today)
        var found = DatedFindings()
        found.list.reserveCapacity(min(store.records.count, Limits.reservedFindings))  // address space only, as the checker's
        HugePages.advise(&found.list)
        for position in dateOrder.indices {
            let index = dateOrder[position]
            guard !rejected[Int(index)] else { continue }
            let before = found.list.count
            warnings.check(store.records[Int(index)], index, into: &found.list)
            found.noteFound(since: before, at: position)
        }
        self.found = found
    }
}

/// Findings of the dated pass with the date-order position of the record each concerns, so
/// that two lists found apart can be merged as one pass would have made them.
struct DatedFindings {
    var list: [Finding] = []
    var positions: [Int32] = []

    /// Notes the position of the findings added since `start`.
    @inline(__always)
    mutating func noteFound(since start: Int, at position: Int) {
        for _ in start..<list.count { positions.append(Int32(position)) }
    }

    /// The balance rules' findings and the warnings, appended to `findings` in the order one
    /// pass makes them: by record in date order; for one record the rules' findings, then the
    /// warnings, then what is found once the entry is applied (an overflow, obligations left).
    static func merge(_ rules: DatedFindings, _ warnings: DatedFindings, into findings: inout [Finding]) {
        var rule = 0, warning = 0
        while rule < rules.list.count || warning < warnings.list.count {
            let takeRule: Bool
            if rule == rules.list.count {
                takeRule = false
            } else if warning == warnings.list.count {
                takeRule = true
            } else if rules.positions[rule] != warnings.positions[warning] {
                takeRule = rules.positions[rule] < warnings.positions[warning]
            } else {
                takeRule = !rules.list[rule].code.followsApplication
            }
            if takeRule {
                findings.append(rules.list[rule])
                rule += 1
            } else {
                findings.append(warnings.list[warning])
                warning += 1
            }
        }
    }
}

extension DiagnosticCode {
    /// Found once an entry is applied, after its rules and warnings.
    var followsApplication: Bool { self == .amountOverflow || self == .obligationsUncovered }
}
