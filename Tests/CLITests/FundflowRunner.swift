import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Helpers for the end-to-end tests: they run the REAL `fundflow` executable that
// `swift test` builds next to the test bundle, on files in a fresh temporary folder.

/// The package root, found from this file's path (…/Tests/CLITests/FundflowRunner.swift).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CLITests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root

/// Where the built `fundflow` is.
enum FundflowBinary {
    static let url: URL? = locate()

    /// Candidates in order of trust: an explicit override, the products folder the test
    /// bundle runs from (works with any `--scratch-path`), the folder of argv[0], and last
    /// the default `.build/debug` under the package root.
    static func locate() -> URL? {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["FUNDFLOW_TEST_BINARY"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        // Linux: Bundle.main is the xctest executable's folder, i.e. the products folder.
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("fundflow"))
        // macOS: the .xctest bundle sits in the products folder.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("fundflow"))
        }
        if let first = CommandLine.arguments.first, !first.isEmpty {
            let arg0 = URL(fileURLWithPath: first)
            candidates.append(arg0.deletingLastPathComponent().appendingPathComponent("fundflow"))
            // argv[0] may itself be inside a bundle (…/X.xctest/Contents/MacOS/X).
            var folder = arg0.deletingLastPathComponent()
            for _ in 0..<4 {
                folder = folder.deletingLastPathComponent()
                candidates.append(folder.appendingPathComponent("fundflow"))
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/fundflow"))
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate.standardizedFileURL
            }
        }
        return nil
    }
}

/// What one run of `fundflow` did.
struct RunResult {
    var exitCode: Int32
    /// Terminated by a signal (a crash, or killed by the watchdog) rather than by exit().
    var signaled: Bool
    var stdoutData: Data
    var stderrData: Data

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

    /// For failure messages.
    var summary: String { "exit \(exitCode)\(signaled ? " (signal)" : "")\n--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)" }
}

/// What another program (bash, hledger, bean-check) did.
struct ProgramResult { var status: Int32; var stdout: String; var stderr: String }

/// Runs another program in `directory` under a UTF-8 locale (hledger cannot read the Chinese
/// otherwise), without an inherited FUNDFLOW_JOURNAL, reading both pipes to their end.
func runProgram(
    _ executable: String, _ arguments: [String], environment extra: [String: String] = [:],
    directory: URL
) throws -> ProgramResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "FUNDFLOW_JOURNAL")
    environment["LC_ALL"] = "C.UTF-8"
    environment["LANG"] = "C.UTF-8"
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try ProcessLaunch.serialized { try process.run() }
    let outDrain = PipeDrain(out.fileHandleForReading), errDrain = PipeDrain(err.fileHandleForReading)
    let stdout = outDrain.wait(), stderr = errDrain.wait()
    process.waitUntilExit()
    return ProgramResult(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// Reads one pipe to its end on its own thread, so that a child filling stderr while we
/// read stdout can never deadlock.
final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
        thread.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// A started `fundflow` process; `finish()` drains its pipes, then waits for it.
final class RunningFundflow: @unchecked Sendable {
    let process: Process
    private let out: PipeDrain
    private let err: PipeDrain

    /// - environment: extra variables. `NO_COLOR=1` is always set and any inherited
    ///   `FUNDFLOW_JOURNAL` is removed unless the test passes one.
    init(_ arguments: [String], environment extra: [String: String] = [:], directory: URL, timeout: TimeInterval = 60) throws {
        guard let binary = FundflowBinary.url else {
            throw XCTSkip("fundflow binary not found (looked next to the test bundle and in .build/debug)")
        }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "FUNDFLOW_JOURNAL")
        environment["NO_COLOR"] = "1"
        for (key, value) in extra { environment[key] = value }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        try ProcessLaunch.serialized { try process.run() }
        self.process = process
        self.out = PipeDrain(stdoutPipe.fileHandleForReading)
        self.err = PipeDrain(stderrPipe.fileHandleForReading)
        // Watchdog: a hung fundflow is killed and shows up as a signal, not a hung suite.
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
            if process.isRunning { process.terminate() }
        }
    }

    func finish() -> RunResult {
        let stdoutData = out.wait()
        let stderrData = err.wait()
        process.waitUntilExit()
        return RunResult(
            exitCode: process.terminationStatus,
            signaled: process.terminationReason == .uncaughtSignal,
            stdoutData: stdoutData, stderrData: stderrData)
    }
}

