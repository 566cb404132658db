#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The quick way to append one entry to a clean journal. `append` validates the journal twice
/// with the full validator (before and after), which on a province's million lines takes many
/// seconds; here the compact loader judges the journal *with* the new line, under the same
/// lock, and the entry is written only when that journal is entirely clean — no error and no
/// warning anywhere — and the line reads back as the entry meant. Then nothing can be new
/// that `append` would refuse, and the bytes written are the ones `append` would write.
/// Anything else is `.undecided`: nothing is written, and the caller uses `append`, whose full
/// validator explains whatever is wrong.
extension Appender {
    public enum QuickOutcome: Sendable {
        /// Written at `lineNumber` of the target file. `figures`: the entry's project in the
        /// entry's year as of its date, when the entry moves money.
        case appended(line: String, lineNumber: Int, figures: YearFigures?)
        case undecided
        case failed(FileFailure)
    }

    public static func appendToCleanJournal(paths: [String], draft: Draft) -> QuickOutcome {
        guard let target = paths.last else { return .undecided }
        let line = JournalWriter.line(date: draft.date, body: draft.body)
        var readBack = ParsedJournal()
        JournalReader.parseLine(Array(line.utf8)[...], file: 0, line: 1, byteOffset: 0, into: &readBack)
        guard readBack.diagnostics.isEmpty, let entry = readBack.entries.first,
              entry.date == draft.date, entry.body == draft.body else { return .undecided }

        // The earlier files open for reading, the target locked: no file is read into memory
        // whole (a province's journal is hundreds of MB).
        var inputs: [CompactLoader.Input] = []
        defer { for input in inputs.dropLast() { close(input.descriptor) } }
        for path in paths.dropLast() {
            switch FileIO.openForReading(path: path) {
            case .success(let opened): inputs.append(CompactLoader.Input(descriptor: opened.descriptor, fileSize: opened.size))
            case .failure(let failure): return .failed(FileFailure(path: path, reason: failure.reason))
            }
        }
        let opened: LockedFile
        switch LockedFile.open(path: target) {
        case .success(let file): opened = file
        case .failure(let failure): return .failed(failure)
        }
        defer { opened.close() }
        let size: Int
        switch FileIO.regularFileSize(descriptor: opened.descriptor, path: target) {
        case .success(let value): size = value
        case .failure(let failure): opened.discardIfCreated(); return .failed(FileFailure(path: target, reason: failure.reason))
        }
        // A last line without its newline is `append`'s to mend and to warn about.
        if size > 0 {
            var last: UInt8 = 0
            let got = withUnsafeMutableBytes(of: &last) { FileIO.read(descriptor: opened.descriptor, offset: size - 1, count: 1, into: $0.baseAddress!) }
            guard got == 1, last == UInt8(ascii: "\n") else { return .undecided }
        }
        let addition = Array(line.utf8) + [UInt8(ascii: "\n")]
        inputs.append(CompactLoader.Input(descriptor: opened.descriptor, fileSize: size, tail: addition))
        guard case .clean(let clean) = CompactLoader.load(inputs, paths: paths, yearAsOf: draft.date, tuning: CompactLoader.Tuning()) else {
            opened.discardIfCreated()
            return .undecided
        }
        if let failure = opened.appendDurably(addition, originalSize: size) { return .failed(failure) }
        let lineNumber = clean.lineCounts.last ?? 1
        var figures: YearFigures?
        if draft.body.movesMoney, let project = draft.body.projectID { figures = clean.year?.figures[project] ?? YearFigures() }
        return .appended(line: line, lineNumber: lineNumber, figures: figures)
    }
}
