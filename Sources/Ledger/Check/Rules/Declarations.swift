/// Projects are declared once, before any entry that names them, in file order. A 项目 line
/// the reader rejected still declares its project (a stub), so one mistake gives one
/// diagnostic, not one per later line.
enum Declarations {
    struct Outcome {
        /// Project IDs in declaration order (stubs included: suggestions may name them).
        var order: [Int32] = []
        /// The first declaration of each project, when it has one.
        var firstDeclaration: [LinePlace?]
    }

    static func check(_ store: RecordStore, rejected: inout [Bool], findings: inout [Finding]) -> Outcome {
        let records = store.records, stubs = store.stubs
        var outcome = Outcome(firstDeclaration: [LinePlace?](repeating: nil, count: store.projects.count))
        for record in records where record.verb == .project { note(record.project, LinePlace(record), in: &outcome) }
        for stub in stubs { note(stub.project, LinePlace(file: stub.file, line: stub.line), in: &outcome) }
        var declared = [Bool](repeating: false, count: store.projects.count)
        var nextStub = 0
        for index in records.indices {
            let record = records[index]
            while nextStub < stubs.count, (stubs[nextStub].file, stubs[nextStub].line) < (record.file, record.line) {
                let project = Int(stubs[nextStub].project)
                if !declared[project] { declared[project] = true; outcome.order.append(Int32(project)) }
                nextStub += 1
            }
            guard record.project >= 0 else { continue }
            let project = Int(record.project)
            if record.verb == .project {
                if declared[project] {
                    findings.append(Finding(.duplicateProject, Int32(index), other: outcome.firstDeclaration[project]))
                    rejected[index] = true
                } else {
                    declared[project] = true
                    outcome.order.append(record.project)
                }
            } else if !declared[project] {
                rejected[index] = true
                if let later = outcome.firstDeclaration[project] {
                    findings.append(Finding(.undeclaredProject, Int32(index), other: later))
                } else {
                    findings.append(Finding(.unknownProject, Int32(index), Int64(outcome.order.count)))
                }
            }
        }
        return outcome
    }

    /// Keeps the earliest declaration in file order.
    private static func note(_ project: Int32, _ place: LinePlace, in outcome: inout Outcome) {
        if let held = outcome.firstDeclaration[Int(project)], (held.file, held.line) < (place.file, place.line) { return }
        outcome.firstDeclaration[Int(project)] = place
    }

    static func explain(_ finding: Finding, _ context: ExplainContext) -> Diagnostic? {
        let entry = context.entry
        guard let id = entry.body.projectID else { return nil }
        switch finding.code {
        case .duplicateProject:
            return Diagnostic(
                .duplicateProject, at: entry.projectLocation,
                "项目“\(id)”重复声明（\(context.place(finding.other))已声明）：每个项目只声明一次；要改名称或计划，请改原来那一行（未封账时）或用“计划”分录")
        case .undeclaredProject:
            return Diagnostic(
                .undeclaredProject, at: entry.projectLocation,
                "项目“\(id)”在\(context.place(finding.other))才声明：项目须先声明后使用，请把“项目”行移到使用它的分录之前")
        case .unknownProject:
            // Declaration order, as it stood then: the suggestion must not vary from run to run.
            let known = context.projectNames(declaredBefore: Int(finding.a))
            return Diagnostic(
                .unknownProject, at: entry.projectLocation,
                "未知的项目“\(id)”\(Suggest.phrase(id, among: known))：请先用“日期 项目 \(id) 名称 单位=…”声明该项目，或核对项目编号")
        default:
            return nil
        }
    }
}
