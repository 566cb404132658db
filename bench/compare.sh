#!/usr/bin/env bash
# fundflow against ledger, hledger and `wc -l`, side by side, at several sizes.
#
#   bash bench/compare.sh                    # SIZES="10000 100000 1000000"
#   bash bench/compare.sh 10000 100000       # sizes as arguments (override SIZES)
#   SIZES="10000 20000" LINEAR="20000 40000" RUNS=2 bash bench/compare.sh
#
# For every size N it generates (or reuses) bench/out/journal-N-P-S.journal and its
# ledger/hledger twin bench/out/journal-N-P-S.ledger, then times, RUNS times each:
#
#   fundflow -f J check
#   fundflow -f J status --as-of LASTDATE          (LASTDATE = date of J's last entry)
#   fundflow -f J report monthly --month YYYY-MM   (the month of LASTDATE)
#   ledger   -f L bal
#   hledger  -f L bal
#   wc -l J                                        (the floor: reading the file once)
#
# with standard output to /dev/null, wall time from `date +%s%N`, peak RSS from GNU
# `/usr/bin/time -v`. It prints a table (median seconds, max peak MB, ratios), the same
# table in Markdown, a linearity verdict (fundflow time at 2N over time at N) and a
# memory verdict (fundflow peak RSS at 1M under 300 MB). The verdicts are a report:
# the script exits 0 even when one says FAIL. Not part of `swift test`.
#
# Environment knobs (all optional; see bench/README.md):
#   SIZES="10000 100000 1000000"  sizes N (entries requested from the generator)
#   RUNS=3            timed runs per command; the median wall time is reported
#   SLOW_RUNS=1       runs of ledger and hledger at N >= SLOW_FROM
#   SLOW_FROM=1000000 where SLOW_RUNS starts to apply
#   SKIP_LEDGER=1     do not time ledger          SKIP_HLEDGER=1  do not time hledger
#   LINEAR="A B"      the doubling pair for the linearity check; default: half the
#                     largest size and the largest (500000 1000000 by default);
#                     LINEAR=off skips it. Sizes not in SIZES get fundflow runs only.
#   LINEAR_MIN=100000 smallest N of the pair that gets a verdict (startup dominates below)
#   LINEAR_LO=1.6 LINEAR_HI=2.6   time growth per doubling of the entries: above HI fails
#                     (worse than linear); below LO passes as sublinear (fixed costs).
#                     Per doubling = 2 x time ratio / entries ratio: the generator's entry
#                     count is only roughly N, e.g. 466,532 for 500000
#   GOAL_AT=1000000   the size at which the memory and speed targets are checked
#   MEM_LIMIT_MB=300  memory target: fundflow peak RSS at GOAL_AT below this
#   SPEED_GOAL=25     speed target: ledger bal time / fundflow check time at GOAL_AT
#   PROJECTS=2000 SEED=1 SEAL=1   generator parameters (as in run.sh)
#   FUNDFLOW_BIN=path time this binary (no build)   SKIP_BUILD=1  use the existing build
#   SCRATCH_PATH=dir  swift build --scratch-path dir (default: SwiftPM's .build)
set -euo pipefail

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
}
die_usage() { echo "compare.sh: $*" >&2; echo "usage: bash bench/compare.sh [N ...]   (see bash bench/compare.sh --help)" >&2; exit 2; }

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
if [ "$#" -gt 0 ]; then
  for a in "$@"; do
    case "$a" in -*) die_usage "unknown option: $a" ;; esac
  done
  SIZES="$*"
fi

SIZES="${SIZES-10000 100000 1000000}"   # set but empty is a usage error below
RUNS="${RUNS:-3}"
SLOW_RUNS="${SLOW_RUNS:-1}"
SLOW_FROM="${SLOW_FROM:-1000000}"
PROJECTS="${PROJECTS:-2000}"
SEED="${SEED:-1}"
LINEAR_MIN="${LINEAR_MIN:-100000}"
LINEAR_LO="${LINEAR_LO:-1.6}"
LINEAR_HI="${LINEAR_HI:-2.6}"
GOAL_AT="${GOAL_AT:-1000000}"
MEM_LIMIT_MB="${MEM_LIMIT_MB:-300}"
SPEED_GOAL="${SPEED_GOAL:-25}"

