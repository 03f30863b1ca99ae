#!/usr/bin/env python3
"""Acceptance check: extraction quality on the shared seeds and PolNeAR dev sets.

Runs the real binary, scores its output with ../shared/eval/score_quotes.py and checks each
target as one counted test:

    seeds        parts-0.8 F1 >= 0.97, speaker_name_accuracy >= 0.95, kind_accuracy >= 0.90 (θ=0.8)
    polnear-dev  parts-0.8 F1 >= 0.95, speaker_mention_accuracy >= 0.85 (θ=0.8)

A set whose data is absent (no ../shared next to the repository) is skipped, not failed.

    tests/acceptance/seeds.py                  both sets
    tests/acceptance/seeds.py seeds            one set (seeds | polnear-dev)
    tests/acceptance/seeds.py --errors 10      also list misses / false positives / wrong speakers
    tests/acceptance/seeds.py --bin PATH       binary (default: $QUOTECHECK_BIN or build/quotecheck)
    tests/acceptance/seeds.py --shared DIR     shared data (default: $QUOTECHECK_SHARED or ../shared)

Ends with one line "acceptance: N passed, N failed"; exits 1 when a target is missed.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# (set name, criterion in the scorer's "match" table, figure, minimum)
TARGETS = {
    "seeds": [("parts-0.8", "f1", 0.97), ("0.8", "speaker_name_accuracy", 0.95),
              ("0.8", "kind_accuracy", 0.90)],
    "polnear-dev": [("parts-0.8", "f1", 0.95), ("0.8", "speaker_mention_accuracy", 0.85)],
}


def inputs(shared, name):
    """(input paths, gold, ignore) for a set, or None when its data is missing."""
    if name == "seeds":
        docs = sorted(glob.glob(str(shared / "seeds" / "*.txt")))
        gold, ignore = shared / "seeds" / "gold.jsonl", None
    else:
        base = shared / "polnear" / "dev"
        docs = [str(base / "docs")] if (base / "docs").is_dir() else []
        gold, ignore = base / "gold.jsonl", base / "mixed.jsonl"
    if not docs or not gold.is_file():
        return None
    return docs, gold, (ignore if ignore and ignore.is_file() else None)


def check_set(binary, shared, name, errors):
    """Returns (passed, failed) for one set, printing one line per target."""
    found = inputs(shared, name)
    if found is None:
        print(f"skip {name}: no data under {shared}")
        return 0, 0
    docs, gold, ignore = found
    targets = TARGETS[name]
    with tempfile.NamedTemporaryFile("w+b", suffix=".jsonl", prefix=f"qc-{name}-") as out:
        proc = subprocess.run([binary, "extract", "--format", "jsonl"] + docs, cwd=ROOT,
                              stdout=out, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            print(f"warn {name}: quotecheck exited {proc.returncode}"
                  + (f"; stderr: {err[-1]}" if err else ""))
        out.flush()
        cmd = [sys.executable, str(shared / "eval" / "score_quotes.py"), str(gold), out.name, "--json"]
        if ignore:
            cmd += ["--ignore", str(ignore)]
        if errors:
            cmd += ["--errors", str(errors), "--docs", os.path.dirname(docs[0]) if name == "seeds" else docs[0]]
        scored = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if errors and scored.stderr:
            sys.stdout.write(scored.stderr.decode("utf-8", "replace"))
        try:
            report = json.loads(scored.stdout)
        except json.JSONDecodeError:
            print(f"FAIL {name}: the scorer failed: {scored.stderr.decode('utf-8', 'replace').strip()}")
            return 0, len(targets)
    passed = failed = 0
    for criterion, figure, minimum in targets:
        r = report["match"][criterion]
        value = r.get(figure)
        ok = value is not None and value >= minimum
        extra = ""
        if figure == "f1":
            extra = f" (P {r['precision'] or 0:.3f} R {r['recall'] or 0:.3f}, {r['tp_recall']}/{r['gold_counted']} found, {r['fp']} FP)"
        elif figure.endswith("_accuracy"):
            what = figure[: -len("_accuracy")]
            extra = f" ({r[what + '_correct']}/{r[what + '_n']})"
        shown = "n/a" if value is None else f"{value:.3f}"
        print(f"{'ok  ' if ok else 'FAIL'} {name} {criterion} {figure} = {shown} (target >= {minimum}){extra}")
        passed += ok
        failed += not ok
    return passed, failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", help=" | ".join(TARGETS))
    ap.add_argument("--bin", default=os.environ.get("QUOTECHECK_BIN", "build/quotecheck"))
    ap.add_argument("--shared", default=os.environ.get("QUOTECHECK_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--errors", type=int, default=0, metavar="N")
    opts = ap.parse_args()
    for name in opts.sets:
        if name not in TARGETS:
            ap.error(f"unknown set {name!r} (choose from {', '.join(TARGETS)})")
    # Relative to the repository root, as a user would type it (../shared/seeds/a.txt).
    shared = Path(os.path.relpath(Path(opts.shared).resolve(), ROOT))
    binary = opts.bin if os.path.isabs(opts.bin) else str(ROOT / opts.bin)
    if not shared.is_dir():
        print(f"skip: {shared} does not exist")
        print("acceptance: 0 passed, 0 failed")
        return 0
    if not os.access(binary, os.X_OK):
        print(f"FAIL: no executable {binary}")
        print("acceptance: 0 passed, 1 failed")
        return 1
    passed = failed = 0
    for name in opts.sets or list(TARGETS):
        p, f = check_set(binary, shared, name, opts.errors)
        passed += p
        failed += f
    print(f"acceptance: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
