"""FAISS in the index folder (`store-N.faiss`): exact inner product below IVF_MIN_CHUNKS,
an inverted file above, and reading the file checked against SQLite."""

from __future__ import annotations

import math
import os
import sqlite3
from pathlib import Path
from typing import Literal

import numpy as np

from ..errors import StoreError
from .vectors import ChunkVectors, Snapshot, VectorConfig, reconcile, stored_vectors

Kind = Literal["flat", "ivf"]

# Thresholds from bench/scale.py (bench/results/scale.json, README "Index at scale"): below
# IVF_MIN_CHUNKS exact search is fast enough on one thread and has perfect recall; above it
# IVF keeps the 1M-chunk p50 far under 50 ms at recall@10 >= 0.95. HNSW was not chosen: it
# cannot remove vectors, and every edited or deleted article removes some.
IVF_MIN_CHUNKS = 200_000
IVF_NPROBE = 32


def probes(config: VectorConfig) -> int:
    return config.nprobe or IVF_NPROBE


def faiss_path(store: Path) -> Path:
    """The FAISS file beside a generation's SQLite file."""
    return store.with_suffix(".faiss")


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


def needs_retraining(label: str, kind: Kind, n: int) -> bool:
    """Whether an index recorded as `label` should be rebuilt as `kind` for n chunks: another
    kind, or IVF lists trained for a corpus more than 4x smaller or larger (sqrt scaling)."""
    if label == "flat" or kind == "flat":
        return label != kind
    nlist = int(label.removeprefix("ivf") or 0)
    return not nlist / 2 <= ivf_lists(n) <= nlist * 2


class FaissVectors(ChunkVectors):
    """FAISS: exact inner product (`flat`) or an inverted file (`ivf`) by corpus size."""

    name = "faiss"

    def __init__(self, index, nprobe: int = IVF_NPROBE):
        self.index = index
        self.nprobe = nprobe
        if self.kind == "ivf":
            _ivf(index).nprobe = nprobe

    @classmethod
    def open_for_reader(cls, snapshot: Snapshot) -> FaissVectors:
        vectors, _ = open_faiss(faiss_path(snapshot.path), snapshot.conn, snapshot.dimension,
                                repair=False, nprobe=probes(snapshot.config))
        return vectors

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

    def delete(self, ids) -> None:
        if len(ids):
            self.index.remove_ids(np.array([int(i) for i in ids], dtype=np.int64))

    def search(self, queries: np.ndarray, k: int, ids: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        k = min(k, self.index.ntotal if ids is None else len(ids))
        if k == 0:
            empty = np.zeros((len(queries), 0))
            return empty.astype(np.float32), empty.astype(np.int64)
        # One question searches fastest on one thread: OpenMP's start-up across threads
        # cost more than it saved (news-dev, flat: 1.4 ms on one thread, 5.5-10 ms on two).
        _threads(1 if len(queries) == 1 else 0)
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if ids is None:
            return self.index.search(queries, k)
        import faiss

        # FAISS skips the chunks outside the selector while it scans, so the k found are the
        # k best inside the filter (not the best k of all, filtered afterwards).
        selector = faiss.IDSelectorBatch(np.ascontiguousarray(ids, dtype=np.int64))
        ivf = _ivf(self.index)
        if ivf is None:
            params = faiss.SearchParameters(sel=selector)
        else:
            # A narrow filter leaves few of its chunks in the nprobe nearest lists: probe more
            # lists the narrower it is, so about as many candidates are scored as unfiltered.
            wider = math.ceil(self.nprobe * len(self) / max(1, len(ids)))
            params = faiss.SearchParametersIVF(sel=selector, nprobe=min(ivf.nlist, wider))
        return self.index.search(queries, k, params=params)

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


def open_faiss(path: Path, conn: sqlite3.Connection, dimension: int, repair: bool,
               nprobe: int = IVF_NPROBE) -> tuple[FaissVectors, int]:
    """The FAISS index for the SQLite snapshot `conn` sees: the file, brought up to date
    (the writer lets it lag by up to 1 % of the chunks, see `IndexWriter.finish`). With
    `repair` a damaged or missing file is rebuilt from SQLite instead of refused.
    Returns the index and how many ids differed from the file."""
    try:
        if not path.exists():
            raise StoreError(f"{path} is missing")
        try:
            vectors = FaissVectors.read(path, nprobe)
        except RuntimeError:
            raise StoreError(f"{path} is truncated or damaged") from None
        if vectors.dimension != dimension:
            raise StoreError(f"{path} has dimension {vectors.dimension}, the manifest says {dimension}")
    except StoreError as exc:
        if not repair:
            raise StoreError(f"{exc}; run `rag index` to repair it from the database") from exc
        vectors = FaissVectors.empty(dimension)
        return vectors, reconcile(vectors, conn, dimension) or 1
    return vectors, reconcile(vectors, conn, dimension)


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
