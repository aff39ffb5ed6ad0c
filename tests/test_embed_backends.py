"""The ONNX embedding backends: exported once into the model cache, close to torch, kept
apart from torch in the index identity, and answering through the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from rag.embed import SentenceTransformerEmbedder, _cached
from rag.errors import RagError
from rag.pipeline import Pipeline
from rag.settings import Settings
from rag.sync import Indexer

from .conftest import run_rag, seed_paragraphs

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def int8_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """These tests' own cache, to see the export happen (the suite's `embedder` uses `model_cache`)."""
    return tmp_path_factory.mktemp("int8-cache")


@pytest.fixture(scope="session")
def int8(int8_cache: Path) -> SentenceTransformerEmbedder:
    """The onnx-int8 embedder, exported once per session into its own cache, offline."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HF_HUB_OFFLINE", "1")
        model = SentenceTransformerEmbedder(progress=False, backend="onnx-int8", cache_dir=int8_cache)
        model.embed(["load now"])
    return model


@pytest.fixture(scope="session")
def exact() -> SentenceTransformerEmbedder:
    """torch fp32, the reference the ONNX backends are measured against."""
    return SentenceTransformerEmbedder(progress=False, backend="torch")


def model_files(cache: Path) -> dict[str, int]:
    return {p.relative_to(cache).as_posix(): p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}


def test_export_lands_in_the_cache_and_is_reused(int8, int8_cache: Path) -> None:
    assert int8.model_id.endswith("+onnx-int8") and int8.onnx_path.is_relative_to(int8_cache)
    assert [p.name for p in int8.exported] == ["fp32-opset17-r1", "int8-avx512_vnni-opset17-r1"]
    before = model_files(int8_cache)
    assert sorted(Path(f).name for f in before) == ["model.onnx", "model.onnx", "recipe.json", "recipe.json"]
    recipe = json.loads((int8.onnx_path.parent / "recipe.json").read_text())
    assert recipe["quantization"]["name"] == "avx512_vnni"
    assert not [p for p in int8_cache.rglob(".*")]  # no temporary export left behind

    again = SentenceTransformerEmbedder(progress=False, backend="onnx-int8", cache_dir=int8_cache)
    fp32 = SentenceTransformerEmbedder(progress=False, backend="onnx", cache_dir=int8_cache)
    texts = ["Lavrov spoke about the coalition."]
    assert np.allclose(again.embed(texts), int8.embed(texts), atol=1e-6)
    fp32.embed(texts)
    assert again.exported == [] and fp32.exported == []
    assert model_files(int8_cache) == before
    assert len({int8.model_id, fp32.model_id, SentenceTransformerEmbedder(backend="torch").model_id}) == 3


def test_a_failed_export_leaves_nothing_behind(tmp_path: Path) -> None:
    def half_then_killed(out: Path) -> None:
        (out / "model.onnx").write_bytes(b"half a model")
        raise KeyboardInterrupt  # as a kill mid-export would stop it

    target = tmp_path / "cache" / "fp32"
    with pytest.raises(KeyboardInterrupt):
        _cached(target, half_then_killed, [])
    assert not target.exists() and list(target.parent.iterdir()) == []
    made: list[Path] = []
    assert _cached(target, lambda out: (out / "model.onnx").write_bytes(b"whole"), made) == target
    assert (target / "model.onnx").read_bytes() == b"whole" and made == [target]


def test_int8_vectors_are_unit_length_and_close_to_torch(int8, exact) -> None:
    texts = seed_paragraphs()[:40]
    quantised, reference = int8.embed(texts), exact.embed(texts)
    assert quantised.dtype == np.float32 and quantised.shape == reference.shape
    assert np.allclose(np.linalg.norm(quantised, axis=1), 1.0, atol=1e-5)
    cosines = (quantised * reference).sum(axis=1)
    # Measured on these paragraphs: mean 0.993, min 0.986.
    assert cosines.mean() > 0.98 and cosines.min() > 0.97


