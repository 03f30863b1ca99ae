#!/usr/bin/env python3
"""Regression tests of the real binary for what users of quotecheck ran into (issue 11):
lint with many references, one word-diff direction, diff's own report, diagnostics in JSON
records, files named twice, directory walks (--glob, --exclude, .quotecheckignore, records
without text), HTML quotation kinds, CSV and ClaimReview output, encodings, the command line.

Each test runs build/quotecheck (or --bin) from the repository root on fixtures/users and
asserts what a user would look at. Ends with "users: N passed, N failed".
"""

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FIX = "fixtures/users"
BIN = None
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class Run:
    def __init__(self, args, stdin=None, cwd=ROOT, env=None):
        p = subprocess.run([BIN] + args, cwd=cwd, input=stdin, capture_output=True, timeout=120,
                           env=env)
        self.code = p.returncode
        self.out = p.stdout.decode("utf-8", "replace")
        self.err = p.stderr.decode("utf-8", "replace")

    def __repr__(self):
        return f"exit {self.code}\n--- stdout\n{self.out[:3000]}\n--- stderr\n{self.err[:3000]}"


def run(*args, **kw):
    return Run(list(args), **kw)


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


REFS = [f"{FIX}/refs/alder-gazette.txt", f"{FIX}/refs/brindle-post.txt",
        f"{FIX}/refs/corvel-times.txt"]
DRAFT = f"{FIX}/draft.md"


def unverified(records):
    return [r for r in records if r.get("type") == "finding" and r.get("rule") == "unverified-quote"]


# ---- lint with any number of references

@test
def lint_against_takes_every_path():
    for args in (["lint", DRAFT, "--against", *REFS],
                 ["lint", "--against", *REFS, "--", DRAFT],
                 ["lint", DRAFT, "--against", REFS[0], "--against", *REFS[1:]]):
        r = run(*args, "--format", "text", "--fail-level", "none")
        assert r.code == 0, r
        assert "1 draft, 3 references" in r.out, (args, r)
        assert "unverified-quote" not in r.out, (args, r)


# ---- one word-diff direction: [-reference-]{+quoted+}

@test
def lint_text_diff_runs_from_reference_to_draft():
    r = run("lint", DRAFT, "--against", *REFS, "--no-color", "--fail-level", "none")
    assert "[-safe-]{+repaired+}" in r.out, r


@test
def check_text_diff_runs_from_reference_to_quoted():
    r = run("check", "--reference", REFS[0], DRAFT, "--no-color", "--fail-level", "none")
    assert "[-safe-]{+repaired+}" in r.out, r


@test
def lint_html_labels_each_side_with_its_own_words():
    r = run("lint", DRAFT, "--against", *REFS, "--format", "html", "--fail-level", "none")
    assert r.code == 0, r
    html = r.out
    # The reference's cell holds the reference's word, the draft's cell the draft's.
    ref_cell = html.split('data-label="Reference wording"', 1)[1].split("</td>", 1)[0]
    member_cell = html.split('data-label="Draft wording"', 1)[1].split("</td>", 1)[0]
    assert "alder-gazette.txt" in ref_cell and "<del>safe</del>" in ref_cell, ref_cell
    assert "draft.md" in member_cell and "<ins>repaired</ins>" in member_cell, member_cell
    assert "<th>Draft wording</th>" in html


# ---- diff: its own report in every format

@test
def diff_markdown_and_html_are_diffs_own_report():
    a, b = f"{FIX}/refs/brindle-post.txt", f"{FIX}/refs/corvel-times.txt"
    md = run("diff", DRAFT, REFS[0], "--format", "markdown", "--fail-level", "none")
    assert md.code == 0, md
    assert "Quotation diff" in md.out and "Only in A" in md.out, md
    assert "unverified-quote" not in md.out and "no reference has" not in md.out, md
    html = run("diff", a, b, "--format", "html", "--fail-level", "none")
    assert "<title>Quotation diff" in html.out and "Quotation check" not in html.out, html
    only_b = html.out.split('id="only-b"', 1)[1].split("</section>", 1)[0]
    assert "Nobody has been hurt yet" in only_b, only_b  # B's own quotation is shown
    only_a = html.out.split('id="only-a"', 1)[1].split("</section>", 1)[0]
    assert "Every ship already at anchor" in only_a, only_a
    assert "unverified-quote" not in html.out, html
    text = run("diff", a, b, "--fail-level", "none")
    assert "0 shared, 1 only in A, 1 only in B; 0 findings" in text.out, text


# ---- diagnostics inside JSON records land on the record's file line

