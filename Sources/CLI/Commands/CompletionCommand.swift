import Ledger
import Monitor

/// `fundflow completion bash`: prints a bash completion script for commands (English and
/// Chinese), each command's options, option values (formats, kinds, encodings) and the
/// journal's project IDs, contract IDs and units.
///
/// The script asks the binary for the journal's words with the hidden
/// `fundflow [-f FILE]... completion __projects|__contracts|__units`, which prints one word a
/// line and never fails noisily: an unreadable or broken journal lists what it can, or
/// nothing, and exits 0. It honours -f and FUNDFLOW_JOURNAL like every command.
enum CompletionCommand {
    static let usage = "fundflow completion bash"

    static func run(_ arguments: Arguments, paths: [String], clock: WallClock, environment: [String: String]) throws -> ExitCode {
        if let word = arguments.positionals.first, word.hasPrefix("__") {
            listWords(word, paths: paths)
            return .success
        }
        try arguments.requireOnly([], command: "completion")
        guard let shell = arguments.positionals.first else {
            throw UsageError("须指定 shell。用法：\(usage)（例如 source <(fundflow completion bash)）")
        }
        try arguments.positionalCount(1...1, usage: usage)
        guard shell == "bash" else {
            throw UsageError("不支持的 shell“\(shell)”\(DidYouMean.phrase(shell, among: ["bash"]))：目前只支持 bash（zsh 可先执行 autoload -U bashcompinit && bashcompinit 再加载 bash 脚本）")
        }
        Output.out(bashScript())
        return .success
    }

    /// The journal's project IDs, contract IDs or units, one a line, in file order, without
    /// validating the journal (a completion must be quick and quiet).
    static func listWords(_ kind: String, paths: [String]) {
        // Classification codes and funds come from the built-in tables (spec §3), not the journal.
        switch kind {
        case "__codes": Output.out(Classification.functionCodes.map { $0.code + "\n" }.joined()); return
        case "__econs": Output.out(Classification.economicCodes.map { $0.code + "\n" }.joined()); return
        case "__funds": Output.out(Fund.allCases.map { $0.chinese + "\n" }.joined()); return
        default: break
        }
        guard case .success(let parsed) = JournalReader.read(paths: paths) else { return }
        var seen: Set<String> = []
        var words: [String] = []
        for entry in parsed.entries {
            let word: String?
            switch (kind, entry.body) {
            case ("__projects", .project(let p)): word = p.id
            case ("__contracts", .contract(let c)): word = c.contractID
            case ("__units", .project(let p)): word = p.unit
            default: word = nil
            }
            guard let word, !word.isEmpty, JournalWriter.isWritable(word), seen.insert(word).inserted else { continue }
            words.append(shellEscaped(word))
        }
        Output.out(words.map { $0 + "\n" }.joined())
    }

    /// Characters a word may hold unescaped on a bash command line (non-ASCII letters too).
    static let shellSafe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.,:@%+/".unicodeScalars)

