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

    /// Parses `M月:P[,M月:P…]` (also `M月底:P`).
    public static func parse(_ text: String) -> Result<DisbursementPlan, ParseError> {
        if text.isEmpty { return .failure(.empty) }
        if text.contains("：") { return .failure(.fullWidthPunctuation("：")) }
        if text.contains("，") { return .failure(.fullWidthPunctuation("，")) }
        var checkpoints: [Checkpoint] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let piece = String(part)
            let halves = piece.split(separator: ":", omittingEmptySubsequences: false)
            guard halves.count == 2 else { return .failure(.malformedCheckpoint(piece)) }
            var monthText = Substring(halves[0])
            if monthText.hasSuffix("月底") { monthText = monthText.dropLast(2) } else if monthText.hasSuffix("月") { monthText = monthText.dropLast(1) } else { return .failure(.malformedCheckpoint(piece)) }
            guard !monthText.isEmpty, monthText.count <= 2, monthText.allSatisfy({ $0.isASCII && $0.isNumber }),
                let month = Int(monthText)
            else { return .failure(.malformedCheckpoint(piece)) }
            guard (1...12).contains(month) else { return .failure(.monthOutOfRange(piece)) }
            var percentText = String(halves[1])
            if percentText.hasSuffix("%") { percentText.removeLast() }
            guard let basisPoints = parsePercentBasisPoints(percentText) else {
                return .failure(.malformedCheckpoint(piece))
            }
            guard (0...10_000).contains(basisPoints) else { return .failure(.percentOutOfRange(piece)) }
            if let previous = checkpoints.last {
                if month <= previous.month { return .failure(.monthsNotIncreasing(piece)) }
                if basisPoints < previous.percentBasisPoints { return .failure(.percentDecreasing(piece)) }
            }
            checkpoints.append(Checkpoint(month: month, percentBasisPoints: basisPoints))
        }
        return .success(DisbursementPlan(checkpoints: checkpoints))
    }

    /// `50` → 5000, `33.5` → 3350, `12.25` → 1225; more than two decimals, signs or other
    /// characters → nil.
    public static func parsePercentBasisPoints(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let whole = parts[0]
        guard !whole.isEmpty, whole.count <= 6, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
            let wholeValue = Int64(whole)
        else { return nil }
        var fractionValue: Int64 = 0
        if parts.count == 2 {
            var fraction = String(parts[1])
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            while fraction.count > 2 && fraction.hasSuffix("0") { fraction.removeLast() }
            guard fraction.count <= 2 else { return nil }
            if fraction.count == 1 { fraction += "0" }
            fractionValue = Int64(fraction) ?? 0
        }
        return wholeValue * 100 + fractionValue
    }
}
