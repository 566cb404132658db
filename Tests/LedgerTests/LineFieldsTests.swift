import TestSupport
import XCTest

@testable import Ledger

/// `LineFields` reads an accepted line's fields from its bytes as the `Tokenizer` does. On
/// every line the entry parser accepts (random lines in every spelling, and hand-picked ones),
/// whenever it takes the line its fields must be the tokenizer's, byte for byte — and it must
/// take every money line but those with a quoted date or verb.
final class LineFieldsTests: XCTestCase {
    static let handPicked = [
        "2019-02-01 支付 P01 1000 凭证=V1 收款人=\"某公司,北京\" 摘要=\"a\\\"b\\\\c\"",
        "2019-02-01 pay P02 1,000.50 voucher=V2 payee=\"\t制表\" econ=30217 memo=\"\"",
        "2019-02-01\t支付\u{3000}\"P01\"  0.3万元\u{3000}凭证=\"V 3\"\t",
        "  2019-03-01 冲销 P01 100 原凭证=V1 原日期=2019-02-01 凭证=R1 摘要=退回",
        "2019-03-01 reverse P01 100 of=\"V=1\" of-date=2019-02-01",
        "2019-01-02 下达 P01 100万 文号=财[2019]1号 类别=年初 来源=\"中央 转移\" 摘要=＝全角",
        "2019-01-02 reduce P01 1 doc=D1 memo=\"、。\"",
        "2019-01-02 支付 P01 1 摘要=、顿号开头",
        "\"2019-01-02\" 支付 P01 1",
        "2019-01-02 \"支付\" P01 1",
    ]

    func testHandPickedLines() {
        var taken = 0
        for line in Self.handPicked { taken += check(line) ? 1 : 0 }
        XCTAssertEqual(taken, Self.handPicked.count - 2, "all but the quoted date and the quoted verb")
    }

    func testRandomLinesAgreeWithTheTokenizer() {
        let seed = testSeed("LineFieldsTests.testRandomLinesAgreeWithTheTokenizer")
        var generator = LineGenerator(random: SplitMix64(seed: seed))
        var checked = 0
        for line in generator.journal(lines: 3_000) {
            guard case .bytes(let bytes) = line.content else { continue }
            if check(String(decoding: bytes, as: UTF8.self), seed: seed) { checked += 1 }
        }
        XCTAssertGreaterThan(checked, 500, "seed \(seed)")
    }

    /// Whether `LineFields` took the line (an accepted money line); fails when it disagrees
    /// with the tokenizer, or leaves a plain accepted line to the full parser.
    @discardableResult
    private func check(_ text: String, seed: UInt64 = 0, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let bytes = Array(text.utf8)
        guard case .success(let tokens) = Tokenizer.tokenize(bytes[...]), case .entry(_, let body, _) = EntryParser.parse(tokens),
            [.pay, .allot, .reduce, .reverse, .contract, .carry, .lapse].contains(body.verb)
        else { return false }
        var fields = LineFields()
        let taken = bytes.withUnsafeBufferPointer { fields.split($0, verb: body.verb) }
        let quotedHead = tokens.prefix(2).contains { $0.quoted }
        XCTAssertEqual(taken, !quotedHead, "seed \(seed): \(text)", file: file, line: line)
        guard taken else { return false }
        let positionals = tokens.dropFirst(2).filter { $0.key == nil }.map { Array($0.value.utf8) }
        XCTAssertEqual(fields.positionals.map { Array(fields.text[$0]) }, positionals, "seed \(seed): \(text)", file: file, line: line)
        let attributes = tokens.compactMap { token in token.key.map { (String(decoding: $0, as: UTF8.self), Array(token.value.utf8)) } }
        XCTAssertEqual(fields.attributes.count, attributes.count, "seed \(seed): \(text)", file: file, line: line)
        for ((key, value), (spelling, expected)) in zip(fields.attributes, attributes) {
            XCTAssertTrue(key.chinese == spelling || key.english == spelling, "seed \(seed): \(text)", file: file, line: line)
            XCTAssertEqual(Array(fields.text[value]), expected, "seed \(seed): \(text)", file: file, line: line)
            XCTAssertEqual(fields.value(key), value)
        }
        return true
    }
}
