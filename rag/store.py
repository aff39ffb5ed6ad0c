"""The on-disk index: SQLite (articles, chunks, vectors, FTS5) is the truth, FAISS a checked copy.

Layout of an index folder:
  manifest.json       which generation is current, what built it, counts
  store-N.sqlite      articles, chunks with their vectors, FTS5 over chunk text (WAL mode)
  store-N.faiss       FAISS index over the same chunk ids (exact, or IVF past
                      IVF_MIN_CHUNKS), rewritten at the end of a sync that changed > 1 %
  .lock               held by the one process allowed to write

Crash safety comes from SQLite transactions (one per batch of whole articles) and atomic
renames. The FAISS file may lag behind SQLite (by design, up to 1 % of the chunks, so that
adding an article to a large index does not rewrite the whole file; or after a kill); every
opener reconciles it by chunk id (ids are never reused), so a loaded index always matches
its SQLite snapshot. With Qdrant as the vector store the collection is updated after each
commit and reconciled when a writer finds it behind.
A rebuild writes generation N+1 beside N and switches by replacing the manifest.
No pickle anywhere: FAISS's own binary format, SQLite and JSON.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from .errors import IndexBusyError, StoreError, redact_url
from .types import ArticleRow, ArticleWrite, ChunkRow, FileStamp, Skipped, SpanVectors, StoredArticle, StoredFile
from .vectors import (
    IVF_NPROBE,
    ChunkVectors,
    FaissVectors,
    QdrantVectors,
    VectorConfig,
    build,
    kind_for,
    needs_retraining,
    reconcile,
)

SCHEMA_VERSION = 2
MANIFEST = "manifest.json"
_STORE_FILE = re.compile(r"^store-(\d+)\.(sqlite|faiss)(-wal|-shm|-journal|\.tmp)?$")

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    skipped TEXT NOT NULL DEFAULT '[]');
CREATE TABLE articles(
    id TEXT PRIMARY KEY, file TEXT NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL,
    date TEXT, sha256 TEXT NOT NULL, text TEXT NOT NULL, indexed_at TEXT NOT NULL);
CREATE TABLE chunks(
    id INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL, ord INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, sha256 TEXT NOT NULL,
    vector BLOB NOT NULL);
CREATE INDEX chunks_by_article ON chunks(article_id, ord);
-- Each chunk's sentences with a vector pooled from the chunk's own embedding pass, so
-- picking and checking answer sentences needs no model call per passage sentence.
CREATE TABLE sentences(
    chunk_id INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    vector BLOB NOT NULL);
CREATE INDEX sentences_by_chunk ON sentences(chunk_id);
-- Lexical side of retrieval. The title is searchable with every chunk of its article,
-- because scraped bodies are sometimes junk while the title still names the story.
CREATE VIRTUAL TABLE chunks_fts USING fts5(title, text, tokenize='porter unicode61');
CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts(rowid, title, text)
    VALUES (new.id, (SELECT title FROM articles WHERE id = new.article_id), new.text);
END;
CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
    DELETE FROM chunks_fts WHERE rowid = old.id;
    DELETE FROM sentences WHERE chunk_id = old.id;
END;
"""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Identity:
    """What makes vectors comparable: same model, same chunking, same schema."""

    embed_model: str
    chunk_tokens: int
    chunk_overlap: int
    embed_titles: bool
    splitter_version: int
    schema_version: int = SCHEMA_VERSION

    def differences(self, other: Identity) -> list[str]:
        mine, theirs = asdict(self), asdict(other)
        return [f"{k} {theirs[k]} -> {mine[k]}" for k in mine if mine[k] != theirs[k]]


@dataclass(frozen=True)
class Manifest:
    identity: Identity
    generation: int
    dimension: int
    articles: int = 0
    chunks: int = 0
    updated_at: str = field(default_factory=now)

    def to_json(self) -> str:
        data = asdict(self)
        data["identity"] = asdict(self.identity)
        return json.dumps(data, indent=2, sort_keys=True) + "\n"

    @classmethod
    def load(cls, index_dir: Path) -> Manifest | None:
        path = index_dir / MANIFEST
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data["identity"] = Identity(**data["identity"])
            manifest = cls(**data)
            if not isinstance(manifest.generation, int) or not isinstance(manifest.dimension, int):
                raise TypeError("generation and dimension must be integers")
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(
                f"{path} is damaged ({type(exc).__name__}); run `rag index --rebuild`"
            ) from exc
        return manifest


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file, fsync, then rename over `path`."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_failed(path, exc) from exc


