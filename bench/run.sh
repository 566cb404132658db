#!/usr/bin/env bash
# Benchmark `fundflow check` on a large generated journal.
# (For fundflow against ledger, hledger and wc -l at several sizes, see bench/compare.sh.)
#
#   bash bench/run.sh [N]          # N entries, default 1000000
#
# Environment knobs (all optional):
#   PROJECTS=2000   projects in the journal        SEED=1       generator seed
#   RUNS=3          timed runs (median reported)   VALIDATE=1   also run validate_gen.py
#   SEAL=1          generate 封账 lines too         SKIP_BUILD=1 use the existing binary
#   FUNDFLOW_BIN=path  time this binary instead of .build/release/fundflow (implies no build)
#
# Builds fundflow in release mode, generates bench/out/journal-N-P-S.journal (reused
# while the generator and its parameters are unchanged), then times
# `fundflow -f FILE check` with GNU time and prints entries, MB, median wall seconds,
# entries/s, MB/s and peak RSS.
set -euo pipefail

N="${1:-1000000}"
PROJECTS="${PROJECTS:-2000}"
SEED="${SEED:-1}"
RUNS="${RUNS:-3}"

case "$N" in
  ''|*[!0-9]*) echo "usage: bash bench/run.sh [N]   (N = number of entries, a positive integer)" >&2; exit 2 ;;
esac
if [ "$N" -lt 1 ] || [ "$RUNS" -lt 1 ]; then
  echo "run.sh: N and RUNS must be at least 1" >&2; exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

say() { printf '==> %s\n' "$*"; }

# ---- GNU time -------------------------------------------------------------------------
TIME_BIN=/usr/bin/time
if ! [ -x "$TIME_BIN" ] || ! "$TIME_BIN" -v true >/dev/null 2>&1; then
  say "GNU time missing: installing the Debian package 'time'"
  if ! apt-get install -y time >/dev/null 2>&1; then
    apt-get update >/dev/null 2>&1 || true
    apt-get install -y time >/dev/null
  fi
fi

# ---- build ----------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ] && [ -z "${FUNDFLOW_BIN:-}" ]; then
  say "swift build -c release"
  if ! swift build -c release >"$OUT/build.log" 2>&1; then
    tail -n 40 "$OUT/build.log" >&2
    echo "run.sh: release build failed (full log: $OUT/build.log)" >&2
    exit 1
  fi
  tail -n 1 "$OUT/build.log"
fi
if [ -n "${FUNDFLOW_BIN:-}" ]; then
  BIN="$FUNDFLOW_BIN"
else
  BIN="$(swift build -c release --show-bin-path 2>/dev/null || echo "$ROOT/.build/release")/fundflow"
fi
if ! [ -x "$BIN" ]; then
  echo "run.sh: no binary at $BIN (did the build fail?)" >&2
  exit 1
fi

# ---- journal --------------------------------------------------------------------------
SEAL_FLAG=""
SUFFIX=""
if [ "${SEAL:-0}" = 1 ]; then SEAL_FLAG="--seal"; SUFFIX="-sealed"; fi
JOURNAL="$OUT/journal-$N-$PROJECTS-$SEED$SUFFIX.journal"
STAMP="$JOURNAL.stamp"
WANT_STAMP="$(sha256sum bench/gen_journal.py | cut -d' ' -f1) $N $PROJECTS $SEED $SEAL_FLAG"
if [ -f "$JOURNAL" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT_STAMP" ]; then
  say "reusing $JOURNAL"
else
  say "generating $N entries over $PROJECTS projects (seed $SEED)"
  rm -f "$STAMP"
  python3 bench/gen_journal.py --entries "$N" --projects "$PROJECTS" --seed "$SEED" \
    $SEAL_FLAG --out "$JOURNAL"
  printf '%s\n' "$WANT_STAMP" > "$STAMP"
fi
if [ "${VALIDATE:-0}" = 1 ]; then
  say "validating with bench/validate_gen.py"
  python3 bench/validate_gen.py "$JOURNAL"
fi

ENTRIES="$(grep -cvE '^[[:space:]]*([#;]|$)' "$JOURNAL" || true)"
BYTES="$(stat -c %s "$JOURNAL")"

# ---- timed runs -----------------------------------------------------------------------
say "timing: $BIN -f $(basename "$JOURNAL") check  ($RUNS runs)"
WALLS=()
RSS_KB=0
for i in $(seq 1 "$RUNS"); do
  TFILE="$OUT/time-$i.txt"
  ERRFILE="$OUT/check-$i.stderr"
  set +e
  T0="$(date +%s%N)"
  "$TIME_BIN" -v -o "$TFILE" "$BIN" -f "$JOURNAL" check >/dev/null 2>"$ERRFILE"
  RC=$?
  T1="$(date +%s%N)"
  set -e
  # wall time measured here in ns (GNU time only prints it to 10 ms)
  WALL="$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
  RSS="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TFILE")"
  RSS="${RSS:-0}"
  [ "$RSS" -gt "$RSS_KB" ] && RSS_KB="$RSS"
  WALLS+=("$WALL")
  printf '    run %d: %8s s  %8.1f MB RSS  exit %d\n' "$i" "$WALL" "$(awk -v k="$RSS" 'BEGIN{print k/1024}')" "$RC"
  if [ "$RC" -ne 0 ]; then
    echo "    WARNING: fundflow check exited $RC (expected 0); first lines of its stderr ($ERRFILE):"
    head -n 5 "$ERRFILE" | sed 's/^/      /'
  fi
done

# ---- summary --------------------------------------------------------------------------
python3 - "$ENTRIES" "$BYTES" "$RSS_KB" "$N" "${WALLS[@]}" <<'PY'
import statistics, sys
entries, nbytes, rss_kb, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
walls = [float(w) for w in sys.argv[5:]]
med = statistics.median(walls)
mb = nbytes / 1e6
eps = entries / med if med > 0 else float("nan")
mbps = mb / med if med > 0 else float("nan")
print()
print("fundflow check benchmark")
print(f"  entries        {entries:>14,}")
print(f"  file           {mb:>14.1f} MB")
print(f"  median wall    {med:>14.3f} s   (runs: {', '.join(f'{w:.3f}' for w in walls)})")
print(f"  throughput     {eps:>14,.0f} entries/s")
print(f"  throughput     {mbps:>14.1f} MB/s")
print(f"  peak RSS       {rss_kb / 1024:>14.1f} MB")
print()
print("README row:")
print(f"| {n} | {entries:,} | {mb:.1f} | {med:.3f} | {eps:,.0f} | {mbps:.1f} | {rss_kb / 1024:.1f} |")
PY
