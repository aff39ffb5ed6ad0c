"""The tantivy lexical mirror and the memory-mapped FAISS file: both are copies of SQLite
that say which change number they hold, and catch up from it."""

from __future__ import annotations

import json
import shutil
import sqlite3

import numpy as np
import pytest

from rag.index import IndexReader, VectorConfig
from rag.index.faiss_store import FaissVectors, MappedFaiss
from rag.index import lexical
from rag.index.lexical import STATE, LexicalMirror
from tests.conftest import assert_consistent
from tests.test_vectors import synthetic, write

FTS5 = VectorConfig(lexical="fts5")
TANTIVY = VectorConfig(lexical="tantivy")  # these indexes are far below MIN_CHUNKS


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(9)


@pytest.fixture
def centres(rng) -> np.ndarray:
    c = rng.standard_normal((20, 384))
    return c / np.linalg.norm(c, axis=1, keepdims=True)


def hits(reader: IndexReader, word: str, k: int = 50) -> set[int]:
    return {cid for cid, _ in reader.lexical([word], k, 2.0)}


def chunk_ids(reader: IndexReader, article: str) -> set[int]:
    return {r[0] for r in reader.conn.execute("SELECT id FROM chunks WHERE article_id = ?", (article,))}


def test_the_mirror_follows_every_add_and_removal_without_being_rebuilt(tmp_path, rng, centres) -> None:
    index = tmp_path / "index"
    write(index, synthetic(0, 20, 3, rng, centres))
    mirror = index / "store-1.lexical"
    with assert_consistent(index, TANTIVY) as reader:
        assert reader.words is not None
        assert hits(reader, "w3x1") == {min(chunk_ids(reader, "a3")) + 1}
        assert hits(reader, "title 7") >= chunk_ids(reader, "a7")  # titles are searched too
    first_segments = {p.name for p in mirror.iterdir()}

    write(index, synthetic(20, 1, 2, rng, centres), remove=["a3"])
    with assert_consistent(index, TANTIVY) as reader:
        assert hits(reader, "w3x1") == set()
        assert hits(reader, "w20x0") == {min(chunk_ids(reader, "a20"))}
        state = json.loads((mirror / STATE).read_text())
        assert state["version"] == int(reader.meta["chunks_version"]) == 2
    # Incremental: the first segment files are still there (tantivy adds, never rewrites).
    assert first_segments - {STATE, "meta.json", ".managed.json"} <= {p.name for p in mirror.iterdir()}


def test_a_mirror_remade_while_another_handle_locks_its_folder(tmp_path, rng, centres, monkeypatch) -> None:
    """A reader's handle on the old mirror reloads while its folder is deleted and takes
    tantivy's meta lock, leaving a lock file behind (what made CI fail once in 15 runs under
    load): the writer remakes the mirror all the same, and it answers."""
    index = tmp_path / "index"
    write(index, synthetic(0, 10, 2, rng, centres))
    mirror = index / "store-1.lexical"
    (mirror / STATE).write_text("{}")  # unreadable state: the next writer makes it anew
    real_rmtree = shutil.rmtree

    def racing(path, *args, **kwargs):
        real_rmtree(path, *args, **kwargs)
        if str(path) == str(mirror):  # the reader's lock lands after the files went
            mirror.mkdir(exist_ok=True)
            (mirror / ".tantivy-meta.lock").touch()

    monkeypatch.setattr(lexical.shutil, "rmtree", racing)
    write(index, synthetic(10, 1, 2, rng, centres))
    monkeypatch.undo()
    with assert_consistent(index, TANTIVY) as reader:
        assert reader.words is not None
        assert hits(reader, "w10x1") == {max(chunk_ids(reader, "a10"))}


def test_a_mirror_behind_its_snapshot_is_not_used_and_the_next_writer_catches_it_up(tmp_path, rng, centres) -> None:
    index = tmp_path / "index"
    write(index, synthetic(0, 10, 2, rng, centres))
    mirror = index / "store-1.lexical"
    old = tmp_path / "old-mirror"
    shutil.copytree(mirror, old)
    write(index, synthetic(10, 2, 2, rng, centres), remove=["a1"])
    # A kill between the SQLite commit and the mirror's: the mirror holds the older state.
    shutil.rmtree(mirror)
    shutil.copytree(old, mirror)
    with IndexReader(index, TANTIVY) as reader:
        assert reader.words is None  # FTS5 answers, and it has the new article
        assert hits(reader, "w10x1") == {max(chunk_ids(reader, "a10"))}
        assert hits(reader, "w1x0") == set()
    write(index)  # any writer catches the mirror up from the removal log and the new ids
    with assert_consistent(index, TANTIVY) as reader:
        assert reader.words is not None
        assert hits(reader, "w10x1") == {max(chunk_ids(reader, "a10"))}
        assert hits(reader, "w1x0") == set()


