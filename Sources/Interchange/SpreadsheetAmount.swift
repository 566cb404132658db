import Ledger

/// What a bare number in an amount column means.
public enum AmountUnit: String, Sendable, Equatable {
    case yuan = "元"
    case wan = "万元"

    /// `元`/`yuan`, `万元`/`万`/`wan`.
    public static func named(_ text: String) -> AmountUnit? {
        switch CellText.clean(text).lowercased() {
        case "元", "yuan": return .yuan
        case "万元", "万", "wan": return .wan
        default: return nil
        }
    }

    /// `万元` when a header says so (`金额（万元）`, `预算数(万元)`), else nil.
    public static func fromHeader(_ header: String) -> AmountUnit? {
        let key = CellText.headerKey(header)
        if key.contains("万元") { return .wan }
        if key.hasSuffix("(元)") { return .yuan }
        return nil
    }
}

/// Amounts the way spreadsheets show them — `39000`, `39,000.00`, `¥39,000.00`, `3.9万`,
/// `39000元`, full-width digits — read exactly into 分 by the journal's own amount parser
/// (never through floating point). Thousands separators are dropped first, whatever their
/// grouping; a negative or zero amount is refused (a refund is a 冲销, not a payment).
public enum SpreadsheetAmount {
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
        /// The amount is zero (a budget sheet takes that as "no allotment").
        public var isZero = false
    }

    public static func parseFen(_ raw: String, unit: AmountUnit = .yuan) -> Result<Int64, Problem> {
        var text = CellText.asciiDigits(CellText.clean(raw))
        text.removeAll { $0 == " " || $0 == "," }
        for prefix in ["¥", "￥", "RMB", "CNY"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if text.isEmpty { return .failure(Problem(message: "金额为空")) }
        if text.hasPrefix("(") && text.hasSuffix(")") || text.hasPrefix("-") || text.hasPrefix("−") {
            return .failure(Problem(message: "金额“\(raw)”是负数：导入只记支付；退款或红字更正请用 fundflow reverse 记冲销"))
        }
        if text.hasPrefix("+") { text.removeFirst() }
        if unit == .wan, !text.hasSuffix("万"), !text.hasSuffix("元") { text += "万" }
        switch Amount.parseFen(text) {
        case .success(let fen): return .success(fen)
        case .failure(.notPositive):
            return .failure(Problem(message: "金额“\(raw)”为零：支付金额必须大于零", isZero: true))
        case .failure(let error):
            if error == .notANumber, text.contains("E") || text.contains("e") {
                return .failure(Problem(message: "金额“\(raw)”是科学计数法：请在 Excel 中把这一列设为“数值”格式（两位小数）后重新导出"))
            }
            return .failure(Problem(message: EntryParser.amountMessage(error, raw) + (unit == .wan ? "（本列按万元计）" : "")))
        }
    }
}
