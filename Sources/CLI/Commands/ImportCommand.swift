import Interchange
import Ledger

/// `fundflow import FILE.csv`: a batch of payments from a spreadsheet. By default a dry run
/// that prints the lines it would append and every problem by row; `--commit` appends all
/// rows in one locked, validated write, or none. Payments already in the journal (same date,
/// project, amount and voucher) are skipped and counted, so importing twice adds nothing.
enum ImportCommand {
    static let usage =
        "fundflow import 文件.csv [--commit] [--map 映射文件] [--date-column 列] [--project-column 列] [--amount-column 列] [--voucher-column 列] [--payee-column 列] [--memo-column 列] [--contract-column 列] [--econ-column 列] [--header-row 行号] [--encoding auto|utf-8|gbk] [--amount-unit 元|万元]"

    /// The mapping file looked for beside the journal when `--map` is not given.
    static let mapFileName = "fundflow-import.map"

    static let options: Set<String> = Set(ImportField.allCases.map(\.option))
        .union(["map", "header-row", "encoding", "amount-unit", "commit", "dry-run"])

    static func run(_ arguments: Arguments, paths: [String], clock: WallClock, environment: [String: String]) throws -> ExitCode {
        try arguments.requireOnly(options, command: "import")
        try arguments.positionalCount(1...1, usage: usage)
        let committing = arguments.flags.contains("commit")
        if committing && arguments.flags.contains("dry-run") {
            throw UsageError("--commit 与 --dry-run 不能同时使用：不加 --commit 就是试算")
        }
        let sheetPath = arguments.positionals[0]
        let journalPath = paths.last ?? "fundflow.journal"

        // The mapping: the file (given, or beside the journal), then the options over it.
        var mapping = ImportMapping()
        var mapSource: String?
        let mapPath = arguments.options["map"] ?? defaultMapPath(journalPath)
        switch SheetInput.readText(mapPath, optional: arguments.options["map"] == nil) {
        case .failure(let code): return code
        case .success(nil): break
        case .success(let text?):
            switch ImportMapping.parseFile(text) {
            case .success(let value): mapping = value; mapSource = mapPath
            case .failure(let problem):
                Output.err("\(mapPath)\(problem.line.map { ":\($0)" } ?? ""): 错误: \(problem.message)\n")
                return .usage
            }
        }
        switch ImportMapping.fromOptions(arguments.options) {
        case .success(let fromOptions): mapping = mapping.overridden(by: fromOptions)
        case .failure(let problem): throw UsageError(problem.message)
        }
        let encoding = mapping.encoding ?? .auto  // --encoding is read with the other options

        let loaded: SheetInput.Loaded
        switch SheetInput.load(sheetPath, encoding: encoding) {
        case .success(let value): loaded = value
        case .failure(let code): return code
        }
        let resolved: ResolvedMapping
        switch mapping.resolve(loaded.table) {
        case .success(let value): resolved = value
        case .failure(let problem):
            Output.err("\(sheetPath): 错误: \(problem.message)\n")
            return .invalid
        }
        Output.out(describe(sheetPath, loaded: loaded, resolved: resolved, mapSource: mapSource))
        let sheet = PaymentImport.read(loaded.table, mapping: resolved)

        // Always judge the whole batch first, writing nothing: every problem at once.
        var plan: ImportPlan?
        let preview = Appender.preview(paths: paths) { context in
            let made = PaymentImport.plan(sheet, journal: context.journal)
            plan = made
            return .success(made.drafts)
        }
        let previewCode = report(preview, plan: plan, sheetPath: sheetPath, journalPath: journalPath, mode: committing ? .checkBeforeCommit : .dryRun)
        guard committing, previewCode == .success else { return previewCode }

        // Commit: plan again under the lock against the journal as it then stands.
        let outcome = Appender.appendAll(paths: paths) { context in
            let made = PaymentImport.plan(sheet, journal: context.journal)
            plan = made
            if !made.problems.isEmpty {
                return .failure(.init("导入文件有 \(made.errorRowCount) 行错误，整批未记入"))
            }
            return .success(made.drafts)
        }
        return report(outcome, plan: plan, sheetPath: sheetPath, journalPath: journalPath, mode: .commit)
    }

    static func defaultMapPath(_ journalPath: String) -> String {
        guard let slash = journalPath.lastIndex(of: "/") else { return mapFileName }
        return String(journalPath[...slash]) + mapFileName
    }

    /// `读取 pay.csv：GBK/GB18030 编码，表头在第 2 行` and the columns used.
    static func describe(_ path: String, loaded: SheetInput.Loaded, resolved: ResolvedMapping, mapSource: String?) -> String {
        let header = loaded.table.rows.first { $0.number == resolved.headerRow }
        var text = "读取 \(path)：\(loaded.encoding.rawValue) 编码，"
        text += resolved.headerRow == 0 ? "没有表头行" : "表头在第 \(resolved.headerRow) 行"
        if let mapSource { text += "，映射文件 \(mapSource)" }
        if resolved.amountUnit == .wan { text += "，金额按万元计" }
        text += "\n列："
        var parts: [String] = []
        for field in ImportField.allCases {
            guard let column = resolved.columns[field] else { continue }
            let name = header.map { CellText.clean($0[column]) } ?? ""
            parts.append("\(field.chinese)←" + (name.isEmpty ? "第 \(column + 1) 列" : "“\(name)”"))
        }
        return text + parts.joined(separator: " ") + "\n"
    }

