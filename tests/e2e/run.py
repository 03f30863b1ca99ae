#!/usr/bin/env python3
"""End-to-end golden tests: run the real quotecheck binary on the fixtures.

Each case in tests/e2e/cases.txt runs the binary from the repository root with the given
arguments, checks its exit code, and compares its stdout (and its stderr) with
tests/e2e/golden/<name>.stdout and .stderr. A missing .stderr golden means "stderr must be
empty". Volatile values are normalised before comparing (and before writing goldens):
the summary's "seconds", and durations/throughput in text summaries.
JSONL output is also checked against the output contract whatever the goldens say: a quote's
text, offsets, spans, line/col, speaker_mention and cue must agree with the input file's bytes.

    tests/e2e/run.py                 run every case
    tests/e2e/run.py NAME...         run only these cases (or name prefixes ending in '*')
    tests/e2e/run.py --update        rewrite the goldens from the binary's output
    tests/e2e/run.py --bin PATH      binary to test (default: $QUOTECHECK_BIN or build/quotecheck)
    tests/e2e/run.py --list          list the cases

Ends with one line "e2e: N passed, N failed"; exits 1 when anything failed.

Case table syntax (one case per line, '#' starts a comment line):

    NAME  EXIT  [KEY=VALUE ...] : ARGS...

ARGS are split like a POSIX shell would (shlex), relative to the repository root. Keys:
    stdin=PATH      feed this file on standard input (default: empty stdin)
    golden=NAME     compare with another case's goldens; such a case never writes goldens
    like=NAME       compare exit code, stdout and stderr with another case's actual output in
                    this run (e.g. -j 2 against -j 1) instead of goldens; NAME may be a case
                    commented out of the table as "#! NAME ..." (run but never golden-checked)
    stderr=ignore   do not look at stderr
"""

import argparse
import difflib
import json
import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GOLDEN = HERE / "golden"
TIMEOUT = 60


@dataclass
class Case:
    name: str
    exit_code: int
    args: list
    stdin: str = None
    golden: str = None
    like: str = None
    check_stderr: bool = True
    line: int = 0
    opts: dict = field(default_factory=dict)


def parse_cases(path):
    cases = []
    seen = set()
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        helper = line.startswith("#!")
        if helper:
            line = line[2:].strip()
        if not line or line.startswith("#"):
            continue
        if " : " not in f" {line} ":
            raise SystemExit(f"{path}:{n}: expected 'NAME EXIT [KEY=VALUE...] : ARGS...'")
        head, _, tail = f" {line} ".partition(" : ")
        head = head.split()
        if len(head) < 2 or not head[1].lstrip("-").isdigit():
            raise SystemExit(f"{path}:{n}: expected 'NAME EXIT [KEY=VALUE...] : ARGS...'")
        case = Case(name=head[0], exit_code=int(head[1]), args=shlex.split(tail), line=n)
        for kv in head[2:]:
            key, eq, value = kv.partition("=")
            if not eq:
                raise SystemExit(f"{path}:{n}: bad option {kv!r}")
            if key == "stdin":
                case.stdin = value
            elif key == "golden":
                case.golden = value
            elif key == "like":
                case.like = value
            elif key == "stderr" and value == "ignore":
                case.check_stderr = False
            else:
                raise SystemExit(f"{path}:{n}: unknown option {kv!r}")
        if case.name in seen:
            raise SystemExit(f"{path}:{n}: duplicate case name {case.name!r}")
        seen.add(case.name)
        case.helper = helper
        cases.append(case)
    return cases


# "seconds":0.004 in the JSONL summary (any number format).
SECONDS_JSON = re.compile(r'("seconds"\s*:\s*)-?[0-9][0-9.eE+-]*')
# Durations and throughput in text output: 0.004 s, 12ms, 3.1 µs, 1.5 seconds, 12.3 MB/s.
DURATION = re.compile(r"\b[0-9]+(?:\.[0-9]+)?(?:e-?[0-9]+)?\s?(?:s|ms|us|µs|ns|sec|secs|seconds)\b")
THROUGHPUT = re.compile(r"\b[0-9]+(?:\.[0-9]+)?\s?(?:[KMG]i?B|bytes?)/s\b")


