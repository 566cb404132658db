import Ledger

/// How a human-format report (text, Markdown, HTML) writes an amount — the one money
/// formatter of every renderer and of the recording commands' echo (spec §2):
///
/// - `.wan` (default): 万元 with 2 decimals, each figure rounded half-up (away from zero) from
///   its exact 分; totals are computed from exact sums and rounded once, so a total may differ
///   from the sum of its rounded parts (the 尾差 note says so);
/// - `.wanExact` (`--exact`): 万元 exactly, as many decimals as needed (`7.737948`);
/// - `.yuan` (`--yuan`): 元 with 2 decimals and thousands separators (exact).
///
/// CSV and JSON never use it: they are always exact 元 (`Amount.yuanString`).
public enum MoneyFormat: String, Sendable, Hashable {
    case wan, wanExact, yuan

    /// 分 in 0.01 万元.
    static let fenPerHundredthWan: Int64 = Amount.fenPerWan / 100

    /// The amount as a table cell, without its unit.
    public func string(_ fen: Int64) -> String {
        switch self {
        case .wan: return MoneyFormat.roundedWan(fen)
        case .wanExact: return Amount.wanString(fen)
        case .yuan: return Amount.groupedYuanString(fen)
        }
    }

    /// The amount with its unit, for sentences: `158.35万元`, `1,583,456.00元`.
    public func withUnit(_ fen: Int64) -> String { string(fen) + unitName }

    /// `万元` or `元`.
    public var unitName: String { self == .yuan ? "元" : "万元" }

    /// Whether cells are rounded (and the 尾差 note belongs under the tables).
    public var rounds: Bool { self == .wan }

    /// The note under tables of rounded figures.
    public static let roundingNote = "因四舍五入，合计数与分项之和可能有尾差"

    /// 万元 with exactly 2 decimals, rounded half away from zero: 1,583,456 分 → "1.58",
    /// 5,000 分 (0.005万) → "0.01". Exact integer arithmetic, no overflow for any Int64.
    public static func roundedWan(_ fen: Int64) -> String {
        let magnitude = fen.magnitude
        let unit = UInt64(fenPerHundredthWan)
        var hundredths = magnitude / unit
        if magnitude % unit >= unit / 2 { hundredths += 1 }
        let cents = hundredths % 100
        let sign = fen < 0 && hundredths > 0 ? "-" : ""
        return sign + String(hundredths / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}
