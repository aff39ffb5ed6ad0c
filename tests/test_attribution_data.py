"""The hand-labelled attribution data is well formed: every labelled span is a sentence exactly as
rag splits its article, kinds and splits are valid, and the question set has what it promises."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import get_args

import pytest

from rag.evaluate import same_speaker
from rag.text import sentence_spans
from rag.types import Article, Kind

from .conftest import SEEDS, folded, read_articles

DATA = Path(__file__).resolve().parent / "data"
# news-dev lives beside the repo (../shared) and is never copied into it.
NEWS_DEV = Path(__file__).parents[2] / "shared/eval/news-dev/corpus.jsonl"

KINDS = set(get_args(Kind))
SENTENCE_KEYS = {"corpus", "article_id", "start", "end", "kind", "speaker", "role", "direct", "split", "hint"}
OPTIONAL_KEYS = {"via", "note"}
QUESTION_KEYS = {"id", "question", "kind", "speaker", "outlet", "answers", "not_speaker", "gold_ids", "split"}
QUESTION_KINDS = {"who", "what_did_x_say", "which_outlet", "near_miss"}
# Seeds labelled sentence by sentence with no gaps (001 and 003 may skip page furniture and comments).
COMPLETE_SEEDS = {"000_71612fa1522f51fd.txt", "002_db38f92249411e75.txt", "004_8bf53314b5d23ce2.txt"}


def load(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]



def check_spans(rows: list[dict], articles: dict[str, Article]) -> None:
    """Each row's span is one of rag's sentences of its article; no sentence is labelled twice."""
    seen: set[tuple[str, int]] = set()
    for row in rows:
        article = articles.get(row["article_id"])
        assert article is not None, f"unknown article {row['article_id']}"
        spans = set(sentence_spans(article.text))
        assert (row["start"], row["end"]) in spans, f"not a rag sentence: {row}"
        key = (row["article_id"], row["start"])
        assert key not in seen, f"labelled twice: {row}"
        seen.add(key)


@pytest.fixture(scope="module")
def sentences() -> list[dict]:
    return load("attribution_sentences.jsonl")


@pytest.fixture(scope="module")
def questions() -> list[dict]:
    return load("attribution_questions.jsonl")


def test_sentence_rows_are_well_formed(sentences: list[dict]) -> None:
    assert len(sentences) >= 250
    for row in sentences:
        assert SENTENCE_KEYS <= row.keys() <= SENTENCE_KEYS | OPTIONAL_KEYS, row
        assert row["corpus"] in {"seeds", "news-dev"}
        assert row["kind"] in KINDS, row
        assert row["split"] in {"dev", "heldout"}
        assert 0 <= row["start"] < row["end"]
        expected_direct = {"quote": True, "transcript": True, "indirect": False}.get(row["kind"])
        assert row["direct"] is expected_direct, row
        if row["kind"] in {"quote", "indirect", "embedded"}:
            assert isinstance(row["speaker"], str) and row["speaker"].strip(), row
        if row["kind"] in {"reporting", "furniture"}:
            assert row["speaker"] is None and row["role"] is None, row
        for key in ("speaker", "role", "via", "note"):
            assert row.get(key) is None or (isinstance(row[key], str) and row[key].strip()), row
    assert {row["kind"] for row in sentences} == KINDS
    for corpus in ("seeds", "news-dev"):
        rows = [r for r in sentences if r["corpus"] == corpus]
        assert {r["split"] for r in rows} == {"dev", "heldout"}, corpus
        # A split is whole articles, so one article never feeds both.
        by_article = {(r["article_id"], r["split"]) for r in rows}
        assert len(by_article) == len({r["article_id"] for r in rows}), corpus


def test_seed_spans_are_rag_sentences(sentences: list[dict]) -> None:
    rows = [r for r in sentences if r["corpus"] == "seeds"]
    articles = read_articles(SEEDS)
    check_spans(rows, articles)
    for row in rows:
        assert row["hint"] == articles[row["article_id"]].text[row["start"]:row["end"]][:40], row
    for name in COMPLETE_SEEDS:
        labelled = {(r["start"], r["end"]) for r in rows if r["article_id"] == name}
        assert labelled == set(sentence_spans(articles[name].text)), name
    assert {r["article_id"] for r in rows} == set(articles)


def test_news_dev_spans_are_rag_sentences(sentences: list[dict]) -> None:
    if not NEWS_DEV.is_file():
        pytest.skip(f"news-dev corpus not found at {NEWS_DEV}")
    rows = [r for r in sentences if r["corpus"] == "news-dev"]
    ids = {r["article_id"] for r in rows}
    articles = read_articles(NEWS_DEV, ids)
    check_spans(rows, articles)
    for row in rows:
        assert row["hint"] is None, row  # news-dev text stays out of the repo
        text = folded(articles[row["article_id"]].text)
        note = folded(row.get("note") or "")
        copied = [note[i:i + 25] for i in range(len(note) - 24) if note[i:i + 25] in text]
        assert not copied, f"note copies article text: {row}"


def test_outlets_cover_every_labelled_article(sentences: list[dict]) -> None:
    outlets = load("attribution_outlets.jsonl")
    keys = [(o["corpus"], o["article_id"]) for o in outlets]
    assert len(keys) == len(set(keys))
    assert set(keys) == {(r["corpus"], r["article_id"]) for r in sentences}
    for o in outlets:
        assert {"corpus", "article_id", "outlet", "date"} <= o.keys() <= {"corpus", "article_id", "outlet", "date", "note"}
        assert o["outlet"] is None or (isinstance(o["outlet"], str) and o["outlet"].strip())
        assert o["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", o["date"]), o
    if NEWS_DEV.is_file():
        dates = {}
        with NEWS_DEV.open(encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                dates[r["id"]] = r.get("date")
        for o in outlets:
            if o["corpus"] == "news-dev":
                assert o["date"] == dates[o["article_id"]].replace("/", "-")[:10], o


def test_questions_are_well_formed(questions: list[dict]) -> None:
    assert len(questions) >= 40
    assert len({q["id"] for q in questions}) == len(questions)
    seeds = {p.name: folded(p.read_text(encoding="utf-8")) for p in SEEDS.iterdir() if p.suffix == ".txt"}
    every_seed = " ".join(seeds.values())
    for q in questions:
        assert q.keys() == QUESTION_KEYS, q
        assert q["kind"] in QUESTION_KINDS and q["split"] in {"dev", "heldout"}
        assert q["question"].strip().endswith("?")
        assert q["gold_ids"] and set(q["gold_ids"]) <= set(seeds), q
        if q["kind"] == "near_miss":
            assert q["answers"] == [] and q["speaker"] is None, q
            # A near miss names someone the articles do mention.
            assert q["not_speaker"] and folded(q["not_speaker"]) in every_seed, q
        else:
            assert q["answers"] and q["not_speaker"] is None, q
            gold = " ".join(seeds[g] for g in q["gold_ids"])
            assert any(folded(a) in gold for a in q["answers"]), f"no answer in the gold articles: {q}"
        if q["kind"] == "which_outlet":
            assert q["outlet"], q
    kinds = Counter(q["kind"] for q in questions)
    assert kinds["who"] >= 12 and kinds["what_did_x_say"] >= 12
    assert kinds["which_outlet"] >= 8 and kinds["near_miss"] >= 10
    for kind in QUESTION_KINDS:
        assert {q["split"] for q in questions if q["kind"] == kind} == {"dev", "heldout"}, kind


@pytest.mark.parametrize("name", [f"aq{n}.jsonl" for n in (*range(15, 40), *range(42, 117))])
def test_dev_batches_of_attribution_questions_are_well_formed(name: str) -> None:
    # Fresh batches by helpers who read only the seeds: each read once unseen, then tuned on (README).
    rows = load(f"dev_batches/{name}")
    seeds = {p.name: folded(p.read_text(encoding="utf-8")) for p in SEEDS.iterdir() if p.suffix == ".txt"}
    assert len(rows) == 40 and Counter(q["kind"] for q in rows) == {kind: 10 for kind in QUESTION_KINDS}
    for q in rows:
        assert q.keys() == QUESTION_KEYS and q["split"] == "dev" and set(q["gold_ids"]) <= set(seeds), q
        gold = " ".join(seeds[g] for g in q["gold_ids"])
        assert q["answers"] == [] if q["kind"] == "near_miss" else any(folded(a) in gold for a in q["answers"]), q


@pytest.mark.parametrize(("gold", "said", "same"), [
    ("Shoigu", "Sergei Shoigu", True),
    ("Sergey Ryabkov", "Sergei Ryabkov", True),
    ("Liu", "Liu Junyan", True),  # a name written surname first
    ("Liu", "Liu Junyan Wei", False),
    ("Junyan", "Liu Junyan", True),
    ("Ryabkov", "Sergey Lavrov", False),
    ("Kirby", None, False),
    ("Art Rooney II", "Art Rooney", True),  # a generation after the name
    ("Martin King Jr.", "Martin King", True),
])
def test_the_scorer_takes_a_surname_for_the_name_it_belongs_to(gold: str, said: str | None, same: bool) -> None:
    assert same_speaker(gold, said) is same
