import Dispatch
import Ledger

/// Computes `ProjectStatus` values from a year's replay: figures, rates, plan progress,
/// checkpoints, contracts, carried-in money and alerts. Exact integers throughout;
/// percentages rounded once, at the end.
public enum StatusBuilder {
    public static func projects(_ replay: YearReplay, unit: String? = nil) -> [ProjectStatus] {
        var contractsByProject: [String: [ContractStatus]] = [:]
        for state in replay.reportedContracts {
            let dueDate = ContractStatus.dueDate(signed: state.date, due: state.signing.due)
            contractsByProject[state.signing.project, default: []].append(
                ContractStatus(
                    id: state.signing.contractID, project: state.signing.project, signed: state.date, party: state.signing.party,
                    memo: state.signing.memo, amountFen: state.signing.amountFen, paidFen: state.paidFen, due: state.signing.due,
                    dueDate: dueDate, overdue: state.unpaidFen > 0 && dueDate < replay.asOf))
        }
        let declarations = replay.reportedProjects.compactMap { id -> ProjectDeclaration? in
            guard let declaration = replay.context.projects[id] else { return nil }
            if let unit, (declaration.unit ?? "") != unit { return nil }
            return declaration
        }
        // Projects are independent: a province's thousands are computed on both cores.
        var statuses = [ProjectStatus?](repeating: nil, count: declarations.count)
        let threads = declarations.count >= parallelFromProjects ? 2 : 1
        statuses.withUnsafeMutableBufferPointer { output in
            let results = output
            DispatchQueue.concurrentPerform(iterations: threads) { part in
                for index in stride(from: part, to: declarations.count, by: threads) {
                    results[index] = status(of: declarations[index], replay: replay, contracts: contractsByProject[declarations[index].id] ?? [])
                }
            }
        }
        return statuses.compactMap { $0 }
    }

    /// Below this many projects one thread is quicker than two.
    static let parallelFromProjects = 256

    static func status(of declaration: ProjectDeclaration, replay: YearReplay, contracts: [ContractStatus]) -> ProjectStatus {
        let asOf = replay.asOf
        let figures = replay.figures(declaration.id)
        let plans = replay.plans(for: declaration.id)
        let plan = plans.plan(on: asOf)
        let expectedNumerator = PlanClock.expectedNumerator(plan, at: asOf)
        let rate = Percent.basisPoints(figures.paidFen, of: figures.budgetFen)

        var checkpoints: [CheckpointResult] = []
        for month in 1...12 {
            guard let date = CalendarDate.monthEnd(year: replay.year, month: month), date <= asOf,
                let then = replay.figures(declaration.id, atEndOf: month)
            else { continue }
            let planThen = plans.plan(on: date)
            guard let checkpoint = planThen.checkpoints.first(where: { $0.month == month }) else { continue }
            let numerator = Int128(checkpoint.percentBasisPoints) * PlanClock.denominator(at: date)
            checkpoints.append(
                CheckpointResult(
                    month: month, date: date, plannedBasisPoints: checkpoint.percentBasisPoints,
                    actualBasisPoints: Percent.basisPoints(then.paidFen, of: then.budgetFen),
                    gapBasisPoints: PlanClock.gapBasisPoints(expectedNumerator: numerator, at: date, paidFen: then.paidFen, budgetFen: then.budgetFen),
                    budgetFen: then.budgetFen, paidFen: then.paidFen,
                    evaluated: then.budgetFen > 0 && AlertRules.graceOver(firstArrival: then.firstArrival, on: date, replay.context.settings)))
        }

        let consumed = max(0, min(figures.carriedInFen, figures.paidFen))
        let remaining = figures.carriedInFen - consumed
        var age: Int?
        if remaining > 0, let arrived = CalendarDate.yearEnd(replay.year - 1) { age = arrived.days(until: asOf) }

        var status = ProjectStatus(
            id: declaration.id, name: declaration.name, unit: declaration.unit ?? "", code: declaration.code, tags: declaration.tags,
            figures: figures, rateBasisPoints: rate,
            expectedBasisPoints: Fraction.rounded(expectedNumerator, PlanClock.denominator(at: asOf)),
            gapBasisPoints: PlanClock.gapBasisPoints(expectedNumerator: expectedNumerator, at: asOf, paidFen: figures.paidFen, budgetFen: figures.budgetFen),
            expectedNumerator: expectedNumerator, plan: plan, checkpoints: checkpoints, contracts: contracts,
            carriedInRemainingFen: remaining, carriedInAgeDays: age, alerts: [], asOf: asOf)
        if figures.budgetFen == 0 { status.gapBasisPoints = 0 }
        let input = AlertRules.Input(status: status, asOf: asOf, settings: replay.context.settings)
        status.alerts = AlertRules.all.flatMap { $0(input) }
        return status
    }
}
