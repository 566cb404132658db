import Ledger
import Monitor

/// `fundflow status [--as-of D] [--unit U | --by 分类] [--json|--csv]`.
enum StatusCommand {
    static func run(_ arguments: Arguments, paths: [String], clock: WallClock, environment: [String: String]) throws -> ExitCode {
        try arguments.requireOnly(["as-of", "unit", "by", "json", "csv", "format", "o", "yuan", "exact", "no-color"], command: "status")
        try arguments.positionalCount(0...0, usage: "fundflow status [--as-of 日期] [--unit 单位 | --by 资金性质|科目|经济科目|单位|标签] [--json|--csv]")
        let asOf = try OptionValue.date(arguments, "as-of")
        let format = try ReportOutput.format(arguments)
        _ = try ReportOutput.money(arguments)
        if let by = arguments.options["by"] {
            return try grouped(by, asOf: asOf, format: format, arguments, paths: paths, clock: clock, environment: environment)
        }
        let replay: YearReplay, health: JournalHealth
        switch YearLoading.replay(paths, asOf: asOf, clock: clock) {
        case .failure(let code): return code
        case .success(let value): (replay, health) = value
        }
        let report = StatusReport(replay: replay, unit: arguments.options["unit"])
        if let unit = arguments.options["unit"], report.projects.isEmpty {
            let units = Set(replay.context.projects.values.compactMap(\.unit)).sorted()
            Output.err("fundflow: 注意：单位“\(unit)”下没有项目\(Suggest.phrase(unit, among: units))；日记账中的单位有：\(units.joined(separator: "、"))\n")
        }
        let style = ReportOutput.style(arguments, environment: environment, toFile: arguments.options["o"] != nil)
        let frame = try ReportOutput.frame(arguments, context: replay.context, health: health, environment: environment)
        return ReportOutput.emitReport(overflow: report.overflow, health: health, arguments, journals: paths) {
            Renderers.status(report, format: format, style: style, frame: frame)
        }
    }

    /// `status --by`: the same figures grouped along one classification. It needs each
    /// payment's 经济科目, read again from the payment's line.
    static func grouped(
        _ by: String, asOf: CalendarDate?, format: ReportOutput.Format, _ arguments: Arguments,
        paths: [String], clock: WallClock, environment: [String: String]
    ) throws -> ExitCode {
        guard let grouping = GroupedStatus.Grouping.named(by) else {
            let names = GroupedStatus.Grouping.allCases.flatMap { [$0.rawValue, $0.english] }
            throw UsageError("--by 的值“\(by)”无效\(DidYouMean.phrase(by, among: names))：可选 资金性质、科目、经济科目、单位、标签（或 fund、code、econ、unit、tags）")
        }
        if arguments.options["unit"] != nil { throw UsageError("--by 与 --unit 不能同时使用：按单位分组请用 --by 单位") }
        let style = ReportOutput.style(arguments, environment: environment, toFile: arguments.options["o"] != nil)
        return try ReportOutput.emitJournalReport(
            paths, clock: clock, arguments, environment, overflowName: "按\(grouping.rawValue)分组的金额合计",
            build: { journal in try GroupedStatus(journal: journal, asOf: asOf ?? journal.today ?? journal.settings.today(clock), by: grouping) },
            render: { report, frame in Renderers.grouped(report, format: format, style: style, frame: frame) })
    }
}
