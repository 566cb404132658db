/// Exact rational arithmetic for percentages that combine several quotients (a gap is a
/// plan fraction minus a payment ratio). Int128 keeps products of 分 amounts exact.
public enum Fraction {
    /// `numerator / denominator`, rounded half away from zero to an integer.
    public static func rounded(_ numerator: Int128, _ denominator: Int128) -> Int64 {
        if denominator == 0 { return 0 }
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude, d = denominator.magnitude
        var quotient = n / d
        let remainder = n % d
        if remainder >= d - remainder { quotient += 1 }
        let value = Int64(clamping: quotient)
        return negative ? -value : value
    }
}
