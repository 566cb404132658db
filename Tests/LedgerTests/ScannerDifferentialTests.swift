import TestSupport
import XCTest
@testable import Ledger

/// The fast scanner (`ChunkParser.scan`) must say exactly what the one EntryParser says of the
/// same line. The core has no knob that sends every line to `JournalReader.parseLine`, so the
/// full-reader side is reached through the language itself: a full-width blank U+3000 at the
/// end of a line is a blank to the tokenizer (it changes no field and no column), and the
/// scanner hands every line holding one to the full reader. Each random journal is therefore
/// checked twice — as written (mostly scanned) and with U+3000 before every line ending (all
/// read by `parseLine`), seals hashed over each variant's own bytes — and the verdicts,
/// diagnostics (code, place, message), accepted flags and year states must agree. The same
/// journal is also read across two files and in tiny blocks on two threads.
final class ScannerDifferentialTests: XCTestCase {
    private static let clock = WallClock.parse("2019-09-15T00:00:00Z")!
    private static let asOfDates = ["2018-12-31", "2019-01-31", "2019-06-30", "2019-09-15", "2019-12-31", "2020-03-31"]

    func testScannerAgreesWithEntryParserOnRandomJournals() {
        let seed = testSeed("ScannerDifferentialTests.testScannerAgreesWithEntryParserOnRandomJournals")
        var random = SplitMix64(seed: seed)
        for round in 0..<60 {
            var generator = LineGenerator(random: random)
            let lines = generator.journal(lines: 40 + random.int(0...80))
            random = generator.random
            let label = "seed \(seed) round \(round)"
            let plain = render(lines, fullReader: false)
            let full = render(lines, fullReader: true)
            let scanned = check([plain], tuning: JournalLoader.Tuning())
            let parsed = check([full], tuning: JournalLoader.Tuning())
            assertSame(scanned, parsed, label + " (scanner vs EntryParser)")
            // Tiny blocks on two threads: the seams must not change a thing, excerpts included.
            let tiny = check([plain], tuning: JournalLoader.Tuning(parallelThresholdBytes: 64, blockBytes: 1 + random.int(0...40), chunksPerFile: random.int(1...6)))
            assertSame(scanned, tiny, label + " (tiny blocks)", excerpts: true)
            // Two files: each side hashes its seals per file.
            let cut = random.int(1...(lines.count - 1))
            let twoPlain = [render(Array(lines[..<cut]), fullReader: false), render(Array(lines[cut...]), fullReader: false)]
            let twoFull = [render(Array(lines[..<cut]), fullReader: true), render(Array(lines[cut...]), fullReader: true)]
            assertSame(check(twoPlain, tuning: JournalLoader.Tuning()), check(twoFull, tuning: JournalLoader.Tuning()), label + " (two files, cut \(cut))")
            assertSame(
                check(twoPlain, tuning: JournalLoader.Tuning()),
                check(twoPlain, tuning: JournalLoader.Tuning(parallelThresholdBytes: 100, blockBytes: 7)), label + " (two files, tiny blocks)", excerpts: true)
            if (testRun?.totalFailureCount ?? 0) > 0 {
                print("first failing journal (\(label)):\n" + String(decoding: plain, as: UTF8.self))
                return
            }
        }
    }

    /// A report's year recorded during the check (no second replay) equals the year replayed
    /// from the accepted records, at every as-of date, on random journals with errors.
    func testTheYearRecordedDuringTheCheckIsTheYearReplayed() {
        let seed = testSeed("ScannerDifferentialTests.testTheYearRecordedDuringTheCheckIsTheYearReplayed")
        var random = SplitMix64(seed: seed)
        for round in 0..<60 {
            var generator = LineGenerator(random: random)
            let bytes = render(generator.journal(lines: 30 + random.int(0...90)), fullReader: false)
            random = generator.random
            let sources = [JournalSource(path: "t.journal", bytes: bytes)]
            let plain = Validator.validate(sources: sources, clock: Self.clock)
            for text in Self.asOfDates + ["2019-03-31", "2019-12-30"] {
                let asOf = CalendarDate.parse(text)!
                guard
                    case .success(let recorded) = Validator.check(
                        ByteSource([.memory(bytes)]), sources: sources, clock: Self.clock, tuning: JournalLoader.Tuning(), year: .asOf(asOf))
                else { return XCTFail("memory cannot fail") }
                XCTAssertNotNil(recorded.outcome.yearState, "recorded")
                XCTAssertEqual(recorded.outcome.yearState, plain.yearState(asOf: asOf), "seed \(seed) round \(round) as of \(text)")
            }
            guard
                case .success(let today) = Validator.check(
                    ByteSource([.memory(bytes)]), sources: sources, clock: Self.clock, tuning: JournalLoader.Tuning(), year: .today)
            else { return XCTFail("memory cannot fail") }
            XCTAssertEqual(today.outcome.yearState, plain.yearState(asOf: plain.today!), "seed \(seed) round \(round) today")
            if (testRun?.totalFailureCount ?? 0) > 0 { return }
        }
    }

