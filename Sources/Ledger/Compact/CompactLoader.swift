import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The compact loader: a second reading of the same journal language, built for size. It
/// keeps each entry in 32 bytes, reads large files on every core, and checks the journal with
/// the same rules as `Validator` — but it only proves a journal clean: at the first error or
/// warning it stops and says so, and the caller runs the full pipeline, which reports every
/// problem with its place and remedy. On a clean journal both give the same figures; the
/// differential tests hold them to that.
public enum CompactLoader {
    public enum Outcome: Sendable {
        /// No error and no warning: the facts every report needs.
        case clean(CleanJournal)
        /// Something to report (or beyond what the compact form holds): use `Validator`.
        case needsFullValidation
        /// A file could not be read at all.
        case failure(FileFailure)
    }

    /// Sizes that decide how a file is read; tests make them tiny to exercise every seam.
    struct Tuning {
        /// Files at least this large are read by two threads, split at a line boundary.
        var parallelThresholdBytes = 1 << 20
        /// Bytes read from the file at a time, per thread.
        var blockBytes = 4 << 20
    }

    /// Reads and checks the files as one journal; with `yearAsOf`, also replays the year of
    /// that date up to it, as `YearState(journal:asOf:)` does.
    public static func load(paths: [String], yearAsOf: CalendarDate? = nil) -> Outcome {
        load(paths: paths, yearAsOf: yearAsOf, tuning: Tuning())
    }

    static func load(paths: [String], yearAsOf: CalendarDate?, tuning: Tuning) -> Outcome {
        var inputs: [Input] = []
        defer { for input in inputs { close(input.descriptor) } }
        for path in paths {
            switch FileIO.openForReading(path: path) {
            case .success(let opened): inputs.append(Input(descriptor: opened.descriptor, fileSize: opened.size))
            case .failure(let failure): return .failure(FileFailure(path: path, reason: failure.reason))
            }
        }
        return load(inputs, paths: paths, yearAsOf: yearAsOf, tuning: tuning)
    }

    /// One journal file, open for reading; `tail` is read as if it followed the file's last
    /// byte (an append judges the journal with its new line before writing it).
    struct Input {
        var descriptor: Int32
        var fileSize: Int
        var tail: [UInt8] = []
        var size: Int { fileSize + tail.count }
    }

    /// Reads and checks open files as one journal (the caller closes them).
    static func load(_ inputs: [Input], paths: [String], yearAsOf: CalendarDate?, tuning: Tuning) -> Outcome {
        var parsed: [ChunkParser] = []
        var lineCounts: [Int] = []
        LoadPhases.mark("start")
        defer { LoadPhases.mark("end") }
        for (file, input) in inputs.enumerated() {
            let path = file < paths.count ? paths[file] : ""
            let chunks = parse(input, file: file, tuning: tuning)
            if chunks.contains(where: \.readFailed) {
                return .failure(FileFailure(path: path, reason: FileIO.describe(EIO, path: path)))
            }
            // A last line without its newline earns a warning: let the full pipeline say it.
            guard !chunks.contains(where: \.failed), chunks.last?.endsWithNewline ?? true else { return .needsFullValidation }
            if chunks.contains(where: \.hasSeal) {
                switch FileIO.readAll(descriptor: input.descriptor, path: path) {
                case .success(let bytes): guard sealsHold(in: chunks, bytes: bytes + input.tail) else { return .needsFullValidation }
                case .failure(let failure): return .failure(FileFailure(path: path, reason: failure.reason))
                }
            }
            parsed.append(contentsOf: chunks)
            lineCounts.append(chunks.reduce(0) { $0 + $1.lines })
            LoadPhases.mark("parsed")
        }
        let merged = Merged(parsed)
        LoadPhases.mark("merged")
        guard merged.entryCount <= Limits.maxEntries else { return .needsFullValidation }
        var validator = CompactValidator(merged, asOf: yearAsOf)
        guard var clean = validator.run() else { return .needsFullValidation }
        clean.lineCounts = lineCounts
        return .clean(clean)
    }

    /// Parses one file, in two halves on two threads when it is large.
    static func parse(_ input: Input, file: Int, tuning: Tuning) -> [ChunkParser] {
        let size = input.size
        var bounds = [0, size]
        if size >= tuning.parallelThresholdBytes, let middle = lineStart(after: size / 2, in: input) {
            bounds = [0, middle, size]
        }
        let chunks = (0..<(bounds.count - 1)).map { ChunkBox(ChunkParser(file: file, start: bounds[$0], end: bounds[$0 + 1], blockBytes: tuning.blockBytes)) }
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let started = LoadPhases.nanoseconds()
            chunks[index].parser.parse(descriptor: input.descriptor, fileSize: input.fileSize, tail: input.tail)
            LoadPhases.report(chunk: index, since: started, entries: chunks[index].parser.entries.count)
        }
        // Line numbers of the later chunks continue from the earlier ones.
        var linesBefore = 0
        return chunks.map { box in
            var parser = box.parser
            if linesBefore > 0 {
                for index in parser.rare.indices { parser.rare[index].location.line += linesBefore }
            }
            linesBefore += parser.lines
            return parser
        }
    }

    /// The offset just after the first newline at or after `offset` in the file's own bytes,
    /// if the journal goes on after it.
    static func lineStart(after offset: Int, in input: Input) -> Int? {
        var window = [UInt8](repeating: 0, count: 64 * 1024)
        var position = offset
        while position < input.fileSize {
            let got = window.withUnsafeMutableBytes { raw in
                FileIO.read(descriptor: input.descriptor, offset: position, count: min(raw.count, input.fileSize - position), into: raw.baseAddress!)
            }
            guard let got, got > 0 else { return nil }
            if let newline = window.prefix(got).firstIndex(of: UInt8(ascii: "\n")) {
                let start = position + newline + 1
                return start < input.size ? start : nil
            }
            position += got
        }
        return nil
    }

    /// Every 封账 line of the file carries the hash of the bytes before it.
    static func sealsHold(in chunks: [ChunkParser], bytes: [UInt8]) -> Bool {
        var hasher = SHA256()
        var hashedUpTo = 0
        for chunk in chunks {
            for entry in chunk.rare {
                guard case .seal(let seal) = entry.body else { continue }
                let upTo = min(entry.byteOffset, bytes.count)
                if upTo > hashedUpTo { hasher.update(bytes[hashedUpTo..<upTo]); hashedUpTo = upTo }
                if hasher.hexDigest() != seal.sha256 { return false }
            }
        }
        return true
    }

    /// A chunk being parsed on its own thread.
    final class ChunkBox: @unchecked Sendable {
        var parser: ChunkParser
        init(_ parser: ChunkParser) { self.parser = parser }
    }
}
