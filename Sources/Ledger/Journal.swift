/// The validated journal: entries in file order, the order in which they take effect, the
/// projects, the settings, and every diagnostic. Reports read only accepted entries.
public struct Journal: Sendable {
    public var sources: [JournalSource]
    /// Entries in file order.
    public var entries: [Entry]
    /// Indices into `entries` in date order (file order among equal dates).
    public var dateOrder: [Int]
    /// Whether each entry passed every rule (reports count only accepted entries).
    public var accepted: [Bool]
    public var projects: [String: ProjectDeclaration]
    /// Project IDs in declaration order.
    public var projectOrder: [String]
    public var settings: Settings
    public var diagnostics: [Diagnostic]
    public var lineCounts: [Int]

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }

    /// Accepted entries in date order.
    public var acceptedInDateOrder: [Entry] { dateOrder.lazy.filter { accepted[$0] }.map { entries[$0] } }

    /// The books after every accepted entry dated on or before `date` (all when nil).
    public func books(through date: CalendarDate? = nil) -> Books {
        var books = Books()
        for index in dateOrder where accepted[index] {
            let entry = entries[index]
            if let date, entry.date > date { break }
            books.apply(entry)
        }
        return books
    }
}

/// parse → validate: runs the rules over a parsed journal. File-order rules (projects,
/// seals) first, then the dated rules entry by entry in date order.
public enum Validator {
    public static func validate(_ parsed: ParsedJournal) -> Journal {
        var diagnostics = parsed.diagnostics
        let entries = parsed.entries

        let paths = parsed.sources.map(\.path)
        let declarations = ProjectDeclarationRule(paths: paths).check(entries, into: &diagnostics)
        var rejected = declarations.rejected
        rejected.formUnion(SealRule().check(entries, sources: parsed.sources, into: &diagnostics))

        let dateOrder = Array(entries.indices).sorted { a, b in
            let left = entries[a].date.key, right = entries[b].date.key
            return left != right ? left < right : a < b
        }

        var rules: [any DatedRule] = [
            OverspendRule(), ReductionRule(), CarryOverRule(), LapseRule(),
            ContractRule(paths: paths), ReversalRule(), DuplicateDocumentWarning(paths: paths), DuplicateVoucherWarning(paths: paths, expectedEntries: entries.count),
        ]
        var accepted = [Bool](repeating: false, count: entries.count)
        var books = Books(expectedEntries: entries.count)
        var found: [Diagnostic] = []
        for index in dateOrder where !rejected.contains(index) {
            let entry = entries[index]
            found.removeAll(keepingCapacity: true)
            for r in rules.indices { rules[r].check(entry, books: books, into: &found) }
            diagnostics.append(contentsOf: found)
            if found.contains(where: \.isError) { continue }
            if books.apply(entry) {
                accepted[index] = true
            } else {
                diagnostics.append(.error("amount-overflow", at: entry.amountLocation,
                    "累计金额超出可表示的范围：请检查金额是否多写了位数"))
            }
        }
        // Settings in file order (the later line wins), from accepted lines only: a 设置 refused
        // for falling in a sealed period does not take effect, like any other refused entry.
        var settings = Settings()
        for (index, entry) in entries.enumerated() where accepted[index] {
            if case .set(let change) = entry.body { settings.apply(change) }
        }
        return Journal(sources: parsed.sources, entries: entries, dateOrder: dateOrder, accepted: accepted,
                       projects: declarations.projects, projectOrder: declarations.order, settings: settings,
                       diagnostics: diagnostics.sortedBySource(), lineCounts: parsed.lineCounts)
    }

    /// Reads the files and validates them as one journal.
    public static func load(paths: [String], allowMissing: Bool = false) -> Result<Journal, FileFailure> {
        JournalReader.read(paths: paths, allowMissing: allowMissing).map(validate)
    }
}
