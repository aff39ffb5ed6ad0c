"""Who published an article, who wrote it, when, and its headline: read from what the source
carries, never guessed.

Fields the source states win: HTML meta tags (trafilatura's sitename, author, date, title) and a
jsonl row's `outlet`, `author`, `date`, `title`. Next the URL: a well-known news domain names its
outlet (`www.cnn.com` -> "CNN"), any other gives its registered domain, and a `/2022/06/12/`
path gives the day. Last come the cues news text carries near its top, each a convention with
one meaning: a blog's "Posted by EU Times on Oct 8th, 2015", a donation banner "Support The
Moscow Times!", a byline "By Jane Doe, Reuters", a "Published: ..." line and a wire dateline
"MOSCOW (Sputnik) –" or "(CNN)". A tweet embedded from a known outlet's own account names the
outlet only when nothing else does. A date counts only when a cue says it is the article's: a
page clock or an embedded tweet's date is not. Dates are stored as ISO days and only when the
day, month and year are all given; anything unparsable, partial or impossible stays None.
Titles skip page furniture (clocks, "Listen Live", story tags like "Words (123)", the
"Posted by ... // No Comment" line) and, without a headline line, are the first body sentence
cut at about 100 characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as Date, timedelta
from functools import lru_cache
from itertools import chain, islice
from urllib.parse import urlsplit

from .text import STOPWORDS, sentence_spans
from .types import ArticleMeta

# Domains whose outlet's name is not the domain itself: the three of the news-dev corpus, the
# outlets the seed articles name, and the largest English-language wires and papers. A
# subdomain counts as its outlet (e.newsletters.cnn.com is CNN).
KNOWN_DOMAINS = {
    "cnn.com": "CNN", "usatoday.com": "USA Today", "theweek.co.uk": "The Week",
    "theweek.com": "The Week", "rt.com": "RT", "sputniknews.com": "Sputnik",
    "themoscowtimes.com": "The Moscow Times", "eutimes.net": "EU Times", "tass.com": "TASS",
    "freebeacon.com": "Washington Free Beacon", "reuters.com": "Reuters", "apnews.com": "AP",
    "afp.com": "AFP", "bbc.co.uk": "BBC", "bbc.com": "BBC", "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post", "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian", "foxnews.com": "Fox News", "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News", "npr.org": "NPR",
    "bloomberg.com": "Bloomberg", "cnbc.com": "CNBC", "politico.com": "Politico",
    "aljazeera.com": "Al Jazeera", "latimes.com": "Los Angeles Times", "ft.com": "Financial Times",
    "economist.com": "The Economist", "telegraph.co.uk": "The Telegraph",
    "independent.co.uk": "The Independent", "huffpost.com": "HuffPost", "axios.com": "Axios",
}
_KNOWN_NAMES = {name.lower() for name in KNOWN_DOMAINS.values()}
# A name with one of these words is an institution, not a person ("Posted by EU Times").
_OUTLET_WORDS = frozenset("""times news post daily herald journal tribune gazette telegraph guardian
press chronicle observer today magazine report wire media agency tv radio network insider
monitor weekly bulletin dispatch courier inquirer examiner sentinel""".split())
# All-capital words in parentheses that label a piece, not its outlet: "(VIDEO) ...".
_NOT_OUTLETS = frozenset("VIDEO VIDEOS PHOTO PHOTOS UPDATE UPDATED WATCH LISTEN AUDIO LIVE OPINION "
                         "ANALYSIS EXCLUSIVE FULL INTERVIEW MAP READ".split())

_HEAD_CHARS = 2000  # cues sit at the top; later text may be pasted from elsewhere (seed 003)
_MAX_FIELD = 200  # an outlet or author name longer than this is not a name
_NAME = r"[A-Z][\w.'&-]*(?: (?:[A-Z][\w.'&-]*|of|de|van|von|al|and|&)){0,5}"
_DASH = r"[-–—]"

_POSTED = re.compile(rf"^[ \t]*Posted by (?P<name>{_NAME}) on (?P<date>[^\n/|]{{4,40}})", re.M)
_SUPPORT = re.compile(rf"^[ \t]*Support (?P<name>{_NAME})!\s*$", re.M)
_BYLINE = re.compile(rf"^[ \t]*By (?P<names>{_NAME}(?:(?:, | and ){_NAME})*?)"
                     rf"(?:\s*[,|]\s*(?P<outlet>{_NAME}))?\s*$", re.M)
_PUBLISHED = re.compile(r"^[ \t]*(?:Published|Posted(?! by)|First published)(?: on)?:?"
                        r"\s+(?P<date>[^\n|]{6,60})", re.M | re.I)
# "MOSCOW (Sputnik) –", "WASHINGTON, Oct. 8, 2015 (Reuters) -", "Washington (CNN)", "(CNN)".
_DATELINE = re.compile(rf"^[ \t]*(?P<city>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){{0,3}})?"
                       rf"(?:,\s*(?P<date>[^()\n]{{4,30}}?))?\s*\((?P<name>[^()\n]{{2,30}})\)"
                       rf"(?P<dash>\s*{_DASH})?(?=\s*[A-Z0-9\"“‘'])", re.M)
_DASH_GAP = re.compile(rf"\s*{_DASH}?\s*")
# The signature of an embedded tweet: "— RT (@RT_com) November 13, 2015".
_TWEET = re.compile(r"^[ \t]*[—-]\s*(?P<name>[^()\n]{1,40}?)\s*\(@\w{1,15}\)", re.M)
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|$)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")

# --- Dates ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _date_parser():
    import dateparser  # slow import; only when a date is read

    return dateparser.DateDataParser(languages=["en"], settings={
        # A day, month and year must all be written: dateparser would otherwise fill a
        # missing part from today, which invents a date.
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        # No "2 days ago" (relative to the day of indexing) and no bare numbers as timestamps.
        "PARSERS": ["custom-formats", "absolute-time"],
        # The day as the publisher printed it: no conversion to another zone's day.
        "RETURN_AS_TIMEZONE_AWARE": False,
    })


def iso_date(value: str | None) -> str | None:
    """A written date as ISO YYYY-MM-DD; None unless it gives a real day, month and year."""
    if not value or not isinstance(value, str):
        return None
    value = " ".join(value.split())[:80]
    if not _YEAR.search(value):
        return None  # saves dateparser's time on text that cannot hold a full date
    try:
        parsed = _date_parser().get_date_data(value).date_obj
    except (ValueError, OverflowError):
        return None
    # A publication date lies between the first newspapers and tomorrow (time zones differ).
    if parsed is None or parsed.year < 1800 or parsed.date() > Date.today() + timedelta(days=1):
        return None
    return parsed.date().isoformat()


def _date_prefix(span: str) -> str | None:
    """The longest start of `span` (at most 8 words) that is a full date: cues run on into text."""
    words = span.split()[:8]
    for n in range(len(words), 1, -1):
        found = iso_date(" ".join(words[:n]).rstrip(",;:-–—"))
        if found:
            return found
    return None


# --- Outlets and names ----------------------------------------------------------------------


def clean_name(value: object) -> str | None:
    """A name as given, whitespace collapsed; None for anything empty, too long or not a string."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split()).strip(" ,;:|-–—")
    return value if 0 < len(value) <= _MAX_FIELD else None


