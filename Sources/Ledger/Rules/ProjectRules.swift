/// Projects are declared once, before any entry that names them, in file order.
/// Runs in file order; returns the indices of entries that name no usable project so the
/// dated rules skip them.
struct ProjectDeclarationRule {
    var name: String { "项目声明" }
    /// File paths, for naming a line in another file.
    var paths: [String] = []

    func check(_ entries: [Entry], into diagnostics: inout [Diagnostic]) -> (projects: [String: ProjectDeclaration], order: [String], rejected: Set<Int>) {
        var declared: [String: (ProjectDeclaration, SourceLocation)] = [:]
        var order: [String] = []
        var rejected = Set<Int>()
        var firstDeclaration: [String: SourceLocation] = [:]
        for entry in entries {
            if case .project(let declaration) = entry.body, firstDeclaration[declaration.id] == nil {
                firstDeclaration[declaration.id] = entry.location
            }
        }
        for (index, entry) in entries.enumerated() {
            guard let id = entry.body.projectID else { continue }
            if case .project(let declaration) = entry.body {
                if let (_, earlier) = declared[id] {
                    diagnostics.append(.error("duplicate-project", at: entry.projectLocation,
                        "项目“\(id)”重复声明（\(place(earlier, from: entry.location, paths: paths))已声明）：每个项目只声明一次；要改名称或计划，请改原来那一行（未封账时）或用“计划”分录"))
                    rejected.insert(index)
                } else {
                    declared[id] = (declaration, entry.location)
                    order.append(id)
                }
                continue
            }
            if declared[id] == nil {
                rejected.insert(index)
                if let later = firstDeclaration[id] {
                    diagnostics.append(.error("undeclared-project", at: entry.projectLocation,
                        "项目“\(id)”在\(place(later, from: entry.location, paths: paths))才声明：项目须先声明后使用，请把“项目”行移到使用它的分录之前"))
                } else {
                    // Declaration order, not the dictionary's: the suggestion must not vary from run to run.
                    diagnostics.append(.error("unknown-project", at: entry.projectLocation,
                        "未知的项目“\(id)”\(Suggest.phrase(id, among: order))：请先用“日期 项目 \(id) 名称 单位=…”声明该项目，或核对项目编号"))
                }
            }
        }
        return (declared.mapValues(\.0), order, rejected)
    }
}
