"""Make citations true: check each answer sentence against the passage it cites.

Support of a claim by a passage sentence mixes meaning (embedding cosine) and wording
(share of the claim's content words found there). A sentence keeps a citation only if the
cited passage supports it; otherwise it is moved to the passage that does, or marked
unsupported. Markers that point at no passage are dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from .attribute import names_medium
from .embed import Embedder
from .text import WORD, query_terms, sentence_spans, split_markers
from .types import Attribution, Citation, Claim, Dispute, Entity, Passage, Sentence, SpanVectors, SpeakerClaims

if TYPE_CHECKING:
    from .parse import EntityTagger


# Roles a claim can name its speaker by instead of a name.
_ROLES = re.compile(r"\b(diplomat|foreign minister|defen[cs]e minister|prime minister|president"
                    r"|spokes(?:wo)?man|ambassador|minister)\b")


def _last(name: str) -> str:
    return name.split()[-1].lower()


def _fits(role_word: str, role: str) -> bool:
    """Whether a claim's "the diplomat" or "the president" can mean someone with `role`."""
    role = role.lower()
    if role_word == "diplomat":
        return any(w in role for w in ("foreign", "diplomat", "ambassador", "envoy"))
    return role_word in role


class SupportScorer:
    """Scores how well passage sentences support claims.

    Sentence vectors come from the index (pooled in each chunk's embedding pass) when
    `sentences` gives them per passage; otherwise the passages are split and embedded here.
    `cosine_weight` is the share of meaning in a score, the rest is the share of words."""

    def __init__(self, embedder: Embedder, passages: Sequence[Passage],
                 sentences: Sequence[SpanVectors] | None = None,
                 question: tuple[str, np.ndarray] | None = None, cosine_weight: float = 0.5,
                 attributions: Mapping[str, Sequence[Attribution]] | None = None,
                 tagger: EntityTagger | None = None):
        self.embedder = embedder
        self.tagger = tagger
        self._entities: dict[int, tuple[Entity, ...]] = {}
        # Texts asked about (a topic, a claim) are checked more than once per question (the
        # refusal check, the draft, the notice): embedded and tagged once.
        self._embedded: dict[str, np.ndarray] = {}
        self._tagged: dict[str, tuple[Entity, ...]] = {}
        self.passages = passages
        self._question = question
        self.cosine_weight = cosine_weight
        # Article-coordinate spans of each passage's sentences, their texts and vectors.
        if sentences is None:
            self.spans = [[(p.start + a, p.start + b) for a, b in sentence_spans(p.text)] for p in passages]
        else:
            self.spans = [list(s.spans) for s in sentences]
        texts = [self._text(p, span) for p, spans in zip(passages, self.spans) for span in spans]
        if not texts:
            vectors = np.zeros((0, 1), np.float32)
        elif sentences is None:
            vectors = embedder.embed(texts)
        else:
            vectors = np.vstack([s.vectors for s in sentences])
        self.texts = texts
        self._vectors = vectors
        self._offsets = np.cumsum([0] + [len(s) for s in self.spans])
        self._terms = [set(query_terms(t)) for t in texts]
        self._index = {t: j for j, t in reversed(list(enumerate(texts)))}
        # Who says each sentence: the article sentence that holds its start.
        self.labels: list[Attribution | None] = [
            _holding(attributions.get(p.article_id, ()), span[0]) if attributions else None
            for p, spans in zip(passages, self.spans) for span in spans]

    @classmethod
    def from_index(cls, embedder: Embedder, passages: Sequence[Passage], reader,
                   question: tuple[str, np.ndarray] | None = None, cosine_weight: float = 0.5,
                   tagger: EntityTagger | None = None) -> SupportScorer:
        """Sentences, their vectors and attributions stored with the passages: no model call."""
        rows = reader.sentences([c for p in passages for c in p.chunk_ids])
        attributions = reader.attributions({p.article_id for p in passages})
        per_passage = []
        for p in passages:
            found = sorted(((span, v) for c in p.chunk_ids if c in rows
                            for span, v in zip(rows[c].spans, rows[c].vectors, strict=True)), key=lambda sv: (sv[0][0], -sv[0][1]))
            kept: list[tuple[tuple[int, int], np.ndarray]] = []
            for span, v in found:
                # Overlapping chunks hold the same sentence twice, or a clipped piece of it.
                if not kept or span[1] > kept[-1][0][1]:
                    kept.append((span, v))
            if not kept:  # cannot happen for a chunk with text; embed here rather than fail
                return cls(embedder, passages, question=question, cosine_weight=cosine_weight,
                           attributions=attributions, tagger=tagger)
            per_passage.append(SpanVectors([s for s, _ in kept], np.vstack([v for _, v in kept])))
        return cls(embedder, passages, per_passage, question, cosine_weight, attributions, tagger)

    @property
    def question(self) -> tuple[str, np.ndarray] | None:
        """The question and its vector, when the scorer was given them."""
        return self._question

    def vector(self, j: int) -> np.ndarray:
        """The vector of passage sentence j."""
        return self._vectors[j]

    def entities(self, js: Sequence[int]) -> list[tuple[Entity, ...]] | None:
        """The named entities of passage sentences `js` (tagged once each), or None without a
        tagger."""
        if self.tagger is None:
            return None
        todo = [j for j in dict.fromkeys(js) if j not in self._entities]
        for j, found in zip(todo, self.tagger.entities([self.texts[j] for j in todo]), strict=True):
            self._entities[j] = found
        return [self._entities[j] for j in js]

    def entities_of(self, text: str) -> tuple[Entity, ...] | None:
        """The named entities of a text that is not a passage sentence (a question's claim),
        tagged once, or None without a tagger."""
        if self.tagger is None:
            return None
        if text not in self._tagged:
            self._tagged[text] = self.tagger.entities([text])[0]
        return self._tagged[text]

    @staticmethod
    def _text(passage: Passage, span: tuple[int, int]) -> str:
        return passage.text[span[0] - passage.start:span[1] - passage.start]

    def vectors_of(self, claims: Sequence[str]) -> np.ndarray:
        """Claim vectors; a claim quoting a passage sentence, or the question, costs no model call."""
        out = np.zeros((len(claims), self._vectors.shape[1]), np.float32)
        todo = []
        for i, claim in enumerate(claims):
            if claim in self._index:
                out[i] = self._vectors[self._index[claim]]
            elif self._question is not None and claim == self._question[0]:
                out[i] = self._question[1]
            elif claim in self._embedded:
                out[i] = self._embedded[claim]
            else:
                todo.append(i)
        if todo:
            out[todo] = self.embedder.embed([claims[i] for i in todo])
            self._embedded.update((claims[i], out[i]) for i in todo)
        return out

    def sentence_scores(self, claim: str, vector: np.ndarray | None = None) -> np.ndarray:
        """Support of `claim` by every passage sentence, in [0, 1]."""
        if not self.texts:
            return np.zeros(0)
        if vector is None:
            vector = self.vectors_of([claim])[0]
        cos = self.cosines(vector)
        terms = set(query_terms(claim))
        overlap = np.array([len(terms & t) / len(terms) if terms else 0.0 for t in self._terms])
        return self.cosine_weight * cos + (1 - self.cosine_weight) * overlap

    def cosines(self, vector: np.ndarray) -> np.ndarray:
        return np.clip(self._vectors @ vector, 0, 1)

    def best_in(self, scores: np.ndarray, n: int) -> tuple[float, tuple[int, int]]:
        """Best score and its article span within passage n (1-based)."""
        lo, hi = self._offsets[n - 1], self._offsets[n]
        if hi == lo:
            return 0.0, (self.passages[n - 1].start, self.passages[n - 1].start)
        j = lo + int(np.argmax(scores[lo:hi]))
        return float(scores[j]), self.spans[n - 1][j - lo]

    def overlaps(self, i: int, j: int) -> bool:
        """Whether sentences i and j share text (same words, or overlapping spans)."""
        if self.texts[i] == self.texts[j]:
            return True
        n = self.passage_of(i)
        if n != self.passage_of(j):
            return False
        (a, b), (c, d) = self.span_of(i), self.span_of(j)
        return a < d and c < b

    def speaker_conflicts(self, claim: str) -> np.ndarray:
        """Per passage sentence: whether `claim` names or implies a speaker other than the
        sentence's own (a known speaker's name the sentence does not hold, or a role such as
        "the diplomat" that the sentence's speaker does not have)."""
        words = set(WORD.findall(claim.lower()))
        # A commenter's handle ("Sunni man") is no name a claim would give.
        named = {s for s in (x.speaker for x in self.labels if x and x.speaker and x.kind != "comment")
                 if _last(s) in words}
        roles = set(_ROLES.findall(claim.lower()))
        out = np.zeros(len(self.texts), dtype=bool)
        if not named and not roles:
            return out
        for j, label in enumerate(self.labels):
            speaker = label.speaker if label else None
            in_text = set(WORD.findall(self.texts[j].lower()))
            others = {s for s in named if s != speaker and _last(s) not in in_text}
            if others and not (speaker and _last(speaker) in words):
                out[j] = True
                continue
            # A role the sentence itself names ("[Russian President] Putin said") is its content.
            implied = roles - set(_ROLES.findall(self.texts[j].lower()))
            if implied and speaker and label.role and not any(_fits(r, label.role) for r in implied):
                out[j] = True
        return out

    def span_of(self, j: int) -> tuple[int, int]:
        """The article span of passage sentence j."""
        n = self.passage_of(j)
        return self.spans[n - 1][j - self._offsets[n - 1]]

    def label_at(self, n: int, span: tuple[int, int]) -> Attribution | None:
        """Who says the sentence at `span` of passage n (1-based), if known."""
        lo = self._offsets[n - 1]
        for j, s in enumerate(self.spans[n - 1]):
            if s == span:
                return self.labels[lo + j]
        return None

    def citation(self, n: int, span: tuple[int, int], supported: bool) -> Citation:
        """A citation of the sentence at `span` of passage n, with who says it and where."""
        p = self.passages[n - 1]
        start, end = span
        label = self.label_at(n, span)
        return Citation(n, p.article_id, p.title, p.source, start, end, p.text[start - p.start:end - p.start],
                        supported, p.outlet, p.date, label.speaker if label else None,
                        label.role if label else None, label.kind if label else None,
                        label.via if label and label.kind in _SPOKEN else None)

    def follows(self, j: int) -> bool:
        """Whether sentence j comes right after sentence j - 1 in one article: in one passage,
        or opening the passage after it that goes on where that one ended (the next chunk)."""
        if j == 0:
            return False
        n, m = self.passage_of(j - 1), self.passage_of(j)
        if n == m:
            return True
        if self.passages[n - 1].article_id != self.passages[m - 1].article_id:
            return False
        # Chunks are cut at paragraph or sentence ends: only the break between them is skipped.
        return 0 <= self.span_of(j)[0] - self.span_of(j - 1)[1] <= 8

    def article_of(self, j: int) -> str:
        return self.passages[self.passage_of(j) - 1].article_id

    def passage_of(self, j: int) -> int:
        return int(np.searchsorted(self._offsets, j, side="right"))

    def sentences_of(self, n: int) -> range:
        """The indices of passage n's sentences (1-based n)."""
        return range(int(self._offsets[n - 1]), int(self._offsets[n]))

    def around(self, j: int) -> list[int]:
        """Sentence j with the sentences before and after it in its passage."""
        near = self.sentences_of(self.passage_of(j))
        return [k for k in (j - 1, j, j + 1) if k in near]

    def same_paragraph(self, j: int) -> bool:
        """Whether sentence j follows sentence j - 1 in one paragraph of one passage."""
        n = self.passage_of(j)
        if j == 0 or n != self.passage_of(j - 1):
            return False
        p, k = self.passages[n - 1], j - int(self._offsets[n - 1])
        return "\n" not in p.text[self.spans[n - 1][k - 1][1] - p.start:self.spans[n - 1][k][0] - p.start]


