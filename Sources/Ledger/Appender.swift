#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends one entry safely: an exclusive lock (flock) on the journal serialises writers;
/// under it the journal is re-read, the new entry validated against all of it, the line
/// written in one `write` and flushed with `fsync` before success is reported. A refused
/// entry leaves the file byte-identical (a file created for it is removed again).
public enum Appender {
    /// What the command wants to append, decided from the journal as it stands under the
    /// lock (so `carry --all` sees the exact balance).
    public struct Draft: Sendable {
        public var date: CalendarDate
        public var body: EntryBody
        public init(date: CalendarDate, body: EntryBody) { self.date = date; self.body = body }
    }

    /// What the draft-maker sees: the current journal and the target file's bytes as they
    /// will precede the new line (a missing final newline already mended).
    public struct Context: Sendable {
        public var journal: Journal
        public var precedingBytes: [UInt8]
    }

    public enum Outcome: Sendable {
        /// The lines were appended (in one write); warnings are those the new entries raised.
        case appended(lines: [String], warnings: [Diagnostic], journal: Journal)
        /// The entry was refused; the file is unchanged. `journal` includes the would-be
        /// line, for quoting it in diagnostics.
        case refused([Diagnostic], journal: Journal)
        /// Nothing to append (e.g. `carry --all` with a zero balance); the file is unchanged.
        case declined(String)
        /// A file could not be read or written.
        case failed(FileFailure)
    }

    /// Appends one entry to the last of `paths`; the others are read as the earlier part of
    /// the journal.
    public static func append(paths: [String], draft makeDraft: (Context) -> Result<Draft, DeclineReason>) -> Outcome {
        appendAll(paths: paths) { context in makeDraft(context).map { [$0] } }
    }

    /// Appends a batch: all of its entries, validated together against the whole journal
    /// under one lock and written in one `write`, or none of them. An empty batch writes
    /// nothing and succeeds.
    public static func appendAll(paths: [String], drafts makeDrafts: (Context) -> Result<[Draft], DeclineReason>) -> Outcome {
        guard let target = paths.last else { return .failed(FileFailure(path: "", reason: "没有指定日记账文件")) }
        var earlier = ParsedJournal()
        for path in paths.dropLast() {
            switch FileIO.readAll(path: path) {
            case .success(let bytes): JournalReader.parse(JournalSource(path: path, bytes: bytes), into: &earlier)
            case .failure(let failure): return .failed(FileFailure(path: path, reason: failure.reason))
            }
        }

        let opened: LockedFile
        switch LockedFile.open(path: target) {
        case .success(let file): opened = file
        case .failure(let failure): return .failed(failure)
        }
        defer { opened.close() }

        let original: [UInt8]
        switch FileIO.readAll(descriptor: opened.descriptor, path: target) {
        case .success(let bytes): original = bytes
        case .failure(let failure): opened.discardIfCreated(); return .failed(FileFailure(path: target, reason: failure.reason))
        }

        switch judge(earlier: earlier, target: target, original: original, makeDrafts: makeDrafts) {
        case .finished(let outcome):
            opened.discardIfCreated()
            return outcome
        case .write(let bytes, let lines, let warnings, let journal):
            if let failure = opened.appendDurably(bytes, originalSize: original.count) {
                return .failed(failure)
            }
            return .appended(lines: lines, warnings: warnings, journal: journal)
        }
    }

    /// Judges a batch exactly as `appendAll` would — same drafts, same validation, same
    /// outcome — without locking or writing anything (a dry run). `.appended` means "would be
    /// appended". A missing target file reads as empty; nothing is created.
    public static func preview(paths: [String], drafts makeDrafts: (Context) -> Result<[Draft], DeclineReason>) -> Outcome {
        guard let target = paths.last else { return .failed(FileFailure(path: "", reason: "没有指定日记账文件")) }
        var earlier = ParsedJournal()
        for path in paths.dropLast() {
            switch FileIO.readAll(path: path) {
            case .success(let bytes): JournalReader.parse(JournalSource(path: path, bytes: bytes), into: &earlier)
            case .failure(let failure): return .failed(FileFailure(path: path, reason: failure.reason))
            }
        }
        let original: [UInt8]
        switch FileIO.readAll(path: target) {
        case .success(let bytes): original = bytes
        case .failure(let failure) where failure.missing: original = []
        case .failure(let failure): return .failed(FileFailure(path: target, reason: failure.reason))
        }
        switch judge(earlier: earlier, target: target, original: original, makeDrafts: makeDrafts) {
        case .finished(let outcome): return outcome
        case .write(_, let lines, let warnings, let journal): return .appended(lines: lines, warnings: warnings, journal: journal)
        }
    }

    /// What to do with a batch, decided from the journal's bytes: write these bytes, or
    /// finish with this outcome and write nothing.
    enum Judgement {
        case write(bytes: [UInt8], lines: [String], warnings: [Diagnostic], journal: Journal)
        case finished(Outcome)
    }

