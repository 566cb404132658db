import Ledger

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One thread's batch of the flat table: a run of accepted entries (consecutive in date
/// order) written as CSV bytes (`BatchRows`), kept between batches with what it learnt of
/// the projects.
final class FlatCSVBatch {
    var rows: BatchRows

    init(_ journal: Journal, projects: [String: ProjectDeclaration], fastLines: Bool) {
        rows = BatchRows(journal: journal, projects: projects, fastLines: fastLines)
    }
}

/// The rows of a batch. A row's text comes from its line's bytes (`LineFields`) for the
/// money verbs, from the full entry otherwise; either way the same `write` writes it.
struct BatchRows {
    let journal: Journal
    let projects: [String: ProjectDeclaration]
    let fastLines: Bool
    private(set) var out = CSVBytes()
    /// Reversals whose 经济科目 cell is left open, and payments' classes, in row order.
    private(set) var classEvents: [ClassEvent] = []
    private var fields = LineFields()
    /// The text of a row read from a full entry (the ranges in `cells` index it).
    private var scratch: [UInt8] = []
    /// Where each text column's value is (nil: empty), for the row being written.
    private var cells = [Range<Int>?](repeating: nil, count: TextColumn.count)
    private var projectCells: [ProjectCells?] = []
    private let verbs = VerbCells.all

    enum ClassEvent {
        /// A payment's class, under both of its keys.
        case payment(keys: [String], econ: String)
        /// A reversal's open cell at `offset` of the batch's bytes: the class of `key`, else the declared one.
        case reversal(offset: Int, key: String, declared: String?)
    }

    init(journal: Journal, projects: [String: ProjectDeclaration], fastLines: Bool) {
        self.journal = journal
        self.projects = projects
        self.fastLines = fastLines
        scratch.reserveCapacity(1024)
    }

    /// The rows of the accepted entries at `positions` of the date order (`total` entries in
    /// all: the batch that reaches the end also writes the carry-ins after the last entry).
    mutating func render(_ positions: ArraySlice<Int32>, plan: CarryInPlan, total: Int) {
        out.removeAll()
        classEvents.removeAll(keepingCapacity: true)
        var position = positions.startIndex
        var event = plan.first(atOrAfter: position)
        journal.forEachLine(of: positions) { line in
            carryInsDue(plan, &event, at: position)
            switch line.verb {
            case .pay, .allot, .reduce, .reverse:
                if !(fastLines && !line.isKept && writeFromBytes(line)) { writeFromEntry(journal.entry(of: line), line) }
            case .contract, .carry, .lapse:
                writeFromEntry(journal.entry(of: line), line)
            case .project, .plan, .set, .seal:
                break
            }
            position += 1
        }
        if position == total { carryInsDue(plan, &event, at: position) }
    }

    private mutating func carryInsDue(_ plan: CarryInPlan, _ event: inout Int, at position: Int) {
        while event < plan.positions.count, plan.positions[event] == position {
            for carryIn in plan.carryIns[event] { writeCarryIn(carryIn) }
            event += 1
        }
    }

    // MARK: Reading the row's text

    /// A money line's row from its bytes; false (nothing written) when the line holds
    /// anything but its verb's plain fields.
    private mutating func writeFromBytes(_ line: AcceptedLine) -> Bool {
        guard fields.split(line.bytes, verb: line.verb), fields.positionals.count == 2 else { return false }
        clearCells()
        var ownEcon: Range<Int>?
        for (key, value) in fields.attributes {
            switch key {
            case .econ: ownEcon = value
            case .kind: break  // the 类别 in effect is the checker's (`allotKind`)
            default:
                guard let column = TextColumn(key) else { return false }
                cells[column.rawValue] = value
            }
        }
        let project = fields.positionals[0]
        let bytes = fields.text
        bytes.withUnsafeBufferPointer { text in
            writeRow(
                dateKey: line.dateKey, verb: line.verb, line: line, amountFen: line.amountFen, text: text,
                projectID: project, ownEcon: ownEcon, kind: line.allotKind)
        }
        return true
    }

