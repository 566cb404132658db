import Dispatch

/// bytes → records: reads the journal's files in blocks, a large file in chunks on all cores,
/// and joins the chunks into one `RecordStore` (IDs renumbered, line numbers continued,
/// voucher IDs shared).
enum JournalLoader {
    /// Sizes that decide how a file is read; tests make them tiny to exercise every seam.
    struct Tuning: Sendable {
        var parallelThresholdBytes = Limits.parallelReadBytes
        var blockBytes = Limits.readBlockBytes
        /// Chunks a large file is cut into: more than the cores, so that a thread done early
        /// takes another (the 项目 lines at a journal's start are slower to read).
        var chunksPerFile = Limits.readChunksPerFile
    }

    /// Reads every file of `source`; nil when a file could not be read (its index).
    static func read(_ source: ByteSource, paths: [String], tuning: Tuning) -> Result<RecordStore, FileFailure> {
        var chunks: [ChunkParser] = []
        var files: [RecordStore.FileFacts] = []
        LoadPhases.mark("start")
        let totalBytes = source.files.indices.reduce(0) { $0 + source.size($1) }
        for file in source.files.indices {
            let path = file < paths.count ? paths[file] : ""
            let parsed = parse(source, file: file, tuning: tuning, journalBytes: file == 0 ? totalBytes : nil)
            if parsed.contains(where: \.readFailed) { return .failure(FileFailure(path: path, reason: FileIO.describe(EIO, path: path))) }
            chunks.append(contentsOf: parsed)
            files.append(
                RecordStore.FileFacts(
                    path: path, lineCount: parsed.reduce(0) { $0 + $1.lines },
                    endsWithNewline: parsed.last?.endsWithNewline ?? true,
                    lastLineExcerpt: parsed.last?.lastLineExcerpt ?? ""))
        }
        LoadPhases.mark("parsed")
        var merged = Merged(&chunks)
        chunks = []
        LoadPhases.mark("merged")
        var store = RecordStore(bytes: source)
        store.records = merged.takeRecords()
        store.rare = merged.rare
        store.projects = merged.projects
        store.contracts = merged.contracts
        store.documents = merged.documents
        store.voucherCount = merged.voucherIDBound
        store.readerDiagnostics = merged.diagnostics
        store.stubs = merged.stubs
        store.files = files
        return .success(store)
    }

    /// Parses one file, in two halves on two threads when it is large; the later chunk's line
    /// numbers continue from the earlier one's.
    /// `journalBytes`: for the journal's first file, the size of all its files — the first chunk
    /// reserves room for every record, so the others are joined to it without a copy.
    private static func parse(_ source: ByteSource, file: Int, tuning: Tuning, journalBytes: Int?) -> [ChunkParser] {
        let size = source.size(file)
        var bounds = [0]
        if size >= tuning.parallelThresholdBytes {
            for part in 1..<max(1, tuning.chunksPerFile) {
                if let start = lineStart(after: size / tuning.chunksPerFile * part, in: source, file: file), start > bounds[bounds.count - 1] {
                    bounds.append(start)
                }
            }
        }
        bounds.append(size)
        let boxes = (0..<(bounds.count - 1)).map { index in
            var parser = ChunkParser(file: file, start: bounds[index], end: bounds[index + 1], blockBytes: tuning.blockBytes)
            if index == 0, let journalBytes { parser.reserveBytes = journalBytes }
            return ChunkBox(parser)
        }
        DispatchQueue.concurrentPerform(iterations: boxes.count) { index in
            let started = LoadPhases.nanoseconds()
            boxes[index].parser.parse(from: source)
            LoadPhases.report(chunk: index, since: started, entries: boxes[index].parser.entries.count)
        }
        var linesBefore = 0
        return boxes.map { box in
            // In place: a copy of the parser would copy its records on the first change.
            if linesBefore > 0 { box.parser.continueLines(after: linesBefore) }
            linesBefore += box.parser.lines
            return box.parser
        }
    }

    /// The offset just after the first newline at or after `offset`, if the file goes on after it.
    private static func lineStart(after offset: Int, in source: ByteSource, file: Int) -> Int? {
        var window = [UInt8](repeating: 0, count: 64 * 1024)
        var position = offset
        let size = source.size(file)
        while position < size {
            let got = window.withUnsafeMutableBytes { raw in source.read(file: file, offset: position, count: min(raw.count, size - position), into: raw.baseAddress!) }
            guard let got, got > 0 else { return nil }
            if let newline = window.prefix(got).firstIndex(of: UInt8(ascii: "\n")) {
                let start = position + newline + 1
                return start < size ? start : nil
            }
            position += got
        }
        return nil
    }

    /// A chunk being parsed on its own thread.
    final class ChunkBox: @unchecked Sendable {
        var parser: ChunkParser
        init(_ parser: ChunkParser) { self.parser = parser }
    }
}

extension ChunkParser {
    /// Renumbers the chunk's lines to follow `linesBefore` lines of earlier chunks.
    mutating func continueLines(after linesBefore: Int) {
        let shift = Int32(linesBefore)
        for index in entries.indices { entries[index].line += shift }
        for index in rare.indices { rare[index].location.line += linesBefore }
        for index in diagnostics.indices { diagnostics[index].location.line += linesBefore }
        for index in stubs.indices { stubs[index].line += shift }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
