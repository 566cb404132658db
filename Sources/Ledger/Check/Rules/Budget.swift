/// The rules of the budget itself: 调减 may not drop the budget below what is already paid,
/// carried or returned; 结转 only on 12-31 and no more than the balance; 收回 no more than the
/// balance. (下达 only adds; its 类别 is decided in `Balances.isInitial`.)
enum Budget {
    static func check(_ record: Record, _ index: Int32, _ balances: Balances, into findings: inout [Finding]) {
        let figures = balances.figures(record.project, record.year)
        switch record.verb {
        case .reduce:
            guard record.amountFen > figures.availableFen else { return }
            let committed = figures.paidFen &+ figures.carriedOutFen &+ figures.lapsedFen
            let returned: Int64 = figures.lapsedFen > 0 || figures.carriedOutFen > 0 ? 1 : 0
            findings.append(Finding(.reduceBelowPaid, index, figures.budgetFen, committed, returned))
        case .carry:
            guard record.dateKey % 10_000 == 1231 else {
                findings.append(Finding(.carryNotYearEnd, index))
                return
            }
            if record.amountFen > figures.availableFen { findings.append(Finding(.carryExceedsAvailable, index, figures.availableFen)) }
        case .lapse:
            if record.amountFen > figures.availableFen { findings.append(Finding(.lapseExceedsAvailable, index, figures.availableFen)) }
        default:
            return
        }
    }

    static func explain(_ finding: Finding, _ context: ExplainContext) -> Diagnostic? {
        let entry = context.entry
        guard let project = entry.body.projectID, let amount = entry.body.amountFen else { return nil }
        let year = entry.date.year
        switch finding.code {
        case .reduceBelowPaid:
            let budget = finding.a, committed = finding.b
            return Diagnostic(
                .reduceBelowPaid, at: entry.amountLocation,
                "调减过多：项目“\(project)”\(year) 年预算 \(wan(budget))，已支付\(finding.c != 0 ? "及收回/结转" : "") \(wan(committed))，最多还能调减 \(wan(budget &- committed))，本笔调减 \(wan(amount))。请核对金额")
        case .carryNotYearEnd:
            return Diagnostic(
                .carryNotYearEnd, at: entry.location,
                "结转只能记在年末 12 月 31 日：请把日期改为 \(year)-12-31（用 fundflow carry … --year \(year) 会自动填写）")
        case .carryExceedsAvailable:
            return Diagnostic(
                .carryExceedsAvailable, at: entry.amountLocation,
                "结转金额超过余额：项目“\(project)”\(year) 年末可用余额为 \(wan(finding.a))，本笔结转 \(wan(amount))。结转全部余额可用 fundflow carry \(project) --all --year \(year)")
        case .lapseExceedsAvailable:
            return Diagnostic(
                .lapseExceedsAvailable, at: entry.amountLocation,
                "收回金额超过余额：项目“\(project)”在 \(entry.date) 的可用余额为 \(wan(finding.a))，本笔收回 \(wan(amount))。收回全部余额可用 fundflow lapse \(project) --all")
        default:
            return nil
        }
    }
}

/// How money is written in messages: 万元, exact.
@inline(__always)
func wan(_ fen: Int64) -> String { Amount.wanString(fen) + "万元" }
