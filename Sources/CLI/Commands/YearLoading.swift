import Ledger
import Monitor

/// How commands get a journal's figures: the compact loader first (fast, small, for clean
/// journals), the full validator when it finds anything to report. `FUNDFLOW_LOADER=full`
/// skips the compact loader — for comparing the two, never needed in normal use.
enum YearLoading {
    static func compactAllowed(_ environment: [String: String]) -> Bool {
        environment["FUNDFLOW_LOADER"] != "full"
    }

    /// The year of `asOf` replayed up to it, and the journal's health (reports then print
    /// with a banner, and exit 1 after listing the errors). The compact loader only answers
    /// `.clean` for a journal without any diagnostic, so its journals have no errors.
    static func replay(_ paths: [String], asOf: CalendarDate, environment: [String: String]) -> Result<(YearReplay, health: JournalHealth), ExitCode> {
        if compactAllowed(environment) {
            switch CompactLoader.load(paths: paths, yearAsOf: asOf) {
            case .clean(let clean):
                if let state = clean.year { return .success((YearReplay(context: clean.context, state: state), .clean)) }
            case .failure(let failure):
                Output.err("\(failure)\n")
                return .failure(.file)
            case .needsFullValidation:
                break
            }
        }
        return ReportOutput.load(paths).map { journal in (YearReplay(journal: journal, asOf: asOf), ReportOutput.health(journal)) }
    }
}
