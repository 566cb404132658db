#!/usr/bin/env bash
# Hostile and broken input, the big ones (the fast subset is Tests/CLITests/HostileInputTests.swift).
#
#   scripts/hostile-inputs.sh            all cases (the 2 GiB ones need ~4.5 GB of memory)
#   SMALL=1 scripts/hostile-inputs.sh    without the 2 GiB and 5 GiB files
#
# Every case runs the release binary and must end with the expected exit code (1 bad content,
# 2 bad command line, 3 a file that cannot be read or written), never a crash, and leave the
# journal byte-identical unless the case appends (then it must hold the old bytes plus exactly
# one whole line). One row per case: exit code, journal, seconds, peak memory, first diagnostic.
# Environment: FUNDFLOW_BIN, FUNDFLOW_SCRATCH, KEEP=1, SMALL=1.

source "$(dirname "$0")/_common.sh"
build_release
make_workdir hostile
cd "$WORK" || exit 2
HAVE_TIME=0; [[ -x /usr/bin/time ]] && HAVE_TIME=1
HEADER=$'2019-01-01 项目 P01 一号项目\n2019-03-01 下达 P01 800.00 文号=A1\n'
CASES=0; FAILED=0

# A regular file's checksum; other things are only named (reading a FIFO would block).
digest() {
    if [[ -L "$1" || ! -e "$1" ]]; then echo "absent or link"
    elif [[ -f "$1" ]]; then cksum < "$1"
    else stat -c '%F %s %Y' "$1"; fi
}

# run_case NAME EXPECTED_EXIT MODE JOURNAL [WRAPPER...] -- ARGS...
#   MODE: same     the journal must be byte-identical (or still absent)
#         appended the journal must be its old bytes (+ LF if it lacked one) + one whole line
run_case() {
    local name="$1" expected="$2" mode="$3" journal="$4"; shift 4
    local wrapper=()
    while [[ $# -gt 0 && "$1" != "--" ]]; do wrapper+=("$1"); shift; done
    shift
    local before size_before; before=$(digest "$journal"); size_before=$(stat -c %s "$journal" 2>/dev/null || echo 0)
    local lacks_lf=0
    [[ -f "$journal" && -s "$journal" && "$(tail -c1 "$journal" | od -An -tx1 | tr -d ' ')" != 0a ]] && lacks_lf=1
    local started rc seconds memory=""
    started=$(date +%s%N)
    if [[ $HAVE_TIME -eq 1 ]]; then
        /usr/bin/time -o "$WORK/time.out" -f "%M" "${wrapper[@]}" "$BIN" "$@" > "$WORK/out" 2> "$WORK/err"; rc=$?
        memory="$(( $(tail -1 "$WORK/time.out") / 1024 )) MB"
        # GNU time prints "Command exited with non-zero status N" / "Command terminated by signal N".
        grep -q "terminated by signal" "$WORK/time.out" && rc="signal $(grep -o '[0-9]*$' "$WORK/time.out" | head -1)"
    else
        "${wrapper[@]}" "$BIN" "$@" > "$WORK/out" 2> "$WORK/err"; rc=$?
    fi
    seconds=$(awk -v ns=$(( $(date +%s%N) - started )) 'BEGIN { printf "%.2f", ns / 1e9 }')
    local journal_state ok=1
    case "$mode" in
        same)
            if [[ "$(digest "$journal")" == "$before" ]]; then journal_state="unchanged"; else journal_state="CHANGED"; ok=0; fi ;;
        appended)
            local added_bytes added_lines last_byte first_bytes prefix
            added_bytes=$(( $(stat -c %s "$journal") - size_before - lacks_lf ))
            added_lines=$(tail -c "$added_bytes" "$journal" | wc -l)
            last_byte=$(tail -c1 "$journal" | od -An -tx1 | tr -d ' ')
            first_bytes=$(tail -c "$added_bytes" "$journal" | head -c 5)
            prefix=$(head -c "$size_before" "$journal" | cksum)
            if [[ "$prefix" == "$before" && $added_bytes -gt 0 && $added_lines -eq 1 && $last_byte == 0a && $first_bytes == 2019- ]]; then
                journal_state="+1 whole line"
            else
                journal_state="BAD APPEND"; ok=0
            fi ;;
    esac
    [[ "$rc" == "$expected" ]] || ok=0
    local diagnostic; diagnostic=$( (grep -m1 '错误' "$WORK/err" || head -1 "$WORK/err") | cut -c1-110)
    CASES=$((CASES + 1))
    [[ $ok -eq 1 ]] || FAILED=$((FAILED + 1))
    printf '%-4s %-44s exit %-8s (want %s)  %-14s %6ss %8s  %s\n' "$([[ $ok -eq 1 ]] && echo ok || echo FAIL)" "$name" "$rc" "$expected" "$journal_state" "$seconds" "$memory" "$diagnostic"
}

