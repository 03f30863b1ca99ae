#!/usr/bin/env python3
"""Generate a deterministic corpus of invented news articles with quotations, for benchmarks.

Every person, place, organisation and event is invented; articles are composed from templates
and word lists with a fixed seed, so the same arguments always give the same bytes.

    scripts/gen_corpus.py --out bench-data/corpus --mb 200        both forms (below)
    scripts/gen_corpus.py --out DIR --mb 5 --seed 7 --no-jsonl      only the .txt tree

Writes, under --out:
    txt/NNN/aNNNNNN.txt    one article per file, 1000 files per folder
    articles.jsonl         the same articles as JSONL records (id, outlet, date, title, text)
    stats.json             counts: articles, bytes, quotes by shape

Quotation shapes (mixed at realistic rates, ~1 quotation per 400-600 bytes of text):
said-after (“Q,” S said / said S / S told X), said-before with colon, S added + comma,
according to, appositive (S, a role, said: “Q.”), interrupted (“A,” S said, “B.”),
partial (described it as “…”), scare-quote terms, multi-paragraph quotations, pronoun
speakers, quotes with no cue following an attributed one; curly and straight marks, and
apostrophes that are not quotes (don’t, the council’s, the ’90s).
"""

import argparse
import json
import os
import random
import sys
from collections import Counter

FIRST_F = """Ilona Marta Hana Edda Rosa Lena Anika Greta Sofia Irena Talia Mira Vesna Clara Oona Petra
Livia Nadia Selma Ines Agata Roza Maren Ylva Dagny Tove Helka Zora Alba Katya""".split()
FIRST_M = """Tomas Piet Abel Dario Bertil Olek Ivo Jonas Alder Matej Konrad Emil Stefan Rurik Anselm
Teodor Casimir Lukas Oskar Viggo Havel Radko Milo Fenn Jarek Leif Aurel Bram Cyril Dusan""".split()
SURNAMES = """Vastrick Ardelin Harrowgate Corvath Kettleby Fennimore Vell Haagen Solberg Prell Quillon
Finch Brisk Trent Moss Ostrander Wendell Kallista Brannock Selwyn Marrow Devlin Ashgrove Pellam
Torvik Hasselby Norcott Varga Lindqvist Morrish Abernath Ravel Steen Dobrin Kovacz Heller Mirov
Sandoval Tremont Castellan Oakhurst Winslade Rooke Fairlie Gorran Haldane Iverson Jessop Kellan
Lorimer Maddox Nettle Orrin Penrose Quayle Redfern Stroud Tamsin Upton Vickery Waverly Yardley
Zellner Brack Cotter Dunmore Elston Farrow Gilder Holm Ingram Jory Kestrel""".split()
ROLES = ["the finance minister", "the foreign minister", "the defence minister", "a spokeswoman for the ministry",
         "a spokesman for the council", "the opposition leader", "the mayor", "a senior diplomat",
         "the harbourmaster", "the chief negotiator", "a farmer from the east bank", "an economist at the Selvany Institute",
         "the head of the dockworkers’ union", "a deputy in the national assembly", "the regional governor",
         "the director of the water authority", "a retired judge", "the party’s deputy chair",
         "the ambassador", "a teacher in the old town"]
TITLES = ["Premier", "President", "Minister", "Mayor", "Governor", "Senator", "Councillor", "Ambassador",
          "Judge", "Professor", "Deputy", "Chancellor"]
COUNTRIES = ["Kelvaria", "Dunmarra", "Ostmere", "Valdovia", "Carrow", "Istrelland", "Brennmark", "Solvany",
             "Tarnesse", "Morvane"]
ADJ = {"Kelvaria": "Kelvarian", "Dunmarra": "Dunmarran", "Ostmere": "Ostmerish", "Valdovia": "Valdovian",
       "Carrow": "Carrovian", "Istrelland": "Istrellish", "Brennmark": "Brennish", "Solvany": "Solvanian",
       "Tarnesse": "Tarnessian", "Morvane": "Morvanian"}
TOWNS = ["Selvany", "Northgate", "Brightwater", "Lower Orlen", "Kessfield", "Tarrow Bay", "Amberlin",
         "Hollowmere", "Vastel", "Cordun", "Eskerby", "Mirrowdale", "Port Alvin", "Ravensholm"]
