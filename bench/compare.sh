#!/usr/bin/env bash
# fundflow against `ledger bal` on the same transactions, side by side in one run
# (issue 10, "Done means").
#
#   bash bench/compare.sh                      # SIZES="10000 100000 1000000", RUNS=3
#   SIZES="10000 100000" RUNS=5 bash bench/compare.sh
#   bash bench/compare.sh 1000000              # sizes as arguments (override SIZES)
#
# For every size N, gen_journal.py writes (or reuses, see the .stamp files) into bench/out/:
#   clean   journal-N.journal         every rule holds, unique vouchers (reference only)
#   mess    journal-N-mess.journal    the same money flows; ~70 % of the payments reuse a
#                                     voucher of their unit and month (duplicate-voucher
#                                     warnings), ~0.3 % carry none (pay-without-voucher)
#   errors  journal-N-errors.journal  the mess plus five errors spread through it: an
#                                     overspend, an unknown project, a sub-分 amount
#                                     (1.2345678万), an impossible date (2019-02-30),
#                                     a 下达 without 文号
#   ledger  journal-N.ledger          the same transactions for ledger-cli
# and times, RUNS times each, standard output to /dev/null:
#   check     fundflow -f J check
#   status    fundflow -f J status --json --as-of LASTDATE
#   report    fundflow -f J report monthly --month YYYY-MM --format html   (LASTDATE's month)
#   register  fundflow -f J register P          (P: the project with the most payments)
#   pay       fundflow -f COPY pay P2 1.00 --voucher … --date LASTDATE
#             (COPY: a fresh copy of J per run, made outside the timed part; P2 has money left)
#   export    fundflow -f J export --format csv
#   ledger    ledger -f L bal
#   hledger   hledger -f L bal                 (only with HLEDGER=1: ~1 min and ~7 GB at 1M)
# Wall time: `date +%s%N` around the command (median of the runs); CPU time (user + sys,
# median) and peak RSS (maximum over the runs): GNU `/usr/bin/time -v`. On a shared host
# the CPU figures are the steadier ones (fundflow reads on two threads: its CPU time is at
# least its wall time on an idle machine). Exit codes are checked: 0 on clean and mess;
# on errors `check` must exit 1 and the others 0 or 1 (a report of a journal with errors
# exits 1); anything else is marked '!' and turns its verdict INVALID. After each pay the
# copy must have grown by exactly one line.
#
# It prints, per size, a Markdown table (seconds, MB, ledger/fundflow per journal) and the
# verdicts at GOAL_AT on the mess and errors journals: check, status, report, register and
# pay at least SPEED_GOAL (25) times faster than ledger bal, export at least EXPORT_GOAL
# (10) times, every command under MEM_LIMIT_MB (300) MB peak; and whether `check` on the
# mess journal prints a screenful (at most 20 per kind, then counts) and `check --all` every
# diagnostic. The verdicts are a report: exit 0 even when one says FAIL (2: usage error;
# 1: build failed, a required tool missing).
#
# Environment knobs (all optional):
#   SIZES="10000 100000 1000000"   RUNS=3   LEDGER_RUNS=$RUNS (ledger bal runs per size)
#   JOURNALS="clean mess errors"   which journals to time (verdicts use mess and errors)
#   HLEDGER=1        also time hledger bal        SKIP_LEDGER=1  do not time ledger
#   GOAL_AT=1000000  size of the verdicts   SPEED_GOAL=25 EXPORT_GOAL=10 MEM_LIMIT_MB=300
#   PHASES=1         after timing, run each fundflow command once more at the largest size
#                    with FUNDFLOW_PHASES=1 and keep its stderr in bench/out/phases-*.txt
#   PROJECTS=2000 SEED=1               generator parameters
#   FUNDFLOW_BIN=path  time this binary (no build)   SKIP_BUILD=1  use the existing build
#   SCRATCH_PATH=dir   swift build -c release --scratch-path dir
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'; }
die_usage() { echo "compare.sh: $*" >&2; echo "usage: bash bench/compare.sh [N ...]   (see --help)" >&2; exit 2; }
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
for a in "$@"; do case "$a" in -*) die_usage "unknown option: $a" ;; esac; done
[ "$#" -gt 0 ] && SIZES="$*"

