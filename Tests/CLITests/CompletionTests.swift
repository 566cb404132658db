import Foundation
import XCTest

/// `fundflow completion bash`: the script is valid bash, and sourced into a real bash it
/// completes commands (English and Chinese), options, option values, and the journal's
/// project IDs, contract IDs and units — read through the hidden
/// `fundflow completion __projects|__contracts|__units`, which honours -f and
/// FUNDFLOW_JOURNAL and never fails noisily.
final class CompletionTests: FundflowTestCase {
    let lines = [
        "2019-01-02 项目 P01 培训经费 单位=局机关",
        "2019-01-02 项目 P02 信息化建设 单位=信息中心",
        "2019-01-02 项目 450-0201-JBN-RVU2 医疗保险业务经费 单位=局机关",
        "2019-01-10 下达 P02 50万 文号=A1",
        "2019-04-01 合同 P02 HT-2019-05 40万 对方=某公司",
    ]

    // MARK: The command

    func testScriptIsValidBash() throws {
        let result = try run(["completion", "bash"])
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.contains("complete -F _fundflow fundflow"), result.stdout)
        write(result.stdout, to: "fundflow.bash")
        let bash = try bashPath()
        let check = try shell(bash, ["-n", path("fundflow.bash")])
        XCTAssertEqual(check.status, 0, "bash -n:\n\(check.stderr)")
    }

    func testShellIsRequiredAndChecked() throws {
        try assertExit(2, ["completion"], stderrContains: "fundflow completion bash")
        try assertExit(2, ["completion", "zsh"], stderrContains: "只支持 bash")
        try assertExit(2, ["completion", "bsh"], stderrContains: "是不是“bash”")
        try assertExit(2, ["completion", "bash", "--all"], stderrContains: "没有选项 --all")
    }

    func testJournalWordsFollowFileAndEnvironment() throws {
        write(lines: lines)
        let projects = try run(["-f", journal, "completion", "__projects"])
        XCTAssertEqual(projects.exitCode, 0, projects.summary)
        XCTAssertEqual(projects.stdout, "P01\nP02\n450-0201-JBN-RVU2\n")
        XCTAssertEqual(projects.stderr, "")
        let viaEnvironment = try run(["completion", "__projects"], environment: ["FUNDFLOW_JOURNAL": journal])
        XCTAssertEqual(viaEnvironment.stdout, projects.stdout)
        XCTAssertEqual(try run(["-f", journal, "completion", "__contracts"]).stdout, "HT-2019-05\n")
        XCTAssertEqual(try run(["-f", journal, "completion", "__units"]).stdout, "局机关\n信息中心\n")
    }

    func testJournalWordsNeverFailNoisily() throws {
        // Missing journal: nothing, quietly, success — and no file is created.
        let missing = try run(["-f", "none.journal", "completion", "__projects"])
        XCTAssertEqual(missing.exitCode, 0, missing.summary)
        XCTAssertEqual(missing.stdout + missing.stderr, "")
        XCTAssertFalse(exists("none.journal"))
        // A broken journal still lists the projects it declares.
        write(lines: lines + ["这一行不是分录", "2019-13-45 支付 P09 -5", "2019-05-01 项目 P01 重复声明"])
        let broken = try run(["-f", journal, "completion", "__projects"])
        XCTAssertEqual(broken.exitCode, 0, broken.summary)
        XCTAssertEqual(broken.stdout, "P01\nP02\n450-0201-JBN-RVU2\n")
        XCTAssertEqual(broken.stderr, "")
        // Binary garbage, unknown words: quiet.
        writeBytes([0xFF, 0xFE, 0x00, 0x80, 0x0A], to: "garbage.journal")
        let garbage = try run(["-f", "garbage.journal", "completion", "__projects"])
        XCTAssertEqual(garbage.exitCode, 0)
        XCTAssertEqual(garbage.stdout + garbage.stderr, "")
        let unknown = try run(["-f", journal, "completion", "__nothing"])
        XCTAssertEqual(unknown.exitCode, 0)
        XCTAssertEqual(unknown.stdout + unknown.stderr, "")
    }

    // MARK: Completing in a real bash

    func testCommandsComplete() throws {
        let replies = try complete([["fundflow", "pa"], ["fundflow", "支"], ["fundflow", "re"], ["fundflow", ""], ["fundflow", "--ver"]])
        XCTAssertEqual(replies[0], ["pay"])
        XCTAssertEqual(replies[1], ["支付"])
        XCTAssertEqual(Set(replies[2]), ["report", "reduce", "reverse", "register"])
        for (name, alias) in HelpTests.commands {
            XCTAssertTrue(replies[3].contains(name), "\(name) completes")
            if let alias { XCTAssertTrue(replies[3].contains(alias), "\(alias) completes") }
        }
        XCTAssertEqual(replies[4], ["--version"])
    }

    func testProjectIDsComplete() throws {
        write(lines: lines)
        let replies = try complete(
            [
                ["fundflow", "-f", journal, "pay", ""],
                ["fundflow", "-f", journal, "allot", "P"],
                ["fundflow", "-f", journal, "支付", "45"],
                ["fundflow", "-f", journal, "pay", "P01", ""],  // the amount: nothing to suggest
                ["fundflow", "-f", journal, "register", "P0"],
                ["fundflow", "-f", journal, "pay", "--memo", "a b", "P0"],
            ], environment: [:])
        XCTAssertEqual(replies[0], ["P01", "P02", "450-0201-JBN-RVU2"])
        XCTAssertEqual(replies[1], ["P01", "P02"])
        XCTAssertEqual(replies[2], ["450-0201-JBN-RVU2"])
        XCTAssertEqual(replies[3], [])
        XCTAssertEqual(replies[4], ["P01", "P02"])
        XCTAssertEqual(replies[5], ["P01", "P02"])
        let viaEnvironment = try complete([["fundflow", "reverse", ""]], environment: ["FUNDFLOW_JOURNAL": journal])
        XCTAssertEqual(viaEnvironment[0], ["P01", "P02", "450-0201-JBN-RVU2"])
        // --file=NAME (bash splits it at “=”), a quoted name, and a folder with a blank.
        try FileManager.default.createDirectory(at: url("my books"), withIntermediateDirectories: true)
        write(lines: ["2019-01-02 项目 Q7 别的账"], to: "my books/b.journal")
        let spelled = try complete([
            ["fundflow", "--file", "=", journal, "lapse", ""],
            ["fundflow", "-f", "\"" + journal + "\"", "carry", ""],
            ["fundflow", "-f", "my\\ books/b.journal", "plan", ""],
            ["fundflow", "-f", "'my books/b.journal'", "plan", ""],
        ])
        XCTAssertEqual(spelled[0], ["P01", "P02", "450-0201-JBN-RVU2"])
        XCTAssertEqual(spelled[1], ["P01", "P02", "450-0201-JBN-RVU2"])
        XCTAssertEqual(spelled[2], ["Q7"])
        XCTAssertEqual(spelled[3], ["Q7"])
    }

    func testOptionsAndValuesComplete() throws {
        write(lines: lines)
        let replies = try complete([
            ["fundflow", "pay", "P01", "1", "--vo"],
            ["fundflow", "export", "--format", ""],
            ["fundflow", "status", "--format", "j"],
            ["fundflow", "report", ""],
            ["fundflow", "report", "monthly", "--"],
            ["fundflow", "-f", journal, "pay", "P02", "1", "--contract", ""],
            ["fundflow", "-f", journal, "status", "--unit", ""],
            ["fundflow", "allot", "P01", "1", "--kind", ""],
            ["fundflow", "help", "exp"],
            ["fundflow", "completion", ""],
            ["fundflow", "export", "--format", "=", "be"],
            ["fundflow", "-f", journal, "pay", "P02", "1", "--date", "2019-05-01", "--pa"],
        ])
        XCTAssertEqual(replies[0], ["--voucher"])
        XCTAssertEqual(replies[1], ["hledger", "beancount", "csv"])
        XCTAssertEqual(replies[2], ["json"])
        XCTAssertEqual(replies[3], ["monthly", "carryover", "indicators", "final", "selfeval"])
        XCTAssertTrue(replies[4].contains("--month"), "\(replies[4])")
        XCTAssertFalse(replies[4].contains("--year"), "monthly has no --year: \(replies[4])")
        XCTAssertEqual(replies[5], ["HT-2019-05"])
        XCTAssertEqual(replies[6], ["局机关", "信息中心"])
        XCTAssertEqual(replies[7], ["年初", "追加"])
        XCTAssertEqual(replies[8], ["export"])
        XCTAssertEqual(replies[9], ["bash"])
        XCTAssertEqual(replies[10], ["beancount"])
        XCTAssertEqual(replies[11], ["--payee"])
    }

    /// Spec §3: codes and funds complete from the built-in tables, --by from its five values.
    func testClassificationValuesComplete() throws {
        write(lines: lines)
        let replies = try complete([
            ["fundflow", "project", "P9", "x", "--code", "210150"],
            ["fundflow", "pay", "P01", "1", "--econ", "3021"],
            ["fundflow", "project", "P9", "x", "--fund", "政府"],
            ["fundflow", "status", "--by", "经"],
            ["fundflow", "project", "P9", "x", "--ec"],
        ])
        XCTAssertEqual(replies[0], ["2101501", "2101502", "2101503", "2101504", "2101505", "2101506"])  // 2101550 does not start with 210150
        XCTAssertEqual(replies[1], ["30211", "30212", "30213", "30214", "30215", "30216", "30217", "30218"])
        XCTAssertEqual(replies[2], ["政府性基金"])
        XCTAssertEqual(replies[3], ["经济科目"])
        XCTAssertEqual(replies[4], ["--econ"])
    }

    // MARK: Journal words are data (issue 11)

    /// Hostile IDs pass `check`; completing them in a real bash must run nothing, and every
    /// candidate, read back by bash as a command-line word, must be exactly the ID.
    func testHostileJournalWordsAreOfferedAsTextAndNeverRun() throws {
        func marker(_ n: Int) -> String { path("pwned\(n)") }
        let ids = [
            "$(touch${IFS}\(marker(1)))",
            "`touch${IFS}\(marker(2))`",
            "a;touch${IFS}\(marker(3))",
            "P*",
            "x'y\"z",
            "line\\nbreak",  // a backslash and an n, as close to a newline as a line can hold
            "$HOME",
            "!!~{a,b}[x]|b&c>d<e",
        ]
        let unit = "$(touch${IFS}\(marker(4))) 局 ;*"
        let contract = "`touch${IFS}\(marker(5))`*"
        func quoted(_ value: String) -> String {
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var lines = ids.map { "2019-01-02 项目 \(quoted($0)) 名称 单位=\(quoted(unit))" }
        lines += ["2019-01-10 下达 \(quoted(ids[0])) 50万 文号=A1", "2019-04-01 合同 \(quoted(ids[0])) \(quoted(contract)) 40万 对方=某公司"]
        write(lines: lines)
        let check = try ff("check")
        XCTAssertEqual(check.exitCode, 0, "the hostile words are legal journal text\n\(check.summary)")
        write("", to: "Pglob")  // an unescaped P* would glob to it

        let cases: [[String]] = [
            ["fundflow", "-f", journal, "pay", ""],
            ["fundflow", "-f", journal, "pay", "\\$"],
            ["fundflow", "-f", journal, "pay", "P"],
            ["fundflow", "-f", journal, "status", "--unit", ""],
            ["fundflow", "-f", journal, "pay", "x", "1", "--contract", ""],
        ]
        let (replies, literal) = try completeAndInterpret(cases)
        for n in 1...5 { XCTAssertFalse(exists("pwned\(n)"), "completion ran code from the journal (pwned\(n))") }
        XCTAssertEqual(literal[0], ids, "each candidate, read by bash, is the ID itself")
        XCTAssertEqual(literal[1], [ids[0], ids[6]])
        XCTAssertEqual(literal[2], ["P*"])
        XCTAssertEqual(literal[3], [unit])
        XCTAssertEqual(literal[4], [contract])
        XCTAssertEqual(replies[2], ["P\\*"], "offered escaped, as bash offers a file name")
        XCTAssertEqual(replies[0][0], "\\$\\(touch\\$\\{IFS\\}\(marker(1))\\)")
        for n in 1...5 { XCTAssertFalse(exists("pwned\(n)"), "reading the candidates back ran code (pwned\(n))") }
    }

    /// Like `complete`, and also each candidate as bash reads it back from a command line
    /// (`eval`), which is what the accountant's command will receive.
    func completeAndInterpret(_ cases: [[String]]) throws -> (replies: [[String]], literal: [[String]]) {
        let bash = try bashPath()
        guard let binary = FundflowBinary.url else { throw XCTSkip("fundflow binary not found") }
        let bin = url("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("fundflow"), withDestinationURL: binary)
        write(try run(["completion", "bash"]).stdout, to: "fundflow.bash")
        func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        var driver = "source \(quoted(path("fundflow.bash")))\n"
        for words in cases {
            driver += "COMP_WORDS=(\(words.map(quoted).joined(separator: " "))); COMP_CWORD=\(words.count - 1)\n"
            driver += "COMP_LINE=\(quoted(words.joined(separator: " "))); COMP_POINT=${#COMP_LINE}\n"
            driver += "COMPREPLY=(); _fundflow; printf '%s\\t' \"${COMPREPLY[@]}\"; printf '\\n'\n"
            driver += "for c in \"${COMPREPLY[@]}\"; do eval \"printf '%s\\t' $c\"; done; printf '\\n'\n"
        }
        write(driver, to: "driver.bash")
        let result = try shell(
            bash, [path("driver.bash")],
            environment: [
                "PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "", "completion must be quiet")
        let lines = result.stdout.components(separatedBy: "\n").dropLast().map { $0.split(separator: "\t").map(String.init) }
        XCTAssertEqual(lines.count, 2 * cases.count, result.stdout)
        guard lines.count == 2 * cases.count else { return ([], []) }
        return (stride(from: 0, to: lines.count, by: 2).map { lines[$0] }, stride(from: 1, to: lines.count, by: 2).map { lines[$0] })
    }

    // MARK: - Helpers

    func bashPath() throws -> String {
        for candidate in ["/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw XCTSkip("bash not found")
    }

    /// Sources the generated script into a non-interactive bash with `fundflow` on PATH, sets
    /// COMP_WORDS/COMP_CWORD for each case (the cursor at the end of the last word), calls
    /// the completion function and returns COMPREPLY for each.
    func complete(_ cases: [[String]], environment: [String: String] = [:]) throws -> [[String]] {
        let bash = try bashPath()
        guard let binary = FundflowBinary.url else { throw XCTSkip("fundflow binary not found") }
        let bin = url("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let link = bin.appendingPathComponent("fundflow")
        if !FileManager.default.fileExists(atPath: link.path) {
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
        }
        let script = try run(["completion", "bash"])
        XCTAssertEqual(script.exitCode, 0, script.summary)
        write(script.stdout, to: "fundflow.bash")
        func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        var driver = "source \(quoted(path("fundflow.bash")))\n"
        for words in cases {
            driver += "COMP_WORDS=(\(words.map(quoted).joined(separator: " "))); COMP_CWORD=\(words.count - 1)\n"
            driver += "COMP_LINE=\(quoted(words.joined(separator: " "))); COMP_POINT=${#COMP_LINE}\n"
            driver += "COMPREPLY=(); _fundflow; printf '%s\\t' \"${COMPREPLY[@]}\"; printf '\\n'\n"
        }
        write(driver, to: "driver.bash")
        var extra = environment
        extra["PATH"] = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try shell(bash, [path("driver.bash")], environment: extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "", "completion must be quiet")
        let lines = result.stdout.components(separatedBy: "\n").dropLast()
        XCTAssertEqual(lines.count, cases.count, result.stdout)
        return lines.map { $0.split(separator: "\t").map(String.init) }
    }

    func shell(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> ProgramResult {
        try runProgram(executable, arguments, environment: extra, directory: directory)
    }
}
