import Foundation
import XCTest

/// Issue 12 end to end: a lapsed project's unpaid contract in next year's report, the curve
/// standing still, the same answers from both loaders.
final class AlertReportTests: FundflowTestCase {
    let lines = [
        "2025-01-01 设置 单位名称=测试局",
        "2025-01-01 项目 P06 乙项目 单位=局机关",
        "2025-01-10 下达 P06 10万 文号=X",
        "2025-02-01 合同 P06 HT-6 10万 对方=某公司 期限=2025-09-30",
        "2025-03-01 支付 P06 4万 合同=HT-6 凭证=V1",
        "2025-12-31 收回 P06 6万 文号=Y",
        "2026-01-01 项目 P07 丙项目 单位=局机关",
        "2026-01-10 下达 P07 5万 文号=Z",
        "2026-04-10 下达 P06 6万 文号=W",
        "2026-04-20 支付 P06 6万 合同=HT-6 凭证=V2",
    ]

    func json(_ arguments: [String], loader: String? = nil) throws -> [String: Any] {
        let result = try run(["-f", journal] + arguments, environment: loader.map { ["FUNDFLOW_LOADER": $0] } ?? [:])
        XCTAssertEqual(result.exitCode, 0, result.summary)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    func testUnpaidContractOfALapsedProjectIsListedNextYearByBothLoaders() throws {
        write(lines: lines)
        for loader in [nil, "full"] {
            let january = try json(["report", "monthly", "--month", "2026-01", "--format", "json"], loader: loader)
            let projects = try XCTUnwrap(january["projects"] as? [[String: Any]])
            let p06 = try XCTUnwrap(projects.first { $0["id"] as? String == "P06" }, "loader \(loader ?? "compact")")
            XCTAssertEqual(p06["status"] as? String, "red")
            XCTAssertEqual(p06["budget"] as? String, "0.00")
            let contracts = try XCTUnwrap(p06["contracts"] as? [[String: Any]])
            XCTAssertEqual(contracts.map { $0["id"] as? String }, ["HT-6"])
            XCTAssertEqual(contracts.first?["signed"] as? String, "2025-02-01")
            XCTAssertEqual(contracts.first?["unpaid"] as? String, "60000.00")
            XCTAssertEqual(contracts.first?["overdue"] as? Bool, true)
            let alerts = try XCTUnwrap(p06["alerts"] as? [[String: Any]])
            XCTAssertEqual(alerts.first { $0["code"] as? String == "UNPAID_CONTRACT" }?["level"] as? String, "red")
            XCTAssertEqual((january["unpaid_contracts"] as? [[String: Any]])?.count, 1)
            // Settled in April.
            let april = try json(["report", "monthly", "--month", "2026-04", "--format", "json"], loader: loader)
            XCTAssertEqual((april["unpaid_contracts"] as? [[String: Any]])?.count, 0)
        }
        let text = try ff("report", "monthly", "--month", "2026-01")
        XCTAssertTrue(text.stdout.contains("合同 HT-6（2025 年签订）应付未付 6.00万元，已过付款期限（2025-09-30）"), text.summary)
        XCTAssertTrue(text.stdout.contains("HT-6（2025年）"), text.summary)
    }

    /// June's point of the curve is the same in June's and September's report, by both loaders.
    func testJuneIsTheSameInSeptembersReport() throws {
        write(lines: [
            "2026-01-01 项目 A 甲", "2026-01-05 下达 A 100万 文号=X", "2026-03-10 支付 A 30万 凭证=V1",
            "2026-07-15 下达 A 50万 文号=Y", "2026-08-10 支付 A 30万 凭证=V2",
        ])
        for loader in [nil, "full"] {
            let june = try json(["report", "monthly", "--month", "2026-06", "--format", "json"], loader: loader)
            let september = try json(["report", "monthly", "--month", "2026-09", "--format", "json"], loader: loader)
            let juneCurve = try XCTUnwrap(june["curve"] as? [[String: Any]])
            let septemberCurve = try XCTUnwrap(september["curve"] as? [[String: Any]])
            XCTAssertEqual(juneCurve[5]["actual"] as? Double, 30)
            XCTAssertEqual(juneCurve[5]["budget"] as? String, "1000000.00")
            XCTAssertEqual(septemberCurve[5]["actual"] as? Double, 30, "not 30 / 150 = 20 %")
            XCTAssertEqual(septemberCurve[5]["budget"] as? String, "1000000.00")
            XCTAssertEqual(septemberCurve[8]["actual"] as? Double, 40)  // 60 / 150
        }
    }
}
