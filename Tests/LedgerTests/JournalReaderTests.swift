import XCTest
@testable import Ledger

/// The reader's diagnostics: each code at its line and column (columns in characters),
/// comments, blank lines, BOM and CRLF, and that every bad line of a file is reported.
final class JournalReaderTests: XCTestCase {
    private let hex = String(repeating: "0123456789abcdef", count: 4)

    /// A one-line journal that must be refused with exactly `expected` (all on line 1).
    private func assertLine(
        _ line: String, _ expected: [(column: Int, code: String)],
        file: StaticString = #filePath, lineNumber: UInt = #line
    ) {
        assertBytes(Array((line + "\n").utf8), expected, file: file, lineNumber: lineNumber)
    }

    private func assertBytes(
        _ bytes: [UInt8], _ expected: [(column: Int, code: String)],
        file: StaticString = #filePath, lineNumber: UInt = #line
    ) {
        let parsed = parseJournal(bytes: bytes)
        XCTAssertTrue(parsed.entries.isEmpty, "a refused line must not become an entry", file: file, line: lineNumber)
        assertErrors(parsed.diagnostics, expected.map { Spot(1, $0.column, $0.code) }, file: file, line: lineNumber)
    }

    // Column landmarks used below, for lines starting "2019-03-01 支付 P01 5 …":
    // date 1–10, blank 11, verb 12–13, blank 14, first positional 15, second positional 19
    // (after a 3-character project ID), next field 21 (after a 1-character amount).

    func testBadDate() {
        assertLine("2019-02-29 支付 P01 5", [(1, "bad-date")])
        assertLine("20190301 支付 P01 5", [(1, "bad-date")])
        assertLine("支付 P01 5", [(1, "bad-date")])
        assertLine("  2019-13-01 支付 P01 5", [(3, "bad-date")])
        // 合同(12–13) P01(15–17) C1(19–20) 5(22) 期限=(24)
        assertLine("2019-03-01 合同 P01 C1 5 期限=2019-13-01", [(24, "bad-date")])
        // 冲销 P01 5 原凭证=V1(21–26) 原日期=(28)
        assertLine("2019-03-01 冲销 P01 5 原凭证=V1 原日期=2019-02-30", [(28, "bad-date")])
    }

    func testMissingVerb() {
        assertLine("2019-03-01", [(11, "missing-verb")])
        assertLine("2019-03-01 文号=X", [(12, "missing-verb")])
    }

    func testUnknownVerb() {
        assertLine("2019-03-01 付款 P01 5", [(12, "unknown-verb")])
        assertLine("2019-03-01 Pay P01 5", [(12, "unknown-verb")])  // aliases are lower case
        assertLine("　2019-03-01 付款 P01 5", [(13, "unknown-verb")])  // the full-width indent counts as one column
        let parsed = parseJournal("2019-03-01 支村 P01 5\n")
        XCTAssertTrue(parsed.diagnostics.first?.message.contains("是不是“支付”") ?? false, "did-you-mean suggestion")
    }

    func testUnknownKey() {
        assertLine("2019-03-01 支付 P01 5 颜色=红", [(21, "unknown-key")])
        // 文号 is a key, but not one 支付 takes.
        assertLine("2019-03-01 支付 P01 5 文号=X", [(21, "unknown-key")])
        assertLine("2019-03-01 pay P01 5 doc=X", [(22, "unknown-key")])  // "pay" is 3 columns: 12–14
        // 计划 takes no keys: 12月:100 is 7 characters (19–25), 摘要 at 27.
        assertLine("2019-03-01 计划 P01 12月:100 摘要=x", [(27, "unknown-key")])
        assertLine("2019-03-01 封账 sha256=\(hex) 摘要=x", [(15 + 7 + 64 + 1, "unknown-key")])
        assertLine("2019-03-01 设置 原因=x", [(15, "unknown-key"), (12, "missing-key")])
        let message = parseJournal("2019-03-01 支付 P01 5 文号=X\n").diagnostics.first?.message ?? ""
        XCTAssertTrue(message.contains("不接受键“文号”"), message)
    }

    func testDuplicateKey() {
        // 摘要=a (21–24), memo=b at 26
        assertLine("2019-03-01 支付 P01 5 摘要=a memo=b", [(26, "duplicate-key")])
        assertLine("2019-03-01 支付 P01 5 凭证=a 凭证=b", [(26, "duplicate-key")])
    }

