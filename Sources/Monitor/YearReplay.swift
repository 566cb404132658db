import Ledger

/// One pass over the accepted entries in date order up to `asOf`, keeping what the reports
/// of year `asOf.year` need: the books as of that date, each project's figures at every
/// month end of the year already past, the plan changes, and the reasons given for carry-overs
/// and lapses.
public struct YearReplay: Sendable {
    public let journal: Journal
    public let asOf: CalendarDate
    public var year: Int { asOf.year }
    public private(set) var books = Books()
    /// Figures of year `year` for every project at the end of month m (index m − 1), for
    /// every month end on or before `asOf`.
    public private(set) var monthEndFigures: [[String: YearFigures]] = []
    /// Plan changes (计划 entries) dated in the year up to `asOf`, per project, in date order.
    public private(set) var planChanges: [String: [(date: CalendarDate, plan: DisbursementPlan)]] = [:]
    /// 结转/收回 reasons given in the year, per project.
    public private(set) var reasons: [String: [String]] = [:]
    /// Accepted entries of the year up to `asOf`, in date order (for the register and charts).
    public private(set) var entriesOfYear: [Entry] = []
    /// Projects named by any verb but 项目, 计划, 设置, 封账 in the year up to `asOf`.
    public private(set) var activeProjects: Set<String> = []

    public init(journal: Journal, asOf: CalendarDate) {
        self.journal = journal
        self.asOf = asOf
        var nextMonth = 1
        func snapshot(through date: CalendarDate?) {
            // Record every month end of the year that lies before `date` (all remaining up to asOf when nil).
            while nextMonth <= 12, let monthEnd = CalendarDate.monthEnd(year: asOf.year, month: nextMonth), monthEnd <= asOf {
                if let date, date <= monthEnd { return }
                monthEndFigures.append(currentYearFigures())
                nextMonth += 1
            }
        }
        for index in journal.dateOrder where journal.accepted[index] {
            let entry = journal.entries[index]
            if entry.date > asOf { break }
            if entry.date.year == asOf.year { snapshot(through: entry.date) }
            books.apply(entry)
            guard entry.date.year == asOf.year else { continue }
            entriesOfYear.append(entry)
            if let project = entry.body.projectID, entry.verb != .project, entry.verb != .plan { activeProjects.insert(project) }
            switch entry.body {
            case .plan(let change): planChanges[change.project, default: []].append((entry.date, change.plan))
            case .carry(let carry): if let reason = carry.reason { reasons[carry.project, default: []].append(reason) }
            case .lapse(let lapse): if let reason = lapse.reason { reasons[lapse.project, default: []].append(reason) }
            default: break
            }
        }
        snapshot(through: nil)
    }

    private func currentYearFigures() -> [String: YearFigures] {
        var result: [String: YearFigures] = [:]
        for (key, value) in books.figures where key.year == asOf.year { result[key.project] = value }
        return result
    }

    public func figures(_ project: String) -> YearFigures { books.figures(project, year: year) }

    /// The figures at the end of month `month` of the year, if that day is on or before `asOf`.
    public func figures(_ project: String, atEndOf month: Int) -> YearFigures? {
        guard month >= 1, month <= monthEndFigures.count else { return nil }
        return monthEndFigures[month - 1][project] ?? YearFigures()
    }

    /// The plan in force for a project on `date` (within the year): the latest 计划 entry of
    /// the year dated on or before it, else the project's declared plan, else 默认计划.
    public func plan(for project: String, on date: CalendarDate) -> DisbursementPlan {
        if let change = planChanges[project]?.last(where: { $0.date <= date }) { return change.plan }
        return journal.projects[project]?.plan ?? journal.settings.defaultPlan
    }

    /// Projects reported for the year: those with a budget, or with money moving in the year
    /// up to `asOf`, in declaration order.
    public var reportedProjects: [String] {
        journal.projectOrder.filter { id in
            let figures = figures(id)
            return figures.budgetFen != 0 || figures.carriedInFen != 0 || activeProjects.contains(id)
        }
    }
}