def test_a_mirror_committed_without_its_state_is_caught_up_without_duplicates(tmp_path, rng, centres) -> None:
    index = tmp_path / "index"
    write(index, synthetic(0, 10, 2, rng, centres))
    state_before = (index / "store-1.lexical" / STATE).read_text()
    write(index, synthetic(10, 3, 2, rng, centres), remove=["a2"])
    # A kill after tantivy's commit, before the state file: the state says less than it holds.
    (index / "store-1.lexical" / STATE).write_text(state_before)
    write(index)
    with assert_consistent(index, TANTIVY) as reader:  # each chunk once, a2's gone
        assert reader.words is not None and hits(reader, "w2x0") == set()


def test_a_damaged_or_missing_mirror_is_made_again_and_fts5_can_be_chosen(tmp_path, rng, centres) -> None:
    index = tmp_path / "index"
    write(index, synthetic(0, 5, 2, rng, centres))
    for path in (index / "store-1.lexical").iterdir():
        if path.name != STATE:
            path.unlink()
    with IndexReader(index, TANTIVY) as reader:
        assert reader.words is None and hits(reader, "w4x1")  # FTS5
    write(index)
    with assert_consistent(index, TANTIVY) as reader:
        assert reader.words is not None and hits(reader, "w4x1")
    with IndexReader(index, FTS5) as reader:
        assert reader.words is None and hits(reader, "w4x1")


def test_the_removal_log_is_kept_only_as_far_back_as_the_oldest_copy(tmp_path, rng, centres) -> None:
    index = tmp_path / "index"
    write(index, synthetic(0, 200, 3, rng, centres))
    write(index, remove=["a0"])  # 3 of 600 chunks: the FAISS file lags, the mirror does not
    conn = sqlite3.connect(index / "store-1.sqlite")
    assert conn.execute("SELECT count(*) FROM removed_chunks").fetchone()[0] == 3
    conn.close()
    write(index, remove=[f"a{i}" for i in range(1, 10)])  # over 1 %: the file is written
    conn = sqlite3.connect(index / "store-1.sqlite")
    assert conn.execute("SELECT count(*) FROM removed_chunks").fetchone()[0] == 0
    conn.close()
    # With FTS5 alone there is no mirror to keep the log for; the FAISS file alone counts.
    write(index, remove=["a10"], config=FTS5)
    write(index, remove=[f"a{i}" for i in range(11, 20)], config=FTS5)
    write(index)  # the mirror missed those: it is older than the log, so it is made again
    with assert_consistent(index, TANTIVY) as reader:
        assert reader.words is not None and hits(reader, "w15x0") == set()


def test_readers_map_the_faiss_file_and_add_what_it_lacks(tmp_path, rng, centres) -> None:
    index = tmp_path / "index"
    write(index, synthetic(0, 500, 2, rng, centres))
    faiss_file = index / "store-1.faiss"
    stamp = faiss_file.stat().st_mtime_ns
    new = synthetic(500, 1, 2, rng, centres)
    write(index, new, remove=["a5"])  # 4 of 1000 chunks changed: under 1 %, the file lags
    assert faiss_file.stat().st_mtime_ns == stamp
    with assert_consistent(index, TANTIVY) as reader:
        assert isinstance(reader.vectors, MappedFaiss)
        assert len(reader.vectors.added) == 2 and len(reader.vectors.removed) == 2
        stored = reader.chunk_vectors([int(i) for i in reader.vectors.ids()])
        exact = FaissVectors.empty(384)
        exact.add_vectors(np.array(list(stored)), np.vstack(list(stored.values())))
        queries = np.vstack([new[0].vectors, synthetic(5, 1, 2, np.random.default_rng(9), centres)[0].vectors])
        queries = np.vstack([queries, centres[:5].astype(np.float32)])
        for k in (1, 10, 400):
            mapped_scores, mapped = reader.search(queries, k)
            exact_scores, expected = exact.search(queries, k)
            assert mapped.tolist() == expected.tolist()
            np.testing.assert_allclose(mapped_scores, exact_scores, rtol=1e-5, atol=1e-6)
        a6 = np.array(sorted(chunk_ids(reader, "a6") | chunk_ids(reader, "a500")))
        _, inside = reader.search(queries, 4, a6)
        assert set(inside.ravel().tolist()) <= set(a6.tolist())
        assert not chunk_ids(reader, "a5")  # and its ids are never found
        gone = set(range(1, 1100)) - set(int(i) for i in reader.vectors.ids())
        _, found = reader.search(queries, 1000)
        assert not gone & set(found.ravel().tolist())


