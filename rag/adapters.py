"""LangChain-facing adapters, in one place: the index as a `BaseRetriever` of passages, a
whole index as a `VectorStore` of articles, and LangChain `Embeddings` as an `Embedder`.

Both interfaces are checked by LangChain's own standard test suites (tests/test_langchain.py).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, get_args

import numpy as np
from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables.config import run_in_executor
from langchain_core.vectorstores import VectorStore
from pydantic import ConfigDict, Field

from .embed import Embedder
from .errors import RagError, StoreError
from .pipeline import Pipeline
from .retrieve import Mode, Retriever
from .settings import Settings
from .index import MANIFEST, IndexLock, IndexReader, IndexWriter, Manifest, VectorConfig, write_failed
from .sync import Indexer
from .types import Article, Passage

# --- Retriever ------------------------------------------------------------------------


def passage_document(p: Passage) -> Document:
    """A passage as a LangChain Document; its id names the article span, unique per index."""
    return Document(
        id=f"{p.article_id}:{p.start}-{p.end}",
        page_content=p.text,
        metadata={"article_id": p.article_id, "title": p.title, "source": p.source, "date": p.date,
                  "start": p.start, "end": p.end, "score": p.score, "similarity": p.similarity,
                  "chunk_ids": list(p.chunk_ids), "outlet": p.outlet, "author": p.author},
    )


class IndexRetriever(BaseRetriever):
    """Hybrid FAISS + FTS5 retrieval over a rag index, as a LangChain retriever.

    `invoke(query, k=..., mode=...)` overrides the fields for one call."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    #: A Pipeline (follows its index after each `refresh`) or a Retriever (one snapshot).
    source: Pipeline | Retriever
    #: Passages per query; None: the pipeline's RAG_K (5 for a bare Retriever).
    k: int | None = Field(default=None, ge=1)
    #: hybrid, dense or lexical; None: the pipeline's RAG_RETRIEVER (hybrid for a Retriever).
    mode: Mode | None = None

    def passages(self, query: str, k: int | None = None, mode: Mode | None = None) -> list[Passage]:
        """The passages behind the Documents; arguments left None take the fields' values."""
        if isinstance(self.source, Pipeline):
            retriever = self.source.current_retriever()
            default_k, default_mode = self.source.settings.k, self.source.settings.retriever
        else:
            retriever, default_k, default_mode = self.source, 5, "hybrid"
        k = next(n for n in (k, self.k, default_k) if n is not None)
        mode = mode or self.mode or default_mode
        if k < 1:
            raise RagError(f"k must be at least 1, not {k}")
        if mode not in get_args(Mode):
            raise RagError(f"unknown retrieval mode {mode!r}; use hybrid, dense or lexical")
        return retriever.retrieve(query, k, mode)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                k: int | None = None, mode: Mode | None = None) -> list[Document]:
        return [passage_document(p) for p in self.passages(query, k, mode)]

    async def _aget_relevant_documents(self, query: str, *, run_manager: AsyncCallbackManagerForRetrieverRun,
                                       k: int | None = None, mode: Mode | None = None) -> list[Document]:
        # BaseRetriever's default would drop k and mode on the way to the sync method.
        return await run_in_executor(None, self._get_relevant_documents, query,
                                     run_manager=run_manager.get_sync(), k=k, mode=mode)


# --- Embeddings -> Embedder -----------------------------------------------------------


class LangChainEmbedder(Embedder):
    """A LangChain `Embeddings` behind rag's `Embedder` seam: rows made unit length (the
    index searches by inner product), tokens counted as words."""

    def __init__(self, embeddings: Embeddings, model_id: str = "", max_tokens: int = 256):
        self.embeddings = embeddings
        self._model_id = model_id
        self.max_tokens = max_tokens

    @cached_property
    def model_id(self) -> str:  # type: ignore[override]
        if self._model_id:
            return self._model_id
        kind = type(self.embeddings)
        name = getattr(self.embeddings, "model", None) or getattr(self.embeddings, "model_name", None)
        # The dimension too: two sizes of one class must never share an index.
        return f"langchain:{kind.__module__}.{kind.__qualname__}:{name or ''}:{self.dimension}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return _unit(self.embeddings.embed_documents(list(texts)))

    def embed_query(self, text: str) -> np.ndarray:
        """The query's vector: some models embed queries differently from documents."""
        return _unit([self.embeddings.embed_query(text)])[0]


def _unit(rows: Sequence[Sequence[float]]) -> np.ndarray:
    vectors = np.asarray(rows, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.where(norms == 0, 1.0, norms))


# --- VectorStore ----------------------------------------------------------------------

# Document metadata, kept beside the index's own tables in a table only this adapter makes;
# the trigger drops an article's metadata in the transaction that removes or replaces it,
# so metadata can go missing on a kill (written after the article) but never be stale.
_METADATA_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS langchain_metadata(article_id TEXT PRIMARY KEY, metadata TEXT NOT NULL)",
    """CREATE TRIGGER IF NOT EXISTS langchain_metadata_ad AFTER DELETE ON articles BEGIN
        DELETE FROM langchain_metadata WHERE article_id = old.id;
    END""",
)


