"""When a question is about, and the days a date filter means: time words resolved to ISO days.

A question's time words ("in October 2015", "last week", "since September", "since the
summer") are found and read by dateparser against a reference day: the newest article's date
by default, or the day the user reads the archive as of (`--as-of`), since a news archive is
rarely read on the day it was written. Each becomes a span of days by what it names: a day, a
week (the seven days ending on it: the quiz's "this week"), a month, a year, or a season (the
one thing dateparser does not read). A word before it turns the span into a bound: "since",
"after" and "from" start there; "before", "until" and "by" end there. A date written out
("October 2015", "since September 2015") restricts retrieval to articles dated inside it; a
relative one ("this week", "last month") only prefers them, because "this week" in a question
asked weeks later means the reader's week, which the reference day only approximates; so does
a date without a year ("since September") unless the reader gave the day (`--as-of`). A time
after the reference day is not about the archive ("in 2 days" is a duration) and is ignored.
A bound word before an event instead of a date ("before the Baghdad center was set up") is
returned as that event, for the pipeline to date by the articles that report it.
The same reading turns the `--since`/`--until` values of a filter into days.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date as Date, datetime, timedelta

from .errors import RagError
from .types import Filter, When

# A bound word before the time, or at the start of the phrase dateparser found.
_BOUND = re.compile(r"\b(since|after|from|before|until|till|by|prior to)\s+(?:the\s+)?$", re.I)
_LEADING = re.compile(r"^(?:(in|on|at|of|during|over|since|after|from|before|until|till|by)\s+)+", re.I)
_TRAILING = re.compile(r"(?:[\s,]+(?:at|after|before|in|on|a|an|the|about|for|to|by|from|and|of))+$", re.I)
# dateparser's search also reads "60%", "$19", "We" and "a year" as times: a phrase counts
# only if it holds a calendar word, a year, or a relative time.
_CALENDAR = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|today|(?:this|last|past|previous)\s+(?:week|weekend|month|year))\b|"
    r"\b(?:19|20)\d\d\b", re.I)
# A count before a year is no day of a month: "Game 1 of the 2022 Final", "No. 5 of 2019".
_COUNT_OF_YEAR = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:the\s+)?((?:19|20)\d\d)", re.I)
# A month named alone is a verb or a name as often as a month ("May Russia strike...?"):
# it counts only after a word that makes it a time.
_AMBIGUOUS = {"may", "march"}
_TIME_WORD_BEFORE = re.compile(r"\b(in|on|since|after|from|before|until|till|by|of|during|early|late|mid|last|this|next)\s*$",
                               re.I)
_RELATIVE = re.compile(r"\b(this|last|past|ago|yesterday|today|tonight|previous|monday|tuesday|"
                       r"wednesday|thursday|friday|saturday|sunday)\b", re.I)
_SEASON = re.compile(r"\b(?:(since|after|from|until|till|before|by|during|in)\s+)?(?:(this|last|the)\s+)?"
                     r"(spring|summer|autumn|fall|winter)\b", re.I)
# "before the Baghdad center was set up": a bound set by an event, not a date; the words after
# the bound word up to the end of the clause.
# ("Since how long ...?", a learner's "for how long", asks a duration: no bound.)
# (Not a phrasal verb's "after": "did Russian warplanes go after in the combat summary" is whom they targeted.)
_EVENT = re.compile(r"(?<!\bgo )(?<!\bgoes )(?<!\bwent )(?<!\bgoing )(?<!\bgone )(?<!\blook )(?<!\blooked )"
                    r"(?<!\bnamed )\b(before|after|since|until)\s+(?!(?:how|what|when|which)\b)([^?.;,:!]+)", re.I)
# Northern-hemisphere meteorological seasons: (first month, last month).
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def _settings(reference: Date) -> dict:
    return {"RELATIVE_BASE": datetime(reference.year, reference.month, reference.day),
            "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}


def span(text: str, reference: Date) -> tuple[Date, Date] | None:
    """The first and last day a time expression names ("October 2015", "last week", "2015-10-08",
    "the summer"), read against the reference day; None if it names no time."""
    season = _SEASON.fullmatch(text.strip())
    if season:
        return _season(season.group(2), season.group(3), reference)
    import dateparser  # slow import; only when a time is read

    data = dateparser.DateDataParser(languages=["en"], settings=_settings(reference)).get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return Date(day.year, 1, 1), Date(day.year, 12, 31)
    if data.period == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if data.period == "week":
        return day - timedelta(days=6), day
    return day, day


def _season(which: str | None, name: str, reference: Date) -> tuple[Date, Date]:
    """The season's days: the latest one begun by the reference day ("the summer", "this
    summer"), or the one before it ("last summer")."""
    first, last = _SEASONS[name.lower()]
    year = reference.year if reference.month >= first else reference.year - 1
    if (which or "").lower() == "last":
        year -= 1
    end_year = year + 1 if last < first else year
    return Date(year, first, 1), Date(end_year, last, calendar.monthrange(end_year, last)[1])


