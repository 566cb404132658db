#!/usr/bin/env bash
# Builds a libFuzzer target over the Ledger sources and fuzzes it. See fuzz/README.md.
#
#   fuzz/run.sh SECONDS [TARGET]      fuzz for SECONDS (TARGET: journal, the default, values or import)
#   fuzz/run.sh repro FILE [TARGET]   run one input (a finding) and show what it trips
#   fuzz/run.sh minimize FILE [TARGET] shrink a finding to FILE.min
#   fuzz/run.sh build [TARGET]        only build
#
# Exit status: 0 no finding, 1 a finding (saved under fuzz/findings/), 2 usage or build error.
# Environment: FUZZ_VERBOSE=1 streams libFuzzer's output instead of only the summary.
set -uo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

build_dir=.build-fuzz
# libFuzzer and ASan print the stack of a finding themselves. Swift's own backtracer would
# race them for the crash signal and can leave the minimiser waiting on its pipe.
export SWIFT_BACKTRACE=enable=no
findings_dir=fuzz/findings
max_len=4096

build() {
    local target=$1
    local main=fuzz/Fuzz${target^}.swift
    [[ -f $main ]] || { echo "unknown target '$target' (journal, values, import)" >&2; exit 2; }
    # The import target reads spreadsheets: Sources/Interchange is compiled in with Ledger.
    local modules=(Sources/Ledger)
    [[ $target == import ]] && modules+=(Sources/Interchange)
    local binary=$build_dir/fuzz-$target
    mkdir -p "$build_dir"
    # Rebuild only when a source is newer than the binary.
    if [[ -x $binary ]] && [[ -z $(find "${modules[@]}" fuzz/FuzzChecks.swift "$main" "$0" -newer "$binary" 2>/dev/null) ]]; then
        echo "$binary is up to date" >&2
        return
    fi
    echo "building $binary (swiftc -sanitize=fuzzer,address -O) …" >&2
    local started=$SECONDS
    # Compile a snapshot: other work may be saving Sources/Ledger while swiftc runs.
    local snapshot=$build_dir/src-$target
    rm -rf "$snapshot" && mkdir -p "$snapshot"
    touch "$snapshot/.taken"
    local module
    for module in "${modules[@]}"; do cp -R "$module" "$snapshot/$(basename "$module")"; done
    cp fuzz/FuzzChecks.swift "$main" "$snapshot/"
    local sources
    sources=$(find "$snapshot" -name '*.swift' | LC_ALL=C sort)
    # The fuzz files are compiled into the Ledger module itself: internal API is visible
    # (Interchange's `import Ledger` then only draws a warning).
    # lld avoids gold's flood of "Cannot export local symbol" warnings for ASan's helpers.
    # shellcheck disable=SC2086
    if ! swiftc -sanitize=fuzzer,address -parse-as-library -module-name Ledger -O -g -use-ld=lld \
            $sources -o "$binary.tmp" 2> "$build_dir/build-$target.log"; then
        cat "$build_dir/build-$target.log" >&2
        echo "build failed" >&2
        exit 2
    fi
    mv "$binary.tmp" "$binary"
    touch -r "$snapshot/.taken" "$binary"   # an edit made during the build triggers the next one
    echo "built in $((SECONDS - started)) s" >&2
}

# libFuzzer options shared by every mode.
common_options() {
    local target=$1
    printf '%s\n' -max_len=$max_len -dict=fuzz/journal.dict -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings_dir/$target-"
}

mode=${1:-}
case $mode in
    ''|-h|--help) usage ;;
    build)
        build "${2:-journal}"
        exit 0 ;;
    repro)
        [[ -n ${2:-} && -f $2 ]] || usage
        target=${3:-journal}
        build "$target"
        mkdir -p "$findings_dir"
        mapfile -t options < <(common_options "$target")
        "$build_dir/fuzz-$target" "${options[@]}" "$2"
        exit $? ;;
    minimize)
        [[ -n ${2:-} && -f $2 ]] || usage
        target=${3:-journal}
        build "$target"
        mkdir -p "$findings_dir"
        mapfile -t options < <(common_options "$target")
        "$build_dir/fuzz-$target" "${options[@]}" -minimize_crash=1 -max_total_time=120 \
            -exact_artifact_path="$2.min" "$2" > "$build_dir/minimize.log" 2>&1
        if [[ -f $2.min ]]; then
            echo "minimised: $(wc -c < "$2.min") bytes (from $(wc -c < "$2")) in $2.min"
            od -c "$2.min" | head -20
        else
            tail -20 "$build_dir/minimize.log"
            echo "could not minimise (does $2 still trip the target?)" >&2
            exit 1
        fi
        exit 0 ;;
esac

[[ $mode =~ ^[0-9]+$ ]] || usage
seconds=$mode
target=${2:-journal}
build "$target"

seeds=fuzz/corpus/$target
work=$build_dir/corpus-$target
logs=$build_dir/logs
mkdir -p "$work" "$logs" "$findings_dir"
log=$logs/$target-$(date +%Y%m%d-%H%M%S).log
before=$(ls "$findings_dir" | grep -c "^$target-" || true)

mapfile -t options < <(common_options "$target")
echo "fuzzing '$target' for $seconds s: corpus $work (seeds $seeds), log $log" >&2
started=$SECONDS
# New inputs go to the first directory ($work, kept between runs); the seeds are read only.
if [[ ${FUZZ_VERBOSE:-0} == 1 ]]; then
    "$build_dir/fuzz-$target" "${options[@]}" -max_total_time="$seconds" -use_value_profile=1 \
        -print_final_stats=1 "$work" "$seeds" 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
else
    "$build_dir/fuzz-$target" "${options[@]}" -max_total_time="$seconds" -use_value_profile=1 \
        -print_final_stats=1 "$work" "$seeds" > "$log" 2>&1
    status=$?
fi
elapsed=$((SECONDS - started))

# Executions: the final stats, or on a crash the last status line (#N …).
executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
[[ -n $executions ]] || executions=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
after=$(ls "$findings_dir" | grep -c "^$target-" || true)
new_findings=$((after - before))

echo "target:      $target"
echo "wall time:   $elapsed s"
echo "executions:  ${executions:-?}${rate:+ ($rate/s)}"
echo "corpus:      $(ls "$work" | wc -l) inputs in $work"
[[ -n $rss ]] && echo "peak RSS:    $rss MB"
echo "findings:    $new_findings"
if (( status != 0 || new_findings > 0 )); then
    echo
    grep -m1 -A3 'FUZZ FINDING' "$log" || grep -m1 -A12 -E '==[0-9]+==ERROR|deadly signal|Fatal error' "$log"
    grep -E 'Test unit written to|artifact_prefix' "$log" | tail -2
    echo
    echo "reproduce: fuzz/run.sh repro FILE $target     minimise: fuzz/run.sh minimize FILE $target"
    echo "full log:  $log"
    exit 1
fi
exit 0