is_posint() { case "$1" in ''|*[!0-9]*) return 1 ;; esac; [ "$1" -ge 1 ] 2>/dev/null; }
is_num() { [[ "$1" =~ ^[0-9]+(\.[0-9]+)?$ ]]; }

read -r -a SIZE_LIST <<<"$SIZES"
[ "${#SIZE_LIST[@]}" -ge 1 ] || die_usage "SIZES is empty"
for n in "${SIZE_LIST[@]}"; do is_posint "$n" || die_usage "size '$n' is not a positive integer"; done
for v in RUNS SLOW_RUNS SLOW_FROM PROJECTS LINEAR_MIN GOAL_AT; do
  is_posint "${!v}" || die_usage "$v must be a positive integer (got '${!v}')"
done
case "$SEED" in ''|*[!0-9]*) die_usage "SEED must be a non-negative integer (got '$SEED')" ;; esac
for v in LINEAR_LO LINEAR_HI MEM_LIMIT_MB SPEED_GOAL; do
  is_num "${!v}" || die_usage "$v must be a number (got '${!v}')"
done
# sort the sizes numerically, drop duplicates
mapfile -t SIZE_LIST < <(printf '%s\n' "${SIZE_LIST[@]}" | sort -n -u)
LARGEST="${SIZE_LIST[${#SIZE_LIST[@]}-1]}"

LINEAR="${LINEAR:-auto}"
LIN_A="" LIN_B=""
case "$LINEAR" in
  off|none|0) ;;
  auto)
    if [ "$LARGEST" -ge 2 ]; then LIN_A=$((LARGEST / 2)); LIN_B="$LARGEST"; fi ;;
  *)
    read -r LIN_A LIN_B LIN_REST <<<"$LINEAR"
    { is_posint "${LIN_A:-}" && is_posint "${LIN_B:-}" && [ -z "${LIN_REST:-}" ] && [ "$LIN_A" -lt "$LIN_B" ]; } \
      || die_usage "LINEAR must be 'A B' with A < B (e.g. '500000 1000000'), 'auto' or 'off' (got '$LINEAR')" ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

say() { printf '==> %s\n' "$*"; }
warn() { printf '\n!!!!! WARNING: %s\n\n' "$*" >&2; }

# ---- tools ------------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
apt_install() {   # apt_install PACKAGE: install a Debian package, updating the lists once if needed
  say "installing the Debian package '$1' (apt-get install -y $1)"
  if $SUDO apt-get install -y "$1" >"$OUT/apt-$1.log" 2>&1; then return 0; fi
  $SUDO apt-get update >>"$OUT/apt-$1.log" 2>&1 || true
  $SUDO apt-get install -y "$1" >>"$OUT/apt-$1.log" 2>&1
}

TIME_BIN=/usr/bin/time
if ! [ -x "$TIME_BIN" ] || ! "$TIME_BIN" -v true >/dev/null 2>&1; then
  if ! apt_install time || ! "$TIME_BIN" -v true >/dev/null 2>&1; then
    echo "compare.sh: GNU time (/usr/bin/time) is needed and could not be installed (log: $OUT/apt-time.log)" >&2
    exit 1
  fi
fi
command -v python3 >/dev/null 2>&1 || { echo "compare.sh: python3 is needed (generator and summary)" >&2; exit 1; }

DO_LEDGER=1 DO_HLEDGER=1
[ "${SKIP_LEDGER:-0}" = 1 ] && DO_LEDGER=0
[ "${SKIP_HLEDGER:-0}" = 1 ] && DO_HLEDGER=0
for t in ledger hledger; do
  flag="DO_${t^^}"
  [ "${!flag}" = 1 ] || continue
  if ! command -v "$t" >/dev/null 2>&1; then
    if ! apt_install "$t" || ! command -v "$t" >/dev/null 2>&1; then
      warn "$t is missing and 'apt-get install -y $t' failed (log: $OUT/apt-$t.log); $t is skipped"
      printf -v "$flag" 0
    fi
  fi
