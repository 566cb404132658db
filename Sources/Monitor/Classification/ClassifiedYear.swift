import Ledger

/// One year's money of every project, with what was paid split by *effective* economic
/// class (the payment's 经济科目, else its project's): the input of `FinalAccounts`.
public struct ClassifiedYear: Sendable {
    public struct Project: Sendable {
        public var declaration: ProjectDeclaration
        public var figures: YearFigures
        /// Paid (payments less the reversals of them) by effective economic class; the key
        /// "" holds money with no class.
        public var paidByEconFen: [String: Int64]
    }

    public var year: Int
    /// Projects with money in the year, in declaration order.
    public var projects: [Project]

    public init(year: Int, projects: [Project]) {
        self.year = year
        self.projects = projects
    }

    /// The year from books that hold every accepted entry up to its 12-31 at least, and the
    /// journal they came from (each payment of the year is read again for its 经济科目; a
    /// payment without one takes its project's). A 冲销 reduces the class of the payment it
    /// reverses (`reversedFen`); what the payments do not explain (never, for a valid journal)
    /// stays with the project's own class, so the classes always add up to the project's paid.
    public init(books: Books, journal: Journal, year: Int) throws {
        let context = journal.context
        var byProject: [String: [String: Int64]] = [:]
        for payment in books.payments where payment.date.year == year {
            let econ = Self.econ(of: journal.entry(at: payment.index)) ?? context.projects[payment.project]?.econ ?? ""
            let net = try Money.subtract(payment.amountFen, payment.reversedFen)
            byProject[payment.project, default: [:]][econ] = try Money.add(byProject[payment.project]?[econ] ?? 0, net)
        }
        var projects: [Project] = []
        for id in context.projectOrder {
            guard let declaration = context.projects[id] else { continue }
            let figures = books.figures(id, year: year)
            var paid = byProject[id] ?? [:]
            let explained = try Money.sum(Array(paid.values))
            if explained != figures.paidFen {
                let own = declaration.econ ?? ""
                paid[own] = try Money.add(paid[own] ?? 0, try Money.subtract(figures.paidFen, explained))
            }
            paid = paid.filter { $0.value != 0 }
            guard figures != YearFigures() || !paid.isEmpty else { continue }
            projects.append(Project(declaration: declaration, figures: figures, paidByEconFen: paid))
        }
        self.init(year: year, projects: projects)
    }

    /// The 经济科目 written on a payment line, or nil.
    static func econ(of entry: Entry) -> String? {
        guard case .pay(let payment) = entry.body else { return nil }
        return payment.econ
    }
}

/// Checked sums for the report values: a total that would overflow is an error, never a
/// wrapped number.
public enum Money {
    public struct Overflow: Error, CustomStringConvertible {
        public var description: String { "金额合计超出可表示的范围：请检查日记账中是否有多写位数的金额" }
    }

    public static func add(_ a: Int64, _ b: Int64) throws -> Int64 {
        guard let sum = Checked.add(a, b) else { throw Overflow() }
        return sum
    }

    public static func subtract(_ a: Int64, _ b: Int64) throws -> Int64 {
        guard let difference = Checked.subtract(a, b) else { throw Overflow() }
        return difference
    }

    public static func sum(_ values: [Int64]) throws -> Int64 {
        try values.reduce(0) { try add($0, $1) }
    }
}
