/// 超支: a payment may not exceed the project's available balance at its date.
struct OverspendRule: DatedRule {
    var name: String { "超支" }
    func check(_ entry: Entry, books: Books, into diagnostics: inout [Diagnostic]) {
        guard case .pay(let payment) = entry.body else { return }
        let available = books.available(payment.project, year: entry.date.year)
        guard payment.amountFen > available else { return }
        diagnostics.append(.error("overspend", at: entry.amountLocation,
            "超支：项目“\(payment.project)”在 \(entry.date) 的可用余额为 \(wan(available))，本笔支付 \(wan(payment.amountFen))，超出 \(wan(payment.amountFen - available))。请核对金额，或先录入追加下达（下达 … 类别=追加）"))
    }
}

/// 调减: a reduction may not drop the budget below what is already paid, carried or
/// returned — that is, it may not exceed the available balance.
struct ReductionRule: DatedRule {
    var name: String { "调减" }
    func check(_ entry: Entry, books: Books, into diagnostics: inout [Diagnostic]) {
        guard case .reduce(let reduction) = entry.body else { return }
        let figures = books.figures(reduction.project, year: entry.date.year)
        guard reduction.amountFen > figures.availableFen else { return }
        let committed = figures.paidFen &+ figures.carriedOutFen &+ figures.lapsedFen
        diagnostics.append(.error("reduce-below-paid", at: entry.amountLocation,
            "调减过多：项目“\(reduction.project)”\(entry.date.year) 年预算 \(wan(figures.budgetFen))，已支付\(figures.lapsedFen > 0 || figures.carriedOutFen > 0 ? "及收回/结转" : "") \(wan(committed))，最多还能调减 \(wan(figures.availableFen))，本笔调减 \(wan(reduction.amountFen))。请核对金额"))
    }
}

/// 结转: dated 12-31, and no more than the year's available balance.
struct CarryOverRule: DatedRule {
    var name: String { "结转" }
    func check(_ entry: Entry, books: Books, into diagnostics: inout [Diagnostic]) {
        guard case .carry(let carry) = entry.body else { return }
        guard entry.date.isYearEnd else {
            diagnostics.append(.error("carry-not-year-end", at: entry.location,
                "结转只能记在年末 12 月 31 日：请把日期改为 \(entry.date.year)-12-31（用 fundflow carry … --year \(entry.date.year) 会自动填写）"))
            return
        }
        let available = books.available(carry.project, year: entry.date.year)
        guard carry.amountFen > available else { return }
        diagnostics.append(.error("carry-exceeds-available", at: entry.amountLocation,
            "结转金额超过余额：项目“\(carry.project)”\(entry.date.year) 年末可用余额为 \(wan(available))，本笔结转 \(wan(carry.amountFen))。结转全部余额可用 fundflow carry \(carry.project) --all --year \(entry.date.year)"))
    }
}

/// 收回: no more than the available balance.
struct LapseRule: DatedRule {
    var name: String { "收回" }
    func check(_ entry: Entry, books: Books, into diagnostics: inout [Diagnostic]) {
        guard case .lapse(let lapse) = entry.body else { return }
        let available = books.available(lapse.project, year: entry.date.year)
        guard lapse.amountFen > available else { return }
        diagnostics.append(.error("lapse-exceeds-available", at: entry.amountLocation,
            "收回金额超过余额：项目“\(lapse.project)”在 \(entry.date) 的可用余额为 \(wan(available))，本笔收回 \(wan(lapse.amountFen))。收回全部余额可用 fundflow lapse \(lapse.project) --all"))
    }
}
