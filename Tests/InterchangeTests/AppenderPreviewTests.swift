import Foundation
import XCTest
import Ledger

/// `Appender.preview` (the dry run of a batch) judges exactly as `appendAll` does and
/// never touches a file.
final class AppenderPreviewTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fundflow-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    let journalText = "2019-01-01 项目 P01 一号项目\n2019-01-01 下达 P01 1000.00 文号=D1\n"

    func pay(_ yuan: Int64, _ voucher: String) -> Appender.Draft {
        Appender.Draft(date: CalendarDate(year: 2019, month: 3, day: 5)!, body: .pay(Payment(project: "P01", amountFen: yuan * 100, voucher: voucher)))
    }

    func testPreviewWritesNothingAndAgreesWithAppendAll() throws {
        let file = path("j.journal")
        try Data(journalText.utf8).write(to: URL(fileURLWithPath: file))
        let batch = [pay(600, "v1"), pay(400, "v2")]
        guard case .appended(let lines, let warnings, let journal) = Appender.preview(paths: [file], drafts: { _ in .success(batch) }) else {
            return XCTFail("the batch fits the budget exactly")
        }
        XCTAssertEqual(lines, ["2019-03-05 支付 P01 600.00 凭证=v1", "2019-03-05 支付 P01 400.00 凭证=v2"])
        XCTAssertTrue(warnings.isEmpty)
        XCTAssertEqual(journal.lineCounts, [4], "the would-be journal: 2 lines + 2")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), Data(journalText.utf8), "a preview never writes")

        guard case .appended(let written, _, _) = Appender.appendAll(paths: [file], drafts: { _ in .success(batch) }) else { return XCTFail() }
        XCTAssertEqual(written, lines)
        XCTAssertEqual(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self), journalText + lines.map { $0 + "\n" }.joined())
    }

    func testPreviewOfAFileWithoutFinalNewlineMatchesAppendAll() throws {
        let file = path("j.journal")
        let unterminated = String(journalText.dropLast())
        try Data(unterminated.utf8).write(to: URL(fileURLWithPath: file))
        let batch = [pay(1, "v1")]
        guard case .appended(let lines, let warnings, let journal) = Appender.preview(paths: [file], drafts: { _ in .success(batch) }) else { return XCTFail() }
        XCTAssertEqual(journal.lineCounts, [3], "the last line is mended, then the new line follows")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), Data(unterminated.utf8), "a preview does not mend either")
        guard case .appended(let written, let same, _) = Appender.appendAll(paths: [file], drafts: { _ in .success(batch) }) else { return XCTFail() }
        XCTAssertEqual(written, lines)
        XCTAssertEqual(same, warnings)
        XCTAssertEqual(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self), journalText + lines[0] + "\n")
    }

    func testPreviewRefusesTheWholeBatchLikeAppendAll() throws {
        let file = path("j.journal")
        try Data(journalText.utf8).write(to: URL(fileURLWithPath: file))
        let batch = [pay(600, "v1"), pay(401, "v2")]
        guard case .refused(let diagnostics, let journal) = Appender.preview(paths: [file], drafts: { _ in .success(batch) }) else {
            return XCTFail("1001 元 overspends a 1000 元 budget")
        }
        XCTAssertEqual(diagnostics.filter(\.isError).map(\.location.line), [4], "the second new line overspends")
        XCTAssertEqual(journal.lineCounts, [4])
        guard case .refused(let same, _) = Appender.appendAll(paths: [file], drafts: { _ in .success(batch) }) else { return XCTFail() }
        XCTAssertEqual(same, diagnostics)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), Data(journalText.utf8))
    }

    func testPreviewOfAMissingFileCreatesNothing() {
        let file = path("new.journal")
        let outcome = Appender.preview(paths: [file]) { context in
            XCTAssertTrue(context.precedingBytes.isEmpty)
            XCTAssertTrue(context.journal.entries.isEmpty)
            return .success([Appender.Draft(date: CalendarDate(year: 2019, month: 1, day: 1)!, body: .project(ProjectDeclaration(id: "P01", name: "一")))])
        }
        guard case .appended(let lines, _, _) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(lines, ["2019-01-01 项目 P01 一"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
    }

    func testPreviewDeclinesAndFailsLikeAppendAll() {
        guard case .declined(let message) = Appender.preview(paths: [path("x.journal")], drafts: { _ in .failure(.init("不必写")) }) else { return XCTFail() }
        XCTAssertEqual(message, "不必写")
        guard case .failed = Appender.preview(paths: [folder.path], drafts: { _ in .success([]) }) else { return XCTFail("a folder is not a journal") }
        guard case .failed = Appender.preview(paths: [path("missing-earlier.journal"), path("x.journal")], drafts: { _ in .success([]) }) else {
            return XCTFail("an earlier file must exist")
        }
    }
}
