"""Question in, checked answer out: retrieve, generate, verify, or refuse."""

from __future__ import annotations

import threading
import time
import unicodedata
from datetime import date, timedelta
from collections import abc
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from . import answerable, conflicts, terse, truecase, when
from .cite import (SupportScorer, attribute_quotes, attribution_phrase, claims_of, disputes, render, reported_by,
                   verify, who_and_where)
from .embed import Embedder, SentenceTransformerEmbedder
from .errors import RagError, StoreError
from .generate import (
    REFUSAL,
    ChatGenerator,
    ExtractiveGenerator,
    Generator,
    failure_reason,
    is_model_refusal,
    local_chat_model,
    openai_chat_model,
    without_prompt_marks,
)
from .index import IndexReader, VectorConfig
from .parse import EntityTagger
from .retrieve import Retriever, follow_up_query
from .settings import Settings
from .text import INVISIBLE
from .types import Answer, Citation, Conflict, Filter, Passage, Scope, Sentence, Timings, When


@dataclass(frozen=True)
class _Asked:
    """A question ready to answer: cleaned, with its generator and the query to search for."""

    question: str
    history: tuple[dict, ...]
    notice: str
    generator: Generator
    query: str
    started: float  # perf_counter when retrieval began (a follow-up's rewrite is part of it)
    where: Filter = Filter()  # the user's filter
    as_of: str | None = None  # the day the archive is read as of (ISO), if not its newest


@dataclass(frozen=True)
class _Evidence:
    """The retrieved passages and their sentences, scored for support."""

    passages: tuple[Passage, ...]
    scorer: SupportScorer
    mentions: Callable[[str], bool]
    retrieve_ms: float
    scored_at: float  # perf_counter when answering began: scoring counts as answering
    scope: Scope

    def answering_ms(self) -> float:
        return (time.perf_counter() - self.scored_at) * 1000

    def timings(self, first_token_ms: float = 0.0) -> Timings:
        """Retrieval time, and answering time until now."""
        return Timings(self.retrieve_ms, self.answering_ms(), first_token_ms)


@dataclass(frozen=True)
class _Draft:
    """The written answer before it is checked."""

    text: str
    notice: str
    timings: Timings