done

# ---- fundflow binary --------------------------------------------------------------------
BUILD_NOTE=""
if [ -n "${FUNDFLOW_BIN:-}" ]; then
  BIN="$FUNDFLOW_BIN"
  BUILD_NOTE="FUNDFLOW_BIN=$FUNDFLOW_BIN"
else
  SWIFT_ARGS=(-c release)
  [ -n "${SCRATCH_PATH:-}" ] && SWIFT_ARGS+=(--scratch-path "$SCRATCH_PATH")
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    command -v swift >/dev/null 2>&1 || { echo "compare.sh: swift is not on PATH (set FUNDFLOW_BIN to time a built binary)" >&2; exit 1; }
    say "swift build ${SWIFT_ARGS[*]}"
    if ! swift build "${SWIFT_ARGS[@]}" >"$OUT/build.log" 2>&1; then
      tail -n 40 "$OUT/build.log" >&2
      echo "compare.sh: release build failed (full log: $OUT/build.log)" >&2
      exit 1
    fi
    tail -n 1 "$OUT/build.log"
  fi
  BINDIR="$(swift build "${SWIFT_ARGS[@]}" --show-bin-path 2>/dev/null || true)"
  [ -n "$BINDIR" ] || BINDIR="${SCRATCH_PATH:-$ROOT/.build}/release"
  BIN="$BINDIR/fundflow"
  BUILD_NOTE="release build of the working tree at $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo '?')"
fi
if ! [ -x "$BIN" ]; then
  echo "compare.sh: no fundflow binary at $BIN (did the build fail?)" >&2
  exit 1
fi

# ---- journals ---------------------------------------------------------------------------
SEAL_FLAG="" SUFFIX=""
if [ "${SEAL:-0}" = 1 ]; then SEAL_FLAG="--seal"; SUFFIX="-sealed"; fi
GEN_HASH="$(sha256sum bench/gen_journal.py | cut -d' ' -f1)"

journal_of() { printf '%s/journal-%s-%s-%s%s.journal' "$OUT" "$1" "$PROJECTS" "$SEED" "$SUFFIX"; }
ledger_of() { printf '%s/journal-%s-%s-%s%s.ledger' "$OUT" "$1" "$PROJECTS" "$SEED" "$SUFFIX"; }

ensure_journal() {   # ensure_journal N: generate journal + ledger twin unless cached
  local n="$1" j l want
  j="$(journal_of "$n")"; l="$(ledger_of "$n")"
  # same stamp as run.sh for the journal (the journal does not depend on --ledger)
  want="$GEN_HASH $n $PROJECTS $SEED $SEAL_FLAG"
  if [ -f "$j" ] && [ -f "$l" ] && [ "$(cat "$j.stamp" 2>/dev/null)" = "$want" ] \
     && [ "$(cat "$l.stamp" 2>/dev/null)" = "$want" ]; then
    say "reusing $(basename "$j") and $(basename "$l")"
    return 0
  fi
  say "generating $n entries over $PROJECTS projects (seed $SEED) with the ledger twin"
  rm -f "$j.stamp" "$l.stamp"
  python3 bench/gen_journal.py --entries "$n" --projects "$PROJECTS" --seed "$SEED" \
    $SEAL_FLAG --out "$j" --ledger "$l"
  printf '%s\n' "$want" >"$j.stamp"
  printf '%s\n' "$want" >"$l.stamp"
}

last_date() {   # date of the last dated line of the journal
  tail -n 100 "$1" | grep -oE '^[0-9]{4}-[0-9]{2}-[0-9]{2}' | tail -n 1
}

# ---- timing -----------------------------------------------------------------------------
RESULTS="$OUT/compare-results.tsv"
: >"$RESULTS"
FAILED_CMDS=()

