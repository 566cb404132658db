import Ledger

/// Sums over a set of projects (a unit, or the department), with the rates recomputed from
/// the sums — never averaged.
public struct Totals: Hashable, Sendable {
    public var projectCount = 0
    public var carriedInFen: Int64 = 0
    public var allottedFen: Int64 = 0
    public var initialFen: Int64 = 0
    public var reducedFen: Int64 = 0
    public var budgetFen: Int64 = 0
    public var paidFen: Int64 = 0
    public var carriedOutFen: Int64 = 0
    public var lapsedFen: Int64 = 0
    public var availableFen: Int64 = 0
    public var unpaidContractsFen: Int64 = 0
    public var carriedInRemainingFen: Int64 = 0
    public var redCount = 0
    public var yellowCount = 0
    public var rateBasisPoints: Int64 = 0
    /// The budget-weighted plan progress of the projects.
    public var expectedBasisPoints: Int64 = 0
    public var gapBasisPoints: Int64 = 0
    /// The even pace of time (序时进度) at the date: `12月:100` interpolated.
    public var evenPaceBasisPoints: Int64 = 0

    public init() {}

    /// The first figure whose sum does not fit in Int64 分 (`预算合计` …), or nil. Reports
    /// with an overflow are refused (a diagnostic and exit 1), never printed wrapped.
    public var overflow: String?

    public init(_ projects: [ProjectStatus], asOf: CalendarDate) {
        var weightedExpected: Int128 = 0
        for p in projects {
            projectCount += 1
            let f = p.figures
            add(f.carriedInFen, to: \.carriedInFen, "上年结转合计")
            add(f.allottedFen, to: \.allottedFen, "本年下达合计")
            add(f.initialFen, to: \.initialFen, "年初预算合计")
            add(f.reducedFen, to: \.reducedFen, "调减合计")
            add(f.budgetFen, to: \.budgetFen, "预算合计")
            add(f.paidFen, to: \.paidFen, "支出合计")
            add(f.carriedOutFen, to: \.carriedOutFen, "结转下年合计")
            add(f.lapsedFen, to: \.lapsedFen, "结余收回合计")
            add(f.availableFen, to: \.availableFen, "可用余额合计")
            if let unpaid = p.unpaidContractsCheckedFen { add(unpaid, to: \.unpaidContractsFen, "应付未付合同合计") } else { overflowed("项目 \(p.id) 的应付未付合同合计") }
            add(p.carriedInRemainingFen, to: \.carriedInRemainingFen, "上年结转尚未使用合计")
            if p.status == .red { redCount += 1 } else if p.status == .yellow { yellowCount += 1 }
            weightedExpected += p.expectedNumerator * Int128(max(0, f.budgetFen))
        }
        rateBasisPoints = Percent.basisPoints(paidFen, of: budgetFen)
        let denominator = PlanClock.denominator(at: asOf)
        if budgetFen > 0 {
            let budget = Int128(budgetFen)
            expectedBasisPoints = Fraction.rounded(weightedExpected, denominator * budget)
            gapBasisPoints = Fraction.rounded(weightedExpected - Int128(paidFen) * 10_000 * denominator, denominator * budget)
        }
        evenPaceBasisPoints = PlanClock.expectedBasisPoints(.evenPace, at: asOf)
    }

    /// Adds with checked arithmetic; an overflow is remembered (the first one named), the
    /// figure left at its last representable value and never shown.
    /// The name is only made when needed (the curve adds thousands of figures per month).
    mutating func add(_ fen: Int64, to figure: WritableKeyPath<Totals, Int64>, _ name: @autoclosure () -> String) {
        guard let sum = Checked.add(self[keyPath: figure], fen) else { return overflowed(name()) }
        self[keyPath: figure] = sum
    }

    mutating func overflowed(_ name: String) {
        if overflow == nil { overflow = name }
    }
}

/// A unit's projects and their subtotal.
public struct UnitSummary: Hashable, Sendable {
    public var unit: String
    public var projectIDs: [String]
    public var totals: Totals

    /// Groups projects by unit, units in order of first appearance.
    public static func group(_ projects: [ProjectStatus], asOf: CalendarDate) -> [UnitSummary] {
        var order: [String] = []
        var members: [String: [ProjectStatus]] = [:]
        for project in projects {
            if members[project.unit] == nil { order.append(project.unit) }
            members[project.unit, default: []].append(project)
        }
        return order.map { unit in
            let list = members[unit] ?? []
            return UnitSummary(unit: unit, projectIDs: list.map(\.id), totals: Totals(list, asOf: asOf))
        }
    }
}
