import Ledger

/// `fundflow seal --through D`: closes the books through D by appending a line with the
/// SHA-256 of every byte before it. Refused while the journal has errors, or for a future D.
enum SealCommand {
    static let usage = "fundflow seal --through 日期   例如 fundflow seal --through 2019-12-31"

    static func run(_ arguments: Arguments, paths: [String], clock: WallClock) throws -> ExitCode {
        try arguments.requireOnly(["through"], command: "seal")
        try arguments.positionalCount(0...0, usage: usage)
        guard let text = arguments.options["through"] else { throw UsageError("封账必须给出 --through 日期。用法：\(usage)") }
        let through = try OptionValue.date(text, option: "through")
        let outcome = Appender.append(paths: paths, clock: clock) { context in
            let journal = context.journal
            let today = journal.settings.today(clock)
            guard through <= today else {
                return .failure(.init("不能封账到未来的日期 \(through)（今天是 \(today)）：封账表示该日及以前的账已结清"))
            }
            guard journal.entryCount > 0 else {
                return .failure(.init("日记账“\(paths.last ?? "")”中没有任何分录，无需封账：请检查 -f 指定的文件是否正确"))
            }
            let errors = context.journal.errorCount
            guard errors == 0 else {
                return .failure(.init("日记账中有 \(errors) 个错误，不能封账：请先运行 fundflow check 并更正全部错误"))
            }
            return .success(Appender.Draft(date: through, body: .seal(Seal(sha256: SealHash.hex(preceding: context.precedingBytes, date: through)))))
        }
        let exit = RecordCommand.report(outcome, verb: .seal, date: through, paths: paths)
        if case .appended(let lines, _, _) = outcome, let line = lines.last, let hash = line.split(separator: "=").last {
            let stamp = SealStamp(date: through, sha256: String(hash))
            Output.out("校验码：\(stamp.code)（封账至 \(through)）。请把校验码抄在签字的纸质登记簿上；日后可用 fundflow check --seal \(stamp.code) 核对日记账未被改动\n")
        }
        return exit
    }
}
