#!/usr/bin/env python3
"""Acceptance check: cross-referencing (`check`) on the shared seeds and NewsWCL50.

Runs the real binary, scores its links with ../shared/eval/score_links.py and checks each
target as one counted test:

    seeds      every gold link found with the right relation (recall and relation accuracy
               1.0); no wording-divergence or misattribution finding outside the gold pairs
    newswcl50  link recall >= 0.90, relation accuracy >= 0.90, false-link rate <= 0.05

The seeds' gold names documents by file name without extension, so the output's document
ids (paths as named) are mapped to that before scoring. A set whose data is absent is
skipped, not failed. Ends with one line "links: N passed, N failed"; exits 1 on a miss.

    tests/acceptance/links.py [seeds|newswcl50] [--bin PATH] [--shared DIR]
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


def doc_key(doc):
    name = str(doc).replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def run_check(binary, args):
    proc = subprocess.run([binary, "check", "--format", "jsonl", "--links", "all", "--no-exit", *args],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check exited {proc.returncode}: {proc.stderr[-2000:]}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def score(shared, gold, records, coverage=None):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        pred = f.name
    cmd = [sys.executable, str(shared / "eval" / "score_links.py"), str(gold), pred, "--json"]
    if coverage:
        cmd += ["--coverage", str(coverage)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    os.unlink(pred)
    return json.loads(out)


def figure(res, *names):
    for n in names:
        if n in res:
            return res[n]
    raise KeyError(names)


def report(name, value, ok, target):
    shown = "n/a" if value is None else f"{value:.3f}"
    print(f"{'ok  ' if ok else 'FAIL'} {name} = {shown} (target {target})")
    return (1, 0) if ok else (0, 1)


def check_seeds(binary, shared):
    docs = sorted(glob.glob(str(shared / "seeds" / "*.txt")))
    gold = shared / "seeds" / "gold-links.jsonl"
    if not docs or not gold.is_file():
        print("skip seeds: no data")
        return 0, 0
    records = run_check(binary, docs)
    for r in records:
        for side in ("a", "b"):
            if isinstance(r.get(side), dict):
                r[side]["doc"] = doc_key(r[side]["doc"])
        if r.get("type") == "quote":
            r["doc"] = doc_key(r["doc"])
        for q in r.get("quotes", []) if r.get("type") == "finding" else []:
            q["doc"] = doc_key(q["doc"])
    res = score(shared, gold, records)
    passed = failed = 0
    for name, keys in (("seeds link recall", ("link_recall", "recall")),
                       ("seeds relation accuracy", ("relation_accuracy",))):
        v = figure(res, *keys)
        p, f = report(name, v, v is not None and v >= 1.0, "= 1.0")
        passed, failed = passed + p, failed + f
    # Findings: wording-divergence / misattribution only on gold pairs.
    pairs = []
    for line in open(gold, encoding="utf-8"):
        if line.strip():
            g = json.loads(line)
            pairs.append({(g[s]["doc"], g[s]["start"]) for s in ("a", "b")})
    stray = []
    for r in records:
        if r.get("type") != "finding" or r.get("rule") not in ("wording-divergence", "misattribution"):
            continue
        sides = {(q["doc"], q["start"]) for q in r["quotes"]}
        if not any(sides <= p for p in pairs):
            stray.append(r)
    p, f = report("seeds findings outside the gold links", float(len(stray)), not stray, "= 0")
    for r in stray:
        print("     ", r["rule"], r["message"])
    passed, failed = passed + p, failed + f
    # Exactly the two expected findings: 000/001's divergence and 002's inconsistent quote.
    rules = sorted(r["rule"] for r in records if r.get("type") == "finding"
                   and r.get("rule") in ("wording-divergence", "misattribution", "inconsistent-quote"))
    p, f = report("seeds divergence findings", float(len(rules)),
                  rules == ["inconsistent-quote", "wording-divergence"], "= 2 (one of each)")
    if rules != ["inconsistent-quote", "wording-divergence"]:
        print("     ", rules)
    return passed + p, failed + f


def check_newswcl50(binary, shared):
    base = shared / "newswcl50"
    if not (base / "articles.jsonl").is_file():
        print("skip newswcl50: no data")
        return 0, 0
    records = run_check(binary, [str(base / "articles.jsonl")])
    res = score(shared, base / "gold-links.jsonl", records, base / "gold-links.coverage.json")
    passed = failed = 0
    # Findings judged by hand (findings-labels.jsonl): precision and the correct ones kept.
    labels = base / "findings-labels.jsonl"
    if labels.is_file():
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
            for r in records:
                tmp.write(json.dumps(r, ensure_ascii=False) + "\n")
        out = subprocess.run([sys.executable, str(shared / "eval" / "score_findings.py"), str(labels),
                              tmp.name, "--json"], capture_output=True, text=True, check=True).stdout
        os.unlink(tmp.name)
        judged = json.loads(out)
        for name, value, ok, target in (
                ("newswcl50 findings precision", judged["precision_labelled"],
                 (judged["precision_labelled"] or 0) >= 0.9, ">= 0.9"),
                ("newswcl50 correct findings kept", float(judged["kept_correct"]),
                 judged["kept_correct"] >= 11, ">= 11"),
                ("newswcl50 misattribution findings", float(judged["per_rule"].get("misattribution", 0)),
                 judged["per_rule"].get("misattribution", 0) <= 6, "<= 6")):
            p, f = report(name, value, ok, target)
            passed, failed = passed + p, failed + f
    for name, keys, ok in (
            ("newswcl50 speaker-disagreement precision", ("speaker_disagreement_precision",),
             lambda v: v >= 0.8),
            ("newswcl50 speaker-disagreement recall", ("speaker_disagreement_recall",),
             lambda v: v >= 1.0)):
        v = figure(res, *keys)
        p, f = report(name, v, v is not None and ok(v), ">= 0.8" if "precision" in name else "= 1.0")
        passed, failed = passed + p, failed + f
    for name, keys, ok in (
            ("newswcl50 link recall", ("link_recall", "recall"), lambda v: v >= 0.90),
            ("newswcl50 relation accuracy", ("relation_accuracy",), lambda v: v >= 0.90),
            ("newswcl50 false-link rate", ("false_link_rate",), lambda v: v <= 0.05)):
        v = figure(res, *keys)
        target = {"newswcl50 false-link rate": "<= 0.05"}.get(name, ">= 0.90")
        p, f = report(name, v, v is not None and ok(v), target)
        passed, failed = passed + p, failed + f
    return passed, failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=["seeds", "newswcl50"])
    ap.add_argument("--bin", default=os.environ.get("QUOTECHECK_BIN", str(ROOT / "build" / "quotecheck")))
    ap.add_argument("--shared", default=os.environ.get("QUOTECHECK_SHARED", str(ROOT.parent / "shared")))
    a = ap.parse_args()
    shared = Path(a.shared)
    passed = failed = 0
    for name in a.sets:
        p, f = {"seeds": check_seeds, "newswcl50": check_newswcl50}[name](a.bin, shared)
        passed, failed = passed + p, failed + f
    print(f"links: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
