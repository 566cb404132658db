import TestSupport
import Foundation
import XCTest

@testable import Interchange
@testable import Ledger
@testable import Monitor

/// The flat CSV export reads the money lines' text straight from their bytes (`LineFields`)
/// and every other line through the entry parser, a batch of rows per thread. Both readings,
/// at every batch size, must give exactly the bytes of the export as it was written before
/// (`LegacyFlatCSV`, every line read by the entry parser): on a journal with every verb and
/// key and every awkward value, and on random journals — in memory, and read from files
/// (one or two, in date order or not) the way the command reads them.
final class FlatCSVDifferentialTests: XCTestCase {
    /// Every verb in both spellings, every key of the money verbs in both spellings, values
    /// plain, quoted, escaped, with commas, quotes and formula starters (ASCII and
    /// full-width), blanks of every kind, 原日期, contracts, classes, carry-ins, and two
    /// spellings of one project ID.
    static let everyKey = [
        "\u{FEFF}2019-01-01 设置 单位名称=\"测试局, 本级\"",
        "2019-01-01 项目 P01 培训经费 单位=局机关 科目=2101599 经济科目=302",
        "2019-01-01 project P02 \"信息,化\" unit=\"=中心\" code=2101501 fund=政府性基金",
        "2019-01-01 项目 caf\u{E9} 咖啡 单位=＋本级",
        "2019-01-01 项目 -P4 \"说\\\"明\" 单位=\"a\\\\b\"",
        "2019-01-01 项目 @P5 无单位 资金性质=国有资本经营",
        "# a comment, then a blank line",
        "",
        "2019-01-02 下达 P01 100万 文号=财[2019]1号 类别=年初 来源=\"中央, 转移\" 摘要=年度",
        "2019-01-02 allot P02 100万 doc=D1 kind=supplement source=＝上级 memo=\"-负\"",
        "2019-01-02\t下达\tcafe\u{301}\t50万\t文号=A1",
        "2019-01-02　下达　-P4　50万　文号=\"A 2\"　摘要=@at",
        "2019-01-02 下达 @P5 50万 文号=A3 类别=追加",
        "2019-01-03 下达 P01 1万 文号=A4",
        "2019-01-15 合同 P01 C1 5万 对方=\"某公司,北京\" 期限=2019-12-31 摘要=\"服务\\\\合同\"",
        "2019-01-15 contract P02 C2 1万 party=\"=x\" due=2020-06-30 memo=合同",
        "2019-01-16 合同 -P4 C3 2000",
        "2019-02-01 支付 P01 1000 凭证=V1 收款人=\"某公司,北京\" 合同=C1 经济科目=30217 摘要=\"a\\\"b\"",
        "2019-02-01 pay P02 1,000.50 voucher=V2 payee=\"\t制表\" contract=C2 econ=30201 memo=\"+1\"",
        "2019-02-02 支付 \"P01\" 0.3万元 凭证=\"V 3\" 摘要=\"\"",
        "2019-02-02 支付 caf\u{E9} 100元 凭证=V4 收款人=－全角",
        "2019-02-03 支付 cafe\u{301} 50 凭证=V4",
        "2019-02-03 支付 -P4 50 凭证=V5 收款人=＠全角 摘要=，逗号",
        "2019-02-04 支付 P01 10 收款人=无凭证",
        "2019-02-05 支付 P01 20 凭证=V6 经济科目=30218",
        "2019-03-01 冲销 P01 100 原凭证=V1 原日期=2019-02-01 凭证=R1 摘要=退回",
        "2019-03-01 reverse P02 50 of=V2 of-date=2019-02-01 voucher=R2 memo=\"退,回\"",
        "2019-03-02 冲销 P01 5 原凭证=V6",
        "2019-03-02 冲销 caf\u{E9} 10 原凭证=V4 原日期=2019-02-03",
        "2019-03-03 冲销 \"P01\" 1 原凭证=\"V 3\" 原日期=2019-02-02",
        "2019-03-04 调减 P01 1000 文号=减1 摘要=\"压,减\"",
        "2019-03-04 reduce P02 1000 doc=D2 memo=\"=公式\"",
        "2019-05-01 计划 P01 3月:30,12月:100",
        "2019-12-31 结转 P01 1万 原因=\"跨年,使用\"",
        "2019-12-31 carry P02 2万 reason=-负",
        "2019-12-31 结转 caf\u{E9} 1000",
        "2019-12-31 收回 P01 100 文号=收1 原因=结余",
        "2019-12-31 lapse P02 100 doc=L1 reason=\"结,余\"",
        "2020-01-01 项目 P06 新项目 科目=2101599",
        "2020-01-05 支付 P01 100 凭证=V1 经济科目=30219",
        "2020-01-06 冲销 P01 10 原凭证=V1 原日期=2020-01-05",
        "2020-01-06 冲销 P02 10 原凭证=V2\r",
        "2020-02-01 付款 P01 100",
        "2020-02-01 支付 P01 1.001 凭证=坏",
        "2020-12-31 结转 P01 100",
    ]

