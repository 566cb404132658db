import Ledger

/// A JSON value with keys kept in the order written, so output is stable.
public indirect enum JSONValue: Sendable {
    case string(String)
    /// A number already formatted (amounts are strings; percentages use `Percent.jsonNumber`).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// A value that writes itself: the bulk of a province's report (thousands of projects) goes
    /// straight to the bytes, never built as values first.
    case written(@Sendable (inout JSONWriter) -> Void)

    public func serialized(indent: Int = 0) -> String {
        var writer = JSONWriter(level: indent)
        write(into: &writer)
        return writer.out.string
    }

    func write(into writer: inout JSONWriter) {
        switch self {
        case .string(let text): writer.out.quote(text)
        case .number(let text): writer.out.append(text)
        case .bool(let value): writer.out.append(value ? "true" : "false")
        case .null: writer.out.append("null")
        case .array(let items):
            writer.open(UInt8(ascii: "["))
            for item in items {
                writer.item()
                item.write(into: &writer)
            }
            writer.close(UInt8(ascii: "]"))
        case .object(let members):
            writer.open(UInt8(ascii: "{"))
            for (key, value) in members {
                writer.key(key)
                value.write(into: &writer)
            }
            writer.close(UInt8(ascii: "}"))
        case .written(let body): body(&writer)
        }
    }

    static func escape(_ text: String, into out: inout String) {
        var bytes = JSONBytes()
        bytes.quote(text)
        out += bytes.string
    }
}

/// JSON text built as UTF-8 bytes: a province's status is megabytes, and appending bytes is
/// many times quicker than appending to a `String` scalar by scalar.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(bytes more: [UInt8]) { bytes += more }

    /// Two spaces per level.
    mutating func pad(_ level: Int) {
        for _ in 0..<(2 * level) { bytes.append(UInt8(ascii: " ")) }
    }

    /// A string literal: `"` and `\` escaped, `\n` `\r` `\t` by name, other controls and
    /// U+2028/U+2029 (E2 80 A8/A9 in UTF-8) as `\u` with four lowercase hex digits.
    mutating func quote(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Most strings (IDs, amounts, names) need nothing escaped: copied whole.
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
                bytes.append(contentsOf: utf8)
                return
            }
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0..<0x20: unicodeEscape(UInt32(byte))
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    unicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func unicodeEscape(_ value: UInt32) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
    }
}

/// Writes JSON as `JSONValue.serialized` lays it out — two spaces per level, one member or
/// item per line, `[]` and `{}` when empty — straight into bytes.
public struct JSONWriter {
    var out = JSONBytes(capacity: 1 << 20)
    /// The indent of the outermost value.
    private let base: Int
    /// For each open array or object, whether anything was written in it yet.
    private var started: [Bool] = []

    init(level: Int) { base = level }

    /// A writer continuing inside `depth` open containers, the innermost one `started` or not:
    /// it writes a run of that container's items on another thread.
    private init(level: Int, depth: Int, started: Bool) {
        base = level
        self.started = [Bool](repeating: true, count: depth)
        self.started[depth - 1] = started
    }

    mutating func open(_ bracket: UInt8) {
        out.byte(bracket)
        started.append(false)
    }

    mutating func close(_ bracket: UInt8) {
        if started.removeLast() {
            out.byte(UInt8(ascii: "\n"))
            out.pad(base + started.count)
        }
        out.byte(bracket)
    }

    /// Before each item of an array (and each member of an object).
    mutating func item() {
        if started[started.count - 1] { out.byte(UInt8(ascii: ",")) } else { started[started.count - 1] = true }
        out.byte(UInt8(ascii: "\n"))
        out.pad(base + started.count)
    }

    mutating func key(_ key: String) {
        item()
        out.quote(key)
        out.append(": ")
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        open(UInt8(ascii: "["))
        for element in items {
            item()
            body(&self, element)
        }
        close(UInt8(ascii: "]"))
    }

