"""The nouns, in the order data flows through them:
Article -> Chunk -> (vectors) -> index rows -> Passage -> Answer (Sentence, Citation, Claim,
Conflict, Timings), and a topic's Timeline.

Every value that crosses a module boundary is a frozen dataclass defined here, so a reader
finds each one in one place and no module needs another's internals to name it. Rows read
from or written to the index are named too (no positional tuples between modules).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

# --- Reading the corpus ------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """One news article, with text normalised so character offsets are stable."""

    id: str
    title: str
    text: str
    source: str
    date: str | None  # ISO YYYY-MM-DD, only when the source gives the day
    sha256: str
    outlet: str | None = None  # the publisher, as the source names it
    author: str | None = None


@dataclass(frozen=True)
class ArticleMeta:
    """Who published an article, who wrote it and when (ISO day): None where the source is silent."""

    outlet: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A file (or jsonl line) that was not indexed, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class FileStamp:
    """What identifies one version of a corpus file without reading it."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class FileResult:
    """Everything read from one corpus file."""

    stamp: FileStamp
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


#: What a sentence of an article is: the outlet's own `reporting`, a direct `quote`,
#: `indirect` (reported) speech, an interview `transcript` turn, a reader `comment`, an
#: `embedded` post (a tweet), or page `furniture` (navigation, "Read more", related links).
Kind = Literal["reporting", "quote", "indirect", "transcript", "comment", "embedded", "furniture"]


@dataclass(frozen=True)
class Attribution:
    """Who says one sentence of an article, and how: computed at index time, stored beside it."""

    start: int  # the sentence's article span (rag.text.sentence_spans of the article text)
    end: int
    kind: Kind
    speaker: str | None = None  # the fullest form of the name the article gives, or an outlet
    role: str | None = None  # "Deputy Foreign Minister", as the article gives it
    cue: str | None = None  # "said", "told RIA Novosti", "according to"
    via: str | None = None  # who passed it on: "Interfax" in "a spokesman told Interfax"


@dataclass(frozen=True)
class SpeakerPhrase:
    """Who speaks in one sentence as a dependency parse reads it (rag/parse.py), before the
    attribution state machine resolves the phrase to a person."""

    who: str  # the subject of the reporting verb as written: "he", "the Russian diplomat"
    verb: str  # "said", "according to"
    listener: str | None = None  # whom it was told: "RIA Novosti" in "told RIA Novosti"


@dataclass(frozen=True)
class Entity:
    """A named entity of one sentence as spaCy's recogniser reads it (rag/parse.py)."""

    text: str
    label: str  # PERSON, ORG, GPE, LOC, FAC, NORP, ...
    start: int
    end: int


# --- Chunking and the index -------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """A span of one article: `article.text[start:end] == text`."""

    article_id: str
    ord: int
    start: int
    end: int
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, eq=False)
class SpanVectors:
    """Sentences of one chunk: their article (start, end) spans, one vector row per span."""

    spans: Sequence[tuple[int, int]]
    vectors: np.ndarray


@dataclass(frozen=True, eq=False)
class ArticleWrite:
    """One article as the index writer stores it: its chunks, their vectors and sentences."""

    article: Article
    file: str  # corpus-relative file it came from
    chunks: Sequence[Chunk]
    vectors: np.ndarray  # one row per chunk
    sentences: Sequence[SpanVectors]  # one per chunk
    attributions: Sequence[Attribution] = ()  # one per sentence of the article


@dataclass(frozen=True)
class ArticleLabels:
    """An article whose text is unchanged but whose outlet, author, date or attributions are new."""

    article: Article
    attributions: Sequence[Attribution] = ()


@dataclass(frozen=True)
class ChunkRow:
    """Where a stored chunk sits in its article."""

    article_id: str
    ord: int
    start: int
    end: int


@dataclass(frozen=True)
class ArticleRow:
    """A stored article's fields that passages show."""

    title: str
    source: str
    date: str | None
    text: str
    outlet: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class StoredFile:
    """A corpus file as last indexed: its stamp and what was skipped in it."""

    size: int
    mtime_ns: int
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True)
class StoredArticle:
    """What the index remembers of an article to decide whether it changed."""

    id: str
    file: str
    title: str
    sha256: str
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    labelled: bool = True  # whether its sentences' attributions are stored


