/// 冲销: a red-ink correction names an earlier payment of the same project by voucher (and
/// date where the voucher alone is ambiguous) and may not take back more than is left of it.
struct ReversalRule: DatedRule {
    var name: String { "冲销" }
    func check(_ entry: Entry, books: Books, into diagnostics: inout [Diagnostic]) {
        guard case .reverse(let reversal) = entry.body else { return }
        let matches = books.payments(project: reversal.project, voucher: reversal.ofVoucher, date: reversal.ofDate)
        if matches.isEmpty {
            let anyDate = books.payments(project: reversal.project, voucher: reversal.ofVoucher, date: nil)
            if let ofDate = reversal.ofDate, !anyDate.isEmpty {
                let dates = anyDate.map { books.payments[$0].date.description }.joined(separator: "、")
                diagnostics.append(.error("unknown-voucher", at: entry.detailLocation,
                    "项目“\(reversal.project)”在 \(ofDate) 没有凭证号为“\(reversal.ofVoucher)”的支付（该凭证的支付日期为 \(dates)）：请核对原日期"))
            } else {
                diagnostics.append(.error("unknown-voucher", at: entry.detailLocation,
                    "项目“\(reversal.project)”在 \(entry.date) 之前没有凭证号为“\(reversal.ofVoucher)”的支付：冲销须指向本项目已记账的原支付凭证，请核对原凭证号和项目编号"))
            }
            return
        }
        let dates = Set(matches.map { books.payments[$0].date })
        if reversal.ofDate == nil, dates.count > 1 {
            let listed = dates.sorted().map(\.description).joined(separator: "、")
            diagnostics.append(.error("ambiguous-voucher", at: entry.detailLocation,
                "凭证号“\(reversal.ofVoucher)”在项目“\(reversal.project)”下有多笔支付（\(listed)）：请加上 原日期=… 指明冲销哪一笔"))
            return
        }
        let remaining = matches.reduce(Int64(0)) { $0 &+ books.payments[$1].remainingFen }
        if reversal.amountFen > remaining {
            let original = matches.reduce(Int64(0)) { $0 &+ books.payments[$1].payment.amountFen }
            diagnostics.append(.error("reverse-exceeds-payment", at: entry.amountLocation,
                "冲销金额超过原支付：凭证“\(reversal.ofVoucher)”原支付 \(wan(original))，已冲销 \(wan(original - remaining))，最多还能冲销 \(wan(remaining))，本笔冲销 \(wan(reversal.amountFen))"))
        }
    }
}
