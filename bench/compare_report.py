#!/usr/bin/env python3
"""Summarise bench/compare.sh's raw results: Markdown tables and verdicts (issue 10).

    python3 bench/compare_report.py RESULTS META SCREEN GOAL_AT SPEED_GOAL EXPORT_GOAL \
        MEM_LIMIT_MB RUNS LEDGER_RUNS BUILD_NOTE LEDGER_VERSION MACHINE DATE

RESULTS: N journal command run wall_ns rss_kb rc ok (tab-separated, one line per run);
journal "ledger" holds the ledger/hledger runs. META: N entries mess_bytes ledger_bytes
last_date register pay. SCREEN: journal lines_printed diagnostics_printed
diagnostics_with_all "errors warnings diagnostics" (from check --format json).
"""

import json
import statistics
import sys
from collections import defaultdict

COMMANDS = ["check", "status", "report", "register", "pay", "export"]
LABEL = {
    "check": "`check`",
    "status": "`status --json`",
    "report": "`report monthly --format html`",
    "register": "`register P`",
    "pay": "`pay` (one payment)",
    "export": "`export --format csv`",
}
JOURNALS = ["clean", "mess", "errors"]
JUDGED = ["mess", "errors"]


def load(res_path):
    walls, cpus, rss, bad = defaultdict(list), defaultdict(list), defaultdict(int), defaultdict(bool)
    for line in open(res_path, encoding="utf-8"):
        n, k, c, _run, ns, kb, _rc, ok, cpu = line.rstrip("\n").split("\t")
        key = (int(n), k, c)
        walls[key].append(int(ns) / 1e9)
        cpus[key].append(float(cpu))
        rss[key] = max(rss[key], int(kb))
        bad[key] |= ok != "1"
    med = {key: statistics.median(v) for key, v in walls.items()}
    mb = {key: rss[key] / 1024 for key in walls}
    cpu = {key: statistics.median(v) for key, v in cpus.items()}
    return med, cpu, mb, bad