    func testEveryKeyAndAwkwardValue() {
        let journal = Self.journal([Self.everyKey.joined(separator: "\n") + "\n"])
        XCTAssertEqual(journal.diagnostics.filter { $0.severity == .error }.map(\.code).sorted(), ["bad-amount", "reverse-other-year", "unknown-verb"])
        let rows = LegacyFlatCSV.render(journal).components(separatedBy: "\r\n")
        XCTAssertEqual(rows.count, 38)
        XCTAssertEqual(rows.filter { $0.contains(",上年结转,carry-in,") }.count, 4)
        XCTAssertTrue(rows.contains { $0.contains(",'-负,") })
        assertAgree(journal, "every key")
    }

    func testRandomJournalsInMemory() {
        let seed = testSeed("FlatCSVDifferentialTests.testRandomJournalsInMemory")
        var random = SplitMix64(seed: seed)
        for round in 0..<40 {
            var generator = ExportJournalGenerator(random: random)
            let text = generator.journal(lines: 30 + random.int(0...150))
            random = generator.random
            assertAgree(Self.journal([text]), "seed \(seed) round \(round)")
        }
    }

    /// Read from files as the command reads them: one file or two, in date order or not (a
    /// line out of place is read on its own), blocks larger than a batch and smaller.
    func testGeneratedJournalReadFromFiles() throws {
        let seed = testSeed("FlatCSVDifferentialTests.testGeneratedJournalReadFromFiles")
        var random = SplitMix64(seed: seed)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flatcsv-\(getpid())-\(seed)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (round, shuffled) in [false, true, false].enumerated() {
            var generator = ExportJournalGenerator(random: random)
            generator.outOfOrder = shuffled ? 20 : 0
            let lines = generator.lines(count: 4_000)
            random = generator.random
            let cut = random.int(1...(lines.count - 1))
            let parts = round == 2 ? [lines[..<cut], lines[cut...]] : [lines[...]]
            var paths: [String] = []
            for (index, part) in parts.enumerated() {
                let path = directory.appendingPathComponent("j\(round)-\(index).journal").path
                try Data(part.joined().utf8).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            guard case .success(let journal) = Validator.load(paths: paths) else { return XCTFail("the journal must load") }
            XCTAssertGreaterThan(journal.acceptedOrder.count, 2_000)
            assertAgree(journal, "seed \(seed) file round \(round)", batches: [97, 1_000, FlatCSVExport.rowsPerBatch])
        }
    }

    /// The public entry points give the same bytes.
    func testRenderAndWriteAgree() {
        let journal = Self.journal([Self.everyKey.joined(separator: "\n") + "\n"])
        var bytes: [UInt8] = []
        FlatCSVExport.write(journal) { bytes += $0 }
        XCTAssertEqual(bytes, Array(FlatCSVExport.render(journal).utf8))
    }

    /// The byte-level field is the report CSVs' rule (`CSVRenderer.field`), as the export
    /// applied it before.
    func testFieldIsTheReportRule() {
        let seed = testSeed("FlatCSVDifferentialTests.testFieldIsTheReportRule")
        var random = SplitMix64(seed: seed)
        let pieces = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠", ",", "\"", "a", "中", "（", "\u{EF}", "\u{FF00}", "e\u{301}", " "]
        var texts = ["", "=1,\"x\"", "plain", "，全角", "＝SUM", "'quoted'"] + pieces
        for _ in 0..<2_000 { texts.append((0..<random.int(1...6)).map { _ in random.pick(pieces) }.joined()) }
        for text in texts {
            let bytes = [UInt8](csvField: text)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), CSVRenderer.field(text), "seed \(seed): \(text.debugDescription)")
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), LegacyFlatCSV.textField(text), "seed \(seed): \(text.debugDescription)")
        }
    }

    // MARK: Support

    static func journal(_ files: [String]) -> Journal {
        Validator.validate(sources: files.enumerated().map { JournalSource(path: "j\($0.offset).journal", bytes: Array($0.element.utf8)) })
    }

    /// Both readings at several batch sizes against the oracle, byte for byte.
    func assertAgree(_ journal: Journal, _ label: String, batches: [Int] = [1, 2, 5, 64, FlatCSVExport.rowsPerBatch], file: StaticString = #filePath, line: UInt = #line) {
        let expected = Array(LegacyFlatCSV.render(journal).utf8)
        for rowsPerBatch in batches {
            for fastLines in [true, false] {
                var bytes: [UInt8] = []
                FlatCSVExport.write(journal, fastLines: fastLines, rowsPerBatch: rowsPerBatch) { bytes += $0 }
                guard bytes != expected else { continue }
                let got = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
                let want = String(decoding: expected, as: UTF8.self).components(separatedBy: "\r\n")
                let row = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
                XCTFail(
                    "\(label), \(fastLines ? "bytes" : "entries"), \(rowsPerBatch) rows a batch: row \(row) is\n\(row < got.count ? got[row] : "(none)")\nnot\n\(row < want.count ? want[row] : "(none)")",
                    file: file, line: line)
                return
            }
        }
    }
}

