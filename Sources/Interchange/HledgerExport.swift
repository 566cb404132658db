import Ledger

/// The journal as an hledger journal: every accepted money entry a balanced transaction
/// (see `Booking` for the accounts), amounts in `CNY` (元, two decimals), Chinese text kept.
/// Each transaction carries the fundflow line it comes from as a comment; contracts, plan
/// changes, settings and seals are comment lines. `hledger -s` (strict) accepts the result:
/// every account and the commodity are declared.
///
///     2019-05-10 * (记-2019-05-004) 河北省医疗保障局 | 三明医改专题培训会议费（第一批）
///         ; 2019-05-10 支付 P01 39000.00 凭证=记-2019-05-004 收款人=河北省医疗保障局 摘要=…
///         expenses:P01          39000.00 CNY
///         assets:budget:P01    -39000.00 CNY
public enum HledgerExport {
    public static let commodity = "CNY"

    public static func prefix(_ role: Booking.Role) -> String {
        switch role {
        case .budget: return "assets:budget:"
        case .appropriation: return "income:appropriation:"
        case .expenses: return "expenses:"
        case .carried: return "assets:carried:"
        case .lapsed: return "equity:lapsed:"
        }
    }

    /// Accounts declared for each project, in this order.
    static let declarationOrder: [Booking.Role] = [.budget, .carried, .appropriation, .expenses, .lapsed]

    public static func render(_ journal: Journal) -> String {
        let openings = Booking.projectOpenings(in: journal)
        let accounts = ProjectAccounts(projectIDs: openings.map(\.id), dialect: .hledger)
        func account(_ role: Booking.Role, _ project: String) -> String { prefix(role) + accounts.component(project) }

        var out = ""
        let organisation = journal.settings.organisation
        out += "; fundflow 导出的 hledger 日记账\(organisation.isEmpty ? "" : "：" + oneLine(organisation))\n"
        out += """
            ; 只含通过校验的分录，按日期排列；金额单位 CNY（元）。每笔交易下的注释是 fundflow 原文。
            ; 科目（P 为项目）：下达 income:appropriation:P → assets:budget:P，调减反向；
            ;   支付 assets:budget:P → expenses:P，冲销反向；收回 assets:budget:P → equity:lapsed:P；
            ;   结转 12-31 assets:budget:P → assets:carried:P，次年 01-01 再转回 assets:budget:P。
            ; 某年截至某日（hledger bal -b 年-01-01 -e 次日）：expenses:P = 支出，assets:budget:P = 可用余额，
            ;   equity:lapsed:P = 收回，−income:appropriation:P = 下达 − 调减；年末 assets:carried:P 余额 = 结转下年。
            ; 每笔交易带标签 fund:资金性质、code:功能科目、econ:经济科目（例如 hledger bal expenses tag:econ=30217）。

            commodity 1000.00 \(commodity)

            """

        for opening in openings {
            let id = opening.id
            out += "\n"
            if let declaration = journal.projects[id] {
                out += "; " + oneLine(JournalWriter.line(date: opening.declared, body: .project(declaration))) + "\n"
            }
            for role in declarationOrder { out += "account " + account(role, id) + "\n" }
        }

        for booking in Booking.all(in: journal) {
            out += "\n"
            switch booking.kind {
            case .note:
                out += "; " + oneLine(booking.sourceLine ?? booking.narration) + "\n"
            case .transfer(let debit, let credit, let amountFen):
                guard let project = booking.project else { continue }
                var header = booking.date.description + " *"
                if let code = booking.code, isCode(code) { header += " (" + code + ")" }
                header += " " + description(booking)
                out += header + "\n"
                if let line = booking.sourceLine {
                    out += "    ; " + oneLine(line) + "\n"
                } else if booking.isCarryIn, let from = booking.metadata.first(where: { $0.key == "carried-from" })?.value {
                    out += "    ; \(from) 结转的金额计入 \(booking.date.year) 年预算（上年结转）\n"
                }
                if !booking.classes.isEmpty {
                    // hledger tags (`name:value`, a value ends at the comma): 资金性质, 功能科目, 经济科目.
                    out += "    ; " + booking.classes.map { $0.key + ":" + oneLine($0.value).replacingScalars(",", with: "，") }.joined(separator: ", ") + "\n"
                }
                let postings = [(account(debit, project), amountFen), (account(credit, project), -amountFen)]
                let width = postings.map { $0.0.count }.max() ?? 0
                let amounts = postings.map { Amount.yuanString($0.1) }
                let amountWidth = amounts.map(\.count).max() ?? 0
                for (offset, posting) in postings.enumerated() {
                    let amount = amounts[offset]
                    out +=
                        "    " + posting.0 + String(repeating: " ", count: width - posting.0.count + 2 + amountWidth - amount.count)
                        + amount + " " + commodity + "\n"
                }
            }
        }
        return out
    }

    /// The transaction description: `payee | note` when there is a payee (hledger's own
    /// convention), else the narration.
    static func description(_ booking: Booking) -> String {
        let text = booking.payee.map { $0 + " | " + booking.narration } ?? booking.narration
        // A `;` would start a comment and cut the description short: use the full-width one.
        return oneLine(text).replacingScalars(";", with: "；")
    }

    /// hledger reads a code up to the first `)`.
    static func isCode(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains { $0 == ")" || $0 == "(" }
    }

    /// Tabs and other control characters (possible inside quoted journal values) as blanks.
    static func oneLine(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
        }
        return String(result)
    }
}

extension String {
    func replacingScalars(_ target: Unicode.Scalar, with replacement: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}
