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

    public func serialized(indent: Int = 0) -> String {
        var out = JSONBytes(capacity: 1 << 16)
        write(into: &out, level: indent)
        return out.string
    }

    private func write(into out: inout JSONBytes, level: Int) {
        switch self {
        case .string(let text): out.quote(text)
        case .number(let text): out.append(text)
        case .bool(let value): out.append(value ? "true" : "false")
        case .null: out.append("null")
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[\n")
            for (i, item) in items.enumerated() {
                out.pad(level + 1)
                item.write(into: &out, level: level + 1)
                out.append(i == items.count - 1 ? "\n" : ",\n")
            }
            out.pad(level)
            out.append("]")
        case .object(let members):
            if members.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (i, (key, value)) in members.enumerated() {
                out.pad(level + 1)
                out.quote(key)
                out.append(": ")
                value.write(into: &out, level: level + 1)
                out.append(i == members.count - 1 ? "\n" : ",\n")
            }
            out.pad(level)
            out.append("}")
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

/// Reports as JSON with the stable keys of spec §2: amounts as strings in 元 with two
/// decimals, percentages as numbers with at most two decimals.
public enum JSONRenderer {
    static func amount(_ fen: Int64) -> JSONValue { .string(RenderSupport.exactYuan(fen)) }
    static func percent(_ bp: Int64) -> JSONValue { .number(Percent.jsonNumber(bp)) }
    static func percent(_ bp: Int64?) -> JSONValue { bp.map { .number(Percent.jsonNumber($0)) } ?? .null }
    static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    static func contract(_ c: ContractStatus) -> JSONValue {
        .object([
            ("id", .string(c.id)), ("project", .string(c.project)), ("signed", .string(c.signed.description)),
            ("party", text(c.party)), ("amount", amount(c.amountFen)), ("paid", amount(c.paidFen)),
            ("unpaid", amount(c.unpaidFen)), ("due", .string(c.dueDate.description)), ("due_agreed", .bool(c.due != nil)), ("overdue", .bool(c.overdue)),
        ])
    }

    static func project(_ p: ProjectStatus) -> JSONValue {
        let f = p.figures
        return .object([
            ("id", .string(p.id)), ("name", .string(p.name)), ("unit", .string(p.unit)), ("code", text(p.code)),
            ("tags", .array(p.tags.map { .string($0) })),
            ("budget", amount(f.budgetFen)), ("paid", amount(f.paidFen)), ("available", amount(f.availableFen)),
            ("carried_in", amount(f.carriedInFen)), ("allotted", amount(f.allottedFen)), ("initial", amount(f.initialFen)),
            ("reduced", amount(f.reducedFen)), ("carried_out", amount(f.carriedOutFen)), ("lapsed", amount(f.lapsedFen)),
            ("rate", percent(p.rateBasisPoints)), ("expected", percent(p.expectedBasisPoints)), ("gap", percent(p.gapBasisPoints)),
            ("status", .string(p.status.key)), ("plan", .string(p.plan.description)),
            ("carried_in_remaining", amount(p.carriedInRemainingFen)),
            ("carried_in_age_days", p.carriedInAgeDays.map { .number(String($0)) } ?? .null),
            ("alerts", .array(p.alerts.map { .object([("code", .string($0.code.rawValue)), ("level", .string($0.level.key)), ("message", .string($0.message))]) })),
            (
                "checkpoints",
                .array(
                    p.checkpoints.map { c in
                        .object([
                            ("month", .number(String(c.month))), ("date", .string(c.date.description)), ("planned", percent(c.plannedBasisPoints)),
                            ("actual", percent(c.actualBasisPoints)), ("gap", percent(c.gapBasisPoints)), ("evaluated", .bool(c.evaluated)),
                        ])
                    })
            ),
            ("contracts", .array(p.contracts.map(contract))),
        ])
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
                ("projects", .array(r.projects.map(project))), ("units", units(r.units)), ("totals", totals(r.totals)),
            ]
        ).serialized() + "\n"
    }

    public static func monthly(_ r: MonthlyReport, frame: ReportFrame) -> String {
        JSONValue.object(
            journalKeys(frame) + [
                ("month", .string(r.monthKey)), ("as_of", .string(r.asOf.description)), ("organisation", .string(r.status.organisation)),
                ("projects", .array(r.status.projects.map(project))), ("units", units(r.status.units)), ("totals", totals(r.status.totals)),
                ("alerted", .array(r.alerted.map { .string($0.id) })),
                ("unpaid_contracts", .array(r.unpaidContracts.map(contract))),
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
