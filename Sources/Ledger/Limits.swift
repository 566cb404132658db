/// Every limit fundflow enforces, in one place. Input beyond a limit is reported as an
/// error at its source location; nothing here is ever allowed to trap.
public enum Limits {
    /// Longest journal line accepted, in bytes (without its line ending). A real entry is a
    /// few hundred bytes; anything this long is a pasted blob, not an entry.
    public static let maxLineBytes = 64 * 1024

    /// Largest amount a single entry may carry, in 分: 10^16 分 = 1,000,000,000,000,000 元
    /// (a thousand trillion yuan), far beyond any budget, far below Int64.max so that
    /// sums of many entries stay representable.
    public static let maxAmountFen: Int64 = 10_000_000_000_000_000

    /// Most fields on one line (positional fields and attributes together).
    public static let maxFieldsPerLine = 64

    /// Most entries in one journal (all files together).
    public static let maxEntries = 50_000_000

    /// Largest journal file read, in bytes.
    public static let maxFileBytes = 4 * 1024 * 1024 * 1024

    /// Earliest and latest year a date may name.
    public static let minYear = 1900
    public static let maxYear = 2999

    /// Longest text a diagnostic quotes from the offending line, in characters.
    public static let excerptCharacters = 60

    /// Diagnostics of one kind `check` prints before saying how many more there are
    /// (`check --all` prints every one).
    public static let diagnosticsShownPerKind = 20

    /// Bytes the reader takes from a file at a time, per thread: memory holds blocks, never
    /// the whole file.
    public static let readBlockBytes = 4 << 20
    /// The shortest average line the record list reserves for up front (address space, not
    /// memory: a journal of shorter lines grows the list once).
    static let reservedBytesPerRecord = 100
    /// Findings the checker reserves address space for up front (one per record of a
    /// province's journal; a larger journal grows the list as it needs).
    static let reservedFindings = 1 << 22

    /// Files at least this large are read in chunks on several threads, split at line boundaries.
    public static let parallelReadBytes = 1 << 20
    /// Chunks a file of at least `parallelReadBytes` is read in, on as many threads as there are cores.
    public static let readChunksPerFile = 4

    /// Rows of the flat CSV export one thread writes at a time (a few megabytes): memory
    /// holds two such batches, never the whole table.
    public static let csvRowsPerBatch = 16_384

    /// Bytes hashed at a time on the way to a seal.
    public static let sealHashBlockBytes = 1 << 20

    /// Most (project × year) balances the checker keeps in one flat array (72 MB); a journal
    /// needing more (very many projects over very many years) keeps only the slots in use.
    public static let maxDenseFigureSlots = 1 << 20

    /// Hex digits of a seal's 校验码 (the start of its SHA-256), copied onto paper.
    public static let sealCodeDigits = 16
}
