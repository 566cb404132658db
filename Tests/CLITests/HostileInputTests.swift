import Foundation
import XCTest
import Ledger
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 5, hostile and broken input, and the security of what fundflow writes. Each case
/// gets a clear diagnostic and the right exit code (1 bad content, 2 bad command line, 3 a
/// file that cannot be read or written), no crash, and no partial write. (`RobustnessTests`
/// covers `check` on garbage, control characters, invalid UTF-8, 70 000-byte lines, amount
/// overflow and special files; `ExitCodeTests` missing files and folders. The 100 MB line and
/// the multi-gigabyte files are in `scripts/hostile-inputs.sh`.)
final class HostileInputTests: FundflowTestCase {
    let header = [
        "2019-01-01 项目 P01 一号项目",
        "2019-03-01 下达 P01 800.00 文号=A1",
    ]

    func pay(_ extra: [String] = [], amount: String = "1") -> [String] {
        ["-f", journal, "pay", "P01", amount, "--date", "2019-05-01"] + extra
    }

    func assertNoLeftovers(file: StaticString = #filePath, line: UInt = #line) {
        let strays = folderListing().filter { $0.contains(".tmp-") || $0.hasSuffix(".lock") || $0.hasSuffix(".lck") }
        XCTAssertEqual(strays, [], "no temporary or lock files may be left behind", file: file, line: line)
    }

    // MARK: Huge lines, a million attributes, broken bytes: the append is still one whole line

