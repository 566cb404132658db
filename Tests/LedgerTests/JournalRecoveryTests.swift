import Foundation
import XCTest
@testable import Ledger

/// The undo record of an all-or-nothing append (issue 11): its format, where it lies, and the
/// rollback on a real file. End to end (SIGKILL, the CLI's notice) in CLITests/AtomicWriteTests.
final class JournalRecoveryTests: XCTestCase {
    var folder: String = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "fundflow-recovery-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        folder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func testRecordReadsBackAndACutRecordIsNoRecord() {
        let record = JournalRecovery.UndoRecord(length: 94, device: 65024, inode: 16220817)
        XCTAssertEqual(String(decoding: record.bytes, as: UTF8.self), "fundflow-undo 1\nlength 94\ndevice 65024\ninode 16220817\nend\n")
        XCTAssertEqual(JournalRecovery.UndoRecord(bytes: record.bytes), record)
        for cut in 0..<record.bytes.count {
            XCTAssertNil(JournalRecovery.UndoRecord(bytes: Array(record.bytes.prefix(cut))), "cut at \(cut)")
        }
        XCTAssertNil(JournalRecovery.UndoRecord(bytes: Array("fundflow-undo 1\nlength -1\ndevice 1\ninode 1\nend\n".utf8)))
    }

    func testTheRecordLiesBesideTheRealFile() throws {
        let journal = folder + "/j.journal"
        FileManager.default.createFile(atPath: journal, contents: Data("x\n".utf8))
        XCTAssertEqual(JournalRecovery.undoPath(forJournalAt: journal), folder + "/.j.journal.undo")
        try FileManager.default.createDirectory(atPath: folder + "/other", withIntermediateDirectories: false)
        XCTAssertEqual(symlink(journal, folder + "/other/link.journal"), 0)
        XCTAssertEqual(JournalRecovery.undoPath(forJournalAt: folder + "/other/link.journal"), folder + "/.j.journal.undo")
        XCTAssertEqual(JournalRecovery.undoPath(forJournalAt: folder + "/missing.journal"), folder + "/.missing.journal.undo")
    }

    func testRollBackCutsToTheRecordedLengthOnlyForTheSameFile() throws {
        let journal = folder + "/j.journal"
        FileManager.default.createFile(atPath: journal, contents: Data("2019-01-01 项目 P01 一\n".utf8))
        var info = stat()
        XCTAssertEqual(stat(journal, &info), 0)
        let length = Int(info.st_size)
        let undo = JournalRecovery.undoPath(forJournalAt: journal)
        XCTAssertNil(JournalRecovery.writeRecord(.init(length: length, device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), at: undo))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile(); handle.write(Data("2019-09-10 支付 P01 1".utf8)); handle.closeFile()

        let notices = JournalRecovery.recover(paths: [journal], holdReadLocks: false)
        XCTAssertEqual(notices.count, 1)
        XCTAssertTrue(notices[0].contains("已恢复"), notices[0])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: journal)).count, length)
        XCTAssertFalse(FileManager.default.fileExists(atPath: undo))
        XCTAssertEqual(JournalRecovery.recover(paths: [journal], holdReadLocks: false), [], "nothing more to do")

        // A record of another file (another inode): removed, the journal left alone.
        XCTAssertNil(JournalRecovery.writeRecord(.init(length: 0, device: UInt64(info.st_dev), inode: UInt64(info.st_ino) &+ 1), at: undo))
        XCTAssertEqual(JournalRecovery.recover(paths: [journal], holdReadLocks: false), [])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: journal)).count, length)
        XCTAssertFalse(FileManager.default.fileExists(atPath: undo))
    }
}