    /// An append judges the journal without its new lines in the same run (the dated pass
    /// resumed from where the new lines begin). On random journals — errors, warnings, seals,
    /// back-dated tails — the errors it finds must be exactly those of the journal checked again
    /// in full without the new lines.
    func testTheJournalWithoutItsTailHasTheErrorsOfAFullRecheck() {
        let seed = testSeed("ScannerDifferentialTests.testTheJournalWithoutItsTailHasTheErrorsOfAFullRecheck")
        var random = SplitMix64(seed: seed)
        var judgedInOneRun = 0
        for round in 0..<150 {
            var generator = LineGenerator(random: random)
            var lines = generator.journal(lines: 20 + random.int(0...80))
            random = generator.random
            let tailCount = random.int(1...3)
            guard lines.count > tailCount else { continue }
            for index in lines.indices { lines[index].noNewlineAtEnd = false }
            let base = render(Array(lines.dropLast(tailCount)), fullReader: false)
            let whole = render(lines, fullReader: false)
            let baseLines = base.filter { $0 == 0x0A }.count
            let source = ByteSource([.memory(whole)])
            guard
                case .success(let journal) = Validator.check(
                    source, sources: [JournalSource(path: "t.journal", bytes: whole)], clock: Self.clock, tuning: JournalLoader.Tuning(),
                    tail: (file: 0, offset: base.count))
            else { return XCTFail("memory cannot fail") }
            guard let oneRun = journal.errorKeysWithoutTail(isNew: { _, line in line > baseLines }) else { continue }
            judgedInOneRun += 1
            let newRecords = journal.store.records.filter { Int($0.line) > baseLines }.count
            // The recheck keeps what the reader said of the new lines (it drops records only).
            let recheck = journal.withoutLast(newRecords, clock: Self.clock).problemKeys(.error).filter { $0.line <= baseLines }
            XCTAssertEqual(
                Set(oneRun), Set(recheck), "seed \(seed) round \(round):\n" + String(decoding: whole, as: UTF8.self))
            if (testRun?.totalFailureCount ?? 0) > 0 { return }
        }
        XCTAssertGreaterThan(judgedInOneRun, 50, "most random tails are money lines")
    }

    /// The U+3000 trick itself: a plainly written payment is scanned, the same with U+3000 is not,
    /// and both read the same — so a fault in the scanner shows as a difference.
    func testTheFullWidthBlankSendsALineToTheFullReader() {
        var scanned = ChunkParser(file: 0, start: 0, end: 0, blockBytes: 64)
        let plain = Array("2019-01-02 支付 P01 100 凭证=V1".utf8)
        let blank = Array("2019-01-02 支付 P01 100 凭证=V1\u{3000}".utf8)
        let plainOutcome = plain.withUnsafeBufferPointer { scanned.scan($0.baseAddress!, 0, $0.count, fileOffset: 0) }
        let blankOutcome = blank.withUnsafeBufferPointer { scanned.scan($0.baseAddress!, 0, $0.count, fileOffset: 0) }
        guard case .entry(let record) = plainOutcome else { return XCTFail("a plain payment is read directly") }
        XCTAssertEqual(record.amountFen, 10_000)
        guard case .fullReader = blankOutcome else { return XCTFail("a line with U+3000 goes to the full reader") }
        var parsed = ParsedJournal()
        JournalReader.parseLine(blank[...], file: 0, line: 1, byteOffset: 0, into: &parsed)
        XCTAssertEqual(parsed.diagnostics.count, 0)
        XCTAssertEqual(parsed.entries.first?.body.amountFen, 10_000)
    }