def write_failed(path: Path, exc: OSError | sqlite3.Error) -> StoreError:
    """The one-line error for a failed index write; what was committed before stays usable."""
    if getattr(exc, "errno", None) == errno.ENOSPC or "disk is full" in str(exc):
        return StoreError(f"the disk holding {path.parent} is full; free some space and run "
                          "`rag index` again (the index keeps everything written before)")
    reason = getattr(exc, "strerror", None) or str(exc)
    return StoreError(f"cannot write {path}: {reason}; the index keeps everything written before")


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def _check_db(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is damaged or not an index ({exc}); run `rag index --rebuild`") from exc
    if meta.get("schema_version") != str(SCHEMA_VERSION):
        raise StoreError(
            f"{path} has schema version {meta.get('schema_version')}, this rag reads "
            f"{SCHEMA_VERSION}; run `rag index --rebuild`"
        )
    return meta


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


@contextmanager
def _qdrant_errors(url: str) -> Iterator[None]:
    """Qdrant client failures as one-line StoreErrors (SQLite keeps the change; the next
    `rag index` brings the collection up to date)."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:  # qdrant-client raises httpx, grpc and its own error types
        raise StoreError(f"the Qdrant server at {redact_url(url)} failed ({type(exc).__name__}); "
                         "the index keeps the change: run `rag index` again when it is back") from exc


def qdrant_collection(config: VectorConfig, meta: dict[str, str], path: Path) -> str:
    """This index generation's collection: one per generation, so a rebuild never mixes."""
    if not config.qdrant_url:  # local mode: in memory, private to this process
        return config.qdrant_collection
    uid = meta.get("store_uid")
    if not uid:
        raise StoreError(f"{path} predates Qdrant support; run `rag index` once")
    return f"{config.qdrant_collection}-{uid}"


class IndexLock:
    """Exclusive write lock on an index folder; the kernel frees it if the holder dies."""

    def __init__(self, index_dir: Path, timeout: float, on_wait: Callable[[str], None] | None = None):
        self.path = index_dir / ".lock"
        self.timeout = timeout
        self.on_wait = on_wait
        self._fh = None

    def __enter__(self) -> IndexLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+")
        deadline = time.monotonic() + self.timeout
        told = False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip() or "?"
                if time.monotonic() >= deadline:
                    fh.close()
                    raise IndexBusyError(
                        f"another `rag index` (pid {holder}) is updating {self.path.parent}; "
                        "try again when it has finished"
                    ) from None
                if not told and self.on_wait:
                    self.on_wait(f"waiting for another `rag index` (pid {holder}) to finish…")
                    told = True
                time.sleep(0.2)
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc) -> None:
        if self._fh:
            self._fh.close()  # closing releases the flock
            self._fh = None


