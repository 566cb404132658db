/// One journal line that says something: a date, a verb and its fields.
public struct Entry: Sendable {
    public var date: CalendarDate
    public var body: EntryBody
    /// Where the line starts (column 1).
    public var location: SourceLocation
    /// Columns of the fields that rules point at (0 when absent).
    public var columns: EntryColumns
    /// Byte offset of the line's first byte in its file: a seal hashes everything before it.
    public var byteOffset: Int

    public init(
        date: CalendarDate, body: EntryBody, location: SourceLocation = SourceLocation(file: 0, line: 0, column: 1),
        columns: EntryColumns = EntryColumns(), byteOffset: Int = 0
    ) {
        self.date = date
        self.body = body
        self.location = location
        self.columns = columns
        self.byteOffset = byteOffset
    }

    public var verb: Verb { body.verb }

    /// The location of a field, falling back to the line's start when it was not recorded.
    public func location(ofColumn column: Int32) -> SourceLocation {
        var here = location
        if column > 0 { here.column = Int(column) }
        return here
    }
    public var projectLocation: SourceLocation { location(ofColumn: columns.project) }
    public var amountLocation: SourceLocation { location(ofColumn: columns.amount) }
    public var detailLocation: SourceLocation { location(ofColumn: columns.detail) }
}

/// The columns a rule may point at. `detail` is the key most relevant to the verb: 合同= of a
/// payment, 原凭证= of a reversal, the contract ID of a contract, sha256= of a seal.
public struct EntryColumns: Hashable, Sendable {
    public var project: Int32 = 0
    public var amount: Int32 = 0
    public var detail: Int32 = 0
    public init(project: Int32 = 0, amount: Int32 = 0, detail: Int32 = 0) {
        self.project = project
        self.amount = amount
        self.detail = detail
    }
}

/// What the line says, verb by verb. Equality ignores source locations, so
/// `parse(write(entry)) == entry` is meaningful.
public enum EntryBody: Hashable, Sendable {
    case project(ProjectDeclaration)
    case allot(Allotment)
    case reduce(Reduction)
    case pay(Payment)
    case contract(ContractSigning)
    case reverse(Reversal)
    case carry(CarryOver)
    case lapse(Lapse)
    case plan(PlanChange)
    case set(SettingsChange)
    case seal(Seal)

    public var verb: Verb {
        switch self {
        case .project: return .project
        case .allot: return .allot
        case .reduce: return .reduce
        case .pay: return .pay
        case .contract: return .contract
        case .reverse: return .reverse
        case .carry: return .carry
        case .lapse: return .lapse
        case .plan: return .plan
        case .set: return .set
        case .seal: return .seal
        }
    }

    /// The project the entry names, if any.
    public var projectID: String? {
        switch self {
        case .project(let p): return p.id
        case .allot(let a): return a.project
        case .reduce(let r): return r.project
        case .pay(let p): return p.project
        case .contract(let c): return c.project
        case .reverse(let r): return r.project
        case .carry(let c): return c.project
        case .lapse(let l): return l.project
        case .plan(let p): return p.project
        case .set, .seal: return nil
        }
    }

    /// The amount the entry moves, in 分, if any.
    public var amountFen: Int64? {
        switch self {
        case .allot(let a): return a.amountFen
        case .reduce(let r): return r.amountFen
        case .pay(let p): return p.amountFen
        case .contract(let c): return c.amountFen
        case .reverse(let r): return r.amountFen
        case .carry(let c): return c.amountFen
        case .lapse(let l): return l.amountFen
        case .project, .plan, .set, .seal: return nil
        }
    }

    /// Money moves (any verb but 项目, 计划, 设置, 封账 — and 合同, which only promises).
    public var movesMoney: Bool {
        switch self {
        case .allot, .reduce, .pay, .reverse, .carry, .lapse: return true
        case .project, .contract, .plan, .set, .seal: return false
        }
    }
}