def normalise(data: bytes) -> bytes:
    text = data.decode("utf-8", errors="surrogateescape")
    text = SECONDS_JSON.sub(r"\g<1>0", text)
    out = []
    for line in text.split("\n"):
        # Only touch text lines that are not JSON records: quotes in JSON stay byte-exact.
        if not line.startswith("{"):
            line = DURATION.sub("<TIME>", line)
            line = THROUGHPUT.sub("<RATE>", line)
        out.append(line)
    return "\n".join(out).encode("utf-8", errors="surrogateescape")


def run_case(binary, case):
    stdin = b""
    if case.stdin:
        stdin = (ROOT / case.stdin).read_bytes()
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env["NO_COLOR"] = "1"  # goldens never contain colour codes
    started = time.monotonic()
    try:
        proc = subprocess.run([binary] + case.args, input=stdin, cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b"", f"timed out after {TIMEOUT}s".encode(), time.monotonic() - started
    except OSError as e:
        return None, b"", f"cannot run {binary}: {e}".encode(), time.monotonic() - started
    return proc.returncode, normalise(proc.stdout), normalise(proc.stderr), time.monotonic() - started


def doc_text(doc, cache={}):
    """The document text of a file input (BOM removed), or None for records, stdin, missing files."""
    if doc not in cache:
        path = ROOT / doc
        text = None
        if doc != "-" and not doc.endswith((".jsonl", ".json")) and path.is_file():
            text = path.read_bytes()
            if text.startswith(b"\xef\xbb\xbf"):
                text = text[3:]
        cache[doc] = text
    return cache[doc]


def check_invariants(out: bytes):
    """Contract checks on JSONL output, independent of the goldens: every line is a JSON object
    with a "type"; the summary is last; a quote's offsets, text, spans, line and col agree
    with the document's bytes (file inputs only)."""
    problems = []
    lines = out.decode("utf-8", errors="replace").splitlines()
    if not lines or not lines[0].startswith("{"):
        return problems
    records = []
    for n, line in enumerate(lines, 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"stdout line {n}: not JSON ({e})")
            continue
        if not isinstance(rec, dict) or "type" not in rec:
            problems.append(f"stdout line {n}: no \"type\"")
            continue
        records.append((n, rec))
    if records and records[-1][1]["type"] != "summary":
        problems.append("the last record is not the summary")
    for n, q in records:
        if q["type"] != "quote":
            continue
        text = doc_text(q.get("doc", "-"))
        if text is None:
            continue
        where = f"stdout line {n} ({q.get('doc')} {q.get('start')}..{q.get('end')})"
        start, end, spans = q.get("start"), q.get("end"), q.get("spans") or []
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            problems.append(f"{where}: bad offsets")
            continue
        if spans and (spans[0][0] != start or spans[-1][1] != end
                      or any(a[1] > b[0] for a, b in zip(spans, spans[1:]))
                      or any(s > e for s, e in spans)):
            problems.append(f"{where}: spans {spans} do not run from start to end in order")
        if len(spans) <= 1 and text[start:end].decode("utf-8", "replace") != q.get("text"):
            problems.append(f"{where}: text {q.get('text')!r} is not the document's bytes "
                            f"{text[start:end].decode('utf-8', 'replace')!r}")
        line_start = text.rfind(b"\n", 0, start) + 1
        line = text.count(b"\n", 0, start) + 1
        col = len(text[line_start:start].decode("utf-8", "replace")) + 1
        if (q.get("line"), q.get("col")) != (line, col):
            problems.append(f"{where}: line:col {q.get('line')}:{q.get('col')}, expected {line}:{col}")
        for key in ("speaker_mention", "cue"):
            m = q.get(key)
            if m and text[m["start"]:m["end"]].decode("utf-8", "replace") != m.get("text"):
                problems.append(f"{where}: {key} text {m.get('text')!r} is not the bytes at "
                                f"{m['start']}..{m['end']}")
    return problems


def show_diff(label, expected: bytes, actual: bytes, limit=80):
    exp = expected.decode("utf-8", errors="backslashreplace").splitlines(keepends=True)
    act = actual.decode("utf-8", errors="backslashreplace").splitlines(keepends=True)
    diff = list(difflib.unified_diff(exp, act, f"{label} (golden)", f"{label} (actual)"))
    for line in diff[:limit]:
        sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    if len(diff) > limit:
        print(f"... {len(diff) - limit} more diff lines")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", help="cases to run (NAME or PREFIX*)")
    ap.add_argument("--bin", default=os.environ.get("QUOTECHECK_BIN", "build/quotecheck"),
                    help="binary to test, relative to the repository root or absolute")
    ap.add_argument("--cases", default=str(HERE / "cases.txt"))
    ap.add_argument("--update", action="store_true", help="rewrite the goldens")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    opts = ap.parse_args()

    all_cases = parse_cases(Path(opts.cases))
    by_name = {c.name: c for c in all_cases}
    cases = [c for c in all_cases if not c.helper]
    if opts.names:
        def wanted(c):
            return any(c.name == n or (n.endswith("*") and c.name.startswith(n[:-1]))
                       for n in opts.names)
        cases = [c for c in cases if wanted(c)]
    if opts.list:
        for c in cases:
            print(f"{c.name}\t{c.exit_code}\t{shlex.join(c.args)}")
        return 0

    binary = opts.bin if os.path.isabs(opts.bin) else str(ROOT / opts.bin)
    if not os.access(binary, os.X_OK):
        print(f"e2e: no executable {binary}")
        print(f"e2e: 0 passed, {max(len(cases), 1)} failed")
        return 1

    GOLDEN.mkdir(exist_ok=True)
    passed = failed = 0
    results = {}

    def result(case):
        if case.name not in results:
            results[case.name] = run_case(binary, case)
        return results[case.name]

    for case in cases:
        rc, out, err, secs = result(case)
        problems = []
        if case.like:
            other = by_name.get(case.like)
            if other is None:
                raise SystemExit(f"{opts.cases}:{case.line}: like={case.like}: no such case")
            orc, oout, oerr, _ = result(other)
            diffs = []
            if rc != orc:
                problems.append(f"exit code {rc}, {case.like} gave {orc}")
            if rc != case.exit_code:
                problems.append(f"exit code {rc}, expected {case.exit_code}")
            if out != oout:
                problems.append(f"stdout differs from {case.like}'s")
                diffs.append(("stdout", oout, out))
            if case.check_stderr and err != oerr:
                problems.append(f"stderr differs from {case.like}'s")
                diffs.append(("stderr", oerr, err))
            invariants = check_invariants(out)
            if invariants:
                problems.append(f"{len(invariants)} contract violation(s) in stdout")
            if problems:
                failed += 1
                print(f"FAIL {case.name} ({secs:.2f}s): {'; '.join(problems)}")
                for label, exp, act in diffs:
                    show_diff(f"{case.like}.{label}", exp, act)
                for problem in invariants[:20]:
                    print(f"     contract: {problem}")
            else:
                passed += 1
                if not opts.quiet:
                    print(f"ok   {case.name} ({secs:.2f}s)")
            continue
        if rc != case.exit_code:
            problems.append(f"exit code {rc}, expected {case.exit_code}")
        base = case.golden or case.name
        out_path = GOLDEN / f"{base}.stdout"
        err_path = GOLDEN / f"{base}.stderr"
        if opts.update and not case.golden:
            out_path.write_bytes(out)
            if case.check_stderr and err:
                err_path.write_bytes(err)
            elif err_path.exists():
                err_path.unlink()
        diffs = []
        if not out_path.exists():
            problems.append(f"no golden {out_path.relative_to(ROOT)} (run with --update)")
        elif out_path.read_bytes() != out:
            problems.append("stdout differs")
            diffs.append(("stdout", out_path.read_bytes(), out))
        if case.check_stderr:
            expected_err = err_path.read_bytes() if err_path.exists() else b""
            if expected_err != err:
                problems.append("stderr differs")
                diffs.append(("stderr", expected_err, err))
        invariants = check_invariants(out)
        if invariants:
            problems.append(f"{len(invariants)} contract violation(s) in stdout")
        if problems:
            failed += 1
            print(f"FAIL {case.name} ({secs:.2f}s): {'; '.join(problems)}")
            print(f"     cd {ROOT} && {shlex.join([opts.bin] + case.args)}"
                  + (f" < {case.stdin}" if case.stdin else ""))
            for label, exp, act in diffs:
                show_diff(f"{base}.{label}", exp, act)
            for problem in invariants[:20]:
                print(f"     contract: {problem}")
        else:
            passed += 1
            if not opts.quiet:
                print(f"ok   {case.name} ({secs:.2f}s)")
    if opts.update:
        used = {c.golden or c.name for c in all_cases if not c.helper and not c.like}
        for f in sorted(GOLDEN.iterdir()):
            if f.stem not in used:
                print(f"note: {f.relative_to(ROOT)} belongs to no case")
    print(f"e2e: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
