import Ledger
#if canImport(Glibc)
import Glibc
#endif

/// Standard output and error, written as UTF-8 bytes.
enum Output {
    static func out(_ text: String) { write(1, text) }
    static func err(_ text: String) { write(2, text) }

    /// Bytes as they are (a streamed table).
    static func out(bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes { write(1, $0) } }

    /// Writes the string's own UTF-8 storage (a report can be megabytes: no copy).
    private static func write(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { write(descriptor, UnsafeRawBufferPointer($0)) }
    }

    private static func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let result = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if result < 0 { if errno == EINTR { continue } else { return } }
            offset += result
        }
    }
}

/// Renders diagnostics as `FILE:LINE:COL: 错误: message（原文：…）`, one per line.
enum DiagnosticPrinter {
    static func render(_ diagnostics: [Diagnostic], sources: [JournalSource]) -> String {
        // Journals read from files carry their excerpts; in-memory ones are quoted from their bytes.
        var wanted: [Int: Set<Int>] = [:]
        for d in diagnostics where d.excerpt == nil { wanted[d.location.file, default: []].insert(d.location.line) }
        var texts: [Int: [Int: String]] = [:]
        for (file, lines) in wanted where file < sources.count { texts[file] = sources[file].lineTexts(lines, maxBytes: (Limits.excerptCharacters + 1) * 4) }
        var output = ""
        for d in diagnostics {
            let path = d.location.file < sources.count ? sources[d.location.file].path : "?"
            output += "\(path):\(d.location.line):\(d.location.column): \(d.severity.label): \(d.message)"
            if let excerpt = d.excerpt ?? texts[d.location.file]?[d.location.line].map({ Diagnostic.excerpt(of: Array($0.utf8)) }) {
                output += "（原文：\(excerpt)）"
            }
            output += "\n"
        }
        return output
    }
}

extension String {
    func trimmingBlanks() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{3000}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\u{3000}" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
