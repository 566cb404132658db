import Ledger
import Monitor

/// How report commands get a year's figures: the one checker reads the journal, the year is
/// replayed from its accepted entries.
enum YearLoading {
    /// The year of `asOf` replayed up to it, and the journal's health (reports then print
    /// with a banner, and exit 1 after listing the errors).
    static func replay(_ paths: [String], asOf: CalendarDate, today: CalendarDate) -> Result<(YearReplay, health: JournalHealth), ExitCode> {
        ReportOutput.load(paths, today: today).map { journal in (YearReplay(journal: journal, asOf: asOf), ReportOutput.health(journal)) }
    }
}
