"""FAISS in the index folder (`store-N.faiss`): exact inner product below IVF_MIN_CHUNKS,
an inverted file above, and reading the file checked against SQLite."""

from __future__ import annotations

import math
import os
import sqlite3
import threading
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
                                repair=False, nprobe=probes(snapshot.config), mapped=True)
        return vectors

    @classmethod
    def as_written(cls, snapshot: Snapshot) -> bool:
        # The file's size and mtime as the writer recorded them: a file damaged, removed or
        # replaced since no longer matches (then opening it says what is wrong).
        return file_stamp(faiss_path(snapshot.path)) == snapshot.meta().get("vectors_file")

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
    def read(cls, path: Path, nprobe: int = IVF_NPROBE, mapped: bool = False) -> FaissVectors:
        """The file in memory, or with `mapped` its vectors memory-mapped (IO_FLAG_MMAP_IFC:
        read as they are searched, a 1.5 GB file opens in milliseconds). A mapped index must
        never be changed: FAISS aborts the process, so it is only held inside `MappedFaiss`."""
        import faiss

        if mapped:
            vectors = cls(faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC), nprobe)
            threading.Thread(target=_prefetch, args=(path,), daemon=True).start()
            return vectors
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
        return _search(self.index, self.nprobe, len(self), queries, k, ids)

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


