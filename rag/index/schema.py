"""A store file's SQL schema and version, and opening one: SQLite is the index's truth."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError

SCHEMA_VERSION = 4
#: Older versions this code still reads, and upgrades in place when it writes (`migrate`).
MIGRATES_FROM = (2, 3)

REMOVED = """
-- Chunk ids removed, with the change number (meta `chunks_version`, one per write that
-- changes chunks) that removed them. A copy of the chunks that records the change number it
-- holds (the FAISS file, the lexical mirror) catches up from here and from the ids above the
-- highest it holds, without comparing every id. Kept back to the oldest copy's number.
CREATE TABLE IF NOT EXISTS removed_chunks(id INTEGER PRIMARY KEY, version INTEGER NOT NULL);
-- What a sync reads of every article to tell it unchanged, without reading past the text
-- (the table's rows hold it): 0.1-0.2 s instead of 0.3-0.5 s at 72,776 articles.
CREATE INDEX IF NOT EXISTS articles_known ON articles(id, file, title, sha256, date);
"""

ATTRIBUTIONS = """
-- Who says each sentence of an article (rag/attribute.py), computed when it is indexed.
CREATE TABLE IF NOT EXISTS attributions(
    article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL,
    speaker TEXT, role TEXT, cue TEXT, via TEXT);
CREATE INDEX IF NOT EXISTS attributions_by_article ON attributions(article_id, start);
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    DELETE FROM attributions WHERE article_id = old.id;
END;
"""

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    skipped TEXT NOT NULL DEFAULT '[]');
CREATE TABLE articles(
    id TEXT PRIMARY KEY, file TEXT NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL,
    date TEXT, sha256 TEXT NOT NULL, text TEXT NOT NULL, indexed_at TEXT NOT NULL,
    outlet TEXT, author TEXT);
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
""" + ATTRIBUTIONS + REMOVED


def connect(path: Path) -> sqlite3.Connection:
    """The writer's connection: WAL, and every commit on disk before it returns."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def connect_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                           check_same_thread=False)


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta"))


def set_meta(conn: sqlite3.Connection, **values: str) -> None:
    """Record `values` in one statement, so that outside a transaction they land together:
    `executemany` commits each row by itself, and a kill between the FAISS file's stamp and
    its highest id made the next open add the chunks above the old id a second time (the
    kill test's 170 vectors for 163 chunks)."""
    if values:
        rows = ", ".join(["(?, ?)"] * len(values))
        conn.execute(f"INSERT OR REPLACE INTO meta(key, value) VALUES {rows}",
                     [x for pair in values.items() for x in pair])


def check(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    """The store's metadata, once it is known to be an index this code reads."""
    try:
        meta = read_meta(conn)
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        raise StoreError(f"{path} is damaged or not an index ({_reason(exc)}); "
                         "run `rag index --rebuild`") from exc
    if meta.get("schema_version") not in [str(v) for v in (SCHEMA_VERSION, *MIGRATES_FROM)]:
        raise StoreError(
            f"{path} has schema version {meta.get('schema_version')}, this rag reads "
            f"{SCHEMA_VERSION}; run `rag index --rebuild`"
        )
    return meta


def migrate(conn: sqlite3.Connection) -> bool:
    """Upgrade an older store in place; whether it did. 2 -> 3: articles gain outlet and
    author, and their sentences' attributions a table; every corpus file is then read again
    by the next sync, which fills them in for unchanged articles without embedding anything
    again. 3 -> 4: the log of removed chunk ids (the FAISS file is written once more, so that
    it records the change number it holds) and a covering index of what a sync reads of
    every article."""
    version = read_meta(conn).get("schema_version")
    if version not in ("2", "3"):
        return False
    # One script, one transaction: a kill leaves the old version or the new, nothing between.
    step = "" if version == "3" else f"""
        ALTER TABLE articles ADD COLUMN outlet TEXT;
        ALTER TABLE articles ADD COLUMN author TEXT;
        {ATTRIBUTIONS}
        DELETE FROM files;"""
    conn.executescript(f"""BEGIN IMMEDIATE;{step}
        {REMOVED}
        INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '{SCHEMA_VERSION}');
        COMMIT;""")
    return True


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite failed because the file's contents are broken (not the disk, a lock
    or a bug): then only a rebuild from the corpus helps."""
    name = getattr(exc, "sqlite_errorname", None)
    if name is None:  # raised by Python's sqlite3 for a value it cannot read (text not UTF-8)
        return type(exc) is sqlite3.OperationalError
    return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))


def _reason(exc: sqlite3.Error) -> str:
    # SQLite's own messages are short and fixed; Python's quote the unreadable value.
    return str(exc) if getattr(exc, "sqlite_errorname", None) else "a value cannot be read"


def damaged(path: Path, exc: sqlite3.Error) -> StoreError:
    return StoreError(f"{path} is damaged ({_reason(exc)}); run `rag index --rebuild`")


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """SQLite failures while reading this store file as one-line StoreErrors saying what to
    run. Damage can surface at any query, not only at open: pages are read when needed."""
    try:
        yield
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise  # a mistake in the code (a closed connection), not the file
    except sqlite3.Error as exc:
        if is_damage(exc):
            raise damaged(path, exc) from exc
        raise StoreError(f"cannot read {path} ({_reason(exc)}); check the disk and the "
                         "folder's permissions, then try again") from exc