SIZES="${SIZES-10000 100000 1000000}"
RUNS="${RUNS:-3}"
LEDGER_RUNS="${LEDGER_RUNS:-$RUNS}"
JOURNALS="${JOURNALS:-clean mess errors}"
PROJECTS="${PROJECTS:-2000}"
SEED="${SEED:-1}"
GOAL_AT="${GOAL_AT:-1000000}"
SPEED_GOAL="${SPEED_GOAL:-25}"
EXPORT_GOAL="${EXPORT_GOAL:-10}"
MEM_LIMIT_MB="${MEM_LIMIT_MB:-300}"

is_posint() { case "$1" in ''|*[!0-9]*) return 1 ;; esac; [ "$1" -ge 1 ] 2>/dev/null; }
read -r -a SIZE_LIST <<<"$SIZES"
[ "${#SIZE_LIST[@]}" -ge 1 ] || die_usage "SIZES is empty"
for n in "${SIZE_LIST[@]}"; do is_posint "$n" || die_usage "size '$n' is not a positive integer"; done
for v in RUNS LEDGER_RUNS PROJECTS GOAL_AT SPEED_GOAL EXPORT_GOAL MEM_LIMIT_MB; do
  is_posint "${!v}" || die_usage "$v must be a positive integer (got '${!v}')"
done
case "$SEED" in ''|*[!0-9]*) die_usage "SEED must be a non-negative integer" ;; esac
read -r -a JOURNAL_LIST <<<"$JOURNALS"
for k in "${JOURNAL_LIST[@]}"; do
  case "$k" in clean|mess|errors) ;; *) die_usage "JOURNALS: unknown journal '$k' (clean mess errors)" ;; esac
done
mapfile -t SIZE_LIST < <(printf '%s\n' "${SIZE_LIST[@]}" | sort -n -u)
LARGEST="${SIZE_LIST[${#SIZE_LIST[@]}-1]}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
say() { printf '==> %s\n' "$*"; }
warn() { printf '\n!!!!! WARNING: %s\n\n' "$*" >&2; }

# ---- tools ------------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
apt_install() {   # apt_install PACKAGE: apt-get install, updating the lists once if needed
  say "installing the Debian package '$1'"
  if $SUDO apt-get install -y -qq "$1" >"$OUT/apt-$1.log" 2>&1; then return 0; fi
  $SUDO apt-get update -qq >>"$OUT/apt-$1.log" 2>&1 || true
  $SUDO apt-get install -y -qq "$1" >>"$OUT/apt-$1.log" 2>&1
}
TIME_BIN=/usr/bin/time
if ! "$TIME_BIN" -v true >/dev/null 2>&1; then
  apt_install time && "$TIME_BIN" -v true >/dev/null 2>&1 \
    || { echo "compare.sh: GNU time (/usr/bin/time) is needed and could not be installed" >&2; exit 1; }
fi
command -v python3 >/dev/null 2>&1 || { echo "compare.sh: python3 is needed" >&2; exit 1; }
DO_LEDGER=1 DO_HLEDGER=0
[ "${SKIP_LEDGER:-0}" = 1 ] && DO_LEDGER=0
[ "${HLEDGER:-0}" = 1 ] && DO_HLEDGER=1
for t in ledger hledger; do
  flag="DO_${t^^}"
  [ "${!flag}" = 1 ] || continue
  if ! command -v "$t" >/dev/null 2>&1; then
    if ! apt_install "$t" || ! command -v "$t" >/dev/null 2>&1; then
      warn "$t is missing and could not be installed (log: $OUT/apt-$t.log); it is skipped"
      printf -v "$flag" 0
    fi
  fi
done

# ---- fundflow binary --------------------------------------------------------------------
if [ -n "${FUNDFLOW_BIN:-}" ]; then
  BIN="$FUNDFLOW_BIN"; BUILD_NOTE="FUNDFLOW_BIN=$FUNDFLOW_BIN"