    /// Three-byte characters are stepped over two at a time: a full-width blank, a surrogate
    /// (ED A0 80), an overlong form (E0 80 80), a stray continuation or a cut sequence at any
    /// position of a run — quoted or not, at odd and even places — must still be seen. The
    /// scanner reads a line only when the full reader reads it without a word to say.
    func testEveryOddByteInARunOfChineseIsSeenWherePairsAreSkipped() {
        let oddities: [[UInt8]] = [[0xE3, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0x80], [0xE4, 0xB8], [0xE0, 0xA0, 0x80], [0x41]]
        let han = Array("汉".utf8)
        for length in 0...9 {
            for place in 0...length {
                for oddity in oddities {
                    var value: [UInt8] = []
                    for position in 0..<length {
                        if position == place { value += oddity }
                        value += han
                    }
                    if place == length { value += oddity }
                    for quoted in [false, true] {
                        let line = Array("2019-01-02 支付 P01 100 凭证=V1 摘要=".utf8) + (quoted ? [0x22] + value + [0x22] : value) + Array(" 收款人=某公司".utf8)
                        assertScannerAgrees(line, "length \(length), oddity \(oddity) at \(place), quoted \(quoted)")
                    }
                }
            }
        }
    }

    /// The entries the scanner keeps in full (合同, 结转, 收回: their text is shown) must be the
    /// entries the full reader makes of the same line — party, due date, memo, reason, 文号.
    func testEntriesKeptInFullAreTheFullReadersEntries() {
        let seed = testSeed("ScannerDifferentialTests.testEntriesKeptInFullAreTheFullReadersEntries")
        var generator = LineGenerator(random: SplitMix64(seed: seed))
        var scanned = 0
        for round in 0..<3000 {
            let line = round % 3 == 0 ? generator.contract() : generator.carryOrLapse()
            var scanner = ChunkParser(file: 0, start: 0, end: 0, blockBytes: 64)
            let outcome = line.withUnsafeBufferPointer { scanner.scan($0.baseAddress!, 0, $0.count, fileOffset: 0) }
            guard case .entry(let record) = outcome else { continue }
            var parsed = ParsedJournal()
            JournalReader.parseLine(line[...], file: 0, line: 1, byteOffset: 0, into: &parsed)
            XCTAssertTrue(record.rare >= 0, "seed \(seed): a kept entry")
            XCTAssertEqual(scanner.rare.first?.body, parsed.entries.first?.body, "seed \(seed): " + String(decoding: line, as: UTF8.self))
            XCTAssertEqual(scanner.rare.first?.date, parsed.entries.first?.date)
            scanned += 1
        }
        XCTAssertGreaterThan(scanned, 300, "many generated lines are plain enough to scan")
    }

    /// Both byte readers find a verb's keys by its place in `Verb.allCases`, read from the
    /// enum's stored byte: it must be that place, for every verb.
    func testAVerbsPlaceIsItsPlaceInAllCases() {
        for (place, verb) in Verb.allCases.enumerated() {
            XCTAssertEqual(KeyWord.place(of: verb), place, verb.english)
            XCTAssertEqual(Set(KeyWord.byVerb[place].map(\.key)), Set(verb.allowedKeys), verb.english)
        }
    }