/// Journals for the export: mostly accepted money lines over three years (so that carry-ins
/// and classes cross batches), with every kind of value the CSV must quote or neutralise, and
/// now and then a line the checker refuses.
struct ExportJournalGenerator {
    var random: SplitMix64
    /// Percent of lines dated back into the past (the file is then not in date order).
    var outOfOrder = 3

    /// Declared once each, in one spelling; lines name them in either.
    static let projects: [(declared: String, spellings: [String])] = [
        ("P01", ["P01", "\"P01\""]), ("P02", ["P02"]), ("450-0201-XMN-0001", ["450-0201-XMN-0001"]),
        ("专项令", ["专项令", "专项\u{F9A8}"]), ("caf\u{E9}", ["caf\u{E9}", "cafe\u{301}"]), ("-P6", ["-P6"]), ("@P7", ["@P7"]),
    ]
    static let texts = [
        "办公用品", "某公司", "a,b", "=SUM(A1)", "+1", "-1", "@x", "＝全角", "＋全角", "－全角", "＠全角", "，全角逗号", "普通 空格",
        "引\"号", "反\\斜", "\t制表", "x", "（括号）", "caf\u{E9}", "全角　空格",
    ]
    static let vouchers = ["V1", "V2", "V3", "记-2019-05-004", "凭证一", "V 5"]
    static let contracts = ["C1", "C2", "合同甲"]

    private var day = 0
    private var paid: [(project: Int, voucher: String, date: String)] = []

    init(random: SplitMix64) { self.random = random }

    mutating func journal(lines count: Int) -> String { lines(count: count).joined() }

    /// The journal's lines, each with its line ending.
    mutating func lines(count: Int) -> [String] {
        var lines = [random.chance(30) ? "\u{FEFF}" : ""]
        lines[0] += "2019-01-01 设置 单位名称=\(value("某局"))\n"
        for project in Self.projects.indices { lines.append(declaration(project)) }
        while lines.count < count {
            day = min(day + (random.chance(8) ? 1 : 0), 3 * 365 - 1)
            lines.append(join(anyLine()) + (random.chance(10) ? "\r\n" : "\n"))
        }
        return lines
    }

    mutating func date() -> String {
        let back = random.chance(outOfOrder) ? random.int(0...day) : 0
        return Self.text(day: day - back)
    }

    static func text(day: Int) -> String {
        var date = CalendarDate(year: 2019, month: 1, day: 1)!
        date = date.addingDays(day)!
        return date.description
    }

    mutating func anyLine() -> [String] {
        switch random.int(0...99) {
        case 0..<45: return pay()
        case 45..<55: return allot()
        case 55..<60: return reduce()
        case 60..<70: return reverse()
        case 70..<78: return contract()
        case 78..<84: return yearEnd()
        case 84..<88: return [date(), pick("计划", "plan"), project(), "3月:30,12月:100"]
        case 88..<92: return ["#", "注释"]
        default: return refused()
        }
    }

    mutating func pay() -> [String] {
        let project = random.int(0...(Self.projects.count - 1))
        let when = date()
        var fields = [when, pick("支付", "pay"), random.pick(Self.projects[project].spellings), amount()]
        if random.chance(85) {
            let voucher = random.pick(Self.vouchers)
            paid.append((project, voucher, when))
            fields.append(key("凭证", "voucher") + "=" + quoted(voucher))
        }
        fields += [optional("收款人", "payee"), optional("摘要", "memo")].compactMap { $0 }
        if random.chance(15) { fields.append(key("合同", "contract") + "=" + random.pick(Self.contracts)) }
        if random.chance(20) { fields.append(key("经济科目", "econ") + "=" + random.pick(["30217", "302", "30201", "31002"])) }
        return shuffledKeys(fields, positional: 4)
    }

