#!/usr/bin/env python3
"""Golden test of `quotecheck check` on fixtures/check (the Harnwick viaduct closure).

    tests/e2e/check_links.py                   run the test (skipped while `check` is missing)
    tests/e2e/check_links.py --bin PATH        binary (default: $QUOTECHECK_BIN or build/quotecheck)
    tests/e2e/check_links.py --verbose         also print the scorer's report and every result
    tests/e2e/check_links.py --write-expected  rewrite tests/e2e/check-expected.jsonl from the
                                               tables below and the fixtures' bytes

It runs
    quotecheck check --format jsonl --reference fixtures/check/reference/tsb-statement.txt \
                     fixtures/check/sources
and asserts, one counted test each:
  * every expected link (tests/e2e/check-expected.jsonl, relation != different) is found with
    the expected relation;
  * no `different` pair (a shared phrase, different statements) is linked;
  * every expected finding is there (FINDINGS below), and two guards hold: no `misattribution`
    finding joins quotations that the gold gives to one speaker, and no `primary-divergence` is
    reported at a quotation that quotes the primary source faithfully (FAITHFUL below);
  * check-expected.jsonl agrees with the tables below and the fixtures (offsets not stale).

Matching is score_links.py's (../shared/eval, used when present; else the same rule here): a
gold side matches a link side in the same document when the byte ranges overlap by at least half
of the shorter one, in either orientation. One tolerance: a primary source (the transcript, the
--reference statement) has no quote marks to cut it, so when a link's side in the primary
document is not the gold's exact range, `verbatim`, `normalized` and `fragment` count as one
relation for that pair (`variant` must stay `variant`).

The gold is written by hand as quotation texts (QUOTES, PAIRS); offsets are computed from the
fixtures' bytes (UTF-8 offsets of the words between the marks; for a JSONL record, of its
decoded "text"). Edit the tables, run --write-expected, read the diff.

Ends with one line "check-links: N passed, N failed" (or "check-links: skipped ..." and exit 0
when the binary has no `check` subcommand yet: `quotecheck check --help` exits non-zero).
"""

import argparse
import collections
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXPECTED = HERE / "check-expected.jsonl"
SOURCES = "fixtures/check/sources"
REFERENCE = "fixtures/check/reference/tsb-statement.txt"
JSONL = f"{SOURCES}/wire-records.jsonl"
EVENT = "harnwick-viaduct"
TIMEOUT = 120

CH = f"{SOURCES}/harnwick-chronicle.txt"
TV = f"{SOURCES}/tamsel-valley-news.txt"
MP = f"{SOURCES}/meridian-post.md"
ED = f"{SOURCES}/eastline-dispatch.txt"
CE = f"{SOURCES}/corrow-evening-star.txt"
TR = f"{SOURCES}/transcript-allsop-briefing.md"  # role: primary (front matter)
ST = REFERENCE                                    # primary via --reference
RW = "rookwell-1"                                 # records of wire-records.jsonl
LW = "lantern-2"
PRIMARY_DOCS = {TR, ST}

ALLSOP, TUNSTEAD, DUNLEAVY = "Corina Allsop", "Halvard Tunstead", "Saskia Dunleavy"
PRITCHLEY, OAKHOLLOW = "Ewan Pritchley", "Greer Oakhollow"

