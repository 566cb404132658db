import Ledger

/// The instant a command runs at: the system clock, or `FUNDFLOW_NOW` (a UTC time such as
/// `2026-01-01T01:00:00Z`, or seconds since 1970) so that tests and reproductions can fix
/// "today". What day that is depends on the journal's 时区 (`Settings.today`).
enum CommandClock {
    static func now(_ environment: [String: String]) throws -> WallClock {
        guard let text = environment["FUNDFLOW_NOW"], !text.isEmpty else { return .system() }
        guard let clock = WallClock.parse(text) else {
            throw UsageError("环境变量 FUNDFLOW_NOW 的值“\(text)”无效：应为 UTC 时刻，例如 2026-01-01T01:00:00Z，或自 1970 年起的秒数；不设则用系统时钟")
        }
        return clock
    }

    /// Today in the 时区 of the journal at `paths`, read without loading the journal (for a
    /// recording command's default `--date`).
    static func today(_ clock: WallClock, paths: [String]) -> Result<CalendarDate, ExitCode> {
        switch TimeZoneProbe.utcOffsetMinutes(paths: paths) {
        case .success(let minutes): return .success(clock.today(utcOffsetMinutes: minutes))
        case .failure(let failure):
            Output.err("\(failure)\n")
            return .failure(.file)
        }
    }
}
