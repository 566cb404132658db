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

    /// One month of the curve. A month end on or before the report date stands as it stood
    /// then — that day's budgets and plans — so a later report never rewrites what an
    /// earlier month's report said (spec §2); a later month end shows the plan only, weighted
    /// by the budgets as of the report date.
    public struct CurvePoint: Hashable, Sendable {
        public var month: Int
        /// The department's budget the month's percentages are of.
        public var budgetFen: Int64
        /// Budget-weighted plan at the month end.
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
            CarryoverUse(
                projectID: p.id, projectName: p.name, carriedInFen: p.figures.carriedInFen,
                consumedFen: p.figures.carriedInFen - p.carriedInRemainingFen, remainingFen: p.carriedInRemainingFen,
                ageDays: p.carriedInAgeDays)
        }
        let (points, curveOverflow) = MonthlyReport.curve(replay: replay, projects: status.projects, budgetFen: status.totals.budgetFen)
        curve = points
        if overflow == nil { overflow = curveOverflow }
    }

    /// Month 1…12 of the year: each past month end with its own figures (that month end's
    /// budget as the denominator), later ones planned only; the first sum that overflows, named.
    static func curve(replay: YearReplay, projects: [ProjectStatus], budgetFen: Int64) -> ([CurvePoint], overflow: String?) {
        let months = (1...12).compactMap { m in CalendarDate.monthEnd(year: replay.year, month: m).map { (month: m, end: $0) } }
        // Project by project (each one's plans looked up once), every month's sums in step:
        // the same additions in the same order as month by month.
        var sums = [Totals](repeating: Totals(), count: months.count)
        var weighted = [Int128](repeating: 0, count: months.count)
        for p in projects {
            let plans = replay.plans(for: p.id)
            for (slot, (m, monthEnd)) in months.enumerated() {
                let past = monthEnd <= replay.asOf
                let figures = past ? (replay.figures(p.id, atEndOf: m) ?? YearFigures()) : p.figures
                let plan = plans.plan(on: min(monthEnd, replay.asOf))
                weighted[slot] += PlanClock.expectedNumerator(plan, at: monthEnd) * Int128(max(0, figures.budgetFen))
                sums[slot].add(figures.budgetFen, to: \.budgetFen, "\(m)月底预算合计")
                sums[slot].add(figures.paidFen, to: \.paidFen, "\(m)月底累计支出合计")
            }
        }
        var curveOverflow: String?
        let points = months.enumerated().map { slot, month -> CurvePoint in
            let (m, monthEnd) = month
            let past = monthEnd <= replay.asOf
            let sum = sums[slot]
            if curveOverflow == nil { curveOverflow = sum.overflow }
            let budget = past ? sum.budgetFen : budgetFen
            let planned = budget > 0 ? Fraction.rounded(weighted[slot], PlanClock.denominator(at: monthEnd) * Int128(budget)) : 0
            return CurvePoint(
                month: m, budgetFen: budget, plannedBasisPoints: planned, paidFen: past ? sum.paidFen : nil,
                actualBasisPoints: past ? Percent.basisPoints(sum.paidFen, of: budget) : nil)
        }
        return (points, curveOverflow)
    }
}