    /// The pure part of appending: validate the journal as it stands, ask for the drafts,
    /// validate the journal with them, and compare.
    static func judge(earlier: ParsedJournal, target: String, original: [UInt8],
                      makeDrafts: (Context) -> Result<[Draft], DeclineReason>) -> Judgement {
        var before = earlier
        JournalReader.parse(JournalSource(path: target, bytes: original), into: &before)
        let journalBefore = Validator.validate(before)

        let mend: [UInt8] = original.last.map { $0 == UInt8(ascii: "\n") ? [] : [UInt8(ascii: "\n")] } ?? []
        let preceding = original + mend
        let drafts: [Draft]
        switch makeDrafts(Context(journal: journalBefore, precedingBytes: preceding)) {
        case .success(let value): drafts = value
        case .failure(let reason): return .finished(.declined(reason.message))
        }
        if drafts.isEmpty {
            return .finished(.appended(lines: [], warnings: [], journal: journalBefore))
        }

        let lines = drafts.map { JournalWriter.line(date: $0.date, body: $0.body) }
        var addition: [UInt8] = []
        for line in lines { addition += Array(line.utf8); addition.append(UInt8(ascii: "\n")) }
        var after = earlier
        JournalReader.parse(JournalSource(path: target, bytes: preceding + addition), into: &after)
        let journalAfter = Validator.validate(after)

        // Each line must read back as exactly the entry meant (the writer's promise).
        let newFile = after.sources.count - 1
        let lastLine = after.lineCounts.last ?? lines.count
        // The new lines' entries are the last entries read (entries are in file order): index
        // them once, so a batch of n lines is checked in O(n), not O(n × journal).
        var newEntries: [Int: Entry] = [:]
        for entry in after.entries.reversed() {
            guard entry.location.file == newFile, entry.location.line > lastLine - drafts.count else { break }
            newEntries[entry.location.line] = entry
        }
        for (offset, draft) in drafts.enumerated() {
            let newLine = lastLine - drafts.count + 1 + offset
            let readBack = newEntries[newLine]
            guard let readBack, readBack.date == draft.date, readBack.body == draft.body else {
                let lineErrors = after.diagnostics.filter { $0.location.file == newFile && $0.location.line == newLine }
                if !lineErrors.isEmpty { return .finished(.refused(lineErrors, journal: journalAfter)) }
                return .finished(.refused([.error("internal-roundtrip", at: SourceLocation(file: newFile, line: newLine, column: 1),
                    "内部错误：新分录写出后读回不一致，已拒绝写入。请把这条命令报告给开发者")], journal: journalAfter))
            }
        }

        // Refuse when the entry brings any error that was not there before — at its own
        // line, or at an existing line it invalidates (a back-dated payment that makes a
        // later one overspend).
        func key(_ d: Diagnostic) -> String { "\(d.location.file):\(d.location.line):\(d.location.column):\(d.code)" }
        let existing = Set(journalBefore.diagnostics.filter(\.isError).map(key))
        let newErrors = journalAfter.diagnostics.filter { $0.isError && !existing.contains(key($0)) }
        if !newErrors.isEmpty {
            return .finished(.refused(newErrors, journal: journalAfter))
        }
        let existingWarnings = Set(journalBefore.diagnostics.filter { !$0.isError }.map(key))
        var newWarnings = journalAfter.diagnostics.filter { !$0.isError && !existingWarnings.contains(key($0)) }
        let mendedLine = lastLine - drafts.count
        if !mend.isEmpty, journalBefore.diagnostics.contains(where: { $0.isError && $0.location.file == newFile && $0.location.line == mendedLine }) {
            // The old last line had no newline and is broken: most likely a torn line left by
            // an interrupted write. It is kept (and mended), but the accountant is told where.
            newWarnings.insert(.warning("mended-last-line", at: SourceLocation(file: newFile, line: mendedLine, column: 1),
                                        JournalReader.mendedLastLineMessage), at: 0)
        }
        return .write(bytes: mend + addition, lines: lines, warnings: newWarnings, journal: journalAfter)
    }

    /// Why a command chose not to append (not an invalid journal: there is simply nothing
    /// to write).
    public struct DeclineReason: Error, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }
}

/// The journal file, opened for appending and exclusively locked. Opening it rolls back a
/// write that an earlier writer left unfinished (`JournalRecovery`); appending is all or
/// nothing across SIGKILL and power loss.
struct LockedFile {
    let path: String
    let descriptor: Int32
    let created: Bool

