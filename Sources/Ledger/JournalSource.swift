/// One journal file's bytes, kept for seals (which hash them) and for quoting lines in
/// diagnostics.
public struct JournalSource: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The text of 1-based line `number` (without its line ending), or nil past the end.
    public func lineText(_ number: Int) -> String? {
        lineTexts([number])[number]
    }

    /// The texts of several lines, found in one pass.
    public func lineTexts(_ numbers: Set<Int>) -> [Int: String] {
        var result: [Int: String] = [:]
        guard let highest = numbers.max() else { return result }
        var line = 1
        var start = 0
        var index = 0
        let count = bytes.count
        while index <= count && line <= highest {
            if index == count || bytes[index] == UInt8(ascii: "\n") {
                if numbers.contains(line) {
                    var end = index
                    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    var lineStart = start
                    if line == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lineStart = min(3, end) }
                    result[line] = String(decoding: bytes[lineStart..<end], as: UTF8.self)
                }
                line += 1
                start = index + 1
                if index == count { break }
            }
            index += 1
        }
        return result
    }

    /// Whether the last line lacks its newline (an append must mend it first).
    public var lacksFinalNewline: Bool { !bytes.isEmpty && bytes.last != UInt8(ascii: "\n") }
}
