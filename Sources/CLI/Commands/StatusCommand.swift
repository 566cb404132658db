import Ledger
import Monitor

/// `fundflow status [--as-of D] [--unit U] [--json|--csv]`.
enum StatusCommand {
    static func run(_ arguments: Arguments, paths: [String], clock: WallClock, environment: [String: String]) throws -> ExitCode {
        try arguments.requireOnly(["as-of", "unit", "json", "csv", "format", "o", "yuan", "exact", "no-color"], command: "status")
        try arguments.positionalCount(0...0, usage: "fundflow status [--as-of 日期] [--unit 单位] [--json|--csv]")
        let asOf = try OptionValue.date(arguments, "as-of")
        let format = try ReportOutput.format(arguments)
        _ = try ReportOutput.money(arguments)
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
}
