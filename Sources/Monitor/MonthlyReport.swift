import Ledger

/// 预算执行进度预警报告: the status as of a month's last day, with the alerted projects
/// ordered by severity, unpaid contracts, the use of carried-in money, unit summaries and the
/// department's cumulative payments against its plan month by month.
public struct MonthlyReport: Sendable {
    public var year: Int
    public var month: Int
    public var status: StatusReport
    /// Projects with at least one alert, worst first.
    public var alerted: [ProjectStatus]
    /// Contracts of the reported projects with money still unpaid, overdue first.
    public var unpaidContracts: [ContractStatus]
    /// Projects with money carried in from last year.
    public var carryovers: [CarryoverUse]
    /// Month 1…12: the department's plan and actual cumulative progress.
    public var curve: [CurvePoint]
    /// The first sum that does not fit in Int64 分, or nil (the report is then refused).
    public var overflow: String?

    public var asOf: CalendarDate { status.asOf }
    /// "2019-12"
    public var monthKey: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public struct CarryoverUse: Hashable, Sendable {
        public var projectID: String
        public var projectName: String
        public var carriedInFen: Int64
        public var consumedFen: Int64
        public var remainingFen: Int64
        public var ageDays: Int?
    }

    public struct CurvePoint: Hashable, Sendable {
        public var month: Int
        /// Budget-weighted plan at the month end (weights: budgets as of the report date).
        public var plannedBasisPoints: Int64
        /// Cumulative paid at the month end, for month ends on or before the report date.
        public var paidFen: Int64?
        public var actualBasisPoints: Int64?
    }

    public init?(journal: Journal, year: Int, month: Int, unit: String? = nil) {
        guard let asOf = CalendarDate.monthEnd(year: year, month: month) else { return nil }
        self.init(replay: YearReplay(journal: journal, asOf: asOf), unit: unit)
    }

    /// The report for the month in which `replay.asOf` falls (its last day, for a month's report).
    public init(replay: YearReplay, unit: String? = nil) {
        let asOf = replay.asOf
        let year = asOf.year, month = asOf.month
        self.year = year
        self.month = month
        status = StatusReport(replay: replay, unit: unit)
        overflow = status.overflow
        // Sort keys computed once per project (a province has thousands), then the order.
        let flagged = status.projects.filter { !$0.alerts.isEmpty }
        let keys = flagged.map { p in (status: p.status, reds: p.alerts.filter { $0.level == .red }.count, gap: p.gapBasisPoints) }
        alerted = flagged.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if x.status != y.status { return x.status > y.status }
            if x.reds != y.reds { return x.reds > y.reds }
            if x.gap != y.gap { return x.gap > y.gap }
            return a < b
        }.map { flagged[$0] }
        // Overdue first, each group in project order (a stable partition).
        let unpaid = status.projects.flatMap(\.contracts).filter { $0.unpaidFen > 0 }
        unpaidContracts = unpaid.filter(\.overdue) + unpaid.filter { !$0.overdue }
        carryovers = status.projects.filter { $0.figures.carriedInFen > 0 }.map { p in
            CarryoverUse(projectID: p.id, projectName: p.name, carriedInFen: p.figures.carriedInFen,
                         consumedFen: p.figures.carriedInFen - p.carriedInRemainingFen, remainingFen: p.carriedInRemainingFen,
                         ageDays: p.carriedInAgeDays)
        }
        let projects = status.projects
        let budget = status.totals.budgetFen
        var curveOverflow: String?
        curve = (1...12).compactMap { m in
            guard let monthEnd = CalendarDate.monthEnd(year: year, month: m) else { return nil }
            var weighted: Int128 = 0
            for p in projects {
                let plan = replay.plan(for: p.id, on: min(monthEnd, asOf))
                weighted += PlanClock.expectedNumerator(plan, at: monthEnd) * Int128(max(0, p.budgetFen))
            }
            let planned = budget > 0 ? Fraction.rounded(weighted, PlanClock.denominator(at: monthEnd) * Int128(budget)) : 0
            var paid: Int64?
            if monthEnd <= asOf {
                var sum = Totals()
                for p in projects { sum.add(replay.figures(p.id, atEndOf: m)?.paidFen ?? 0, to: \.paidFen, "\(m)月底累计支出合计") }
                paid = sum.paidFen
                if curveOverflow == nil { curveOverflow = sum.overflow }
            }
            return CurvePoint(month: m, plannedBasisPoints: planned, paidFen: paid,
                              actualBasisPoints: paid.map { Percent.basisPoints($0, of: budget) })
        }
        if overflow == nil { overflow = curveOverflow }
    }
}
