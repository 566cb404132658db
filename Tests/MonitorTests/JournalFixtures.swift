import Foundation
import Ledger

/// Builds validated journals from inline text and finds the shipped example journals.
enum Fixtures {
    static func journal(_ text: String, file: String = "t.journal") -> Journal {
        var parsed = ParsedJournal()
        JournalReader.parse(JournalSource(path: file, bytes: Array(text.utf8)), into: &parsed)
        return Validator.validate(parsed)
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func shipped(_ name: String) -> Journal {
        let path = packageRoot.appendingPathComponent("journals/\(name)").path
        switch Validator.load(paths: [path]) {
        case .success(let journal): return journal
        case .failure(let failure): fatalError("cannot read \(path): \(failure)")
        }
    }

    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate.parse(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// 万元 → 分, for writing expectations the way the seeds state them.
    static func wan(_ text: String) -> Int64 {
        guard case .success(let fen) = Amount.parseFen(text + "万") else { fatalError("bad amount \(text)") }
        return fen
    }
}