ORGS = ["the Ministry of Waterways", "the Castellum", "the Port Authority", "the National Grid Office",
        "the Farmers’ League", "the Harbour Board", "the Central Bank", "the Council of Elders",
        "the Transport Directorate", "the Selvany Institute", "the Dockworkers’ Union",
        "the Office of the Ombudsman"]
OUTLETS = ["The Harbour Ledger", "Morrow Daily Post", "Tessaline Wire", "The Valley Courier", "Northgate Herald",
           "Brightwater Gazette", "Kestrel Radio", "Orlen Valley Times", "The Evening Lantern", "Amberlin Observer"]
TOPICS = [("dam", "the sluice gates", "the water accord"), ("port", "the new quay", "the shipping agreement"),
          ("budget", "the spending plan", "the budget deal"), ("bridge", "the new bridge", "the construction contract"),
          ("election", "the ballot", "the electoral reform"), ("grid", "the power lines", "the energy pact"),
          ("rail", "the northern line", "the rail concession"), ("border", "the crossing points", "the border treaty"),
          ("harvest", "the grain stores", "the farm subsidy"), ("schools", "the new curriculum", "the teachers’ pay deal")]

# Quotation building blocks.
Q_SUBJ = ["We", "The government", "Our people", "The farmers", "This council", "Everyone in this room",
          "The engineers", "My ministry", "The other side", "Our partners", "The workers", "I", "You"]
Q_VERB = ["will not accept", "have waited years for", "are ready to defend", "cannot afford", "never promised",
          "will deliver", "must finish", "don’t understand", "have paid for", "will fight for", "did not ask for",
          "are proud of", "can’t ignore", "will review", "have always supported"]
Q_OBJ = ["this agreement", "a fair deal", "the money we were promised", "a single day of delay", "{thing}",
         "{deal}", "the people of {town}", "another winter like the last one", "what was signed in {town}",
         "the truth about {thing}", "a better offer", "these conditions", "the plan as it stands"]
Q_TAIL = ["", "", "", " and everyone knows it", ", whatever they say in {capital}", " before the spring",
          ", and that is final", " without a vote", " if we stay united", ", you understand that?",
          " — not now, not ever", " as long as I’m in this office"]
Q_EXTRA = ["It’s a matter of trust.", "That is the whole story.", "We’ve been here before.",
           "Nobody should be surprised.", "The numbers speak for themselves.", "This is not the ’90s.",
           "Ask anyone in {town}.", "I said it then and I say it now.", "The rest is politics.",
           "We will see in {month}.", "They know where to find us."]
FRAGMENTS = ["a handshake made of iron", "extremely productive", "a promise kept", "deeply irresponsible",
             "the best deal in a generation", "a betrayal of the valley", "long overdue", "a historic step",
             "not one day later", "reckless and premature", "a victory for common sense", "a paper tiger"]
TERMS = ["iron handshake", "river pact", "coalition of the willing", "grain corridor", "silent majority",
         "red line", "bridge theatre", "quiet diplomacy"]
VERBS_SAID = ["said", "said", "said", "said", "added", "told reporters", "said on {day}", "insisted",
              "warned", "explained", "told the {outlet}", "said in a statement", "wrote on social media"]
