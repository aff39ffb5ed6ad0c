"""Sources that disagree, end to end on the seeds with the real model: a copy of the EU Times
article that names another minister, published by another outlet; and a claim that its
article says is denied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.pipeline import Pipeline
from rag.settings import Settings
from rag.sync import Indexer

from .conftest import SEEDS, run_rag

EU_TIMES = "000_71612fa1522f51fd.txt"
WHO = ("Which Russian Deputy Foreign Minister said the US refusal to share intelligence on terrorists in "
       "Syria raises the question of whose side it is on?")
WHEN = "On what day of the week did Ryabkov make his comments about the US refusal to share intelligence?"


def counterfactual(corpus: Path) -> None:
    """The EU Times article as another outlet would have it: Karasin for Ryabkov."""
    text = (SEEDS / EU_TIMES).read_text().replace("Ryabkov", "Karasin").replace("EU Times", "Northern Courier")
    row = {"id": "northern-courier", "title": "Karasin: US refusal to share intelligence", "text": text,
           "outlet": "Northern Courier", "date": "2015-10-08"}
    (corpus / "copy.jsonl").write_text(json.dumps(row) + "\n")


@pytest.fixture
def pipeline(settings: Settings, embedder) -> Pipeline:
    counterfactual(settings.corpus)
    Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    return Pipeline(settings.model_copy(update={"llm": "extractive"}), embedder)


def test_a_swapped_name_is_reported_with_both_sides_cited(pipeline: Pipeline) -> None:
    answer = pipeline.ask(WHO)
    assert not answer.refused
    (conflict,) = answer.conflicts
    named = {v.value.split()[-1]: v for v in conflict.values}
    assert set(named) == {"Ryabkov", "Karasin"}
    assert named["Karasin"].articles == ("northern-courier",) and named["Karasin"].outlets == ("Northern Courier",)
    assert "northern-courier" not in named["Ryabkov"].articles and EU_TIMES in named["Ryabkov"].articles
    # The answer says so first, and cites every side with a supported citation of its sentence.
    assert answer.text.startswith(f"The sources disagree on {conflict.about}: ")
    cited = {(c.n, c.article_id) for c in answer.citations if c.supported}
    for value in conflict.values:
        assert value.value in answer.text
        for n, article in zip(value.citations, value.articles, strict=False):
            assert (n, answer.passages[n - 1].article_id) in cited
            assert value.value.split()[-1] in next(c.quote for c in answer.citations if c.n == n and c.supported
                                                   and value.value.split()[-1] in c.quote)
    out = answer.as_json()["conflicts"]
    assert [set(v) >= {"value", "citations", "articles", "outlets"} for v in out[0]["values"]] == [True, True]


def test_sources_that_agree_report_no_conflict(pipeline: Pipeline) -> None:
    # The copy gives the same day as the original: no disagreement on it.
    answer = pipeline.ask(WHEN)
    assert not answer.refused and "Thursday" in answer.text
    assert answer.conflicts == () and not answer.text.startswith("The sources disagree")


def test_the_cli_json_carries_the_conflicts(settings: Settings, embedder) -> None:
    counterfactual(settings.corpus)
    proc = run_rag("ask", WHO, "--corpus", str(settings.corpus), "--index", str(settings.index),
                   "--llm", "extractive", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    (conflict,) = out["conflicts"]
    assert {v["value"].split()[-1] for v in conflict["values"]} == {"Ryabkov", "Karasin"}
    assert any("Northern Courier" in v["outlets"] for v in conflict["values"])


def test_a_quoted_accusation_is_followed_by_its_denial(pipeline: Pipeline) -> None:
    answer = pipeline.ask("What has the US accused Russia of?")
    assert "The US has accused Russia of failing to target ISIS" in answer.text
    # Russia's word, ours to attribute, after the accusation (both from the copies that carry them).
    assert answer.text.index('Russia, as reported in') > answer.text.index("The US has accused Russia")
    assert '"Russia denies the allegations."' in answer.text
    (dispute,) = [d for d in answer.disputes if d.denial.quote == "Russia denies the allegations."]
    assert (dispute.assertion.speaker, dispute.denial.speaker) == ("US", "Russia")
    out = answer.as_json()["disputes"]
    assert any(d["denial"]["speaker"] == "Russia" and d["assertion"]["speaker"] == "US" for d in out)


def test_rag_eval_conflicts_adds_each_copy_asks_and_scores(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in (Path(__file__).parent / "data" / "counterfactuals.jsonl").read_text().splitlines()]
    (row,) = [r for r in rows if r["id"] == "cf-seed-01"]  # Ryabkov's name swapped in the EU Times article
    data = tmp_path / "rows.jsonl"
    data.write_text(json.dumps(row) + "\n")
    proc = run_rag("eval", "--conflicts", str(data), "--articles", f"seeds={SEEDS}",
                   "--question-set", f"seeds={Path(__file__).parent / 'data' / 'seed_questions.jsonl'}",
                   "--llm", "extractive", "--work", str(tmp_path / "work"), "--json", timeout=600)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["dev"] == {"rows": 1, "flagged": 1.0, "cites_both": 1.0, "seeds": 1.0}
    (scored,) = report["per_row"]
    assert scored["conflicts"][0]["about"] == "the name" and scored["answer"].startswith("The sources disagree")
    # The copy is gone from the work corpus and its index afterwards: the next row starts clean.
    assert not (tmp_path / "work" / "seeds" / "corpus" / "counterfactual.jsonl").exists()
    bad = run_rag("eval", "--conflicts", str(data), "--llm", "extractive")
    assert bad.returncode != 0 and "--articles" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
