"""Question in, checked answer out: retrieve, generate, verify, or refuse."""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from collections.abc import Iterator, Sequence
from functools import cached_property

from . import answerable
from .cite import Answer, Citation, Sentence, SupportScorer, Timings, render, verify
from .embed import Embedder, SentenceTransformerEmbedder
from .errors import RagError, StoreError
from .generate import (
    REFUSAL,
    ChatGenerator,
    ExtractiveGenerator,
    Generator,
    best_sentences,
    failure_reason,
    is_model_refusal,
    local_chat_model,
    openai_chat_model,
)
from .retrieve import Passage, Retriever, follow_up_query
from .settings import Settings
from .store import IndexReader
from .vectors import VectorConfig

# Control characters, and the invisible bidi/zero-width marks that can make text display
# as something other than what it says.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


class Pipeline:
    """The library's front door: `Pipeline(settings).ask(question, history) -> Answer`.

    Construction is cheap; the embedding model, the index and each generator are loaded on
    first use and kept, so one Pipeline serves many questions."""

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None,
                 fallback: bool = True):
        self.settings = settings or Settings()
        self._embedder = embedder
        # With fallback a failing model backend gives an extractive answer with a notice (the
        # chat stays usable); without it the failure is a RagError (the CLI's one-line error).
        self.fallback = fallback
        self._generators: dict[str, Generator] = {}
        self._failures: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    @cached_property
    def embedder(self) -> Embedder:
        if self._embedder is not None:
            return self._embedder
        return SentenceTransformerEmbedder.from_settings(self.settings)

    @cached_property
    def reader(self) -> IndexReader:
        reader = IndexReader(self.settings.index, VectorConfig.from_settings(self.settings))
        built_with = reader.manifest.identity.embed_model
        if built_with != self.embedder.model_id:
            reader.close()
            # Questions embedded by another model (or backend) would match the wrong chunks.
            raise StoreError(f"the index was embedded with {built_with}, the settings embed questions "
                             f"with {self.embedder.model_id}; run `rag index --rebuild` or set "
                             "RAG_EMBED_MODEL / RAG_EMBED_BACKEND as the index was built")
        reader.vectors.embedder = self.embedder  # for its LangChain text methods; loads nothing
        return reader

    @cached_property
    def retriever(self) -> Retriever:
        s = self.settings
        return Retriever(self.reader, self.embedder, pool=s.pool, rrf_k=s.rrf_k,
                         dense_weight=s.dense_weight, lexical_weight=s.lexical_weight,
                         title_weight=s.title_weight, per_article=s.per_article, mmr=s.mmr)

    def refresh(self) -> None:
        """Open the index anew (after a sync). Questions in flight keep the old snapshot:
        it is not closed here but freed with the last answer that holds it (closing it
        made a concurrent answer fail with "closed database")."""
        with self._lock:
            self.__dict__.pop("reader", None)
            self.__dict__.pop("retriever", None)

    def backend(self, llm: str | None = None) -> str:
        """The concrete backend for a setting: `auto` is openai with an endpoint, else local."""
        llm = llm or self.settings.llm
        if llm == "auto":
            return "openai" if self.settings.llm_base_url else "local"
        return llm

    def generator(self, llm: str | None = None) -> Generator:
        name = self.backend(llm)
        with self._lock:
            if name not in self._generators:
                self._generators[name] = self._make_generator(name)
            return self._generators[name]

    def _make_generator(self, name: str) -> Generator:
        s = self.settings
        if name == "extractive":
            return ExtractiveGenerator()
        if name == "local":
            return ChatGenerator("local", lambda: local_chat_model(
                s.llm_model, s.llm_max_tokens, s.llm_context, s.llm_threads),
                context_sentences=s.context_sentences)
        if name == "openai":
            return ChatGenerator("openai", lambda: openai_chat_model(
                s.llm_base_url, s.llm_api_key.get_secret_value(), s.llm_model, s.llm_max_tokens,
                s.llm_timeout))
        raise RagError(f"unknown llm backend {name!r}: use auto, local, openai or extractive")

    def clean_question(self, question: str) -> tuple[str, str]:
        """Question without control characters, cut to the limit; and a notice if cut."""
        text = " ".join(_CONTROL.sub(" ", question or "").split())
        if not text:
            raise RagError("the question is empty")
        notice = ""
        if _mostly_non_latin(text):
            notice = ("The embedding model reads English: a question in another script rarely "
                      "matches the articles; try asking in English.")
        limit = self.settings.max_question_chars
        if len(text) > limit:
            return text[:limit], _join(notice, f"The question was cut to its first {limit} characters.")
        return text, notice

    def ask(self, question: str, history: Sequence[dict] = (), llm: str | None = None,
            k: int | None = None, mode: str | None = None) -> Answer:
        answer = None
        for event in self.stream(question, history, llm, k, mode):
            if isinstance(event, Answer):
                answer = event
        assert answer is not None
        return answer

    def stream(self, question: str, history: Sequence[dict] = (), llm: str | None = None,
               k: int | None = None, mode: str | None = None) -> Iterator[str | Answer]:
        """Yields pieces of the draft answer as they are written, then the checked Answer."""
        s = self.settings
        question, notice = self.clean_question(question)
        generator = self.generator(llm)
        started = time.perf_counter()
        query = question
        if history:
            query = self._standalone(generator, question, history)
        with self._lock:
            retriever = self.retriever
        qvec = self.embedder.embed([query])[0]
        passages = retriever.retrieve(query, k or s.k, mode or s.retriever, qvec)
        retrieve_ms = (time.perf_counter() - started) * 1000

        if not passages or max(p.similarity for p in passages) < s.min_similarity:
            yield self._refusal(question, passages, Timings(retrieve_ms), notice)
            return
        unknown = answerable.unknown_names(question, retriever.reader.mentions)
        if unknown:
            yield self._refusal(question, passages, Timings(retrieve_ms),
                                _join(notice, f"The indexed articles never mention {' or '.join(unknown)}."))
            return

        # Scoring passage sentences is part of answering (extractive picks by it, and every
        # backend's draft is verified against it), so it counts in generate_ms.
        gen_started = time.perf_counter()
        scorer = SupportScorer.from_index(self.embedder, passages, retriever.reader,
                                          (query, qvec) if query == question else None)
        kind = answerable.expected(question)
        if kind and not best_sentences(question, scorer, 1):
            timings = Timings(retrieve_ms, (time.perf_counter() - gen_started) * 1000)
            yield self._refusal(question, passages, timings,
                                _join(notice, f"No retrieved passage gives a {kind} for this question."))
            return
        first_token_ms = 0.0
        pieces: list[str] = []
        failure = self._recent_failure(generator.name)
        if failure is None:
            try:
                stream = iter(generator.stream(question, passages, scorer, history))
                try:
                    for piece in stream:
                        if not pieces:
                            first_token_ms = (time.perf_counter() - gen_started) * 1000
                        pieces.append(piece)
                        yield piece
                finally:
                    # Now, when our own reader closes us: the model stops writing at once.
                    getattr(stream, "close", lambda: None)()
                if generator.name != "extractive" and not "".join(pieces).strip():
                    raise RagError(f"the {generator.name} model sent an empty reply")
            except Exception as exc:
                if generator.name == "extractive":
                    raise
                failure = self._failed(generator.name, exc)
        if failure is not None:
            notice = _join(notice, f"The {generator.name} model failed ({failure}); "
                                   "this answer is extractive.")
            pieces = list(ExtractiveGenerator().stream(question, passages, scorer, history))
            first_token_ms = (time.perf_counter() - gen_started) * 1000
            yield from pieces
        draft = "".join(pieces).strip()
        timings = Timings(retrieve_ms, (time.perf_counter() - gen_started) * 1000, first_token_ms)

        if not draft or draft == REFUSAL or is_model_refusal(draft):
            yield self._refusal(question, passages, timings, notice)
            return
        sentences, citations = verify(draft, scorer, s.support_threshold, s.support_min_cosine)
        if generator.name != "extractive" and s.evidence_sentences:
            sentences, citations, notice = self._with_evidence(question, scorer, sentences, citations,
                                                               notice, generator.name)
        if not any(sentence.supported for sentence in sentences):
            yield self._refusal(question, passages, timings, notice)
            return
        yield Answer(question, render(sentences), False, tuple(sentences), tuple(citations),
                     tuple(passages), timings, notice)

    def _with_evidence(self, question: str, scorer: SupportScorer, sentences: list[Sentence],
                       citations: list[Citation], notice: str, name: str
                       ) -> tuple[list[Sentence], list[Citation], str]:
        """The model's answer followed by the passages' own best sentences, quoted. A model
        too small to answer well still gets checkable evidence in front of the reader; if
        none of its sentences is supported, the quotes alone are the answer."""
        quotes = "".join(ExtractiveGenerator(self.settings.evidence_sentences).stream(question, scorer.passages, scorer))
        if quotes == REFUSAL:
            return sentences, citations, notice
        extra, extra_citations = verify(quotes, scorer, self.settings.support_threshold,
                                         self.settings.support_min_cosine)
        if not any(sentence.supported for sentence in sentences):
            return extra, extra_citations, _join(
                notice, f"No sentence of the {name} model's draft is supported by the passages; "
                        "this answer quotes them instead.")
        said = {sentence.text for sentence in sentences}
        new = [x for x in extra if x.text not in said]
        quoted = {x.text for x in new}
        return sentences + new, citations + [c for c in extra_citations if c.quote in quoted], notice

    def _standalone(self, generator: Generator, question: str, history: Sequence[dict]) -> str:
        """The question to search for: the deterministic context, plus the model's rewrite
        when there is a model (a small one rewrites unreliably, so it only adds words)."""
        query = follow_up_query(question, history)
        if self._recent_failure(generator.name) is not None:
            return query
        try:
            rewritten = generator.rewrite(question, history)
        except Exception as exc:  # rewriting is an aid; the deterministic query always works
            self._failed(generator.name, exc)
            rewritten = None
        return f"{query} {rewritten}" if rewritten else query

    def _failed(self, name: str, exc: Exception) -> str:
        """Remember a backend's failure (so the next questions don't wait on it again) and say
        why in one line; without fallback, raise that line as the error."""
        reason = failure_reason(exc, self.settings.llm_base_url if name == "openai" else "")
        self._failures[name] = (time.monotonic(), reason)
        if not self.fallback:
            if isinstance(exc, RagError):
                raise exc
            raise RagError(f"the {name} model failed: {reason}") from exc
        return reason

    def _recent_failure(self, name: str) -> str | None:
        """Why the backend failed, if it did within the last `llm_retry_after` seconds."""
        if name == "extractive" or name not in self._failures:
            return None
        when, reason = self._failures[name]
        if time.monotonic() - when >= self.settings.llm_retry_after:
            return None
        return reason

    @staticmethod
    def _refusal(question: str, passages: Sequence[Passage], timings: Timings, notice: str) -> Answer:
        return Answer(question, REFUSAL, True, (), (), tuple(passages), timings, notice)


def _join(notice: str, more: str) -> str:
    return f"{notice} {more}" if notice else more


def _mostly_non_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return bool(letters) and latin < len(letters) / 2
