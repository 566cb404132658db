import Ledger
import Monitor

/// The recording commands (`project allot reduce pay contract reverse carry lapse plan
/// set`): each turns its arguments into one entry, validates it against the whole journal
/// under the lock, and appends exactly one canonical line — or changes nothing and says why.
enum RecordCommand {
    /// What each verb takes on the command line.
    struct Shape {
        var verb: Verb
        var usage: String
        /// Positional arguments (the amount may be replaced by --all where allowed).
        var positionals: Int
        var options: Set<String>
        var allowsAll = false
    }

    static func shape(for verb: Verb) -> Shape? {
        switch verb {
        case .project:
            return Shape(verb: verb, usage: "fundflow project ID 名称 [--unit 单位] [--code 科目] [--econ 经济科目] [--fund 资金性质] [--plan 计划] [--tags 标签] [--date 日期]", positionals: 2, options: ["unit", "code", "econ", "fund", "plan", "tags", "date"])
        case .allot: return Shape(verb: verb, usage: "fundflow allot 项目 金额 --doc 文号 [--kind 年初|追加] [--source 来源] [--memo 摘要] [--date 日期]", positionals: 2, options: ["doc", "kind", "source", "memo", "date"])
        case .reduce: return Shape(verb: verb, usage: "fundflow reduce 项目 金额 --doc 文号 [--memo 摘要] [--date 日期]", positionals: 2, options: ["doc", "memo", "date"])
        case .pay: return Shape(verb: verb, usage: "fundflow pay 项目 金额 [--voucher 凭证] [--payee 收款人] [--contract 合同] [--econ 经济科目] [--memo 摘要] [--date 日期]", positionals: 2, options: ["voucher", "payee", "contract", "econ", "memo", "date"])
        case .contract: return Shape(verb: verb, usage: "fundflow contract 项目 合同编号 金额 [--party 对方] [--due 期限] [--memo 摘要] [--date 日期]", positionals: 3, options: ["party", "due", "memo", "date"])
        case .reverse: return Shape(verb: verb, usage: "fundflow reverse 项目 金额 --of 原凭证 [--of-date 原日期] [--voucher 凭证] [--memo 摘要] [--date 日期]", positionals: 2, options: ["of", "of-date", "voucher", "memo", "date"])
        case .carry: return Shape(verb: verb, usage: "fundflow carry 项目 (金额 | --all) [--reason 原因] --year 年度", positionals: 2, options: ["reason", "year", "all"], allowsAll: true)
        case .lapse: return Shape(verb: verb, usage: "fundflow lapse 项目 (金额 | --all) [--doc 文号] [--reason 原因] [--date 日期]", positionals: 2, options: ["doc", "reason", "date", "all"], allowsAll: true)
        case .plan: return Shape(verb: verb, usage: "fundflow plan 项目 计划 [--date 日期]   例如 fundflow plan P01 3月:30,6月:50,10月:90,12月:100 --date 2020-01-01", positionals: 2, options: ["date"])
        case .set:
            return Shape(
                verb: verb, usage: "fundflow set [--org 单位名称] [--default-plan 计划] [--warn-gap 10] [--alarm-gap 20] [--target-rate 90] [--idle-days 90] [--grace-days 30] [--timezone +08:00] [--date 日期]", positionals: 0,
                options: ["org", "default-plan", "warn-gap", "alarm-gap", "target-rate", "idle-days", "grace-days", "timezone", "date"])
        case .seal: return nil
        }
    }

    static func run(_ verb: Verb, _ arguments: Arguments, paths: [String], clock: WallClock, environment: [String: String] = [:]) throws -> ExitCode {
        guard let shape = shape(for: verb) else { return .usage }
        try arguments.requireOnly(shape.options, command: verb.english)
        let useAll = arguments.flags.contains("all")
        let expected = useAll ? shape.positionals - 1 : shape.positionals
        try arguments.positionalCount(expected...expected, usage: shape.usage)
        for key in verb.requiredKeys where arguments.options[key.english] == nil {
            throw UsageError("“\(verb.english)”必须给出 --\(key.english)（\(key.chinese)）。用法：\(shape.usage)")
        }
        if verb == .set, arguments.options.keys.allSatisfy({ $0 == "date" }) {
            throw UsageError("“set”至少要给出一个设置项。用法：\(shape.usage)")
        }

        // The entry's date: --year for 结转, else --date, else today in the journal's 时区.
        let date: CalendarDate
        if verb == .carry {
            guard let yearText = arguments.options["year"] else {
                throw UsageError("结转必须给出年度 --year（结转记在该年 12 月 31 日），例如 --year 2019。用法：\(shape.usage)")
            }
            guard let yearEnd = CalendarDate.yearEnd(try OptionValue.year(yearText)) else { throw UsageError("年度“\(yearText)”无效") }
            date = yearEnd
        } else if let value = try OptionValue.date(arguments, "date") {
            date = value
        } else {
            switch CommandClock.today(clock, paths: paths) {
            case .success(let today): date = today
            case .failure(let code): return code
            }
        }

        // Build the line in the journal language and read it with the journal's own parser,
        // so the command line and the file accept exactly the same values. A value it cannot
        // read (an amount that is not an amount, a bad ID or plan) is a command-line error.
        var fields = [date.description, verb.chinese]
        var values = arguments.positionals
        if useAll { values.insert("0.01", at: 1) }  // placeholder; the exact balance is set under the lock
        for value in values {
            guard JournalWriter.isWritable(value) else { throw UsageError("参数中不能含换行或其他控制字符") }
            fields.append(JournalWriter.quoteIfNeeded(value))
        }
        for key in verb.allowedKeys {
            guard let value = arguments.options[key.english] else { continue }
            guard JournalWriter.isWritable(value) else { throw UsageError("--\(key.english) 的值中不能含换行或其他控制字符") }
            fields.append(key.chinese + "=" + JournalWriter.quoteIfNeeded(value))
        }
        let body: EntryBody
        switch Tokenizer.tokenize(Array(fields.joined(separator: " ").utf8)[...]) {
        case .failure(let error): throw UsageError(error.message)
        case .success(let tokens):
            switch EntryParser.parse(tokens) {
            case .problems(let problems): throw UsageError(problems.map(\.message).joined(separator: "\n" + "fundflow: 错误: "))
            case .entry(_, let parsed, _): body = parsed
            }
        }

        let outcome = Appender.append(paths: paths, clock: clock) { context in
            guard useAll else { return .success(Appender.Draft(date: date, body: body)) }
            let books = context.journal.books(through: date)
            guard let project = body.projectID else { return .failure(.init("缺少项目")) }
            let available = books.available(project, year: date.year)
            guard available > 0 else {
                return .failure(.init("项目“\(project)”\(date.year) 年截至 \(date) 没有可\(verb == .carry ? "结转" : "收回")的余额（可用余额为 \(MoneyFormat.wan.withUnit(available))），未写入任何内容"))
            }
            return .success(Appender.Draft(date: date, body: body.withAmount(available)))
        }
        return report(outcome, verb: verb, date: date, paths: paths)
    }

