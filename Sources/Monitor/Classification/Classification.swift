import Ledger

/// Names, levels and roll-up codes of the classification codes (spec §3), and the derived
/// groups (人员经费, “三公” kinds). The names live in `ClassificationTables`.
public enum Classification {
    static let economicNames: [String: String] = Dictionary(ClassificationTables.economic.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    static let functionNames: [String: String] = Dictionary(ClassificationTables.function.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })

    /// The economic class's name, or nil when the table does not know the code.
    public static func economicName(_ code: String) -> String? { economicNames[code] }
    /// The function code's name, or nil when the table does not know it.
    public static func functionName(_ code: String) -> String? { functionNames[code] }

    /// Every economic code the table knows, in table order (for completion and help).
    public static var economicCodes: [(code: String, name: String)] { ClassificationTables.economic }
    /// Every function code the table knows, in table order.
    public static var functionCodes: [(code: String, name: String)] { ClassificationTables.function }

    /// The level a code's length gives: 3 digits 类, 5 款, 7 项.
    public enum Level: String, Sendable {
        case category = "类", section = "款", item = "项", unclassified = "未分类"
        init(code: String) {
            switch code.utf8.count {
            case 3: self = .category
            case 5: self = .section
            case 7: self = .item
            default: self = .unclassified
            }
        }
    }

    /// The code and the codes above it: "2101599" → ["210", "21015", "2101599"].
    public static func rollUp(_ code: String) -> [String] {
        [3, 5, 7].filter { $0 <= code.utf8.count }.map { String(decoding: code.utf8.prefix($0), as: UTF8.self) }
    }

    /// 人员经费 = economic classes 301 and 303; everything else (and no class) is 公用经费.
    public static func isPersonnel(_ econ: String?) -> Bool {
        guard let econ else { return false }
        return econ.hasPrefix("301") || econ.hasPrefix("303")
    }

    /// The “三公” kinds of spec §3, in the order the 决算 lists them.
    public enum SangongKind: String, CaseIterable, Sendable {
        case abroad = "因公出国（境）费"
        case vehicle = "公务用车购置及运行维护费"
        case reception = "公务接待费"
        case unclassified = "未分类"

        /// The economic classes of the kind (none for 未分类).
        public var codes: [String] {
            switch self {
            case .abroad: return ["30212"]
            case .vehicle: return [vehiclePurchase, vehicleOperation]
            case .reception: return ["30217"]
            case .unclassified: return []
            }
        }
    }
    public static let vehiclePurchase = "31013"
    public static let vehicleOperation = "30231"

    /// The kind an economic class belongs to, or nil when it is not a “三公” class.
    public static func sangongKind(_ econ: String?) -> SangongKind? {
        guard let econ else { return nil }
        return SangongKind.allCases.first { $0.codes.contains(econ) }
    }
}