else
  SWIFT_ARGS=(-c release)
  [ -n "${SCRATCH_PATH:-}" ] && SWIFT_ARGS+=(--scratch-path "$SCRATCH_PATH")
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "swift build ${SWIFT_ARGS[*]}"
    if ! swift build "${SWIFT_ARGS[@]}" >"$OUT/build.log" 2>&1; then
      tail -n 40 "$OUT/build.log" >&2
      echo "compare.sh: release build failed (log: $OUT/build.log)" >&2; exit 1
    fi
  fi
  BINDIR="$(swift build "${SWIFT_ARGS[@]}" --show-bin-path 2>/dev/null || true)"
  BIN="${BINDIR:-${SCRATCH_PATH:-$ROOT/.build}/release}/fundflow"
  BUILD_NOTE="release build of $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo '?')"
fi
[ -x "$BIN" ] || { echo "compare.sh: no fundflow binary at $BIN" >&2; exit 1; }

# ---- journals ---------------------------------------------------------------------------
GEN_HASH="$(sha256sum bench/gen_journal.py | cut -d' ' -f1)"
base_of() { printf '%s/journal-%s-%s-%s' "$OUT" "$1" "$PROJECTS" "$SEED"; }
journal_of() {   # journal_of N KIND
  case "$2" in clean) printf '%s.journal' "$(base_of "$1")" ;; *) printf '%s-%s.journal' "$(base_of "$1")" "$2" ;; esac
}
ensure_journals() {   # ensure_journals N: clean, mess, errors, ledger twin and meta, unless cached
  local n="$1" b want
  b="$(base_of "$n")"
  want="$GEN_HASH $n $PROJECTS $SEED mess+errors"
  if [ "$(cat "$b.stamp" 2>/dev/null)" = "$want" ] && [ -f "$b.journal" ] && [ -f "$b-mess.journal" ] \
     && [ -f "$b-errors.journal" ] && [ -f "$b.ledger" ] && [ -f "$b.meta" ]; then
    say "reusing the journals of N=$n"; return 0
  fi
  say "generating N=$n: clean, mess, errors and the ledger twin"
  rm -f "$b.stamp"
  python3 bench/gen_journal.py --entries "$n" --projects "$PROJECTS" --seed "$SEED" \
    --out "$b.journal" --mess "$b-mess.journal" --errors "$b-errors.journal" \
    --ledger "$b.ledger" --meta "$b.meta"
  printf '%s\n' "$want" >"$b.stamp"
}
meta() { sed -n "s/^$2=//p" "$1" | head -n 1; }

# ---- timing -----------------------------------------------------------------------------
RESULTS="$OUT/compare-results.tsv"   # N journal command run wall_ns rss_kb rc ok cpu_s
: >"$RESULTS"
FAILED=()
expected_ok() {   # expected_ok JOURNAL COMMAND RC -> 0 if RC is what that command should exit
  local k="$1" c="$2" rc="$3"
  case "$k:$c" in
    errors:check) [ "$rc" -eq 1 ] ;;
    errors:ledger|errors:hledger) [ "$rc" -eq 0 ] ;;
    errors:*) [ "$rc" -le 1 ] ;;
    *) [ "$rc" -eq 0 ] ;;
  esac
}
run_once() {   # run_once N JOURNAL COMMAND RUN CMD...: time one run, append to RESULTS
  local n="$1" k="$2" c="$3" i="$4"; shift 4
  local tf="$OUT/time-$n-$k-$c.txt" ef="$OUT/$c-$n-$k-$i.stderr" t0 t1 rc rss cpu ok=1
  set +e
  t0="$(date +%s%N)"
  "$TIME_BIN" -v -o "$tf" "$@" >/dev/null 2>"$ef"
  rc=$?
  t1="$(date +%s%N)"
  set -e
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf" 2>/dev/null || true)"
  cpu="$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$tf" 2>/dev/null || echo 0)"
  expected_ok "$k" "$c" "$rc" || ok=0
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$k" "$c" "$i" "$((t1 - t0))" "${rss:-0}" "$rc" "$ok" "$cpu" >>"$RESULTS"
  printf '    %-7s %-9s run %d: %8.3f s (cpu %6.2f s) %7.1f MB exit %d\n' "$k" "$c" "$i" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')" "$cpu" "$(awk -v x="${rss:-0}" 'BEGIN { print x / 1024 }')" "$rc"
  if [ "$ok" = 0 ]; then
    FAILED+=("N=$n $k $c run $i: exit $rc ($*)")
    warn "$c on the $k journal at N=$n exited $rc: $*