    func testMissingField() {
        assertLine("2019-03-01 项目 P01", [(15, "missing-field")])
        assertLine("2019-03-01 支付", [(12, "missing-field")])
        assertLine("2019-03-01 下达 P01 文号=A", [(15, "missing-field")])
        assertLine("2019-03-01 合同 P01 5", [(19, "missing-field")])
        assertLine("2019-03-01 计划 P01", [(15, "missing-field")])
    }

    func testExtraField() {
        assertLine("2019-03-01 支付 P01 5 6", [(21, "extra-field")])
        // 项目 P01 办公(19–20) 经费(22)
        assertLine("2019-03-01 项目 P01 办公 经费", [(22, "extra-field")])
        assertLine("2019-03-01 封账 abc sha256=\(hex)", [(15, "extra-field")])
        assertLine("2019-03-01 设置 abc 黄线=5", [(15, "extra-field")])
    }

    func testMissingRequiredKey() {
        assertLine("2019-03-01 下达 P01 5", [(12, "missing-key")])  // 文号
        assertLine("2019-03-01 allot P01 5", [(12, "missing-key")])
        assertLine("2019-03-01 调减 P01 5 摘要=x", [(12, "missing-key")])  // 文号
        assertLine("2019-03-01 冲销 P01 5 凭证=V2", [(12, "missing-key")])  // 原凭证
        assertLine("2019-03-01 封账", [(12, "missing-key")])  // sha256
        assertLine("2019-03-01 设置", [(12, "missing-key")])  // at least one setting
        let message = parseJournal("2019-03-01 下达 P01 5\n").diagnostics.first?.message ?? ""
        XCTAssertTrue(message.contains("文号="), message)
    }

    func testBadAmount() {
        assertLine("2019-03-01 支付 P01 1.2345678万", [(19, "bad-amount")])
        assertLine("2019-03-01 支付 P01 -5", [(19, "bad-amount")])
        assertLine("2019-03-01 支付 P01 0", [(19, "bad-amount")])
        assertLine("2019-03-01 支付 P01 116，100", [(19, "bad-amount")])
        assertLine("2019-03-01 支付 P01 99999999999999999999", [(19, "bad-amount")])
        assertLine("2019-03-01 合同 P01 C1 abc", [(22, "bad-amount")])
        let messages = ["-5": "必须大于零", "116，100": "全角逗号", "1,23,456": "千分位", "1.234": "整分", "99999999999999999999": "超出"]
        for (text, phrase) in messages {
            let message = parseJournal("2019-03-01 支付 P01 \(text)\n").diagnostics.first?.message ?? ""
            XCTAssertTrue(message.contains(phrase), "\(text): \(message)")
        }
    }

    func testBadPlan() {
        assertLine("2019-03-01 计划 P01 6月:50,3月:80", [(19, "bad-plan")])  // months not increasing
        assertLine("2019-03-01 计划 P01 3月:50,3月:60", [(19, "bad-plan")])  // the same month twice
        assertLine("2019-03-01 计划 P01 3月:50,6月:40", [(19, "bad-plan")])  // percentage decreasing
        assertLine("2019-03-01 计划 P01 12月:101", [(19, "bad-plan")])  // over 100
        assertLine("2019-03-01 计划 P01 13月:100", [(19, "bad-plan")])
        assertLine("2019-03-01 计划 P01 3月：30", [(19, "bad-plan")])  // full-width colon
        assertLine("2019-03-01 计划 P01 3月:30，6月:50", [(19, "bad-plan")])  // full-width comma
        // 项目 P01 名(19) 计划=(21)
        assertLine("2019-03-01 项目 P01 名 计划=3月:50,6月:40", [(21, "bad-plan")])
        assertLine("2019-03-01 设置 默认计划=13月:100", [(15, "bad-plan")])
        let message = parseJournal("2019-03-01 计划 P01 3月：30\n").diagnostics.first?.message ?? ""
        XCTAssertTrue(message.contains("半角"), message)
    }

    func testBadKind() {
        // 文号=A (21–24), 类别= at 26
        assertLine("2019-03-01 下达 P01 5 文号=A 类别=其他", [(26, "bad-kind")])
    }

