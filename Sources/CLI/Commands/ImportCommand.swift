import Ledger

/// `fundflow import` — not built yet.
enum ImportCommand {
    static func run(_ arguments: Arguments, paths: [String], today: CalendarDate, environment: [String: String]) throws -> ExitCode {
        throw UsageError("命令“import”尚未实现")
    }
}
