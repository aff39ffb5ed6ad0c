"""Pure logic on deterministic fakes (tests/fakes.py): fusion, merging, MMR, verification
and the sync plan, in milliseconds. Real FAISS and SQLite; no model."""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pytest

from rag.cite import SupportScorer, verify
from rag.errors import RagError
from rag.retrieve import Retriever, fuse, merge_runs, mmr
from rag.settings import Settings
from rag.index import SCHEMA_VERSION, IndexReader
from rag.pipeline import Pipeline
from rag.sync import Indexer
from rag.text import sentence_spans
from rag.types import ChunkRow, Passage

from .fakes import HashEmbedder, ScriptedGenerator

ARTICLES = {
    "grain.txt": "Grain exports rise\n\nUkraine shipped more grain through Odesa in July. "
                 "Farmers said harvest prices fell. The port reopened after talks in Istanbul.",
    "storm.txt": "Storm hits coast\n\nA storm flooded the coastal town of Bari on Monday. "
                 "Rescue teams evacuated four hundred people. The mayor asked for national help.",
    "vote.txt": "Parliament vote delayed\n\nThe parliament delayed its vote on the budget. "
                "The finance minister said the deficit would shrink next year.",
}


@pytest.fixture
def fake() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def small(tmp_path, fake) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text)
    settings = Settings(corpus=corpus, index=tmp_path / "index", chunk_tokens=16, chunk_overlap=0)
    Indexer(settings, fake, progress=False, on_message=lambda m: None).sync()
    return settings


def test_fusion_puts_what_both_rankings_found_first_and_weighs_each_side() -> None:
    fused = fuse({"dense": [1, 2, 3], "lexical": [3, 4]}, {"dense": 1.0, "lexical": 1.0}, 60)
    assert max(fused, key=fused.get) == 3  # third and first beats first alone
    assert fused[1] == pytest.approx(1 / 61) and fused[4] == pytest.approx(1 / 62)
    lexical_heavy = fuse({"dense": [1], "lexical": [2]}, {"dense": 1.0, "lexical": 1.5}, 60)
    assert lexical_heavy[2] > lexical_heavy[1]


def test_neighbouring_chunks_merge_up_to_the_limit_and_articles_stay_apart() -> None:
    rows = {10: ChunkRow("a", 0, 0, 50), 11: ChunkRow("a", 1, 50, 100), 12: ChunkRow("a", 2, 100, 150),
            13: ChunkRow("a", 3, 150, 200), 20: ChunkRow("a", 7, 400, 450), 30: ChunkRow("b", 1, 40, 90)}
    ids = [30, 12, 10, 11, 13, 20]
    assert merge_runs(ids, rows, 3) == [[30], [10, 11, 12], [13], [20]]
    assert merge_runs(ids, rows, 1) == [[30], [10], [11], [12], [13], [20]]


def test_mmr_skips_a_near_copy_for_a_different_passage() -> None:
    vectors = np.array([[1.0, 0.0], [0.99, 0.141], [0.0, 1.0]])
    relevance = np.array([1.0, 0.95, 0.6])
    assert mmr(vectors, relevance, 2, weight=1.0) == [0, 1]  # relevance alone
    assert mmr(vectors, relevance, 2, weight=0.5) == [0, 2]  # the copy loses to the other topic


def test_retrieval_on_a_real_index_returns_merged_passages_one_per_article(small, fake) -> None:
    with IndexReader(small.index) as reader:
        retriever = Retriever(reader, fake, per_article=1)
        passages = retriever.retrieve("Which town did the storm flood?", k=3)
        assert passages[0].article_id == "storm.txt"
        assert len({p.article_id for p in passages}) == len(passages)
        for p in passages:
            text = reader.article_rows([p.article_id])[p.article_id].text
            assert text[p.start:p.end] == p.text
        lexical = retriever.retrieve("parliament budget", k=3, mode="lexical")
        assert [p.article_id for p in lexical] == ["vote.txt"]


def passage(article_id: str, text: str) -> Passage:
    return Passage(article_id, article_id, "test", None, 0, len(text), text, 1.0, 1.0, (1,))


