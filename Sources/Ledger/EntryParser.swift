/// Turns a line's fields into an `Entry`, or into every complaint the line deserves.
/// It knows the journal's grammar; it knows nothing of balances (the rules do).
public enum EntryParser {
    /// A field-level complaint: the column and what to do.
    public struct Problem: Sendable {
        public var column: Int32
        public var code: String
        public var message: String
    }

    public enum Outcome: Sendable {
        case entry(CalendarDate, EntryBody, EntryColumns)
        case problems([Problem])
    }

    public static func parse(_ fields: [Field]) -> Outcome {
        var problems: [Problem] = []
        guard let dateField = fields.first else {
            return .problems([Problem(column: 1, code: "empty-entry", message: "空的分录")])
        }
        guard dateField.key == nil, let date = CalendarDate.parse(dateField.value) else {
            return .problems([dateProblem(dateField)])
        }
        guard fields.count >= 2, fields[1].key == nil else {
            let column = fields.count >= 2 ? fields[1].column : dateField.column + 10
            return .problems([
                Problem(
                    column: column, code: "missing-verb",
                    message: "日期后缺少动词：应为 项目、下达、调减、支付、合同、冲销、结转、收回、计划、设置、封账 之一（或其英文写法）")
            ])
        }
        guard let verb = Verb.named(fields[1].value) else {
            return .problems([
                Problem(
                    column: fields[1].column, code: "unknown-verb",
                    message:
                        "未知的动词“\(shown(fields[1].value))”\(Suggest.phrase(fields[1].value, among: Verb.allCases.flatMap { [$0.chinese, $0.english] }))：可用的动词有 项目 下达 调减 支付 合同 冲销 结转 收回 计划 设置 封账（或 project allot reduce pay contract reverse carry lapse plan set seal）"
                )
            ])
        }

        // Sort the rest into positionals and attributes.
        var positionals: [Field] = []
        var attributes = AttributeTable()
        var mistypedKeys: Set<AttributeKey> = []  // written with a full-width ＝: already reported
        for field in fields.dropFirst(2) {
            guard let keyBytes = field.key else {
                if let (problem, key) = fullWidthEqualsProblem(field, verb: verb) {
                    problems.append(problem)
                    mistypedKeys.insert(key)
                    continue
                }
                positionals.append(field)
                continue
            }
            guard let key = lookupKey(keyBytes, for: verb) else {
                let keyText = String(decoding: keyBytes, as: UTF8.self)
                let allowed = verb.allowedKeys.map { "\($0.chinese)/\($0.english)" }.joined(separator: "、")
                let known = AttributeKey.named(keyText) != nil
                let hint = known ? "“\(verb.chinese)”不接受键“\(shown(keyText))”" : "未知的键“\(shown(keyText))”\(Suggest.phrase(keyText, among: verb.allowedKeys.flatMap { [$0.chinese, $0.english] }))"
                problems.append(
                    Problem(
                        column: field.column, code: "unknown-key",
                        message: allowed.isEmpty ? "\(hint)：“\(verb.chinese)”不带任何属性" : "\(hint)：“\(verb.chinese)”可用的键有 \(allowed)"))
                continue
            }
            if attributes[key] != nil {
                problems.append(
                    Problem(
                        column: field.column, code: "duplicate-key",
                        message: "键“\(key.chinese)”重复出现：每个键只能写一次，请删去多余的一个"))
                continue
            }
            attributes[key] = field
        }
        let names = verb.positionalNames
        if positionals.count < names.count {
            let missing = names[positionals.count...].joined(separator: "、")
            let column = (positionals.last ?? fields[1]).column
            problems.append(
                Problem(
                    column: column, code: "missing-field",
                    message: "“\(verb.chinese)”缺少\(missing)：格式为“日期 \(verb.chinese) \(names.joined(separator: " "))\(verb.requiredKeys.map { " \($0.chinese)=…" }.joined())”"))
        } else if positionals.count > names.count {
            let extra = positionals[names.count]
            problems.append(
                Problem(
                    column: extra.column, code: "extra-field",
                    message: "多余的字段“\(shown(extra.value))”：“\(verb.chinese)”只有\(names.isEmpty ? "属性" : names.joined(separator: "、"))；含空格的值请用双引号括起，属性请写成“键=值”"))
        }
        for key in verb.requiredKeys where attributes[key] == nil && !mistypedKeys.contains(key) {
            problems.append(
                Problem(
                    column: fields[1].column, code: "missing-key",
                    message: "“\(verb.chinese)”必须写明\(key.chinese)：请加上“\(key.chinese)=…”\(key == .doc ? "（下达或调减的文件文号，例如 文号=承财社[2019]107号）" : "")"))
        }
        if !problems.isEmpty && positionals.count < names.count { return .problems(problems) }

        var columns = EntryColumns()
        // Readers for typed values; each records its own problem.
        func text(_ key: AttributeKey) -> String? { attributes[key]?.value }
        func identifier(_ field: Field, _ what: String) -> String {
            if field.value.isEmpty || field.value.unicodeScalars.contains(where: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "=" }) {
                problems.append(
                    Problem(
                        column: field.column, code: "bad-identifier",
                        message: "\(what)“\(shown(field.value))”不能为空，也不能含空格或“=”：请用这样的编号，例如 P01 或 450-0201-JBN-RVU2"))
            }
            return field.value
        }
        func amount(_ field: Field) -> Int64 {
            columns.amount = field.column
            switch Amount.parseFen(field.value) {
            case .success(let fen): return fen
            case .failure(let error):
                problems.append(Problem(column: field.column, code: "bad-amount", message: amountMessage(error, field.value)))
                return 0
            }
        }
        func dateValue(_ key: AttributeKey) -> CalendarDate? {
            guard let field = attributes[key] else { return nil }
            guard let value = CalendarDate.parse(field.value) else {
                problems.append(
                    Problem(
                        column: field.column, code: "bad-date",
                        message: "\(key.chinese)“\(shown(field.value))”不是有效日期：请写成 YYYY-MM-DD，例如 2019-12-31"))
                return nil
            }
            return value
        }
        func plan(_ field: Field) -> DisbursementPlan {
            switch DisbursementPlan.parse(field.value) {
            case .success(let value): return value
            case .failure(let error):
                problems.append(Problem(column: field.column, code: "bad-plan", message: error.message))
                return .evenPace
            }
        }
        func days(_ key: AttributeKey, _ range: ClosedRange<Int>, example: Int) -> Int? {
            guard let field = attributes[key] else { return nil }
            guard let value = Int(field.value), field.value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), range.contains(value) else {
                problems.append(
                    Problem(
                        column: field.column, code: "bad-setting",
                        message: "\(key.chinese)“\(shown(field.value))”应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数天数，例如 \(key.chinese)=\(example)"))
                return nil
            }
            return value
        }
        func percent(_ key: AttributeKey) -> Int64? {
            guard let field = attributes[key] else { return nil }
            guard let value = DisbursementPlan.parsePercentBasisPoints(field.value), value <= 10_000 else {
                problems.append(
                    Problem(
                        column: field.column, code: "bad-setting",
                        message: "\(key.chinese)“\(shown(field.value))”应为 0 到 100 之间的百分数（最多两位小数），例如 \(key.chinese)=10"))
                return nil
            }
            return value
        }

        var body: EntryBody
        let project =
            positionals.first.map { field -> String in
                columns.project = field.column
                return identifier(field, "项目编号")
            } ?? ""
        switch verb {
        case .project:
            var tags: [String] = []
            if let field = attributes[.tags] {
                if field.value.contains(Character("，")) {
                    problems.append(
                        Problem(
                            column: field.column, code: "full-width",
                            message: "标签中使用了全角逗号“，”：多个标签请用半角“,”分隔，例如 标签=三公,采购"))
                }
                tags = field.value.split(separator: ",").map(String.init)
            }
            body = .project(
                ProjectDeclaration(
                    id: project, name: positionals[1].value, unit: text(.unit), code: functionCode(attributes[.code], &problems),
                    econ: economicCode(attributes[.econ], &problems), fund: fund(attributes[.fund], &problems), plan: attributes[.plan].map(plan), tags: tags))
        case .allot:
            var kind: AllotmentKind?
            if let field = attributes[.kind] {
                if let value = AllotmentKind.named(field.value) {
                    kind = value
                } else {
                    problems.append(
                        Problem(
                            column: field.column, code: "bad-kind",
                            message: "类别“\(shown(field.value))”无效：应为 年初（initial）或 追加（supplement）"))
                }
            }
            body = .allot(
                Allotment(
                    project: project, amountFen: amount(positionals[1]), doc: text(.doc) ?? "", kind: kind,
                    source: text(.source), memo: text(.memo)))
        case .reduce:
            body = .reduce(Reduction(project: project, amountFen: amount(positionals[1]), doc: text(.doc) ?? "", memo: text(.memo)))
        case .pay:
            if let field = attributes[.contract] { columns.detail = field.column }
            body = .pay(
                Payment(
                    project: project, amountFen: amount(positionals[1]), voucher: text(.voucher), payee: text(.payee),
                    contract: text(.contract), econ: economicCode(attributes[.econ], &problems), memo: text(.memo)))
        case .contract:
            columns.detail = positionals[1].column
            let contractID = identifier(positionals[1], "合同编号")
            body = .contract(
                ContractSigning(
                    project: project, contractID: contractID, amountFen: amount(positionals[2]),
                    party: text(.party), due: dateValue(.due), memo: text(.memo)))
        case .reverse:
            if let field = attributes[.of] { columns.detail = field.column }
            body = .reverse(
                Reversal(
                    project: project, amountFen: amount(positionals[1]), ofVoucher: text(.of) ?? "",
                    ofDate: dateValue(.ofDate), voucher: text(.voucher), memo: text(.memo)))
        case .carry:
            body = .carry(CarryOver(project: project, amountFen: amount(positionals[1]), reason: text(.reason)))
        case .lapse:
            body = .lapse(Lapse(project: project, amountFen: amount(positionals[1]), doc: text(.doc), reason: text(.reason)))
        case .plan:
            body = .plan(PlanChange(project: project, plan: plan(positionals[1])))
        case .set:
            var change = SettingsChange()
            change.organisation = text(.org)
            change.defaultPlan = attributes[.defaultPlan].map(plan)
            change.warnGapBasisPoints = percent(.warnGap)
            change.alarmGapBasisPoints = percent(.alarmGap)
            change.targetRateBasisPoints = percent(.targetRate)
            change.idleDays = days(.idleDays, 1...3660, example: 90)
            change.graceDays = days(.graceDays, 0...366, example: 30)
            if let field = attributes[.timezone] {
                if let minutes = UTCOffset.parseMinutes(field.value) {
                    change.utcOffsetMinutes = minutes
                } else {
                    problems.append(
                        Problem(
                            column: field.column, code: "bad-setting",
                            message: "时区“\(shown(field.value))”无效：\(UTCOffset.allowed)"))
                }
            }
            if attributes.isEmpty {
                problems.append(
                    Problem(
                        column: fields[1].column, code: "missing-key",
                        message: "“设置”没有写任何设置项：可用的有 \(AttributeKey.settings.map(\.chinese).joined(separator: "、"))"))
            }
            body = .set(change)
        case .seal:
            let digest = text(.sha256) ?? ""
            if let field = attributes[.sha256] {
                columns.detail = field.column
                if digest.utf8.count != 64 || !digest.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) {
                    problems.append(
                        Problem(
                            column: field.column, code: "bad-seal",
                            message: "sha256 应为 64 位小写十六进制数字：封账行请用 fundflow seal --through 日期 生成，不要手写"))
                }
            }
            body = .seal(Seal(sha256: digest))
        }
        if !problems.isEmpty { return .problems(problems) }
        return .entry(date, body, columns)
    }

    /// 科目=: a function code of 3, 5 or 7 digits (spec §3).
    static func functionCode(_ field: Field?, _ problems: inout [Problem]) -> String? {
        guard let field else { return nil }
        if !ClassCode.isFunctionCode(field.value) {
            problems.append(
                Problem(
                    column: field.column, code: "bad-code",
                    message: "科目“\(shown(field.value))”不是功能分类科目编码：应为 3 位（类）、5 位（款）或 7 位（项）数字，例如 科目=2101599"))
        }
        return field.value
    }

    /// 经济科目=: an economic class of 3 or 5 digits (spec §3).
    static func economicCode(_ field: Field?, _ problems: inout [Problem]) -> String? {
        guard let field else { return nil }
        if !ClassCode.isEconomicCode(field.value) {
            problems.append(
                Problem(
                    column: field.column, code: "bad-econ",
                    message: "经济科目“\(shown(field.value))”不是经济分类科目编码：应为 3 位（类）或 5 位（款）数字，例如 经济科目=30217"))
        }
        return field.value
    }

    /// 资金性质=: one of the nine funds, in either spelling (spec §3).
    static func fund(_ field: Field?, _ problems: inout [Problem]) -> Fund? {
        guard let field else { return nil }
        guard let value = Fund.named(field.value) else {
            problems.append(
                Problem(
                    column: field.column, code: "bad-fund",
                    message: "资金性质“\(shown(field.value))”无效\(Suggest.phrase(field.value, among: Fund.allCases.flatMap { [$0.chinese, $0.english] }))：应为 \(Fund.spellings) 之一"))
            return nil
        }
        return value
    }

    static func lookupKey(_ bytes: ArraySlice<UInt8>, for verb: Verb) -> AttributeKey? {
        for (key, chinese, english) in keySpellings[verb] ?? [] where bytes.elementsEqual(chinese) || bytes.elementsEqual(english) {
            return key
        }
        return nil
    }

    /// Each verb's keys in both spellings, as bytes, made once (a key is looked up per field).
    static let keySpellings: [Verb: [(AttributeKey, [UInt8], [UInt8])]] = Dictionary(
        uniqueKeysWithValues: Verb.allCases.map { verb in
            (verb, verb.allowedKeys.map { ($0, Array($0.chinese.utf8), Array($0.english.utf8)) })
        })

    static func dateProblem(_ field: Field) -> Problem {
        if field.key != nil || CalendarDate.parse(field.value) == nil {
            let looksLikeDate = field.value.utf8.count == 10 && field.value.utf8.filter({ $0 == UInt8(ascii: "-") }).count == 2
            if looksLikeDate {
                return Problem(
                    column: field.column, code: "bad-date",
                    message: "日期“\(shown(field.value))”不存在：请写真实的日历日期（YYYY-MM-DD，年份 \(Limits.minYear)–\(Limits.maxYear)），例如 2019-02-28")
            }
        }
        return Problem(
            column: field.column, code: "bad-date",
            message: "每行分录应以日期开头（YYYY-MM-DD，例如 2019-03-05），这里是“\(shown(field.value))”；注释行请以 # 或 ; 开头")
    }

    /// `文号＝承财社…` typed with a Chinese input method arrives as one positional token.
    static func fullWidthEqualsProblem(_ field: Field, verb: Verb) -> (Problem, AttributeKey)? {
        // "＝" is EF BC 9D in UTF-8: most fields have no 0xEF byte and are passed over at once.
        guard !field.quoted, field.value.utf8.contains(0xEF), let mark = field.value.firstIndex(of: "＝") else { return nil }
        let keyText = String(field.value[..<mark])
        guard let key = AttributeKey.named(keyText) else { return nil }
        return (
            Problem(
                column: field.column, code: "full-width",
                message: "“\(keyText)＝”使用了全角等号“＝”：请改为半角“=”，写成 \(keyText)=…"), key
        )
    }

    /// A value as quoted back in a message: whole when short, its start and "…" when long
    /// (a pasted blob must not become a 5,000-character diagnostic).
    static func shown(_ text: String) -> String {
        let limit = 40
        var count = 0
        var index = text.startIndex
        while index < text.endIndex, count < limit { index = text.index(after: index); count += 1 }
        return index == text.endIndex ? text : String(text[..<index]) + "…"
    }

    public static func amountMessage(_ error: Amount.ParseError, _ text: String) -> String {
        switch error {
        case .empty, .notANumber:
            return "金额“\(shown(text))”无法识别：请写成 116100、116,100.00元、11.61万 或 50.094万元 这样的形式"
        case .fullWidthComma:
            return "金额“\(shown(text))”中使用了全角逗号“，”：千分位请用半角“,”，例如 116,100.00"
        case .badThousandsGroup:
            return "金额“\(shown(text))”的千分位分隔不正确：逗号之间应为三位数字，例如 1,234,567.89"
        case .notWholeFen:
            return "金额“\(shown(text))”不是整分：以元为单位最多两位小数，以万元为单位最多六位小数"
        case .tooLarge:
            return "金额“\(shown(text))”超出允许范围（单笔最多 \(Amount.groupedYuanString(Limits.maxAmountFen)) 元）：请检查是否多写了位数"
        case .notPositive:
            return "金额“\(shown(text))”必须大于零：冲减已付款项请用“冲销”，减少预算请用“调减”"
        }
    }
}