def resolve(question: str, reference: Date, year_guessed: bool = False) -> When | None:
    """The time the question asks about, as days, or None when it names none. A listed set of
    options ("Options: A; B.") is not read: an option's date is a candidate answer. When the
    reference day is not the reader's but a guess at it (`year_guessed`: the newest article's),
    a date without a year ("at the July 10 briefing", "since March") is only preferred: in an
    archive of several years, which July is meant is not known."""
    found_when = _resolve(question, reference)
    if (found_when is None or not year_guessed or not found_when.within or _YEAR.search(found_when.text)
            or _SEASON.search(found_when.text)):
        return found_when
    kept = found_when.within
    return replace(found_when, within=Filter(), prefer=found_when.prefer or Filter(since=kept.since, until=kept.until))


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _resolve(question: str, reference: Date) -> When | None:
    """`resolve` with the reference day taken as the reader's."""
    found: list[tuple[int, str, str, Date, Date]] = []  # (where, bound word, phrase, first, last day)
    for m in _SEASON.finditer(question):
        if not (m.group(1) or m.group(2)):
            continue  # "fall" alone is a verb as often as a season
        first, last = _season(m.group(2), m.group(3), reference)
        word = (m.group(1) or "").lower()
        found.append((m.start(), word if word in ("since", "after", "until", "till", "before", "by") else "",
                      m.group(0)[len(m.group(1) or ""):].strip(), first, last))
    # Every phrase kept holds a calendar word: without one, dateparser (0.3 s to import, 1-3 ms
    # a question) need not search at all.
    searched = ()
    if _CALENDAR.search(question):
        from dateparser.search import search_dates

        searched = search_dates(question, languages=["en"], settings=_settings(reference)) or ()
    for phrase, _ in searched:
        where = question.find(phrase)
        lead = _LEADING.match(phrase)
        words = lead.group(0).lower().split() if lead else []
        phrase = _TRAILING.sub("", phrase[lead.end():] if lead else phrase).strip()
        if not phrase or not _CALENDAR.search(phrase) or phrase.lower().startswith(("a ", "an ")):
            continue  # not a time, or not one time ("a Sunday TV interview")
        if phrase.lower() in _AMBIGUOUS and not (words or _TIME_WORD_BEFORE.search(question[:where])):
            continue
        if any(s <= where < s + len(p) + 12 for s, _, p, _, _ in found):
            continue  # the season already read
        if year := _COUNT_OF_YEAR.fullmatch(phrase):
            # "Game 1 of the 2022 Stanley Cup Final": the year, not January (dateparser's reading).
            where, phrase = where + year.start(1), year.group(1)
        days = span(phrase, reference)
        if days is None or days[0] > reference:
            continue  # not a time, or after the reference day: not about the archive
        before = _BOUND.search(question[:where])
        word = next((w for w in words if _BOUND.search(w + " ")), before.group(1).lower() if before else "")
        found.append((where, word, phrase, days[0], min(days[1], reference)))
    if not found:
        event = _EVENT.search(question)
        if event and len(event.group(2).split()) >= 2:
            word, what = event.group(1).lower(), event.group(2).strip()
            return When(f"{word} {what}", Filter(), None, what, word)
        return None
    found.sort()
    _, word, phrase, first, last = found[0]
    if word == "from" and len(found) > 1:  # "from 1 October to 8 October"
        return When(f"from {phrase} to {found[1][2]}", Filter(since=first.isoformat(), until=found[1][4].isoformat(), undated=True))
    if word in ("since", "after"):
        return When(phrase if phrase.lower().startswith(word) else f"{word} {phrase}",
                    Filter(since=first.isoformat(), undated=True))
    if word and word != "from":
        until = first - timedelta(days=1) if word in ("before", "prior to") else last
        return When(phrase if phrase.lower().startswith(word) else f"{word} {phrase}",
                    Filter(until=until.isoformat(), undated=True))
    prefer = Filter(since=first.isoformat(), until=last.isoformat())
    if _RELATIVE.search(phrase):
        return When(phrase, Filter(), prefer)
    # Reports of a time come during it or after it, never before: a written-out date keeps
    # out what was published before it, and prefers what was published within it.
    return When(phrase, Filter(since=first.isoformat(), undated=True), prefer)


def bound(text: str | None, reference: Date, end: bool) -> str | None:
    """A --since (first day) or --until (last day) value as an ISO day: "2015-10-01",
    "October 2015", "last week"; a value that names no day is a one-line error."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    try:
        return Date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    days = span(text, reference)
    if days is None:
        raise RagError(f"cannot read {text!r} as a date; write it as YYYY-MM-DD, e.g. 2015-10-08")
    return (days[1] if end else days[0]).isoformat()


def day(text: str | None) -> Date | None:
    """An ISO day (an --as-of value, a stored article date) as a date; None for none."""
    if not text:
        return None
    try:
        return Date.fromisoformat(str(text).strip()[:10].replace("/", "-"))
    except ValueError:
        raise RagError(f"cannot read {text!r} as a day; write it as YYYY-MM-DD") from None