@dataclass(frozen=True)
class SyncReport:
    """What one sync did; the JSON output of `rag index --json`."""

    added: int
    updated: int
    removed: int
    unchanged: int
    skipped: tuple[Skipped, ...]
    chunks_embedded: int
    chunks_total: int
    articles_total: int
    seconds: float

    def as_json(self) -> dict:
        return {
            "added": self.added, "updated": self.updated, "removed": self.removed,
            "unchanged": self.unchanged, "skipped": len(self.skipped),
            "chunks_embedded": self.chunks_embedded, "chunks_total": self.chunks_total,
            "articles_total": self.articles_total, "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class ListedArticle:
    """One indexed article as the article list shows it (`rag articles`, the Articles tab)."""

    id: str
    title: str
    outlet: str | None
    author: str | None
    date: str | None
    file: str  # corpus-relative file it was read from
    source: str  # where it came from: its URL, or the file (`file#line` for a jsonl line)
    chunks: int
    uploaded: bool  # saved from the browser into `uploads/`; else put in the folder by hand

    def as_json(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ArticleView:
    """One article to read: its listing, its text, and who says each of its sentences."""

    article: ListedArticle
    text: str
    attributions: tuple[Attribution, ...]

    def as_json(self) -> dict:
        return {**self.article.as_json(), "text": self.text,
                "sentences": [dict(a.__dict__) for a in self.attributions]}


@dataclass(frozen=True)
class ArticleChange:
    """What removing or re-reading an article did: the file, the articles it held, the sync."""

    file: str
    article_ids: tuple[str, ...]
    message: str  # one line for the user
    report: SyncReport

    def as_json(self) -> dict:
        return {"file": self.file, "articles": list(self.article_ids), "message": self.message,
                "sync": self.report.as_json()}


@dataclass(frozen=True)
class Saved:
    """What became of one uploaded file: where it went (if anywhere) and why."""

    name: str  # the name it was sent with
    path: str | None  # corpus-relative path it was saved to, None if refused
    message: str


# --- Which articles may answer ---------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    """Which articles may answer a question: each field that is set narrows them (an empty
    Filter lets every article through). Applied inside retrieval, before ranking."""

    outlets: tuple[str, ...] = ()  # compared without case
    since: str | None = None  # ISO day, inclusive
    until: str | None = None  # ISO day, inclusive
    articles: tuple[str, ...] = ()  # article ids, or corpus files (every article of the file)
    # Whether an article whose date is unknown passes the date bounds. A user's --since means
    # dated articles; a question's "in October 2015" cannot rule out an undated one.
    undated: bool = False

    def __bool__(self) -> bool:
        return bool(self.outlets or self.since or self.until or self.articles)

    def describe(self) -> str:
        """"outlet RT or Sputnik, dated 2015-10-01 to 2015-10-31": what it keeps, in words."""
        parts = []
        if self.outlets:
            parts.append("outlet " + " or ".join(self.outlets))
        if self.since and self.until:
            parts.append(f"dated {self.since}" if self.since == self.until else f"dated {self.since} to {self.until}")
        elif self.since or self.until:
            parts.append(f"dated {'from ' + self.since if self.since else 'up to ' + str(self.until)}")
        if (self.since or self.until) and self.undated:
            parts[-1] += " (or undated)"
        if self.articles:
            parts.append("article " + " or ".join(self.articles))
        return ", ".join(parts)

    def narrowed(self, since: str | None = None, until: str | None = None, undated: bool = True) -> Filter:
        """This filter with its dates narrowed to [since, until] too; undated articles pass
        only if both let them."""
        later = max((d for d in (self.since, since) if d), default=None)
        earlier = min((d for d in (self.until, until) if d), default=None)
        keeps_undated = (self.undated or not (self.since or self.until)) and undated
        return Filter(self.outlets, later, earlier, self.articles, keeps_undated)


@dataclass(frozen=True)
class When:
    """The time a question asks about ("in October 2015", "this week", "since September"):
    the articles it keeps to, and those it prefers among them (rag/when.py)."""

    text: str  # the words that say it, as the question has them
    within: Filter  # dates retrieval keeps to ("since September": from 2015-09-01)
    prefer: Filter | None = None  # dates ranked first ("this week": the 7 days to the reference)
    # "before the Baghdad center was set up": an event whose date the articles give (the day
    # the first dated article reports it), and the bound word before it.
    event: str | None = None
    bound: str = ""


@dataclass(frozen=True)
class Scope:
    """Where one question is searched: the articles kept to (the user's filter, the question's
    time, nothing after --as-of), those ranked first among them, and a line saying so."""

    within: Filter
    prefer: Filter | None = None
    when: When | None = None  # the question's own time, if it names one
    notice: str = ""


# --- Answering ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """A span of one article handed to the generator: one or more merged chunks."""

    article_id: str
    title: str
    source: str
    date: str | None
    start: int
    end: int
    text: str
    score: float  # fused retrieval score; only the order matters
    similarity: float  # best cosine of the question to one of the passage's chunks
    chunk_ids: tuple[int, ...]
    outlet: str | None = None
    author: str | None = None

    @property
    def published(self) -> str:
        """Who published it and when, as far as known: "Sputnik, 2015-10-08"."""
        return published(self.outlet, self.date, self.author)


@dataclass(frozen=True)
class Citation:
    """One cited span: passage number n, and the exact article characters it quotes."""

    n: int
    article_id: str
    title: str
    source: str
    start: int
    end: int
    quote: str
    supported: bool
    outlet: str | None = None
    date: str | None = None
    speaker: str | None = None  # who the quoted sentence is attributed to (rag/attribute.py)
    speaker_role: str | None = None
    kind: Kind | None = None  # reporting, quote, indirect, transcript, comment, embedded, furniture
    via: str | None = None  # whom the speaker told: "RIA Novosti" of "..., Ryabkov told RIA Novosti"

    @property
    def published(self) -> str:
        return published(self.outlet, self.date)


def published(outlet: str | None, date: str | None, author: str | None = None) -> str:
    """"Sputnik, 2015-10-08", "by Jane Doe, EU Times", "" when nothing is known."""
    return ", ".join(x for x in (f"by {author}" if author else "", outlet or "", date or "") if x)


def provenance(outlet: str | None, date: str | None, author: str | None = None) -> str:
    """Where and when, saying what is unknown: "Sputnik, date unknown", "outlet and date unknown"."""
    if not outlet and not date:
        return ", ".join(x for x in (f"by {author}" if author else "", "outlet and date unknown") if x)
    return published(outlet or "outlet unknown", date or "date unknown", author)


@dataclass(frozen=True)
class Sentence:
    """One answer sentence (markers removed) and the passage numbers it now cites."""

    text: str
    cites: tuple[int, ...]
    supported: bool
    attribution: str = ""  # ours, for a verbatim quote: "Sergey Ryabkov said, in Sputnik (2015-10-08):"
    ours: bool = False  # written by the pipeline from the citations ("X said it, as reported by ...")


@dataclass(frozen=True)
class Timings:
    retrieve_ms: float = 0.0
    generate_ms: float = 0.0
    first_token_ms: float = 0.0


@dataclass(frozen=True)
class Claim:
    """One attributed sentence of the retrieved passages: who says it, and where (passage n)."""

    speaker: str
    role: str | None
    kind: Kind
    n: int
    start: int
    end: int
    quote: str
    outlet: str | None
    date: str | None
    cue: str | None = None  # "said", "accused", "denies"


@dataclass(frozen=True)
class Dispute:
    """One speaker denying what another asserts: "Russia denies the allegations" after "The US
    has accused Russia of ..."."""

    assertion: Claim
    denial: Claim


@dataclass(frozen=True)
class SpeakerClaims:
    """The claims of one speaker, however each article spells the name ("Sergei"/"Sergey")."""

    speaker: str
    role: str | None
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class TypedValue:
    """A date, number or name as one sentence writes it, and the key equal values share
    ((year, month, day), (amount, unit), (last name,)); see rag/values.py."""

    text: str
    key: tuple
    start: int  # its characters in the sentence (0, 0 for an option matched anywhere)
    end: int
    kind: str = ""  # for a name, what it names when known: "PERSON", "ORG", "place", ...


@dataclass(frozen=True)
class ConflictValue:
    """One of the values the sources disagree on, with the passages (n) that give it."""

    value: str  # the fullest way the passages write it: "Sergei Shoigu", "107 sorties"
    citations: tuple[int, ...]
    articles: tuple[str, ...]
    outlets: tuple[str, ...]  # the known outlets among them
    published: tuple[str, ...]  # where each side was published: "RT, 2015-11-13", "a reader comment under RT"


@dataclass(frozen=True)
class Conflict:
    """Articles that give different values for what the question asks, most supported first."""

    about: str  # what the values answer: "the number", "the date", "the name"
    values: tuple[ConflictValue, ...]


@dataclass(frozen=True)
class Answer:
    """What a question gets: text with [n] markers, the checked citations, the passages."""

    question: str
    text: str
    refused: bool
    sentences: tuple[Sentence, ...]
    citations: tuple[Citation, ...]
    passages: tuple[Passage, ...]
    timings: Timings = field(default_factory=Timings)
    notice: str = ""  # e.g. "question truncated" or "fell back to extractive"
    claims: tuple[Claim, ...] = ()  # who says what in the passages, cited or not
    conflicts: tuple[Conflict, ...] = ()  # where the passages disagree on the asked value
    disputes: tuple[Dispute, ...] = ()  # claims that deny another speaker's claim, with it

    def as_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "refused": self.refused,
            # Each sentence with the passages it cites and whether they support it: the
            # flags the chat shows, so an export of this JSON can show them too.
            "sentences": [s.__dict__ for s in self.sentences],
            "citations": [c.__dict__ for c in self.citations],
            "passages": [
                {"n": i, "article_id": p.article_id, "title": p.title, "source": p.source,
                 "outlet": p.outlet, "author": p.author, "date": p.date, "start": p.start, "end": p.end, "text": p.text,
                 "score": round(p.score, 6), "similarity": round(p.similarity, 4)}
                for i, p in enumerate(self.passages, start=1)
            ],
            "timings": {k: round(v, 1) for k, v in self.timings.__dict__.items()},
            "notice": self.notice,
            "claims": [c.__dict__ for c in self.claims],
            "conflicts": [{"about": c.about, "values": [v.__dict__ for v in c.values]} for c in self.conflicts],
            "disputes": [{"assertion": d.assertion.__dict__, "denial": d.denial.__dict__} for d in self.disputes],
        }


