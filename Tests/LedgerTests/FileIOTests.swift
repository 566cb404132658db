import XCTest
@testable import Ledger
#if canImport(Glibc)
import Glibc
#endif

/// Reading journal files: regular files whole, everything else refused with a reason —
/// promptly, even a named pipe that nobody writes to.
final class FileIOTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "fundflow-fileio-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testReadsARegularFileWhole() throws {
        let path = directory + "/a.journal"
        let bytes: [UInt8] = Array("2019-01-01 项目 P01 名称\n".utf8) + [0xFF, 0x00]
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        XCTAssertEqual(try FileIO.readAll(path: path).get(), bytes)
    }

    func testMissingFileIsFlaggedAsMissing() {
        guard case .failure(let failure) = FileIO.readAll(path: directory + "/none.journal") else { return XCTFail("read a missing file") }
        XCTAssertTrue(failure.missing)
        XCTAssertTrue(failure.reason.contains("找不到文件"), failure.reason)
        // The reader may treat a missing file as empty when asked to (an append creates it).
        guard case .success(let parsed) = JournalReader.read(paths: [directory + "/none.journal"], allowMissing: true) else { return XCTFail() }
        XCTAssertEqual(parsed.lineCounts, [0])
        guard case .failure(let refused) = JournalReader.read(paths: [directory + "/none.journal"]) else { return XCTFail() }
        XCTAssertEqual(refused.path, directory + "/none.journal")
    }

    func testDirectoryIsRefused() {
        guard case .failure(let failure) = FileIO.readAll(path: directory) else { return XCTFail("read a directory") }
        XCTAssertFalse(failure.missing)
        XCTAssertTrue(failure.reason.contains("文件夹"), failure.reason)
    }

    func testNamedPipeWithoutWriterIsRefusedPromptly() {
        let path = directory + "/fifo.journal"
        XCTAssertEqual(mkfifo(path, 0o644), 0)
        // Read on another thread so that a regression fails the test instead of hanging it.
        let done = DispatchSemaphore(value: 0)
        final class Box: @unchecked Sendable { var result: Result<[UInt8], FileIO.Failure>? }
        let box = Box()
        Thread.detachNewThread {
            box.result = FileIO.readAll(path: path)
            done.signal()
        }
        guard done.wait(timeout: .now() + 5) == .success else { return XCTFail("reading a FIFO blocked") }
        guard case .failure(let failure)? = box.result else { return XCTFail("a FIFO was read as a journal") }
        XCTAssertTrue(failure.reason.contains("不是普通文件"), failure.reason)
    }

    func testSeveralFilesReadAsOneJournal() throws {
        let first = directory + "/2019.journal", second = directory + "/2020.journal"
        XCTAssertTrue(FileManager.default.createFile(atPath: first, contents: Data("2019-01-01 项目 P01 名称\n".utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: second, contents: Data("# 2020\n2020-01-02 下达 P01 5 文号=A\n".utf8)))
        let journal = try Validator.load(paths: [first, second]).get()
        XCTAssertTrue(journal.diagnostics.isEmpty)
        XCTAssertEqual(journal.entries.map(\.location), [SourceLocation(file: 0, line: 1, column: 1), SourceLocation(file: 1, line: 2, column: 1)])
        XCTAssertEqual(journal.books().figures("P01", year: 2020).allottedFen, 500)
    }
}
