import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 11: an output never clobbers an input, and one journal file is never read twice.
final class SelfOverwriteTests: FundflowTestCase {
    let lines = [
        "2019-01-01 项目 P01 一号项目",
        "2019-03-01 下达 P01 900000.00 文号=A1",
        "2019-05-01 支付 P01 1000.00 凭证=V1",
    ]

    /// Every command with -o, at the journal by every kind of path: exit 2, journal unchanged.
    func testOutputAtTheJournalByAnyPathIsRefused() throws {
        write(lines: lines)
        XCTAssertEqual(symlink(journal, path("link.journal")), 0)
        XCTAssertEqual(link(path(journal), path("hard.journal")), 0)
        try FileManager.default.createDirectory(at: url("sub"), withIntermediateDirectories: false)
        let before = bytes()
        let commands: [[String]] = [
            ["report", "monthly", "--month", "2019-05"],
            ["status", "--as-of", "2019-05-31"],
            ["export", "--format", "csv"],
            ["register"],
        ]
        for target in ["./j.journal", "link.journal", "hard.journal", path(journal), "sub/../j.journal"] {
            for command in commands {
                let result = try run(["-f", journal] + command + ["-o", target])
                XCTAssertEqual(result.exitCode, 2, "\(command) -o \(target)\n\(result.summary)")
                XCTAssertTrue(result.stderr.contains("-o 不能指向日记账本身"), result.summary)
                XCTAssertFalse(result.stderr.contains("已写入"), result.summary)
                XCTAssertTrue(bytes() == before, "\(command) -o \(target) must leave the journal byte-identical")
            }
        }
        XCTAssertEqual(fileMode("link.journal").map { $0 & S_IFMT }, S_IFLNK, "the symlink is not replaced")
        // Any journal file, not only the last one.
        write(lines: ["2019-06-01 支付 P01 1.00 凭证=V2"], to: "b.journal")
        let earlier = try run(["-f", journal, "-f", "b.journal", "status", "--as-of", "2019-06-30", "-o", "link.journal"])
        XCTAssertEqual(earlier.exitCode, 2, earlier.summary)
        XCTAssertTrue(bytes() == before)
        // A path that merely looks alike is fine.
        XCTAssertEqual(try ff("status", "--as-of", "2019-05-31", "-o", "j.journal.txt").exitCode, 0)
    }

    func testOutputAtAFIFOOrAFolderIsRefusedAndMissingFolderNamed() throws {
        write(lines: lines)
        XCTAssertEqual(mkfifo(path("pipe"), 0o644), 0)
        let fifo = try ff("report", "monthly", "--month", "2019-05", "-o", "pipe")
        XCTAssertEqual(fifo.exitCode, 2, fifo.summary)
        XCTAssertTrue(fifo.stderr.contains("不是普通文件"), fifo.summary)
        XCTAssertEqual(fileMode("pipe").map { $0 & S_IFMT }, S_IFIFO, "the FIFO is left as it was")
        // A symlink to the FIFO: the same.
        XCTAssertEqual(symlink("pipe", path("to-pipe")), 0)
        XCTAssertEqual(try ff("status", "-o", "to-pipe").exitCode, 2)
        // A folder.
        try FileManager.default.createDirectory(at: url("out"), withIntermediateDirectories: false)
        let folder = try ff("export", "--format", "csv", "-o", "out")
        XCTAssertEqual(folder.exitCode, 2, folder.summary)
        XCTAssertTrue(folder.stderr.contains("是一个文件夹"), folder.summary)
        // A folder that does not exist: its own message, no advice about -f or the journal.
        let missing = try ff("report", "monthly", "--month", "2019-05", "-o", "nofolder/x.html")
        XCTAssertEqual(missing.exitCode, 3, missing.summary)
        XCTAssertEqual(missing.stderr, "fundflow: 错误: 输出文件夹“nofolder”不存在：请先建立该文件夹，或在 -o 后写一个已有文件夹中的文件名\n")
        XCTAssertFalse(exists("nofolder"))
        XCTAssertEqual(folderListing(), ["j.journal", "out", "pipe", "to-pipe"], "no temporary file left")
    }

    /// The overspend: `-f d.journal -f current.journal`, the second a symlink to the
    /// first, counted every entry twice and let 150万 through against 90万.
    func testTheSameFileTwiceIsACommandLineError() throws {
        write(lines: lines, to: "d.journal")
        XCTAssertEqual(symlink("d.journal", path("current.journal")), 0)
        XCTAssertEqual(link(path("d.journal"), path("hard.journal")), 0)
        let before = bytes("d.journal")
        for second in ["current.journal", "hard.journal", "./d.journal", "d.journal", path("d.journal")] {
            for command in [
                ["pay", "P01", "150万", "--date", "2019-06-01"], ["check"], ["status", "--as-of", "2019-06-30"],
                ["report", "monthly", "--month", "2019-06"],
            ] {
                let result = try run(["-f", "d.journal", "-f", second] + command)
                XCTAssertEqual(result.exitCode, 2, "-f d.journal -f \(second) \(command)\n\(result.summary)")
                XCTAssertTrue(result.stderr.contains("被指定了两次"), result.summary)
                XCTAssertEqual(result.stdout, "", result.summary)
            }
        }
        XCTAssertTrue(bytes("d.journal") == before, "nothing was written")
        // Through FUNDFLOW_JOURNAL it is one file, and 150万 against 89.9万 is refused (exit 1).
        let once = try run(["pay", "P01", "150万", "--date", "2019-06-01"], environment: ["FUNDFLOW_JOURNAL": "current.journal"])
        XCTAssertEqual(once.exitCode, 1, once.summary)
        // Two different files are fine.
        write(lines: ["2019-06-01 支付 P01 1.00 凭证=V2"], to: "b.journal")
        XCTAssertEqual(try run(["-f", "d.journal", "-f", "b.journal", "check"]).exitCode, 0)
    }
}