def verify(answer: str, scorer: SupportScorer, threshold: float, min_cosine: float = 0.0
           ) -> tuple[list[Sentence], list[Citation]]:
    """Check every sentence of `answer`; return the sentences with corrected markers and
    their citations (an unsupported claim keeps its original markers as unsupported
    citations, so the reader sees what the model claimed and that it failed). A passage
    sentence supports a claim only if their meanings are at least `min_cosine` alike: a
    short claim repeating two of its words ("ISIS is not fighting ISIS") has full overlap."""
    passages = scorer.passages
    sentences: list[Sentence] = []
    citations: list[Citation] = []
    raw = [answer[a:b] for a, b in sentence_spans(answer)]
    claims = [split_markers(s) for s in raw]
    claims = [(c, ns) for c, ns in claims if any(ch.isalnum() for ch in c)]
    vectors = scorer.vectors_of([c for c, _ in claims]) if claims and scorer.texts else None

    def cite(n: int, span: tuple[int, int], supported: bool) -> None:
        citations.append(scorer.citation(n, span, supported))

    for i, (claim, numbers) in enumerate(claims):
        valid = [n for n in dict.fromkeys(numbers) if 1 <= n <= len(passages)]
        if vectors is None:
            sentences.append(Sentence(claim, (), False))
            continue
        scores = scorer.sentence_scores(claim, vectors[i])
        scores[scorer.cosines(vectors[i]) < min_cosine] = 0.0
        # Right words under the wrong name are not support: "the Russian diplomat said" of
        # what President Putin said.
        scores[scorer.speaker_conflicts(claim)] = 0.0
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


