/// A project's money in one fiscal year, in 分 (spec §1 "Time and years").
public struct YearFigures: Hashable, Sendable {
    public var carriedInFen: Int64 = 0
    public var allottedFen: Int64 = 0
    public var initialFen: Int64 = 0
    public var reducedFen: Int64 = 0
    /// Payments less reversals.
    public var paidFen: Int64 = 0
    public var carriedOutFen: Int64 = 0
    public var lapsedFen: Int64 = 0
    /// The first day money arrived this year (an allotment; carried-in money arrives on 1月1日).
    public var firstArrival: CalendarDate?

    public init() {}

    public var budgetFen: Int64 { carriedInFen &+ allottedFen &- reducedFen }
    public var availableFen: Int64 { budgetFen &- paidFen &- carriedOutFen &- lapsedFen }

    mutating func noteArrival(_ date: CalendarDate) {
        if let first = firstArrival, first <= date { return }
        firstArrival = date
    }

    /// Whether the budget and the available balance are representable. The books keep this
    /// true for every project-year (an entry that would break it is refused as an overflow),
    /// so `budgetFen` and `availableFen` never wrap. Reversals make it necessary: paid can
    /// go below zero when a later year reverses earlier years' payments.
    var totalsAreRepresentable: Bool {
        guard let budget = Checked.add(carriedInFen, allottedFen).flatMap({ Checked.subtract($0, reducedFen) }),
              let afterPaid = Checked.subtract(budget, paidFen),
              let afterCarried = Checked.subtract(afterPaid, carriedOutFen) else { return false }
        return Checked.subtract(afterCarried, lapsedFen) != nil
    }
}

/// How each verb moves a year's figures. Both validators (the full one over `Entry` values and
/// the compact one over packed records) apply money through these, so they cannot disagree.
/// Each returns false and changes nothing when a total would overflow or the budget or
/// available balance would stop being representable.
extension YearFigures {
    mutating func addAllotment(_ fen: Int64, initial: Bool, on date: CalendarDate) -> Bool {
        change { figures in
            guard let allotted = Checked.add(figures.allottedFen, fen) else { return false }
            if initial {
                guard let total = Checked.add(figures.initialFen, fen) else { return false }
                figures.initialFen = total
            }
            figures.allottedFen = allotted
            figures.noteArrival(date)
            return true
        }
    }

    mutating func addReduction(_ fen: Int64) -> Bool { add(fen, to: \.reducedFen) }
    mutating func addPayment(_ fen: Int64) -> Bool { add(fen, to: \.paidFen) }
    mutating func addCarryOut(_ fen: Int64) -> Bool { add(fen, to: \.carriedOutFen) }
    mutating func addLapse(_ fen: Int64) -> Bool { add(fen, to: \.lapsedFen) }

    /// A 冲销 takes back from what was paid (which may go below zero across years).
    mutating func addReversal(_ fen: Int64) -> Bool {
        change { figures in
            guard let paid = Checked.subtract(figures.paidFen, fen) else { return false }
            figures.paidFen = paid
            return true
        }
    }

    /// Money carried in from the year before arrives on 1 January of `year`.
    mutating func addCarryIn(_ fen: Int64, year: Int) -> Bool {
        guard add(fen, to: \.carriedInFen) else { return false }
        if let newYear = CalendarDate(year: year, month: 1, day: 1) { noteArrival(newYear) }
        return true
    }

    @inline(__always)
    private mutating func add(_ fen: Int64, to field: WritableKeyPath<YearFigures, Int64>) -> Bool {
        change { figures in
            guard let total = Checked.add(figures[keyPath: field], fen) else { return false }
            figures[keyPath: field] = total
            return true
        }
    }

    @inline(__always)
    private mutating func change(_ body: (inout YearFigures) -> Bool) -> Bool {
        var copy = self
        guard body(&copy), copy.totalsAreRepresentable else { return false }
        self = copy
        return true
    }
}

public struct ProjectYear: Hashable, Sendable {
    public var project: String
    public var year: Int
    public init(_ project: String, _ year: Int) { self.project = project; self.year = year }
}

/// A signed contract and what has been paid against it.
public struct ContractState: Hashable, Sendable {
    public var signing: ContractSigning
    public var date: CalendarDate
    public var location: SourceLocation
    public var paidFen: Int64 = 0
    public var unpaidFen: Int64 { signing.amountFen &- paidFen }
}

/// A payment as later reversals see it.
public struct PaymentRecord: Hashable, Sendable {
    public var date: CalendarDate
    public var payment: Payment
    public var location: SourceLocation
    public var reversedFen: Int64 = 0
    public var remainingFen: Int64 { payment.amountFen &- reversedFen }
    /// The previous payment of the same project with the same voucher, or -1: the payments
    /// of a voucher are a chain, not an array per voucher (a million vouchers, a million arrays).
    var previousWithVoucher = -1
}

