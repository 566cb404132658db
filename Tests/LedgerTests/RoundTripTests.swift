import TestSupport
import XCTest
@testable import Ledger

/// The writer's promise: reading back a written entry gives the same entry,
/// `parse(write(e)) == e`, for every verb and for values that need quoting.
final class RoundTripTests: XCTestCase {
    /// Values that need quotes or could be mistaken for something else.
    static let awkward = [
        "a b", "a=b", "a\"b", "a\\b", "#x", ";x", "", "全角　空格", "tab\there", "文号＝X", "摘要＝", "\"", "\\", "=",
        "end\\", "\\\"", "a，b", "  lead", "trail ", "12月:100", "2019-03-01", "-5", "😀é",
    ]

    /// Writes the entry, reads it back, and checks it is the same entry with no diagnostic.
    static func assertRoundTrip(_ date: CalendarDate, _ body: EntryBody, file: StaticString = #filePath, line: UInt = #line) {
        let text = JournalWriter.line(date: date, body: body)
        let parsed = parseJournal(text + "\n")
        XCTAssertEqual(parsed.diagnostics.map { "\($0.code)@\($0.location.column)" }, [], text, file: file, line: line)
        XCTAssertEqual(parsed.entries.count, 1, text, file: file, line: line)
        guard let back = parsed.entries.first else { return }
        XCTAssertEqual(back.date, date, text, file: file, line: line)
        XCTAssertEqual(back.body, body, text, file: file, line: line)
        // The canonical line is a fixed point.
        XCTAssertEqual(JournalWriter.line(back), text, file: file, line: line)
    }

    private let day = CalendarDate(year: 2019, month: 3, day: 5)!
    private let plan = DisbursementPlan(checkpoints: [.init(month: 3, percentBasisPoints: 3050), .init(month: 12, percentBasisPoints: 10_000)])

    func testEveryVerbPlain() {
        let bodies: [EntryBody] = [
            .project(ProjectDeclaration(id: "P01", name: "办公经费", unit: "局机关", code: "2080101", plan: plan, tags: ["基本", "三公"])),
            .project(ProjectDeclaration(id: "P02", name: "其他")),
            .project(ProjectDeclaration(id: "P03", name: "三公", code: "210", econ: "30217", fund: .governmentFund)),
            .project(ProjectDeclaration(id: "P04", name: "其他资金", code: "21015", econ: "302", fund: .other)),
            .allot(Allotment(project: "P01", amountFen: 11_610_000, doc: "承财社[2019]107号", kind: .supplement, source: "中央", memo: "m")),
            .allot(Allotment(project: "P01", amountFen: 1, doc: "A")),
            .reduce(Reduction(project: "P01", amountFen: 100_000, doc: "R", memo: "压减")),
            .pay(Payment(project: "P01", amountFen: 7_737_948, voucher: "记-12", payee: "某公司", contract: "C1", memo: "m")),
            .pay(Payment(project: "P01", amountFen: Limits.maxAmountFen)),
            .pay(Payment(project: "P01", amountFen: 1, voucher: "V", econ: "31013", memo: "购车")),
            .contract(ContractSigning(project: "P01", contractID: "C1", amountFen: 50_094_000, party: "某公司", due: CalendarDate(year: 2019, month: 12, day: 31), memo: "m")),
            .reverse(Reversal(project: "P01", amountFen: 10_000, ofVoucher: "记-12", ofDate: day, voucher: "记-30", memo: "m")),
            .reverse(Reversal(project: "P01", amountFen: 10_000, ofVoucher: "记-12")),
            .carry(CarryOver(project: "P01", amountFen: 500_000, reason: "未完工")),
            .lapse(Lapse(project: "P01", amountFen: 500_000, doc: "财预[2019]3号", reason: "结余")),
            .lapse(Lapse(project: "P01", amountFen: 500_000)),
            .plan(PlanChange(project: "P01", plan: plan)),
            .set(
                SettingsChange(
                    organisation: "某市医疗保障局", defaultPlan: plan, warnGapBasisPoints: 500, alarmGapBasisPoints: 1250,
                    targetRateBasisPoints: 9999, idleDays: 60)),
            .set(SettingsChange(warnGapBasisPoints: 0)),
            .seal(Seal(sha256: String(repeating: "0123456789abcdef", count: 4))),
        ]
        XCTAssertEqual(Set(bodies.map(\.verb)), Set(Verb.allCases))
        for body in bodies { Self.assertRoundTrip(day, body) }
    }

