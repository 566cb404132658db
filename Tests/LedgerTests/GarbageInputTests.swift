import TestSupport
import XCTest
@testable import Ledger

/// Hostile input: random bytes and mangled entries go through the reader and the validator
/// without a crash, and every line that is neither blank nor a comment either becomes an
/// entry or gets a diagnostic at its own line.
final class GarbageInputTests: XCTestCase {
    /// Pieces that poke at every corner of the reader.
    static let fragments: [[UInt8]] = {
        var pieces: [String] = [
            "2019-03-01", "2019-02-29", "2019-13-01", "1900-01-01", "2999-12-31", "3000-01-01", " ", "  ", "\t", "\u{3000}",
            "项目", "下达", "调减", "支付", "合同", "冲销", "结转", "收回", "计划", "设置", "封账", "pay", "allot", "seal",
            "P01", "P02", "C1", "文号=", "文号＝", "摘要=", "原凭证=", "sha256=", "计划=", "类别=", "黄线=", "零支出天数=", "=", "＝",
            "\"", "\\", "\\\"", "\"\"", "#", ";", "，", ",", "，100", "116，100", "1.2345678万", "99999999999999999999",
            "-5", "0", "0.01", "1,000", "1,23,456", "11.61万", "7.737948万", "50.094万元", "3月:30,6月:50", "6月:50,3月:30",
            "3月：30", "12月:101", "万", "元", ".5", "1.", "😀", "中文", "\u{FEFF}", "\r", "a=b=c",
        ]
        pieces += (0..<4).map { _ in String(repeating: "9", count: 30) }
        var bytes = pieces.map { Array($0.utf8) }
        bytes += [[0x00], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80], [0x80], [0x07], [0x7F], [0xD6, 0xD0]]
        return bytes
    }()

    static func garbageLine(_ random: inout SplitMix64) -> [UInt8] {
        var line: [UInt8] = []
        switch random.int(0...9) {
        case 0:
            // Pure random bytes (no line feed: lines are built by the caller).
            for _ in 0..<random.int(0...40) {
                let byte = UInt8(truncatingIfNeeded: random.next())
                line.append(byte == 0x0A ? 0x20 : byte)
            }
        case 1:
            // A valid entry with a byte flipped, inserted or deleted.
            line = Array(random.pick(validLines).utf8)
            let position = random.int(0...(line.count - 1))
            switch random.int(0...2) {
            case 0: line[position] = UInt8(truncatingIfNeeded: random.next())
            case 1: line.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            default: line.remove(at: position)
            }
            line = line.map { $0 == 0x0A ? 0x20 : $0 }
        default:
            // A soup of fragments, usually starting like an entry.
            if random.chance(70) { line += Array("2019-03-01 ".utf8) }
            for _ in 0..<random.int(0...12) {
                line += random.pick(fragments)
                if random.chance(50) { line.append(0x20) }
            }
        }
        return line
    }

    static let validLines = [
        "2019-01-01 项目 P01 办公经费 单位=局机关 计划=3月:30,12月:100 标签=基本,三公",
        "2019-01-05 下达 P01 11.61万 文号=承财社[2019]107号 类别=追加",
        "2019-02-01 支付 P01 7.737948万 凭证=记-12 合同=C1 摘要=\"a b\"",
        "2019-01-03 合同 P01 C1 50.094万元 对方=某公司 期限=2019-12-31",
        "2019-04-02 冲销 P01 100 原凭证=记-12 原日期=2019-02-01",
        "2019-12-31 结转 P01 5000 原因=未完工",
        "2019-07-02 收回 P01 400 文号=L1",
        "2019-03-01 计划 P01 6月:50,12月:100",
        "2019-03-01 设置 黄线=5 红线=12.5 零支出天数=60",
        "2019-06-30 封账 sha256=\(String(repeating: "ab", count: 32))",
        "# 注释",
    ]

    /// What the test expects of a line, worked out here without the reader.
    enum Kind { case blankOrComment, mustBeDiagnosed, entryOrDiagnosed }

    static func classify(_ line: ArraySlice<UInt8>) -> Kind {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == 0x20 || line[index] == 0x09 { index += 1; continue }
            if line[index] == 0xE3, index + 2 < line.endIndex, line[index + 1] == 0x80, line[index + 2] == 0x80 { index += 3; continue }
            break
        }
        let plainText =
            String(validating: line, as: UTF8.self) != nil
            && !line.contains { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }
        if index == line.endIndex || line[index] == UInt8(ascii: "#") || line[index] == UInt8(ascii: ";") {
            return plainText && line.count <= Limits.maxLineBytes ? .blankOrComment : .mustBeDiagnosed
        }
        // An entry starts with a date, bare or quoted.
        let first = line[index]
        if (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "\"") { return .entryOrDiagnosed }
        return .mustBeDiagnosed
    }

    func testGarbageNeverCrashesAndIsAlwaysDiagnosed() {
        let seed = testSeed("GarbageInputTests.testGarbageNeverCrashesAndIsAlwaysDiagnosed")
        var random = SplitMix64(seed: seed)
        var diagnosedLines = 0
        var entryLines = 0
        for round in 0..<60 {
            var lines: [[UInt8]] = (0..<random.int(1...60)).map { _ in Self.garbageLine(&random) }
            if round == 0 { lines.append(Array(repeating: UInt8(ascii: "x"), count: Limits.maxLineBytes + 1)) }
            var bytes: [UInt8] = random.chance(20) ? [0xEF, 0xBB, 0xBF] : []
            for (n, line) in lines.enumerated() {
                bytes += line
                if n < lines.count - 1 || random.chance(50) { bytes += random.chance(20) ? [0x0D, 0x0A] : [0x0A] }
            }

            let parsed = parseJournal(bytes: bytes)
            let journal = Validator.validate(parsed)  // must not trap

            // Split the bytes into lines here, independently of the reader.
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            var split = body.split(separator: 0x0A, omittingEmptySubsequences: false)
            if body.isEmpty || body.last == 0x0A { split.removeLast() }  // an empty file has no lines
            XCTAssertEqual(parsed.lineCounts, [split.count], "seed \(seed) round \(round)")

            let entryLineSet = Set(parsed.entries.map(\.location.line))
            let readerDiagnosed = Set(parsed.diagnostics.map(\.location.line))
            XCTAssertTrue(entryLineSet.isDisjoint(with: readerDiagnosed), "seed \(seed) round \(round): a line both read and refused")
            for (offset, raw) in split.enumerated() {
                let number = offset + 1
                var line = raw
                if line.last == 0x0D { line = line.dropLast() }
                let describe = "seed \(seed) round \(round) line \(number): \(Array(line).prefix(80))"
                switch Self.classify(line) {
                case .blankOrComment:
                    XCTAssertFalse(entryLineSet.contains(number) || readerDiagnosed.contains(number), describe)
                case .mustBeDiagnosed:
                    XCTAssertTrue(readerDiagnosed.contains(number), describe)
                    XCTAssertFalse(entryLineSet.contains(number), describe)
                case .entryOrDiagnosed:
                    XCTAssertTrue(entryLineSet.contains(number) || readerDiagnosed.contains(number), describe)
                }
                if readerDiagnosed.contains(number) { diagnosedLines += 1 }
                if entryLineSet.contains(number) { entryLines += 1 }
            }
            for diagnostic in journal.diagnostics {
                XCTAssertTrue((1...max(1, split.count)).contains(diagnostic.location.line), "seed \(seed): \(diagnostic)")
                XCTAssertGreaterThanOrEqual(diagnostic.location.column, 1, "seed \(seed): \(diagnostic)")
                XCTAssertFalse(diagnostic.message.isEmpty)
            }
            XCTAssertEqual(journal.accepted.count, parsed.entries.count)
        }
        // The generator is worth something only if it produces both kinds.
        XCTAssertGreaterThan(diagnosedLines, 100, "seed \(seed)")
        XCTAssertGreaterThan(entryLines, 0, "seed \(seed)")
    }

    /// Amount-shaped garbage straight into the amount parser: refused or exact, never a trap.
    func testRandomAmountTextsNeverTrap() {
        let seed = testSeed("GarbageInputTests.testRandomAmountTextsNeverTrap")
        var random = SplitMix64(seed: seed)
        let pieces = ["0", "1", "9", "99999", ",", ".", "-", "+", "万", "元", "，", "e", " "]
        for _ in 0..<20_000 {
            let text = (0..<random.int(0...10)).map { _ in random.pick(pieces) }.joined()
            if case .success(let fen) = Amount.parseFen(text) {
                XCTAssertTrue((1...Limits.maxAmountFen).contains(fen), "seed \(seed): “\(text)” → \(fen)")
            }
        }
    }
}
