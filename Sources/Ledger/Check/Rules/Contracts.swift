/// 合同: contract IDs are unique in the journal. (Payments against contracts: `Payments`.)
/// After a 收回 or 结转, unpaid contract balances larger than the money the project still
/// holds are a warning: the obligation stays and must be paid from next year's money.
enum Contracts {
    static func check(_ record: Record, _ index: Int32, _ balances: Balances, into findings: inout [Finding]) {
        let existing = balances.contracts[Int(record.key)]
        if existing.signed {
            findings.append(Finding(.duplicateContract, index, other: balances.signingPlace(of: record.key), Int64(existing.project)))
        }
    }

    /// After an accepted 收回 or 结转 has been applied.
    static func checkCovered(_ record: Record, _ index: Int32, _ balances: Balances, into findings: inout [Finding]) {
        let unpaid = balances.unpaidContracts(of: record.project)
        guard unpaid.totalFen > 0 else { return }
        let figures = balances.figures(record.project, record.year)
        let held = figures.availableFen &+ figures.carriedOutFen
        if unpaid.totalFen > held {
            findings.append(Finding(.obligationsUncovered, index, unpaid.totalFen, held, Int64(unpaid.first)))
        }
    }

    static func explain(_ finding: Finding, _ context: ExplainContext) -> Diagnostic? {
        let entry = context.entry
        switch finding.code {
        case .duplicateContract:
            guard case .contract(let signing) = entry.body else { return nil }
            return Diagnostic(
                .duplicateContract, at: entry.detailLocation,
                "合同编号“\(signing.contractID)”已在\(context.place(finding.other))登记（项目“\(context.projectName(Int32(finding.a)))”）：合同编号在日记账中必须唯一，请核对编号")
        case .obligationsUncovered:
            guard let project = entry.body.projectID else { return nil }
            let contract = context.contractName(Int32(finding.c))
            return Diagnostic(
                .obligationsUncovered, at: entry.amountLocation,
                "\(entry.verb.chinese)后，项目“\(project)”尚有合同应付未付 \(wan(finding.a))（如合同“\(contract)”），超过项目仍持有的资金 \(wan(finding.b))：合同义务并未消失，须用以后年度的资金支付；请核对是否应少\(entry.verb.chinese)一些")
        default:
            return nil
        }
    }
}
