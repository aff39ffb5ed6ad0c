"""Make citations true: check each answer sentence against the passage it cites.

Support of a claim by a passage sentence mixes meaning (embedding cosine) and wording
(share of the claim's content words found there). A sentence keeps a citation only if the
cited passage supports it; otherwise it is moved to the passage that does, or marked
unsupported. Markers that point at no passage are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .embed import Embedder
from .retrieve import Passage, query_terms

_MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
# A sentence ends at . ! ? (optionally closed by quotes or brackets) before whitespace and
# an upper-case letter, a digit or an opening quote; or at a line break.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*(?:\s*\[\d+(?:\s*,\s*\d+)*\])*\s+(?=[A-Z0-9\"“‘(])|\n+")


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


@dataclass(frozen=True)
class Sentence:
    """One answer sentence (markers removed) and the passage numbers it now cites."""

    text: str
    cites: tuple[int, ...]
    supported: bool


@dataclass(frozen=True)
class Timings:
    retrieve_ms: float = 0.0
    generate_ms: float = 0.0
    first_token_ms: float = 0.0


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

    def as_json(self) -> dict:
        return {
            "answer": self.text,
            "refused": self.refused,
            "citations": [c.__dict__ for c in self.citations],
            "passages": [
                {"n": i, "article_id": p.article_id, "title": p.title, "source": p.source,
                 "date": p.date, "start": p.start, "end": p.end, "text": p.text,
                 "score": round(p.score, 6), "similarity": round(p.similarity, 4)}
                for i, p in enumerate(self.passages, start=1)
            ],
            "timings": {k: round(v, 1) for k, v in self.timings.__dict__.items()},
            "notice": self.notice,
        }


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`, whitespace trimmed."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        spans.append((start, m.start() + len(m.group(0).rstrip()) if m.group(0).strip() else m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def split_markers(sentence: str) -> tuple[str, list[int]]:
    """A sentence without its [n] markers, and the marker numbers in order."""
    numbers = [int(n) for m in _MARKER.finditer(sentence) for n in re.split(r"\s*,\s*", m.group(1))]
    return _MARKER.sub("", sentence).strip(), numbers


class SupportScorer:
    """Scores how well passage sentences support claims; embeds each text once."""

    def __init__(self, embedder: Embedder, passages: Sequence[Passage]):
        self.embedder = embedder
        self.passages = passages
        # Article-coordinate spans of each passage's sentences.
        self.spans: list[list[tuple[int, int]]] = []
        texts: list[str] = []
        for p in passages:
            spans = [(p.start + a, p.start + b) for a, b in sentence_spans(p.text)]
            self.spans.append(spans)
            texts += [p.text[a - p.start:b - p.start] for a, b in spans]
        self.texts = texts
        self._offsets = np.cumsum([0] + [len(s) for s in self.spans])
        self._vectors = embedder.embed(texts) if texts else np.zeros((0, 1), np.float32)
        self._terms = [set(query_terms(t)) for t in texts]

    def sentence_scores(self, claim: str, vector: np.ndarray | None = None) -> np.ndarray:
        """Support of `claim` by every passage sentence, in [0, 1]."""
        if not self.texts:
            return np.zeros(0)
        if vector is None:
            vector = self.embedder.embed([claim])[0]
        cos = np.clip(self._vectors @ vector, 0, 1)
        terms = set(query_terms(claim))
        overlap = np.array([len(terms & t) / len(terms) if terms else 0.0 for t in self._terms])
        return 0.5 * cos + 0.5 * overlap

    def best_in(self, scores: np.ndarray, n: int) -> tuple[float, tuple[int, int]]:
        """Best score and its article span within passage n (1-based)."""
        lo, hi = self._offsets[n - 1], self._offsets[n]
        if hi == lo:
            return 0.0, (self.passages[n - 1].start, self.passages[n - 1].start)
        j = lo + int(np.argmax(scores[lo:hi]))
        return float(scores[j]), self.spans[n - 1][j - lo]

    def passage_of(self, j: int) -> int:
        return int(np.searchsorted(self._offsets, j, side="right"))


def verify(answer: str, scorer: SupportScorer, threshold: float) -> tuple[list[Sentence], list[Citation]]:
    """Check every sentence of `answer`; return the sentences with corrected markers and
    their citations (an unsupported claim keeps its original markers as unsupported
    citations, so the reader sees what the model claimed and that it failed)."""
    passages = scorer.passages
    sentences: list[Sentence] = []
    citations: list[Citation] = []
    raw = [answer[a:b] for a, b in sentence_spans(answer)]
    claims = [split_markers(s) for s in raw]
    claims = [(c, ns) for c, ns in claims if any(ch.isalnum() for ch in c)]
    vectors = scorer.embedder.embed([c for c, _ in claims]) if claims and scorer.texts else None

    def cite(n: int, span: tuple[int, int], supported: bool) -> None:
        p = passages[n - 1]
        start, end = span
        quote = p.text[start - p.start:end - p.start]
        citations.append(Citation(n, p.article_id, p.title, p.source, start, end, quote, supported))

    for i, (claim, numbers) in enumerate(claims):
        valid = [n for n in dict.fromkeys(numbers) if 1 <= n <= len(passages)]
        if vectors is None:
            sentences.append(Sentence(claim, (), False))
            continue
        scores = scorer.sentence_scores(claim, vectors[i])
        kept = []
        for n in valid:
            score, span = scorer.best_in(scores, n)
            if score >= threshold:
                kept.append(n)
                cite(n, span, True)
        if not kept:
            j = int(np.argmax(scores))
            if scores[j] >= threshold:
                n = scorer.passage_of(j)
                kept.append(n)
                cite(n, scorer.best_in(scores, n)[1], True)
            else:
                for n in valid:
                    cite(n, scorer.best_in(scores, n)[1], False)
        sentences.append(Sentence(claim, tuple(kept) or tuple(valid), bool(kept)))
    return sentences, citations


def render(sentences: Sequence[Sentence]) -> str:
    """Answer text with each sentence followed by its markers."""
    parts = []
    for s in sentences:
        marks = "".join(f"[{n}]" for n in s.cites)
        parts.append(f"{s.text} {marks}".rstrip())
    return " ".join(parts)