def looks_like_outlet(name: str) -> bool:
    """True for a known outlet or a name with an institution word ("EU Times", "Daily News")."""
    return name.lower() in _KNOWN_NAMES or any(
        w.lower() in _OUTLET_WORDS for w in re.findall(r"\w+", name))


def _host(url: str | None) -> str | None:
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or "." not in host:
        return None
    if re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return None  # an IP address names no publisher
    return host


def outlet_from_domain(host: str) -> str:
    """A known outlet's name for a host name, else its registered domain ("news.x.org" -> "x.org")."""
    host = host.lower().removeprefix("www.")
    for domain, name in KNOWN_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return name
    from tld import get_fld  # the public suffix list, for bbc.co.uk-style domains

    return get_fld(host, fix_protocol=True, fail_silently=True) or host


def outlet_from_url(url: str | None) -> str | None:
    host = _host(url)
    return outlet_from_domain(host) if host else None


def date_from_url(url: str | None) -> str | None:
    """The day in a URL's path, as news sites write it: /2022/06/12/ or /2022-06-12/."""
    if not _host(url):
        return None
    m = _URL_DAY.search(urlsplit(url).path)
    return iso_date("-".join(m.groups())) if m else None


def _outlet_name(value: object) -> str | None:
    """A stated outlet; a bare domain (trafilatura's fallback sitename) becomes its outlet's name."""
    name = clean_name(value)
    if name and " " not in name and re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", name):
        return outlet_from_domain(name)
    return name


