import Dispatch

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

    /// Files larger than this are read by two threads, split at a line boundary.
    static let parallelThresholdBytes = 1 << 20

    /// Reads and checks the files as one journal; with `yearAsOf`, also replays the year of
    /// that date up to it, as `YearState(journal:asOf:)` does.
    public static func load(paths: [String], yearAsOf: CalendarDate? = nil) -> Outcome {
        var parsed: [ChunkParser] = []
        for (file, path) in paths.enumerated() {
            let bytes: [UInt8]
            switch FileIO.readAll(path: path) {
            case .success(let value): bytes = value
            case .failure(let failure): return .failure(FileFailure(path: path, reason: failure.reason))
            }
            // A last line without its newline earns a warning: let the full pipeline say it.
            if let last = bytes.last, last != UInt8(ascii: "\n") { return .needsFullValidation }
            guard let chunks = parse(bytes, file: file), sealsHold(in: chunks, bytes: bytes) else { return .needsFullValidation }
            parsed.append(contentsOf: chunks)
        }
        let merged = Merged(parsed)
        guard merged.entries.count <= Limits.maxEntries else { return .needsFullValidation }
        var validator = CompactValidator(merged, asOf: yearAsOf)
        guard let clean = validator.run() else { return .needsFullValidation }
        return .clean(clean)
    }

    /// Parses one file, in two halves on two threads when it is large. Nil when a line has a
    /// problem.
    static func parse(_ bytes: [UInt8], file: Int) -> [ChunkParser]? {
        var bounds = [0, bytes.count]
        if bytes.count >= parallelThresholdBytes {
            var middle = bytes.count / 2
            while middle < bytes.count, bytes[middle - 1] != UInt8(ascii: "\n") { middle += 1 }
            if middle < bytes.count { bounds = [0, middle, bytes.count] }
        }
        let chunks = (0..<(bounds.count - 1)).map { ChunkBox(ChunkParser(file: file, start: bounds[$0], end: bounds[$0 + 1])) }
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            chunks[index].parser.parse(bytes)
        }
        guard !chunks.contains(where: \.parser.failed) else { return nil }
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

/// The chunks joined into one journal: IDs renumbered into shared interners, entries and
/// side entries in file order.
struct Merged {
    var entries: [CompactEntry] = []
    var rare: [Entry] = []
    var projects = ByteInterner()
    var vouchers = ByteInterner()
    var contracts = ByteInterner()
    var documents = ByteInterner()

    init(_ chunks: [ChunkParser]) {
        guard let first = chunks.first else { return }
        entries = first.entries
        rare = first.rare
        projects = first.projects
        vouchers = first.vouchers
        contracts = first.contracts
        documents = first.documents
        entries.reserveCapacity(chunks.reduce(0) { $0 + $1.entries.count })
        for chunk in chunks.dropFirst() {
            let projectIDs = Merged.renumber(chunk.projects, into: &projects)
            let voucherIDs = Merged.renumber(chunk.vouchers, into: &vouchers)
            let contractIDs = Merged.renumber(chunk.contracts, into: &contracts)
            let documentIDs = Merged.renumber(chunk.documents, into: &documents)
            let rareOffset = Int32(rare.count)
            rare.append(contentsOf: chunk.rare)
            for var entry in chunk.entries {
                if entry.project >= 0 { entry.project = projectIDs[Int(entry.project)] }
                switch entry.verb {
                case .pay:
                    if entry.key >= 0 { entry.key = voucherIDs[Int(entry.key)] }
                    if entry.reference >= 0 { entry.reference = contractIDs[Int(entry.reference)] }
                case .reverse: entry.key = voucherIDs[Int(entry.key)]
                case .allot, .reduce: entry.key = documentIDs[Int(entry.key)]
                case .contract: entry.key = contractIDs[Int(entry.key)]
                default: break
                }
                if entry.rare >= 0 { entry.rare += rareOffset }
                entries.append(entry)
            }
        }
    }

    static func renumber(_ local: ByteInterner, into global: inout ByteInterner) -> [Int32] {
        (0..<Int32(local.count)).map { id in local.withBytes(id) { global.intern($0) } }
    }
}

/// A journal the compact loader found clean: what `check` says of it and what reports need.
public struct CleanJournal: Sendable {
    public var entryCount: Int
    public var context: JournalContext
    /// The replay of the requested year, when one was asked for.
    public var year: YearState?
}
