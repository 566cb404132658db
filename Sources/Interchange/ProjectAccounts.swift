import Ledger

/// The account-name component that stands for each project in an exported ledger.
///
/// Project IDs are any token without blanks or `=`, but the target formats are pickier:
///
/// - hledger: `:` separates account components, and `;`, brackets and the like invite
///   misreading. Letters (Chinese included), digits, `-`, `_` and `.` are kept; every other
///   character becomes `-`.
/// - Beancount: a component starts with a capital letter or a digit and holds only ASCII
///   letters, digits and dashes (`Assets:Budget:P-450-0201-JBN-RVU2`). Every other character
///   becomes `-`; a leading small letter is capitalised; a component that would still not
///   start with a capital or a digit gets an `X` in front.
///
/// Deterministic, and never two projects on one account: IDs that need no change keep
/// their name; the others, in declaration order, get their sanitised name, or that name
/// with `-2`, `-3` … when it is already taken. The original ID and name travel along as
/// metadata or comments in the export.
public struct ProjectAccounts: Sendable {
    public enum Dialect: Sendable {
        case hledger, beancount
    }

    public let dialect: Dialect
    /// Project ID → account component.
    public private(set) var components: [String: String] = [:]

    /// - projectIDs: in declaration order (the order decides who gets a contested name).
    public init(projectIDs: [String], dialect: Dialect) {
        self.dialect = dialect
        var taken: Set<String> = []
        // Pass 1: IDs that are already valid keep themselves (IDs are unique, so no clash).
        for id in projectIDs where components[id] == nil && Self.sanitise(id, dialect: dialect) == id {
            components[id] = id
            taken.insert(id)
        }
        // Pass 2: the rest take their sanitised name, or the first free numbered variant.
        for id in projectIDs where components[id] == nil {
            let base = Self.sanitise(id, dialect: dialect)
            var candidate = base
            var number = 2
            while taken.contains(candidate) {
                candidate = base + "-" + String(number)
                number += 1
            }
            components[id] = candidate
            taken.insert(candidate)
        }
    }

    /// The component for a project (sanitised on the spot for an ID that was not listed).
    public func component(_ id: String) -> String {
        components[id] ?? Self.sanitise(id, dialect: dialect)
    }

    /// One ID made valid for the dialect, without regard to other projects.
    public static func sanitise(_ id: String, dialect: Dialect) -> String {
        var result = String.UnicodeScalarView()
        switch dialect {
        case .hledger:
            for character in id {
                let keep = character.isLetter || character.isNumber || character == "-" || character == "_" || character == "."
                if keep { result.append(contentsOf: character.unicodeScalars) } else { result.append("-") }
            }
            if result.isEmpty { result.append("-") }
            return String(result)
        case .beancount:
            for scalar in id.unicodeScalars {
                switch scalar {
                case "A"..."Z", "a"..."z", "0"..."9", "-": result.append(scalar)
                default: result.append("-")
                }
            }
            var text = String(result)
            if let first = text.unicodeScalars.first, ("a"..."z").contains(first) {
                text = String(first).uppercased() + String(text.unicodeScalars.dropFirst())
            }
            if let first = text.unicodeScalars.first, ("A"..."Z").contains(first) || ("0"..."9").contains(first) {
                return text
            }
            return "X" + text
        }
    }
}
