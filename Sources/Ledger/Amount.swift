/// Money is exact: an amount is an `Int64` count of 分 (0.01 元), named `…Fen` wherever it
/// is stored. This namespace parses the journal's amount forms and formats amounts back.
public enum Amount {
    public static let fenPerYuan: Int64 = 100
    public static let fenPerWan: Int64 = 1_000_000

    /// Why an amount text was refused; each case becomes a Chinese diagnostic.
    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case notANumber
        case fullWidthComma
        case badThousandsGroup
        case notWholeFen
        case tooLarge
        case notPositive
    }

    /// Parses `[-]DIGITS[,DIGITS...][.DIGITS][万][元]` into 分. The sign is accepted by the
    /// grammar only so the error can say an amount must be positive; a zero or negative
    /// amount yields `.notPositive` when `requirePositive` is set.
    public static func parseFen(_ text: String, requirePositive: Bool = true) -> Result<Int64, ParseError> {
        var utf8 = Array(text.utf8)
        return parseFen(bytes: &utf8, requirePositive: requirePositive)
    }

    static let wanSuffix: [UInt8] = Array("万".utf8)
    static let yuanSuffix: [UInt8] = Array("元".utf8)
    static let fullWidthComma: [UInt8] = Array("，".utf8)

    static func hasSuffix(_ bytes: ArraySlice<UInt8>, _ suffix: [UInt8]) -> Bool {
        bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix)
    }

    public static func parseFen(bytes input: inout [UInt8], requirePositive: Bool = true) -> Result<Int64, ParseError> {
        var body = input[...]
        if body.isEmpty { return .failure(.empty) }
        if hasSuffix(body, yuanSuffix) { body = body.dropLast(yuanSuffix.count) }
        var multiplierFen = fenPerYuan
        var maxFractionDigits = 2
        if hasSuffix(body, wanSuffix) {
            body = body.dropLast(wanSuffix.count)
            multiplierFen = fenPerWan
            maxFractionDigits = 6
        }
        var negative = false
        if body.first == UInt8(ascii: "-") { negative = true; body = body.dropFirst() }
        if body.isEmpty { return .failure(.notANumber) }

        var integerPart: Int64 = 0
        var integerDigits = 0
        var groupDigits = 0          // digits since the last thousands separator
        var sawSeparator = false
        var fraction: [UInt8] = []
        var inFraction = false
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inFraction {
                    fraction.append(byte - UInt8(ascii: "0"))
                } else {
                    let (times, o1) = integerPart.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                    if o1 || o2 { return .failure(.tooLarge) }
                    integerPart = sum
                    integerDigits += 1
                    groupDigits += 1
                }
            case UInt8(ascii: ","):
                if inFraction || integerDigits == 0 { return .failure(.badThousandsGroup) }
                if sawSeparator && groupDigits != 3 { return .failure(.badThousandsGroup) }
                if !sawSeparator && groupDigits > 3 { return .failure(.badThousandsGroup) }
                sawSeparator = true
                groupDigits = 0
            case UInt8(ascii: "."):
                if inFraction || integerDigits == 0 { return .failure(.notANumber) }
                if sawSeparator && groupDigits != 3 { return .failure(.badThousandsGroup) }
                inFraction = true
            default:
                if body[index...].starts(with: fullWidthComma) { return .failure(.fullWidthComma) }
                return .failure(.notANumber)
            }
            index += 1
        }
        if integerDigits == 0 { return .failure(.notANumber) }
        if sawSeparator && !inFraction && groupDigits != 3 { return .failure(.badThousandsGroup) }
        if inFraction && fraction.isEmpty { return .failure(.notANumber) }
        // Trailing zeros of the fraction carry no value: 1.230万 is 1.23万.
        while fraction.last == 0 { fraction.removeLast() }
        if fraction.count > maxFractionDigits { return .failure(.notWholeFen) }

        var fractionFen: Int64 = 0
        var placeValueFen = multiplierFen
        for digit in fraction {
            placeValueFen /= 10
            fractionFen += Int64(digit) * placeValueFen
        }
        let (wholeFen, overflow) = integerPart.multipliedReportingOverflow(by: multiplierFen)
        if overflow { return .failure(.tooLarge) }
        let (totalFen, overflow2) = wholeFen.addingReportingOverflow(fractionFen)
        if overflow2 || totalFen > Limits.maxAmountFen { return .failure(.tooLarge) }
        let signedFen = negative ? -totalFen : totalFen
        if requirePositive && signedFen <= 0 { return .failure(.notPositive) }
        return .success(signedFen)
    }

    /// Canonical journal form: 元 with exactly two decimals, no separators (`125800.00`).
    public static func yuanString(_ fen: Int64) -> String {
        let magnitude = fen.magnitude
        let yuan = magnitude / 100
        let cents = magnitude % 100
        let sign = fen < 0 ? "-" : ""
        return sign + String(yuan) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// 万元, exact: as many decimals as needed, at least two, never rounded (`15.42`,
    /// `7.737948`).
    public static func wanString(_ fen: Int64) -> String {
        let magnitude = fen.magnitude
        let wan = magnitude / UInt64(fenPerWan)
        var remainder = magnitude % UInt64(fenPerWan)
        var digits: [Character] = []
        var divisor = UInt64(fenPerWan) / 10
        while divisor > 0 {
            digits.append(Character(String(remainder / divisor)))
            remainder %= divisor
            divisor /= 10
        }
        while digits.count > 2 && digits.last == "0" { digits.removeLast() }
        let sign = fen < 0 ? "-" : ""
        return sign + String(wan) + "." + String(digits)
    }

    /// 元 with thousands separators and two decimals (`1,258,000.00`), for text reports.
    public static func groupedYuanString(_ fen: Int64) -> String {
        let magnitude = fen.magnitude
        let yuanDigits = Array(String(magnitude / 100))
        var grouped = ""
        for (offset, digit) in yuanDigits.enumerated() {
            if offset > 0 && (yuanDigits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}

/// Checked money arithmetic: overflow is a value (`nil`), never a trap.
public enum Checked {
    @inlinable public static func add(_ a: Int64, _ b: Int64) -> Int64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }
    @inlinable public static func subtract(_ a: Int64, _ b: Int64) -> Int64? {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? nil : difference
    }
}