    /// The same array made in two halves on both cores (from `StatusBuilder.parallelFromProjects`
    /// items), the second half's writer starting as if the first had been written.
    mutating func array<Item: Sendable>(_ items: [Item], parallel: Bool, _ body: @escaping @Sendable (inout JSONWriter, Item) -> Void) {
        guard parallel, items.count >= StatusBuilder.parallelFromProjects else { return array(items, body) }
        open(UInt8(ascii: "["))
        let depth = started.count, level = base, half = items.count / 2
        let halves = Concurrently.make(
            [0, 1].map { part in
                { @Sendable () -> [UInt8] in
                    var writer = JSONWriter(level: level, depth: depth, started: part == 1)
                    for item in part == 0 ? items[..<half] : items[half...] {
                        writer.item()
                        body(&writer, item)
                    }
                    return writer.out.bytes
                }
            })
        for bytes in halves { out.append(bytes: bytes) }
        started[depth - 1] = true
        close(UInt8(ascii: "]"))
    }

    mutating func string(_ key: String, _ text: String) {
        self.key(key)
        out.quote(text)
    }

    /// A string, or null.
    mutating func text(_ key: String, _ text: String?) {
        self.key(key)
        if let text { out.quote(text) } else { out.append("null") }
    }

    /// A number already formatted, or null.
    mutating func number(_ key: String, _ text: String?) {
        self.key(key)
        out.append(text ?? "null")
    }

    mutating func bool(_ key: String, _ value: Bool) {
        self.key(key)
        out.append(value ? "true" : "false")
    }

    /// An amount: a string in 元 with two decimals.
    mutating func amount(_ key: String, _ fen: Int64) { string(key, RenderSupport.exactYuan(fen)) }

    /// A percentage: a number with at most two decimals, or null.
    mutating func percent(_ key: String, _ basisPoints: Int64?) { number(key, basisPoints.map(Percent.jsonNumber)) }
}

/// Reports as JSON with the stable keys of spec §2: amounts as strings in 元 with two
/// decimals, percentages as numbers with at most two decimals.
public enum JSONRenderer {
    static func amount(_ fen: Int64) -> JSONValue { .string(RenderSupport.exactYuan(fen)) }
    static func percent(_ bp: Int64) -> JSONValue { .number(Percent.jsonNumber(bp)) }
    static func percent(_ bp: Int64?) -> JSONValue { bp.map { .number(Percent.jsonNumber($0)) } ?? .null }
    static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    static func contract(_ c: ContractStatus, into w: inout JSONWriter) {
        w.object { w in
            w.string("id", c.id)
            w.string("project", c.project)
            w.string("signed", c.signed.description)
            w.text("party", c.party)
            w.amount("amount", c.amountFen)
            w.amount("paid", c.paidFen)
            w.amount("unpaid", c.unpaidFen)
            w.string("due", c.dueDate.description)
            w.bool("due_agreed", c.due != nil)
            w.bool("overdue", c.overdue)
        }
    }

    static func contracts(_ list: [ContractStatus]) -> JSONValue {
        .written { w in w.array(list) { w, c in contract(c, into: &w) } }
    }

    static func projects(_ list: [ProjectStatus]) -> JSONValue {
        .written { w in w.array(list, parallel: true) { w, p in project(p, into: &w) } }
    }

    static func project(_ p: ProjectStatus, into w: inout JSONWriter) {
        w.object { w in
            w.string("id", p.id)
            w.string("name", p.name)
            w.string("unit", p.unit)
            w.text("code", p.code)
            w.key("tags")
            w.array(p.tags) { w, tag in w.out.quote(tag) }
            figures(p.figures, into: &w)
            w.percent("rate", p.rateBasisPoints)
            w.percent("expected", p.expectedBasisPoints)
            w.percent("gap", p.gapBasisPoints)
            w.string("status", p.status.key)
            w.string("plan", p.plan.description)
            w.amount("carried_in_remaining", p.carriedInRemainingFen)
            w.number("carried_in_age_days", p.carriedInAgeDays.map { String($0) })
            w.key("alerts")
            w.array(p.alerts) { w, alert in
                w.object { w in
                    w.string("code", alert.code.rawValue)
                    w.string("level", alert.level.key)
                    w.string("message", alert.message)
                }
            }
            w.key("checkpoints")
            w.array(p.checkpoints) { w, c in
                w.object { w in
                    w.number("month", String(c.month))
                    w.string("date", c.date.description)
                    w.percent("planned", c.plannedBasisPoints)
                    w.percent("actual", c.actualBasisPoints)
                    w.percent("gap", c.gapBasisPoints)
                    w.bool("evaluated", c.evaluated)
                }
            }
            w.key("contracts")
            w.array(p.contracts) { w, c in contract(c, into: &w) }
        }
    }

