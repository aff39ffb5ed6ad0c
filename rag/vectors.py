"""Chunk vectors behind LangChain's `VectorStore`: FAISS in the index folder (the default)
or a Qdrant collection (for a corpus that outgrows one machine).

SQLite stays the truth; a vector store is a copy keyed by chunk id that `reconcile` brings
in line with it. Each backend implements four primitives (`add_vectors`, `delete`, `search`,
`ids`); the LangChain methods (`add_texts`, `similarity_search`, `as_retriever`, ...) are
built on them here, once.
"""

from __future__ import annotations

import math
import os
import sqlite3
import warnings
from abc import abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.vectorstores import VectorStore

from .embed import Embedder
from .errors import StoreError

Kind = Literal["flat", "ivf"]


@dataclass(frozen=True)
class VectorConfig:
    """Which vector store an index uses, and how (from `Settings`)."""

    store: Literal["faiss", "qdrant"] = "faiss"
    index: Literal["auto", "flat", "ivf"] = "auto"
    nprobe: int = 0  # 0: IVF_NPROBE
    qdrant_url: str = ""
    qdrant_api_key: str = ""
    qdrant_collection: str = "rag"

    @classmethod
    def from_settings(cls, settings) -> VectorConfig:
        return cls(settings.vector_store, settings.vector_index, settings.ivf_nprobe,
                   settings.qdrant_url, settings.qdrant_api_key.get_secret_value(),
                   settings.qdrant_collection)

    @property
    def probes(self) -> int:
        return self.nprobe or IVF_NPROBE

# Thresholds from bench/scale.py (bench/results/scale.json, README "Index at scale"): below
# IVF_MIN_CHUNKS exact search is fast enough on one thread and has perfect recall; above it
# IVF keeps the 1M-chunk p50 far under 50 ms at recall@10 >= 0.95. HNSW was not chosen: it
# cannot remove vectors, and every edited or deleted article removes some.
IVF_MIN_CHUNKS = 200_000
IVF_NPROBE = 32


