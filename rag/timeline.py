"""A topic's timeline: the claims and events about it in the retrieved articles, by date.

More passages are retrieved than an answer takes (20, up to 2 per article, inside the user's
filter and the topic's own time words), and every sentence of them is scored against the
topic with the answer's support score (rag/cite.py). A sentence above the floor becomes an
entry if someone is said to say it (a quote, reported speech, a transcript turn or an
embedded post, with a speaker) or it is the outlet's own reporting (an event); a reader
comment only as one, and page furniture never. An entry is placed at its article's date,
the day it was reported, which the source states; a day the sentence gives ("on 8 October
2015") or implies ("Thursday", "yesterday", counted back from a dated article) is shown
beside it as derived, never used to move it, because a page updated after its stated date
makes such a reading wrong. Undated entries come last, as "date unknown". The same claim by
the same speaker (or the same event as the outlets report it) in several articles is one
entry citing them all, the earliest first.
"""

from __future__ import annotations

import re
from datetime import date as Date, timedelta

import numpy as np

from . import values, when
from .cite import SupportScorer, _last
from .pipeline import Pipeline
from .types import Filter, Timeline, TimelineEntry, TimelineSource

#: Passages retrieved for a timeline, and how many one article may give.
K = 20
PER_ARTICLE = 2
#: Least support score of the topic by a sentence. Judged by hand on two topics (the seeds'
#: "US refusal to share intelligence with Russia", news-dev's "Nancy Pelosi visit to Taiwan",
#: every sentence of their 20 passages): sentences scoring 0.35-0.45 are about the topic 7 of
#: 10 and 12 of 14 times, 0.30-0.35 9 of 17 and 5 of 8; below 0.30 mostly not.
FLOOR = 0.35
#: Most entries shown, the best supported (then put in date order).
LIMIT = 40
#: Two sentences (of one speaker, or both outlets' reporting) are one entry when each
#: supports the other at least this much (the smaller of the two scores, since support counts
#: one sentence's words found in the other). Judged by hand on the pairs among the candidates
#: of news-dev's "Brittney Griner detention in Russia" (2022-06-17..08-12): at 0.70 and above
#: 15 of 17 pairs are one claim or event (the other two: two photo captions of one gallery);
#: at 0.60-0.69 13 of 22 ("pleads guilty" and "sentenced to nine years" score 0.60: the
#: topic's words are in both).
ALIKE = 0.7

_SPOKEN = ("quote", "indirect", "transcript", "embedded")
# A sentence about what is to come: its weekday is not a day that has passed.
_FUTURE = re.compile(r"\b(will|would|next|plans?|planned|planning|expected|scheduled|due|to (?:begin|start))\b", re.I)
_YESTERDAY = re.compile(r"\byesterday\b", re.I)


def timeline(pipeline: Pipeline, topic: str, where: Filter | None = None, as_of: str | None = None,
             k: int = K, limit: int = LIMIT, floor: float = FLOOR) -> Timeline:
    """The claims and events about `topic` in the articles `where` lets through, by date."""
    text, notice = pipeline.clean_question(topic)
    s = pipeline.settings
    retriever = pipeline.current_retriever()
    scope = pipeline.scope(text, where, when.day(as_of).isoformat() if as_of else None, retriever)
    notice = " ".join(x for x in (notice, scope.notice) if x)
    vector = pipeline.embedder.embed([text])[0]
    passages = retriever.retrieve(text, k, s.retriever, vector, PER_ARTICLE, scope.within, scope.prefer)
    if not passages:
        said = f"No article matches {scope.within.describe()}." if scope.within else "No article matches the topic."
        return Timeline(text, (), (), scope.within.describe(), " ".join(x for x in (notice, said) if x))
    scorer = SupportScorer.from_index(pipeline.embedder, passages, retriever.reader, (text, vector),
                                      s.support_cosine_weight)
    entries = entries_of(scorer, scorer.sentence_scores(text, vector), limit, floor)
    return Timeline(text, tuple(entries), tuple(passages), scope.within.describe(), notice)