    /// A project's figures, in the order of the status JSON.
    private static func figures(_ f: YearFigures, into w: inout JSONWriter) {
        w.amount("budget", f.budgetFen)
        w.amount("paid", f.paidFen)
        w.amount("available", f.availableFen)
        w.amount("carried_in", f.carriedInFen)
        w.amount("allotted", f.allottedFen)
        w.amount("initial", f.initialFen)
        w.amount("reduced", f.reducedFen)
        w.amount("carried_out", f.carriedOutFen)
        w.amount("lapsed", f.lapsedFen)
    }

    static func totals(_ t: Totals) -> JSONValue {
        .object([
            ("projects", .number(String(t.projectCount))),
            ("budget", amount(t.budgetFen)), ("paid", amount(t.paidFen)), ("available", amount(t.availableFen)),
            ("carried_in", amount(t.carriedInFen)), ("allotted", amount(t.allottedFen)), ("initial", amount(t.initialFen)),
            ("reduced", amount(t.reducedFen)), ("carried_out", amount(t.carriedOutFen)), ("lapsed", amount(t.lapsedFen)),
            ("unpaid_contracts", amount(t.unpaidContractsFen)),
            ("rate", percent(t.rateBasisPoints)), ("expected", percent(t.expectedBasisPoints)), ("gap", percent(t.gapBasisPoints)),
            ("even_pace", percent(t.evenPaceBasisPoints)), ("red", .number(String(t.redCount))), ("yellow", .number(String(t.yellowCount))),
        ])
    }

    static func units(_ units: [UnitSummary]) -> JSONValue {
        .array(units.map { .object([("unit", .string($0.unit)), ("projects", .array($0.projectIDs.map { .string($0) })), ("totals", totals($0.totals))]) })
    }

    /// The keys every report's JSON carries about the journal: `journal_errors` (0 when
    /// clean), `seal_failed`, and the latest seal (null when unsealed).
    static func journalKeys(_ frame: ReportFrame) -> [(String, JSONValue)] {
        [
            ("journal_errors", .number(String(frame.health.errorCount))), ("seal_failed", .bool(frame.health.sealFailed)),
            ("latest_seal", frame.latestSeal.map { .object([("date", .string($0.date.description)), ("code", .string($0.code))]) } ?? .null),
        ]
    }

    public static func status(_ r: StatusReport, frame: ReportFrame) -> String {
        JSONValue.object(
            journalKeys(frame) + [
                ("as_of", .string(r.asOf.description)), ("organisation", .string(r.organisation)),
                ("projects", projects(r.projects)), ("units", units(r.units)), ("totals", totals(r.totals)),
            ]
        ).serialized() + "\n"
    }

    public static func monthly(_ r: MonthlyReport, frame: ReportFrame) -> String {
        JSONValue.object(
            journalKeys(frame) + [
                ("month", .string(r.monthKey)), ("as_of", .string(r.asOf.description)), ("organisation", .string(r.status.organisation)),
                ("projects", projects(r.status.projects)), ("units", units(r.status.units)), ("totals", totals(r.status.totals)),
                ("alerted", .array(r.alerted.map { .string($0.id) })),
                ("unpaid_contracts", contracts(r.unpaidContracts)),
                (
                    "carryovers",
                    .array(
                        r.carryovers.map { c in
                            .object([
                                ("project", .string(c.projectID)), ("carried_in", amount(c.carriedInFen)), ("consumed", amount(c.consumedFen)),
                                ("remaining", amount(c.remainingFen)), ("age_days", c.ageDays.map { .number(String($0)) } ?? .null),
                            ])
                        })
                ),
                (
                    "curve",
                    .array(
                        r.curve.map { p in
                            .object([
                                ("month", .number(String(p.month))), ("budget", amount(p.budgetFen)), ("planned", percent(p.plannedBasisPoints)),
                                ("paid", p.paidFen.map(amount) ?? .null), ("actual", percent(p.actualBasisPoints)),
                            ])
                        })
                ),
            ]
        ).serialized() + "\n"
    }