# --- Cues in the text -----------------------------------------------------------------------


def _dateline_outlet(m: re.Match) -> str | None:
    name = " ".join(m.group("name").split())
    if name.upper() in _NOT_OUTLETS or not re.fullmatch(_NAME, name) or len(name.split()) > 4:
        return None
    # "CITY (Name) –" holds the agency by convention. Without the city only a known outlet or
    # an acronym is one ("(Reuters) -"), and without the dash only a known outlet ("(CNN) The"),
    # since capitals and parentheses alone also open headings like "SOME HEADING (ABC)".
    if m.group("dash") and m.group("city"):
        return name
    if name.lower() in _KNOWN_NAMES or (m.group("dash") and re.fullmatch(r"[A-Z]{2,6}", name)):
        return name
    return None


def text_cues(text: str) -> ArticleMeta:
    """Outlet, author and date from the conventions news text carries near its top."""
    head = text[:_HEAD_CHARS]
    outlets: list[str] = []  # in order of trust
    authors: list[str] = []
    dates: list[str | None] = []

    if m := _SUPPORT.search(head):
        if looks_like_outlet(m.group("name")):
            outlets.append(m.group("name"))
    if m := _POSTED.search(head):
        name = m.group("name")
        (outlets if looks_like_outlet(name) else authors).append(name)
        dates.append(_date_prefix(m.group("date")))
    bylines = list(_BYLINE.finditer(head))
    # One byline names the author; several name the authors of a list (books, columns).
    if len({m.group("names") for m in bylines}) == 1:
        m = bylines[0]
        authors.append(m.group("names"))
        if m.group("outlet") and looks_like_outlet(m.group("outlet")):
            outlets.append(m.group("outlet"))
    if m := _PUBLISHED.search(head):
        dates.append(_date_prefix(m.group("date")))
    for m in _DATELINE.finditer(head):
        if outlet := _dateline_outlet(m):
            outlets.append(outlet)
            if m.group("date"):
                dates.append(_date_prefix(m.group("date")))
            break
    if not outlets:
        # An embedded tweet names its account, which is the outlet only when it is a known
        # outlet's own (RT quoting @RT_com) and no other outlet's tweet is embedded. Its date
        # is when the tweet was posted, which an article may quote days or years later, so it
        # is never taken as the article's date.
        tweeted = {m.group("name").strip() for m in _TWEET.finditer(text)}
        known = {n for n in tweeted if n.lower() in _KNOWN_NAMES}
        if len(known) == 1:
            outlets.append(known.pop())
    # An unlabelled date at the top is not used: seed 001's "11:21 GMT14 August 2020" is the
    # page's clock when it was scraped, five years after the story.
    return ArticleMeta(
        outlet=next((o for o in map(clean_name, outlets) if o), None),
        author=next((a for a in map(clean_name, authors) if a), None),
        date=next((d for d in dates if d), None),
    )


def describe(text: str, url: str | None = None, outlet: object = None, author: object = None,
             date: object = None) -> ArticleMeta:
    """Each field from the first place that gives it: stated values, then the URL, then the text."""
    found = ArticleMeta(
        outlet=_outlet_name(outlet) or outlet_from_url(url),
        author=clean_name(author),
        date=(iso_date(str(date)) if isinstance(date, (str, int)) else None) or date_from_url(url),
    )
    if found.outlet and found.author and found.date:
        return found
    cues = text_cues(text)
    return ArticleMeta(outlet=found.outlet or cues.outlet, author=found.author or cues.author,
                       date=found.date or cues.date)


# --- Titles -----------------------------------------------------------------------------------