    func testBadIdentifier() {
        assertLine("2019-03-01 支付 \"\" 5", [(15, "bad-identifier")])
        assertLine("2019-03-01 支付 \"P 1\" 5", [(15, "bad-identifier")])
        assertLine("2019-03-01 支付 \"P　1\" 5", [(15, "bad-identifier")])
        assertLine("2019-03-01 合同 P01 \"C 1\" 5", [(19, "bad-identifier")])
        // SPEC: a project ID is "any token without blanks or `=`" — quoting does not make `=` legal.
        assertLine("2019-03-01 项目 \"P=1\" 名称", [(15, "bad-identifier")])
    }

    func testFullWidth() {
        // 文号＝A arrives as one positional; the full-width error says it all, so 文号 is
        // not reported missing as well.
        assertLine("2019-03-01 下达 P01 5 文号＝A", [(21, "full-width")])
        // A required key that is simply absent is still reported.
        assertLine("2019-03-01 下达 P01 5 摘要＝A", [(21, "full-width"), (12, "missing-key")])
        assertLine("2019-03-01 支付 P01 5 memo＝x", [(21, "full-width")])
        // 项目 P01 名(19) 标签=(21)
        assertLine("2019-03-01 项目 P01 名 标签=三公，采购", [(21, "full-width")])
    }

    func testBadSetting() {
        assertLine("2019-03-01 设置 黄线=abc", [(15, "bad-setting")])
        assertLine("2019-03-01 设置 红线=100.01", [(15, "bad-setting")])
        assertLine("2019-03-01 设置 执行率目标=-5", [(15, "bad-setting")])
        assertLine("2019-03-01 设置 执行率目标=90.123", [(15, "bad-setting")])
        assertLine("2019-03-01 设置 零支出天数=0", [(15, "bad-setting")])
        assertLine("2019-03-01 设置 零支出天数=3661", [(15, "bad-setting")])
        assertLine("2019-03-01 设置 idle-days=+5", [(15, "bad-setting")])
        assertLine("2019-03-01 设置 idle-days=1.5", [(15, "bad-setting")])
        // 黄线=5 (15–18), 红线= at 20
        assertLine("2019-03-01 设置 黄线=5 红线=x", [(20, "bad-setting")])
    }

    func testBadSeal() {
        assertLine("2019-03-01 封账 sha256=ABC", [(15, "bad-seal")])
        assertLine("2019-03-01 封账 sha256=\(hex.uppercased())", [(15, "bad-seal")])
        assertLine("2019-03-01 封账 sha256=\(hex.dropLast())", [(15, "bad-seal")])
        assertLine("2019-03-01 封账 sha256=\(hex)0", [(15, "bad-seal")])
        assertLine("2019-03-01 封账 sha256=\(hex.dropLast())g", [(15, "bad-seal")])
    }

    func testLineTooLong() {
        let long = "2019-03-01 项目 P01 " + String(repeating: "x", count: Limits.maxLineBytes)
        assertLine(long, [(1, "line-too-long")])
        // Exactly at the limit is still read.
        let prefix = "2019-03-01 项目 P01 "
        let atLimit = prefix + String(repeating: "x", count: Limits.maxLineBytes - prefix.utf8.count)
        XCTAssertEqual(parseJournal(atLimit + "\n").entries.count, 1)
    }

    func testControlCharacters() {
        // "2019-03-01 支付 P01 5" is 10 + 1 + 2 + 1 + 3 + 1 + 1 = 19 characters; the NUL is the 20th.
        assertLine("2019-03-01 支付 P01 5\u{0}", [(20, "control-character")])
        assertLine("2019-03-01 支付 P01 5 摘要=a\u{7}", [(25, "control-character")])
        // A carriage return that does not end the line: 支付 ends at 13, CR at 14.
        assertLine("2019-03-01 支付\rP01 5", [(14, "control-character")])
        assertLine("2019-03-01 支付 P01 5\u{7F}", [(20, "control-character")])
        XCTAssertTrue(parseJournal("2019-03-01 支付 P01 5\u{0}\n").diagnostics.first?.message.contains("NUL") ?? false)
    }