def test_verification_moves_wrong_markers_drops_dangling_ones_and_flags_inventions(fake) -> None:
    passages = [passage("grain", ARTICLES["grain.txt"]), passage("storm", ARTICLES["storm.txt"])]
    scorer = SupportScorer(fake, passages)
    draft = ("Rescue teams evacuated four hundred people [1]. "
             "Ukraine shipped more grain through Odesa in July [1][9]. "
             "The moon is made of green cheese [2].")
    sentences, citations = verify(draft, scorer, threshold=0.7, min_cosine=0.6)
    assert [s.cites for s in sentences] == [(2,), (1,), (2,)]
    assert [s.supported for s in sentences] == [True, True, False]
    moved = [c for c in citations if c.supported and c.n == 2]
    assert moved and moved[0].quote == "Rescue teams evacuated four hundred people."
    assert all(c.n in (1, 2) for c in citations)  # [9] points at nothing and is gone
    assert any(not c.supported and c.n == 2 for c in citations)  # the invention keeps its claim, flagged


def test_sync_plan_embeds_only_new_and_changed_articles(small, fake) -> None:
    corpus = small.corpus
    (corpus / "vote.txt").write_text(ARTICLES["vote.txt"] + " The opposition walked out.")
    (corpus / "grain.txt").rename(corpus / "grain-moved.txt")
    (corpus / "storm.txt").unlink()
    (corpus / "copy.txt").write_text(ARTICLES["vote.txt"])  # the old text of vote.txt: new again
    (corpus / "new.txt").write_text("Bridge opens\n\nThe new bridge over the river opened today.")
    (corpus / "twin.txt").write_text("Bridge opens\n\nThe new bridge over the river opened today.")
    fake.calls.clear()
    report = Indexer(small, fake, progress=False, on_message=lambda m: None).sync()
    assert (report.added, report.updated, report.removed, report.unchanged) == (3, 1, 2, 0)
    assert [s.reason for s in report.skipped] == ["same article as 'new.txt'"]
    # grain-moved.txt is the same text under a new path: a new id, so it is embedded again;
    # the moved-file case with a stable id is covered by the jsonl test in test_sync.py.
    with IndexReader(small.index) as reader:
        assert reader.count_articles() == 4
        assert sum(fake.calls) > 0
        embedded_chunks = report.chunks_embedded
        assert embedded_chunks == reader.count_chunks()  # every stored chunk was new this time
    fake.calls.clear()
    again = Indexer(small, fake, progress=False, on_message=lambda m: None).sync()
    assert again.chunks_embedded == 0 and fake.calls == [] and again.unchanged == 4


def test_a_model_draft_is_checked_sentence_by_sentence_and_followed_by_evidence(small, fake) -> None:
    model = ScriptedGenerator("A storm flooded the coastal town of Bari on Monday [9]. The moon is made of cheese [1].")
    pipeline = Pipeline(small.model_copy(update={"llm": "local"}), fake, generators={"local": model})
    answer = pipeline.ask("How many people did rescue teams evacuate after the storm?")
    assert not answer.refused
    first, second, *evidence = answer.sentences
    storm = next(n for n, p in enumerate(answer.passages, start=1) if p.article_id == "storm.txt")
    assert first.cites == (storm,) and first.supported  # the dangling [9] moved to its passage
    assert second.text == "The moon is made of cheese." and not second.supported
    # Then the passages' own best sentence for the question, quoted: the one with the number.
    assert [s.text for s in evidence] == ["Rescue teams evacuated four hundred people."]
    assert evidence[0].supported and evidence[0].cites == (storm,)


def test_the_prompts_speaker_labels_and_passage_headers_do_not_reach_the_answer(small, fake) -> None:
    # A small model copies what the prompt put around the evidence: "(X says:)" is ours, not the article's.
    model = ScriptedGenerator("(The coastguard says:) Rescue teams evacuated four hundred people. [1]")
    pipeline = Pipeline(small.model_copy(update={"llm": "local", "evidence_sentences": 0}), fake,
                        generators={"local": model})
    answer = pipeline.ask("How many people did rescue teams evacuate after the storm?")
    assert "says:)" not in answer.text
    assert answer.sentences[0].text == "Rescue teams evacuated four hundred people." and answer.sentences[0].supported