class IndexReader:
    """A consistent, read-only view of one index snapshot; writers never disturb it."""

    def __init__(self, index_dir: Path, config: VectorConfig = VectorConfig()):
        self.index_dir = Path(index_dir)
        self.config = config
        self._lock = threading.Lock()
        for attempt in range(3):
            manifest = Manifest.load(self.index_dir)
            if manifest is None:
                raise StoreError(f"no index at {self.index_dir}; run `rag index` first")
            db_path = self.index_dir / f"store-{manifest.generation}.sqlite"
            try:
                self._open(manifest, db_path)
                return
            except FileNotFoundError:
                if attempt == 2:
                    raise StoreError(f"{db_path} is missing; run `rag index --rebuild`") from None
                time.sleep(0.1)  # a rebuild switched generations under us: read the new one

    def _open(self, manifest: Manifest, db_path: Path) -> None:
        if not db_path.exists():
            raise FileNotFoundError(db_path)
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
        try:
            # Pin a snapshot: everything read below comes from one committed state.
            conn.execute("BEGIN")
            self.meta = _check_db(conn, db_path)
            if self.meta.get("embed_model") != manifest.identity.embed_model:
                raise StoreError(
                    f"{MANIFEST} and {db_path.name} disagree on the embedding model; "
                    "run `rag index --rebuild`"
                )
            self.vectors = self._open_vectors(conn, db_path, manifest.dimension)
        except BaseException:
            conn.close()
            raise
        self.manifest = manifest
        self.conn = conn

    def _open_vectors(self, conn: sqlite3.Connection, db_path: Path, dimension: int) -> ChunkVectors:
        if self.config.store == "qdrant":
            vectors = QdrantVectors(qdrant_collection(self.config, self.meta, db_path), dimension,
                                    self.config.qdrant_url, self.config.qdrant_api_key)
            if vectors.local:  # in memory: this reader's own copy, filled from its snapshot
                reconcile(vectors, conn, dimension)
        else:
            vectors, _ = open_faiss(db_path.with_suffix(".faiss"), conn, dimension, repair=False,
                                    nprobe=self.config.probes)
        vectors.texts = self.chunk_texts
        return vectors

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> IndexReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def count_articles(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def count_chunks(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]

    def mentions(self, word: str) -> bool:
        """Whether any chunk or title holds `word` (after FTS5's stemming)."""
        with self._lock:
            return self.conn.execute("SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT 1",
                                     ('"' + word.replace('"', '""') + '"',)).fetchone() is not None

    def updated_at(self) -> str:
        return self.meta.get("updated_at", self.manifest.updated_at)

    def article_chunk_counts(self) -> dict[str, int]:
        with self._lock:
            return dict(self.conn.execute("SELECT article_id, count(*) FROM chunks GROUP BY article_id"))

    def lexical(self, match: str, k: int, title_weight: float) -> list[tuple[int, float]]:
        """Chunk ids and BM25 scores (higher is better) for an FTS5 MATCH expression."""
        if not match:
            return []
        with self._lock:
            rows = self.conn.execute(
                "SELECT rowid, -bm25(chunks_fts, ?, 1.0) AS s FROM chunks_fts WHERE chunks_fts MATCH ? "
                "ORDER BY bm25(chunks_fts, ?, 1.0) LIMIT ?", (title_weight, match, title_weight, k))
            return [(int(r[0]), float(r[1])) for r in rows]

    def chunk_rows(self, ids: Sequence[int]) -> dict[int, ChunkRow]:
        """Chunk id -> where it sits; ids not in this snapshot are left out."""
        marks = ",".join("?" * len(ids))
        with self._lock:
            rows = self.conn.execute(
                f'SELECT id, article_id, ord, start, "end" FROM chunks WHERE id IN ({marks})',
                [int(i) for i in ids]).fetchall()
        return {r[0]: ChunkRow(*r[1:]) for r in rows}

    def chunk_vectors(self, ids: Sequence[int]) -> dict[int, np.ndarray]:
        """Chunk id -> its stored vector (one query, whatever the vector store)."""
        marks = ",".join("?" * len(ids))
        with self._lock:
            rows = self.conn.execute(f"SELECT id, vector FROM chunks WHERE id IN ({marks})",
                                     [int(i) for i in ids]).fetchall()
        return {r[0]: np.frombuffer(r[1], dtype=np.float32) for r in rows}

    def chunk_texts(self, ids: Sequence[int]) -> dict[int, str]:
        marks = ",".join("?" * len(ids))
        with self._lock:
            return dict(self.conn.execute(f"SELECT id, text FROM chunks WHERE id IN ({marks})",
                                          [int(i) for i in ids]).fetchall())

    def sentences(self, chunk_ids: Sequence[int]) -> dict[int, SpanVectors]:
        """Chunk id -> its sentences' article spans and vectors, in text order."""
        marks = ",".join("?" * len(chunk_ids))
        with self._lock:
            rows = self.conn.execute(
                f'SELECT chunk_id, start, "end", vector FROM sentences WHERE chunk_id IN ({marks}) '
                "ORDER BY chunk_id, start", [int(i) for i in chunk_ids]).fetchall()
        found: dict[int, tuple[list[tuple[int, int]], list[np.ndarray]]] = {}
        for cid, a, b, blob in rows:
            spans, vectors = found.setdefault(cid, ([], []))
            spans.append((a, b))
            vectors.append(np.frombuffer(blob, dtype=np.float16))
        return {cid: SpanVectors(spans, np.vstack(vectors).astype(np.float32))
                for cid, (spans, vectors) in found.items()}

    def article_rows(self, ids: Iterable[str]) -> dict[str, ArticleRow]:
        """Article id -> the fields passages show."""
        ids = list(ids)
        marks = ",".join("?" * len(ids))
        with self._lock:
            rows = self.conn.execute(
                f"SELECT id, title, source, date, text FROM articles WHERE id IN ({marks})", ids)
            return {r[0]: ArticleRow(*r[1:]) for r in rows}

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Inner-product scores and chunk ids of the k nearest chunks per query row."""
        return self.vectors.search(queries, k)


class IndexWriter:
    """The one process changing an index: batches of whole articles, each batch one commit."""

    def __init__(self, index_dir: Path, identity: Identity, dimension: Callable[[], int],
                 rebuild: bool = False, config: VectorConfig = VectorConfig()):
        """Cheap; the work happens on `open()`, under the index lock the caller holds."""
        self.index_dir = Path(index_dir)
        self.identity = identity
        self._dimension = dimension
        self.rebuild = rebuild
        self.config = config
        self.dirty = False  # whether chunks changed, so `finish` has something to persist
        self.stale_file = False  # whether the FAISS file must be rewritten whatever the lag
        self.qdrant: QdrantVectors | None = None  # a Qdrant server, updated after each commit
        self._old_collection = ""  # a rebuild's predecessor, dropped after the switch

    def open(self) -> IndexWriter:
        self.index_dir.mkdir(parents=True, exist_ok=True)
        current = None if self.rebuild else Manifest.load(self.index_dir)
        if current is not None:
            diff = self.identity.differences(current.identity)
            if diff:
                raise StoreError(
                    f"the index at {self.index_dir} was built with other settings "
                    f"({'; '.join(diff)}); run `rag index --rebuild` to re-embed everything"
                )
            self.manifest = current
            self.db_path = self.index_dir / f"store-{current.generation}.sqlite"
            if not self.db_path.exists():
                raise StoreError(f"{self.db_path} is missing; run `rag index --rebuild`")
            self.conn = _connect(self.db_path)
            _check_db(self.conn, self.db_path)
            self.switch = False
        else:
            # First build or rebuild: a new generation, invisible until `finish` switches to it.
            self._remove_stale(keep=None)
            generation = self._next_generation()
            self.manifest = Manifest(self.identity, generation, self._dimension())
            self.db_path = self.index_dir / f"store-{generation}.sqlite"
            self.conn = _connect(self.db_path)
            self.conn.executescript(_SCHEMA)
            self._set_meta(schema_version=str(SCHEMA_VERSION), embed_model=self.identity.embed_model,
                           updated_at=now(), created_at=now())
            # A first build is visible from its first commit on, so a kill keeps progress.
            old = self._current()
            self.switch = self.rebuild and old is not None
            if self.switch:
                self._old_collection = self._collection_of(old)
            else:
                self._write_faiss(FaissVectors.empty(self.manifest.dimension))
                self._write_manifest()
        meta = self._meta()
        if "store_uid" not in meta:
            self._set_meta(store_uid=secrets.token_hex(6))
        # The FAISS file is only read if `finish` rewrites it: at a million chunks reading
        # and writing it takes longer than embedding one article.
        self.stale_file = self.switch or self._faiss_stamp() != meta.get("vectors_file")
        if self.config.store == "qdrant" and self.config.qdrant_url:
            self._open_qdrant()
        if not self.switch:
            self._remove_stale(keep=self.manifest.generation)
        return self

    def _meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM meta"))

    def _faiss_stamp(self) -> str:
        """Size and mtime of the FAISS file, recorded when written: a file changed or
        replaced since (damaged, an older copy) no longer matches and is repaired."""
        try:
            st = self._faiss_path.stat()
        except FileNotFoundError:
            return ""
        return f"{st.st_size}:{st.st_mtime_ns}"

    def _open_qdrant(self) -> None:
        """Connect to the server's collection and bring it up to date if a kill (or an
        unreachable server) left it behind SQLite."""
        dimension = self.manifest.dimension
        with _qdrant_errors(self.config.qdrant_url):
            self.qdrant = QdrantVectors(qdrant_collection(self.config, self._meta(), self.db_path),
                                        dimension, self.config.qdrant_url, self.config.qdrant_api_key)
            chunks = self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
            if self._meta().get("qdrant_pending") == "1" or len(self.qdrant) != chunks:
                reconcile(self.qdrant, self.conn, dimension)
        self._set_meta(qdrant_pending="0")

    def _collection_of(self, manifest: Manifest) -> str:
        """The Qdrant collection of another generation (to drop it after a rebuild)."""
        if not (self.config.store == "qdrant" and self.config.qdrant_url):
            return ""
        path = self.index_dir / f"store-{manifest.generation}.sqlite"
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                return qdrant_collection(self.config, dict(conn.execute("SELECT key, value FROM meta")), path)
            finally:
                conn.close()
        except (sqlite3.Error, StoreError):
            return ""

    @property
    def _faiss_path(self) -> Path:
        return self.db_path.with_suffix(".faiss")

    def _current(self) -> Manifest | None:
        """The manifest on disk, or None when there is none or it is damaged (a rebuild)."""
        try:
            return Manifest.load(self.index_dir)
        except StoreError:
            return None

    def _next_generation(self) -> int:
        numbers = [int(m.group(1)) for p in self.index_dir.iterdir() if (m := _STORE_FILE.match(p.name))]
        current = self._current()
        return max(numbers + [current.generation if current else 0]) + 1

    def _remove_stale(self, keep: int | None) -> None:
        """Delete store files of generations other than the current and `keep`."""
        current = self._current()
        live = {keep, current.generation if current else None}
        for path in self.index_dir.iterdir():
            m = _STORE_FILE.match(path.name)
            if m and (int(m.group(1)) not in live or m.group(3) == ".tmp"):
                path.unlink(missing_ok=True)

    def _set_meta(self, **values: str) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", values.items())

    def files(self) -> dict[str, StoredFile]:
        out = {}
        for path, size, mtime_ns, skipped in self.conn.execute("SELECT * FROM files"):
            skips = tuple(Skipped(**s) for s in json.loads(skipped))
            out[path] = StoredFile(size, mtime_ns, skips)
        return out

    def articles(self) -> dict[str, StoredArticle]:
        rows = self.conn.execute("SELECT id, file, title, sha256 FROM articles")
        return {r[0]: StoredArticle(*r) for r in rows}

    def write_batch(
        self,
        items: Sequence[ArticleWrite],
        remove: Iterable[str] = (),
        files: Sequence[tuple[FileStamp, Sequence[Skipped]]] = (),
        moved: Iterable[tuple[str, str]] = (),
        drop_files: Iterable[str] = (),
    ) -> None:
        """One transaction: (re)place whole articles with their chunks, vectors and
        sentences (per chunk), drop removed articles, record file stamps. Either all of it
        lands or none."""
        gone_ids: list[int] = []
        new_ids: list[int] = []
        new_vectors: list[np.ndarray] = []
        doomed = [item.article.id for item in items] + list(remove)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for article_id in doomed:
                gone_ids += [r[0] for r in self.conn.execute(
                    "SELECT id FROM chunks WHERE article_id = ?", (article_id,))]
                self.conn.execute("DELETE FROM chunks WHERE article_id = ?", (article_id,))
                self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            stamp = now()
            for item in items:
                article = item.article
                self.conn.execute(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.id, item.file, article.title, article.source, article.date,
                     article.sha256, article.text, stamp),
                )
                for chunk, vector, sentences in zip(item.chunks, item.vectors, item.sentences, strict=True):
                    cur = self.conn.execute(
                        'INSERT INTO chunks(article_id, ord, start, "end", text, sha256, vector) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (article.id, chunk.ord, chunk.start, chunk.end, chunk.text, chunk.sha256,
                         vector.astype(np.float32).tobytes()),
                    )
                    new_ids.append(cur.lastrowid)
                    # float16 halves the table; cosines move by < 1e-3.
                    self.conn.executemany(
                        'INSERT INTO sentences(chunk_id, start, "end", vector) VALUES (?, ?, ?, ?)',
                        [(cur.lastrowid, a, b, v.astype(np.float16).tobytes())
                         for (a, b), v in zip(sentences.spans, sentences.vectors, strict=True)])
                new_vectors.append(item.vectors)
            self.conn.executemany("UPDATE articles SET file = ? WHERE id = ?",
                                  [(file, aid) for aid, file in moved])
            self.conn.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in drop_files])
            self.conn.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                [(s.path, s.size, s.mtime_ns, json.dumps([asdict(k) for k in skips]))
                 for s, skips in files],
            )
            if items or doomed:
                self._set_meta(updated_at=stamp)
            changed = len(gone_ids) + len(new_ids)
            if changed:
                # How far the FAISS file is behind; counted in the same transaction, so a
                # kill can make it too high (an early rewrite), never too low.
                lag = int(self._meta().get("vectors_lag") or 0)
                self._set_meta(vectors_lag=str(lag + changed))
                if self.qdrant is not None:
                    self._set_meta(qdrant_pending="1")
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise write_failed(self.db_path, exc) from exc
        self.dirty = self.dirty or bool(items or doomed)
        if self.qdrant is not None and (gone_ids or new_ids):
            with _qdrant_errors(self.config.qdrant_url):
                self.qdrant.delete(gone_ids)
                if new_ids:
                    self.qdrant.add_vectors(np.array(new_ids, dtype=np.int64), np.vstack(new_vectors))
            self._set_meta(qdrant_pending="0")

    def finish(self) -> Manifest:
        """Persist what changed; for a rebuild this is the moment of the switch."""
        articles = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        chunks = self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        meta = self._meta()
        manifest = Manifest(self.identity, self.manifest.generation, self.manifest.dimension,
                            articles, chunks, meta["updated_at"])
        if self.dirty:
            try:
                # PASSIVE: copy what no reader still needs into the database, never wait.
                # TRUNCATE waited out the 30 s busy timeout whenever the chat app held a
                # snapshot open, so every upload took 30 s longer than it needed to.
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error as exc:
                raise write_failed(self.db_path, exc) from exc
        kind = kind_for(chunks, self.config.index)
        retrain = needs_retraining(meta.get("vector_index", "flat"), kind, chunks)
        lag = int(meta.get("vectors_lag") or 0)
        # Readers add what the file lacks from SQLite when they open it; up to 1 % of the
        # chunks that costs less than rewriting the file (1.5 GB at a million chunks).
        rewrite = self.stale_file or retrain or lag * 100 > chunks
        if rewrite:
            if retrain:
                vectors = build(kind, self.conn, self.manifest.dimension, self.config.probes)
            else:
                vectors, _ = open_faiss(self._faiss_path, self.conn, self.manifest.dimension,
                                        repair=True, nprobe=self.config.probes)
            if len(vectors) != chunks:
                raise AssertionError(f"FAISS holds {len(vectors)} vectors for {chunks} chunks")
            self._write_faiss(vectors)
            self.stale_file = False
        # A kill between the FAISS and manifest writes leaves stale counts: rewrite them.
        if self.dirty or rewrite or manifest != self.manifest:
            self.manifest = manifest
            self._write_manifest()
            self._remove_stale(keep=manifest.generation)
            if self._old_collection:
                self._drop_collection(self._old_collection)
        return self.manifest

    def _drop_collection(self, name: str) -> None:
        with _qdrant_errors(self.config.qdrant_url):
            QdrantVectors(name, self.manifest.dimension, self.config.qdrant_url,
                          self.config.qdrant_api_key).drop()
        self._old_collection = ""

    def close(self) -> None:
        if getattr(self, "conn", None) is not None:
            self.conn.close()
            self.conn = None

    def _write_faiss(self, vectors: FaissVectors) -> None:
        """Write the file, then record its stamp, kind and a zero lag (a kill in between
        leaves a stamp that does not match: the next writer rewrites the file)."""
        def write(tmp: Path) -> None:
            try:
                vectors.write(tmp)
            except RuntimeError as exc:  # FAISS reports I/O errors this way
                raise OSError(28, "FAISS could not write the file") from exc

        atomic_write(self._faiss_path, write)
        try:
            self._set_meta(vectors_file=self._faiss_stamp(), vector_index=vectors.label, vectors_lag="0")
        except sqlite3.Error as exc:
            raise write_failed(self.db_path, exc) from exc

    def _write_manifest(self) -> None:
        atomic_write(self.index_dir / MANIFEST,
                     lambda tmp: tmp.write_text(self.manifest.to_json(), encoding="utf-8"))

