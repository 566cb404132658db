import Interchange
import Ledger

/// What `import` and `init` share: reading a CSV sheet from disk, and naming problems by the
/// sheet's row (`FILE:ROW: 错误: …`) rather than by the journal's line.
enum SheetInput {
    struct Loaded {
        var table: CSVTable
        var encoding: TextDecoding.Encoding
    }

    /// Reads, decodes and splits a CSV file. A file that cannot be read is exit 3; bytes that
    /// are not text, or a broken quote, exit 1. The problem is already printed.
    static func load(_ path: String, encoding: TextDecoding.Choice) -> Result<Loaded, ExitCode> {
        let bytes: [UInt8]
        switch FileIO.readAll(path: path) {
        case .success(let value): bytes = value
        case .failure(let failure):
            Output.err("\(path): 错误: \(failure.missing ? "找不到文件“\(path)”：请检查路径和文件名" : failure.reason)\n")
            return .failure(.file)
        }
        let decoded: TextDecoding.Decoded
        switch TextDecoding.decode(bytes, as: encoding) {
        case .success(let value): decoded = value
        case .failure(let failure):
            Output.err("\(path)\(failure.line > 0 ? ":\(failure.line)" : ""): 错误: \(failure.message)\n")
            return .failure(.invalid)
        }
        switch CSVTable.parse(decoded.text) {
        case .success(let table): return .success(Loaded(table: table, encoding: decoded.encoding))
        case .failure(let failure):
            Output.err("\(path):\(failure.row): 错误: \(failure.message)\n")
            return .failure(.invalid)
        }
    }

    /// Reads a small text file (a mapping file): nil when it does not exist and `optional`.
    static func readText(_ path: String, optional: Bool) -> Result<String?, ExitCode> {
        switch FileIO.readAll(path: path) {
        case .success(let bytes):
            switch TextDecoding.decode(bytes) {
            case .success(let decoded): return .success(decoded.text)
            case .failure(let failure):
                Output.err("\(path)\(failure.line > 0 ? ":\(failure.line)" : ""): 错误: \(failure.message)\n")
                return .failure(.usage)
            }
        case .failure(let failure):
            if optional && failure.missing { return .success(nil) }
            Output.err("\(path): 错误: \(failure.missing ? "找不到文件“\(path)”：请检查路径和文件名" : failure.reason)\n")
            return .failure(.file)
        }
    }

    /// A problem at a sheet row.
    static func line(_ path: String, row: Int, _ label: String, _ message: String) -> String {
        "\(path):\(row): \(label): \(message)\n"
    }

    /// Validator diagnostics about a batch, with those on the new lines named by the sheet row
    /// behind them (`rowOf(draftIndex)`); the rest (an existing line the batch invalidates, or
    /// a new line with no row) as usual. Returns (row or nil, text) pairs and the rows with errors.
    static func render(
        _ diagnostics: [Diagnostic], journal: Journal, draftCount: Int, sheetPath: String,
        rowOf: (Int) -> Int?
    ) -> (lines: [(row: Int?, text: String)], errorRows: Set<Int>) {
        let wording = NewEntryWording(journal: journal, count: draftCount)
        var lines: [(row: Int?, text: String)] = []
        var errorRows: Set<Int> = []
        for d in diagnostics {
            if let index = wording.newIndex(d), let row = rowOf(index) {
                lines.append((row, line(sheetPath, row: row, d.severity.label, wording.messageForNew(d, entry: wording.newEntry(index), namesEntry: false))))
                if d.isError { errorRows.insert(row) }
            } else {
                // An existing line that rows dated before it break: name those rows.
                let rows = wording.causes(of: d).compactMap(rowOf)
                var reworded = d
                if !rows.isEmpty {
                    let named = rows.prefix(3).map(String.init).joined(separator: "、") + (rows.count > 3 ? " 等" : "")
                    let project = journal.entryIndex(file: d.location.file, line: d.location.line).flatMap { journal.projectID(at: $0) }
                    reworded.message = NewEntryWording.messageForExisting(d, causes: "导入的 \(sheetPath) 第 \(named) 行", project: project)
                    if d.isError { errorRows.formUnion(rows) }
                }
                lines.append((rows.first, DiagnosticPrinter.render([reworded], sources: journal.sources)))
            }
        }
        return (lines, errorRows)
    }

    /// Prints (row, text) pairs in row order, row-less ones last.
    static func printSorted(_ lines: [(row: Int?, text: String)]) {
        let ordered = lines.enumerated().sorted { a, b in
            switch (a.element.row, b.element.row) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }
        Output.err(ordered.map(\.element.text).joined())
    }

    static func encodingOption(_ arguments: Arguments) throws -> TextDecoding.Choice? {
        guard let text = arguments.options["encoding"] else { return nil }
        guard let choice = TextDecoding.Choice.named(text) else {
            throw UsageError("--encoding 的值“\(text)”不支持：可选 auto（自动识别，默认）、utf-8、gbk")
        }
        return choice
    }

    /// "第 12 行" or "第 12–14 行".
    static func lineRange(last: Int, count: Int) -> String {
        count <= 1 ? "第 \(last) 行" : "第 \(last - count + 1)–\(last) 行"
    }
}