@test
def record_diagnostics_name_the_file_line():
    r = run("extract", f"{FIX}/corpus/wire.jsonl")
    assert r.code == 0, r
    # The record is on file line 3; the unbalanced mark is on line 5 of its text.
    want = f"{FIX}/corpus/wire.jsonl:3: warning: "
    lines = [l for l in r.err.splitlines() if "unbalanced" in l or "never closed" in l]
    assert lines and lines[0].startswith(want), r
    assert "(record ellsmere-2, text 5:" in lines[0], r


# ---- a file named twice is one document; a draft is never its own reference

@test
def reference_named_twice_is_one_document():
    r = run("check", "--reference", REFS[0], "--reference", f"./{REFS[0]}", REFS[0],
            "--format", "jsonl", "--fail-level", "none")
    summary = [x for x in jsonl(r.out) if x.get("type") == "summary"]
    assert summary and summary[0]["documents"] == 1, r


@test
def draft_inside_against_dir_is_not_a_reference():
    r = run("lint", f"{FIX}/desk/draft.md", "--against", f"{FIX}/desk", "--fail-level", "none")
    assert "1 draft, 1 reference" in r.out, r
    # Verified against itself, every quotation would pass; two have no reference.
    assert r.out.count("[unverified-quote]") == 2, r


# ---- directory walks: --glob, --exclude, .quotecheckignore, records without text

@test
def gold_records_without_text_are_skipped_with_one_warning():
    r = run("extract", "--format", "jsonl", f"{FIX}/corpus")
    assert r.code == 0, r
    warnings = [l for l in r.err.splitlines() if "no-text-field" in l]
    assert len(warnings) == 1 and "gold.jsonl:1:" in warnings[0], r
    summary = jsonl(r.out)[-1]
    assert summary["type"] == "summary" and summary["documents"] == 2 and summary["failed"] == 0, r


@test
def exclude_glob_and_ignore_file_leave_files_out():
    for args in (["--exclude", "gold*"], ["--glob", "wire.*"], ["--glob", "!gold.jsonl"]):
        r = run("extract", "--format", "jsonl", *args, f"{FIX}/corpus")
        assert r.code == 0 and "no-text-field" not in r.err, (args, r)
        assert jsonl(r.out)[-1]["documents"] == 2, (args, r)
    r = run("extract", "--format", "jsonl", f"{FIX}/ignored")
    assert r.code == 0 and "no-text-field" not in r.err, r
    assert jsonl(r.out)[-1]["documents"] == 2, r
    # A file named on the command line is read whatever the ignore file says.
    r = run("extract", "--format", "jsonl", f"{FIX}/ignored/gold-quotes.jsonl")
    assert "no-text-field" in r.err, r


# ---- HTML and Markdown give a quotation the same kind

@test
def html_paragraph_quote_is_direct_like_markdown():
    kinds = {}
    for name in ("strike.md", "strike.html"):
        r = run("extract", "--format", "jsonl", f"{FIX}/{name}")
        quotes = [x for x in jsonl(r.out) if x.get("type") == "quote"]
        assert len(quotes) == 1, r
        kinds[name] = (quotes[0]["kind"], quotes[0].get("speaker"))
    assert kinds["strike.html"] == kinds["strike.md"] == ("direct", "Ilse Varga"), kinds


# ---- CSV and ClaimReview

@test
def extract_csv_has_a_row_per_quotation():
    r = run("extract", "--format", "csv", f"{FIX}/corpus/wire.jsonl", f"{FIX}/strike.md")
    assert r.code == 0, r
    rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
    js = run("extract", "--format", "jsonl", f"{FIX}/corpus/wire.jsonl", f"{FIX}/strike.md")
    quotes = [x for x in jsonl(js.out) if x.get("type") == "quote"]
    assert len(rows) == len(quotes) >= 3, (rows, quotes)
    for row, q in zip(rows, quotes):
        assert row["doc"] == q["doc"] and row["text"] == q["text"], (row, q)
        assert int(row["start"]) == q["start"] and row["kind"] == q["kind"], (row, q)
        assert row["speaker"] == (q["speaker"] or ""), (row, q)
    assert rows[0]["outlet"] == "Alder Gazette" and rows[0]["date"] == "2026-03-04", rows[0]
    assert rows[0]["url"] == "https://alder.example/ellsmere-1", rows[0]
    assert r.out.endswith("\r\n") and r.out.count("\r\n") == len(rows) + 1, repr(r.out[-80:])


