import XCTest

@testable import Monitor

/// JSON written straight to bytes (`JSONWriter`, in two halves for long arrays) must be the
/// text the value tree gives, and the escapes must be those fundflow always wrote.
final class JSONWriterTests: XCTestCase {
    private func item(_ n: Int) -> JSONValue {
        .object([
            ("n", .number(String(n))), ("name", .string("项目\(n) \"引号\"\\ \n\t\u{1}\u{2028}")),
            ("tags", .array(n % 3 == 0 ? [] : [.string("a"), .null, .bool(n % 2 == 0)])), ("empty", .object([])),
        ])
    }

    private func written(_ n: Int, into w: inout JSONWriter) {
        w.object { w in
            w.number("n", String(n))
            w.string("name", "项目\(n) \"引号\"\\ \n\t\u{1}\u{2028}")
            w.key("tags")
            w.array(n % 3 == 0 ? [] : [0, 1, 2]) { w, k in
                w.out.append(k == 0 ? "\"a\"" : k == 1 ? "null" : (n % 2 == 0 ? "true" : "false"))
            }
            w.key("empty")
            w.object { _ in }
        }
    }

    func testWrittenArraysMatchTheValueTree() {
        for count in [0, 1, 5, 300, 1001] {
            let tree = JSONValue.object([("items", .array((0..<count).map(item))), ("after", .string("x"))])
            let items = Array(0..<count)
            for parallel in [false, true] {
                let direct = JSONValue.object([
                    ("items", .written { w in w.array(items, parallel: parallel) { w, n in self.written(n, into: &w) } }),
                    ("after", .string("x")),
                ])
                XCTAssertEqual(direct.serialized(), tree.serialized(), "\(count) items, parallel \(parallel)")
                XCTAssertEqual(direct.serialized(indent: 2), tree.serialized(indent: 2))
            }
        }
    }

    func testEscapes() {
        XCTAssertEqual(JSONText.quote("a\"b\\c\nd\re\tf\u{0}\u{1f}\u{7f}\u{2028}\u{2029}中"), "\"a\\\"b\\\\c\\nd\\re\\tf\\u0000\\u001f\u{7f}\\u2028\\u2029中\"")
        XCTAssertEqual(JSONText.quote("局机关 2101502"), "\"局机关 2101502\"")
        XCTAssertEqual(JSONText.quote("\u{2027}\u{202a}"), "\"\u{2027}\u{202a}\"")
        XCTAssertEqual(HTMLRenderer.escape("a&b<c>\"d'e\u{0}中"), "a&amp;b&lt;c&gt;&quot;d&#39;e\u{FFFD}中")
        XCTAssertEqual(HTMLRenderer.escape("项目 450-0203"), "项目 450-0203")
    }

    func testPiecesMadeSideBySideComeInOrder() {
        let pieces: [@Sendable () -> String] = (0..<5).map { n in { String(repeating: "\(n)", count: 1000 * (5 - n)) } }
        XCTAssertEqual(Concurrently.make(pieces), Concurrently.make(pieces, parallel: false))
    }
}
