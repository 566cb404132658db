import Interchange
import Ledger

/// `fundflow export --format hledger|beancount|csv [-o FILE]`: the accepted entries of the
/// journal as an hledger journal, a Beancount ledger or one flat CSV table. Like the
/// reports, a journal with errors is still exported (its accepted entries), the errors are
/// printed and the exit code is 1.
enum ExportCommand {
    static let usage = "fundflow export --format hledger|beancount|csv [-o 文件]"

    enum Format: String, CaseIterable {
        case hledger, beancount, csv
    }

    static func run(_ arguments: Arguments, paths: [String], clock: WallClock, environment: [String: String]) throws -> ExitCode {
        try arguments.requireOnly(["format", "o"], command: "export")
        try arguments.positionalCount(0...0, usage: usage)
        guard let text = arguments.options["format"] else {
            throw UsageError("导出须给出 --format：hledger、beancount 或 csv，例如 fundflow export --format hledger -o 账本.hledger。用法：\(usage)")
        }
        guard let format = Format(rawValue: text.lowercased()) else {
            throw UsageError("不支持的导出格式“\(text)”\(DidYouMean.phrase(text, among: Format.allCases.map(\.rawValue)))：可选 hledger、beancount、csv")
        }
        let journal: Journal
        switch ReportOutput.load(paths, clock: clock) {
        case .failure(let code): return code
        case .success(let value): journal = value
        }
        let code: ExitCode
        switch format {
        case .hledger: code = ReportOutput.emit(HledgerExport.render(journal), arguments, journals: paths)
        case .beancount: code = ReportOutput.emit(BeancountExport.render(journal), arguments, journals: paths)
        case .csv: code = ReportOutput.emitStreaming(arguments, journals: paths) { write in FlatCSVExport.write(journal, to: write) }
        }
        return code == .success && journal.hasErrors ? .invalid : code
    }
}
