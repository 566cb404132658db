import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import Ledger

/// The compact loader against the full validator, which is the reference: on every journal
/// the compact loader must call clean exactly the journals with no diagnostic at all, and on
/// those give the same context and the same year replays. Journals are random, in every
/// spelling the language allows, split into tiny blocks and two chunks so each seam is used.
final class CompactLoaderTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("compact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static let tunings = [
        CompactLoader.Tuning(),
        CompactLoader.Tuning(parallelThresholdBytes: 0, blockBytes: 7),
        CompactLoader.Tuning(parallelThresholdBytes: 0, blockBytes: 300),
    ]

    /// Compares the two loaders on the files; returns whether the journal was clean.
    @discardableResult
    func assertAgree(_ paths: [String], asOf dates: [CalendarDate], context: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard case .success(let parsed) = JournalReader.read(paths: paths) else {
            XCTFail("unreadable test journal", file: file, line: line)
            return false
        }
        let journal = Validator.validate(parsed)
        let warnings = JournalReader.unterminatedLastLines(journal.sources, lineCounts: journal.lineCounts)
        let fullyClean = journal.diagnostics.isEmpty && warnings.isEmpty
        for tuning in CompactLoaderTests.tunings {
            for asOf in dates {
                let outcome = CompactLoader.load(paths: paths, yearAsOf: asOf, tuning: tuning)
                switch outcome {
                case .failure(let failure):
                    XCTFail("\(context): compact loader could not read: \(failure)", file: file, line: line)
                case .needsFullValidation:
                    if fullyClean {
                        XCTFail("\(context): compact loader refused a clean journal (tuning \(tuning))", file: file, line: line)
                        return true
                    }
                case .clean(let clean):
                    guard fullyClean else {
                        let first = (journal.diagnostics + warnings).first.map { "\($0.location.line):\($0.code) \($0.message)" } ?? ""
                        XCTFail("\(context): compact loader called clean a journal with diagnostics — first: \(first)", file: file, line: line)
                        return false
                    }
                    XCTAssertEqual(clean.entryCount, journal.entries.count, context, file: file, line: line)
                    XCTAssertEqual(clean.context, journal.context, context, file: file, line: line)
                    let expected = YearState(journal: journal, asOf: asOf)
                    if clean.year != expected {
                        XCTFail("\(context): year \(asOf) differs (tuning \(tuning))\ncompact: \(String(describing: clean.year))\nfull: \(expected)", file: file, line: line)
                    }
                }
            }
        }
        return fullyClean
    }

    // MARK: - Hand-written cases

    func testShippedJournalsAgree() throws {
        for name in ["chengde-2019", "qinhuangdao-2020"] {
            let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("journals/\(name).journal").path
            let clean = assertAgree([path], asOf: [date("2019-06-30"), date("2019-12-31"), date("2020-07-15"), date("2020-12-31")], context: name)
            XCTAssertTrue(clean, "\(name) should be clean")
        }
    }

    func testSpellingsTheFastPathHandsOverStillAgree() throws {
        // Each line is clean but written in a way the byte reader leaves to the full reader,
        // or reads itself: quotes, escapes, English words, tabs, the full-width blank, CRLF.
        let lines = [
            "\u{FEFF}# 注释",
            "2019-01-01 项目 P1 \"甲 项目\" 单位=局机关 计划=6月:50,12月:100",
            "2019-01-01 project P2 乙 unit=中心",
            "",
            "   ; another comment",
            "2019-01-02 下达 P1 100万 文号=\"财[2019]1号\" 类别=年初",
            "2019-01-02 allot P2 50,000.00元 doc=D2 kind=supplement source=x",
            "2019-01-03\t支付\tP1\t1.5万\t凭证=V1 摘要=\"a \\\"quoted\\\" memo\"",
            "2019-01-03 支付　P1　200 凭证=V2",
            "2019-01-04 pay P2 300 voucher=V3 payee=\"某 公司\" memo=m",
            "2019-01-05 合同 P1 HT-1 10万 对方=\"某 公司\" 期限=2019-06-30 摘要=软件",
            "2019-01-05 contract P2 HT-2 1000 party=x due=2019-12-20",
            "2019-01-06 支付 P1 5万 凭证=V4 合同=HT-1",
            "2019-01-07 冲销 P1 100 原凭证=V1 原日期=2019-01-03",
            "2019-01-08 reverse P2 50 of=V3",
            "2019-01-09 调减 P2 100 文号=R1",
            "2019-02-01 计划 P2 12月:100",
            "2019-02-01 设置 黄线=5 零支出天数=30",
            "2019-12-31 结转 P1 10万 原因=跨年",
            "2019-12-31 收回 P2 100 文号=L1 原因=结余",
        ]
        let text = lines.map { $0 + ($0.hasPrefix("2019-01-03") ? "\r\n" : "\n") }.joined()
        let path = try write(Array(text.utf8), "spellings.journal")
        XCTAssertTrue(assertAgree([path], asOf: [date("2019-01-31"), date("2019-12-31"), date("2020-03-31")], context: "spellings"))
    }

    func testEachKindOfProblemSendsTheJournalToTheFullValidator() throws {
        let header = ["2019-01-01 项目 P1 甲", "2019-01-02 下达 P1 100 文号=D1", "2019-01-03 支付 P1 10 凭证=V1"]
        let problems = [
            "2019-01-04 支付 P1 1000",                      // 超支
            "2019-01-04 支付 P9 1",                         // unknown project
            "2019-01-04 支付 P1 1 凭证=V1",                  // same voucher, same month (warning)
            "2019-01-04 下达 P1 1 文号=D1",                  // same 文号 (warning)
            "2019-01-04 冲销 P1 1 原凭证=V9",                // unknown voucher
            "2019-01-04 冲销 P1 11 原凭证=V1",               // more than was paid
            "2019-01-04 支付 P1 1 合同=HT-9",                // unknown contract
            "2019-01-04 结转 P1 1",                         // not 12-31
            "2019-12-31 收回 P1 1000",                      // more than available
            "2019-01-04 调减 P1 1000 文号=R1",               // below paid
            "2019-01-04 支付 P1 1.001",                     // not whole 分
            "2019-01-04 支付 P1 1 凭证=V2 凭证=V3",          // key twice
            "2019-01-04 支付 P1 1 颜色=红",                  // unknown key
            "2019-01-04 支付 P1 1 摘要=\"open",             // unterminated quote
            "2019-01-04 支付 P1",                           // missing amount
            "2019-01-04 支付 P1 1 2",                       // extra field
            "2019-02-30 支付 P1 1",                         // no such day
            "2019-01-04 支付 P1 1 摘要=a\u{7}b",            // control character
            "2019-01-04 下达 P1 1",                         // missing 文号
            "2019-01-04 下达 P1 1 文号=D2 类别=其他",        // bad kind
            "2019-01-04 冲销 P1 1 原凭证=V1 原日期=2019-13-01", // bad date
            "2019-01-04 合同 P1 HT-1 1",                    // fine alone; twice below
            "2019-01-01 项目 P1 甲again",                   // declared twice
            "2019-01-04 支付 文号＝X 1",                     // full-width ＝ in a positional
            "2019-01-04 封账 sha256=" + String(repeating: "0", count: 64),   // wrong seal
            "2019-01-04 支付 P1 1 摘要=a=b",                 // = inside an unquoted value
            "2019-01-04 支付 P1 1 摘要=a\"b",               // quote inside an unquoted value
            "2019-01-04 支付 P1 1 摘要=\"a\"b",            // no blank after the closing quote
            "2019-02-03 支付 P1 5 凭证=V1\n2019-02-04 冲销 P1 8 原凭证=V1 原日期=2019-02-03",   // more than that day's payment
            "2019-02-03 支付 P1 5 凭证=V1\n2019-02-04 冲销 P1 1 原凭证=V1",                     // which V1? (two dates)
        ]
        for (number, problem) in problems.enumerated() {
            var lines = header + problem.split(separator: "\n").map(String.init)
            if problem.contains("HT-1 1") { lines.append("2019-01-05 合同 P1 HT-1 2") }
            let path = try write(Array(journalText(lines).utf8), "problem-\(number).journal")
            let clean = assertAgree([path], asOf: [date("2019-12-31")], context: "problem \(number): \(problem)")
            XCTAssertFalse(clean, "problem \(number) should not be clean: \(problem)")
        }
        // Unusual but clean: quoted positionals go to the full reader, which accepts them.
        for (number, unusual) in ["2019-01-04 支付 P1 \"1\"", "\"2019-01-04\" 支付 \"P1\" 1"].enumerated() {
            let path = try write(Array(journalText(header + [unusual]).utf8), "unusual-\(number).journal")
            XCTAssertTrue(assertAgree([path], asOf: [date("2019-12-31")], context: "unusual \(number): \(unusual)"))
        }
        // Bytes no line may hold, and a last line without its newline.
        for (number, bytes) in [Array("2019-01-04 支付 P1 1 摘要=\u{FF}".utf8).map { $0 == 0xC3 ? 0xFF : $0 },
                                Array(journalText(header).utf8) + Array("2019-01-04 支付 P1 1".utf8)].enumerated() {
            let path = try write(Array(journalText(header).utf8) + bytes + [10], "bytes-\(number).journal")
            XCTAssertFalse(assertAgree([path], asOf: [date("2019-12-31")], context: "bytes \(number)"))
        }
        let torn = try write(Array(journalText(header).utf8) + Array("2019-01-04 支付 P1 1".utf8), "torn.journal")
        XCTAssertFalse(assertAgree([torn], asOf: [date("2019-12-31")], context: "torn last line"))
    }

    func testSealsAreVerified() throws {
        let before = journalText(["2019-01-01 项目 P1 甲", "2019-01-02 下达 P1 100 文号=D1", "2019-06-30 支付 P1 10 凭证=V1"])
        var hasher = SHA256()
        hasher.update(Array(before.utf8)[...])
        let good = before + "2019-06-30 封账 sha256=\(hasher.hexDigest())\n"
        let goodPath = try write(Array((good + "2019-07-01 支付 P1 1 凭证=V2\n").utf8), "sealed.journal")
        XCTAssertTrue(assertAgree([goodPath], asOf: [date("2019-12-31")], context: "good seal"))
        let inside = try write(Array((good + "2019-06-01 支付 P1 1 凭证=V2\n").utf8), "inside.journal")
        XCTAssertFalse(assertAgree([inside], asOf: [date("2019-12-31")], context: "entry inside the sealed period"))
        let edited = try write(Array((good.replacingOccurrences(of: "支付 P1 10", with: "支付 P1 11") + "").utf8), "edited.journal")
        XCTAssertFalse(assertAgree([edited], asOf: [date("2019-12-31")], context: "edited history"))
    }

    func testOutOfOrderDatesAndTwoFiles() throws {
        let first = journalText(["2019-01-01 项目 P1 甲", "2019-03-01 下达 P1 100 文号=D1", "2019-02-01 下达 P1 5 文号=D0"])
        let second = journalText(["2019-02-15 支付 P1 4 凭证=V1", "2019-01-20 计划 P1 12月:100", "2020-01-05 冲销 P1 1 原凭证=V1"])
        let a = try write(Array(first.utf8), "a.journal"), b = try write(Array(second.utf8), "b.journal")
        XCTAssertTrue(assertAgree([a, b], asOf: [date("2019-02-28"), date("2019-12-31"), date("2020-12-31")], context: "two files"))
        // Paid before the money arrived, in date order: refused by both.
        let early = try write(Array(journalText(["2019-01-01 项目 P1 甲", "2019-03-01 下达 P1 100 文号=D1", "2019-02-01 支付 P1 5"]).utf8), "early.journal")
        XCTAssertFalse(assertAgree([early], asOf: [date("2019-12-31")], context: "paid before allotted"))
    }

    /// An append judges the journal with its new line as a tail after the file's end: the
    /// verdict and figures must be those of the file with the line written.
    func testTailReadsAsIfWritten() throws {
        let seed = testSeed("CompactLoaderTests.testTailReadsAsIfWritten")
        var random = SplitMix64(seed: seed)
        for round in 0..<25 {
            let lines = RandomJournal.lines(&random, count: random.int(5...80))
            let whole = Array(journalText(lines).utf8)
            let cut = max(0, whole.count - random.int(0...min(whole.count, 200)))
            let head = Array(whole[..<cut]), tail = Array(whole[cut...])
            let wholePath = try write(whole, "whole-\(round).journal"), headPath = try write(head, "head-\(round).journal")
            for tuning in CompactLoaderTests.tunings {
                let expected = CompactLoader.load(paths: [wholePath], yearAsOf: date("2020-06-30"), tuning: tuning)
                let descriptor = open(headPath, O_RDONLY)
                defer { close(descriptor) }
                let input = CompactLoader.Input(descriptor: descriptor, fileSize: head.count, tail: tail)
                let actual = CompactLoader.load([input], paths: [headPath], yearAsOf: date("2020-06-30"), tuning: tuning)
                switch (expected, actual) {
                case (.clean(let a), .clean(let b)):
                    XCTAssertEqual(a.year, b.year, "seed \(seed) round \(round)")
                    XCTAssertEqual(a.lineCounts, b.lineCounts, "seed \(seed) round \(round)")
                case (.needsFullValidation, .needsFullValidation): break
                default: XCTFail("seed \(seed) round \(round): \(expected) vs \(actual) (tuning \(tuning))")
                }
            }
        }
    }

    // MARK: - Random journals

    func testRandomJournalsAgree() throws {
        let seed = testSeed("CompactLoaderTests.testRandomJournalsAgree")
        var random = SplitMix64(seed: seed)
        var cleanCount = 0
        for round in 0..<60 {
            var lines = RandomJournal.lines(&random, count: random.int(5...120))
            var path = try write(RandomJournal.bytes(lines, &random), "random-\(round).journal")
            let dates = [date("2019-03-31"), date("2019-12-31"), date("2020-06-30"), date("2020-12-31")]
            assertAgree([path], asOf: dates, context: "seed \(seed) round \(round)")
            // The same lines in two files, split anywhere (declarations may land in either).
            let split = random.int(0...lines.count)
            let first = try write(RandomJournal.bytes(Array(lines[..<split]), &random), "random-\(round)-a.journal")
            let second = try write(RandomJournal.bytes(Array(lines[split...]), &random), "random-\(round)-b.journal")
            assertAgree([first, second], asOf: dates, context: "seed \(seed) round \(round), two files split at \(split)")
            // The same journal with every line that draws a diagnostic removed, until clean.
            for _ in 0..<8 {
                guard case .success(let parsed) = JournalReader.read(paths: [path]) else { break }
                let journal = Validator.validate(parsed)
                let bad = Set(journal.diagnostics.map(\.location.line))
                if bad.isEmpty { break }
                lines = RandomJournal.withoutLines(lines, numbered: bad)
                path = try write(RandomJournal.bytes(lines, &random, plain: true), "random-\(round)-clean.journal")
            }
            if assertAgree([path], asOf: dates, context: "seed \(seed) round \(round), cleaned") { cleanCount += 1 }
        }
        XCTAssertGreaterThan(cleanCount, 20, "the cleaning should yield clean journals most of the time")
    }
}

