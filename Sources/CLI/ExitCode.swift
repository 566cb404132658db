/// The process exit codes of spec §2.
enum ExitCode: Int32, Error {
    /// Success; warnings allowed.
    case success = 0
    /// The journal or the requested entry is invalid.
    case invalid = 1
    /// The command line is wrong.
    case usage = 2
    /// A file cannot be read or written.
    case file = 3
}