$(head -n 6 "$ef" | sed 's/^/    /')"
  fi
}
time_cmd() {   # time_cmd N JOURNAL COMMAND RUNS CMD...
  local n="$1" k="$2" c="$3" r="$4" i; shift 4
  for ((i = 1; i <= r; i++)); do run_once "$n" "$k" "$c" "$i" "$@"; done
}
time_pay() {   # time_pay N JOURNAL FILE PROJECT DATE: a fresh copy per run, copying untimed
  local n="$1" k="$2" j="$3" p="$4" d="$5" i copy before after
  copy="$OUT/pay-copy.journal"
  for ((i = 1; i <= RUNS; i++)); do
    cp "$j" "$copy"
    before="$(wc -l <"$copy")"
    run_once "$n" "$k" pay "$i" "$BIN" -f "$copy" pay "$p" 1.00 --voucher "记-${d:0:4}-${d:5:2}-BENCH$i" \
      --payee 基准测试 --memo 基准测试支付 --date "$d"
    after="$(wc -l <"$copy")"
    if [ "$after" -ne $((before + 1)) ]; then
      FAILED+=("N=$n $k pay run $i: the journal grew by $((after - before)) lines, not 1")
      warn "pay on the $k journal at N=$n: the copy grew by $((after - before)) lines, not 1"
    fi
  done
  rm -f "$copy"
}