@test
def check_and_lint_csv_have_a_row_per_finding():
    for args in (["check", f"{FIX}/corpus/wire.jsonl", DRAFT],
                 ["lint", DRAFT, "--against", f"{FIX}/corpus/wire.jsonl"]):
        js = run(*args, "--format", "jsonl", "--fail-level", "none")
        findings = [x for x in jsonl(js.out) if x.get("type") == "finding"]
        r = run(*args, "--format", "csv", "--fail-level", "none")
        assert r.code == 0, r
        rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
        assert len(rows) == len(findings) >= 1, (args, rows, findings)
        for row, f in zip(rows, findings):
            assert row["rule"] == f["rule"] and row["severity"] == f["severity"], (row, f)
            assert row["doc"] == f["quotes"][0]["doc"] if f.get("quotes") else True, (row, f)
        if args[0] == "lint":
            div = [row for row in rows if row["rule"] == "wording-divergence"]
            assert div and "[-safe-]{+repaired+}" in div[0]["diff"], (args, rows)
            assert div[0]["outlet"] == "Ellsmere Evening Lamp", div
            assert div[0]["date"] == "2026-03-05", div
            assert div[0]["reference_url"] == "https://alder.example/ellsmere-1", div


REQUIRED_CLAIMREVIEW = ["claimReviewed", "reviewRating", "itemReviewed", "author", "url"]


@test
def claimreview_has_every_required_property():
    r = run("lint", DRAFT, "--against", f"{FIX}/corpus/wire.jsonl", "--format", "claimreview",
            "--fail-level", "none")
    assert r.code == 0, r
    reviews = json.loads(r.out)
    assert isinstance(reviews, list) and reviews, r
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        for key in REQUIRED_CLAIMREVIEW:
            assert review.get(key), (key, review)
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and 1 <= rating["ratingValue"] <= 5, rating
        assert rating["alternateName"], rating
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"], item
        assert item["datePublished"] and item["appearance"], item
        assert review["author"]["@type"] == "Organization" and review["author"]["name"], review
    divergence = [x for x in reviews if "repaired" in x["claimReviewed"]]
    assert divergence, reviews
    item = divergence[0]["itemReviewed"]
    assert item["author"]["name"] == "Ilse Varga", item
    assert item["firstAppearance"]["url"] == "https://alder.example/ellsmere-1", item
    assert item["datePublished"] == "2026-03-04", item
    assert item["appearance"][0]["url"] == "https://lamp.example/ellsmere-strike", item
    assert divergence[0]["url"].startswith("https://lamp.example/ellsmere-strike#quotecheck-")


# ---- encodings

def quotes_of(path, *extra):
    r = run("extract", "--format", "jsonl", *extra, path)
    assert r.code == 0 and r.err.count("\n") == 1 and " documents (0 failed)" not in r.err, r
    return [{k: v for k, v in x.items() if k != "doc"} for x in jsonl(r.out)
            if x.get("type") == "quote"]


@test
def utf16_and_cp1252_twins_give_the_same_quotations():
    enc = f"{FIX}/encodings"
    want = quotes_of(f"{enc}/strike-utf8.txt")
    assert len(want) == 2 and want[0]["speaker"] == "Ilse Varga", want
    assert quotes_of(f"{enc}/strike-utf16.txt") == want
    assert quotes_of(f"{enc}/strike-cp1252.txt") == want
    assert quotes_of(f"{enc}/strike-cp1252.txt", "--encoding", "windows-1252") == want


@test
def utf32_is_refused_with_one_error_naming_it():
    r = run("extract", f"{FIX}/encodings/strike-utf32.txt")
    assert r.code == 2, r
    errors = [l for l in r.err.splitlines() if "error" in l]
    assert len(errors) == 1 and "UTF-32" in errors[0], r
    assert "invalid-utf8" not in r.err, r
    bad = run("extract", "--encoding", "ebcdic", f"{FIX}/encodings/strike-utf8.txt")
    assert bad.code == 2 and "--encoding" in bad.err, bad


# ---- the command line and installation

@test
def typos_get_the_nearest_name():
    r = run("extract", "--formt", "jsonl", f"{FIX}/strike.md")
    assert r.code == 2 and "did you mean --format?" in r.err, r
    r = run("lint", DRAFT, "--agaisnt", REFS[0])
    assert r.code == 2 and "did you mean --against?" in r.err, r
    r = run("extarct", f"{FIX}/strike.md")
    assert r.code == 2 and "did you mean 'extract'?" in r.err, r


