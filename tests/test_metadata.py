"""Outlet, author, date and title come from what a source carries; what it does not say stays None."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.ingest import CorpusReader, guess_title, make_article
from rag.metadata import describe, iso_date, outlet_from_url, text_cues
from rag.types import Article, ArticleMeta

from .conftest import SEEDS


def read_all(corpus: Path) -> dict[str, Article]:
    reader = CorpusReader(corpus, 2**20)
    stamps, skipped = reader.stamps()
    assert skipped == []
    return {a.id: a for stamp in stamps for a in reader.read(stamp).articles}


# --- Cues in plain text -----------------------------------------------------------------------

BODY = "\nThe Senate voted on the measure late on Tuesday after a long debate."


@pytest.mark.parametrize("head, expected", [
    ("WASHINGTON (Reuters) - The Senate voted.", ArticleMeta(outlet="Reuters")),
    ("MOSCOW (Sputnik) – Russia said.", ArticleMeta(outlet="Sputnik")),
    ("LONDON, Oct. 8, 2015 (Reuters) - Britain said.",
     ArticleMeta(outlet="Reuters", date="2015-10-08")),
    ("(CNN) The popular company agreed to settle.", ArticleMeta(outlet="CNN")),
    ("Washington (CNN) The House voted.", ArticleMeta(outlet="CNN")),
    ("By Jane Doe, Reuters", ArticleMeta(outlet="Reuters", author="Jane Doe")),
    ("By Jane Doe and John Roe", ArticleMeta(author="Jane Doe and John Roe")),
    ("By Jane Doe, Staff Writer", ArticleMeta(author="Jane Doe")),  # a role, not an outlet
    ("Published: June 12, 2022 10:15 AM ET", ArticleMeta(date="2022-06-12")),
    ("Published on 12 June 2022", ArticleMeta(date="2022-06-12")),
    ("Posted by EU Times on Oct 8th, 2015 // No Comment",
     ArticleMeta(outlet="EU Times", date="2015-10-08")),
    ("Posted by Jane Doe on March 3, 2016 at 9:00 am",
     ArticleMeta(author="Jane Doe", date="2016-03-03")),
    ("Support The Moscow Times!", ArticleMeta(outlet="The Moscow Times")),
])
def test_each_text_cue(head: str, expected: ArticleMeta) -> None:
    assert text_cues(head + BODY) == expected


@pytest.mark.parametrize("text", [
    "The Senate voted on the measure late on Tuesday.",
    "11:21 GMT14 August 2020\nListen Live\nThe Senate voted on Tuesday.",  # a page clock
    "Updated 10:15 AM ET, Sun June 12, 2022\nThe Senate voted.",  # a revision, not publication
    "Published: yesterday\nThe Senate voted.",  # relative to what? not invented
    "Published: June 2022\nThe Senate voted.",  # no day
    "Sergey Ryabkov (Deputy Minister) said on Thursday that talks failed.",
    "SOME HEADING (ABC) The text goes on.",  # capitals and parentheses, no dash
    "(VIDEO) - Watch the debate.",
    "Support Ukraine!\nThe Senate voted.",  # a banner, but not a publisher's
    "By Kate Atkinson\nBy Abby Geni\nTwo novels reviewed.",  # a list of books, not a byline
    "The Senate voted.\n— Jane Doe (@janedoe) November 13, 2015",  # a person's tweet
])
def test_text_without_a_cue_stays_unknown(text: str) -> None:
    assert text_cues(text) == ArticleMeta()
    assert make_article("a.txt", text, "a.txt").outlet is None


def test_cues_are_read_at_the_top_only() -> None:
    pasted = "A blog post about Syria. " * 100 + "\nWASHINGTON (Reuters) - Pasted from elsewhere."
    assert text_cues(pasted) == ArticleMeta()


def test_an_embedded_outlet_tweet_names_the_outlet_but_not_the_date() -> None:
    text = ("Putin spoke on Friday about Syria.\nCombat report https://t.co/x\n"
            "— RT (@RT_com) November 13, 2015\nHe said more.")
    # The tweet's date is when RT tweeted; the article may quote it days later.
    assert text_cues(text) == ArticleMeta(outlet="RT")
    two = text + "\n— Reuters (@Reuters) November 12, 2015"
    assert text_cues(two).outlet is None  # whose article is it? unknown


@pytest.mark.parametrize("value, expected", [
    ("2022/06/12", "2022-06-12"), ("2022-06-12T23:30:00-05:00", "2022-06-12"),
    ("Oct 8th, 2015", "2015-10-08"), ("Sunday, Oct. 11, 2015", "2015-10-11"),
    ("not a date", None), ("2015-02-30", None), ("2015-13-45", None), ("October 2015", None),
    ("Thursday", None), ("2 days ago", None), ("1655164800", None), ("2999-01-01", None),
    ("1700-01-01", None), ("", None), (None, None),
])
def test_dates_are_iso_days_or_none(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


# --- The seeds ----------------------------------------------------------------------------------

SEED_META = {
    "000_71612fa1522f51fd.txt": (
        "EU Times", None, "2015-10-08",
        "Washington’s failure to share data with Russian intelligence about terrorist positions "
        "in Syria…"),
    # "11:21 GMT14 August 2020" is the page clock at scraping time, not a publication date.
    "001_657b378cf3d0c81d.txt": (
        "Sputnik", None, None,
        "The United States' reluctance to share intelligence with Russia without questioning "
        "Moscow's…"),
    "002_db38f92249411e75.txt": (
        "The Moscow Times", None, None, "Russia Accuses U.S. of Failing to Cooperate in Syria"),
    # A blog with reader comments and a pasted NYT story: no cue of its own.
    "003_31f1e6a963b2d927.txt": (
        None, None, None, 'Lavrov said "there is something else which is a concern of the coalition"'),
    # RT's own tweet names RT; its date is the tweet's, so the article's date stays unknown.
    "004_8bf53314b5d23ce2.txt": (
        "RT", None, None,
        "Putin: Free Syrian Army shares intel on ISIS targets, US reluctant to cooperate"),
}


def test_the_seeds_metadata_and_titles() -> None:
    articles = read_all(SEEDS)
    found = {k: (a.outlet, a.author, a.date, a.title) for k, a in articles.items()}
    assert found == SEED_META


# --- Titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("furniture", [
    "11:21 GMT14 August 2020", "Listen Live", "Get short URL", "Russia Versus ISIL in Syria (618)",
    "Posted by EU Times on Oct 8th, 2015 // No Comment", "Support The Moscow Times!",
    "October 8, 2015", "By Jane Doe, Reuters", "Published: June 12, 2022 10:15 AM ET",
    "— RT (@RT_com) November 13, 2015", "READ MORE: Putin talks Syria ahead of the summit",
    "Share this article", "Skip to main content",
])
def test_furniture_is_never_the_title(furniture: str) -> None:
    text = f"{furniture}\nShoigu accuses Washington\nShoigu said the US shared nothing."
    assert guess_title(text, "x") == "Shoigu accuses Washington"
    alone = f"{furniture}\nShoigu said on Sunday that the United States had shared nothing."
    assert guess_title(alone, "x") == alone.split("\n")[1]


def test_without_a_headline_the_title_is_the_first_body_sentence_cut() -> None:
    text = ("MOSCOW (Sputnik) – The United States’ refusal to share reconnaissance data on Syria "
            "with Russia raises questions in regard to whose side the United States is on. More.")
    title = guess_title(text, "x")
    assert title == ("The United States’ refusal to share reconnaissance data on Syria with Russia "
                     "raises questions in…")
    assert len(title) <= 101
    # A caption (names and titles only) is not the body's first sentence.
    caption = "Sergey Ryabkov, Deputy Minister of Foreign Affairs of the Russian Federation.\n"
    assert guess_title(caption + text, "x") == title
    assert guess_title("Share prices fell sharply in Asia", "x") == "Share prices fell sharply in Asia"
    assert guess_title("Listen Live\n11:21 GMT14 August 2020", "fallback.txt") == "fallback.txt"


# --- jsonl and HTML -------------------------------------------------------------------------------


@pytest.mark.parametrize("url, outlet", [
    ("https://www.cnn.com/2022/06/12/media/x/index.html", "CNN"),
    ("https://e.newsletters.cnn.com/x", "CNN"),
    ("https://www.usatoday.com/story/news/x", "USA Today"),
    ("https://www.theweek.co.uk/news/x", "The Week"),
    ("https://www.bbc.co.uk/news/x", "BBC"),
    ("https://news.example.org/a", "example.org"),  # unknown: its registered domain
    ("https://blog.example.co.uk/a", "example.co.uk"),
    ("http://127.0.0.1/a", None), ("file:///tmp/a.txt", None), ("seeds/000.txt", None), (None, None),
])
def test_url_to_outlet(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


def test_jsonl_fields_then_url_then_text(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "url": "https://www.cnn.com/2022/06/12/us/x/index.html", "date": "2022/06/12",
         "text": "(Reuters) - A wire story on CNN."},
        {"id": "b", "url": "https://www.usatoday.com/story/x", "text": "No date anywhere here."},
        {"id": "c", "url": "https://www.usatoday.com/story/2021/03/04/x/", "outlet": "USA TODAY Sports",
         "author": "Jane Doe", "date": "March 5, 2021", "text": "Stated fields win."},
        {"id": "d", "date": "not a date", "text": "WASHINGTON (AP) — Only the text says who."},
        {"id": "e", "url": "https://www.cnn.com/x", "outlet": "  ", "date": 20220612, "text": "Blank."},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    got = {k: (a.outlet, a.author, a.date) for k, a in read_all(path).items()}
    assert got == {
        "a": ("CNN", None, "2022-06-12"),  # the publisher, not the wire
        "b": ("USA Today", None, None),
        "c": ("USA TODAY Sports", "Jane Doe", "2021-03-05"),
        "d": ("AP", None, None),  # an invalid date stays None
        "e": ("CNN", None, None),
    }
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "outlet": ["CNN"], "text": "t"}) + "\n")
    reader = CorpusReader(bad, 2**20)
    result = reader.read(reader.stamps()[0][0])
    assert result.articles == () and "must be strings" in result.skipped[0].reason


def test_url_path_gives_the_day_when_no_date_is_stated() -> None:
    meta = describe("Text.", url="https://www.cnn.com/2022/06/17/us/x/index.html")
    assert meta == ArticleMeta(outlet="CNN", date="2022-06-17")
    assert describe("Text.", url="https://www.cnn.com/2022/13/45/x").date is None


PAGE = """<html><head><title>Shoigu accuses Washington - Example Daily</title>
{meta}</head>
<body><nav>Home | World | Subscribe</nav><article><h1>Shoigu accuses Washington</h1>
<p>Russian Defense Minister Sergei Shoigu said on Sunday that the United States had not
shared information about the positions of militants in Syria with Moscow.</p>
<p>He told state television that Russia was ready to coordinate with the coalition, and that
military contacts had been limited so far, according to the ministry.</p></article></body></html>"""


def test_html_meta_tags(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "tagged.html").write_text(PAGE.format(meta="""
<meta property="og:site_name" content="The Moscow Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2015-10-11T09:00:00+03:00">"""))
    (corpus / "canonical.html").write_text(PAGE.format(
        meta='<link rel="canonical" href="https://edition.cnn.com/2015/10/12/world/x/index.html">'))
    (corpus / "bare.html").write_text(PAGE.format(meta=""))
    got = {k: (a.outlet, a.author, a.date, a.title) for k, a in read_all(corpus).items()}
    assert got == {
        "tagged.html": ("The Moscow Times", "Jane Doe", "2015-10-11", "Shoigu accuses Washington"),
        "canonical.html": ("CNN", None, "2015-10-12", "Shoigu accuses Washington"),
        "bare.html": (None, None, None, "Shoigu accuses Washington"),
    }
