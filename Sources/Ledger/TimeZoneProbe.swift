#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal's 时区 without loading the journal: a recording command needs today's date
/// (its default `--date`) before it hands the entry to the appender, which reads the journal
/// only then. The files are read in pieces (a province's journal is hundreds of MB) and only
/// the lines that mention `时区` or `timezone` are parsed; as for every setting, the later
/// valid line wins.
public enum TimeZoneProbe {
    /// Minutes east of UTC of the journal's 时区 (the default when no line sets it). A file
    /// that does not exist yet has no settings; one that cannot be read is a failure.
    public static func utcOffsetMinutes(paths: [String]) -> Result<Int, FileFailure> {
        var minutes = UTCOffset.chinaStandardTimeMinutes
        for path in paths {
            switch FileIO.openForReading(path: path) {
            case .failure(let failure) where failure.missing: continue
            case .failure(let failure): return .failure(FileFailure(path: path, reason: failure.reason))
            case .success(let opened):
                defer { close(opened.descriptor) }
                guard let found = scan(descriptor: opened.descriptor, size: opened.size) else {
                    return .failure(FileFailure(path: path, reason: "读取失败"))
                }
                if let found { minutes = found }
            }
        }
        return .success(minutes)
    }

    static let pieceBytes = 1 << 22
    static let markers: [[UInt8]] = [Array("时区".utf8), Array("timezone".utf8)]

    /// The last 时区 set in one file: `.some(nil)` when none, nil when the file cannot be read.
    static func scan(descriptor: Int32, size: Int) -> Int?? {
        var found: Int?
        var carried: [UInt8] = []
        var offset = 0
        var buffer = [UInt8](repeating: 0, count: pieceBytes)
        while offset < size {
            let count = min(pieceBytes, size - offset)
            let got = buffer.withUnsafeMutableBytes { FileIO.read(descriptor: descriptor, offset: offset, count: count, into: $0.baseAddress!) }
            guard let got, got > 0 else { return nil }
            offset += got
            var piece = carried
            piece.append(contentsOf: buffer[0..<got])
            if offset == got, piece.starts(with: [0xEF, 0xBB, 0xBF]) { piece.removeFirst(3) }  // a BOM is no part of the line
            // Whole lines only; the unfinished last one waits for the next piece.
            let end = offset < size ? (piece.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) : piece.count
            carried = Array(piece[end...])
            if let last = lastSetting(in: piece, end: end) { found = last }
        }
        return .some(found)
    }

    /// The 时区 of the last valid 设置 line among the whole lines `piece[0..<end]`. Lines are
    /// found with `memchr` and only those whose verb is 设置/set are parsed (a journal has
    /// millions of lines and a handful of settings).
    static func lastSetting(in piece: [UInt8], end: Int) -> Int? {
        var found: Int?
        piece.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < end {
                let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start)
                let lineEnd = newline.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
                let line = buffer[start..<lineEnd]
                if isSettingLine(line), let minutes = setting(in: piece[start..<lineEnd]) { found = minutes }
                start = lineEnd + 1
            }
        }
        return found
    }

    static let settingVerbs: [[UInt8]] = [Array("设置".utf8), Array("set".utf8)]

    /// `DATE 设置 …` or `DATE set …` (after any leading blanks), mentioning a time zone.
    static func isSettingLine(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var index = line.startIndex
        func skipBlanks() {
            while index < line.endIndex {
                if line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") { index += 1; continue }
                if line[index] == 0xE3, index + 2 < line.endIndex, line[index + 1] == 0x80, line[index + 2] == 0x80 { index += 3; continue }
                break
            }
        }
        skipBlanks()
        index += 10  // YYYY-MM-DD
        guard index < line.endIndex else { return false }
        skipBlanks()
        let rest = line[index...]
        guard settingVerbs.contains(where: { rest.starts(with: $0) }) else { return false }
        return markers.contains { marker in
            var from = index
            while let first = line[from...].firstIndex(of: marker[0]) {
                if line[first...].starts(with: marker) { return true }
                from = first + 1
            }
            return false
        }
    }

    /// The 时区 of a valid `设置` line, if the line is one.
    static func setting(in line: ArraySlice<UInt8>) -> Int? {
        var parsed = ParsedJournal()
        var text = line
        if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
        JournalReader.parseLine(text, file: 0, line: 1, byteOffset: 0, into: &parsed)
        guard parsed.diagnostics.isEmpty, case .set(let change)? = parsed.entries.first?.body else { return nil }
        return change.utcOffsetMinutes
    }
}
