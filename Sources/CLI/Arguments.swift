import Ledger

/// A command-line mistake: exit code 2, with a sentence saying what to type instead.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// The parsed command line: global options, the command word, its options and positionals.
struct Arguments {
    var journalPaths: [String] = []
    var command: String?
    var positionals: [String] = []
    var options: [String: String] = [:]
    /// Every value of a repeatable option, in order (`options` keeps the first).
    var repeated: [String: [String]] = [:]
    var flags: Set<String> = []
    /// Options given without the value they need (judged once the command is known).
    var valueless: Set<String> = []
    var wantsHelp = false
    var wantsVersion = false

    /// Options that take no value. Every other `--name` takes one (`--name value` or
    /// `--name=value`); each command then accepts only its own options (`requireOnly`).
    static let flagNames: Set<String> = ["all", "json", "csv", "yuan", "exact", "help", "version", "no-color", "commit", "dry-run", "force"]
    /// Options that may be given more than once.
    static let repeatableNames: Set<String> = ["seal"]

    static func parse(_ argv: [String]) throws -> Arguments {
        var result = Arguments()
        var index = 0
        var onlyPositionals = false
        while index < argv.count {
            let word = argv[index]
            index += 1
            if onlyPositionals || word == "-" || !word.hasPrefix("-") || isNegativeAmount(word) {
                if result.command == nil { result.command = word } else { result.positionals.append(word) }
                continue
            }
            if word == "--" { onlyPositionals = true; continue }
            if word == "-f" || word == "--file" {
                guard index < argv.count else { throw UsageError("-f 后面需要日记账文件名，例如 -f journals/chengde-2019.journal") }
                result.journalPaths.append(argv[index])
                index += 1
                continue
            }
            if word == "-h" { result.wantsHelp = true; continue }
            if word == "-o" {
                guard index < argv.count else { throw UsageError("-o 后面需要输出文件名") }
                result.options["o"] = argv[index]
                index += 1
                continue
            }
            guard word.hasPrefix("--") else {
                throw UsageError("不认识的选项“\(word)”：选项以 -- 开头，例如 --date 2019-03-05；运行 fundflow --help 查看用法")
            }
            var name = String(word.dropFirst(2))
            if let wide = name.firstIndex(where: { fullWidthPunctuation[$0] != nil }), !name[..<wide].contains("=") {
                throw fullWidthError(word, name: String(name[..<wide]), mark: name[wide], value: String(name[name.index(after: wide)...]))
            }
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if name == "file", let inlineValue { result.journalPaths.append(inlineValue); continue }  // --file=PATH
            if name == "help" { result.wantsHelp = true; continue }
            if name == "version" { result.wantsVersion = true; continue }
            if flagNames.contains(name) {
                if inlineValue != nil { throw UsageError("选项 --\(name) 不带值") }
                result.flags.insert(name)
                continue
            }
            guard !name.isEmpty else { throw UsageError("“--”后缺少选项名") }
            if result.options[name] != nil, !repeatableNames.contains(name) { throw UsageError("选项 --\(name) 写了两次：每个选项只写一次") }
            var value = inlineValue
            if value == nil, index < argv.count, !argv[index].hasPrefix("--") {
                value = argv[index]
                index += 1
            }
            if let value {
                if result.options[name] == nil { result.options[name] = value }
                result.repeated[name, default: []].append(value)
            } else {
                result.valueless.insert(name)
            }
        }
        return result
    }

    /// Full-width marks typed where the ASCII one belongs in `--name=value` (a Chinese input
    /// method's habit), named like the journal reader names them.
    static let fullWidthPunctuation: [Character: (name: String, ascii: String)] = [
        "＝": ("全角等号", "="), "：": ("全角冒号", ":"), "，": ("全角逗号", ","), "　": ("全角空格", " "),
    ]

    static func fullWidthError(_ word: String, name: String, mark: Character, value: String) -> UsageError {
        let what = fullWidthPunctuation[mark] ?? (name: "全角符号", ascii: "=")
        guard mark == "＝" || mark == "　" else {
            return UsageError("选项“\(word)”中的“\(mark)”是\(what.name)：选项名后请用半角“=”或空格接值，例如 --\(name)=\(value) 或 --\(name) \(value)")
        }
        return UsageError("选项“\(word)”中的“\(mark)”是\(what.name)：请改用半角“=”，写成 --\(name)=\(value)，或用空格分开：--\(name) \(value)")
    }

    /// `-5` or `-1.5万` is an amount (refused later with a clear message), not an option.
    static func isNegativeAmount(_ word: String) -> Bool {
        guard word.hasPrefix("-"), let second = word.dropFirst().first else { return false }
        return second.isASCII && second.isNumber
    }

    /// Refuses options the command does not know, naming the ones it does.
    func requireOnly(_ allowed: Set<String>, command: String) throws {
        func spelled(_ name: String) -> String { name.count == 1 ? "-" + name : "--" + name }
        let listed = allowed.sorted().map(spelled).joined(separator: " ")
        for name in (Array(options.keys) + Array(flags) + Array(valueless)).sorted() where !allowed.contains(name) {
            throw UsageError("“\(command)”没有选项 \(spelled(name))\(DidYouMean.phrase(name, among: Array(allowed)))：可用的选项有 \(listed)")
        }
        if let name = valueless.sorted().first {
            throw UsageError("选项 \(spelled(name)) 后面需要一个值")
        }
    }

    /// Every value given for a repeatable option.
    func allValues(_ name: String) -> [String] { repeated[name] ?? [] }

    func positionalCount(_ range: ClosedRange<Int>, usage: String) throws {
        guard range.contains(positionals.count) else {
            if positionals.count < range.lowerBound { throw UsageError("参数不够。用法：\(usage)") }
            throw UsageError("多余的参数“\(positionals[range.upperBound])”（含空格的值请用引号括起）。用法：\(usage)")
        }
    }

    /// The journal files: -f (repeatable), else $FUNDFLOW_JOURNAL, else ./fundflow.journal.
    func resolvedJournalPaths(environment: [String: String]) -> [String] {
        if !journalPaths.isEmpty { return journalPaths }
        if let path = environment["FUNDFLOW_JOURNAL"], !path.isEmpty { return [path] }
        return ["fundflow.journal"]
    }
}
