#!/usr/bin/env python3
"""HTML report of the real binary rendered by a real browser: `check --format html -o FILE`
on fixtures/check, loaded by headless Chromium (--dump-dom: the DOM after the page's script
ran), which must show the summary, word-level <del> and <ins>, and the filter controls, and
fetch nothing. Chromium is installed by tests/e2e/ensure_chromium.sh when missing; when it
cannot be, the suite is skipped, not failed.

    tests/e2e/html_render.py [--bin PATH] [--screenshot PNG -- PATHS...]

With --screenshot, renders `check --format html PATHS...` at 1280x1600 into PNG instead
(how docs/seeds-report.png is made: --screenshot docs/seeds-report.png -- ../shared/seeds/*.txt).
Ends with the line "html-render: N passed, N failed".
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["check", "--format", "html", "--reference", "fixtures/check/reference/tsb-statement.txt",
        "fixtures/check/sources"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]

passed = 0
failed = 0


def result(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def chromium(browser, extra, url):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([browser] + FLAGS + [f"--user-data-dir={profile}"] + extra + [url],
                              capture_output=True, text=True, timeout=120)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("QUOTECHECK_BIN", "build/quotecheck"))
    ap.add_argument("--screenshot")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    binary = str((ROOT / args.bin).resolve()) if not os.path.isabs(args.bin) else args.bin

    setup = subprocess.run([str(ROOT / "tests/e2e/ensure_chromium.sh")], capture_output=True,
                           text=True)
    browser = setup.stdout.strip().splitlines()[-1] if setup.returncode == 0 and setup.stdout.strip() else None
    if browser is None:
        print("html-render: skipped: chromium is missing and cannot be installed")
        print("html-render: 0 passed, 0 failed")
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        check_args = ARGS if not args.screenshot else ["check", "--format", "html"] + args.paths
        proc = subprocess.run([binary] + check_args + ["-o", str(report)], cwd=ROOT,
                              capture_output=True, text=True)
        if args.screenshot:
            shot = chromium(browser, [f"--screenshot={Path(args.screenshot).resolve()}",
                                      "--window-size=1280,1600"], report.as_uri())
            ok = shot.returncode == 0 and Path(args.screenshot).is_file()
            result(ok, "screenshot", shot.stderr[-500:])
            print(f"html-render: {passed} passed, {failed} failed")
            return 1 if failed else 0

        result(proc.returncode == 1 and report.is_file(), "check --format html -o FILE",
               f"exit {proc.returncode}")
        html = report.read_text(encoding="utf-8")
        # Self-contained: nothing to fetch.
        fetches = re.findall(r'<(?:script|img|link|iframe)[^>]*\b(?:src|href)=|@import|url\(', html)
        result(not fetches, "no external resources", str(fetches[:3]))

        dom = chromium(browser, ["--dump-dom"], report.as_uri())
        result(dom.returncode == 0 and "<html" in dom.stdout, "chromium renders the page",
               dom.stderr[-500:])
        out = dom.stdout
        checks = {
            "summary": r'<section id="summary"[^>]*>.*?<span class="n">9</span><span class="l">documents</span>',
            "<del> word highlighting": r"<del>[^<]+</del>",
            "<ins> word highlighting": r"<ins>[^<]+</ins>",
            "severity filters": r'<input type="checkbox" data-filter="severity" value="error" checked="">',
            "rule filters": r'<input type="checkbox" data-filter="rule" value="primary-divergence" checked="">',
            "findings table": r'<table class="findings">',
            "side-by-side table": r'<table class="compare">.*?Member wording',
            "viewport": r'<meta name="viewport" content="width=device-width, initial-scale=1">',
            # The script ran: every filterable element was visited (none hidden: all checked).
            "filter script ran without hiding": r'data-findings="[^"]*"(?![^>]*is-hidden)',
        }
        for name, pattern in checks.items():
            result(re.search(pattern, out, re.S) is not None, name)
        result("is-hidden" not in re.sub(r"<(style|script)>.*?</\1>", "", out, flags=re.S),
               "nothing hidden with every filter on")

    print(f"html-render: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
