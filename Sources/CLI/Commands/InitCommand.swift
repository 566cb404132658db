import Ledger

/// `fundflow init` — not built yet.
enum InitCommand {
    static func run(_ arguments: Arguments, paths: [String], today: CalendarDate, environment: [String: String]) throws -> ExitCode {
        throw UsageError("命令“init”尚未实现")
    }
}
