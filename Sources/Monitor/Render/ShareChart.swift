import Ledger

/// A horizontal bar chart of shares (the 决算's structure charts: 收入结构, 支出功能结构,
/// “三公”结构) as inline SVG. Bar lengths come from basis points with integer arithmetic,
/// in tenths of a unit, like the other charts of `HTMLRenderer`.
enum ShareChart {
    struct Slice {
        var label: String
        var amount: String
        var shareBasisPoints: Int64
    }

    static let palette = ["#1f4e79", "#2e7d32", "#d4a017", "#c0392b", "#6a1b9a", "#00838f", "#ef6c00", "#5d4037"]
    static let width: Int64 = 690
    static let rowHeight: Int64 = 22
    static let labelWidth: Int64 = 230
    static let barMax: Int64 = 330

    /// The chart, or "" when there is nothing to draw.
    static func svg(_ slices: [Slice], caption: String) -> String {
        let shown = slices.filter { $0.shareBasisPoints > 0 }
        guard !shown.isEmpty else { return "" }
        let height = rowHeight * Int64(shown.count) + 8
        var svg =
            "<figure class=\"keep\"><svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLRenderer.escape(caption))\">"
            + "<title>\(HTMLRenderer.escape(caption))</title>"
        for (index, slice) in shown.enumerated() {
            let top = 4 + rowHeight * Int64(index)
            let barWidthTenths = HTMLRenderer.scaled(min(slice.shareBasisPoints, 10_000), barMax)
            let colour = palette[index % palette.count]
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(top + 15)\" text-anchor=\"end\" font-size=\"11\">\(HTMLRenderer.escape(slice.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(top + 4)\" width=\"\(HTMLRenderer.tenths(max(barWidthTenths, 10)))\" height=\"14\" fill=\"\(colour)\" rx=\"1\"/>"
            let textX = labelWidth * 10 + max(barWidthTenths, 10) + 60
            svg +=
                "<text x=\"\(HTMLRenderer.tenths(textX))\" y=\"\(top + 15)\" font-size=\"11\">"
                + "\(Percent.string(slice.shareBasisPoints))%　\(HTMLRenderer.escape(slice.amount))</text>"
        }
        return svg + "</svg><figcaption class=\"muted small\">\(HTMLRenderer.escape(caption))</figcaption></figure>\n"
    }
}
