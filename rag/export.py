"""A conversation, exported for a reader who has only the file: as Markdown (each answer
with its numbered sources: title, outlet, author, date, every cited quote verbatim with who
says it, whether it supports the answer, and where it is: source, article id and the
character offsets of the quote in the article text) and as JSON (the answers' JSON, as
`Answer.as_json()` gives it, under a small header). Both work from that JSON, which the CLI
and the chat (which keeps it in the browser) both have. Article, model and question text is
untrusted: in the Markdown it is backslash-escaped, or, for quotes and locations, put in code
blocks and code spans, so that rendered it never becomes a link, an image, HTML or a heading.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

#: What the JSON export calls itself, so a reader (or a program) knows what it holds.
FORMAT = "rag-conversation"
VERSION = 1

#: How a citation's offsets count, said once in every Markdown export.
OFFSETS = ("Character offsets count Unicode characters from 0 in the article's text as rag read "
           "it: the file's text in Unicode NFC with LF line ends and outer whitespace removed "
           "(for HTML and PDF, the text extracted from them). For a quote at characters S-E, "
           "`text[S:E]` (Python) is the quote, character for character.")

KINDS = {"reporting": "the outlet's own reporting", "quote": "direct quote", "indirect": "reported speech",
         "transcript": "transcript", "comment": "reader comment", "embedded": "embedded post",
         "furniture": "page furniture"}

# Inline Markdown that untrusted text could start: emphasis, code, links and images ([ ]),
# HTML and autolinks (< >), entities (&), tables (|), strikethrough and fences (~), math ($),
# headings and lists (# + =), and the escape character itself. `!` and `( )` are inert once
# `[ ]` are escaped; a hyphen is escaped only where it could start a list or a rule.
_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~$#+=])")
# Bare URLs and e-mail addresses that GitHub-flavoured renderers turn into links on their own.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=www)(\.)|(@)")
_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)?")
_LIST_START = re.compile(r"^(\s*)(-|\d+(?=[.)]))")


def escape(text: object) -> str:
    """Untrusted text as one line of Markdown that renders as exactly these characters."""
    line = " ".join(str(text).split())
    line = _SPECIAL.sub(r"\\\1", line)
    line = _AUTOLINK.sub(lambda m: "\\" + m.group(0), line)
    # "- x" or "1. x" at the start would be a list; "---" a rule (or a heading's underline).
    return _LIST_START.sub(lambda m: m.group(1) + (r"\-" if m.group(2) == "-" else m.group(2) + "\\"), line)


def code(text: object) -> str:
    """Untrusted text as an inline code span: literal, never a link, whatever it holds."""
    line = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", line)), default=0) + 1)
    pad = " " if line.startswith("`") or line.endswith("`") or not line.strip() else ""
    return f"{fence}{pad}{line}{pad}{fence}"


def block(text: str) -> list[str]:
    """Untrusted text as a fenced code block: every character kept, line ends included."""
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return [fence, *text.split("\n"), fence]


def conversation(answers: Iterable[Mapping], corpus: str | None = None, index: str | None = None,
                 articles: int | None = None, exported_at: str | None = None) -> dict:
    """The JSON export: a small header (when, from which corpus and index) and the answers."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at or datetime.now().astimezone().isoformat(timespec="seconds"),
        "corpus": corpus,
        "index": index,
        "articles": articles,
        "answers": [dict(a) for a in answers if isinstance(a, Mapping)],
    }


def to_json(doc: Mapping) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_markdown(doc: Mapping) -> str:
    """The Markdown export of `conversation(...)`: a header, then each question, its answer
    and its numbered sources."""
    answers = doc.get("answers") or []
    lines = ["# Questions and cited answers from news articles", ""]
    when = str(doc.get("exported_at") or "unknown")
    lines.append(f"- Exported: {when if _ISO.fullmatch(when) else escape(when)}")
    if doc.get("corpus"):
        lines.append(f"- Articles from: {code(doc['corpus'])}")
    if doc.get("index"):
        count = f" ({doc['articles']} articles)" if isinstance(doc.get("articles"), int) else ""
        lines.append(f"- Index: {code(doc['index'])}{count}")
    lines.append(f"- Questions: {len(answers)}")
    lines += ["", f"Every quote below is copied verbatim from its article. {OFFSETS}", ""]
    for i, answer in enumerate(answers, start=1):
        lines += _turn(i, answer)
    return "\n".join(lines).rstrip() + "\n"


def _turn(i: int, a: Mapping) -> list[str]:
    lines = ["---", "", f"## Question {i}: {escape(a.get('question') or '(not recorded)')}", ""]
    # A refusal is the answer too: the articles were searched and do not say.
    label = "Not answered (refused)" if a.get("refused") else "Answer"
    lines += [f"**{label}:** {escape(a.get('answer', ''))}", ""]
    unsupported = [s for s in a.get("sentences") or () if isinstance(s, Mapping) and not s.get("supported", True)]
    for s in unsupported:
        lines.append(f"- **Not supported by the passages:** {escape(s.get('text', ''))}")
    if unsupported:
        lines.append("")
    if a.get("notice"):
        label = "Why" if a.get("refused") else "Note"
        lines += [f"*{label}:* {escape(a['notice'])}", ""]
    lines += _conflicts(a) + _disputes(a) + _sources(a)
    return lines


