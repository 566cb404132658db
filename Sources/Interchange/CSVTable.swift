/// One record of a CSV file. `number` is the spreadsheet's row number (1-based, counting
/// every record, blank ones included — what Excel shows at the left edge); `line` is the
/// text line where the record starts (they differ only after a cell with a line break).
public struct CSVRow: Sendable, Equatable {
    public var number: Int
    public var line: Int
    public var cells: [String]

    public init(number: Int, line: Int, cells: [String]) {
        self.number = number
        self.line = line
        self.cells = cells
    }

    /// The cell at a 0-based column, or "" past the end of a short row.
    public subscript(column: Int) -> String { column >= 0 && column < cells.count ? cells[column] : "" }

    /// Every cell empty or blank.
    public var isBlank: Bool { cells.allSatisfy { CellText.clean($0).isEmpty } }
}

/// An RFC 4180 table: fields separated by commas (or tabs, for Excel's "Unicode text"),
/// records by CRLF, LF or a lone CR; a field in double quotes may hold separators, line breaks
/// and doubled quotes (`""`). Lenient where Excel is: a quote inside an unquoted field, or text
/// after a closing quote, is kept as written. A quote left open at the end of the file is an
/// error, since it would swallow every row after it.
public struct CSVTable: Sendable, Equatable {
    public var rows: [CSVRow]
    public var delimiter: Unicode.Scalar

    public init(rows: [CSVRow], delimiter: Unicode.Scalar = ",") {
        self.rows = rows
        self.delimiter = delimiter
    }

    public struct Failure: Error, Sendable, Equatable {
        public var row: Int
        public var line: Int
        public var message: String
    }

    /// Parses decoded text (a leading U+FEFF is skipped). `delimiter` nil: a tab when the
    /// first line has more tabs than commas outside quotes, else a comma.
    public static func parse(_ text: String, delimiter: Unicode.Scalar? = nil) -> Result<CSVTable, Failure> {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let separator = delimiter ?? guessDelimiter(scalars)
        var rows: [CSVRow] = []
        var cells: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var index = 0
        let count = scalars.count

        func endField() {
            cells.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            rows.append(CSVRow(number: rows.count + 1, line: recordLine, cells: cells))
            cells = []
        }

        while index < count {
            let scalar = scalars[index]
            if scalar == "\"" && field.isEmpty && !fieldStartedUnquoted(scalars, index, separator) {
                // A quoted field: up to the closing quote; "" is one quote.
                let openLine = line
                index += 1
                var closed = false
                while index < count {
                    let inner = scalars[index]
                    if inner == "\"" {
                        if index + 1 < count && scalars[index + 1] == "\"" {
                            field.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if inner == "\n" || (inner == "\r" && !(index + 1 < count && scalars[index + 1] == "\n")) { line += 1 }
                    field.append(inner)
                    index += 1
                }
                if !closed {
                    return .failure(
                        Failure(
                            row: rows.count + 1, line: openLine,
                            message: "第 \(rows.count + 1) 行（文本第 \(openLine) 行）的双引号没有闭合：引号内的内容一直延续到了文件末尾。请检查这一格，或在 Excel 中重新另存为 CSV"))
                }
                continue
            }
            switch scalar {
            case separator:
                endField()
                index += 1
            case "\r", "\n":
                endRecord()
                if scalar == "\r", index + 1 < count, scalars[index + 1] == "\n" { index += 1 }
                index += 1
                line += 1
                recordLine = line
            default:
                field.append(scalar)
                index += 1
            }
        }
        // The last record, unless the text ended with its line break.
        if !cells.isEmpty || !field.isEmpty || (count > 0 && !isLineBreak(scalars[count - 1])) {
            endRecord()
        }
        return .success(CSVTable(rows: rows, delimiter: separator))
    }

    /// A quote opens a quoted field only at the start of a field; `field.isEmpty` alone cannot
    /// tell `a,"b"` from `""` text already consumed, so look at the previous scalar.
    static func fieldStartedUnquoted(_ scalars: [Unicode.Scalar], _ index: Int, _ separator: Unicode.Scalar) -> Bool {
        guard index > 0 else { return false }
        let previous = scalars[index - 1]
        return !(previous == separator || isLineBreak(previous))
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }

    static func guessDelimiter(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var commas = 0, tabs = 0
        var quoted = false
        for scalar in scalars {
            if scalar == "\"" { quoted.toggle(); continue }
            if quoted { continue }
            if isLineBreak(scalar) { break }
            if scalar == "," { commas += 1 } else if scalar == "\t" { tabs += 1 }
        }
        return tabs > commas ? "\t" : ","
    }
}
