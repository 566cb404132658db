/// The running balances as accepted records are applied in date order: every figure in a
/// flat array indexed by dense IDs. This is the only place money moves — the checker applies
/// each entry the rules accepted, and the replays for reports and recording apply the same
/// accepted records through the same `apply`.
struct Balances {
    let firstYear: Int
    /// Years kept per project: the journal's years and the year after the last (carry-overs reach it).
    let span: Int
    private var figures: FigureTable

    /// Contracts by contract ID, and the order they were signed in.
    private(set) var contracts: [ContractLink]
    private(set) var signingOrder: [Int32] = []
    /// The accepted payments a 冲销 may name (their voucher is named by some 冲销 of the
    /// journal), in date order, chained per voucher. Only these are kept: a province's million
    /// payments mostly never meet a reversal, and need no link.
    private(set) var payments: [PaymentLink] = []
    private(set) var vouchers: [VoucherLink]
    /// Per voucher ID: whether a 冲销 names it (`RecordStore.reversedVouchers`).
    private let reversible: [Bool]
    /// The contracts of each project, in the order they were signed.
    private(set) var contractsByProject: [Int32: [Int32]] = [:]

    struct ContractLink {
        var signed = false
        var project: Int32 = -1
        var amountFen: Int64 = 0
        var paidFen: Int64 = 0
        /// The signing line, and its record.
        var place = LinePlace(file: 0, line: 0)
        var record: Int32 = -1
        var unpaidFen: Int64 { amountFen &- paidFen }
    }

    struct PaymentLink {
        var amountFen: Int64
        var reversedFen: Int64 = 0
        var date: Int32
        var project: Int32
        var contract: Int32
        /// The payment's record.
        var record: Int32
        var next: Int32 = -1
        var remainingFen: Int64 { amountFen &- reversedFen }
    }

    struct VoucherLink {
        var firstPayment: Int32 = -1
        var lastPayment: Int32 = -1
    }

    init(projects: Int, firstYear: Int, span: Int, vouchers: Int, contracts: Int, reversible: [Bool]) {
        precondition(projects >= 0 && span >= 1 && vouchers >= 0 && contracts >= 0, "balances sized from the records")
        precondition(reversible.count == vouchers, "one reversible flag per voucher ID")
        self.reversible = reversible
        self.firstYear = firstYear
        self.span = span
        figures = FigureTable(slots: projects * span)
        self.contracts = [ContractLink](repeating: ContractLink(), count: contracts)
        self.vouchers = [VoucherLink](repeating: VoucherLink(), count: vouchers)
    }

    @inline(__always)
    func slot(_ project: Int32, _ year: Int) -> Int {
        assert(project >= 0 && year >= firstYear && year < firstYear + span, "IDs are dense and years inside the span")
        return Int(project) * span + (year - firstYear)
    }

    /// A project's figures in a year (zero outside the years the journal spans).
    func figures(_ project: Int32, _ year: Int) -> YearFigures {
        guard project >= 0, year >= firstYear, year < firstYear + span else { return YearFigures() }
        return figures.get(slot(project, year))
    }

    /// Whether an unspecified 下达 is the project's first of the year, and so 年初.
    func isInitial(_ record: Record) -> Bool {
        switch record.kind {
        case .initial: return true
        case .supplement: return false
        case .unspecified: return figures(record.project, record.year).allottedFen == 0
        }
    }

    /// The payments a 冲销 names: of its project, with its voucher (and 原日期, when given),
    /// in date order.
    func payments(reversing record: Record) -> [Int] {
        var matches: [Int] = []
        var next = vouchers[Int(record.key)].firstPayment
        while next >= 0 {
            let payment = Int(next)
            if payments[payment].project == record.project, record.reference == 0 || payments[payment].date == record.reference {
                matches.append(payment)
            }
            next = payments[payment].next
        }
        return matches
    }

    /// Every payment of the project with this voucher, any date (for messages).
    func payments(project: Int32, voucher: Int32) -> [Int] {
        var matches: [Int] = []
        var next = vouchers[Int(voucher)].firstPayment
        while next >= 0 {
            if payments[Int(next)].project == project { matches.append(Int(next)) }
            next = payments[Int(next)].next
        }
        return matches
    }

    /// Where a signed contract was signed.
    func signingPlace(of contract: Int32) -> LinePlace? {
        contracts[Int(contract)].signed ? contracts[Int(contract)].place : nil
    }

