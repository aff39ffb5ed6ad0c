"""When the sources disagree: the values the evidence gives for what a question asks, and
whether two articles give different ones.

For a question that asks for a value (who, which, where, when, how many, how much, or one of
the options it lists), each answer sentence of the evidence is read for the values of that
type it holds (names, dates, numbers with their units, money, or the options themselves).
Two sentences from different articles that make the same statement (their content words
alike once the values are taken out, or the same words but for a few that hold a value) but
hold different values disagree; the values of all
such pairs are grouped so that one value in other words stays one ("Sergei Shoigu" and
"Shoigu", "Oct 8th, 2015" and "8 October 2015", "200kg" and "200 kilograms", "$1.2bn" and
"1.2 billion dollars") and reported most supported first, each with its citations.

Why pairs of alike sentences rather than every value each article holds: articles are full of
numbers, dates and names that answer other questions; a value counts against another only
where two articles make the same statement with it. It is computed from the evidence, not
from the written answer, so every backend reports the same conflicts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

import numpy as np

from .answerable import ACCORDING_TO, asks_for, counted, expected, options, without_options
from .text import WORD, normalise_answer, query_terms
from .types import Citation, Conflict, ConflictValue, Entity, TypedValue
from .values import comparable, dates, name, names, numbers, same, without

if TYPE_CHECKING:
    from .cite import SupportScorer

Slot = Literal["date", "number", "name"]

# "Who ...", "Where ...", "Which country ...", "In what city ...": the answer is a name.
_ASKS_NAME = re.compile(
    rf"^\W*{ACCORDING_TO}(?:who|whom|whose|where)\b|\bwhich\b|\bwhat (?:country|countries|city|cities|town|region"
    r"|province|state|organi[sz]ation|group|agency|company|newspaper|outlet|party|team|ship"
    r"|aircraft|plane|weapon|base|airport|river|island|nation|capital|university|name)\b",
    re.IGNORECASE)

_HOW_LONG = re.compile(r"\bhow (?:long|far|old|big|large|high|deep|fast)\b", re.IGNORECASE)

# Most values, per sentence, in which two sentences making one statement may differ.
_MOST_DIFFERENT = 2
# Sentences this alike word for word (difflib's ratio) are one statement, written twice; where
# they differ in at most `_CHANGED_WORDS` words holding a value, they disagree on it.
_NEARLY_EQUAL = 0.8
_CHANGED_WORDS = 6
# Content words (values taken out) a sentence needs to be compared as a statement.
_FEWEST_WORDS = 4


def slot(question: str) -> Slot | None:
    """What kind of value the question asks for; None for why/how/what-did-X-say questions.
    A question listing options asks for a name unless its wording says a number or date."""
    kind = expected(question)
    if kind in ("number", "percentage") or _HOW_LONG.search(without_options(question)):
        return "number"
    if kind == "date":
        return "date"
    listed = options(question)
    # Options that are all numbers ("2.0; 3.3; 4.6") or all dates say what is asked.
    if listed and all(numbers(o) for o in listed):
        return "number"
    if listed and all(dates(o) for o in listed):
        return "date"
    if kind == "name" or asks_for(question) == "speaker" or _ASKS_NAME.search(without_options(question)) or listed:
        return "name"
    return None


_ABOUT = {"date": "the date", "number": "the number", "name": "the name"}


def values(kind: Slot, sentence: str, question: str, entities: Sequence[Entity] | None = None) -> list[TypedValue]:
    """The values of `kind` that `sentence` holds, less those the question itself gives; and
    the options it lists that the sentence holds (an option is a value whatever its kind).
    Names are the sentence's named `entities` when a recogniser gave them (so a nationality
    is not another country), else its capitalised words."""
    asked = without_options(question)
    words = {w.lower() for w in WORD.findall(asked)}
    if kind == "name" and entities is not None:
        named = [name(e.text, e.start, _KIND.get(e.label, e.label)) for e in entities if e.label in _NAMED]
        found = [n for n in named if n is not None and not all(w.lower() in words for w in WORD.findall(n.text))]
    else:
        read = {"date": dates, "number": lambda t: numbers(t, counted(asked)), "name": names}[kind]
        given = {f.key for f in read(asked)}
        found = [f for f in read(sentence) if f.key not in given
                 and not (kind == "name" and all(w.lower() in words for w in WORD.findall(f.text)))]
    text = normalise_answer(sentence)
    for o in options(question):
        key = normalise_answer(o)
        if key and re.search(rf"\b{re.escape(key)}\b", text):
            listed = TypedValue(o, (key,), 0, 0)
            if not any(same(listed, f) for f in found):
                found.append(listed)
    return found


# Entity labels that name something a question may ask for, and which of them are one kind.
_NAMED = frozenset("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW".split())
_KIND = {"GPE": "place", "LOC": "place", "FAC": "place"}


def _entities(kind: Slot, scorer: SupportScorer, j: int) -> Sequence[Entity] | None:
    """Sentence j's named entities, for a question asking for a name (None without a tagger)."""
    if kind != "name":
        return None
    found = scorer.entities([j])
    return None if found is None else found[0]


