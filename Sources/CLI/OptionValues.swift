import Ledger

/// One reader per kind of value given on the command line. A malformed value — an
/// impossible date, a month like `2019-13` or `2019-1`, a year out of range — is a command-line
/// error (exit 2) wherever it appears; only a well-formed request can be refused by the
/// journal (exit 1). Amounts, IDs and plans of the recording commands are read by the
/// journal's own parser (`RecordCommand`), whose every complaint is likewise exit 2.
enum OptionValue {
    /// `YYYY-MM-DD`, a real calendar day in the years the journal allows.
    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard let date = CalendarDate.parse(text) else {
            throw UsageError("--\(option) 的日期“\(text)”无效：请写成 YYYY-MM-DD 的真实日期（年份 \(Limits.minYear)–\(Limits.maxYear)），例如 --\(option) 2019-03-05")
        }
        return date
    }

    /// `YYYY`: four digits in the years the journal allows.
    static func year(_ text: String, option: String = "year") throws -> Int {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let year = Int(text), (Limits.minYear...Limits.maxYear).contains(year)
        else {
            throw UsageError("--\(option) 的年度“\(text)”无效：请写四位年份（\(Limits.minYear)–\(Limits.maxYear)），例如 --\(option) 2019")
        }
        return year
    }

    /// `YYYY-MM` (two-digit month): the month's last day.
    static func monthEnd(_ text: String, option: String = "month") throws -> CalendarDate {
        let bytes = Array(text.utf8)
        let problem = UsageError("--\(option) 的月份“\(text)”无效：请写成 YYYY-MM（月份两位），例如 --\(option) 2019-06")
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
            let year = try? OptionValue.year(String(decoding: bytes[0..<4], as: UTF8.self), option: option),
            bytes[5...6].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let month = Int(String(decoding: bytes[5...6], as: UTF8.self)),
            let monthEnd = CalendarDate.monthEnd(year: year, month: month)
        else { throw problem }
        return monthEnd
    }

    /// An optional date option (`--as-of`, `--from` …).
    static func date(_ arguments: Arguments, _ option: String) throws -> CalendarDate? {
        try arguments.options[option].map { try date($0, option: option) }
    }
}
