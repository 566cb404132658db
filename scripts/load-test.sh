#!/usr/bin/env bash
# Concurrent writers under load, the full size (Tests/CLITests/LoadTests.swift runs 8 × 25).
#
#   scripts/load-test.sh [PROCESSES] [PAYMENTS]      default 8 × 200
#
# PROCESSES shell loops run at once, each making PAYMENTS `fundflow pay` of 1元 in a row,
# against a budget that affords exactly half of them. Exactly that many must land, each as a
# whole line, every refusal must say 超支, and `fundflow check` must be clean.
# Environment: FUNDFLOW_BIN, FUNDFLOW_SCRATCH, KEEP=1. Exit 0 pass, 1 fail, 2 cannot run.

source "$(dirname "$0")/_common.sh"
PROCESSES="${1:-8}"
PAYMENTS="${2:-200}"
[[ "$PROCESSES" =~ ^[0-9]+$ && "$PAYMENTS" =~ ^[0-9]+$ ]] || { echo "usage: $0 [PROCESSES] [PAYMENTS]" >&2; exit 2; }
TOTAL=$((PROCESSES * PAYMENTS))
AFFORDABLE=$((TOTAL / 2))

build_release
make_workdir load
J="$WORK/load.journal"
HEADER=2
printf '2019-01-01 项目 P01 一号项目\n2019-03-01 下达 P01 %d.00 文号=A1\n' "$AFFORDABLE" > "$J"
PATTERN='^2019-05-01 支付 P01 1\.00 凭证=W[0-9]+-[0-9]+$'
echo "load test: $PROCESSES processes × $PAYMENTS payments against a budget of $AFFORDABLE 元"

writer() {
    local w=$1 i rc out
    for ((i = 1; i <= PAYMENTS; i++)); do
        out=$("$BIN" -f "$J" pay P01 1 --voucher "W$w-$i" --date 2019-05-01 2>"$WORK/err.$w.$i")
        rc=$?
        if [[ $rc -eq 0 && "$out" == *已记入* ]]; then echo "W$w-$i ok"
        elif [[ $rc -eq 1 ]] && grep -q 超支 "$WORK/err.$w.$i"; then echo "W$w-$i overspend"
        else echo "W$w-$i exit$rc"; fi
        rm -f "$WORK/err.$w.$i"
    done > "$WORK/outcomes.$w"
}

began=$(date +%s%N)
for ((w = 1; w <= PROCESSES; w++)); do writer "$w" & done
wait
elapsed_ms=$(( ($(date +%s%N) - began) / 1000000 ))

cat "$WORK"/outcomes.* > "$WORK/outcomes"
LANDED_REPORTED=$(grep -c ' ok$' "$WORK/outcomes")
REFUSED=$(grep -c ' overspend$' "$WORK/outcomes")
OTHER=$(grep -vcE ' (ok|overspend)$' "$WORK/outcomes")
grep ' ok$' "$WORK/outcomes" | cut -d' ' -f1 | sort > "$WORK/accepted"

audit "$J" "$HEADER" "$PATTERN"
LINES=$(wc -l < "$J")
failed=0
fail() { echo "FAIL: $*"; failed=1; }
[[ $LANDED_REPORTED -eq $AFFORDABLE ]] || fail "$LANDED_REPORTED payments reported as recorded, expected exactly $AFFORDABLE"
[[ $REFUSED -eq $((TOTAL - AFFORDABLE)) ]] || fail "$REFUSED refused for overspending, expected $((TOTAL - AFFORDABLE))"
[[ $OTHER -eq 0 ]] || { fail "$OTHER payments ended otherwise:"; grep -vE ' (ok|overspend)$' "$WORK/outcomes" | head; }
[[ $AUDIT_TORN_TAIL -eq 0 ]] || fail "the journal does not end in a whole line"
[[ $AUDIT_STRANGERS -eq 0 ]] || fail "$AUDIT_STRANGERS lines are not whole payments"
[[ $AUDIT_DUPLICATES -eq 0 ]] || fail "$AUDIT_DUPLICATES vouchers occur twice"
cmp -s "$WORK/accepted" "$J.vouchers" || fail "the journal's payments differ from those reported as recorded"
[[ $LINES -eq $((HEADER + AFFORDABLE)) ]] || fail "$LINES lines, expected $((HEADER + AFFORDABLE))"
check_names_only_torn "$J" 0 || fail "check is not clean"

echo "writers × appends:    $PROCESSES × $PAYMENTS = $TOTAL payments in $((elapsed_ms / 1000)).$(printf %03d $((elapsed_ms % 1000))) s"
echo "landed:               $LANDED_REPORTED (budget affords $AFFORDABLE)"
echo "refused (超支):        $REFUSED"
echo "journal:              $LINES whole lines, duplicates $AUDIT_DUPLICATES, torn $((AUDIT_TORN_TAIL + AUDIT_STRANGERS))"
echo "check:                $("$BIN" -f "$J" check 2>&1 | tail -1)"
if [[ $failed -ne 0 ]]; then echo "LOAD TEST FAILED"; exit 1; fi
echo "load test passed"