time_cmd() {   # time_cmd N TOOL RUNS CMD...   appends "N TOOL run wall_ns rss_kb rc" lines
  local n="$1" tool="$2" runs="$3"; shift 3
  local i t0 t1 rc rss tf ef
  for ((i = 1; i <= runs; i++)); do
    tf="$OUT/time-$n-$tool-$i.txt"; ef="$OUT/$tool-$n-$i.stderr"
    set +e
    t0="$(date +%s%N)"
    "$TIME_BIN" -v -o "$tf" "$@" >/dev/null 2>"$ef"
    rc=$?
    t1="$(date +%s%N)"
    set -e
    rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf" 2>/dev/null || true)"
    rss="${rss:-0}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$i" "$((t1 - t0))" "$rss" "$rc" >>"$RESULTS"
    printf '    %-16s run %d/%d: %9.3f s  %8.1f MB  exit %d\n' "$tool" "$i" "$runs" \
      "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')" \
      "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$rc"
    if [ "$rc" -eq 0 ] && [ -s "$ef" ] && [ "$tool" != wc ]; then
      printf '      (exit 0 but standard error is not empty, %s: %s)\n' "$ef" "$(head -c 160 "$ef" | head -n 1)"
    fi
    if [ "$rc" -ne 0 ]; then
      FAILED_CMDS+=("N=$n $tool run $i: exit $rc ($*)")
      warn "$tool at N=$n exited $rc (expected 0): $*
first lines of its standard error ($ef):
$(head -n 8 "$ef" | sed 's/^/    /')"
    fi
  done
}