# --- A topic's timeline ---------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineSource:
    """One place an entry's sentence stands: passage n, and its exact article characters."""

    n: int
    article_id: str
    title: str
    source: str
    outlet: str | None
    date: str | None  # the article's date (ISO), None when its source does not say
    start: int  # article.text[start:end] == quote
    end: int
    quote: str


@dataclass(frozen=True)
class TimelineEntry:
    """One claim (someone says it) or event (the outlet's own reporting) about a topic, with
    every article that carries it (same words, same speaker), the earliest first."""

    kind: Kind
    speaker: str | None  # who says it; for reporting, the outlet (or None when unknown)
    role: str | None
    quote: str  # verbatim, as the first source has it
    sources: tuple[TimelineSource, ...]
    score: float  # support of the topic by the sentence (rag/cite.py's score)
    date: str | None  # what the entry is placed at: its first source's date (None: date unknown)
    # A day the sentence itself gives (a full date) or implies ("Thursday", "yesterday",
    # counted back from its article's date), and in words how it was read; never the order.
    event_date: str | None = None
    event_basis: str = ""
    cue: str | None = None

    @property
    def first(self) -> TimelineSource:
        return self.sources[0]

    def as_json(self) -> dict:
        return {"date": self.date, "event_date": self.event_date, "event_basis": self.event_basis,
                "kind": self.kind, "speaker": self.speaker, "role": self.role, "cue": self.cue,
                "quote": self.quote, "score": round(self.score, 4),
                "sources": [s.__dict__ for s in self.sources]}


@dataclass(frozen=True)
class Timeline:
    """A topic's claims and events from the retrieved articles, by date, undated ones last."""

    topic: str
    entries: tuple[TimelineEntry, ...]
    passages: tuple[Passage, ...]
    scope: str = ""  # the filter searched within, in words ("dated 2022-07-01 to 2022-08-12")
    notice: str = ""

    def as_json(self) -> dict:
        return {
            "topic": self.topic, "scope": self.scope, "notice": self.notice,
            "entries": [e.as_json() for e in self.entries],
            "passages": [
                {"n": i, "article_id": p.article_id, "title": p.title, "source": p.source, "outlet": p.outlet,
                 "date": p.date, "start": p.start, "end": p.end}
                for i, p in enumerate(self.passages, start=1)
            ],
        }
