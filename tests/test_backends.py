"""The language-model backends for real: llama.cpp in process, and an OpenAI-compatible
server (llama_cpp.server serving the same GGUF) started on 127.0.0.1 by the test."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pydantic import SecretStr

from rag.errors import RagError
from rag.generate import default_gguf, redact_url
from rag.pipeline import Pipeline
from rag.settings import Settings
from rag.sync import Indexer
from rag.types import Answer

from .conftest import free_port, run_rag

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


SECRET = "sk-test-SENTINEL-7f3a9c"


@pytest.mark.parametrize("mode, reason", [
    ("refused", "could not connect to the endpoint at http://127.0.0.1:"),
    ("garbage", "did not send a chat completion"),
    ("empty", "the openai model sent an empty reply"),
    ("hang", "timed out"),
    ("unauthorized", "refused the API key (HTTP 401)"),
])
def test_a_failing_endpoint_gives_an_extractive_answer_that_says_why(
        indexed: Settings, embedder, bad_endpoint, mode: str, reason: str) -> None:
    bad_endpoint.mode = mode
    url = f"http://127.0.0.1:{free_port()}/v1" if mode == "refused" else bad_endpoint.url
    settings = indexed.model_copy(update={
        "llm": "openai", "llm_base_url": url, "llm_timeout": 1, "llm_api_key": SecretStr(SECRET)})
    pipeline = Pipeline(settings, embedder)
    answer = pipeline.ask(QUESTION)
    assert reason in answer.notice and "this answer is extractive" in answer.notice
    assert_cited_into(answer, SHOIGU)
    assert SECRET not in json.dumps(answer.as_json())
    # The chat stays quick: the next questions don't wait on the endpoint again for a while.
    seen = bad_endpoint.requests
    again = pipeline.ask("What did Lavrov say about the coalition?")
    assert reason in again.notice and not again.refused
    assert bad_endpoint.requests == seen


def test_the_cli_reports_a_failing_endpoint_in_one_line_without_the_key(bad_endpoint, corpus) -> None:
    bad_endpoint.mode = "unauthorized"
    proc = run_rag("ask", QUESTION, "--llm", "openai",
                   env={"RAG_LLM_BASE_URL": bad_endpoint.url, "RAG_LLM_API_KEY": SECRET})
    assert proc.returncode == 1, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert lines[-1] == f"error: the openai model failed: the endpoint at {bad_endpoint.url} refused the API key (HTTP 401)"
    assert bad_endpoint.requests >= 1  # the key really went to the endpoint, and was echoed back
    assert SECRET not in proc.stderr + proc.stdout


def test_credentials_in_an_endpoint_url_are_not_repeated() -> None:
    assert redact_url("https://bob:pa55@llm.example:8443/v1?key=sk-1#x") == "https://llm.example:8443/v1"


def test_missing_gguf_is_a_clear_error_in_the_cli_and_a_notice_in_the_chat(indexed: Settings, embedder, tmp_path) -> None:
    settings = indexed.model_copy(update={"llm": "local", "llm_model": str(tmp_path / "nope.gguf")})
    with pytest.raises(RagError, match="local model not found"):
        Pipeline(settings, embedder, fallback=False).ask(QUESTION)
    answer = Pipeline(settings, embedder).ask(QUESTION)
    assert "local model not found" in answer.notice and "this answer is extractive" in answer.notice
    assert_cited_into(answer, SHOIGU)


def test_the_local_model_is_loaded_once_across_questions_and_index_updates(
        settings: Settings, embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    # Loading the GGUF takes seconds and its memory: the app must keep one llama.cpp model for
    # every question, follow-up rewrite and index update. Count the real constructions.
    import llama_cpp

    from rag.service import ChatService

    made: list[str] = []

    class CountedLlama(llama_cpp.Llama):
        def __init__(self, *args, **kwargs) -> None:
            made.append(kwargs.get("model_path", ""))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(llama_cpp, "Llama", CountedLlama)
    service = ChatService(settings.model_copy(update={"llm": "local"}), embedder)
    service.sync()
    first = service.ask(QUESTION)
    service.ask("What did Lavrov say about the coalition?")
    service.ask("What did he say about Aleppo?", [{"role": "user", "content": QUESTION},
                                                   {"role": "assistant", "content": first.text}])
    (settings.corpus / "extra.txt").write_text(
        "Kirkenes harbour report\n\nHarbour master Ingrid Solheim said the icebreaker Polar Lynx "
        "made 4,217 crossings of the Varanger fjord during the winter season.\n")
    assert service.sync().added == 1  # refreshes the pipeline, as every upload does
    after = service.ask("How many crossings of the Varanger fjord did the Polar Lynx make?")
    service.pipeline.refresh()
    service.ask(QUESTION)
    # One model, the packaged one with its weights as f16 (RAG_LLM_WEIGHTS=auto), made once.
    assert len(made) == 1 and Path(made[0]).name.startswith(default_gguf().stem + ".f16.")
    # The model really answered (a failure would have fallen back to extractive answers).
    assert "this answer is extractive" not in first.notice + after.notice
    assert_cited_into(first, SHOIGU)
    assert any(c.article_id == "extra.txt" for c in after.citations if c.supported)


class CountingModel:
    """The real chat model, counting the pieces it writes."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.written = 0

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def stream(self, messages):
        with closing(self.inner.stream(messages)) as chunks:
            for chunk in chunks:
                self.written += 1
                yield chunk


