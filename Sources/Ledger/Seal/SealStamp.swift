/// A valid seal as reports and `check --seal` show it: the date the books are closed through
/// and its 校验码, the first 16 hex digits of the seal's SHA-256 (spec §1 "Sealing").
public struct SealStamp: Hashable, Sendable {
    public var date: CalendarDate
    /// 16 lower-case hex digits.
    public var code: String

    /// Digits of the SHA-256 an accountant copies onto the signed paper register.
    public static let codeDigits = Limits.sealCodeDigits

    public init(date: CalendarDate, code: String) {
        self.date = date
        self.code = code
    }

    /// Whether text is a 校验码: 16 hex digits (either case).
    public static func isCode(_ text: String) -> Bool {
        text.utf8.count == codeDigits && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }
    }

    public init(date: CalendarDate, sha256: String) {
        self.init(date: date, code: String(sha256.prefix(SealStamp.codeDigits)))
    }
}