    public static func carryover(_ s: CarryoverStatement, frame: ReportFrame) -> String {
        func figures(_ t: Totals) -> [(String, JSONValue)] {
            [
                ("carried_in", amount(t.carriedInFen)), ("allotted", amount(t.allottedFen)), ("reduced", amount(t.reducedFen)),
                ("budget", amount(t.budgetFen)), ("paid", amount(t.paidFen)), ("carried_out", amount(t.carriedOutFen)),
                ("lapsed", amount(t.lapsedFen)), ("unresolved", amount(t.availableFen)), ("rate", percent(t.rateBasisPoints)),
                ("unpaid_contracts", amount(t.unpaidContractsFen)),
            ]
        }
        return JSONValue.object(
            journalKeys(frame) + [
                ("year", .number(String(s.year))), ("organisation", .string(s.organisation)),
                (
                    "projects",
                    .array(
                        s.rows.map { row in
                            let p = row.project, f = p.figures
                            return .object([
                                ("id", .string(p.id)), ("name", .string(p.name)), ("unit", .string(p.unit)),
                                ("carried_in", amount(f.carriedInFen)), ("allotted", amount(f.allottedFen)), ("reduced", amount(f.reducedFen)),
                                ("budget", amount(f.budgetFen)), ("paid", amount(f.paidFen)), ("carried_out", amount(f.carriedOutFen)),
                                ("lapsed", amount(f.lapsedFen)), ("unresolved", amount(row.unresolvedFen)), ("rate", percent(p.rateBasisPoints)),
                                ("unpaid_contracts", amount(p.unpaidContractsFen)), ("reasons", .array(row.reasons.map { .string($0) })),
                            ])
                        })
                ),
                ("units", .array(s.units.map { .object([("unit", .string($0.unit)), ("projects", .array($0.projectIDs.map { .string($0) }))] + figures($0.totals)) })),
                ("totals", .object(figures(s.totals))),
            ]
        ).serialized() + "\n"
    }

    public static func indicators(_ i: Indicators, frame: ReportFrame) -> String {
        JSONValue.object(
            journalKeys(frame) + [
                ("year", .number(String(i.year))), ("as_of", .string(i.asOf.description)), ("organisation", .string(i.organisation)),
                ("execution_rate", percent(i.executionRate)), ("adjustment_rate", percent(i.adjustmentRate)),
                ("carryover_rate", percent(i.carryoverRate)), ("sangong_control_rate", percent(i.sangongControlRate)),
                ("procurement_rate", percent(i.procurementRate)),
                ("execution_score", i.executionScoreHundredths.map { .number(Percent.jsonNumber($0)) } ?? .null),
                ("total_paid", amount(i.totalPaidFen)), ("basic_paid", amount(i.basicPaidFen)), ("project_paid", amount(i.projectPaidFen)),
                ("budget", amount(i.totals.budgetFen)), ("initial", amount(i.totals.initialFen)), ("carried_in", amount(i.totals.carriedInFen)),
                ("target_rate", percent(i.targetRateBasisPoints)), ("score_weight", .number(String(i.scoreWeight))),
            ]
        ).serialized() + "\n"
    }

    /// `fundflow register --format json`: every entry with its effect and the balance after it.
    public static func register(_ r: Register, frame: ReportFrame) -> String {
        JSONValue.object(
            journalKeys(frame) + [
                ("project", text(r.project)), ("from", text(r.from?.description)), ("to", text(r.to?.description)),
                (
                    "entries",
                    .array(
                        r.rows.map { row in
                            .object([
                                ("date", .string(row.date.description)), ("project", .string(row.project)), ("verb", .string(row.verb.chinese)),
                                ("amount", amount(row.amountFen)), ("change", amount(row.changeFen)), ("available", amount(row.availableAfterFen)),
                                ("reference", .string(row.reference)), ("memo", .string(row.memo)), ("line", .number(String(row.location.line))),
                            ])
                        })
                ),
            ]
        ).serialized() + "\n"
    }
}

/// A JSON string literal, escaped as every JSON output of fundflow escapes it.
public enum JSONText {
    public static func quote(_ text: String) -> String {
        var out = ""
        JSONValue.escape(text, into: &out)
        return out
    }
}
