#!/usr/bin/env python3
"""Generate a deterministic quote store (extract-style JSON Lines) for benchmarking `check`.

    scripts/gen_quote_store.py --out bench-data/quotes-100k.jsonl --quotes 100000 [--seed N]

Writes what `quotecheck extract --format jsonl` writes and `check` reads as a quote store
(src/ingest/quote_store.h): per document a `document` record {"type","doc","outlet","date",
"title"[,"role"]} followed by its `quote` records (type, doc, start, end, line, col, text, kind,
spans, speaker, speaker_mention, cue, rule, confidence), then a final `summary` record. The
documents' text is never written: offsets, lines and columns are invented but consistent
(increasing within a document, end - start = the text's UTF-8 length, mention and cue next to
the quotation). Also writes OUT.stats.json (counts, text bytes, forms).

What the quotations look like (everything invented; Python standard library, fixed seed):
  * Stories ("events"), each covered by 2-8 outlets over a few days, each with a few speakers
    drawn from a shared pool (the same ministers speak in many stories).
  * An utterance is 1-3 sentences built from a grammar over a few thousand words with Zipf-like
    frequencies, so different utterances share many phrases: common openers ("At the end of
    the day,", "We are going to make sure that", "The government will"), stock sentences
    ("That is the whole story."), frequent subjects, verbs and objects.
  * Each utterance appears in 1-8 documents of its story: the first as said, the others
    verbatim, with typography changes (’ vs '), normalized (final punctuation, case),
    as fragments (a contiguous run of words woven into a sentence, sometimes led by an
    ellipsis), as variants (a word swapped for a synonym, a word dropped or added, a negation
    added or dropped, a number changed, a modal changed, a sentence split or merged), or with
    an ellipsis for omitted words; now and then given to another speaker of the story.
  * About 1 story in 20 has a primary source (a transcript, document role "primary") that holds
    the utterances as said; a few quotations are unattributed, a few are scare-quoted terms.
"""

import argparse
import json
import os
import random
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_corpus import FIRST_F, FIRST_M, SURNAMES, TITLES  # noqa: E402

SYL_A = "ka ve lo mar tes bra or wen sel da ri fen hal cor tam dun har gil os ter ul ne pra vos".split()
SYL_B = "vany mere dale wick field ton holm gate stad burg mouth ford by ley rith vane sk".split()
OUTLET_A = ["The", "The", "", ""]
OUTLET_B = "Harbour Valley Morrow Northgate Tessaline Brightwater Kestrel Lantern Meridian Eastline Corrow Rookwell Amberlin Orlen Tamsel Harnwick Selvany Vastel Cordun Eskerby".split()
OUTLET_C = "Ledger Post Herald Courier Wire Gazette Times Star Dispatch Observer Radio Journal Chronicle Mercury Tribune Examiner Bulletin Record Standard Voice".split()

OPENERS = [
    "At the end of the day,", "Let me be clear:", "We are going to make sure that", "I can tell you that",
    "The fact of the matter is that", "In the coming weeks,", "As I said before,", "Frankly,",
    "We have always said that", "Make no mistake,", "For the first time in years,", "I want to be very clear that",
    "Nobody should doubt that", "Whatever happens,", "I think", "I believe that", "To be honest,",
    "Once and for all,", "In my view,", "We know that",
]
SUBJECTS = [
    "we", "we", "we", "the government", "the government", "this ministry", "our partners", "the council",
    "nobody", "every family in {place}", "the people of {place}", "our workers", "the opposition", "I",
    "this administration", "the farmers", "our children", "the ministry", "the treasury", "the committee",
    "the union", "the other side", "the board", "{org}", "this country", "our engineers", "the regulator",
]
MODALS = ["will", "will", "will", "would", "must", "can", "should", "may", "could", "might", "cannot"]
MODAL_SWAP = {"will": ["would", "could", "may"], "would": ["will", "could"], "must": ["should", "will"],
              "can": ["could", "will"], "should": ["must", "could"], "may": ["might", "will"],
              "could": ["would", "will", "can"], "might": ["may", "will"], "cannot": ["will not", "could not"]}