    /// The word as it must be typed into bash to mean itself: every ASCII character outside
    /// `shellSafe` gets a backslash (as `printf %q` and bash's own filename completion do), so
    /// `$(…)`, backticks, `;`, `*` and quotes from a journal are offered as text and, once on
    /// the command line, reach fundflow literally.
    static func shellEscaped(_ word: String) -> String {
        var escaped = ""
        for scalar in word.unicodeScalars {
            if scalar.isASCII && !shellSafe.contains(scalar) { escaped.unicodeScalars.append("\\") }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped
    }

    /// The options of one kind of report (the report command's help lists their union).
    static func reportOptions(_ kind: String) -> String {
        let common = ["--format", "--json", "--csv", "--exact", "--yuan", "--no-color", "-o", "--help"]
        switch kind {
        case "monthly": return (["--month", "--unit"] + common).joined(separator: " ")
        case "carryover": return (["--year", "--unit"] + common).joined(separator: " ")
        default: return (["--year"] + common).joined(separator: " ")
        }
    }

    /// Option names that take no value (kept in step with `Arguments.flagNames`).
    static var flags: [String] { Arguments.flagNames.sorted() }

    static func bashScript() -> String {
        let commands = Help.commandWords.joined(separator: " ")
        var optionCases = ""
        for (_, topic) in Help.topics where !topic.optionNames.isEmpty {
            let spelled = topic.optionNames.map { $0.count == 1 ? "-" + $0 : "--" + $0 } + ["--help"]
            optionCases += "        \(topic.words.joined(separator: "|"))) echo \"\(spelled.joined(separator: " "))\" ;;\n"
        }
        let projectCommands = ["allot", "reduce", "pay", "contract", "reverse", "carry", "lapse", "plan", "register"]
            .compactMap { Help.topic($0) }.flatMap(\.words).joined(separator: "|")
        return """
            # bash completion for fundflow — generated by `fundflow completion bash` (\(Help.version))
            # 安装：source <(fundflow completion bash)
            #   或：fundflow completion bash > ~/.local/share/bash-completion/completions/fundflow

            _fundflow_commands='\(commands)'
            _fundflow_flags=' \(flags.map { "--" + $0 }.joined(separator: " ")) '

            _fundflow_options() {
                case "$1" in
            \(optionCases)        *) echo "--help" ;;
                esac
            }

            # The journal's words (__projects, __contracts, __units), from the same journal the
            # command line names: its -f options, else FUNDFLOW_JOURNAL, else ./fundflow.journal.
            _fundflow_words() {
                local program="${COMP_WORDS[0]/#\\~/$HOME}"
                "$program" "${_fundflow_files[@]}" completion "$1" 2>/dev/null
            }

            # A journal named on the command line: ~ expanded, surrounding quotes and \\-escapes of blanks removed.
            _fundflow_file() {
                local file="$1"
                file=${file#[\\"\\']}; file=${file%[\\"\\']}; file=${file//\\\\ / }
                _fundflow_files+=(-f "${file/#\\~/$HOME}")
            }

            # The candidates of $1 (one a line) that start with the word typed, $2. Compared as
            # text, never expanded (no compgen -W): journal words arrive already escaped for the
            # command line and reach COMPREPLY as they are.
            _fundflow_reply() {
                local candidate
                COMPREPLY=()
                while IFS= read -r candidate; do
                    [[ -n $candidate && $candidate == "$2"* ]] && COMPREPLY+=("$candidate")
                done <<< "$1"
            }

            _fundflow() {
                local cur prev words cword
                if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
                    _get_comp_words_by_ref -n =: cur prev words cword
                else
                    words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
                    cur="${COMP_WORDS[COMP_CWORD]}"; prev=""
                    (( cword > 0 )) && prev="${COMP_WORDS[cword-1]}"
                fi
                COMPREPLY=()

                # Read the words before the cursor: journal files, the command, its positionals.
                _fundflow_files=()
                local command="" subcommand="" positionals=0 i=1 word
                while (( i < cword )); do
                    word="${words[i]}"
                    case "$word" in
                        -f|--file)
                            [[ ${words[i+1]} == "=" ]] && (( i++ ))
                            (( i + 1 < cword )) && _fundflow_file "${words[i+1]}"
                            (( i += 2 )); continue ;;
                        --file=*) _fundflow_file "${word#--file=}" ;;
                        -o) (( i += 2 )); continue ;;
                        =) (( i += 2 )); continue ;;
                        --*=*|-h|--) ;;
                        --*)
                            # An option takes the next word as its value unless it is a flag.
                            if [[ $_fundflow_flags != *" $word "* && ${words[i+1]} != "=" ]]; then (( i++ )); fi ;;
                        -*) ;;
                        *)
                            if [[ -z $command ]]; then command="$word"
                            else (( positionals++ == 0 )) && subcommand="$word"; fi ;;
                    esac
                    (( i++ ))
                done

                # --option=value: complete the value.
                if [[ $cur == --*=* ]]; then
                    prev="${cur%%=*}"; cur="${cur#*=}"
                elif [[ $prev == "=" ]] && (( cword >= 2 )); then
                    prev="${words[cword-2]}"
                elif [[ $cur == "=" ]]; then
                    prev="${words[cword-1]}"; cur=""
                fi

                case "$prev" in
                    -f|--file|-o|--map|--budget)
                        compopt -o filenames 2>/dev/null
                        COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
                    --format)
                        case "$command" in
                            export|导出) _fundflow_reply "hledger"$'\\n'"beancount"$'\\n'"csv" "$cur" ;;
                            *) _fundflow_reply "text"$'\\n'"md"$'\\n'"csv"$'\\n'"json"$'\\n'"html" "$cur" ;;
                        esac
                        return 0 ;;
                    --kind) _fundflow_reply "年初"$'\\n'"追加" "$cur"; return 0 ;;
                    --encoding) _fundflow_reply "auto"$'\\n'"utf-8"$'\\n'"gbk" "$cur"; return 0 ;;
                    --amount-unit) _fundflow_reply "元"$'\\n'"万元" "$cur"; return 0 ;;
                    --contract) _fundflow_reply "$(_fundflow_words __contracts)" "$cur"; return 0 ;;
                    --unit) _fundflow_reply "$(_fundflow_words __units)" "$cur"; return 0 ;;
                    --code) _fundflow_reply "$(_fundflow_words __codes)" "$cur"; return 0 ;;
                    --econ) _fundflow_reply "$(_fundflow_words __econs)" "$cur"; return 0 ;;
                    --fund) _fundflow_reply "$(_fundflow_words __funds)" "$cur"; return 0 ;;
                    --by) _fundflow_reply "资金性质"$'\\n'"科目"$'\\n'"经济科目"$'\\n'"单位"$'\\n'"标签" "$cur"; return 0 ;;
                    --date|--as-of|--through|--from|--to|--due|--of-date)
                        _fundflow_reply "$(date +%Y-%m-%d)" "$cur"; return 0 ;;
                    --month) _fundflow_reply "$(date +%Y-%m)" "$cur"; return 0 ;;
                    --year) _fundflow_reply "$(date +%Y)"$'\\n'"$(( $(date +%Y) - 1 ))" "$cur"; return 0 ;;
                esac
                if [[ $prev == --* && $prev != *=* && $_fundflow_flags != *" $prev "* ]]; then
                    return 0    # the value of an option: nothing to suggest
                fi

                if [[ -z $command ]]; then
                    if [[ $cur == -* ]]; then
                        _fundflow_reply "-f"$'\\n'"--file"$'\\n'"--help"$'\\n'"--version" "$cur"
                    else
                        _fundflow_reply "${_fundflow_commands// /$'\\n'}" "$cur"
                    fi
                    return 0
                fi
                if [[ $cur == -* ]]; then
                    local options
                    case "$command $subcommand" in
                        "report monthly"|"报表 monthly"|"report 月报"|"报表 月报") options="\(reportOptions("monthly"))" ;;
                        "report carryover"|"报表 carryover"|"report 结转"|"报表 结转") options="\(reportOptions("carryover"))" ;;
                        "report indicators"|"报表 indicators"|"report 指标"|"报表 指标") options="\(reportOptions("indicators"))" ;;
                        *) options="$(_fundflow_options "$command")" ;;
                    esac
                    _fundflow_reply "${options// /$'\\n'}" "$cur"
                    return 0
                fi
                case "$command" in
                    \(projectCommands))
                        (( positionals == 0 )) && _fundflow_reply "$(_fundflow_words __projects)" "$cur" ;;
                    report|报表)
                        (( positionals == 0 )) && _fundflow_reply "monthly"$'\\n'"carryover"$'\\n'"indicators"$'\\n'"final"$'\\n'"selfeval" "$cur" ;;
                    help)
                        (( positionals == 0 )) && _fundflow_reply "${_fundflow_commands// /$'\\n'}" "$cur" ;;
                    completion)
                        (( positionals == 0 )) && _fundflow_reply "bash" "$cur" ;;
                    import|导入)
                        if (( positionals == 0 )); then compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); fi ;;
                esac
                if declare -F __ltrim_colon_completions >/dev/null 2>&1; then __ltrim_colon_completions "$cur"; fi
                return 0
            }

            complete -F _fundflow fundflow

            """
    }
}