/// The running state of every balance as entries are applied in date order. The validator
/// uses it to judge each entry against what came before; the monitor uses it to compute
/// figures as of a date. Applying never traps: overflow is reported as `nil`.
public struct Books: Sendable {
    public private(set) var figures: [ProjectYear: YearFigures] = [:]
    public private(set) var contracts: [String: ContractState] = [:]
    /// Contract IDs in the order they were signed.
    public private(set) var contractOrder: [String] = []
    public private(set) var payments: [PaymentRecord] = []
    /// The latest payment of each (project, voucher); earlier ones through `previousWithVoucher`.
    private var lastPaymentByVoucher: [VoucherKey: Int] = [:]

    struct VoucherKey: Hashable { var project: String; var voucher: String }

    public init() {}

    /// Books sized for a journal of about `expectedEntries` entries.
    public init(expectedEntries: Int) {
        lastPaymentByVoucher.reserveCapacity(expectedEntries)
        payments.reserveCapacity(expectedEntries)
    }

    public func figures(_ project: String, year: Int) -> YearFigures {
        figures[ProjectYear(project, year)] ?? YearFigures()
    }

    public func available(_ project: String, year: Int) -> Int64 { figures(project, year: year).availableFen }

    /// Indices into `payments` of the project's payments with this voucher (and date, when
    /// given), in date order.
    public func payments(project: String, voucher: String, date: CalendarDate?) -> [Int] {
        var all: [Int] = []
        var index = lastPaymentByVoucher[VoucherKey(project: project, voucher: voucher)] ?? -1
        while index >= 0 {
            all.append(index)
            index = payments[index].previousWithVoucher
        }
        all.reverse()
        guard let date else { return all }
        return all.filter { payments[$0].date == date }
    }

    /// Applies an entry that the rules accepted. Returns false, changing nothing, when a
    /// running total would overflow.
    @discardableResult
    public mutating func apply(_ entry: Entry) -> Bool {
        let year = entry.date.year
        switch entry.body {
        case .project, .plan, .set, .seal:
            return true
        case .allot(let allotment):
            return update(allotment.project, year) { $0.addAllotment(allotment.amountFen, initial: allotment.kind == .initial, on: entry.date) }
        case .reduce(let reduction):
            return update(reduction.project, year) { $0.addReduction(reduction.amountFen) }
        case .pay(let payment):
            guard update(payment.project, year, { $0.addPayment(payment.amountFen) }) else { return false }
            if let contractID = payment.contract, var contract = contracts[contractID] {
                contract.paidFen &+= payment.amountFen
                contracts[contractID] = contract
            }
            var record = PaymentRecord(date: entry.date, payment: payment, location: entry.location)
            if let voucher = payment.voucher {
                let key = VoucherKey(project: payment.project, voucher: voucher)
                record.previousWithVoucher = lastPaymentByVoucher[key] ?? -1
                lastPaymentByVoucher[key] = payments.count
            }
            payments.append(record)
            return true
        case .reverse(let reversal):
            let matches = payments(project: reversal.project, voucher: reversal.ofVoucher, date: reversal.ofDate)
            guard update(reversal.project, year, { $0.addReversal(reversal.amountFen) }) else { return false }
            // Reduce the matched payments in date order, and their contracts with them.
            var left = reversal.amountFen
            for index in matches where left > 0 {
                let take = min(left, payments[index].remainingFen)
                guard take > 0 else { continue }
                payments[index].reversedFen &+= take
                if let contractID = payments[index].payment.contract, var contract = contracts[contractID] {
                    contract.paidFen &-= take
                    contracts[contractID] = contract
                }
                left -= take
            }
            return true
        case .contract(let signing):
            if contracts[signing.contractID] == nil { contractOrder.append(signing.contractID) }
            contracts[signing.contractID] = ContractState(signing: signing, date: entry.date, location: entry.location)
            return true
        case .carry(let carry):
            // Both years or neither: check the receiving year on a copy first.
            var next = figures(carry.project, year: year + 1)
            guard next.addCarryIn(carry.amountFen, year: year + 1) else { return false }
            guard update(carry.project, year, { $0.addCarryOut(carry.amountFen) }) else { return false }
            figures[ProjectYear(carry.project, year + 1)] = next
            return true
        case .lapse(let lapse):
            return update(lapse.project, year) { $0.addLapse(lapse.amountFen) }
        }
    }

    private mutating func update(_ project: String, _ year: Int, _ change: (inout YearFigures) -> Bool) -> Bool {
        let key = ProjectYear(project, year)
        var value = figures[key] ?? YearFigures()
        guard change(&value) else { return false }
        figures[key] = value
        return true
    }
}
