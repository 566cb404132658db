/// Terminal display width: a Chinese character (East Asian Wide or Fullwidth) takes two
/// columns, combining marks none, everything else one.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    /// Pads to `width` columns on the right (left-aligned) or left (right-aligned).
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let padding = max(0, width - of(text))
        let spaces = String(repeating: " ", count: padding)
        return right ? spaces + text : text + spaces
    }

    /// Cuts text to at most `width` columns, ending in "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let w = of(scalar)
            if used + w > width - 1 { break }
            result.unicodeScalars.append(scalar)
            used += w
        }
        return result + "…"
    }

    /// Cuts text to at most `width` columns by removing its middle ("医疗服务…（基金监管）"):
    /// project names often differ only at the end.
    public static func truncateMiddle(_ text: String, to width: Int) -> String {
        guard of(text) > width, width >= 5 else { return truncate(text, to: width) }
        let scalars = Array(text.unicodeScalars)
        let headWidth = (width - 1) / 2
        var head = "", tail = ""
        var used = 0
        for scalar in scalars {
            let w = of(scalar)
            if used + w > headWidth { break }
            head.unicodeScalars.append(scalar)
            used += w
        }
        var tailUsed = 0
        var tailScalars: [Unicode.Scalar] = []
        for scalar in scalars.reversed() {
            let w = of(scalar)
            if used + 1 + tailUsed + w > width { break }
            tailScalars.append(scalar)
            tailUsed += w
        }
        tail.unicodeScalars.append(contentsOf: tailScalars.reversed())
        return head + "…" + tail
    }
}