    /// Words are packed by two loads ending at the word's end where eight bytes of the line
    /// precede it: the same integers as byte by byte, for every length and place.
    func testPackingByLoadsEqualsPackingByteByByte() {
        let line = Array("2019-01-02 支付 P01 100 凭证=V1 收款人=某公司 category=supplement".utf8)
        line.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for from in 0..<line.count {
                for to in (from + 1)...min(line.count, from + 16) {
                    let loaded = PackedWord.pack(base, from, to, floor: 0)
                    let looped = PackedWord.pack(base, from, to)
                    XCTAssertTrue(loaded == looped, "bytes \(from)..<\(to)")
                }
            }
        }
    }

    private func assertScannerAgrees(_ line: [UInt8], _ label: String, file: StaticString = #filePath, line sourceLine: UInt = #line) {
        var scanner = ChunkParser(file: 0, start: 0, end: 0, blockBytes: 64)
        let outcome = line.withUnsafeBufferPointer { scanner.scan($0.baseAddress!, 0, $0.count, fileOffset: 0) }
        var parsed = ParsedJournal()
        JournalReader.parseLine(line[...], file: 0, line: 1, byteOffset: 0, into: &parsed)
        let fullReaderAccepts = parsed.diagnostics.isEmpty && parsed.entries.count == 1
        switch outcome {
        case .entry(let record):
            XCTAssertTrue(fullReaderAccepts, "scanned a line the full reader rejects: \(label)", file: file, line: sourceLine)
            XCTAssertEqual(record.amountFen, parsed.entries.first?.body.amountFen, label, file: file, line: sourceLine)
        case .fullReader, .failed:
            break  // handing a line on is always allowed: the full reader judges it
        case .nothing:
            XCTFail("an entry line read as nothing: \(label)", file: file, line: sourceLine)
        }
    }

    // MARK: - Running and comparing

    private func check(_ files: [[UInt8]], tuning: JournalLoader.Tuning) -> Journal {
        let sources = files.enumerated().map { JournalSource(path: "f\($0.offset).journal", bytes: $0.element) }
        switch Validator.check(ByteSource(files.map { .memory($0) }), sources: sources, clock: Self.clock, tuning: tuning) {
        case .success(let journal): return journal
        case .failure(let failure): XCTFail("memory cannot fail: \(failure)"); return Validator.validate(sources: [])
        }
    }

    private func assertSame(_ a: Journal, _ b: Journal, _ label: String, excerpts: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        func spots(_ journal: Journal) -> [String] {
            journal.diagnostics.map { d in
                // U+3000 is removed from messages: an unclosed quote quotes the rest of its line.
                var text = "\(d.location.file):\(d.location.line):\(d.location.column) \(d.code) \(d.isError) "
                // A seal's hash differs between the variants (their bytes differ): its digits are not compared.
                let message = d.code == DiagnosticCode.sealMismatch.rawValue && !excerpts ? "" : d.message
                text += message.replacingOccurrences(of: "\u{3000}", with: "")
                if excerpts { text += " | " + (d.excerpt ?? "") }
                return text
            }
        }
        let (left, right) = (spots(a), spots(b))
        XCTAssertEqual(left.count, right.count, label + " diagnostic count", file: file, line: line)
        for (x, y) in zip(left, right) where x != y {
            XCTFail("\(label): first difference\n  \(x)\n  \(y)", file: file, line: line)
            break
        }
        XCTAssertEqual(a.entryCount, b.entryCount, label + " entries", file: file, line: line)
        XCTAssertEqual(a.accepted, b.accepted, label + " accepted", file: file, line: line)
        XCTAssertEqual(a.errorCount, b.errorCount, label + " errors", file: file, line: line)
        XCTAssertEqual(a.warningCount, b.warningCount, label + " warnings", file: file, line: line)
        var (contextA, contextB) = (a.context, b.context)
        XCTAssertEqual(contextA.seals.map(\.date), contextB.seals.map(\.date), label + " seals", file: file, line: line)
        if !excerpts { (contextA.seals, contextB.seals) = ([], []) }
        XCTAssertEqual(contextA, contextB, label + " context", file: file, line: line)
        XCTAssertEqual(a.lineCounts, b.lineCounts, label + " line counts", file: file, line: line)
        for text in Self.asOfDates {
            let asOf = CalendarDate.parse(text)!
            XCTAssertEqual(a.yearState(asOf: asOf), b.yearState(asOf: asOf), label + " year state as of \(text)", file: file, line: line)
        }
    }

    // MARK: - Rendering

    /// One file's bytes; with `fullReader`, U+3000 before every line ending. Seals are hashed
    /// over the bytes actually rendered (or deliberately not).
    private func render(_ lines: [GeneratedLine], fullReader: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            var content: [UInt8]
            switch line.content {
            case .bytes(let raw): content = raw
            case .seal(let dateText, let valid, let key):
                let hash = CalendarDate.parse(dateText).map { SealHash.hex(preceding: bytes, date: $0) } ?? String(repeating: "0", count: 64)
                let written = valid ? hash : String(hash.dropLast()) + (hash.last == "0" ? "1" : "0")
                content = Array("\(dateText) \(key) sha256=\(written)".utf8)
            }
            if index == 0, line.bom { bytes += [0xEF, 0xBB, 0xBF] }
            bytes += content
            if fullReader, !content.isEmpty { bytes += Array("\u{3000}".utf8) }  // an empty last line without newline is no line
            if index == lines.count - 1, line.noNewlineAtEnd { break }
            bytes += line.crlf ? [0x0D, 0x0A] : [0x0A]
        }
        return bytes
    }
}