VERBS = """accept protect review finance rebuild defend support oppose deliver finish approve reject fund cut raise
lower open close build repair replace inspect delay sign negotiate publish investigate reform modernise restore
protect secure extend expand reduce double halve guarantee honour respect abandon reconsider demand
require allow forbid welcome condemn challenge question examine audit transfer return recover compensate
train hire dismiss appoint elect serve represent lead follow change keep break defeat win lose share divide
unite rescue save spend borrow lend invest tax subsidise regulate license ban permit tolerate ignore answer
explain justify defend announce postpone cancel resume continue start stop""".split()
SYNONYMS = {"accept": "take", "protect": "defend", "review": "examine", "finance": "fund", "rebuild": "repair",
            "support": "back", "oppose": "fight", "finish": "complete", "approve": "endorse", "reject": "refuse",
            "cut": "reduce", "raise": "increase", "build": "construct", "delay": "postpone", "sign": "ratify",
            "demand": "insist on", "welcome": "applaud", "condemn": "denounce", "spend": "invest",
            "important": "crucial", "difficult": "hard", "serious": "grave", "new": "fresh", "huge": "enormous",
            "big": "large", "small": "minor", "fair": "just", "people": "citizens", "money": "funds",
            "problem": "issue", "plan": "scheme", "deal": "agreement", "promise": "pledge", "country": "nation",
            "quickly": "rapidly", "clearly": "plainly", "always": "consistently", "never": "not once"}
