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
    /// `year`: the year the report reads, recorded during the check.
    static func load(_ paths: [String], clock: WallClock, year: YearRequest? = nil) -> Result<Journal, ExitCode> {
        switch Validator.load(paths: paths, clock: clock, year: year) {
        case .failure(let failure):
            Output.err("\(failure)\n")
            return .failure(.file)
        case .success(let journal):
            if journal.hasErrors {
                let shown = journal.explained(limitPerCode: CheckCommand.shownPerCode, severity: .error)
                Output.err(DiagnosticPrinter.render(shown.shown, sources: journal.sources))
                Output.err("fundflow: 注意：日记账有 \(journal.errorCount) 个错误，上述分录未计入报表；请运行 fundflow check 并更正\n")
            }
            return .success(journal)
        }
    }

    /// What the journal's check found, for the report's banner and `journal_errors`.
    static func health(_ journal: Journal) -> JournalHealth {
        JournalHealth(errorCount: journal.errorCount, sealFailed: journal.sealFailed)
    }

    static func style(_ arguments: Arguments, environment: [String: String], toFile: Bool) -> TextStyle {
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let colour = !toFile && !noColour && !arguments.flags.contains("no-color") && isatty(1) == 1
        return TextStyle(colour: colour)
    }

    /// `--exact` (万元, every decimal), `--yuan` (元), else 万元 to 2 decimals.
    static func money(_ arguments: Arguments) throws -> MoneyFormat {
        let exact = arguments.flags.contains("exact"), yuan = arguments.flags.contains("yuan")
        if exact && yuan { throw UsageError("--exact 与 --yuan 只能选一个：--exact 显示精确万元，--yuan 显示元") }
        return exact ? .wanExact : yuan ? .yuan : .wan
    }

    /// The frame of a report: amount format, health, 编制单位, latest seal and 编制日期.
    static func frame(
        _ arguments: Arguments, context: JournalContext, health: JournalHealth,
        environment: [String: String]
    ) throws -> ReportFrame {
        ReportFrame(context: context, money: try money(arguments), health: health, preparedOn: preparedOn(environment))
    }

    /// 编制日期: today, or the day of `SOURCE_DATE_EPOCH` (seconds since 1970, read in China
    /// Standard Time) when set — the reproducible-builds convention, so that a report made
    /// twice from the same journal is the same file (the golden tests rely on it).
    static func preparedOn(_ environment: [String: String]) -> CalendarDate {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text), seconds >= 0,
            let date = CalendarDate(dayNumber: (seconds + 8 * 3600) / 86_400)
        {
            return date
        }
        return CalendarDate.today()
    }

    /// A report whose totals do not fit in Int64 分 is refused: a diagnostic and exit 1,
    /// never a wrapped number. Nil when the report may be printed.
    static func refuseOverflow(_ overflow: String?) -> ExitCode? {
        guard let overflow else { return nil }
        Output.err("fundflow: 错误: \(overflow)超出可计算范围（最多 \(Amount.groupedYuanString(Int64.max)) 元），无法出表：" + "请检查日记账中是否有金额多写了位数（fundflow register 逐笔列出金额），或按单位分别出表（status、report monthly、report carryover 的 --unit）\n")
        return .invalid
    }

    /// Writes a report unless its totals overflow; exit 1 when the journal has errors.
    /// Loads the journal, builds a report from it — a total that does not fit in Int64 分
    /// refuses the report, naming `overflowName` — and writes it inside the shared frame.
    static func emitJournalReport<Report>(
        _ paths: [String], clock: WallClock, _ arguments: Arguments, _ environment: [String: String], overflowName: String,
        build: (Journal) throws -> Report, render: (Report, ReportFrame) -> String
    ) throws -> ExitCode {
        let journal: Journal
        switch load(paths, clock: clock) {
        case .failure(let code): return code
        case .success(let value): journal = value
        }
        let health = health(journal)
        let frame = try frame(arguments, context: journal.context, health: health, environment: environment)
        guard let report = try? build(journal) else {
            return emitReport(overflow: overflowName, health: health, arguments, journals: paths) { "" }
        }
        return emitReport(overflow: nil, health: health, arguments, journals: paths) { render(report, frame) }
    }

    static func emitReport(overflow: String?, health: JournalHealth, _ arguments: Arguments, journals: [String], _ render: () -> String) -> ExitCode {
        if let refused = refuseOverflow(overflow) { return refused }
        Phases.mark("report built")
        let text = render()
        Phases.mark("rendered")
        let code = emit(text, arguments, journals: journals)
        Phases.mark("written")
        return code == .success && health.errorCount > 0 ? .invalid : code
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
    /// Writes output produced a piece at a time to -o FILE (atomically) or standard output.
    static func emitStreaming(_ arguments: Arguments, journals: [String], _ produce: ((ArraySlice<UInt8>) -> Void) -> Void) -> ExitCode {
        guard let path = arguments.options["o"] else {
            produce { Output.out(bytes: $0) }
            return .success
        }
        if let code = checkTarget(arguments, journals: journals) { return code }
        let failure = FileIO.writeStreaming(path: path) { write in
            withoutActuallyEscaping(write) { write in
                var ok = true
                produce { piece in if ok { ok = write(piece) } }
            }
        }
        if let failure {
            Output.err("fundflow: 错误: \(failure.reason)\n")
            return .file
        }
        Output.err("已写入 \(path)\n")
        return .success
    }

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
