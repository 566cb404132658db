import Ledger

/// A year's figures as of a date (`YearState`) together with the journal-wide facts
/// (`JournalContext`), and the questions reports ask of them.
public struct YearReplay: Sendable {
    public let context: JournalContext
    public let state: YearState
    public var asOf: CalendarDate { state.asOf }
    public var year: Int { state.year }

    public init(context: JournalContext, state: YearState) {
        self.context = context
        self.state = state
    }

    /// Replays a validated journal's accepted entries up to `asOf`.
    public init(journal: Journal, asOf: CalendarDate) {
        self.init(context: journal.context, state: journal.yearState(asOf: asOf))
    }

    public var reasons: [String: [String]] { state.reasons }

    public func figures(_ project: String) -> YearFigures { state.figures[project] ?? YearFigures() }

    /// The figures at the end of month `month` of the year, if that day is on or before `asOf`.
    public func figures(_ project: String, atEndOf month: Int) -> YearFigures? {
        guard month >= 1, month <= state.monthEndFigures.count else { return nil }
        return state.monthEndFigures[month - 1][project] ?? YearFigures()
    }

    /// The plan in force for a project on `date` (within the year): the latest 计划 entry of
    /// the year dated on or before it, else the project's declared plan, else 默认计划.
    public func plan(for project: String, on date: CalendarDate) -> DisbursementPlan {
        plans(for: project).plan(on: date)
    }

    /// A project's plans in the year, for asking `plan(for:on:)` of many dates.
    public func plans(for project: String) -> PlanHistory {
        PlanHistory(changes: state.planChanges[project] ?? [], declared: context.projects[project]?.plan ?? context.settings.defaultPlan)
    }

    /// One project's 计划 entries of the year and the plan it had before them.
    public struct PlanHistory: Sendable {
        let changes: [YearState.PlanChangeOn]
        /// The project's declared plan, else 默认计划.
        let declared: DisbursementPlan

        /// The latest 计划 entry dated on or before `date`, else the declared plan.
        public func plan(on date: CalendarDate) -> DisbursementPlan {
            changes.last(where: { $0.date <= date })?.plan ?? declared
        }
    }

    /// Projects reported for the year: those with a budget, or with money moving in the year
    /// up to `asOf`, or with an unpaid contract, in declaration order.
    public var reportedProjects: [String] {
        var owing = Set<String>()
        for contract in state.contracts where contract.unpaidFen > 0 { owing.insert(contract.signing.project) }
        return context.projectOrder.filter { id in
            let figures = figures(id)
            return figures.budgetFen != 0 || figures.carriedInFen != 0 || state.activeProjects.contains(id) || owing.contains(id)
        }
    }

    /// The contracts a report of the year shows: those signed in the year up to `asOf`, and
    /// those of earlier years still unpaid — contracts outlive their year until paid (spec §1
    /// Alerts), while one settled in an earlier year is that year's history.
    public var reportedContracts: [ContractState] {
        state.contracts.filter { $0.date.year == year || ($0.date.year < year && $0.unpaidFen > 0) }
    }
}
