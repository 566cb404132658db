/// Sealing (封账), in file order. Each seal carries the hash of its file's bytes before it and
/// its own date (`SealHash`); a seal whose hash fails is an error and is not valid, but it
/// still closes its period (the accountant meant it closed). A seal covers the lines of its
/// own file before it. A line dated on or before D is an error when it follows a seal dated D
/// in its own file, or when no seal covers it and any seal of the journal is dated D.
enum Seals {
    /// The valid seals, in file order.
    static func check(_ store: RecordStore, rejected: inout [Bool], findings: inout [Finding]) -> [SealStamp] {
        var valid: [SealStamp] = []
        var closing: [(place: LinePlace, dateKey: Int32)] = []  // every seal, valid or not
        verifyHashes(store, rejected: &rejected, findings: &findings, valid: &valid, closing: &closing)
        guard !closing.isEmpty else { return valid }
        // A line is covered by a seal of its own file that follows it. Every line is closed by
        // the earlier seals of its own file; a line no seal covers is closed by every seal.
        var latestByFile = [Int16: (place: LinePlace, dateKey: Int32)]()
        var lastSealIndex = [Int16: Int]()
        for seal in closing where (latestByFile[seal.place.file]?.dateKey ?? 0) < seal.dateKey { latestByFile[seal.place.file] = seal }
        for (index, record) in store.records.enumerated() where record.verb == .seal { lastSealIndex[record.file] = index }
        var outside: [Int16: (place: LinePlace, dateKey: Int32)?] = [:]
        for file in Set(store.records.map(\.file)) {
            outside[file] = .some(latestByFile.filter { $0.key != file }.values.max { $0.dateKey < $1.dateKey })
        }
        var inFile: (place: LinePlace, dateKey: Int32)?
        var currentFile: Int16 = -1
        var lastSealOfFile = -1
        var outsideOfFile: (place: LinePlace, dateKey: Int32)?
        var nextSeal = 0
        for index in store.records.indices {
            let record = store.records[index]
            if record.file != currentFile {
                currentFile = record.file
                inFile = nil
                lastSealOfFile = lastSealIndex[record.file] ?? -1
                outsideOfFile = outside[record.file] ?? nil
            }
            // A seal's own line and date are part of what it seals.
            let covered = index < lastSealOfFile || record.verb == .seal
            // The latest closing seal that applies (no array per line: a journal has a million).
            var closedBy = inFile
            if !covered, let other = outsideOfFile, closedBy.map({ $0.dateKey < other.dateKey }) ?? true { closedBy = other }
            if let closedBy, record.dateKey <= closedBy.dateKey {
                findings.append(Finding(.sealedPeriod, Int32(index), other: closedBy.place, Int64(closedBy.dateKey)))
                rejected[index] = true
            }
            if record.verb == .seal, nextSeal < closing.count, closing[nextSeal].place == LinePlace(record) {
                if (inFile?.dateKey ?? 0) < closing[nextSeal].dateKey { inFile = closing[nextSeal] }
                nextSeal += 1
            }
        }
        return valid
    }

    /// Hashes each file's bytes as far as its last seal, once, checking each seal on the way.
    private static func verifyHashes(
        _ store: RecordStore, rejected: inout [Bool], findings: inout [Finding],
        valid: inout [SealStamp], closing: inout [(place: LinePlace, dateKey: Int32)]
    ) {
        var hasher = SHA256()
        var hashedFile: Int16 = -1
        var hashedUpTo = 0
        for index in store.records.indices where store.records[index].verb == .seal {
            let record = store.records[index]
            guard record.rare >= 0, case .seal(let seal) = store.rare[Int(record.rare)].body, let date = record.date else { continue }
            if record.file != hashedFile { hasher = SHA256(); hashedFile = record.file; hashedUpTo = 0 }
            store.bytes.stream(file: Int(record.file), from: hashedUpTo, to: Int(record.offset)) { hasher.update($0) }
            hashedUpTo = max(hashedUpTo, Int(record.offset))
            let actual = SealHash.finish(hasher, date: date)
            closing.append((LinePlace(record), record.dateKey))
            if actual == seal.sha256 {
                valid.append(SealStamp(date: date, sha256: actual))
            } else {
                findings.append(Finding(.sealMismatch, Int32(index), Int64(hexPrefix(actual))))
                rejected[index] = true
            }
        }
    }

    /// The first 12 hex digits of a digest, as a number (for the message).
    private static func hexPrefix(_ hex: String) -> UInt64 { UInt64(hex.prefix(12), radix: 16) ?? 0 }

    static func explain(_ finding: Finding, _ context: ExplainContext) -> Diagnostic? {
        let entry = context.entry
        switch finding.code {
        case .sealedPeriod:
            let sealed = CalendarDate(key: Int32(finding.a)).map(\.description) ?? ""
            return Diagnostic(
                .sealedPeriod, at: entry.location,
                "\(entry.date) 已封账（\(context.place(finding.other))封账至 \(sealed)）：封账期间不能再记账；更正请用日期在 \(sealed) 之后的“冲销”或“调减”分录")
        case .sealMismatch:
            guard case .seal(let seal) = entry.body else { return nil }
            var actual = String(UInt64(finding.a), radix: 16)
            actual = String(repeating: "0", count: max(0, 12 - actual.count)) + actual
            return Diagnostic(
                .sealMismatch, at: entry.detailLocation,
                "封账校验失败：本行之前的内容或本行的日期与封账时不一致（记录的 sha256 为 \(seal.sha256.prefix(12))…，现在为 \(actual)…）。已封账的历史被改动过：请从备份或版本记录中恢复原文件，更正请在封账之后另记分录")
        default:
            return nil
        }
    }
}
