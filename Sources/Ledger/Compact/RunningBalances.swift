/// The compact validator's books: every balance in a flat array indexed by dense IDs.
struct RunningBalances {
    let firstYear: Int
    let span: Int
    var figures: [YearFigures]

    // Contracts, by contract ID.
    var contractSigned: [Bool]
    var contractProject: [Int32]
    var contractAmountFen: [Int64]
    var contractPaidFen: [Int64]
    /// Side-list index of each contract's signing, and the order of signing.
    var contractRare: [Int32]
    var signingOrder: [Int32] = []

    // Payments that carry a voucher, chained per voucher in date order (冲销 finds them).
    var paymentAmountFen: [Int64] = []
    var paymentReversedFen: [Int64] = []
    var paymentDate: [Int32] = []
    var paymentProject: [Int32] = []
    var paymentContract: [Int32] = []
    var paymentNext: [Int32] = []
    var voucherFirstPayment: [Int32]
    var voucherLastPayment: [Int32]
    /// The first month (`yearMonth`) each voucher was paid in; later months in `voucherMonths`.
    var voucherFirstMonth: [Int32]
    var voucherMonths = Set<Int64>()
    /// (project, verb, 文号) of every 下达 and 调减.
    var documentsSeen = Set<Int64>()

    init(projects: Int, firstYear: Int, span: Int, vouchers: Int, contracts: Int) {
        self.firstYear = firstYear
        self.span = span
        figures = [YearFigures](repeating: YearFigures(), count: projects * span)
        contractSigned = [Bool](repeating: false, count: contracts)
        contractProject = [Int32](repeating: -1, count: contracts)
        contractAmountFen = [Int64](repeating: 0, count: contracts)
        contractPaidFen = [Int64](repeating: 0, count: contracts)
        contractRare = [Int32](repeating: -1, count: contracts)
        voucherFirstPayment = [Int32](repeating: -1, count: vouchers)
        voucherLastPayment = [Int32](repeating: -1, count: vouchers)
        voucherFirstMonth = [Int32](repeating: -1, count: vouchers)
    }

    @inline(__always)
    func slot(_ project: Int32, _ year: Int) -> Int { Int(project) * span + (year - firstYear) }

    /// Judges an entry against the balances before it and applies it. False at the first
    /// thing `Validator` would report (an error or a warning).
    mutating func accept(_ entry: CompactEntry, rare: [Entry]) -> Bool {
        let amount = entry.amountFen
        switch entry.verb {
        case .project, .plan, .set, .seal:
            return true
        case .allot:
            guard noteDocument(entry, verbBit: 0) else { return false }
            return figures[slot(entry.project, entry.year)].addAllotment(amount, initial: entry.initial, on: entry.date ?? .epoch)
        case .reduce:
            let here = slot(entry.project, entry.year)
            guard amount <= figures[here].availableFen, noteDocument(entry, verbBit: 1) else { return false }
            return figures[here].addReduction(amount)
        case .pay:
            return pay(entry)
        case .reverse:
            return reverse(entry)
        case .contract:
            let id = Int(entry.key)
            guard !contractSigned[id] else { return false }
            contractSigned[id] = true
            contractProject[id] = entry.project
            contractAmountFen[id] = amount
            contractPaidFen[id] = 0
            contractRare[id] = entry.rare
            signingOrder.append(entry.key)
            return true
        case .carry:
            guard entry.dateKey % 10_000 == 1231 else { return false }
            let here = slot(entry.project, entry.year)
            guard amount <= figures[here].availableFen else { return false }
            var next = figures[here + 1]
            guard next.addCarryIn(amount, year: entry.year + 1), figures[here].addCarryOut(amount) else { return false }
            figures[here + 1] = next
            return true
        case .lapse:
            let here = slot(entry.project, entry.year)
            guard amount <= figures[here].availableFen else { return false }
            return figures[here].addLapse(amount)
        }
    }

    /// 文号 seen before on the same project and verb: the duplicate-document warning.
    private mutating func noteDocument(_ entry: CompactEntry, verbBit: Int64) -> Bool {
        let key = Int64(entry.project) << 33 | Int64(entry.key) << 1 | verbBit
        return documentsSeen.insert(key).inserted
    }

    private mutating func pay(_ entry: CompactEntry) -> Bool {
        let amount = entry.amountFen
        let here = slot(entry.project, entry.year)
        guard amount <= figures[here].availableFen else { return false }
        if entry.reference >= 0 {
            let contract = Int(entry.reference)
            guard contractSigned[contract], contractProject[contract] == entry.project,
                  amount <= contractAmountFen[contract] &- contractPaidFen[contract] else { return false }
        }
        if entry.key >= 0 {
            // The same voucher twice in one month: the duplicate-voucher warning.
            let voucher = Int(entry.key), month = entry.yearMonth
            if voucherFirstMonth[voucher] < 0 {
                voucherFirstMonth[voucher] = month
            } else if voucherFirstMonth[voucher] == month || !voucherMonths.insert(Int64(voucher) << 20 | Int64(month)).inserted {
                return false
            }
        }
        guard figures[here].addPayment(amount) else { return false }
        if entry.reference >= 0 { contractPaidFen[Int(entry.reference)] &+= amount }
        if entry.key >= 0 {
            let payment = Int32(paymentAmountFen.count)
            paymentAmountFen.append(amount)
            paymentReversedFen.append(0)
            paymentDate.append(entry.dateKey)
            paymentProject.append(entry.project)
            paymentContract.append(entry.reference)
            paymentNext.append(-1)
            let voucher = Int(entry.key)
            if voucherLastPayment[voucher] >= 0 { paymentNext[Int(voucherLastPayment[voucher])] = payment } else { voucherFirstPayment[voucher] = payment }
            voucherLastPayment[voucher] = payment
        }
        return true
    }

    private mutating func reverse(_ entry: CompactEntry) -> Bool {
        let amount = entry.amountFen
        var matches: [Int] = []
        var next = voucherFirstPayment[Int(entry.key)]
        while next >= 0 {
            let payment = Int(next)
            if paymentProject[payment] == entry.project, entry.reference == 0 || paymentDate[payment] == entry.reference {
                matches.append(payment)
            }
            next = paymentNext[payment]
        }
        guard let first = matches.first else { return false }
        if entry.reference == 0, matches.contains(where: { paymentDate[$0] != paymentDate[first] }) { return false }
        let remaining = matches.reduce(Int64(0)) { $0 &+ (paymentAmountFen[$1] &- paymentReversedFen[$1]) }
        guard amount <= remaining else { return false }
        guard figures[slot(entry.project, entry.year)].addReversal(amount) else { return false }
        var left = amount
        for payment in matches where left > 0 {
            let take = min(left, paymentAmountFen[payment] &- paymentReversedFen[payment])
            guard take > 0 else { continue }
            paymentReversedFen[payment] &+= take
            if paymentContract[payment] >= 0 { contractPaidFen[Int(paymentContract[payment])] &-= take }
            left -= take
        }
        return true
    }
}

extension CalendarDate {
    /// A placeholder that is never used: compact entries always hold a real date.
    static let epoch = CalendarDate(year: 1970, month: 1, day: 1)!
}