class MappedFaiss(FaissVectors):
    """A reader's FAISS index: the file memory-mapped and never changed, plus what SQLite
    holds beyond it (chunks added since it was written, in memory; ids removed since,
    skipped while searching)."""

    name = "faiss-mapped"  # not a store of its own: what FaissVectors opens for readers

    def __init__(self, base: FaissVectors, added: FaissVectors, removed: np.ndarray, max_id: int):
        super().__init__(base.index, base.nprobe)
        self.added = added
        self.max_id = max_id  # the highest chunk id the file can hold
        self.removed = np.unique(np.asarray(removed, dtype=np.int64))

    def add_vectors(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        self.added.add_vectors(ids, vectors)

    def delete(self, ids) -> None:
        ids = np.array([int(i) for i in ids], dtype=np.int64)
        self.added.delete(ids)
        self.removed = np.union1d(self.removed, ids[ids <= self.max_id])

    def search(self, queries: np.ndarray, k: int, ids: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        import faiss

        exclude = None
        if ids is None and len(self.removed):
            exclude = faiss.IDSelectorNot(faiss.IDSelectorBatch(self.removed))
        scores, found = _search(self.index, self.nprobe, len(self), queries, k, ids, exclude)
        if not len(self.added):
            return scores, found
        more_scores, more = self.added.search(queries, k, ids)
        # Best k of both, per query row (-1 marks a missing hit in either part).
        scores = np.hstack([np.where(found >= 0, scores, -np.inf), np.where(more >= 0, more_scores, -np.inf)])
        found = np.hstack([found, more])
        order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
        top_scores = np.take_along_axis(scores, order, axis=1)
        top = np.take_along_axis(found, order, axis=1)
        top[~np.isfinite(top_scores)] = -1
        return np.where(np.isfinite(top_scores), top_scores, 0).astype(np.float32), top

    def ids(self) -> np.ndarray:
        base = np.setdiff1d(super().ids(), self.removed, assume_unique=True)
        return np.concatenate([base, self.added.ids()])

    def __len__(self) -> int:
        return int(self.index.ntotal) - len(self.removed) + len(self.added)

    def write(self, path: Path) -> None:
        raise NotImplementedError("a mapped index is read-only; the writer reads the file whole")


def _search(index, nprobe: int, size: int, queries: np.ndarray, k: int, ids: np.ndarray | None,
            exclude=None) -> tuple[np.ndarray, np.ndarray]:
    """Search a FAISS index: among `ids` when given, else skipping the `exclude` selector."""
    k = min(k, index.ntotal if ids is None else len(ids))
    if k <= 0:
        empty = np.zeros((len(queries), 0))
        return empty.astype(np.float32), empty.astype(np.int64)
    # One question searches fastest on one thread: OpenMP's start-up across threads
    # cost more than it saved (news-dev, flat: 1.4 ms on one thread, 5.5-10 ms on two).
    _threads(1 if len(queries) == 1 else 0)
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    if ids is None and exclude is None:
        return index.search(queries, k)
    import faiss

    # FAISS skips the chunks outside the selector while it scans, so the k found are the
    # k best inside the filter (not the best k of all, filtered afterwards).
    selector = exclude if ids is None else faiss.IDSelectorBatch(np.ascontiguousarray(ids, dtype=np.int64))
    ivf = _ivf(index)
    if ivf is None:
        params = faiss.SearchParameters(sel=selector)
    else:
        # A narrow filter leaves few of its chunks in the nprobe nearest lists: probe more
        # lists the narrower it is, so about as many candidates are scored as unfiltered.
        wider = nprobe if ids is None else math.ceil(nprobe * size / max(1, len(ids)))
        params = faiss.SearchParametersIVF(sel=selector, nprobe=min(ivf.nlist, wider))
    return index.search(queries, k, params=params)


def _prefetch(path: Path) -> None:
    """Read the whole file once in the background, so that the kernel caches it: a mapped
    file searched straight from disk took 152 ms a question (1M chunks: the 32 lists probed
    are read on first touch) against 1.8 ms once cached (README, Index at scale). Reading it
    in order takes about 4 s for 1.5 GB here; `posix_fadvise(WILLNEED)` did not bring it in."""
    buffer = bytearray(8 * 2**20)
    try:
        with open(path, "rb", buffering=0) as fh:
            while fh.readinto(buffer):  # the GIL is released while it reads
                pass
    except OSError:  # gone since (a newer generation): nothing to warm
        pass


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


def file_stamp(path: Path) -> str:
    """Size and mtime of the FAISS file, recorded in the store's metadata when written: a
    file changed or replaced since (damaged, an older copy) no longer matches."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


def file_state(conn: sqlite3.Connection, path: Path) -> tuple[int, int] | None:
    """(change number, highest chunk id) the FAISS file holds, as the writer recorded them
    with its stamp; None when the file is not the one recorded, or it was written before
    change numbers (then only a comparison of every id tells what it holds)."""
    from .lexical import pruned_before
    from .schema import SCHEMA_VERSION

    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN "
                             "('vectors_file', 'vectors_version', 'vectors_max_id', 'schema_version')"))
    if (meta.get("schema_version") != str(SCHEMA_VERSION) or "vectors_version" not in meta
            or meta.get("vectors_file") != file_stamp(path)):
        return None
    version = int(meta["vectors_version"])
    if version < pruned_before(conn):
        return None
    return version, int(meta["vectors_max_id"])


def open_faiss(path: Path, conn: sqlite3.Connection, dimension: int, repair: bool,
               nprobe: int = IVF_NPROBE, mapped: bool = False) -> tuple[FaissVectors, int]:
    """The FAISS index for the SQLite snapshot `conn` sees: the file, brought up to date
    (the writer lets it lag by up to 1 % of the chunks, see `IndexWriter.finish`). With
    `repair` a damaged or missing file is rebuilt from SQLite instead of refused. With
    `mapped` (a reader) the file is memory-mapped and what it lacks kept beside it.
    When the file's recorded change number still matches it, catching up reads only the
    chunks above its highest id and the ids removed since; otherwise every id is compared.
    Returns the index and how many ids differed from the file."""
    from .lexical import removed_since

    try:
        if not path.exists():
            raise StoreError(f"{path} is missing")
        state = file_state(conn, path)
        before = os.stat(path)
        was_mapped = mapped and state is not None
        try:
            vectors = FaissVectors.read(path, nprobe, mapped=was_mapped)
        except RuntimeError:
            raise StoreError(f"{path} is truncated or damaged") from None
        after = os.stat(path)
        if (before.st_ino, before.st_mtime_ns) != (after.st_ino, after.st_mtime_ns):
            state = None  # replaced while it was read: which state it holds is unknown
        if vectors.dimension != dimension:
            raise StoreError(f"{path} has dimension {vectors.dimension}, the manifest says {dimension}")
    except StoreError as exc:
        if not repair:
            raise StoreError(f"{exc}; run `rag index` to repair it from the database") from exc
        vectors = FaissVectors.empty(dimension)
        return vectors, reconcile(vectors, conn, dimension) or 1
    if state is None:
        if was_mapped:  # a mapped index cannot be changed: read the (new) file whole
            vectors = FaissVectors.read(path, nprobe)
        return vectors, reconcile(vectors, conn, dimension)
    version, max_id = state
    removed = removed_since(conn, version)
    removed = removed[removed <= max_id]
    added = FaissVectors.empty(dimension) if mapped else vectors
    n = len(removed)
    if not mapped:
        vectors.delete(removed)
    for ids, batch in stored_vectors(conn, None, dimension, above=max_id):
        added.add_vectors(ids, batch)
        n += len(ids)
    if mapped:
        vectors = MappedFaiss(vectors, added, removed, max_id)
    return vectors, n


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
