import Ledger

/// 年终结转结余表: per project and unit, what came in, what was spent, what is carried to
/// next year, returned, or left unresolved at 12-31.
public struct CarryoverStatement: Sendable {
    public var year: Int
    public var organisation: String
    public var rows: [Row]
    public var units: [UnitSummary]
    public var totals: Totals

    /// The first total that does not fit in Int64 分, or nil (see `Totals.overflow`).
    public var overflow: String? { totals.overflow ?? units.lazy.compactMap(\.totals.overflow).first }

    public struct Row: Hashable, Sendable {
        public var project: ProjectStatus
        /// Money neither spent, carried nor returned (available at 12-31).
        public var unresolvedFen: Int64 { project.availableFen }
        public var reasons: [String]
    }

    public init?(journal: Journal, year: Int, unit: String? = nil) {
        guard let yearEnd = CalendarDate.yearEnd(year) else { return nil }
        self.init(replay: YearReplay(journal: journal, asOf: yearEnd), unit: unit)
    }

    /// The statement of `replay.year`, as of `replay.asOf` (the year end, for the real statement).
    public init(replay: YearReplay, unit: String? = nil) {
        let yearEnd = replay.asOf
        year = replay.year
        organisation = replay.context.settings.organisation
        let projects = StatusBuilder.projects(replay, unit: unit)
        rows = projects.map { Row(project: $0, reasons: replay.reasons[$0.id] ?? []) }
        units = UnitSummary.group(projects, asOf: yearEnd)
        totals = Totals(projects, asOf: yearEnd)
    }
}
