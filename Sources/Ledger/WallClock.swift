#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The 时区 setting's values: a fixed offset from UTC, written `±HH:MM` (spec §1 Settings).
/// China has one time zone and no daylight saving, so a fixed offset is all a journal needs.
public enum UTCOffset {
    /// China Standard Time, UTC+08:00: the default.
    public static let chinaStandardTimeMinutes = 480
    /// The offsets in use on Earth run from UTC−12:00 to UTC+14:00.
    public static let minutesRange = -12 * 60...14 * 60

    /// What the value may be, for the error that refuses another.
    public static let allowed = "应为相对 UTC 的时差，写成 ±HH:MM（正负号、两位小时、冒号、两位分钟），在 -12:00 到 +14:00 之间，例如 时区=+08:00（北京时间，默认）、时区=-05:00、时区=+05:30"

    /// Minutes east of UTC for `+08:00`, `-05:00`, `+05:30`…; nil for anything else.
    public static func parseMinutes(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: ":") else { return nil }
        func digits(_ a: Int, _ b: Int) -> Int? {
            let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
            guard (zero...nine).contains(bytes[a]), (zero...nine).contains(bytes[b]) else { return nil }
            return Int(bytes[a] - zero) * 10 + Int(bytes[b] - zero)
        }
        guard let hours = digits(1, 2), let minutes = digits(4, 5), minutes < 60 else { return nil }
        let total = (hours * 60 + minutes) * (bytes[0] == UInt8(ascii: "-") ? -1 : 1)
        return minutesRange.contains(total) ? total : nil
    }

    /// `480` → `+08:00`, `-330` → `-05:30`.
    public static func string(_ minutes: Int) -> String {
        let magnitude = abs(minutes)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return (minutes < 0 ? "-" : "+") + two(magnitude / 60) + ":" + two(magnitude % 60)
    }
}

/// An instant, for deciding what day "today" is. Commands take it from the system clock once
/// and ask the journal's settings for the date (`Settings.today`), so every default date —
/// `--date`, `--as-of`, the future-date warning — is the same day in the same 时区.
public struct WallClock: Hashable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var unixSeconds: Int64

    public init(unixSeconds: Int64) { self.unixSeconds = unixSeconds }

    /// Now, by the machine's clock.
    public static func system() -> WallClock { WallClock(unixSeconds: Int64(time(nil))) }

    /// The calendar day at this instant `utcOffsetMinutes` east of UTC.
    public func today(utcOffsetMinutes: Int) -> CalendarDate {
        let local = unixSeconds + Int64(utcOffsetMinutes) * 60
        // Floor division: instants before 1970 still fall on the right day.
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return CalendarDate(dayNumber: Int(day)) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS]Z` (UTC), or a count of seconds since 1970 — the
    /// `FUNDFLOW_NOW` override that lets tests and reproductions fix the instant.
    public static func parse(_ text: String) -> WallClock? {
        if let seconds = Int64(text) { return WallClock(unixSeconds: seconds) }
        let bytes = Array(text.utf8)
        guard bytes.count == 17 || bytes.count == 20, bytes.last == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T"),
            let date = CalendarDate.parse(bytes: bytes[0..<10])
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard bytes[range].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard bytes[13] == UInt8(ascii: ":"), let hours = number(11..<13), let minutes = number(14..<16), hours < 24, minutes < 60 else { return nil }
        var seconds = 0
        if bytes.count == 20 {
            guard bytes[16] == UInt8(ascii: ":"), let value = number(17..<19), value < 60 else { return nil }
            seconds = value
        }
        return WallClock(unixSeconds: Int64(date.dayNumber) * 86_400 + Int64(hours * 3600 + minutes * 60 + seconds))
    }
}