    /// "已记入 …" and, for an entry that moves money, the project's figures after it.
    static func printAppended(
        line: String, lineNumber: Int, target: String, project: String?, figures: YearFigures?, date: CalendarDate,
        kind: AllotmentKind? = nil
    ) {
        Output.out("已记入 \(target) 第 \(lineNumber) 行：\(line)\n")
        if let kind { Output.out("类别：\(kind.chinese)（\(kind == .initial ? "本年第一笔下达，按年初预算计" : "本年已有下达，按追加计")）\n") }
        if let project, let figures {
            let m = MoneyFormat.wan
            Output.out("项目 \(project) \(date.year) 年：预算 \(m.withUnit(figures.budgetFen))，已支付 \(m.withUnit(figures.paidFen))，可用余额 \(m.withUnit(figures.availableFen))\n")
        }
    }

    static func refuse(_ message: String) -> ExitCode {
        Output.err("fundflow: 错误: \(message)\n")
        return .invalid
    }

    /// Prints what happened to the append and chooses the exit code.
    static func report(_ outcome: Appender.Outcome, verb: Verb, date: CalendarDate, paths: [String]) -> ExitCode {
        switch outcome {
        case .failed(let failure):
            Output.err("\(failure)\n")
            return .file
        case .declined(let message):
            Output.err("fundflow: 错误: \(message)\n")
            return .invalid
        case .refused(let diagnostics, let journal):
            Output.err(refusal(diagnostics, journal: journal))
            Output.err("fundflow: 未写入：本条分录不合规（见上方说明），日记账 \(paths.last ?? "") 保持原样\n")
            return .invalid
        case .appended(let lines, let warnings, let journal):
            let line = lines.joined(separator: "\n")
            Output.err(DiagnosticPrinter.render(warnings, sources: journal.sources))
            let otherErrors = journal.errorCount
            let last = journal.entryCount - 1
            var figures: YearFigures?
            var project: String?
            var kind: AllotmentKind?
            if last >= 0, lines.count == 1 {
                let entry = journal.entry(at: last)
                project = entry.body.projectID
                if let project, entry.body.movesMoney { figures = journal.books(through: date).figures(project, year: date.year) }
                if case .allot(let allotment) = entry.body, !allotment.kindGiven { kind = allotment.kind }
            }
            printAppended(
                line: line, lineNumber: journal.lineCounts.last ?? 0, target: paths.last ?? "",
                project: project, figures: figures, date: date, kind: kind)
            if otherErrors > 0 {
                Output.err("fundflow: 注意：日记账中另有 \(otherErrors) 个早已存在的错误，与本条无关；请运行 fundflow check 查看并更正\n")
            }
            return .success
        }
    }
}

extension RecordCommand {
    /// A refusal of the one new entry: about the entry itself without a line number (its line
    /// does not exist), and about an existing line it breaks with that line and the cause.
    static func refusal(_ diagnostics: [Diagnostic], journal: Journal) -> String {
        let wording = NewEntryWording(journal: journal, count: 1)
        let entry = wording.newEntry(0)
        let quoted = wording.newLineText(0).map { "（本笔分录：\($0)）" } ?? ""
        var output = ""
        for d in diagnostics {
            if wording.newIndex(d) != nil {
                output += "fundflow: \(d.severity.label): \(wording.messageForNew(d, entry: entry))\(quoted)\n"
            } else {
                var reworded = d
                if let entry {
                    reworded.message = NewEntryWording.messageForExisting(d, causes: "\(NewEntryWording.noun(entry.verb))（\(entry.date)）", project: entry.body.projectID)
                }
                output += DiagnosticPrinter.render([reworded], sources: journal.sources)
            }
        }
        return output
    }
}

extension EntryBody {
    /// The same entry with another amount (for `--all`).
    func withAmount(_ fen: Int64) -> EntryBody {
        switch self {
        case .carry(var c): c.amountFen = fen; return .carry(c)
        case .lapse(var l): l.amountFen = fen; return .lapse(l)
        default: return self
        }
    }
}
