import Ledger

/// Did-you-mean for the command line: the journal's `Suggest` (edit distance) first, then
/// what edit distance misses on short words — two swapped neighbours (`pya` → `pay`) — and
/// an unambiguous beginning (`stat` → `status`).
enum DidYouMean {
    static func closest(_ word: String, among candidates: [String]) -> String? {
        if let found = Suggest.closest(word, among: candidates) { return found }
        let scalars = Array(word.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 64 else { return nil }
        for candidate in candidates {
            let other = Array(candidate.unicodeScalars)
            guard other.count == scalars.count, other != scalars else { continue }
            let differing = scalars.indices.filter { scalars[$0] != other[$0] }
            if differing.count == 2, differing[1] == differing[0] + 1,
                scalars[differing[0]] == other[differing[1]], scalars[differing[1]] == other[differing[0]]
            {
                return candidate
            }
        }
        if scalars.count >= 2 {
            let starting = Set(candidates.filter { $0.unicodeScalars.count > scalars.count && $0.unicodeScalars.starts(with: scalars) })
            if starting.count == 1 { return starting.first }
        }
        return nil
    }

    /// "（是不是“pay”？）" or "".
    static func phrase(_ word: String, among candidates: [String]) -> String {
        closest(word, among: candidates).map { "（是不是“\($0)”？）" } ?? ""
    }
}
