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
    public var totalsAreRepresentable: Bool {
        guard let budget = Checked.add(carriedInFen, allottedFen).flatMap({ Checked.subtract($0, reducedFen) }),
            let afterPaid = Checked.subtract(budget, paidFen),
            let afterCarried = Checked.subtract(afterPaid, carriedOutFen)
        else { return false }
        return Checked.subtract(afterCarried, lapsedFen) != nil
    }
}

/// How each verb moves a year's figures (`Balances.apply` is the only caller).
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

/// A signed contract and what has been paid against it as of a date.
public struct ContractState: Hashable, Sendable {
    public var signing: ContractSigning
    public var date: CalendarDate
    public var location: SourceLocation
    public var paidFen: Int64 = 0
    public var unpaidFen: Int64 { signing.amountFen &- paidFen }

    public init(signing: ContractSigning, date: CalendarDate, location: SourceLocation, paidFen: Int64 = 0) {
        self.signing = signing
        self.date = date
        self.location = location
        self.paidFen = paidFen
    }
}