ADJS = """new old fair difficult serious important huge big small strong weak public national local regional
final whole full real clear simple honest modern safe dangerous expensive cheap long short free open
independent proper fundamental historic unprecedented reckless responsible irresponsible sensible
urgent necessary sustainable temporary permanent decent basic additional entire rural urban""".split()
NOUNS = """plan deal budget agreement bridge railway road harbour dam river school hospital contract tax reform
project people money problem promise law vote election border treaty accord crisis debt deficit pension
wage price market farm harvest water power grid line station port quay tunnel viaduct fleet army police
court inquiry report review audit committee council ministry office union strike protest coalition party
majority minority region province town village city capital coast valley island mountain forest field
factory mine mill workshop company bank loan grant subsidy fund scheme programme strategy policy rule
standard licence permit investment economy industry sector future past history truth question answer
decision mistake failure success victory defeat compromise proposal offer request demand condition deadline
schedule timetable winter spring summer autumn season year month week""".split()
PLACES = "{place}"
TAILS = [
    "", "", "", "", " before {month}", " by the end of the year", " in {place}", " for {num} years",
    " with {num} million crowns", " without delay", " as soon as possible", " next {month}", " this week",
    " for the people of {place}", " within {num} days", " after the election", " whatever it costs",
    " and everyone knows it", ", and that is final", " if we stay united",
]
EXTRAS = [
    "That is the whole story.", "Nobody should be surprised.", "The numbers speak for themselves.",
    "We've been here before.", "It's a matter of trust.", "The rest is politics.", "I said it then and I say it now.",
    "Ask anyone in {place}.", "We will see in {month}.", "They know where to find us.", "That is not going to happen.",
    "It's as simple as that.", "We don't have a choice.", "This is not the time for games.",
]
ADVERBS = ["really", "very", "now", "also", "still", "certainly", "clearly", "fully"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ORG_A = ["the Ministry of", "the Office of", "the Council for", "the Authority for", "the Board of", "the Agency for"]
ORG_B = ["Waterways", "Transport", "Energy", "Finance", "Agriculture", "Health", "Schools", "Ports", "Housing",
         "Labour", "Trade", "Justice", "Fisheries", "Forests", "Rail", "Roads"]
TERMS = ["iron handshake", "river pact", "red line", "grain corridor", "silent majority", "bridge theatre",
         "quiet diplomacy", "coalition of the willing", "reset", "big bang", "war chest", "kitchen cabinet"]
DROPPABLE = set(ADJS) | set(ADVERBS) | {"all", "just", "even", "really", "very"}
NUMBER_WORDS = {"two": "three", "three": "four", "four": "five", "five": "six", "ten": "twelve", "eleven": "twelve"}


def zipf_picker(r, items, s=1.0):
    """A function picking from items with weight 1/rank^s (rank order shuffled once)."""
    items = list(items)
    r.shuffle(items)
    weights = [1.0 / (i + 1) ** s for i in range(len(items))]
    cum = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    import bisect

    def pick():
        return items[bisect.bisect_left(cum, r.random() * total)]
    return pick


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        r = self.r
        self.verb = zipf_picker(r, VERBS)
        self.adj = zipf_picker(r, ADJS)
        self.noun = zipf_picker(r, NOUNS)
        self.subject = zipf_picker(r, SUBJECTS, 0.8)
        self.opener = zipf_picker(r, OPENERS, 0.7)
        self.extra = zipf_picker(r, EXTRAS, 0.7)
        self.tail = zipf_picker(r, TAILS, 0.6)
        self.places = sorted({(a + b).capitalize() for a in SYL_A for b in SYL_B})
        self.place = zipf_picker(r, self.places, 0.9)
        self.outlets = sorted({" ".join(x for x in (a, b, c) if x)
                               for a in OUTLET_A for b in OUTLET_B for c in OUTLET_C})
        self.outlet = zipf_picker(r, self.outlets, 0.5)
        self.forms = Counter()
        self.people = []

    # ------------------------------------------------------------------ utterances
    def fill(self, s):
        while "{" in s:
            s = (s.replace("{place}", self.place(), 1).replace("{month}", self.r.choice(MONTHS), 1)
                 .replace("{num}", str(self.r.randint(2, 950)), 1)
                 .replace("{org}", f"{self.r.choice(ORG_A)} {self.r.choice(ORG_B)}", 1))
        return s

    def noun_phrase(self):
        r = self.r
        det = r.choice(["the", "the", "the", "this", "our", "a", "every", "their"])
        np = f"{det} {self.adj()} {self.noun()}" if r.random() < 0.55 else f"{det} {self.noun()}"
        if np.startswith("a ") and np[2] in "aeiou":
            np = "an " + np[2:]
        if r.random() < 0.3:
            np += f" of the {self.noun()}"
        return np

    def clause(self):
        r = self.r
        subj = self.fill(self.subject())
        if r.random() < 0.75:
            modal = r.choice(MODALS)
            neg = " not" if r.random() < 0.15 and modal != "cannot" else ""
            core = f"{subj} {modal}{neg} {self.verb()} {self.noun_phrase()}"
        else:
            contraction = r.choice(["we're going to", "we don't want to", "I don't think we should",
                                    "it's time to", "we've decided to", "they won't"])
            core = f"{contraction} {self.verb()} {self.noun_phrase()}"
        return core + self.fill(self.tail())

    def sentence(self):
        r = self.r
        s = self.clause()
        if r.random() < 0.35:
            s = f"{self.opener()} {s}"
        if r.random() < 0.25:
            s += f", and {self.clause()}"
        s = s[0].upper() + s[1:]
        return s + ("?" if r.random() < 0.05 else ".")

    def utterance(self):
        r = self.r
        n = r.choice([1, 1, 1, 2, 2, 3])
        parts = [self.sentence()]
        for _ in range(n - 1):
            parts.append(self.fill(self.extra()) if r.random() < 0.3 else self.sentence())
        return " ".join(parts)

    # ------------------------------------------------------------------ forms
    def typography(self, t):
        if "’" in t:
            return t.replace("’", "'")
        if "'" in t:
            return t.replace("'", "’")
        return t.replace(" - ", " — ") if " - " in t else t

    def normalized(self, t):
        r = self.r
        k = r.randrange(3)
        if k == 0 and t[-1] in ".?":
            return t[:-1] + ","
        if k == 1 and ", " in t:
            i = t.index(", ")
            return t[:i] + t[i + 1:]
        return t[0].lower() + t[1:] if t[0].isupper() and not t.startswith("I ") else t[:-1] + ";"

    def fragment(self, t):
        """A contiguous run of words that ends where a sentence or clause ends (as partial quotes
        do), sometimes cut at both ends, sometimes led by an ellipsis."""
        r = self.r
        words = t.split()
        if len(words) < 6:
            return None
        ends = [k + 1 for k, w in enumerate(words) if w[-1] in ".,;?:"]
        end = r.choice(ends) if ends and r.random() < 0.8 else r.randint(5, len(words))
        lo = max(0, end - 14)
        if end - lo < 4:
            return None
        i = r.randint(lo, end - 4)
        if i == 0 and end == len(words):
            i = 1
            if end - i < 4:
                return None
        frag = " ".join(words[i:end])
        if i > 0 and r.random() < 0.2:
            frag = "…" + frag
        elif frag[0].isupper() and not frag.startswith("I ") and r.random() < 0.7:
            frag = frag[0].lower() + frag[1:]
        if r.random() < 0.6:
            frag = frag.rstrip(".,;?:")
        return frag

    def variant(self, t):
        r = self.r
        words = t.split(" ")
        for _ in range(8):
            k = r.choice(["synonym", "synonym", "drop", "insert", "negation", "number", "modal", "split"])
            if k == "synonym":
                idx = [i for i, w in enumerate(words) if w.strip(".,?;:").lower() in SYNONYMS]
                if idx:
                    i = r.choice(idx)
                    core = words[i].strip(".,?;:")
                    rep = SYNONYMS[core.lower()]
                    words[i] = words[i].replace(core, rep if core.islower() else rep.capitalize())
                    return " ".join(words), "synonym"
            elif k == "drop":
                idx = [i for i, w in enumerate(words[:-1]) if i and w in DROPPABLE]
                if idx:
                    del words[r.choice(idx)]
                    return " ".join(words), "drop"
            elif k == "insert":
                idx = [i + 1 for i, w in enumerate(words[:-1]) if w in MODALS]
                if idx:
                    words.insert(r.choice(idx), r.choice(ADVERBS))
                    return " ".join(words), "insert"
            elif k == "negation":
                for i, w in enumerate(words[:-1]):
                    if w in MODALS and w != "cannot":
                        if words[i + 1] == "not":
                            del words[i + 1]
                        else:
                            words.insert(i + 1, "not")
                        return " ".join(words), "negation"
            elif k == "number":
                for i, w in enumerate(words):
                    core = w.strip(".,?;:")
                    if core.isdigit():
                        words[i] = w.replace(core, str(int(core) + r.choice([-1, 1, 10, -10, 100]) if int(core) > 100 else int(core) + r.randint(1, 9)))
                        return " ".join(words), "number"
                    if core in NUMBER_WORDS:
                        words[i] = w.replace(core, NUMBER_WORDS[core])
                        return " ".join(words), "number"
            elif k == "modal":
                for i, w in enumerate(words):
                    if w in MODAL_SWAP:
                        words[i] = r.choice(MODAL_SWAP[w])
                        return " ".join(words), "modal"
            elif k == "split":
                s = " ".join(words)
                if ", and " in s:
                    i = s.index(", and ")
                    rest = s[i + 6:]
                    return s[:i] + ". " + rest[0].upper() + rest[1:], "split"
                if ". " in s and r.random() < 0.5:
                    i = s.index(". ")
                    rest = s[i + 2:]
                    if not rest.startswith("I "):
                        rest = rest[0].lower() + rest[1:]
                    return s[:i] + ", and " + rest, "merge"
        return None, None

    def ellipsis(self, t):
        words = t.split()
        if len(words) < 10:
            return None
        i = self.r.randrange(3, len(words) - 5)
        n = self.r.randint(2, 4)
        return " ".join(words[:i] + ["…"] + words[i + n:])

    def form(self, original):
        """(text, kind, form name) of one more appearance of an utterance."""
        r = self.r
        x = r.random()
        if x < 0.30:
            return original, "direct", "verbatim"
        if x < 0.38:
            return self.typography(original), "direct", "typography"
        if x < 0.52:
            return self.normalized(original), "direct", "normalized"
        if x < 0.72:
            f = self.fragment(original)
            if f:
                return f, "partial", "fragment"
        if x < 0.95:
            v, how = self.variant(original)
            if v:
                if r.random() < 0.15:
                    v2, _ = self.variant(v)
                    v = v2 or v
                return v, "direct", "variant-" + how
        e = self.ellipsis(original)
        if e:
            return e, "direct", "ellipsis"
        return original, "direct", "verbatim"

    # ------------------------------------------------------------------ people, stories
    def person(self):
        r = self.r
        female = r.random() < 0.5
        first = r.choice(FIRST_F if female else FIRST_M)
        return f"{first} {r.choice(SURNAMES)}", r.choice(TITLES)

    def speaker_pool(self, n):
        while len(self.people) < n:
            self.people.append(self.person())

    def story(self, eid, day):
        """The documents of one story: [(document record, [(text, kind, speaker, form)])]."""
        r = self.r
        speakers = r.sample(self.people, r.randint(2, 6))
        ndocs = r.randint(2, 8)
        outlets = []
        while len(outlets) < ndocs:
            o = self.outlet()
            if o not in outlets:
                outlets.append(o)
        docs = []
        month, dom = divmod(day, 28)
        year, month = 2024 + month // 12, month % 12 + 1
        topic = f"{self.noun()} {self.place()}"
        for k, o in enumerate(outlets):
            dd = min(28, dom + 1 + r.choice([0, 0, 0, 1, 1, 2, 3]))
            slug = o.lower().replace("the ", "").replace(" ", "-")
            docs.append(({"type": "document", "doc": f"s{eid:06d}/{slug}.txt", "outlet": o,
                          "date": f"{year}-{month:02d}-{dd:02d}", "title": f"{topic.capitalize()}: story {eid}"}, []))
        primary = None
        if r.random() < 0.05:
            spk = speakers[0]
            primary = ({"type": "document", "doc": f"s{eid:06d}/transcript.txt", "outlet": "Transcript",
                        "date": f"{year}-{month:02d}-{min(28, dom + 1):02d}", "title": f"Transcript: {spk[0]}",
                        "role": "primary"}, [])
        for _ in range(r.randint(3, 10)):
            text = self.utterance()
            spk = r.choice(speakers)
            appearances = min(ndocs, 1 + int(r.expovariate(0.6)))
            where = r.sample(range(ndocs), appearances)
            if primary is not None and spk is speakers[0]:
                primary[1].append((text, "direct", spk[0], "primary"))
            for j, d in enumerate(where):
                if j == 0:
                    t, kind, form = text, "direct", "original"
                else:
                    t, kind, form = self.form(text)
                name = spk[0]
                x = r.random()
                if x < 0.03 and len(speakers) > 1:
                    name = r.choice([s for s in speakers if s is not spk])[0]
                    form += "+misattributed"
                elif x < 0.06:
                    name = None
                    form += "+unattributed"
                docs[d][1].append((t, kind, name, form))
        for d in docs:
            if r.random() < 0.15:
                d[1].append((r.choice(TERMS), "term", None, "term"))
            r.shuffle(d[1])
        if primary is not None and primary[1]:
            docs.insert(0, primary)
        return docs


def quote_records(doc_id, quotes, r):
    """The quote records of one document, with consistent invented offsets."""
    pos = r.randint(80, 400)
    line = r.randint(3, 6)
    out = []
    for text, kind, speaker, _ in quotes:
        pos += r.randint(30, 500)
        line += r.randint(1, 4)
        col = r.randint(1, 60)
        start = pos + 1
        end = start + len(text.encode("utf-8"))
        rec = {"type": "quote", "doc": doc_id, "start": start, "end": end, "line": line, "col": col,
               "text": text, "kind": kind, "spans": [[start, end]], "speaker": speaker}
        if speaker:
            ms = end + 3
            me = ms + len(speaker.encode("utf-8"))
            rec["speaker_mention"] = {"start": ms, "end": me, "text": speaker}
            rec["cue"] = {"start": me + 1, "end": me + 5, "text": "said"}
            rec["rule"] = "after/speaker-cue"
            rec["confidence"] = 0.9
        else:
            rec["speaker_mention"] = None
            rec["cue"] = None
            rec["rule"] = "none/unattributed" if kind != "term" else "term/scare-quote"
            rec["confidence"] = 0.5
        out.append(rec)
        pos = end + 40
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--quotes", type=int, required=True, help="number of quote records (at least)")
    ap.add_argument("--seed", type=int, default=20250915)
    opts = ap.parse_args()

    gen = Gen(opts.seed)
    gen.speaker_pool(max(50, opts.quotes // 40))
    r2 = random.Random(opts.seed + 1)
    nquotes = ndocs = text_bytes = primaries = 0
    forms = Counter()
    eid = 0
    with open(opts.out, "w", encoding="utf-8") as f:
        while nquotes < opts.quotes:
            for doc, quotes in gen.story(eid, (eid * 7) // 10 % (28 * 24)):
                if not quotes:
                    continue
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
                ndocs += 1
                primaries += doc.get("role") == "primary"
                for rec in quote_records(doc["doc"], quotes, r2):
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                for q in quotes:
                    forms[q[3]] += 1
                    text_bytes += len(q[0].encode("utf-8"))
                nquotes += len(quotes)
            eid += 1
        f.write(json.dumps({"type": "summary", "documents": ndocs, "failed": 0, "quotes": nquotes,
                            "clusters": 0, "findings": 0, "bytes": 0, "seconds": 0}) + "\n")
    stats = {"quotes": nquotes, "documents": ndocs, "stories": eid, "primary_documents": primaries,
             "speakers": len(gen.people), "text_bytes": text_bytes, "store_bytes": os.path.getsize(opts.out),
             "forms": dict(sorted(forms.items())), "seed": opts.seed}
    with open(opts.out + ".stats.json", "w") as f:
        json.dump(stats, f, indent=1)
    print(json.dumps({k: v for k, v in stats.items() if k != "forms"}), file=sys.stderr)


if __name__ == "__main__":
    main()
