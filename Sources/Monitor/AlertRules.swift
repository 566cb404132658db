import Ledger

/// The alert rules of spec §1, one function each. Each looks at a project's computed
/// figures and returns its alerts (none when the rule does not apply).
enum AlertRules {
    struct Input {
        var status: ProjectStatus
        var asOf: CalendarDate
        var settings: Settings
    }

    static let all: [(Input) -> [Alert]] = [lag, checkpointMissed, lowRate, noSpend, unpaidContract, overcommitted, staleCarryover, unresolvedBalance]

    static func level(forGap gap: Int64, _ settings: Settings) -> AlertLevel {
        if gap >= settings.alarmGapBasisPoints { return .red }
        if gap >= settings.warnGapBasisPoints { return .yellow }
        return .ok
    }

    static func percent(_ basisPoints: Int64) -> String { Percent.string(basisPoints) + "%" }
    /// Amounts in messages as every human report shows them (万元, 2 decimals, half-up).
    static func wan(_ fen: Int64) -> String { MoneyFormat.wan.withUnit(fen) }
    static func monthDay(_ date: CalendarDate) -> String { "\(date.month) 月 \(date.day) 日" }

    /// Whether `date` lies at least 宽限天数 days after the project's first money of the
    /// year: money that has just arrived is not judged against the plan yet.
    static func graceOver(firstArrival: CalendarDate?, on date: CalendarDate, _ settings: Settings) -> Bool {
        guard let firstArrival else { return false }
        return firstArrival.days(until: date) >= settings.graceDays
    }

    /// LAG: behind the interpolated plan, once the grace period after the first money is over.
    static func lag(_ input: Input) -> [Alert] {
        let s = input.status
        guard s.budgetFen > 0, graceOver(firstArrival: s.figures.firstArrival, on: input.asOf, input.settings) else { return [] }
        let level = level(forGap: s.gapBasisPoints, input.settings)
        guard level != .ok else { return [] }
        let when = input.asOf.isMonthEnd ? "\(input.asOf.month)月底" : "截至\(input.asOf.month)月\(input.asOf.day)日"
        return [Alert(.lag, level, "\(when)计划支出 \(percent(s.expectedBasisPoints))，实际 \(percent(s.rateBasisPoints))，落后 \(Percent.string(s.gapBasisPoints)) 个百分点")]
    }

    /// CHECKPOINT_MISSED: at the latest evaluated checkpoint the project was at least 黄线
    /// behind, and it still is now (one that caught up is no longer flagged; the miss stays
    /// in its checkpoint history). Leveled by the gap at that checkpoint.
    static func checkpointMissed(_ input: Input) -> [Alert] {
        let s = input.status
        guard let checkpoint = s.checkpoints.last(where: { $0.evaluated && $0.date <= input.asOf }) else { return [] }
        let level = level(forGap: checkpoint.gapBasisPoints, input.settings)
        guard level != .ok, s.budgetFen > 0, s.gapBasisPoints >= input.settings.warnGapBasisPoints else { return [] }
        var message = "\(checkpoint.month)月底计划支出 \(percent(checkpoint.plannedBasisPoints))，实际 \(percent(checkpoint.actualBasisPoints))，落后 \(Percent.string(checkpoint.gapBasisPoints)) 个百分点"
        if checkpoint.date != input.asOf { message += "；至今仍落后 \(Percent.string(s.gapBasisPoints)) 个百分点" }
        return [Alert(.checkpointMissed, level, message, checkpointDate: checkpoint.date)]
    }

    /// LOW_RATE: at year end, the rate is below 执行率目标.
    static func lowRate(_ input: Input) -> [Alert] {
        let s = input.status
        guard input.asOf.isYearEnd, s.budgetFen > 0, s.rateBasisPoints < input.settings.targetRateBasisPoints else { return [] }
        return [Alert(.lowRate, .red, "年末预算执行率 \(percent(s.rateBasisPoints))，低于目标 \(percent(input.settings.targetRateBasisPoints))")]
    }

    /// NO_SPEND: money arrived at least 零支出天数 days ago and nothing has been paid.
    static func noSpend(_ input: Input) -> [Alert] {
        let s = input.status
        guard s.budgetFen > 0, s.paidFen <= 0, let arrived = s.figures.firstArrival else { return [] }
        let idle = arrived.days(until: input.asOf)
        guard idle >= input.settings.idleDays else { return [] }
        let how = s.figures.allottedFen > 0 && !(s.figures.carriedInFen > 0 && arrived.month == 1 && arrived.day == 1) ? "下达" : "结转到位"
        return [Alert(.noSpend, .red, "资金于 \(monthDay(arrived))\(how)，至今零支出（已 \(idle) 天）")]
    }

    /// UNPAID_CONTRACT: contracts with an unpaid balance — red once the report date is past
    /// the due date, yellow on the due date itself and on any 12-31 before it. One alert for
    /// all of a project's contracts, as bad as the worst.
    static func unpaidContract(_ input: Input) -> [Alert] {
        var level = AlertLevel.ok
        var parts: [String] = []
        for contract in input.status.contracts where contract.unpaidFen > 0 {
            let due = contract.dueDate, asOf = input.asOf
            let written = contract.due == nil ? "未约定付款期限，按签订当年年末 \(due) 计" : "付款期限 \(due)"
            let signed = contract.signed.year < asOf.year ? "（\(contract.signed.year) 年签订）" : " "
            let head = "合同 \(contract.id)\(signed)应付未付 \(wan(contract.unpaidFen))"
            if due < asOf {
                level = .red
                parts.append(contract.due == nil ? "\(head)，\(written)，已逾期" : "\(head)，已过付款期限（\(due)）")
            } else if due == asOf {
                level = max(level, .yellow)
                parts.append("\(head)，今天到期（\(written)）")
            } else if asOf.isYearEnd {
                level = max(level, .yellow)
                parts.append("\(head)，年末仍未付清（\(written)）")
            }
        }
        guard level != .ok else { return [] }
        return [Alert(.unpaidContract, level, parts.joined(separator: "；"))]
    }

    /// OVERCOMMITTED: unpaid contract balances exceed the money still held.
    static func overcommitted(_ input: Input) -> [Alert] {
        let s = input.status
        let unpaid = s.unpaidContractsFen
        let held = s.availableFen + s.figures.carriedOutFen
        guard unpaid > held else { return [] }
        return [Alert(.overcommitted, .yellow, "未付合同款 \(wan(unpaid)) 超过项目尚存资金 \(wan(held))，缺口 \(wan(unpaid - held))")]
    }

    /// STALE_CARRYOVER: money carried in from last year still unspent after 6月底.
    static func staleCarryover(_ input: Input) -> [Alert] {
        let s = input.status
        guard let juneEnd = CalendarDate(year: input.asOf.year, month: 6, day: 30), input.asOf > juneEnd,
            s.carriedInRemainingFen > 0
        else { return [] }
        return [Alert(.staleCarryover, .yellow, "上年结转资金 \(wan(s.figures.carriedInFen)) 中尚有 \(wan(s.carriedInRemainingFen)) 过 6 月底仍未使用（已 \(s.carriedInAgeDays ?? 0) 天）")]
    }

    /// UNRESOLVED_BALANCE: at year end, money neither spent, carried nor returned.
    static func unresolvedBalance(_ input: Input) -> [Alert] {
        let s = input.status
        guard input.asOf.isYearEnd, s.availableFen != 0 else { return [] }
        return [Alert(.unresolvedBalance, .red, "年末余额 \(wan(s.availableFen)) 既未支出，也未结转或收回：请录入结转（fundflow carry）或收回（fundflow lapse）")]
    }
}
