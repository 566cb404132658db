import Ledger

/// Dates the way Chinese spreadsheets hold them: `2019-03-05`, `2019-3-5`, `2019/3/5`,
/// `2019.3.5`, `2019年3月5日`, `20190305`, an Excel serial day number (`43529`), each
/// optionally followed by a time (`2019/3/5 0:00`). Year first always: `3/5/2019` and
/// two-digit years are refused rather than guessed.
public enum SpreadsheetDate {
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
    }

    static let forms = "请写成 2019-03-05、2019/3/5、2019年3月5日 或 Excel 日期序号（如 43529）"

    public static func parse(_ raw: String) -> Result<CalendarDate, Problem> {
        var text = CellText.asciiDigits(CellText.clean(raw))
        if text.isEmpty { return .failure(Problem(message: "日期为空")) }
        if text.contains("年") {  // "2019 年 3 月 5 日", "2019年3月5日 10时"
            text.removeAll { $0 == " " }
            if let end = text.firstIndex(where: { $0 == "日" || $0 == "号" }) { text = String(text[...end]) }
        }
        // A time after the date: "2019/3/5 0:00", "2019-03-05T00:00:00", "2019年3月5日 10时".
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) {
            let time = text[text.index(after: cut)...]
            guard time.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":" || $0 == ".") }) || time.contains("时") || time.contains("点") else {
                return .failure(Problem(message: "日期“\(raw)”无法识别：\(forms)"))
            }
            text = String(text[..<cut])
        }
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

        // Only digits (and perhaps a fraction): YYYYMMDD or an Excel serial number.
        let integerPart = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let isNumeric =
            text.split(separator: ".", omittingEmptySubsequences: false).count <= 2
            && !integerPart.isEmpty && integerPart.unicodeScalars.allSatisfy(isDigit)
            && text.unicodeScalars.allSatisfy { isDigit($0) || $0 == "." }
        if isNumeric {
            if integerPart.count == 8, !text.contains(".") {
                let digits = scalars.map { Int($0.value) - 48 }
                let year = digits[0..<4].reduce(0) { $0 * 10 + $1 }
                let month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7]
                return real(year, month, day, raw)
            }
            if integerPart.count == 5, let serial = Int(integerPart) {
                guard let date = fromExcelSerial(serial) else {
                    return .failure(Problem(message: "日期“\(raw)”看作 Excel 日期序号时超出 \(Limits.minYear)–\(Limits.maxYear) 年：\(forms)"))
                }
                return .success(date)
            }
            if integerPart.count == 4 {
                return .failure(Problem(message: "日期“\(raw)”只有年份：请写出完整的年月日，例如 \(integerPart)-03-05"))
            }
            return .failure(Problem(message: "日期“\(raw)”无法识别：\(forms)"))
        }

        // Numbers separated by - / . or 年 月 (日|号).
        var numbers: [Int] = []
        var separators: [String] = []
        var current = ""
        var digitsInNumber: [Int] = []
        for scalar in scalars {
            if isDigit(scalar) {
                current.unicodeScalars.append(scalar)
            } else {
                if current.isEmpty { return .failure(Problem(message: "日期“\(raw)”无法识别：\(forms)")) }
                numbers.append(Int(current) ?? -1)
                digitsInNumber.append(current.count)
                current = ""
                separators.append(String(scalar))
            }
        }
        if !current.isEmpty { numbers.append(Int(current) ?? -1); digitsInNumber.append(current.count) }
        let chinese = separators == ["年", "月", "日"] || separators == ["年", "月", "号"] || (separators == ["年", "月"] && numbers.count == 3)
        let plain = separators.count == 2 && Set(separators).count == 1 && ["-", "/", "."].contains(separators[0]) && numbers.count == 3
        guard chinese || plain, numbers.count == 3 else {
            return .failure(Problem(message: "日期“\(raw)”无法识别：\(forms)"))
        }
        if digitsInNumber[0] != 4 && digitsInNumber[2] == 4 {
            return .failure(Problem(message: "日期“\(raw)”把年份写在了最后：月/日/年 与 日/月/年 无法区分，请写成年在前的形式，例如 2019-03-05"))
        }
        if digitsInNumber[0] <= 2 {
            return .failure(Problem(message: "日期“\(raw)”的年份应为四位数字：两位年份无法确定世纪，请写成 2019-03-05 这样的形式"))
        }
        guard digitsInNumber[0] == 4, digitsInNumber[1] <= 2, digitsInNumber[2] <= 2 else {
            return .failure(Problem(message: "日期“\(raw)”无法识别：\(forms)"))
        }
        return real(numbers[0], numbers[1], numbers[2], raw)
    }

    static func real(_ year: Int, _ month: Int, _ day: Int, _ raw: String) -> Result<CalendarDate, Problem> {
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            return .failure(Problem(message: "日期“\(raw)”不存在：请写真实的日历日期（年份 \(Limits.minYear)–\(Limits.maxYear)）"))
        }
        return .success(date)
    }

    /// Excel's serial day number (1900 date system). Excel counts 1900-02-29, a day that never
    /// was (Lotus 1-2-3's leap-year bug): serial 1 is 1900-01-01, 59 is 1900-02-28, 60 is the
    /// phantom day (nil), 61 is 1900-03-01, so from 61 on the serial counts days since
    /// 1899-12-30. 43529 is 2019-03-05.
    public static func fromExcelSerial(_ serial: Int) -> CalendarDate? {
        guard serial >= 1, serial != 60 else { return nil }
        let epoch = serial < 60 ? -25_568 : -25_569  // day numbers of 1899-12-31 and 1899-12-30
        let (dayNumber, overflow) = serial.addingReportingOverflow(epoch)
        return overflow ? nil : CalendarDate(dayNumber: dayNumber)
    }

    /// The serial Excel shows for a date (the inverse of `fromExcelSerial`).
    public static func excelSerial(_ date: CalendarDate) -> Int {
        let serial = date.dayNumber + 25_569
        return serial < 61 ? serial - 1 : serial
    }
}