/// Random journal lines in every spelling, with now and then a mistake.
enum RandomJournal {
    static let projects = ["P1", "P2", "P3", "450-0201-XMN-0001"]
    static let vouchers = ["V1", "V2", "V3", "记-2019-01-000001", ""]
    static let contracts = ["HT-1", "HT-2", "HT-3"]

    static func lines(_ random: inout SplitMix64, count: Int) -> [String] {
        var lines = ["2019-01-01 设置 单位名称=测试局 默认计划=3月:25,6月:50,9月:75,12月:100"]
        for project in projects {
            lines.append("2019-01-01 \(random.chance(20) ? "project" : "项目") \(project) \"项目 \(project)\" 单位=\(random.pick(["局机关", "中心"]))"
                         + (random.chance(40) ? " 计划=6月:50,12月:100" : "") + (random.chance(20) ? " 标签=三公" : ""))
        }
        var day = 1
        for serial in 0..<count {
            if random.chance(85) { day = min(day + random.int(0...8), 729) }   // mostly in date order, now and then back-dated
            let when = random.chance(8) ? max(1, day - random.int(1...40)) : day
            lines.append(line(&random, dayOfTwoYears: when, serial: serial))
        }
        return lines
    }

    static func dateText(_ dayOfTwoYears: Int) -> String {
        let start = CalendarDate(year: 2019, month: 1, day: 1)!
        return (start.addingDays(dayOfTwoYears) ?? start).description
    }

