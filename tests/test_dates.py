"""Time in questions and filters in retrieval: days read from words (rag/when.py), and the
filter applied inside FAISS and FTS5, before ranking. Real FAISS and SQLite, fake embedder."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rag.errors import RagError
from rag.index import IndexReader
from rag.pipeline import Pipeline
from rag.retrieve import Retriever
from rag.settings import Settings
from rag.sync import Indexer
from rag.types import Filter
from rag.when import bound, resolve

from .fakes import HashEmbedder

REFERENCE = date(2015, 11, 13)


@pytest.mark.parametrize("question, text, within, prefer", [
    # A written-out time: nothing published before it; what was published within it first.
    ("What did Lavrov say in October 2015?", "October 2015", ("2015-10-01", None), ("2015-10-01", "2015-10-31")),
    ("What did Putin say on 8 October 2015?", "8 October 2015", ("2015-10-08", None), ("2015-10-08", "2015-10-08")),
    # A relative time only prefers: the reference day approximates the reader's week.
    ("Which automaker recalled vehicles this week?", "this week", (None, None), ("2015-11-07", "2015-11-13")),
    ("What did the Pentagon say last month?", "last month", (None, None), ("2015-10-01", "2015-10-31")),
    # A bound word makes a bound.
    ("What happened since September?", "since September", ("2015-09-01", None), None),
    ("What did Russia do before November 2015?", "before November", (None, "2015-10-31"), None),
    # Seasons, which dateparser does not read.
    ("What has Russia done since the summer?", "since the summer", ("2015-06-01", None), None),
    ("What did Kerry say last summer?", "last summer", (None, None), ("2014-06-01", "2014-08-31")),
    # A count before a year is no day: the year, not January.
    ("Who scored in Game 1 of the 2014 Stanley Cup Final?", "2014", ("2014-01-01", None), ("2014-01-01", "2014-12-31")),
])
def test_time_words_become_days_against_the_reference_day(question, text, within, prefer) -> None:
    found = resolve(question, REFERENCE)
    assert found is not None and found.text == text
    assert (found.within.since, found.within.until) == within
    assert found.within.undated or not found.within  # a question's time cannot rule out an undated article
    assert (None if found.prefer is None else (found.prefer.since, found.prefer.until)) == prefer


@pytest.mark.parametrize("question", [
    "How many sorties did Russian jets fly in 2 days?",  # a length of time
    "May Russia strike ISIS?",  # a verb, not the month
    "Will oil prices fall?",  # a verb, not the season
    "What share of Democrats, 60% or 40%, approve?",  # dateparser reads percentages as years
    "Which outlet reported, from a Sunday TV interview, Shoigu's claim?",  # not one day
    "What did Shoigu say about the moderate opposition?",
])
def test_words_that_are_not_a_time_of_the_archive_are_not_read_as_one(question) -> None:
    assert resolve(question, REFERENCE) is None


def test_a_date_without_a_year_is_only_preferred_when_the_reference_day_is_a_guess() -> None:
    # The newest article's day stands in for the reader's: "July 10" of an archive of several
    # years may be any July's, so it ranks that day first but keeps no article out.
    for question, prefer in [("What did Ola Berg say at the July 10 briefing?", ("2015-07-10", "2015-07-10")),
                             ("What happened since September?", ("2015-09-01", None))]:
        guessed = resolve(question, REFERENCE, year_guessed=True)
        assert guessed is not None and not guessed.within and guessed.prefer is not None
        assert (guessed.prefer.since, guessed.prefer.until) == prefer
        assert resolve(question, REFERENCE).within.since == prefer[0]  # the reader's own day: a bound
    # A year written out is no guess.
    assert resolve("What did Lavrov say in October 2015?", REFERENCE, year_guessed=True).within.since == "2015-10-01"


def test_a_future_time_is_not_about_the_archive() -> None:
    assert resolve("What will happen in December 2015?", REFERENCE) is None


def test_filter_days_are_read_from_dates_and_words_and_bad_ones_are_one_line_errors() -> None:
    assert bound("2015-10-08", REFERENCE, end=False) == "2015-10-08"
    assert bound("October 2015", REFERENCE, end=False) == "2015-10-01"
    assert bound("October 2015", REFERENCE, end=True) == "2015-10-31"
    assert bound("", REFERENCE, end=True) is None
    with pytest.raises(RagError, match="cannot read 'soonish' as a date"):
        bound("soonish", REFERENCE, end=False)


def test_a_filter_narrows_and_describes_itself() -> None:
    mine = Filter(outlets=("RT",), since="2015-10-01")
    narrowed = mine.narrowed("2015-09-01", "2015-10-31")
    assert (narrowed.since, narrowed.until, narrowed.undated) == ("2015-10-01", "2015-10-31", False)
    assert narrowed.describe() == "outlet RT, dated 2015-10-01 to 2015-10-31"
    assert Filter().narrowed(until="2015-10-31").describe() == "dated up to 2015-10-31 (or undated)"
    assert Filter(since="2015-09-04", until="2015-09-04").describe() == "dated 2015-09-04"  # not "... to 2015-09-04"
    assert not Filter() and Filter(articles=("a",))


# Four reports of one story, one per outlet and day, and one undated blog post.
ROWS = [
    {"id": "rt", "title": "Strikes in Syria", "outlet": "RT", "date": "2015-10-01",
     "text": "Russian jets struck targets in Syria. The ministry said the strikes hit depots."},
    {"id": "sputnik", "title": "Strikes in Syria continue", "outlet": "Sputnik", "date": "2015-10-20",
     "text": "Russian jets struck targets in Syria again. The ministry said the strikes hit depots."},
    {"id": "eutimes", "title": "Strikes in Syria go on", "outlet": "EU Times", "date": "2015-11-05",
     "text": "Russian jets struck more targets in Syria. The ministry said the strikes hit depots."},
    {"id": "blog", "title": "A reader on Syria", "text": "Jets over Syria struck targets, a blogger wrote."},
    {"id": "weather", "title": "Rain in Moscow", "outlet": "RT", "date": "2015-10-02",
     "text": "Rain fell on Moscow all week. Forecasters expect snow."},
]


@pytest.fixture
def dated(tmp_path) -> Settings:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    settings = Settings(corpus=corpus, index=tmp_path / "index", llm="extractive")
    Indexer(settings, HashEmbedder(), progress=False, on_message=lambda m: None).sync()
    return settings


@pytest.mark.parametrize("vector_index", ["flat", "ivf"])
def test_a_filter_applies_inside_both_searches_so_the_top_k_are_all_inside_it(dated, vector_index) -> None:
    settings = dated.model_copy(update={"vector_index": vector_index})
    Indexer(settings, HashEmbedder(), progress=False, on_message=lambda m: None).sync(rebuild=True)
    with IndexReader(settings.index) as reader:
        retriever = Retriever(reader, HashEmbedder())
        question = "Which targets did Russian jets strike in Syria? Rain fell on Moscow."
        outlet = lambda found: {reader.article_rows([p.article_id])[p.article_id].outlet for p in found}  # noqa: E731
        # Three other outlets match better than RT's weather report, yet with k=2 inside
        # "outlet rt" both RT articles come (dense and hybrid; lexical needs a shared word).
        for mode in ("dense", "hybrid", "lexical"):
            found = retriever.retrieve(question, 2, mode, where=Filter(outlets=("rt",)))
            assert len(found) == 2 and outlet(found) == {"RT"}, mode
        dated_only = retriever.retrieve(question, 5, where=Filter(since="2015-10-10"))
        assert {reader.article_rows([p.article_id])[p.article_id].date for p in dated_only} == \
            {"2015-10-20", "2015-11-05"}  # the undated post is left out of a user's date filter
        with_undated = retriever.retrieve(question, 5, where=Filter(since="2015-10-10", undated=True))
        assert len(with_undated) == 3
        assert retriever.retrieve(question, 5, where=Filter(outlets=("Nobody",))) == []


def test_a_preferred_period_ranks_its_articles_first_without_dropping_the_others(dated) -> None:
    with IndexReader(dated.index) as reader:
        question = "Russian jets struck targets in Syria; the ministry said the strikes hit depots."
        dates = lambda found: [reader.article_rows([p.article_id])[p.article_id].date for p in found]  # noqa: E731
        retriever = Retriever(reader, HashEmbedder(), date_boost=2.0)
        for day in ("2015-10-01", "2015-10-20", "2015-11-05"):
            found = retriever.retrieve(question, 5, prefer=Filter(since=day, until=day))
            assert dates(found)[0] == day
            assert len(found) >= 4  # preferred first, the rest still there


def test_the_pipeline_says_when_no_article_matches_and_how_it_read_the_question(dated) -> None:
    pipeline = Pipeline(dated, HashEmbedder())
    empty = pipeline.ask("Which targets did Russian jets strike?", where=Filter(outlets=("Nobody",)))
    assert empty.refused and empty.text == "No article matches outlet Nobody."
    answer = pipeline.ask("Which targets did Russian jets strike in October 2015?")
    assert "For \u201cOctober 2015\u201d: searched articles dated from 2015-10-01 (or undated)" in answer.notice
    assert "2015-11-05" in pipeline.scope("this week?").notice  # the newest article's day is the reference
    as_of = pipeline.scope("Which targets were struck?", as_of="2015-10-20")
    assert (as_of.within.until, as_of.prefer.since, as_of.prefer.until) == ("2015-10-20", "2015-10-14", "2015-10-20")
    assert "Read as of 2015-10-20" in as_of.notice
    with pytest.raises(RagError, match="cannot read 'yesterdayish' as a day"):
        pipeline.ask("Which targets?", as_of="yesterdayish")


def test_an_event_bound_is_dated_by_the_articles_that_report_it(dated) -> None:
    found = resolve("What did the ministry say after rain fell on Moscow?", REFERENCE)
    assert (found.event, found.bound) == ("rain fell on Moscow", "after")
    # Only the weather report is close enough (cosine 0.79; the others below 0.15).
    pipeline = Pipeline(dated.model_copy(update={"min_similarity": 0.5}), HashEmbedder())
    scope = pipeline.scope("What did the ministry say after rain fell on Moscow?")
    assert (scope.within.since, scope.within.undated) == ("2015-10-02", True)
    assert "RT reports \u201crain fell on Moscow\u201d on 2015-10-02." in scope.notice
    before = pipeline.scope("What did the ministry say before rain fell on Moscow?")
    assert before.within.until == "2015-10-01"
    unknown = pipeline.scope("What did the ministry say after the harvest failed in Ukraine?")
    assert not unknown.within and "could not be dated" in unknown.notice


def test_an_event_inside_the_claim_of_a_who_or_which_outlet_question_is_no_bound(dated) -> None:
    pipeline = Pipeline(dated.model_copy(update={"min_similarity": 0.5}), HashEmbedder())
    # Reports of what came before an event are published after it: no "until" bound here.
    scope = pipeline.scope("Which outlet reported the ministry was warned before rain fell on Moscow?")
    assert not scope.within and "is read as part of what is asked about" in scope.notice
    assert pipeline.scope("Who said the ministry was warned before rain fell on Moscow?").within == Filter()
    # Any time inside what someone is asked to have said is part of it; when it was said is not.
    scope = pipeline.scope("Who said that the harvest was as poor as this year's only in 1998?")
    assert not scope.within and scope.prefer is None and "is read as part of what is asked about" in scope.notice
    assert pipeline.scope("Who said in October 2015 that the harvest was poor?").within.since == "2015-10-01"
    # So is a time in what an outlet is asked to have reported.
    scope = pipeline.scope("Which outlet fact-checked the claim, noting the harvest had failed by 1998?")
    assert not scope.within and "is read as part of what is asked about" in scope.notice
    scope = pipeline.scope("Which outlet reported in October 2015 that the harvest was poor?")
    assert scope.within.since == "2015-10-01"
    scope = pipeline.scope("Which minister recommended that farmers plant early, as in October 2015?")
    assert not scope.within and "is read as part of what is asked about" in scope.notice
    scope = pipeline.scope("Which minister attributed the poor harvest to the rain in October 2015?")
    assert not scope.within and "is read as part of what is asked about" in scope.notice
    # And in what a speaker asked for by what he is is asked to have said.
    scope = pipeline.scope("Which minister said she hoped the harvest would be better in May?")
    assert not scope.within and scope.prefer is None and "is read as part of what is asked about" in scope.notice
    assert pipeline.scope("Which minister said in October 2015 that the harvest was poor?").within.since == "2015-10-01"


def test_since_before_a_question_word_asks_a_duration_not_a_bound() -> None:
    assert resolve("Since how long is the coalition bombing the depots?", REFERENCE) is None
    assert resolve("Since the ferry strike, how many boats sailed?", REFERENCE) is not None
