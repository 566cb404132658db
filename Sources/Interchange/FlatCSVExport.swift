import Dispatch
import Ledger

/// The journal as one flat table: a row per accepted money entry and contract, in date
/// order, with the project's name and unit on every row, every field in its own column, and
/// the entry's effect on the year's figures as signed amounts in 元 — so that a pivot table
/// (or `groupby`) over 项目编号 and 年度 gives fundflow's 预算, 支出, 结转下年, 收回 and
/// 可用余额. A 结转 row is followed, dated the next 01-01, by a 上年结转 row that brings the
/// money into the next year's budget, as fundflow counts it.
///
/// The same conventions as the report CSVs: UTF-8 with a byte-order mark (Excel and WPS
/// read the Chinese right), CRLF, RFC 4180 quoting, and journal text that Excel would run
/// as a formula (`=`, `+`, `-`, `@` …) neutralised with a leading `'`.
///
/// A province's million rows are written as bytes, a batch of rows at a time on two threads
/// (`FlatCSVBatch`), and handed out in order. The common lines' text is read straight from
/// their bytes (`LineFields`); every other line is read in full by the entry parser, and
/// both feed the same row writer.
public enum FlatCSVExport {
    public static let header = [
        "日期", "年度", "动作", "动作代码", "项目编号", "项目名称", "单位", "金额（元）",
        "预算增减（元）", "支出增减（元）", "结转下年（元）", "收回（元）", "可用余额增减（元）",
        "文号", "类别", "来源", "凭证", "收款人", "合同", "原凭证", "原日期", "对方", "期限", "原因", "摘要",
        "资金性质", "功能科目", "经济科目",
    ]

    /// Accepted entries rendered by one thread at a time.
    static let rowsPerBatch = Limits.csvRowsPerBatch

    public static func render(_ journal: Journal) -> String {
        var all: [UInt8] = []
        write(journal) { all += $0 }
        return String(decoding: all, as: UTF8.self)
    }

    /// The table written out a piece at a time (a batch of rows, a few megabytes: a million
    /// rows are never held at once).
    public static func write(_ journal: Journal, to sink: (ArraySlice<UInt8>) -> Void) {
        write(journal, fastLines: true, rowsPerBatch: rowsPerBatch, to: sink)
    }

    /// `fastLines: false` reads every line with the entry parser (the differential tests
    /// compare the two readings).
    static func write(_ journal: Journal, fastLines: Bool, rowsPerBatch: Int, to sink: (ArraySlice<UInt8>) -> Void) {
        sink(headerBytes[...])
        let order = journal.acceptedOrder
        let plan = CarryInPlan(journal, order: order)
        let projects = journal.projects
        let batches = [FlatCSVBatch(journal, projects: projects, fastLines: fastLines), FlatCSVBatch(journal, projects: projects, fastLines: fastLines)]
        var classes = PaymentClasses()
        var start = 0
        repeat {
            let ranges = stride(from: start, to: min(start + 2 * rowsPerBatch, order.count), by: rowsPerBatch).map { $0..<min($0 + rowsPerBatch, order.count) }
            if ranges.count == 2 {
                DispatchQueue.concurrentPerform(iterations: 2) { half in batches[half].rows.render(order[ranges[half]], plan: plan, total: order.count) }
            } else {
                batches[0].rows.render(order[(ranges.first ?? start..<start)], plan: plan, total: order.count)
            }
            for half in 0..<max(1, ranges.count) { classes.emit(batches[half], to: sink) }
            start = ranges.last?.upperBound ?? start
        } while start < order.count
    }

    static let headerBytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(header.map { Array(csvField: $0) }.joined(separator: [UInt8(ascii: ",")])) + [0x0D, 0x0A]
}

/// The 上年结转 rows: each 结转 brings its money into the next year, shown dated the next
/// 01-01 before the first entry on or after that day (or at the end of the table). Worked
/// out before the rows, from the checked entries alone, so that any batch can write them.
struct CarryInPlan {
    struct CarryIn {
        var dateKey: Int32
        var projectNumber: Int32
        var carry: CarryOver
    }

    /// Carry-ins to write before the accepted entry at each position of the order (the
    /// order's count: after the last), by position.
    private(set) var positions: [Int] = []
    private(set) var carryIns: [[CarryIn]] = []

    init(_ journal: Journal, order: [Int32]) {
        var pending: [CarryIn] = []
        var position = 0
        journal.forEachLine(of: order[...], readingLines: false) { line in
            flush(&pending, before: line.dateKey, at: position)
            if line.verb == .carry, case .carry(let carry) = journal.entry(of: line).body,
                let newYear = CalendarDate(year: Int(line.dateKey / 10_000) + 1, month: 1, day: 1)
            {
                pending.append(CarryIn(dateKey: newYear.key, projectNumber: line.projectNumber, carry: carry))
            }
            position += 1
        }
        flush(&pending, before: nil, at: position)
    }

    private mutating func flush(_ pending: inout [CarryIn], before dateKey: Int32?, at position: Int) {
        var due = 0
        while due < pending.count, dateKey.map({ pending[due].dateKey <= $0 }) ?? true { due += 1 }
        guard due > 0 else { return }
        positions.append(position)
        carryIns.append(Array(pending[..<due]))
        pending.removeFirst(due)
    }

    /// The first entry of `positions` at or after `position`.
    func first(atOrAfter position: Int) -> Int {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The economic class each payment files under, remembered so that its reversal is filed
/// under the same (`Classifier`'s rule): a reversal's 经济科目 is that of the latest payment
/// of its project and voucher (and 原日期, when it names one) before it. Batches are rendered
/// side by side, so a batch leaves its reversals' cells open and notes its payments' classes;
/// the batches are then emitted in order, the open cells filled from what came before.
struct PaymentClasses {
    private var classes: [String: String] = [:]

    static func key(_ project: String, _ voucher: String, _ date: String) -> String {
        project + "\u{1F}" + voucher + "\u{1F}" + date
    }

    /// Hands the batch's bytes to `sink`, each open cell filled.
    mutating func emit(_ batch: FlatCSVBatch, to sink: (ArraySlice<UInt8>) -> Void) {
        let bytes = batch.rows.out.written
        var from = 0
        for event in batch.rows.classEvents {
            switch event {
            case .payment(let keys, let econ):
                for key in keys { classes[key] = econ }
            case .reversal(let offset, let key, let declared):
                guard let econ = classes[key] ?? declared, !econ.isEmpty else { continue }
                sink(bytes[from..<offset])
                sink([UInt8](csvField: econ)[...])
                from = offset
            }
        }
        sink(bytes[from..<bytes.count])
    }
}