    /// A row from the full entry (the kept entries, and lines the byte reader leaves alone).
    private mutating func writeFromEntry(_ entry: Entry, _ line: AcceptedLine) {
        guard let project = entry.body.projectID, let amountFen = entry.body.amountFen else { return }
        scratch.removeAll(keepingCapacity: true)
        clearCells()
        var kind: AllotmentKind?
        var ownEcon: String?
        switch entry.body {
        case .allot(let a):
            kind = a.kind
            put(a.doc, .doc); put(a.source, .source); put(a.memo, .memo)
        case .reduce(let r):
            put(r.doc, .doc); put(r.memo, .memo)
        case .pay(let p):
            ownEcon = p.econ
            put(p.voucher, .voucher); put(p.payee, .payee); put(p.contract, .contract); put(p.memo, .memo)
        case .reverse(let r):
            put(r.ofVoucher, .ofVoucher); put(r.ofDate?.description, .ofDate); put(r.voucher, .voucher); put(r.memo, .memo)
        case .carry(let c):
            put(c.reason, .reason)
        case .lapse(let l):
            put(l.doc, .doc); put(l.reason, .reason)
        case .contract(let c):
            put(c.contractID, .contract); put(c.party, .party); put(c.due?.description, .due); put(c.memo, .memo)
        case .project, .plan, .set, .seal:
            return
        }
        let projectID = append(project)
        let econ = ownEcon.map { append($0) }
        // A reference to the same storage (no copy: nothing changes it while the row is written).
        let bytes = scratch
        bytes.withUnsafeBufferPointer { text in
            writeRow(
                dateKey: entry.date.key, verb: entry.verb, line: line, amountFen: amountFen, text: text,
                projectID: projectID, ownEcon: econ, kind: kind)
        }
    }

    private mutating func clearCells() {
        for index in 0..<TextColumn.count { cells[index] = nil }
    }

    private mutating func put(_ value: String?, _ column: TextColumn) {
        guard let value else { return }
        cells[column.rawValue] = append(value)
    }

    private mutating func append(_ value: String) -> Range<Int> {
        let start = scratch.count
        scratch.append(contentsOf: value.utf8)
        return start..<scratch.count
    }

    /// A 结转's money brought into the next year (`CarryInPlan`).
    private mutating func writeCarryIn(_ carryIn: CarryInPlan.CarryIn) {
        scratch.removeAll(keepingCapacity: true)
        clearCells()
        put(carryIn.carry.reason, .reason)
        let projectID = append(carryIn.carry.project)
        let bytes = scratch
        bytes.withUnsafeBufferPointer { text in
            let project = self.project(carryIn.projectNumber, id: UnsafeBufferPointer(rebasing: text[projectID]))
            write(
                dateKey: carryIn.dateKey, verb: verbs[VerbCells.carryInPlace], project: project, projectID: UnsafeBufferPointer(rebasing: text[projectID]),
                amountFen: carryIn.carry.amountFen, text: text, kind: nil,
                fund: project.classified, econ: project.declaredEcon == nil ? nil : .declared)
        }
    }

    // MARK: Writing the row

    /// The row of an entry: its classes worked out (`Classifier`'s rule), then written.
    private mutating func writeRow(
        dateKey: Int32, verb: Verb, line: AcceptedLine, amountFen: Int64, text: UnsafeBufferPointer<UInt8>,
        projectID range: Range<Int>, ownEcon: Range<Int>?, kind: AllotmentKind?
    ) {
        let projectID = UnsafeBufferPointer(rebasing: text[range])
        let project = self.project(line.projectNumber, id: projectID)
        func string(_ range: Range<Int>?) -> String { range.map { String(decoding: text[$0], as: UTF8.self) } ?? "" }
        // Only a classified project (or a payment naming its own 经济科目) has classes.
        guard project.declared, project.classified || ownEcon != nil else {
            write(dateKey: dateKey, verb: verbs[VerbCells.place(of: verb)], project: project, projectID: projectID, amountFen: amountFen, text: text, kind: kind, fund: false, econ: nil)
            return
        }
        var econ: EconCell? = project.declaredEcon == nil ? nil : .declared
        switch verb {
        case .pay:
            // A payment's class is its own or its project's, remembered for its reversal.
            if let own = ownEcon { econ = .text(own) }
            if let voucher = cells[TextColumn.voucher.rawValue], let named = ownEcon.map(string) ?? project.declaredEcon {
                let id = string(range), number = string(voucher)
                let keys = [PaymentClasses.key(id, number, ""), PaymentClasses.key(id, number, CalendarDate.text(dateKey))]
                classEvents.append(.payment(keys: keys, econ: named))
            }
        case .reverse:
            // The class of the payment it reverses, known once the rows before it are.
            let key = PaymentClasses.key(string(range), string(cells[TextColumn.ofVoucher.rawValue]), string(cells[TextColumn.ofDate.rawValue]))
            econ = .open(key: key, declared: project.declaredEcon)
        default:
            break
        }
        write(dateKey: dateKey, verb: verbs[VerbCells.place(of: verb)], project: project, projectID: projectID, amountFen: amountFen, text: text, kind: kind, fund: true, econ: econ)
    }

