"""The article list on the fake embedder: listing and search, reading with speakers, removal
(uploaded, hand-dropped, a jsonl of several, a symlink, outside the corpus) and re-reading."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from rag.articles import _corpus_file, speaker_label
from rag.errors import RagError
from rag.index import IndexReader
from rag.service import ChatService
from rag.settings import Settings
from rag.sync import Indexer

from .fakes import HashEmbedder

STORM = ('Storm hits coast\n\nA storm flooded the town of Bari on Monday. "We need national help now," '
         "the mayor Anna Rossi said. Rossi said rescue teams had evacuated four hundred people.\n\n"
         "Read more: Weather news\n")
GRAIN = "Grain exports rise\n\nUkraine shipped more grain through Odesa in July. Farmers said prices fell.\n"
PAIR = [{"id": "vote", "title": "Parliament vote delayed", "outlet": "Daily Planet", "date": "2015-10-08",
         "text": "The parliament delayed its vote on the budget. The finance minister said the deficit would shrink."},
        {"id": "rail", "title": "Rail strike ends", "outlet": "Evening Courier", "date": "2015-10-09",
         "text": "Train drivers ended their strike after a pay deal was signed in the capital on Friday."}]
HIDDEN = "Harbour lights go dark\n\nThe lamp of the old harbour failed on Monday night after a storm.\n"


@pytest.fixture
def fake() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def service(tmp_path: Path, fake: HashEmbedder) -> ChatService:
    """A corpus with a hand-dropped file, an uploaded one, an uploaded jsonl of two articles,
    and a symlink to a file in a hidden folder (indexed under the link's name), synced."""
    corpus = tmp_path / "corpus"
    (corpus / "uploads").mkdir(parents=True)
    (corpus / ".kept").mkdir()
    (corpus / "storm.txt").write_text(STORM)
    (corpus / "uploads" / "grain.txt").write_text(GRAIN)
    (corpus / "uploads" / "pair.jsonl").write_text("".join(json.dumps(r) + "\n" for r in PAIR))
    (corpus / ".kept" / "harbour.txt").write_text(HIDDEN)
    (corpus / "harbour.txt").symlink_to(corpus / ".kept" / "harbour.txt")
    settings = Settings(corpus=corpus, index=tmp_path / "index", chunk_tokens=16, chunk_overlap=0,
                        llm="extractive", attribution_parser="")
    chat = ChatService(settings, fake)
    chat.sync()
    return chat


def ids(service: ChatService, query: str = "") -> list[str]:
    return [a.id for a in service.articles(query)]


def test_every_article_is_listed_with_its_file_chunks_and_origin(service: ChatService) -> None:
    listed = {a.id: a for a in service.articles()}
    assert set(listed) == {"storm.txt", "uploads/grain.txt", "vote", "rail", "harbour.txt"}
    with IndexReader(service.settings.index) as reader:
        assert {i: a.chunks for i, a in listed.items()} == reader.article_chunk_counts()
    assert all(a.chunks > 0 for a in listed.values())
    vote = listed["vote"]
    assert (vote.title, vote.outlet, vote.date, vote.file, vote.uploaded) == (
        "Parliament vote delayed", "Daily Planet", "2015-10-08", "uploads/pair.jsonl", True)
    assert vote.source == "uploads/pair.jsonl#1"
    assert not listed["storm.txt"].uploaded and listed["uploads/grain.txt"].uploaded
    assert ids(service)[:2] == ["rail", "vote"]  # newest first; undated after
    assert json.loads(json.dumps([a.as_json() for a in listed.values()]))[0]["chunks"] > 0


@pytest.mark.parametrize(("query", "found"), [
    ("storm", ["storm.txt"]), ("STORM coast", ["storm.txt"]), ("daily planet", ["vote"]),
    ("courier", ["rail"]), ("", None), ("storm planet", []), ("Bari", []),  # body text is not searched
])
def test_search_matches_every_word_in_title_or_outlet(service: ChatService, query: str, found) -> None:
    assert ids(service, query) == (found if found is not None else ids(service))


def test_an_article_reads_with_each_sentence_attributed(service: ChatService) -> None:
    view = service.article("storm.txt")
    assert view.text.startswith("Storm hits coast") and view.article.id == "storm.txt"
    labels = {view.text[a.start:a.end]: speaker_label(a) for a in view.attributions}
    assert labels['"We need national help now," the mayor Anna Rossi said.'] == "Anna Rossi (mayor)"
    # The role given where she first speaks goes with her name on.
    assert labels["Rossi said rescue teams had evacuated four hundred people."] == "Anna Rossi (mayor)"
    assert labels["Read more: Weather news"] == "page furniture"
    assert labels["A storm flooded the town of Bari on Monday."] is None  # the outlet's own reporting
    assert view.as_json()["sentences"][2]["speaker"] == "Anna Rossi"
    with pytest.raises(RagError, match="no article 'nope' in the index"):
        service.article("nope")


def test_an_uploaded_article_is_removed_with_its_file_and_no_longer_answers(service: ChatService) -> None:
    grain = service.settings.corpus / "uploads" / "grain.txt"
    assert any(p.article_id == "uploads/grain.txt" for p in service.ask("How did Ukraine ship grain?").passages)
    change = service.remove_article("uploads/grain.txt")
    assert not grain.exists() and change.article_ids == ("uploads/grain.txt",)
    assert (change.report.removed, change.report.chunks_embedded) == (1, 0)
    assert change.message == "deleted uploads/grain.txt and removed its 1 article from the index (4 articles left)"
    assert "uploads/grain.txt" not in ids(service)
    assert all(p.article_id != "uploads/grain.txt" for p in service.ask("How did Ukraine ship grain?").passages)
    with pytest.raises(RagError, match="no article"):
        service.remove_article("uploads/grain.txt")


def test_a_hand_dropped_file_is_deleted_only_when_confirmed(service: ChatService) -> None:
    storm = service.settings.corpus / "storm.txt"
    with pytest.raises(RagError, match="put in the corpus folder by hand, not uploaded.*confirm") as refused:
        service.remove_article("storm.txt")
    assert "\n" not in str(refused.value)
    assert storm.read_text() == STORM and "storm.txt" in ids(service)
    change = service.remove_article("storm.txt", confirmed=True)
    assert not storm.exists() and change.report.removed == 1 and "storm.txt" not in ids(service)


def test_a_file_of_several_articles_goes_whole_and_only_when_confirmed(service: ChatService) -> None:
    pair = service.settings.corpus / "uploads" / "pair.jsonl"
    with pytest.raises(RagError, match="uploads/pair.jsonl holds 2 articles; removing 'vote' deletes the file "
                                       "and all 2 of them"):
        service.remove_article("vote")
    assert pair.exists() and {"vote", "rail"} <= set(ids(service))
    change = service.remove_article("vote", confirmed=True)
    assert not pair.exists() and set(change.article_ids) == {"vote", "rail"} and change.report.removed == 2
    assert "its 2 articles" in change.message and not {"vote", "rail"} & set(ids(service))


def test_symlinks_and_paths_outside_the_corpus_are_never_deleted(service: ChatService, tmp_path: Path) -> None:
    corpus = service.settings.corpus
    with pytest.raises(RagError, match="harbour.txt is a symbolic link"):
        service.remove_article("harbour.txt", confirmed=True)
    assert (corpus / "harbour.txt").is_symlink() and (corpus / ".kept" / "harbour.txt").read_text() == HIDDEN
    (tmp_path / "outside.txt").write_text("keep me")
    for bad in ("../outside.txt", str(tmp_path / "outside.txt"), "uploads/../../outside.txt", ""):
        with pytest.raises(RagError, match="not a path inside the corpus"):
            _corpus_file(corpus, bad)
    # A folder on the way that is a link: refused too.
    (corpus / "linked").symlink_to(tmp_path)
    with pytest.raises(RagError, match="linked is a symbolic link"):
        _corpus_file(corpus, "linked/outside.txt")
    assert (tmp_path / "outside.txt").read_text() == "keep me"


def test_an_index_row_pointing_outside_the_corpus_deletes_nothing(service: ChatService, tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("keep me")
    db = next(service.settings.index.glob("store-*.sqlite"))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET file = '../outside.txt' WHERE id = 'uploads/grain.txt'")
    with pytest.raises(RagError, match="'../outside.txt' is not a path inside the corpus; nothing was deleted"):
        service.remove_article("uploads/grain.txt", confirmed=True)
    assert (tmp_path / "outside.txt").read_text() == "keep me"


def test_a_one_file_corpus_is_not_deleted(tmp_path: Path, fake: HashEmbedder) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(json.dumps(PAIR[0]) + "\n")
    chat = ChatService(Settings(corpus=corpus, index=tmp_path / "index", attribution_parser=""), fake)
    chat.sync()
    with pytest.raises(RagError, match="the corpus is the one file"):
        chat.remove_article("vote", confirmed=True)
    assert corpus.exists()


def test_reread_picks_up_an_edit_that_kept_size_and_mtime_and_embeds_only_it(
        service: ChatService, fake: HashEmbedder) -> None:
    pair = service.settings.corpus / "uploads" / "pair.jsonl"
    before = pair.stat()
    pair.write_text(pair.read_text().replace("Friday", "Monday"))  # same length
    os.utime(pair, ns=(before.st_atime_ns, before.st_mtime_ns))
    fake.calls.clear()
    assert service.sync().updated == 0  # size and mtime as stored: the edit is not seen
    assert "Friday" in service.article("rail").text
    change = service.reread("vote")
    assert (change.report.updated, change.report.added, change.report.removed) == (1, 0, 0)
    rail = next(a for a in service.articles() if a.id == "rail")
    # Only rail's chunks go through the model (then its sentences); "vote" is kept as it was.
    assert change.report.chunks_embedded == rail.chunks == fake.calls[0] and len(fake.calls) == 2
    assert "Monday" in service.article("rail").text and set(change.article_ids) == {"vote", "rail"}
    assert change.message.startswith("re-read uploads/pair.jsonl: 0 added, 1 updated, 0 removed")


def test_reread_of_an_unchanged_file_embeds_nothing_and_labels_it_again(
        service: ChatService, fake: HashEmbedder) -> None:
    db = next(service.settings.index.glob("store-*.sqlite"))
    with sqlite3.connect(db) as conn:  # labels gone stale (as after a rules change)
        conn.execute("UPDATE attributions SET speaker = 'Somebody Else' WHERE article_id = 'storm.txt'")
    fake.calls.clear()
    change = service.reread("storm.txt")
    assert (change.report.chunks_embedded, change.report.updated, fake.calls) == (0, 0, [])
    speakers = {a.speaker for a in service.article("storm.txt").attributions}
    assert "Anna Rossi" in speakers and "Somebody Else" not in speakers
    with pytest.raises(RagError, match="no article"):
        service.reread("nope")


def test_indexer_reread_is_what_a_cli_sync_uses(tmp_path: Path, fake: HashEmbedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "grain.txt").write_text(GRAIN)
    settings = Settings(corpus=corpus, index=tmp_path / "index", attribution_parser="")
    indexer = Indexer(settings, fake, progress=False, on_message=lambda m: None)
    indexer.sync()
    again = indexer.sync(reread=frozenset({"grain.txt"}))
    assert (again.unchanged, again.updated, again.chunks_embedded) == (1, 0, 0)


def test_the_list_and_an_article_render_untrusted_text_as_text() -> None:
    from rag.types import ArticleView, Attribution, ListedArticle
    from ui import render

    evil = ListedArticle('"><script>x</script>', "<b>Title</b>", "<i>Outlet</i>", "<u>me</u>", "2015-10-08",
                         "uploads/a<b>.jsonl", "https://x.test/?q=<img src=x>", 2, True)
    table = render.article_list([evil], "<q>")
    text = 'He said "<img src=x onerror=alert(1)>". Read more'
    cut = text.index("Read more")
    view = render.article(ArticleView(evil, text, (
        Attribution(0, cut - 1, "quote", "<em>Bob</em>", "<s>role</s>"), Attribution(cut, len(text), "furniture"))))
    for html in (table, view, render.notice("<script>no</script>", failed=True)):
        assert "<script" not in html and "<img" not in html and "<b>" not in html and "<em>" not in html
    assert "&lt;b&gt;Title&lt;/b&gt;" in table and 'data-id="&quot;&gt;&lt;script&gt;' in table
    assert "1 article matches “&lt;q&gt;”" in table and "https://x.test/?q=&lt;img src=x&gt;" in table
    assert '<span class="speaker">&lt;em&gt;Bob&lt;/em&gt; (&lt;s&gt;role&lt;/s&gt;)</span>' in view
    assert '<span class="speaker">page furniture</span><mark>Read more</mark>' in view
    assert render.article_choice(evil) == "<b>Title</b> · <i>Outlet</i>, 2015-10-08"  # a dropdown shows text