class IndexVectorStore(VectorStore):
    """A whole rag index folder as a LangChain VectorStore whose documents are articles.

    `add_texts` chunks, embeds and writes each text as one article (its id the article id)
    through the same path as `rag index`; `similarity_search` ranks articles by the index's
    own retrieval (hybrid by default: dense and FTS5, fused) and returns whole articles;
    the score is the best cosine of the query to one of the article's chunks. Metadata is
    kept as JSON; its `title`, `source` and `date` strings also fill the article's fields.
    The folder is this store's: `rag index` on it would make it match a corpus instead."""

    def __init__(self, index: str | Path, embedding: Embeddings | Embedder, *,
                 settings: Settings | None = None, mode: Mode = "hybrid"):
        self.index = Path(index)
        self.settings = (settings or Settings()).model_copy(update={"index": self.index})
        if isinstance(embedding, Embedder):
            self.embedder, self._embeddings = embedding, None
        else:
            self.embedder, self._embeddings = LangChainEmbedder(embedding), embedding
        self.mode = mode
        self.indexer = Indexer(self.settings, self.embedder, progress=False, on_message=lambda m: None)
        self._lock = threading.RLock()
        self._reader: IndexReader | None = None
        self._stamp: tuple[int, int, int] | None = None

    @property
    def embeddings(self) -> Embeddings | None:
        return self._embeddings

    # Reading ----------------------------------------------------------------------

    def _current(self) -> IndexReader | None:
        """The reader of the latest committed state (None while nothing was ever written)."""
        with self._lock:
            # Every write ends by replacing the manifest (a rename), here or in another
            # process: a new stamp means a newer snapshot to read.
            stamp = _stamp(self.index / MANIFEST)
            if self._reader is not None and stamp != self._stamp:
                self._reader.close()
                self._reader = None
            if self._reader is None:
                if Manifest.load(self.index) is None:
                    return None
                reader = IndexReader(self.index, VectorConfig.from_settings(self.settings))
                built_with = reader.manifest.identity.embed_model
                if built_with != self.embedder.model_id:
                    reader.close()
                    raise StoreError(f"the index at {self.index} was embedded with {built_with}, "
                                     f"not {self.embedder.model_id}")
                self._reader, self._stamp = reader, stamp
            return self._reader

    def _retriever(self, reader: IndexReader) -> Retriever:
        s = self.settings
        return Retriever(reader, self.embedder, pool=s.pool, rrf_k=s.rrf_k, dense_weight=s.dense_weight,
                         lexical_weight=s.lexical_weight, title_weight=s.title_weight, per_article=1,
                         mmr=s.mmr)

    def _documents(self, reader: IndexReader, ids: Sequence[str]) -> dict[str, Document]:
        rows = reader.article_rows(ids)
        metadata = _read_metadata(reader.conn, list(rows)) if rows else {}
        return {i: Document(id=i, page_content=row.text, metadata=metadata.get(i, {}))
                for i, row in rows.items()}

    def get_by_ids(self, ids: Sequence[str], /) -> list[Document]:
        with self._lock:
            reader = self._current()
            if reader is None or not ids:
                return []
            found = self._documents(reader, list(ids))
        return [found[i] for i in ids if i in found]

    def _search(self, query: str, vector: np.ndarray, k: int, mode: Mode) -> list[tuple[Document, float]]:
        with self._lock:
            reader = self._current()
            if reader is None or k < 1:
                return []
            passages = self._retriever(reader).retrieve(query, k, mode, vector=vector)
            found = self._documents(reader, [p.article_id for p in passages])
        return [(found[p.article_id], p.similarity) for p in passages if p.article_id in found]

    def similarity_search_with_score(self, query: str, k: int = 4, *, mode: Mode | None = None,
                                     **kwargs: Any) -> list[tuple[Document, float]]:
        """Articles with the best cosine of the query to one of their chunks; `mode`
        (hybrid, dense, lexical) overrides the store's for this call."""
        mode = mode or self.mode
        if mode not in get_args(Mode):
            raise RagError(f"unknown retrieval mode {mode!r}; use hybrid, dense or lexical")
        _refuse(kwargs)
        vector = (self.embedder.embed_query(query) if isinstance(self.embedder, LangChainEmbedder)
                  else self.embedder.embed([query])[0])
        return self._search(query, vector, k, mode)

    def similarity_search(self, query: str, k: int = 4, **kwargs: Any) -> list[Document]:
        return [doc for doc, _ in self.similarity_search_with_score(query, k, **kwargs)]

    def similarity_search_by_vector(self, embedding: list[float], k: int = 4, **kwargs: Any) -> list[Document]:
        _refuse(kwargs)
        # A vector alone has no words for the lexical side: dense only.
        return [doc for doc, _ in self._search("", _unit([embedding])[0], k, "dense")]

    def _select_relevance_score_fn(self) -> Callable[[float], float]:
        return lambda score: (score + 1.0) / 2.0  # cosine -> 0..1

    # Writing ----------------------------------------------------------------------

    def add_texts(self, texts: Iterable[str], metadatas: list[dict] | None = None, *,
                  ids: list[str | None] | None = None, **kwargs: Any) -> list[str]:
        """Write each text as one article (replacing any article with its id); returns the ids."""
        texts = list(texts)
        metadatas = list(metadatas) if metadatas is not None else [{}] * len(texts)
        given = list(ids) if ids is not None else [None] * len(texts)
        if not (len(metadatas) == len(given) == len(texts)):
            raise RagError(f"{len(texts)} texts need as many metadatas and ids "
                           f"(got {len(metadatas)} and {len(given)})")
        ids = [i if i else str(uuid.uuid4()) for i in given]
        encoded = [_metadata_json(i, m) for i, m in zip(ids, metadatas, strict=True)]
        # A later text with the same id replaces an earlier one, as a second call would.
        latest = {i: n for n, i in enumerate(ids)}
        articles = [_article(ids[n], texts[n], metadatas[n]) for n in sorted(latest.values())]
        self._write([(a, encoded[latest[a.id]]) for a in articles], remove=[])
        return ids

    def delete(self, ids: list[str] | None = None, **kwargs: Any) -> bool | None:
        """Remove these articles (unknown ids are ignored); None removes every article."""
        if ids is None:
            with self._lock:
                reader = self._current()
                ids = [r[0] for r in reader.conn.execute("SELECT id FROM articles")] if reader else []
        self._write([], remove=list(ids))
        return True

    def _write(self, items: list[tuple[Article, str]], remove: list[str]) -> None:
        """Chunk and embed, then write in commits of about `commit_chunks` chunks, each one
        SQLite transaction through the index writer, under the index lock."""
        if not items and not remove:
            return
        s = self.settings
        # The index lock (a flock) also keeps two threads of this process apart (the chunker
        # is not thread-safe); searches go on from the reader's snapshot meanwhile.
        with IndexLock(self.index, s.lock_timeout):
            batches: list[list[tuple[Article, str, list]]] = [[]]
            size = 0
            for article, meta in items:
                chunks = self.indexer.chunker.split(article)
                if size >= s.commit_chunks:
                    batches.append([])
                    size = 0
                batches[-1].append((article, meta, chunks))
                size += len(chunks)
            with IndexWriter.open(self.index, self.indexer.identity(), lambda: self.embedder.dimension,
                                  config=VectorConfig.from_settings(s)) as writer:
                _write_metadata(writer, [])  # the table and its trigger, before any article changes
                for n, batch in enumerate(batches):
                    # Indexer's own chunk -> vectors + pooled sentence vectors step.
                    rows = self.indexer.embed_articles([(a, "", chunks) for a, _, chunks in batch]) if batch else []
                    writer.write_batch(rows, remove=remove if n == 0 else ())
                    _write_metadata(writer, [(a.id, meta) for a, meta, _ in batch])
                writer.finish()

    @classmethod
    def from_texts(cls, texts: list[str], embedding: Embeddings, metadatas: list[dict] | None = None,
                   *, ids: list[str] | None = None, index: str | Path | None = None,
                   **kwargs: Any) -> IndexVectorStore:
        """A store in the folder `index` (required), with these texts added."""
        if index is None:
            raise RagError("IndexVectorStore.from_texts needs index=<folder>")
        store = cls(index, embedding, **kwargs)
        store.add_texts(texts, metadatas, ids=ids)
        return store


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def _refuse(kwargs: dict) -> None:
    """Search options this store does not have (e.g. `filter`) fail rather than go unheeded."""
    if kwargs:
        raise RagError(f"IndexVectorStore search takes no {', '.join(sorted(kwargs))} argument")


