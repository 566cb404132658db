/// What the reports of one year need from a date-ordered pass over the accepted entries up to
/// a date: the year's figures then, the figures at each month end already past, the contracts,
/// the plan changes and the reasons given. `Journal.yearState(asOf:)` replays it from the
/// accepted records; every report reads this plain value.
public struct YearState: Hashable, Sendable {
    public var asOf: CalendarDate
    public var year: Int { asOf.year }
    /// Figures of `year` per project as of `asOf` (a project missing here has none; one with
    /// figures only at other times of the replay may be here with zero figures).
    public var figures: [String: YearFigures] = [:]
    /// Figures of `year` per project at the end of month m (index m − 1), for every month
    /// end on or before `asOf` (missing or zero alike: none yet).
    public var monthEndFigures: [[String: YearFigures]] = []
    /// Contracts signed on or before `asOf`, in the order they were signed, with what was
    /// paid against them by then.
    public var contracts: [ContractState] = []
    /// 计划 entries dated in the year up to `asOf`, per project, in date order.
    public var planChanges: [String: [PlanChangeOn]] = [:]
    /// 结转/收回 reasons given in the year up to `asOf`, per project.
    public var reasons: [String: [String]] = [:]
    /// Projects named by any verb but 项目 and 计划 in the year up to `asOf`.
    public var activeProjects: Set<String> = []

    public init(asOf: CalendarDate) { self.asOf = asOf }

    /// A plan that took effect on a date.
    public struct PlanChangeOn: Hashable, Sendable {
        public var date: CalendarDate
        public var plan: DisbursementPlan
    }

    /// Notes what an accepted entry of the year says besides money (plans, reasons, activity).
    mutating func note(_ entry: Entry) {
        guard entry.date.year == year else { return }
        if let project = entry.body.projectID, entry.verb != .project, entry.verb != .plan { activeProjects.insert(project) }
        switch entry.body {
        case .plan(let change): planChanges[change.project, default: []].append(PlanChangeOn(date: entry.date, plan: change.plan))
        case .carry(let carry): if let reason = carry.reason { reasons[carry.project, default: []].append(reason) }
        case .lapse(let lapse): if let reason = lapse.reason { reasons[lapse.project, default: []].append(reason) }
        default: break
        }
    }
}

/// Which month ends of the as-of year fall before the next entry: a replay takes a snapshot of
/// the year's figures at each of them, before applying the first entry dated after it.
struct MonthEndClock {
    let asOf: CalendarDate
    private var nextMonth = 1

    init(asOf: CalendarDate) { self.asOf = asOf }

    /// How many month ends (on or before `asOf`) lie strictly before `date` and have not been
    /// counted yet; all that remain when `date` is nil (the end of the replay).
    mutating func monthEndsBefore(_ date: CalendarDate?) -> Int {
        var count = 0
        while nextMonth <= 12, let monthEnd = CalendarDate.monthEnd(year: asOf.year, month: nextMonth), monthEnd <= asOf {
            if let date, date <= monthEnd { break }
            count += 1
            nextMonth += 1
        }
        return count
    }
}

/// The journal-wide facts every report needs besides the year's figures.
public struct JournalContext: Hashable, Sendable {
    public var projects: [String: ProjectDeclaration]
    /// Project IDs in declaration order.
    public var projectOrder: [String]
    public var settings: Settings
    /// The years in which accepted entries move money, ascending.
    public var moneyYears: [Int]
    /// Every valid seal, in file order (the last one is what a report's foot shows).
    public var seals: [SealStamp]

    public init(projects: [String: ProjectDeclaration], projectOrder: [String], settings: Settings, moneyYears: [Int], seals: [SealStamp] = []) {
        self.projects = projects
        self.projectOrder = projectOrder
        self.settings = settings
        self.moneyYears = moneyYears
        self.seals = seals
    }

    /// The seal with the latest date, if any.
    public var latestSeal: SealStamp? { seals.max { $0.date < $1.date } }
}