/// Did-you-mean: the closest known word by edit distance, when it is close enough.
public enum Suggest {
    public static func closest(_ word: String, among candidates: [String]) -> String? {
        let target = Array(word.unicodeScalars)
        guard !target.isEmpty, target.count <= 64 else { return nil }
        var best: (String, Int)?
        // Bounded: the distance is at least the difference in length, and a suggestion is made
        // only within a third of the word, so most candidates are passed over without a table
        // (5,000 unknown IDs among 2,000 projects must not take a minute).
        let reach = max(1, target.count / 3)
        for candidate in candidates {
            let length = candidate.unicodeScalars.count
            guard abs(length - target.count) <= reach else { continue }
            let distance = editDistance(target, Array(candidate.unicodeScalars))
            if distance == 0 { continue }
            if let current = best, current.1 <= distance { continue }
            best = (candidate, distance)
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(1, min(target.count, candidate.unicodeScalars.count) / 3)
        return distance <= limit ? candidate : nil
    }

    /// "（是不是“支付”？）" or "".
    public static func phrase(_ word: String, among candidates: [String]) -> String {
        closest(word, among: candidates).map { "（是不是“\($0)”？）" } ?? ""
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// A line's attributes by key: a handful at most, so a short list beats a hash table.
struct AttributeTable {
    private var pairs: [(key: AttributeKey, field: Field)] = []

    subscript(key: AttributeKey) -> Field? {
        get { pairs.first { $0.key == key }?.field }
        set {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].field = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    var isEmpty: Bool { pairs.isEmpty }
}
