#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// All-or-nothing appends across SIGKILL and power loss.
///
/// Before a writer appends to a journal it records the journal's length in an *undo record*
/// beside the real file (`.NAME.undo` in the same folder), flushed to disk with its folder;
/// after the appended bytes are flushed it removes the record (and flushes the folder). An
/// undo record that is still there when a command next opens the journal therefore marks a
/// write that never finished: the file is cut back to the recorded length, and the command
/// says so. A record cut short itself (the writer died while writing it) means the journal
/// had not been touched yet, and is simply removed.
public enum JournalRecovery {
    /// What the undo record says: the journal's length before the write, and which file it
    /// belongs to (so a record left beside a file that was since replaced is not applied to
    /// the new one).
    struct UndoRecord: Equatable {
        var length: Int
        var device: UInt64
        var inode: UInt64

        static let magic = "fundflow-undo 1"

        var bytes: [UInt8] {
            Array("\(UndoRecord.magic)\nlength \(length)\ndevice \(device)\ninode \(inode)\nend\n".utf8)
        }

        /// Nil unless the text is a whole record (ending in `end`).
        init?(bytes: [UInt8]) {
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count == 6, lines[0] == UndoRecord.magic, lines[4] == "end", lines[5] == "" else { return nil }
            func number(_ line: Substring, _ key: String) -> UInt64? {
                guard line.hasPrefix(key + " ") else { return nil }
                return UInt64(line.dropFirst(key.count + 1))
            }
            guard let length = number(lines[1], "length"), length <= UInt64(Int.max),
                let device = number(lines[2], "device"), let inode = number(lines[3], "inode")
            else { return nil }
            self.init(length: Int(length), device: device, inode: inode)
        }

        init(length: Int, device: UInt64, inode: UInt64) {
            self.length = length; self.device = device; self.inode = inode
        }
    }

    /// The undo record of the journal at `path`: `.NAME.undo` beside the real file (a
    /// symlink resolved, so every spelling of the path finds the same record).
    public static func undoPath(forJournalAt path: String) -> String {
        var real = path
        if let resolved = realpath(path, nil) {
            real = String(cString: resolved)
            free(resolved)
        }
        let (folder, name) = FileIO.split(real)
        return (folder == "." && !real.hasPrefix("./") ? "" : folder + "/") + "." + name + ".undo"
    }

    // MARK: The one entry point for commands

    /// Rolls back every interrupted write to the journal's files, before a command reads
    /// them, and returns one notice (Chinese, for stderr) per file cut back. With
    /// `holdReadLocks` (commands that only read) each file stays share-locked until the
    /// process ends, so that the command never reads a write in progress; recording commands
    /// must pass `false` (their own exclusive lock would wait for it).
    public static func recover(paths: [String], holdReadLocks: Bool) -> [String] {
        var notices: [String] = []
        for path in paths {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            if descriptor < 0 {
                // No journal (yet): a record beside it is from a file whose creation never
                // became durable; nothing to cut back.
                if errno == ENOENT { _ = removeRecord(at: undoPath(forJournalAt: path)) }
                continue  // unreadable: the command itself says why
            }
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { close(descriptor); continue }
            lock(descriptor, LOCK_SH)
            if hasRecord(path) {
                // Cutting back needs the write lock (and a descriptor open for writing).
                lock(descriptor, LOCK_UN)
                let writable = open(path, O_RDWR | O_CLOEXEC | O_NONBLOCK)
                if writable >= 0 {
                    lock(writable, LOCK_EX)
                    if let notice = rollBack(descriptor: writable, path: path) { notices.append(notice) }
                    close(writable)
                } else {
                    notices.append("fundflow: 错误: “\(path)”上一次写入未完成，但无法打开文件来撤销它：\(FileIO.describe(errno, path: path))。请以有写权限的用户运行 fundflow check")
                }
                lock(descriptor, LOCK_SH)
            }
            if !holdReadLocks { close(descriptor) }  // else: released when the process ends
        }
        return notices
    }

    /// Under an exclusive lock on `descriptor` (the journal at `path`): cuts back a write
    /// that an undo record shows unfinished, removes the record, and returns the notice (nil
    /// when there was nothing to cut back).
    static func rollBack(descriptor: Int32, path: String) -> String? {
        let undo = undoPath(forJournalAt: path)
        guard let recorded = readRecord(at: undo) else { return nil }
        guard let record = recorded else {
            _ = removeRecord(at: undo)  // cut short: the journal was not touched yet
            return nil
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        guard UInt64(info.st_dev) == record.device, UInt64(info.st_ino) == record.inode else {
            _ = removeRecord(at: undo)  // left beside a file since replaced: not this one's
            return nil
        }
        let size = Int(info.st_size)
        if size == record.length { _ = removeRecord(at: undo); return nil }
        if size < record.length {
            _ = removeRecord(at: undo)
            return "fundflow: 注意: “\(path)”上一次写入未完成，且文件（\(size) 字节）比写入前（\(record.length) 字节）还短：它已被别的程序改动过。请运行 fundflow check 并核对最后几行"
        }
        guard ftruncate(descriptor, off_t(record.length)) == 0, fsync(descriptor) == 0 else {
            return "fundflow: 错误: “\(path)”上一次写入未完成（进程被终止或断电），但未能截去写了一半的 \(size - record.length) 字节：\(FileIO.describe(errno, path: path))。在此之前请不要手工修改该文件"
        }
        _ = removeRecord(at: undo)
        return "fundflow: 已恢复: “\(path)”上一次写入（\(size - record.length) 字节）在完成前被中断（进程被终止或断电），已撤销：文件截回写入前的 \(record.length) 字节。此前记入的分录一条未少；被中断的那次记账或导入整笔未记入，请用 fundflow register 核对后重新记入"
    }

    // MARK: The record on disk

    /// Writes the record and flushes it and its folder. The errno of a failure, or nil.
    static func writeRecord(_ record: UndoRecord, at undo: String) -> Int32? {
        let descriptor = open(undo, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if descriptor < 0 { return errno }
        let bytes = record.bytes
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor); unlink(undo)
                return code
            }
            written += result
        }
        if fsync(descriptor) != 0 {
            let code = errno
            close(descriptor); unlink(undo)
            return code
        }
        close(descriptor)
        if let code = FileIO.syncDirectory(containing: undo) { unlink(undo); return code }
        return nil
    }

    /// Removes the record and flushes its folder. The errno of a failure, or nil (also when
    /// there was no record).
    static func removeRecord(at undo: String) -> Int32? {
        if unlink(undo) != 0 { return errno == ENOENT ? nil : errno }
        return FileIO.syncDirectory(containing: undo)
    }

    /// Whether an undo record (of any shape) lies beside the journal.
    static func hasRecord(_ path: String) -> Bool {
        var info = stat()
        return lstat(undoPath(forJournalAt: path), &info) == 0
    }

    /// nil: no record. .some(nil): a record cut short or not ours. .some(record): a whole one.
    static func readRecord(at undo: String) -> UndoRecord?? {
        let descriptor = open(undo, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if descriptor < 0 {
            var info = stat()
            return lstat(undo, &info) == 0 ? .some(nil) : nil
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 256)
        var filled = 0
        while filled < buffer.count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, 256 - filled) }
            if got < 0 { if errno == EINTR { continue } else { return .some(nil) } }
            if got == 0 { break }
            filled += got
        }
        return .some(UndoRecord(bytes: Array(buffer[..<filled])))
    }

    static func lock(_ descriptor: Int32, _ operation: Int32) {
        while flock(descriptor, operation) != 0 && errno == EINTR {}
    }
}