/// A line of a generated journal: its text (or a seal to be hashed when rendered) and its ending.
struct GeneratedLine {
    enum Content {
        case bytes([UInt8])
        case seal(date: String, valid: Bool, verb: String)
    }
    var content: Content
    var crlf = false
    var bom = false
    var noNewlineAtEnd = false
}

/// Random lines in every spelling the language allows, and bad lines of every kind.
struct LineGenerator {
    var random: SplitMix64

    /// Project IDs, with canonically equivalent spellings of two of them (令 U+4EE4 / U+F9A8,
    /// é precomposed / e + U+0301).
    static let projects = ["P01", "P02", "450-0201-JBN-RVU2", "专项令", "专项\u{F9A8}", "caf\u{E9}", "cafe\u{301}", "P09"]
    static let vouchers = ["V1", "V2", "V3", "记-2019-05-004", "凭证一", "caf\u{E9}", "cafe\u{301}", "\u{F9A8}1", "令1"]
    static let contracts = ["C1", "C2", "合同甲", "caf\u{E9}-c", "cafe\u{301}-c"]
    static let units = ["本级", "中心", "caf\u{E9}"]
    static let goodAmounts = ["100", "1,000.50", "116,100.00元", "11.61万", "7.737948万", "50.094万元", "100元", "0.01", "2500", "30.5", "1万", "0.3万元"]
    static let badAmounts = ["-5", "1.2345678万", "abc", "0", "1.001", "99999999999999999999", "1,00", "+5", "１００"]

    init(random: SplitMix64) { self.random = random }

    mutating func journal(lines count: Int) -> [GeneratedLine] {
        var lines: [GeneratedLine] = []
        // Declarations first (mostly), so that most money lines are judged by the rules.
        for id in Self.projects where random.chance(80) { lines.append(line(project(id))) }
        if random.chance(40) { lines.append(line(setting())) }
        while lines.count < count { lines.append(line(anyLine())) }
        if random.chance(30) { lines[0].bom = true }
        if random.chance(15) { lines[lines.count - 1].noNewlineAtEnd = true }
        return lines
    }

    private mutating func line(_ text: [UInt8]) -> GeneratedLine {
        GeneratedLine(content: .bytes(text), crlf: random.chance(20))
    }

    private mutating func line(_ content: GeneratedLine.Content) -> GeneratedLine {
        GeneratedLine(content: content, crlf: random.chance(20))
    }

    private mutating func anyLine() -> GeneratedLine.Content {
        switch random.int(0...99) {
        case 0..<30: return .bytes(pay())
        case 30..<42: return .bytes(allot())
        case 42..<48: return .bytes(reduce())
        case 48..<56: return .bytes(reverse())
        case 56..<62: return .bytes(contract())
        case 62..<66: return .bytes(carryOrLapse())
        case 66..<69: return .bytes(project(random.pick(Self.projects)))
        case 69..<72: return .seal(date: date(), valid: random.chance(75), verb: random.chance(50) ? "封账" : "seal")
        case 72..<80: return .bytes(comment())
        case 80..<83: return .bytes(plan())
        default: return .bytes(badLine())
        }
    }

    // MARK: Pieces

