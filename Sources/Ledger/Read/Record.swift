/// One journal entry as the checker sees it: fixed size, integer 分, a YYYYMMDD date key,
/// dense IDs, and where the line stands (file, line, byte offset) so that the few entries a
/// diagnostic or a report needs in full can be read again. Text that no rule reads (payees,
/// memos) is not kept; the entries whose text every report needs (project declarations,
/// contracts, plans, settings, seals, carry/lapse reasons) keep their full `Entry` in a side
/// list, pointed at by `rare`.
struct Record {
    var amountFen: Int64 = 0
    /// Byte offset of the line's first byte in its file.
    var offset: Int64 = 0
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
    /// 1-based line number in its file.
    var line: Int32 = 0
    var file: Int16 = 0
    var verb: Verb = .set
    /// 下达: the 类别 as written (`AllotmentKind.unspecified` when none was: the checker decides).
    var kind: RecordKind = .unspecified

    var year: Int { Int(dateKey / 10_000) }
    /// Months since year 0: a payment's (year, month) as one number.
    var yearMonth: Int32 { (dateKey / 10_000) * 12 + (dateKey / 100) % 100 - 1 }
    var date: CalendarDate? { CalendarDate(key: dateKey) }
    var location: SourceLocation { SourceLocation(file: Int(file), line: Int(line), column: 1) }
}

/// A 下达's 类别 as written.
enum RecordKind: UInt8 {
    case unspecified, initial, supplement

    init(_ allotment: Allotment) {
        self = !allotment.kindGiven ? .unspecified : allotment.kind == .initial ? .initial : .supplement
    }
}

extension CalendarDate {
    /// The date of a YYYYMMDD key.
    init?(key: Int32) {
        self.init(year: Int(key / 10_000), month: Int((key / 100) % 100), day: Int(key % 100))
    }
}
