import Ledger
import Monitor

/// `fundflow register [PROJECT] [--from D] [--to D]`: the money entries in date order with
/// the project's available balance after each.
enum RegisterCommand {
    static func run(_ arguments: Arguments, paths: [String], environment: [String: String]) throws -> ExitCode {
        try arguments.requireOnly(["from", "to", "yuan", "no-color", "o"], command: "register")
        try arguments.positionalCount(0...1, usage: "fundflow register [项目] [--from 日期] [--to 日期]")
        let from = try OptionValue.date(arguments, "from")
        let to = try OptionValue.date(arguments, "to")
        let journal: Journal
        switch ReportOutput.load(paths) {
        case .failure(let code): return code
        case .success(let value): journal = value
        }
        let project = arguments.positionals.first
        if let project, journal.projects[project] == nil {
            let known = journal.projectOrder
            let listing = known.isEmpty ? "日记账中还没有项目"
                : "日记账中的项目有：" + known.prefix(20).joined(separator: "、") + (known.count > 20 ? " 等 \(known.count) 个" : "")
            Output.err("fundflow: 错误: 没有项目“\(project)”\(Suggest.phrase(project, among: known))；\(listing)。请核对项目编号\n")
            return .invalid
        }
        let register = Register(journal: journal, project: project, from: from, to: to)
        let style = ReportOutput.style(arguments, environment: environment, toFile: arguments.options["o"] != nil)
        var table = TextTable(headers: ["日期", "项目", "动作", "金额", "可用余额", "凭证/文号", "摘要"],
                              alignments: [.left, .left, .left, .right, .right, .left, .left])
        for row in register.rows {
            let amount = row.changeFen < 0 ? "-" + style.money(row.amountFen) : style.money(row.amountFen)
            table.add([row.date.description, row.project, row.verb.chinese, row.verb == .contract ? style.dim("(" + style.money(row.amountFen) + ")") : amount,
                       style.money(row.availableAfterFen), DisplayWidth.truncate(row.reference, to: 24), DisplayWidth.truncate(row.memo, to: 30)])
        }
        let text = register.rows.isEmpty ? "（没有符合条件的分录）\n" : table.render() + "金额单位：\(style.moneyUnit)；合同金额在括号内，不影响余额\n"
        let code = ReportOutput.emit(text, arguments, journals: paths)
        return code == .success && journal.hasErrors ? .invalid : code
    }
}
