/// Cleaning what spreadsheet cells hold before it goes on a journal line.
public enum CellText {
    /// Blanks a cell may be padded with: space, tab, the full-width space, no-break spaces.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\u{3000}", "\u{00A0}", "\u{2007}", "\u{202F}", "\u{FEFF}", "\u{200B}": return true
        default: return false
        }
    }

    /// Surrounding blanks removed; every run of blanks, line breaks (Alt+Enter in Excel) and
    /// other control characters inside becomes one space, so the value fits on one journal line.
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isBlank(scalar) || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Full-width digits and the punctuation that comes with them (`０-９ ． － ／ ， ：`) as
    /// ASCII, for dates, amounts and plans typed with a Chinese input method.
    public static func asciiDigits(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: scalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E: scalars.append(".")
            case 0xFF0D: scalars.append("-")
            case 0xFF0F: scalars.append("/")
            case 0xFF0C: scalars.append(",")
            case 0xFF1A: scalars.append(":")
            case 0xFF05: scalars.append("%")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A header cell reduced for matching: no blanks at all, full-width brackets as ASCII,
    /// ASCII letters in lower case, a leading `*` (required-column mark) dropped.
    public static func headerKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in clean(text).unicodeScalars where !isBlank(scalar) {
            switch scalar {
            case "（": scalars.append("(")
            case "）": scalars.append(")")
            case "【", "[": scalars.append("(")
            case "】", "]": scalars.append(")")
            case "％": scalars.append("%")
            case "*", "＊": continue
            default:
                if scalar.isASCII, let lower = String(scalar).lowercased().unicodeScalars.first { scalars.append(lower) } else { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    /// The header key without a trailing unit in brackets: `金额(万元)` → `金额`.
    public static func headerKeyWithoutUnit(_ text: String) -> String {
        let key = headerKey(text)
        guard key.hasSuffix(")"), let open = key.lastIndex(of: "("), open != key.startIndex else { return key }
        return String(key[..<open])
    }
}
