import TestSupport
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hostile input: `check` must never crash, whatever bytes the journal holds, and must say
/// what is wrong where. Every line `check` writes to stderr is a diagnostic.
final class RobustnessTests: FundflowTestCase {
    /// `FILE:LINE:COL: 错误|警告: …`
    func isDiagnostic(_ line: String, file: String) -> Bool {
        guard line.hasPrefix(file + ":") else { return false }
        let rest = line.dropFirst(file.count + 1)
        let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let lineNumber = Int(parts[0]), lineNumber >= 1, let column = Int(parts[1]), column >= 1 else { return false }
        return parts[2].hasPrefix(" 错误: ") || parts[2].hasPrefix(" 警告: ")
    }

    /// Runs `check`, asserts it ended by exit(0|1) with consistent output, returns it.
    @discardableResult
    func checkSurvives(_ context: String, file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        let result = try ff("check", "--all")  // every diagnostic, each line checked below
        XCTAssertFalse(result.signaled, "check crashed or hung on \(context)\n\(result.summary)", file: file, line: line)
        XCTAssertTrue(result.exitCode == 0 || result.exitCode == 1, "check must exit 0 or 1 on \(context)\n\(result.summary)", file: file, line: line)
        let lines = result.stderrLines
        for text in lines where !isDiagnostic(text, file: journal) {
            XCTFail("stderr line is not a diagnostic (\(context)): \(text.prefix(200))", file: file, line: line)
            break
        }
        // Never echo raw control characters back to the terminal.
        XCTAssertFalse(
            result.stderrData.contains { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F },
            "control bytes in stderr (\(context))", file: file, line: line)
        let errors = lines.filter { $0.contains(": 错误: ") }.count
        XCTAssertEqual(result.exitCode, errors > 0 ? 1 : 0, "exit code must follow the errors (\(context))", file: file, line: line)
        return result
    }

    // MARK: Random files

    func testRandomGarbageNeverCrashesCheck() throws {
        let seed = ProcessInfo.processInfo.environment["FUNDFLOW_FUZZ_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max)
        print("RobustnessTests fuzz seed: \(seed)  (rerun with FUNDFLOW_FUZZ_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        let valid = journalText([
            "2019-01-01 设置 单位名称=测试 默认计划=6月:50,12月:100",
            "2019-01-01 项目 P01 \"一号 项目\" 单位=局机关 标签=三公",
            "2019-03-01 下达 P01 100000.00 文号=A1 类别=追加",
            "2019-04-01 合同 P01 HT1 30000.00 期限=2019-12-31",
            "2019-04-10 支付 P01 20000.00 凭证=V1 合同=HT1 摘要=\"a \\\"b\\\"\"",
            "2019-05-01 冲销 P01 100.00 原凭证=V1",
            "2019-05-02 调减 P01 1000.00 文号=R1",
            "2019-06-01 收回 P01 100.00",
            "2019-12-31 结转 P01 10000.00",
        ])
        let pieces: [[UInt8]] =
            [
                "2019-01-01", "2019-02-30", "2019-12-31", "9999-99-99", " ", "\t", "\u{3000}", "\n", "\r\n", "\r", "\u{FEFF}",
                "项目", "下达", "调减", "支付", "合同", "冲销", "结转", "收回", "计划", "设置", "封账", "pay", "allot",
                "P01", "P02", "HT1", "V1", "100", "1.5万", "116,100.00元", "-5", "0", "99999999999999999999", "1.2345678万",
                "文号=", "凭证=", "合同=", "原凭证=", "sha256=", "计划=", "3月:30,12月:100", "=", "\"", "\\", "\\\"", "＝", "，",
                "#", ";", "万", "元", "é", "😀",
            ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0x80], [0x1B], [0x7F]]

        for round in 0..<40 {
            var file: [UInt8] = []
            switch round % 4 {
            case 0:  // raw random bytes
                let count = Int(random.next() % 3000)
                file = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            case 1:  // journal-ish token soup
                for _ in 0..<Int(random.next() % 400) { file += pieces[Int(random.next() % UInt64(pieces.count))] }
            case 2:  // a valid journal, mutated
                file = Array(valid.utf8)
                for _ in 0..<(1 + Int(random.next() % 8)) where !file.isEmpty {
                    let at = Int(random.next() % UInt64(file.count))
                    switch random.next() % 4 {
                    case 0: file[at] = UInt8(truncatingIfNeeded: random.next())
                    case 1: file.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: at)
                    case 2: file.remove(at: at)
                    default: file = Array(file.prefix(at))
                    }
                }
            default:  // BOM, CRLF, a huge line, NULs
                file = [0xEF, 0xBB, 0xBF] + Array(valid.replacingOccurrences(of: "\n", with: "\r\n").utf8)
                let hugeLength = 60_000 + Int(random.next() % 20_000)
                // Mostly letters, some stray bytes (NUL, CR, lone UTF-8 leads), never a newline.
                let huge: [UInt8] = (0..<hugeLength).map { _ in
                    let byte = pieces[Int(random.next() % UInt64(pieces.count))].first ?? 0x20
                    return random.next() % 50 == 0 && byte != 0x0A ? byte : UInt8(ascii: "x")
                }
                let at = Int(random.next() % UInt64(file.count))
                file.insert(contentsOf: [0x0A] + huge + [0x00, 0x0A], at: at)
            }
            writeBytes(file)
            let context = "seed \(seed) round \(round) (\(file.count) bytes)"
            try checkSurvives(context)