VERBS_BEFORE = ["said", "told reporters", "added", "wrote", "declared", "said in a statement", "insisted"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

NARRATIVE = [
    "The talks in {town} ran late into the night, and delegates from {country} and {country2} left the hall without a joint statement.",
    "{deal} has been the subject of negotiations since the ’90s, when the first draft was rejected by {org}.",
    "Officials in {capital} said a second round of talks was planned for {month}, though no date has been set.",
    "The agreement covers {thing} and a number of smaller questions that both sides’ negotiators had set aside in earlier rounds.",
    "Turnout at the meeting in {town} was higher than expected, with several hundred residents crowding the council’s main hall.",
    "According to figures published by {org}, spending on {thing} rose by {num} per cent last year.",
    "Critics say the process has been rushed. The opposition has called for a parliamentary inquiry, and {org} has asked for the documents to be published.",
    "The {adj} delegation arrived on {day} morning by train from {capital}, a journey that took more than six hours.",
    "It was not the first time the two governments had clashed over {thing}. A similar dispute in {month} ended only after weeks of mediation.",
    "Residents of {town} have long complained that decisions about {thing} are taken far away, in ministries they don’t trust.",
    "The plan would cost an estimated {num} million crowns over five years, most of it paid by the {adj} treasury.",
    "Markets reacted calmly. The crown was little changed against the mark by the close of trading on {day}.",
    "Under the terms of {deal}, each side will appoint {num} inspectors, who will report to a joint commission every quarter.",
    "The ministry’s own report, leaked to the press in {month}, described the state of {thing} as poor.",
    "Rock ’n’ roll blared from a café across the square as the leaders’ motorcade drove past.",
]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.shapes = Counter()

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def person(self):
        female = self.r.random() < 0.5
        first = self.pick(FIRST_F if female else FIRST_M)
        return {"first": first, "last": self.pick(SURNAMES), "female": female,
                "title": self.pick(TITLES), "role": self.pick(ROLES)}

    def fill(self, s, ctx):
        if "{" not in s:
            return s
        capital_first = s.startswith("{")
        s = s.format(town=self.pick(TOWNS), country=ctx["country"], country2=ctx["country2"],
                        capital=ctx["capital"], org=self.pick(ORGS), month=self.pick(MONTHS), day=self.pick(DAYS),
                        thing=ctx["thing"], deal=ctx["deal"], adj=ADJ[ctx["country"]],
                        num=self.r.randint(2, 90), outlet=ctx["outlet"])
        return s[0].upper() + s[1:] if capital_first else s

    def sentence(self, ctx):
        """One sentence with its final punctuation."""
        s = f"{self.pick(Q_SUBJ)} {self.pick(Q_VERB)} {self.pick(Q_OBJ)}{self.pick(Q_TAIL)}"
        s = self.fill(s, ctx)
        return s if s.endswith("?") else s + "."

    def quote_body(self, ctx, sentences=None):
        n = sentences or self.pick([1, 1, 1, 2, 2, 3])
        parts = [self.sentence(ctx)]
        for _ in range(n - 1):
            parts.append(self.fill(self.pick(Q_EXTRA), ctx) if self.r.random() < 0.5 else self.sentence(ctx))
        return " ".join(parts)

    def marks(self):
        return ("“", "”") if self.r.random() < 0.7 else ('"', '"')

    def quote_paragraph(self, ctx, speaker, named):
        """One paragraph holding a quotation; returns its text and the shape name."""
        o, c = self.marks()
        p = speaker
        name = f"{p['first']} {p['last']}" if not named else p["last"]
        if not named and self.r.random() < 0.4:
            name = f"{p['title']} {p['first']} {p['last']}"
        pron = "she" if p["female"] else "he"
        body = self.quote_body(ctx)
        comma_body = body if body.endswith("?") else body[:-1] + ","
        shape = self.pick(["after", "after", "after", "after-inverted", "pronoun", "pronoun", "before-colon",
                           "added-comma", "according-to", "appositive", "interrupted", "partial", "partial",
                           "term", "told", "no-cue", "multi-paragraph"])
        if shape in ("pronoun", "no-cue") and not named:
            shape = "after"
        verb = self.fill(self.pick(VERBS_SAID), ctx)
        if shape == "after":
            text = f"{o}{comma_body}{c} {name} {verb}."
        elif shape == "after-inverted":
            text = f"{o}{comma_body}{c} said {name}."
        elif shape == "pronoun":
            text = f"{o}{comma_body}{c} {pron} {verb}."
        elif shape == "told":
            text = f"{o}{comma_body}{c} {name} told the {ctx['outlet']}."
        elif shape == "before-colon":
            text = f"{name} {self.fill(self.pick(VERBS_BEFORE), ctx)}: {o}{body}{c}"
        elif shape == "added-comma":
            text = f"{name} added, {o}{body}{c}"
        elif shape == "according-to":
            text = f"{o}{comma_body}{c} according to {name}."
        elif shape == "appositive":
            text = f"{p['first']} {p['last']}, {p['role']}, said: {o}{body}{c}"
        elif shape == "interrupted":
            second = self.quote_body(ctx, 1)
            if not second.startswith("I "):
                second = second[0].lower() + second[1:]
            text = f"{o}{comma_body}{c} {name} said, {o}{second}{c}"
        elif shape == "partial":
            frag = self.pick(FRAGMENTS)
            form = self.r.randrange(3)
            if form == 0:
                text = f"{name} described {ctx['deal']} as {o}{frag}{c} and said talks would resume in {self.pick(MONTHS)}."
            elif form == 1:
                text = f"{name} said the decision was {o}{frag},{c} adding that {ctx['thing']} would be reviewed."
            else:
                text = f"In a statement, {self.pick(ORGS)} called the proposal {o}{frag}.{c}"
        elif shape == "term":
            text = (f"The so-called {o}{self.pick(TERMS)}{c} has dominated the debate in {self.pick(TOWNS)} "
                    f"for weeks, and {name} has been its loudest critic.")
        elif shape == "no-cue":
            text = f"{o}{body}{c}"
        else:  # multi-paragraph: opening mark on each paragraph, closing mark only at the end
            text = (f"{o}{self.quote_body(ctx, 2)}\n\n{o}{self.quote_body(ctx, 2)}\n\n"
                    f"{o}{comma_body}{c} {name} said.")
        self.shapes[shape] += 1
        return text

    def article(self, idx):
        r = self.r
        country, country2 = r.sample(COUNTRIES, 2)
        topic = self.pick(TOPICS)
        ctx = {"country": country, "country2": country2, "capital": self.pick(TOWNS), "thing": topic[1],
               "deal": topic[2], "outlet": self.pick(OUTLETS)}
        people = [self.person() for _ in range(r.randint(2, 5))]
        date = f"2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        title = f"{ADJ[country]} {topic[0]} talks: {self.pick(FRAGMENTS).capitalize()}"
        paras = [f"{self.pick(TOWNS).upper()} — " + self.fill(self.pick(NARRATIVE), ctx)]
        target = r.randint(1500, 7000)
        size = len(paras[0])
        introduced = set()
        last_speaker = None
        while size < target:
            if r.random() < 0.6:
                para = self.fill(self.pick(NARRATIVE), ctx)
                if r.random() < 0.6:
                    para += " " + self.fill(self.pick(NARRATIVE), ctx)
            else:
                # Mostly keep talking about the last speaker (pronouns, no-cue follow-ups).
                if last_speaker is not None and r.random() < 0.45:
                    p = last_speaker
                else:
                    p = self.pick(people)
                named = id(p) in introduced and p is last_speaker
                para = self.quote_paragraph(ctx, p, named)
                introduced.add(id(p))
                last_speaker = p
            paras.append(para)
            size += len(para.encode("utf-8")) + 2
        return {"id": f"a{idx:06d}", "outlet": ctx["outlet"], "date": date, "title": title,
                "text": "\n\n".join(paras) + "\n"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=200, help="total text size in MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=20250320)
    ap.add_argument("--no-txt", action="store_true")
    ap.add_argument("--no-jsonl", action="store_true")
    opts = ap.parse_args()

    gen = Gen(opts.seed)
    limit = int(opts.mb * 1_000_000)
    os.makedirs(opts.out, exist_ok=True)
    jsonl = None if opts.no_jsonl else open(os.path.join(opts.out, "articles.jsonl"), "w", encoding="utf-8")
    total = count = 0
    while total < limit:
        art = gen.article(count)
        data = art["text"].encode("utf-8")
        if not opts.no_txt:
            folder = os.path.join(opts.out, "txt", f"{count // 1000:03d}")
            if count % 1000 == 0:
                os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, art["id"] + ".txt"), "wb") as f:
                f.write(data)
        if jsonl:
            jsonl.write(json.dumps(art, ensure_ascii=False) + "\n")
        total += len(data)
        count += 1
    if jsonl:
        jsonl.close()
    quotes = sum(n for s, n in gen.shapes.items())
    stats = {"articles": count, "text_bytes": total, "quotations": quotes,
             "bytes_per_quotation": round(total / max(quotes, 1)), "shapes": dict(sorted(gen.shapes.items())),
             "seed": opts.seed}
    with open(os.path.join(opts.out, "stats.json"), "w") as f:
        json.dump(stats, f, indent=1)
    print(json.dumps(stats), file=sys.stderr)


if __name__ == "__main__":
    main()
