import Ledger

/// Formatting shared by the CSV, Markdown and HTML renderers. Renderers only format: every
/// figure comes from the report value, amounts stay integer 分 and percentages basis points.
enum RenderSupport {
    /// CSV and JSON amounts: always exact 元 with two decimals (`154200.00`), spec §2.
    static func exactYuan(_ fen: Int64) -> String { Amount.yuanString(fen) }

    /// `44.93`
    static func percent(_ basisPoints: Int64) -> String { Percent.string(basisPoints) }

    /// `44.93%`, or `—` when the rate has no base.
    static func percentSign(_ basisPoints: Int64?) -> String {
        guard let basisPoints else { return "—" }
        return Percent.string(basisPoints) + "%"
    }

    /// "承德市医疗保障局 " or "" — the organisation as a title prefix.
    static func organisationPrefix(_ organisation: String) -> String {
        let name = trimmed(organisation)
        return name.isEmpty ? "" : name + " "
    }

    /// Without leading and trailing spaces, tabs and line breaks (plain Swift, no Foundation).
    static func trimmed(_ text: String) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{3000}" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
        return String(text[first...last])
    }

    static func monthTitle(_ r: MonthlyReport) -> String {
        "\(r.year)年\(r.month)月 预算执行进度预警报告"
    }

    static func monthlyTitle(_ r: MonthlyReport) -> String {
        organisationPrefix(r.status.organisation) + monthTitle(r)
    }

    static func statusTitle(_ r: StatusReport) -> String {
        organisationPrefix(r.organisation) + "预算执行情况表"
    }

    static func carryoverTitle(_ r: CarryoverStatement) -> String {
        organisationPrefix(r.organisation) + "\(r.year)年度 年终结转结余表"
    }

    static func indicatorsTitle(_ r: Indicators) -> String {
        organisationPrefix(r.organisation) + "\(r.year)年度 部门整体绩效指标"
    }

    /// 2019-12-31 → "2019年12月31日"
    static func chineseDate(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// The projects of each unit, in the order of `units`, with the unit's subtotal. Projects
    /// whose unit is missing from `units` (never, with the report types as built) follow in
    /// their own group so that no row is lost.
    static func grouped(_ projects: [ProjectStatus], units: [UnitSummary]) -> [(unit: UnitSummary, projects: [ProjectStatus])] {
        var byID: [String: ProjectStatus] = [:]
        for p in projects { byID[p.id] = p }
        var seen = Set<String>()
        var groups: [(unit: UnitSummary, projects: [ProjectStatus])] = []
        for unit in units {
            let members = unit.projectIDs.compactMap { byID[$0] }
            for m in members { seen.insert(m.id) }
            groups.append((unit, members))
        }
        let rest = projects.filter { !seen.contains($0.id) }
        if !rest.isEmpty {
            var unit = UnitSummary(unit: "", projectIDs: rest.map(\.id), totals: Totals())
            unit.totals.projectCount = rest.count
            groups.append((unit, rest))
        }
        return groups
    }

    /// Project names by ID, for the tables that name a project by its ID only.
    static func names(_ projects: [ProjectStatus]) -> [String: String] {
        var names: [String: String] = [:]
        for p in projects where names[p.id] == nil { names[p.id] = p.name }
        return names
    }

    /// "严重滞后 2 个，滞后 1 个" / "全部正常"
    static func countSummary(_ t: Totals) -> String {
        if t.redCount == 0 && t.yellowCount == 0 { return "全部正常" }
        var parts: [String] = []
        if t.redCount > 0 { parts.append("严重滞后 \(t.redCount) 个") }
        if t.yellowCount > 0 { parts.append("滞后 \(t.yellowCount) 个") }
        return parts.joined(separator: "，")
    }

    /// What a contract's unpaid balance means on the report date.
    static func contractState(_ c: ContractStatus, asOf: CalendarDate) -> String {
        if c.overdue { return "已逾期" }
        if c.dueDate == asOf { return "今天到期" }
        return "未到期"
    }

    /// A contract's due date as a table shows it: a date without a written 期限 is marked.
    static func dueText(_ c: ContractStatus) -> String {
        c.due == nil ? "\(c.dueDate)（未约定）" : c.dueDate.description
    }

    /// A contract's ID, with the year it was signed when that is before the report's year.
    static func contractLabel(_ c: ContractStatus, year: Int) -> String {
        c.signed.year < year ? "\(c.id)（\(c.signed.year)年）" : c.id
    }

    /// One department indicator as the indicator tables show it.
    struct IndicatorRow {
        var name: String
        var key: String
        /// Already formatted (`72.00`, `8.00`, `5168.30`), or "" when undefined.
        var value: String
        var formula: String
        /// True for the indicators spec §1 names; false for the supporting figures.
        var primary: Bool
        /// "%", "分", "万元" or "元".
        var unit: String
    }

    /// The indicator table's rows; `money` writes amounts (the report's format, or exact 元
    /// for CSV) and `unit` names their unit.
    static func indicatorRows(_ r: Indicators, money: (Int64) -> String, unit u: String) -> [IndicatorRow] {
        func rate(_ bp: Int64?) -> String { bp.map(Percent.string) ?? "" }
        let target = Percent.string(r.targetRateBasisPoints)
        return [
            IndicatorRow(
                name: "预算执行率", key: "execution_rate", value: rate(r.executionRate),
                formula: "支出合计 ÷ 预算合计 × 100%", primary: true, unit: "%"),
            IndicatorRow(
                name: "预算调整率", key: "adjustment_rate", value: rate(r.adjustmentRate),
                formula: "（预算合计 − 上年结转 − 年初预算）÷ 年初预算 × 100%", primary: true, unit: "%"),
            IndicatorRow(
                name: "结转结余率", key: "carryover_rate", value: rate(r.carryoverRate),
                formula: "（预算合计 − 支出合计）÷ 预算合计 × 100%", primary: true, unit: "%"),
            IndicatorRow(
                name: "“三公经费”控制率", key: "sangong_control_rate", value: rate(r.sangongControlRate),
                formula: "标签“三公”项目：支出 ÷ 预算 × 100%", primary: true, unit: "%"),
            IndicatorRow(
                name: "政府采购执行率", key: "procurement_rate", value: rate(r.procurementRate),
                formula: "标签“采购”项目：支出 ÷ 预算 × 100%", primary: true, unit: "%"),
            IndicatorRow(
                name: "预算执行率得分", key: "execution_score", value: r.executionScoreHundredths.map(Percent.string) ?? "",
                formula: "权重 \(r.scoreWeight) × min(1, 预算执行率 ÷ 执行率目标 \(target)%)", primary: true, unit: "分"),
            IndicatorRow(
                name: "支出合计", key: "total_paid", value: money(r.totalPaidFen),
                formula: "全部项目支出之和", primary: true, unit: u),
            IndicatorRow(
                name: "基本支出", key: "basic_paid", value: money(r.basicPaidFen),
                formula: "标签“基本”项目（人员经费、公用经费）支出之和", primary: true, unit: u),
            IndicatorRow(
                name: "项目支出", key: "project_paid", value: money(r.projectPaidFen),
                formula: "支出合计 − 基本支出", primary: true, unit: u),
            IndicatorRow(
                name: "预算合计", key: "total_budget", value: money(r.totals.budgetFen),
                formula: "上年结转 + 本年下达 − 调减", primary: false, unit: u),
            IndicatorRow(
                name: "年初预算", key: "initial_budget", value: money(r.totals.initialFen),
                formula: "类别为“年初”的下达之和", primary: false, unit: u),
            IndicatorRow(
                name: "上年结转", key: "carried_in", value: money(r.totals.carriedInFen),
                formula: "上年 12 月 31 日结转到本年的资金", primary: false, unit: u),
            IndicatorRow(
                name: "“三公经费”预算", key: "sangong_budget", value: money(r.sangong.budgetFen),
                formula: "标签“三公”项目预算之和", primary: false, unit: u),
            IndicatorRow(
                name: "“三公经费”支出", key: "sangong_paid", value: money(r.sangong.paidFen),
                formula: "标签“三公”项目支出之和", primary: false, unit: u),
            IndicatorRow(
                name: "政府采购预算", key: "procurement_budget", value: money(r.procurement.budgetFen),
                formula: "标签“采购”项目预算之和", primary: false, unit: u),
            IndicatorRow(
                name: "政府采购支出", key: "procurement_paid", value: money(r.procurement.paidFen),
                formula: "标签“采购”项目支出之和", primary: false, unit: u),
        ]
    }

    /// The one-sentence overview of a status (plain text: no Markdown or HTML marks) — the
    /// one wording of the headline in every format.
    static func overview(_ t: Totals, asOf: CalendarDate, money: MoneyFormat) -> String {
        "截至 \(chineseDate(asOf))，\(t.projectCount) 个项目预算合计 \(money.withUnit(t.budgetFen))，"
            + "已支出 \(money.withUnit(t.paidFen))，预算执行率 \(Percent.string(t.rateBasisPoints))%；"
            + "序时进度 \(Percent.string(t.evenPaceBasisPoints))%，计划进度 \(Percent.string(t.expectedBasisPoints))%，\(gapPhrase(t.gapBasisPoints))。"
            + "预警情况：\(countSummary(t))。"
    }

    /// "落后计划 17.38 个百分点" / "超前计划 …" / "与计划持平".
    static func gapPhrase(_ gapBasisPoints: Int64) -> String {
        gapBasisPoints > 0
            ? "落后计划 \(Percent.string(gapBasisPoints)) 个百分点"
            : gapBasisPoints < 0 ? "超前计划 \(Percent.string(-gapBasisPoints)) 个百分点" : "与计划持平"
    }

    /// `44.93%`: every percentage a person reads, plan percentages included.
    static func percentText(_ basisPoints: Int64) -> String { Percent.string(basisPoints) + "%" }

    // MARK: Periods (the head's second item)

    static func monthlyPeriod(_ r: MonthlyReport) -> String { "报告期间：\(r.year)年\(r.month)月（截至 \(chineseDate(r.asOf))）" }
    static func asOfPeriod(_ date: CalendarDate) -> String { "截至日期：\(chineseDate(date))" }
    static func yearPeriod(_ year: Int, asOf: CalendarDate) -> String { "报告期间：\(year)年度（截至 \(chineseDate(asOf))）" }
    static func yearEndPeriod(_ year: Int) -> String { "报告期间：\(year)年度（截至 \(year)年12月31日）" }

    static func registerPeriod(from: CalendarDate?, to: CalendarDate?) -> String {
        switch (from, to) {
        case let (from?, to?): return "期间：\(chineseDate(from)) 至 \(chineseDate(to))"
        case let (from?, nil): return "期间：\(chineseDate(from)) 起"
        case let (nil, to?): return "期间：截至 \(chineseDate(to))"
        case (nil, nil): return "期间：全部分录"
        }
    }

    /// The note under the progress tables of status and monthly reports.
    static let gapNote = "计划进度按支出计划在月度时钟上线性插值（部门合计按预算加权）；差距 = 计划进度 − 执行率（正数为落后，单位：个百分点），由精确值相减后四舍五入，可能与表中两数之差相差 0.01。"
}
