import Ledger
import Monitor

/// `fundflow check`: every error and warning of the whole journal (the first few of each kind
/// unless `--all`), the counts per kind, then exit 0 or 1. `--format json` prints every
/// diagnostic on standard output for editors and CI; `--seal 校验码` (repeatable) also
/// requires a valid seal with that code.
enum CheckCommand {
    static let shownPerCode = Limits.diagnosticsShownPerKind

    static func run(_ arguments: Arguments, paths: [String], clock: WallClock) throws -> ExitCode {
        try arguments.requireOnly(["all", "format", "seal"], command: "check")
        try arguments.positionalCount(0...0, usage: "fundflow check [--all] [--format text|json] [--seal 校验码]…")
        let format = arguments.options["format"] ?? "text"
        guard format == "text" || format == "json" else { throw UsageError("不支持的格式“\(format)”：check 可选 text 或 json") }
        let codes = arguments.allValues("seal")
        for code in codes where !SealStamp.isCode(code) {
            throw UsageError("校验码“\(code)”无效：应为封账时打印的 16 位十六进制数字，例如 --seal 3f2a9c0d41b7e865")
        }
        let journal: Journal
        switch Validator.load(paths: paths, clock: clock) {
        case .success(let value): journal = value
        case .failure(let failure): Output.err("\(failure)\n"); return .file
        }
        let missingSeals = codes.filter { code in !journal.context.seals.contains { $0.code == code.lowercased() } }
        if format == "json" {
            Output.out(CheckReport.json(journal, missingSeals: missingSeals))
        } else {
            printText(journal, all: arguments.flags.contains("all"), missingSeals: missingSeals, paths: paths)
        }
        return journal.hasErrors || !missingSeals.isEmpty ? .invalid : .success
    }

    private static func printText(_ journal: Journal, all: Bool, missingSeals: [String], paths: [String]) {
        let (shown, omitted) = journal.explained(limitPerCode: all ? nil : shownPerCode)
        Output.err(DiagnosticPrinter.render(shown, sources: journal.sources))
        for (code, count) in omitted.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            Output.err("fundflow: 另有 \(count) 条“\(code.rawValue)”\(code.severity.label)未显示（每类只显示前 \(shownPerCode) 条；加 --all 显示全部）\n")
        }
        for code in missingSeals {
            Output.err("fundflow: 错误: 日记账中没有校验码为 \(code) 的有效封账：封账行被删除、被改动，或封账之前的内容被改动过。请从备份恢复日记账，并与签字的纸质登记簿核对\n")
        }
        let counts = journal.counts
        if counts.errors + counts.warnings > 0 {
            let perCode = counts.byCode.sorted { ($0.key.severity == .error ? 0 : 1, $0.key.rawValue) < ($1.key.severity == .error ? 0 : 1, $1.key.rawValue) }
            Output.out("分类统计：" + perCode.map { "\($0.key.severity.label) \($0.key.rawValue) \($0.value) 条" }.joined(separator: "；") + "\n")
        }
        let files = paths.count == 1 ? paths[0] : "\(paths.count) 个文件"
        if counts.errors == 0 && missingSeals.isEmpty {
            Output.out("检查通过：\(files)，\(journal.entryCount) 笔分录，\(journal.projectOrder.count) 个项目，\(counts.warnings) 个警告\n")
        } else {
            let errors = counts.errors + missingSeals.count
            Output.out("检查未通过：\(files)，\(errors) 个错误，\(counts.warnings) 个警告（详见上方；每条都写明了位置和改法）\n")
        }
    }
}

/// `check --format json`: every diagnostic, for editors and CI (spec §2).
enum CheckReport {
    static func json(_ journal: Journal, missingSeals: [String]) -> String {
        let diagnostics = journal.explained(limitPerCode: nil).shown
        var items = diagnostics.map { d -> String in
            let path = d.location.file < journal.sources.count ? journal.sources[d.location.file].path : ""
            return "{\"file\": \(JSONText.quote(path)), \"line\": \(d.location.line), \"column\": \(d.location.column), "
                + "\"severity\": \"\(d.severity.rawValue)\", \"code\": \(JSONText.quote(d.code)), \"message\": \(JSONText.quote(d.message))}"
        }
        for code in missingSeals {
            items.append(
                "{\"file\": \"\", \"line\": 0, \"column\": 0, \"severity\": \"error\", \"code\": \"seal-missing\", "
                    + "\"message\": \(JSONText.quote("日记账中没有校验码为 \(code) 的有效封账"))}")
        }
        let counts = journal.counts
        return "{\"errors\": \(counts.errors + missingSeals.count), \"warnings\": \(counts.warnings), \"diagnostics\": [\n"
            + items.map { "  " + $0 }.joined(separator: ",\n") + "\n]}\n"
    }
}
