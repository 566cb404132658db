/// Entry → its canonical line: Chinese verb and keys, amounts in 元 with two decimals,
/// optional keys in a fixed order, values quoted only when they must be. Reading the line
/// back gives the same entry: `parse(write(e)) == e`.
public enum JournalWriter {
    public static func line(_ entry: Entry) -> String {
        line(date: entry.date, body: entry.body)
    }

    public static func line(date: CalendarDate, body: EntryBody) -> String {
        var parts: [String] = [date.description, body.verb.chinese]
        func positional(_ value: String) { parts.append(quoteIfNeeded(value)) }
        func amount(_ fen: Int64) { parts.append(Amount.yuanString(fen)) }
        func attribute(_ key: AttributeKey, _ value: String?) {
            guard let value else { return }
            parts.append(key.chinese + "=" + quoteIfNeeded(value))
        }
        switch body {
        case .project(let p):
            positional(p.id); positional(p.name)
            attribute(.unit, p.unit); attribute(.code, p.code); attribute(.econ, p.econ); attribute(.fund, p.fund?.chinese)
            attribute(.plan, p.plan?.description)
            attribute(.tags, p.tags.isEmpty ? nil : p.tags.joined(separator: ","))
        case .allot(let a):
            positional(a.project); amount(a.amountFen)
            attribute(.doc, a.doc); attribute(.kind, a.kindGiven ? a.kind.chinese : nil)
            attribute(.source, a.source); attribute(.memo, a.memo)
        case .reduce(let r):
            positional(r.project); amount(r.amountFen)
            attribute(.doc, r.doc); attribute(.memo, r.memo)
        case .pay(let p):
            positional(p.project); amount(p.amountFen)
            attribute(.voucher, p.voucher); attribute(.payee, p.payee); attribute(.contract, p.contract); attribute(.econ, p.econ)
            attribute(.memo, p.memo)
        case .contract(let c):
            positional(c.project); positional(c.contractID); amount(c.amountFen)
            attribute(.party, c.party); attribute(.due, c.due?.description); attribute(.memo, c.memo)
        case .reverse(let r):
            positional(r.project); amount(r.amountFen)
            attribute(.of, r.ofVoucher); attribute(.ofDate, r.ofDate?.description)
            attribute(.voucher, r.voucher); attribute(.memo, r.memo)
        case .carry(let c):
            positional(c.project); amount(c.amountFen); attribute(.reason, c.reason)
        case .lapse(let l):
            positional(l.project); amount(l.amountFen); attribute(.doc, l.doc); attribute(.reason, l.reason)
        case .plan(let p):
            positional(p.project); positional(p.plan.description)
        case .set(let s):
            attribute(.org, s.organisation)
            attribute(.defaultPlan, s.defaultPlan?.description)
            attribute(.warnGap, s.warnGapBasisPoints.map(Percent.jsonNumber))
            attribute(.alarmGap, s.alarmGapBasisPoints.map(Percent.jsonNumber))
            attribute(.targetRate, s.targetRateBasisPoints.map(Percent.jsonNumber))
            attribute(.idleDays, s.idleDays.map { String($0) })
            attribute(.graceDays, s.graceDays.map { String($0) })
            attribute(.timezone, s.utcOffsetMinutes.map(UTCOffset.string))
        case .seal(let s):
            attribute(.sha256, s.sha256)
        }
        return parts.joined(separator: " ")
    }

    /// Quotes a value that contains a blank, `=` (or the full-width `＝`, which the reader
    /// takes for a mistyped key in an unquoted field), `"` or `\`, starts a comment, or is
    /// empty.
    public static func quoteIfNeeded(_ value: String) -> String {
        var needsQuotes = value.isEmpty
        for scalar in value.unicodeScalars {
            switch scalar {
            case " ", "\t", "\u{3000}", "=", "\u{FF1D}", "\"", "\\": needsQuotes = true
            default: break
            }
            if needsQuotes { break }
        }
        if let first = value.unicodeScalars.first, first == "#" || first == ";" { needsQuotes = true }
        guard needsQuotes else { return value }
        var quoted = "\""
        for character in value.unicodeScalars {
            if character == "\"" || character == "\\" { quoted.unicodeScalars.append("\\") }
            quoted.unicodeScalars.append(character)
        }
        quoted.append("\"")
        return quoted
    }

    /// Whether a value can be written on a journal line at all (no line breaks or other
    /// control characters).
    public static func isWritable(_ value: String) -> Bool {
        !value.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }
    }
}
