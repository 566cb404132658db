import XCTest
@testable import Ledger

/// Every verb and every key, in its Chinese and its English spelling, read into the entry
/// the spec says it means.
final class EntryParserTests: XCTestCase {
    private let hex = String(repeating: "0123456789abcdef", count: 4)

    /// Parses a one-line journal that must yield exactly one entry and no diagnostic.
    private func entry(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> Entry? {
        let parsed = parseJournal(line + "\n")
        XCTAssertEqual(parsed.diagnostics.map { "\($0.code)@\($0.location.column): \($0.message)" }, [], line, file: file, line: lineNumber)
        XCTAssertEqual(parsed.entries.count, 1, line, file: file, line: lineNumber)
        return parsed.entries.first
    }

    /// Both spellings give `expected`.
    private func assertBoth(
        _ chinese: String, _ english: String, _ expected: EntryBody, date expectedDate: String = "2019-03-05",
        file: StaticString = #filePath, line: UInt = #line
    ) {
        for text in [chinese, english] {
            guard let parsed = entry(text, file: file, lineNumber: line) else { continue }
            XCTAssertEqual(parsed.body, expected, text, file: file, line: line)
            XCTAssertEqual(parsed.date, date(expectedDate), file: file, line: line)
        }
    }

    func testProject() {
        let plan = DisbursementPlan(checkpoints: [
            .init(month: 3, percentBasisPoints: 3000), .init(month: 6, percentBasisPoints: 5000),
            .init(month: 10, percentBasisPoints: 9000), .init(month: 12, percentBasisPoints: 10_000),
        ])
        assertBoth(
            "2019-03-05 项目 450-0201-JBN-RVU2 办公经费 单位=局机关 科目=2080101 计划=3月:30,6月:50,10月:90,12月:100 标签=基本,三公",
            "2019-03-05 project 450-0201-JBN-RVU2 办公经费 unit=局机关 code=2080101 plan=3月:30,6月:50,10月:90,12月:100 tags=基本,三公",
            .project(
                ProjectDeclaration(
                    id: "450-0201-JBN-RVU2", name: "办公经费", unit: "局机关", code: "2080101",
                    plan: plan, tags: ["基本", "三公"])))
        assertBoth(
            "2019-03-05 项目 P01 \"信息 系统\"", "2019-03-05 project P01 \"信息 系统\"",
            .project(ProjectDeclaration(id: "P01", name: "信息 系统")))
    }

    func testAllot() {
        // 11.61万 = 116100 元 = 11,610,000 分
        assertBoth(
            "2019-03-05 下达 P01 11.61万 文号=承财社[2019]107号 类别=追加 来源=中央转移支付 摘要=第一批",
            "2019-03-05 allot P01 11.61万 doc=承财社[2019]107号 kind=supplement source=中央转移支付 memo=第一批",
            .allot(
                Allotment(
                    project: "P01", amountFen: 11_610_000, doc: "承财社[2019]107号", kind: .supplement,
                    source: "中央转移支付", memo: "第一批")))
        assertBoth(
            "2019-03-05 下达 P01 100 文号=A 类别=年初", "2019-03-05 allot P01 100 doc=A kind=initial",
            .allot(Allotment(project: "P01", amountFen: 10_000, doc: "A", kind: .initial)))
        // Without 类别 the line leaves the kind to the journal (the first 下达 of the year is 年初).
        assertBoth(
            "2019-03-05 下达 P01 100 文号=A", "2019-03-05 allot P01 100 doc=A",
            .allot(Allotment(project: "P01", amountFen: 10_000, doc: "A")))
        assertBoth(
            "2019-03-05 下达 P01 100 文号=A 类别=supplement", "2019-03-05 allot P01 100 doc=A kind=追加",
            .allot(Allotment(project: "P01", amountFen: 10_000, doc: "A", kind: .supplement)))
    }

    func testReduce() {
        assertBoth(
            "2019-03-05 调减 P01 1,000.00元 文号=承财[2019]9号 摘要=压减", "2019-03-05 reduce P01 1,000.00元 doc=承财[2019]9号 memo=压减",
            .reduce(Reduction(project: "P01", amountFen: 100_000, doc: "承财[2019]9号", memo: "压减")))
    }

    func testPay() {
        // 7.737948万 = 77379.48 元 = 7,737,948 分
        assertBoth(
            "2019-03-05 支付 P01 7.737948万 凭证=记-12 收款人=某科技公司 合同=C1 摘要=首付款",
            "2019-03-05 pay P01 7.737948万 voucher=记-12 payee=某科技公司 contract=C1 memo=首付款",
            .pay(Payment(project: "P01", amountFen: 7_737_948, voucher: "记-12", payee: "某科技公司", contract: "C1", memo: "首付款")))
        assertBoth("2019-03-05 支付 P01 0.01", "2019-03-05 pay P01 0.01", .pay(Payment(project: "P01", amountFen: 1)))
    }

    func testContract() {
        // 50.094万元 = 500940 元
        assertBoth(
            "2019-03-05 合同 P01 HT-2019-01 50.094万元 对方=某公司 期限=2019-12-31 摘要=系统建设",
            "2019-03-05 contract P01 HT-2019-01 50.094万元 party=某公司 due=2019-12-31 memo=系统建设",
            .contract(
                ContractSigning(
                    project: "P01", contractID: "HT-2019-01", amountFen: 50_094_000, party: "某公司",
                    due: date("2019-12-31"), memo: "系统建设")))
    }

    func testReverse() {
        assertBoth(
            "2019-03-05 冲销 P01 100 原凭证=记-12 原日期=2019-03-01 凭证=记-30 摘要=退回",
            "2019-03-05 reverse P01 100 of=记-12 of-date=2019-03-01 voucher=记-30 memo=退回",
            .reverse(
                Reversal(
                    project: "P01", amountFen: 10_000, ofVoucher: "记-12", ofDate: date("2019-03-01"),
                    voucher: "记-30", memo: "退回")))
    }

    func testCarry() {
        assertBoth(
            "2019-12-31 结转 P01 5000 原因=项目未完工", "2019-12-31 carry P01 5000 reason=项目未完工",
            .carry(CarryOver(project: "P01", amountFen: 500_000, reason: "项目未完工")), date: "2019-12-31")
    }

    func testLapse() {
        // 0.5万 = 5000 元
        assertBoth(
            "2019-03-05 收回 P01 0.5万 文号=财预[2019]3号 原因=结余收回", "2019-03-05 lapse P01 0.5万 doc=财预[2019]3号 reason=结余收回",
            .lapse(Lapse(project: "P01", amountFen: 500_000, doc: "财预[2019]3号", reason: "结余收回")))
    }

    func testPlan() {
        let plan = DisbursementPlan(checkpoints: [.init(month: 6, percentBasisPoints: 5000), .init(month: 12, percentBasisPoints: 10_000)])
        assertBoth(
            "2019-03-05 计划 P01 6月底:50,12月:100", "2019-03-05 plan P01 6月:50,12月:100%",
            .plan(PlanChange(project: "P01", plan: plan)))
    }

    func testSet() {
        let plan = DisbursementPlan(checkpoints: [.init(month: 6, percentBasisPoints: 4000), .init(month: 12, percentBasisPoints: 10_000)])
        assertBoth(
            "2019-03-05 设置 单位名称=某市医疗保障局 默认计划=6月:40,12月:100 黄线=5 红线=12.5 执行率目标=95 零支出天数=60",
            "2019-03-05 set org=某市医疗保障局 default-plan=6月:40,12月:100 warn-gap=5 alarm-gap=12.5 target-rate=95 idle-days=60",
            .set(
                SettingsChange(
                    organisation: "某市医疗保障局", defaultPlan: plan, warnGapBasisPoints: 500,
                    alarmGapBasisPoints: 1250, targetRateBasisPoints: 9500, idleDays: 60)))
        assertBoth("2019-03-05 设置 黄线=0", "2019-03-05 set warn-gap=0.00", .set(SettingsChange(warnGapBasisPoints: 0)))
        assertBoth("2019-03-05 设置 红线=100", "2019-03-05 set alarm-gap=100.00", .set(SettingsChange(alarmGapBasisPoints: 10_000)))
        assertBoth("2019-03-05 设置 零支出天数=3660", "2019-03-05 set idle-days=3660", .set(SettingsChange(idleDays: 3660)))
        assertBoth("2019-03-05 设置 零支出天数=1", "2019-03-05 set idle-days=1", .set(SettingsChange(idleDays: 1)))
        assertBoth("2019-03-05 设置 单位名称=\"\"", "2019-03-05 set org=\"\"", .set(SettingsChange(organisation: "")))
    }

    func testSeal() {
        assertBoth("2019-03-05 封账 sha256=\(hex)", "2019-03-05 seal sha256=\(hex)", .seal(Seal(sha256: hex)))
    }

    func testVerbAndKeysMayMixSpellings() {
        assertBoth(
            "2019-03-05 pay P01 1 凭证=V memo=m", "2019-03-05 支付 P01 1 voucher=V 摘要=m",
            .pay(Payment(project: "P01", amountFen: 100, voucher: "V", memo: "m")))
    }

    func testLeadingBlanksAndFullWidthEqualsInsideANameAreFine() {
        assertBoth("\t 2019-03-05 项目 P01 甲＝乙", "　2019-03-05 project P01 甲＝乙", .project(ProjectDeclaration(id: "P01", name: "甲＝乙")))
    }

    func testEntryKnowsItsLineColumnsAndOffset() {
        let parsed = parseJournal("# 注释\n2019-03-05 支付 P01 5 合同=C1\n")
        guard let payment = parsed.entries.first else { return XCTFail("no entry") }
        XCTAssertEqual(payment.location, SourceLocation(file: 0, line: 2, column: 1))
        XCTAssertEqual(payment.byteOffset, "# 注释\n".utf8.count)
        // 2019-03-05(1–10) sp 支付(12–13) sp P01(15–17) sp 5(19) sp 合同=C1(21)
        XCTAssertEqual(payment.columns, EntryColumns(project: 15, amount: 19, detail: 21))
    }
}
