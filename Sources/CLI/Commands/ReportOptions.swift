import Ledger
import Monitor
#if canImport(Glibc)
import Glibc
#endif

/// Shared handling of report options: loading the journal, the output format, colour, -o.
enum ReportOutput {
    enum Format: String { case text, md, csv, json, html }

    static func format(_ arguments: Arguments) throws -> Format {
        if arguments.flags.contains("json") { return .json }
        if arguments.flags.contains("csv") { return .csv }
        guard let text = arguments.options["format"] else { return .text }
        guard let format = Format(rawValue: text) else {
            throw UsageError("不支持的格式“\(text)”：可选 text、md、csv、json、html")
        }
        return format
    }

    /// Loads and validates the journal; errors are printed (reports still run on the accepted
    /// entries, but the exit code says the journal is invalid).
    static func load(_ paths: [String]) -> Result<Journal, ExitCode> {
        switch Validator.load(paths: paths) {
        case .failure(let failure):
            Output.err("\(failure)\n")
            return .failure(.file)
        case .success(let journal):
            if journal.hasErrors {
                Output.err(DiagnosticPrinter.render(journal.diagnostics.filter(\.isError), sources: journal.sources))
                Output.err("fundflow: 注意：日记账有 \(journal.diagnostics.errorCount) 个错误，上述分录未计入报表；请运行 fundflow check 并更正\n")
            }
            return .success(journal)
        }
    }

    static func style(_ arguments: Arguments, environment: [String: String], toFile: Bool) -> TextStyle {
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let colour = !toFile && !noColour && !arguments.flags.contains("no-color") && isatty(1) == 1
        return TextStyle(colour: colour, yuan: arguments.flags.contains("yuan"))
    }

    /// Refuses an `-o` target that must not be written: one of the journal's files, or an
    /// existing file that is not a regular file (exit 2); a folder that does not exist (exit 3).
    static func checkTarget(_ arguments: Arguments, journals: [String]) -> ExitCode? {
        guard let path = arguments.options["o"] else { return nil }
        if let refusal = JournalFiles.outputRefusal(path, journals: journals) {
            Output.err("fundflow: 错误: \(refusal)\n")
            return .usage
        }
        if let missing = JournalFiles.missingFolder(path) {
            Output.err("fundflow: 错误: \(missing)\n")
            return .file
        }
        return nil
    }

    /// Writes to -o FILE (atomically: a temporary file beside it, flushed, renamed) or to
    /// standard output. The target is checked again just before it is written.
    static func emit(_ text: String, _ arguments: Arguments, journals: [String]) -> ExitCode {
        guard let path = arguments.options["o"] else { Output.out(text); return .success }
        if let code = checkTarget(arguments, journals: journals) { return code }
        if let failure = FileIO.writeWhole(path: path, bytes: Array(text.utf8)) {
            Output.err("fundflow: 错误: \(failure.reason)\n")
            return .file
        }
        Output.err("已写入 \(path)\n")
        return .success
    }
}