_SPOKEN = ("quote", "indirect", "transcript", "embedded")


def who_and_where(asks: str, citations: Sequence[Citation], scorer: SupportScorer, same_claim: float,
                  closest: bool = False) -> tuple[Sentence, list[Citation]] | None:
    """For "Who said ...?" (`asks` "speaker") and "Which outlet ...?" (`asks` "outlet"): our
    own first sentence, from the answer's first supported citation: who says it, and every
    outlet whose passage carries the same claim by the same speaker (a sentence supporting
    the cited one at `same_claim`), each cited; with the citations it adds. None when the
    answer cites nothing (or, for "who", nobody speaking). A `closest` statement (no sentence
    words what "Who said ...?" asks about) is said to be only that."""
    supported = [c for c in citations if c.supported]
    first = next((c for c in supported if asks != "speaker" or (c.speaker and c.kind in (*_SPOKEN, "comment"))), None)
    if first is None:
        return None
    if first.kind == "comment":  # a reader's words: never anyone's reporting, cited once
        who = f"A reader, {first.speaker}," if first.speaker else "A reader"
        what = "wrote what comes closest to it in meaning" if closest else "wrote it"
        return Sentence(f"{who} {what} in a comment under {_where(first)}, not in the article's reporting.",
                        (first.n,), True, ours=True), []
    speaker = first.speaker if first.kind in _SPOKEN else None
    scores = scorer.sentence_scores(first.quote)
    found = {first.n: first}
    for j in np.argsort(-scores):
        if scores[j] < same_claim:
            break
        n, label = scorer.passage_of(int(j)), scorer.labels[int(j)]
        said_by = label.speaker if label is not None and label.kind in _SPOKEN else None
        if n not in found and (said_by and speaker and _last(said_by) == _last(speaker) or not said_by and not speaker):
            found[n] = scorer.citation(n, scorer.span_of(int(j)), True)
    where = list(dict.fromkeys(_where(c) for c in found.values()))  # two passages of one article: named once
    outlets = ", ".join(where[:-1]) + (" and " if len(where) > 1 else "") + where[-1]
    who = f"{speaker} ({first.speaker_role})" if speaker and first.speaker_role else speaker
    if asks == "speaker" and closest:
        text = f"The closest statement in meaning is by {who}, as reported by {outlets}."
    elif asks == "speaker":
        text = f"{who} said it, as reported by {outlets}."
    else:
        text = f"Reported by {outlets}" + (f", which attribute{'s' if len(found) == 1 else ''} it to {who}." if who else ".")
    added = [c for n, c in found.items() if n != first.n and not any(x.n == n and x.supported for x in citations)]
    return Sentence(text, tuple(found), True, ours=True), added


