import Ledger

/// What importing a sheet would do: the payments to append (each with its row), the rows
/// skipped as already recorded, and every row problem. Nothing here has touched a file.
public struct ImportPlan: Sendable {
    public struct Item: Sendable {
        public var row: Int
        public var draft: Appender.Draft
    }

    /// A row skipped because the same payment (date, project, amount, voucher) is already in
    /// the journal (`journalLocation`) or earlier in the sheet (`earlierRow`).
    public struct Duplicate: Sendable, Equatable {
        public var row: Int
        public var journalLocation: SourceLocation?
        public var earlierRow: Int?
    }

    public var items: [Item] = []
    public var duplicates: [Duplicate] = []
    /// Sorted by row.
    public var problems: [RowProblem] = []
    /// Data rows read from the sheet.
    public var rowCount: Int
    /// Rows left out as totals.
    public var totalRows: [Int]

    public init(rowCount: Int, totalRows: [Int] = []) {
        self.rowCount = rowCount
        self.totalRows = totalRows
    }

    public var drafts: [Appender.Draft] { items.map(\.draft) }

    /// Rows with at least one problem.
    public var errorRowCount: Int { Set(problems.map(\.row)).count }

    /// The sheet row behind the n-th draft.
    public func row(ofDraft index: Int) -> Int? { index >= 0 && index < items.count ? items[index].row : nil }
}
