import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Helpers for the reliability tests (crash safety, load, hostile input): running the real
// `fundflow` under a wrapper program (`timeout -s KILL`, `setpriv`, a shell with `ulimit` or
// `umask`), and checking a journal's lines after many writers.

/// An executable on the usual system paths, or nil.
func systemTool(_ name: String) -> String? {
    for folder in ["/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin"] {
        let candidate = folder + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// `fundflow` started through a wrapper: `wrapper[0]` runs with `wrapper[1...]`, then the
/// binary's path, then `arguments` (so `sh -c 'umask 0; exec "$0" "$@"'` works, with the
/// binary as `$0`).
final class WrappedFundflow: @unchecked Sendable {
    let process: Process
    private let out: PipeDrain
    private let err: PipeDrain

    init(wrapper: [String], _ arguments: [String], directory: URL, timeout: TimeInterval = 120) throws {
        guard let binary = FundflowBinary.url else { throw XCTSkip("fundflow binary not found") }
        guard let tool = wrapper.first else { throw XCTSkip("no wrapper") }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "FUNDFLOW_JOURNAL")
        environment["NO_COLOR"] = "1"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = Array(wrapper.dropFirst()) + [binary.path] + arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        try ProcessLaunch.serialized { try process.run() }
        self.process = process
        out = PipeDrain(stdoutPipe.fileHandleForReading)
        err = PipeDrain(stderrPipe.fileHandleForReading)
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
            if process.isRunning { process.terminate() }
        }
    }

    func finish() -> RunResult {
        let stdoutData = out.wait()
        let stderrData = err.wait()
        process.waitUntilExit()
        return RunResult(
            exitCode: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            stdoutData: stdoutData, stderrData: stderrData)
    }
}

extension FundflowTestCase {
    /// Runs fundflow in the test's folder through `wrapper`.
    func runWrapped(_ wrapper: [String], _ arguments: [String]) throws -> RunResult {
        try WrappedFundflow(wrapper: wrapper, arguments, directory: directory).finish()
    }

    /// A shell that runs `setup` (e.g. `umask 0`, `ulimit -f 2`) and then execs fundflow.
    func shellWrapper(_ setup: String) throws -> [String] {
        guard let bash = systemTool("bash") else { throw XCTSkip("bash not found") }
        return [bash, "-c", setup + "; exec \"$0\" \"$@\""]
    }

    /// Names in the test folder (hidden ones included), sorted.
    func folderListing(_ sub: String? = nil) -> [String] {
        let folder = sub.map { path($0) } ?? directory.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func fileMode(_ name: String) -> mode_t? {
        var info = stat()
        guard lstat(path(name), &info) == 0 else { return nil }
        return info.st_mode
    }
}

/// What a journal written by many writers holds, line by line.
struct JournalAudit {
    /// Whole lines (each ended by LF), without their LF.
    var lines: [String] = []
    /// A last line without LF (a torn line), if any.
    var tornTail: String?
    /// How often each payment line occurs.
    var counts: [String: Int] = [:]
    /// Lines that are neither in the header nor an expected payment.
    var strangers: [String] = []

    init(bytes: [UInt8], header: [String], expected: Set<String>) {
        var pieces = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let last = pieces.removeLast()  // "" when the file ends in LF
        if !last.isEmpty { tornTail = last }
        lines = pieces
        for line in lines {
            if expected.contains(line) { counts[line, default: 0] += 1 } else if !header.contains(line) { strangers.append(line) }
        }
    }

    var duplicates: [String] { counts.filter { $0.value > 1 }.map(\.key).sorted() }
}