def entries_of(scorer: SupportScorer, scores: np.ndarray, limit: int = LIMIT, floor: float = FLOOR,
               alike: float = ALIKE) -> list[TimelineEntry]:
    """The sentences of the scored passages that make entries, near-duplicates grouped, the
    `limit` best kept, in date order (undated last)."""
    groups: list[list[int]] = []
    rows: dict[int, np.ndarray] = {}

    def support(i: int, j: int) -> float:
        """How much sentence i supports sentence j (each sentence's row scored once)."""
        if j not in rows:
            rows[j] = scorer.sentence_scores(scorer.texts[j], scorer.vector(j))
        return float(rows[j][i])

    for j in (int(j) for j in np.argsort(-scores, kind="stable")):
        if scores[j] < floor:
            break
        if _voice(scorer, j) is None:
            continue
        for group in groups:
            if _same(scorer, group[0], j) and min(support(group[0], j), support(j, group[0])) >= alike:
                group.append(j)
                break
        else:
            groups.append([j])
    entries = [_entry(scorer, group, float(scores[group[0]])) for group in groups[:limit]]
    # An article's entries stay together, in their order in it, within a day.
    shown = {e.first.article_id: None for e in sorted(entries, key=lambda e: e.first.n)}
    rank = {a: i for i, a in enumerate(shown)}
    return sorted(entries, key=lambda e: _order(e, rank[e.first.article_id]))


def _voice(scorer: SupportScorer, j: int) -> str | None:
    """Whose words sentence j is, if it can be an entry: a speaker's, the outlet's own
    ("reporting"), or a reader's ("comment"); None for furniture, unlabelled sentences and
    quotes nobody is named for."""
    label = scorer.labels[j]
    if label is None or label.kind == "furniture":
        return None
    if label.kind in _SPOKEN:
        return label.speaker or None
    return label.kind  # reporting, comment


def _same(scorer: SupportScorer, i: int, j: int) -> bool:
    """Whether sentences i and j may be one claim: the same speaker (or both the outlets' own
    reporting), in other articles or repeated in one (a quote a page sets out again). A
    reader's comment is never merged with anything."""
    a, b = _voice(scorer, i), _voice(scorer, j)
    if a is None or b is None or "comment" in (a, b):
        return False
    if (a == "reporting") != (b == "reporting"):
        return False
    return a == "reporting" or _last(a) == _last(b)  # "Blinken" and "Antony Blinken", as rag ask matches them


def _source(scorer: SupportScorer, j: int) -> TimelineSource:
    n = scorer.passage_of(j)
    p = scorer.passages[n - 1]
    start, end = scorer.span_of(j)
    return TimelineSource(n, p.article_id, p.title, p.source, p.outlet, p.date, start, end, scorer.texts[j])


def _entry(scorer: SupportScorer, group: list[int], score: float) -> TimelineEntry:
    """One entry of a group of sentences: placed at the earliest dated one (the first of
    them when none is dated), which is the one quoted."""
    ordered = sorted(group, key=lambda j: (_source(scorer, j).date or "9999", group.index(j)))
    j = ordered[0]
    label = scorer.labels[j]
    assert label is not None
    # Two passages of one article may overlap: a sentence in both is one source.
    sources = tuple({(s.article_id, s.start): s for s in (_source(scorer, x) for x in ordered)}.values())
    first = sources[0]
    speaker = label.speaker if label.kind in _SPOKEN else label.speaker if label.kind == "comment" else first.outlet
    # A reader's comment was posted under the article, on its day or later: its own day is unknown.
    day = None if label.kind == "comment" else first.date
    event, basis = event_day(first.quote, first.date)
    return TimelineEntry(label.kind, speaker, label.role, first.quote, sources, score, day, event, basis,
                         label.cue)


