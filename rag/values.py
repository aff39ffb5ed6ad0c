"""Typed values in text, and when two are one: dates, numbers with their units (money,
percentages, weights, lengths of time), and names. What a question asks for and what a sentence
answers are compared as values, not as strings: "Oct 8th, 2015" is "8 October 2015", "$1.2bn" is
"1.2 billion dollars", "twelve months" is "a year", "Sergei Shoigu" is "Shoigu". Regular
expressions read them; a date's parts are kept as far as the text gives them, so "October 2015"
holds "Oct 8th, 2015" rather than contradicting it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .text import ROLE_WORDS, STOPWORDS, WORD
from .types import TypedValue

_MONTH = {m: i for i, names in enumerate((
    "jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
    "aug august", "sep sept september", "oct october", "nov november", "dec december"), start=1)
    for m in names.split()}
_MONTHS = "|".join(sorted(_MONTH, key=len, reverse=True))
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DATE = re.compile(
    rf"\b(?P<weekday>{_WEEKDAYS})\b"
    rf"|\b(?P<md_month>{_MONTHS})\.? (?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<md_year>(?:1[89]|20)\d\d)\b)?"
    # "11:21 GMT14 August 2020": a page's time stamp, its zone glued to the day.
    rf"|(?:\b|(?<=GMT|UTC|MSK|CET|EST|EDT|PST|PDT))(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
    rf"(?P<dm_month>{_MONTHS})\b\.?(?:,? (?P<dm_year>(?:1[89]|20)\d\d)\b)?"
    rf"|\b(?P<my_month>{_MONTHS})\.?,? (?P<my_year>(?:1[89]|20)\d\d)\b"
    rf"|\b(?P<iso>(?:1[89]|20)\d\d-\d\d-\d\d)\b"
    r"|\b(?P<year>(?:1[89]|20)\d\d)\b"
    # A month alone, after a word of time ("In August analysts said", "since March"); "May"
    # and "March" only capitalised, as the verbs are not.
    r"|\b(?:in|since|until|till|by|during|through|from|early|late|mid|last|next|this|of)[ -]"
    r"(?P<m_month>january|february|april|june|july|august|september|october|november|december|(?-i:March|May))\b"
    r"(?!\.?,? (?:\d|the \d))",  # "in August 2015", "in August 8": read there, not here
    re.IGNORECASE)

_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12, "tn": 1e12}
_SPELLED = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12}
_CURRENCY = {"$": "$", "us$": "$", "€": "€", "£": "£", "dollar": "$", "dollars": "$", "euro": "€",
             "euros": "€", "pound": "£", "pounds": "£", "rouble": "rub", "roubles": "rub", "ruble": "rub",
             "rubles": "rub"}
_UNIT = {"kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg", "kg": "kg",
         "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km", "km": "km",
         "percent": "%", "per cent": "%", "%": "%", "ton": "t", "tons": "t", "tonne": "t", "tonnes": "t",
         "mile": "mi", "miles": "mi", "meter": "m", "meters": "m", "metre": "m", "metres": "m"}
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<cur>us\$|\$|€|£)?\s?(?P<num>\d+(?:[,.]\d+)*(?![\d,])|(?:"
    + "|".join(sorted(_SPELLED, key=len, reverse=True)) + r")\b)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?"
    r"(?:\s?(?P<unit>%|per cent|percent|kilograms?|kilos?|kg|kilometers?|kilometres?|km|tons?|tonnes?"
    r"|miles?|meters?|metres?|dollars?|euros?|pounds?|roubles?|rubles?)(?!\w))?"
    r"(?P<noun>\s+(?!(?:of|in|on|at|to|and|or|the|a|an|by|for|from|was|were|is|are)\b)[a-z][\w-]*)?",
    re.IGNORECASE)
# A length of time in one unit whatever it is counted in: "twelve months" and "a year" are
# one claim, as are "a week" and "seven days".
_DURATION = {"year": (1.0, "yr"), "decade": (10.0, "yr"), "century": (100.0, "yr"), "month": (1 / 12, "yr"),
             "week": (7.0, "d"), "day": (1.0, "d"), "hour": (1.0, "h"), "minute": (1 / 60, "h")}
#: The units a number's key gives a length of time in.
TIME_UNITS = frozenset(unit for _, unit in _DURATION.values())
_ONE_UNIT = re.compile(rf"\b(?:(?:a|an) (?:{'|'.join(_DURATION)})\b(?!-)|(?:{'|'.join(_DURATION)})(?=-long\b))",
                       re.IGNORECASE)
# Capitalised runs, joined by "of"/"the"/"al-" as in names ("Ministry of Defence").
_NAME = re.compile(r"\b[A-Z][\w'’.-]*[\w](?:\s+(?:(?:of|the|de|al|bin)\s+)?[A-Z][\w'’.-]*[\w])*")
_NOT_NAMES = frozenset(_MONTH) | frozenset(_WEEKDAYS.split("|")) | STOPWORDS | frozenset(
    "mr mrs ms dr but however meanwhile in on at as if so yet still while when after before".split())


def dates(text: str) -> list[TypedValue]:
    """The dates a text writes, each with its (year, month, day) or weekday key."""
    return list(_dates(text))


# Answering reads each statement's dates and numbers once for every claim and slot it checks
# (796 reads of 160 texts for one "who said" question): the texts repeat, so they are kept.
@functools.lru_cache(maxsize=4096)
def _dates(text: str) -> tuple[TypedValue, ...]:
    out = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["weekday"]:
            key: tuple = ("weekday", g["weekday"].lower())
        elif g["iso"]:
            y, mo, d = g["iso"].split("-")
            key = (int(y), int(mo), int(d))
        else:
            month = g["md_month"] or g["dm_month"] or g["my_month"] or g["m_month"]
            day = g["md_day"] or g["dm_day"]
            year = g["md_year"] or g["dm_year"] or g["my_year"] or g["year"]
            key = (int(year) if year else None, _MONTH[month.lower()] if month else None,
                   int(day) if day else None)
            if key[2] is not None and not 1 <= key[2] <= 31:
                continue
        at = "m_month" if g["m_month"] else 0  # the month, not the word of time before it
        out.append(TypedValue(m.group(at), key, m.start(at), m.end(at)))
    return tuple(out)


def numbers(text: str, counted: str | None = None) -> list[TypedValue]:
    """Numbers with their scale and unit; with `counted`, only those that count it ("107
    sorties" for "how many sorties"). Days and years of dates are the date slot's."""
    return list(_numbers(text, counted))


@functools.lru_cache(maxsize=4096)
def _numbers(text: str, counted: str | None) -> tuple[TypedValue, ...]:
    spans = [(f.start, f.end) for f in dates(text)]
    out = []
    # "a year", "an hour": one of a unit of time, against "two years".
    for m in _ONE_UNIT.finditer(text):
        if not counted or mentions(m.group(0).lower(), counted):
            value, unit = _DURATION[_time_unit(m.group(0).split()[-1])]
            out.append(TypedValue(m.group(0), (round(value, 6), unit), m.start(), m.end()))
    for m in _NUMBER.finditer(text):
        raw = m.group("num").lower()
        end_num = m.end("num")
        if any(a <= m.start("num") < b for a, b in spans):
            continue
        if not (m.group("scale") or m.group("unit")) and end_num < len(text) and text[end_num].isalpha():
            continue  # "3rd", "F16s"
        if raw in _SPELLED:
            value = float(_SPELLED[raw])
        else:
            digits = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw) else raw
            try:
                value = float(digits)
            except ValueError:
                continue
        scale = (m.group("scale") or "").lower()
        if scale in ("k", "m", "b") and not m.group("cur"):
            scale = ""  # "5 m" is five metres, not five million, unless it is money
        value *= _SCALE.get(scale, 1.0)
        unit_word = (m.group("unit") or "").lower()
        unit = _CURRENCY.get((m.group("cur") or "").lower()) or _CURRENCY.get(unit_word) or _UNIT.get(unit_word, "")
        noun = (m.group("noun") or "").strip()
        if counted and not mentions_counted(" ".join(text[m.start():].lower().split()[:5]), counted):
            continue
        end = m.end() if noun and not unit else m.end("unit") if m.group("unit") else (
            m.end("scale") if m.group("scale") else end_num)
        if not unit and (duration := _DURATION.get(_time_unit(noun))):
            value, unit = value * duration[0], duration[1]  # "twelve months" is "a year"
        out.append(TypedValue(text[m.start():end].strip(), (round(value, 6), unit), m.start(), end))
    return tuple(out)


