import Ledger
#if canImport(Glibc)
import Glibc
#endif

/// Wiring only: parse the command line, run the command, exit with its code.
func runFundflow(_ argv: [String], environment: [String: String]) -> ExitCode {
    do {
        let arguments = try Arguments.parse(argv)
        if arguments.wantsVersion { Output.out(Help.version + "\n"); return .success }
        guard let command = arguments.command else {
            Output.out(Help.overview + "\n")
            return arguments.wantsHelp ? .success : .usage
        }
        if command == "help" || arguments.wantsHelp {
            let topic = command == "help" ? arguments.positionals.first : command
            if let topic, command == "help", let manual = HelpManual.text(topic) {
                Output.out(manual)
            } else if let topic {
                guard let text = Help.command(topic) else {
                    throw UsageError("没有命令“\(topic)”\(DidYouMean.phrase(topic, among: Help.commandWords + HelpManual.words))。运行 fundflow --help 查看全部命令")
                }
                Output.out(text + "\n")
            } else {
                Output.out(Help.overview + "\n")
            }
            return .success
        }
        let paths = arguments.resolvedJournalPaths(environment: environment)
        try JournalFiles.requireDistinct(paths)
        if let code = ReportOutput.checkTarget(arguments, journals: paths) { return code }
        if !(command == "completion" && arguments.positionals.first?.hasPrefix("__") != true) {
            JournalFiles.recover(paths, arguments)  // before any command reads the journal
        }
        let clock = try CommandClock.now(environment)
        switch command {
        case "check", "检查":
            return try CheckCommand.run(arguments, paths: paths, clock: clock)
        case "seal", "封账":
            return try SealCommand.run(arguments, paths: paths, clock: clock)
        case "status", "状态":
            return try StatusCommand.run(arguments, paths: paths, clock: clock, environment: environment)
        case "report", "报表":
            return try ReportCommand.run(arguments, paths: paths, clock: clock, environment: environment)
        case "register", "明细":
            return try RegisterCommand.run(arguments, paths: paths, clock: clock, environment: environment)
        case "import", "导入":
            return try ImportCommand.run(arguments, paths: paths, clock: clock, environment: environment)
        case "export", "导出":
            return try ExportCommand.run(arguments, paths: paths, clock: clock, environment: environment)
        case "init", "新建":
            return try InitCommand.run(arguments, paths: paths, clock: clock, environment: environment)
        case "completion":
            return try CompletionCommand.run(arguments, paths: paths, clock: clock, environment: environment)
        default:
            if let verb = Verb.named(command), verb != .seal {
                return try RecordCommand.run(verb, arguments, paths: paths, clock: clock, environment: environment)
            }
            throw UsageError("没有命令“\(command)”\(DidYouMean.phrase(command, among: Help.commandWords))。运行 fundflow --help 查看全部命令")
        }
    } catch let error as UsageError {
        Output.err("fundflow: 错误: \(error.message)\n")
        return .usage
    } catch {
        Output.err("fundflow: 错误: \(error)\n")
        return .usage
    }
}

var environment: [String: String] = [:]
var pointer = environ
while let entry = pointer.pointee {
    let text = String(cString: entry)
    if let equals = text.firstIndex(of: "=") {
        environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    pointer += 1
}
// An argument that is not UTF-8 (a GBK terminal or script) would reach the journal as U+FFFD
// replacement characters: refuse it before anything is read or written.
for index in 1..<Int(CommandLine.argc) {
    guard let argument = CommandLine.unsafeArgv[index], String(validatingCString: argument) == nil else { continue }
    Output.err("fundflow: 错误: 第 \(index) 个参数不是有效的 UTF-8 文本：请把终端或脚本文件的编码设为 UTF-8 后重试（GBK 等编码的中文会变成乱码）\n")
    exit(ExitCode.usage.rawValue)
}
exit(runFundflow(Array(CommandLine.arguments.dropFirst()), environment: environment).rawValue)
