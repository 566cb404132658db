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

    /// UTF-8 of 万, 元 and the full-width comma ，.
    static let wanBytes: (UInt8, UInt8, UInt8) = (0xE4, 0xB8, 0x87)
    static let yuanBytes: (UInt8, UInt8, UInt8) = (0xE5, 0x85, 0x83)
    static let fullWidthCommaBytes: (UInt8, UInt8, UInt8) = (0xEF, 0xBC, 0x8C)

    public static func parseFen(bytes input: inout [UInt8], requirePositive: Bool = true) -> Result<Int64, ParseError> {
        input.withUnsafeBufferPointer { parseFen(utf8: $0, requirePositive: requirePositive) }
    }

    /// The parser itself, over raw bytes and without allocating: the journal reader calls it
    /// once per entry on a slice of the file.
    public static func parseFen(utf8 input: UnsafeBufferPointer<UInt8>, requirePositive: Bool = true) -> Result<Int64, ParseError> {
        var first = 0
        var end = input.count
        if end == 0 { return .failure(.empty) }
        @inline(__always) func endsWith(_ suffix: (UInt8, UInt8, UInt8)) -> Bool {
            end - first >= 3 && input[end - 3] == suffix.0 && input[end - 2] == suffix.1 && input[end - 1] == suffix.2
        }
        if endsWith(yuanBytes) { end -= 3 }
        var multiplierFen = fenPerYuan
        var maxFractionDigits = 2
        if endsWith(wanBytes) {
            end -= 3
            multiplierFen = fenPerWan
            maxFractionDigits = 6
        }
        var negative = false
        if first < end, input[first] == UInt8(ascii: "-") { negative = true; first += 1 }
        if first == end { return .failure(.notANumber) }

        var integerPart: Int64 = 0
        var integerDigits = 0
        var groupDigits = 0  // digits since the last thousands separator
        var sawSeparator = false
        var fractionStart = -1  // index of the first fraction digit, when there is a point
        var index = first
        while index < end {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if fractionStart < 0 {
                    let (times, o1) = integerPart.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                    if o1 || o2 { return .failure(.tooLarge) }
                    integerPart = sum
                    integerDigits += 1
                    groupDigits += 1
                }
            case UInt8(ascii: ","):
                if fractionStart >= 0 || integerDigits == 0 { return .failure(.badThousandsGroup) }
                if sawSeparator && groupDigits != 3 { return .failure(.badThousandsGroup) }
                if !sawSeparator && groupDigits > 3 { return .failure(.badThousandsGroup) }
                sawSeparator = true
                groupDigits = 0
            case UInt8(ascii: "."):
                if fractionStart >= 0 || integerDigits == 0 { return .failure(.notANumber) }
                if sawSeparator && groupDigits != 3 { return .failure(.badThousandsGroup) }
                fractionStart = index + 1
            default:
                if index + 3 <= end, input[index] == fullWidthCommaBytes.0, input[index + 1] == fullWidthCommaBytes.1,
                    input[index + 2] == fullWidthCommaBytes.2
                {
                    return .failure(.fullWidthComma)
                }
                return .failure(.notANumber)
            }
            index += 1
        }
        if integerDigits == 0 { return .failure(.notANumber) }
        let inFraction = fractionStart >= 0
        if sawSeparator && !inFraction && groupDigits != 3 { return .failure(.badThousandsGroup) }
        if inFraction && fractionStart == end { return .failure(.notANumber) }
        // Trailing zeros of the fraction carry no value: 1.230万 is 1.23万.
        var fractionEnd = inFraction ? end : 0
        if inFraction { while fractionEnd > fractionStart, input[fractionEnd - 1] == UInt8(ascii: "0") { fractionEnd -= 1 } }
        if inFraction && fractionEnd - fractionStart > maxFractionDigits { return .failure(.notWholeFen) }

        var fractionFen: Int64 = 0
        var placeValueFen = multiplierFen
        if inFraction {
            for position in fractionStart..<fractionEnd {
                placeValueFen /= 10
                fractionFen += Int64(input[position] - UInt8(ascii: "0")) * placeValueFen
            }
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
        // Digits written backwards into a small buffer: a million CSV cells must not each
        // build four strings.
        var magnitude = fen.magnitude
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var end = 24
            func put(_ byte: UInt8) { end -= 1; buffer[end] = byte }
            for _ in 0..<2 { put(UInt8(ascii: "0") + UInt8(magnitude % 10)); magnitude /= 10 }
            put(UInt8(ascii: "."))
            repeat { put(UInt8(ascii: "0") + UInt8(magnitude % 10)); magnitude /= 10 } while magnitude > 0
            if fen < 0 { put(UInt8(ascii: "-")) }
            let count = 24 - end
            for index in 0..<count { buffer[index] = buffer[end + index] }  // to the front
            return count
        }
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
