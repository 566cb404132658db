/// 资金性质: the kind of money a project spends (spec §3). The first three are 财政拨款
/// (treasury appropriations); the rest are 其他资金.
public enum Fund: String, CaseIterable, Hashable, Sendable {
    case general = "general"
    case governmentFund = "government-fund"
    case stateCapital = "state-capital"
    case specialAccount = "special-account"
    case grant = "grant"
    case service = "service"
    case business = "business"
    case affiliate = "affiliate"
    case other = "other"

    /// A project that names no 资金性质 spends 一般公共预算 money.
    public static let `default` = Fund.general

    public var chinese: String {
        switch self {
        case .general: return "一般公共预算"
        case .governmentFund: return "政府性基金"
        case .stateCapital: return "国有资本经营"
        case .specialAccount: return "财政专户"
        case .grant: return "上级补助"
        case .service: return "事业收入"
        case .business: return "经营收入"
        case .affiliate: return "附属单位上缴"
        case .other: return "其他收入"
        }
    }

    public var english: String { rawValue }

    /// 财政拨款 (一般公共预算, 政府性基金, 国有资本经营) as opposed to 其他资金.
    public var isAppropriation: Bool {
        switch self {
        case .general, .governmentFund, .stateCapital: return true
        default: return false
        }
    }

    /// Either spelling.
    public static func named(_ word: String) -> Fund? {
        allCases.first { $0.chinese == word || $0.english == word }
    }

    /// "一般公共预算（general）、政府性基金（government-fund）…" for messages.
    public static var spellings: String {
        allCases.map { "\($0.chinese)（\($0.english)）" }.joined(separator: "、")
    }
}

/// The shape of classification codes (spec §3): digits only, 3/5/7 for a function code's
/// 类/款/项, 3/5 for an economic class's 类/款.
public enum ClassCode {
    public static func isFunctionCode(_ text: String) -> Bool { isDigits(text, lengths: [3, 5, 7]) }
    public static func isEconomicCode(_ text: String) -> Bool { isDigits(text, lengths: [3, 5]) }

    static func isDigits(_ text: String, lengths: Set<Int>) -> Bool {
        lengths.contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