# key: (document id, the quoted words exactly as in the document, speaker)
# Each text must occur exactly once in its document.
QUOTES = {
    # The primary transcript (no quote marks: the sides are the sentences the outlets quote).
    "tr.reopen": (TR, "We will not reopen the viaduct before the spring.", ALLSOP),
    "tr.repairs": (TR, "The repairs will take at least 18 weeks, and I would rather tell you that now than apologise later.", ALLSOP),
    "tr.buses": (TR, "We will run replacement buses from Monday, and every season ticket will be honoured on them.", ALLSOP),
    "tr.service": (TR, "The bus service will run every ten minutes at peak times.", ALLSOP),
    "tr.lightly": (TR, "We don't close a railway lightly.", ALLSOP),
    "tr.endofday": (TR, "At the end of the day, safety comes before the timetable.", ALLSOP),
    "tr.cracks": (TR, "The cracks are wider than anything we have seen on this line. That is why we acted within hours.", ALLSOP),
    "tr.cracks1": (TR, "The cracks are wider than anything we have seen on this line.", ALLSOP),
    # The Transit Safety Bureau's statement (--reference).
    "st.growing": (ST, "The movement we recorded in the third and fourth piers is small, but it is growing every week,", TUNSTEAD),
    "st.notsafe": (ST, "The viaduct is not safe for passenger traffic, and it will stay closed until it is.", TUNSTEAD),
    "st.nobody": (ST, "Nobody will cross that viaduct until I am satisfied it is safe,", TUNSTEAD),
    "st.tsb": (ST, "The T.S.B. will publish its full findings by the end of November.", TUNSTEAD),
    # The Harnwick Chronicle (curly marks), 2025-09-15.
    "ch.reopen": (CH, "We will not reopen the viaduct before the spring,", ALLSOP),
    "ch.lightly": (CH, "We don’t close a railway lightly,", ALLSOP),
    "ch.endofday": (CH, "At the end of the day, safety comes before the timetable,", ALLSOP),
    "ch.notsafe": (CH, "The viaduct is not safe for passenger traffic, and it will stay closed until it is,", TUNSTEAD),
    "ch.nobody": (CH, "Nobody will cross that viaduct until I am satisfied it is safe,", TUNSTEAD),
    "ch.deserve": (CH, "The people of Harnwick deserve better than this,", DUNLEAVY),
    "ch.disgrace": (CH, "a national disgrace", PRITCHLEY),
    # Tamsel Valley News (straight marks), 2025-09-16.
    "tv.reopen": (TV, "We will reopen the viaduct before the spring.", ALLSOP),
    "tv.buses": (TV, "We will run replacement buses from Monday. Every season ticket will be honoured on them,", ALLSOP),
    "tv.lightly": (TV, "We don't close a railway lightly,", ALLSOP),
    "tv.notsafe": (TV, "not safe for passenger traffic", TUNSTEAD),
    "tv.disgrace": (TV, "a national disgrace", PRITCHLEY),
    # Meridian Post (Markdown, curly marks), 2025-09-16; also holds the unbalanced quotation.
    "mp.repairs": (MP, "The repairs will take at least 28 weeks,", ALLSOP),
    "mp.service": (MP, "The bus service could run every ten minutes at peak times,", ALLSOP),
    "mp.growing": (MP, "…small, but it is growing every week.", TUNSTEAD),
    "mp.guild": (MP, "The guild will support any plan that keeps our drivers working.", OAKHOLLOW),
    # Eastline Dispatch (straight marks), 2025-09-16.
    "ed.half": (ED, "cut in half by a crack in the stone", DUNLEAVY),
    "ed.nobody": (ED, "Nobody will cross that viaduct until I am satisfied it is safe,", ALLSOP),
    "ed.two": (ED, "This town has been cut in two by a crack in the stone,", DUNLEAVY),
    "ed.endofday": (ED, "At the end of the day, the minister knew about these cracks in March,", PRITCHLEY),
    "ed.deserve": (ED, "The people of Harnwick deserve a railway that works, not a minister who hides,", PRITCHLEY),
    # Corrow Evening Star (curly marks), 2025-09-17.
    "ce.unattributed": (CE, "Nobody told us anything until the trains stopped.", None),
    "ce.cracks": (CE, "The cracks are deeper than anything we have seen on this line,", ALLSOP),
    "ce.tsb": (CE, "The TSB will publish its full findings by the end of November.", TUNSTEAD),
    "ce.embarrassment": (CE, "a national embarrassment", OAKHOLLOW),
    # wire-records.jsonl: Rookwell Radio (2025-09-15), Lantern Wire Service (2025-09-17).
    "rw.repairs": (RW, "The repairs will take at least 18 weeks,", ALLSOP),
    "rw.cracks": (RW, "The cracks are wider than anything we have seen … That is why we acted within hours,", ALLSOP),
    "rw.guild": (RW, "The guild will back any plan that keeps our drivers working.", OAKHOLLOW),
    "lw.two": (LW, "This town has been cut in two by a crack in the stone.", DUNLEAVY),
    "lw.buses": (LW, "we will run replacement buses from Monday, and every season ticket will be honoured on them.", ALLSOP),
}