def test_a_small_models_refusal_of_an_answerable_question_gets_the_evidence_quoted(small, fake) -> None:
    pipeline = Pipeline(small.model_copy(update={"llm": "local"}), fake,
                        generators={"local": ScriptedGenerator("The articles don't say.")})
    answer = pipeline.ask("How many people did rescue teams evacuate after the storm?")
    assert not answer.refused
    assert [s.text for s in answer.sentences] == ["Rescue teams evacuated four hundred people."]
    assert answer.sentences[0].supported
    assert "The scripted model found no answer in the passages; this answer quotes them instead." in answer.notice


def test_an_empty_model_reply_falls_back_to_quoted_sentences_with_a_notice(small, fake) -> None:
    pipeline = Pipeline(small.model_copy(update={"llm": "local"}), fake,
                        generators={"local": ScriptedGenerator("")})
    answer = pipeline.ask("How many people did rescue teams evacuate after the storm?")
    assert "The scripted model failed (the scripted model sent an empty reply)" in answer.notice
    assert answer.citations and all(c.supported for c in answer.citations)
    strict = Pipeline(small, fake, fallback=False, generators={"local": ScriptedGenerator("")})
    with pytest.raises(RagError, match="empty reply"):
        strict.ask("How many people did rescue teams evacuate after the storm?", llm="local")


def test_a_question_about_someone_the_index_never_mentions_is_refused(small, fake) -> None:
    answer = Pipeline(small, fake).ask("What did Obama say about the storm in Bari?", llm="extractive")
    assert answer.refused and "never mention Obama" in answer.notice
    assert answer.passages and answer.passages[0].article_id == "storm.txt"


def test_a_passage_ending_in_a_question_brings_the_answer_after_it(tmp_path, fake) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # Short chunks: the interviewer's question ends one, the mayor's answer opens the next.
    (corpus / "talk.txt").write_text("Interviewer: Why did the lighthouse keepers leave Tromso harbour?\n\n"
                                     "Mayor: Wages were cut twice and the ferries stopped running in winter.")
    settings = Settings(corpus=corpus, index=tmp_path / "index", chunk_tokens=16, chunk_overlap=0)
    Indexer(settings, fake, progress=False, on_message=lambda m: None).sync()
    with IndexReader(settings.index) as reader:
        assert reader.count_chunks() >= 2
        passages = Retriever(reader, fake, max_merge=1).retrieve("lighthouse keepers leave Tromso harbour", k=1,
                                                                  mode="lexical")
    assert len(passages) == 1 and passages[0].text.startswith("Interviewer: Why did")
    assert passages[0].text.endswith("ferries stopped running in winter.")
    assert len(passages[0].chunk_ids) == 2