public struct ProjectDeclaration: Hashable, Sendable {
    public var id: String
    public var name: String
    public var unit: String?
    /// 功能分类 code (3, 5 or 7 digits).
    public var code: String?
    /// 经济分类 code of its payments (3 or 5 digits), unless a payment names its own.
    public var econ: String?
    /// 资金性质 as written; nil reads as `Fund.default`.
    public var fund: Fund?
    public var plan: DisbursementPlan?
    public var tags: [String]
    public init(
        id: String, name: String, unit: String? = nil, code: String? = nil, econ: String? = nil, fund: Fund? = nil,
        plan: DisbursementPlan? = nil, tags: [String] = []
    ) {
        self.id = id; self.name = name; self.unit = unit; self.code = code; self.econ = econ; self.fund = fund
        self.plan = plan; self.tags = tags
    }

    /// The kind of money, the default filled in.
    public var effectiveFund: Fund { fund ?? .default }
}

public enum AllotmentKind: String, Hashable, Sendable {
    case initial, supplement
    public var chinese: String { self == .initial ? "年初" : "追加" }
    public static func named(_ word: String) -> AllotmentKind? {
        switch word {
        case "年初", "initial": return .initial
        case "追加", "supplement": return .supplement
        default: return nil
        }
    }
}

public struct Allotment: Hashable, Sendable {
    public var project: String
    public var amountFen: Int64
    public var doc: String
    /// The kind in effect. Without 类别 the journal decides it (the project's first 下达 of
    /// the year is 年初, later ones 追加): entries the loader hands out carry that decision.
    public var kind: AllotmentKind
    /// Whether the line writes 类别 (a line without it stays without it when written back).
    public var kindGiven: Bool
    public var source: String?
    public var memo: String?
    /// `kind: nil` leaves 类别 out, for the journal to decide.
    public init(project: String, amountFen: Int64, doc: String, kind: AllotmentKind? = nil, source: String? = nil, memo: String? = nil) {
        self.project = project; self.amountFen = amountFen; self.doc = doc; self.kind = kind ?? .initial; self.kindGiven = kind != nil
        self.source = source; self.memo = memo
    }
}

public struct Reduction: Hashable, Sendable {
    public var project: String
    public var amountFen: Int64
    public var doc: String
    public var memo: String?
    public init(project: String, amountFen: Int64, doc: String, memo: String? = nil) {
        self.project = project; self.amountFen = amountFen; self.doc = doc; self.memo = memo
    }
}

public struct Payment: Hashable, Sendable {
    public var project: String
    public var amountFen: Int64
    public var voucher: String?
    public var payee: String?
    public var contract: String?
    /// 经济分类 code of this payment, overriding its project's.
    public var econ: String?
    public var memo: String?
    public init(
        project: String, amountFen: Int64, voucher: String? = nil, payee: String? = nil, contract: String? = nil,
        econ: String? = nil, memo: String? = nil
    ) {
        self.project = project; self.amountFen = amountFen; self.voucher = voucher; self.payee = payee; self.contract = contract
        self.econ = econ; self.memo = memo
    }
}

public struct ContractSigning: Hashable, Sendable {
    public var project: String
    public var contractID: String
    public var amountFen: Int64
    public var party: String?
    public var due: CalendarDate?
    public var memo: String?
    public init(project: String, contractID: String, amountFen: Int64, party: String? = nil, due: CalendarDate? = nil, memo: String? = nil) {
        self.project = project; self.contractID = contractID; self.amountFen = amountFen; self.party = party; self.due = due; self.memo = memo
    }
}

public struct Reversal: Hashable, Sendable {
    public var project: String
    public var amountFen: Int64
    public var ofVoucher: String
    public var ofDate: CalendarDate?
    public var voucher: String?
    public var memo: String?
    public init(project: String, amountFen: Int64, ofVoucher: String, ofDate: CalendarDate? = nil, voucher: String? = nil, memo: String? = nil) {
        self.project = project; self.amountFen = amountFen; self.ofVoucher = ofVoucher; self.ofDate = ofDate; self.voucher = voucher; self.memo = memo
    }
}

