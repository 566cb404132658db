#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends entries safely: an exclusive lock (flock) on the journal serialises writers; under
/// it the checker judges the journal *with* the new lines (read as a tail after the file's
/// end, nothing written yet); the lines are written in one `write` and flushed with `fsync`
/// only when they bring no new error. A refused entry leaves the file byte-identical (a file
/// created for it is removed again).
public enum Appender {
    /// What the command wants to append, decided from the journal as it stands under the
    /// lock (so `carry --all` sees the exact balance).
    public struct Draft: Sendable {
        public var date: CalendarDate
        public var body: EntryBody
        public init(date: CalendarDate, body: EntryBody) { self.date = date; self.body = body }
    }

    /// What the draft-maker sees: the journal as it stands (checked only if asked for) and the
    /// target file's bytes as they will precede the new lines (a missing final newline mended).
    public final class Context: @unchecked Sendable {
        private let check: () -> Journal
        private let readPreceding: () -> [UInt8]
        private var checked: Journal?

        init(check: @escaping () -> Journal, preceding: @escaping () -> [UInt8]) {
            self.check = check
            readPreceding = preceding
        }

        /// The journal before the new lines.
        public var journal: Journal {
            if let checked { return checked }
            let made = check()
            checked = made
            return made
        }

        var journalIfChecked: Journal? { checked }

        public var precedingBytes: [UInt8] { readPreceding() }
    }

    public enum Outcome: Sendable {
        /// The lines were appended (in one write); warnings are those the new entries raised.
        case appended(lines: [String], warnings: [Diagnostic], journal: Journal)
        /// The entry was refused; the file is unchanged. `journal` includes the would-be lines.
        case refused([Diagnostic], journal: Journal)
        /// Nothing to append (e.g. `carry --all` with a zero balance); the file is unchanged.
        case declined(String)
        /// A file could not be read or written.
        case failed(FileFailure)
    }

    /// Appends one entry to the last of `paths`; the others are read as the earlier part of
    /// the journal.
    public static func append(paths: [String], clock: WallClock? = nil, draft makeDraft: (Context) -> Result<Draft, DeclineReason>) -> Outcome {
        appendAll(paths: paths, clock: clock) { context in makeDraft(context).map { [$0] } }
    }

    /// Appends a batch: all of its entries, judged together against the whole journal under
    /// one lock and written in one `write`, or none of them. An empty batch writes nothing.
    public static func appendAll(paths: [String], clock: WallClock? = nil, drafts makeDrafts: (Context) -> Result<[Draft], DeclineReason>) -> Outcome {
        guard let target = paths.last else { return .failed(FileFailure(path: "", reason: "没有指定日记账文件")) }
        let opened: LockedFile
        switch LockedFile.open(path: target) {
        case .success(let file): opened = file
        case .failure(let failure): return .failed(failure)
        }
        defer { opened.close() }
        let size: Int
        switch FileIO.regularFileSize(descriptor: opened.descriptor, path: target) {
        case .success(let value): size = value
        case .failure(let failure): opened.discardIfCreated(); return .failed(FileFailure(path: target, reason: failure.reason))
        }
        let journal = AppendFiles(paths: paths, target: TargetFile(descriptor: opened.descriptor, size: size))
        switch judge(journal, clock: clock, makeDrafts: makeDrafts) {
        case .finished(let outcome):
            opened.discardIfCreated()
            return outcome
        case .write(let bytes, let lines, let warnings, let after):
            if let failure = opened.appendDurably(bytes, originalSize: size) { return .failed(failure) }
            return .appended(lines: lines, warnings: warnings, journal: after)
        }
    }

    /// Judges a batch exactly as `appendAll` would, without locking or writing anything (a dry
    /// run). `.appended` means "would be appended". A missing target file reads as empty.
    public static func preview(paths: [String], clock: WallClock? = nil, drafts makeDrafts: (Context) -> Result<[Draft], DeclineReason>) -> Outcome {
        guard let target = paths.last else { return .failed(FileFailure(path: "", reason: "没有指定日记账文件")) }
        var file: TargetFile?
        switch FileIO.openForReading(path: target) {
        case .success(let opened): file = TargetFile(descriptor: opened.descriptor, size: opened.size)
        case .failure(let failure) where failure.missing: file = nil
        case .failure(let failure): return .failed(FileFailure(path: target, reason: failure.reason))
        }
        defer { if let file { close(file.descriptor) } }
        switch judge(AppendFiles(paths: paths, target: file), clock: clock, makeDrafts: makeDrafts) {
        case .finished(let outcome): return outcome
        case .write(_, let lines, let warnings, let after): return .appended(lines: lines, warnings: warnings, journal: after)
        }
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
        FileIO.ignoreFileSizeSignal()  // past `ulimit -f`: EFBIG (undone below), not death mid-line
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
            return cutBack(
                code, originalSize: originalSize, undo: undo,
                reason: "写入后无法同步到磁盘（fsync）：\(FileIO.describe(code, path: path))；本条分录未记入")
        }
        if created { FileIO.syncDirectory(containing: path) }
        if let code = JournalRecovery.removeRecord(at: undo) {
            // The record would make the next command undo this write: undo it now instead.
            return cutBack(
                code, originalSize: originalSize, undo: undo,
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