    enum EconCell {
        /// The project's own class.
        case declared
        /// Text of the row.
        case text(Range<Int>)
        /// Left open for `PaymentClasses` to fill.
        case open(key: String, declared: String?)
    }

    /// Writes the cells of one row.
    private mutating func write(
        dateKey: Int32, verb: VerbCells, project: ProjectCells, projectID: UnsafeBufferPointer<UInt8>, amountFen: Int64,
        text: UnsafeBufferPointer<UInt8>, kind: AllotmentKind?, fund: Bool, econ: EconCell?
    ) {
        let room = 2 * (text.count + projectID.count) + project.room + 512
        var openAt = -1
        out.write(atMost: room) { row in
            project.bytes.withUnsafeBufferPointer { buffer in
                let own = buffer.baseAddress!
                row.date(dateKey)
                row.byte(UInt8(ascii: ","))
                row.year(dateKey)
                row.byte(UInt8(ascii: ","))
                row.bytes(verb.cells)
                row.byte(UInt8(ascii: ","))
                // A line may spell the ID differently (canonically equivalent): as written, then.
                if projectID.count == project.idEnd, memcmp(own, projectID.baseAddress!, project.idEnd) == 0 {
                    row.bytes(own + project.idEnd, project.idCellEnd - project.idEnd)
                } else {
                    row.field(projectID)
                }
                row.bytes(own + project.idCellEnd, project.nameAndUnitEnd - project.idCellEnd)
                row.byte(UInt8(ascii: ","))
                row.yuan(amountFen)
                for effect in verb.effects {
                    row.byte(UInt8(ascii: ","))
                    if let sign = effect { row.yuan(sign * amountFen) }
                }
                for column in 0..<TextColumn.count {
                    row.byte(UInt8(ascii: ","))
                    if column == TextColumn.kind.rawValue {
                        if let kind { row.bytes(kind == .initial ? verb.initial : verb.supplement) }
                    } else if let range = cells[column] {
                        row.field(UnsafeBufferPointer(rebasing: text[range]))
                    }
                }
                row.byte(UInt8(ascii: ","))
                if fund { row.bytes(own + project.nameAndUnitEnd, project.fundEnd - project.nameAndUnitEnd) }
                row.byte(UInt8(ascii: ","))
                row.bytes(own + project.fundEnd, project.codeEnd - project.fundEnd)
                row.byte(UInt8(ascii: ","))
                switch econ {
                case .declared: row.bytes(own + project.codeEnd, project.bytes.count - project.codeEnd)
                case .text(let range): row.field(UnsafeBufferPointer(rebasing: text[range]))
                case .open: openAt = row.at
                case nil: break
                }
                row.byte(0x0D)
                row.byte(0x0A)
            }
        }
        if case .open(let key, let declared) = econ { classEvents.append(.reversal(offset: openAt, key: key, declared: declared)) }
    }

    // MARK: Projects

    /// The project's cells, made once per project and thread. A line may spell the ID
    /// differently (canonically equivalent): its own spelling is written then.
    private mutating func project(_ number: Int32, id: UnsafeBufferPointer<UInt8>) -> ProjectCells {
        let slot = Int(number)
        if slot >= 0, slot < projectCells.count, let cells = projectCells[slot] { return cells }
        let made = ProjectCells(projects[String(decoding: id, as: UTF8.self)], id: Array(id))
        guard slot >= 0 else { return made }
        if slot >= projectCells.count { projectCells.append(contentsOf: repeatElement(nil, count: slot + 1 - projectCells.count)) }
        projectCells[slot] = made
        return made
    }
}

/// A project's cells as written on each of its rows, in one block of memory (a row reads
/// them at once): the ID as first met, its cell, `,name,unit`, then the 资金性质 in effect,
/// 功能科目 and 经济科目 cells.
final class ProjectCells {
    let bytes: [UInt8]
    /// Where each part ends in `bytes`.
    let idEnd, idCellEnd, nameAndUnitEnd, fundEnd, codeEnd: Int
    let declared: Bool
    /// Whether the declaration names any class (资金性质, 科目, 经济科目).
    let classified: Bool
    let declaredEcon: String?