def main(argv):
    (res_path, meta_path, screen_path, goal_at, speed_goal, export_goal, mem_limit, runs,
     ledger_runs, build_note, ledger_v, machine, when) = argv[1:]
    goal_at, speed_goal, export_goal = int(goal_at), float(speed_goal), float(export_goal)
    mem_limit = float(mem_limit)
    med, cpu, mb, bad = load(res_path)
    meta = {}
    for line in open(meta_path, encoding="utf-8"):
        n, entries, jb, lb, last, reg, pay = line.rstrip("\n").split("\t")
        meta[int(n)] = dict(entries=int(entries), mb=int(jb) / 1e6, lmb=int(lb) / 1e6,
                            last=last, reg=reg, pay=pay)
    journals = [k for k in JOURNALS if any(key[1] == k for key in med)]

    def cell_s(key):
        return "—" if key not in med else f"{med[key]:.3f}" + ("!" if bad[key] else "")

    def cell_cpu(key):
        return "—" if key not in cpu else f"{cpu[key]:.2f}"

    def cell_mb(key):
        return "—" if key not in mb else f"{mb[key]:.0f}"

    def ratio(n, k, c, table=None):
        table = med if table is None else table
        led, own = table.get((n, "ledger", "ledger")), table.get((n, k, c))
        return None if led is None or not own else led / own

    print()
    print("=" * 100)
    print(f"fundflow vs ledger bal — {when}")
    print(f"  machine: {machine}")
    print(f"  fundflow: {build_note}; ledger {ledger_v}")
    print(f"  median wall seconds (s) and CPU seconds, user + sys (cpu), of {runs} runs (ledger bal: "
          f"{ledger_runs}); peak RSS MB = max over the runs; ledger/x = ledger bal time ÷ fundflow time "
          f"(wall; in brackets CPU); '!' = unexpected exit code")
    print()
    print("Markdown (for bench/README.md):")
    for n in sorted(meta):
        m = meta[n]
        print()
        print(f"**N = {n:,}**: {m['entries']:,} entries, mess journal {m['mb']:.1f} MB, ledger twin "
              f"{m['lmb']:.1f} MB; register {m['reg']}, pay into {m['pay']} on {m['last']}")
        print()
        head = ["command"]
        for k in journals:
            head += [f"{k} s", f"{k} cpu", f"{k} MB"]
        head += [f"ledger/{k}" for k in journals if k in JUDGED]
        print("| " + " | ".join(head) + " |")
        print("|---|" + "|".join("---:" for _ in head[1:]) + "|")
        for c in COMMANDS:
            row = [LABEL[c]]
            for k in journals:
                row += [cell_s((n, k, c)), cell_cpu((n, k, c)), cell_mb((n, k, c))]
            for k in journals:
                if k in JUDGED:
                    r, rc = ratio(n, k, c), ratio(n, k, c, cpu)
                    row.append("—" if r is None else f"{r:.1f}× ({rc:.1f}×)")
            print("| " + " | ".join(row) + " |")
        for c in ("ledger", "hledger"):
            key = (n, "ledger", c)
            if key in med:
                row = [f"`{c} bal`", cell_s(key), cell_cpu(key), cell_mb(key)] + ["", "", ""] * (len(journals) - 1)
                row += [""] * len([k for k in journals if k in JUDGED])
                print("| " + " | ".join(row) + " |")

    print()
    print("Verdicts")
    print()
    print("```")
    if goal_at not in meta or (goal_at, "ledger", "ledger") not in med:
        print(f"speed/memory: SKIPPED (N={goal_at} with ledger bal was not measured)")
    else:
        led = med[(goal_at, "ledger", "ledger")]
        led_cpu = cpu.get((goal_at, "ledger", "ledger"), 0)
        print(f"at N={goal_at:,}: ledger bal {led:.3f} s (cpu {led_cpu:.2f} s); goals: ≥ {speed_goal:g}× faster "
              f"(export ≥ {export_goal:g}×), peak < {mem_limit:g} MB")
        for k in JUDGED:
            for c in COMMANDS:
                key = (goal_at, k, c)
                if key not in med:
                    continue
                goal = export_goal if c == "export" else speed_goal
                r = led / med[key]
                speed = "PASS" if r >= goal else (
                    f"FAIL (needs {goal / r:.2f}× faster: ≤ {led / goal:.3f} s)")
                mem = "PASS" if mb[key] < mem_limit else f"FAIL (+{mb[key] - mem_limit:.0f} MB)"
                if bad[key]:
                    speed = mem = "INVALID (unexpected exit)"
                rc = led_cpu / cpu[key] if cpu.get(key) else float("nan")
                print(f"  {k:<6} {c:<9} {med[key]:7.3f} s {r:6.1f}× (cpu {rc:5.1f}×)  speed {speed:<40} "
                      f"{mb[key]:6.0f} MB  memory {mem}")
    for line in open(screen_path, encoding="utf-8"):
        k, lines, shown, shown_all, js = line.rstrip("\n").split("\t")
        errors, warnings, total = js.split()
        print(f"check output on the {k} journal: {lines} lines printed ({shown} diagnostics); "
              f"--all printed {shown_all} diagnostics; JSON says {errors} errors + {warnings} warnings "
              f"= {total} diagnostics")
        try:
            kinds = len({d["code"] for d in json.load(open(screen_path.replace(
                "compare-screen.tsv", f"check-{k}.json"), encoding="utf-8"))["diagnostics"]})
        except (OSError, ValueError, KeyError):
            kinds = None
        if kinds is not None:
            screen_ok = int(shown) <= 20 * kinds and int(lines) <= 21 * kinds + 40
            all_ok = total != "?" and int(shown_all) == int(total)
            print(f"  {kinds} kinds: screenful (≤ 20 per kind + counts) "
                  f"{'PASS' if screen_ok else 'FAIL'}; --all prints every one "
                  f"{'PASS' if all_ok else 'FAIL'}")
    print("```")


if __name__ == "__main__":
    main(sys.argv)