    func testAppendingBesideBrokenLinesWritesOneWholeLine() throws {
        var file: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(journalText(header).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        file += Array("2019-04-01 支付 P01 1 摘要=a".utf8) + [0x00] + Array("b\n".utf8)  // line 3: NUL
        file += Array("2019-04-02 支付 P01 1 摘要=".utf8) + [0xCF, 0xEE, 0xC4, 0xBF] + [0x0A]  // line 4: GBK
        file += Array("2019-04-03 pay P01 1".utf8) + Array(String(repeating: " memo=x", count: 1_000_000).utf8) + [0x0A]  // line 5: a million attributes
        file += Array("# ".utf8) + [UInt8](repeating: UInt8(ascii: "z"), count: 4 << 20) + [0x0A]  // line 6: a 4 MiB comment
        file += Array("2019-04-04 支付 P01 1.00 凭证=OK\r\n".utf8)  // line 7: fine
        writeBytes(file)

        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 1, check.summary)
        XCTAssertFalse(check.signaled)
        let lines = check.stderrLines
        XCTAssertEqual(lines.count, 4, check.summary)
        XCTAssertTrue(lines[0].hasPrefix("j.journal:3:25: 错误: 这一行含有控制字符 NUL"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("j.journal:4:24: 错误: 这一行不是有效的 UTF-8 文本"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("j.journal:5:1: 错误: 这一行有 7000020 字节，超过上限 65536 字节"), lines[2])
        XCTAssertTrue(lines[3].hasPrefix("j.journal:6:1: 错误: 这一行有 4194306 字节，超过上限 65536 字节"), lines[3])
        XCTAssertLessThan(check.stderrData.count, 4000, "diagnostics quote an excerpt, never the whole line")

        // Recording still works beside them, and writes exactly one whole LF-ended line.
        let result = try run(pay(["--voucher", "V9"]))
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertTrue(result.stderr.contains("另有 4 个早已存在的错误"), result.summary)
        XCTAssertEqual(bytes(), file + Array("2019-05-01 支付 P01 1.00 凭证=V9\n".utf8))
    }

    func testLimitsLiveInOnePlace() {
        // The named limits the diagnostics quote (Sources/Ledger/Limits.swift).
        XCTAssertEqual(Limits.maxLineBytes, 65_536)
        XCTAssertEqual(Limits.maxFieldsPerLine, 64)
        XCTAssertEqual(Limits.maxAmountFen, 10_000_000_000_000_000)
        XCTAssertLessThan(Limits.maxAmountFen, Int64.max / 100, "a hundred maximal entries still sum without overflow")
        XCTAssertGreaterThan(Limits.maxEntries, 1_000_000)
    }

    // MARK: Amounts at and past the limits

    func testAmountsAtAndPastTheLimitsOnTheCommandLine() throws {
        write(lines: ["2019-01-01 项目 P01 一号项目"])
        // Exactly Limits.maxAmountFen (10^16 分) is accepted, and can be paid in full.
        try assertAppends(
            ["-f", journal, "allot", "P01", "100000000000000", "--doc", "MAX", "--date", "2019-03-01"],
            line: "2019-03-01 下达 P01 100000000000000.00 文号=MAX")
        try assertAppends(
            ["-f", journal, "pay", "P01", "10000000000万", "--date", "2019-04-01"],
            line: "2019-04-01 支付 P01 100000000000000.00")
        let tooLarge = [
            "100000000000000.01",  // one 分 past the limit
            "10000000000000.0001万",
            "92233720368547758.07",  // Int64.max 分
            "92233720368547758.08",  // one past Int64.max
            "9223372036854775807",  // Int64.max as 元
            "9223372036854775808",
            "18446744073709551616",  // 2^64
            "922337203685477.5808万",
            String(repeating: "9", count: 5000),
        ]
        for amount in tooLarge {
            // An amount that is not an amount is a command-line error (spec §2 Exit codes).
            let result = try assertExit(
                2, ["-f", journal, "allot", "P01", amount, "--doc", "X", "--date", "2019-05-01"],
                stderrContains: "超出允许范围")
            XCTAssertFalse(result.stdout.contains("已记入"), amount)
        }
        try assertExit(2, ["-f", journal, "allot", "P01", "-9223372036854775808", "--doc", "X", "--date", "2019-05-01"])
        try assertExit(
            2, ["-f", journal, "allot", "P01", "0.000000000000000000001", "--doc", "X", "--date", "2019-05-01"],
            stderrContains: "不是整分")
        XCTAssertEqual(try ff("check").exitCode, 0)
    }

    func testAmountsAtAndPastTheLimitsInTheJournal() throws {
        let amounts = [
            "9223372036854775807", "9223372036854775808", "92233720368547758.07", "-9223372036854775808",
            "100000000000000.01", String(repeating: "1", count: 5000) + "万",
        ]
        write(lines: ["2019-01-01 项目 P01 一号项目"] + amounts.map { "2019-03-01 下达 P01 \($0) 文号=A" })
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 1, check.summary)
        XCTAssertFalse(check.signaled)
        for index in amounts.indices {
            XCTAssertTrue(check.stderrLines.contains { $0.hasPrefix("j.journal:\(index + 2):19: 错误: ") }, "line \(index + 2)\n\(check.summary)")
        }
    }

    // MARK: The command line itself

    func testArgumentsThatAreNotUTF8AreRefused() throws {
        write(lines: header)
        // GBK "项目" as a memo, and a stray 0xFF in the project: exit 2, nothing written (they
        // would otherwise reach the journal as U+FFFD replacement characters).
        for (bytes, argument) in [("\\317\\356\\304\\277", "--memo"), ("\\377", "--payee")] {
            let wrapper = try shellWrapper("set -- \"$@\" \"$(printf '\(bytes)')\"")
            let result = try runWrapped(wrapper, pay([argument]))
            XCTAssertEqual(result.exitCode, 2, result.summary)
            XCTAssertTrue(result.stderr.contains("第 9 个参数不是有效的 UTF-8 文本"), result.summary)
            XCTAssertEqual(text(), journalText(header))
        }
    }

    // MARK: Files that cannot be read or written

    /// Runs fundflow as the unprivileged user `nobody` (root reads and writes anything).
    func asNobody(_ arguments: [String]) throws -> RunResult {
        guard geteuid() == 0 else { throw XCTSkip("not root: ExitCodeTests covers permissions directly") }
        guard let setpriv = systemTool("setpriv") else { throw XCTSkip("setpriv not found") }
        chmod(directory.path, 0o755)
        return try runWrapped([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"], arguments)
    }

    func testUnreadableAndUnwritableFilesAsAnOrdinaryUser() throws {
        write(lines: header)
        chmod(path(journal), 0o644)  // root's file: nobody may read it, not write it
        let readOnly = try asNobody(pay())
        XCTAssertEqual(readOnly.exitCode, 3, readOnly.summary)
        XCTAssertTrue(readOnly.stderr.hasPrefix("j.journal: 错误: 没有权限读写“j.journal”"), readOnly.summary)
        XCTAssertEqual(try asNobody(["-f", journal, "check"]).exitCode, 0)

        chmod(path(journal), 0o000)
        for arguments in [["-f", journal, "check"], pay(), ["-f", journal, "report", "monthly", "--month", "2019-05"]] {
            let result = try asNobody(arguments)
            XCTAssertEqual(result.exitCode, 3, result.summary)
            XCTAssertTrue(result.stderr.contains("没有权限读写“j.journal”：请检查文件权限"), result.summary)
            XCTAssertEqual(result.stdout, "")
        }
        chmod(path(journal), 0o644)
        XCTAssertEqual(text(), journalText(header))

        // A new journal in a folder nobody may write to.
        try FileManager.default.createDirectory(at: url("locked"), withIntermediateDirectories: false)
        chmod(path("locked"), 0o555)
        let create = try asNobody(["-f", "locked/new.journal", "project", "P01", "名称", "--date", "2019-01-01"])
        XCTAssertEqual(create.exitCode, 3, create.summary)
        XCTAssertTrue(create.stderr.contains("没有权限"), create.summary)
        XCTAssertEqual(folderListing("locked"), [])
    }

    func testFileOverTheSizeLimitIsRefusedWithoutReadingIt() throws {
        // A sparse file one byte over Limits.maxFileBytes: refused from its size, at once.
        write(lines: header)
        let descriptor = open(path(journal), O_WRONLY)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        let size = off_t(Limits.maxFileBytes) + 1
        guard ftruncate(descriptor, size) == 0 else { close(descriptor); throw XCTSkip("no sparse files here") }
        close(descriptor)
        let started = Date()
        for arguments in [["-f", journal, "check"], pay(), ["-f", journal, "status", "--as-of", "2019-05-01"]] {
            let result = try run(arguments)
            XCTAssertEqual(result.exitCode, 3, result.summary)
            XCTAssertTrue(result.stderr.contains("超过上限 \(Limits.maxFileBytes) 字节：请按年度拆分日记账"), result.summary)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the size alone must refuse it, without reading 4 GiB")
        var info = stat()
        XCTAssertEqual(stat(path(journal), &info), 0)
        XCTAssertEqual(info.st_size, size, "nothing may be appended")
    }

    // MARK: A write that fails halfway: the file-size limit and a full disk

    func testFileSizeLimitHalfwayThroughALineLeavesTheJournalByteIdentical() throws {
        // `ulimit -f 2` lets the kernel write the line up to 2048 bytes and then fail it. (Before
        // the fix SIGXFSZ killed fundflow right there, leaving a torn line of 1900-odd bytes.)
        write(lines: header)
        let before = bytes()
        let limited = try shellWrapper("ulimit -f 2")
        let memo = String(repeating: "长", count: 1000)  // 3000 bytes
        let result = try runWrapped(limited, pay(["--memo", memo]))
        XCTAssertFalse(result.signaled, "fundflow must not die of SIGXFSZ\n\(result.summary)")
        XCTAssertEqual(result.exitCode, 3, result.summary)
        XCTAssertTrue(result.stderr.hasPrefix("j.journal: 错误: “j.journal”将超过系统允许的单个文件大小上限（ulimit -f）"), result.summary)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(bytes() == before, "the partial write must be cut back")
        // A new journal: no file left behind.
        let fresh = try runWrapped(limited, ["-f", "new.journal", "project", "P01", memo, "--date", "2019-01-01"])
        XCTAssertEqual(fresh.exitCode, 3, fresh.summary)
        XCTAssertFalse(exists("new.journal"))
        // A report: the old file stays, no temporary file is left.
        write("旧报表\n", to: "r.html")
        let report = try runWrapped(try shellWrapper("ulimit -f 1"), ["-f", journal, "report", "monthly", "--month", "2019-05", "--format", "html", "-o", "r.html"])
        XCTAssertEqual(report.exitCode, 3, report.summary)
        XCTAssertEqual(text("r.html"), "旧报表\n")
        assertNoLeftovers()
        // And with the limit lifted the same payment goes through.
        XCTAssertEqual(try run(pay(["--memo", memo])).exitCode, 0)
    }

    func testFullDiskLeavesTheJournalByteIdentical() throws {
        guard geteuid() == 0, let mount = systemTool("mount"), let umount = systemTool("umount") else {
            throw XCTSkip("needs root to mount a small tmpfs; scripts/hostile-inputs.sh has the same check")
        }
        let folder = url("full")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let mounting = Process()
        mounting.executableURL = URL(fileURLWithPath: mount)
        mounting.arguments = ["-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", folder.path]
        mounting.standardError = FileHandle.nullDevice
        try mounting.run()
        mounting.waitUntilExit()
        guard mounting.terminationStatus == 0 else { throw XCTSkip("mount -t tmpfs is not permitted here") }
        defer {
            let unmounting = Process()
            unmounting.executableURL = URL(fileURLWithPath: umount)
            unmounting.arguments = [folder.path]
            try? unmounting.run()
            unmounting.waitUntilExit()
        }

        write(lines: header, to: "full/j.journal")
        write("旧报表\n", to: "full/r.html")
        // Fill the disk to the last byte.
        let filler = open(path("full/filler"), O_WRONLY | O_CREAT, 0o644)
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ Glibc.write(filler, $0.baseAddress!, 4096) }) > 0 {}
        while block.withUnsafeBytes({ Glibc.write(filler, $0.baseAddress!, 1) }) > 0 {}
        close(filler)
        let before = bytes("full/j.journal")

        // The line fits partly in the journal's last page, then the disk is full: cut back.
        let memo = String(repeating: "m", count: 6000)
        let result = try run(["-f", "full/j.journal", "pay", "P01", "1", "--memo", memo, "--date", "2019-05-01"])
        XCTAssertEqual(result.exitCode, 3, result.summary)
        XCTAssertTrue(
            result.stderr.hasPrefix("full/j.journal: 错误: 磁盘空间不足，无法写入“full/j.journal”：请清理磁盘后重试（日记账未被改动）"),
            result.summary)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(bytes("full/j.journal") == before, "the journal must be byte-identical")

        let fresh = try run(["-f", "full/new.journal", "project", "P01", "名称", "--date", "2019-01-01"])
        XCTAssertEqual(fresh.exitCode, 3, fresh.summary)
        XCTAssertTrue(fresh.stderr.contains("磁盘空间不足"), fresh.summary)

        let report = try run(["-f", "full/j.journal", "report", "monthly", "--month", "2019-05", "--format", "html", "-o", "full/r.html"])
        XCTAssertEqual(report.exitCode, 3, report.summary)
        XCTAssertTrue(report.stderr.contains("磁盘空间不足"), report.summary)
        XCTAssertEqual(text("full/r.html"), "旧报表\n")
        XCTAssertEqual(folderListing("full"), ["filler", "j.journal", "r.html"], "no new journal, no temporary file")

        // Space freed: the same payment goes through and check is clean.
        unlink(path("full/filler"))
        XCTAssertEqual(try run(["-f", "full/j.journal", "pay", "P01", "1", "--memo", memo, "--date", "2019-05-01"]).exitCode, 0)
        XCTAssertEqual(try run(["-f", "full/j.journal", "check"]).exitCode, 0)
    }

    // MARK: Security: modes, the lock, -o

    func testCreatedFilesAreNotWorldWritableEvenWithUmaskZero() throws {
        let umaskZero = try shellWrapper("umask 0")
        let created = try runWrapped(umaskZero, ["-f", journal, "project", "P01", "一号项目", "--date", "2019-01-01"])
        XCTAssertEqual(created.exitCode, 0, created.summary)
        XCTAssertEqual(fileMode(journal).map { $0 & 0o7777 }, 0o644, "a created journal is rw-r--r--")
        XCTAssertEqual(try runWrapped(umaskZero, ["-f", journal, "allot", "P01", "1", "--doc", "A", "--date", "2019-03-01"]).exitCode, 0)
        let report = try runWrapped(umaskZero, ["-f", journal, "report", "monthly", "--month", "2019-03", "--format", "html", "-o", "r.html"])
        XCTAssertEqual(report.exitCode, 0, report.summary)
        XCTAssertEqual(fileMode("r.html").map { $0 & 0o7777 }, 0o644, "a report file is rw-r--r--")
    }

    func testTheLockIsTheJournalItselfAndNoLockFileExists() throws {
        write(lines: header)
        // Plant symlinks where a lock file might be looked for: none is ever opened.
        write("不可改动\n", to: "victim.txt")
        for name in ["j.journal.lock", ".j.journal.lock", "j.journal.lck", "fundflow.lock", ".fundflow.lock"] {
            XCTAssertEqual(symlink("victim.txt", path(name)), 0)
        }
        // Hold flock on the journal itself: a writer must wait for it.
        let held = open(path(journal), O_RDONLY)
        XCTAssertGreaterThanOrEqual(held, 0)
        XCTAssertEqual(flock(held, LOCK_EX), 0)
        let writer = try RunningFundflow(pay(["--voucher", "WAIT"]), directory: directory)
        Thread.sleep(forTimeInterval: 0.8)
        XCTAssertTrue(writer.process.isRunning, "the writer must wait for the journal's own lock")
        XCTAssertEqual(text(), journalText(header))
        flock(held, LOCK_UN)
        close(held)
        let result = writer.finish()
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(text(), journalText(header + ["2019-05-01 支付 P01 1.00 凭证=WAIT"]))
        XCTAssertEqual(text("victim.txt"), "不可改动\n")
        XCTAssertEqual(
            folderListing(), [".fundflow.lock", ".j.journal.lock", "fundflow.lock", "j.journal", "j.journal.lck", "j.journal.lock", "victim.txt"],
            "fundflow creates no file but the journal")
    }

    func testReportOutputCannotBeRedirectedToClobberAnotherFile() throws {
        write(lines: header)
        write("不可改动\n", to: "victim.txt")
        write("也不可改动\n", to: "victim2.txt")
        XCTAssertEqual(symlink("victim.txt", path("r.html")), 0)  // -o names a planted symlink
        XCTAssertEqual(link(path("victim2.txt"), path("h.html")), 0)  // -o names a planted hard link
        for name in ["r.html", "h.html"] {
            let result = try ff("report", "monthly", "--month", "2019-05", "--format", "html", "-o", name)
            XCTAssertEqual(result.exitCode, 0, result.summary)
            XCTAssertEqual(fileMode(name).map { $0 & S_IFMT }, S_IFREG, "\(name) is replaced by a regular file")
            XCTAssertTrue(text(name).hasPrefix("<!DOCTYPE html>"))
        }
        XCTAssertEqual(text("victim.txt"), "不可改动\n")
        XCTAssertEqual(text("victim2.txt"), "也不可改动\n")
        // -o naming a folder: exit 2 (spec §2: exists and is not a regular file), the folder untouched.
        try FileManager.default.createDirectory(at: url("out"), withIntermediateDirectories: false)
        let folder = try ff("report", "monthly", "--month", "2019-05", "-o", "out")
        XCTAssertEqual(folder.exitCode, 2, folder.summary)
        XCTAssertTrue(folder.stderr.contains("是一个文件夹"), folder.summary)
        XCTAssertEqual(folderListing("out"), [])
        assertNoLeftovers()
    }

    // MARK: Security: journal strings in HTML and CSV

    func hostileJournal() throws {
        let commands: [[String]] = [
            ["set", "--org", "<script>alert('org')</script>", "--date", "2019-01-01"],
            ["project", "P01", "<script>alert(1)</script>", "--unit", "</style><b x=\"1\">", "--date", "2019-01-01"],
            ["project", "P02", "x\" onmouseover=\"alert(2)", "--unit", "'><img src=x onerror=alert(3)>", "--date", "2019-01-01"],
            ["project", "P03", "=cmd|' /C calc'!A0", "--unit", "+1+2", "--date", "2019-01-01"],
            ["project", "P04", "@SUM(A1:A9)", "--unit", "-2+3", "--date", "2019-01-01"],
            ["allot", "P01", "100", "--doc", "A1", "--date", "2019-03-01"],
            ["allot", "P02", "100", "--doc", "A2", "--date", "2019-03-01"],
            ["allot", "P03", "100", "--doc", "A3", "--date", "2019-03-01"],
            ["allot", "P04", "100", "--doc", "A4", "--date", "2019-03-01"],
            ["pay", "P03", "10", "--payee", "=HYPERLINK(\"http://x\")", "--date", "2019-04-01"],
        ]
        for command in commands {
            let result = try run(["-f", journal] + command)
            XCTAssertEqual(result.exitCode, 0, "\(command)\n\(result.summary)")
        }
        XCTAssertEqual(try ff("check").exitCode, 0)
    }

    func testHTMLReportsEscapeEveryJournalString() throws {
        try hostileJournal()
        for (arguments, name) in [
            (["report", "monthly", "--month", "2019-06"], "m.html"), (["report", "carryover", "--year", "2019"], "c.html"),
            (["status", "--as-of", "2019-06-30"], "s.html"),
        ] {
            let result = try run(["-f", journal] + arguments + ["--format", "html", "-o", name])
            XCTAssertEqual(result.exitCode, 0, result.summary)
            let html = text(name), lower = html.lowercased()
            XCTAssertFalse(lower.contains("<script"), "\(name): no script element may come from the journal")
            XCTAssertFalse(lower.contains("<img"), name)
            XCTAssertFalse(lower.contains("<b x"), name)
            XCTAssertFalse(html.contains("\" onmouseover=\""), "\(name): no attribute may be injected")
            XCTAssertEqual(lower.components(separatedBy: "</style").count - 1, 1, "\(name): only the report's own </style>")
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(name): the name is shown, escaped")
            XCTAssertTrue(html.contains("&lt;/style&gt;&lt;b x=&quot;1&quot;&gt;"), name)
        }
    }

    /// RFC 4180 fields of a CSV document (BOM and CRLF as the renderer writes them).
    func csvFields(_ text: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false, wasQuoted = false
        var characters = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true; wasQuoted = true
            } else if c == "," || c == "\r\n" || c == "\n" {
                if !field.isEmpty || wasQuoted { fields.append(field) }
                field = ""; wasQuoted = false
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty { fields.append(field) }
        return fields
    }

    func testCSVReportsNeutraliseFormulas() throws {
        try hostileJournal()
        let number = try NSRegularExpression(pattern: #"^-?[0-9][0-9,]*(\.[0-9]+)?%?$"#)
        for arguments in [
            ["report", "monthly", "--month", "2019-06", "--format", "csv", "-o", "m.csv"],
            ["report", "carryover", "--year", "2019", "--format", "csv", "-o", "c.csv"],
            ["status", "--as-of", "2019-06-30", "--csv", "-o", "s.csv"],
        ] {
            let result = try run(["-f", journal] + arguments)
            XCTAssertEqual(result.exitCode, 0, result.summary)
            let csv = text(arguments.last!)
            let fields = csvFields(csv)
            XCTAssertGreaterThan(fields.count, 10)
            for field in fields {
                guard let first = field.first, "=+-@\t\r".contains(first) else { continue }
                let range = NSRange(field.startIndex..., in: field)
                XCTAssertNotNil(number.firstMatch(in: field, range: range), "\(arguments.joined(separator: " ")): a cell Excel would run: \(field)")
            }
            XCTAssertTrue(fields.contains("'=cmd|' /C calc'!A0"), "\(arguments.joined(separator: " ")): the name is kept, neutralised")
        }
    }
}