    init(_ declaration: ProjectDeclaration?, id: [UInt8]) {
        var bytes = id
        idEnd = bytes.count
        bytes += [UInt8](csvField: String(decoding: id, as: UTF8.self))
        idCellEnd = bytes.count
        bytes += [UInt8(ascii: ",")] + [UInt8](csvField: declaration?.name ?? "") + [UInt8(ascii: ",")] + [UInt8](csvField: declaration?.unit ?? "")
        nameAndUnitEnd = bytes.count
        bytes += [UInt8](csvField: declaration?.effectiveFund.chinese ?? "")
        fundEnd = bytes.count
        bytes += [UInt8](csvField: declaration?.code ?? "")
        codeEnd = bytes.count
        bytes += [UInt8](csvField: declaration?.econ ?? "")
        self.bytes = bytes
        declared = declaration != nil
        classified = declaration.map { $0.fund != nil || $0.code != nil || $0.econ != nil } ?? false
        declaredEcon = declaration?.econ
    }

    /// The most bytes its cells take in a row.
    var room: Int { bytes.count }
}

/// The verb's two cells and its effects on the figures (budget, paid, carried out, lapsed,
/// available) as signs of the amount; nil: no effect cell (a contract moves no money).
final class VerbCells {
    let cells: [UInt8]
    let effects: [Int64?]
    /// The 类别 cells (a 下达's), kept here so that a row reads no global table.
    let initial = [UInt8](csvField: AllotmentKind.initial.chinese)
    let supplement = [UInt8](csvField: AllotmentKind.supplement.chinese)

    init(_ chinese: String, _ english: String, _ effects: [Int64?]) {
        cells = [UInt8](csvField: chinese) + [UInt8(ascii: ",")] + [UInt8](csvField: english)
        self.effects = effects
    }

    /// The row verbs by `place(of:)`, then 上年结转 (`carryInPlace`).
    static let all = [
        VerbCells(Verb.allot.chinese, Verb.allot.english, [1, 0, 0, 0, 1]),
        VerbCells(Verb.reduce.chinese, Verb.reduce.english, [-1, 0, 0, 0, -1]),
        VerbCells(Verb.pay.chinese, Verb.pay.english, [0, 1, 0, 0, -1]),
        VerbCells(Verb.reverse.chinese, Verb.reverse.english, [0, -1, 0, 0, 1]),
        VerbCells(Verb.carry.chinese, Verb.carry.english, [0, 0, 1, 0, -1]),
        VerbCells(Verb.lapse.chinese, Verb.lapse.english, [0, 0, 0, 1, -1]),
        VerbCells(Verb.contract.chinese, Verb.contract.english, [nil, nil, nil, nil, nil]),
        VerbCells("上年结转", "carry-in", [1, 0, 0, 0, 1]),
    ]
    static let carryInPlace = 7

    static func place(of verb: Verb) -> Int {
        switch verb {
        case .allot: return 0
        case .reduce: return 1
        case .pay: return 2
        case .reverse: return 3
        case .carry: return 4
        case .lapse: return 5
        case .contract: return 6
        case .project, .plan, .set, .seal: preconditionFailure("no row for \(verb)")
        }
    }
}

/// The text columns, in the table's order.
enum TextColumn: Int, CaseIterable {
    case doc, kind, source, voucher, payee, contract, ofVoucher, ofDate, party, due, reason, memo

    static let count = 12

    /// The column a money line's key fills (nil: not one the byte reader takes).
    init?(_ key: AttributeKey) {
        switch key {
        case .doc: self = .doc
        case .source: self = .source
        case .voucher: self = .voucher
        case .payee: self = .payee
        case .contract: self = .contract
        case .of: self = .ofVoucher
        case .ofDate: self = .ofDate
        case .memo: self = .memo
        default: return nil
        }
    }
}

extension CalendarDate {
    /// A YYYYMMDD key as `YYYY-MM-DD`.
    static func text(_ key: Int32) -> String {
        CalendarDate(year: Int(key / 10_000), month: Int(key / 100 % 100), day: Int(key % 100))?.description ?? ""
    }
}