    mutating func date() -> String {
        if random.chance(3) { return random.pick(["2019-02-30", "2019-2-3", "20190101", "2019-13-01", "２０１９-01-01"]) }
        let year = random.chance(80) ? 2019 : random.pick([2018, 2020])
        let month = random.int(1...12)
        let day = random.chance(10) ? CalendarDate.daysIn(month: month, year: year) : random.int(1...28)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    mutating func blank() -> String {
        switch random.int(0...19) {
        case 0..<14: return " "
        case 14..<17: return "\t"
        case 17..<19: return "  "
        default: return "\u{3000}"
        }
    }

    mutating func verb(_ verb: Verb) -> String { random.chance(70) ? verb.chinese : verb.english }
    mutating func key(_ key: AttributeKey) -> String { random.chance(70) ? key.chinese : key.english }

    mutating func amount() -> String { random.chance(6) ? random.pick(Self.badAmounts) : random.pick(Self.goodAmounts) }

    /// A value in one of its spellings: plain, quoted, quoted with blanks or escapes.
    mutating func value(_ plain: String) -> String {
        switch random.int(0...9) {
        case 0: return "\"\(plain)\""
        case 1: return "\"\(plain) 备注\""
        case 2: return "\"\(plain)\\\"引\\\\号\""
        default: return plain
        }
    }

    /// An ID, quoted now and then (a quoted ID is the same ID).
    mutating func id(_ id: String) -> String { random.chance(12) ? "\"\(id)\"" : id }

    /// Fields joined by random blanks, with a leading blank now and then.
    mutating func join(_ fields: [String]) -> [UInt8] {
        var text = random.chance(5) ? blank() : ""
        for (index, field) in fields.enumerated() {
            if index > 0 { text += blank() }
            text += field
        }
        if random.chance(5) { text += random.pick([" ", "\t"]) }
        return Array(text.utf8)
    }

    /// Key=value pairs, shuffled, with a duplicate or an unknown key now and then.
    mutating func keyed(_ pairs: [(AttributeKey, String)]) -> [String] {
        var fields = pairs.map { "\(key($0.0))=\($0.1)" }
        if random.chance(3), let first = pairs.first { fields.append("\(key(first.0))=\(first.1)") }
        if random.chance(3) { fields.append(random.pick(["颜色=红", "foo=bar", "=x", "凭证="])) }
        fields.shuffle(using: &random)
        return fields
    }

    mutating func project(_ id: String) -> [UInt8] {
        var pairs: [(AttributeKey, String)] = []
        if random.chance(70) { pairs.append((.unit, value(random.pick(Self.units)))) }
        if random.chance(30) { pairs.append((.code, "2100199")) }
        if random.chance(20) { pairs.append((.plan, random.pick(["3月:30,6月:50,12月:100", "6月底:50,12月:100", "13月:5"]))) }
        if random.chance(20) { pairs.append((.tags, random.pick(["三公", "基本,采购"]))) }
        return join([date(), verb(.project), self.id(id), value(random.pick(["办公经费", "专项", "name"]))] + keyed(pairs))
    }

    mutating func setting() -> [UInt8] {
        let pairs: [(AttributeKey, String)] = [(random.pick([.timezone, .warnGap, .org, .graceDays]), random.pick(["+08:00", "-05:00", "10", "\"某某局\"", "x"]))]
        return join([date(), verb(.set)] + keyed(pairs))
    }

    mutating func pay() -> [UInt8] {
        var pairs: [(AttributeKey, String)] = []
        if random.chance(85) { pairs.append((.voucher, value(random.pick(Self.vouchers)))) }
        if random.chance(30) { pairs.append((.payee, value("某公司"))) }
        if random.chance(20) { pairs.append((.contract, value(random.pick(Self.contracts)))) }
        if random.chance(20) { pairs.append((.memo, value("办公用品"))) }
        return join([date(), verb(.pay), id(random.pick(Self.projects)), amount()] + keyed(pairs))
    }

    mutating func allot() -> [UInt8] {
        var pairs: [(AttributeKey, String)] = []
        if random.chance(92) { pairs.append((.doc, value(random.pick(["财预〔2019〕1号", "A1", "A2", "caf\u{E9}", "cafe\u{301}"])))) }
        if random.chance(40) { pairs.append((.kind, random.pick(["年初", "initial", "追加", "supplement", "中期", "\"年初\""]))) }
        if random.chance(20) { pairs.append((.source, value("上级文件"))) }
        if random.chance(10) { pairs.append((.memo, value("备注"))) }
        return join([date(), verb(.allot), id(random.pick(Self.projects)), amount()] + keyed(pairs))
    }

    mutating func reduce() -> [UInt8] {
        var pairs: [(AttributeKey, String)] = []
        if random.chance(90) { pairs.append((.doc, value(random.pick(["D1", "D2", "财预〔2019〕9号"])))) }
        if random.chance(20) { pairs.append((.memo, value("调减"))) }
        return join([date(), verb(.reduce), id(random.pick(Self.projects)), amount()] + keyed(pairs))
    }

    mutating func reverse() -> [UInt8] {
        var pairs: [(AttributeKey, String)] = []
        if random.chance(92) { pairs.append((.of, value(random.pick(Self.vouchers)))) }
        if random.chance(35) { pairs.append((.ofDate, date())) }
        if random.chance(20) { pairs.append((.voucher, value("红-1"))) }
        if random.chance(10) { pairs.append((.memo, value("退回"))) }
        return join([date(), verb(.reverse), id(random.pick(Self.projects)), amount()] + keyed(pairs))
    }

    mutating func contract() -> [UInt8] {
        var pairs: [(AttributeKey, String)] = []
        if random.chance(40) { pairs.append((.party, value("某公司"))) }
        if random.chance(40) { pairs.append((.due, date())) }
        if random.chance(15) { pairs.append((.memo, value("服务"))) }
        return join([date(), verb(.contract), id(random.pick(Self.projects)), id(random.pick(Self.contracts)), amount()] + keyed(pairs))
    }

    mutating func carryOrLapse() -> [UInt8] {
        let isCarry = random.chance(50)
        let when = isCarry && random.chance(70) ? random.pick(["2018-12-31", "2019-12-31"]) : date()
        var pairs: [(AttributeKey, String)] = []
        if random.chance(40) { pairs.append((.reason, value("结余"))) }
        if !isCarry, random.chance(40) { pairs.append((.doc, value("收-1"))) }
        return join([when, verb(isCarry ? .carry : .lapse), id(random.pick(Self.projects)), amount()] + keyed(pairs))
    }

    mutating func plan() -> [UInt8] {
        join([date(), verb(.plan), id(random.pick(Self.projects)), random.pick(["3月:30,12月:100", "6月:50,12月:100", "12月:200"])])
    }

    mutating func comment() -> [UInt8] {
        Array(random.pick(["# 注释 2019", "; note", "   # 缩进的注释", "", "  ", "\t", "#", "# 含\u{3000}全角空格"]).utf8)
    }

    /// A line that is wrong in one of the ways the language knows.
    mutating func badLine() -> [UInt8] {
        let d = date(), p = random.pick(Self.projects)
        switch random.int(0...13) {
        case 0: return Array("\(d) 付款 \(p) 100".utf8)  // unknown verb
        case 1: return Array("\(d) 支付 \(p) 100 颜色=红".utf8)  // unknown key
        case 2: return Array("\(d) 支付 \(p) 100 凭证=V1 voucher=V2".utf8)  // duplicate key
        case 3: return Array("\(d) 支付 \(p)".utf8)  // missing field
        case 4: return Array("\(d) 支付 \(p) 100 200".utf8)  // extra field
        case 5: return Array("2019/01/01 支付 \(p) 100".utf8)  // bad date
        case 6: return Array("\(d) 支付 \(p) 100 凭证=V\u{1}1".utf8)  // control character
        case 7: return Array("\(d) 支付 \(p) 100 摘要=".utf8) + [0xC3, 0x28]  // invalid UTF-8
        case 8: return Array("\(d) 支付 \(p) 100 摘要=a\"b".utf8)  // stray quote
        case 9: return Array("\(d) 支付 \(p) 100 摘要=\"未闭合".utf8)  // unterminated quote
        case 10: return Array("\(d) 下达 \(p) 100".utf8)  // 下达 without 文号
        case 11: return Array("\(d) 支付 \(p) 100 摘要=\"a\\n\"".utf8)  // bad escape
        case 12: return Array("\(d) 支付 \(p)＝1 100".utf8)  // full-width ＝ in an ID
        default: return Array("\(d) 冲销 \(p) 100".utf8)  // 冲销 without 原凭证
        }
    }
}
