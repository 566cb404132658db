/// The journal's problems: counted without putting them into words, and explained — all of
/// them, or the first few of each kind — by reading their lines again. A province's journal
/// may hold a million warnings: nothing here builds a string per finding that is not shown.
extension Journal {
    /// Every diagnostic, in source order (errors before warnings at the same place).
    public var diagnostics: [Diagnostic] {
        cache.diagnostics { explained(limitPerCode: nil).shown }
    }

    public var errorCount: Int { problemCounts.errors }
    public var warningCount: Int { problemCounts.warnings }
    public var hasErrors: Bool { errorCount > 0 }

    /// How many diagnostics of each code, and of each severity.
    public var counts: (errors: Int, warnings: Int, byCode: [DiagnosticCode: Int]) {
        let counted = problemCounts
        return (counted.errors, counted.warnings, counted.byCode)
    }

    /// Whether a seal failed (its hash no longer matches): the loudest thing a report can say.
    public var sealFailed: Bool { problemCounts.byCode[.sealMismatch, default: 0] > 0 }

    /// Where a problem is and what it is, without its words: what an append compares.
    public struct ProblemKey: Hashable, Sendable {
        public var file: Int
        public var line: Int
        public var code: String
        public var severity: Diagnostic.Severity
    }

    /// Every problem of a severity, unexplained.
    public func problemKeys(_ severity: Diagnostic.Severity) -> [ProblemKey] {
        var keys: [ProblemKey] = []
        for diagnostic in readerDiagnostics where diagnostic.severity == severity {
            keys.append(ProblemKey(file: diagnostic.location.file, line: diagnostic.location.line, code: diagnostic.code, severity: severity))
        }
        for finding in outcome.findings where finding.code.severity == severity {
            let record = store.records[Int(finding.record)]
            keys.append(ProblemKey(file: Int(record.file), line: Int(record.line), code: finding.code.rawValue, severity: severity))
        }
        return keys
    }

    /// The errors of the journal without an append's new lines, when the checker judged that in
    /// the same run (nil otherwise: then `withoutLast` checks it again). `isNew(file, line)`
    /// tells the new lines (their reader diagnostics are not the journal's as it stood).
    func errorKeysWithoutTail(isNew: (Int, Int) -> Bool) -> [ProblemKey]? {
        guard let findings = outcome.errorsWithoutTail else { return nil }
        var keys: [ProblemKey] = []
        for diagnostic in readerDiagnostics where diagnostic.severity == .error && !isNew(diagnostic.location.file, diagnostic.location.line) {
            keys.append(ProblemKey(file: diagnostic.location.file, line: diagnostic.location.line, code: diagnostic.code, severity: .error))
        }
        for finding in findings where finding.code.severity == .error {
            let record = store.records[Int(finding.record)]
            keys.append(ProblemKey(file: Int(record.file), line: Int(record.line), code: finding.code.rawValue, severity: .error))
        }
        return keys
    }

    /// The problems `wanted` picks, explained, in source order.
    public func explained(where wanted: (ProblemKey) -> Bool) -> [Diagnostic] {
        let session = ExplainSession(store: store, outcome: outcome)
        var shown = readerDiagnostics.filter {
            wanted(ProblemKey(file: $0.location.file, line: $0.location.line, code: $0.code, severity: $0.severity))
        }
        for finding in outcome.findings {
            let record = store.records[Int(finding.record)]
            let key = ProblemKey(file: Int(record.file), line: Int(record.line), code: finding.code.rawValue, severity: finding.code.severity)
            if wanted(key), let diagnostic = session.explain(finding) { shown.append(diagnostic) }
        }
        return shown.sortedBySource()
    }