    static func open(path: String) -> Result<LockedFile, FileFailure> {
        // Retry until the locked descriptor is the file the path names: a writer that refused
        // an entry may have removed a file it had just created while we waited for the lock.
        for _ in 0..<100 {
            var before = stat()
            let existed = stat(path, &before) == 0
            let descriptor = Glibc.open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            if descriptor < 0 {
                let code = errno
                let reason = code == EISDIR ? FileIO.describe(EISDIR, path: path) : FileIO.describe(code, path: path)
                return .failure(FileFailure(path: path, reason: reason))
            }
            while flock(descriptor, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                let code = errno
                Glibc.close(descriptor)
                return .failure(FileFailure(path: path, reason: "无法锁定“\(path)”：\(String(cString: strerror(code)))"))
            }
            var held = stat()
            var named = stat()
            if fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                if (held.st_mode & S_IFMT) != S_IFREG {
                    Glibc.close(descriptor)
                    return .failure(FileFailure(path: path, reason: "“\(path)”不是普通文件：日记账必须是一个文本文件"))
                }
                // A writer that died between the command's own recovery and this lock.
                if let notice = JournalRecovery.rollBack(descriptor: descriptor, path: path) {
                    FileIO.writeStandardError(notice + "\n")
                    _ = fstat(descriptor, &held)
                }
                return .success(LockedFile(path: path, descriptor: descriptor, created: !existed && held.st_size == 0))
            }
            Glibc.close(descriptor)
        }
        return .failure(FileFailure(path: path, reason: "无法锁定“\(path)”：文件在反复被替换，请稍后重试"))
    }

    /// Removes a file this writer created but then wrote nothing to, so a refused first
    /// entry leaves no trace. Safe under the lock: other writers re-check the inode.
    func discardIfCreated() {
        guard created else { return }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size == 0 { unlink(path) }
    }

    /// Appends all of `bytes` or none of them, even across SIGKILL and power loss:
    /// 1. the undo record (the journal's length now) is written and flushed with its folder;
    /// 2. the bytes are written (one `write`, looping only if the kernel takes part) and
    ///    flushed with `fsync`;
    /// 3. the undo record is removed and its folder flushed.
    /// A process killed anywhere in 2 leaves the record, and the next command cuts the file
    /// back. A failure reported here (full disk, `ulimit -f`) is cut back at once.
    func appendDurably(_ bytes: [UInt8], originalSize: Int) -> FileFailure? {
        FileIO.ignoreFileSizeSignal()   // past `ulimit -f`: EFBIG (undone below), not death mid-line
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return giveUp(errno) }
        let undo = JournalRecovery.undoPath(forJournalAt: path)
        let record = JournalRecovery.UndoRecord(length: originalSize, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        if let code = JournalRecovery.writeRecord(record, at: undo) { return giveUp(code, undoRecord: undo) }

        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return cutBack(errno, originalSize: originalSize, undo: undo, reason: FileIO.describe(errno, path: path))
            }
            written += result
        }
        if fsync(descriptor) != 0 {
            let code = errno
            return cutBack(code, originalSize: originalSize, undo: undo,
                           reason: "写入后无法同步到磁盘（fsync）：\(FileIO.describe(code, path: path))；本条分录未记入")
        }
        if created { FileIO.syncDirectory(containing: path) }
        if let code = JournalRecovery.removeRecord(at: undo) {
            // The record would make the next command undo this write: undo it now instead.
            return cutBack(code, originalSize: originalSize, undo: undo,
                           reason: "无法删除撤销记录“\(undo)”：\(FileIO.describe(code, path: undo))；本次写入已撤销，未记入任何内容")
        }
        return nil
    }

    /// Nothing was written: a file created for this write is removed again.
    private func giveUp(_ code: Int32, undoRecord: String? = nil) -> FileFailure {
        if created { unlink(path) }
        var reason = FileIO.describe(code, path: path)
        if let undoRecord, code == EACCES || code == EPERM || code == EROFS {
            reason = "无法在日记账所在的文件夹中建立撤销记录“\(undoRecord)”（\(FileIO.describe(code, path: undoRecord))）：fundflow 需要该文件夹的写权限才能保证写入整笔成功或整笔不写；日记账未被改动"
        }
        return FileFailure(path: path, reason: reason)
    }

    /// A write failed part way: cut the file back to `originalSize` and clear the record.
    /// If the file cannot be cut back the record stays, and the next command cuts it back.
    private func cutBack(_ code: Int32, originalSize: Int, undo: String, reason: String) -> FileFailure {
        let restored = ftruncate(descriptor, off_t(originalSize)) == 0 && fsync(descriptor) == 0
        var reason = reason
        if restored {
            _ = JournalRecovery.removeRecord(at: undo)
            if created && originalSize == 0 { unlink(path) }
        } else {
            reason += "；本条分录未记入，写了一半的部分将由下一条 fundflow 命令自动截去（撤销记录“\(undo)”）"
        }
        return FileFailure(path: path, reason: reason)
    }

    func close() { Glibc.close(descriptor) }
}
