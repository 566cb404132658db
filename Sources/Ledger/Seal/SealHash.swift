/// The hash a 封账 line carries (spec §1 "Sealing"): SHA-256 of every byte of its file before
/// the line, followed by the 10 ASCII bytes of the seal's own date — so moving a seal's date
/// is caught too. The `seal` command and the checker both finish the hash here.
public enum SealHash {
    /// Lower-case hex of the hash of `preceding` bytes sealed through `date`.
    public static func hex(preceding: [UInt8], date: CalendarDate) -> String {
        var hasher = SHA256()
        hasher.update(preceding)
        return finish(hasher, date: date)
    }

    /// Completes a hash that has taken the preceding bytes (the hasher itself is left as it is,
    /// to go on to the next seal of the file).
    public static func finish(_ preceding: SHA256, date: CalendarDate) -> String {
        var hasher = preceding
        hasher.update(Array(date.description.utf8))
        return hasher.hexDigest()
    }
}
