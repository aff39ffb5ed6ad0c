"""The language-model backends for real: llama.cpp in process, and an OpenAI-compatible
server (llama_cpp.server serving the same GGUF) started on 127.0.0.1 by the test."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest

from rag.cite import Answer
from rag.errors import RagError
from rag.generate import default_gguf
from rag.pipeline import Pipeline
from rag.settings import Settings
from rag.sync import Indexer

from .conftest import free_port

SHOIGU = "002_db38f92249411e75.txt"
QUESTION = "What did Russian Defense Minister Sergei Shoigu accuse the United States of?"
UNANSWERABLE = "Who won the 2016 US presidential election?"


@pytest.fixture(scope="module")
def llama_server() -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(default_gguf()), "--model_alias", "smollm2",
         "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192", "--n_threads", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{base}/models", timeout=2) as reply:
                if reply.status == 200:
                    break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("llama_cpp.server did not start") from None
            time.sleep(0.3)
    yield base
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture
def indexed(settings: Settings, embedder) -> Settings:
    Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    return settings


def streamed(pipeline: Pipeline, question: str) -> tuple[list[str], Answer]:
    events = list(pipeline.stream(question))
    return [e for e in events if isinstance(e, str)], events[-1]


def assert_cited_into(answer: Answer, article_id: str) -> None:
    assert not answer.refused, answer.text
    supported = [c for c in answer.citations if c.supported]
    assert supported, answer
    assert any(c.article_id == article_id for c in supported)
    for c in supported:
        assert c.quote == answer.passages[c.n - 1].text[c.start - answer.passages[c.n - 1].start:
                                                         c.end - answer.passages[c.n - 1].start]


def test_local_backend_streams_a_checked_answer(indexed: Settings, embedder) -> None:
    pipeline = Pipeline(indexed.model_copy(update={"llm": "local"}), embedder)
    pieces, answer = streamed(pipeline, QUESTION)
    assert len(pieces) > 3  # token by token, not one blob
    assert_cited_into(answer, SHOIGU)
    assert answer.timings.first_token_ms > 0
    # The model is loaded once per pipeline.
    model = pipeline.generator("local").model
    pipeline.ask(QUESTION)
    assert pipeline.generator("local").model is model


def test_openai_backend_against_a_real_server(indexed: Settings, embedder, llama_server: str) -> None:
    settings = indexed.model_copy(update={"llm": "auto", "llm_base_url": llama_server, "llm_model": "smollm2"})
    pipeline = Pipeline(settings, embedder)
    assert pipeline.backend() == "openai"
    pieces, answer = streamed(pipeline, QUESTION)
    assert len(pieces) > 3
    assert_cited_into(answer, SHOIGU)


@pytest.mark.parametrize("llm", ["extractive", "local", "openai"])
def test_unanswerable_is_refused_in_every_mode(indexed: Settings, embedder, llama_server: str, llm: str) -> None:
    settings = indexed.model_copy(update={"llm": llm, "llm_base_url": llama_server, "llm_model": "smollm2"})
    answer = Pipeline(settings, embedder).ask(UNANSWERABLE)
    assert answer.refused and answer.citations == ()


def test_unreachable_endpoint_falls_back_to_extractive(indexed: Settings, embedder) -> None:
    settings = indexed.model_copy(update={
        "llm": "openai", "llm_base_url": f"http://127.0.0.1:{free_port()}/v1", "llm_timeout": 5})
    answer = Pipeline(settings, embedder).ask(QUESTION)
    assert "failed" in answer.notice and "extractive" in answer.notice
    assert_cited_into(answer, SHOIGU)


def test_missing_gguf_is_a_clear_error(indexed: Settings, embedder, tmp_path) -> None:
    settings = indexed.model_copy(update={"llm": "local", "llm_model": str(tmp_path / "nope.gguf")})
    with pytest.raises(RagError, match="local model not found"):
        Pipeline(settings, embedder).ask(QUESTION)
