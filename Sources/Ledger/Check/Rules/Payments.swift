/// 支付: no more than the available balance at its date (超支); a payment naming a contract
/// needs it signed on or before the payment, for the same project, and not overpaid.
enum Payments {
    static func check(_ record: Record, _ index: Int32, _ balances: Balances, into findings: inout [Finding]) {
        let available = balances.figures(record.project, record.year).availableFen
        if record.amountFen > available { findings.append(Finding(.overspend, index, available)) }
        guard record.reference >= 0 else { return }
        let contract = balances.contracts[Int(record.reference)]
        if !contract.signed {
            findings.append(Finding(.unknownContract, index))
        } else if contract.project != record.project {
            findings.append(Finding(.contractOtherProject, index, Int64(contract.project)))
        } else if record.amountFen > contract.unpaidFen {
            findings.append(Finding(.contractOverpaid, index, contract.amountFen, contract.paidFen))
        }
    }

    static func explain(_ finding: Finding, _ context: ExplainContext) -> Diagnostic? {
        let entry = context.entry
        guard case .pay(let payment) = entry.body else { return nil }
        let contractID = payment.contract ?? ""
        switch finding.code {
        case .overspend:
            let available = finding.a
            return Diagnostic(
                .overspend, at: entry.amountLocation,
                "超支：项目“\(payment.project)”在 \(entry.date) 的可用余额为 \(wan(available))，本笔支付 \(wan(payment.amountFen))，超出 \(wan(payment.amountFen &- available))。请核对金额，或先录入追加下达（下达 … 类别=追加）")
        case .unknownContract:
            return Diagnostic(
                .unknownContract, at: entry.detailLocation,
                "未登记的合同“\(contractID)”\(Suggest.phrase(contractID, among: context.contractsSigned(before: finding.record)))：请先用“日期 合同 \(payment.project) \(contractID) 金额”登记合同（登记日期不能晚于支付日期），或核对合同编号")
        case .contractOtherProject:
            return Diagnostic(
                .contractOtherProject, at: entry.detailLocation,
                "合同“\(contractID)”属于项目“\(context.projectName(Int32(finding.a)))”，不属于“\(payment.project)”：请核对项目编号或合同编号")
        case .contractOverpaid:
            let amount = finding.a, paid = finding.b
            return Diagnostic(
                .contractOverpaid, at: entry.detailLocation,
                "合同“\(contractID)”将被超付：合同金额 \(wan(amount))，已付 \(wan(paid))，尚未支付 \(wan(amount &- paid))，本笔支付 \(wan(payment.amountFen))。请核对金额；合同有变更请登记补充合同")
        default:
            return nil
        }
    }
}
