/// The journal's problems: counted without putting them into words, and explained — all of
/// them, or the first few of each kind — by reading their lines again.
extension Journal {
    /// Every diagnostic, in source order (errors before warnings at the same place).
    public var diagnostics: [Diagnostic] {
        cache.diagnostics { explained(limitPerCode: nil).shown }
    }

    public var errorCount: Int { counts.errors }
    public var warningCount: Int { counts.warnings }
    public var hasErrors: Bool { errorCount > 0 }

    /// How many diagnostics of each code, and of each severity.
    public var counts: (errors: Int, warnings: Int, byCode: [DiagnosticCode: Int]) {
        var byCode: [DiagnosticCode: Int] = [:]
        for finding in outcome.findings { byCode[finding.code, default: 0] += 1 }
        for diagnostic in readerDiagnostics { if let kind = diagnostic.kind { byCode[kind, default: 0] += 1 } }
        var errors = 0, warnings = 0
        for (code, count) in byCode { if code.severity == .error { errors += count } else { warnings += count } }
        return (errors, warnings, byCode)
    }

    /// Whether a seal failed (its hash no longer matches): the loudest thing a report can say.
    public var sealFailed: Bool { outcome.findings.contains { $0.code == .sealMismatch } }

    /// Where a problem is and what it is, without its words: what an append compares.
    public struct ProblemKey: Hashable, Sendable {
        public var file: Int
        public var line: Int
        public var code: String
        public var severity: Diagnostic.Severity
    }

    /// Every problem of a severity, unexplained.
    public func problemKeys(_ severity: Diagnostic.Severity) -> [ProblemKey] {
        candidates().compactMap { candidate in
            let key = candidate.key
            return key.severity == severity ? key : nil
        }
    }

    /// The problems `wanted` picks, explained, in source order.
    public func explained(where wanted: (ProblemKey) -> Bool) -> [Diagnostic] {
        let session = ExplainSession(store: store, outcome: outcome)
        return candidates().filter { wanted($0.key) }.compactMap { $0.diagnostic ?? $0.finding.flatMap(session.explain) }.sortedBySource()
    }

    private struct Candidate {
        var key: ProblemKey
        var finding: Finding?
        var diagnostic: Diagnostic?
    }

    /// Findings and reader diagnostics, by file and line.
    private func candidates() -> [Candidate] {
        var all: [Candidate] = []
        all.reserveCapacity(outcome.findings.count + store.readerDiagnostics.count + 1)
        for diagnostic in readerDiagnostics {
            all.append(Candidate(key: ProblemKey(file: diagnostic.location.file, line: diagnostic.location.line, code: diagnostic.code,
                                                 severity: diagnostic.severity), diagnostic: diagnostic))
        }
        for finding in outcome.findings {
            let record = store.records[Int(finding.record)]
            all.append(Candidate(key: ProblemKey(file: Int(record.file), line: Int(record.line), code: finding.code.rawValue,
                                                 severity: finding.code.severity), finding: finding))
        }
        // Stable: by file and line; columns are known only once explained (sorted again then).
        all.sort { ($0.key.file, $0.key.line) < ($1.key.file, $1.key.line) }
        return all
    }

    /// Diagnostics in source order, at most `limitPerCode` of each code (the first ones in
    /// source order), and how many of each code were left out.
    public func explained(limitPerCode: Int?) -> (shown: [Diagnostic], omitted: [DiagnosticCode: Int]) {
        let session = ExplainSession(store: store, outcome: outcome)
        var shownPerCode: [DiagnosticCode: Int] = [:]
        var omitted: [DiagnosticCode: Int] = [:]
        var shown: [Diagnostic] = []
        for candidate in candidates() {
            let code = candidate.finding?.code ?? candidate.diagnostic?.kind
            if let limit = limitPerCode, let code {
                if shownPerCode[code, default: 0] >= limit { omitted[code, default: 0] += 1; continue }
                shownPerCode[code, default: 0] += 1
            }
            if let diagnostic = candidate.diagnostic ?? candidate.finding.flatMap(session.explain) { shown.append(diagnostic) }
        }
        return (shown.sortedBySource(), omitted)
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
}
