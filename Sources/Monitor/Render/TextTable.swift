/// A plain-text table aligned by display width (Chinese characters take two columns).
/// Cells may carry ANSI colour: width is measured on the visible text.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// Row indices after which a rule is drawn (e.g. before a totals row).
    public var rulesAfter: Set<Int> = []
    /// Row indices that are section titles: printed whole, not counted in column widths.
    public var sections: Set<Int> = []

    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    public mutating func add(_ row: [String]) { rows.append(row) }
    public mutating func addRule() { rulesAfter.insert(rows.count - 1) }
    /// A title line (a unit's name) above a group of rows.
    public mutating func addSection(_ title: String) {
        sections.insert(rows.count)
        rows.append([title])
    }

    public func render(indent: String = "") -> String {
        var widths = headers.map(visibleWidth)
        for (index, row) in rows.enumerated() where !sections.contains(index) {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], visibleWidth(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, width) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, width - visibleWidth(cell)))
                parts.append(alignments[safe: i] == .right ? pad + cell : cell + pad)
            }
            var text = indent + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "──")
        var output = [line(headers), rule]
        for (index, row) in rows.enumerated() {
            output.append(sections.contains(index) ? indent + (row.first ?? "") : line(row))
            if rulesAfter.contains(index) && index != rows.count - 1 { output.append(rule) }
        }
        return output.joined(separator: "\n") + "\n"
    }

    /// Width without ANSI escape sequences.
    func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            if scalar == "\u{1B}" { inEscape = true; continue }
            width += DisplayWidth.of(scalar)
        }
        return width
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