def event_day(sentence: str, published: str | None) -> tuple[str | None, str]:
    """The day a sentence names, and how it was read: a full date it gives ("8 October 2015",
    not after its article's date), or a weekday or "yesterday" counted back from the article's
    date; (None, "") when it names none, or more than one, or speaks of what is to come."""
    day = when.day(published) if published else None
    full = {v.key for v in values.dates(sentence) if len(v.key) == 3 and None not in v.key
            and isinstance(v.key[0], int)}
    if len(full) == 1:
        year, month, dom = next(iter(full))
        try:
            found = Date(year, month, dom)
        except ValueError:
            return None, ""
        if day is None or found <= day:
            return found.isoformat(), "a date the sentence gives"
        return None, ""
    if day is None or full or _FUTURE.search(sentence):
        return None, ""
    if _YESTERDAY.search(sentence):
        return (day - timedelta(days=1)).isoformat(), f"\u201cyesterday\u201d, the day before the article's {published}"
    weekdays = {v.key[1] for v in values.dates(sentence) if v.key[0] == "weekday"}
    if len(weekdays) != 1:
        return None, ""
    name = next(iter(weekdays))
    back = (day.weekday() - _WEEKDAYS.index(name)) % 7
    said = f"\u201c{name.capitalize()}\u201d, " + ("the article's own day" if not back
                                                    else f"the last one before the article's {published}")
    return (day - timedelta(days=back)).isoformat(), said


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _order(entry: TimelineEntry, article: int) -> tuple:
    """Dated entries by date (within a day, by the day they name, then by article and where
    they stand in it); undated ones after them, by article and place."""
    return (entry.date is None, entry.date or "", entry.event_date or entry.date or "", article, entry.first.start)


_SAYS = {"quote": "quoted", "transcript": "in a transcript", "indirect": "as reported",
         "embedded": "in an embedded post"}


def who(entry: TimelineEntry) -> str:
    """Who says an entry, ours: "Sergey Ryabkov (Deputy Foreign Minister), quoted", "EU Times
    reports", "a reader comment by Sunni man, not the article's reporting"."""
    if entry.kind == "comment":
        return "a reader comment" + (f" by {entry.speaker}" if entry.speaker else "") + ", not the article's reporting"
    if entry.kind == "reporting":
        return f"{entry.speaker or 'the article'} reports"
    name = f"{entry.speaker} ({entry.role})" if entry.role else str(entry.speaker)
    return f"{name}, {_SAYS.get(entry.kind, entry.kind)}"


def where(source: TimelineSource) -> str:
    """"Sputnik, date unknown" or "the article “Title”, 2015-10-08"."""
    return f"{source.outlet or 'the article “' + source.title + '”'}, {source.date or 'date unknown'}"


def as_text(tl: Timeline) -> str:
    """The timeline as the CLI prints it: a heading per date, under it each entry's outlet,
    who says it, the verbatim sentence and its citation (passage and article characters)."""
    articles = len({p.article_id for p in tl.passages})
    lines = [f"Timeline of \u201c{tl.topic}\u201d: {len(tl.entries)} entries from {len(tl.passages)} passages "
             f"of {articles} articles" + (f" ({tl.scope})" if tl.scope else "")]
    if tl.notice:
        lines.append(f"note: {tl.notice}")
    heading = None
    for e in tl.entries:
        day = e.date or ("date unknown (a reader comment)" if e.kind == "comment" and e.first.date else "date unknown")
        if day != heading:
            lines += ["", day]
            heading = day
        first = e.first
        lines.append(f"  {first.outlet or 'the article “' + first.title + '”'} \u00b7 {who(e)}: "
                     f"\u201c{e.quote}\u201d [{first.n}, chars {first.start}-{first.end}]")
        if e.kind == "comment" and first.date:
            lines.append(f"      posted under an article of {first.date}, on that day or later")
        if e.event_date:
            lines.append(f"      the day it names: {e.event_date} ({e.event_basis})")
        for other in e.sources[1:]:
            lines.append(f"      also: {where(other)} [{other.n}, chars {other.start}-{other.end}]")
    if tl.passages:
        lines += ["", "Sources:"]
        for n, p in enumerate(tl.passages, start=1):
            lines.append(f"[{n}] {p.title} ({', '.join(x for x in (p.outlet, p.date or 'date unknown', p.source) if x)})")
    return "\n".join(lines)
