/// The checked journal: the records the reader made, the checker's verdict on each (accepted
/// or not), its findings, and the journal-wide facts. Reports count only accepted entries.
/// Everything else is derived on demand from these: the explained diagnostics (only those
/// asked for are put into words), the full entries (read again from the bytes), the balances
/// as of a date and the year's replay.
public struct Journal: Sendable {
    /// The journal's files in order (bytes only for journals read from memory).
    public var sources: [JournalSource]
    /// Lines in each file.
    public var lineCounts: [Int]
    public var context: JournalContext
    /// Whether each entry (index in file order) passed every rule.
    public var accepted: [Bool] { outcome.accepted }
    /// Entries counted by the checker (every line that reads as an entry).
    public var entryCount: Int { store.records.count }

    var store: RecordStore
    var outcome: Checker.Outcome
    let cache = JournalCache()

    /// Today in the journal's 时区 (nil when the journal was checked without a clock).
    public var today: CalendarDate? { outcome.today }

    init(store: RecordStore, outcome: Checker.Outcome, sources: [JournalSource]) {
        self.store = store
        self.outcome = outcome
        self.sources = sources
        lineCounts = store.files.map(\.lineCount)
        context = JournalContext(store: store, outcome: outcome)
    }

    public var settings: Settings { context.settings }
    public var projects: [String: ProjectDeclaration] { context.projects }
    /// Project IDs in declaration order.
    public var projectOrder: [String] { context.projectOrder }

    /// Entry indices in date order (file order among equal dates).
    public var dateOrder: [Int] { outcome.dateOrder.map { Int($0) } }

    /// Every entry in file order, read in full (payees, memos …); a 下达 without 类别 carries
    /// the kind the checker decided. Costly on a large journal: read once, then kept.
    public var entries: [Entry] {
        cache.entries { Materializer.entries(of: store, initialAllots: outcome.initialAllots) }
    }

    /// The journal as it stood before its last `count` entries were added: the same records
    /// checked again without them — no second reading of the files (an append tells the errors
    /// its new lines bring from the ones that were there).
    func withoutLast(_ count: Int, clock: WallClock?) -> Journal {
        var trimmed = store
        trimmed.records.removeLast(min(count, trimmed.records.count))
        var checker = Checker(trimmed, clock: clock)
        let outcome = checker.run()
        return Journal(store: checker.store, outcome: outcome, sources: sources)
    }

    /// Accepted entries in date order.
    public var acceptedInDateOrder: [Entry] {
        let all = entries
        return outcome.dateOrder.lazy.filter { self.outcome.accepted[Int($0)] }.map { all[Int($0)] }
    }
}

/// What is read from a journal once and kept (a value type's lazily computed parts).
final class JournalCache: @unchecked Sendable {
    private var materialized: [Entry]?
    private var explained: [Diagnostic]?
    private var counted: ProblemCounts?

    func counts(_ make: () -> ProblemCounts) -> ProblemCounts {
        if let counted { return counted }
        let made = make()
        counted = made
        return made
    }

    var materializedEntries: [Entry]? { materialized }

    func entries(_ make: () -> [Entry]) -> [Entry] {
        if let materialized { return materialized }
        let made = make()
        materialized = made
        return made
    }

    func diagnostics(_ make: () -> [Diagnostic]) -> [Diagnostic] {
        if let explained { return explained }
        let made = make()
        explained = made
        return made
    }
}

extension JournalContext {
    /// The journal-wide facts, from the accepted declarations, settings and seals.
    init(store: RecordStore, outcome: Checker.Outcome) {
        var projects: [String: ProjectDeclaration] = [:]
        var order: [String] = []
        var settings = Settings()
        var years = Set<Int>()
        var lastYear = Int.min
        for (index, record) in store.records.enumerated() where outcome.accepted[index] {
            switch record.verb {
            case .project:
                guard case .project(let declaration) = store.rare[Int(record.rare)].body else { continue }
                projects[declaration.id] = declaration
                order.append(declaration.id)
            case .set:
                if case .set(let change) = store.rare[Int(record.rare)].body { settings.apply(change) }
            case .allot, .reduce, .pay, .reverse, .carry, .lapse:
                if record.year != lastYear { lastYear = record.year; years.insert(record.year) }
            case .contract, .plan, .seal:
                break
            }
        }
        self.init(projects: projects, projectOrder: order, settings: settings, moneyYears: years.sorted(), seals: outcome.seals)
    }
}

/// parse → check: the one way a journal is loaded, from files or from memory.
public enum Validator {
    /// Reads the files and checks them as one journal. `clock` gives "today" in the journal's
    /// 时区 (the future-date warning); without it no date is in the future.
    /// `year`: the year a report will read, recorded during the check (`yearState(asOf:)` then
    /// replays nothing).
    public static func load(paths: [String], clock: WallClock? = nil, year: YearRequest? = nil) -> Result<Journal, FileFailure> {
        ByteSource.open(paths).flatMap { source in
            check(source, sources: paths.map { JournalSource(path: $0, bytes: []) }, clock: clock, tuning: JournalLoader.Tuning(), year: year)
        }
    }

    /// Checks a journal held in memory (its sources' bytes).
    public static func validate(_ parsed: ParsedJournal, clock: WallClock? = nil) -> Journal {
        validate(sources: parsed.sources, clock: clock)
    }

    public static func validate(sources: [JournalSource], clock: WallClock? = nil) -> Journal {
        let source = ByteSource(sources.map { .memory($0.bytes) })
        switch check(source, sources: sources, clock: clock, tuning: JournalLoader.Tuning()) {
        case .success(let journal): return journal
        case .failure(let failure): preconditionFailure("reading memory cannot fail: \(failure)")
        }
    }

    /// `tail`: where an append's new lines begin (a file and a byte offset in it); the
    /// checker then also judges the journal without them, in the same run.
    static func check(
        _ source: ByteSource, sources: [JournalSource], clock: WallClock?, tuning: JournalLoader.Tuning, tail: (file: Int, offset: Int)? = nil,
        year: YearRequest? = nil
    ) -> Result<Journal, FileFailure> {
        JournalLoader.read(source, paths: sources.map(\.path), tuning: tuning).map { store in
            let tailStart = tail.map { tail in
                // Records are in file order: the new ones are the last.
                var first = store.records.count
                while first > 0, Int(store.records[first - 1].file) == tail.file, Int(store.records[first - 1].offset) >= tail.offset { first -= 1 }
                return Int32(first)
            }
            var checker = Checker(store, clock: clock, tailStart: tailStart, year: year)
            let outcome = checker.run()
            return Journal(store: checker.store, outcome: outcome, sources: sources)
        }
    }
}
