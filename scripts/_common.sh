# Shared by scripts/crash-test.sh, load-test.sh and hostile-inputs.sh (sourced, not run).
#
# FUNDFLOW_BIN=path    use this binary instead of building one
# FUNDFLOW_SCRATCH=dir SwiftPM scratch path for the release build (default .build)

set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Builds the release binary (unless FUNDFLOW_BIN is set) and sets BIN.
build_release() {
    if [[ -n "${FUNDFLOW_BIN:-}" ]]; then
        BIN="$FUNDFLOW_BIN"
    else
        local scratch="${FUNDFLOW_SCRATCH:-$ROOT/.build}"
        echo "building release binary (scratch path $scratch) …" >&2
        (cd "$ROOT" && swift build -c release --product fundflow --scratch-path "$scratch" >&2) || { echo "build failed" >&2; exit 2; }
        BIN="$scratch/release/fundflow"
    fi
    [[ -x "$BIN" ]] || { echo "no fundflow binary at $BIN" >&2; exit 2; }
    BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
}

# A fresh work folder, removed on exit unless KEEP=1.
make_workdir() {
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/fundflow-$1.XXXXXX")"
    if [[ "${KEEP:-0}" != 1 ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "work folder: $WORK" >&2; fi
}

# audit JOURNAL HEADER_LINES PATTERN
# Sets AUDIT_TORN_TAIL (1 if the file does not end in LF), AUDIT_STRANGERS (whole lines past
# the header that do not match PATTERN), AUDIT_DUPLICATES, and writes the vouchers of the
# whole payment lines, sorted, to JOURNAL.vouchers.
audit() {
    local journal="$1" header="$2" pattern="$3"
    AUDIT_TORN_TAIL=0
    if [[ -s "$journal" && "$(tail -c1 "$journal" | od -An -c | tr -d ' ')" != '\n' ]]; then AUDIT_TORN_TAIL=1; fi
    # Whole lines only: a torn tail (no LF) is left out by `head -n` of the line count.
    local whole; whole=$(wc -l < "$journal")
    head -n "$whole" "$journal" | tail -n +"$((header + 1))" > "$journal.whole"
    AUDIT_STRANGERS=$(grep -cvE "$pattern" "$journal.whole" || true)
    grep -E "$pattern" "$journal.whole" | sed 's/.*凭证=//' | sort > "$journal.vouchers"
    AUDIT_DUPLICATES=$(uniq -d "$journal.vouchers" | wc -l)
}

# check_names_only_torn JOURNAL TORN: `check` must exit 0, and its only diagnostic may be the
# warning that names a torn last line.
check_names_only_torn() {
    local journal="$1" torn="$2" out err rc
    out=$("$BIN" -f "$journal" check 2>"$journal.check-stderr"); rc=$?
    err=$(cat "$journal.check-stderr")
    if [[ $rc -ne 0 ]]; then echo "check exit $rc: $err" >&2; return 1; fi
    if [[ $torn -eq 0 && -n "$err" ]]; then echo "check is not clean: $err" >&2; return 1; fi
    if [[ $torn -eq 1 ]]; then
        [[ $(printf '%s\n' "$err" | grep -c .) -eq 1 && "$err" == *"警告: 文件最后一行没有换行符"* ]] || { echo "check did not name the torn line: $err" >&2; return 1; }
    fi
    return 0
}