# all sizes to measure: SIZES (every tool) and the linearity pair (fundflow only if extra)
ALL_SIZES=("${SIZE_LIST[@]}")
[ -n "$LIN_A" ] && ALL_SIZES+=("$LIN_A" "$LIN_B")
mapfile -t ALL_SIZES < <(printf '%s\n' "${ALL_SIZES[@]}" | sort -n -u)
in_sizes() { local x; for x in "${SIZE_LIST[@]}"; do [ "$x" = "$1" ] && return 0; done; return 1; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
META="$OUT/compare-meta.tsv"
: >"$META"
say "fundflow: $BIN ($BUILD_NOTE)"
for n in "${ALL_SIZES[@]}"; do
  ensure_journal "$n"
  J="$(journal_of "$n")"; L="$(ledger_of "$n")"
  LAST="$(last_date "$J")"
  [ -n "$LAST" ] || { echo "compare.sh: no dated line at the end of $J" >&2; exit 1; }
  MONTH="${LAST:0:7}"
  ENTRIES="$(grep -cvE '^[[:space:]]*([#;]|$)' "$J" || true)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$ENTRIES" "$(stat -c %s "$J")" "$(stat -c %s "$L")" "$LAST" \
    "$(in_sizes "$n" && echo full || echo linear)" >>"$META"
  cat "$J" "$L" >/dev/null   # warm the page cache so the first run is not a disk read
  say "N=$n: $ENTRIES entries, last date $LAST"
  R="$RUNS"
  time_cmd "$n" wc "$R" wc -l "$J"
  time_cmd "$n" fundflow-check "$R" "$BIN" -f "$J" check
  time_cmd "$n" fundflow-status "$R" "$BIN" -f "$J" status --as-of "$LAST"
  time_cmd "$n" fundflow-report "$R" "$BIN" -f "$J" report monthly --month "$MONTH"
  in_sizes "$n" || continue
  SR="$RUNS"; [ "$n" -ge "$SLOW_FROM" ] && SR="$SLOW_RUNS"
  if [ "$DO_LEDGER" = 1 ]; then time_cmd "$n" ledger "$SR" ledger -f "$L" bal; fi
  if [ "$DO_HLEDGER" = 1 ]; then time_cmd "$n" hledger "$SR" hledger -f "$L" bal; fi
done

# ---- report -----------------------------------------------------------------------------
LEDGER_V="$([ "$DO_LEDGER" = 1 ] && ledger --version 2>/dev/null | head -n 1 | awk '{print $2}' | tr -d , || echo -)"
HLEDGER_V="$([ "$DO_HLEDGER" = 1 ] && hledger --version 2>/dev/null | head -n 1 | awk '{print $2}' | tr -d , || echo -)"
MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average $LOAD_BEFORE before / $(cut -d' ' -f1-3 /proc/loadavg) after"
python3 - "$RESULTS" "$META" "$LIN_A" "$LIN_B" "$LINEAR_MIN" "$LINEAR_LO" "$LINEAR_HI" \
  "$GOAL_AT" "$MEM_LIMIT_MB" "$SPEED_GOAL" "$RUNS" "$SLOW_RUNS" "$SLOW_FROM" \
  "$BUILD_NOTE" "$LEDGER_V" "$HLEDGER_V" "$MACHINE" "$(date +%F)" <<'PY'
import statistics, sys
from collections import defaultdict

(res_path, meta_path, lin_a, lin_b, lin_min, lin_lo, lin_hi, goal_at, mem_limit, speed_goal,
 runs, slow_runs, slow_from, build_note, ledger_v, hledger_v, machine, today) = sys.argv[1:]
lin_min, lin_lo, lin_hi = int(lin_min), float(lin_lo), float(lin_hi)
goal_at, mem_limit, speed_goal = int(goal_at), float(mem_limit), float(speed_goal)

walls, rss, rcs = defaultdict(list), defaultdict(int), defaultdict(list)
for line in open(res_path, encoding="utf-8"):
    n, tool, _run, ns, kb, rc = line.rstrip("\n").split("\t")
    key = (int(n), tool)
    walls[key].append(int(ns) / 1e9)
    rss[key] = max(rss[key], int(kb))
    rcs[key].append(int(rc))
meta = {}
for line in open(meta_path, encoding="utf-8"):
    n, entries, jb, lb, last, kind = line.rstrip("\n").split("\t")
    meta[int(n)] = dict(entries=int(entries), mb=int(jb) / 1e6, lmb=int(lb) / 1e6, last=last, kind=kind)

def med(n, tool):
    w = walls.get((n, tool))
    return statistics.median(w) if w else None

def mb(n, tool):
    return rss[(n, tool)] / 1024 if (n, tool) in walls else None

def bad(n, tool):
    return any(rc != 0 for rc in rcs.get((n, tool), []))

def s(n, tool):
    v = med(n, tool)
    return "—" if v is None else f"{v:.3f}" + ("!" if bad(n, tool) else "")

def m(n, tool):
    v = mb(n, tool)
    return "—" if v is None else f"{v:.1f}"

def ratio(a, b):
    return "—" if a is None or b is None or b <= 0 else f"{a / b:.1f}×"

tools = [("fundflow-check", "check"), ("fundflow-status", "status"),
         ("fundflow-report", "report monthly"), ("ledger", "ledger bal"),
         ("hledger", "hledger bal"), ("wc", "wc -l")]
sizes = sorted(n for n in meta if meta[n]["kind"] == "full")

header = ["N", "entries", "MB"]
for _, name in tools:
    header += [f"{name} s", f"{name} MB"]
header += ["ledger/check", "hledger/check", "check/wc"]
rows = []
for n in sizes:
    c = med(n, "fundflow-check")
    row = [f"{n}", f"{meta[n]['entries']:,}", f"{meta[n]['mb']:.1f}"]
    for t, _ in tools:
        row += [s(n, t), m(n, t)]
    row += [ratio(med(n, "ledger"), c), ratio(med(n, "hledger"), c), ratio(c, med(n, "wc"))]
    rows.append(row)

print()
print("=" * 100)
print(f"fundflow vs ledger / hledger / wc -l   ({today}; {machine})")
print(f"  fundflow: {build_note}")
print(f"  ledger {ledger_v}, hledger {hledger_v}; median wall seconds of {runs} runs "
      f"(ledger and hledger: {slow_runs} at N >= {slow_from}), peak RSS MB = max over the runs")
print(f"  ratios: ledger/check = ledger bal time / fundflow check time (higher is better for fundflow);")
print(f"          check/wc = fundflow check time / wc -l time (how far above the floor); '!' = non-zero exit")
print()
# plain table, two header lines (tool over its "s" column, then "s" / "MB")
top = ["N", "entries", "MB"]
for _, name in tools:
    top += [name.replace(" monthly", "").replace(" bal", ""), ""]
top += ["ledger/", "hledger/", "check/"]
sub = ["", "", ""] + ["s", "MB"] * len(tools) + ["check", "check", "wc"]
widths = [max(len(x) for x in col) for col in zip(top, sub, *rows)]
fmt = lambda r: "  ".join(x.rjust(w) for x, w in zip(r, widths))
print(fmt(top)); print(fmt(sub)); print("  ".join("-" * w for w in widths))
for r in rows:
    print(fmt(r))
print()
print(f"  journals: " + "; ".join(f"{n}: {meta[n]['mb']:.1f} MB + ledger twin {meta[n]['lmb']:.1f} MB, "
                                     f"last date {meta[n]['last']}" for n in sizes))

print()
print("Markdown (for bench/README.md):")
print()
print("| " + " | ".join(header) + " |")
print("|" + "|".join("---:" for _ in header) + "|")
for r in rows:
    print("| " + " | ".join(r) + " |")

# ---- verdicts ---------------------------------------------------------------------------
print()
print("Verdicts")
if not lin_a:
    print("  linearity: SKIPPED (LINEAR=off or no pair)")
else:
    a, b = int(lin_a), int(lin_b)
    ea, eb = meta[a]["entries"], meta[b]["entries"]
    note = ""
    if a < lin_min:
        note = f"  [no verdict: {a} < LINEAR_MIN={lin_min}, startup dominates]"
    print(f"  linearity: N {a} -> {b}: {ea:,} -> {eb:,} entries (x{eb / ea:.2f}). 'per doubling' = 2 x time ratio"
          f" / entries ratio; PASS if at most {lin_hi} (no worse than linear; below {lin_lo} the fixed"
          f" costs — start-up, threads, the per-project report — are still visible){note}")
    for t, name in tools[:3]:
        ta, tb = med(a, t), med(b, t)
        if ta is None or tb is None:
            continue
        r = tb / ta
        per2 = 2 * r / (eb / ea)
        if bad(a, t) or bad(b, t):
            verdict = "INVALID (non-zero exit)  <<<<<<<<<<"
        elif a < lin_min:
            verdict = "(info)"
        else:
            verdict = "FAIL  <<<<<<<<<<" if per2 > lin_hi else ("PASS" if per2 >= lin_lo else "PASS (sublinear: fixed costs)")
        marginal = (tb - ta) / (eb - ea) * 1e6 if eb != ea else float("nan")
        print(f"    fundflow {name:<15} {ta:8.3f} s -> {tb:8.3f} s   x{r:5.2f}   per doubling x{per2:5.2f}"
              f"   {marginal:5.2f} µs per added entry   {verdict}")

if goal_at not in meta:
    print(f"  memory:    SKIPPED (GOAL_AT={goal_at} was not measured; add it to SIZES)")
else:
    print(f"  memory:    peak RSS at N={goal_at} must stay under {mem_limit:g} MB")
    for t, name in tools[:3]:
        v = mb(goal_at, t)
        if v is None:
            continue
        verdict = "PASS" if v < mem_limit else "FAIL  <<<<<<<<<<"
        if bad(goal_at, t):
            verdict = "INVALID (non-zero exit)  <<<<<<<<<<"
        print(f"    fundflow {name:<15} {v:8.1f} MB   {verdict}")
c, l = med(goal_at, "fundflow-check"), med(goal_at, "ledger")
if c and l:
    r = l / c
    verdict = "PASS" if r >= speed_goal else "FAIL  <<<<<<<<<<"
    if bad(goal_at, "fundflow-check") or bad(goal_at, "ledger"):
        verdict = "INVALID (non-zero exit)  <<<<<<<<<<"
    print(f"  speed:     ledger bal / fundflow check at N={goal_at} = {r:.1f}x, goal >= {speed_goal:g}x   {verdict}")
else:
    print(f"  speed:     SKIPPED (fundflow check and ledger bal not both timed at GOAL_AT={goal_at})")
PY

if [ "${#FAILED_CMDS[@]}" -gt 0 ]; then
  echo
  echo "!!!!! ${#FAILED_CMDS[@]} run(s) exited non-zero (marked '!' in the table; stderr kept in bench/out/):"
  printf '  %s\n' "${FAILED_CMDS[@]}"
fi
exit 0
