"""Incremental sync with the real model: only what changed is embedded, readers stay consistent."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess

import numpy as np
import pytest

from rag.attribute import attribution_version
from rag.errors import StoreError
from rag.index import IndexReader, IndexWriter, VectorConfig
from rag.index.schema import connect
from rag.parse import SpeakerParser
from rag.pipeline import Pipeline
from rag.settings import Settings
from rag.sync import Indexer

from .conftest import CountingEmbedder, assert_consistent, free_port, make_articles


@pytest.fixture
def counting(embedder) -> CountingEmbedder:
    return CountingEmbedder(embedder)


def sync(settings: Settings, embedder, rebuild: bool = False):
    return Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync(rebuild)


def test_chunks_keep_their_sentences_with_vectors_pooled_in_place(settings, embedder) -> None:
    sync(settings, embedder)
    reader = assert_consistent(settings.index)
    chunks = reader.conn.execute('SELECT id, article_id, start, "end" FROM chunks').fetchall()
    rows = reader.sentences([c[0] for c in chunks])
    matched = total = 0
    own, others = [], []
    for cid, article_id, start, end in chunks:
        spans, vectors = rows[cid].spans, rows[cid].vectors
        text = reader.article_rows([article_id])[article_id].text
        assert spans == sorted(spans) and all(start <= a < b <= end for a, b in spans)
        assert all(text[a:b] == text[a:b].strip() for a, b in spans)
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-2)
        if len(spans) >= 3:
            # Each pooled vector is nearest to its own sentence embedded alone: the token
            # offsets line up with the text (a shifted span would pool its neighbour).
            alone = embedder.embed([text[a:b] for a, b in spans])
            likeness = vectors @ alone.T
            matched += int((likeness.argmax(axis=1) == np.arange(len(spans))).sum())
            total += len(spans)
            own += list(np.diag(likeness))
            others += list(likeness[~np.eye(len(spans), dtype=bool)])
    # Read in context a sentence also takes on its neighbours (seeds: 83 % nearest to
    # itself, cosine 0.69 to itself against 0.38 to the others); one shifted span breaks both.
    assert total > 50 and matched / total > 0.7
    assert np.mean(own) - np.mean(others) > 0.2
    reader.close()


def test_sync_embeds_only_what_changed(settings, corpus, counting) -> None:
    first = sync(settings, counting)
    assert (first.added, first.updated, first.removed, first.unchanged) == (5, 0, 0, 0)
    assert first.chunks_embedded == first.chunks_total == counting.embedded > 5
    assert first.articles_total == 5

    counting.calls.clear()
    again = sync(settings, counting)
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 5)
    assert again.chunks_embedded == 0 and counting.calls == []

    # Change one article, delete one, add one.
    changed = corpus / "002_db38f92249411e75.txt"
    changed.write_text(changed.read_text() + "\n\nA correction was appended to this article.\n")
    (corpus / "004_8bf53314b5d23ce2.txt").unlink()
    (corpus / "new.md").write_text("# Kerry answers Lavrov\n\nJohn Kerry said the coalition targets ISIS.\n")
    reader_before = IndexReader(settings.index)
    counts_before = reader_before.count_chunks()
    third = sync(settings, counting)
    assert (third.added, third.updated, third.removed, third.unchanged) == (1, 1, 1, 3)
    with IndexReader(settings.index) as reader:
        per_article = reader.article_chunk_counts()
    assert third.chunks_embedded == counting.embedded == per_article["002_db38f92249411e75.txt"] + per_article["new.md"]
    assert "004_8bf53314b5d23ce2.txt" not in per_article
    # A reader opened before the sync still sees its own snapshot, whole.
    assert reader_before.count_chunks() == counts_before
    _, ids = reader_before.search(np.ones((1, reader_before.manifest.dimension), np.float32), 5)
    found = reader_before.conn.execute(
        f"SELECT count(*) FROM chunks WHERE id IN ({','.join(map(str, ids[0]))})").fetchone()[0]
    assert found == len(ids[0])
    reader_before.close()
    assert_consistent(settings.index).close()


def test_turning_the_attribution_parser_on_or_off_relabels_without_embedding(tmp_path, counting) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text("Harbour lights go dark\n\nThe lamp failed on Monday.\n"
                                        "The lighthouse keeper's daughter told reporters the lamp had failed twice.\n")
    speakers = {}
    for n, parser in enumerate(("", Settings.model_fields["attribution_parser"].default, "")):
        settings = Settings(corpus=corpus, index=tmp_path / "index", attribution_parser=parser)
        counting.calls.clear()
        report = sync(settings, counting)
        with IndexReader(settings.index) as reader:
            labels = reader.attributions(["harbour.txt"])["harbour.txt"]
            version = reader.conn.execute("SELECT value FROM meta WHERE key = 'attribution_version'").fetchone()[0]
        speakers.setdefault(parser, []).append((labels[-1].kind, labels[-1].speaker))
        assert version == attribution_version(SpeakerParser.from_settings(settings))
        if n:  # the text is unchanged: labelled again, embedded never
            assert report.chunks_embedded == 0 and counting.calls == [] and report.articles_total == 1
    assert speakers[""] == [("reporting", None)] * 2
    assert speakers[Settings.model_fields["attribution_parser"].default] == [
        ("indirect", "The lighthouse keeper's daughter")]


def test_search_finds_the_article_a_question_is_about(settings, embedder) -> None:
    sync(settings, embedder)
    with IndexReader(settings.index) as reader:
        query = embedder.embed(["What did the Russian defense minister Shoigu say about the US?"])
        _, ids = reader.search(query, 3)
        top = reader.conn.execute("SELECT article_id FROM chunks WHERE id = ?", (int(ids[0][0]),)).fetchone()[0]
    assert top == "002_db38f92249411e75.txt"


def test_rebuild_switches_atomically_and_removes_the_old_generation(settings, embedder) -> None:
    sync(settings, embedder)
    old = IndexReader(settings.index)
    report = sync(settings, embedder, rebuild=True)
    assert report.added == 5 and report.chunks_embedded == report.chunks_total
    names = sorted(p.name for p in settings.index.iterdir() if p.name.startswith("store-"))
    assert names == ["store-2.faiss", "store-2.lexical", "store-2.sqlite"]
    # The old reader keeps working on the files it opened.
    assert old.count_chunks() == report.chunks_total
    old.close()
    with IndexReader(settings.index) as new:
        assert new.manifest.generation == 2


def test_changed_settings_demand_a_rebuild(settings, embedder) -> None:
    sync(settings, embedder)
    other = settings.model_copy(update={"chunk_tokens": 100})
    with pytest.raises(StoreError, match=r"chunk_tokens 200 -> 100.*rag index --rebuild"):
        sync(other, embedder)
    report = sync(other, embedder, rebuild=True)
    with IndexReader(settings.index) as reader:
        assert reader.manifest.identity.chunk_tokens == 100
        assert reader.count_chunks() == report.chunks_total > 0


def test_jsonl_corpus_duplicates_and_moves(tmp_path, embedder) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    lines = [{"id": f"n{i}", "title": f"Story {i}", "text": f"Story {i} is about topic {i} and nothing else."} for i in range(4)]
    (corpus / "a.jsonl").write_text("\n".join(json.dumps(x) for x in lines[:3]) + "\n")
    # Same id again, and the same article under another id: both skipped, not double-counted.
    # Identical text under a different title is a different article (scraper junk text).
    (corpus / "b.jsonl").write_text("\n".join(json.dumps(x) for x in (
        lines[0], {**lines[1], "id": "copy"}, {**lines[1], "id": "other", "title": "Other"})) + "\n")
    settings = Settings(corpus=corpus, index=tmp_path / "index")
    report = sync(settings, embedder)
    assert report.articles_total == 4 and len(report.skipped) == 2
    reasons = sorted(s.reason for s in report.skipped)
    assert reasons[0].startswith("duplicate id 'n0'") and reasons[1].startswith("same article as 'n1'")
    # Move n2 into b.jsonl and drop a.jsonl's n0: b's copy of n0 becomes the live one.
    (corpus / "a.jsonl").write_text(json.dumps(lines[1]) + "\n")
    (corpus / "b.jsonl").write_text("\n".join(json.dumps(x) for x in (lines[0], lines[2], lines[3])) + "\n")
    report = sync(settings, embedder)
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 0, 1, 3)
    assert report.skipped == () and report.chunks_embedded == 1
    with IndexReader(settings.index) as reader:
        files = dict(reader.conn.execute("SELECT id, file FROM articles"))
    assert files == {"n0": "b.jsonl", "n1": "a.jsonl", "n2": "b.jsonl", "n3": "b.jsonl"}


def test_a_lagging_faiss_file_is_reconciled_on_load(settings, embedder) -> None:
    """What a kill between the SQLite commit and the FAISS write leaves behind."""
    sync(settings, embedder)
    faiss_file = settings.index / "store-1.faiss"
    stale = faiss_file.read_bytes()
    (settings.corpus / "extra.txt").write_text("An extra article about Aleppo and the ceasefire talks.")
    sync(settings, embedder)
    faiss_file.write_bytes(stale)  # as if the last FAISS write never happened
    with assert_consistent(settings.index) as reader:
        assert reader.count_articles() == 6
    assert sync(settings, embedder).chunks_embedded == 0  # repaired from stored vectors


def test_damaged_index_files_give_one_line_errors(settings, embedder) -> None:
    sync(settings, embedder)
    faiss_file = settings.index / "store-1.faiss"
    good = faiss_file.read_bytes()
    faiss_file.write_bytes(good[: len(good) // 2])
    with pytest.raises(StoreError, match=r"truncated or damaged; run `rag index` to repair"):
        IndexReader(settings.index)
    assert sync(settings, embedder).chunks_embedded == 0
    assert_consistent(settings.index).close()

    faiss_file.unlink()
    with pytest.raises(StoreError, match="missing"):
        IndexReader(settings.index)
    sync(settings, embedder)

    db = sqlite3.connect(settings.index / "store-1.sqlite")
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="schema version 99.*--rebuild"):
        IndexReader(settings.index)
    sync(settings, embedder, rebuild=True)
    assert_consistent(settings.index).close()

    (settings.index / "manifest.json").write_text('{"generation": ')
    with pytest.raises(StoreError, match="manifest.json is damaged"):
        IndexReader(settings.index)
    sync(settings, embedder, rebuild=True)
    assert_consistent(settings.index).close()

    with pytest.raises(StoreError, match="no index"):
        IndexReader(settings.index.parent / "nowhere")


@pytest.mark.parametrize("edit, message", [
    (lambda m: m["identity"].update(embed_model="other-model@1"), "disagree on the embedding model"),
    (lambda m: m.update(generation=7), r"store-7.sqlite is missing; run `rag index --rebuild`"),
    (lambda m: m.update(dimension=768), "has dimension 384, the manifest says 768"),
])
def test_a_manifest_that_disagrees_with_the_data_says_what_to_do(settings, embedder, edit, message) -> None:
    sync(settings, embedder)
    path = settings.index / "manifest.json"
    manifest = json.loads(path.read_text())
    edit(manifest)
    path.write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match=message):
        IndexReader(settings.index)
    report = sync(settings, embedder, rebuild=True)
    assert report.articles_total == 5
    with assert_consistent(settings.index) as reader:
        assert reader.count_articles() == 5


def test_copies_and_huge_files_are_reported_not_indexed(settings, embedder) -> None:
    shoigu = settings.corpus / "002_db38f92249411e75.txt"
    (settings.corpus / "copy of shoigu.txt").write_bytes(shoigu.read_bytes())
    for name in ("huge.txt", "huge.jsonl"):
        with open(settings.corpus / name, "wb") as fh:
            fh.truncate(200 * 2**20)  # 200 MB, sparse: the size alone must stop it
    report = sync(settings, embedder)
    reasons = {s.source: s.reason for s in report.skipped}
    assert reasons["copy of shoigu.txt"] == "same article as '002_db38f92249411e75.txt'"
    assert reasons["huge.txt"] == reasons["huge.jsonl"] == "file is 200.0 MiB, over the 64 MiB limit"
    assert report.articles_total == 5
    answer = Pipeline(settings.model_copy(update={"llm": "extractive", "per_article": 3}), embedder).ask(
        "What did Shoigu say about the moderate opposition?")
    assert {p.article_id for p in answer.passages} >= {shoigu.name}
    assert "copy of shoigu.txt" not in {p.article_id for p in answer.passages}


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MiB tmpfs: a real disk that fills up (mounting one needs root, as in CI here)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=True)


@pytest.mark.parametrize("free_kib", [40, 400, 1000])
def test_a_full_disk_stops_the_update_with_a_clear_error_and_keeps_the_index(
        settings, embedder, small_disk, free_kib) -> None:
    settings = settings.model_copy(update={"index": small_disk / "index", "commit_chunks": 8,
                                           "llm": "extractive"})
    sync(settings, embedder)
    make_articles(settings.corpus, 16, seed=3)
    filler = small_disk / "filler"
    free = shutil.disk_usage(small_disk).free
    filler.write_bytes(b"\0" * max(0, free - free_kib * 1024))
    try:
        sync(settings, embedder)
        filled = False
    except StoreError as exc:
        assert str(exc).startswith(f"the disk holding {settings.index} is full; free some space")
        filled = True
    print(f"{free_kib} KiB free: {'filled' if filled else 'fitted'}")
    with assert_consistent(settings.index) as reader:
        assert reader.count_articles() >= 5
    assert Pipeline(settings, embedder).ask("What did Shoigu say about the moderate opposition?").citations
    filler.unlink()
    report = sync(settings, embedder)
    assert report.articles_total == 21 and (filled or report.chunks_embedded == 0)
    with assert_consistent(settings.index) as reader:
        assert reader.count_articles() == 21


def test_an_update_does_not_wait_for_an_open_reader(settings, embedder, monkeypatch) -> None:
    """The chat app keeps a snapshot open; the update must not sit out SQLite's 30 s busy
    timeout for it (it did, with a TRUNCATE checkpoint): only checkpoints that never wait
    for readers (PASSIVE) may run while one is open."""
    from rag.index import writer

    statements: list[str] = []

    def traced(path):
        conn = connect(path)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(writer, "connect", traced)
    sync(settings, embedder)
    with IndexReader(settings.index) as held:
        (settings.corpus / "new.txt").write_text("Kerry update\n\nJohn Kerry said the coalition struck 8,000 targets.")
        statements.clear()
        assert sync(settings, embedder).added == 1
        checkpoints = [s for s in statements if "wal_checkpoint" in s.lower()]
        assert checkpoints and all("(PASSIVE)" in s.upper() for s in checkpoints), checkpoints
        assert held.count_articles() == 5  # the open snapshot is unchanged
    with assert_consistent(settings.index) as reader:
        assert reader.count_articles() == 6


def open_files(path) -> int:
    """This process's file descriptors on a store file and its -wal and -shm."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}").startswith(str(path))
        except OSError:  # closed while listing
            pass
    return count


