#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, checked wrappers over the POSIX calls the journal needs. Every failure becomes a
/// Chinese sentence saying what to do; nothing here traps.
public enum FileIO {
    public struct Failure: Error, Sendable {
        public var reason: String
        public var missing: Bool
    }

    static func describe(_ code: Int32, path: String) -> String {
        switch code {
        case ENOENT: return "找不到文件“\(path)”：请检查路径，或用 -f 指定日记账（也可设置环境变量 FUNDFLOW_JOURNAL）"
        case EACCES, EPERM: return "没有权限读写“\(path)”：请检查文件权限"
        case EISDIR: return "“\(path)”是一个文件夹，不是日记账文件：请用 -f 指定 .journal 文件"
        case ENOSPC: return "磁盘空间不足，无法写入“\(path)”：请清理磁盘后重试（日记账未被改动）"
        case EDQUOT: return "磁盘配额已满，无法写入“\(path)”：请清理后重试（日记账未被改动）"
        case EROFS: return "“\(path)”位于只读文件系统上，无法写入"
        case ENOTDIR: return "路径“\(path)”中有一段不是文件夹"
        case EFBIG: return "“\(path)”将超过系统允许的单个文件大小上限（ulimit -f），无法写入：请联系管理员放宽限制（文件未被改动）"
        default:
            let text = strerror(code).map { String(cString: $0) } ?? "错误码 \(code)"
            return "无法读写“\(path)”：\(text)"
        }
    }

    /// Reads a whole regular file. Opened non-blocking so that a named pipe without a writer
    /// is refused as "not a regular file" instead of hanging in `open` (the flag has no
    /// effect on reading a regular file).
    public static func readAll(path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 {
            let code = errno
            return .failure(Failure(reason: describe(code, path: path), missing: code == ENOENT))
        }
        defer { close(descriptor) }
        return readAll(descriptor: descriptor, path: path)
    }

    /// Opens a journal for reading in pieces: the descriptor and the size it has now, after
    /// the same checks as `readAll`. The caller closes the descriptor.
    public static func openForReading(path: String) -> Result<(descriptor: Int32, size: Int), Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 {
            let code = errno
            return .failure(Failure(reason: describe(code, path: path), missing: code == ENOENT))
        }
        switch regularFileSize(descriptor: descriptor, path: path) {
        case .success(let size): return .success((descriptor, size))
        case .failure(let failure): close(descriptor); return .failure(failure)
        }
    }

    /// Reads up to `count` bytes at `offset` into `buffer` from index `into`, retrying short
    /// reads; fewer only at the end of the file. Nil on a read error.
    public static func read(descriptor: Int32, offset: Int, count: Int, into buffer: UnsafeMutableRawPointer) -> Int? {
        var filled = 0
        while filled < count {
            let got = pread(descriptor, buffer + filled, count - filled, off_t(offset + filled))
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    static func regularFileSize(descriptor: Int32, path: String) -> Result<Int, Failure> {
        var info = stat()
        if fstat(descriptor, &info) != 0 { return .failure(Failure(reason: describe(errno, path: path), missing: false)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(Failure(reason: describe(EISDIR, path: path), missing: false)) }
        if (info.st_mode & S_IFMT) != S_IFREG {
            return .failure(Failure(reason: "“\(path)”不是普通文件：日记账必须是一个文本文件", missing: false))
        }
        let size = Int(info.st_size)
        if size > Limits.maxFileBytes {
            return .failure(Failure(reason: "“\(path)”有 \(size) 字节，超过上限 \(Limits.maxFileBytes) 字节：请按年度拆分日记账", missing: false))
        }
        return .success(size)
    }

    /// Reads everything from an open descriptor, from offset 0.
    public static func readAll(descriptor: Int32, path: String) -> Result<[UInt8], Failure> {
        let size: Int
        switch regularFileSize(descriptor: descriptor, path: path) {
        case .success(let value): size = value
        case .failure(let failure): return .failure(failure)
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let got = bytes.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + filled, size - filled, off_t(filled))
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(reason: describe(errno, path: path), missing: false))
            }
            if got == 0 { bytes.removeLast(size - filled); break }  // the file shrank meanwhile
            filled += got
        }
        return .success(bytes)
    }
}

