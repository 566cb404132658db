import Ledger

/// How bad: 正常, 滞后 (yellow), 严重滞后 (red).
public enum AlertLevel: Int, Comparable, Sendable {
    case ok = 0, yellow = 1, red = 2

    public static func < (lhs: AlertLevel, rhs: AlertLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// JSON and CSV spelling: `ok`, `yellow`, `red`.
    public var key: String {
        switch self {
        case .ok: return "ok"
        case .yellow: return "yellow"
        case .red: return "red"
        }
    }

    /// The project status in words.
    public var statusName: String {
        switch self {
        case .ok: return "正常"
        case .yellow: return "滞后"
        case .red: return "严重滞后"
        }
    }

    /// The alert level in words.
    public var levelName: String {
        switch self {
        case .ok: return "正常"
        case .yellow: return "黄色预警"
        case .red: return "红色预警"
        }
    }
}

/// The alert codes of spec §1 "Alerts".
public enum AlertCode: String, CaseIterable, Sendable {
    case lag = "LAG"
    case checkpointMissed = "CHECKPOINT_MISSED"
    case lowRate = "LOW_RATE"
    case noSpend = "NO_SPEND"
    case unpaidContract = "UNPAID_CONTRACT"
    case overcommitted = "OVERCOMMITTED"
    case staleCarryover = "STALE_CARRYOVER"
    case unresolvedBalance = "UNRESOLVED_BALANCE"

    /// A short Chinese name for tables.
    public var title: String {
        switch self {
        case .lag: return "进度滞后"
        case .checkpointMissed: return "节点未达标"
        case .lowRate: return "执行率偏低"
        case .noSpend: return "零支出"
        case .unpaidContract: return "合同应付未付"
        case .overcommitted: return "合同超资金"
        case .staleCarryover: return "结转资金未用"
        case .unresolvedBalance: return "余额未处理"
        }
    }
}

/// One alert on one project: what, how bad, and the reason in words.
public struct Alert: Hashable, Sendable {
    public var code: AlertCode
    public var level: AlertLevel
    public var message: String
    /// For CHECKPOINT_MISSED: the checkpoint's date.
    public var checkpointDate: CalendarDate?

    public init(_ code: AlertCode, _ level: AlertLevel, _ message: String, checkpointDate: CalendarDate? = nil) {
        self.code = code
        self.level = level
        self.message = message
        self.checkpointDate = checkpointDate
    }
}
