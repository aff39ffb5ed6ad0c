"""Damaged index files: one line saying what is wrong and what to run, never a traceback.

The CLI runs in process (`rag.cli.main`, the code `rag` runs) with the session's real model,
so that 13 kinds of damage times three commands take seconds, not a model load each; one
case also runs as a real subprocess."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from rag import cli
from rag.embed import SentenceTransformerEmbedder
from rag.settings import Settings
from rag.sync import Indexer

from .conftest import SEEDS, run_rag

QUESTION = "What did Shoigu say about the moderate opposition?"


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def zero(path: Path) -> None:
    path.write_bytes(bytes(path.stat().st_size))


def garbage(path: Path) -> None:
    path.write_bytes(b"not an index file, whatever its name says\n" * (1 + path.stat().st_size // 42))


def remove(path: Path) -> None:
    path.unlink()


def empty(path: Path) -> None:
    path.write_bytes(b"")


def make_folder(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.mkdir()


def wal_garbage(path: Path) -> None:
    path.write_bytes(b"\x37\x7f\x06\x82" + b"not a write-ahead log" * 2000)


def page_of(table: str):
    """Zero the first page of one table: SQLite finds it only when a query reads it."""
    def damage(path: Path) -> None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        conn.close()
        with open(path, "r+b") as fh:
            fh.seek((root - 1) * size)
            fh.write(bytes(size))
    return damage


# name: (file, damage, expected exit codes of status, ask, index; None: either 0 or 1)
DAMAGE = {
    "manifest garbage": ("manifest.json", garbage, 1, 1, 1),
    "manifest empty": ("manifest.json", empty, 1, 1, 1),
    "manifest missing": ("manifest.json", remove, 1, 0, 0),  # ask and index build it anew
    "sqlite truncated": ("store-1.sqlite", truncate, 1, 1, 1),
    "sqlite zeroed": ("store-1.sqlite", zero, 1, 1, 1),
    "sqlite garbage": ("store-1.sqlite", garbage, 1, 1, 1),
    "sqlite missing": ("store-1.sqlite", remove, 1, 1, 1),
    # Pages read only by some queries: the reader opens, then fails at that query.
    "sqlite FTS page": ("store-1.sqlite", page_of("chunks_fts_data"), 0, 1, None),
    "sqlite sentences page": ("store-1.sqlite", page_of("sentences"), 0, 1, None),
    "faiss truncated": ("store-1.faiss", truncate, 1, 1, 0),  # index repairs it from SQLite
    "faiss garbage": ("store-1.faiss", garbage, 1, 1, 0),
    "faiss missing": ("store-1.faiss", remove, 1, 1, 0),
    "wal garbage": ("store-1.sqlite-wal", wal_garbage, 0, 0, 0),  # SQLite ignores a bad log
    "lock is a folder": (".lock", make_folder, 0, 0, 1),  # only writers take the lock
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:
    """One index of the seed corpus, built once; each test damages its own copy."""
    root = tmp_path_factory.mktemp("pristine")
    shutil.copytree(SEEDS, root / "corpus")
    with pytest.MonkeyPatch.context() as mp:
        for key in list(os.environ):
            if key.startswith("RAG_"):
                mp.delenv(key)
        settings = Settings(corpus=root / "corpus", index=root / "index")
        Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    return root / "index"


@pytest.fixture
def index(pristine: Path, corpus: Path, tmp_path: Path, embedder, monkeypatch) -> Path:
    """A copy of the built index where RAG_INDEX points; `rag` in process uses the session's model."""
    target = tmp_path / "index"
    shutil.copytree(pristine, target)
    monkeypatch.setattr(SentenceTransformerEmbedder, "from_settings", classmethod(lambda cls, s: embedder))
    return target


def rag(capsys, *args: str) -> tuple[int, list[str], str]:
    """Exit code, stderr lines and stdout of `rag ARGS`; an exception escaping is a traceback."""
    capsys.readouterr()
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.err.strip().splitlines(), out.out


def ask(capsys) -> tuple[int, list[str], str]:
    return rag(capsys, "ask", "--llm", "extractive", QUESTION)


def assert_one_line_error(lines: list[str]) -> None:
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "`rag index" in lines[0], lines  # says what to run


@pytest.mark.parametrize("command", ["status", "ask", "index"])
@pytest.mark.parametrize("name", list(DAMAGE))
def test_damage_is_one_line_saying_what_to_run(index, capsys, name, command) -> None:
    file, damage, *expected = DAMAGE[name]
    damage(index / file)
    run = {"status": lambda: rag(capsys, "status"), "ask": lambda: ask(capsys),
           "index": lambda: rag(capsys, "index")}[command]
    code, err, _ = run()
    want = expected[["status", "ask", "index"].index(command)]
    assert code in ((0, 1) if want is None else (want,)), err
    if code == 1:
        assert_one_line_error(err)
    if command == "index" and code == 0 and name.startswith("faiss"):
        code, err, out = ask(capsys)  # repaired from the stored vectors
        assert code == 0 and "Shoigu" in out, err


@pytest.mark.parametrize("name", ["sqlite truncated", "sqlite garbage", "sqlite FTS page", "manifest garbage"])
def test_rebuild_recovers_from_an_unreadable_generation(index, capsys, name) -> None:
    file, damage, *_ = DAMAGE[name]
    damage(index / file)
    code, err, _ = rag(capsys, "index", "--rebuild")
    assert code == 0, err
    code, err, out = ask(capsys)
    assert code == 0 and "Shoigu" in out, err
    code, err, out = rag(capsys, "status", "--json")
    assert code == 0 and '"articles": 5' in out, err


def test_a_damaged_page_found_mid_question_is_one_line_from_the_real_cli(index) -> None:
    page_of("chunks_fts_data")(index / "store-1.sqlite")
    proc = run_rag("ask", "--llm", "extractive", QUESTION)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"error: {index / 'store-1.sqlite'} is damaged (vtable constructor failed: chunks_fts); "
        "run `rag index --rebuild`"]