public struct CarryOver: Hashable, Sendable {
    public var project: String
    public var amountFen: Int64
    public var reason: String?
    public init(project: String, amountFen: Int64, reason: String? = nil) {
        self.project = project; self.amountFen = amountFen; self.reason = reason
    }
}

public struct Lapse: Hashable, Sendable {
    public var project: String
    public var amountFen: Int64
    public var doc: String?
    public var reason: String?
    public init(project: String, amountFen: Int64, doc: String? = nil, reason: String? = nil) {
        self.project = project; self.amountFen = amountFen; self.doc = doc; self.reason = reason
    }
}

public struct PlanChange: Hashable, Sendable {
    public var project: String
    public var plan: DisbursementPlan
    public init(project: String, plan: DisbursementPlan) { self.project = project; self.plan = plan }
}

/// A `设置` line: the settings it names, in a fixed order.
public struct SettingsChange: Hashable, Sendable {
    public var organisation: String?
    public var defaultPlan: DisbursementPlan?
    public var warnGapBasisPoints: Int64?
    public var alarmGapBasisPoints: Int64?
    public var targetRateBasisPoints: Int64?
    public var idleDays: Int?
    public var graceDays: Int?
    /// 时区 as minutes east of UTC (`+08:00` is 480).
    public var utcOffsetMinutes: Int?
    public init(
        organisation: String? = nil, defaultPlan: DisbursementPlan? = nil, warnGapBasisPoints: Int64? = nil,
        alarmGapBasisPoints: Int64? = nil, targetRateBasisPoints: Int64? = nil, idleDays: Int? = nil,
        graceDays: Int? = nil, utcOffsetMinutes: Int? = nil
    ) {
        self.organisation = organisation; self.defaultPlan = defaultPlan; self.warnGapBasisPoints = warnGapBasisPoints
        self.alarmGapBasisPoints = alarmGapBasisPoints; self.targetRateBasisPoints = targetRateBasisPoints; self.idleDays = idleDays
        self.graceDays = graceDays; self.utcOffsetMinutes = utcOffsetMinutes
    }
}

public struct Seal: Hashable, Sendable {
    /// Lower-case hex SHA-256 of every byte of the file before the seal line.
    public var sha256: String
    public init(sha256: String) { self.sha256 = sha256 }
}

/// The journal-wide settings in force: later `设置` lines win, key by key.
public struct Settings: Hashable, Sendable {
    public var organisation: String = ""
    public var defaultPlan: DisbursementPlan = .evenPace
    public var warnGapBasisPoints: Int64 = 1_000
    public var alarmGapBasisPoints: Int64 = 2_000
    public var targetRateBasisPoints: Int64 = 9_000
    public var idleDays: Int = 90
    /// 宽限天数: for this many days from a project's first money of the year it is not judged
    /// against its plan.
    public var graceDays: Int = 30
    /// 时区, minutes east of UTC: the offset that defines "today" (China Standard Time unless set).
    public var utcOffsetMinutes: Int = UTCOffset.chinaStandardTimeMinutes

    public init() {}

    /// Today's date in the journal's 时区 at `clock`'s instant.
    public func today(_ clock: WallClock) -> CalendarDate { clock.today(utcOffsetMinutes: utcOffsetMinutes) }

    public mutating func apply(_ change: SettingsChange) {
        if let value = change.organisation { organisation = value }
        if let value = change.defaultPlan { defaultPlan = value }
        if let value = change.warnGapBasisPoints { warnGapBasisPoints = value }
        if let value = change.alarmGapBasisPoints { alarmGapBasisPoints = value }
        if let value = change.targetRateBasisPoints { targetRateBasisPoints = value }
        if let value = change.idleDays { idleDays = value }
        if let value = change.graceDays { graceDays = value }
        if let value = change.utcOffsetMinutes { utcOffsetMinutes = value }
    }
}