    /// Diagnostics in source order, at most `limitPerCode` of each code (the first ones in
    /// source order), and how many of each code were left out.
    /// With `severity`, only problems of that severity (a report lists the errors alone).
    public func explained(limitPerCode: Int?, severity: Diagnostic.Severity? = nil) -> (shown: [Diagnostic], omitted: [DiagnosticCode: Int]) {
        let session = ExplainSession(store: store, outcome: outcome)
        // Counted in arrays by the code's ordinal: a million findings, no hashing.
        var shownPerCode = [Int](repeating: 0, count: DiagnosticCode.allCases.count)
        var omittedPerCode = [Int](repeating: 0, count: DiagnosticCode.allCases.count)
        func take(_ code: DiagnosticCode?) -> Bool {
            guard let limit = limitPerCode, let code else { return true }
            if shownPerCode[code.ordinal] >= limit { omittedPerCode[code.ordinal] += 1; return false }
            shownPerCode[code.ordinal] += 1
            return true
        }
        func wanted(_ found: Diagnostic.Severity) -> Bool { severity.map { $0 == found } ?? true }
        let findings = outcome.findings
        // Of one severity (a report's errors): the few wanted first, then their order.
        let order =
            severity.map { wantedSeverity in
                findings.indices.filter { findings[$0].code.severity == wantedSeverity }.sorted {
                    findings[$0].record != findings[$1].record ? findings[$0].record < findings[$1].record : $0 < $1
                }
            } ?? sourceOrder(findings)
        let reader = readerDiagnostics.sorted { $0.location < $1.location }
        var shown: [Diagnostic] = []
        var nextReader = 0
        for index in order {
            let finding = findings[index]
            let place = store.records[Int(finding.record)].location
            while nextReader < reader.count, (reader[nextReader].location.file, reader[nextReader].location.line) <= (place.file, place.line) {
                if wanted(reader[nextReader].severity), take(reader[nextReader].kind) { shown.append(reader[nextReader]) }
                nextReader += 1
            }
            if wanted(finding.code.severity), take(finding.code), let diagnostic = session.explain(finding) { shown.append(diagnostic) }
        }
        for diagnostic in reader[nextReader...] where wanted(diagnostic.severity) && take(diagnostic.kind) { shown.append(diagnostic) }
        var omitted: [DiagnosticCode: Int] = [:]
        for (ordinal, count) in omittedPerCode.enumerated() where count > 0 { omitted[DiagnosticCode.allCases[ordinal]] = count }
        return (shown.sortedBySource(), omitted)
    }

    /// The findings' indices in source order: records are in file order, so by record index,
    /// stable. Usually already so (a journal written in date order); else counted into place
    /// by record (the file-order rules' findings come before the dated ones: a comparison sort
    /// of a million findings would cost more than the check).
    private func sourceOrder(_ findings: [Finding]) -> [Int] {
        var inOrder = true
        for index in findings.indices.dropFirst() where findings[index - 1].record > findings[index].record {
            inOrder = false
            break
        }
        if inOrder { return Array(findings.indices) }
        var next = [Int](repeating: 0, count: store.records.count + 1)
        for finding in findings { next[Int(finding.record) + 1] += 1 }
        for record in next.indices.dropFirst() { next[record] += next[record - 1] }
        var order = [Int](repeating: 0, count: findings.count)
        for (index, finding) in findings.enumerated() {
            order[next[Int(finding.record)]] = index
            next[Int(finding.record)] += 1
        }
        return order
    }

    /// What the reader said of the lines it rejected, and of files whose last line lacks its newline.
    var readerDiagnostics: [Diagnostic] {
        var all = store.readerDiagnostics
        for (file, facts) in store.files.enumerated() where !facts.endsWithNewline {
            var warning = JournalReader.unterminatedLastLine(file: file, line: facts.lineCount)
            warning.excerpt = facts.lastLineExcerpt
            all.append(warning)
        }
        return all
    }

    /// The counts, made once per journal.
    var problemCounts: ProblemCounts {
        cache.counts {
            var byCode: [DiagnosticCode: Int] = [:]
            var tally = [Int](repeating: 0, count: DiagnosticCode.allCases.count)
            for finding in outcome.findings { tally[finding.code.ordinal] += 1 }
            for (ordinal, count) in tally.enumerated() where count > 0 { byCode[DiagnosticCode.allCases[ordinal]] = count }
            for diagnostic in readerDiagnostics { if let kind = diagnostic.kind { byCode[kind, default: 0] += 1 } }
            var errors = 0, warnings = 0
            for (code, count) in byCode { if code.severity == .error { errors += count } else { warnings += count } }
            return ProblemCounts(errors: errors, warnings: warnings, byCode: byCode)
        }
    }
}

/// How many problems a journal has, by severity and by code.
struct ProblemCounts {
    var errors: Int
    var warnings: Int
    var byCode: [DiagnosticCode: Int]
}

extension DiagnosticCode {
    /// The code's place in `allCases` (for counting in an array).
    @inline(__always)
    var ordinal: Int { caseIndex(of: self) }
}
