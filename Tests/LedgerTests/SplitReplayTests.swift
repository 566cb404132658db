import XCTest

@testable import Ledger

/// The replay that applies only one project's entries (for `register`) must give that
/// project exactly what the replay of every entry gives.
final class SplitReplayTests: XCTestCase {
    /// Two years, three projects: contracts paid across the year end, a 冲销 of a payment with
    /// a contract, a voucher shared by two projects, plans, carry-over and lapse with reasons.
    private let lines = [
        "2018-01-01 项目 P01 办公经费 单位=局机关",
        "2018-01-01 项目 P02 信息化 单位=信息中心 计划=6月:40,12月:100",
        "2018-01-01 项目 P03 培训 单位=局机关",
        "2018-01-02 下达 P01 1000 文号=A1",
        "2018-01-02 下达 P02 2000 文号=A2",
        "2018-01-03 下达 P03 500 文号=A3",
        "2018-02-01 合同 P02 HT-1 1500 对方=某公司 期限=2019-03-31",
        "2018-02-01 合同 P01 HT-2 400 对方=某商店",
        "2018-03-01 支付 P02 500 凭证=V1 合同=HT-1",
        "2018-03-01 支付 P01 100 凭证=V1 合同=HT-2",
        "2018-04-01 冲销 P02 200 原凭证=V1",
        "2018-05-01 支付 P03 120 凭证=V2",
        "2018-06-15 计划 P01 6月:30,12月:100",
        "2018-12-31 结转 P02 1200 原因=合同未付完",
        "2018-12-31 收回 P01 300 文号=S1 原因=结余",
        "2018-12-31 结转 P03 380",
        "2019-01-05 下达 P01 800 文号=B1",
        "2019-02-01 支付 P02 600 凭证=V3 合同=HT-1",
        "2019-02-02 合同 P03 HT-3 300 对方=培训公司",
        "2019-03-01 支付 P03 100 凭证=V4 合同=HT-3",
        "2019-03-02 冲销 P03 50 原凭证=V4",
        "2019-04-01 支付 P01 90 凭证=V5 合同=HT-2",
        "2019-06-30 计划 P03 9月:50,12月:100",
        "2019-07-01 下达 P02 100 文号=B2 类别=追加",
    ]

    func testOneProjectReplayGivesItsFiguresInTheWholeReplay() {
        let journal = validateJournal(lines)
        XCTAssertEqual(journal.diagnostics.filter(\.isError).map(\.code), [])
        var whole: [Int: YearFigures] = [:]
        journal.replayAccepted { index, after in whole[index] = after }
        for id in ["P01", "P02", "P03"] {
            let number = journal.projectNumber(id)!
            var seen = 0
            journal.replayAccepted(project: number) { index, after in
                XCTAssertEqual(journal.projectNumber(at: index), number)
                XCTAssertEqual(after, whole[index], "\(id) entry \(index)")
                seen += 1
            }
            XCTAssertEqual(seen, whole.keys.filter { journal.projectNumber(at: $0) == number }.count, id)
        }
    }
}
