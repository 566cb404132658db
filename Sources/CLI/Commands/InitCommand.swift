import Interchange
import Ledger
import Monitor

/// `fundflow init`: starts a new journal for a unit — the 设置 line with its name and, from
/// the year's budget table, a 项目 line and a 年初 下达 line per project — validated as a
/// whole and written in one write, or not at all. Refuses a journal that already has content.
enum InitCommand {
    static let usage = "fundflow init [--org 单位名称] [--budget 预算表.csv] [--year 年度] [--date 日期] [--doc 文号] [--amount-unit 元|万元] [--encoding auto|utf-8|gbk] [--dry-run]"

    static func run(_ arguments: Arguments, paths: [String], clock: WallClock, environment: [String: String]) throws -> ExitCode {
        try arguments.requireOnly(["org", "budget", "year", "date", "doc", "amount-unit", "encoding", "dry-run"], command: "init")
        try arguments.positionalCount(0...0, usage: usage)
        let journalPath = paths.last ?? "fundflow.journal"
        let dryRun = arguments.flags.contains("dry-run")

        var organisation: String?
        if let text = arguments.options["org"] {
            let value = CellText.clean(text)
            guard !value.isEmpty else { throw UsageError("--org 的单位名称是空的。用法：\(usage)") }
            organisation = value
        }
        let budgetPath = arguments.options["budget"]
        guard organisation != nil || budgetPath != nil else {
            throw UsageError("请至少给出 --org 单位名称 或 --budget 预算表.csv。用法：\(usage)")
        }

        // The date of the opening lines: --date, else 1 January of --year, else of this year.
        var year: Int?
        if let text = arguments.options["year"] {
            year = try OptionValue.year(text)
        }
        // A new journal has no 时区 yet: today is China Standard Time's.
        let today = Settings().today(clock)
        var date = CalendarDate(year: year ?? today.year, month: 1, day: 1) ?? today
        if let text = arguments.options["date"] {
            let value = try OptionValue.date(text, option: "date")
            if let year, value.year != year {
                throw UsageError("--date \(text) 不在 --year \(year) 年内：两者只需给出一个")
            }
            date = value
        }
        var amountUnit: AmountUnit?
        if let text = arguments.options["amount-unit"] {
            guard let unit = AmountUnit.named(text) else { throw UsageError("--amount-unit 的值“\(text)”不支持：可选 元 或 万元") }
            amountUnit = unit
        }
        let defaultDoc = arguments.options["doc"].map(CellText.clean).flatMap { $0.isEmpty ? nil : $0 }
        let encoding = try SheetInput.encodingOption(arguments) ?? .auto

        // The budget table, read and checked row by row before the journal is touched.
        var sheet = BudgetImport.Sheet()
        if let budgetPath {
            let loaded: SheetInput.Loaded
            switch SheetInput.load(budgetPath, encoding: encoding) {
            case .success(let value): loaded = value
            case .failure(let code): return code
            }
            switch BudgetImport.read(loaded.table, defaultDoc: defaultDoc, amountUnit: amountUnit) {
            case .success(let value): sheet = value
            case .failure(let problem):
                Output.err("\(budgetPath): 错误: \(problem.message)\n")
                return .invalid
            }
            Output.out("读取 \(budgetPath)：\(loaded.encoding.rawValue) 编码，表头在第 \(sheet.headerRow) 行，项目 \(sheet.lines.count) 个\n")
            if !sheet.problems.isEmpty {
                SheetInput.printSorted(sheet.problems.map { ($0.row, SheetInput.line(budgetPath, row: $0.row, "错误", $0.message)) })
                Output.out("预算表有 \(Set(sheet.problems.map { $0.row }).count) 行错误：未写入任何内容；请改正后重新运行 fundflow init\n")
                return .invalid
            }
            if sheet.generatedIDs, !sheet.lines.isEmpty {
                Output.err("fundflow: 注意：预算表没有“项目编码”列，已按行依次编号 P01、P02…；导入支付时可按项目名称匹配\n")
            }
        }
        let (drafts, rows) = BudgetImport.drafts(organisation: organisation, sheet: sheet, date: date)
        guard !drafts.isEmpty else {
            Output.err("\(budgetPath ?? ""): 错误: 预算表中没有任何项目行：未写入任何内容\n")
            return .invalid
        }

        let makeDrafts: (Appender.Context) -> Result<[Appender.Draft], Appender.DeclineReason> = { context in
            guard context.precedingBytes.isEmpty else {
                return .failure(.init("“\(journalPath)”已存在且不是空文件：init 只用于新建日记账。要增加项目请用 fundflow project，增加预算请用 fundflow allot"))
            }
            return .success(drafts)
        }
        let outcome = dryRun ? Appender.preview(paths: paths, drafts: makeDrafts) : Appender.appendAll(paths: paths, drafts: makeDrafts)
        switch outcome {
        case .failed(let failure):
            Output.err("\(failure)\n")
            return .file
        case .declined(let message):
            Output.err("fundflow: 错误: \(message)\n")
            return .invalid
        case .refused(let diagnostics, let journal):
            let rendered = SheetInput.render(diagnostics, journal: journal, draftCount: drafts.count, sheetPath: budgetPath ?? journalPath) { rows[$0] }
            SheetInput.printSorted(rendered.lines)
            Output.out("未写入：新日记账不合规（见上方说明），\(journalPath) 未创建\n")
            return .invalid
        case .appended(let lines, let warnings, let journal):
            let rendered = SheetInput.render(warnings, journal: journal, draftCount: lines.count, sheetPath: budgetPath ?? journalPath) { rows[$0] }
            SheetInput.printSorted(rendered.lines)
            let totalFen = sheet.lines.reduce(Int64(0)) { $0 &+ ($1.amountFen ?? 0) }
            let allotments = sheet.lines.filter { $0.amountFen != nil }.count
            var summary = "共 \(lines.count) 行"
            if !sheet.lines.isEmpty {
                summary += "：项目 \(sheet.lines.count) 个，年初预算下达 \(allotments) 笔，合计 \(MoneyFormat.wan.withUnit(totalFen))"
            }
            if dryRun {
                for line in lines { Output.out(line + "\n") }
                Output.out("试算：将新建 \(journalPath)，\(summary)；未写入任何内容，去掉 --dry-run 即写入\n")
            } else {
                Output.out("已新建 \(journalPath)，\(summary)：\n")
                for line in lines { Output.out(line + "\n") }
            }
            return .success
        }
    }
}