def reported_by(citations: Sequence[Citation]) -> Sentence | None:
    """For "Which journalist reported ...?" (`answerable.asks_reporter`): our own first sentence
    naming the journalist the first supported citation's speaker told ("According to Bill Gertz
    of the Free Beacon, officials have stated ..."), cited; None when no person passed it on
    (an agency or outlet is a "Which outlet" answer)."""
    first = next((c for c in citations if c.supported and c.kind in _SPOKEN and c.via), None)
    if first is None or not re.match(r"(?:[A-Z][\w'’-]+ ){1,2}[A-Z][\w'’-]+\b", first.via) \
            or names_medium(teller(first.via)):
        return None
    return Sentence(f"{first.via} reported it, attributing it to {first.speaker}, as quoted in {_where(first)}.",
                    (first.n,), True, ours=True)


def teller(via: str) -> str:
    """Who passed a statement on, without where he works: "Bill Gertz" of "Bill Gertz of the Free Beacon"."""
    return re.split(r" (?:of|from|at) ", via)[0]


def claims_of(scorer: SupportScorer) -> tuple[Claim, ...]:
    """Every passage sentence someone is said to say (quotes, reported speech, transcript
    turns, embedded posts), in passage order: the "who says what" of the evidence."""
    out = []
    for j, label in enumerate(scorer.labels):
        if label is None or not label.speaker or label.kind not in ("quote", "indirect", "transcript", "embedded"):
            continue
        n = scorer.passage_of(j)
        p = scorer.passages[n - 1]
        start, end = scorer.span_of(j)
        out.append(Claim(label.speaker, label.role, label.kind, n, start, end, scorer.texts[j], p.outlet, p.date,
                         label.cue))
    return tuple(out)


