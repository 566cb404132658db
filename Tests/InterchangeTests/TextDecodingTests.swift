import Foundation
import XCTest
@testable import Interchange

/// UTF-8, UTF-8 with BOM, GBK/GB18030 and the files that are not text at all.
final class TextDecodingTests: XCTestCase {
    /// "项目编码,金额,日期\n" in GBK, written out by hand from the GB2312 table:
    /// 项 CFEE 目 C4BF 编 B1E0 码 C2EB 金 BDF0 额 B6EE 日 C8D5 期 C6DA.
    let gbkHeader = hexBytes("CF EE C4 BF B1 E0 C2 EB 2C BD F0 B6 EE 2C C8 D5 C6 DA 0A")

    func decoded(_ bytes: [UInt8], as choice: TextDecoding.Choice = .auto) -> TextDecoding.Decoded? {
        if case .success(let value) = TextDecoding.decode(bytes, as: choice) { return value }
        return nil
    }

    func failure(_ bytes: [UInt8], as choice: TextDecoding.Choice = .auto) -> TextDecoding.Failure? {
        if case .failure(let value) = TextDecoding.decode(bytes, as: choice) { return value }
        return nil
    }

    func testPlainUTF8() {
        XCTAssertEqual(decoded(Array("项目编码,金额\n".utf8)), TextDecoding.Decoded(text: "项目编码,金额\n", encoding: .utf8))
        XCTAssertEqual(decoded(Array("date,amount\n".utf8))?.encoding, .utf8, "plain ASCII is UTF-8")
    }

    func testUTF8WithBOMDropsTheBOM() {
        XCTAssertEqual(decoded([0xEF, 0xBB, 0xBF] + Array("日期\n".utf8)), TextDecoding.Decoded(text: "日期\n", encoding: .utf8WithBOM))
    }

    func testRealGBKBytesAreDetected() {
        XCTAssertEqual(decoded(gbkHeader), TextDecoding.Decoded(text: "项目编码,金额,日期\n", encoding: .gb18030))
        XCTAssertEqual(decoded(gbkHeader, as: .gb18030)?.text, "项目编码,金额,日期\n")
    }

    func testFoundationEncodedGB18030RoundTrips() throws {
        let text = "支付日期,收款单位,金额（元）\n2019/3/5,河北省医疗保障局,\"¥39,000.00\"\n"
        let data = try XCTUnwrap(text.data(using: TextDecoding.gb18030Encoding))
        XCTAssertNotEqual(Array(data), Array(text.utf8))
        XCTAssertEqual(decoded(Array(data)), TextDecoding.Decoded(text: text, encoding: .gb18030))
    }

    func testForcedUTF8OnGBKNamesTheLine() throws {
        let bytes = Array("日期,金额\n".utf8) + gbkHeader
        let problem = try XCTUnwrap(failure(bytes, as: .utf8))
        XCTAssertEqual(problem.line, 2)
        XCTAssertTrue(problem.message.contains("不是有效的 UTF-8"), problem.message)
        XCTAssertTrue(problem.message.contains("--encoding gbk"), problem.message)
    }

    func testUndecodableBytesNameTheLine() throws {
        // 0xFF is neither UTF-8 nor GB18030; line 3.
        let bytes = Array("a,b\n1,2\n".utf8) + [0x33, 0xFF, 0xFF, 0x0A] + Array("4,5\n".utf8)
        let problem = try XCTUnwrap(failure(bytes))
        XCTAssertEqual(problem.line, 3)
        XCTAssertTrue(problem.message.contains("既不是 UTF-8，也不是 GBK/GB18030"), problem.message)
    }

    func testUTF16WithBOM() throws {
        let data = try XCTUnwrap("日期\t金额\n".data(using: .utf16LittleEndian))
        XCTAssertEqual(decoded([0xFF, 0xFE] + Array(data)), TextDecoding.Decoded(text: "日期\t金额\n", encoding: .utf16))
    }

    func testWorkbooksAndBinaryAreRefused() throws {
        XCTAssertTrue(try XCTUnwrap(failure([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])).message.contains(".xlsx"))
        XCTAssertTrue(try XCTUnwrap(failure([0xD0, 0xCF, 0x11, 0xE0, 0xA1])).message.contains(".xls"))
        let nul = try XCTUnwrap(failure(Array("a\nb".utf8) + [0x00, 0x41]))
        XCTAssertEqual(nul.line, 2)
        XCTAssertTrue(nul.message.contains("NUL"))
    }

    func testChoiceNames() {
        XCTAssertEqual(TextDecoding.Choice.named("GBK"), .gb18030)
        XCTAssertEqual(TextDecoding.Choice.named("gb18030"), .gb18030)
        XCTAssertEqual(TextDecoding.Choice.named("UTF8"), .utf8)
        XCTAssertEqual(TextDecoding.Choice.named("auto"), .auto)
        XCTAssertNil(TextDecoding.Choice.named("big5"))
    }

    func testStrictUTF8Validation() {
        XCTAssertNil(TextDecoding.firstInvalidUTF8(Array("价税合计 €😀".utf8)[...]))
        XCTAssertEqual(TextDecoding.firstInvalidUTF8([0x41, 0xC0, 0x80][...]), 1, "overlong")
        XCTAssertEqual(TextDecoding.firstInvalidUTF8([0xED, 0xA0, 0x80][...]), 0, "surrogate")
        XCTAssertEqual(TextDecoding.firstInvalidUTF8([0x41, 0x42, 0xE4, 0xB8][...]), 2, "truncated")
    }
}
