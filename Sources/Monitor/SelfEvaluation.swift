import Ledger

/// 项目支出绩效自评表, 资金部分 (spec §3, `report selfeval --year Y`): per project with a budget
/// in the year, the rows 年度资金总额 / 当年财政拨款 / 上年结转资金 / 其他资金 and the columns
/// 年初预算数 / 全年预算数 / 全年执行数, with 分值, 执行率 and 得分 on the total row.
public struct SelfEvaluation: Sendable {
    public var year: Int
    public var organisation: String
    public var projects: [ProjectEvaluation]

    /// The default 分值 of the funds part of the template.
    public static let defaultWeight: Int64 = 10

    /// One row of the template: 年初预算数, 全年预算数, 全年执行数.
    public struct Money3: Hashable, Sendable {
        public var initialFen: Int64
        public var budgetFen: Int64
        public var paidFen: Int64
        public static let zero = Money3(initialFen: 0, budgetFen: 0, paidFen: 0)
    }

    public struct ProjectEvaluation: Hashable, Sendable {
        public var id: String
        public var name: String
        public var unit: String
        public var fund: Fund
        /// 年度资金总额: the sum of the three rows below.
        public var total: Money3
        /// 其中：当年财政拨款 (projects whose fund is 财政拨款).
        public var fiscal: Money3
        /// 上年结转资金.
        public var carriedIn: Money3
        /// 其他资金 (projects of any other fund).
        public var other: Money3
        public var weight: Int64
        /// 全年执行数 / 全年预算数 of the total row; nil when that budget is 0.
        public var rateBasisPoints: Int64?
        /// 分值 × 执行率 in hundredths of a point, rounded half-up once from the exact ratio.
        public var scoreHundredths: Int64?
    }

    public init?(journal: Journal, year: Int, weight: Int64 = SelfEvaluation.defaultWeight) {
        guard let yearEnd = CalendarDate.yearEnd(year) else { return nil }
        self.init(replay: YearReplay(journal: journal, asOf: yearEnd), weight: weight)
    }

    public init(replay: YearReplay, weight: Int64 = SelfEvaluation.defaultWeight) {
        year = replay.year
        organisation = replay.context.settings.organisation
        projects = replay.context.projectOrder.compactMap { id in
            guard let declaration = replay.context.projects[id] else { return nil }
            let figures = replay.figures(id)
            guard figures.budgetFen > 0 else { return nil }
            return Self.evaluate(declaration, figures, weight: weight)
        }
    }

    /// One project's table. Payments use carried-in money first (spec §1), so the
    /// carried-in row's 执行 is the smaller of paid and carried in.
    static func evaluate(_ declaration: ProjectDeclaration, _ f: YearFigures, weight: Int64) -> ProjectEvaluation {
        let fromCarried = min(max(f.paidFen, 0), f.carriedInFen)
        let carried = Money3(initialFen: f.carriedInFen, budgetFen: f.carriedInFen, paidFen: fromCarried)
        // Figures of a valid year are representable (YearFigures keeps them so): plain arithmetic.
        let new = Money3(initialFen: f.initialFen, budgetFen: f.allottedFen - f.reducedFen, paidFen: f.paidFen - fromCarried)
        let fund = declaration.effectiveFund
        let fiscal = fund.isAppropriation ? new : .zero
        let other = fund.isAppropriation ? .zero : new
        let total = Money3(initialFen: Checked.add(f.initialFen, f.carriedInFen) ?? .max, budgetFen: f.budgetFen, paidFen: f.paidFen)
        var rate: Int64?, score: Int64?
        if total.budgetFen > 0 {
            rate = Percent.basisPoints(total.paidFen, of: total.budgetFen)
            // weight × paid / budget, in hundredths of a point.
            score = Fraction.rounded(Int128(weight) * 100 * Int128(total.paidFen), Int128(total.budgetFen))
        }
        return ProjectEvaluation(
            id: declaration.id, name: declaration.name, unit: declaration.unit ?? "", fund: fund,
            total: total, fiscal: fiscal, carriedIn: carried, other: other, weight: weight,
            rateBasisPoints: rate, scoreHundredths: score)
    }
}
