"""The seam between the index and its vector stores.

A vector store holds a copy of the chunk vectors keyed by chunk id (ids are never reused),
searched by inner product; SQLite stays the truth and `reconcile` brings any copy in line
with it. A store is one class in one module of this package, `NAME_store.py`, with `name =
"NAME"`: four primitives (`add_vectors`, `delete`, `search`, `ids`) and how a reader and the
writer open it. `RAG_VECTOR_STORE=NAME` finds it by that file name (`stores()` lists them), so
a new store is one new file; reader and writer know nothing else about them.
"""

from __future__ import annotations

import importlib
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

import numpy as np

from ..errors import StoreError
from .schema import read_meta, set_meta



@dataclass(frozen=True)
class VectorConfig:
    """Which vector store an index uses, and how; and whether it keeps a lexical mirror (from `Settings`)."""

    store: str = "faiss"  # a NAME_store.py module of this package
    index: Literal["auto", "flat", "ivf"] = "auto"
    nprobe: int = 0  # 0: faiss_store.IVF_NPROBE
    qdrant_url: str = ""
    qdrant_api_key: str = ""
    qdrant_collection: str = "rag"
    lexical: Literal["auto", "tantivy", "fts5"] = "auto"  # the BM25 side: the tantivy mirror (by size), or FTS5 alone

    @classmethod
    def from_settings(cls, settings) -> VectorConfig:
        return cls(settings.vector_store, settings.vector_index, settings.ivf_nprobe,
                   settings.qdrant_url, settings.qdrant_api_key.get_secret_value(),
                   settings.qdrant_collection, settings.lexical_index)

    def store_class(self) -> type[ChunkVectors]:
        """The class in `{store}_store.py` whose `name` is the store's, imported now."""
        if self.store not in stores():
            raise StoreError(f"unknown vector store {self.store!r} (RAG_VECTOR_STORE); "
                             f"this rag has {', '.join(stores())}")
        module = importlib.import_module(f"{__package__}.{self.store}_store")
        found = [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, ChunkVectors)
                 and getattr(c, "name", None) == self.store]
        if len(found) != 1:
            raise StoreError(f"{module.__name__} must define one ChunkVectors class named {self.store!r}")
        return found[0]


def stores() -> list[str]:
    """The vector stores this package holds: one `NAME_store.py` each."""
    import pkgutil

    return sorted(m.name.removesuffix("_store") for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                  if m.name.endswith("_store"))


@dataclass(frozen=True)
class Snapshot:
    """One generation's SQLite store as one connection sees it: what a store opens against."""

    conn: sqlite3.Connection
    path: Path  # store-N.sqlite; a store's own files sit beside it (store-N.faiss)
    dimension: int
    config: VectorConfig

    def meta(self) -> dict[str, str]:
        return read_meta(self.conn)

    def chunk_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]


class ChunkVectors(ABC):
    """Unit vectors keyed by chunk id, searched by inner product: a copy of SQLite's."""

    #: The RAG_VECTOR_STORE value naming this store; also its metadata keys' prefix.
    name: ClassVar[str]

    @abstractmethod
    def add_vectors(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under chunk ids not held yet."""

    @abstractmethod
    def delete(self, ids: Sequence[int] | np.ndarray) -> None:
        """Remove these chunk ids (unknown ones are ignored)."""

    @abstractmethod
    def search(self, queries: np.ndarray, k: int, ids: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Scores and chunk ids (-1 where fewer than k exist) of the k best per query row;
        with `ids`, only among those chunks (a filter applied inside the search)."""

    @abstractmethod
    def ids(self) -> np.ndarray:
        """Every chunk id held, as int64."""

    def __len__(self) -> int:
        return len(self.ids())

    def close(self) -> None:
        """Let go of what the store holds open (a client); searching after it is an error."""

    @classmethod
    @abstractmethod
    def open_for_reader(cls, snapshot: Snapshot) -> ChunkVectors:
        """The store holding exactly the chunks of the reader's snapshot."""

    @classmethod
    def as_written(cls, snapshot: Snapshot) -> bool:
        """Whether the store is as its last write left it, told without loading it (what
        `rag status` asks instead of opening it); False unless a store can tell."""
        return False

    @classmethod
    def open_for_writer(cls, snapshot: Snapshot) -> ChunkVectors | None:
        """A copy outside this process that the writer keeps in step after each commit, or
        None: the FAISS file has the writer's own rewrite policy, and a store in memory is
        filled by each reader that opens it."""
        return None

    @classmethod
    def drop_generation(cls, meta: Mapping[str, str], path: Path, config: VectorConfig) -> None:
        """Remove what the store keeps for a generation a rebuild has replaced."""

    @contextmanager
    def failures(self) -> Iterator[None]:
        """The store's own errors as one-line StoreErrors."""
        yield

    # The writer's side, for a copy from `open_for_writer`. A flag set in the same
    # transaction as a change and cleared once the copy has it tells the next writer that
    # a kill or an outage came in between.

    @property
    def pending_key(self) -> str:
        return f"{self.name}_pending"

    def catch_up(self, snapshot: Snapshot) -> None:
        """Bring the copy in line with SQLite if the last writer could not finish sending."""
        pending = snapshot.meta().get(self.pending_key) == "1"
        chunks = snapshot.chunk_count()
        with self.failures():
            if pending or len(self) != chunks:
                reconcile(self, snapshot.conn, snapshot.dimension)
        set_meta(snapshot.conn, **{self.pending_key: "0"})

    def mark_pending(self, conn: sqlite3.Connection) -> None:
        """Inside the write transaction: this change is not in the copy yet."""
        set_meta(conn, **{self.pending_key: "1"})

    def sync_after_commit(self, conn: sqlite3.Connection, gone_ids: Sequence[int],
                          new_ids: np.ndarray, new_vectors: np.ndarray) -> None:
        """Send a committed batch, then clear the pending flag its transaction set."""
        with self.failures():
            self.delete(gone_ids)
            if len(new_ids):
                self.add_vectors(new_ids, new_vectors)
        set_meta(conn, **{self.pending_key: "0"})


def stored_vectors(conn: sqlite3.Connection, ids: np.ndarray | None, dimension: int,
                   batch: int = 8192, above: int = 0) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(ids, vectors) from the chunks table in batches: these ids, or all of them (with ids
    above `above`, read by the primary key)."""
    if ids is None:
        cursor = conn.execute("SELECT id, vector FROM chunks WHERE id > ? ORDER BY id", (above,))
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
    # Everything missing (a first open, a store in memory): one pass over the table.
    for ids, batch in stored_vectors(conn, None if len(missing) == len(want) else missing, dimension):
        vectors.add_vectors(ids, batch)
    return len(extra) + len(missing)
