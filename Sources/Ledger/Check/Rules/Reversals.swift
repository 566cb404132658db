/// 冲销: a red-ink correction names an earlier payment of the same project by voucher (and
/// 原日期 where the voucher alone is ambiguous), of the same year, and may not take back more
/// than is left of it. A refund of an earlier year's spending goes back to the treasury: it
/// must not shrink this year's paid.
enum Reversals {
    static func check(_ record: Record, _ index: Int32, _ balances: Balances, into findings: inout [Finding]) {
        let matches = balances.payments(reversing: record)
        guard let first = matches.first else {
            findings.append(Finding(.unknownVoucher, index))
            return
        }
        let firstDate = balances.payments[first].date
        if record.reference == 0, matches.contains(where: { balances.payments[$0].date != firstDate }) {
            findings.append(Finding(.ambiguousVoucher, index))
            return
        }
        if firstDate / 10_000 != record.dateKey / 10_000 {
            findings.append(Finding(.reverseOtherYear, index, Int64(firstDate)))
            return
        }
        let remaining = matches.reduce(Int64(0)) { $0 &+ balances.payments[$1].remainingFen }
        if record.amountFen > remaining {
            let original = matches.reduce(Int64(0)) { $0 &+ balances.payments[$1].amountFen }
            findings.append(Finding(.reverseExceedsPayment, index, original, remaining))
        }
    }

    static func explain(_ finding: Finding, _ context: ExplainContext) -> Diagnostic? {
        let entry = context.entry
        guard case .reverse(let reversal) = entry.body else { return nil }
        switch finding.code {
        case .unknownVoucher:
            let dates = context.paymentDates(reversing: finding.record)
            if let ofDate = reversal.ofDate, !dates.isEmpty {
                return Diagnostic(
                    .unknownVoucher, at: entry.detailLocation,
                    "项目“\(reversal.project)”在 \(ofDate) 没有凭证号为“\(reversal.ofVoucher)”的支付（该凭证的支付日期为 \(dates.map(\.description).joined(separator: "、"))）：请核对原日期")
            }
            return Diagnostic(
                .unknownVoucher, at: entry.detailLocation,
                "项目“\(reversal.project)”在 \(entry.date) 之前没有凭证号为“\(reversal.ofVoucher)”的支付：冲销须指向本项目已记账的原支付凭证，请核对原凭证号和项目编号")
        case .ambiguousVoucher:
            let listed = Array(Set(context.paymentDates(reversing: finding.record))).sorted()
            return Diagnostic(
                .ambiguousVoucher, at: entry.detailLocation,
                "凭证号“\(reversal.ofVoucher)”在项目“\(reversal.project)”下有多笔支付（\(listed.map(\.description).joined(separator: "、"))）：请加上 原日期=… 指明冲销哪一笔")
        case .reverseOtherYear:
            let paidOn = CalendarDate(key: Int32(finding.a)).map(\.description) ?? ""
            return Diagnostic(
                .reverseOtherYear, at: entry.detailLocation,
                "不能冲销以前年度的支付：凭证“\(reversal.ofVoucher)”的支付日期为 \(paidOn)，本笔冲销记在 \(entry.date.year) 年。以前年度支出的退款应缴回国库，不冲减本年支出；请核对原凭证号或日期")
        case .reverseExceedsPayment:
            let original = finding.a, remaining = finding.b
            return Diagnostic(
                .reverseExceedsPayment, at: entry.amountLocation,
                "冲销金额超过原支付：凭证“\(reversal.ofVoucher)”原支付 \(wan(original))，已冲销 \(wan(original &- remaining))，最多还能冲销 \(wan(remaining))，本笔冲销 \(wan(reversal.amountFen))")
        default:
            return nil
        }
    }
}
