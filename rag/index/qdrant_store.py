"""Qdrant (RAG_VECTOR_STORE=qdrant): a server's collection per index generation, kept in
step by the writer after each commit, or qdrant-client's local mode in memory."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ..errors import StoreError, redact_url
from .vectors import ChunkVectors, Snapshot, VectorConfig, reconcile


@contextmanager
def qdrant_errors(url: str) -> Iterator[None]:
    """Qdrant client failures as one-line StoreErrors (SQLite keeps the change; the next
    `rag index` brings the collection up to date)."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:  # qdrant-client raises httpx, grpc and its own error types
        raise StoreError(f"the Qdrant server at {redact_url(url)} failed ({type(exc).__name__}); "
                         "the index keeps the change: run `rag index` again when it is back") from exc


def collection_name(config: VectorConfig, meta: Mapping[str, str], path: Path) -> str:
    """This index generation's collection: one per generation, so a rebuild never mixes."""
    if not config.qdrant_url:  # local mode: in memory, private to this process
        return config.qdrant_collection
    uid = meta.get("store_uid")
    if not uid:
        raise StoreError(f"{path} predates Qdrant support; run `rag index` once")
    return f"{config.qdrant_collection}-{uid}"


class QdrantVectors(ChunkVectors):
    """A Qdrant collection: a server at `url`, or qdrant-client's in-process local mode
    (in memory, filled from SQLite when opened; its on-disk form would be pickle)."""

    name = "qdrant"

    def __init__(self, collection: str, dimension: int, url: str = "", api_key: str = "",
                 timeout: float = 60.0):
        from qdrant_client import QdrantClient

        self.collection = collection
        self.url = url
        self.local = not url
        # No version check: on a server that does not answer it only adds a warning after our
        # one-line error (a flaky second line in the CLI's stderr); _ensure says what failed.
        self.client = QdrantClient(location=":memory:") if self.local else \
            QdrantClient(url=url, api_key=api_key or None, timeout=int(timeout), check_compatibility=False)
        try:
            self._ensure(dimension)
        except BaseException:
            self.client.close()
            raise

    @classmethod
    def _connect(cls, snapshot: Snapshot) -> QdrantVectors:
        config = snapshot.config
        with qdrant_errors(config.qdrant_url):
            return cls(collection_name(config, snapshot.meta(), snapshot.path), snapshot.dimension,
                       config.qdrant_url, config.qdrant_api_key)

    @classmethod
    def open_for_reader(cls, snapshot: Snapshot) -> QdrantVectors:
        vectors = cls._connect(snapshot)
        if vectors.local:  # in memory: this reader's own copy, filled from its snapshot
            try:
                reconcile(vectors, snapshot.conn, snapshot.dimension)
            except BaseException:
                vectors.close()
                raise
        return vectors

    @classmethod
    def open_for_writer(cls, snapshot: Snapshot) -> QdrantVectors | None:
        if not snapshot.config.qdrant_url:
            return None
        vectors = cls._connect(snapshot)
        try:
            vectors.catch_up(snapshot)
        except BaseException:
            vectors.close()
            raise
        return vectors

    @classmethod
    def drop_generation(cls, meta: Mapping[str, str], path: Path, config: VectorConfig) -> None:
        if not config.qdrant_url:
            return
        from qdrant_client import QdrantClient

        with qdrant_errors(config.qdrant_url):
            try:
                name = collection_name(config, meta, path)
            except StoreError:  # it never had a collection
                return
            client = QdrantClient(url=config.qdrant_url, api_key=config.qdrant_api_key or None,
                                  check_compatibility=False)
            try:
                client.delete_collection(name)
            finally:
                client.close()

    def failures(self):
        return qdrant_errors(self.url)

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

    def delete(self, ids) -> None:
        from qdrant_client import models

        if len(ids):
            self.client.delete(self.collection, wait=True,
                               points_selector=models.PointIdsList(points=[int(i) for i in ids]))

    def search(self, queries: np.ndarray, k: int, ids: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        where = None
        if ids is not None:
            from qdrant_client import models

            where = models.Filter(must=[models.HasIdCondition(has_id=[int(i) for i in ids])])
        found = np.full((len(queries), k), -1, dtype=np.int64)
        scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        for row, query in enumerate(np.asarray(queries, dtype=np.float32)):
            hits = self.client.query_points(self.collection, query=query.tolist(), limit=k,
                                            query_filter=where, with_payload=False).points
            for j, hit in enumerate(hits):
                scores[row, j], found[row, j] = hit.score, int(hit.id)
        width = max((int((found[r] >= 0).sum()) for r in range(len(found))), default=0)
        return scores[:, :width], found[:, :width]

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

    def close(self) -> None:
        self.client.close()
