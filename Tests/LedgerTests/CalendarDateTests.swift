import XCTest
@testable import Ledger

/// The journal's `YYYY-MM-DD` dates: parsing, the Gregorian leap rules, day arithmetic.
final class CalendarDateTests: XCTestCase {
    func testParsesValidDates() {
        let d = CalendarDate.parse("2019-03-05")
        XCTAssertEqual(d?.year, 2019)
        XCTAssertEqual(d?.month, 3)
        XCTAssertEqual(d?.day, 5)
        XCTAssertEqual(d?.description, "2019-03-05")
        XCTAssertNotNil(CalendarDate.parse("2019-12-31"))
        XCTAssertNotNil(CalendarDate.parse("1900-01-01"))  // Limits.minYear
        XCTAssertNotNil(CalendarDate.parse("2999-12-31"))  // Limits.maxYear
    }

    func testLeapDays() {
        XCTAssertNil(CalendarDate.parse("2019-02-29"))  // 2019 not divisible by 4
        XCTAssertNotNil(CalendarDate.parse("2020-02-29"))  // divisible by 4
        XCTAssertNil(CalendarDate.parse("1900-02-29"))  // century not divisible by 400
        XCTAssertNotNil(CalendarDate.parse("2000-02-29"))  // divisible by 400
        XCTAssertNil(CalendarDate.parse("2100-02-29"))
        XCTAssertNil(CalendarDate.parse("2020-02-30"))
    }

    func testRejectsMalformedOrImpossibleDates() {
        for text in [
            "2019-13-01", "2019-00-10", "2019-01-00", "2019-04-31", "2019-06-31", "2019-01-32",
            "2019-1-01", "2019-01-1", "19-01-01", "2019/01/01", "2019-01-01 ", " 2019-01-01",
            "20190101", "2019-01-011", "", "1899-12-31", "3000-01-01", "+019-01-01", "2019--1-01",
        ] {
            XCTAssertNil(CalendarDate.parse(text), "“\(text)” should not parse")
        }
    }

    func testASCIIDigitsOnly() {
        XCTAssertNil(CalendarDate.parse("２０１９-０１-０１"))  // full-width digits
        XCTAssertNil(CalendarDate.parse("2019－01－01"))  // full-width hyphen
        XCTAssertNil(CalendarDate.parse("2019-01-0١"))  // Arabic-Indic digit one
    }

    func testDaysInMonth() {
        XCTAssertEqual(CalendarDate.daysIn(month: 2, year: 2019), 28)
        XCTAssertEqual(CalendarDate.daysIn(month: 2, year: 2020), 29)
        XCTAssertEqual(CalendarDate.daysIn(month: 2, year: 1900), 28)
        XCTAssertEqual(CalendarDate.daysIn(month: 2, year: 2000), 29)
        let thirty = [4, 6, 9, 11]
        for month in 1...12 where month != 2 {
            XCTAssertEqual(CalendarDate.daysIn(month: month, year: 2019), thirty.contains(month) ? 30 : 31, "month \(month)")
        }
        XCTAssertEqual(date("2019-06-05").daysInMonth, 30)
        XCTAssertTrue(date("2019-12-31").isYearEnd)
        XCTAssertFalse(date("2019-12-30").isYearEnd)
        XCTAssertTrue(date("2020-02-29").isMonthEnd)
        XCTAssertFalse(date("2019-02-27").isMonthEnd)
    }

    func testKnownDayNumbers() {
        XCTAssertEqual(date("1970-01-01").dayNumber, 0)
        // 1970→2000: 30 × 365 + 7 leap days (1972…1996) = 10957; + 31 (Jan) + 29 (Feb) = 11017
        XCTAssertEqual(date("2000-03-01").dayNumber, 11_017)
        // 1900→1970: 70 × 365 + 17 leap days (1904…1968; 1900 is not leap) = 25567
        XCTAssertEqual(date("1900-01-01").dayNumber, -25_567)
        // 1970→2020: 50 × 365 + 12 leap days (1972…2016) = 18262, so 2019-12-31 is 18261
        XCTAssertEqual(date("2019-12-31").dayNumber, 18_261)
        // 1970→3000: 1030 × 365 + (257 multiples of 4 in 1972…2996 − 7 non-leap centuries
        // 2100 2200 2300 2500 2600 2700 2900) = 375950 + 250 = 376200
        XCTAssertEqual(date("2999-12-31").dayNumber, 376_199)
        XCTAssertNil(CalendarDate(dayNumber: 376_200))  // 3000-01-01 is past Limits.maxYear
        XCTAssertNil(CalendarDate(dayNumber: -25_568))  // 1899-12-31 is before Limits.minYear
    }

    /// Walks every day from 1900-01-01 to 2100-12-31 with a successor function written here
    /// from the leap rule, and checks dayNumber both ways.
    func testDayNumberRoundTripOverTwoCenturies() {
        func leap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var (y, m, d) = (1900, 1, 1)
        var number = -25_567
        var checked = 0
        while y <= 2100 {
            guard let current = CalendarDate(year: y, month: m, day: d) else { return XCTFail("\(y)-\(m)-\(d) refused") }
            if current.dayNumber != number { return XCTFail("\(current) has dayNumber \(current.dayNumber), expected \(number)") }
            if CalendarDate(dayNumber: number) != current { return XCTFail("dayNumber \(number) does not give \(current)") }
            checked += 1
            number += 1
            let length = m == 2 && leap(y) ? 29 : lengths[m - 1]
            d += 1
            if d > length { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
        }
        // 201 years, 49 leap years in 1900…2100 (51 multiples of 4 minus 1900 and 2100) → 201 × 365 + 49
        XCTAssertEqual(checked, 201 * 365 + 49)
    }

    func testDaysUntil() {
        XCTAssertEqual(date("2019-01-01").days(until: date("2019-12-31")), 364)
        XCTAssertEqual(date("2020-01-01").days(until: date("2021-01-01")), 366)
        XCTAssertEqual(date("2019-02-28").days(until: date("2019-03-01")), 1)
        XCTAssertEqual(date("2020-02-28").days(until: date("2020-03-01")), 2)
        XCTAssertEqual(date("2019-12-31").days(until: date("2019-01-01")), -364)
        XCTAssertEqual(date("2019-06-30").days(until: date("2019-06-30")), 0)
        XCTAssertEqual(date("2019-12-31").addingDays(1), date("2020-01-01"))
        XCTAssertEqual(date("2020-03-01").addingDays(-1), date("2020-02-29"))
    }

    func testOrderingAndMonthEnds() {
        XCTAssertLessThan(date("2019-12-31"), date("2020-01-01"))
        XCTAssertLessThan(date("2019-02-28"), date("2019-03-01"))
        XCTAssertEqual(CalendarDate.monthEnd(year: 2020, month: 2), date("2020-02-29"))
        XCTAssertEqual(CalendarDate.monthEnd(year: 2019, month: 4), date("2019-04-30"))
        XCTAssertNil(CalendarDate.monthEnd(year: 2019, month: 13))
        XCTAssertEqual(CalendarDate.yearEnd(2019), date("2019-12-31"))
        XCTAssertNil(CalendarDate(year: 2019, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2019, month: 0, day: 1))
    }
}
