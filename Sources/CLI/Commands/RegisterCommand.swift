import Ledger
import Monitor

/// `fundflow register [PROJECT] [--from D] [--to D] [--format …] [-o FILE]`: the money
/// entries in date order with the project's available balance after each, in all five formats.
enum RegisterCommand {
    static func run(_ arguments: Arguments, paths: [String], clock: WallClock, environment: [String: String]) throws -> ExitCode {
        try arguments.requireOnly(["from", "to", "yuan", "exact", "no-color", "o", "format", "json", "csv"], command: "register")
        try arguments.positionalCount(0...1, usage: "fundflow register [项目] [--from 日期] [--to 日期] [--format text|csv|json|md|html] [-o 文件]")
        let format = try ReportOutput.format(arguments)
        _ = try ReportOutput.money(arguments)
        let from = try OptionValue.date(arguments, "from")
        let to = try OptionValue.date(arguments, "to")
        let journal: Journal
        switch ReportOutput.load(paths, clock: clock) {
        case .failure(let code): return code
        case .success(let value): journal = value
        }
        let project = arguments.positionals.first
        if let project, journal.projects[project] == nil {
            let known = journal.projectOrder
            let listing =
                known.isEmpty
                ? "日记账中还没有项目"
                : "日记账中的项目有：" + known.prefix(20).joined(separator: "、") + (known.count > 20 ? " 等 \(known.count) 个" : "")
            Output.err("fundflow: 错误: 没有项目“\(project)”\(Suggest.phrase(project, among: known))；\(listing)。请核对项目编号\n")
            return .invalid
        }
        Phases.mark("journal loaded")
        let register = Register(journal: journal, project: project, from: from, to: to)
        let style = ReportOutput.style(arguments, environment: environment, toFile: arguments.options["o"] != nil)
        let frame = try ReportOutput.frame(arguments, context: journal.context, health: ReportOutput.health(journal), environment: environment)
        return ReportOutput.emitReport(overflow: nil, health: frame.health, arguments, journals: paths) {
            Renderers.register(register, format: format, style: style, frame: frame)
        }
    }
}
