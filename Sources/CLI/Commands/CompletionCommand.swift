import Ledger

/// `fundflow completion` — not built yet.
enum CompletionCommand {
    static func run(_ arguments: Arguments, paths: [String], today: CalendarDate, environment: [String: String]) throws -> ExitCode {
        throw UsageError("命令“completion”尚未实现")
    }
}