def _time_unit(word: str) -> str:
    """A unit of time's key in `_DURATION` ("centuries" -> "century"); other words unchanged."""
    word = word.lower()
    return "century" if word == "centuries" else word.removesuffix("s")


def names(text: str) -> list[TypedValue]:
    """Runs of capitalised words, each without the words before it that are no name."""
    return [v for m in _NAME.finditer(text) if (v := name(m.group(0), m.start())) is not None]


def name(words: str, start: int = 0, kind: str = "") -> TypedValue | None:
    """A name as a value, `start` where `words` begin: without a leading "The", "But" or role
    ("Russian Deputy Foreign Minister Sergei Ryabkov" is "Sergei Ryabkov"); None if nothing
    is left."""
    parts = words.split()
    while parts and parts[0].lower().strip(".'’") in _NOT_NAMES:
        parts = parts[1:]
    while len(parts) > 1 and parts[0].lower() in ROLE_WORDS:
        parts = parts[1:]
    if not parts:
        return None
    text = " ".join(parts)
    end = start + len(words.rstrip())
    # A name's head is its last word: "Sergei Shoigu" and "Shoigu" are one value.
    return TypedValue(text, (parts[-1].lower().strip(".'’"),), end - len(text), end, kind)


def without(text: str, found: Sequence[TypedValue]) -> str:
    for f in sorted(found, key=lambda f: -f.start):
        if f.end > f.start:
            text = text[:f.start] + " " + text[f.end:]
    return text


