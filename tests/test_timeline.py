"""A topic's timeline (rag/timeline.py): order by date with undated entries last, one entry for
one claim in several articles, no page furniture, reader comments as such, days a sentence
names; then the seeds with the real models, and `rag timeline` itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.index import IndexReader
from rag.pipeline import Pipeline
from rag.settings import Settings
from rag.sync import Indexer
from rag.timeline import as_text, event_day, timeline
from rag.types import Filter, Timeline, TimelineEntry, TimelineSource
from ui import render

from .conftest import run_rag
from .fakes import HashEmbedder

PETROV = '"The strikes on the depots near Aleppo will go on," Defence Minister Ivan Petrov said.'
# One story: RT first (2015-10-01, a Thursday), Sputnik repeating the minister's words later,
# EU Times last; an undated blog with a reader comment under it; an unrelated RT report.
ROWS = [
    {"id": "rt", "title": "Depots struck", "outlet": "RT", "date": "2015-10-01",
     "text": f"Russian jets struck the depots near Aleppo on Thursday.\n{PETROV}\n"
             "Read more: Depots near Aleppo struck again\n"},
    {"id": "sputnik", "title": "More depots struck", "outlet": "Sputnik", "date": "2015-10-20",
     "text": f"{PETROV}\nJets struck more depots near Aleppo yesterday.\n"},
    {"id": "eutimes", "title": "Last depots struck", "outlet": "EU Times", "date": "2015-11-05",
     "text": "Jets struck the last depots near Aleppo on 3 November 2015.\n"
             "The depots near Aleppo held fuel, Petrov told reporters.\n"},
    {"id": "blog", "title": "A blog on Aleppo",
     "text": "The depots near Aleppo burned all night, the blog reports.\n12 Comments\n"
             "The depots near Aleppo were empty anyway, I bet.\n"},
    {"id": "weather", "title": "Rain in Moscow", "outlet": "RT", "date": "2015-10-02",
     "text": "Rain fell on Moscow all week. Forecasters expect snow.\n"},
]
TOPIC = "strikes on the depots near Aleppo"


@pytest.fixture
def story(tmp_path) -> Pipeline:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    settings = Settings(corpus=corpus, index=tmp_path / "index", llm="extractive", attribution_parser="",
                        entity_tagger="")
    Indexer(settings, HashEmbedder(), progress=False, on_message=lambda m: None).sync()
    return Pipeline(settings, HashEmbedder())


def article_text(pipeline: Pipeline, article_id: str) -> str:
    with IndexReader(pipeline.settings.index) as reader:
        return reader.article_rows([article_id])[article_id].text


def test_entries_are_by_date_undated_last_one_claim_once_and_never_furniture(story) -> None:
    tl = timeline(story, TOPIC)
    dates = [e.date for e in tl.entries]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[:len(dated)] == dated  # undated ones only at the end
    assert dated[0] == "2015-10-01"
    # The minister's words in RT and in Sputnik: one entry, at the first report, citing both.
    petrov = [e for e in tl.entries if e.quote == PETROV]
    assert len(petrov) == 1
    entry = petrov[0]
    assert (entry.kind, entry.speaker, entry.date) == ("quote", "Ivan Petrov", "2015-10-01")
    assert [(s.outlet, s.date) for s in entry.sources] == [("RT", "2015-10-01"), ("Sputnik", "2015-10-20")]
    for source in entry.sources:  # each citation is the article's exact characters
        assert article_text(story, source.article_id)[source.start:source.end] == source.quote == PETROV
        assert tl.passages[source.n - 1].article_id == source.article_id
    quotes = " ".join(e.quote for e in tl.entries)
    assert "Read more" not in quotes and "12 Comments" not in quotes and "Rain" not in quotes
    # The outlet's own reporting is an event, said by the outlet.
    assert any(e.kind == "reporting" and e.speaker == "EU Times" for e in tl.entries)
    # A reader's comment is one, labelled so, and its own day is unknown.
    comment = next(e for e in tl.entries if e.kind == "comment")
    assert comment.quote == "The depots near Aleppo were empty anyway, I bet." and comment.date is None
    assert "a reader comment" in as_text(tl)


def test_days_the_sentences_name_are_shown_as_derived_and_never_move_an_entry(story) -> None:
    tl = timeline(story, TOPIC)
    by_quote = {e.quote: e for e in tl.entries}
    thursday = by_quote["Russian jets struck the depots near Aleppo on Thursday."]
    assert (thursday.date, thursday.event_date) == ("2015-10-01", "2015-10-01")
    assert "Thursday" in thursday.event_basis and "own day" in thursday.event_basis
    yesterday = by_quote["Jets struck more depots near Aleppo yesterday."]
    assert (yesterday.date, yesterday.event_date) == ("2015-10-20", "2015-10-19")
    stated = by_quote["Jets struck the last depots near Aleppo on 3 November 2015."]
    assert (stated.date, stated.event_date, stated.event_basis) == ("2015-11-05", "2015-11-03",
                                                                    "a date the sentence gives")
    assert by_quote[PETROV].event_date is None  # "will go on": nothing that has happened


@pytest.mark.parametrize("sentence, published, expected", [
    ("Ryabkov said Thursday.", "2015-10-08", "2015-10-08"),  # a Thursday: the article's own day
    ("Ryabkov said on Monday.", "2015-10-08", "2015-10-05"),  # the Monday before
    ("The court met yesterday.", "2015-10-08", "2015-10-07"),
    ("He spoke on Oct 8th, 2015.", None, "2015-10-08"),  # a full date needs no dated article
    ("He spoke on 8 October 2015.", "2015-11-13", "2015-10-08"),
    ("The talks will resume on Friday.", "2015-10-08", None),  # what is to come
    ("The court on Monday set the trial to start Friday.", "2015-10-08", None),  # two days: which?
    ("He spoke on Thursday.", None, None),  # a weekday of an undated article: no day
    ("The vote is on 30 November 2015.", "2015-10-08", None),  # after the article: a plan
    ("He spoke in October 2015.", "2015-10-08", None),  # not a day
])
def test_a_day_is_read_from_a_sentence_only_when_it_names_one(sentence, published, expected) -> None:
    assert event_day(sentence, published)[0] == expected


def test_filters_apply_and_an_empty_one_says_so(story) -> None:
    later = timeline(story, TOPIC, Filter(since="2015-10-15"))
    assert later.scope == "dated from 2015-10-15"
    assert {s.outlet for e in later.entries for s in e.sources} == {"Sputnik", "EU Times"}
    assert all(e.date for e in later.entries)  # a user's date filter keeps undated articles out
    assert next(e for e in later.entries if e.quote == PETROV).date == "2015-10-20"
    sputnik = timeline(story, TOPIC, Filter(outlets=("sputnik",)))
    assert {s.outlet for e in sputnik.entries for s in e.sources} == {"Sputnik"}
    none = timeline(story, TOPIC, Filter(outlets=("Nobody",)))
    assert none.entries == () and none.notice == "No article matches outlet Nobody."
    assert "No claims or events" in render.timeline(none)


def test_json_and_html_carry_every_citation_and_escape_article_text(story) -> None:
    out = json.loads(json.dumps(timeline(story, TOPIC).as_json()))
    assert set(out) == {"topic", "scope", "notice", "entries", "passages"}
    first = out["entries"][0]
    assert set(first) >= {"date", "event_date", "event_basis", "kind", "speaker", "role", "quote", "sources"}
    assert set(first["sources"][0]) >= {"n", "article_id", "title", "outlet", "date", "start", "end", "quote"}
    evil = TimelineSource(1, "a", "<b>Title</b>", "a.txt", None, None, 0, 30, "<script>alert(1)</script>")
    entry = TimelineEntry("quote", "<img src=x>", None, evil.quote, (evil,), 0.9, None)
    page = render.timeline(Timeline("<i>topic</i>", (entry,), ()))
    assert "<script>" not in page and "<img" not in page and "<i>topic" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "date unknown" in page and "[1, chars 0-30]" in page


# --- The seeds, with the real models ------------------------------------------------------------


def test_the_seeds_timeline_of_the_intelligence_refusal(settings: Settings, embedder) -> None:
    Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    pipeline = Pipeline(settings, embedder)
    tl = timeline(pipeline, "US refusal to share intelligence with Russia")
    first = tl.entries[0]
    # The one dated seed article comes first; the undated ones after it, said to be undated.
    assert (first.date, first.first.outlet) == ("2015-10-08", "EU Times")
    dated = [e for e in tl.entries if e.date]
    assert all(e.first.outlet == "EU Times" for e in dated)
    assert all(e.date is None for e in tl.entries[len(dated):]) and len(tl.entries) > len(dated)
    ryabkov = [e for e in tl.entries if e.speaker and e.speaker.endswith("Ryabkov")]
    assert {s.outlet for e in ryabkov for s in e.sources} >= {"EU Times", "Sputnik"}
    refusal = next(e for e in ryabkov if e.quote.startswith("The refusal to share intelligence"))
    assert refusal.kind == "quote" and refusal.role == "Deputy Foreign Minister"
    assert (refusal.event_date, refusal.date) == ("2015-10-08", "2015-10-08")  # "said Thursday"
    with IndexReader(settings.index) as reader:
        for e in tl.entries:
            for s in e.sources:
                assert reader.article_rows([s.article_id])[s.article_id].text[s.start:s.end] == s.quote
    kinds = {e.kind for e in tl.entries}
    assert "furniture" not in kinds and kinds <= {"quote", "indirect", "transcript", "embedded", "reporting", "comment"}
    text = as_text(tl)
    assert "\ndate unknown\n" in text and "EU Times · Sergey Ryabkov (Deputy Foreign Minister), quoted:" in text


def test_the_timeline_command_prints_json_and_text_and_takes_filters(corpus: Path) -> None:
    topic = "US refusal to share intelligence with Russia"
    out = json.loads(run_rag("timeline", topic, "--json", check=True).stdout)  # syncs the index first
    assert out["topic"] == topic and out["entries"][0]["date"] == "2015-10-08"
    assert any(s["outlet"] == "Sputnik" for e in out["entries"] for s in e["sources"])
    sputnik = json.loads(run_rag("timeline", topic, "--json", "--outlet", "Sputnik", check=True).stdout)
    assert sputnik["scope"] == "outlet Sputnik" and sputnik["entries"]
    assert {s["outlet"] for e in sputnik["entries"] for s in e["sources"]} == {"Sputnik"}
    text = run_rag("timeline", topic, "--since", "October 2015", "--limit", "5", check=True).stdout
    assert text.startswith(f"Timeline of \u201c{topic}\u201d: 5 entries") and "date unknown" not in text
    assert "(dated from 2015-10-01)" in text.splitlines()[0]
    bad = run_rag("timeline", topic, "--since", "soonish")
    assert bad.returncode == 1 and bad.stderr.strip().splitlines() == [
        "error: cannot read 'soonish' as a date; write it as YYYY-MM-DD, e.g. 2015-10-08"]


# --- The Timeline tab, in a real browser ----------------------------------------------------------


def test_the_timeline_tab_in_the_browser_and_its_endpoint(tmp_path: Path) -> None:
    from .test_app import CHROMIUM, client, open_chat, serve

    if not CHROMIUM.exists():
        pytest.skip("make test installs Debian's chromium")
    from playwright.sync_api import expect, sync_playwright

    topic = "US refusal to share intelligence with Russia"
    proc, served = serve(tmp_path)
    try:
        out = client(served).predict(topic, "", "", "Sputnik", api_name="/timeline")
        assert out["scope"] == "outlet Sputnik" and out["entries"]
        assert {s["outlet"] for e in out["entries"] for s in e["sources"]} == {"Sputnik"}
        with sync_playwright() as pw:
            browser, page, dialogs = open_chat(pw, served.url)
            page.get_by_role("tab", name="Timeline").click()
            page.locator("#timeline-topic textarea").fill(topic)
            page.locator("#timeline-show").click()
            result = page.locator("#timeline")
            expect(result.locator("section.day").first).to_be_visible(timeout=60_000)
            # The dated EU Times report first, the undated articles after it, said to be undated.
            expect(result.locator("section h4").first).to_have_text("2015-10-08")
            expect(result.locator("section h4").last).to_have_text("date unknown")
            first = result.locator(".entry").first
            expect(first.locator(".outlet")).to_have_text("EU Times")
            expect(result).to_contain_text("Sergey Ryabkov (Deputy Foreign Minister), quoted")
            expect(result).to_contain_text("Sputnik")
            expect(first.locator(".cite")).to_contain_text("chars")
            page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)
            # Only what was published from October 2015 on: the undated articles drop out.
            page.locator("#timeline-since textarea").fill("October 2015")
            page.locator("#timeline-show").click()
            expect(result.locator(".summary")).to_contain_text("dated from 2015-10-01", timeout=60_000)
            expect(result).not_to_contain_text("date unknown")
            page.locator("#timeline-since textarea").fill("soonish")
            page.locator("#timeline-show").click()
            expect(result).to_contain_text("cannot read 'soonish' as a date", timeout=60_000)
            browser.close()
        assert dialogs == []
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"screenshot: {tmp_path / 'timeline.png'}")
