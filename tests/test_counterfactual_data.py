"""The counterfactual conflict rows are well formed: each names spans of its gold article that state
the answer, a false replacement for each (or a quiz choice by index), an invented outlet, the
article's date and a split."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from rag.types import Article

from .conftest import SEEDS, folded, read_articles

DATA = Path(__file__).resolve().parent / "data"
# news-dev lives beside the repo (../shared) and is never copied into it; a worktree under wt/
# sits one level deeper than the main checkout.
NEWS_DEV_DIRS = [Path(__file__).resolve().parents[n] / "shared" / "eval" / "news-dev" for n in (2, 3)]
NEWS_DEV = next((d for d in NEWS_DEV_DIRS if (d / "corpus.jsonl").is_file()), None)

KINDS = {"person", "organisation", "place", "date", "number", "money", "other"}
KEYS = {"id", "set", "question_id", "article_id", "spans", "kind", "outlet", "date", "split"}
SEED_QUESTION_FILES = {"seed_questions.jsonl": "dev", "seed_questions_heldout.jsonl": "heldout"}


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]



def check_spans(row: dict, article: Article, replacements: list[str]) -> None:
    """Spans lie inside the article, in order, never overlap, and each is replaced by other text."""
    assert row["spans"] and len(replacements) == len(row["spans"]), row["id"]
    end = 0
    for (start, stop), replacement in zip(row["spans"], replacements):
        assert end <= start < stop <= len(article.text), f"bad or overlapping span: {row['id']}"
        end = stop
        assert isinstance(replacement, str) and replacement.strip(), row["id"]
        assert article.text[start:stop] != replacement, f"replacement equals the text: {row['id']}"


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load(DATA / "counterfactuals.jsonl")


def test_rows_are_well_formed(rows: list[dict]) -> None:
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({(r["set"], r["question_id"]) for r in rows}) == len(rows)
    for row in rows:
        extra = row.keys() - KEYS
        assert KEYS <= row.keys() and extra in ({"replacements"}, {"replacement_choice"}), row["id"]
        assert row["set"] in {"seeds", "news-dev"}
        prefix = "cf-nd-" if row["set"] == "news-dev" else "cf-"
        assert row["id"] == prefix + row["question_id"], row["id"]
        assert row["kind"] in KINDS and row["split"] in {"dev", "heldout"}, row["id"]
        assert isinstance(row["outlet"], str) and row["outlet"].strip(), row["id"]
        assert row["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]), row["id"]
        if row["set"] == "seeds":
            assert "replacements" in row, f"choices are a news-dev thing: {row['id']}"
    sets = Counter(r["set"] for r in rows)
    assert sets["seeds"] >= 40 and sets["news-dev"] >= 50
    for name in ("seeds", "news-dev"):
        assert {r["split"] for r in rows if r["set"] == name} == {"dev", "heldout"}, name
    news = [r for r in rows if r["set"] == "news-dev"]
    assert 0.3 <= sum(r["split"] == "heldout" for r in news) / len(news) <= 0.5
    # Different invented outlets across rows, so a copy is not always attributed to one name.
    assert len({r["outlet"] for r in rows}) >= 10


def test_seed_rows_point_at_answers_in_their_articles(rows: list[dict]) -> None:
    questions: dict[str, tuple[dict, str]] = {}
    for name, split in SEED_QUESTION_FILES.items():
        for q in load(DATA / name):
            questions[q["id"]] = (q, split)
    articles = read_articles(SEEDS)
    for row in (r for r in rows if r["set"] == "seeds"):
        question, split = questions[row["question_id"]]
        assert not question["unanswerable"], row["id"]
        assert row["split"] == split, row["id"]
        assert row["article_id"] in question["gold_ids"], row["id"]
        article = articles[row["article_id"]]
        check_spans(row, article, row["replacements"])
        assert row["date"] == article.date, row["id"]
        # At least one span sits on a stated answer ("for over a year" holds "over a year").
        near = [folded(article.text[max(0, s - 12):e + 12]) for s, e in row["spans"]]
        assert any(folded(a) in n for a in question["answers"] for n in near), row["id"]
        for replacement in row["replacements"]:
            assert not any(folded(a) == folded(replacement) for a in question["answers"]), row["id"]


def test_news_dev_rows_point_into_their_articles(rows: list[dict]) -> None:
    if NEWS_DEV is None:
        pytest.skip(f"news-dev not found at {' or '.join(map(str, NEWS_DEV_DIRS))}")
    questions = {q["id"]: q for q in load(NEWS_DEV / "questions.jsonl")}
    news = [r for r in rows if r["set"] == "news-dev"]
    articles = read_articles(NEWS_DEV / "corpus.jsonl", {r["article_id"] for r in news})
    for row in news:
        question = questions[row["question_id"]]
        assert row["article_id"] in question["gold_ids"], row["id"]
        article = articles[row["article_id"]]
        assert row["date"] == article.date, row["id"]
        choices = [folded(c) for c in question["choices"]]
        if "replacement_choice" in row:
            i = row["replacement_choice"]
            assert isinstance(i, int) and 0 <= i < len(choices), row["id"]
            assert question["choices"][i] != question["answer"], row["id"]
            replacements = [question["choices"][i]] * len(row["spans"])
        else:
            replacements = row["replacements"]
            for r in replacements:
                # A choice is named by its index: news-dev text stays out of the repo.
                assert folded(r) not in choices, f"use replacement_choice: {row['id']}"
                text = folded(article.text)
                assert not any(folded(r)[i:i + 25] in text for i in range(len(r) - 24)), row["id"]
        check_spans(row, article, replacements)
