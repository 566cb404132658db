import Ledger
import Monitor

/// How report commands get a year's figures: the one checker reads the journal, the year is
/// replayed from its accepted entries.
enum YearLoading {
    /// The year of `asOf` replayed up to it, the journal (for its health), and whether it has
    /// errors (reports then print, but exit 1 after listing them).
    static func replay(_ paths: [String], asOf: CalendarDate, today: CalendarDate) -> Result<(YearReplay, invalid: Bool), ExitCode> {
        ReportOutput.load(paths, today: today).map { journal in (YearReplay(journal: journal, asOf: asOf), journal.hasErrors) }
    }
}
