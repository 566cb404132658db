import Ledger

/// `fundflow export` — not built yet.
enum ExportCommand {
    static func run(_ arguments: Arguments, paths: [String], today: CalendarDate, environment: [String: String]) throws -> ExitCode {
        throw UsageError("命令“export”尚未实现")
    }
}
