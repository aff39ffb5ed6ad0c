"""IndexWriter: the one process changing an index. Each batch of whole articles is one
SQLite transaction; the FAISS file is rewritten at `finish` only when it lags too far."""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np

from ..errors import StoreError
from ..types import ArticleLabels, ArticleWrite, Attribution, FileStamp, Skipped, StoredArticle, StoredFile
from .faiss_store import FaissVectors, build, faiss_path, file_stamp, kind_for, needs_retraining, open_faiss, probes
from .files import (
    Identity,
    Manifest,
    atomic_write,
    current_manifest,
    next_generation,
    now,
    remove_stale,
    store_path,
    write_failed,
    writing,
)
from .schema import (
    SCHEMA,
    SCHEMA_VERSION,
    check,
    connect,
    connect_readonly,
    migrate,
    read_meta,
    reading,
    set_meta,
)
from .lexical import LexicalMirror, mirror_path, pruned_before, store_state
from .vectors import ChunkVectors, Snapshot, VectorConfig


class IndexWriter:
    """The one process changing an index: batches of whole articles, each batch one commit.
    Made by `IndexWriter.open`, under the index lock the caller holds."""

    def __init__(self, index_dir: Path, identity: Identity, config: VectorConfig,
                 conn: sqlite3.Connection, manifest: Manifest, *, stale_file: bool,
                 mirror: ChunkVectors | None = None, lexical: LexicalMirror | None = None,
                 retired: tuple[dict[str, str], Path] | None = None):
        self.index_dir = index_dir
        self.identity = identity
        self.config = config
        self.conn = conn
        self.manifest = manifest
        self.db_path = store_path(index_dir, manifest.generation)
        self.stale_file = stale_file  # the FAISS file must be rewritten whatever the lag
        self.mirror = mirror  # a vector store outside this process, updated after each commit
        self.lexical = lexical  # the tantivy mirror of the chunks' words, updated after each commit
        self._retired = retired  # a rebuild's predecessor (meta, path): its store drops it after the switch
        self.dirty = False  # whether chunks changed, so `finish` has something to persist

    @classmethod
    def open(cls, index_dir: Path, identity: Identity, dimension: Callable[[], int],
             rebuild: bool = False, config: VectorConfig = VectorConfig()) -> IndexWriter:
        """Open the current generation for writing, or start a new one (first build,
        rebuild). `dimension` is asked only for a new generation (it may load the model)."""
        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        current = None if rebuild else Manifest.load(index_dir)
        if current is not None:
            diff = identity.differences(current.identity)
            if diff:
                raise StoreError(
                    f"the index at {index_dir} was built with other settings "
                    f"({'; '.join(diff)}); run `rag index --rebuild` to re-embed everything"
                )
            manifest = current
            db_path = store_path(index_dir, current.generation)
            if not db_path.exists():
                raise StoreError(f"{db_path} is missing; run `rag index --rebuild`")
        else:
            # First build or rebuild: a new generation, invisible until `finish` switches to it.
            remove_stale(index_dir, keep=None)
            manifest = Manifest(identity, next_generation(index_dir), dimension())
            db_path = store_path(index_dir, manifest.generation)
        with writing(db_path):
            conn = connect(db_path)
            try:
                return cls._start(index_dir, identity, config, conn, manifest, fresh=current is None,
                                  rebuild=rebuild)
            except BaseException:
                # A server that keeps the error (and so this frame) must not keep the file open:
                # the chat app retries an upload's sync while Qdrant is down.
                conn.close()
                raise

    @classmethod
    def _start(cls, index_dir: Path, identity: Identity, config: VectorConfig,
               conn: sqlite3.Connection, manifest: Manifest, fresh: bool, rebuild: bool) -> IndexWriter:
        """The rest of `open`, on the store's connection."""
        db_path = store_path(index_dir, manifest.generation)
        retired = None
        if not fresh:
            check(conn, db_path)
            migrate(conn)  # the manifest's identity follows at `finish`
            switch = False
        else:
            conn.executescript(SCHEMA)
            set_meta(conn, schema_version=str(SCHEMA_VERSION), embed_model=identity.embed_model,
                     updated_at=now(), created_at=now())
            # A first build is visible from its first commit on, so a kill keeps progress.
            old = current_manifest(index_dir)
            switch = rebuild and old is not None
            if switch:
                old_path = store_path(index_dir, old.generation)
                retired = (_meta_of(old_path), old_path)
            else:
                _write_faiss(conn, db_path, FaissVectors.empty(manifest.dimension))
                manifest.write(index_dir)
        meta = read_meta(conn)
        if "store_uid" not in meta:
            set_meta(conn, store_uid=secrets.token_hex(6))
        # The FAISS file is only read if `finish` rewrites it: at a million chunks reading
        # and writing it takes longer than embedding one article. A file written before
        # change numbers is written once more, so that readers can catch it up from them.
        stale_file = (switch or file_stamp(faiss_path(db_path)) != meta.get("vectors_file")
                      or "vectors_version" not in meta)
        if not switch:
            remove_stale(index_dir, keep=manifest.generation)
        lexical = None
        if config.lexical != "fts5":  # kept at every size, so that growing past MIN_CHUNKS costs nothing
            try:
                lexical = LexicalMirror.open_for_writer(mirror_path(db_path), conn)
            except (OSError, ValueError, RuntimeError) as exc:
                raise StoreError(f"cannot update the lexical index {mirror_path(db_path)} ({exc}); "
                                 "check the disk, then run `rag index` again") from exc
        # Last, so that nothing after it can fail and leave the store's client open.
        try:
            mirror = config.store_class().open_for_writer(Snapshot(conn, db_path, manifest.dimension, config))
        except BaseException:
            if lexical is not None:
                lexical.close()
            raise
        return cls(index_dir, identity, config, conn, manifest, stale_file=stale_file,
                   mirror=mirror, lexical=lexical, retired=retired)

    def __enter__(self) -> IndexWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.mirror is not None:
            self.mirror.close()
            self.mirror = None
        if self.lexical is not None:
            self.lexical.close()
            self.lexical = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def files(self) -> dict[str, StoredFile]:
        out = {}
        with reading(self.db_path):
            for path, size, mtime_ns, skipped in self.conn.execute("SELECT * FROM files"):
                skips = tuple(Skipped(**s) for s in json.loads(skipped))
                out[path] = StoredFile(size, mtime_ns, skips)
        return out

    def articles(self) -> dict[str, StoredArticle]:
        """Every article's id, file, title, hash and date: enough to tell an unchanged one.
        Outlet, author and whether it is labelled are left out (`article_details` has them):
        they are stored after the text, so reading them for every article read every text
        (5.3 s of a 1M-chunk sync that added one article)."""
        with reading(self.db_path):
            rows = self.conn.execute("SELECT id, file, title, sha256, date FROM articles").fetchall()
        return {r[0]: StoredArticle(r[0], r[1], r[2], r[3], date=r[4]) for r in rows}

    def article_details(self, ids: Iterable[str]) -> dict[str, StoredArticle]:
        """These articles in full (outlet, author, labelled too); unknown ids are left out."""
        ids = list(ids)
        out = {}
        with reading(self.db_path):
            for lo in range(0, len(ids), 500):
                part = ids[lo:lo + 500]
                rows = self.conn.execute(
                    "SELECT id, file, title, sha256, outlet, author, date, "
                    "EXISTS (SELECT 1 FROM attributions WHERE article_id = articles.id) FROM articles "
                    f"WHERE id IN ({','.join('?' * len(part))})", part).fetchall()
                out.update({r[0]: StoredArticle(*r[:7], labelled=bool(r[7])) for r in rows})
        return out

    def require_labels(self, version: str) -> None:
        """Attributions made by other rules than `version` are dropped, and every corpus file
        is read again, so this sync labels each article anew (without embedding it again)."""
        if read_meta(self.conn).get("attribution_version") == version:
            return
        with writing(self.db_path):
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("DELETE FROM attributions")
            self.conn.execute("DELETE FROM files")
            set_meta(self.conn, attribution_version=version)
            self.conn.execute("COMMIT")

    def write_batch(
        self,
        items: Sequence[ArticleWrite],
        remove: Iterable[str] = (),
        files: Sequence[tuple[FileStamp, Sequence[Skipped]]] = (),
        moved: Iterable[tuple[str, str]] = (),
        drop_files: Iterable[str] = (),
        relabel: Iterable[ArticleLabels] = (),
    ) -> None:
        """One transaction: (re)place whole articles with their chunks, vectors and
        sentences (per chunk), drop removed articles, record file stamps, and give `relabel`
        articles their new outlet, author, date and attributions (text unchanged: nothing is
        embedded again).
        Either all of it lands or none."""
        gone_ids: list[int] = []
        new_ids: list[int] = []
        new_vectors: list[np.ndarray] = []
        new_words: list[tuple[int, str, str]] = []  # (chunk id, title, text) for the lexical mirror
        doomed = [item.article.id for item in items] + list(remove)
        relabel = list(relabel)
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
                    "INSERT INTO articles(id, file, title, source, date, sha256, text, indexed_at, "
                    "outlet, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.id, item.file, article.title, article.source, article.date,
                     article.sha256, article.text, stamp, article.outlet, article.author),
                )
                for chunk, vector, sentences in zip(item.chunks, item.vectors, item.sentences, strict=True):
                    cur = self.conn.execute(
                        'INSERT INTO chunks(article_id, ord, start, "end", text, sha256, vector) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (article.id, chunk.ord, chunk.start, chunk.end, chunk.text, chunk.sha256,
                         vector.astype(np.float32).tobytes()),
                    )
                    new_ids.append(cur.lastrowid)
                    new_words.append((cur.lastrowid, article.title, chunk.text))
                    # float16 halves the table; cosines move by < 1e-3.
                    self.conn.executemany(
                        'INSERT INTO sentences(chunk_id, start, "end", vector) VALUES (?, ?, ?, ?)',
                        [(cur.lastrowid, a, b, v.astype(np.float16).tobytes())
                         for (a, b), v in zip(sentences.spans, sentences.vectors, strict=True)])
                new_vectors.append(item.vectors)
                self._write_attributions(article.id, item.attributions)
            self.conn.executemany("UPDATE articles SET file = ? WHERE id = ?",
                                  [(file, aid) for aid, file in moved])
            for labels in relabel:
                a = labels.article
                self.conn.execute("UPDATE articles SET outlet = ?, author = ?, date = ? WHERE id = ?",
                                  (a.outlet, a.author, a.date, a.id))
                self.conn.execute("DELETE FROM attributions WHERE article_id = ?", (a.id,))
                self._write_attributions(a.id, labels.attributions)
            self.conn.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in drop_files])
            self.conn.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                [(s.path, s.size, s.mtime_ns, json.dumps([asdict(k) for k in skips]))
                 for s, skips in files],
            )
            if items or doomed or relabel:
                set_meta(self.conn, updated_at=stamp)
            changed = len(gone_ids) + len(new_ids)
            if changed:
                # How far the FAISS file is behind; counted in the same transaction, so a
                # kill can make it too high (an early rewrite), never too low.
                meta = read_meta(self.conn)
                lag = int(meta.get("vectors_lag") or 0)
                # The change number: copies of the chunks record the one they hold.
                version = int(meta.get("chunks_version") or 0) + 1
                set_meta(self.conn, vectors_lag=str(lag + changed), chunks_version=str(version))
                self.conn.executemany("INSERT OR REPLACE INTO removed_chunks(id, version) VALUES (?, ?)",
                                      [(i, version) for i in gone_ids])
                if self.mirror is not None:
                    self.mirror.mark_pending(self.conn)
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise write_failed(self.db_path, exc) from exc
        self.dirty = self.dirty or bool(items or doomed or relabel)
        if self.lexical is not None and (gone_ids or new_ids):
            try:
                self.lexical.apply(gone_ids, new_words, store_state(self.conn))
            except (OSError, ValueError, RuntimeError) as exc:
                # Committed in SQLite: readers search FTS5 until the next writer catches up.
                raise StoreError(f"cannot update the lexical index {self.lexical.path} ({exc}); "
                                 "check the disk, then run `rag index` again") from exc
        if self.mirror is not None and (gone_ids or new_ids):
            vectors = np.vstack(new_vectors) if new_ids else np.zeros((0, self.manifest.dimension), np.float32)
            self.mirror.sync_after_commit(self.conn, gone_ids, np.array(new_ids, dtype=np.int64), vectors)

    def _write_attributions(self, article_id: str, rows: Sequence[Attribution]) -> None:
        self.conn.executemany(
            'INSERT INTO attributions(article_id, start, "end", kind, speaker, role, cue, via) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, r.start, r.end, r.kind, r.speaker, r.role, r.cue, r.via) for r in rows])

    def finish(self) -> Manifest:
        """Persist what changed; for a rebuild this is the moment of the switch."""
        with writing(self.db_path):
            return self._finish()

    def _finish(self) -> Manifest:
        articles = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        chunks = self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        meta = read_meta(self.conn)
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
                vectors = build(kind, self.conn, self.manifest.dimension, probes(self.config))
            else:
                vectors, _ = open_faiss(faiss_path(self.db_path), self.conn, self.manifest.dimension,
                                        repair=True, nprobe=probes(self.config))
            if len(vectors) != chunks:
                raise AssertionError(f"FAISS holds {len(vectors)} vectors for {chunks} chunks")
            _write_faiss(self.conn, self.db_path, vectors)
            self.stale_file = False
        self._prune_removed()
        # A kill between the FAISS and manifest writes leaves stale counts: rewrite them.
        if self.dirty or rewrite or manifest != self.manifest:
            self.manifest = manifest
            manifest.write(self.index_dir)
            remove_stale(self.index_dir, keep=manifest.generation)
            if self._retired is not None:
                self.config.store_class().drop_generation(*self._retired, self.config)
                self._retired = None
        return self.manifest

    def _prune_removed(self) -> None:
        """Forget removals that every copy (the FAISS file, the lexical mirror) already holds."""
        meta = read_meta(self.conn)
        if "vectors_version" not in meta:
            return
        horizon = int(meta["vectors_version"])
        if self.lexical is not None:
            horizon = min(horizon, self.lexical.state.version)
        if horizon <= pruned_before(self.conn):
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("DELETE FROM removed_chunks WHERE version <= ?", (horizon,))
            set_meta(self.conn, removed_pruned=str(horizon))
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise write_failed(self.db_path, exc) from exc


def _meta_of(path: Path) -> dict[str, str]:
    """Another generation's metadata; empty if it cannot be read (a rebuild of a damaged index)."""
    try:
        conn = connect_readonly(path)
        try:
            return read_meta(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def _write_faiss(conn: sqlite3.Connection, db_path: Path, vectors: FaissVectors) -> None:
    """Write the file, then record its stamp, kind and a zero lag (a kill in between
    leaves a stamp that does not match: the next writer rewrites the file)."""
    def write(tmp: Path) -> None:
        try:
            vectors.write(tmp)
        except RuntimeError as exc:  # FAISS reports I/O errors this way
            raise OSError(28, "FAISS could not write the file") from exc

    atomic_write(faiss_path(db_path), write)
    state = store_state(conn)
    try:
        set_meta(conn, vectors_file=file_stamp(faiss_path(db_path)), vector_index=vectors.label, vectors_lag="0",
                 vectors_version=str(state.version), vectors_max_id=str(state.max_id))
    except sqlite3.Error as exc:
        raise write_failed(db_path, exc) from exc