def same(a: TypedValue, b: TypedValue) -> bool:
    """Whether two values are one: dates whose known parts agree ("October 2015" and "Oct
    8th, 2015"), equal numbers, or names of which one holds the other's words ("Shoigu" and
    "Sergei Shoigu", not "Dartmouth College" and "Cornell College") or initials ("US")."""
    if len(a.key) != 1 and a.key == b.key:
        return True
    if len(a.key) == 3 and len(b.key) == 3 and a.key[0] != "weekday" and b.key[0] != "weekday":
        return all(x is None or y is None or x == y for x, y in zip(a.key, b.key))
    if len(a.key) == 1 and len(b.key) == 1:
        x = {w.lower() for w in WORD.findall(a.text)}
        y = {w.lower() for w in WORD.findall(b.text)}
        return bool(x) and bool(y) and (x <= y or y <= x) or _initials(a.text, b.text) or _initials(b.text, a.text)
    return False


def _initials(short: str, name: str) -> bool:
    """Whether `short` is the initials of `name`: "US" of "United States", "U.N." of "United
    Nations"."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    words = [w for w in WORD.findall(name) if w.lower() not in ("of", "the", "and")]
    return 1 < len(letters) == len(words) and letters.isupper() and letters == "".join(w[0] for w in words).upper()


def comparable(a: TypedValue, b: TypedValue, kinds: bool = True) -> bool:
    """Whether two values can disagree: a weekday and a calendar date cannot, nor "5 %" and
    "5 kg", nor names of two kinds (a place and a nationality) unless `kinds` is False (the
    recogniser's kinds are often wrong: "Aleppo" a nationality); options can."""
    if len(a.key) == 3 and len(b.key) == 3 or len(a.key) == 2 and a.key[0] == "weekday":
        return (a.key[0] == "weekday") == (b.key[0] == "weekday")
    if len(a.key) == 2 and len(b.key) == 2:
        return a.key[1] == b.key[1] or not a.key[1] or not b.key[1]
    # A country and a nationality, a person and a company, are no two answers to one question.
    return not kinds or a.kind == b.kind or not a.kind or not b.kind


# Units that articles abbreviate.
_ABBREVIATED = {"kilogram": "kg", "kilo": "kg", "kilometer": "km", "kilometre": "km", "meter": "m",
                "metre": "m", "mile": "mi", "pound": "lb", "ton": "t", "tonne": "t", "dollar": "$", "euro": "€"}


def singular(word: str) -> str:
    """A noun without its plural ending, as `mentions` finds it ("resolutions" -> "resolution")."""
    return re.sub(r"(es|s)$", "", word) if len(word) > 3 else word


# What a count is also given in: a sortie is one flight (or mission) of one aircraft, and a
# target is a site struck ("how many flights did the jets fly": "107 sorties").
# ("How many militant locations did Russian aircraft go after?": the "289 terror sites".)
_COUNTED_AS = {"flight": ("sortie",), "mission": ("sortie",), "target": ("site",), "location": ("site", "position"),
               "position": ("site", "location"), "facility": ("site",), "spot": ("site", "target"),
               "run": ("sortie",), "hideout": ("camp",)}


def mentions_counted(text: str, noun: str) -> bool:
    """What a count counts (`noun`), or what it is also given in, in lower-cased `text`."""
    return any(mentions(text, word) for word in (noun, *_COUNTED_AS.get(singular(noun), ())))


def mentions(text: str, word: str) -> bool:
    """`word` (singular or plural, or its usual abbreviation) in lower-cased `text`."""
    stem = singular(word)
    unit = _ABBREVIATED.get(stem)
    return stem in text or (unit is not None and re.search(rf"\d\s*{re.escape(unit)}\b", text) is not None)
