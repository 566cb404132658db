/// What the reports of one year need from a date-ordered pass over the accepted entries up to
/// a date: the year's figures then, the figures at each month end already past, the contracts,
/// the plan changes and the reasons given. Both validators produce it — the full one from
/// `Journal` (`YearState(journal:asOf:)`), the compact one while it checks — so every report
/// reads the same plain value whichever way the journal was loaded.
public struct YearState: Hashable, Sendable {
    public var asOf: CalendarDate
    public var year: Int { asOf.year }
    /// Figures of `year` per project as of `asOf` (a project missing here has none).
    public var figures: [String: YearFigures] = [:]
    /// Figures of `year` per project at the end of month m (index m − 1), for every month
    /// end on or before `asOf`.
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

extension YearState {
    /// The replay of a validated journal's accepted entries up to `asOf`.
    public init(journal: Journal, asOf: CalendarDate) {
        self.init(asOf: asOf)
        var books = Books()
        var clock = MonthEndClock(asOf: asOf)
        func yearFigures() -> [String: YearFigures] {
            var result: [String: YearFigures] = [:]
            for (key, value) in books.figures where key.year == asOf.year { result[key.project] = value }
            return result
        }
        func snapshot(before date: CalendarDate?) {
            let due = clock.monthEndsBefore(date)
            guard due > 0 else { return }
            let current = yearFigures()
            for _ in 0..<due { monthEndFigures.append(current) }
        }
        for index in journal.dateOrder where journal.accepted[index] {
            let entry = journal.entries[index]
            if entry.date > asOf { break }
            if entry.date.year == asOf.year { snapshot(before: entry.date) }
            books.apply(entry)
            note(entry)
        }
        snapshot(before: nil)
        figures = yearFigures()
        contracts = books.contractOrder.compactMap { books.contracts[$0] }
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

extension Journal {
    public var context: JournalContext {
        var years = Set<Int>()
        var seals: [SealStamp] = []
        for (index, entry) in entries.enumerated() where accepted[index] {
            if entry.body.movesMoney { years.insert(entry.date.year) }
            if case .seal(let seal) = entry.body { seals.append(SealStamp(date: entry.date, sha256: seal.sha256)) }
        }
        return JournalContext(projects: projects, projectOrder: projectOrder, settings: settings, moneyYears: years.sorted(), seals: seals)
    }
}