# (a, b, relation, differing [(a words, b words)], expected change classes, meaning flags, note)
# Relations follow ../shared/eval/README.md's labelling conventions: a final comma against a
# period and abbreviation dots are `normalized`; an ellipsis standing for words that the other
# side quotes makes a `variant`; a leading ellipsis on a contiguous excerpt is still a `fragment`.
PAIRS = [
    # Allsop: "We will not reopen the viaduct before the spring."
    ("tr.reopen", "ch.reopen", "normalized", [], ["punctuation"], [], "final period vs comma"),
    ("tr.reopen", "tv.reopen", "variant", [("not", "")], ["lexical"], ["negation"], "Tamsel Valley News drops the negation"),
    ("ch.reopen", "tv.reopen", "variant", [("not", "")], ["lexical", "punctuation"], ["negation"], "negation dropped"),
    # Allsop: "The repairs will take at least 18 weeks, ..."
    ("tr.repairs", "rw.repairs", "fragment", [], [], [], "Rookwell quotes the first clause"),
    ("tr.repairs", "mp.repairs", "variant", [("18", "28")], ["lexical"], ["number"], "Meridian Post: 28 weeks; the part quoted has a changed word, so variant, not fragment"),
    ("rw.repairs", "mp.repairs", "variant", [("18", "28")], ["lexical"], ["number"], "number changed"),
    # Allsop: "We will run replacement buses from Monday, and every season ticket ..."
    ("tr.buses", "tv.buses", "variant", [(", and every", ". Every")], ["lexical", "punctuation", "case"], ["sentence-split"], "split into two sentences, 'and' dropped"),
    ("tr.buses", "lw.buses", "normalized", [], ["case"], [], "Lantern weaves it into a sentence: lower-case 'we'"),
    ("tv.buses", "lw.buses", "variant", [(". Every", ", and every")], ["lexical", "punctuation", "case"], ["sentence-split"], "split vs one sentence"),
    # Allsop: "The bus service will run every ten minutes at peak times."
    ("tr.service", "mp.service", "variant", [("will", "could")], ["lexical", "punctuation"], ["modal"], "modal will -> could"),
    # Allsop: "We don't close a railway lightly."
    ("ch.lightly", "tv.lightly", "verbatim", [], ["typography"], [], "only curly vs straight quote marks and apostrophe differ"),
    ("tr.lightly", "ch.lightly", "normalized", [], ["punctuation", "typography"], [], "final period vs comma; curly apostrophe"),
    ("tr.lightly", "tv.lightly", "normalized", [], ["punctuation"], [], "final period vs comma"),
    # Allsop: "At the end of the day, safety comes before the timetable."
    ("tr.endofday", "ch.endofday", "normalized", [], ["punctuation"], [], "final period vs comma"),
    ("ch.endofday", "ed.endofday", "different", [], [], [], "shared phrase 'At the end of the day,' only: Allsop vs Pritchley, different statements"),
    ("tr.endofday", "ed.endofday", "different", [], [], [], "shared phrase 'At the end of the day,' only"),
    # Allsop: "The cracks are wider than anything we have seen on this line. That is why ..."
    ("tr.cracks", "rw.cracks", "variant", [("on this line.", "…")], ["omission", "punctuation"], [], "Rookwell's ellipsis stands for words the transcript has"),
    ("tr.cracks1", "ce.cracks", "variant", [("wider", "deeper")], ["lexical", "punctuation"], [], "a word changed"),
    ("rw.cracks", "ce.cracks", "variant", [("wider", "deeper"), ("… That is why we acted within hours,", "on this line,")], ["lexical", "omission"], [], "overlapping excerpts, a word changed"),
    # Tunstead: "The viaduct is not safe for passenger traffic, and it will stay closed until it is."
    ("st.notsafe", "ch.notsafe", "normalized", [], ["punctuation"], [], "final period vs comma"),
    ("st.notsafe", "tv.notsafe", "fragment", [], [], [], "partial quote woven into a sentence"),
    ("ch.notsafe", "tv.notsafe", "fragment", [], [], [], "partial quote woven into a sentence"),
    # Tunstead: "The movement ... is small, but it is growing every week,"
    ("st.growing", "mp.growing", "fragment", [], [], [], "excerpt marked with a leading ellipsis"),
    # Tunstead: "Nobody will cross that viaduct until I am satisfied it is safe," (Eastline: Allsop)
    ("st.nobody", "ch.nobody", "verbatim", [], [], [], "same words, same speaker"),
    ("st.nobody", "ed.nobody", "verbatim", [], [], [], "Eastline Dispatch gives Tunstead's words to Allsop"),
    ("ch.nobody", "ed.nobody", "verbatim", [], ["typography"], [], "same words: Tunstead in the Chronicle, Allsop in Eastline"),
    # Tunstead: "The T.S.B. will publish its full findings by the end of November."
    ("st.tsb", "ce.tsb", "normalized", [], ["punctuation"], [], "abbreviation dots: T.S.B. vs TSB"),
    # Short quotations (under four words): link only on an exact match key.
    ("ch.disgrace", "tv.disgrace", "verbatim", [], ["typography"], [], "three words, same key: Pritchley in both"),
    ("ch.disgrace", "ce.embarrassment", "different", [], [], [], "short quotes sharing 'a national': not the same key"),
    ("tv.disgrace", "ce.embarrassment", "different", [], [], [], "short quotes sharing 'a national': not the same key"),
    # Unrelated but similar: a shared five-word phrase.
    ("ch.deserve", "ed.deserve", "different", [], [], [], "shared phrase 'The people of Harnwick deserve': Dunleavy vs Pritchley"),
    # Dunleavy: "This town has been cut in two by a crack in the stone." (Eastline quotes it two ways)
    ("ed.half", "ed.two", "variant", [("half", "two")], ["lexical"], [], "one article, two wordings (inconsistent-quote)"),
    ("ed.two", "lw.two", "normalized", [], ["punctuation", "typography"], [], "final comma vs period"),
    ("ed.half", "lw.two", "variant", [("half", "two")], ["lexical"], [], "fragment whose words differ: variant"),
    # Oakhollow: "The guild will support/back any plan that keeps our drivers working."
    ("mp.guild", "rw.guild", "variant", [("support", "back")], ["lexical"], [], "a word changed; no primary source"),
]

