/// Percentages are computed from exact integers and rounded half-up (away from zero) to two
/// decimals once, at the end. They are stored as basis points of a percent: 4493 means
/// 44.93 %.
public enum Percent {
    /// `numerator / denominator × 100 %`, in hundredths of a percent, rounded half-up.
    /// A zero denominator yields 0 (a project with no budget has rate 0).
    public static func basisPoints(_ numerator: Int64, of denominator: Int64) -> Int64 {
        if denominator == 0 { return 0 }
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude
        let d = denominator.magnitude
        // n × 10000 may exceed 64 bits; compute it full width.
        let product = n.multipliedFullWidth(by: 10_000)
        guard product.high < d else { return negative ? Int64.min : Int64.max }
        let (quotient, remainder) = d.dividingFullWidth(product)
        var rounded = quotient
        if remainder >= d - remainder { rounded += 1 }  // remainder ≥ d/2, exactly
        let value = Int64(clamping: rounded)
        return negative ? -value : value
    }

    /// `12.5` → "12.50"; basis points as a decimal with exactly two places.
    public static func string(_ basisPoints: Int64) -> String {
        let magnitude = basisPoints.magnitude
        let hundredths = magnitude % 100
        return (basisPoints < 0 ? "-" : "") + String(magnitude / 100) + "." + (hundredths < 10 ? "0" : "") + String(hundredths)
    }

    /// JSON form: a number with at most two decimals (`44.93`, `100`, `12.5`).
    public static func jsonNumber(_ basisPoints: Int64) -> String {
        let magnitude = basisPoints.magnitude
        let whole = String(magnitude / 100)
        let hundredths = magnitude % 100
        let sign = basisPoints < 0 ? "-" : ""
        if hundredths == 0 { return sign + whole }
        if hundredths % 10 == 0 { return sign + whole + "." + String(hundredths / 10) }
        return sign + whole + "." + (hundredths < 10 ? "0" : "") + String(hundredths)
    }
}
