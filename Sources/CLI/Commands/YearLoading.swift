import Ledger
import Monitor

/// How report commands get a year's figures: the one checker reads the journal once, the
/// year is replayed from its accepted entries.
enum YearLoading {
    /// The year of `asOf` (or of today in the journal's 时区, when nil) replayed up to it, and
    /// the journal's health (reports then print with a banner, and exit 1 after listing the errors).
    static func replay(_ paths: [String], asOf: CalendarDate?, clock: WallClock) -> Result<(YearReplay, health: JournalHealth), ExitCode> {
        ReportOutput.load(paths, clock: clock, year: asOf.map { .asOf($0) } ?? .today).map { journal in
            let date = asOf ?? journal.today ?? journal.settings.today(clock)
            Phases.mark("journal loaded")
            let replay = YearReplay(journal: journal, asOf: date)
            Phases.mark("year replayed")
            return (replay, ReportOutput.health(journal))
        }
    }
}
