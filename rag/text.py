"""Text helpers shared along the pipeline: words, stopwords, sentences, citation markers and
the canonical forms of article text, questions and answers. Each exists once, here, so the
index, the retriever and the answer checks split and compare text the same way."""

from __future__ import annotations

import re
import string
import unicodedata

#: A word: letters and digits (the same definition for query terms, names and counts).
WORD = re.compile(r"\w+", re.UNICODE)

# Function words carry no topic; matching them in BM25 only adds noise.
STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves also said says say tell
told according following recently week new one two many much saying telling tells
""".split()) | frozenset(
    # Words that frame a question but are not what it is about.
    """describe described describes mention mentioned mentions article articles named give gave
    given cite cited cites term terms refer referred refers kind type besides cannot""".split()) | frozenset(
    # What is left of a negated auxiliary ("wouldn't"): no more what a text is about than "would".
    "wouldn couldn didn doesn isn aren wasn weren hasn haven hadn shouldn mustn needn".split())

#: Control characters that do not occur in text files (tab and newlines do): many of them
#: mean bytes were decoded as text that is not text.
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Every control character, and the invisible bidi/zero-width marks that can make text
#: display as something other than what it says: removed from questions.
INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

# A sentence ends at . ! ? (optionally closed by quotes or brackets, and citation markers)
# before whitespace and an upper-case letter, a digit or an opening quote; or at a line break.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*(?:\s*\[\d+(?:\s*,\s*\d+)*\])*\s+(?=[A-Z0-9\"“‘(])|\n+")
_MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans("", "", string.punctuation + "“”‘’—–")


def query_terms(text: str) -> list[str]:
    """Distinct content words of a text, lower-cased, in order."""
    seen: dict[str, None] = {}
    for word in WORD.findall(_NEGATED.sub(lambda m: _UNCONTRACTED[m.group(1)], text.lower())):
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
            seen.setdefault(word, None)
    return list(seen)


# A negated auxiliary whose stem is no word of its own ("won't" is no "won", nor "don't" a Don).
_NEGATED = re.compile(r"\b(won|don|can|shan|ain)['’]t\b")
_UNCONTRACTED = {"won": "will not", "don": "do not", "can": "can not", "shan": "shall not", "ain": "is not"}


# Titles the splitter takes for a sentence's end when they stand before a name ("Sen." | "Roger Wicker").
_TITLES = "Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Adm|Maj|Cmdr|St"
#: A sentence that ends at an abbreviated title: the next sentence holds the name.
TITLE_END = re.compile(rf"(?:^|\s)(?:{_TITLES})\.$")
#: A sentence that ends at an abbreviation the splitter takes for a full stop ("U.S.",
#: "Sen."): the next sentence is likely its continuation.
_COUNTRY_INITIALS = r"\b(?:U\.S|U\.K|U\.N|E\.U)"
ABBREVIATION_END = re.compile(rf"(?:{_COUNTRY_INITIALS}|(?:^|\s)(?:{_TITLES}|v|vs))\.$")
_COUNTRY_END = re.compile(rf"{_COUNTRY_INITIALS}\.$")


# What opens a sentence after "U.S." where one does end there ("... sanctions on the U.S. The ...").
_OPENERS = STOPWORDS | frozenset("""last earlier later meanwhile however yet still now today yesterday
tomorrow instead since""".split())


def _continues(text: str, m: re.Match[str]) -> bool:
    """Whether a boundary the pattern found follows an abbreviation that does not end the
    sentence: a title before a name ("Sen." | "Roger Wicker"), a country's initials before a
    capitalised word that opens no sentence ("U.S." | "Secretary of State John Kerry")."""
    if "\n" in m.group(0):
        return False
    head = text[max(0, m.start() - 12):m.start()]
    if not ABBREVIATION_END.search(head):
        return False
    nxt = WORD.match(text, m.end())
    return not _COUNTRY_END.search(head) or bool(nxt) and nxt.group(0).lower() not in _OPENERS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`, whitespace trimmed."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if _continues(text, m):
            continue
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


def normalise_article(text: str) -> str:
    """Canonical form of article text: NFC, LF newlines, no BOM, no outer whitespace."""
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def normalise_answer(text: str) -> str:
    """SQuAD-style answer normalisation (NFKC so non-breaking spaces are spaces)."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_PUNCT)
    return " ".join(_ARTICLES.sub(" ", text).split())


#: Words of a description rather than a name, capitalised or not ("Russian Deputy Foreign
#: Minister" before "Sergei Ryabkov").
ROLE_WORDS = frozenset("""president minister foreign defense defence deputy prime secretary state
spokesman spokeswoman official officials diplomat ambassador russian american us u.s. syrian
iranian british french turkish israeli chinese senior the a an""".split())