    func testInvalidUTF8() {
        let prefix = Array("2019-03-01 支付 P01 5 摘要=".utf8)  // 23 characters; the bad byte is at 24
        assertBytes(prefix + [0xFF] + [0x0A], [(24, "invalid-utf8")])
        assertBytes(prefix + [0xD6, 0xD0] + [0x0A], [(24, "invalid-utf8")])  // 中 in GBK
        assertBytes(prefix + [0xC0, 0x80] + [0x0A], [(24, "invalid-utf8")])  // overlong NUL
        assertBytes(prefix + [0xED, 0xA0, 0x80] + [0x0A], [(24, "invalid-utf8")])  // a surrogate
        assertBytes(prefix + [0xF4, 0x90, 0x80, 0x80] + [0x0A], [(24, "invalid-utf8")])  // past U+10FFFF
        assertBytes(prefix + [0xE4, 0xB8] + [0x0A], [(24, "invalid-utf8")])  // truncated 3-byte sequence
        // SPEC §1: "invalid UTF-8 is an error naming the line" — a comment is no exception
        // (a GBK file's comments are where it shows first).
        assertBytes(Array("# 说明 ".utf8) + [0xD6, 0xD0] + [0x0A], [(6, "invalid-utf8")])
    }

    func testTokenizerProblemsReachTheReader() {
        // 摘(21) 要(22) =(23) "(24)
        assertLine("2019-03-01 支付 P01 5 摘要=\"abc", [(24, "unterminated-quote")])
        assertLine("2019-03-01 支付 P01 5 摘要=\"a\\x\"", [(26, "bad-escape")])
        assertLine("2019-03-01 支付 P01 5\"", [(20, "stray-quote")])
        assertLine("2019-03-01 支付 P01 5 摘要=", [(24, "missing-value")])
        assertLine("2019-03-01 支付 P01 5 =x", [(21, "missing-key")])
        assertLine("2019-03-01 支付 P01 5 摘要=a=b", [(25, "unquoted-special")])
        assertLine("2019-03-01 支付 P01 5 摘要=\"a\"b", [(27, "missing-blank")])
        // 4 fields then 64 × " x": field 65 is the 61st x; the first x is at 21 (名 at 19), each next 2 further:
        // 21 + 2 × 60 = 141.
        assertLine("2019-03-01 项目 P01 名" + String(repeating: " x", count: Limits.maxFieldsPerLine), [(21 + 2 * (Limits.maxFieldsPerLine - 4), "too-many-fields")])
    }

    // MARK: - Comments, blanks, BOM, line endings

    func testCommentsAndBlankLines() {
        let text = journalText([
            "# 注释", "; 注释", "   # 缩进的注释", "\t; 制表符后的注释", "　# 全角空格后的注释",
            "", "   ", "\t", "　", "2019-03-01 项目 P01 名称 # 不是注释：多余字段",
        ])
        let parsed = parseJournal(text)
        XCTAssertEqual(parsed.lineCounts, [10])
        XCTAssertTrue(parsed.entries.isEmpty)
        // 项目 P01 名称(19–20) #(22)
        assertErrors(parsed.diagnostics, [Spot(10, 22, "extra-field")])
    }

    func testCommentLinesNeedNotBeEntries() {
        let parsed = parseJournal("#2019-03-01 支付 P01 -5\n;garbage \"\n")
        XCTAssertTrue(parsed.entries.isEmpty)
        XCTAssertTrue(parsed.diagnostics.isEmpty)
    }