@test
def version_and_default_jobs():
    r = run("--version")
    assert r.code == 0 and r.out.startswith("quotecheck "), r
    one = run("extract", "--format", "jsonl", "-j", "1", "fixtures/articles", "fixtures/cases")
    default = run("extract", "--format", "jsonl", "fixtures/articles", "fixtures/cases")
    strip = lambda out: [l for l in out.splitlines() if '"type":"summary"' not in l]
    no_time = lambda err: [l for l in err.splitlines() if " documents (" not in l]
    assert strip(default.out) == strip(one.out), (one, default)
    assert no_time(default.err) == no_time(one.err), (one, default)
    assert "-j,--jobs UINT=0" in run("extract", "--help").out


@test
def text_width_and_verbose():
    long = f"{FIX}/encodings/strike-utf8.txt"
    cut = run("extract", "--width", "20", long).out
    whole = run("extract", "-v", long).out
    assert "…" in cut and "We will not leave this gate until the cranes are checked," in whole, whole
    assert "…" not in whole.split("\n", 1)[1], whole


@test
def meson_install_puts_everything_in_place():
    build = Path(BIN).parent
    if not (build / "build.ninja").exists():
        return  # not a meson build directory (--bin elsewhere): nothing to install
    with tempfile.TemporaryDirectory() as dest:
        p = subprocess.run(["meson", "install", "--no-rebuild", "--destdir", dest, "-C", str(build)],
                           capture_output=True, timeout=300)
        assert p.returncode == 0, p.stdout.decode() + p.stderr.decode()
        prefix = subprocess.run(["meson", "introspect", "--buildoptions", str(build)],
                                capture_output=True, timeout=60)
        options = {o["name"]: o["value"] for o in json.loads(prefix.stdout)}
        root = Path(dest + options["prefix"])
        for rel in ("bin/quotecheck", "share/man/man1/quotecheck.1",
                    "share/bash-completion/completions/quotecheck",
                    "share/zsh/site-functions/_quotecheck",
                    "share/fish/vendor_completions.d/quotecheck.fish",
                    "share/quotecheck/rules/attribution-after.toml"):
            assert (root / rel).is_file(), rel
        # The installed binary runs from another directory with its built-in rules.
        strike = str(ROOT / FIX / "strike.md")
        r = subprocess.run([str(root / "bin/quotecheck"), "extract", "--format", "jsonl", strike],
                           cwd=dest, capture_output=True, timeout=60)
        assert r.returncode == 0 and b'"speaker":"Ilse Varga"' in r.stdout, r
        man = subprocess.run(["man", "-l", str(root / "share/man/man1/quotecheck.1")],
                             capture_output=True, timeout=60, env={**os.environ, "MANWIDTH": "80"})
        if man.returncode == 0:  # man-db installed
            assert b"quotecheck" in man.stdout and b"--encoding" in man.stdout.replace(b"\xe2\x80\x90", b"-")


# ---- quiet runs, capped warnings, the summary line and progress

def many_unbalanced(tmp, n):
    path = Path(tmp) / "big.txt"
    path.write_text("".join(f"Paragraph {i}: the mayor said \u201cwe will see.\n\n" for i in range(n)),
                    encoding="utf-8")
    return str(path)


@test
def warnings_are_capped_per_rule_and_file():
    with tempfile.TemporaryDirectory() as tmp:
        big = many_unbalanced(tmp, 30)
        r = run("extract", "--format", "jsonl", big)
        shown = [l for l in r.err.splitlines() if l.endswith("[unbalanced-quote]")]
        assert len(shown) == 20, r
        assert f"{big}: warning: and 10 more unbalanced-quote warnings" in r.err, r
        # The JSONL output keeps every warning record.
        assert sum(1 for x in jsonl(r.out) if x.get("type") == "warning") == 30, r


@test
def quiet_prints_only_errors_and_the_summary_ends_every_run():
    with tempfile.TemporaryDirectory() as tmp:
        big = many_unbalanced(tmp, 3)
        quiet = run("extract", "--quiet", "--format", "jsonl", big, f"{FIX}/no-such-file.txt")
        assert quiet.code == 2, quiet
        assert quiet.err.splitlines() == [
            f"{FIX}/no-such-file.txt: error: cannot open: No such file or directory"], quiet
        out = Path(tmp) / "out.jsonl"
        loud = run("extract", "--format", "jsonl", "-o", str(out), big)
        last = loud.err.splitlines()[-1]
        assert last.startswith("1 document (0 failed), 0 quotes"), loud
        text = run("extract", big)  # the text report ends with it on stdout instead
        assert "1 document (0 failed)" in text.out.splitlines()[-1], text
        assert "document" not in text.err, text


