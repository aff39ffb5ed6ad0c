"""A question typed all in lower case ("putin said assad agrees to what kind of elections") has
its names capitalised as the closest passages write them ("Putin", "Assad", "ISIS", "Free
Beacon"), so that the checks reading names by their capitals (who is asked about, which names
an answer must be about, whose words are asked for) read it as they read a question typed with
care. A word is capitalised only when every time the passages use it, past a sentence's first
word, they capitalise it: "us" stays "us" where a passage says "tell us", "army" where one says
"the terrorist army". Questions with any capital after their first letter are left as typed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .text import STOPWORDS


def needed(question: str) -> bool:
    """Whether the question has no capital letter after its first character."""
    return not re.search(r"[A-Z]", question[1:])


def cased(question: str, texts: Sequence[str]) -> str:
    """The question with each word (or run of up to three words, longest first) that the texts
    only ever write capitalised written as they write it."""
    forms = _capitalised_forms(texts)
    words = question.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            run = words[i:i + n]
            if len(run) < n:
                continue
            bare = [w.strip(".,;:!?()\"“”‘’'") for w in run]
            key = " ".join(bare).lower()
            if n == 1 and (key in STOPWORDS or len(key) < 2):
                continue
            if (form := forms.get(key)) is not None:
                parts = form.split(" ")
                out += [w.replace(b, p, 1) if b else w for w, b, p in zip(run, bare, parts)]
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _capitalised_forms(texts: Sequence[str]) -> dict[str, str]:
    """Lower-cased word runs -> the one capitalised form the texts give them, for runs the
    texts never write in lower case past a sentence's start."""
    seen: dict[str, set[str]] = {}
    lower: set[str] = set()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?:])\s+|\n+", text):
            tokens = [t.strip(".,;:!?()\"“”‘’'[]") for t in sentence.split()]
            for i in range(len(tokens)):
                for n in (1, 2, 3):
                    run = tokens[i:i + n]
                    if len(run) < n or not all(run):
                        continue
                    phrase = " ".join(run)
                    key = phrase.lower()
                    if all(w[:1].isupper() for w in run):
                        if i > 0:  # a sentence's first word is capitalised whatever it is
                            seen.setdefault(key, set()).add(phrase)
                    elif n == 1 or not any(w[:1].isupper() for w in run):
                        lower.add(key)
    return {key: next(iter(forms)) for key, forms in seen.items() if len(forms) == 1 and key not in lower}