    /// The project's unpaid contract balances, and the first contract with one (or -1).
    func unpaidContracts(of project: Int32) -> (totalFen: Int64, first: Int32) {
        var total: Int64 = 0
        var first: Int32 = -1
        for id in contractsByProject[project] ?? [] where contracts[Int(id)].unpaidFen > 0 {
            total = Checked.add(total, contracts[Int(id)].unpaidFen) ?? Int64.max
            if first < 0 { first = id }
        }
        return (total, first)
    }

    /// Applies a record the rules accepted. False, changing nothing, when a running total
    /// would overflow (the checker reports that).
    mutating func apply(_ record: Record, index: Int32) -> Bool {
        let amount = record.amountFen
        switch record.verb {
        case .project, .plan, .set, .seal:
            return true
        case .allot:
            guard let date = record.date else { return false }
            let initial = isInitial(record)
            return figures.update(slot(record.project, record.year)) { $0.addAllotment(amount, initial: initial, on: date) }
        case .reduce:
            return figures.update(slot(record.project, record.year)) { $0.addReduction(amount) }
        case .pay:
            return pay(record, index: index)
        case .reverse:
            return reverse(record)
        case .contract:
            contracts[Int(record.key)] = ContractLink(signed: true, project: record.project, amountFen: amount, place: LinePlace(record), record: index)
            signingOrder.append(record.key)
            contractsByProject[record.project, default: []].append(record.key)
            return true
        case .carry:
            let here = slot(record.project, record.year)
            // Both years or neither: the receiving year is checked on a copy first.
            var next = figures.get(here + 1)
            guard next.addCarryIn(amount, year: record.year + 1), figures.update(here, { $0.addCarryOut(amount) }) else { return false }
            figures.set(here + 1, next)
            return true
        case .lapse:
            return figures.update(slot(record.project, record.year)) { $0.addLapse(amount) }
        }
    }

    private mutating func pay(_ record: Record, index: Int32) -> Bool {
        let amount = record.amountFen
        guard figures.update(slot(record.project, record.year), { $0.addPayment(amount) }) else { return false }
        if record.reference >= 0 { contracts[Int(record.reference)].paidFen &+= amount }
        guard record.key >= 0, reversible[Int(record.key)] else { return true }
        let payment = Int32(payments.count)
        payments.append(
            PaymentLink(
                amountFen: amount, date: record.dateKey, project: record.project,
                contract: record.reference, record: index))
        do {
            let voucher = Int(record.key)
            let last = vouchers[voucher].lastPayment
            if last >= 0 { payments[Int(last)].next = payment } else { vouchers[voucher].firstPayment = payment }
            vouchers[voucher].lastPayment = payment
        }
        return true
    }

    /// Takes the amount back from the matched payments in date order, and from their contracts.
    private mutating func reverse(_ record: Record) -> Bool {
        let matches = payments(reversing: record)
        guard figures.update(slot(record.project, record.year), { $0.addReversal(record.amountFen) }) else { return false }
        var left = record.amountFen
        for payment in matches where left > 0 {
            let take = min(left, payments[payment].remainingFen)
            guard take > 0 else { continue }
            payments[payment].reversedFen &+= take
            if payments[payment].contract >= 0 { contracts[Int(payments[payment].contract)].paidFen &-= take }
            left -= take
        }
        return true
    }
}

/// Every (project × year) figure: a flat array when the journal's projects and years are few
/// enough (`Limits.maxDenseFigureSlots`), else a dictionary holding only the slots in use —
/// dates may span centuries, and a hostile journal must not make the checker allocate them all.
struct FigureTable {
    private var dense: [YearFigures] = []
    private var sparse: [Int: YearFigures] = [:]
    private let isDense: Bool

    init(slots: Int) {
        isDense = slots <= Limits.maxDenseFigureSlots
        if isDense { dense = [YearFigures](repeating: YearFigures(), count: slots) }
    }

    @inline(__always)
    func get(_ slot: Int) -> YearFigures { isDense ? dense[slot] : sparse[slot] ?? YearFigures() }

    @inline(__always)
    mutating func set(_ slot: Int, _ value: YearFigures) {
        if isDense { dense[slot] = value } else { sparse[slot] = value }
    }

    /// Applies a change; the money invariant holds after every applied change: no project's
    /// available balance is ever below zero (the rules refuse what would break it).
    @inline(__always)
    mutating func update(_ slot: Int, _ change: (inout YearFigures) -> Bool) -> Bool {
        if isDense {
            guard change(&dense[slot]) else { return false }
            precondition(dense[slot].availableFen >= 0, "available balance below zero after an accepted entry")
            return true
        }
        var value = sparse[slot] ?? YearFigures()
        guard change(&value) else { return false }
        precondition(value.availableFen >= 0, "available balance below zero after an accepted entry")
        sparse[slot] = value
        return true
    }
}
