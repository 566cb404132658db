/// A disbursement plan (资金支出计划): by the last day of month `month`, cumulative payments
/// of the year should reach `percentBasisPoints` of the year's budget.
public struct DisbursementPlan: Hashable, Sendable, CustomStringConvertible {
    public struct Checkpoint: Hashable, Sendable {
        public var month: Int
        /// Hundredths of a percent: 5000 is 50 %.
        public var percentBasisPoints: Int64

        public init(month: Int, percentBasisPoints: Int64) {
            self.month = month
            self.percentBasisPoints = percentBasisPoints
        }
    }

    public var checkpoints: [Checkpoint]

    public init(checkpoints: [Checkpoint]) { self.checkpoints = checkpoints }

    /// The even pace of time (序时进度): `12月:100`.
    public static let evenPace = DisbursementPlan(checkpoints: [Checkpoint(month: 12, percentBasisPoints: 10_000)])

    /// Canonical text: `3月:30,6月:50,10月:90,12月:100`.
    public var description: String {
        checkpoints.map { "\($0.month)月:\(Percent.jsonNumber($0.percentBasisPoints))" }.joined(separator: ",")
    }

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case fullWidthPunctuation(String)
        case malformedCheckpoint(String)
        case monthOutOfRange(String)
        case percentOutOfRange(String)
        case monthsNotIncreasing(String)
        case percentDecreasing(String)

        /// The Chinese explanation, saying what to write instead.
        public var message: String {
            switch self {
            case .empty:
                return "支出计划为空：请写成“3月:30,6月:50,10月:90,12月:100”的形式"
            case .fullWidthPunctuation(let mark):
                return "支出计划中使用了全角“\(mark)”：请改为半角的“\(mark == "：" ? ":" : ",")”，例如“3月:30,6月:50”"
            case .malformedCheckpoint(let text):
                return "支出计划节点“\(text)”格式不对：应为“月份月:百分比”，例如“6月:50”或“6月底:50”"
            case .monthOutOfRange(let text):
                return "支出计划节点“\(text)”的月份须在 1 到 12 之间"
            case .percentOutOfRange(let text):
                return "支出计划节点“\(text)”的百分比须在 0 到 100 之间（最多两位小数）"
            case .monthsNotIncreasing(let text):
                return "支出计划节点“\(text)”的月份没有严格递增：请按月份从小到大排列，每个月只写一次"
            case .percentDecreasing(let text):
                return "支出计划节点“\(text)”的百分比小于前一节点：累计支出进度不能下降"
            }
        }
    }

    /// Parses `M月:P[,M月:P…]` (also `M月底:P`). Read as bytes: every 项目 and 计划 line of a
    /// province's journal has a plan, and the separators and digits are all ASCII.
    public static func parse(_ text: String) -> Result<DisbursementPlan, ParseError> {
        if text.isEmpty { return .failure(.empty) }
        if text.contains(Character("：")) { return .failure(.fullWidthPunctuation("：")) }
        if text.contains(Character("，")) { return .failure(.fullWidthPunctuation("，")) }
        var checkpoints: [Checkpoint] = []
        for part in Array(text.utf8).split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let piece = { String(decoding: part, as: UTF8.self) }
            let halves = part.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard halves.count == 2 else { return .failure(.malformedCheckpoint(piece())) }
            var monthText = halves[0]
            if monthText.count >= monthEnd.count, monthText.suffix(monthEnd.count).elementsEqual(monthEnd) {
                monthText = monthText.dropLast(monthEnd.count)
            } else if monthText.count >= monthWord.count, monthText.suffix(monthWord.count).elementsEqual(monthWord) {
                monthText = monthText.dropLast(monthWord.count)
            } else {
                return .failure(.malformedCheckpoint(piece()))
            }
            guard let month = digitsValue(monthText, maxDigits: 2) else { return .failure(.malformedCheckpoint(piece())) }
            guard (1...12).contains(month) else { return .failure(.monthOutOfRange(piece())) }
            var percentText = halves[1]
            if percentText.last == UInt8(ascii: "%") { percentText = percentText.dropLast() }
            guard let basisPoints = parsePercentBasisPoints(percentText) else { return .failure(.malformedCheckpoint(piece())) }
            guard (0...10_000).contains(basisPoints) else { return .failure(.percentOutOfRange(piece())) }
            if let previous = checkpoints.last {
                if month <= previous.month { return .failure(.monthsNotIncreasing(piece())) }
                if basisPoints < previous.percentBasisPoints { return .failure(.percentDecreasing(piece())) }
            }
            checkpoints.append(Checkpoint(month: month, percentBasisPoints: Int64(basisPoints)))
        }
        return .success(DisbursementPlan(checkpoints: checkpoints))
    }

    private static let monthEnd = Array("月底".utf8)
    private static let monthWord = Array("月".utf8)

    /// `50` → 5000, `33.5` → 3350, `12.25` → 1225; more than two decimals, signs or other
    /// characters → nil.
    public static func parsePercentBasisPoints(_ text: String) -> Int64? {
        parsePercentBasisPoints(Array(text.utf8)[...]).map { Int64($0) }
    }

    private static func parsePercentBasisPoints(_ text: ArraySlice<UInt8>) -> Int? {
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let whole = digitsValue(parts[0], maxDigits: 6) else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        var fraction = parts[1]
        guard !fraction.isEmpty, fraction.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        while fraction.count > 2 && fraction.last == UInt8(ascii: "0") { fraction = fraction.dropLast() }
        guard let hundredths = digitsValue(fraction, maxDigits: 2) else { return nil }
        return whole * 100 + (fraction.count == 1 ? hundredths * 10 : hundredths)
    }

    /// The value of 1…`maxDigits` ASCII digits; nil for anything else.
    private static func digitsValue(_ digits: ArraySlice<UInt8>, maxDigits: Int) -> Int? {
        guard !digits.isEmpty, digits.count <= maxDigits else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
