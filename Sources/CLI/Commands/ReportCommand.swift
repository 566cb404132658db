import Ledger
import Monitor

/// `fundflow report monthly|carryover|indicators`.
enum ReportCommand {
    static let usage = """
    fundflow report monthly --month YYYY-MM [--unit 单位] [--format text|md|csv|json|html] [-o 文件]
    fundflow report carryover --year YYYY [--unit 单位] [--format …] [-o 文件]
    fundflow report indicators --year YYYY [--format …] [-o 文件]
    """

    static func run(_ arguments: Arguments, paths: [String], environment: [String: String]) throws -> ExitCode {
        guard let kind = arguments.positionals.first else { throw UsageError("缺少报表种类。用法：\n\(usage)") }
        try arguments.positionalCount(1...1, usage: usage)
        let format = try ReportOutput.format(arguments)
        let style = ReportOutput.style(arguments, environment: environment, toFile: arguments.options["o"] != nil)
        switch kind {
        case "monthly", "月报":
            try arguments.requireOnly(["month", "unit", "format", "o", "yuan", "no-color", "json", "csv"], command: "report monthly")
            guard let text = arguments.options["month"] else { throw UsageError("月报须给出 --month YYYY-MM，例如 --month 2019-12") }
            let monthEnd = try OptionValue.monthEnd(text)
            return render(paths, asOf: monthEnd, arguments, environment) { replay in
                Renderers.monthly(MonthlyReport(replay: replay, unit: arguments.options["unit"]), format: format, style: style)
            }
        case "carryover", "结转":
            try arguments.requireOnly(["year", "unit", "format", "o", "yuan", "no-color", "json", "csv"], command: "report carryover")
            let yearEnd = try yearEndOption(arguments)
            return render(paths, asOf: yearEnd, arguments, environment) { replay in
                Renderers.carryover(CarryoverStatement(replay: replay, unit: arguments.options["unit"]), format: format, style: style)
            }
        case "indicators", "指标":
            try arguments.requireOnly(["year", "format", "o", "yuan", "no-color", "json", "csv"], command: "report indicators")
            let yearEnd = try yearEndOption(arguments)
            return render(paths, asOf: yearEnd, arguments, environment) { replay in
                Renderers.indicators(Indicators(replay: replay), format: format, style: style)
            }
        default:
            throw UsageError("没有报表“\(kind)”\(DidYouMean.phrase(kind, among: ["monthly", "carryover", "indicators", "月报", "结转", "指标"]))。用法：\n\(usage)")
        }
    }

    /// The last day of the year given by --year.
    static func yearEndOption(_ arguments: Arguments) throws -> CalendarDate {
        guard let text = arguments.options["year"] else { throw UsageError("须给出 --year YYYY，例如 --year 2019") }
        guard let yearEnd = CalendarDate.yearEnd(try OptionValue.year(text)) else { throw UsageError("年度“\(text)”无效") }
        return yearEnd
    }

    static func render(_ paths: [String], asOf: CalendarDate, _ arguments: Arguments, _ environment: [String: String],
                       _ make: (YearReplay) -> String) -> ExitCode {
        let replay: YearReplay, invalid: Bool
        switch YearLoading.replay(paths, asOf: asOf, environment: environment) {
        case .failure(let code): return code
        case .success(let value): (replay, invalid) = value
        }
        let code = ReportOutput.emit(make(replay), arguments, journals: paths)
        return code == .success && invalid ? .invalid : code
    }
}
