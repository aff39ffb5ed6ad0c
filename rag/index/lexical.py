"""The lexical mirror (`store-N.lexical/`): a tantivy index of each chunk's title and text
keyed by chunk id, for BM25 top-k without scoring every chunk that holds a query word.

SQLite stays the truth (its FTS5 table answers whenever the mirror cannot). The mirror is a
copy brought up to date after each commit, and it says which state it holds in `state.json`
beside tantivy's files: the store's change number (`chunks_version` in its metadata) and the
highest chunk id ever issued then. The file is written after tantivy's commit, so it never
claims more than the index holds. A writer that finds it behind catches up from the log of
removed ids (`removed_chunks`) and the ids above its highest, never comparing every id; a
reader whose snapshot is newer than the mirror (a writer was killed between the SQLite commit
and the mirror's) searches FTS5 until the next writer has caught up.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .files import atomic_write

STATE = "state.json"
# Below this many chunks FTS5 answers even when the mirror is kept (RAG_LEXICAL_INDEX=auto):
# its cost grows with the chunks holding any query word (lexical p50 36 ms at 115k, 320 ms
# at 1M, bench/lexical.py), small indexes stay well under that, and FTS5's ranking is the
# one every retrieval default was tuned with (tantivy's IDF differs on small corpora: a
# seed question's fifth passage changed).
MIN_CHUNKS = 50_000
#: What the mirror's documents hold (fields, tokenizer, title repeats); another is made anew.
FORMAT = 1
# The title counts this many times in a chunk's words: FTS5's bm25() with the title column
# weighted 2 (RAG_TITLE_WEIGHT) adds the weighted counts of a term before saturating them,
# which one field holding the title twice reproduces; two fields scored apart (tantivy's
# own field boosts) ranked differently and lost news-dev recall (bench/lexical.py).
TITLE_REPEAT = 2
# Memory for tantivy's in-memory segment while adding; a catch-up of a million chunks
# flushes a segment each time it fills.
WRITER_HEAP = 128 * 2**20


@dataclass(frozen=True)
class MirrorState:
    """What a mirror holds: the store's state after change number `version`, in which
    `max_id` was the highest chunk id issued."""

    version: int
    max_id: int


def answers(setting: str, chunks: int) -> bool:
    """Whether the mirror answers the BM25 side for an index of `chunks` chunks."""
    return setting == "tantivy" or (setting == "auto" and chunks >= MIN_CHUNKS)


def mirror_path(store: Path) -> Path:
    """The mirror's folder beside a generation's SQLite file."""
    return store.with_suffix(".lexical")


def store_state(conn: sqlite3.Connection) -> MirrorState:
    """The state a copy must hold to match what `conn` sees."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'chunks_version'").fetchone()
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'chunks'").fetchone()
    return MirrorState(int(row[0]) if row else 0, int(seq[0]) if seq else 0)