def _article(article_id: str, text: str, metadata: dict) -> Article:
    """An article as given: its text is not normalised, so it comes back exactly."""
    def field(name: str) -> str | None:
        value = metadata.get(name)
        return value if isinstance(value, str) else None

    return Article(id=article_id, title=" ".join((field("title") or "").split()), text=text,
                   source=field("source") or "", date=field("date"),
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def _metadata_json(article_id: str, metadata: dict) -> str:
    try:
        return json.dumps(metadata, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise RagError(f"metadata of document {article_id!r} is not JSON: {exc}") from None


def _write_metadata(writer: IndexWriter, rows: list[tuple[str, str]]) -> None:
    """(article id, JSON) rows in one transaction; the table is made first if missing."""
    conn = writer.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _METADATA_SCHEMA:
                conn.execute(statement)
            conn.executemany("INSERT OR REPLACE INTO langchain_metadata VALUES (?, ?)", rows)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        raise write_failed(writer.db_path, exc) from exc


def _read_metadata(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict]:
    marks = ",".join("?" * len(ids))
    try:
        rows = conn.execute(f"SELECT article_id, metadata FROM langchain_metadata WHERE article_id IN ({marks})",
                            ids).fetchall()
    except sqlite3.OperationalError:  # an index this adapter never wrote to
        return {}
    return {i: json.loads(m) for i, m in rows}