def _alike(a: str, b: str, found_a: Sequence[TypedValue], found_b: Sequence[TypedValue]) -> float:
    """The share of the two sentences' content words (values taken out) that both hold: a
    long sentence holding a short one's words, and more, makes another statement."""
    x = set(query_terms(without(a, found_a)))
    y = set(query_terms(without(b, found_b)))
    if min(len(x), len(y)) < _FEWEST_WORDS:
        return 0.0  # "Highest gas prices in California" is a heading, no statement to compare
    return len(x & y) / len(x | y)


def _aligned(a: str, b: str, found_a: Sequence[TypedValue], found_b: Sequence[TypedValue], question: str
             ) -> list[tuple[TypedValue, TypedValue]]:
    """The words two nearly equal sentences (at least `_NEARLY_EQUAL` of their words in the
    same order) write differently, where both hold a value of the asked kind, or one is an
    option the question lists: the values they disagree on."""
    from difflib import SequenceMatcher

    ta, tb = list(re.finditer(r"[\w'’$%.,-]*\w[%]?", a)), list(re.finditer(r"[\w'’$%.,-]*\w[%]?", b))
    wa, wb = {t.group(0).lower() for t in ta}, {t.group(0).lower() for t in tb}
    if not wa or not wb or 2 * len(wa & wb) < _NEARLY_EQUAL * (len(wa) + len(wb)):
        return []  # too few words in common for the ratio below to reach it: no need to align
    matcher = SequenceMatcher(None, [t.group(0).lower() for t in ta], [t.group(0).lower() for t in tb], autojunk=False)
    if matcher.ratio() < _NEARLY_EQUAL:
        return []
    listed = {normalise_answer(o) for o in options(question)}
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or not (0 < i2 - i1 <= _CHANGED_WORDS and 0 < j2 - j1 <= _CHANGED_WORDS):
            continue
        x = TypedValue(a[ta[i1].start():ta[i2 - 1].end()], (), ta[i1].start(), ta[i2 - 1].end())
        y = TypedValue(b[tb[j1].start():tb[j2 - 1].end()], (), tb[j1].start(), tb[j2 - 1].end())
        typed_x = [f for f in found_a if f.start < x.end and x.start < f.end and len(f.key) > 0]
        typed_y = [f for f in found_b if f.start < y.end and y.start < f.end and len(f.key) > 0]
        # Both sides hold a value of the asked kind, and they are not one value ("Thursday"
        # for "October 8" is other words for the time); or one side is exactly a listed
        # option ("climate change" where the copy says "cyber warfare").
        if typed_x and typed_y:
            if not any(comparable(f, g, kinds=False) and not same(f, g) for f in typed_x for g in typed_y):
                continue
        elif not (normalise_answer(x.text) in listed or normalise_answer(y.text) in listed):
            continue
        out.append((replace(x, key=(normalise_answer(x.text),)), replace(y, key=(normalise_answer(y.text),))))
    return out


