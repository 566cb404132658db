import Ledger

/// 部门整体绩效指标 for a year as of a date (spec §1 "Department indicators"). Rates are in
/// basis points and nil where their base is zero (no such projects).
public struct Indicators: Sendable {
    public var year: Int
    public var asOf: CalendarDate
    public var organisation: String
    public var totals: Totals
    public var executionRate: Int64?
    public var adjustmentRate: Int64?
    public var carryoverRate: Int64?
    public var sangongControlRate: Int64?
    public var procurementRate: Int64?
    /// Score in hundredths of a point: weight × min(1, execution rate / 执行率目标).
    public var executionScoreHundredths: Int64?
    public var scoreWeight: Int64
    public var targetRateBasisPoints: Int64
    public var totalPaidFen: Int64
    public var basicPaidFen: Int64
    public var projectPaidFen: Int64
    /// The first sum that does not fit in Int64 分, or nil (the report is then refused).
    public var overflow: String?
    public var sangong: (budgetFen: Int64, paidFen: Int64)
    public var procurement: (budgetFen: Int64, paidFen: Int64)

    public static let defaultWeight: Int64 = 10

    public init?(journal: Journal, year: Int, weight: Int64 = Indicators.defaultWeight) {
        guard let yearEnd = CalendarDate.yearEnd(year) else { return nil }
        self.init(journal: journal, asOf: yearEnd, weight: weight)
    }

    public init(journal: Journal, asOf: CalendarDate, weight: Int64 = Indicators.defaultWeight) {
        self.init(replay: YearReplay(journal: journal, asOf: asOf), weight: weight)
    }

    public init(replay: YearReplay, weight: Int64 = Indicators.defaultWeight) {
        let asOf = replay.asOf
        let projects = StatusBuilder.projects(replay)
        year = asOf.year
        self.asOf = asOf
        organisation = replay.context.settings.organisation
        totals = Totals(projects, asOf: asOf)
        scoreWeight = weight
        targetRateBasisPoints = replay.context.settings.targetRateBasisPoints

        var overflow = totals.overflow
        func checked(_ value: Int64?, _ name: String) -> Int64 {
            if value == nil, overflow == nil { overflow = name }
            return value ?? 0
        }
        func tagged(_ tag: String) -> (budgetFen: Int64, paidFen: Int64) {
            var sum = Totals()
            for p in projects where p.tags.contains(tag) {
                sum.add(p.budgetFen, to: \.budgetFen, "标签“\(tag)”项目预算合计")
                sum.add(p.paidFen, to: \.paidFen, "标签“\(tag)”项目支出合计")
            }
            if overflow == nil { overflow = sum.overflow }
            return (sum.budgetFen, sum.paidFen)
        }
        let budget = totals.budgetFen
        let paid = totals.paidFen
        executionRate = budget > 0 ? Percent.basisPoints(paid, of: budget) : nil
        let carriedIn = totals.carriedInFen, initial = totals.initialFen
        let adjusted = checked(Checked.subtract(budget, carriedIn).flatMap { Checked.subtract($0, initial) }, "预算调整额")
        adjustmentRate = initial > 0 ? Percent.basisPoints(adjusted, of: initial) : nil
        carryoverRate = budget > 0 ? Percent.basisPoints(checked(Checked.subtract(budget, paid), "结转结余额"), of: budget) : nil
        sangong = tagged("三公")
        procurement = tagged("采购")
        sangongControlRate = sangong.budgetFen > 0 ? Percent.basisPoints(sangong.paidFen, of: sangong.budgetFen) : nil
        procurementRate = procurement.budgetFen > 0 ? Percent.basisPoints(procurement.paidFen, of: procurement.budgetFen) : nil
        if budget > 0, targetRateBasisPoints > 0 {
            // weight × (paid / budget) / target, exactly: weight × paid × 10000 / (budget × target), in hundredths.
            let numerator = Int128(weight) * 100 * Int128(paid) * 10_000
            let denominator = Int128(budget) * Int128(targetRateBasisPoints)
            executionScoreHundredths = min(weight * 100, Fraction.rounded(numerator, denominator))
        }
        totalPaidFen = paid
        basicPaidFen = tagged("基本").paidFen
        projectPaidFen = checked(Checked.subtract(paid, basicPaidFen), "项目支出")
        self.overflow = overflow
    }
}
