/// A journal the compact loader found clean: what `check` says of it and what reports need.
public struct CleanJournal: Sendable {
    public var entryCount: Int
    public var context: JournalContext
    /// The replay of the requested year, when one was asked for.
    public var year: YearState?
    /// Lines in each file (an appended line's number is the last file's count).
    public var lineCounts: [Int] = []
}
