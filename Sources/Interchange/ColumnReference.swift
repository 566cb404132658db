/// How a mapping names a column: by its header text, or by its position (1-based number, or
/// an Excel column letter such as `C` when no header cell is called that).
public enum ColumnReference: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case name(String)

    /// `3` → column 3; anything else → a header name. Empty → nil.
    public static func parse(_ text: String) -> ColumnReference? {
        let value = CellText.asciiDigits(CellText.clean(text))
        if value.isEmpty { return nil }
        if value.unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) {
            guard value.count <= 4, let number = Int(value) else { return .name(value) }
            return .number(number)
        }
        return .name(value)
    }

    public var description: String {
        switch self {
        case .number(let n): return "第 \(n) 列"
        case .name(let name): return "“\(name)”列"
        }
    }

    /// The 0-based column this names in a header row (nil for no header), or nil when it
    /// names none. Names match after `CellText.headerKey`, then without a unit in brackets.
    public func resolve(in header: [String]?) -> Int? {
        switch self {
        case .number(let n):
            return n >= 1 ? n - 1 : nil
        case .name(let name):
            if let header {
                let key = CellText.headerKey(name)
                if let index = header.firstIndex(where: { CellText.headerKey($0) == key }) { return index }
                let bare = CellText.headerKeyWithoutUnit(name)
                if let index = header.firstIndex(where: { CellText.headerKeyWithoutUnit($0) == bare }) { return index }
            }
            return ColumnReference.excelLetters(name)
        }
    }

    /// `A` → 0, `Z` → 25, `AA` → 26 (one or two ASCII letters only).
    static func excelLetters(_ text: String) -> Int? {
        let letters = Array(text.uppercased().unicodeScalars)
        guard (1...2).contains(letters.count), letters.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) else { return nil }
        return letters.reduce(0) { $0 * 26 + Int($1.value - 64) } - 1
    }
}
