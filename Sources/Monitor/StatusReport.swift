import Ledger

/// `fundflow status`: every reported project as of a date, unit subtotals, department totals.
public struct StatusReport: Sendable {
    public var asOf: CalendarDate
    public var organisation: String
    public var projects: [ProjectStatus]
    public var units: [UnitSummary]
    public var totals: Totals
    /// The years in which the journal moves money, for pointing an empty report elsewhere.
    public var yearsWithEntries: [Int]

    /// The first total that does not fit in Int64 分, or nil (see `Totals.overflow`).
    public var overflow: String? { totals.overflow ?? units.lazy.compactMap(\.totals.overflow).first }

    public init(journal: Journal, asOf: CalendarDate, unit: String? = nil) {
        self.init(replay: YearReplay(journal: journal, asOf: asOf), unit: unit)
    }

    public init(replay: YearReplay, unit: String? = nil) {
        asOf = replay.asOf
        organisation = replay.context.settings.organisation
        projects = StatusBuilder.projects(replay, unit: unit)
        units = UnitSummary.group(projects, asOf: asOf)
        totals = Totals(projects, asOf: asOf)
        yearsWithEntries = replay.context.moneyYears
    }
}
