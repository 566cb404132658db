/// Sealing (封账): each seal line carries the SHA-256 of every byte of its file before it,
/// and once the books are sealed through D no later line may be dated on or before D.
/// Runs in file order over all files (a seal covers its own file's bytes; the closed period
/// holds for everything that follows).
struct SealRule {
    var name: String { "封账" }

    func check(_ entries: [Entry], sources: [JournalSource], into diagnostics: inout [Diagnostic]) -> Set<Int> {
        var rejected = Set<Int>()
        var sealedThrough: (date: CalendarDate, line: Int, file: Int)?
        var hasher = SHA256()
        var hashedFile = -1
        var hashedUpTo = 0
        for (index, entry) in entries.enumerated() {
            if let sealed = sealedThrough, entry.date <= sealed.date {
                let place = sealed.file == entry.location.file ? "第 \(sealed.line) 行" : "\(sources[sealed.file].path) 第 \(sealed.line) 行"
                diagnostics.append(.error("sealed-period", at: entry.location,
                    "\(entry.date) 已封账（\(place)封账至 \(sealed.date)）：封账期间不能再记账；更正请用日期在 \(sealed.date) 之后的“冲销”或“调减”分录"))
                rejected.insert(index)
            }
            guard case .seal(let seal) = entry.body else { continue }
            let file = entry.location.file
            if file != hashedFile { hasher = SHA256(); hashedFile = file; hashedUpTo = 0 }
            let bytes = sources[file].bytes
            let upTo = min(entry.byteOffset, bytes.count)
            if upTo > hashedUpTo { hasher.update(bytes[hashedUpTo..<upTo]); hashedUpTo = upTo }
            let actual = hasher.hexDigest()
            if actual != seal.sha256 {
                diagnostics.append(.error("seal-mismatch", at: entry.detailLocation,
                    "封账校验失败：本行之前的内容与封账时不一致（记录的 sha256 为 \(seal.sha256.prefix(12))…，现在为 \(actual.prefix(12))…）。已封账的历史被改动过：请从备份或版本记录中恢复原文件，更正请在封账之后另记分录"))
                rejected.insert(index)
            }
            // Even a seal whose hash fails closes its period: the accountant meant it closed.
            if let current = sealedThrough, current.date >= entry.date { continue }
            sealedThrough = (entry.date, entry.location.line, file)
        }
        return rejected
    }
}
