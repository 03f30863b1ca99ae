#!/usr/bin/env python3
"""Hostile input to the real binary: each case gives a hostile file together with a good one
and asserts the exit status, a message naming the file (and position where there is one), and
that the good file's quotation is still in the output. The hostile inputs (deep nesting, a
long line, a macro bomb, a glob bomb, deep HTML, FIFOs, /dev/full, malformed stores, -j huge)
are generated in a temporary directory at test time; every run has a timeout, so a hang
fails the case instead of the suite.

    tests/e2e/hostile.py [--bin PATH] [-k SUBSTRING]

Ends with the line "hostile: N passed, N failed".
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD = "\u201cWe will reopen the Tarrow footbridge by May,\u201d said Mayor Odile Brannock.\n"
GOOD_SPEAKER = "Odile Brannock"
TIMEOUT = 60  # a guard against hangs, not a speed target (scripts/bench measures speed)


class Suite:
    def __init__(self, binary, tmp, only):
        self.binary = binary
        self.tmp = Path(tmp)
        self.only = only
        self.passed = 0
        self.failed = 0

    def run(self, args, stdin=None, stdout=subprocess.PIPE):
        try:
            p = subprocess.run([self.binary] + args, cwd=self.tmp, input=stdin, stdout=stdout,
                               stderr=subprocess.PIPE, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, "", f"timed out after {TIMEOUT} s"
        out = p.stdout.decode("utf-8", "replace") if p.stdout is not None else ""
        return p.returncode, out, p.stderr.decode("utf-8", "replace")

    def case(self, name, args, rc, err=(), out=(), stdin=None, stdout=subprocess.PIPE,
             absent=()):
        """Runs `args`; checks the exit status, substrings of stderr and of stdout."""
        if self.only and self.only not in name:
            return
        code, o, e = self.run(args, stdin, stdout)
        problems = []
        if code is None:
            problems.append(e)
        else:
            if (code not in rc) if isinstance(rc, tuple) else code != rc:
                problems.append(f"exit status {code}, expected {rc}")
            problems += [f"stderr lacks {s!r}" for s in err if s not in e]
            problems += [f"stdout lacks {s!r}" for s in out if s not in o]
            problems += [f"stdout/stderr has {s!r}" for s in absent if s in o or s in e]
        if problems:
            self.failed += 1
            print(f"FAIL {name}: {'; '.join(problems)}\n  $ quotecheck {' '.join(args)}\n"
                  f"  stderr: {e[-800:]}")
        else:
            self.passed += 1
            print(f"ok   {name}")

    def write(self, name, text):
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "quotecheck"))
    ap.add_argument("-k", default="", help="only the cases whose name holds this")
    opts = ap.parse_args()
    binary = str(Path(opts.bin).resolve())
    with tempfile.TemporaryDirectory(prefix="quotecheck-hostile-") as tmp:
        s = Suite(binary, tmp, opts.k)
        s.write("good.txt", GOOD)
        s.write("store-src.txt", GOOD)  # a reference for lint

        # JSON nested 100,000 deep in one record (JSON Lines and .json): an error record at
        # the bracket past the limit; the records around it are read.
        deep = "[" * 100000 + "]" * 100000
        good_rec = json.dumps({"id": "good-rec", "text": GOOD})
        s.write("deep.jsonl", good_rec + "\n" + '{"id": "bad", "x": ' + deep + ', "text": "x"}\n'
                + json.dumps({"id": "after", "text": GOOD}) + "\n")
        s.write("deep.json", "[" + good_rec + ",\n" + '{"x": ' + deep + '},\n'
                + json.dumps({"id": "after", "text": GOOD}) + "]\n")
        s.case("json-nesting-jsonl", ["extract", "deep.jsonl", "good.txt"], 2,
               err=["deep.jsonl:2:1043: error: JSON nested deeper than 1024 levels"],
               out=["good-rec", "after", "good.txt", GOOD_SPEAKER])
        s.case("json-nesting-json", ["extract", "deep.json", "good.txt"], 2,
               err=["deep.json:2:1030: error: JSON nested deeper than 1024 levels"],
               out=["good-rec", "after", "good.txt"])
        s.case("json-nesting-check", ["check", "deep.jsonl", "good.txt"], 2,
               err=["deep.jsonl:2:1043: error: JSON nested deeper"])

        # One 30 MB line with a quotation every 60 bytes: linear line:col.
        unit = "\u201cYes,\u201d said Ann Quell, and then she left the hall. "
        s.write("long.txt", unit * (30_000_000 // len(unit.encode())))
        s.case("long-line", ["extract", "--format", "jsonl", "long.txt", "good.txt"], 0,
               out=['"col":', GOOD_SPEAKER])

        # Macros nesting 12 copies over 8 levels: an error at the reference, no blow-up.
        bomb = "[macros]\nM0 = 'ab'\n" + "".join(
            f"M{i} = '" + f"{{M{i - 1}}}" * 12 + "'\n" for i in range(1, 9))
        bomb += ('\n[[rules]]\nid = "t/bomb"\nside = "after"\n'
                 "pattern = '^(?P<speaker>x){M8}'\n")
        s.write("bomb-rules/bomb.toml", bomb)
        s.case("macro-bomb", ["extract", "--rules", "bomb-rules", "good.txt"], 2,
               err=["bomb-rules/bomb.toml:15:27: error: rule 't/bomb': macro {M8} expands to "
                    "more than 1048576 bytes"])

        # A glob that made the backtracking matcher exponential, on a 40-character name.
        glob = "**a" * 20 + "**b"
        s.write("globs/.quotecheck.toml",
                f'[[overrides]]\nfiles = "{glob}"\nseverity = {{ unverified-quote = "off" }}\n')
        s.write("globs/" + "a" * 40 + ".md", GOOD)
        s.case("glob-bomb", ["lint", "--against", "store-src.txt", "--no-exit", "globs/" + "a" * 40 + ".md"], 0,
               out=["1 draft"])

        # 200,000 nested <div> after a quotation: cut before gumbo, with a warning.
        s.write("deep.html", "<p>" + GOOD + "</p>\n" + "<div>" * 200000 + "x")
        s.case("html-nesting", ["lint", "--against", "store-src.txt", "--no-exit", "--format", "jsonl", "deep.html"], 0,
               err=["deep.html:3:10001: warning: HTML nested deeper than 2000 elements: the rest "
                    "of the draft"],
               out=[GOOD_SPEAKER])

        # FIFOs: skipped with a warning in a walked directory; an error when named; a FIFO
        # or a directory as --config, --baseline or --rules is an error.
        s.write("dir/good.txt", GOOD)
        os.mkfifo(Path(tmp) / "dir" / "fifo.txt")
        os.mkfifo(Path(tmp) / "fifo.txt")
        os.mkfifo(Path(tmp) / "fifo.toml")
        s.write("rules-fifo/.keep", "")
        os.mkfifo(Path(tmp) / "rules-fifo" / "fifo.toml")
        s.case("fifo-in-directory", ["extract", "dir"], 0,
               err=["dir/fifo.txt: warning: not a regular file (a FIFO); skipped"],
               out=[GOOD_SPEAKER])
        s.case("fifo-named", ["extract", "fifo.txt", "good.txt"], 2,
               err=["fifo.txt: error: cannot open: not a regular file (a FIFO)"],
               out=[GOOD_SPEAKER])
        s.case("fifo-check", ["check", "fifo.txt", "good.txt"], 2,
               err=["fifo.txt: error: cannot open: not a regular file (a FIFO)"])
        s.case("fifo-lint-draft", ["lint", "--against", "store-src.txt", "--no-exit", "fifo.txt", "good.txt"], 2,
               err=["fifo.txt: error: cannot open: not a regular file (a FIFO)"],
               out=["2 drafts"])
        s.case("fifo-config", ["lint", "--against", "store-src.txt", "--config", "fifo.toml", "good.txt"], 2,
               err=["fifo.toml: error: cannot open: not a regular file (a FIFO)"])
        s.case("directory-config", ["lint", "--against", "store-src.txt", "--config", "dir", "good.txt"], 2,
               err=["dir: error: cannot open: Is a directory"])
        s.case("fifo-baseline", ["lint", "--against", "store-src.txt", "--baseline", "fifo.toml", "good.txt"], 2,
               err=["fifo.toml: error: cannot open: not a regular file (a FIFO)"])
        s.case("directory-baseline", ["lint", "--against", "store-src.txt", "--baseline", "dir", "good.txt"], 2,
               err=["dir: error: cannot open: Is a directory"])
        s.case("fifo-rules-file", ["extract", "--rules", "fifo.toml", "good.txt"], 2,
               err=["fifo.toml"])
        s.case("fifo-in-rules-directory", ["extract", "--rules", "rules-fifo", "good.txt"], 0,
               err=["rules-fifo/fifo.toml: warning: not a regular file; skipped"],
               out=[GOOD_SPEAKER])

        # Output that cannot be written: /dev/full, every subcommand.
        for name, args in [("extract", ["extract", "good.txt"]),
                           ("extract-jsonl", ["extract", "--format", "jsonl", "good.txt"]),
                           ("check", ["check", "good.txt"]),
                           ("lint", ["lint", "--against", "store-src.txt", "--no-exit", "good.txt"]),
                           ("diff", ["diff", "good.txt", "store-src.txt"]),
                           ("rules-list", ["rules", "list"]),
                           ("rules-test", ["rules", "test"])]:
            with open("/dev/full", "wb") as full:
                s.case(f"dev-full-{name}", args, 2, err=["cannot write output"], stdout=full)
        s.case("dev-full-o", ["extract", "good.txt", "-o", "/dev/full"], 2,
               err=["/dev/full: error: cannot write output"])

        # Quote stores: malformed lines and impossible offsets fail the run (exit 2) and are
        # counted; the good records are read.
        code, store, _ = s.run(["extract", "--format", "jsonl", "good.txt"])
        lines = store.splitlines()
        quote = next(json.loads(l) for l in lines if '"type":"quote"' in l.replace(" ", ""))
        swapped = dict(quote, start=quote["end"], end=quote["start"])
        wide = dict(quote, spans=[[quote["start"], quote["end"] + 1000]])
        s.write("bad-store.jsonl", "\n".join(
            [lines[0], "{not json", json.dumps(swapped), json.dumps(wide), '{"type": 3}']
            + lines[1:]) + "\n")
        s.case("store-malformed", ["check", "--format", "jsonl", "bad-store.jsonl"], 2,
               err=["bad-store.jsonl:2:1: error: malformed JSON",
                    'bad-store.jsonl:3:1: error: quote record: "start"',
                    "bad-store.jsonl:4:1: error: quote record: span",
                    "bad-store.jsonl:5:1: error:"],
               out=["Tarrow footbridge"])
        s.case("store-on-stdin", ["check", "--format", "jsonl", "-"], 0, stdin=store.encode(),
               out=["Tarrow footbridge"], absent=["error"])

        # -j beyond what the system can start: fewer threads and a warning, not a crash.
        s.case("jobs-huge", ["extract", "-j", "100000", "good.txt"], 0,
               err=["warning: -j 100000: using 256 worker threads"], out=[GOOD_SPEAKER])

        # -o: written through a temporary file; an existing report survives a failed run.
        s.write("report.txt", "old report\n")
        s.case("output-replaced", ["extract", "good.txt", "-o", "report.txt"], 0)
        ok = GOOD_SPEAKER in (Path(tmp) / "report.txt").read_text()
        s.case("output-kept-on-failure",
               ["extract", "--rules", "bomb-rules", "good.txt", "-o", "report.txt"], 2)
        ok = ok and GOOD_SPEAKER in (Path(tmp) / "report.txt").read_text()
        leftovers = [p.name for p in Path(tmp).glob("report.txt.tmp-*")]
        if not opts.k or "output" in opts.k:
            if ok and not leftovers:
                s.passed += 1
                print("ok   output-atomic")
            else:
                s.failed += 1
                print(f"FAIL output-atomic: report kept={ok}, temporary files {leftovers}")

    print(f"hostile: {s.passed} passed, {s.failed} failed")
    return 0 if s.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
