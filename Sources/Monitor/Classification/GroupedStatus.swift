import Ledger

/// `status --by 资金性质|科目|经济科目|单位|标签`: budget against paid as of a date, grouped along
/// one classification — the month-to-month questions ("how much of 三公 is spent by June?").
/// Budgets follow each project's own class; paid follows each payment's effective 经济科目
/// when grouping by economic class (spec §3). By 标签 a project counts in each of its tags.
public struct GroupedStatus: Sendable {
    public enum Grouping: String, CaseIterable, Sendable {
        case fund = "资金性质", code = "科目", econ = "经济科目", unit = "单位", tags = "标签"

        /// Chinese or English spelling (`fund`, `code`, `econ`, `unit`, `tags`).
        public static func named(_ word: String) -> Grouping? {
            allCases.first { $0.rawValue == word || $0.english == word }
        }

        public var english: String {
            switch self {
            case .fund: return "fund"
            case .code: return "code"
            case .econ: return "econ"
            case .unit: return "unit"
            case .tags: return "tags"
            }
        }
    }

    public struct Group: Hashable, Sendable {
        /// The code, fund, unit or tag ("" for projects without one).
        public var key: String
        public var name: String
        /// 类/款/项 for codes, "" otherwise.
        public var level: String
        public var budgetFen: Int64
        public var paidFen: Int64
        public var rateBasisPoints: Int64?
        /// Of the total paid.
        public var shareBasisPoints: Int64?
    }

    public var asOf: CalendarDate
    public var organisation: String
    public var grouping: Grouping
    public var groups: [Group]
    public var totalBudgetFen: Int64
    public var totalPaidFen: Int64
    public var totalRateBasisPoints: Int64?

    public init(journal: Journal, asOf: CalendarDate, by grouping: Grouping) throws {
        let context = journal.context
        let year = try ClassifiedYear(books: journal.books(through: asOf), journal: journal, year: asOf.year)
        try self.init(year, asOf: asOf, by: grouping, organisation: context.settings.organisation)
    }

    public init(_ year: ClassifiedYear, asOf: CalendarDate, by grouping: Grouping, organisation: String) throws {
        self.asOf = asOf
        self.organisation = organisation
        self.grouping = grouping
        totalBudgetFen = try Money.sum(year.projects.map(\.figures.budgetFen))
        totalPaidFen = try Money.sum(year.projects.map(\.figures.paidFen))
        totalRateBasisPoints = FinalAccounts.rate(totalPaidFen, totalBudgetFen)
        switch grouping {
        case .code:
            groups = try FinalAccounts.functionRows(year, totalPaidFen: totalPaidFen).map(Self.group)
        case .econ:
            groups = try FinalAccounts.economicRows(year, totalPaidFen: totalPaidFen).map(Self.group)
        case .fund:
            groups = try Self.groups(year, total: totalPaidFen) { [$0.effectiveFund.chinese] }
            let order = Fund.allCases.map(\.chinese)
            groups.sort { (order.firstIndex(of: $0.key) ?? 0) < (order.firstIndex(of: $1.key) ?? 0) }
        case .unit:
            groups = try Self.groups(year, total: totalPaidFen) { [$0.unit ?? ""] }
        case .tags:
            groups = try Self.groups(year, total: totalPaidFen) { $0.tags.isEmpty ? [""] : $0.tags }
        }
    }

    static func group(_ row: FinalAccounts.ClassRow) -> Group {
        Group(
            key: row.code, name: row.name, level: row.level == .unclassified ? "" : row.level.rawValue, budgetFen: row.budgetFen,
            paidFen: row.paidFen, rateBasisPoints: row.rateBasisPoints, shareBasisPoints: row.shareBasisPoints)
    }

    /// Groups by the keys each project belongs to, in order of first appearance.
    static func groups(_ year: ClassifiedYear, total: Int64, keys: (ProjectDeclaration) -> [String]) throws -> [Group] {
        var order: [String] = []
        var sums: [String: (budget: Int64, paid: Int64)] = [:]
        for p in year.projects {
            for key in keys(p.declaration) {
                if sums[key] == nil { order.append(key) }
                let now = sums[key] ?? (0, 0)
                sums[key] = (try Money.add(now.budget, p.figures.budgetFen), try Money.add(now.paid, p.figures.paidFen))
            }
        }
        return order.map { key in
            let sum = sums[key] ?? (0, 0)
            return Group(
                key: key, name: key.isEmpty ? "（未填）" : key, level: "", budgetFen: sum.budget, paidFen: sum.paid,
                rateBasisPoints: FinalAccounts.rate(sum.paid, sum.budget), shareBasisPoints: FinalAccounts.share(sum.paid, total))
        }
    }
}
