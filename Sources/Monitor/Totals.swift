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

    public init(_ projects: [ProjectStatus], asOf: CalendarDate) {
        var weightedExpected: Int128 = 0
        for p in projects {
            projectCount += 1
            let f = p.figures
            carriedInFen &+= f.carriedInFen
            allottedFen &+= f.allottedFen
            initialFen &+= f.initialFen
            reducedFen &+= f.reducedFen
            budgetFen &+= f.budgetFen
            paidFen &+= f.paidFen
            carriedOutFen &+= f.carriedOutFen
            lapsedFen &+= f.lapsedFen
            availableFen &+= f.availableFen
            unpaidContractsFen &+= p.unpaidContractsFen
            carriedInRemainingFen &+= p.carriedInRemainingFen
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