def test_a_faiss_file_that_is_not_the_recorded_one_is_compared_id_by_id(tmp_path, rng, centres) -> None:
    index = tmp_path / "index"
    write(index, synthetic(0, 150, 2, rng, centres))
    older = tmp_path / "older.faiss"
    shutil.copy2(index / "store-1.faiss", older)
    write(index, synthetic(150, 4, 2, rng, centres))  # 8 of 308: over 1 %, written again
    shutil.copy(older, index / "store-1.faiss")  # an older copy put back: its stamp differs
    with assert_consistent(index, TANTIVY) as reader:
        assert not isinstance(reader.vectors, MappedFaiss)  # read whole and reconciled by id
    write(index)  # the writer notices the stamp and writes the file again
    with assert_consistent(index, TANTIVY) as reader:
        assert isinstance(reader.vectors, MappedFaiss) and not len(reader.vectors.added)


def test_a_version_3_store_is_read_by_id_and_upgraded_by_the_next_writer(tmp_path, rng, centres) -> None:
    index = tmp_path / "index"
    write(index, synthetic(0, 30, 2, rng, centres))
    conn = sqlite3.connect(index / "store-1.sqlite")
    conn.executescript("DROP TABLE removed_chunks; DELETE FROM meta WHERE key IN "
                       "('vectors_version', 'vectors_max_id', 'chunks_version');"
                       "UPDATE meta SET value = '3' WHERE key = 'schema_version';")
    conn.close()
    shutil.rmtree(index / "store-1.lexical")
    with assert_consistent(index, TANTIVY) as reader:
        assert reader.words is None and not isinstance(reader.vectors, MappedFaiss)
    write(index, synthetic(30, 1, 2, rng, centres))
    with assert_consistent(index, TANTIVY) as reader:
        assert reader.meta["schema_version"] == "4"
        assert reader.words is not None and isinstance(reader.vectors, MappedFaiss)
        assert LexicalMirror.open(index / "store-1.lexical").covers(reader.conn)


def test_a_mapped_ivf_file_searches_as_the_file_read_whole_and_caught_up(tmp_path, rng, centres, monkeypatch) -> None:
    from rag.index import faiss_store

    monkeypatch.setattr(faiss_store, "IVF_MIN_CHUNKS", 2000)
    index = tmp_path / "index"
    write(index, synthetic(0, 1500, 2, rng, centres))
    write(index, synthetic(1500, 2, 2, rng, centres), remove=["a7", "a8"])  # 8 of 3000: lags
    with assert_consistent(index, TANTIVY) as reader:
        assert isinstance(reader.vectors, MappedFaiss) and reader.vectors.kind == "ivf"
        whole, changed = faiss_store.open_faiss(index / "store-1.faiss", reader.conn, 384, repair=False)
        assert not isinstance(whole, MappedFaiss) and changed == 8
        queries = (centres + 0.05 * rng.standard_normal(centres.shape)).astype(np.float32)
        for k in (5, 50):
            assert reader.search(queries, k)[1].tolist() == whole.search(queries, k)[1].tolist()
        inside = np.array(sorted(chunk_ids(reader, "a9") | chunk_ids(reader, "a1501")))
        assert reader.search(queries, 3, inside)[1].tolist() == whole.search(queries, 3, inside)[1].tolist()


def test_a_mirror_of_another_format_is_not_read_and_is_made_again(tmp_path, rng, centres) -> None:
    index = tmp_path / "index"
    write(index, synthetic(0, 5, 2, rng, centres))
    state = index / "store-1.lexical" / STATE
    state.write_text(json.dumps({**json.loads(state.read_text()), "format": 0}))
    with IndexReader(index, TANTIVY) as reader:
        assert reader.words is None and hits(reader, "w3x1")
    write(index)
    with assert_consistent(index, TANTIVY) as reader:
        assert reader.words is not None and hits(reader, "w3x1")


def test_by_default_the_mirror_is_kept_and_answers_from_min_chunks(tmp_path, rng, centres, monkeypatch) -> None:
    from rag.index import lexical

    index = tmp_path / "index"
    write(index, synthetic(0, 10, 2, rng, centres))
    assert (index / "store-1.lexical" / STATE).exists()
    with IndexReader(index) as reader:
        assert reader.words is None  # 20 chunks: FTS5
    monkeypatch.setattr(lexical, "MIN_CHUNKS", 20)
    with IndexReader(index) as reader:
        assert reader.words is not None