def find(question: str, scorer: SupportScorer, floor: float, alike: float
         ) -> tuple[tuple[Conflict, ...], list[Citation]]:
    """The conflicts in the evidence for `question`, and a citation of every sentence they
    cite. Answer sentences are those scoring at least `floor` of the best sentence's score;
    two of them make the same statement when `alike` of their content words (values
    taken out) are in both, or when they are nearly the same words (`_aligned`)."""
    kind = slot(question)
    if kind is None or not scorer.texts:
        return (), []
    # Scored against the question itself, not its options: a sentence holding the value an
    # option does not list would rank below those repeating the options' words.
    scores = scorer.sentence_scores(without_options(question))
    best = float(scores.max())
    if best <= 0:
        return (), []
    chosen = []
    for j in np.argsort(-scores):
        if scores[j] < floor * best:
            break
        label = scorer.labels[int(j)]
        if label is not None and label.kind == "furniture" or scorer.texts[int(j)].rstrip().endswith("?"):
            continue  # navigation, captions, related headlines, questions: nobody's statement
        chosen.append(int(j))
    # Tagged in one batch: the recogniser reads many sentences at once far faster than one by one.
    tagged = scorer.entities(chosen) if kind == "name" else None
    candidates: list[tuple[int, list[TypedValue]]] = [
        (j, values(kind, scorer.texts[j], question, tagged[x] if tagged is not None else None))
        for x, j in enumerate(chosen)]
    # Each disagreeing value, with the sentences that give it.
    sides: list[tuple[TypedValue, set[int]]] = []

    def add(value: TypedValue, j: int) -> None:
        for other, js in sides:
            if same(value, other):
                js.add(j)
                return
        sides.append((value, {j}))

    for x, (i, found_i) in enumerate(candidates):
        for j, found_j in candidates[x + 1:]:
            if scorer.article_of(i) == scorer.article_of(j):
                continue
            only_i = [v for v in found_i if not any(same(v, w) for w in found_j)]
            only_j = [w for w in found_j if not any(same(w, v) for v in found_i)]
            differ = [(v, w) for v in only_i for w in only_j if comparable(v, w)]
            # One statement with another value differs in that value (maybe in two places);
            # sentences that differ in many are other statements, however alike their words.
            if (not differ or len(only_i) > _MOST_DIFFERENT or len(only_j) > _MOST_DIFFERENT
                    or _alike(scorer.texts[i], scorer.texts[j], found_i, found_j) < alike):
                # Or one sentence in nearly the same words, a few words changed where one
                # of them has a value: "tours of the White House" / "tours of the US Capitol".
                differ = _aligned(scorer.texts[i], scorer.texts[j], found_i, found_j, question)
            for v, w in differ:
                add(v, i)
                add(w, j)
    if len(sides) < 2:
        return (), []
    # A side also holds every other answer sentence that gives its value.
    for j, found in candidates:
        for value, js in sides:
            # Not a sentence that already gives another side's value (it names this one in
            # passing: "the White House announced" in the copy that moved the tours).
            if any(same(value, f) for f in found) and not any(j in other for v, other in sides if v is not value):
                js.add(j)
    groups = []
    for value, js in sides:
        ns = sorted({scorer.passage_of(j) for j in js})
        articles = tuple(dict.fromkeys(scorer.article_of(j) for j in sorted(js)))
        groups.append((value, sorted(js), ns, articles))
    if len({a for g in groups for a in g[3]}) < 2:
        return (), []
    groups.sort(key=lambda g: (-len(g[3]), -max(scores[j] for j in g[1])))
    citations: list[Citation] = []
    out = []
    for value, js, ns, articles in groups:
        for j in js:
            citations.append(scorer.citation(scorer.passage_of(j), scorer.span_of(j), True))
        passages = [scorer.passages[n - 1] for n in ns]
        # A reader comment is a side, but said to be a reader's, never the outlet's reporting.
        published = tuple(dict.fromkeys(_published(scorer, j) for j in js))
        forms = [f for j in js for f in values(kind, scorer.texts[j], question, _entities(kind, scorer, j))]
        out.append(ConflictValue(_longest(value, forms),
                                 tuple(ns), articles, tuple(dict.fromkeys(p.outlet for p in passages if p.outlet)),
                                 published))
    return (Conflict(_ABOUT[kind], tuple(out)),), citations


def _published(scorer: SupportScorer, j: int) -> str:
    """Where sentence j was published: "RT, 2015-11-13", or "a reader comment under RT"."""
    p = scorer.passages[scorer.passage_of(j) - 1]
    label = scorer.labels[j]
    if label is not None and label.kind == "comment":
        return f"a reader comment under {p.outlet or p.title}"
    return p.published


def _longest(value: TypedValue, forms: Sequence[TypedValue]) -> str:
    """The fullest way the sentences write a value ("Sergei Shoigu" rather than "Shoigu")."""
    written = [value.text] + [f.text for f in forms if same(value, f)]
    return max(written, key=len)


def probes(question: str, scorer: SupportScorer, floor: float, limit: int) -> list[int]:
    """The best answer sentences (at least `floor` of the best score, no furniture), up to
    `limit`: the statements to look for in other articles, which may give another value."""
    if slot(question) is None or not scorer.texts:
        return []
    scores = scorer.sentence_scores(without_options(question))
    best = float(scores.max())
    out: list[int] = []
    for j in np.argsort(-scores):
        if len(out) == limit or best <= 0 or scores[j] < floor * best:
            break
        label = scorer.labels[int(j)]
        if (label is None or label.kind != "furniture") and not any(scorer.overlaps(int(j), k) for k in out):
            out.append(int(j))
    return out


def renumber(conflict: Conflict, number: Mapping[int, int]) -> Conflict:
    """The conflict with its passage numbers mapped (those not in `number` stay)."""
    return replace(conflict, values=tuple(replace(v, citations=tuple(number.get(n, n) for n in v.citations))
                                          for v in conflict.values))


def statement(conflict: Conflict) -> str:
    """"The sources disagree on the number: 107 sorties [1] (RT, 2015-11-13); 97 sorties [2][3]
    (EU Times, 2015-10-08; Sputnik)." Ours, from the conflict's values and citations."""
    parts = []
    for v in conflict.values:
        marks = "".join(f"[{n}]" for n in v.citations)
        where = "; ".join(x for x in dict.fromkeys(v.published) if x)
        parts.append(f"{v.value} {marks}" + (f" ({where})" if where else ""))
    return f"The sources disagree on {conflict.about}: " + "; ".join(parts) + "."