fresh() { printf '%s' "$HEADER" > "$1"; }

echo "hostile inputs, binary $BIN"
echo "---- huge content: a diagnostic at the line, and appending still writes one whole line"
fresh line100m.journal
{ printf '2019-04-01 '; head -c $((100 * 1024 * 1024)) /dev/zero | tr '\0' 'x'; printf '\n'; } >> line100m.journal
run_case "100 MiB line: check" 1 same line100m.journal -- -f line100m.journal check
run_case "100 MiB line: pay" 0 appended line100m.journal -- -f line100m.journal pay P01 1 --date 2019-05-01

fresh attrs.journal
{ printf '2019-04-01 pay P01 1'; yes ' memo=x' | head -n 1000000 | tr -d '\n'; printf '\n'; } >> attrs.journal
run_case "1,000,000 attributes on a line: check" 1 same attrs.journal -- -f attrs.journal check
run_case "1,000,000 attributes on a line: pay" 0 appended attrs.journal -- -f attrs.journal pay P01 1 --date 2019-05-01

fresh fields.journal
{ printf '2019-04-01 pay P01 1'; yes ' a=b' | head -n 16000 | tr -d '\n'; printf '\n'; } >> fields.journal
run_case "16,000 attributes within 64 KiB: check" 1 same fields.journal -- -f fields.journal check

fresh many.journal
awk 'BEGIN { for (i = 1; i <= 200000; i++) printf "2019-04-01 支付 P01 0.01 凭证=V%d\n", i }' >> many.journal
sed -i '2s/800.00/3000.00/' many.journal
run_case "200,000 entries: check" 0 same many.journal -- -f many.journal check
run_case "200,000 entries: pay" 0 appended many.journal -- -f many.journal pay P01 1 --date 2019-05-01

if [[ "${SMALL:-0}" != 1 ]]; then
    fresh sparse2g.journal; truncate -s 2G sparse2g.journal
    run_case "2 GiB sparse file (NUL bytes): check" 1 same sparse2g.journal -- -f sparse2g.journal check
    run_case "2 GiB sparse file (NUL bytes): pay" 0 appended sparse2g.journal -- -f sparse2g.journal pay P01 1 --date 2019-05-01
    rm -f sparse2g.journal
fi
fresh sparse5g.journal; truncate -s 5G sparse5g.journal
run_case "5 GiB sparse file (over the size limit): check" 3 same sparse5g.journal -- -f sparse5g.journal check
run_case "5 GiB sparse file: pay" 3 same sparse5g.journal -- -f sparse5g.journal pay P01 1 --date 2019-05-01
rm -f sparse5g.journal

echo "---- broken bytes"
fresh nul.journal; printf '2019-04-01 支付 P01 1 摘要=a\0b\n' >> nul.journal
run_case "NUL byte: check" 1 same nul.journal -- -f nul.journal check
run_case "NUL byte: pay" 0 appended nul.journal -- -f nul.journal pay P01 1 --date 2019-05-01
fresh utf8.journal; printf '2019-04-01 支付 P01 1 摘要=\xcf\xee\xc4\xbf\n' >> utf8.journal
run_case "invalid UTF-8 (GBK): check" 1 same utf8.journal -- -f utf8.journal check
printf '\xef\xbb\xbf%s' "${HEADER//$'\n'/$'\r\n'}" > crlf.journal
run_case "BOM + CRLF: check" 0 same crlf.journal -- -f crlf.journal check
run_case "BOM + CRLF: pay" 0 appended crlf.journal -- -f crlf.journal pay P01 1 --date 2019-05-01
fresh torn.journal; printf '2019-04-01 支付 P01 1.00 摘要="办' >> torn.journal
run_case "torn last line: check" 1 same torn.journal -- -f torn.journal check
run_case "torn last line: pay (mends, warns)" 0 appended torn.journal -- -f torn.journal pay P01 1 --date 2019-05-01
fresh argv.journal
run_case "argument not UTF-8 (GBK memo)" 2 same argv.journal -- -f argv.journal pay P01 1 --memo "$(printf '\xcf\xee\xc4\xbf')" --date 2019-05-01