# A claim that denies: its cue or its words reject what was said.
_DENIES = re.compile(r"\b(?:den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)"
                     r"|rebuff(?:s|ed)?|baseless|unfounded|not true|untrue|fake news)\b", re.IGNORECASE)


def disputes(claims: Sequence[Claim]) -> list[Dispute]:
    """Each claim that denies, with the claim it answers: the one just before it in the same
    passage (at most two sentences back) by another speaker. Both sides, as the articles have
    them; which is true is not ours to say."""
    out = []
    for i, c in enumerate(claims):
        if not (_DENIES.search(c.quote) or (c.cue and _DENIES.search(c.cue))):
            continue
        for before in reversed(claims[max(0, i - 2):i]):
            if before.n == c.n and _last(before.speaker) != _last(c.speaker) and not _DENIES.search(before.quote):
                out.append(Dispute(before, c))
                break
    return out


def by_speaker(claims: Sequence[Claim]) -> list[SpeakerClaims]:
    """Claims grouped by speaker, in order of first appearance. Two spellings of one name
    are one speaker: the same last name, first names alike in their first three letters,
    and no two different roles ("Sergei Ryabkov" in Sputnik, "Sergey Ryabkov" in EU Times)."""
    groups: list[tuple[str, str | None, list[Claim]]] = []
    for c in claims:
        for i, (name, role, said) in enumerate(groups):
            if name == c.speaker or (_spellings(name, c.speaker) and (not role or not c.role or role == c.role)):
                said.append(c)
                groups[i] = (name, role or c.role, said)
                break
        else:
            groups.append((c.speaker, c.role, [c]))
    return [SpeakerClaims(name, role, tuple(said)) for name, role, said in groups]


def _spellings(a: str, b: str) -> bool:
    """Whether two full names may be one person's name spelt two ways."""
    x, y = a.split(), b.split()
    return (len(x) >= 2 and len(y) >= 2 and a[0].isupper() and b[0].isupper()
            and x[-1].lower() == y[-1].lower() and x[0][:3].lower() == y[0][:3].lower())