# Findings that must be present: a finding with this rule whose quotes overlap every listed
# quotation (a tuple means any one of these); or, with "doc", one that names that document.
FINDINGS = [
    ("inconsistent-quote", ["ed.half", "ed.two"], "Eastline Dispatch quotes Dunleavy two ways"),
    ("misattribution", ["ed.nobody", ("ch.nobody", "st.nobody")], "Tunstead's words given to Allsop"),
    ("wording-divergence", ["ed.half", "lw.two"], "cut in half / cut in two across outlets"),
    ("wording-divergence", ["mp.guild", "rw.guild"], "support / back"),
    ("primary-divergence", ["tv.reopen", "tr.reopen"], "negation dropped against the transcript"),
    ("primary-divergence", ["mp.repairs", "tr.repairs"], "18 -> 28 weeks against the transcript"),
    ("primary-divergence", ["mp.service", "tr.service"], "will -> could against the transcript"),
    ("primary-divergence", ["ce.cracks", "tr.cracks1"], "wider -> deeper against the transcript"),
    ("primary-divergence", ["tv.buses", "tr.buses"], "sentence split, 'and' dropped"),
    ("unbalanced-quote", {"doc": MP}, "Brandvold's quotation is never closed"),
    ("unattributed-quote", ["ce.unattributed"], "the chalked slogan has no speaker"),
]

# Members that quote a primary faithfully (same words, or an excerpt): no primary-divergence
# may be reported at them (as a finding's first quotation).
FAITHFUL = ["ch.reopen", "ch.lightly", "tv.lightly", "ch.endofday", "rw.repairs", "lw.buses",
            "ch.notsafe", "tv.notsafe", "mp.growing", "ch.nobody", "ce.tsb"]


# ------------------------------------------------------------------ the fixtures' texts
def document_texts():
    docs = {}
    for path in sorted((ROOT / SOURCES).iterdir()) + [ROOT / REFERENCE]:
        rel = str(path.relative_to(ROOT))
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    docs[rec["id"]] = rec["text"].encode("utf-8")
        else:
            data = path.read_bytes()
            docs[rel] = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    return docs


def side(key, docs):
    doc, text, speaker = QUOTES[key]
    data = docs[doc]
    needle = text.encode("utf-8")
    start = data.find(needle)
    if start < 0:
        raise SystemExit(f"check_links.py: {key}: {text!r} not found in {doc}")
    if data.find(needle, start + 1) >= 0:
        raise SystemExit(f"check_links.py: {key}: {text!r} occurs more than once in {doc}")
    return {"doc": doc, "start": start, "end": start + len(needle), "text": text, "speaker": speaker}


