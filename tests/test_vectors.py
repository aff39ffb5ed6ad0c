"""Vector stores: FAISS kind by size, the lagging FAISS file, Qdrant."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from rag.chunk import SPLITTER_VERSION
from rag.errors import StoreError
from rag.evaluate import load_questions, retrieval_metrics
from rag.index import Identity, IndexReader, IndexWriter, VectorConfig, faiss_store
from rag.index import writer as writer_module
from rag.index.faiss_store import FaissVectors, ivf_lists, kind_for, needs_retraining
from rag.index.qdrant_store import QdrantVectors
from rag.pipeline import Pipeline
from rag.sync import Indexer
from rag.types import Article, ArticleWrite, Chunk, SpanVectors
from tests.conftest import assert_consistent, free_port, run_rag

DIM = 384
QUESTIONS = Path(__file__).parent / "data" / "seed_questions.jsonl"


def synthetic(first: int, count: int, chunks_per: int, rng: np.random.Generator,
              centres: np.ndarray) -> list[ArticleWrite]:
    """`write_batch` rows: articles whose chunk vectors lie near a few shared centres, as
    real topics do (random directions would leave IVF nothing to cluster)."""
    rows = []
    for a in range(first, first + count):
        words = [f"w{a}x{j}" for j in range(chunks_per)]
        text = " ".join(words)
        article = Article(f"a{a}", f"title {a}", text, "synthetic", None,
                          hashlib.sha256(text.encode()).hexdigest())
        chunks, start = [], 0
        for j, word in enumerate(words):
            chunks.append(Chunk(article.id, j, start, start + len(word), word))
            start += len(word) + 1
        v = centres[rng.integers(len(centres), size=chunks_per)] + 0.03 * rng.standard_normal((chunks_per, DIM))
        v = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
        sentences = [SpanVectors([(c.start, c.end)], v[j:j + 1]) for j, c in enumerate(chunks)]
        rows.append(ArticleWrite(article, f"{a}.txt", chunks, v, sentences))
    return rows


def write(index: Path, rows=(), remove=(), config: VectorConfig = VectorConfig()) -> None:
    identity = Identity("synthetic@1", 200, 32, True, SPLITTER_VERSION)
    with IndexWriter.open(index, identity, lambda: DIM, config=config) as writer:
        writer.write_batch(list(rows), remove=remove)
        writer.finish()


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(5)


@pytest.fixture
def centres(rng) -> np.ndarray:
    c = rng.standard_normal((40, DIM))
    return c / np.linalg.norm(c, axis=1, keepdims=True)


def test_sizes_choose_the_index_kind_and_when_to_retrain() -> None:
    assert kind_for(10_000) == "flat" and kind_for(1_000_000) == "ivf"
    assert kind_for(10, "ivf") == "ivf" and kind_for(10**7, "flat") == "flat"
    assert ivf_lists(100_000) == 1024 and ivf_lists(1_000_000) == 4096
    assert ivf_lists(3000) == 64  # capped: FAISS's k-means wants >= 39 points per list
    assert not needs_retraining("ivf4096", "ivf", 1_300_000)
    assert needs_retraining("ivf1024", "ivf", 4_000_000)  # 4x the lists it was trained for
    assert needs_retraining("flat", "ivf", 300_000) and needs_retraining("ivf4096", "flat", 50_000)


def test_adding_a_little_leaves_the_faiss_file_alone_and_readers_still_see_it(tmp_path, rng, centres) -> None:
    index = tmp_path / "index"
    write(index, synthetic(0, 100, 3, rng, centres))
    faiss_file = index / "store-1.faiss"
    before = faiss_file.stat().st_mtime_ns, faiss_file.read_bytes()

    new = synthetic(100, 1, 2, rng, centres)  # 2 of 302 chunks: under the 1 % lag allowed
    write(index, new)
    assert (faiss_file.stat().st_mtime_ns, faiss_file.read_bytes()) == before
    with assert_consistent(index) as reader:
        assert len(reader.vectors) == 302
        ids = dict(reader.conn.execute("SELECT ord, id FROM chunks WHERE article_id = 'a100'"))
        _, found = reader.search(new[0].vectors[1:2], 1)
        assert found[0][0] == ids[1]
        assert reader.conn.execute("SELECT value FROM meta WHERE key = 'vectors_lag'").fetchone()[0] == "2"

    write(index, synthetic(101, 3, 2, rng, centres))  # now 8 behind: over 1 %, rewritten
    assert faiss_file.stat().st_mtime_ns != before[0]
    with assert_consistent(index) as reader:
        assert reader.conn.execute("SELECT value FROM meta WHERE key = 'vectors_lag'").fetchone()[0] == "0"
        assert len(FaissVectors.read(faiss_file)) == 308


def test_a_kill_while_the_faiss_file_is_recorded_never_doubles_its_vectors(tmp_path, rng, centres,
                                                                          monkeypatch) -> None:
    """The stamp, change number and highest id of a freshly written FAISS file land in the
    store together or not at all: the writer is stopped at every step of recording them (as
    SIGKILL would), and each time the index opens with exactly one vector per chunk."""
    base = tmp_path / "base"
    write(base, synthetic(0, 100, 3, rng, centres))
    write(base, remove=["a7", "a8"])  # removals logged, so that catching up also deletes
    added = synthetic(100, 4, 2, rng, centres)  # 8 of 302: over the 1 % lag, the file is rewritten
    original = writer_module._write_faiss
    interrupted = 0
    for step in range(1, 2000, 5):
        index = tmp_path / f"run{step}"
        shutil.copytree(base, index)

        def stopped(conn, db_path, vectors, step=step):
            calls = iter(range(step))
            # A progress handler that returns non-zero aborts the running statement.
            conn.set_progress_handler(lambda: next(calls, None) is None, 1)
            try:
                original(conn, db_path, vectors)
            finally:
                conn.set_progress_handler(None, 1)

        monkeypatch.setattr(writer_module, "_write_faiss", stopped)
        try:
            write(index, added)
        except StoreError:
            interrupted += 1
        else:
            break
        finally:
            monkeypatch.setattr(writer_module, "_write_faiss", original)
        with assert_consistent(index) as reader:
            assert len(reader.vectors) == reader.count_chunks() == 302
    assert interrupted >= 3  # the recording was stopped at several of its steps


def test_the_index_turns_ivf_past_the_threshold_and_back(tmp_path, rng, centres, monkeypatch) -> None:
    monkeypatch.setattr(faiss_store, "IVF_MIN_CHUNKS", 2000)
    index = tmp_path / "index"
    write(index, synthetic(0, 500, 3, rng, centres))
    with assert_consistent(index) as reader:
        assert reader.vectors.kind == "flat"
    write(index, synthetic(500, 500, 3, rng, centres))
    with assert_consistent(index) as reader:
        assert reader.vectors.label == f"ivf{ivf_lists(3000)}"
        stored = reader.chunk_vectors(reader.vectors.ids().tolist())
        ids = np.array(list(stored))
        matrix = np.vstack([stored[i] for i in ids])
        queries = matrix[rng.choice(len(matrix), 50, replace=False)] + 0.01 * rng.standard_normal((50, DIM))
        queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
        exact = ids[np.argsort(-(queries @ matrix.T), axis=1)[:, :10]]
        _, found = reader.search(queries, 10)
        recall = np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact, strict=True)])
        assert recall >= 0.95

    gone = [f"a{i}" for i in range(0, 1000, 4)]
    with IndexReader(index) as reader:
        gone_ids = {r[0] for r in reader.conn.execute(
            f"SELECT id FROM chunks WHERE article_id IN ({','.join('?' * len(gone))})", gone)}
    write(index, remove=gone)  # IVF removes in place: 750 of 3000 ids
    with assert_consistent(index) as reader:
        assert reader.vectors.kind == "ivf"
        _, found = reader.search(queries, 50)
        assert not gone_ids & set(found.ravel().tolist())

    write(index, remove=[f"a{i}" for i in range(1, 1000, 4)])  # 1500 chunks left: flat again
    with assert_consistent(index) as reader:
        assert reader.vectors.kind == "flat" and len(reader.vectors) == 1500


@pytest.fixture
def indexed(settings, embedder):
    Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    return settings


def test_qdrant_gives_the_same_retrieval_and_eval_numbers_as_faiss(indexed, embedder) -> None:
    faiss_side = Pipeline(indexed, embedder)
    qdrant_side = Pipeline(indexed.model_copy(update={"vector_store": "qdrant"}), embedder)
    store = qdrant_side.reader.vectors
    assert isinstance(store, QdrantVectors) and store.local
    assert len(store) == faiss_side.reader.count_chunks()
    questions = load_questions(QUESTIONS)
    for mode in ("dense", "hybrid"):
        a = retrieval_metrics(faiss_side, questions, mode)
        b = retrieval_metrics(qdrant_side, questions, mode)
        a.pop("retrieve_ms"), b.pop("retrieve_ms")
        assert a == b, mode
    for q in questions[:10]:
        assert [p.chunk_ids for p in faiss_side.retriever.retrieve(q.question, 5, "dense")] == \
            [p.chunk_ids for p in qdrant_side.retriever.retrieve(q.question, 5, "dense")]
    answer = qdrant_side.ask("What did Shoigu say about the moderate opposition?", llm="extractive")
    assert not answer.refused and any(c.supported for c in answer.citations)


def test_an_unreachable_qdrant_server_is_one_line_and_loses_nothing(settings) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    proc = run_rag("index", env={"RAG_VECTOR_STORE": "qdrant", "RAG_QDRANT_URL": url})
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert lines[-1].startswith(f"error: the Qdrant server at {url} failed"), proc.stderr
    assert "Traceback" not in proc.stderr
    run_rag("index", check=True)  # FAISS, as before
    assert_consistent(settings.index).close()


def test_a_vector_store_is_one_file_found_by_its_name(tmp_path) -> None:
    from rag.index import stores

    assert stores() == ["faiss", "qdrant"]
    assert VectorConfig("faiss").store_class() is FaissVectors
    assert VectorConfig("qdrant").store_class() is QdrantVectors
    with pytest.raises(StoreError, match="unknown vector store 'milvus'.*faiss, qdrant"):
        VectorConfig("milvus").store_class()
