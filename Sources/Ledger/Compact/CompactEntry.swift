/// One entry as the compact loader keeps it: 32 bytes, no strings. Text that no rule reads
/// (payees, memos) is not kept at all; the few entries whose text the reports need (project
/// declarations, contracts, plans, settings, seals, carry/lapse reasons) keep their full
/// `Entry` in a side list, pointed at by `rare`.
struct CompactEntry {
    var amountFen: Int64 = 0
    /// YYYYMMDD.
    var dateKey: Int32 = 0
    /// Project ID in the project interner, or -1 for 设置/封账.
    var project: Int32 = -1
    /// 支付: voucher ID or -1. 冲销: the original voucher's ID. 下达/调减: 文号 ID. 合同: contract ID.
    var key: Int32 = -1
    /// 支付: contract ID or -1. 冲销: 原日期 as YYYYMMDD, or 0.
    var reference: Int32 = -1
    /// Index of the full entry in the side list, or -1.
    var rare: Int32 = -1
    var verb: Verb = .set
    /// 下达: whether it is 年初 (initial).
    var initial: Bool = false

    var year: Int { Int(dateKey / 10_000) }
    /// Months since year 0: a payment's (year, month) as one number.
    var yearMonth: Int32 { (dateKey / 10_000) * 12 + (dateKey / 100) % 100 - 1 }
    var date: CalendarDate? { CalendarDate(key: dateKey) }
}

extension CalendarDate {
    /// The date of a YYYYMMDD key.
    init?(key: Int32) {
        self.init(year: Int(key / 10_000), month: Int((key / 100) % 100), day: Int(key % 100))
    }
}
