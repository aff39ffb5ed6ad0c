"""Hermetic tests: every run gets its own HOME, caches, corpus and index under tmp_path."""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from rag.embed import SentenceTransformerEmbedder
from rag.settings import Settings
from rag.index import IndexReader, VectorConfig
from rag.ingest import CorpusReader
from rag.types import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_cache: Path) -> Path:
    for key in list(os.environ):
        if key.startswith("RAG_"):
            monkeypatch.delenv(key)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("HF_HOME", str(home / ".cache" / "huggingface"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("RAG_INDEX", str(tmp_path / "index"))
    monkeypatch.setenv("RAG_CORPUS", str(tmp_path / "corpus"))
    # The session's ONNX export, shared by every test and CLI subprocess (made once).
    monkeypatch.setenv("RAG_MODEL_CACHE", str(model_cache))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's own RAG_MODEL_CACHE: the ONNX export is made once, never in the real HOME."""
    return tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="session")
def embedder(model_cache: Path) -> SentenceTransformerEmbedder:
    """The real packaged MiniLM on the default backend, loaded once for the whole session."""
    model = SentenceTransformerEmbedder(progress=False, cache_dir=model_cache)
    model.embed(["load now"])  # not inside the first timed or property test
    return model


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the five seed articles."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def settings(tmp_path: Path, corpus: Path) -> Settings:
    return Settings(corpus=corpus, index=tmp_path / "index")


def seed_paragraphs() -> list[str]:
    """The seed articles' longer paragraphs, to build many distinct articles from."""
    return [p for f in sorted(SEEDS.iterdir()) for p in f.read_text().split("\n") if len(p) > 80]


def make_articles(folder: Path, n: int, seed: int = 7) -> None:
    """n distinct articles of six seed paragraphs each, enough for several commits."""
    paragraphs = seed_paragraphs()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = "\n\n".join(rng.sample(paragraphs, 6))
        (folder / f"a{i:03d}.txt").write_text(f"Report {i} on Syria\n\n{body}\n")


def read_articles(source: Path, ids: set[str] | None = None) -> dict[str, Article]:
    """The articles of a corpus folder or .jsonl file as rag reads them (only `ids` if given)."""
    reader = CorpusReader(source, 64 * 2**20)
    stamps, _ = reader.stamps()
    return {a.id: a for s in stamps for a in reader.read(s).articles if ids is None or a.id in ids}


def folded(text: str) -> str:
    """Text compared without case, compatibility forms or curly apostrophes."""
    return unicodedata.normalize("NFKC", text).lower().replace("’", "'")


def free_port() -> int:
    """A port nothing listens on right now, for a server the test starts on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_rag(*args: str, env: dict[str, str] | None = None, timeout: float = 180,
            check: bool = False) -> subprocess.CompletedProcess:
    """The real CLI in a subprocess, with the test's environment."""
    proc = subprocess.run([sys.executable, "-m", "rag.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"rag {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


def assert_consistent(index: Path, config: VectorConfig = VectorConfig()) -> IndexReader:
    """The index loads, FAISS (and the lexical mirror, when it answers) and SQLite agree, and
    every article has all its chunks."""
    reader = IndexReader(index, config)
    stored = {r[0] for r in reader.conn.execute("SELECT id FROM chunks")}
    listed = reader.vectors.ids().tolist()
    if len(reader.vectors) != reader.count_chunks() or len(listed) != len(stored) or set(listed) != stored:
        # What the next person needs to find a cause: the ids on either side, and what the
        # store recorded about the FAISS file and the removals since (this showed duplicate
        # ids, from metadata keys committed one by one: see `schema.set_meta`).
        meta = {k: v for k, v in reader.conn.execute("SELECT key, value FROM meta")
                if k.startswith(("vectors", "chunks", "removed"))}
        try:
            log = reader.conn.execute("SELECT id, version FROM removed_chunks ORDER BY id DESC LIMIT 20").fetchall()
        except sqlite3.OperationalError:
            log = "none (a store before schema 4)"
        raise AssertionError(
            f"FAISS {len(reader.vectors)} vectors, {len(listed)} ids ({len(set(listed))} distinct), SQLite "
            f"{len(stored)} chunks; FAISS only: {sorted(set(listed) - stored)[:20]}; SQLite only: "
            f"{sorted(stored - set(listed))[:20]}; {type(reader.vectors).__name__} max_id "
            f"{getattr(reader.vectors, 'max_id', None)}, removed {list(getattr(reader.vectors, 'removed', []))[:20]}; "
            f"meta {meta}; removal log {log}")
    if reader.words is not None:  # the lexical mirror holds exactly the same chunks, once each
        assert reader.words.ids().tolist() == [r[0] for r in reader.conn.execute("SELECT id FROM chunks ORDER BY id")]
    rows = reader.conn.execute("SELECT article_id, group_concat(ord) FROM chunks GROUP BY article_id")
    for article_id, ords in rows:
        numbers = sorted(int(n) for n in ords.split(","))
        assert numbers == list(range(len(numbers))), article_id
    articles_with_chunks = {r[0] for r in reader.conn.execute("SELECT DISTINCT article_id FROM chunks")}
    assert articles_with_chunks == {r[0] for r in reader.conn.execute("SELECT id FROM articles")}
    # Every chunk has its sentences, and no sentence outlives its chunk.
    assert reader.conn.execute(
        "SELECT count(*) FROM chunks WHERE id NOT IN (SELECT chunk_id FROM sentences)").fetchone()[0] == 0
    assert reader.conn.execute(
        "SELECT count(*) FROM sentences WHERE chunk_id NOT IN (SELECT id FROM chunks)").fetchone()[0] == 0
    return reader


# Attribution answers (`rag ask --json` / the `ask` API), checked per question kind.


def surname(speaker: str | None) -> str:
    """The last word of a speaker's name: articles spell one man "Sergei" and "Sergey" Ryabkov."""
    return speaker.split()[-1] if speaker else ""


def check_who(out: dict, speaker: str, outlet: str) -> None:
    """A "who said" answer names the speaker, and a supported citation carries him and the outlet."""
    assert not out["refused"], out["notice"]
    assert speaker in out["answer"]
    assert any(surname(c["speaker"]) == speaker and c["outlet"] == outlet
               for c in out["citations"] if c["supported"]), out["citations"]


def check_what_did_x_say(out: dict, speaker: str, content: tuple[str, ...]) -> None:
    """A "what did X say about Y" answer gives X's words on Y and nobody else's."""
    assert not out["refused"], out["notice"]
    said = [c for c in out["citations"] if c["supported"]]
    assert said and all(surname(c["speaker"]) == speaker for c in said), said
    assert any(words in out["answer"] for words in content)


def check_which_outlet(out: dict, outlet: str) -> None:
    """A "which outlet" answer names the outlet, and the citation's `outlet` is that outlet."""
    assert not out["refused"], out["notice"]
    assert outlet in out["answer"]
    assert any(c["outlet"] == outlet for c in out["citations"] if c["supported"]), out["citations"]


def check_near_miss(out: dict, speaker: str) -> None:
    """X is in the articles but not on Y: nothing is given as X's words (refused, or others' only)."""
    said = [c for c in out["citations"] if c["supported"]]
    assert not any(surname(c["speaker"]) == speaker for c in said), said
    assert out["refused"] or speaker not in out["answer"]


class CountingEmbedder:
    """Wraps the real embedder and counts the texts it was asked to embed."""

    def __init__(self, inner):
        self.inner = inner
        self.calls: list[int] = []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def embed(self, texts):
        self.calls.append(len(texts))
        return self.inner.embed(texts)

    def embed_spans(self, texts, spans):
        self.calls.append(len(texts))
        return self.inner.embed_spans(texts, spans)

    @property
    def embedded(self) -> int:
        return sum(self.calls)


class LoopbackServer:
    """An HTTP server on 127.0.0.1 (a free port) answering with `handler` in a daemon thread."""

    def __init__(self, handler) -> None:
        import threading
        from http.server import ThreadingHTTPServer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class BadEndpoint:
    """An OpenAI-compatible endpoint on 127.0.0.1 that misbehaves the way `mode` says:
    `garbage` (an HTML page), `empty` (a stream with no text), `hang` (never replies in time),
    `unauthorized` (a 401 that echoes the request's Authorization header back); or, in mode
    `reply`, behaves: a valid chat completion (streamed when asked) whose text is `reply`."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler

        endpoint = self
        self.mode = "garbage"
        self.reply = ""
        self.requests = 0

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                endpoint.requests += 1
                request = self.rfile.read(int(self.headers.get("content-length", 0)))
                status, kind, body = 200, "text/html", b"<html><h1>502 Bad Gateway</h1></html>"
                if endpoint.mode == "reply":
                    kind, body = endpoint.completion(json.loads(request or b"{}").get("stream", False))
                elif endpoint.mode == "hang":
                    threading.Event().wait(30)
                elif endpoint.mode == "empty":
                    kind, body = "text/event-stream", b'data: {"nonsense": 1}\n\ndata: [DONE]\n\n'
                elif endpoint.mode == "unauthorized":
                    status, kind = 401, "application/json"
                    echoed = self.headers.get("Authorization", "")
                    body = ('{"error": {"message": "Incorrect API key provided: %s", "code": 401}}'
                            % echoed).encode()
                try:
                    self.send_response(status)
                    self.send_header("content-type", kind)
                    self.send_header("content-length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up waiting

            def log_message(self, *args) -> None:
                pass

        self.server = LoopbackServer(Handler)
        self.url = f"{self.server.url}/v1"

    def completion(self, stream: bool) -> tuple[str, bytes]:
        """`reply` as an OpenAI chat completion: one JSON object, or a stream of chunks."""
        head = {"id": "chatcmpl-test", "created": 0, "model": "test"}
        if not stream:
            return "application/json", json.dumps({**head, "object": "chat.completion", "choices": [
                {"index": 0, "message": {"role": "assistant", "content": self.reply},
                 "finish_reason": "stop"}]}).encode()
        words = self.reply.split(" ")
        pieces = [w + " " for w in words[:-1]] + words[-1:]
        chunks = [{"index": 0, "delta": {"role": "assistant", "content": piece}, "finish_reason": None}
                  for piece in pieces] + [{"index": 0, "delta": {}, "finish_reason": "stop"}]
        lines = [f"data: {json.dumps({**head, 'object': 'chat.completion.chunk', 'choices': [c]})}\n\n"
                 for c in chunks]
        return "text/event-stream", ("".join(lines) + "data: [DONE]\n\n").encode()

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def bad_endpoint():
    endpoint = BadEndpoint()
    yield endpoint
    endpoint.close()