/// Runs `fundflow` with `arguments` in `directory` and returns what it did.
func runFundflow(_ arguments: [String], environment: [String: String] = [:], directory: URL) throws -> RunResult {
    try RunningFundflow(arguments, environment: environment, directory: directory).finish()
}

/// Today's date in China Standard Time (UTC+08:00, the default 时区), whatever the machine's
/// own time zone: what fundflow takes for today in a journal without 时区.
func todayInChina(offsetDays: Int = 0) -> String {
    var now = time(nil) + time_t(8 * 3600) + time_t(offsetDays * 86_400)
    var parts = tm()
    gmtime_r(&now, &parts)
    return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
}

/// Journal text: each line followed by LF.
func journalText(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }

/// Base class: every test gets its own fresh temporary folder, removed afterwards.
class FundflowTestCase: XCTestCase {
    private(set) var directory: URL!

    /// The journal most tests use, relative to `directory` (so diagnostics name it `j.journal`).
    let journal = "j.journal"

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard FundflowBinary.url != nil else {
            throw XCTSkip("fundflow binary not found (looked next to the test bundle and in .build/debug)")
        }
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
        let folder = base.appendingPathComponent("fundflow-clitests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        directory = folder.resolvingSymlinksInPath()
    }

    override func tearDownWithError() throws {
        if let directory {
            // Undo any chmod a test made so the folder can always be removed.
            if let items = FileManager.default.enumerator(atPath: directory.path) {
                for case let item as String in items {
                    chmod(directory.appendingPathComponent(item).path, 0o755)
                }
            }
            try? FileManager.default.removeItem(at: directory)
        }
        try super.tearDownWithError()
    }

    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
    func path(_ name: String) -> String { url(name).path }

    func write(_ text: String, to name: String? = nil) {
        writeBytes(Array(text.utf8), to: name)
    }

    func write(lines: [String], to name: String? = nil) {
        write(journalText(lines), to: name)
    }

    func writeBytes(_ bytes: [UInt8], to name: String? = nil) {
        let target = url(name ?? journal)
        do { try Data(bytes).write(to: target) } catch { XCTFail("cannot write \(target.path): \(error)") }
    }

