#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The target file of an append, open (and, when writing, locked).
struct TargetFile {
    var descriptor: Int32
    var size: Int
}

/// The journal's files as an append sees them: the earlier ones by path, the target through
/// its open descriptor (nil when it does not exist yet), with the new lines as a tail.
struct AppendFiles {
    var paths: [String]
    var target: TargetFile?

    /// Checks the journal with `tail` read after the target's last byte (and, when there is a
    /// tail, the journal without it in the same run).
    func check(tail: [UInt8], clock: WallClock?) -> Result<Journal, FileFailure> {
        let last: ByteSource.Backing = target.map { .file(descriptor: dup($0.descriptor), size: $0.size, tail: tail) } ?? .memory(tail)
        let tailPlace = tail.isEmpty ? nil : (file: paths.count - 1, offset: target?.size ?? 0)
        return ByteSource.open(Array(paths.dropLast()), then: last).flatMap { source in
            Validator.check(
                source, sources: paths.map { JournalSource(path: $0, bytes: []) }, clock: clock, tuning: JournalLoader.Tuning(), tail: tailPlace)
        }
    }

    /// The first earlier file that cannot be opened for reading, if any.
    func unreadableEarlierFile() -> FileFailure? {
        if case .failure(let failure) = ByteSource.open(Array(paths.dropLast())) { return failure }
        return nil
    }

    /// Whether the target's last line lacks its newline (an append mends it first).
    var lacksFinalNewline: Bool {
        guard let target, target.size > 0 else { return false }
        var last: UInt8 = 0
        let got = withUnsafeMutableBytes(of: &last) { FileIO.read(descriptor: target.descriptor, offset: target.size - 1, count: 1, into: $0.baseAddress!) }
        return got == 1 && last != UInt8(ascii: "\n")
    }

    /// The target's bytes (for a seal's hash).
    func targetBytes() -> [UInt8] {
        guard let target else { return [] }
        var bytes = [UInt8](repeating: 0, count: target.size)
        let got = bytes.withUnsafeMutableBytes { FileIO.read(descriptor: target.descriptor, offset: 0, count: target.size, into: $0.baseAddress!) }
        return Array(bytes.prefix(got ?? 0))
    }
}

extension Appender {
    /// What to do with a batch: write these bytes, or finish with this outcome and write nothing.
    enum Judgement {
        case write(bytes: [UInt8], lines: [String], warnings: [Diagnostic], journal: Journal)
        case finished(Outcome)
    }

    /// Asks for the drafts, then runs the checker once over the journal with the new lines as a
    /// tail. Only when that finds errors is the journal as it stood checked too, to tell the
    /// errors the new lines bring from those that were there before.
    static func judge(_ files: AppendFiles, clock: WallClock?, makeDrafts: (Context) -> Result<[Draft], DeclineReason>) -> Judgement {
        if let failure = files.unreadableEarlierFile() { return .finished(.failed(failure)) }
        let mend: [UInt8] = files.lacksFinalNewline ? [UInt8(ascii: "\n")] : []
        var readFailure: FileFailure?
        let context = Context(
            check: {
                switch files.check(tail: [], clock: clock) {
                case .success(let journal): return journal
                case .failure(let failure):
                    readFailure = failure
                    return Validator.validate(sources: [])
                }
            }, preceding: { files.targetBytes() + mend })
        let drafts: [Draft]
        switch makeDrafts(context) {
        case .success(let value): drafts = value
        case .failure(let reason): return .finished(readFailure.map { .failed($0) } ?? .declined(reason.message))
        }
        if let readFailure { return .finished(.failed(readFailure)) }
        if drafts.isEmpty { return .finished(.appended(lines: [], warnings: [], journal: context.journal)) }

        let lines = drafts.map { JournalWriter.line(date: $0.date, body: $0.body) }
        var addition: [UInt8] = []
        for line in lines { addition += Array(line.utf8); addition.append(UInt8(ascii: "\n")) }
        let after: Journal
        switch files.check(tail: mend + addition, clock: clock) {
        case .success(let journal): after = journal
        case .failure(let failure): return .finished(.failed(failure))
        }
        let targetFile = files.paths.count - 1
        let firstNewLine = (after.lineCounts.last ?? lines.count) - lines.count + 1
        if let refusal = readBackProblems(drafts, lines: lines, file: targetFile, firstLine: firstNewLine) {
            return .finished(.refused(refusal, journal: after))
        }
        func isNew(_ file: Int, _ line: Int) -> Bool { file == targetFile && line >= firstNewLine }
        var newErrors: [Diagnostic] = []
        if after.hasErrors {
            // The journal as it stood: already read for the drafts, or judged in the same run
            // (new money lines), or else the same records checked again without the new ones
            // (no second reading of the files).
            let existing = Set(
                context.journalIfChecked?.problemKeys(.error) ?? after.errorKeysWithoutTail(isNew: isNew)
                    ?? after.withoutLast(lines.count, clock: clock).problemKeys(.error))
            newErrors = after.explained { key in key.severity == .error && !existing.contains(key) }
        }
        if !newErrors.isEmpty { return .finished(.refused(newErrors, journal: after)) }
        var warnings = after.explained { key in key.severity == .warning && isNew(key.file, key.line) }
        let mendedLine = firstNewLine - 1
        if !mend.isEmpty, after.problemKeys(.error).contains(where: { $0.file == targetFile && $0.line == mendedLine }) {
            // The old last line had no newline and is broken: most likely a torn line left by
            // an interrupted write. It is kept (and mended), but the accountant is told where.
            warnings.insert(
                Diagnostic(
                    .mendedLastLine, at: SourceLocation(file: targetFile, line: mendedLine, column: 1),
                    JournalReader.mendedLastLineMessage), at: 0)
        }
        return .write(bytes: mend + addition, lines: lines, warnings: warnings, journal: after)
    }

    /// Each new line must read back as exactly the entry meant (the writer's promise): the
    /// line's own diagnostics when it does not, or an internal error.
    private static func readBackProblems(_ drafts: [Draft], lines: [String], file: Int, firstLine: Int) -> [Diagnostic]? {
        for (offset, draft) in drafts.enumerated() {
            var readBack = ParsedJournal()
            let lineNumber = firstLine + offset
            JournalReader.parseLine(Array(lines[offset].utf8)[...], file: file, line: lineNumber, byteOffset: 0, into: &readBack)
            if let entry = readBack.entries.first, entry.date == draft.date, entry.body == draft.body { continue }
            if !readBack.diagnostics.isEmpty {
                let excerpt = Diagnostic.excerpt(of: Array(lines[offset].utf8))
                return readBack.diagnostics.map {
                    var problem = $0; problem.excerpt = excerpt; return problem
                }
            }
            return [
                Diagnostic(
                    .internalRoundTrip, at: SourceLocation(file: file, line: lineNumber, column: 1),
                    "内部错误：新分录写出后读回不一致，已拒绝写入。请把这条命令报告给开发者")
            ]
        }
        return nil
    }
}
