/// 合同: contract IDs are unique; a payment naming a contract needs it signed (on or before
/// the payment's date), for the same project, and not overpaid.
struct ContractRule: DatedRule {
    var name: String { "合同" }
    var paths: [String] = []
    func check(_ entry: Entry, books: Books, into diagnostics: inout [Diagnostic]) {
        switch entry.body {
        case .contract(let signing):
            if let existing = books.contracts[signing.contractID] {
                diagnostics.append(.error("duplicate-contract", at: entry.detailLocation,
                    "合同编号“\(signing.contractID)”已在\(place(existing.location, from: entry.location, paths: paths))登记（项目“\(existing.signing.project)”）：合同编号在日记账中必须唯一，请核对编号"))
            }
        case .pay(let payment):
            guard let contractID = payment.contract else { return }
            guard let contract = books.contracts[contractID] else {
                diagnostics.append(.error("unknown-contract", at: entry.detailLocation,
                    "未登记的合同“\(contractID)”\(Suggest.phrase(contractID, among: books.contractOrder))：请先用“日期 合同 \(payment.project) \(contractID) 金额”登记合同（登记日期不能晚于支付日期），或核对合同编号"))
                return
            }
            if contract.signing.project != payment.project {
                diagnostics.append(.error("contract-other-project", at: entry.detailLocation,
                    "合同“\(contractID)”属于项目“\(contract.signing.project)”，不属于“\(payment.project)”：请核对项目编号或合同编号"))
                return
            }
            if payment.amountFen > contract.unpaidFen {
                diagnostics.append(.error("contract-overpaid", at: entry.detailLocation,
                    "合同“\(contractID)”将被超付：合同金额 \(wan(contract.signing.amountFen))，已付 \(wan(contract.paidFen))，尚未支付 \(wan(contract.unpaidFen))，本笔支付 \(wan(payment.amountFen))。请核对金额；合同有变更请登记补充合同"))
            }
        default:
            return
        }
    }
}
