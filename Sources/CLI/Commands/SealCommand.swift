import Ledger

/// `fundflow seal --through D`: closes the books through D by appending a line with the
/// SHA-256 of every byte before it. Refused while the journal has errors, or for a future D.
enum SealCommand {
    static let usage = "fundflow seal --through 日期   例如 fundflow seal --through 2019-12-31"

    static func run(_ arguments: Arguments, paths: [String], today: CalendarDate) throws -> ExitCode {
        try arguments.requireOnly(["through"], command: "seal")
        try arguments.positionalCount(0...0, usage: usage)
        guard let text = arguments.options["through"] else { throw UsageError("封账必须给出 --through 日期。用法：\(usage)") }
        let through = try OptionValue.date(text, option: "through")
        guard through <= today else {
            return RecordCommand.refuse("不能封账到未来的日期 \(through)（今天是 \(today)）：封账表示该日及以前的账已结清")
        }
        let outcome = Appender.append(paths: paths) { context in
            guard !context.journal.entries.isEmpty else {
                return .failure(.init("日记账“\(paths.last ?? "")”中没有任何分录，无需封账：请检查 -f 指定的文件是否正确"))
            }
            let errors = context.journal.diagnostics.errorCount
            guard errors == 0 else {
                return .failure(.init("日记账中有 \(errors) 个错误，不能封账：请先运行 fundflow check 并更正全部错误"))
            }
            return .success(Appender.Draft(date: through, body: .seal(Seal(sha256: SHA256.hex(context.precedingBytes)))))
        }
        return RecordCommand.report(outcome, verb: .seal, date: through, paths: paths)
    }
}