fundflow_commands() {   # fundflow_commands N JOURNAL FILE RUNS
  local n="$1" k="$2" j="$3" r="$4"
  time_cmd "$n" "$k" check "$r" "$BIN" -f "$j" check
  time_cmd "$n" "$k" status "$r" "$BIN" -f "$j" status --json --as-of "$LAST"
  time_cmd "$n" "$k" report "$r" "$BIN" -f "$j" report monthly --month "${LAST:0:7}" --format html
  time_cmd "$n" "$k" register "$r" "$BIN" -f "$j" register "$REG_P"
  time_pay "$n" "$k" "$j" "$PAY_P" "$LAST"
  time_cmd "$n" "$k" export "$r" "$BIN" -f "$j" export --format csv
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
META_TSV="$OUT/compare-meta.tsv"   # N entries journal_bytes ledger_bytes last register pay
: >"$META_TSV"
say "fundflow: $BIN ($BUILD_NOTE)"
for n in "${SIZE_LIST[@]}"; do
  ensure_journals "$n"
  B="$(base_of "$n")"
  LAST="$(meta "$B.meta" pay_date)"; REG_P="$(meta "$B.meta" register_project)"; PAY_P="$(meta "$B.meta" pay_project)"
  ENTRIES="$(grep -cvE '^[[:space:]]*([#;]|$)' "$B.journal" || true)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$ENTRIES" "$(stat -c %s "$B-mess.journal")" "$(stat -c %s "$B.ledger")" \
    "$LAST" "$REG_P ($(meta "$B.meta" register_payments) payments)" "$PAY_P" >>"$META_TSV"
  say "N=$n: $ENTRIES entries, last date $LAST, register $REG_P, pay $PAY_P"
  # ledger's runs are spread between the journals' (before the first, after each): the
  # shared host drifts by tens of percent within minutes, and timing ledger only at the end
  # moved the ratios with it.
  cat "$B.ledger" >/dev/null
  SLOTS=$((${#JOURNAL_LIST[@]} + 1)); LEDGER_DONE=0; SLOT=0
  ledger_share() {   # ledger_share N: this slot's part of the ledger runs
    local want=$(((LEDGER_RUNS * (SLOT + 1) + SLOTS - 1) / SLOTS)) i
    for ((i = LEDGER_DONE + 1; i <= want; i++)); do run_once "$1" ledger ledger "$i" ledger -f "$B.ledger" bal; done
    LEDGER_DONE=$want; SLOT=$((SLOT + 1))
  }
  [ "$DO_LEDGER" = 1 ] && ledger_share "$n"
  for k in "${JOURNAL_LIST[@]}"; do
    J="$(journal_of "$n" "$k")"
    cat "$J" >/dev/null   # page cache
    fundflow_commands "$n" "$k" "$J" "$RUNS"
    [ "$DO_LEDGER" = 1 ] && ledger_share "$n"
  done
  [ "$DO_HLEDGER" = 1 ] && time_cmd "$n" ledger hledger "$LEDGER_RUNS" hledger -f "$B.ledger" bal
done

# ---- check prints a screenful; --all prints everything ---------------------------------
SCREEN="$OUT/compare-screen.tsv"
: >"$SCREEN"
for k in mess errors; do
  J="$(journal_of "$LARGEST" "$k")"
  [ -f "$J" ] || continue
  "$BIN" -f "$J" check >"$OUT/check-$k.stdout" 2>"$OUT/check-$k.stderr" || true
  "$BIN" -f "$J" check --all >"$OUT/check-all-$k.stdout" 2>"$OUT/check-all-$k.stderr" || true
  "$BIN" -f "$J" check --format json >"$OUT/check-$k.json" 2>/dev/null || true
  printf '%s\t%s\t%s\t%s\t%s\n' "$k" \
    "$(cat "$OUT/check-$k.stdout" "$OUT/check-$k.stderr" | wc -l)" \
    "$(grep -cE ':[0-9]+:[0-9]+: (错误|警告)' "$OUT/check-$k.stderr" || true)" \
    "$(grep -cE ':[0-9]+:[0-9]+: (错误|警告)' "$OUT/check-all-$k.stderr" || true)" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["errors"], d["warnings"], len(d["diagnostics"]))' "$OUT/check-$k.json" 2>/dev/null || echo '? ? ?')" \
    >>"$SCREEN"
done

if [ "${PHASES:-0}" = 1 ]; then
  say "FUNDFLOW_PHASES=1 at N=$LARGEST (bench/out/phases-*.txt)"
  B="$(base_of "$LARGEST")"
  LAST="$(meta "$B.meta" pay_date)"; REG_P="$(meta "$B.meta" register_project)"; PAY_P="$(meta "$B.meta" pay_project)"
  for k in mess errors; do
    J="$(journal_of "$LARGEST" "$k")"
    FUNDFLOW_PHASES=1 "$BIN" -f "$J" check >/dev/null 2>"$OUT/phases-$k-check.txt" || true
    FUNDFLOW_PHASES=1 "$BIN" -f "$J" status --json --as-of "$LAST" >/dev/null 2>"$OUT/phases-$k-status.txt" || true
    FUNDFLOW_PHASES=1 "$BIN" -f "$J" report monthly --month "${LAST:0:7}" --format html >/dev/null 2>"$OUT/phases-$k-report.txt" || true
    FUNDFLOW_PHASES=1 "$BIN" -f "$J" register "$REG_P" >/dev/null 2>"$OUT/phases-$k-register.txt" || true
    cp "$J" "$OUT/pay-copy.journal"
    FUNDFLOW_PHASES=1 "$BIN" -f "$OUT/pay-copy.journal" pay "$PAY_P" 1.00 --voucher 记-PHASES --date "$LAST" >/dev/null 2>"$OUT/phases-$k-pay.txt" || true
    rm -f "$OUT/pay-copy.journal"
    FUNDFLOW_PHASES=1 "$BIN" -f "$J" export --format csv >/dev/null 2>"$OUT/phases-$k-export.txt" || true
  done
fi

# ---- report -----------------------------------------------------------------------------
LEDGER_V="$(ledger --version 2>/dev/null | head -n 1 | awk '{print $2}' | tr -d , || echo -)"
MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $LOAD_BEFORE before / $(cut -d' ' -f1-3 /proc/loadavg) after"
python3 bench/compare_report.py "$RESULTS" "$META_TSV" "$SCREEN" "$GOAL_AT" "$SPEED_GOAL" "$EXPORT_GOAL" \
  "$MEM_LIMIT_MB" "$RUNS" "$LEDGER_RUNS" "$BUILD_NOTE" "$LEDGER_V" "$MACHINE" "$(date -u '+%F %H:%M UTC')"

if [ "${#FAILED[@]}" -gt 0 ]; then
  echo
  echo "!!!!! ${#FAILED[@]} run(s) did not do what was expected (marked '!'; stderr kept in bench/out/):"
  printf '  %s\n' "${FAILED[@]}"
fi
exit 0
