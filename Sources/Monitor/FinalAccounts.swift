import Ledger

/// 部门决算 for a year (spec §3, `report final --year Y`): income by 资金性质, spending split
/// into 基本 (人员经费 / 公用经费) and 项目, by function and economic class with roll-ups,
/// “三公” by kind against budget and the year before, and 政府采购. Amounts in 分, rates and
/// shares in basis points (nil where their base is zero).
public struct FinalAccounts: Sendable {
    public var year: Int
    public var organisation: String
    public var income: Income
    public var spending: Spending
    public var byFunction: [ClassRow]
    public var byEconomic: [ClassRow]
    public var sangong: Sangong
    public var procurement: BudgetAndPaid

    public struct FundIncome: Hashable, Sendable {
        public var fund: Fund
        public var amountFen: Int64
        public var shareBasisPoints: Int64?
    }

    public struct Income: Hashable, Sendable {
        public var totalFen: Int64
        /// Every fund of spec §3, in its order (zero amounts included, as the 决算 lists them).
        public var byFund: [FundIncome]
    }

    public struct Spending: Hashable, Sendable {
        public var totalPaidFen: Int64
        public var basicPaidFen: Int64
        public var personnelPaidFen: Int64
        public var publicPaidFen: Int64
        public var projectPaidFen: Int64
    }

    /// A 类/款/项 row; `code` is "" for the money that has no class (level 未分类).
    public struct ClassRow: Hashable, Sendable {
        public var code: String
        public var name: String
        public var level: Classification.Level
        public var budgetFen: Int64
        public var paidFen: Int64
        public var rateBasisPoints: Int64?
        public var shareBasisPoints: Int64?
    }

    public struct SangongRow: Hashable, Sendable {
        public var kind: Classification.SangongKind
        public var budgetFen: Int64
        public var paidFen: Int64
        public var rateBasisPoints: Int64?
        /// Of the year's “三公” total paid.
        public var shareBasisPoints: Int64?
        public var previousPaidFen: Int64
        public var changeFen: Int64
        /// change / previous paid; nil when the year before has none.
        public var changeRateBasisPoints: Int64?
    }

    public struct Sangong: Hashable, Sendable {
        public var budgetFen: Int64
        public var paidFen: Int64
        public var rateBasisPoints: Int64?
        public var previousPaidFen: Int64
        public var changeFen: Int64
        public var changeRateBasisPoints: Int64?
        /// The three kinds always, and 未分类 when it holds money.
        public var kinds: [SangongRow]
        public var vehiclePurchasePaidFen: Int64
        public var vehicleOperationPaidFen: Int64
        public var previousVehiclePurchasePaidFen: Int64
        public var previousVehicleOperationPaidFen: Int64
    }

    public struct BudgetAndPaid: Hashable, Sendable {
        public var budgetFen: Int64
        public var paidFen: Int64
        public var rateBasisPoints: Int64?
    }

    /// The final accounts of `year` from a validated journal's accepted entries.
    public init(journal: Journal, year: Int) throws {
        let context = journal.context
        let books = journal.books(through: CalendarDate.yearEnd(year))
        try self.init(
            current: ClassifiedYear(books: books, journal: journal, year: year),
            previous: ClassifiedYear(books: books, journal: journal, year: year - 1),
            organisation: context.settings.organisation)
    }

    /// The final accounts from the classified money of the year and of the year before.
    public init(current: ClassifiedYear, previous: ClassifiedYear, organisation: String) throws {
        year = current.year
        self.organisation = organisation
        income = try Self.income(current)
        spending = try Self.spending(current)
        byFunction = try Self.functionRows(current, totalPaidFen: spending.totalPaidFen)
        byEconomic = try Self.economicRows(current, totalPaidFen: spending.totalPaidFen)
        sangong = try Self.sangong(current, previous: previous)
        let tagged = current.projects.filter { $0.declaration.tags.contains("采购") }
        let budget = try Money.sum(tagged.map(\.figures.budgetFen))
        let paid = try Money.sum(tagged.map(\.figures.paidFen))
        procurement = BudgetAndPaid(budgetFen: budget, paidFen: paid, rateBasisPoints: Self.rate(paid, budget))
    }

    /// paid / budget, only where the budget is above zero.
    static func rate(_ paidFen: Int64, _ budgetFen: Int64) -> Int64? {
        budgetFen > 0 ? Percent.basisPoints(paidFen, of: budgetFen) : nil
    }

    /// part / whole, only where the whole is not zero.
    static func share(_ partFen: Int64, _ wholeFen: Int64) -> Int64? {
        wholeFen != 0 ? Percent.basisPoints(partFen, of: wholeFen) : nil
    }

    static func income(_ year: ClassifiedYear) throws -> Income {
        var byFund: [Fund: Int64] = [:]
        for p in year.projects {
            let fund = p.declaration.effectiveFund
            byFund[fund] = try Money.add(byFund[fund] ?? 0, try Money.subtract(p.figures.allottedFen, p.figures.reducedFen))
        }
        let total = try Money.sum(Array(byFund.values))
        return Income(
            totalFen: total,
            byFund: Fund.allCases.map { fund in
                let amount = byFund[fund] ?? 0
                return FundIncome(fund: fund, amountFen: amount, shareBasisPoints: share(amount, total))
            })
    }

    static func spending(_ year: ClassifiedYear) throws -> Spending {
        let total = try Money.sum(year.projects.map(\.figures.paidFen))
        let basic = year.projects.filter { $0.declaration.tags.contains("基本") }
        let basicPaid = try Money.sum(basic.map(\.figures.paidFen))
        let personnel = try Money.sum(basic.flatMap { p in p.paidByEconFen.filter { Classification.isPersonnel($0.key) }.map(\.value) })
        return Spending(
            totalPaidFen: total, basicPaidFen: basicPaid, personnelPaidFen: personnel,
            publicPaidFen: try Money.subtract(basicPaid, personnel), projectPaidFen: try Money.subtract(total, basicPaid))
    }
}