            // Recording on the same garbage: exit 0 or 1, and a refusal changes nothing.
            if round % 5 == 0 {
                let result = try ff("pay", "P01", "1", "--date", "2019-07-01")
                XCTAssertFalse(result.signaled, "pay crashed on \(context)\n\(result.summary)")
                XCTAssertTrue(result.exitCode == 0 || result.exitCode == 1, "pay on \(context)\n\(result.summary)")
                let after = bytes() ?? []
                if result.exitCode == 1 {
                    XCTAssertEqual(after, file, "a refused payment changed the journal (\(context))")
                } else {
                    let mended = file.last == nil || file.last == 0x0A ? file : file + [0x0A]
                    XCTAssertEqual(after, mended + Array("2019-07-01 支付 P01 1.00\n".utf8), context)
                }
            }
        }
    }

    // MARK: Hand-made hostile files

    func assertDiagnostic(_ bytes: [UInt8], _ prefix: String, exit code: Int32 = 1, file: StaticString = #filePath, line: UInt = #line) throws {
        writeBytes(bytes)
        let result = try checkSurvives(prefix, file: file, line: line)
        XCTAssertEqual(result.exitCode, code, result.summary, file: file, line: line)
        XCTAssertTrue(
            result.stderrLines.contains { $0.hasPrefix(prefix) }, "expected a line starting with “\(prefix)”\n\(result.summary)",
            file: file, line: line)
    }

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func testControlCharacters() throws {
        try assertDiagnostic(bytes("2019-01-01 项目 P01 A\0B\n"), "j.journal:1:20: 错误: 这一行含有控制字符 NUL 字符（\\0）")
        try assertDiagnostic(bytes("2019-01-01 项目 P01 A\rB\n"), "j.journal:1:20: 错误: 这一行含有控制字符 回车符")
        try assertDiagnostic(bytes("2019-01-01 项目 P01 \u{1B}[31m\n"), "j.journal:1:19: 错误: 这一行含有控制字符 0x1B")
        try assertDiagnostic(bytes("2019-01-01 项目 P01 x\u{7F}\n"), "j.journal:1:20: 错误: 这一行含有控制字符 0x7F")
    }

    func testInvalidUTF8() throws {
        let prefix = bytes("2019-01-01 项目 P01 ")
        try assertDiagnostic(prefix + [0xFF] + bytes("\n"), "j.journal:1:19: 错误: 这一行不是有效的 UTF-8 文本")
        try assertDiagnostic(prefix + [0xC0, 0xAF] + bytes("\n"), "j.journal:1:19: 错误: 这一行不是有效的 UTF-8 文本")  // overlong "/"
        try assertDiagnostic(prefix + [0xED, 0xA0, 0x80] + bytes("\n"), "j.journal:1:19: 错误: 这一行不是有效的 UTF-8 文本")  // a surrogate
        try assertDiagnostic(prefix + [0xF4, 0x90, 0x80, 0x80] + bytes("\n"), "j.journal:1:19: 错误: 这一行不是有效的 UTF-8 文本")  // > U+10FFFF
        try assertDiagnostic(prefix + [0xE4, 0xB8], "j.journal:1:19: 错误: 这一行不是有效的 UTF-8 文本")  // cut short at EOF
        // "项目" in GBK, as Excel exports it; the second line is named, the first is fine.
        try assertDiagnostic(
            bytes("# 注释\n2019-01-01 ") + [0xCF, 0xEE, 0xC4, 0xBF] + bytes(" P01 x\n"),
            "j.journal:2:12: 错误: 这一行不是有效的 UTF-8 文本")
    }

    func testInvalidUTF8InAComment() throws {
        // §1: "invalid UTF-8 is an error naming the line" — comments are lines too.
        try assertDiagnostic(bytes("# ") + [0xCF, 0xEE, 0xC4, 0xBF] + bytes("\n"), "j.journal:1:3: 错误: 这一行不是有效的 UTF-8 文本")
    }

    func testHugeLines() throws {
        try assertDiagnostic(
            Array(repeating: UInt8(ascii: "a"), count: 70_000) + [0x0A],
            "j.journal:1:1: 错误: 这一行有 70000 字节，超过上限 65536 字节")
        // Exactly at the limit is not "too long" (it is just not an entry).
        writeBytes(bytes("#") + Array(repeating: UInt8(ascii: "a"), count: 65_535) + [0x0A])
        let atLimit = try checkSurvives("65536-byte comment")
        XCTAssertEqual(atLimit.exitCode, 0, atLimit.summary)
        let fields = "2019-01-01 支付 P01 1" + String(repeating: " 摘要=x", count: 70)
        try assertDiagnostic(bytes(fields + "\n"), "j.journal:1:")
        let result = try ff("check")
        XCTAssertTrue(result.stderr.contains("字段超过 64 个"), result.summary)
    }

    func testBOMAndCRLF() throws {
        try assertDiagnostic(bytes("\u{FEFF}2019-01-01 支付 P09 1\r\n"), "j.journal:1:15: 错误: 未知的项目“P09”")
        // A BOM anywhere but the start is not a blank: the line does not start with a date.
        try assertDiagnostic(bytes("2019-01-01 项目 P01 x\n\u{FEFF}2019-01-01 项目 P02 y\n"), "j.journal:2:1: 错误: 每行分录应以日期开头")
        writeBytes(bytes("\u{FEFF}2019-01-01 项目 P01 x\r\n2019-03-01 下达 P01 1 文号=A\r\n"))
        XCTAssertEqual(try checkSurvives("BOM+CRLF").exitCode, 0)
    }

    func testTokenizerTraps() throws {
        try assertDiagnostic(bytes("2019-01-01 项目 P01 \"abc\n"), "j.journal:1:19: 错误: 引号没有闭合")
        try assertDiagnostic(bytes("2019-01-01 项目 P01 \"a\\q\"\n"), "j.journal:1:21: 错误: 引号内只能用")
        try assertDiagnostic(bytes("2019-01-01 项目 P01 \"a\"b\n"), "j.journal:1:22: 错误: 右引号后应有空格")
        try assertDiagnostic(bytes("2019-01-01 项目 P01 a\"b\n"), "j.journal:1:20: 错误: 引号只能出现在值的开头和结尾")
        try assertDiagnostic(bytes("=\n"), "j.journal:1:1: 错误: “=”前缺少键名")
        try assertDiagnostic(bytes("2019-01-01 支付 P01 1 摘要=\n"), "j.journal:1:24: 错误: 键“摘要”缺少值")
        try assertDiagnostic(bytes("2019-01-01 支付 P01 1 摘要=a=b\n"), "j.journal:1:25: 错误: 值中含有“=”")
        try assertDiagnostic(bytes("1899-12-31 项目 P01 x\n"), "j.journal:1:1: 错误: 日期“1899-12-31”不存在")
        try assertDiagnostic(bytes("2019-01-01\n"), "j.journal:1:11: 错误: 日期后缺少动词")
    }

    func testAmountLimitsAndOverflow() throws {
        // One entry may carry at most 10^16 分 (100,000,000,000,000.00 元).
        try assertDiagnostic(
            bytes("2019-01-01 项目 P01 x\n2019-01-02 下达 P01 100000000000000.01 文号=A\n"),
            "j.journal:2:19: 错误: 金额“100000000000000.01”超出允许范围")
        // 922 × 10^16 分 fit in Int64 (max ≈ 9.223 × 10^18); the 923rd allotment (line 924)
        // and every one after it overflow the running total: an error, never a trap.
        var lines = ["2019-01-01 项目 P01 x"]
        for index in 1...1000 { lines.append("2019-03-01 下达 P01 100000000000000.00 文号=A\(index)") }
        write(lines: lines)
        let result = try checkSurvives("1000 maximal allotments")
        XCTAssertEqual(result.exitCode, 1, result.summary)
        let errors = result.stderrLines
        XCTAssertEqual(errors.count, 1000 - 922, result.stdout)
        XCTAssertTrue(errors.first?.hasPrefix("j.journal:924:19: 错误: 累计金额超出可表示的范围") == true, errors.first ?? "")
        XCTAssertTrue(errors.last?.hasPrefix("j.journal:1001:19: 错误: 累计金额超出可表示的范围") == true, errors.last ?? "")
        // Recording on top of it refuses cleanly.
        try assertRefused(
            ["-f", journal, "allot", "P01", "100000000000000", "--doc", "B", "--date", "2019-03-02"],
            diagnostics: ["fundflow: 错误: 本笔下达：累计金额超出可表示的范围"])
    }

    func testSpecialFilesAreRefusedPromptly() throws {
        // A symlink loop.
        XCTAssertEqual(symlink("loop.journal", path("loop.journal")), 0)
        let loop = try run(["-f", "loop.journal", "check"])
        XCTAssertEqual(loop.exitCode, 3, loop.summary)
        // A named pipe (FIFO) with no writer: must be refused as "not a regular file", not
        // block forever waiting for a writer.
        XCTAssertEqual(mkfifo(path("fifo.journal"), 0o644), 0)
        for arguments in [
            ["-f", "fifo.journal", "check"], ["-f", "fifo.journal", "pay", "P01", "1", "--date", "2019-05-01"],
            ["-f", "fifo.journal", "-f", journal, "pay", "P01", "1", "--date", "2019-05-01"],
        ] {
            let result = try RunningFundflow(arguments, directory: directory, timeout: 3).finish()
            XCTAssertFalse(result.signaled, "fundflow \(arguments.joined(separator: " ")) hung on a FIFO and was killed")
            XCTAssertEqual(result.exitCode, 3, result.summary)
        }
    }
}
