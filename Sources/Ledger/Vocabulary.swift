/// The journal's words. Every verb and key has a Chinese spelling (canonical, what the writer
/// emits) and an English alias; both read the same.
public enum Verb: String, CaseIterable, Sendable {
    case project, allot, reduce, pay, contract, reverse, carry, lapse, plan, set, seal

    public var chinese: String {
        switch self {
        case .project: return "项目"
        case .allot: return "下达"
        case .reduce: return "调减"
        case .pay: return "支付"
        case .contract: return "合同"
        case .reverse: return "冲销"
        case .carry: return "结转"
        case .lapse: return "收回"
        case .plan: return "计划"
        case .set: return "设置"
        case .seal: return "封账"
        }
    }

    public var english: String { rawValue }

    static let byBytes: [[UInt8]: Verb] = {
        var table: [[UInt8]: Verb] = [:]
        for verb in Verb.allCases {
            table[Array(verb.chinese.utf8)] = verb
            table[Array(verb.english.utf8)] = verb
        }
        return table
    }()

    public static func named(_ word: String) -> Verb? { byBytes[Array(word.utf8)] }

    /// The positional fields after the verb, named for diagnostics.
    public var positionalNames: [String] {
        switch self {
        case .project: return ["项目编号", "项目名称"]
        case .allot, .reduce, .pay, .reverse, .carry, .lapse: return ["项目编号", "金额"]
        case .contract: return ["项目编号", "合同编号", "金额"]
        case .plan: return ["项目编号", "支出计划"]
        case .set, .seal: return []
        }
    }

    /// The attribute keys this verb accepts.
    public var allowedKeys: [AttributeKey] {
        switch self {
        case .project: return [.unit, .code, .econ, .fund, .plan, .tags]
        case .allot: return [.doc, .kind, .source, .memo]
        case .reduce: return [.doc, .memo]
        case .pay: return [.voucher, .payee, .contract, .econ, .memo]
        case .contract: return [.party, .due, .memo]
        case .reverse: return [.of, .ofDate, .voucher, .memo]
        case .carry: return [.reason]
        case .lapse: return [.doc, .reason]
        case .plan: return []
        case .set: return AttributeKey.settings
        case .seal: return [.sha256]
        }
    }

    /// Keys that must be present.
    public var requiredKeys: [AttributeKey] {
        switch self {
        case .allot, .reduce: return [.doc]
        case .reverse: return [.of]
        case .seal: return [.sha256]
        default: return []
        }
    }
}

/// Attribute keys (`KEY=VALUE`), each with its Chinese and English spelling.
public enum AttributeKey: String, CaseIterable, Sendable {
    case unit, code, econ, fund, plan, tags
    case doc, kind, source, memo
    case voucher, payee, contract
    case party, due
    case of, ofDate = "of-date"
    case reason
    case sha256
    case org, defaultPlan = "default-plan", warnGap = "warn-gap", alarmGap = "alarm-gap"
    case targetRate = "target-rate", idleDays = "idle-days", graceDays = "grace-days", timezone

    public static let settings: [AttributeKey] = [.org, .defaultPlan, .warnGap, .alarmGap, .targetRate, .idleDays, .graceDays, .timezone]

    public var chinese: String {
        switch self {
        case .unit: return "单位"
        case .code: return "科目"
        case .econ: return "经济科目"
        case .fund: return "资金性质"
        case .plan: return "计划"
        case .tags: return "标签"
        case .doc: return "文号"
        case .kind: return "类别"
        case .source: return "来源"
        case .memo: return "摘要"
        case .voucher: return "凭证"
        case .payee: return "收款人"
        case .contract: return "合同"
        case .party: return "对方"
        case .due: return "期限"
        case .of: return "原凭证"
        case .ofDate: return "原日期"
        case .reason: return "原因"
        case .sha256: return "sha256"
        case .org: return "单位名称"
        case .defaultPlan: return "默认计划"
        case .warnGap: return "黄线"
        case .alarmGap: return "红线"
        case .targetRate: return "执行率目标"
        case .idleDays: return "零支出天数"
        case .graceDays: return "宽限天数"
        case .timezone: return "时区"
        }
    }

    public var english: String { rawValue }

    static let byBytes: [[UInt8]: AttributeKey] = {
        var table: [[UInt8]: AttributeKey] = [:]
        for key in AttributeKey.allCases {
            table[Array(key.chinese.utf8)] = key
            table[Array(key.english.utf8)] = key
        }
        return table
    }()

    public static func named(_ word: String) -> AttributeKey? { byBytes[Array(word.utf8)] }
}
