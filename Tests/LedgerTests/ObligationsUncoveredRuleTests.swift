import XCTest
@testable import Ledger

/// Spec §1 "Warnings": a 收回 or 结转 that leaves a project's unpaid contract balances larger
/// than the money it still holds (available + carried_out). The obligation remains; the entry
/// is accepted.
final class ObligationsUncoveredRuleTests: XCTestCase {
    func testLapseAndCarryThatLeaveAContractUncovered() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",  // 1
            "2019-01-02 下达 P01 1000 文号=A1",  // 2 available 1000
            "2019-02-01 合同 P01 HT-1 600",  // 3
            "2019-03-01 支付 P01 100 凭证=V1 合同=HT-1",  // 4 HT-1 unpaid 500; available 900
            "2019-06-01 收回 P01 400",  // 5 available 500 = unpaid 500: covered, no warning
            "2019-07-01 收回 P01 100",  // 6 available 400 < 500: warning
            "2019-12-31 结转 P01 400",  // 7 held 0 + 400 carried < 500: warning
        ])
        assertErrors(journal.diagnostics, [])
        // The amount is column 19 on both lines.
        assertWarnings(journal.diagnostics, [Spot(6, 19, "obligations-uncovered"), Spot(7, 19, "obligations-uncovered")])
        XCTAssertEqual(journal.accepted, Array(repeating: true, count: 7))
        let messages = journal.diagnostics.filter { $0.code == "obligations-uncovered" }.map(\.message)
        // 500 元 unpaid = 0.05万元; held 400 元 = 0.04万元; the contract is named.
        for message in messages {
            XCTAssertTrue(message.contains("HT-1") && message.contains("0.05万元") && message.contains("0.04万元"), message)
        }
        XCTAssertTrue(messages.first?.contains("收回") == true && messages.last?.contains("结转") == true, "\(messages)")
    }

    /// 结转 keeps the money for the project: carried_out counts as held.
    func testCarryingEverythingStillCoversTheContract() {
        let journal = validateJournal([
            "2019-01-01 项目 P02 专项",  // 1
            "2019-01-02 下达 P02 1000 文号=B1",  // 2
            "2019-02-01 合同 P02 HT-2 1000",  // 3 unpaid 1000
            "2019-12-31 结转 P02 1000",  // 4 held 0 + 1000 = unpaid: no warning
        ])
        assertWarnings(journal.diagnostics, [])
        assertErrors(journal.diagnostics, [])
    }

    /// Only unpaid balances count: a fully paid contract is no obligation, and another
    /// project's contracts are not this project's.
    func testPaidContractsAndOtherProjectsDoNotCount() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 甲",  // 1
            "2019-01-01 项目 P02 乙",  // 2
            "2019-01-02 下达 P01 1000 文号=A1",  // 3
            "2019-01-02 下达 P02 1000 文号=A2",  // 4
            "2019-02-01 合同 P01 HT-1 300",  // 5
            "2019-02-01 合同 P02 HT-2 900",  // 6 P02's obligation
            "2019-03-01 支付 P01 300 凭证=V1 合同=HT-1",  // 7 HT-1 settled
            "2019-06-01 收回 P01 700",  // 8 P01: nothing unpaid, no warning
            "2019-06-02 收回 P02 200",  // 9 P02: 800 held < 900: warning
        ])
        assertWarnings(journal.diagnostics, [Spot(9, 19, "obligations-uncovered")])
        let message = journal.diagnostics.first { $0.code == "obligations-uncovered" }?.message ?? ""
        XCTAssertTrue(message.contains("HT-2") && !message.contains("HT-1"), message)
    }
}