    static func amount(_ random: inout SplitMix64) -> String {
        let fen = random.chance(30) ? random.int64(1...50_000) : random.int64(1...5_000_000)
        switch random.int(0...4) {
        case 0: return "\(fen / 100).\(String(format: "%02d", Int(fen % 100)))"
        case 1: return "\(fen / 100)"   // whole 元 (drops the 分)
        case 2: return "\(Double(fen) / 1_000_000)万".replacingOccurrences(of: "e", with: "")
        case 3: return "\(fen / 100).\(String(format: "%02d", Int(fen % 100)))元"
        default: return random.chance(5) ? "-\(fen)" : "\(fen / 100),\(String(format: "%03d", Int(fen % 1000)))"
        }
    }

    static func line(_ random: inout SplitMix64, dayOfTwoYears: Int, serial: Int) -> String {
        let date = dateText(dayOfTwoYears)
        let project = random.chance(97) ? random.pick(projects) : "PX"
        let english = random.chance(15)
        func verb(_ chinese: String, _ latin: String) -> String { english ? latin : chinese }
        func key(_ chinese: String, _ latin: String) -> String { english ? latin : chinese }
        func text(_ value: String) -> String { random.chance(25) ? "\"\(value) 附\"" : value }
        switch random.int(0...99) {
        case 0..<18:
            return "\(date) \(verb("下达", "allot")) \(project) \(random.chance(50) ? "\(random.int(1...80))万" : amount(&random)) \(key("文号", "doc"))=D\(random.int(0...30))"
                + (random.chance(30) ? " \(key("类别", "kind"))=\(random.pick(english ? ["supplement", "initial"] : ["追加", "年初"]))" : "")
                + (random.chance(20) ? " \(key("来源", "source"))=\(text("财政"))" : "")
        case 18..<58:
            let voucher = random.chance(85) ? " \(key("凭证", "voucher"))=\(random.chance(70) ? "V\(serial)" : random.pick(vouchers))" : ""
            let contract = random.chance(15) ? " \(key("合同", "contract"))=\(random.pick(contracts))" : ""
            let payee = random.chance(50) ? " \(key("收款人", "payee"))=\(text("某公司"))" : ""
            let memo = random.chance(40) ? " \(key("摘要", "memo"))=\(random.chance(10) ? "\"a \\\"b\\\"\"" : text("办公费"))" : ""
            return "\(date) \(verb("支付", "pay")) \(project) \(amount(&random))\(voucher)\(contract)\(payee)\(memo)"
        case 58..<66:
            let original = random.chance(70) ? "V\(max(0, serial - random.int(1...6)))" : random.pick(vouchers)
            let ofDate = random.chance(30) ? " \(key("原日期", "of-date"))=\(dateText(max(0, dayOfTwoYears - random.int(0...5))))" : ""
            return "\(date) \(verb("冲销", "reverse")) \(project) \(random.int(1...300)) \(key("原凭证", "of"))=\(original)\(ofDate)"
        case 66..<72:
            return "\(date) \(verb("调减", "reduce")) \(project) \(random.int(1...5000)) \(key("文号", "doc"))=R\(random.int(0...20))"
        case 72..<80:
            let due = random.chance(60) ? " \(key("期限", "due"))=\(dateText(min(729, dayOfTwoYears + random.int(0...200))))" : ""
            return "\(date) \(verb("合同", "contract")) \(project) \(random.pick(contracts)) \(random.int(1...50))万"
                + (random.chance(60) ? " \(key("对方", "party"))=\(text("某公司"))" : "") + due
        case 80..<85:
            let yearEnd = random.chance(80) ? (dayOfTwoYears < 365 ? "2019-12-31" : "2020-12-31") : date
            return "\(yearEnd) \(verb("结转", "carry")) \(project) \(random.int(1...20_000))" + (random.chance(50) ? " \(key("原因", "reason"))=\(text("跨年"))" : "")
        case 85..<89:
            return "\(date) \(verb("收回", "lapse")) \(project) \(random.int(1...20_000))" + (random.chance(50) ? " \(key("原因", "reason"))=结余" : "")
        case 89..<92:
            return "\(date) \(verb("计划", "plan")) \(project) \(random.pick(["12月:100", "6月:40,12月:100", "3月:30,6月:50,10月:90,12月:100"]))"
        case 92..<94:
            return "\(date) \(verb("设置", "set")) \(key("黄线", "warn-gap"))=\(random.int(1...20))"
        case 94..<96:
            return random.pick(["# 注释 \(serial)", "", "   ; 备注"])
        default:
            // Mistakes of every kind.
            return random.pick([
                "\(date) 支付 \(project) 1 凭证=V1 凭证=V2", "\(date) 支付 \(project)", "\(date) 付款 \(project) 1",
                "\(date) 支付 \(project) 1 颜色=红", "\(date) 支付 \(project) 1.001", "\(date) 下达 \(project) 1",
                "\(date) 支付 \(project) 1 摘要=\"开", "2019-02-30 支付 \(project) 1", "\(date) 支付 \(project) 1 2",
                "\(date) 项目 \(project) 重复", "\(date) 支付 文号＝X 1", "\(date) 冲销 \(project) 1",
            ])
        }
    }

    /// The lines as file bytes: mostly LF, now and then CRLF, a BOM, a tab or a full-width
    /// blank instead of a space (unless `plain`).
    static func bytes(_ lines: [String], _ random: inout SplitMix64, plain: Bool = false) -> [UInt8] {
        var text = plain || random.chance(80) ? "" : "\u{FEFF}"
        for line in lines {
            var line = line
            if !plain, random.chance(5) {
                if let space = line.firstIndex(of: " ") {
                    line.replaceSubrange(space...space, with: random.chance(50) ? "\t" : "\u{3000}")
                }
            }
            text += line + (!plain && random.chance(5) ? "\r\n" : "\n")
        }
        return Array(text.utf8)
    }

    static func withoutLines(_ lines: [String], numbered: Set<Int>) -> [String] {
        lines.enumerated().filter { !numbered.contains($0.offset + 1) }.map(\.element)
    }
}