def _conflicts(a: Mapping) -> list[str]:
    """"The sources disagree": each value given, with the passages that give it and where."""
    lines = []
    for c in a.get("conflicts") or ():
        lines += [f"**The sources disagree on {escape(c.get('about', 'the answer'))}:**", ""]
        for v in c.get("values") or ():
            where = "; ".join(x for x in dict.fromkeys(v.get("published") or ()) if x) or "outlet unknown"
            lines.append(f"- {escape(v.get('value', ''))} {_marks(v.get('citations'))}, {escape(where)}")
        lines.append("")
    return lines


def _disputes(a: Mapping) -> list[str]:
    """Claims one speaker denies, each beside the claim it answers, quoted with its place."""
    lines = []
    for d in a.get("disputes") or ():
        if not lines:
            lines += ["**Disputed** (one speaker denies what another says):", ""]
        said, denied = d.get("assertion") or {}, d.get("denial") or {}
        lines.append(f"- {_claim(said)}")
        lines.append(f"  - denied: {_claim(denied)}")
    return lines + [""] if lines else []


def _claim(c: Mapping) -> str:
    where = ", ".join(str(x) for x in (c.get("outlet"), c.get("date")) if x) or "outlet unknown"
    return (f"{escape(c.get('speaker') or 'unknown')} {_marks([c.get('n')])} ({escape(where)}, "
            f"characters {c.get('start')}-{c.get('end')}): “{escape(c.get('quote', ''))}”")


def _marks(numbers: Sequence | None) -> str:
    return "".join(f"\\[{n}\\]" for n in numbers or () if n is not None)


def _sources(a: Mapping) -> list[str]:
    """The cited passages, numbered as the answer cites them, with every quote and its place;
    then the passages retrieved but not cited, briefly."""
    passages = {p.get("n"): p for p in a.get("passages") or () if isinstance(p, Mapping)}
    cited: dict[int, list[Mapping]] = {}
    for c in a.get("citations") or ():
        if isinstance(c, Mapping) and isinstance(c.get("n"), int):
            cited.setdefault(c["n"], []).append(c)
    lines = []
    if cited:
        lines += ["### Sources", ""]
    for n in sorted(cited):
        first = cited[n][0]
        p = passages.get(n, {})
        lines += [f"#### \\[{n}\\] {escape(p.get('title') or first.get('title') or 'untitled')}", ""]
        lines += _about(p or first)
        seen = set()
        for c in cited[n]:
            key = (c.get("start"), c.get("end"), c.get("supported"))
            if key in seen:
                continue
            seen.add(key)
            lines += [_quote_line(c), "", *block(str(c.get("quote", ""))), ""]
    others = [p for n, p in sorted(passages.items(), key=lambda item: item[0] or 0) if n not in cited]
    if others:
        heading = ("Closest passages (none answers the question)" if a.get("refused")
                   else "Other passages retrieved, not cited")
        lines += [f"### {heading}", ""]
        for p in others:
            meta = ", ".join(escape(x) for x in (p.get("outlet"), p.get("date")) if x) or "outlet and date unknown"
            lines.append(f"- \\[{p.get('n')}\\] {escape(p.get('title') or 'untitled')} ({meta}): article "
                         f"{code(p.get('article_id', ''))}, characters {p.get('start')}-{p.get('end')}")
        lines.append("")
    return lines


def _about(p: Mapping) -> list[str]:
    """Who published a passage's article, when, and where to find it."""
    def known(key: str) -> str:
        return escape(p[key]) if p.get(key) else "unknown"

    lines = [f"- Outlet: {known('outlet')} · Author: {known('author')} · Date: {known('date')}",
             f"- Article id: {code(p.get('article_id', ''))}"]
    if p.get("source") and p.get("source") != p.get("article_id"):
        lines.append(f"- Source: {code(p['source'])}")
    if "start" in p and "text" in p:  # a passage, not a citation standing in for one
        lines.append(f"- Passage retrieved: characters {p.get('start')}-{p.get('end')} of the article")
    return lines + [""]


def _quote_line(c: Mapping) -> str:
    """What a quote is: its place, whether it supports the answer, who says it."""
    support = ("supports the answer" if c.get("supported")
               else "**does not support** the answer sentence that cites it")
    who = ""
    if c.get("speaker"):
        role = f" ({escape(c['speaker_role'])})" if c.get("speaker_role") else ""
        who = f"{escape(c['speaker'])}{role}"
    kind = KINDS.get(str(c.get("kind")), escape(c.get("kind"))) if c.get("kind") else ""
    said = f"; said by {who}, {kind}" if who and kind else f"; said by {who}" if who else f"; {kind}" if kind else ""
    return f"**Quote**, characters {c.get('start')}-{c.get('end')} of the article: {support}{said}."


def write(doc: Mapping, folder: Path, stem: str = "conversation") -> tuple[Path, Path]:
    """Both exports of `doc` as files in `folder` (made if missing): (Markdown, JSON)."""
    folder.mkdir(parents=True, exist_ok=True)
    md, js = folder / f"{stem}.md", folder / f"{stem}.json"
    md.write_text(to_markdown(doc), encoding="utf-8")
    js.write_text(to_json(doc), encoding="utf-8")
    return md, js