    mutating func reverse() -> [String] {
        guard let payment = paid.isEmpty ? nil : random.pick(paid) else { return pay() }
        let spelling = random.pick(Self.projects[payment.project].spellings)
        var fields = [date(), pick("冲销", "reverse"), spelling, random.pick(["1", "0.5", "10"])]
        fields.append(key("原凭证", "of") + "=" + quoted(payment.voucher))
        if random.chance(50) { fields.append(key("原日期", "of-date") + "=" + payment.date) }
        fields += [optional("凭证", "voucher"), optional("摘要", "memo")].compactMap { $0 }
        return shuffledKeys(fields, positional: 4)
    }

    mutating func reduce() -> [String] {
        var fields = [date(), pick("调减", "reduce"), project(), amount(), key("文号", "doc") + "=" + value("减")]
        if let memo = optional("摘要", "memo") { fields.append(memo) }
        return shuffledKeys(fields, positional: 4)
    }

    mutating func allot() -> [String] {
        var fields = [date(), pick("下达", "allot"), project(), random.pick(["100万", "50万元", "1,000,000.00", "20000"]), key("文号", "doc") + "=" + value("财")]
        if random.chance(40) { fields.append(key("类别", "kind") + "=" + random.pick(["年初", "initial", "追加", "supplement"])) }
        fields += [optional("来源", "source"), optional("摘要", "memo")].compactMap { $0 }
        return shuffledKeys(fields, positional: 4)
    }

    mutating func contract() -> [String] {
        var fields = [date(), pick("合同", "contract"), project(), quoted(random.pick(Self.contracts) + String(random.int(1...50))), amount()]
        if random.chance(50) { fields.append(key("期限", "due") + "=" + Self.text(day: random.int(0...1_000))) }
        fields += [optional("对方", "party"), optional("摘要", "memo")].compactMap { $0 }
        return shuffledKeys(fields, positional: 5)
    }

    mutating func yearEnd() -> [String] {
        let year = 2019 + day / 365
        let carry = random.chance(60)
        var fields = ["\(year)-12-31", carry ? pick("结转", "carry") : pick("收回", "lapse"), project(), random.pick(["10", "100", "0.1万"])]
        if let reason = optional("原因", "reason") { fields.append(reason) }
        if !carry, let doc = optional("文号", "doc") { fields.append(doc) }
        return fields
    }

    mutating func refused() -> [String] {
        switch random.int(0...3) {
        case 0: return [date(), "付款", project(), "100"]
        case 1: return [date(), "支付", project(), "1.001"]
        case 2: return [date(), "支付", "P99", "1"]
        default: return [date(), "支付", project(), "999999999"]
        }
    }

    // MARK: Pieces

    mutating func declaration(_ index: Int) -> String {
        let (id, _) = Self.projects[index]
        var fields = ["2019-01-01", pick("项目", "project"), id, value("项目名")]
        if random.chance(70) { fields.append(key("单位", "unit") + "=" + value("局机关")) }
        if random.chance(50) { fields.append(key("科目", "code") + "=" + random.pick(["2101599", "21015", "210"])) }
        if random.chance(30) { fields.append(key("经济科目", "econ") + "=" + random.pick(["302", "30217"])) }
        if random.chance(20) { fields.append(key("资金性质", "fund") + "=" + random.pick(["政府性基金", "一般公共预算"])) }
        return join(fields) + "\n"
    }

    mutating func project() -> String { random.pick(random.pick(Self.projects).spellings) }
    mutating func amount() -> String { random.pick(["100", "1,000.50", "0.01", "12.5", "0.3万元", "1万", "88元"]) }
    mutating func pick(_ chinese: String, _ english: String) -> String { random.chance(75) ? chinese : english }
    mutating func key(_ chinese: String, _ english: String) -> String { pick(chinese, english) }

    mutating func optional(_ chinese: String, _ english: String) -> String? {
        random.chance(50) ? key(chinese, english) + "=" + value(random.pick(Self.texts)) : nil
    }

    /// A value, quoted (escapes and all) when it must be, and now and then when it need not be.
    mutating func value(_ text: String) -> String {
        let text = random.chance(70) ? random.pick(Self.texts) : text
        return quoted(text)
    }

    mutating func quoted(_ text: String) -> String {
        let needs = text.contains(where: { " \t\u{3000}=\"\\".contains($0) })
        guard needs || random.chance(10) else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The fields after the positional ones in a random order.
    mutating func shuffledKeys(_ fields: [String], positional: Int) -> [String] {
        Array(fields[..<positional]) + fields[positional...].shuffled(using: &random)
    }

    mutating func join(_ fields: [String]) -> String {
        var line = random.chance(3) ? " " : ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += random.pick([" ", " ", " ", " ", "\t", "  ", "\u{3000}"]) }
            line += field
        }
        return line
    }
}