echo "---- amounts"
fresh amounts.journal
run_case "amount = limit (10^16 分)" 0 appended amounts.journal -- -f amounts.journal allot P01 100000000000000 --doc MAX --date 2019-04-01
for amount in 100000000000000.01 92233720368547758.07 92233720368547758.08 9223372036854775807 18446744073709551616 922337203685477.5808万 "$(printf '9%.0s' {1..5000})"; do
    run_case "amount ${amount:0:24}$([[ ${#amount} -gt 24 ]] && echo …)" 1 same amounts.journal -- -f amounts.journal allot P01 "$amount" --doc X --date 2019-04-02
done
fresh overflow.journal
for i in $(seq 1 1000); do echo "2019-03-01 下达 P01 100000000000000.00 文号=B$i"; done >> overflow.journal
run_case "running total past Int64 (1000 × limit)" 1 same overflow.journal -- -f overflow.journal check

echo "---- files"
mkdir -p folder.journal
run_case "journal is a folder: check" 3 same folder.journal -- -f folder.journal check
run_case "journal is a folder: pay" 3 same folder.journal -- -f folder.journal pay P01 1 --date 2019-05-01
run_case "journal missing: check" 3 same missing.journal -- -f missing.journal check
run_case "folder missing: pay" 3 same nofolder/j.journal -- -f nofolder/j.journal pay P01 1 --date 2019-05-01
mkfifo fifo.journal
run_case "named pipe: pay" 3 same fifo.journal timeout 10 -- -f fifo.journal pay P01 1 --date 2019-05-01
if [[ $(id -u) -eq 0 ]] && command -v setpriv >/dev/null; then
    chmod 755 "$WORK"
    fresh unreadable.journal; chmod 000 unreadable.journal
    run_case "unreadable (as nobody): check" 3 same unreadable.journal setpriv --reuid=65534 --regid=65534 --clear-groups -- -f unreadable.journal check
    run_case "unreadable (as nobody): pay" 3 same unreadable.journal setpriv --reuid=65534 --regid=65534 --clear-groups -- -f unreadable.journal pay P01 1 --date 2019-05-01
    fresh readonly.journal; chmod 644 readonly.journal
    run_case "not writable (as nobody): pay" 3 same readonly.journal setpriv --reuid=65534 --regid=65534 --clear-groups -- -f readonly.journal pay P01 1 --date 2019-05-01
elif [[ $(id -u) -ne 0 ]]; then
    fresh unreadable.journal; chmod 000 unreadable.journal
    run_case "unreadable: check" 3 same unreadable.journal -- -f unreadable.journal check
    fresh readonly.journal; chmod 444 readonly.journal
    run_case "not writable: pay" 3 same readonly.journal -- -f readonly.journal pay P01 1 --date 2019-05-01
fi

echo "---- a write that fails halfway"
MEMO=$(head -c 6000 /dev/zero | tr '\0' m)
fresh fsize.journal
run_case "ulimit -f 2 (EFBIG mid-line)" 3 same fsize.journal bash -c 'ulimit -f 2; exec "$0" "$@"' -- -f fsize.journal pay P01 1 --memo "$MEMO" --date 2019-05-01
FULL="$WORK/full"; mkdir -p "$FULL"
if [[ $(id -u) -eq 0 ]] && mount -t tmpfs -o size=64k,mode=0755 tmpfs "$FULL" 2>/dev/null; then
    trap 'umount "$FULL" 2>/dev/null; [[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"' EXIT
    fresh "$FULL/j.journal"
    echo old > "$FULL/r.html"
    dd if=/dev/zero of="$FULL/filler" bs=4k 2>/dev/null; dd if=/dev/zero of="$FULL/filler" bs=1 oflag=append conv=notrunc 2>/dev/null
    run_case "full disk (64 KiB tmpfs): pay" 3 same "$FULL/j.journal" -- -f "$FULL/j.journal" pay P01 1 --memo "$MEMO" --date 2019-05-01
    run_case "full disk: new journal" 3 same "$FULL/new.journal" -- -f "$FULL/new.journal" project P01 x --date 2019-01-01
    run_case "full disk: report -o" 3 same "$FULL/r.html" -- -f "$FULL/j.journal" report monthly --month 2019-05 --format html -o "$FULL/r.html"
    leftovers=$(ls -A "$FULL" | grep -cvE '^(filler|j.journal|r.html)$')
    [[ $leftovers -eq 0 ]] || { echo "FAIL: files left on the full disk: $(ls -A "$FULL")"; FAILED=$((FAILED + 1)); }
    umount "$FULL"
else
    echo "     (no tmpfs mount here: the full disk is simulated by the ulimit -f case above)"
fi

echo "---- $CASES cases, $FAILED failed"
[[ $FAILED -eq 0 ]] || exit 1