@pytest.mark.filterwarnings("ignore:Failed to obtain server version")
def test_a_failed_writer_open_closes_its_connection(settings, embedder) -> None:
    """The chat app syncs on every upload: with the Qdrant server down (or the store refused
    after connecting) each failed open must not leave the store file open."""
    sync(settings, embedder)
    store = settings.index / "store-1.sqlite"
    identity = Indexer(settings, embedder).identity()
    down = VectorConfig("qdrant", qdrant_url=f"http://127.0.0.1:{free_port()}")
    before = open_files(store)
    kept = []  # as a server's log or error page would: their tracebacks hold the frames
    for _ in range(4):
        with pytest.raises(StoreError, match="the Qdrant server at") as caught:
            IndexWriter.open(settings.index, identity, lambda: embedder.dimension, config=down)
        kept.append(caught.value)
    assert open_files(store) == before

    db = sqlite3.connect(store)
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    for _ in range(4):
        with pytest.raises(StoreError, match="schema version 99") as caught:
            IndexWriter.open(settings.index, identity, lambda: embedder.dimension)
        kept.append(caught.value)
    assert open_files(store) == before


def test_a_running_pipeline_answers_from_an_index_changed_outside_it(settings, embedder) -> None:
    """The chat app keeps its snapshot between questions; `rag index` run beside it (here an
    Indexer of its own) must show up at the next question, and nothing else reopens it."""
    sync(settings, embedder)
    pipeline = Pipeline(settings.model_copy(update={"llm": "extractive"}), embedder)
    assert not pipeline.ask("What did Shoigu say about the moderate opposition?").refused
    reader = pipeline.reader
    pipeline.ask("What did Lavrov say about the coalition?")
    sync(settings, embedder)  # nothing to do: no commit, no new manifest
    pipeline.ask("What did Lavrov say about the coalition?")
    assert pipeline.reader is reader and not reader.changed()

    (settings.corpus / "new.txt").write_text(
        "Kerry update\n\nJohn Kerry said the coalition had struck 8,000 Zanzibarian targets.")
    assert sync(settings, embedder).added == 1
    question = "How many Zanzibarian targets did the coalition strike, according to Kerry?"
    answer = pipeline.ask(question)
    assert pipeline.reader is not reader
    assert "new.txt" in {p.article_id for p in answer.passages}
    assert not answer.refused and "8,000" in answer.text
    assert reader.count_articles() == 5  # the old snapshot still serves who holds it

    reader = pipeline.reader
    sync(settings, embedder, rebuild=True)  # a new generation: the manifest changes
    assert "new.txt" in {p.article_id for p in pipeline.ask(question).passages}
    assert pipeline.reader is not reader and pipeline.reader.manifest.generation == 2
