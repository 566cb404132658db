import Ledger
import Monitor

/// `fundflow report monthly|carryover|indicators`.
enum ReportCommand {
    static let usage = """
        fundflow report monthly --month YYYY-MM [--unit 单位] [--format text|md|csv|json|html] [-o 文件]
        fundflow report carryover --year YYYY [--unit 单位] [--format …] [-o 文件]
        fundflow report indicators --year YYYY [--format …] [-o 文件]
        fundflow report final --year YYYY [--format …] [-o 文件]
        fundflow report selfeval --year YYYY [--format …] [-o 文件]
        """

    static func run(_ arguments: Arguments, paths: [String], clock: WallClock, environment: [String: String]) throws -> ExitCode {
        guard let kind = arguments.positionals.first else { throw UsageError("缺少报表种类。用法：\n\(usage)") }
        try arguments.positionalCount(1...1, usage: usage)
        let format = try ReportOutput.format(arguments)
        let style = ReportOutput.style(arguments, environment: environment, toFile: arguments.options["o"] != nil)
        switch kind {
        case "monthly", "月报":
            try arguments.requireOnly(["month", "unit", "format", "o", "yuan", "exact", "no-color", "json", "csv"], command: "report monthly")
            guard let text = arguments.options["month"] else { throw UsageError("月报须给出 --month YYYY-MM，例如 --month 2019-12") }
            let monthEnd = try OptionValue.monthEnd(text)
            return try render(paths, asOf: monthEnd, clock: clock, arguments, environment) { replay, frame in
                let report = MonthlyReport(replay: replay, unit: arguments.options["unit"])
                return (report.overflow, { Renderers.monthly(report, format: format, style: style, frame: frame) })
            }
        case "carryover", "结转":
            try arguments.requireOnly(["year", "unit", "format", "o", "yuan", "exact", "no-color", "json", "csv"], command: "report carryover")
            let yearEnd = try yearEndOption(arguments)
            return try render(paths, asOf: yearEnd, clock: clock, arguments, environment) { replay, frame in
                let report = CarryoverStatement(replay: replay, unit: arguments.options["unit"])
                return (report.overflow, { Renderers.carryover(report, format: format, style: style, frame: frame) })
            }
        case "indicators", "指标":
            try arguments.requireOnly(["year", "format", "o", "yuan", "exact", "no-color", "json", "csv"], command: "report indicators")
            let yearEnd = try yearEndOption(arguments)
            return try render(paths, asOf: yearEnd, clock: clock, arguments, environment) { replay, frame in
                let report = Indicators(replay: replay)
                return (report.overflow, { Renderers.indicators(report, format: format, style: style, frame: frame) })
            }
        case "final", "决算":
            try arguments.requireOnly(["year", "format", "o", "yuan", "exact", "no-color", "json", "csv"], command: "report final")
            let yearEnd = try yearEndOption(arguments)
            return try renderFinal(paths, year: yearEnd.year, clock: clock, arguments, environment) { accounts, frame in
                Renderers.final(accounts, format: format, style: style, frame: frame)
            }
        case "selfeval", "自评":
            try arguments.requireOnly(["year", "format", "o", "yuan", "exact", "no-color", "json", "csv"], command: "report selfeval")
            let yearEnd = try yearEndOption(arguments)
            return try render(paths, asOf: yearEnd, clock: clock, arguments, environment) { replay, frame in
                let report = SelfEvaluation(replay: replay)
                return (nil, { Renderers.selfEvaluation(report, format: format, style: style, frame: frame) })
            }
        default:
            throw UsageError("没有报表“\(kind)”\(DidYouMean.phrase(kind, among: ["monthly", "carryover", "indicators", "final", "selfeval", "月报", "结转", "指标", "决算", "自评"]))。用法：\n\(usage)")
        }
    }

    /// The last day of the year given by --year.
    static func yearEndOption(_ arguments: Arguments) throws -> CalendarDate {
        guard let text = arguments.options["year"] else { throw UsageError("须给出 --year YYYY，例如 --year 2019") }
        guard let yearEnd = CalendarDate.yearEnd(try OptionValue.year(text)) else { throw UsageError("年度“\(text)”无效") }
        return yearEnd
    }

    /// Loads the year, builds the report and its frame, refuses an overflowing report, writes it.
    static func render(
        _ paths: [String], asOf: CalendarDate, clock: WallClock, _ arguments: Arguments, _ environment: [String: String],
        _ make: (YearReplay, ReportFrame) -> (overflow: String?, render: () -> String)
    ) throws -> ExitCode {
        _ = try ReportOutput.money(arguments)  // a bad option is exit 2 before the journal is read
        let replay: YearReplay, health: JournalHealth
        switch YearLoading.replay(paths, asOf: asOf, clock: clock) {
        case .failure(let code): return code
        case .success(let value): (replay, health) = value
        }
        let frame = try ReportOutput.frame(arguments, context: replay.context, health: health, environment: environment)
        let report = make(replay, frame)
        return ReportOutput.emitReport(overflow: report.overflow, health: health, arguments, journals: paths, report.render)
    }

    /// The final accounts need every payment's 经济科目: they read the accepted payments of the
    /// year again from their lines. A total that does not fit in Int64 分 refuses the report.
    static func renderFinal(
        _ paths: [String], year: Int, clock: WallClock, _ arguments: Arguments, _ environment: [String: String],
        _ make: (FinalAccounts, ReportFrame) -> String
    ) throws -> ExitCode {
        _ = try ReportOutput.money(arguments)
        return try ReportOutput.emitJournalReport(
            paths, clock: clock, arguments, environment, overflowName: "部门决算的金额合计",
            build: { journal in try FinalAccounts(journal: journal, year: year) }, render: make)
    }
}