extension FileIO {
    /// Makes a write past the process's file-size limit (`ulimit -f`) fail with EFBIG instead
    /// of killing the process with SIGXFSZ halfway through a line, so that the failed write
    /// can be undone. Idempotent.
    static func ignoreFileSizeSignal() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Replaces a file's contents atomically: write a temporary file beside it, fsync, rename.
    /// A reader never sees half a report; a failure leaves the old file as it was.
    ///
    /// The temporary file has a fresh random name and is created exclusively without following
    /// symlinks (`O_CREAT | O_EXCL | O_NOFOLLOW`): a file, hard link or symlink planted at that
    /// name is never opened, so it cannot be used to overwrite another file. `rename` replaces
    /// a symlink at `path` itself, never the file it points to.
    public static func writeWhole(path: String, bytes: [UInt8]) -> Failure? {
        writeStreaming(path: path) { write in _ = write(bytes[...]) }
    }

    /// Writes a file atomically from pieces `produce` hands over (a temporary file beside it,
    /// fsync, rename): the old file stays whole until the new one is complete. `write` returns
    /// false once a write failed; what follows is ignored.
    public static func writeStreaming(path: String, produce: ((ArraySlice<UInt8>) -> Bool) -> Void) -> Failure? {
        ignoreFileSizeSignal()
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<16 {
            temporary = path + ".tmp-\(getpid())-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        if descriptor < 0 { return Failure(reason: describeOutput(errno, path: path), missing: false) }
        var failedWith: Int32 = 0
        produce { bytes in
            guard failedWith == 0 else { return false }
            var written = 0
            while written < bytes.count {
                let result = bytes.withUnsafeBytes { raw in write(descriptor, raw.baseAddress! + written, bytes.count - written) }
                if result < 0 {
                    if errno == EINTR { continue }
                    failedWith = errno
                    return false
                }
                written += result
            }
            return true
        }
        if failedWith == 0, fsync(descriptor) != 0 { failedWith = errno }
        close(descriptor)
        if failedWith == 0, rename(temporary, path) != 0 { failedWith = errno }
        if failedWith != 0 {
            unlink(temporary)
            return Failure(reason: describeOutput(failedWith, path: path), missing: false)
        }
        return nil
    }

    /// Like `describe`, for an output file (a report), which is not a journal.
    static func describeOutput(_ code: Int32, path: String) -> String {
        switch code {
        case EISDIR: return "“\(path)”是一个文件夹：请在 -o 后写出报表的文件名，例如 -o \(path)/报表.html"
        case ENOSPC: return "磁盘空间不足，无法写入“\(path)”：请清理磁盘后重试（原有文件未被改动）"
        case EDQUOT: return "磁盘配额已满，无法写入“\(path)”：请清理后重试（原有文件未被改动）"
        default: return describe(code, path: path)
        }
    }
}

extension FileIO {
    /// A path's folder and last component: `a/b/c` → (`a/b`, `c`), `c` → (`.`, `c`),
    /// `/c` → (`/`, `c`).
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Flushes the folder holding `path`, so that a file created, renamed or removed there
    /// survives a power cut. The errno of a failure, or nil.
    @discardableResult
    public static func syncDirectory(containing path: String) -> Int32? {
        let descriptor = open(split(path).folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor < 0 { return errno }
        defer { close(descriptor) }
        // Some file systems cannot fsync a folder (EINVAL): nothing more can be done there.
        if fsync(descriptor) != 0, errno != EINVAL { return errno }
        return nil
    }

    /// Writes a line to standard error (for the rare notice the library must give itself).
    static func writeStandardError(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { write(2, $0.baseAddress! + offset, bytes.count - offset) }
            if result < 0 { if errno == EINTR { continue } else { return } }
            offset += result
        }
    }
}