class Pipeline:
    """The library's front door: `Pipeline(settings).ask(question, history) -> Answer`.

    Construction is cheap; the embedding model, the index and each generator are loaded on
    first use and kept, so one Pipeline serves many questions."""

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None,
                 fallback: bool = True, generators: Mapping[str, Generator] | None = None):
        self.settings = settings or Settings()
        # Cheap: the model itself loads on first use.
        self.embedder = embedder if embedder is not None else SentenceTransformerEmbedder.from_settings(self.settings)
        # With fallback a failing model backend gives an extractive answer with a notice (the
        # chat stays usable); without it the failure is a RagError (the CLI's one-line error).
        self.fallback = fallback
        # Answer writers by backend name, made on first use; `generators` adds or replaces some.
        self._generators: dict[str, Generator] = dict(generators or {})
        self._failures: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

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
        return reader

    @cached_property
    def tagger(self) -> EntityTagger | None:
        """Named entities of answer sentences (RAG_ENTITY_TAGGER); the model loads on first use."""
        return EntityTagger.from_settings(self.settings)

    @cached_property
    def retriever(self) -> Retriever:
        s = self.settings
        return Retriever(self.reader, self.embedder, pool=s.pool, rrf_k=s.rrf_k,
                         dense_weight=s.dense_weight, lexical_weight=s.lexical_weight,
                         title_weight=s.title_weight, per_article=s.per_article,
                         max_merge=s.max_merge, mmr=s.mmr, mmr_candidates=s.mmr_candidates,
                         date_boost=s.date_boost)

    def refresh(self) -> None:
        """Open the index anew (after a sync). Questions in flight keep the old snapshot:
        it is not closed here but freed with the last answer that holds it (closing it
        made a concurrent answer fail with "closed database")."""
        with self._lock:
            self._forget_index()

    def refresh_if_changed(self) -> None:
        """Open the index anew if something else (`rag index` in another process) changed it
        since it was opened; nothing is reopened while it stays as it was."""
        with self._lock:
            reader = self.__dict__.get("reader")
            if reader is not None and reader.changed():
                self._forget_index()

    def current_retriever(self) -> Retriever:
        """The retriever over the index as it is now (reopened if another process changed
        it), taken under the lock so a concurrent `refresh` cannot leave a stale one cached."""
        self.refresh_if_changed()
        with self._lock:
            return self.retriever

    def _forget_index(self) -> None:
        self.__dict__.pop("reader", None)
        self.__dict__.pop("retriever", None)

    def backend(self, llm: str | None = None) -> str:
        """The concrete backend for a setting: `auto` is openai with an endpoint, else
        extractive (it measures at least as well as the local SmolLM2 on every trust figure:
        README, Who says what)."""
        llm = llm or self.settings.llm
        if llm == "auto":
            return "openai" if self.settings.llm_base_url else "extractive"
        return llm

    def generator(self, llm: str | None = None) -> Generator:
        name = self.backend(llm)
        with self._lock:
            if name not in self._generators:
                self._generators[name] = self._make_generator(name)
            return self._generators[name]

    def _make_generator(self, name: str) -> Generator:
        s = self.settings
        floors = answerable.Floors.of(s)
        if name == "extractive":
            return ExtractiveGenerator(floors=floors)
        if name == "local":
            return ChatGenerator("local", lambda: local_chat_model(
                s.llm_model, s.llm_max_tokens, s.llm_context, s.llm_threads, s.llm_slots, s.llm_nice,
                s.llm_weights, s.model_cache),
                context_sentences=s.context_sentences, max_history=s.max_history, floors=floors,
                concurrency=s.llm_slots)
        if name == "openai":
            return ChatGenerator("openai", lambda: openai_chat_model(
                s.llm_base_url, s.llm_api_key.get_secret_value(), s.llm_model, s.llm_max_tokens,
                s.llm_timeout), max_history=s.max_history, floors=floors)
        raise RagError(f"unknown llm backend {name!r}: use auto, local, openai or extractive")

    def clean_question(self, question: str) -> tuple[str, str]:
        """Question without control characters, cut to the limit; and a notice if cut."""
        text = " ".join(INVISIBLE.sub(" ", question or "").split())
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
            k: int | None = None, mode: str | None = None, where: Filter | None = None,
            as_of: str | None = None) -> Answer:
        answer = None
        for event in self.stream(question, history, llm, k, mode, where, as_of):
            if isinstance(event, Answer):
                answer = event
        assert answer is not None
        return answer

    def stream(self, question: str, history: Sequence[dict] = (), llm: str | None = None,
               k: int | None = None, mode: str | None = None, where: Filter | None = None,
               as_of: str | None = None) -> Iterator[str | Answer]:
        """Yields pieces of the draft answer as they are written, then the checked Answer.
        `where` keeps retrieval to the articles it lets through; `as_of` (an ISO day) reads the
        archive as of that day: nothing published after it, its last days first."""
        asked = self._prepare(question, history, llm, where, as_of)
        evidence = self._retrieve(asked, k, mode)
        asked = replace(asked, notice=_join(asked.notice, evidence.scope.notice))
        if not evidence.passages and evidence.scope.within:
            yield replace(self._refusal(asked.question, (), evidence.timings(), asked.notice),
                          text=f"No article matches {evidence.scope.within.describe()}.")
            return
        refusal = self._check(asked, evidence)
        if refusal is not None and self._widened(asked) is None and (
                self.settings.second_look_per_article > self.settings.per_article):
            # Looked at harder before refusing: the sentence answering may sit in another part
            # of an article than the part matching the question best (a long transcript).
            wider = self._retrieve(asked, k, mode, self.settings.second_look_per_article)
            if self._check(asked, wider) is None:
                evidence, refusal = wider, None
        if refusal is not None:
            yield refusal
            return
        if answerable.asks_for(asked.question) == "published":
            # The article's date, from its metadata, whatever the backend: no draft to write.
            yield self._published(asked, evidence)
            return
        draft = yield from self._draft(asked, evidence)
        yield self._verify(asked, evidence, draft)

    def scope(self, question: str, where: Filter | None = None, as_of: str | None = None,
              retriever: Retriever | None = None) -> Scope:
        """Where a question is searched: the user's filter, narrowed by the time the question
        names (read against `as_of`, else the newest article's day) and by `as_of` itself."""
        where = where or Filter()
        retriever = retriever or self.current_retriever()
        reference = self.reference_day(as_of, retriever.reader)
        asked = when.resolve(answerable.without_options(question), reference, year_guessed=not as_of)
        notes = []
        if as_of:
            notes.append(f"Read as of {reference.isoformat()}: nothing published after it.")
        claim = (answerable.asked_claim(question) or answerable.reported_claim(question)
                 or answerable.said_claim(question))
        if asked is not None and (asked.event and (answerable.asks_for(question) or answerable.asked_speaker(question))
                                  or claim and asked.text in claim):
            # "Which outlet reported the agents got an hour's notice before the FBI searched the
            # estate?": the event is part of the claim asked about; reports of it come after it.
            # "Who said he had never seen armyworms as widespread as this year?": so is any time
            # in what someone is asked to have said (not "on Monday" in "Who said on Monday that";
            # "Which governor said she hoped the beaches would open in May?"), or an outlet to have
            # reported ("noting the US had pledged $75 million by 2015").
            notes.append(f"\u201c{asked.text}\u201d is read as part of what is asked about, not as a time bound.")
            asked = None
        if asked is not None and asked.event:
            asked, note = self._dated_event(asked, where, retriever)
            notes.append(note)
        within = where.narrowed(asked.within.since, asked.within.until) if asked else where
        prefer = asked.prefer if asked else None
        if as_of:
            within = within.narrowed(until=reference.isoformat())
            if prefer is None:
                start = reference - timedelta(days=self.settings.recent_days - 1)
                prefer = Filter(since=start.isoformat(), until=reference.isoformat())
        if asked is not None and (asked.within or asked.prefer):
            kept = asked.within.describe()
            first = f"those {prefer.describe()} first" if prefer else ""
            said = "; ".join(x for x in (f"searched articles {kept}" if kept else "", first) if x)
            notes.append(f"For \u201c{asked.text}\u201d: {said}.")
        elif prefer is not None:
            notes.append(f"Articles {prefer.describe()} first.")
        return Scope(within, prefer, asked, " ".join(notes))

    def reference_day(self, as_of: str | None = None, reader: IndexReader | None = None) -> date:
        """The day relative times are read against: `as_of`, else the newest article's, else today."""
        reader = reader or self.current_retriever().reader
        return when.day(as_of) or when.day(reader.newest_date()) or date.today()

    def _dated_event(self, asked: When, where: Filter, retriever: Retriever) -> tuple[When, str]:
        """"before the Baghdad center was set up": the event dated by the earliest dated article
        among those that report it best (a report comes on or after the day of the event), and
        the bound it sets; unchanged, with a note saying so, when no dated article reports it."""
        reports = [p for p in retriever.retrieve(asked.event, 3, "hybrid", where=where or None)
                   if p.date and p.similarity >= self.settings.min_similarity]
        if not reports:
            return asked, (f"\u201c{asked.event}\u201d could not be dated (no dated article reports it): "
                           "the question was searched without that bound.")
        first = min(reports, key=lambda p: p.date or "")
        day = date.fromisoformat(first.date or "")
        if asked.bound == "before":
            bound = Filter(until=(day - timedelta(days=1)).isoformat(), undated=True)
        elif asked.bound == "until":
            bound = Filter(until=day.isoformat(), undated=True)
        else:
            bound = Filter(since=day.isoformat(), undated=True)
        by = first.outlet or f"\u201c{first.title}\u201d"
        return replace(asked, within=bound), f"{by} reports \u201c{asked.event}\u201d on {day.isoformat()}."

    def _prepare(self, question: str, history: Sequence[dict], llm: str | None,
                 where: Filter | None = None, as_of: str | None = None) -> _Asked:
        """The cleaned question, its generator, and the query to search for."""
        text, notice = self.clean_question(question)
        text = truecase.tidied(terse.templated(text))
        retriever = self.current_retriever()
        found: list[Passage] | None = None
        if not history and truecase.needed(text):
            # "putin said assad agrees to what kind of elections": names capitalised as the
            # closest passages write them, for the checks that read names by their capitals.
            found = retriever.retrieve(text, self.settings.k, self.settings.retriever)
            text = truecase.cased(text, [p.text for p in found])
        # (After casing: it reads a subject by its capital.)
        text = terse.topic_first(terse.unchallenged(terse.about_first(terse.keywords(text))))
        text = truecase.with_auxiliary(terse.spelled_out(terse.requested(text)))
        if unknown := answerable.asked_unknown(text, retriever.reader.mentions):
            # "Riabkov" is read as the passages spell him, and the asker is told so.
            found = found or retriever.retrieve(text, self.settings.k, self.settings.retriever)
            text, changed = truecase.respelled(text, unknown, [p.text for p in found])
            notice = _join(notice, " ".join(f"“{typed}” is read as “{read}”, as the articles spell it."
                                            for typed, read in changed))
        text = truecase.name_order(text, retriever.reader.mentions)
        generator = self.generator(llm)
        started = time.perf_counter()
        query = self._standalone(generator, text, history) if history else text
        # "When was the EU Times piece on Ryabkov posted?" is searched for by what was posted.
        query = answerable.published_subject(query) or query
        return _Asked(text, tuple(history), notice, generator, query, started, where or Filter(),
                      when.day(as_of).isoformat() if as_of else None)

    def _widened(self, asked: _Asked) -> int | None:
        """How many passages one article may give for this question, when more than usual."""
        # "What did X say about Y?": X's words may sit in another part of an article than
        # the part that matches Y best (a reader comment on Y), so take more of each.
        # So may the words "Who said ...?" asks about, and the holder of an office asked for ("Who
        # is the Syrian deputy foreign minister?" is named in the part of an article he speaks in).
        # So may a page's own lines ("the date stamp at the top of the Sputnik piece"), which open
        # its first passage.
        q = asked.question
        # So may the words "Which outlet carried X's allegation that ...?" asks about.
        if (answerable.asked_speaker(q) or answerable.asked_claim(q) or answerable.said_claim(q)
                or answerable.reported_claim(q) or answerable.asked_role(q) or answerable.asks_about_page(q)):
            return self.settings.speaker_per_article
        return None

    def _retrieve(self, asked: _Asked, k: int | None, mode: str | None,
                  per_article: int | None = None) -> _Evidence:
        """The passages for the query, and their sentences scored for support; `per_article`
        overrides how many passages one article may give."""
        s = self.settings
        retriever = self.current_retriever()
        qvec = self.embedder.embed([asked.query])[0]
        claim = answerable.asked_claim(asked.question)
        per_article = per_article or self._widened(asked)
        scope = self.scope(asked.question, asked.where, asked.as_of, retriever)
        # "Who told reporters that people are running away from the Islamic State ...?": the
        # words asked about are searched for, not the question's frame around them (unless a
        # follow-up's query already stands for the question).
        query, vector = ((claim, self.embedder.embed([claim])[0]) if claim and asked.query == asked.question
                         else (asked.query, qvec))
        passages = retriever.retrieve(query, max(k or s.k, s.claim_k) if claim else k or s.k, mode or s.retriever,
                                      vector, per_article, scope.within, scope.prefer)
        if (name := answerable.asked_name(asked.question) or answerable.said_by_name(asked.question)) is not None:
            # "What did Lavrov say about the coalition's air operations?": his own statements
            # are searched as well, since the passages matching the question best may hold none.
            taken = [c for p in passages for c in p.chunk_ids]
            passages += retriever.spoken_by(name, asked.query, qvec, s.speaker_passages, taken, scope.within)
        if (office := answerable.asked_role(asked.question)) is not None:
            # "Who is the Russian foreign minister?": the passages writing the title are searched
            # as well, since the ones matching the question best may name its holder nowhere.
            taken = [c for p in passages for c in p.chunk_ids]
            passages += retriever.holding(answerable.titles(office), asked.query, qvec, s.office_passages, taken,
                                          scope.within)
        if (outlets := answerable.read_in(asked.question, passages)) and s.outlet_passages:
            # "..., according to the EU Times story": that outlet's sentences answer
            # (`answerable.best_sentences`), and the part of its article matching the question
            # best may not hold the answer, so more of it is searched.
            taken = {c for p in passages for c in p.chunk_ids}
            within = scope.within or Filter()
            there = within if within.outlets else replace(within, outlets=tuple(sorted(outlets)))
            passages += [p for p in retriever.retrieve(query, s.outlet_passages + 1, mode or s.retriever, vector,
                                                       s.outlet_passages + 1, there)
                         if not taken & set(p.chunk_ids)][: s.outlet_passages]
        retrieve_ms = (time.perf_counter() - asked.started) * 1000
        # Scoring passage sentences is part of answering (extractive picks by it, and every
        # backend's draft is verified against it), so it counts in generate_ms.
        scored_at = time.perf_counter()
        scorer = SupportScorer.from_index(self.embedder, passages, retriever.reader,
                                          (asked.query, qvec) if asked.query == asked.question else None,
                                          s.support_cosine_weight, self.tagger)
        return _Evidence(tuple(passages), scorer, retriever.reader.mentions, retrieve_ms, scored_at, scope)

    def _check(self, asked: _Asked, evidence: _Evidence) -> Answer | None:
        """A refusal, before any answer is written, when the passages cannot answer."""
        # A question in another script is refused outright: the embedding model and every check
        # read English (its passages once fell under the similarity floor, 0.3, not under 0.2).
        reason = "" if _mostly_non_latin(asked.question) else answerable.refusal_reason(
            asked.question, evidence.passages, evidence.scorer, evidence.mentions, self.settings)
        if reason is None:
            return None
        # Who does say what in the closest passages: a refused "What did X say about Y?"
        # still shows who speaks about Y.
        refusal = self._refusal(asked.question, evidence.passages, evidence.timings(), _join(asked.notice, reason))
        claims = claims_of(evidence.scorer)
        return replace(refusal, claims=claims, disputes=tuple(disputes(claims)))

    def _published(self, asked: _Asked, evidence: _Evidence) -> Answer:
        """"When was the EU Times piece on Ryabkov posted?": the date of the closest article
        that is about what the question names, cited; or a refusal saying why not."""
        found = answerable.when_published(asked.question, evidence.scorer)
        if isinstance(found, str):
            return self._refusal(asked.question, evidence.passages, evidence.timings(), _join(asked.notice, found))
        sentence, citation = found
        claims = claims_of(evidence.scorer)  # the who-says-what panel, as for any other answer
        return Answer(asked.question, render([sentence]), False, (sentence,), (citation,), evidence.passages,
                      evidence.timings(), asked.notice, claims, (), tuple(disputes(claims)))

    def _draft(self, asked: _Asked, evidence: _Evidence) -> abc.Generator[str, None, _Draft]:
        """The generator's answer as it is written, or an extractive one if its model fails."""
        generator, notice = asked.generator, asked.notice
        first_token_ms = 0.0
        pieces: list[str] = []
        failure = self._recent_failure(generator)
        if failure is None:
            try:
                stream = iter(generator.stream(asked.question, evidence.passages, evidence.scorer,
                                               asked.history))
                try:
                    for piece in stream:
                        if not pieces:
                            first_token_ms = evidence.answering_ms()
                        pieces.append(piece)
                        yield piece
                finally:
                    # Now, when our own reader closes us: the model stops writing at once.
                    getattr(stream, "close", lambda: None)()
                if generator.uses_model and not "".join(pieces).strip():
                    raise RagError(f"the {generator.name} model sent an empty reply")
            except Exception as exc:
                if not generator.uses_model:
                    raise
                failure = self._failed(generator.name, exc)
        if failure is not None:
            notice = _join(notice, f"The {generator.name} model failed ({failure}); "
                                   "this answer is extractive.")
            pieces = list(self.generator("extractive").stream(asked.question, evidence.passages,
                                                              evidence.scorer, asked.history))
            first_token_ms = evidence.answering_ms()
            yield from pieces
        return _Draft("".join(pieces).strip(), notice, evidence.timings(first_token_ms))

    def _verify(self, asked: _Asked, evidence: _Evidence, draft: _Draft) -> Answer:
        """The draft checked sentence by sentence, with quoted evidence after a model's; or a
        refusal if nothing in it is supported."""
        s = self.settings
        question, passages, notice = asked.question, evidence.passages, draft.notice
        refused = draft.text == REFUSAL or is_model_refusal(draft.text)
        with_evidence = asked.generator.uses_model and s.evidence_sentences
        if not draft.text or refused and not with_evidence:
            return self._refusal(question, passages, draft.timings, notice)
        if refused:
            # The checks found sentences that may answer (else the question was refused before
            # drafting); a small model's "the articles don't say" then gets the quotes instead.
            sentences, citations, notice = self._with_evidence(question, evidence.scorer, [], [], notice,
                                                               asked.generator.name, refused=True)
        else:
            drafted = without_prompt_marks(draft.text, passages) if asked.generator.uses_model else draft.text
            sentences, citations = verify(drafted, evidence.scorer, s.support_threshold, s.support_min_cosine)
            if with_evidence:
                sentences, citations, notice = self._with_evidence(question, evidence.scorer, sentences,
                                                                   citations, notice, asked.generator.name)
        if not any(sentence.supported for sentence in sentences):
            return self._refusal(question, passages, draft.timings, notice)
        sentences = attribute_quotes(sentences, citations)
        asks = answerable.asks_for(question)
        ranked = citations
        if asks == "speaker" and (best := answerable.best_sentences(question, evidence.scorer, 1,
                                                                     answerable.Floors.of(s))):
            # Who said it is who says the sentence holding it best, wherever the answer quotes it.
            n, start = best[0][0], evidence.scorer.span_of(best[0][1])[0]
            ranked = sorted(citations, key=lambda c: (c.n, c.start) != (n, start))
        closest = asks == "speaker" and answerable.claimed_in_other_words(question, evidence.scorer,
                                                                          s.claim_paraphrase_floor)
        lead = who_and_where(asks, ranked, evidence.scorer, s.same_claim_support, closest) if asks else None
        if lead is None and answerable.asks_reporter(question) and (by := reported_by(ranked)) is not None:
            lead = by, []
        if lead is not None:
            sentences, citations = [lead[0], *sentences], [*citations, *lead[1]]
        claims = claims_of(evidence.scorer)
        disputed = tuple(disputes(claims))
        # A quoted claim that its passage says is denied is followed by the denial.
        for d in disputed:
            quoted = any(c.supported and (c.n, c.start) == (d.assertion.n, d.assertion.start) for c in citations)
            if quoted and not any((c.n, c.start) == (d.denial.n, d.denial.start) for c in citations):
                denial = evidence.scorer.citation(d.denial.n, (d.denial.start, d.denial.end), True)
                sentences.append(Sentence(d.denial.quote, (d.denial.n,), True, attribution_phrase(denial)))
                citations.append(denial)
        text = render(sentences)
        notice = _join(notice, answerable.in_other_words(
            question, evidence.scorer, s.paraphrase_floor, s.paraphrase_margin, s.claim_paraphrase_floor) or "")
        # Where the articles give different values for what is asked, the answer says so
        # first, citing every side, whichever side the draft took.
        found, sides, more = self._conflicts(question, evidence)
        if found:
            text = " ".join([*(conflicts.statement(c) for c in found), text])
            cited = {(c.n, c.start, c.end) for c in citations if c.supported}
            citations += [c for c in sides if (c.n, c.start, c.end) not in cited]
            passages = (*passages, *more)
        return Answer(question, text, False, tuple(sentences), tuple(citations),
                      passages, draft.timings, notice, claims, found, disputed)

    def _conflicts(self, question: str, evidence: _Evidence
                   ) -> tuple[tuple[Conflict, ...], list[Citation], tuple[Passage, ...]]:
        """Where the evidence disagrees on the value asked for; with the citations of every
        side, and the passages beyond the retrieved ones that a side cites. The retrieved
        passages are a handful of what matches the question best; another outlet's report of
        the same statement with another value may rank just below them, so each of the best
        answer sentences is also searched for (`conflict_probes`) in other articles."""
        s = self.settings
        if conflicts.slot(question) is None:
            return (), [], ()
        scorer, passages = evidence.scorer, evidence.passages
        extra: list[Passage] = []
        if s.conflict_probes:
            retriever = self.current_retriever()
            seen = {p.article_id for p in passages}
            for j in conflicts.probes(question, scorer, s.conflict_floor, s.conflict_probes):
                for p in retriever.retrieve(scorer.texts[j], s.conflict_probes, "dense", scorer.vector(j),
                                            where=evidence.scope.within):
                    if p.article_id not in seen:
                        seen.add(p.article_id)
                        extra.append(p)
            if extra:
                scorer = SupportScorer.from_index(self.embedder, [*passages, *extra], retriever.reader,
                                                  scorer.question, s.support_cosine_weight, self.tagger)
        found, sides = conflicts.find(question, scorer, s.conflict_floor, s.conflict_alike)
        # Only the passages beyond the retrieved ones that a side cites are shown, numbered on.
        used = sorted({c.n for c in sides if c.n > len(passages)})
        number = {n: len(passages) + i for i, n in enumerate(used, start=1)}
        found = tuple(conflicts.renumber(c, number) for c in found)
        sides = [replace(c, n=number.get(c.n, c.n)) for c in sides]
        return found, sides, tuple(scorer.passages[n - 1] for n in used)

    def _with_evidence(self, question: str, scorer: SupportScorer, sentences: list[Sentence],
                       citations: list[Citation], notice: str, name: str, refused: bool = False
                       ) -> tuple[list[Sentence], list[Citation], str]:
        """The model's answer followed by the passages' own best sentences, quoted. A model
        too small to answer well still gets checkable evidence in front of the reader; if
        none of its sentences is supported (or it `refused`), the quotes alone are the answer."""
        quotes = "".join(ExtractiveGenerator(self.settings.evidence_sentences, answerable.Floors.of(self.settings))
                         .stream(question, scorer.passages, scorer))
        if quotes == REFUSAL:
            return sentences, citations, notice
        extra, extra_citations = verify(quotes, scorer, self.settings.support_threshold,
                                         self.settings.support_min_cosine)
        if not any(sentence.supported for sentence in sentences):
            why = (f"The {name} model found no answer in the passages" if refused
                   else f"No sentence of the {name} model's draft is supported by the passages")
            return extra, extra_citations, _join(notice, f"{why}; this answer quotes them instead.")
        said = {sentence.text for sentence in sentences}
        new = [x for x in extra if x.text not in said]
        quoted = {x.text for x in new}
        return sentences + new, citations + [c for c in extra_citations if c.quote in quoted], notice

    def _standalone(self, generator: Generator, question: str, history: Sequence[dict]) -> str:
        """The question to search for: the deterministic context, plus the model's rewrite
        when there is a model (a small one rewrites unreliably, so it only adds words)."""
        query = follow_up_query(question, history)
        if self._recent_failure(generator) is not None:
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

    def _recent_failure(self, generator: Generator) -> str | None:
        """Why the backend failed, if it did within the last `llm_retry_after` seconds."""
        if not generator.uses_model or generator.name not in self._failures:
            return None
        when, reason = self._failures[generator.name]
        if time.monotonic() - when >= self.settings.llm_retry_after:
            return None
        return reason

    @staticmethod
    def _refusal(question: str, passages: Sequence[Passage], timings: Timings, notice: str) -> Answer:
        return Answer(question, REFUSAL, True, (), (), tuple(passages), timings, notice)


def _join(notice: str, more: str) -> str:
    return " ".join(part for part in (notice, more) if part)


def _mostly_non_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return bool(letters) and latin < len(letters) / 2
