/// A calendar day without time or time zone: the journal's `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or `nil` when the day does not exist in the calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (Limits.minYear...Limits.maxYear).contains(year),
            (1...12).contains(month),
            day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Sort key that orders dates chronologically: YYYYMMDD as an integer.
    public var key: Int32 { Int32(year * 10_000 + month * 100 + day) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.key < rhs.key }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(m)-\(d)"
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var daysInMonth: Int { CalendarDate.daysIn(month: month, year: year) }
    public var isYearEnd: Bool { month == 12 && day == 31 }
    public var isMonthEnd: Bool { day == daysInMonth }

    public static func yearEnd(_ year: Int) -> CalendarDate? { CalendarDate(year: year, month: 12, day: 31) }
    public static func monthEnd(year: Int, month: Int) -> CalendarDate? {
        guard (1...12).contains(month) else { return nil }
        return CalendarDate(year: year, month: month, day: daysIn(month: month, year: year))
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for "days between".
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d)
    }

    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    public func addingDays(_ count: Int) -> CalendarDate? { CalendarDate(dayNumber: dayNumber + count) }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, real calendar day).
    public static func parse(_ text: String) -> CalendarDate? { parse(bytes: text.utf8) }

    public static func parse<Bytes: Collection>(bytes: Bytes) -> CalendarDate? where Bytes.Element == UInt8 {
        guard bytes.count == 10 else { return nil }
        var year = 0, month = 0, day = 0
        var offset = 0
        for byte in bytes {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if offset < 4 { year = year * 10 + digit } else if offset < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
            offset += 1
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Today in China Standard Time (the default 时区); commands use `Settings.today`, which
    /// honours the journal's 时区.
    public static func today() -> CalendarDate {
        WallClock.system().today(utcOffsetMinutes: UTCOffset.chinaStandardTimeMinutes)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
