import Ledger
import Monitor

/// How commands get a journal's figures: the compact loader first (fast, small, for clean
/// journals), the full validator when it finds anything to report. `FUNDFLOW_LOADER=full`
/// skips the compact loader — for comparing the two, never needed in normal use.
enum YearLoading {
    static func compactAllowed(_ environment: [String: String]) -> Bool {
        environment["FUNDFLOW_LOADER"] != "full"
    }

    /// The year of `asOf` replayed up to it, and whether the journal has errors (reports
    /// then print, but exit 1 after listing them).
    static func replay(_ paths: [String], asOf: CalendarDate, environment: [String: String]) -> Result<(YearReplay, invalid: Bool), ExitCode> {
        if compactAllowed(environment) {
            switch CompactLoader.load(paths: paths, yearAsOf: asOf) {
            case .clean(let clean):
                if let state = clean.year { return .success((YearReplay(context: clean.context, state: state), false)) }
            case .failure(let failure):
                Output.err("\(failure)\n")
                return .failure(.file)
            case .needsFullValidation:
                break
            }
        }
        return ReportOutput.load(paths).map { journal in (YearReplay(journal: journal, asOf: asOf), journal.hasErrors) }
    }

    /// As of `asOf`, or of today in the journal's 时区 when it is nil. The 时区 is known only
    /// once the journal is read: the year is replayed to today in China Standard Time, and
    /// again in the rare case that the journal's own 时区 puts today on another day.
    static func replay(_ paths: [String], asOf: CalendarDate?, clock: WallClock, environment: [String: String]) -> Result<(YearReplay, invalid: Bool), ExitCode> {
        if let asOf { return replay(paths, asOf: asOf, environment: environment) }
        let guess = Settings().today(clock)
        let first = replay(paths, asOf: guess, environment: environment)
        guard case .success(let (loaded, _)) = first else { return first }
        let today = loaded.context.settings.today(clock)
        return today == guess ? first : replay(paths, asOf: today, environment: environment)
    }
}
