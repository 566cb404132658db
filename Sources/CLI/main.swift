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
            if let topic {
                guard let text = Help.command(topic) else { throw UsageError("没有命令“\(topic)”。运行 fundflow --help 查看全部命令") }
                Output.out(text + "\n")
            } else {
                Output.out(Help.overview + "\n")
            }
            return .success
        }
        let paths = arguments.resolvedJournalPaths(environment: environment)
        let today = CalendarDate.today()
        switch command {
        case "check", "检查":
            return try CheckCommand.run(arguments, paths: paths)
        case "seal", "封账":
            return try SealCommand.run(arguments, paths: paths, today: today)
        case "status", "状态":
            return try StatusCommand.run(arguments, paths: paths, today: today, environment: environment)
        case "report", "报表":
            return try ReportCommand.run(arguments, paths: paths, environment: environment)
        case "register", "明细":
            return try RegisterCommand.run(arguments, paths: paths, environment: environment)
        case "import", "导入":
            return try ImportCommand.run(arguments, paths: paths, today: today, environment: environment)
        case "export", "导出":
            return try ExportCommand.run(arguments, paths: paths, today: today, environment: environment)
        case "init", "新建":
            return try InitCommand.run(arguments, paths: paths, today: today, environment: environment)
        case "completion":
            return try CompletionCommand.run(arguments, paths: paths, today: today, environment: environment)
        default:
            if let verb = Verb.named(command), verb != .seal {
                return try RecordCommand.run(verb, arguments, paths: paths, today: today)
            }
            let known = ["check", "seal", "status", "report", "register", "import", "export", "init", "completion"] + Verb.allCases.flatMap { [$0.english, $0.chinese] } + ["检查", "help"]
            throw UsageError("没有命令“\(command)”\(Suggest.phrase(command, among: known))。运行 fundflow --help 查看全部命令")
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
exit(runFundflow(Array(CommandLine.arguments.dropFirst()), environment: environment).rawValue)
