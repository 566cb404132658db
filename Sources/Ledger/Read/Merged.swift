import Dispatch

/// The chunks joined into one journal: IDs renumbered into shared interners (each chunk's
/// entries rewritten in place, the chunks in parallel), side entries in file order.
struct Merged {
    /// Entries in file order, chunk after chunk.
    var parts: [[Record]] = []
    var rare: [Entry] = []
    /// What the reader said of the lines it rejected, in file order.
    var diagnostics: [Diagnostic] = []
    var stubs: [StubDeclaration] = []
    var projects = ByteInterner()
    var contracts = ByteInterner()
    var documents = ByteInterner()
    /// Voucher IDs run below this bound (an ID is the index of the voucher's first mention).
    var voucherIDBound = 0

    var entryCount: Int { parts.reduce(0) { $0 + $1.count } }

    /// Takes the chunks' records (leaving their arrays empty, so renumbering in place copies nothing).
    init(_ chunks: inout [ChunkParser]) {
        guard let first = chunks.first else { return }
        let voucherIDs = VoucherNumbering.number(chunks.map(\.vouchers))
        LoadPhases.mark("vouchers numbered")
        voucherIDBound = voucherIDs.count
        projects = first.projects
        contracts = first.contracts
        documents = first.documents
        // Renumbering tables per chunk (the first chunk's own IDs stand).
        var tables: [Renumbering] = []
        rare.reserveCapacity(chunks.reduce(0) { $0 + $1.rare.count })  // full entries are costly to copy twice
        var mentionsBefore = 0
        for (number, chunk) in chunks.enumerated() {
            var table = Renumbering(mentionsBefore: mentionsBefore, rareOffset: Int32(rare.count))
            if number > 0 {
                table.projects = Merged.renumber(chunk.projects, into: &projects)
                table.contracts = Merged.renumber(chunk.contracts, into: &contracts)
                table.documents = Merged.renumber(chunk.documents, into: &documents)
            }
            rare.append(contentsOf: chunk.rare)
            diagnostics.append(contentsOf: chunk.diagnostics)
            for var stub in chunk.stubs {
                if number > 0 { stub.project = table.projects[Int(stub.project)] }
                stubs.append(stub)
            }
            mentionsBefore += chunk.vouchers.count
            tables.append(table)
        }
        LoadPhases.mark("renumbering tables")
        let boxes = chunks.indices.map { index -> PartBox in
            let box = PartBox(chunks[index].entries)
            chunks[index].entries = []
            return box
        }
        DispatchQueue.concurrentPerform(iterations: boxes.count) { index in
            tables[index].apply(to: &boxes[index].entries, voucherIDs: voucherIDs, renumber: index > 0)
        }
        parts = boxes.map(\.entries)
    }

    /// All records in file order, the parts released as they are copied (so memory never holds
    /// every record twice).
    mutating func takeRecords() -> [Record] {
        guard !parts.isEmpty else { return [] }
        // The first part reserved room for the whole journal (`ChunkParser.reserveBytes`): the
        // others are appended in place.
        var all = parts[0]
        parts[0] = []
        all.reserveCapacity(entryCount)
        for index in parts.indices.dropFirst() {
            all.append(contentsOf: parts[index])
            parts[index] = []
        }
        return all
    }

    static func renumber(_ local: ByteInterner, into global: inout ByteInterner) -> [Int32] {
        (0..<Int32(local.count)).map { id in local.withBytes(id) { global.intern($0) } }
    }

    final class PartBox: @unchecked Sendable {
        var entries: [Record]
        init(_ entries: [Record]) { self.entries = entries }
    }

    /// How one chunk's local IDs become the journal's.
    struct Renumbering {
        var mentionsBefore: Int
        var rareOffset: Int32
        var projects: [Int32] = []
        var contracts: [Int32] = []
        var documents: [Int32] = []

        func apply(to entries: inout [Record], voucherIDs: [Int32], renumber: Bool) {
            for index in entries.indices {
                var entry = entries[index]
                switch entry.verb {
                case .pay:
                    if entry.key >= 0 { entry.key = voucherIDs[mentionsBefore + Int(entry.key)] }
                    if renumber, entry.reference >= 0 { entry.reference = contracts[Int(entry.reference)] }
                case .reverse: entry.key = voucherIDs[mentionsBefore + Int(entry.key)]
                case .allot, .reduce: if renumber { entry.key = documents[Int(entry.key)] }
                case .contract: if renumber { entry.key = contracts[Int(entry.key)] }
                default: break
                }
                if renumber {
                    if entry.project >= 0 { entry.project = projects[Int(entry.project)] }
                    if entry.rare >= 0 { entry.rare += rareOffset }
                }
                entries[index] = entry
            }
        }
    }
}
