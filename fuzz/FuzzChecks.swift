// Shared by the fuzz targets (fuzz/FuzzJournal.swift, fuzz/FuzzValues.swift). Compiled into
// the Ledger module itself by fuzz/run.sh, so internal API is visible without @testable.
// Not part of the package: `swift build` and `swift test` never see this folder.
//
// Every check that fails is a finding: it stops the process with "FUZZ FINDING: …" and
// libFuzzer saves the input under fuzz/findings/.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum FuzzChecks {
    /// Stops with a message naming what broke; libFuzzer catches the trap and saves the input.
    static func finding(_ what: String, _ details: @autoclosure () -> String) -> Never {
        let text = "\nFUZZ FINDING: \(what)\n\(details())\n"
        fputs(text, stderr)
        fatalError("FUZZ FINDING: \(what)")
    }

    static func require(_ condition: Bool, _ what: String, _ details: @autoclosure () -> String = "") {
        if !condition { finding(what, details()) }
    }

    /// Escapes a text so a finding prints on one line, bytes visible.
    static func show(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func show<Bytes: Sequence>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        show(String(decoding: Array(bytes), as: UTF8.self))
    }

    // MARK: - The journal pipeline

    /// Reader → validator, with the writer round trip for every entry the parser accepted
    /// and the invariants the reports rely on.
    static func journal(_ bytes: [UInt8]) {
        let source = JournalSource(path: "fuzz.journal", bytes: bytes)
        var parsed = ParsedJournal()
        JournalReader.parse(source, into: &parsed)
        let lineCount = parsed.lineCounts.first ?? 0

        // Every diagnostic points at a real line and column; the CLI quotes that line.
        func checkLocations(_ diagnostics: [Diagnostic], _ stage: String) {
            var lines = Set<Int>()
            for diagnostic in diagnostics {
                let location = diagnostic.location
                require(location.file == 0 && location.line >= 1 && location.line <= lineCount && location.column >= 1,
                        "\(stage): diagnostic outside the file",
                        "\(location.file):\(location.line):\(location.column) \(diagnostic.code) (file has \(lineCount) lines)")
                require(!diagnostic.message.isEmpty && !diagnostic.code.isEmpty, "\(stage): empty diagnostic", diagnostic.code)
                lines.insert(location.line)
            }
            let texts = source.lineTexts(lines)
            for line in lines { require(texts[line] != nil, "\(stage): lineTexts lost line \(line)") }
        }
        checkLocations(parsed.diagnostics, "reader")

        // Writer round trip: the canonical line of each entry reads back as the same entry,
        // without a diagnostic, and is a fixed point of write∘read (byte for byte).
        for entry in parsed.entries {
            require(entry.location.line >= 1 && entry.location.line <= lineCount, "entry outside the file", "\(entry.location)")
            roundTrip(entry)
        }

        let journal = Validator.validate(parsed)
        checkLocations(journal.diagnostics, "validator")
        require(journal.accepted.count == journal.entries.count && journal.dateOrder.count == journal.entries.count,
                "validator: bookkeeping arrays disagree")
        require(Set(journal.dateOrder).count == journal.entries.count, "validator: dateOrder is not a permutation")
        // Every refused entry has an error on its own line.
        let errorLines = Set(journal.diagnostics.filter(\.isError).map(\.location.line))
        for (index, entry) in journal.entries.enumerated() where !journal.accepted[index] {
            require(errorLines.contains(entry.location.line), "validator: entry refused without an error on its line",
                    "line \(entry.location.line): \(JournalWriter.line(entry))")
        }
        checkBooks(journal.books(), "books")

        // The canonical rewrite of the journal means the same: seals aside (they hash the
        // original bytes), the same entries are accepted. Only for a journal whose every line
        // reads: the rewrite drops a broken line, and a broken 项目 line still declares its
        // project (no cascades) while the rewrite no longer does.
        if !parsed.entries.contains(where: { $0.verb == .seal }) && parsed.diagnostics.isEmpty {
            let rewritten = parsed.entries.map { JournalWriter.line($0) + "\n" }.joined()
            var again = ParsedJournal()
            JournalReader.parse(JournalSource(path: "rewritten.journal", bytes: Array(rewritten.utf8)), into: &again)
            require(again.diagnostics.isEmpty && again.entries.count == parsed.entries.count,
                    "rewritten journal does not parse cleanly",
                    again.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code) \($0.message)" }.joined(separator: "\n"))
            let revalidated = Validator.validate(again)
            require(revalidated.accepted == journal.accepted, "rewritten journal validates differently",
                    "original accepted \(journal.accepted)\nrewritten accepted \(revalidated.accepted)\n\(rewritten)")
            require(revalidated.settings == journal.settings, "rewritten journal has other settings")
        }

        // Each line through the tokenizer alone, and the slices a fuzzer mutates into
        // amounts, dates and plans.
        for line in lines(of: bytes) { tokenizer(line) }
        for piece in pieces(of: bytes) { values(piece) }
    }

    /// The file's lines as the reader cuts them: LF, an optional CR before it, a BOM first.
    static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        return body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
    }

    /// Tokenizing never traps on any bytes; on a clean line (valid UTF-8, no control
    /// character) the fields written back with the writer's quoting tokenize to the same
    /// keys and values.
    static func tokenizer(_ line: ArraySlice<UInt8>) {
        guard case .success(let fields) = Tokenizer.tokenize(line) else { return }
        var previousColumn: Int32 = 0
        for field in fields {
            require(field.column > previousColumn, "tokenizer: field columns do not increase", show(bytes: line))
            previousColumn = field.column
        }
        guard UTF8Check.firstInvalidOffset(line) == nil,
              !line.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else { return }
        var written: [UInt8] = []
        for field in fields {
            if !written.isEmpty { written.append(0x20) }
            if let key = field.key { written += key; written.append(UInt8(ascii: "=")) }
            written += Array(JournalWriter.quoteIfNeeded(field.value).utf8)
        }
        guard case .success(let again) = Tokenizer.tokenize(written[...]) else {
            finding("tokenizer: the fields written back do not tokenize", "\(show(bytes: line)) → \(show(bytes: written))")
        }
        require(again.count == fields.count
                && zip(again, fields).allSatisfy { $0.key.map(Array.init) == $1.key.map(Array.init)
                                                   && Array($0.value.utf8) == Array($1.value.utf8) },
                "tokenizer: the fields written back tokenize differently", "\(show(bytes: line)) → \(show(bytes: written))")
    }

    static func roundTrip(_ entry: Entry) {
        let text = JournalWriter.line(entry)
        var back = ParsedJournal()
        JournalReader.parse(JournalSource(path: "roundtrip.journal", bytes: Array((text + "\n").utf8)), into: &back)
        let problems = back.diagnostics.map { "\($0.location.column) \($0.code) \($0.message)" }.joined(separator: "; ")
        require(back.diagnostics.isEmpty && back.entries.count == 1,
                "writer round trip: the canonical line does not read back as one entry",
                "line \(entry.location.line) written as \(show(text)): \(problems)")
        let again = back.entries[0]
        require(again.date == entry.date && again.body == entry.body,
                "writer round trip: the canonical line reads back as another entry",
                "line \(entry.location.line)\n written: \(show(text))\n original: \(entry.body)\n read back: \(again.body)")
        let rewritten = JournalWriter.line(again)
        require(Array(rewritten.utf8) == Array(text.utf8), "writer round trip: the canonical line is not a fixed point",
                "\(show(text)) → \(show(rewritten))")
    }

    /// Balances are never negative, contracts never overpaid or paid below zero, payments
    /// never reversed beyond what was paid (spec §1: "the verbs' errors keep it so").
    static func checkBooks(_ books: Books, _ stage: String) {
        for (key, figures) in books.figures {
            require(figures.availableFen >= 0, "\(stage): negative available balance",
                    "\(key.project) \(key.year): \(figures)")
            require(figures.carriedOutFen >= 0 && figures.lapsedFen >= 0 && figures.reducedFen >= 0 && figures.allottedFen >= 0,
                    "\(stage): a running total went negative", "\(key.project) \(key.year): \(figures)")
        }
        for (id, contract) in books.contracts {
            require(contract.paidFen >= 0 && contract.paidFen <= contract.signing.amountFen,
                    "\(stage): contract paid outside 0…amount", "\(id): paid \(contract.paidFen) of \(contract.signing.amountFen)")
        }
        for payment in books.payments {
            require(payment.reversedFen >= 0 && payment.remainingFen >= 0, "\(stage): payment reversed beyond its amount",
                    "\(payment.project) \(payment.date) \(payment.amountFen): reversed \(payment.reversedFen)")
        }
    }

    /// The fields of each line (split at blanks and `=`) that could be an amount, a date
    /// or a plan — they hold a digit — each once, at most 64: the values target explores
    /// these grammars in depth, this keeps the journal target fast.
    static func pieces(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var seen = Set<ArraySlice<UInt8>>()
        var result: [ArraySlice<UInt8>] = []
        for piece in bytes.split(whereSeparator: { $0 == 0x0A || $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: "=") })
        where piece.count <= 64 && piece.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            if seen.insert(piece).inserted { result.append(piece) }
            if result.count == 64 { break }
        }
        return result
    }

    // MARK: - Amounts, dates, plans, percentages

    static func values(_ bytes: ArraySlice<UInt8>) {
        amount(bytes)
        date(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        plan(text)
        percent(text)
    }

    static func amount(_ bytes: ArraySlice<UInt8>) {
        var raw = Array(bytes)
        let lax = Amount.parseFen(bytes: &raw, requirePositive: false)
        let strict = Amount.parseFen(bytes: &raw, requirePositive: true)
        require(raw == Array(bytes), "Amount.parseFen changed its input")
        let shown = show(bytes: bytes)
        switch lax {
        case .success(let fen):
            require(fen.magnitude <= UInt64(Limits.maxAmountFen), "amount beyond Limits.maxAmountFen accepted", "\(shown) → \(fen)")
            if fen > 0 {
                require(strict == .success(fen), "amount: requirePositive changes the value", "\(shown): \(strict) vs \(fen)")
            } else {
                require(strict == .failure(.notPositive), "amount: zero or negative not refused as notPositive", "\(shown): \(strict)")
            }
            // Every form fundflow prints reads back as the same number of 分.
            for form in [Amount.yuanString(fen), Amount.yuanString(fen) + "元", Amount.wanString(fen) + "万",
                         Amount.wanString(fen) + "万元", Amount.groupedYuanString(fen)] {
                let back = Amount.parseFen(form, requirePositive: false)
                require(back == .success(fen), "amount: a printed form does not read back", "\(shown) → \(fen) → \(form) → \(back)")
            }
        case .failure(let error):
            require(strict == .failure(error), "amount: requirePositive changes the error", "\(shown): \(strict) vs \(error)")
            _ = EntryParser.amountMessage(error, String(decoding: bytes, as: UTF8.self))
        }
        // The String entry point agrees with the byte one on valid UTF-8.
        if UTF8Check.firstInvalidOffset(bytes) == nil {
            let viaString = Amount.parseFen(String(decoding: bytes, as: UTF8.self), requirePositive: false)
            require(viaString == lax, "amount: String and byte parsers disagree", "\(shown): \(viaString) vs \(lax)")
        }
    }

    static func date(_ bytes: ArraySlice<UInt8>) {
        guard let value = CalendarDate.parse(bytes: bytes) else {
            if UTF8Check.firstInvalidOffset(bytes) == nil {
                require(CalendarDate.parse(String(decoding: bytes, as: UTF8.self)) == nil, "date: String and byte parsers disagree",
                        show(bytes: bytes))
            }
            return
        }
        require(Array(value.description.utf8) == Array(bytes), "date: description is not the text parsed",
                "\(show(bytes: bytes)) → \(value)")
        require(CalendarDate(dayNumber: value.dayNumber) == value, "date: dayNumber does not round trip", "\(value) → \(value.dayNumber)")
        if let next = value.addingDays(1) {
            require(next > value && value.days(until: next) == 1, "date: the next day is not one day later", "\(value) → \(next)")
        } else {
            require(value.year == Limits.maxYear && value.isYearEnd, "date: no next day before the last year", "\(value)")
        }
        require((1...value.daysInMonth).contains(value.day), "date: day outside its month", "\(value)")
    }

    static func plan(_ text: String) {
        switch DisbursementPlan.parse(text) {
        case .success(let plan):
            require(!plan.checkpoints.isEmpty, "plan: accepted with no checkpoint", show(text))
            var previous: DisbursementPlan.Checkpoint?
            for checkpoint in plan.checkpoints {
                require((1...12).contains(checkpoint.month) && (0...10_000).contains(checkpoint.percentBasisPoints),
                        "plan: checkpoint out of range", "\(show(text)) → \(plan)")
                if let previous {
                    require(checkpoint.month > previous.month && checkpoint.percentBasisPoints >= previous.percentBasisPoints,
                            "plan: checkpoints out of order", "\(show(text)) → \(plan)")
                }
                previous = checkpoint
            }
            let back = DisbursementPlan.parse(plan.description)
            require(back == .success(plan), "plan: canonical text does not read back", "\(show(text)) → \(plan.description) → \(back)")
        case .failure(let error):
            require(!error.message.isEmpty, "plan: empty message")
        }
    }

    static func percent(_ text: String) {
        guard let basisPoints = DisbursementPlan.parsePercentBasisPoints(text) else { return }
        require(basisPoints >= 0, "percent: negative accepted", show(text))
        let back = DisbursementPlan.parsePercentBasisPoints(Percent.jsonNumber(basisPoints))
        require(back == basisPoints, "percent: printed form does not read back", "\(show(text)) → \(basisPoints) → \(Percent.jsonNumber(basisPoints))")
    }
}
