/// A check run on each entry in date order (file order among equal dates), against the
/// books as they stood before the entry. Rules only look; the validator applies the entry
/// afterwards when no rule found an error in it.
public protocol DatedRule {
    /// A short name for documentation and debugging.
    var name: String { get }
    mutating func check(_ entry: Entry, books: Books, into diagnostics: inout [Diagnostic])
}

/// How money is written in messages: 万元, exact.
@inline(__always)
func wan(_ fen: Int64) -> String { Amount.wanString(fen) + "万元" }

/// "第 12 行", or "a.journal 第 12 行" when the place is in another file than `here`.
func place(_ location: SourceLocation, from here: SourceLocation, paths: [String]) -> String {
    if location.file == here.file || location.file >= paths.count { return "第 \(location.line) 行" }
    return "\(paths[location.file]) 第 \(location.line) 行"
}