    func testByteOrderMarkAtFileStartIsIgnored() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("2019-03-01 项目 P01 名称\n2019-03-02 下达 P01 5 文号=A\n".utf8)
        let parsed = parseJournal(bytes: bytes)
        XCTAssertTrue(parsed.diagnostics.isEmpty)
        XCTAssertEqual(parsed.entries.count, 2)
        XCTAssertEqual(parsed.entries.first?.location.line, 1)
        XCTAssertEqual(parsed.entries.first?.byteOffset, 3)
        XCTAssertEqual(parsed.entries.first?.body, .project(ProjectDeclaration(id: "P01", name: "名称")))
        XCTAssertEqual(parsed.sources.first?.lineText(1), "2019-03-01 项目 P01 名称")
    }

    func testByteOrderMarkElsewhereIsNotIgnored() {
        let parsed = parseJournal("2019-03-01 项目 P01 名称\n\u{FEFF}2019-03-02 项目 P02 名称\n")
        XCTAssertEqual(parsed.entries.count, 1)
        assertErrors(parsed.diagnostics, [Spot(2, 1, "bad-date")])
    }

    func testCRLFLineEndings() {
        let parsed = parseJournal("2019-03-01 项目 P01 名称\r\n2019-03-02 下达 P01 5 文号=A\r\n\r\n2019-03-03 支付 P01 1 摘要=末行无换行\r")
        XCTAssertTrue(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        XCTAssertEqual(parsed.lineCounts, [4])
        XCTAssertEqual(parsed.entries.map(\.location.line), [1, 2, 4])
        XCTAssertEqual(parsed.entries[1].body, .allot(Allotment(project: "P01", amountFen: 500, doc: "A")))
        XCTAssertEqual(parsed.entries[2].body, .pay(Payment(project: "P01", amountFen: 100, memo: "末行无换行")))
        XCTAssertEqual(parsed.sources[0].lineText(2), "2019-03-02 下达 P01 5 文号=A")
    }

    func testLineCounting() {
        XCTAssertEqual(parseJournal("").lineCounts, [0])
        XCTAssertEqual(parseJournal("\n").lineCounts, [1])
        XCTAssertEqual(parseJournal("# a").lineCounts, [1])
        XCTAssertEqual(parseJournal("# a\n\n# b\n").lineCounts, [3])
        XCTAssertTrue(parseJournal("# a").sources[0].lacksFinalNewline)
        XCTAssertFalse(parseJournal("# a\n").sources[0].lacksFinalNewline)
    }

    /// Nothing stops at the first problem: every bad line is reported at its own line and
    /// column, and the good lines between them are still read.
    func testEveryProblemInAFileIsReported() {
        var bytes = Array(
            journalText([
                "# 2019 年日记账",  // 1
                "2019-01-01 项目 P01 办公经费",  // 2 ok
                "2019-02-30 下达 P01 5 文号=A",  // 3 bad-date @1
                "",  // 4
                "2019-03-01 付款 P01 5",  // 5 unknown-verb @12
                "2019-03-01 下达 P01 5",  // 6 missing-key @12
                "2019-03-02 支付 P01 5",  // 7 ok
                "  2019-03-03 支付 P01 1.234 凭证=\"V",  // 8 unterminated-quote: 2+10+1+2+1+3+1+5+1 = 26, 凭证= 27–29, " at 30
                "2019-03-04 支付 P01 5 颜色=红 摘要=a memo=b",  // 9 unknown-key @21, duplicate-key: 颜色=红 21–24, 摘要=a 26–29, memo at 31
                "2019-03-05 计划 P01 6月:50,3月:80 摘要=x",  // 10 bad-plan @19, unknown-key: plan 19–29 (11 chars), 摘要 at 31
            ]).utf8)
        bytes += Array("2019-03-06 支付 P01 5 摘要=".utf8) + [0xFF, 0x0A]  // 11 invalid-utf8 @24
        bytes += Array("2019-03-07 支付 P01 5\u{0}\n".utf8)  // 12 control-character @20
        bytes += Array("2019-03-08 支付 P01 5".utf8)  // 13 ok, no final newline
        let parsed = parseJournal(bytes: bytes)
        XCTAssertEqual(parsed.entries.map(\.location.line), [2, 7, 13])
        assertErrors(
            parsed.diagnostics,
            [
                Spot(3, 1, "bad-date"), Spot(5, 12, "unknown-verb"), Spot(6, 12, "missing-key"),
                Spot(8, 30, "unterminated-quote"), Spot(9, 21, "unknown-key"), Spot(9, 31, "duplicate-key"),
                Spot(10, 19, "bad-plan"), Spot(10, 31, "unknown-key"), Spot(11, 24, "invalid-utf8"), Spot(12, 20, "control-character"),
            ])
        XCTAssertEqual(parsed.lineCounts, [13])
    }

    func testSeveralFilesKeepTheirOwnLocations() {
        var parsed = ParsedJournal()
        JournalReader.parse(JournalSource(path: "a.journal", bytes: Array("2019-01-01 项目 P01 名\n".utf8)), into: &parsed)
        JournalReader.parse(JournalSource(path: "b.journal", bytes: Array("# b\n2019-01-02 付款 P01 5\n2019-01-03 支付 P01 5\n".utf8)), into: &parsed)
        XCTAssertEqual(parsed.entries.map(\.location), [SourceLocation(file: 0, line: 1, column: 1), SourceLocation(file: 1, line: 3, column: 1)])
        XCTAssertEqual(parsed.diagnostics.map(\.location), [SourceLocation(file: 1, line: 2, column: 12)])
        XCTAssertEqual(parsed.lineCounts, [1, 3])
        XCTAssertEqual(parsed.sources.map(\.path), ["a.journal", "b.journal"])
    }
}