def ivf_lists(n: int) -> int:
    """IVF list count for n vectors: about 4*sqrt(n), a power of two, and at least 39
    training points per list as FAISS's k-means wants."""
    if n < 39:
        return 1
    target = 2 ** round(math.log2(4 * math.sqrt(n)))
    return max(1, min(target, 2 ** int(math.log2(n // 39))))


def kind_for(n: int, setting: str = "auto") -> Kind:
    """The index type for n chunks: the setting, or by size with `auto`."""
    if setting in ("flat", "ivf"):
        return setting  # type: ignore[return-value]
    return "ivf" if n >= IVF_MIN_CHUNKS else "flat"


class EmbedderEmbeddings(Embeddings):
    """Our `Embedder` as LangChain `Embeddings`, so the LangChain text methods work."""

    def __init__(self, embedder: Embedder):
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed([text])[0].tolist()


class ChunkVectors(VectorStore):
    """Unit vectors keyed by chunk id, searched by inner product."""

    #: For the LangChain text methods: an embedder, and chunk id -> text for Documents.
    embedder: Embedder | None = None
    texts: Callable[[Sequence[int]], dict[int, str]] | None = None

    @abstractmethod
    def add_vectors(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under chunk ids not held yet."""

    @abstractmethod
    def delete(self, ids: Sequence[int | str] | None = None, **kwargs: Any) -> bool | None:
        """Remove these chunk ids (unknown ones are ignored)."""

    @abstractmethod
    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Scores and chunk ids (-1 where fewer than k exist) of the k best per query row."""

    @abstractmethod
    def ids(self) -> np.ndarray:
        """Every chunk id held, as int64."""

    def __len__(self) -> int:
        return len(self.ids())

    # LangChain's VectorStore API, on the primitives above.

    @property
    def embeddings(self) -> Embeddings | None:
        return EmbedderEmbeddings(self.embedder) if self.embedder else None

    def _need_embedder(self) -> Embedder:
        if self.embedder is None:
            raise StoreError("this vector store was opened without an embedder; texts need one")
        return self.embedder

    def add_texts(self, texts: Iterable[str], metadatas: list[dict] | None = None, *,
                  ids: list[str] | None = None, **kwargs: Any) -> list[str]:
        """Embed and add texts; ids must be integer chunk ids (as strings)."""
        texts = list(texts)
        if ids is None or len(ids) != len(texts):
            raise ValueError("chunk vectors need one integer id per text")
        numbers = np.array([int(i) for i in ids], dtype=np.int64)
        self.delete(numbers)  # LangChain's add replaces texts under known ids
        self.add_vectors(numbers, self._need_embedder().embed(texts))
        return [str(i) for i in ids]

    def similarity_search_with_score_by_vector(self, embedding: Sequence[float], k: int = 4,
                                               **kwargs: Any) -> list[tuple[Document, float]]:
        scores, ids = self.search(np.asarray(embedding, dtype=np.float32)[None, :], k)
        hits = [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]
        texts = self.texts([i for i, _ in hits]) if self.texts else {}
        return [(Document(page_content=texts.get(i, ""), metadata={"chunk_id": i}, id=str(i)), s)
                for i, s in hits]

    def similarity_search_by_vector(self, embedding: list[float], k: int = 4, **kwargs: Any) -> list[Document]:
        return [doc for doc, _ in self.similarity_search_with_score_by_vector(embedding, k)]

    def similarity_search_with_score(self, query: str, k: int = 4, **kwargs: Any) -> list[tuple[Document, float]]:
        return self.similarity_search_with_score_by_vector(self._need_embedder().embed([query])[0], k)

    def similarity_search(self, query: str, k: int = 4, **kwargs: Any) -> list[Document]:
        return [doc for doc, _ in self.similarity_search_with_score(query, k)]

    def _select_relevance_score_fn(self) -> Callable[[float], float]:
        return lambda score: (score + 1.0) / 2.0  # cosine of unit vectors -> 0..1

    @classmethod
    def from_texts(cls, texts: list[str], embedding: Embeddings, metadatas: list[dict] | None = None,
                   *, ids: list[str] | None = None, **kwargs: Any) -> ChunkVectors:
        raise NotImplementedError("chunk vectors are built by `rag index`, not from loose texts")


class FaissVectors(ChunkVectors):
    """FAISS: exact inner product (`flat`) or an inverted file (`ivf`) by corpus size."""

    def __init__(self, index, nprobe: int = IVF_NPROBE):
        self.index = index
        self.nprobe = nprobe
        if self.kind == "ivf":
            _ivf(index).nprobe = nprobe

    @classmethod
    def empty(cls, dimension: int) -> FaissVectors:
        import faiss

        return cls(faiss.IndexIDMap2(faiss.IndexFlatIP(dimension)))

    @classmethod
    def trained(cls, kind: Kind, dimension: int, sample: np.ndarray, nlist: int = 0,
                nprobe: int = IVF_NPROBE) -> FaissVectors:
        """An empty index of `kind`; IVF lists are trained on `sample` (unit rows)."""
        import faiss

        if kind == "flat":
            return cls.empty(dimension)
        nlist = nlist or ivf_lists(len(sample))
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dimension), dimension, nlist, faiss.METRIC_INNER_PRODUCT)
        index.cp.seed = 1234  # reproducible lists for the same vectors
        index.train(np.ascontiguousarray(sample, dtype=np.float32))
        return cls(index, nprobe)

    @classmethod
    def read(cls, path: Path, nprobe: int = IVF_NPROBE) -> FaissVectors:
        import faiss

        return cls(faiss.read_index(str(path)), nprobe)

    def write(self, path: Path) -> None:
        import faiss

        faiss.write_index(self.index, str(path))

    @property
    def kind(self) -> Kind:
        return "flat" if _ivf(self.index) is None else "ivf"

    @property
    def label(self) -> str:
        """Kind and shape, as recorded in the index metadata: `flat` or `ivf4096`."""
        ivf = _ivf(self.index)
        return "flat" if ivf is None else f"ivf{ivf.nlist}"

    @property
    def dimension(self) -> int:
        return int(self.index.d)

    def add_vectors(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32),
                                    np.asarray(ids, dtype=np.int64))

    def delete(self, ids=None, **kwargs) -> bool | None:
        if ids is not None and len(ids):
            self.index.remove_ids(np.array([int(i) for i in ids], dtype=np.int64))
        return True

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = min(k, self.index.ntotal)
        if k == 0:
            empty = np.zeros((len(queries), 0))
            return empty.astype(np.float32), empty.astype(np.int64)
        # One question searches fastest on one thread: OpenMP's start-up across threads
        # cost more than it saved (news-dev, flat: 1.4 ms on one thread, 5.5-10 ms on two).
        _threads(1 if len(queries) == 1 else 0)
        return self.index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    def ids(self) -> np.ndarray:
        import faiss

        if self.index.ntotal == 0:
            return np.zeros(0, dtype=np.int64)
        ivf = _ivf(self.index)
        if ivf is None:
            return faiss.vector_to_array(self.index.id_map).astype(np.int64)
        lists = ivf.invlists
        parts = [faiss.rev_swig_ptr(lists.get_ids(i), lists.list_size(i)).copy()
                 for i in range(ivf.nlist) if lists.list_size(i)]
        return np.concatenate(parts).astype(np.int64)

    def __len__(self) -> int:
        return int(self.index.ntotal)


def _threads(n: int) -> None:
    """FAISS's OpenMP threads for what follows in this process (0: all cores)."""
    import faiss

    faiss.omp_set_num_threads(n or os.cpu_count() or 1)


def _ivf(index):
    import faiss

    try:
        return faiss.extract_index_ivf(index)
    except RuntimeError:  # not an IVF index
        return None


class QdrantVectors(ChunkVectors):
    """A Qdrant collection: a server at `url`, or qdrant-client's in-process local mode
    (in memory, filled from SQLite when opened; its on-disk form would be pickle)."""

    def __init__(self, collection: str, dimension: int, url: str = "", api_key: str = "",
                 timeout: float = 60.0):
        from qdrant_client import QdrantClient

        self.collection = collection
        self.local = not url
        self.client = QdrantClient(location=":memory:") if self.local else \
            QdrantClient(url=url, api_key=api_key or None, timeout=int(timeout))
        self._ensure(dimension)

    def _ensure(self, dimension: int) -> None:
        from qdrant_client import models

        if not self.client.collection_exists(self.collection):
            self.client.create_collection(self.collection, vectors_config=models.VectorParams(
                size=dimension, distance=models.Distance.DOT))

    def add_vectors(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        from qdrant_client import models

        with warnings.catch_warnings():
            # Local mode warns past 20,000 points; it is what tests and small corpora use.
            warnings.simplefilter("ignore", UserWarning)
            for lo in range(0, len(ids), 1024):
                self.client.upsert(self.collection, wait=True, points=models.Batch(
                    ids=[int(i) for i in ids[lo:lo + 1024]],
                    vectors=np.asarray(vectors[lo:lo + 1024], dtype=np.float32).tolist()))

    def delete(self, ids=None, **kwargs) -> bool | None:
        from qdrant_client import models

        if ids is not None and len(ids):
            self.client.delete(self.collection, wait=True,
                               points_selector=models.PointIdsList(points=[int(i) for i in ids]))
        return True

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        ids = np.full((len(queries), k), -1, dtype=np.int64)
        for row, query in enumerate(np.asarray(queries, dtype=np.float32)):
            hits = self.client.query_points(self.collection, query=query.tolist(), limit=k,
                                            with_payload=False).points
            for j, hit in enumerate(hits):
                scores[row, j], ids[row, j] = hit.score, int(hit.id)
        width = max((int((ids[r] >= 0).sum()) for r in range(len(ids))), default=0)
        return scores[:, :width], ids[:, :width]

    def ids(self) -> np.ndarray:
        found: list[int] = []
        offset = None
        while True:
            points, offset = self.client.scroll(self.collection, limit=10_000, offset=offset,
                                                with_payload=False, with_vectors=False)
            found += [int(p.id) for p in points]
            if offset is None:
                return np.array(found, dtype=np.int64)

    def __len__(self) -> int:
        return int(self.client.count(self.collection, exact=True).count)

    def drop(self) -> None:
        self.client.delete_collection(self.collection)


def stored_vectors(conn: sqlite3.Connection, ids: np.ndarray | None, dimension: int,
                   batch: int = 8192) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(ids, vectors) from the chunks table in batches: these ids, or all of them."""
    if ids is None:
        cursor = conn.execute("SELECT id, vector FROM chunks ORDER BY id")
        while rows := cursor.fetchmany(batch):
            yield (np.array([r[0] for r in rows], dtype=np.int64),
                   np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dimension))
        return
    for lo in range(0, len(ids), 500):
        part = [int(i) for i in ids[lo:lo + 500]]
        rows = dict(conn.execute(f"SELECT id, vector FROM chunks WHERE id IN ({','.join('?' * len(part))})", part))
        yield (np.array(part, dtype=np.int64),
               np.frombuffer(b"".join(rows[i] for i in part), dtype=np.float32).reshape(len(part), dimension))


def reconcile(vectors: ChunkVectors, conn: sqlite3.Connection, dimension: int) -> int:
    """Make `vectors` hold exactly the chunks the SQLite snapshot `conn` sees (chunk ids are
    never reused, so an id names one vector forever). Returns how many ids changed."""
    have = vectors.ids()
    want = np.fromiter((r[0] for r in conn.execute("SELECT id FROM chunks")), dtype=np.int64)
    extra = np.setdiff1d(have, want, assume_unique=True)
    missing = np.setdiff1d(want, have, assume_unique=True)
    if len(extra):
        vectors.delete(extra)
    # Everything missing (a first open, Qdrant's local mode): one pass over the table.
    for ids, batch in stored_vectors(conn, None if len(missing) == len(want) else missing, dimension):
        vectors.add_vectors(ids, batch)
    return len(extra) + len(missing)


def needs_retraining(label: str, kind: Kind, n: int) -> bool:
    """Whether an index recorded as `label` should be rebuilt as `kind` for n chunks: another
    kind, or IVF lists trained for a corpus more than 4x smaller or larger (sqrt scaling)."""
    if label == "flat" or kind == "flat":
        return label != kind
    nlist = int(label.removeprefix("ivf") or 0)
    return not nlist / 2 <= ivf_lists(n) <= nlist * 2


def build(kind: Kind, conn: sqlite3.Connection, dimension: int, nprobe: int = IVF_NPROBE,
          seed: int = 0) -> FaissVectors:
    """A FAISS index of `kind` over every chunk vector in SQLite (IVF trained on a sample)."""
    _threads(0)
    vectors = FaissVectors.empty(dimension)
    n = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    if kind == "ivf" and n:
        nlist = ivf_lists(n)
        # 64 points per list is plenty for k-means and keeps training to seconds at 1M.
        take = min(n, 64 * nlist)
        rng = np.random.default_rng(seed)
        keep = np.sort(rng.choice(n, size=take, replace=False)) if take < n else None
        sample, seen = [], 0
        for _, batch in stored_vectors(conn, None, dimension):
            rows = np.arange(seen, seen + len(batch))
            seen += len(batch)
            sample.append(batch if keep is None else batch[np.isin(rows, keep)])
        vectors = FaissVectors.trained("ivf", dimension, np.vstack(sample) if sample else
                                       np.zeros((0, dimension), np.float32), nlist, nprobe)
    for ids, batch in stored_vectors(conn, None, dimension):
        vectors.add_vectors(ids, batch)
    return vectors
