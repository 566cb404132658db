import XCTest
import Ledger
@testable import Interchange

/// The date forms of Chinese spreadsheets, Excel serials with the 1900 leap-year bug.
final class SpreadsheetDateTests: XCTestCase {
    func parsed(_ text: String) -> String? {
        if case .success(let date) = SpreadsheetDate.parse(text) { return date.description }
        return nil
    }

    func problem(_ text: String) -> String {
        if case .failure(let problem) = SpreadsheetDate.parse(text) { return problem.message }
        return "(parsed)"
    }

    func testEveryForm() {
        for text in [
            "2019-03-05", "2019-3-5", "2019/3/5", "2019/03/05", "2019.3.5", "2019年3月5日", "2019年03月05日",
            "2019年3月5号", "20190305", "2019 年 3 月 5 日", " 2019-03-05 ", "２０１９－０３－０５", "２０１９年３月５日",
            "2019/3/5 0:00", "2019-03-05 00:00:00", "2019-03-05T00:00:00", "2019年3月5日 10时", "43529", "43529.0", "43529.75",
        ] {
            XCTAssertEqual(parsed(text), "2019-03-05", text)
        }
    }

    func testExcelSerialsWorkedOutByHand() {
        // 1970-01-01 is serial 25569 (days since 1899-12-30); 2019-03-05 is day 17960 after it:
        // 49 years of 365 days plus 12 leap days (1972…2016) = 17897, then 31 + 28 + 4 = 63.
        XCTAssertEqual(SpreadsheetDate.fromExcelSerial(43529)?.description, "2019-03-05")
        XCTAssertEqual(SpreadsheetDate.fromExcelSerial(25569)?.description, "1970-01-01")
        XCTAssertEqual(SpreadsheetDate.fromExcelSerial(44197)?.description, "2021-01-01")
        XCTAssertEqual(SpreadsheetDate.fromExcelSerial(43830)?.description, "2019-12-31")
        // The phantom 1900-02-29 and the days around it.
        XCTAssertEqual(SpreadsheetDate.fromExcelSerial(1)?.description, "1900-01-01")
        XCTAssertEqual(SpreadsheetDate.fromExcelSerial(59)?.description, "1900-02-28")
        XCTAssertNil(SpreadsheetDate.fromExcelSerial(60))
        XCTAssertEqual(SpreadsheetDate.fromExcelSerial(61)?.description, "1900-03-01")
        XCTAssertNil(SpreadsheetDate.fromExcelSerial(0))
        XCTAssertNil(SpreadsheetDate.fromExcelSerial(-5))
        for serial in [1, 59, 61, 25569, 43529, 44197] {
            XCTAssertEqual(SpreadsheetDate.excelSerial(SpreadsheetDate.fromExcelSerial(serial)!), serial)
        }
    }

    func testRefusedWithAReason() {
        XCTAssertTrue(problem("3/5/2019").contains("年份写在了最后"))
        XCTAssertTrue(problem("19/3/5").contains("四位"))
        XCTAssertTrue(problem("2019-02-29").contains("不存在"))
        XCTAssertTrue(problem("2019/13/1").contains("不存在"))
        XCTAssertTrue(problem("2019").contains("只有年份"))
        XCTAssertTrue(problem("").contains("为空"))
        XCTAssertTrue(problem("2019-3/5").contains("无法识别"), "mixed separators")
        XCTAssertTrue(problem("2019年3月").contains("无法识别"))
        XCTAssertTrue(problem("三月五日").contains("无法识别"))
        XCTAssertTrue(problem("2019-03-05 下午").contains("无法识别"))
        XCTAssertTrue(problem("1234567").contains("无法识别"), "only five-digit serials are taken for dates")
    }

    func testLeapDayAndRange() {
        XCTAssertEqual(parsed("2020/2/29"), "2020-02-29")
        XCTAssertEqual(parsed("20200229"), "2020-02-29")
        XCTAssertNil(parsed("1899-12-31"))
    }
}
