import Ledger

/// Reconciles a sheet's 合计 rows with the rows above them: a total that disagrees with
/// its rows means rows are missing, doubled or mistyped, and the batch must not pass.
/// 合计/总计 add up every payment row above; 小计/本页合计 those since the last 小计 or 本页合计;
/// 累计 (which may include earlier periods) is not checked. A total whose rows are not all
/// readable amounts (they are errors of their own), or whose own amount cell is empty or
/// unreadable, is not checked either.
struct TotalRowCheck {
    /// What the rows' amounts are, in the message (支付金额, 预算金额).
    let noun: String

    init(noun: String = "支付金额") { self.noun = noun }
    /// Sums so far; nil once a row's amount is unknown or the sum overflows.
    private var wholeFen: Int64? = 0
    private var wholeRows = 0
    private var sectionFen: Int64? = 0
    private var sectionRows = 0

    enum Kind { case whole, section, unchecked }

    /// A payment row's amount (nil: unreadable).
    mutating func add(_ fen: Int64?) {
        wholeFen = fen.flatMap { amount in wholeFen.flatMap { Checked.add($0, amount) } }
        sectionFen = fen.flatMap { amount in sectionFen.flatMap { Checked.add($0, amount) } }
        wholeRows += 1
        sectionRows += 1
    }

    /// The problem with a total row whose label is `label` and whose amount cell reads
    /// `stated`, if its figure disagrees with its rows.
    mutating func check(label: String, stated: Int64?) -> String? {
        let kind = Self.kind(label)
        defer { if kind != .unchecked { sectionFen = 0; sectionRows = 0 } }
        guard let stated else { return nil }
        let (sum, rows, scope): (Int64?, Int, String)
        switch kind {
        case .whole: (sum, rows, scope) = (wholeFen, wholeRows, "上方")
        case .section: (sum, rows, scope) = (sectionFen, sectionRows, wholeRows == sectionRows ? "上方" : "上一个小计之后")
        case .unchecked: return nil
        }
        guard let sum, sum != stated else { return nil }
        let difference = Checked.subtract(stated, sum).map { "，相差 \(Amount.groupedYuanString($0)) 元" } ?? ""
        return "\(label)行的金额 \(Amount.groupedYuanString(stated)) 元与\(scope) \(rows) 行\(noun)之和 \(Amount.groupedYuanString(sum)) 元不符\(difference)："
            + "请核对是否漏了行、多了行或金额有误（整批不会记入）"
    }

    static func kind(_ label: String) -> Kind {
        if label.hasPrefix("小计") || label.hasPrefix("本页合计") { return .section }
        if label.hasPrefix("合计") || label.hasPrefix("总计") { return .whole }
        return .unchecked
    }
}
