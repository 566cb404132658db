import Ledger

/// What the journal's check found, as far as a printed report must say it (spec §2: a report
/// of a journal with errors says so inside itself, a failed seal above all).
public struct JournalHealth: Hashable, Sendable {
    /// Errors in the journal (their entries are left out of the figures).
    public var errorCount: Int
    /// A seal's SHA-256 no longer matches: sealed history was edited.
    public var sealFailed: Bool

    public init(errorCount: Int, sealFailed: Bool = false) {
        self.errorCount = errorCount
        self.sealFailed = sealFailed
    }

    public static let clean = JournalHealth(errorCount: 0)

    public var isClean: Bool { errorCount == 0 && !sealFailed }

    /// The banner's words, or nil for a clean journal. One wording for every format.
    public var bannerText: String? {
        if sealFailed {
            return "封账校验失败：已封账期间的记录被改动过，本表数字不可信，不得签章报送。"
                + "日记账共有 \(errorCount) 个错误；请运行 fundflow check 查明改动处，恢复原记录后重新生成本表。"
        }
        guard errorCount > 0 else { return nil }
        return "日记账有 \(errorCount) 个错误，出错的分录未计入本表，本表数字不完整。"
            + "请运行 fundflow check 更正后重新生成本表。"
    }

    /// The banner's heading word: 严重警告 for a failed seal, 注意 otherwise.
    public var bannerTitle: String { sealFailed ? "严重警告" : "注意" }
}

/// Everything around a report's figures that a finance office needs on paper: the amount
/// unit, the journal's health, and what the shared head and foot show (编制单位, the latest
/// seal, 编制日期). The CLI builds one; every renderer takes it.
public struct ReportFrame: Sendable {
    public var money: MoneyFormat
    public var health: JournalHealth
    /// 编制单位: the journal's 单位名称 setting ("" when unset).
    public var organisation: String
    /// The latest valid seal, or nil (未封账).
    public var latestSeal: SealStamp?
    /// 编制日期 (today, or a fixed date for reproducible output); nil leaves it out.
    public var preparedOn: CalendarDate?

    public init(
        money: MoneyFormat = .wan, health: JournalHealth = .clean, organisation: String = "",
        latestSeal: SealStamp? = nil, preparedOn: CalendarDate? = nil
    ) {
        self.money = money
        self.health = health
        self.organisation = organisation
        self.latestSeal = latestSeal
        self.preparedOn = preparedOn
    }

    /// A frame for a journal's context: its organisation and latest seal.
    public init(context: JournalContext, money: MoneyFormat = .wan, health: JournalHealth = .clean, preparedOn: CalendarDate? = nil) {
        self.init(
            money: money, health: health, organisation: context.settings.organisation,
            latestSeal: context.latestSeal, preparedOn: preparedOn)
    }
}

/// The head and foot every human-format report shares, as plain lines; each format draws
/// them once (text, Markdown, HTML), never per report.
struct Letterhead {
    var title: String
    /// `编制单位：…`
    var organisation: String
    /// `2019年12月（截至 2019年12月31日）`, `2019年度`, …
    var period: String
    /// `金额单位：万元`, or nil for a report without amounts.
    var unit: String?

    init(_ frame: ReportFrame, title: String, period: String, hasAmounts: Bool = true) {
        let org = RenderSupport.trimmed(frame.organisation)
        self.title = (org.isEmpty ? "" : org + " ") + title
        organisation = "编制单位：" + org
        self.period = period
        unit = hasAmounts ? "金额单位：" + frame.money.unitName : nil
    }

    /// The head's second line: 编制单位, period, unit.
    var metaItems: [String] { [organisation, period] + (unit.map { [$0] } ?? []) }

    /// The foot's lines: seal, 编制日期, signatures.
    static func foot(_ frame: ReportFrame) -> (seal: String, prepared: String?, signatures: [String]) {
        let seal =
            frame.latestSeal.map { "最近封账：\(RenderSupport.chineseDate($0.date))　校验码：\($0.code)" }
            ?? "最近封账：未封账"
        let prepared = frame.preparedOn.map { "编制日期：" + RenderSupport.chineseDate($0) }
        return (seal, prepared, ["单位负责人：", "财务负责人：", "制表人："])
    }
}
