import Ledger

/// The plan on the month clock (spec §1): day d of month m stands (m − 1) + d/(days in m)
/// months into the year; checkpoint `M月` stands at M; 0 % stands at 0; after the last
/// checkpoint the plan stays flat; in between it is interpolated linearly.
public enum PlanClock {
    /// lcm(1…12): every checkpoint span divides it, so all expectations at one date share
    /// the denominator `daysInMonth × spanLCM` and can be added exactly.
    public static let spanLCM: Int128 = 27_720

    /// The expected cumulative progress at `date`, in basis points, as an exact fraction
    /// `numerator / denominator(date)`.
    public static func expectedNumerator(_ plan: DisbursementPlan, at date: CalendarDate) -> Int128 {
        let daysInMonth = Int128(date.daysInMonth)
        // Position in "days of this month" units: (m − 1) × dim + d.
        let position = Int128(date.month - 1) * daysInMonth + Int128(date.day)
        var previousMonth: Int128 = 0
        var previousBasisPoints: Int128 = 0
        for checkpoint in plan.checkpoints {
            let month = Int128(checkpoint.month)
            let basisPoints = Int128(checkpoint.percentBasisPoints)
            if position <= month * daysInMonth {
                let span = month - previousMonth
                // P_prev + (P − P_prev) × (position − M_prev·dim) / (span·dim), scaled by dim·LCM.
                let scale = spanLCM / span
                return previousBasisPoints * daysInMonth * spanLCM
                    + (basisPoints - previousBasisPoints) * (position - previousMonth * daysInMonth) * scale
            }
            previousMonth = month
            previousBasisPoints = basisPoints
        }
        return previousBasisPoints * daysInMonth * spanLCM
    }

    public static func denominator(at date: CalendarDate) -> Int128 { Int128(date.daysInMonth) * spanLCM }

    /// Expected progress at `date`, rounded half-up to basis points.
    public static func expectedBasisPoints(_ plan: DisbursementPlan, at date: CalendarDate) -> Int64 {
        Fraction.rounded(expectedNumerator(plan, at: date), denominator(at: date))
    }

    /// `expected − paid/budget`, in basis points, computed exactly and rounded once.
    public static func gapBasisPoints(expectedNumerator: Int128, at date: CalendarDate, paidFen: Int64, budgetFen: Int64) -> Int64 {
        let denominator = denominator(at: date)
        guard budgetFen != 0 else { return Fraction.rounded(expectedNumerator, denominator) }
        let budget = Int128(budgetFen)
        return Fraction.rounded(expectedNumerator * budget - Int128(paidFen) * 10_000 * denominator, denominator * budget)
    }
}
