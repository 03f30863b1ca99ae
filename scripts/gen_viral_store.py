#!/usr/bin/env python3
"""Generate a quote store of one viral quotation printed by many outlets, for `check`.

    scripts/gen_viral_store.py OUT --outlets 20000 [--negated 100] [--variants 300]
                               [--fragments 200] [--seed N]

Every outlet's article (a `document` record and its `quote` records, as `quotecheck extract
--format jsonl` writes them) quotes one invented 30-word statement of an invented minister,
plus one unrelated quotation of its own. Of the copies, `--negated` drop the word "not",
`--variants` change one other word, `--fragments` quote a 12-word run woven into a sentence;
the rest are verbatim (some with typographic apostrophes). Deterministic; writes OUT and
OUT.stats.json (how many copies of each kind, for scripts/bench).
"""
import argparse
import json
import random

STATEMENT = ("We will not reopen the Orrin Bay ferry terminal before the harbour wall has been "
             "rebuilt, and I have told the council that no amount of pressure will change that decision")
SWAPS = {"reopen": "open", "terminal": "port", "rebuilt": "repaired", "told": "warned",
         "council": "board", "pressure": "lobbying", "change": "alter", "decision": "plan",
         "amount": "level", "wall": "barrier"}
SYLLABLES = ["ka", "lo", "mer", "vin", "to", "sal", "dre", "pon", "ith", "ul", "bar", "nes",
             "quo", "rim", "tav", "el", "gor", "shi", "fen", "wa"]


def unrelated(rng):
    """Fourteen invented words: a quotation that shares no phrase with any other."""
    words = ["".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(14)]
    return " ".join(words).capitalize() + "."


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--outlets", type=int, default=20000)
    ap.add_argument("--negated", type=int, default=100)
    ap.add_argument("--variants", type=int, default=300)
    ap.add_argument("--fragments", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    opts = ap.parse_args()
    rng = random.Random(opts.seed)
    kinds = (["negated"] * opts.negated + ["variant"] * opts.variants +
             ["fragment"] * opts.fragments)
    kinds += ["verbatim"] * max(0, opts.outlets - len(kinds))
    rng.shuffle(kinds)
    if kinds:  # the first printing is the statement as said
        first = kinds.index("verbatim") if "verbatim" in kinds else 0
        kinds[0], kinds[first] = kinds[first], kinds[0]
    words = STATEMENT.split()
    stats = {"outlets": len(kinds), "negated": 0, "variant": 0, "fragment": 0, "verbatim": 0}
    with open(opts.out, "w", encoding="utf-8") as out:
        for i, kind in enumerate(kinds):
            doc = f"viral-{i:06d}"
            day = 1 + i * 27 // max(1, len(kinds))
            out.write(json.dumps({"type": "document", "doc": doc, "outlet": f"Outlet {i}",
                                  "date": f"2026-03-{day:02d}"}) + "\n")
            if kind == "negated":
                text = " ".join(w for w in words if w != "not")
            elif kind == "variant":
                w = list(words)
                k = rng.choice([j for j, x in enumerate(w) if x in SWAPS])
                w[k] = SWAPS[w[k]]
                text = " ".join(w)
            elif kind == "fragment":
                text = " ".join(words[3:15])
            else:
                text = STATEMENT if rng.random() < 0.9 else STATEMENT + "."
            stats[kind] += 1
            quotes = [(text, "Minister Edda Quillon" if kind != "fragment" else "Edda Quillon",
                       "Quillon"), (unrelated(rng), f"Clerk Marr {i}", f"Marr {i}")]
            offset = 100
            for line, (q, speaker, mention) in enumerate(quotes, start=3):
                start, end = offset, offset + len(q.encode("utf-8"))
                out.write(json.dumps({
                    "type": "quote", "doc": doc, "start": start, "end": end, "line": line,
                    "col": 2, "text": q, "kind": "direct", "spans": [[start, end]],
                    "speaker": speaker, "speaker_mention": {"start": end + 3, "end": end + 3 + len(mention),
                                                            "text": mention},
                    "cue": {"start": end + 4 + len(mention), "end": end + 8 + len(mention), "text": "said"},
                    "rule": "after/speaker-cue", "confidence": 0.95}, ensure_ascii=False) + "\n")
                offset = end + 200
    with open(opts.out + ".stats.json", "w") as f:
        json.dump(stats, f)


if __name__ == "__main__":
    main()
