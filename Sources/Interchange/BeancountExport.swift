import Ledger

/// The journal as a Beancount ledger that `bean-check` accepts: an `open` directive for
/// each project's five accounts (see `Booking`) dated when the project first appears, with
/// the project's ID, name, unit, code, tags and plan as metadata; every accepted money
/// entry a balanced `*` transaction with the entry's fields as metadata; contracts and plan
/// changes as `note` directives on the project's budget account; settings and seals as
/// comments. Account components are sanitised (`ProjectAccounts`), the text stays Chinese.
///
///     2019-05-10 * "河北省医疗保障局" "三明医改专题培训会议费（第一批）"
///       project: "P01"
///       voucher: "记-2019-05-004"
///       Expenses:P01          39000.00 CNY
///       Assets:Budget:P01    -39000.00 CNY
public enum BeancountExport {
    public static let currency = "CNY"

    public static func prefix(_ role: Booking.Role) -> String {
        switch role {
        case .budget: return "Assets:Budget:"
        case .appropriation: return "Income:Appropriation:"
        case .expenses: return "Expenses:"
        case .carried: return "Assets:Carried:"
        case .lapsed: return "Equity:Lapsed:"
        }
    }

    static let openOrder: [Booking.Role] = [.budget, .carried, .appropriation, .expenses, .lapsed]

    public static func render(_ journal: Journal) -> String {
        let openings = Booking.projectOpenings(in: journal)
        let accounts = ProjectAccounts(projectIDs: openings.map(\.id), dialect: .beancount)
        func account(_ role: Booking.Role, _ project: String) -> String { prefix(role) + accounts.component(project) }

        var out = ""
        let organisation = journal.settings.organisation
        out += "; fundflow 导出的 Beancount 账本\(organisation.isEmpty ? "" : "：" + oneLine(organisation))\n"
        out += """
            ; 只含通过校验的分录；金额单位 CNY（元）。科目与 hledger 导出相同（P 为项目）：
            ;   下达 Income:Appropriation:P → Assets:Budget:P，调减反向；支付 Assets:Budget:P → Expenses:P，冲销反向；
            ;   收回 Assets:Budget:P → Equity:Lapsed:P；结转 12-31 Assets:Budget:P → Assets:Carried:P，次年 01-01 转回。

            option "operating_currency" "\(currency)"

            """
        if !organisation.isEmpty { out += "option \"title\" " + quoted(organisation) + "\n" }

        for opening in openings {
            let id = opening.id, opens = opening.opens
            out += "\n"
            let declaration = journal.projects[id]
            for (offset, role) in openOrder.enumerated() {
                out += "\(opens) open \(account(role, id)) \(currency)\n"
                guard offset == 0 else { continue }
                out += metadataLine("project", id)
                if let declaration {
                    out += metadataLine("name", declaration.name)
                    if let unit = declaration.unit { out += metadataLine("unit", unit) }
                    if let code = declaration.code { out += metadataLine("code", code) }
                    if let econ = declaration.econ { out += metadataLine("econ", econ) }
                    if let fund = declaration.fund { out += metadataLine("fund", fund.chinese) }
                    if !declaration.tags.isEmpty { out += metadataLine("tags", declaration.tags.joined(separator: ",")) }
                    if let plan = declaration.plan { out += metadataLine("plan", plan.description) }
                }
            }
        }

        for booking in Booking.all(in: journal) {
            out += "\n"
            switch booking.kind {
            case .note:
                guard let project = booking.project else {
                    out += "; " + oneLine(booking.sourceLine ?? booking.narration) + "\n"
                    continue
                }
                out += "\(booking.date) note \(account(.budget, project)) \(quoted(booking.narration))\n"
                for field in booking.metadata { out += metadataLine(field.key, field.value) }
            case .transfer(let debit, let credit, let amountFen):
                guard let project = booking.project else { continue }
                var header = "\(booking.date) *"
                if let payee = booking.payee { header += " " + quoted(payee) }
                header += " " + quoted(booking.narration)
                out += header + "\n"
                out += metadataLine("project", project)
                for field in booking.metadata where field.key != "payee" { out += metadataLine(field.key, field.value) }
                for field in booking.classes { out += metadataLine(field.key, field.value) }
                let postings = [(account(debit, project), amountFen), (account(credit, project), -amountFen)]
                let width = postings.map { $0.0.count }.max() ?? 0
                let amounts = postings.map { Amount.yuanString($0.1) }
                let amountWidth = amounts.map(\.count).max() ?? 0
                for (offset, posting) in postings.enumerated() {
                    let amount = amounts[offset]
                    out +=
                        "  " + posting.0 + String(repeating: " ", count: width - posting.0.count + 2 + amountWidth - amount.count)
                        + amount + " " + currency + "\n"
                }
            }
        }
        return out
    }

    /// `  key: "value"` — keys are the journal's English attribute names (lower case, valid
    /// Beancount metadata keys).
    static func metadataLine(_ key: String, _ value: String) -> String {
        "  " + key + ": " + quoted(value) + "\n"
    }

    /// A Beancount string: `"` and `\` escaped, control characters as blanks.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { result += " " } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    static func oneLine(_ text: String) -> String { HledgerExport.oneLine(text) }
}