def render(sentences: Sequence[Sentence]) -> str:
    """Answer text with each sentence followed by its markers; a quote after who says it,
    written once for sentences in a row that are one quote (see `quote_runs`)."""
    parts = []
    for run in quote_runs(sentences):
        s = run[0]
        marks = "".join(f"[{n}]" for n in s.cites)
        text = " ".join(x.text for x in run)
        said = s.attribution + " " + in_marks(text, '"', '"') if s.attribution else text
        parts.append(f"{said} {marks}".rstrip())
    return " ".join(parts)


def in_marks(quote: str, opening: str = "“", closing: str = "”") -> str:
    """A verbatim quote set in our quotation marks, unless it opens with the article's own:
    doubled marks (“"“The US Air Force ...") read as a typo and set nothing more apart."""
    return quote if quote.lstrip()[:1] in "\"“‘'" else f"{opening}{quote}{closing}"


_ENDS = re.compile(r"[.!?…][\"”’')\]]*\s*$")


def quote_runs(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """The answer's sentences in runs: supported sentences in a row with the same speaker,
    place and markers are one quote ("Vladimir Putin said, in RT: "s1 s2 s3" [1]"), so who
    says it is written once; every other sentence is a run of its own."""
    runs: list[list[Sentence]] = []
    for s in sentences:
        prev = runs[-1][-1] if runs else None
        # A headline has no full stop: joined to the next sentence it would run into it.
        if prev is not None and s.attribution and s.supported and prev.supported and (
                prev.attribution, prev.cites) == (s.attribution, s.cites) and _ENDS.search(prev.text):
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def attribute_quotes(sentences: Sequence[Sentence], citations: Sequence[Citation]) -> list[Sentence]:
    """Each sentence that quotes a passage sentence verbatim, with who says it and where in
    front; the quote itself stays as the article has it, the attribution is ours."""
    quoted = {(c.quote, c.n): c for c in citations if c.supported}
    out = []
    for s in sentences:
        c = next((quoted[s.text, n] for n in s.cites if (s.text, n) in quoted), None)
        out.append(replace(s, attribution=attribution_phrase(c)) if c else s)
    return out


def attribution_phrase(c: Citation) -> str:
    """"Sergey Ryabkov (Deputy Foreign Minister) said, in Sputnik (2015-10-08):" and the like."""
    where = _where(c)
    who = f"{c.speaker} ({c.speaker_role})" if c.speaker and c.speaker_role else c.speaker
    # Whom he told is where the words were first given: "Ryabkov told RIA Novosti" in Sputnik.
    told = f" told {c.via}," if c.via else " said,"
    if c.kind in ("quote", "transcript") and who:
        return f"{who}{told} in {where}:"
    if c.kind == "indirect" and who:
        return f"{who}{f', to {c.via},' if c.via else ','} as reported in {where}:"
    if c.kind == "comment":
        by = f" by {c.speaker}" if c.speaker else ""
        return f"A reader comment{by} under {where}, not the article's reporting:"
    if c.kind == "embedded":
        return f"A post by {who} embedded in {where}:" if who else f"A post embedded in {where}:"
    if c.kind == "furniture":  # asked for: "Which group is in Sputnik's related headlines?"
        return f"From the page around {where}, not its reporting (a headline, link or caption):"
    if c.kind == "transcript":  # "Question: ...": the interviewer's turn, not the outlet's reporting
        return f"An interview turn with no named speaker, in {where}:"
    return f"{where[0].upper()}{where[1:]} reports:"


def _where(c: Citation) -> str:
    """"Sputnik (2015-10-08)", or the article's title when its outlet is not known."""
    where = c.outlet or f"the article \u201c{c.title}\u201d"
    return where + (f" ({c.date})" if c.date else "")


def _holding(labels: Sequence[Attribution], at: int) -> Attribution | None:
    """The attribution of the sentence holding character `at` (labels in text order)."""
    i = bisect.bisect_right(labels, at, key=lambda a: a.start) - 1
    return labels[i] if i >= 0 and labels[i].start <= at < labels[i].end else None
