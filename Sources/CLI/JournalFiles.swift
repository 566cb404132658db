import Ledger
#if canImport(Glibc)
import Glibc
#endif

/// The journal's files as the command line names them: each file once, whatever the path,
/// rolled back from any interrupted write before a command reads them, and never the
/// target of an output.
enum JournalFiles {
    /// A file by device and inode; a file that does not exist yet by its folder's identity
    /// and its name (so `x` and `./x` are still the same missing file).
    enum Identity: Hashable {
        case existing(device: UInt64, inode: UInt64)
        case missing(folder: String, name: String)
    }

    static func identity(_ path: String) -> Identity {
        var info = stat()
        if stat(path, &info) == 0 { return .existing(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) }
        let (folder, name) = FileIO.split(path)
        var folderInfo = stat()
        if stat(folder, &folderInfo) == 0 { return .missing(folder: "\(folderInfo.st_dev):\(folderInfo.st_ino)", name: name) }
        return .missing(folder: folder, name: name)
    }

    /// Exit 2 when one file is named twice (by any path): every entry would count twice.
    static func requireDistinct(_ paths: [String]) throws {
        var seen: [Identity: String] = [:]
        for path in paths {
            let key = identity(path)
            if let first = seen[key] {
                let how = first == path ? "" : "（“\(path)”与“\(first)”是同一个文件：符号链接、硬链接或另一种写法）"
                throw UsageError("日记账文件“\(first)”被指定了两次\(how)：同一文件读两遍会使每笔分录都重复计算。每个文件只用 -f 指定一次")
            }
            seen[key] = path
        }
    }

    /// Rolls back interrupted writes (the one place commands do it), printing what was done.
    /// Commands that only read keep the files share-locked while they run.
    static func recover(_ paths: [String], _ arguments: Arguments) {
        let readers: Set<String> = ["check", "检查", "status", "状态", "report", "报表", "register", "明细", "export", "导出", "completion"]
        let command = arguments.command ?? ""
        let readOnly =
            readers.contains(command)
            || (["import", "导入"].contains(command) && !arguments.flags.contains("commit"))  // a dry run
            || (["init", "新建"].contains(command) && arguments.flags.contains("dry-run"))
        for notice in JournalRecovery.recover(paths: paths, holdReadLocks: readOnly) {
            Output.err(notice + "\n")
        }
    }

    /// Why `-o path` may not be written (exit 2), or nil: it is one of the journal's files
    /// (by device and inode, whatever the path), or exists and is not a regular file.
    static func outputRefusal(_ path: String, journals: [String]) -> String? {
        var info = stat()
        if stat(path, &info) == 0 {
            let target = Identity.existing(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if let journal = journals.first(where: { identity($0) == target }) {
                let same = journal == path ? "" : "（“\(path)”与日记账“\(journal)”是同一个文件）"
                return "-o 不能指向日记账本身\(same)：报表会覆盖日记账。请换一个输出文件名，例如 -o 报表.html"
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return nil
            case S_IFDIR: return "-o 的“\(path)”是一个文件夹：请在 -o 后写出报表的文件名，例如 -o \(path)/报表.html"
            default: return "-o 的“\(path)”不是普通文件（设备、管道或套接字）：报表只写入普通文件；要输出到屏幕或管道，请去掉 -o"
            }
        }
        return nil  // missing (or a dangling symlink, which `rename` replaces)
    }

    /// The message for `-o` into a folder that does not exist, or nil.
    static func missingFolder(_ path: String) -> String? {
        let folder = FileIO.split(path).folder
        var info = stat()
        if stat(folder, &info) != 0 { return "输出文件夹“\(folder)”不存在：请先建立该文件夹，或在 -o 后写一个已有文件夹中的文件名" }
        if (info.st_mode & S_IFMT) != S_IFDIR { return "“\(folder)”不是文件夹：请在 -o 后写一个已有文件夹中的文件名" }
        return nil
    }
}