def short_chunks(tmp_path, fake, text: str) -> Settings:
    """One article indexed in chunks of 16 tokens, so that its paragraphs are chunks apart."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(text)
    settings = Settings(corpus=corpus, index=tmp_path / "index", chunk_tokens=16, chunk_overlap=0)
    Indexer(settings, fake, progress=False, on_message=lambda m: None).sync()
    return settings


def test_a_speakers_own_statements_are_searched_for_as_well(tmp_path, fake) -> None:
    # The mayor's words on the fees sit in a chunk the question matches worse.
    settings = short_chunks(tmp_path, fake, "Mayor Ola Berg told Radio North that the ferry timetable was a disgrace.\n\n"
                            + "Harbour fees and harbour fees again: readers wrote that the harbour fees rose. " * 3)
    with IndexReader(settings.index) as reader:
        retriever = Retriever(reader, fake, max_merge=1)
        query = "What did Berg say about the harbour fees?"
        best = retriever.retrieve(query, k=1)
        assert "Berg" not in best[0].text
        assert len(reader.spoken_by("Ola Berg")) == 1 and not len(reader.spoken_by("Lund"))
        own = retriever.spoken_by("Berg", query, fake.embed([query])[0], 1, [c for p in best for c in p.chunk_ids])
        assert [p.text.split(" told")[0] for p in own] == ["Mayor Ola Berg"]


def test_the_passages_writing_an_office_asked_for_are_searched_for_as_well(tmp_path, fake) -> None:
    # The holder is named in a chunk the question matches worse than the ministry's.
    settings = short_chunks(tmp_path, fake,
                            "Fisheries Minister Ola Berg spoke on Sunday of gulls, tides, nets and the long winter dark.\n\n"
                            + "Who is Norwegian? The Norwegian fisheries ministry asked the Norwegian minister who it is. " * 3)
    with IndexReader(settings.index) as reader:
        retriever = Retriever(reader, fake, max_merge=1)
        query = "Who is the Norwegian fisheries minister?"
        best = retriever.retrieve(query, k=1)
        assert "Berg" not in best[0].text
        # The title's words in a row, as the full-text index stems them ("ministers" too), not apart.
        assert len(reader.holding(["fisheries minister"])) == 1 and len(reader.holding(["fisheries ministers"])) == 1
        assert not len(reader.holding(["norwegian fisheries minister"]))
        held = retriever.holding(["fisheries minister"], query, fake.embed([query])[0], 1,
                                 [c for p in best for c in p.chunk_ids])
        assert len(held) == 1 and "Ola Berg" in held[0].text


def jsonl_corpus(tmp_path, outlet: str) -> Settings:
    rows = [{"id": "a", "title": "Storm hits coast", "text": ARTICLES["storm.txt"], "outlet": outlet,
             "author": "Jane Doe", "date": "2015-10-08"},
            {"id": "b", "title": "Grain exports rise", "text": ARTICLES["grain.txt"], "date": "8 October 2015"}]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return Settings(corpus=corpus, index=tmp_path / "index", chunk_tokens=16, chunk_overlap=0)


def storm_passage(settings: Settings, fake: HashEmbedder) -> Passage:
    with IndexReader(settings.index) as reader:
        passages = Retriever(reader, fake).retrieve("Which town did the storm flood?", k=2)
    return next(p for p in passages if p.article_id == "a")


def test_outlet_author_and_date_reach_passages_and_their_change_embeds_nothing(tmp_path, fake) -> None:
    settings = jsonl_corpus(tmp_path, "Daily Planet")
    Indexer(settings, fake, progress=False, on_message=lambda m: None).sync()
    p = storm_passage(settings, fake)
    assert (p.outlet, p.author, p.date) == ("Daily Planet", "Jane Doe", "2015-10-08")
    assert p.published == "by Jane Doe, Daily Planet, 2015-10-08"
    settings = jsonl_corpus(tmp_path, "Planet Daily")
    fake.calls.clear()
    report = Indexer(settings, fake, progress=False, on_message=lambda m: None).sync()
    assert (report.updated, report.unchanged, report.chunks_embedded, fake.calls) == (1, 1, 0, [])
    assert storm_passage(settings, fake).outlet == "Planet Daily"


def test_a_version_2_index_is_read_as_it_is_and_upgraded_by_the_next_sync(tmp_path, fake) -> None:
    settings = jsonl_corpus(tmp_path, "Daily Planet")
    Indexer(settings, fake, progress=False, on_message=lambda m: None).sync()
    # Make it what the previous version wrote: no outlet or author, schema 2.
    manifest = json.loads((settings.index / "manifest.json").read_text())
    db = settings.index / f"store-{manifest['generation']}.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript("ALTER TABLE articles DROP COLUMN outlet; ALTER TABLE articles DROP COLUMN author;"
                       "DROP TRIGGER articles_ad; DROP TABLE attributions; DROP TABLE removed_chunks;"
                       "UPDATE meta SET value = '2' WHERE key = 'schema_version';")
    conn.close()
    manifest["identity"]["schema_version"] = 2
    (settings.index / "manifest.json").write_text(json.dumps(manifest))
    old = storm_passage(settings, fake)
    assert (old.outlet, old.author, old.date) == (None, None, "2015-10-08")
    fake.calls.clear()
    report = Indexer(settings, fake, progress=False, on_message=lambda m: None).sync()
    assert report.chunks_embedded == 0 and fake.calls == [] and report.updated == 1
    assert storm_passage(settings, fake).outlet == "Daily Planet"
    with IndexReader(settings.index) as reader:  # and every sentence has who says it
        labels = reader.attributions(["a", "b"])
        assert all(len(labels[a]) == len(sentence_spans(reader.article_rows([a])[a].text)) for a in "ab")
    assert json.loads((settings.index / "manifest.json").read_text())["identity"]["schema_version"] == SCHEMA_VERSION
