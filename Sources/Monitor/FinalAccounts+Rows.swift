import Ledger

/// The classification tables of the final accounts: rows for every code with money and the
/// codes above it, each row summing the codes below it, sorted by code.
extension FinalAccounts {
    /// An amount of budget or paid money filed under a code ("" for none).
    struct Filed {
        var code: String
        var budgetFen: Int64
        var paidFen: Int64
    }

    /// By function: a project's budget and its paid both follow the project's 科目.
    static func functionRows(_ year: ClassifiedYear, totalPaidFen: Int64) throws -> [ClassRow] {
        let filed = year.projects.map { Filed(code: $0.declaration.code ?? "", budgetFen: $0.figures.budgetFen, paidFen: $0.figures.paidFen) }
        return try rows(filed, totalPaidFen: totalPaidFen, name: Classification.functionName)
    }

    /// By economic class: budgets follow the project's own 经济科目, paid the payment's
    /// effective one.
    static func economicRows(_ year: ClassifiedYear, totalPaidFen: Int64) throws -> [ClassRow] {
        var filed: [Filed] = []
        for p in year.projects {
            filed.append(Filed(code: p.declaration.econ ?? "", budgetFen: p.figures.budgetFen, paidFen: 0))
            for (code, paid) in p.paidByEconFen { filed.append(Filed(code: code, budgetFen: 0, paidFen: paid)) }
        }
        return try rows(filed, totalPaidFen: totalPaidFen, name: Classification.economicName)
    }

    static func rows(_ filed: [Filed], totalPaidFen: Int64, name: (String) -> String?) throws -> [ClassRow] {
        var sums: [String: (budget: Int64, paid: Int64)] = [:]
        for item in filed where item.budgetFen != 0 || item.paidFen != 0 {
            let codes = item.code.isEmpty ? [""] : Classification.rollUp(item.code)
            for code in codes {
                let now = sums[code] ?? (0, 0)
                sums[code] = (try Money.add(now.budget, item.budgetFen), try Money.add(now.paid, item.paidFen))
            }
        }
        // Sorted by code ("210" < "21015" < "2101599"), the money without a class last.
        let codes = sums.keys.filter { !$0.isEmpty }.sorted() + (sums[""] == nil ? [] : [""])
        return codes.map { code in
            let sum = sums[code] ?? (0, 0)
            return ClassRow(
                code: code, name: code.isEmpty ? "未分类" : (name(code) ?? code),
                level: code.isEmpty ? .unclassified : Classification.Level(code: code),
                budgetFen: sum.budget, paidFen: sum.paid,
                rateBasisPoints: rate(sum.paid, sum.budget), shareBasisPoints: share(sum.paid, totalPaidFen))
        }
    }

    /// One year's “三公” money by kind: budgets by the project's own class (a project tagged
    /// 三公 with no 三公 class is 未分类), paid by the payment's effective class (a payment of
    /// a project tagged 三公 whose class is not a 三公 class is 未分类).
    struct SangongYear {
        var budget: [Classification.SangongKind: Int64] = [:]
        var paid: [Classification.SangongKind: Int64] = [:]
        var paidByCode: [String: Int64] = [:]

        init(_ year: ClassifiedYear) throws {
            for p in year.projects {
                let tagged = p.declaration.tags.contains("三公")
                if let kind = Classification.sangongKind(p.declaration.econ) ?? (tagged ? .unclassified : nil) {
                    budget[kind] = try Money.add(budget[kind] ?? 0, p.figures.budgetFen)
                }
                for (code, fen) in p.paidByEconFen {
                    guard let kind = Classification.sangongKind(code) ?? (tagged ? .unclassified : nil) else { continue }
                    paid[kind] = try Money.add(paid[kind] ?? 0, fen)
                    paidByCode[code] = try Money.add(paidByCode[code] ?? 0, fen)
                }
            }
        }
    }

    static func sangong(_ current: ClassifiedYear, previous: ClassifiedYear) throws -> Sangong {
        let now = try SangongYear(current), before = try SangongYear(previous)
        let paidTotal = try Money.sum(Array(now.paid.values))
        let budgetTotal = try Money.sum(Array(now.budget.values))
        let previousTotal = try Money.sum(Array(before.paid.values))
        var kinds: [SangongRow] = []
        for kind in Classification.SangongKind.allCases {
            let budget = now.budget[kind] ?? 0, paid = now.paid[kind] ?? 0, earlier = before.paid[kind] ?? 0
            if kind == .unclassified && budget == 0 && paid == 0 && earlier == 0 { continue }
            let change = try Money.subtract(paid, earlier)
            kinds.append(
                SangongRow(
                    kind: kind, budgetFen: budget, paidFen: paid, rateBasisPoints: rate(paid, budget),
                    shareBasisPoints: share(paid, paidTotal), previousPaidFen: earlier, changeFen: change,
                    changeRateBasisPoints: share(change, earlier)))
        }
        let change = try Money.subtract(paidTotal, previousTotal)
        return Sangong(
            budgetFen: budgetTotal, paidFen: paidTotal, rateBasisPoints: rate(paidTotal, budgetTotal),
            previousPaidFen: previousTotal, changeFen: change, changeRateBasisPoints: share(change, previousTotal),
            kinds: kinds,
            vehiclePurchasePaidFen: now.paidByCode[Classification.vehiclePurchase] ?? 0,
            vehicleOperationPaidFen: now.paidByCode[Classification.vehicleOperation] ?? 0,
            previousVehiclePurchasePaidFen: before.paidByCode[Classification.vehiclePurchase] ?? 0,
            previousVehicleOperationPaidFen: before.paidByCode[Classification.vehicleOperation] ?? 0)
    }
}