def test_sentence_vectors_pool_in_one_pass_per_batch(int8, exact, monkeypatch) -> None:
    texts = seed_paragraphs()[:10]
    spans = [[(0, len(t) // 2), (len(t) // 2 + 1, len(t))] for t in texts]
    passes, runs = [], []
    forward = int8._native_forward
    monkeypatch.setattr(int8, "_native_forward",
                        lambda batch, offsets, last: passes.append(last) or forward(batch, offsets, last))
    monkeypatch.setattr(int8, "batch_size", 4)
    monkeypatch.setitem(int8.__dict__, "session", _RecordingSession(int8.session, runs))
    vectors, pooled = int8.embed_spans(texts, spans)
    assert passes == [False, False, True]  # 10 texts in batches of 4
    # ONNX Runtime's arena gives back what the batches grew only after the last one (a
    # long-running server kept every region it ever grew: README, Under load).
    assert [options is not None and options.get_run_config_entry("memory.enable_memory_arena_shrinkage") == "cpu:0"
            for options in runs] == [False, False, True]
    assert np.allclose(vectors, int8.embed(texts), atol=1e-5)
    _, reference = exact.embed_spans(texts, spans)
    for mine, theirs in zip(pooled, reference, strict=True):
        assert mine.shape == (2, 384)
        assert np.allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-5)
        assert ((mine * theirs).sum(axis=1) > 0.97).all()  # measured: mean 0.992, min 0.988


class _RecordingSession:
    """An ONNX Runtime session that records the run options of every run."""

    def __init__(self, session, runs: list):
        self.session, self.runs = session, runs

    def get_inputs(self):
        return self.session.get_inputs()

    def run(self, outputs, feed, options=None):
        self.runs.append(options)
        return self.session.run(outputs, feed, options)


def test_onnx_without_sentence_transformers_gives_its_vectors(int8, monkeypatch) -> None:
    """The folder read natively (fast tokenizer, numpy pooling) and sentence-transformers' own
    tokenizer and modules around the same ONNX session agree: an index stays valid."""
    texts = [*seed_paragraphs()[:12], " ".join(seed_paragraphs()[:8]), "é ü ß 中文", "a"]  # one past 256 tokens
    spans = [[(0, 5), (3, 40)]] * len(texts)
    assert int8.native is not None and int8.native.pooling == "mean" and int8.native.normalize
    native, native_pooled = int8.embed(texts), int8.embed_spans(texts, spans)[1]
    counts = [int8.count_tokens(t) for t in texts]
    monkeypatch.setitem(int8.__dict__, "native", None)
    assert np.abs(native - int8.embed(texts)).max() < 1e-6
    for mine, theirs in zip(native_pooled, int8.embed_spans(texts, spans)[1], strict=True):
        assert np.abs(mine - theirs).max() < 1e-6
    assert counts == [int8.count_tokens(t) for t in texts] and max(counts) > 256


def test_token_counts_summed_over_words_are_the_tokenizers_own(int8) -> None:
    """Counts come from a cache of word counts; at whitespace BERT's tokenizer cuts, but a
    control character Python would split at is deleted, joining the words around it."""
    from tokenizers import Tokenizer

    plain = Tokenizer.from_file(str(int8.path / "tokenizer.json"))
    plain.no_truncation()
    plain.no_padding()
    texts = [*seed_paragraphs()[:20], "a\x0bb c", "a\x1cb", "a\x85b", "x\u200by", "a\xa0b\u2028c\u3000d",
             "café naïve", "東京タワー は", "  lead  and trail \n", "", "\u0301", "z" * 150,
             "don't--stop!! (U.S.)", "unaffordable unaffordable unaffordable"]
    for _ in range(2):  # the second time every word is known
        assert [int8.count_tokens(t) for t in texts] == \
            [len(plain.encode(t, add_special_tokens=False).ids) for t in texts]


def test_an_index_built_with_torch_is_refused_by_int8(settings: Settings, exact, int8,
                                                      int8_cache: Path) -> None:
    Indexer(settings, exact, progress=False, on_message=lambda m: None).sync()
    with pytest.raises(RagError, match=r"\+onnx-int8.*rag index --rebuild"):
        Indexer(settings, int8, progress=False, on_message=lambda m: None).sync()
    # The same through the CLI, in a second process that reuses the cached export.
    before = model_files(int8_cache)
    env = {"RAG_EMBED_BACKEND": "onnx-int8", "RAG_MODEL_CACHE": str(int8_cache),
           "RAG_CORPUS": str(settings.corpus), "RAG_INDEX": str(settings.index)}
    proc = run_rag("index", env=env)
    assert proc.returncode != 0 and "rag index --rebuild" in proc.stderr
    assert model_files(int8_cache) == before
    # Asking is refused too: questions embedded by int8 would be matched against torch vectors.
    with pytest.raises(RagError, match=r"embedded with .*\+onnx-int8; run `rag index --rebuild`"):
        Pipeline(settings, int8).reader  # noqa: B018
    proc = run_rag("ask", "What did Ryabkov say?", "--llm", "extractive", env=env)
    assert proc.returncode == 1 and "run `rag index --rebuild`" in proc.stderr.splitlines()[-1]


def test_a_seed_question_gets_a_cited_answer_with_int8(settings: Settings, int8, int8_cache: Path) -> None:
    settings = settings.model_copy(update={"embed_backend": "onnx-int8", "model_cache": int8_cache,
                                           "llm": "extractive"})
    report = Indexer(settings, progress=False, on_message=lambda m: None).sync()
    assert report.chunks_embedded > 0
    case = json.loads((DATA / "seed_questions.jsonl").read_text().splitlines()[0])
    pipeline = Pipeline(settings)
    answer = pipeline.ask(case["question"])
    assert pipeline.embedder.model_id == int8.model_id and pipeline.embedder.exported == []
    assert not answer.refused and "Ryabkov" in answer.text and "[1]" in answer.text
    assert answer.citations and all(c.supported for c in answer.citations)
    assert {c.article_id for c in answer.citations} <= set(case["gold_ids"])


def test_answers_and_a_sync_share_the_embedder_safely(embedder) -> None:
    """The chat embeds questions in several threads while a sync counts tokens (to chunk)
    and embeds chunks in another. Every count and vector must be what a lone thread gets.
    A shared fast tokenizer keeps truncation and padding as state that each call sets:
    counts taken while questions were embedded came out truncated to 256 tokens (older
    tokenizers raised "Already borrowed" instead). A stress test: it failed 8 runs in 8
    before the fix, not by construction."""
    import threading

    from rag.text import sentence_spans

    paragraphs = seed_paragraphs()
    articles = [" ".join(paragraphs[i:i + 8]) for i in range(0, len(paragraphs), 8)]
    counts = [embedder.count_tokens(a) for a in articles]
    assert sum(n > embedder.max_tokens for n in counts) >= len(articles) // 2  # truncation would show
    chunks = paragraphs[:4]
    spans = [sentence_spans(c) for c in chunks]
    chunk_vectors, pooled = embedder.embed_spans(chunks, spans)
    questions = [f"What did Lavrov say about the talks in round {i}?" for i in range(6)]
    # One at a time, as the chat embeds them (int8 activations are scaled per batch).
    answers = [embedder.embed([q])[0] for q in questions]

    wrong: list[str] = []
    syncing = threading.Event()
    syncing.set()

    def ask(worker: int) -> None:
        try:
            for i in range(400):
                if not syncing.is_set():
                    break
                q = (worker + i) % len(questions)
                if not np.allclose(embedder.embed([questions[q]])[0], answers[q], atol=1e-5):
                    wrong.append(f"question {q}: another vector")
        except Exception as exc:  # noqa: BLE001 - any failure in a thread is the finding
            wrong.append(f"question: {exc!r}")

    def sync() -> None:
        try:
            for _ in range(15):
                got = [embedder.count_tokens(a) for a in articles]
                wrong.extend(f"count {n} for {m} tokens" for n, m in zip(got, counts, strict=True) if n != m)
                vectors, again = embedder.embed_spans(chunks, spans)
                if not (np.allclose(vectors, chunk_vectors, atol=1e-5)
                        and all(np.allclose(a, b, atol=1e-5) for a, b in zip(again, pooled, strict=True))):
                    wrong.append("chunk: other vectors")
        except Exception as exc:  # noqa: BLE001
            wrong.append(f"sync: {exc!r}")
        finally:
            syncing.clear()

    threads = [threading.Thread(target=ask, args=(w,)) for w in range(3)] + [threading.Thread(target=sync)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == [], wrong[:5]
