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

    /// LAG: behind the interpolated plan.
    static func lag(_ input: Input) -> [Alert] {
        let s = input.status
        guard s.budgetFen > 0 else { return [] }
        let level = level(forGap: s.gapBasisPoints, input.settings)
        guard level != .ok else { return [] }
        let when = input.asOf.isMonthEnd ? "\(input.asOf.month)月底" : "截至\(input.asOf.month)月\(input.asOf.day)日"
        return [Alert(.lag, level, "\(when)计划支出 \(percent(s.expectedBasisPoints))，实际 \(percent(s.rateBasisPoints))，落后 \(Percent.string(s.gapBasisPoints)) 个百分点")]
    }

    /// CHECKPOINT_MISSED: at a past plan checkpoint the project was at least 黄线 behind.
    static func checkpointMissed(_ input: Input) -> [Alert] {
        input.status.checkpoints.compactMap { checkpoint in
            guard checkpoint.evaluated else { return nil }
            let level = level(forGap: checkpoint.gapBasisPoints, input.settings)
            guard level != .ok else { return nil }
            return Alert(.checkpointMissed, level,
                         "\(checkpoint.month)月底计划支出 \(percent(checkpoint.plannedBasisPoints))，实际 \(percent(checkpoint.actualBasisPoints))，落后 \(Percent.string(checkpoint.gapBasisPoints)) 个百分点",
                         checkpointDate: checkpoint.date)
        }
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

    /// UNPAID_CONTRACT: a contract still has an unpaid balance — red past its due date,
    /// yellow at year end when it has none.
    static func unpaidContract(_ input: Input) -> [Alert] {
        input.status.contracts.compactMap { contract in
            guard contract.unpaidFen > 0 else { return nil }
            if let due = contract.due {
                guard due < input.asOf else { return nil }
                return Alert(.unpaidContract, .red, "合同 \(contract.id) 应付未付 \(wan(contract.unpaidFen))，已过付款期限（\(due)）")
            }
            guard input.asOf.isYearEnd else { return nil }
            return Alert(.unpaidContract, .yellow, "合同 \(contract.id) 应付未付 \(wan(contract.unpaidFen))，未约定付款期限，年末仍未付清")
        }
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
              s.carriedInRemainingFen > 0 else { return [] }
        return [Alert(.staleCarryover, .yellow, "上年结转资金 \(wan(s.figures.carriedInFen)) 中尚有 \(wan(s.carriedInRemainingFen)) 过 6 月底仍未使用（已 \(s.carriedInAgeDays ?? 0) 天）")]
    }

    /// UNRESOLVED_BALANCE: at year end, money neither spent, carried nor returned.
    static func unresolvedBalance(_ input: Input) -> [Alert] {
        let s = input.status
        guard input.asOf.isYearEnd, s.availableFen != 0 else { return [] }
        return [Alert(.unresolvedBalance, .red, "年末余额 \(wan(s.availableFen)) 既未支出，也未结转或收回：请录入结转（fundflow carry）或收回（fundflow lapse）")]
    }
}