_TITLE_LINES = 10
_TITLE_CHARS = 100
# Whole lines of page furniture ("Share prices fell" is a headline, "Share this" is not).
_FURNITURE_PHRASE = re.compile(
    r"(?i)(?:listen live|get short url|advertisement|menu|community standards.*|skip to\b.*"
    r"|related(?: articles| stories| coverage| content)?|share(?: (?:this|on|via)\b.*)?"
    r"|sign up\b.*|subscribe\b.*)")
# Furniture by its form, at any length.
_FURNITURE_FORM = re.compile(
    r"""^(?:\d{1,2}:\d{2}\b.*                  # a clock: "11:21 GMT14 August 2020"
        |Support\ [^\n]{1,60}!                 # "Support The Moscow Times!"
        |[^()\n]{2,80}\ \(\d{1,6}\)            # a story tag: "Russia Versus ISIL in Syria (618)"
        |[—-]\s*[^()\n]{1,40}\(@\w{1,15}\).*   # an embedded tweet's signature
        |(?i:read\ more)\b.*                   # a link to another story
        |(?i:published|updated|last\ updated|posted)\b(?=[^\n]*\d)[^\n]{0,60}  # a time stamp
    )$""",
    re.VERBOSE,
)
# "Posted by EU Times on Oct 8th, 2015 // No Comment" opens seed 000's first line; the rest
# of that line is the body.
_POSTED_PREFIX = re.compile(r"^Posted by [^\n]{1,80}? on [^\n/|]{1,40}?\s*(?://|\|)\s*"
                            r"(?:No|\d+) Comments?\b\s*", re.IGNORECASE)
# Ends as a sentence does (a final "U.S." is an abbreviation; a "?" headline is a question,
# a quoted "...?”" is speech).
_SENTENCE_END = re.compile(r"(?:(?<![A-Z])\.[\"”’')\]]*|[?!][\"”’']+)$")


def dateline_end(line: str) -> int:
    """Where a dateline ("MOSCOW (Sputnik) –", "(CNN)") that opens the line ends; 0 if none."""
    m = _DATELINE.match(line)
    if not m or not _dateline_outlet(m):
        return 0
    return _DASH_GAP.match(line, m.end("name") + 1).end()


def _is_furniture(line: str) -> bool:
    words = len(line.split())
    if words <= 8 and _FURNITURE_PHRASE.fullmatch(line):
        return True
    if _FURNITURE_FORM.match(line) or _BYLINE.fullmatch(line):
        return True
    if _POSTED.match(line) and words <= 12:
        return True
    # A line that is only a date (a page clock, a time stamp) is not a headline either.
    return words <= 8 and bool(_YEAR.search(line)) and iso_date(line) is not None


def _is_headline(line: str) -> bool:
    return (3 <= len(line.split()) <= 25 and (line[0].isupper() or line[0] in "\"“‘'0123456789")
            and not _SENTENCE_END.search(line) and not dateline_end(line))


def _is_label(sentence: str) -> bool:
    """A caption or a name ("Sergey Ryabkov, Deputy Minister of ..."): no lower-case content word."""
    words = re.findall(r"[\w’']+", sentence)
    return len(words) < 4 or all(w[0].isupper() or w[0].isdigit() or w.lower() in STOPWORDS
                                 for w in words)


def _shorten(sentence: str) -> str:
    if len(sentence) <= _TITLE_CHARS:
        return sentence
    return sentence[:_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:–—- ") + "…"


def _body_lines(text: str) -> Iterator[str]:
    """The text's lines without page furniture, lazily: furniture checks may parse dates."""
    for raw in text.split("\n"):
        line = _POSTED_PREFIX.sub("", raw.strip().lstrip("#").strip())
        if line and not _is_furniture(line):
            yield line


def guess_title(text: str, fallback: str) -> str:
    """The first headline-like line, else the first body sentence; never page furniture."""
    lines = _body_lines(text)
    head = list(islice(lines, _TITLE_LINES))
    for line in head:
        if _is_headline(line):
            return line
    first = None
    for line in chain(head, lines):
        body = line[dateline_end(line):]
        for a, b in sentence_spans(body):
            if not _is_label(body[a:b]):
                return _shorten(body[a:b])
            first = first or body[a:b]
    return _shorten(first) if first else fallback