@test
def progress_only_on_a_terminal():
    import pty
    master, slave = pty.openpty()
    try:
        p = subprocess.run([BIN, "extract", "--format", "jsonl", "fixtures/articles"], cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=slave, timeout=120)
        os.close(slave)
        slave = None
        err = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
    finally:
        if slave is not None:
            os.close(slave)
        os.close(master)
    assert p.returncode == 0, err
    assert b"\r\x1b[Kquotecheck: 1 document, " in err and b" MB, " in err, err
    assert b"quotations" in err and err.endswith(b"\r\x1b[K8 documents (0 failed), 37 quotes, "
                                                 + err.split(b"37 quotes, ")[-1]), err
    piped = run("extract", "--format", "jsonl", "fixtures/articles")
    assert "\r" not in piped.err and "quotecheck: " not in piped.err, piped
    quiet_tty = run("extract", "-q", "--format", "jsonl", "fixtures/articles")
    assert quiet_tty.err == "", quiet_tty


@test
def check_lint_and_diff_end_with_the_summary_on_stderr():
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "report.txt")
        r = run("check", REFS[0], DRAFT, "--format", "jsonl", "--fail-level", "none")
        assert r.err.splitlines()[-1].startswith("2 documents (0 failed)"), r
        r = run("lint", DRAFT, "--against", *REFS, "-o", out, "--fail-level", "none")
        assert r.err.splitlines()[-1].startswith("1 draft, 3 references"), r
        r = run("lint", DRAFT, "--against", *REFS, "--fail-level", "none")  # text ends with it
        assert "1 draft" in r.out.splitlines()[-1] and "draft" not in r.err, r
        r = run("diff", REFS[1], REFS[2], "--format", "html", "--fail-level", "none")
        assert r.err.splitlines()[-1].startswith("0 shared, 1 only in A, 1 only in B"), r
        # --quiet: the record's unbalanced-mark warning and the summary line are left out.
        q = run("check", "--quiet", f"{FIX}/corpus/wire.jsonl", DRAFT, "--format", "jsonl",
                "--fail-level", "none")
        assert q.code == 0 and q.err == "", q
        q = run("lint", "-q", DRAFT, "--against", *REFS, "--format", "jsonl", "--fail-level", "none")
        assert q.code == 0 and q.err == "", q


# ---- a divergence is claimed between versions of one remark, not two remarks alike

def divergence_claims(directory):
    """check's wording-divergence claims over `directory`, each as its quotations' records."""
    r = run("check", directory, "--format", "jsonl", "--fail-level", "none")
    assert r.code == 0, r
    records = jsonl(r.out)
    quotes = {(q["doc"], q["start"]): q for q in records if q.get("type") == "quote"}
    return [[quotes[(q["doc"], q["start"])] for q in f["quotes"]] for f in records
            if f.get("type") == "finding" and f.get("rule") == "wording-divergence"]


@test
def check_claims_no_divergence_between_two_remarks_sharing_scattered_words():
    # The harbourmaster's tram line (two outlets: one drops "in May" and turns "before" into
    # "after") and, another day, his bus depot: the same frame of words, a third of them
    # other, no six in a row. Only the tram line's versions make a divergence claim.
    claims = [[q["text"] for q in claim] for claim in divergence_claims(f"{FIX}/remarks")]
    assert len(claims) == 1, claims
    assert "after the festival," in claims[0][0] and "before the festival" in claims[0][1], claims
    assert not any("bus depot" in t for c in claims for t in c), claims


# ---- tidied speech is not a misquote

@test
def check_claims_no_divergence_for_speech_tidied_up():
    # The council leader says "we will not, uh, we will not raise"; one outlet prints her
    # words as spoken, one tidies them, one drops her "not". Only the dropped "not" is a claim.
    claims = [sorted(os.path.basename(q["doc"]) for q in claim)
              for claim in divergence_claims(f"{FIX}/tidied")]
    assert claims == [["brannock-ledger.txt", "harbour-wire.txt"]], claims

def main():
    global BIN
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("QUOTECHECK_BIN", "build/quotecheck"))
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    BIN = str((ROOT / args.bin).resolve()) if not os.path.isabs(args.bin) else args.bin
    passed = failed = 0
    for fn in TESTS:
        if args.names and fn.__name__ not in args.names:
            continue
        try:
            fn()
            passed += 1
        except Exception:
            failed += 1
            print(f"FAIL {fn.__name__}")
            print(traceback.format_exc()[-4000:])
    print(f"users: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