def pruned_before(conn: sqlite3.Connection) -> int:
    """Removals up to this change number are no longer logged: a copy older than it cannot
    catch up from the log."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'removed_pruned'").fetchone()
    return int(row[0]) if row else 0


def removed_since(conn: sqlite3.Connection, version: int) -> np.ndarray:
    """Chunk ids removed after change number `version`."""
    return np.fromiter((r[0] for r in conn.execute("SELECT id FROM removed_chunks WHERE version > ?",
                                                   (version,))), dtype=np.int64)


def _schema():
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    # Frequencies without positions: queries are bags of words, never phrases.
    builder.add_text_field("words", tokenizer_name="en_stem", index_option="freq")
    return builder.build()


def _read_state(path: Path) -> MirrorState | None:
    try:
        data = json.loads((path / STATE).read_text())
        if data.get("format") != FORMAT:
            return None
        return MirrorState(int(data["version"]), int(data["max_id"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class LexicalMirror:
    """A tantivy index over chunk ids, searched with BM25 (titles weighted)."""

    def __init__(self, index, path: Path, state: MirrorState | None):
        self.index = index
        self.path = path
        self.state = state
        self._searcher = None
        self._writer = None

    @classmethod
    def open(cls, path: Path) -> LexicalMirror | None:
        """The mirror at `path` for reading, or None if there is none or it cannot be read."""
        state = _read_state(path)
        if state is None:
            return None
        try:
            import tantivy

            return cls(tantivy.Index.open(str(path)), path, state)
        except (ValueError, OSError, RuntimeError):
            return None

    def covers(self, conn: sqlite3.Connection) -> bool:
        """Whether the mirror holds at least the state the snapshot `conn` sees (newer is
        fine: chunks the snapshot lacks are dropped by the reader, ids are never reused)."""
        return self.state is not None and self.state.version >= store_state(conn).version

    def search(self, terms: Sequence[str], k: int, ids: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Chunk ids and BM25 scores, best first, of chunks holding any of the terms (the
        title weighted TITLE_REPEAT); with `ids`, only among those chunks."""
        import tantivy

        if not terms or k <= 0:
            return []
        if self._searcher is None:
            self._searcher = self.index.searcher()
        query = self.index.parse_query_lenient(" ".join(terms), ["words"])[0]
        if ids is not None:
            inside = tantivy.Query.const_score_query(
                tantivy.Query.term_set_query(self.index.schema, "id", [int(i) for i in ids]), 0.0)
            query = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, inside)])
        # count=False lets tantivy skip blocks that cannot reach the top k.
        hits = self._searcher.search(query, k, count=False).hits
        return [(int(self._searcher.doc(address)["id"][0]), float(score)) for score, address in hits]

    def ids(self) -> np.ndarray:
        """Every chunk id held (reads every document: for checks, not for answering)."""
        import tantivy

        searcher = self.index.searcher()
        if not searcher.num_docs:
            return np.zeros(0, dtype=np.int64)
        hits = searcher.search(tantivy.Query.all_query(), searcher.num_docs, count=False).hits
        return np.array(sorted(int(searcher.doc(a)["id"][0]) for _, a in hits), dtype=np.int64)

    # The writer's side (under the index lock).

    @classmethod
    def open_for_writer(cls, path: Path, conn: sqlite3.Connection) -> LexicalMirror:
        """The mirror, brought in line with SQLite: caught up from its state, or made anew
        when it is missing, unreadable or older than the removal log."""
        mirror = cls.open(path)
        if mirror is None or mirror.state.version < pruned_before(conn):
            mirror = None  # let go of the old one before its folder goes
            mirror = cls._create(path)
        mirror.catch_up(conn)
        return mirror

    @classmethod
    def _create(cls, path: Path) -> LexicalMirror:
        import tantivy

        # A handle on the old mirror (a reader's, in the chat server or this process) reloads
        # when its meta.json goes and takes tantivy's meta lock, which recreates a lock file
        # in a folder being deleted (CI: "File exists" for store-1.lexical, 1 run in 15 under
        # load). Moved aside in one rename first, the folder is deleted where no one looks;
        # a lock file that still lands in the new folder is harmless to tantivy.
        trash = path.with_name(path.name + ".tmp")  # remove_stale clears one left behind
        shutil.rmtree(trash, ignore_errors=True)
        try:
            path.rename(trash)
        except FileNotFoundError:
            pass
        except OSError:  # a trash folder that would not empty: delete in place
            shutil.rmtree(path, ignore_errors=True)
        shutil.rmtree(trash, ignore_errors=True)
        path.mkdir(parents=True, exist_ok=True)
        return cls(tantivy.Index(_schema(), path=str(path)), path, MirrorState(-1, 0))

    def catch_up(self, conn: sqlite3.Connection) -> int:
        """Apply what SQLite changed since the mirror's state; how many chunks were added."""
        want = store_state(conn)
        if self.state == want:
            return 0
        import tantivy

        writer = self._writer_handle()
        old = self.state
        if old.version >= 0:
            # Ids above the highest the state names may have been committed without the state
            # (a kill between the two): drop them and add them again from SQLite.
            writer.delete_documents_by_query(tantivy.Query.range_query(
                self.index.schema, "id", tantivy.FieldType.Unsigned, lower_bound=old.max_id,
                include_lower=False))
            self._delete(removed_since(conn, old.version))
        added = 0
        rows = conn.execute("SELECT c.id, a.title, c.text FROM chunks c JOIN articles a ON a.id = c.article_id "
                            "WHERE c.id > ?", (old.max_id if old.version >= 0 else 0,))
        for cid, title, text in rows:
            writer.add_document(_document(cid, title, text))
            added += 1
        self._commit(want)
        return added

    def apply(self, gone: Sequence[int], rows: Sequence[tuple[int, str, str]], state: MirrorState) -> None:
        """A committed batch: remove `gone` ids, add (id, title, text) rows, record `state`."""
        writer = self._writer_handle()
        self._delete(gone)
        for cid, title, text in rows:
            writer.add_document(_document(cid, title, text))
        self._commit(state)

    def _delete(self, ids: Sequence[int] | np.ndarray) -> None:
        import tantivy

        # One query for all of them (delete_documents_by_term types a Python int as i64,
        # which never matches this u64 field).
        if len(ids):
            self._writer.delete_documents_by_query(
                tantivy.Query.term_set_query(self.index.schema, "id", [int(i) for i in ids]))

    def _writer_handle(self):
        if self._writer is None:
            self._writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=1)
        return self._writer

    def _commit(self, state: MirrorState) -> None:
        self._writer.commit()
        atomic_write(self.path / STATE, lambda tmp: tmp.write_text(json.dumps(
            {"format": FORMAT, "version": state.version, "max_id": state.max_id})))
        self.state = state
        self._searcher = None

    def close(self) -> None:
        """Let tantivy finish merging the segments it started merging, then let go."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.wait_merging_threads()


def _document(cid: int, title: str, text: str):
    import tantivy

    doc = tantivy.Document()
    doc.add_unsigned("id", int(cid))
    doc.add_text("words", "\n".join([title] * TITLE_REPEAT + [text]))
    return doc
