#!/usr/bin/env python3
"""Acceptance check: `quotecheck lint` on the shared seeds (skipped when ../shared is absent).

Targets, each one counted test:

    seed-000-divergence   lint 000 --against 001 reports wording-divergence at the line:col of
                          "I think he wants to make a deal for me, you understand that?" with a
                          diff that adds "Do" and removes "that"
    seed-004-fragments    lint 004 --against 002: "the strongest possible position" (Keir
                          Starmer) and "going well" (Dan Scavino) are verified fragments: no
                          unverified-quote or misattribution finding on them, and each is
                          linked to a reference quotation with the same speaker

    tests/acceptance/lint.py [--bin PATH] [--shared DIR]

Ends with one line "lint-acceptance: N passed, N failed"; exits 1 when a target is missed.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def run(binary, args):
    proc = subprocess.run([binary, *args], cwd=ROOT, capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode()


def line_col(path, needle):
    """1-based line and column (in code points, as quotecheck counts) of `needle`."""
    text = Path(path).read_text(encoding="utf-8")
    at = text.index(needle)
    start = text.rfind("\n", 0, at) + 1
    return text.count("\n", 0, at) + 1, at - start + 1


def seed_000(binary, seeds):
    draft = seeds / "000_bda9fb09654f254b.txt"
    ref = seeds / "001_d38625b108b1a70f.txt"
    rc, out, err = run(binary, ["lint", "--no-color", str(draft), "--against", str(ref)])
    line, col = line_col(draft, "I think he wants to make a deal for me, you understand that?")
    head = f"{draft}:{line}:{col}: "
    lines = out.splitlines()
    for i, l in enumerate(lines):
        if l.startswith(head) and l.endswith("[wording-divergence]"):
            diff = lines[i + 3] if i + 3 < len(lines) else ""
            # From the reference's words to the draft's: [-ref-]{+draft+} (README "Word diffs").
            if "[-. Do-]" in diff and "{+that+}" in diff:
                return True, f"{head}… wording-divergence; diff: {diff.strip()}"
            return False, f"wording-divergence found but the diff is {diff!r}"
    return False, f"no wording-divergence at {head}(exit {rc}):\n{out}{err}"


def seed_004(binary, seeds):
    draft = seeds / "004_b0c51bd18036282c.txt"
    ref = seeds / "002_559663fab098a7b2.txt"
    rc, out, err = run(binary, ["lint", "--format", "jsonl", str(draft), "--against", str(ref)])
    records = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
    quotes = {(q["doc"], q["start"], q["end"]): q for q in records if q["type"] == "quote"}
    problems = []
    for text, speaker in [("the strongest possible position", "Keir Starmer"),
                          ("going well", "Dan Scavino")]:
        mine = [q for q in quotes.values()
                if q["doc"] == str(draft) and q["text"].rstrip(",.") == text]
        if not mine:
            problems.append(f"{text!r}: not extracted from the draft")
            continue
        q = mine[0]
        key = (q["doc"], q["start"], q["end"])
        if q.get("speaker") != speaker:
            problems.append(f"{text!r}: speaker {q.get('speaker')!r}, expected {speaker!r}")
        for f in records:
            if f["type"] != "finding" or f["rule"] not in ("unverified-quote", "misattribution"):
                continue
            first = f["quotes"][0]
            if (first["doc"], first["start"], first["end"]) == key:
                problems.append(f"{text!r}: {f['rule']} finding: {f['message']}")
        linked = False
        for link in records:
            if link["type"] != "link":
                continue
            ends = [(link[s]["doc"], link[s]["start"], link[s]["end"]) for s in ("a", "b")]
            if key in ends:
                other = quotes.get(ends[1] if ends[0] == key else ends[0])
                if other and other["doc"] == str(ref) and other.get("speaker") == speaker:
                    linked = True
        if not linked:
            problems.append(f"{text!r}: not linked to a reference quotation by {speaker}")
    if problems:
        return False, "; ".join(problems)
    return True, "both verified as fragments with their speakers"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.environ.get("QUOTECHECK_BIN", str(ROOT / "build" / "quotecheck")))
    ap.add_argument("--shared", default=os.environ.get("QUOTECHECK_SHARED", str(ROOT.parent / "shared")))
    opts = ap.parse_args()
    seeds = Path(os.path.relpath(Path(opts.shared) / "seeds", ROOT))
    if not (ROOT / seeds).is_dir():
        print(f"skip: {seeds} does not exist")
        print("lint-acceptance: 0 passed, 0 failed")
        return 0
    passed = failed = 0
    for name, check in [("seed-000-divergence", seed_000), ("seed-004-fragments", seed_004)]:
        ok, detail = check(opts.bin, seeds)
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")
        passed += ok
        failed += not ok
    print(f"lint-acceptance: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
