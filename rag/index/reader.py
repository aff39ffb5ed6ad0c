"""IndexReader: one consistent, read-only snapshot of an index, for answering questions."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ..errors import StoreError
from ..types import ArticleRow, Attribution, ChunkRow, Filter, ListedArticle, SpanVectors
from .files import MANIFEST, Manifest, store_path
from .lexical import TITLE_REPEAT, LexicalMirror, answers, mirror_path
from .schema import check, connect_readonly, reading
from .vectors import ChunkVectors, Snapshot, VectorConfig


class IndexReader:
    """A consistent, read-only view of one index snapshot; writers never disturb it."""

    def __init__(self, index_dir: Path, config: VectorConfig = VectorConfig(), *, vectors: bool = True):
        """`vectors=False` opens only SQLite (`self.vectors` and `self.words` are None) while
        the vector store is as last written: what `rag status` needs, without importing FAISS
        or reading its file (a third of a cold status). A store changed since is opened, so
        that damage to it is reported."""
        self.index_dir = Path(index_dir)
        self.config = config
        self._with_vectors = vectors
        self._lock = threading.Lock()
        for attempt in range(3):
            # Stamped before it is read: a manifest replaced in between only costs a reopen.
            self._manifest_stamp = _stamp(self.index_dir / MANIFEST)
            manifest = Manifest.load(self.index_dir)
            if manifest is None:
                raise StoreError(f"no index at {self.index_dir}; run `rag index` first")
            db_path = store_path(self.index_dir, manifest.generation)
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
        with reading(db_path):
            conn = connect_readonly(db_path)
            # A second connection, outside the snapshot, notices commits made after it: its
            # data_version changes with every commit by another connection (the pinned
            # connection's own never would). Its first value is taken before the pin.
            watch = connect_readonly(db_path)
            try:
                self._data_version = watch.execute("PRAGMA data_version").fetchone()[0]
                # Pin a snapshot: everything read below comes from one committed state.
                conn.execute("BEGIN")
                self.meta = check(conn, db_path)
                if self.meta.get("embed_model") != manifest.identity.embed_model:
                    raise StoreError(
                        f"{MANIFEST} and {db_path.name} disagree on the embedding model; "
                        "run `rag index --rebuild`"
                    )
                self.vectors: ChunkVectors | None = None
                self.words: LexicalMirror | None = None
                snapshot = Snapshot(conn, db_path, manifest.dimension, self.config)
                store = self.config.store_class()
                if self._with_vectors or not store.as_written(snapshot):
                    self.vectors = store.open_for_reader(snapshot)
                # The mirror answers only if it holds at least this snapshot; else FTS5 does.
                if self._with_vectors and answers(self.config.lexical, manifest.chunks):
                    words = LexicalMirror.open(mirror_path(db_path))
                    if words is not None and words.covers(conn):
                        self.words = words
            except BaseException:
                conn.close()
                watch.close()
                raise
        self.manifest = manifest
        self.db_path = db_path
        self.conn = conn
        self._watch = watch

    def close(self) -> None:
        self.conn.close()
        self._watch.close()
        if self.vectors is not None:
            self.vectors.close()

    def changed(self) -> bool:
        """Whether the index on disk has moved on from this snapshot: another generation (a
        rebuild) or any commit to this one, by any process. A stat and a one-row pragma,
        cheap enough to ask before every question."""
        try:
            if _stamp(self.index_dir / MANIFEST) != self._manifest_stamp:
                return True
            with self._lock:
                return self._watch.execute("PRAGMA data_version").fetchone()[0] != self._data_version
        except (OSError, sqlite3.Error):
            return True  # gone or unreadable: opening it again says what is wrong

    @contextmanager
    def _query(self) -> Iterator[None]:
        """One query at a time on the shared connection; damage found by it is a StoreError."""
        with self._lock, reading(self.db_path):
            yield

    def __enter__(self) -> IndexReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def count_articles(self) -> int:
        with self._query():
            return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def count_chunks(self) -> int:
        with self._query():
            return self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]

    def mentions(self, word: str) -> bool:
        """Whether any chunk or title holds `word` (after FTS5's stemming)."""
        with self._query():
            return self.conn.execute("SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT 1",
                                     ('"' + word.replace('"', '""') + '"',)).fetchone() is not None

    def updated_at(self) -> str:
        return self.meta.get("updated_at", self.manifest.updated_at)

    def article_chunk_counts(self) -> dict[str, int]:
        with self._query():
            return dict(self.conn.execute("SELECT article_id, count(*) FROM chunks GROUP BY article_id"))

    def lexical(self, terms: Sequence[str], k: int, title_weight: float, where: Filter | None = None,
                ids: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Chunk ids and BM25 scores (higher is better) of the chunks holding any of the
        terms; with `where`, only chunks of the articles it lets through (`ids`, if the
        caller has them already). The lexical mirror answers when it holds this snapshot
        and the title weight is the one it was built with, else FTS5."""
        if not terms:
            return []
        if self.words is not None and title_weight == TITLE_REPEAT:
            if where and ids is None:
                ids = self.chunk_ids(where)
            with self._lock:
                return self.words.search(terms, k, ids if where else None)
        match = fts_match(terms)
        inside, params = "", []
        if where:
            condition, params = _article_condition(where)
            # `+rowid`: FTS5 would otherwise be asked for each listed rowid in turn (one
            # MATCH per id: 4.3 s on news-dev); this way the matches are filtered (20 ms).
            inside = (" AND +rowid IN (SELECT c.id FROM chunks c JOIN articles a ON a.id = c.article_id "
                      f"WHERE {condition})")
        with self._query():
            rows = self.conn.execute(
                f"SELECT rowid, -bm25(chunks_fts, ?, 1.0) AS s FROM chunks_fts WHERE chunks_fts MATCH ?{inside} "
                "ORDER BY bm25(chunks_fts, ?, 1.0) LIMIT ?", (title_weight, match, *params, title_weight, k))
            return [(int(r[0]), float(r[1])) for r in rows]

    def chunk_ids(self, where: Filter) -> np.ndarray:
        """The ids of every chunk of the articles a filter lets through."""
        condition, params = _article_condition(where)
        with self._query():
            rows = self.conn.execute(f"SELECT c.id FROM chunks c JOIN articles a ON a.id = c.article_id "
                                     f"WHERE {condition}", params).fetchall()
        return np.array([r[0] for r in rows], dtype=np.int64)

    def spoken_by(self, name: str, where: Filter | None = None) -> np.ndarray:
        """The ids of the chunks holding a statement (a quote, reported speech, an interview
        turn) by a speaker whose name ends with `name`'s last word ("Lavrov" of "Sergei Lavrov"),
        among the articles `where` lets through."""
        condition, params = _article_condition(where or Filter())
        name = name.lower().split()[-1]  # a surname: "Sergey" and "Sergei" Lavrov are one speaker
        pattern = "% " + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._query():
            if self._version_2:
                return np.zeros(0, dtype=np.int64)
            # Only the articles that write the name are read (the full-text index finds them):
            # a speaker's "he said" is resolved within an article that names him. His
            # statements are found before their chunks ("said", materialised: joined the other
            # way, every chunk met every statement of its article, 0.6 s for "Biden" on news-dev
            # against 0.04 s).
            rows = self.conn.execute(
                "WITH named AS (SELECT DISTINCT c.article_id FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid "
                "WHERE chunks_fts MATCH ?), "
                'said AS MATERIALIZED (SELECT t.article_id, t.start, t."end" FROM named n '
                "JOIN attributions t ON t.article_id = n.article_id "
                "WHERE t.kind IN ('quote', 'indirect', 'transcript') "
                "AND (lower(t.speaker) = ? OR lower(t.speaker) LIKE ? ESCAPE '\\')) "
                'SELECT DISTINCT c.id FROM said s JOIN chunks c ON c.article_id = s.article_id '
                'AND s.start < c."end" AND s."end" > c.start JOIN articles a ON a.id = c.article_id WHERE ' + condition,
                ['"' + name.replace('"', '""') + '"', name, pattern, *params]).fetchall()
        return np.array(sorted(r[0] for r in rows), dtype=np.int64)

    def holding(self, phrases: Sequence[str], where: Filter | None = None) -> np.ndarray:
        """The ids of the chunks whose text holds one of the phrases, its words in a row (as the
        full-text index stems them), among the articles `where` lets through."""
        if not phrases:
            return np.zeros(0, dtype=np.int64)
        condition, params = _article_condition(where or Filter())
        match = " OR ".join('text : "' + phrase.replace('"', '""') + '"' for phrase in phrases)
        with self._query():
            rows = self.conn.execute(
                "SELECT c.id FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid "
                f"JOIN articles a ON a.id = c.article_id WHERE chunks_fts MATCH ? AND {condition}",
                [match, *params]).fetchall()
        return np.array(sorted(r[0] for r in rows), dtype=np.int64)

    def article_ids(self, where: Filter) -> set[str]:
        """The ids of the articles a filter lets through."""
        condition, params = _article_condition(where)
        with self._query():
            return {r[0] for r in self.conn.execute(f"SELECT a.id FROM articles a WHERE {condition}", params)}

    def newest_date(self) -> str | None:
        """The latest article date (ISO day), the default day relative times are read from;
        asked by every question, read once per snapshot (it cannot change within one)."""
        if "_newest" not in self.__dict__:
            with self._query():
                self._newest = self.conn.execute("SELECT max(date) FROM articles").fetchone()[0]
        return self._newest

    def outlets(self) -> list[str]:
        """Every outlet named by an article, alphabetically (for a filter's choices)."""
        if self._version_2:
            return []
        with self._query():
            rows = self.conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL").fetchall()
        return sorted({r[0] for r in rows}, key=str.lower)

    def chunk_rows(self, ids: Sequence[int]) -> dict[int, ChunkRow]:
        """Chunk id -> where it sits; ids not in this snapshot are left out."""
        marks = ",".join("?" * len(ids))
        with self._query():
            rows = self.conn.execute(
                f'SELECT id, article_id, ord, start, "end" FROM chunks WHERE id IN ({marks})',
                [int(i) for i in ids]).fetchall()
        return {r[0]: ChunkRow(*r[1:]) for r in rows}

    def next_chunks(self, ids: Sequence[int]) -> dict[int, tuple[int, ChunkRow]]:
        """Chunk id -> (id, where it sits) of the chunk after it in its article, where there is one."""
        marks = ",".join("?" * len(ids))
        with self._query():
            rows = self.conn.execute(
                f'SELECT c.id, n.id, n.article_id, n.ord, n.start, n."end" FROM chunks c JOIN chunks n '
                f"ON n.article_id = c.article_id AND n.ord = c.ord + 1 WHERE c.id IN ({marks})",
                [int(i) for i in ids]).fetchall()
        return {r[0]: (r[1], ChunkRow(*r[2:])) for r in rows}

    def chunk_vectors(self, ids: Sequence[int]) -> dict[int, np.ndarray]:
        """Chunk id -> its stored vector (one query, whatever the vector store)."""
        marks = ",".join("?" * len(ids))
        with self._query():
            rows = self.conn.execute(f"SELECT id, vector FROM chunks WHERE id IN ({marks})",
                                     [int(i) for i in ids]).fetchall()
        return {r[0]: np.frombuffer(r[1], dtype=np.float32) for r in rows}

    def chunk_texts(self, ids: Sequence[int]) -> dict[int, str]:
        marks = ",".join("?" * len(ids))
        with self._query():
            return dict(self.conn.execute(f"SELECT id, text FROM chunks WHERE id IN ({marks})",
                                          [int(i) for i in ids]).fetchall())

    def sentences(self, chunk_ids: Sequence[int]) -> dict[int, SpanVectors]:
        """Chunk id -> its sentences' article spans and vectors, in text order."""
        marks = ",".join("?" * len(chunk_ids))
        with self._query():
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
        with self._query():
            labels = "NULL, NULL" if self._version_2 else "outlet, author"
            rows = self.conn.execute(
                f"SELECT id, title, source, date, text, {labels} FROM articles WHERE id IN ({marks})", ids)
            return {r[0]: ArticleRow(*r[1:]) for r in rows}

    def listed_articles(self, uploads: str, ids: Sequence[str] | None = None) -> list[ListedArticle]:
        """Every article (or those of `ids`) with its chunk count, newest date first, in one
        query; `uploaded` when its file lies under the folder `uploads` of the corpus."""
        labels = "NULL, NULL" if self._version_2 else "outlet, author"
        where, args = "", [uploads.rstrip("/") + "/"]
        if ids is not None:
            where = f"WHERE id IN ({','.join('?' * len(ids))})"
            args += list(ids)
        with self._query():
            rows = self.conn.execute(
                f"SELECT id, title, {labels}, date, file, source, "
                "(SELECT count(*) FROM chunks WHERE chunks.article_id = articles.id), "
                "substr(file, 1, length(?1)) = ?1 "
                f"FROM articles {where} ORDER BY date IS NULL, date DESC, title COLLATE NOCASE, id",
                args).fetchall()
        return [ListedArticle(*r[:8], uploaded=bool(r[8])) for r in rows]

    @property
    def _version_2(self) -> bool:
        """A store not yet upgraded by a sync: no outlet, author or attributions (read once
        with the snapshot's metadata, not per question)."""
        return self.meta.get("schema_version") == "2"

    def attributions(self, ids: Iterable[str]) -> dict[str, list[Attribution]]:
        """Article id -> who says each of its sentences, in text order (empty for a store
        from before attributions, until a sync labels it)."""
        ids = list(ids)
        marks = ",".join("?" * len(ids))
        found: dict[str, list[Attribution]] = {i: [] for i in ids}
        with self._query():
            if self._version_2:
                return found
            rows = self.conn.execute(
                f'SELECT article_id, start, "end", kind, speaker, role, cue, via FROM attributions '
                f"WHERE article_id IN ({marks}) ORDER BY article_id, start", ids).fetchall()
        for article_id, *fields in rows:
            found[article_id].append(Attribution(*fields))
        return found

    def search(self, queries: np.ndarray, k: int, ids: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Inner-product scores and chunk ids of the k nearest chunks per query row (among
        `ids` when given)."""
        with self.vectors.failures():
            return self.vectors.search(queries, k, ids)


def fts_match(terms: Sequence[str]) -> str:
    """An FTS5 expression matching any of the terms (quoted, so no term is an operator)."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _article_condition(where: Filter) -> tuple[str, list]:
    """A filter as an SQL condition on the articles table (alias `a`), with its parameters."""
    parts, params = ["1"], []
    if where.outlets:
        parts.append(f"lower(a.outlet) IN ({','.join('?' * len(where.outlets))})")
        params += [o.lower() for o in where.outlets]
    dates = []
    if where.since:
        dates.append("a.date >= ?")
        params.append(where.since)
    if where.until:
        dates.append("a.date <= ?")
        params.append(where.until)
    if dates:
        bounds = " AND ".join(dates)
        parts.append(f"(({bounds}) OR a.date IS NULL)" if where.undated else bounds)
    if where.articles:
        marks = ",".join("?" * len(where.articles))
        parts.append(f"(a.id IN ({marks}) OR a.file IN ({marks}))")
        params += [*where.articles, *where.articles]
    return " AND ".join(parts), params


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """Identity, size and mtime of a file: the manifest is replaced by rename on every change."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns
