import XCTest
@testable import Ledger

/// Projects are declared once, before any entry that names them, in file order.
final class ProjectRuleTests: XCTestCase {
    func testUnknownUndeclaredAndDuplicateProjects() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费 单位=局机关",  // 1
            "2019-01-02 下达 P99 100 文号=A",  // 2 unknown-project @15
            "2019-01-03 下达 P02 100 文号=B",  // 3 undeclared-project @15: P02 is declared on line 4
            "2019-01-01 项目 P02 信息化",  // 4
            "2019-01-04 项目 P01 重复声明",  // 5 duplicate-project @15
            "2019-01-05 下达 P02 100 文号=C",  // 6 ok
            "2019-01-06 支付 P0l 1",  // 7 unknown-project @15; P01 and P02 are equally close, the first declared is suggested
        ])
        assertErrors(
            journal.diagnostics,
            [
                Spot(2, 15, "unknown-project"), Spot(3, 15, "undeclared-project"),
                Spot(5, 15, "duplicate-project"), Spot(7, 15, "unknown-project"),
            ])
        XCTAssertEqual(journal.accepted, [true, false, false, true, false, true, false])
        XCTAssertEqual(journal.projectOrder, ["P01", "P02"])
        XCTAssertEqual(journal.projects["P01"]?.name, "办公经费")  // the first declaration stands
        XCTAssertEqual(journal.projects["P01"]?.unit, "局机关")
        let messages = Dictionary(journal.diagnostics.map { ($0.location.line, $0.message) }, uniquingKeysWith: { a, _ in a })
        XCTAssertTrue(messages[3]?.contains("第 4 行") ?? false, messages[3] ?? "")
        XCTAssertTrue(messages[5]?.contains("第 1 行") ?? false, messages[5] ?? "")
        XCTAssertTrue(messages[7]?.contains("是不是“P01”") ?? false, messages[7] ?? "")
        // Only line 6 moved money: P02 has 100 元, nothing reached P99.
        let books = journal.books()
        XCTAssertEqual(books.figures("P02", year: 2019).allottedFen, 10_000)
        XCTAssertEqual(books.figures("P99", year: 2019), YearFigures())
    }

    /// Declaration order is file order, not date order: a project declared on a later line
    /// with an earlier date still cannot be used above it.
    func testDeclarationIsByFileOrderNotDate() {
        let journal = validateJournal([
            "2019-05-01 项目 P01 办公经费",
            "2019-03-01 下达 P01 100 文号=A",  // dated before the declaration, written after it: fine
            "2019-03-02 计划 P02 12月:100",  // P02 declared on the next line: refused
            "2018-01-01 项目 P02 信息化",
        ])
        assertErrors(journal.diagnostics, [Spot(3, 15, "undeclared-project")])
        XCTAssertEqual(journal.accepted, [true, true, false, true])
    }

    func testEveryVerbNamingAProjectIsChecked() {
        let hex = String(repeating: "a", count: 64)
        let journal = validateJournal([
            "2019-01-01 下达 X 1 文号=A",
            "2019-01-01 调减 X 1 文号=A",
            "2019-01-01 支付 X 1",
            "2019-01-01 合同 X C1 1",
            "2019-01-01 冲销 X 1 原凭证=V",
            "2019-12-31 结转 X 1",
            "2019-01-01 收回 X 1",
            "2019-01-01 计划 X 12月:100",
            "2019-01-01 设置 黄线=5",
            "2019-01-01 封账 sha256=\(hex)",
        ])
        XCTAssertEqual(journal.diagnostics.filter { $0.code == "unknown-project" }.map(\.location.line), Array(1...8))
    }
}
