/// The compact validator's books: every balance in a flat array indexed by dense IDs.
struct RunningBalances {
    let firstYear: Int
    let span: Int
    var figures: [YearFigures]

    /// Contracts by contract ID, and the order they were signed in.
    var contracts: [ContractLink]
    var signingOrder: [Int32] = []
    /// Payments that carry a voucher, chained per voucher in date order (冲销 finds them).
    var payments: [PaymentLink] = []
    var vouchers: [VoucherLink]
    /// (voucher, month) pairs beyond each voucher's first month.
    var voucherMonths = Set<Int64>()
    /// (project, verb, 文号) of every 下达 and 调减.
    var documentsSeen = Set<Int64>()

    struct ContractLink {
        var signed = false
        var project: Int32 = -1
        var amountFen: Int64 = 0
        var paidFen: Int64 = 0
        /// Side-list index of the signing.
        var rare: Int32 = -1
    }

    struct PaymentLink {
        var amountFen: Int64
        var reversedFen: Int64 = 0
        var date: Int32
        var project: Int32
        var contract: Int32
        var next: Int32 = -1
        var remainingFen: Int64 { amountFen &- reversedFen }
    }

    struct VoucherLink {
        var firstPayment: Int32 = -1
        var lastPayment: Int32 = -1
        /// The first month (`yearMonth`) the voucher was paid in, or -1.
        var firstMonth: Int32 = -1
    }

    init(projects: Int, firstYear: Int, span: Int, vouchers: Int, contracts: Int) {
        self.firstYear = firstYear
        self.span = span
        figures = [YearFigures](repeating: YearFigures(), count: projects * span)
        self.contracts = [ContractLink](repeating: ContractLink(), count: contracts)
        self.vouchers = [VoucherLink](repeating: VoucherLink(), count: vouchers)
        payments.reserveCapacity(vouchers)
    }

    @inline(__always)
    func slot(_ project: Int32, _ year: Int) -> Int { Int(project) * span + (year - firstYear) }

    /// Judges an entry against the balances before it and applies it. False at the first
    /// thing `Validator` would report (an error or a warning).
    mutating func accept(_ entry: CompactEntry) -> Bool {
        let amount = entry.amountFen
        switch entry.verb {
        case .project, .plan, .set, .seal:
            return true
        case .allot:
            guard noteDocument(entry, verbBit: 0) else { return false }
            // The key always holds a real date (it was parsed from one); if not, let the full validator judge.
            guard let date = entry.date else { return false }
            return figures[slot(entry.project, entry.year)].addAllotment(amount, initial: entry.initial, on: date)
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
            guard !contracts[id].signed else { return false }
            contracts[id] = ContractLink(signed: true, project: entry.project, amountFen: amount, paidFen: 0, rare: entry.rare)
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
            let contract = contracts[Int(entry.reference)]
            guard contract.signed, contract.project == entry.project, amount <= contract.amountFen &- contract.paidFen else { return false }
        }
        if entry.key >= 0 {
            // The same voucher twice in one month: the duplicate-voucher warning.
            let voucher = Int(entry.key), month = entry.yearMonth
            if vouchers[voucher].firstMonth < 0 {
                vouchers[voucher].firstMonth = month
            } else if vouchers[voucher].firstMonth == month || !voucherMonths.insert(Int64(voucher) << 20 | Int64(month)).inserted {
                return false
            }
        }
        guard figures[here].addPayment(amount) else { return false }
        if entry.reference >= 0 { contracts[Int(entry.reference)].paidFen &+= amount }
        if entry.key >= 0 {
            let payment = Int32(payments.count)
            payments.append(PaymentLink(amountFen: amount, date: entry.dateKey, project: entry.project, contract: entry.reference))
            let voucher = Int(entry.key)
            let last = vouchers[voucher].lastPayment
            if last >= 0 { payments[Int(last)].next = payment } else { vouchers[voucher].firstPayment = payment }
            vouchers[voucher].lastPayment = payment
        }
        return true
    }

    private mutating func reverse(_ entry: CompactEntry) -> Bool {
        let amount = entry.amountFen
        var matches: [Int] = []
        var next = vouchers[Int(entry.key)].firstPayment
        while next >= 0 {
            let payment = Int(next)
            if payments[payment].project == entry.project, entry.reference == 0 || payments[payment].date == entry.reference {
                matches.append(payment)
            }
            next = payments[payment].next
        }
        guard let first = matches.first else { return false }
        if entry.reference == 0, matches.contains(where: { payments[$0].date != payments[first].date }) { return false }
        let remaining = matches.reduce(Int64(0)) { $0 &+ payments[$1].remainingFen }
        guard amount <= remaining else { return false }
        guard figures[slot(entry.project, entry.year)].addReversal(amount) else { return false }
        var left = amount
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
