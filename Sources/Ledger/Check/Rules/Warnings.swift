/// Legal but suspicious (spec §1 "Warnings"): the same 文号 twice on one project for the same
/// verb; the same voucher twice in one month within one unit; a payment without a voucher; an
/// entry dated after today.
struct Warnings {
    /// (project, verb, 文号) → where it was first used.
    private var documents: [Int64: LinePlace] = [:]
    /// Per voucher: the month and unit of its latest use, and where it was first used then.
    /// Dates only grow in the checker's order, so one slot per voucher holds the current month;
    /// other units using the same voucher in the same month go to `otherUnits`.
    private var voucherUses: [VoucherUse]
    private var otherUnits: [Int64: (month: Int32, place: LinePlace)] = [:]
    /// Each project's unit (an interned unit name, or -1 when it has none).
    private let unitOf: [Int32]
    private let todayKey: Int32

    /// One slot per voucher, its fields side by side (one cache line per payment, not three).
    private struct VoucherUse {
        var month: Int32 = -1
        var unit: Int32 = -1
        var place = LinePlace(file: 0, line: 0)
    }

    init(vouchers: Int, unitOf: [Int32], today: CalendarDate?) {
        voucherUses = [VoucherUse](repeating: VoucherUse(), count: vouchers)
        self.unitOf = unitOf
        todayKey = today?.key ?? Int32.max
    }

    mutating func check(_ record: Record, _ index: Int32, into findings: inout [Finding]) {
        if record.dateKey > todayKey { findings.append(Finding(.futureDate, index)) }
        switch record.verb {
        case .allot, .reduce:
            let key = Int64(record.project) << 33 | Int64(record.key) << 1 | (record.verb == .allot ? 0 : 1)
            if let first = documents[key] {
                findings.append(Finding(.duplicateDoc, index, other: first))
            } else {
                documents[key] = LinePlace(record)
            }
        case .pay:
            if record.key < 0 { findings.append(Finding(.payWithoutVoucher, index)) } else { checkVoucher(record, index, into: &findings) }
        default:
            return
        }
    }

    private mutating func checkVoucher(_ record: Record, _ index: Int32, into findings: inout [Finding]) {
        let voucher = Int(record.key), month = record.yearMonth
        let unit = record.project >= 0 && Int(record.project) < unitOf.count ? unitOf[Int(record.project)] : -1
        let use = voucherUses[voucher]
        if use.month != month {
            voucherUses[voucher] = VoucherUse(month: month, unit: unit, place: LinePlace(record))
        } else if use.unit == unit {
            findings.append(Finding(.duplicateVoucher, index, other: use.place))
        } else {
            let key = Int64(voucher) << 32 | Int64(UInt32(bitPattern: unit))
            if let seen = otherUnits[key], seen.month == month {
                findings.append(Finding(.duplicateVoucher, index, other: seen.place))
            } else {
                otherUnits[key] = (month, LinePlace(record))
            }
        }
    }

    static func explain(_ finding: Finding, _ context: ExplainContext) -> Diagnostic? {
        let entry = context.entry
        switch (finding.code, entry.body) {
        case (.duplicateDoc, .allot(let a)):
            return duplicateDocument(a.doc, project: a.project, verb: .allot, finding, context)
        case (.duplicateDoc, .reduce(let r)):
            return duplicateDocument(r.doc, project: r.project, verb: .reduce, finding, context)
        case (.duplicateVoucher, .pay(let payment)):
            let unit = context.unitName(of: payment.project).map { "，同一单位“\($0)”" } ?? ""
            return Diagnostic(
                .duplicateVoucher, at: entry.location,
                "凭证号“\(payment.voucher ?? "")”在 \(entry.date.year) 年 \(entry.date.month) 月已用过（\(context.place(finding.other))\(unit)）：是否重复录入？冲销这笔支付时须用 原日期= 区分")
        case (.payWithoutVoucher, .pay):
            return Diagnostic(
                .payWithoutVoucher, at: entry.location,
                "这笔支付没有凭证号：以后无法按凭证冲销它。请补上 凭证=记账凭证号（fundflow pay … --voucher 记-2019-05-004）")
        case (.futureDate, _):
            return Diagnostic(
                .futureDate, at: entry.location,
                "日期 \(entry.date) 晚于今天（\(context.today.map(\.description) ?? "")）：是否把年份或月份写错了？")
        default:
            return nil
        }
    }

    private static func duplicateDocument(_ doc: String, project: String, verb: Verb, _ finding: Finding, _ context: ExplainContext) -> Diagnostic {
        Diagnostic(
            .duplicateDoc, at: context.entry.location,
            "文号“\(doc)”已在\(context.place(finding.other))用于项目“\(project)”的\(verb.chinese)：是否重复录入？若同一文件确实分批\(verb.chinese)，可忽略此提示")
    }
}
