/// How text output marks red and yellow: ANSI colours on a terminal, plain markers when
/// piped or when NO_COLOR is set (the CLI decides which).
public struct TextStyle: Sendable {
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    public func red(_ text: String) -> String { colour ? "\u{1B}[31;1m\(text)\u{1B}[0m" : text }
    public func yellow(_ text: String) -> String { colour ? "\u{1B}[33;1m\(text)\u{1B}[0m" : text }
    public func green(_ text: String) -> String { colour ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    public func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    public func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    /// A status word with its marker: ● red, ▲ yellow, ✓ ok — readable without colour too.
    public func status(_ level: AlertLevel) -> String {
        switch level {
        case .red: return red("● " + level.statusName)
        case .yellow: return yellow("▲ " + level.statusName)
        case .ok: return green("✓ " + level.statusName)
        }
    }

    public func level(_ level: AlertLevel) -> String {
        switch level {
        case .red: return red("红")
        case .yellow: return yellow("黄")
        case .ok: return "—"
        }
    }
}