@pytest.mark.parametrize("abandon", ["close", "drop"])
def test_an_abandoned_local_answer_frees_the_model_for_the_next_question(
        indexed: Settings, embedder, abandon: str) -> None:
    """A browser that goes away stops reading the answer: closed (`close`), or simply never
    iterated again while something still holds it (`drop`). The model must be free for the
    next question long before the abandoned answer would have been finished. Holding the
    lock across `yield` kept it locked for as long as the answer was held."""
    pipeline = Pipeline(indexed.model_copy(update={"llm": "local", "llm_max_tokens": 400}), embedder)
    generator = pipeline.generator("local")
    model = CountingModel(generator.model)
    generator.__dict__["model"] = model
    generator.buffer = 2
    generator.stall_timeout = 1.0  # how long to wait for a reader that takes nothing
    streamed(pipeline, QUESTION)
    whole = model.written

    model.written = 0
    answer = pipeline.stream(QUESTION)
    assert isinstance(next(answer), str)
    at_abandon = model.written
    assert whole - at_abandon > generator.buffer + 5  # enough left to see it cut short
    held = []
    if abandon == "close":
        answer.close()
    else:
        held.append(answer)  # as a server may keep the iterator of a gone client
    del answer
    # Every slot free: the abandoned answer holds none of them.
    for held_slots in range(generator.concurrency):
        assert generator._lock.acquire(timeout=120), "the abandoned answer still holds the model"
    for _ in range(generator.concurrency):
        generator._lock.release()
    # Stopped: at most the pieces it could write ahead and the one in hand when it stopped.
    assert model.written - at_abandon <= generator.buffer + 1
    pieces, answer = streamed(pipeline, QUESTION)
    assert len(pieces) > 3 and "this answer is extractive" not in answer.notice


def test_local_weights_are_converted_once_into_the_cache_and_a_named_model_is_left_as_is(tmp_path) -> None:
    from rag.generate import local_chat_model
    from rag.llamacpp import converted

    first = converted(default_gguf(), "q8_0", tmp_path)
    made = first.stat().st_mtime_ns
    assert converted(default_gguf(), "q8_0", tmp_path) == first and first.stat().st_mtime_ns == made
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no temporary file left
    # Same weights, another encoding: the file is larger than the packaged q4_1 one.
    assert first.stat().st_size > 1.3 * default_gguf().stat().st_size
    named = local_chat_model(str(default_gguf()), max_tokens=8, n_ctx=512, threads=1, weights="auto",
                             cache=tmp_path)
    assert named.model_path == str(default_gguf())
    packaged = local_chat_model("", max_tokens=8, n_ctx=512, threads=1, weights="auto", cache=tmp_path)
    assert Path(packaged.model_path).parent == first.parent and ".f16." in packaged.model_path
    assert str(packaged.invoke("Say hello.").content).strip()


def test_local_answers_written_at_once_are_the_answers_written_alone(corpus) -> None:
    """Four questions at once through three slots (one waits for a slot) give each the text
    it gets alone, token for token, and the text llama-cpp-python's own chat completion
    gives on a context of its own: greedy decoding, each slot its own KV stream, and a
    prompt prefix copied from another slot's cache rather than evaluated again."""
    import llama_cpp
    from langchain_core.messages import HumanMessage, SystemMessage

    from rag.generate import SYSTEM_PROMPT, local_chat_model
    from rag.llamacpp import _ROLES

    texts = [f.read_text().splitlines() for f in sorted(corpus.glob("*.txt"))]
    prompts = [[SystemMessage(SYSTEM_PROMPT),
                HumanMessage(f"<passages>\n[1] {paragraphs[1][:600]}\n</passages>\n\nQuestion: {question}")]
               for paragraphs, question in zip(texts, ["Who is quoted?", "What happened?",
                                                       "Who said what about Syria?", "What did the minister say?"])]
    model = local_chat_model("", max_tokens=24, n_ctx=2048, threads=2, slots=3)
    alone = [str(model.invoke(p).content) for p in prompts]
    assert all(alone) and len(set(alone)) == len(alone)

    together: list[str | None] = [None] * len(prompts)
    start = threading.Barrier(len(prompts))

    def ask(i: int) -> None:
        start.wait()
        together[i] = "".join(str(c.content) for c in model.stream(prompts[i]))

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(len(prompts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert together == alone
    at_once = list(model.engine.finished)[-len(prompts):]
    assert {j["slot"] for j in at_once} == {0, 1, 2}  # really written side by side
    assert any(j["evaluated"] < j["prompt_tokens"] - 100 for j in at_once[1:])  # the system prompt reused

    reference = llama_cpp.Llama(model_path=str(default_gguf()), n_ctx=2048, n_threads=2, verbose=False)
    for p, text in zip(prompts, alone):
        reply = reference.create_chat_completion(
            messages=[{"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in p],
            max_tokens=24, temperature=0.0)
        assert reply["choices"][0]["message"]["content"] == text


def test_the_local_model_decodes_with_one_thread_while_the_machine_is_busy() -> None:
    from rag.llamacpp import threads_for_load

    assert threads_for_load(0.5, cores=2, threads=2, now=2) == 2
    assert threads_for_load(5.7, cores=2, threads=2, now=2) == 1  # 16 extractive users beside
    # Between cores and cores + 1 the choice stays, so that the thread it adds or takes off
    # the load does not flip it back.
    assert threads_for_load(2.5, cores=2, threads=2, now=1) == 1
    assert threads_for_load(2.5, cores=2, threads=2, now=2) == 2
    assert threads_for_load(1.5, cores=2, threads=2, now=1) == 2
