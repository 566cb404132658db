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
}