    enum Mode { case dryRun, checkBeforeCommit, commit }

    /// Skipped rows are named one by one up to this many (re-importing a year's file should
    /// not bury the problems under thousands of notes); problems are always all listed.
    static let listedDuplicates = 50

    /// Prints the outcome — problems by row on stderr, lines and the summary on stdout — and
    /// chooses the exit code.
    static func report(_ outcome: Appender.Outcome, plan: ImportPlan?, sheetPath: String, journalPath: String, mode: Mode) -> ExitCode {
        var journal: Journal?
        switch outcome {
        case .failed(let failure):
            Output.err("\(failure)\n")
            return .file
        case .refused(_, let value), .appended(_, _, let value):
            journal = value
        case .declined:
            break
        }
        guard let plan else {
            if case .declined(let message) = outcome { Output.err("fundflow: 错误: \(message)\n") }
            return .invalid
        }

        // Problems and skipped rows, by sheet row.
        var notes: [(row: Int?, text: String)] = plan.problems.map { ($0.row, SheetInput.line(sheetPath, row: $0.row, "错误", $0.message)) }
        var errorRows = Set(plan.problems.map(\.row))
        for duplicate in plan.duplicates.prefix(listedDuplicates) {
            var place = "本表第 \(duplicate.earlierRow ?? 0) 行"
            if let location = duplicate.journalLocation {
                let file = journal.flatMap { location.file < $0.sources.count ? $0.sources[location.file].path : nil } ?? journalPath
                place = " \(file) 第 \(location.line) 行"
            }
            notes.append(
                (
                    duplicate.row,
                    SheetInput.line(
                        sheetPath, row: duplicate.row, "提示",
                        "与\(place)的支付相同（日期、项目、金额、凭证号一致），跳过")
                ))
        }
        if plan.duplicates.count > listedDuplicates {
            notes.append((nil, "\(sheetPath): 提示: 另有 \(plan.duplicates.count - listedDuplicates) 行也是已记过的支付，已跳过（不再逐行列出）\n"))
        }
        var failed = !plan.problems.isEmpty
        var existingErrors = 0
        switch outcome {
        case .failed: return .file
        case .declined(let message):
            if plan.problems.isEmpty { Output.err("fundflow: 错误: \(message)\n") }
            failed = true
        case .refused(let diagnostics, let journal):
            let rendered = SheetInput.render(diagnostics, journal: journal, draftCount: plan.items.count, sheetPath: sheetPath, rowOf: plan.row(ofDraft:))
            notes += rendered.lines
            errorRows.formUnion(rendered.errorRows)
            failed = true
        case .appended(let lines, let warnings, let journal):
            let rendered = SheetInput.render(warnings, journal: journal, draftCount: lines.count, sheetPath: sheetPath, rowOf: plan.row(ofDraft:))
            notes += rendered.lines
            existingErrors = journal.diagnostics.errorCount
        }
        if mode == .checkBeforeCommit && !failed { return .success }  // the commit itself reports
        SheetInput.printSorted(notes)

        switch mode {
        case .dryRun:
            for draft in plan.drafts { Output.out(JournalWriter.line(date: draft.date, body: draft.body) + "\n") }
        case .commit where !failed:
            if case .appended(let lines, _, let journal) = outcome, !lines.isEmpty {
                Output.out("已记入 \(journalPath) \(SheetInput.lineRange(last: journal.lineCounts.last ?? 0, count: lines.count))：\n")
                for line in lines { Output.out(line + "\n") }
            }
        case .commit, .checkBeforeCommit:
            break
        }

        let good = plan.items.filter { !errorRows.contains($0.row) }.count
        var summary = "共 \(plan.rowCount) 行："
        switch mode {
        case .dryRun: summary += "将记入 \(good) 笔"
        case .commit where !failed: summary += "已记入 \(plan.items.count) 笔"
        case .commit, .checkBeforeCommit: summary += "记入 0 笔"
        }
        summary += "，跳过重复 \(plan.duplicates.count) 笔，错误 \(errorRows.count) 行"
        if !plan.totalRows.isEmpty { summary += "（合计行 \(plan.totalRows.count) 行未计入）" }
        Output.out(summary + "\n")

        if failed {
            if mode == .dryRun {
                Output.out("试算未通过：有错误时加 --commit 也不会记入任何一行（整批记入或整批不记）；请改正上述各行后重新导入\n")
            } else {
                Output.out("整批未记入：\(journalPath) 保持原样；请改正上述各行后重新导入\n")
            }
            return .invalid
        }
        if mode == .dryRun {
            Output.out(plan.items.isEmpty ? "没有需要记入的新支付\n" : "试算通过，未写入任何内容；确认无误后加 --commit 记入 \(journalPath)\n")
        }
        if existingErrors > 0 {
            Output.err("fundflow: 注意：日记账中另有 \(existingErrors) 个早已存在的错误，与本次导入无关；请运行 fundflow check 查看并更正\n")
        }
        return .success
    }
}
