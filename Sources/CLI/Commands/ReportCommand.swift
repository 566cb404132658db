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

    static func run(_ arguments: Arguments, paths: [String], environment: [String: String]) throws -> ExitCode {
        guard let kind = arguments.positionals.first else { throw UsageError("缺少报表种类。用法：\n\(usage)") }
        try arguments.positionalCount(1...1, usage: usage)
        let format = try ReportOutput.format(arguments)
        let style = ReportOutput.style(arguments, environment: environment, toFile: arguments.options["o"] != nil)
        switch kind {
        case "monthly", "月报":
            try arguments.requireOnly(["month", "unit", "format", "o", "yuan", "no-color", "json", "csv"], command: "report monthly")
            guard let text = arguments.options["month"] else { throw UsageError("月报须给出 --month YYYY-MM，例如 --month 2019-12") }
            let parts = text.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
                  (1...12).contains(month), let monthEnd = CalendarDate.monthEnd(year: year, month: month) else {
                throw UsageError("月份“\(text)”无效：请写成 YYYY-MM，例如 --month 2019-06")
            }
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
        case "final", "决算":
            try arguments.requireOnly(["year", "format", "o", "yuan", "no-color", "json", "csv"], command: "report final")
            let yearEnd = try yearEndOption(arguments)
            return renderFinal(paths, year: yearEnd.year, arguments) { accounts in
                Renderers.final(accounts, format: format, style: style)
            }
        case "selfeval", "自评":
            try arguments.requireOnly(["year", "format", "o", "yuan", "no-color", "json", "csv"], command: "report selfeval")
            let yearEnd = try yearEndOption(arguments)
            return render(paths, asOf: yearEnd, arguments, environment) { replay in
                Renderers.selfEvaluation(SelfEvaluation(replay: replay), format: format, style: style)
            }
        default:
            throw UsageError("没有报表“\(kind)”\(DidYouMean.phrase(kind, among: ["monthly", "carryover", "indicators", "final", "selfeval", "月报", "结转", "指标", "决算", "自评"]))。用法：\n\(usage)")
        }
    }

    /// The last day of the year given by --year.
    static func yearEndOption(_ arguments: Arguments) throws -> CalendarDate {
        guard let text = arguments.options["year"] else { throw UsageError("须给出 --year YYYY，例如 --year 2019") }
        guard text.count == 4, let year = Int(text), let yearEnd = CalendarDate.yearEnd(year) else {
            throw UsageError("年度“\(text)”无效：请写四位年份，例如 --year 2019")
        }
        return yearEnd
    }

    /// The final accounts need every payment's class, so they read the journal with the full
    /// validator (the compact loader keeps no per-payment data).
    static func renderFinal(_ paths: [String], year: Int, _ arguments: Arguments, _ make: (FinalAccounts) -> String) -> ExitCode {
        let journal: Journal
        switch ReportOutput.load(paths) {
        case .failure(let code): return code
        case .success(let value): journal = value
        }
        let accounts: FinalAccounts
        do { accounts = try FinalAccounts(journal: journal, year: year) } catch {
            Output.err("fundflow: 错误: \(error)\n")
            return .invalid
        }
        let code = ReportOutput.emit(make(accounts), arguments)
        return code == .success && journal.hasErrors ? .invalid : code
    }

    static func render(_ paths: [String], asOf: CalendarDate, _ arguments: Arguments, _ environment: [String: String],
                       _ make: (YearReplay) -> String) -> ExitCode {
        let replay: YearReplay, invalid: Bool
        switch YearLoading.replay(paths, asOf: asOf, environment: environment) {
        case .failure(let code): return code
        case .success(let value): (replay, invalid) = value
        }
        let code = ReportOutput.emit(make(replay), arguments)
        return code == .success && invalid ? .invalid : code
    }
}