    func testCanonicalLineShape() {
        XCTAssertEqual(
            JournalWriter.line(date: day, body: .allot(Allotment(project: "P01", amountFen: 11_610_000, doc: "A", kind: .supplement))),
            "2019-03-05 下达 P01 116100.00 文号=A 类别=追加")
        XCTAssertEqual(
            JournalWriter.line(date: day, body: .pay(Payment(project: "P01", amountFen: 1, memo: "a b"))),
            "2019-03-05 支付 P01 0.01 摘要=\"a b\"")
        XCTAssertEqual(JournalWriter.quoteIfNeeded("a\"b\\c"), #""a\"b\\c""#)
        XCTAssertEqual(JournalWriter.quoteIfNeeded(""), #""""#)
        XCTAssertEqual(JournalWriter.quoteIfNeeded("普通"), "普通")
        XCTAssertEqual(JournalWriter.quoteIfNeeded("#x"), ##""#x""##)  // would start a comment at line start
        XCTAssertEqual(JournalWriter.quoteIfNeeded("甲＝乙"), #""甲＝乙""#)  // a full-width ＝ could read as a mistyped key
        XCTAssertEqual(JournalWriter.quoteIfNeeded("全角　空格"), #""全角　空格""#)
    }

    /// Every awkward value in every free-text field, and in the IDs where an ID may hold it.
    func testAwkwardValuesInEveryField() {
        for value in Self.awkward {
            let id = isValidID(value) ? value : "P01"
            let bodies: [EntryBody] = [
                .project(ProjectDeclaration(id: id, name: value, unit: value, code: "2101599", econ: "30211", fund: .grant, tags: isValidTag(value) ? [value, "x"] : [])),
                .allot(Allotment(project: id, amountFen: 100, doc: value, source: value, memo: value)),
                .reduce(Reduction(project: id, amountFen: 100, doc: value, memo: value)),
                .pay(Payment(project: id, amountFen: 100, voucher: value, payee: value, contract: value, econ: "301", memo: value)),
                .contract(ContractSigning(project: id, contractID: id, amountFen: 100, party: value, memo: value)),
                .reverse(Reversal(project: id, amountFen: 100, ofVoucher: value, voucher: value, memo: value)),
                .carry(CarryOver(project: id, amountFen: 100, reason: value)),
                .lapse(Lapse(project: id, amountFen: 100, doc: value, reason: value)),
                .plan(PlanChange(project: id, plan: .evenPace)),
                .set(SettingsChange(organisation: value)),
            ]
            for body in bodies { Self.assertRoundTrip(day, body) }
        }
    }

    /// A randomised round trip of many entries of every verb, written as one journal and
    /// read back in one go.
    func testRandomEntriesRoundTrip() {
        let seed = testSeed("RoundTripTests.testRandomEntriesRoundTrip")
        var random = SplitMix64(seed: seed)
        var expected: [(CalendarDate, EntryBody)] = []
        var text = ""
        for index in 0..<3_000 {
            let verb = Verb.allCases[index % Verb.allCases.count]
            let entry = (Self.randomDate(&random), Self.randomBody(verb, &random))
            expected.append(entry)
            text += JournalWriter.line(date: entry.0, body: entry.1) + "\n"
        }
        let parsed = parseJournal(text)
        XCTAssertEqual(parsed.diagnostics.count, 0, "seed \(seed): " + parsed.diagnostics.prefix(3).map { "\($0.location.line):\($0.code) “\(parsed.sources[0].lineText($0.location.line) ?? "")”" }.joined(separator: " | "))
        XCTAssertEqual(parsed.entries.count, expected.count, "seed \(seed)")
        var mismatches = 0
        for (entry, want) in zip(parsed.entries, expected) where entry.date != want.0 || entry.body != want.1 {
            mismatches += 1
            if mismatches <= 3 { XCTFail("seed \(seed): line \(entry.location.line) “\(JournalWriter.line(date: want.0, body: want.1))” read back as \(entry.body)") }
        }
    }

    // MARK: - Random valid entries

    static let alphabet: [String] = [
        "a", "Z", "0", "9", "-", "_", ".", "中", "文", "号", "月", "＝", "，", ",", ":", "：", " ", "\t", "\u{3000}",
        "=", "\"", "\\", "#", ";", "[", "]", "%", "。", "😀", "é", "\u{FEFF}", "\u{85}", "\u{2028}",
    ]

    static func randomText(_ random: inout SplitMix64, maxLength: Int = 8, avoiding: Set<String> = []) -> String {
        let letters = alphabet.filter { !avoiding.contains($0) }
        return (0..<random.int(0...maxLength)).map { _ in random.pick(letters) }.joined()
    }

    static func randomID(_ random: inout SplitMix64) -> String {
        var id = ""
        while !isValidID(id) { id = randomText(&random, maxLength: 6, avoiding: [" ", "\t", "\u{3000}", "="]) }
        return id
    }

    static func randomOptional(_ random: inout SplitMix64) -> String? {
        random.chance(30) ? nil : randomText(&random)
    }

    static func randomDate(_ random: inout SplitMix64) -> CalendarDate {
        // 1900-01-01 … 2999-12-31 (day numbers from CalendarDateTests)
        CalendarDate(dayNumber: random.int(-25_567...376_199))!
    }

    static func randomAmount(_ random: inout SplitMix64) -> Int64 {
        switch random.int(0...3) {
        case 0: return random.int64(1...99)
        case 1: return random.int64(1...10_000_000)
        case 2: return random.int64(1...Limits.maxAmountFen)
        default: return random.pick([1, Limits.maxAmountFen, Limits.maxAmountFen - 1, 1_000_000])
        }
    }

    /// A classification code of one of the lengths (digits only), or nil.
    static func randomCode(_ random: inout SplitMix64, lengths: [Int]) -> String? {
        guard random.chance(60) else { return nil }
        return String((0..<random.pick(lengths)).map { _ in random.pick(Array("0123456789")) })
    }

    static func randomPercent(_ random: inout SplitMix64) -> Int64 { random.int64(0...10_000) }

    static func randomPlan(_ random: inout SplitMix64) -> DisbursementPlan {
        let months = (1...12).filter { _ in random.chance(30) }
        var percent: Int64 = 0
        var checkpoints: [DisbursementPlan.Checkpoint] = []
        for month in months.isEmpty ? [12] : months {
            percent = random.int64(percent...10_000)
            checkpoints.append(.init(month: month, percentBasisPoints: percent))
        }
        return DisbursementPlan(checkpoints: checkpoints)
    }

    static func randomBody(_ verb: Verb, _ random: inout SplitMix64) -> EntryBody {
        let project = randomID(&random)
        switch verb {
        case .project:
            let tags = (0..<random.int(0...3)).map { _ -> String in
                var tag = ""
                while !isValidTag(tag) { tag = randomText(&random, maxLength: 5, avoiding: [",", "，"]) }
                return tag
            }
            return .project(
                ProjectDeclaration(
                    id: project, name: randomText(&random), unit: randomOptional(&random),
                    code: randomCode(&random, lengths: [3, 5, 7]), econ: randomCode(&random, lengths: [3, 5]),
                    fund: random.chance(50) ? nil : random.pick(Fund.allCases), plan: random.chance(50) ? randomPlan(&random) : nil, tags: tags))
        case .allot:
            return .allot(
                Allotment(
                    project: project, amountFen: randomAmount(&random), doc: randomText(&random),
                    kind: random.chance(50) ? .initial : .supplement, source: randomOptional(&random), memo: randomOptional(&random)))
        case .reduce:
            return .reduce(Reduction(project: project, amountFen: randomAmount(&random), doc: randomText(&random), memo: randomOptional(&random)))
        case .pay:
            return .pay(
                Payment(
                    project: project, amountFen: randomAmount(&random), voucher: randomOptional(&random), payee: randomOptional(&random),
                    contract: randomOptional(&random), econ: randomCode(&random, lengths: [3, 5]), memo: randomOptional(&random)))
        case .contract:
            return .contract(
                ContractSigning(
                    project: project, contractID: randomID(&random), amountFen: randomAmount(&random),
                    party: randomOptional(&random), due: random.chance(50) ? randomDate(&random) : nil, memo: randomOptional(&random)))
        case .reverse:
            return .reverse(
                Reversal(
                    project: project, amountFen: randomAmount(&random), ofVoucher: randomText(&random),
                    ofDate: random.chance(50) ? randomDate(&random) : nil, voucher: randomOptional(&random), memo: randomOptional(&random)))
        case .carry:
            return .carry(CarryOver(project: project, amountFen: randomAmount(&random), reason: randomOptional(&random)))
        case .lapse:
            return .lapse(Lapse(project: project, amountFen: randomAmount(&random), doc: randomOptional(&random), reason: randomOptional(&random)))
        case .plan:
            return .plan(PlanChange(project: project, plan: randomPlan(&random)))
        case .set:
            var change = SettingsChange()
            while change == SettingsChange() {
                if random.chance(40) { change.organisation = randomText(&random) }
                if random.chance(40) { change.defaultPlan = randomPlan(&random) }
                if random.chance(40) { change.warnGapBasisPoints = randomPercent(&random) }
                if random.chance(40) { change.alarmGapBasisPoints = randomPercent(&random) }
                if random.chance(40) { change.targetRateBasisPoints = randomPercent(&random) }
                if random.chance(40) { change.idleDays = random.int(1...3660) }
            }
            return .set(change)
        case .seal:
            let hex = Array("0123456789abcdef")
            return .seal(Seal(sha256: String((0..<64).map { _ in random.pick(hex) })))
        }
    }
}

/// SPEC: an ID is any token without blanks or `=`.
func isValidID(_ value: String) -> Bool {
    !value.isEmpty && !value.unicodeScalars.contains { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "=" }
}

/// A tag is written in a comma-separated list: it cannot be empty or hold a comma of either width.
func isValidTag(_ value: String) -> Bool {
    !value.isEmpty && !value.contains(",") && !value.contains("，")
}
