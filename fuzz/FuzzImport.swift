// libFuzzer target "import": the bytes are one spreadsheet export as `fundflow import` reads
// it — decoded (auto, UTF-8 and GBK), split into CSV rows, the header found, every row parsed
// into a payment or named problems, and planned against a small journal. Compiled together
// with Sources/Interchange into one module (see fuzz/run.sh). A finding is a crash, an ASan
// report, a 10-second input, or a failed check:
//   - a decoded text re-parsed as CSV gives the same table (parsing is deterministic);
//   - every data row is accounted for exactly once: a payment, a row with problems, or a
//     total row; no row number outside the table;
//   - every payment is positive, within Limits.maxAmountFen, dated within the journal's years;
//   - planning keeps every row: items + duplicates + rows with problems = data rows, and a
//     sheet planned against a journal already holding its items adds nothing more;
//   - every planned line, written by JournalWriter, reads back as the same entry.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for choice in TextDecoding.Choice.allCases {
        guard case .success(let decoded) = TextDecoding.decode(bytes, as: choice) else { continue }
        FuzzImportChecks.sheet(decoded.text)
    }
    return 0
}

enum FuzzImportChecks {
    static let journalLines = [
        "2019-01-01 项目 P01 医疗服务与保障能力提升补助资金",
        "2019-01-01 项目 P02 \"基金监管 专项\"",
        "2019-01-01 下达 P01 100000000.00 文号=D1",
        "2019-01-01 下达 P02 100000000.00 文号=D2",
        "2019-03-01 支付 P01 1000.00 凭证=记-001",
    ]

    static func journal(_ extra: [String] = []) -> Journal {
        var parsed = ParsedJournal()
        let text = (journalLines + extra).map { $0 + "\n" }.joined()
        JournalReader.parse(JournalSource(path: "fuzz.journal", bytes: Array(text.utf8)), into: &parsed)
        return Validator.validate(parsed)
    }

    static func sheet(_ text: String) {
        guard case .success(let table) = CSVTable.parse(text) else { return }
        if case .success(let again) = CSVTable.parse(text) {
            FuzzChecks.require(again == table, "CSV parsing is not deterministic", FuzzChecks.show(text))
        }
        let numbers = Set(table.rows.map(\.number))
        guard case .success(let mapping) = ImportMapping().resolve(table) else { return }
        let sheet = PaymentImport.read(table, mapping: mapping)

        // Every data row once: a payment, a row with problems, or a total row.
        let dataRows = table.rows.filter { $0.number > mapping.headerRow && !$0.isBlank }.map(\.number)
        let paid = sheet.rows.map(\.row), faulty = Set(sheet.problems.map(\.row)), totals = sheet.totalRows
        FuzzChecks.require(Set(paid).isDisjoint(with: faulty) && Set(paid).isDisjoint(with: totals) && faulty.isDisjoint(with: totals),
                           "a row is both a payment, a problem or a total", FuzzChecks.show(text))
        FuzzChecks.require((paid + Array(faulty) + totals).sorted() == dataRows.sorted(),
                           "a data row is lost or counted twice", "rows \(dataRows) paid \(paid) faulty \(faulty.sorted()) totals \(totals)\n\(FuzzChecks.show(text))")
        FuzzChecks.require(sheet.rowCount == paid.count + faulty.count, "rowCount", FuzzChecks.show(text))
        FuzzChecks.require(faulty.isSubset(of: numbers), "a problem outside the table", FuzzChecks.show(text))
        for row in sheet.rows {
            FuzzChecks.require(row.amountFen > 0 && row.amountFen <= Limits.maxAmountFen, "payment amount out of range", "\(row)")
            FuzzChecks.require((Limits.minYear...Limits.maxYear).contains(row.date.year), "payment year out of range", "\(row)")
            FuzzChecks.require(!row.project.isEmpty, "payment without a project", "\(row)")
        }
        plan(sheet, text: text)
    }

    static func plan(_ sheet: PaymentSheet, text: String) {
        let plan = PaymentImport.plan(sheet, journal: journal())
        let problemRows = Set(plan.problems.map(\.row))
        FuzzChecks.require(plan.items.count + plan.duplicates.count + problemRows.count == sheet.rowCount,
                           "planning lost or doubled a row",
                           "items \(plan.items.count) duplicates \(plan.duplicates.count) problem rows \(problemRows.count) rows \(sheet.rowCount)\n\(FuzzChecks.show(text))")
        var lines: [String] = []
        for item in plan.items {
            let line = JournalWriter.line(date: item.draft.date, body: item.draft.body)
            var readBack = ParsedJournal()
            JournalReader.parseLine(Array(line.utf8)[...], file: 0, line: 1, byteOffset: 0, into: &readBack)
            FuzzChecks.require(readBack.diagnostics.isEmpty && readBack.entries.first?.body == item.draft.body
                               && readBack.entries.first?.date == item.draft.date,
                               "a planned line does not read back as its entry", line)
            lines.append(line)
        }
        // Re-importing into a journal that holds the items adds nothing.
        guard !lines.isEmpty, lines.count <= 200 else { return }
        let again = PaymentImport.plan(sheet, journal: journal(lines))
        FuzzChecks.require(again.items.isEmpty, "a second import of the same sheet adds rows",
                           "\(again.items.count) of \(lines.count)\n\(FuzzChecks.show(text))")
    }
}
