import Ledger

/// A contract as a report shows it.
public struct ContractStatus: Hashable, Sendable {
    public var id: String
    public var project: String
    public var signed: CalendarDate
    public var party: String?
    public var memo: String?
    public var amountFen: Int64
    public var paidFen: Int64
    public var unpaidFen: Int64 { amountFen - paidFen }
    /// The 期限 written on the contract, if any.
    public var due: CalendarDate?
    /// When it falls due: its 期限, else 12-31 of the year it was signed (spec §1 Alerts).
    public var dueDate: CalendarDate
    /// Past its due date on the report's date with money still unpaid.
    public var overdue: Bool

    /// The due date of a contract signed on `signed` with 期限 `due`.
    public static func dueDate(signed: CalendarDate, due: CalendarDate?) -> CalendarDate {
        due ?? CalendarDate.yearEnd(signed.year) ?? signed
    }
}

/// The project's state at one plan checkpoint already past.
public struct CheckpointResult: Hashable, Sendable {
    public var month: Int
    public var date: CalendarDate
    public var plannedBasisPoints: Int64
    public var actualBasisPoints: Int64
    public var gapBasisPoints: Int64
    public var budgetFen: Int64
    public var paidFen: Int64
    /// False when the budget was zero then, or the project's first money of the year had
    /// arrived less than 宽限天数 days before (the checkpoint is not judged).
    public var evaluated: Bool
}

/// Everything the monitor knows about one project in one year as of a date (spec §1).
public struct ProjectStatus: Hashable, Sendable {
    public var id: String
    public var name: String
    public var unit: String
    public var code: String?
    public var tags: [String]
    public var figures: YearFigures
    public var rateBasisPoints: Int64
    public var expectedBasisPoints: Int64
    public var gapBasisPoints: Int64
    /// Exact expected progress numerator over `PlanClock.denominator(at: asOf)`, kept so the
    /// department's budget-weighted plan can be summed exactly.
    public var expectedNumerator: Int128
    public var plan: DisbursementPlan
    public var checkpoints: [CheckpointResult]
    public var contracts: [ContractStatus]
    /// Carried-in money not yet consumed (payments consume it first).
    public var carriedInRemainingFen: Int64
    /// Days since the carried-in money arrived (on (Y−1)-12-31), when any remains.
    public var carriedInAgeDays: Int?
    public var alerts: [Alert]

    public var status: AlertLevel { alerts.map(\.level).max() ?? .ok }

    /// The alerts as a reader wants them: on a checkpoint day, LAG and CHECKPOINT_MISSED
    /// say the same thing, so the checkpoint's copy is left out.
    public var readableAlerts: [Alert] {
        guard alerts.contains(where: { $0.code == .lag }) else { return alerts }
        return alerts.filter { !($0.code == .checkpointMissed && $0.checkpointDate == asOf) }
    }
    /// The date the figures are as of.
    public var asOf: CalendarDate
    public var budgetFen: Int64 { figures.budgetFen }
    public var paidFen: Int64 { figures.paidFen }
    public var availableFen: Int64 { figures.availableFen }
    /// The unpaid balances of the project's contracts, summed with checked arithmetic: nil
    /// when the sum does not fit in Int64 (the report is then refused).
    public var unpaidContractsCheckedFen: Int64? {
        var sum: Int64 = 0
        for contract in contracts where contract.unpaidFen > 0 {
            guard let next = Checked.add(sum, contract.unpaidFen) else { return nil }
            sum = next
        }
        return sum
    }
    /// The same, saturating at Int64.max for comparisons (alerts); reports show it only when
    /// the checked sum exists (see `Totals.overflow`).
    public var unpaidContractsFen: Int64 { unpaidContractsCheckedFen ?? Int64.max }
}
