import Ledger

/// `fundflow check`: every error and warning of the whole journal, then exit 0 or 1.
enum CheckCommand {
    static func run(_ arguments: Arguments, paths: [String], environment: [String: String]) throws -> ExitCode {
        try arguments.requireOnly([], command: "check")
        try arguments.positionalCount(0...0, usage: "fundflow check")
        let files = paths.count == 1 ? paths[0] : "\(paths.count) 个文件"
        if YearLoading.compactAllowed(environment) {
            switch CompactLoader.load(paths: paths) {
            case .clean(let clean):
                Output.out("检查通过：\(files)，\(clean.entryCount) 笔分录，\(clean.context.projectOrder.count) 个项目，0 个警告\n")
                return .success
            case .failure(let failure):
                Output.err("\(failure)\n")
                return .file
            case .needsFullValidation:
                break   // something to report: the full validator explains it
            }
        }
        let journal: Journal
        switch Validator.load(paths: paths) {
        case .success(let value): journal = value
        case .failure(let failure): Output.err("\(failure)\n"); return .file
        }
        let diagnostics = (journal.diagnostics + JournalReader.unterminatedLastLines(journal.sources, lineCounts: journal.lineCounts)).sortedBySource()
        Output.err(DiagnosticPrinter.render(diagnostics, sources: journal.sources))
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        if errors == 0 {
            Output.out("检查通过：\(files)，\(journal.entries.count) 笔分录，\(journal.projectOrder.count) 个项目，\(warnings) 个警告\n")
            return .success
        }
        Output.out("检查未通过：\(files)，\(errors) 个错误，\(warnings) 个警告（详见上方；每条都写明了位置和改法）\n")
        return .invalid
    }
}