    /// The file's bytes, or nil when it does not exist.
    func bytes(_ name: String? = nil) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path(name ?? journal)) else { return nil }
        return Array(data)
    }

    func text(_ name: String? = nil) -> String {
        String(decoding: bytes(name) ?? [], as: UTF8.self)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// Runs fundflow in the test's folder.
    func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> RunResult {
        try runFundflow(arguments, environment: environment, directory: folder ?? directory)
    }

    /// Runs fundflow on `-f j.journal`.
    func ff(_ arguments: String...) throws -> RunResult {
        try run(["-f", journal] + arguments)
    }

    // MARK: Assertions

    /// The command exits 0 and the journal becomes exactly its old bytes (a missing final
    /// newline mended) plus `line` and LF.
    @discardableResult
    func assertAppends(
        _ arguments: [String], line expected: String, journalFile name: String? = nil, quiet: Bool = true,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> RunResult {
        let target = name ?? journal
        let before = bytes(target) ?? []
        let result = try run(arguments)
        XCTAssertEqual(result.exitCode, 0, "fundflow \(arguments.joined(separator: " "))\n\(result.summary)", file: file, line: line)
        XCTAssertFalse(result.signaled, file: file, line: line)
        var mended = before
        if let last = mended.last, last != UInt8(ascii: "\n") { mended.append(UInt8(ascii: "\n")) }
        let expectedBytes = mended + Array(expected.utf8) + [UInt8(ascii: "\n")]
        let after = bytes(target) ?? []
        XCTAssertEqual(
            String(decoding: after, as: UTF8.self), String(decoding: expectedBytes, as: UTF8.self),
            "journal after fundflow \(arguments.joined(separator: " "))", file: file, line: line)
        XCTAssertTrue(after == expectedBytes, "journal bytes differ from the expected bytes", file: file, line: line)
        let lineNumber = expectedBytes.filter { $0 == UInt8(ascii: "\n") }.count
        XCTAssertTrue(
            result.stdout.contains("第 \(lineNumber) 行：\(expected)\n"),
            "stdout should confirm line \(lineNumber)\n\(result.summary)", file: file, line: line)
        if quiet {
            // A 支付 without 凭证= is recorded with exactly one warning: it could never be reversed by voucher.
            if expected.contains(" 支付 "), !expected.contains("凭证=") {
                XCTAssertEqual(result.stderrLines.count, 1, "only the missing-voucher warning\n\(result.summary)", file: file, line: line)
                XCTAssertTrue(result.stderr.contains(": 警告: 这笔支付没有凭证号"), result.summary, file: file, line: line)
            } else {
                XCTAssertEqual(result.stderr, "", "no diagnostics expected", file: file, line: line)
            }
        }
        return result
    }

    /// The command exits 1, leaves the journal byte-identical (or absent), and stderr has a
    /// line starting with each expected prefix (`FILE:LINE:COL: 错误: …`).
    @discardableResult
    func assertRefused(
        _ arguments: [String], diagnostics prefixes: [String], journalFile name: String? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> RunResult {
        let target = name ?? journal
        let before = bytes(target)
        let result = try run(arguments)
        XCTAssertEqual(result.exitCode, 1, "fundflow \(arguments.joined(separator: " "))\n\(result.summary)", file: file, line: line)
        XCTAssertFalse(result.signaled, file: file, line: line)
        let after = bytes(target)
        XCTAssertTrue(
            after == before, "a refused entry must leave \(target) byte-identical; now:\n\(String(decoding: after ?? [], as: UTF8.self))",
            file: file, line: line)
        if before == nil { XCTAssertFalse(exists(target), "a refused entry must not leave a new file behind", file: file, line: line) }
        let lines = result.stderrLines
        for prefix in prefixes {
            XCTAssertTrue(
                lines.contains { $0.hasPrefix(prefix) }, "stderr should have a line starting with “\(prefix)”\n\(result.summary)",
                file: file, line: line)
        }
        XCTAssertFalse(result.stdout.contains("已记入"), "nothing may be reported as recorded\n\(result.summary)", file: file, line: line)
        return result
    }

    /// Exit code `code`, journal unchanged (or still absent).
    @discardableResult
    func assertExit(
        _ code: Int32, _ arguments: [String], environment: [String: String] = [:], stderrContains: String? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> RunResult {
        let before = bytes(journal)
        let result = try run(arguments, environment: environment)
        XCTAssertEqual(result.exitCode, code, "fundflow \(arguments.joined(separator: " "))\n\(result.summary)", file: file, line: line)
        XCTAssertFalse(result.signaled, file: file, line: line)
        XCTAssertTrue(bytes(journal) == before, "\(journal) must not change", file: file, line: line)
        if let needle = stderrContains {
            XCTAssertTrue(result.stderr.contains(needle), "stderr should contain “\(needle)”\n\(result.summary)", file: file, line: line)
        }
        return result
    }
}

/// A small, independent SHA-256 (FIPS 180-4) so the tests can compute seal digests without
/// trusting the program's own implementation.
enum TestSHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func hex(_ message: [UInt8]) -> String {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var padded = message
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        var w = [UInt32](repeating: 0, count: 64)
        for block in stride(from: 0, to: padded.count, by: 64) {
            for t in 0..<16 {
                let i = block + 4 * t
                w[t] = UInt32(padded[i]) << 24 | UInt32(padded[i + 1]) << 16 | UInt32(padded[i + 2]) << 8 | UInt32(padded[i + 3])
            }
            for t in 16..<64 {
                let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for t in 0..<64 {
                let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ k[t] &+ w[t]
                let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ maj
                hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
            }
            h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
        }
        return h.map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 8 - digits.count) + digits
        }.joined()
    }

    static func hex(_ text: String) -> String { hex(Array(text.utf8)) }
}

/// Foundation's `Process.run()` on Linux is not safe to call from several threads at once (a
/// load test launching writers in parallel crashed inside it now and then): launches take
/// turns; the processes themselves still run side by side.
enum ProcessLaunch {
    private static let lock = NSLock()

    static func serialized<T>(_ launch: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try launch()
    }
}