def build_expected():
    docs = document_texts()
    out = []
    for a, b, rel, differing, classes, meaning, note in PAIRS:
        sa, sb = side(a, docs), side(b, docs)
        tags = []
        if sa["doc"] in PRIMARY_DOCS or sb["doc"] in PRIMARY_DOCS:
            tags.append("primary")
        if sa["doc"] == sb["doc"]:
            tags.append("same-document")
        if len(sa["text"].split()) < 4 or len(sb["text"].split()) < 4:
            tags.append("short")
        pair = hashlib.sha1(f"{a}|{b}".encode()).hexdigest()[:10]
        out.append({"a": sa, "b": sb, "relation": rel,
                    "differing": [{"a": x, "b": y} for x, y in differing],
                    "speakers_agree": sa["speaker"] == sb["speaker"], "note": note, "tags": tags,
                    "event": EVENT, "pair": pair, "keys": [a, b],
                    "classes": classes, "meaning": meaning})
    return out


def dump(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# ------------------------------------------------------------------ scoring
def load_scorer():
    for base in (os.environ.get("QUOTECHECK_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if not base:
            continue
        path = Path(base) / "eval" / "score_links.py"
        if path.is_file():
            spec = importlib.util.spec_from_file_location("score_links", path)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod, path
    return None, None


def overlap_ratio(g, p):
    """Overlap as a share of the shorter range when >= 0.5 (score_links.py's rule), else 0."""
    if g["doc"] != p["doc"]:
        return 0.0
    shorter = min(g["end"] - g["start"], p["end"] - p["start"])
    ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
    if shorter <= 0:
        return 1.0 if (g["start"], g["end"]) == (p["start"], p["end"]) else 0.0
    return ov / shorter if ov > 0 and ov / shorter >= 0.5 else 0.0


def best_links(gold, links):
    """gold index -> (score, link index, link side matching gold a, link side matching gold b)."""
    best = {}
    for li, L in enumerate(links):
        for pa, pb in ((L["a"], L["b"]), (L["b"], L["a"])):
            for gi, g in enumerate(gold):
                ra, rb = overlap_ratio(g["a"], pa), overlap_ratio(g["b"], pb)
                if ra and rb and (gi not in best or ra + rb > best[gi][0]):
                    best[gi] = (ra + rb, li, pa, pb)
    return best


def read_output(path):
    links, findings, quotes = [], [], []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if not isinstance(r, dict):
            continue
        t = r.get("type")
        if t == "link" and isinstance(r.get("a"), dict) and isinstance(r.get("b"), dict):
            links.append(r)
        elif t == "finding":
            findings.append(r)
        elif t == "quote":
            quotes.append(r)
    return links, findings, quotes


def finding_sides(f):
    out = []
    for q in f.get("quotes") or []:
        if isinstance(q, dict) and "doc" in q and "start" in q and "end" in q:
            out.append({"doc": str(q["doc"]), "start": int(q["start"]), "end": int(q["end"])})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.environ.get("QUOTECHECK_BIN", "build/quotecheck"))
    ap.add_argument("--write-expected", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    opts = ap.parse_args()

    expected = build_expected()
    if opts.write_expected:
        EXPECTED.write_text(dump(expected), encoding="utf-8")
        print(f"wrote {EXPECTED.relative_to(ROOT)}: {len(expected)} pairs")
        return 0

    binary = opts.bin if os.path.isabs(opts.bin) else str(ROOT / opts.bin)
    try:
        probe = subprocess.run([binary, "check", "--help"], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, timeout=TIMEOUT)
        has_check = probe.returncode == 0
    except OSError:
        has_check = False
    if not has_check:
        print(f"check-links: skipped ({opts.bin} has no check subcommand yet)")
        return 0

    passed = failed = 0
    results = []

    def result(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
        if opts.verbose or not ok:
            results.append(f"  {'ok  ' if ok else 'FAIL'} {what}")

    stale = EXPECTED.read_text(encoding="utf-8") != dump(expected) if EXPECTED.is_file() else True
    result(not stale, f"{EXPECTED.relative_to(ROOT)} agrees with the fixtures "
                      "(else: tests/e2e/check_links.py --write-expected, then read the diff)")

    cmd = [binary, "check", "--format", "jsonl", "--links", "all", "--reference", REFERENCE, SOURCES]
    with tempfile.TemporaryDirectory() as tmp:
        out_path = Path(tmp) / "check.jsonl"
        with open(out_path, "wb") as out:
            try:
                proc = subprocess.run(cmd, cwd=ROOT, stdout=out, stderr=subprocess.PIPE, timeout=TIMEOUT)
                rc, err = proc.returncode, proc.stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                rc, err = None, f"timed out after {TIMEOUT}s"
        result(rc in (0, 1), f"`{' '.join(cmd[1:])}` exits 0 or 1 (got {rc}){': ' + err.strip()[-300:] if rc not in (0, 1) else ''}")
        links, findings, quotes = read_output(out_path)

        scorer, scorer_path = load_scorer()
        if scorer is not None and EXPECTED.is_file() and not stale:
            gold = scorer.load_gold(str(EXPECTED))
            plinks, pquotes, _, _ = scorer.load_pred(str(out_path))
            events, cov = scorer.load_coverage(None, gold)
            res, _ = scorer.score(gold, plinks, events, cov, pquotes)
            if opts.verbose:
                print(f"score_links.py ({scorer_path}):")
                scorer.print_report(res)
            else:
                print(f"score_links.py: link recall {res['link_recall']}, relation accuracy "
                      f"{res['relation_accuracy']}, false-link rate {res['false_link_rate']}, "
                      f"precision {res['precision']} ({res['predicted_links']} links)")

    gold = [{"a": g["a"], "b": g["b"], "relation": g["relation"], "keys": g["keys"]} for g in expected]
    best = best_links(gold, [{"a": {"doc": str(L["a"].get("doc")), "start": int(L["a"].get("start", -1)),
                                    "end": int(L["a"].get("end", -1))},
                              "b": {"doc": str(L["b"].get("doc")), "start": int(L["b"].get("start", -1)),
                                    "end": int(L["b"].get("end", -1))}} for L in links])
    same_words = {"verbatim", "normalized", "fragment"}
    for gi, g in enumerate(gold):
        a, b = g["keys"]
        if g["relation"] == "different":
            hit = best.get(gi)
            result(hit is None, f"different {a} / {b}: not linked"
                   + (f" (linked as {links[hit[1]].get('relation')})" if hit else ""))
            continue
        hit = best.get(gi)
        if hit is None:
            result(False, f"{g['relation']} {a} / {b}: linked (no link found)")
            continue
        _, li, pa, pb = hit
        got = links[li].get("relation")
        ok = got == g["relation"]
        if not ok and g["relation"] in same_words and got in same_words:
            # Primary sources have no marks: a differently cut primary side may turn
            # verbatim/normalized into fragment or back.
            for gs, ps in ((g["a"], pa), (g["b"], pb)):
                if gs["doc"] in PRIMARY_DOCS and (gs["start"], gs["end"]) != (ps["start"], ps["end"]):
                    ok = True
        result(ok, f"{g['relation']} {a} / {b}: linked as {got}")

    docs = document_texts()
    sides = {k: side(k, docs) for k in QUOTES}
    for rule, want, note in FINDINGS:
        cands = [f for f in findings if f.get("rule") == rule]
        if isinstance(want, dict):
            doc = want["doc"]
            ok = any(any(s["doc"] == doc for s in finding_sides(f)) or f.get("doc") == doc
                     or doc in str(f.get("message", "")) for f in cands)
            result(ok, f"finding {rule} in {doc} ({note})")
            continue
        def covers(f):
            fs = finding_sides(f)
            for w in want:
                alts = w if isinstance(w, tuple) else (w,)
                if not any(overlap_ratio(sides[k], s) for k in alts for s in fs):
                    return False
            return True
        shown = " + ".join("|".join(w) if isinstance(w, tuple) else w for w in want)
        result(any(covers(f) for f in cands), f"finding {rule} on {shown} ({note})")

    def gold_key(s):
        for k, q in sides.items():
            if overlap_ratio(q, s):
                return k
        return None

    bad = []
    for f in findings:
        if f.get("rule") != "misattribution":
            continue
        keys = {gold_key(s) for s in finding_sides(f)} - {None}
        speakers = {QUOTES[k][2] for k in keys}
        if len(keys) >= 2 and len(speakers) == 1:
            bad.append(sorted(keys))
    result(not bad, "no misattribution between quotations of one speaker" + (f": {bad}" if bad else ""))
    bad = []
    for f in findings:
        if f.get("rule") != "primary-divergence":
            continue
        fs = finding_sides(f)
        if fs and gold_key(fs[0]) in FAITHFUL:
            bad.append(gold_key(fs[0]))
    result(not bad, "no primary-divergence at a faithful quotation" + (f": {bad}" if bad else ""))

    if results:
        print("\n".join(results))
    print(f"check-links: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
