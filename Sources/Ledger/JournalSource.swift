#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The texts of several lines, found in one pass. `maxBytes` caps how much of each line is
    /// decoded (a diagnostic quotes only the start of a line, and a corrupt file may hold a
    /// line of gigabytes); a cut inside a character shows as U+FFFD at the end.
    public func lineTexts(_ numbers: Set<Int>, maxBytes: Int = .max) -> [Int: String] {
        var result: [Int: String] = [:]
        guard let highest = numbers.max() else { return result }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                if numbers.contains(1) { result[1] = "" }
                return
            }
            let count = buffer.count
            var line = 1
            var start = 0
            while line <= highest {
                let newline = start < count ? memchr(base + start, Int32(UInt8(ascii: "\n")), count - start) : nil
                let index = newline.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                if numbers.contains(line) {
                    var end = index
                    if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    var lineStart = start
                    if line == 1, count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { lineStart = min(3, end) }
                    end = min(end, lineStart + min(maxBytes, end - lineStart))
                    result[line] = String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<end]), as: UTF8.self)
                }
                if newline == nil { break }
                line += 1
                start = index + 1
            }
        }
        return result
    }

    /// Whether the last line lacks its newline (an append must mend it first).
    public var lacksFinalNewline: Bool { !bytes.isEmpty && bytes.last != UInt8(ascii: "\n") }
}
