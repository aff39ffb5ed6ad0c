"""Answers as HTML for the chat and the panels. Text from articles, models and users is
untrusted: every piece of it is escaped here, and markup is only ever ours. Nothing here is
Markdown: the chat renders its messages as HTML only (see ui/app.py), since Markdown in an
article or a reply would otherwise become images that fetch, and links."""

from __future__ import annotations

from html import escape

from rag.articles import speaker_label
from rag.cite import by_speaker, in_marks, quote_runs
from rag.timeline import where as published_in, who as who_says
from rag.types import Answer, ArticleView, Citation, ListedArticle, Timeline, provenance, published

UNSUPPORTED = "not supported by the passages"


def message(answer: Answer) -> str:
    """The chat message: each sentence with its [n] markers, unsupported ones flagged."""
    if answer.refused:
        text = error(answer.text)
    else:
        parts = []
        for run in quote_runs(answer.sentences):
            s = run[0]
            marks = "".join(f"[{n}]" for n in s.cites)
            flag = "" if s.supported else f' <span class="unsupported">⚠ {UNSUPPORTED}</span>'
            # Who says it is ours, set apart from the article's own words.
            if s.attribution:
                quote = " ".join(x.text for x in run)
                said = f'<span class="who">{escape(s.attribution)}</span> {escape(in_marks(quote))}'
            elif s.ours:  # "X said it, as reported by ...": ours too, from the citations
                said = f'<span class="who">{escape(s.text)}</span>'
            else:
                said = escape(s.text)
            parts.append(f"{said} {marks}{flag}".strip())
        text = " ".join(parts)
    if answer.notice:
        text += f"<br><small>{escape(answer.notice)}</small>"
    return conflicts(answer) + text


def conflicts(answer: Answer) -> str:
    """"The sources disagree": each value the articles give for what was asked, with its
    passage numbers and where it was published, most supported first."""
    blocks = []
    for c in answer.conflicts:
        rows = "".join(
            f'<li><span class="value">{escape(v.value)}</span> {"".join(f"[{n}]" for n in v.citations)}'
            f' <span class="meta">{escape("; ".join(x for x in dict.fromkeys(v.published) if x) or "outlet unknown")}</span></li>'
            for v in c.values)
        blocks.append(f'<div class="conflict"><strong>⚠ The sources disagree on {escape(c.about)}:</strong>'
                      f"<ul>{rows}</ul></div>")
    return "".join(blocks)


def error(text: str) -> str:
    """A refusal or an error, in bold."""
    return f"<strong>{escape(text)}</strong>"


def log(lines: list[str]) -> str:
    """What an upload or a sync did, one item a line (file names are the uploader's)."""
    return '<ul class="log">' + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def sources(answer: Answer) -> str:
    """Each passage with its title, source and date, and the cited spans highlighted."""
    if not answer.passages:
        return '<div class="sources">No passages.</div>'
    heading = "Closest passages (none answers the question)" if answer.refused else "Sources"
    items = []
    for n, p in enumerate(answer.passages, start=1):
        spans = sorted({(c.start, c.end, c.supported, _who(c)) for c in answer.citations if c.n == n})
        body, at = [], p.start
        for start, end, supported, who in spans:
            if start < at:  # overlapping citations of one passage: highlight once
                continue
            body.append(escape(p.text[at - p.start:start - p.start]))
            cls = "cited" if supported else "cited unsupported"
            # The cited span's speaker, as the index attributes it (ours, not the article's).
            label = f'<span class="speaker">[{escape(who)}]</span>' if who else ""
            body.append(f'{label}<mark class="{cls}">{escape(p.text[start - p.start:end - p.start])}</mark>')
            at = end
        body.append(escape(p.text[at - p.start:]))
        meta = " · ".join(escape(x) for x in (provenance(p.outlet, p.date, p.author), p.source) if x)
        # Cited passages open; the others stay folded under their titles.
        state = " open" if spans or answer.refused else ""
        items.append(f'<li class="passage" id="passage-{n}"><details{state}><summary class="title">'
                     f'[{n}] {escape(p.title)}</summary><div class="meta">{meta}</div>'
                     f'<div class="text">{"".join(body)}</div></details></li>')
    return f'<div class="sources">{claims(answer)}<h4>{heading}</h4><ol>{"".join(items)}</ol></div>'


def claims(answer: Answer) -> str:
    """"Who says what": the attributed sentences of the passages, grouped by speaker, each
    with its outlet, date and passage number (as the index's rules attribute them)."""
    if not answer.claims:
        return ""
    groups = [disputed(answer)] if answer.disputes else []
    for group in by_speaker(answer.claims):
        who = f"{group.speaker} ({group.role})" if group.role else group.speaker
        lines = "".join(
            f'<li>[{c.n}] <span class="meta">{escape(", ".join(x for x in (c.outlet, c.date) if x) or "outlet unknown")}'
            f'</span> “{escape(c.quote)}”</li>' for c in group.claims)
        groups.append(f'<details class="speaker-claims"><summary>{escape(who)} · {len(group.claims)}</summary>'
                      f"<ul>{lines}</ul></details>")
    return f'<div class="claims"><h4>Who says what</h4>{"".join(groups)}</div>'


def disputed(answer: Answer) -> str:
    """Claims one speaker denies, each beside the claim it answers: both sides, theirs."""
    def said(c) -> str:
        where = escape(", ".join(x for x in (c.outlet, c.date) if x) or "outlet unknown")
        return (f'<span class="who">{escape(c.speaker)}</span> [{c.n}] <span class="meta">{where}</span> '
                f"“{escape(c.quote)}”")
    rows = "".join(f"<li>{said(d.assertion)}<br>⇄ {said(d.denial)}</li>" for d in answer.disputes)
    return f'<div class="disputes"><strong>Disputed</strong><ul>{rows}</ul></div>'


def _who(c: Citation) -> str:
    """Who says a cited sentence, for its label in the sources: a speaker or a kind."""
    if c.kind == "comment":
        return f"reader comment by {c.speaker}" if c.speaker else "reader comment"
    if c.kind == "transcript" and not c.speaker:
        return "interview turn, speaker unnamed"  # "Question: ...", not the outlet's reporting
    return c.speaker or ("page furniture" if c.kind == "furniture" else "")


def article_list(articles: list[ListedArticle], query: str = "") -> str:
    """The Articles tab's table: title, outlet, date, chunks, and where each came from."""
    if not articles:
        text = (f"No article’s title or outlet holds “{escape(query.strip())}”." if query.strip()
                else "The index holds no articles yet.")
        return f'<div class="articles"><p class="count">{text}</p></div>'
    rows = []
    for a in articles:
        origin = "uploaded" if a.uploaded else "folder"
        where = f'<div class="file">{escape(a.file)}</div>'
        if a.source not in (a.file, a.id):  # a URL, or the line of a jsonl file
            where += f'<div class="file">{escape(a.source)}</div>'
        rows.append(f'<tr data-id="{escape(a.id)}"><td class="title">{escape(a.title)}</td>'
                    f'<td>{escape(a.outlet or "—")}</td><td class="date">{escape(a.date or "—")}</td>'
                    f'<td class="num">{a.chunks}</td><td><span class="origin {origin}">{origin}</span>{where}</td></tr>')
    n = len(articles)
    count = f"{n} article{'' if n == 1 else 's'}"
    if query.strip():
        count += f" match{'es' if n == 1 else ''} “{escape(query.strip())}”"
    return (f'<div class="articles"><p class="count">{count}</p><table class="article-list"><thead><tr>'
            "<th>Title</th><th>Outlet</th><th>Date</th><th>Chunks</th><th>From</th></tr></thead>"
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def article_choice(a: ListedArticle) -> str:
    """An article as the "open an article" list names it (shown as text, never markup)."""
    return " · ".join(x for x in (a.title, published(a.outlet, a.date)) if x)


def article(view: ArticleView) -> str:
    """One article to read: its title and where it came from, then its text with each
    sentence someone else says marked with who says it (as the index attributes it)."""
    a = view.article
    meta = escape(published(a.outlet, a.date, a.author) or "outlet and date unknown")
    origin = (f"uploaded: {escape(a.file)}" if a.uploaded
              else f"put in the corpus folder by hand: {escape(a.file)}")
    if a.source not in (a.file, a.id):
        origin += f" · {escape(a.source)}"
    body, at, speakers = [], 0, {}
    for s in view.attributions:
        label = speaker_label(s)
        if not label or s.start < at:
            continue
        speakers[label] = speakers.get(label, 0) + 1
        body.append(escape(view.text[at:s.start]))
        body.append(f'<span class="said {escape(s.kind)}"><span class="speaker">{escape(label)}</span>'
                    f"<mark>{escape(view.text[s.start:s.end])}</mark></span>")
        at = s.end
    body.append(escape(view.text[at:]))
    who = " · ".join(f"{escape(k)} ({n})" for k, n in speakers.items()) or "only the outlet’s own reporting"
    return (f'<div class="article"><h3 class="title">{escape(a.title)}</h3><div class="meta">{meta}</div>'
            f'<div class="meta">{origin} · {a.chunks} chunks</div><div class="voices"><strong>Who speaks:</strong> '
            f'{who}</div><div class="text">{"".join(body)}</div></div>')


def notice(text: str, failed: bool = False) -> str:
    """The Articles tab's message line: what was done, or why not."""
    return f'<div class="notice{" failed" if failed else ""}">{escape(text)}</div>'

def timeline(tl: Timeline) -> str:
    """A topic's timeline: a heading per date (undated last), under it each entry's outlet,
    who says it (ours, set apart), the article's sentence verbatim and its citation."""
    articles = len({p.article_id for p in tl.passages})
    head = (f"{len(tl.entries)} entries from {len(tl.passages)} passages of {articles} articles"
            + (f" ({tl.scope})" if tl.scope else ""))
    parts = [f'<p class="summary">Timeline of “{escape(tl.topic)}”: {escape(head)}</p>']
    if tl.notice:
        parts.append(f'<p class="notice">{escape(tl.notice)}</p>')
    days: list[tuple[str, list[str]]] = []
    for e in tl.entries:
        day = e.date or "date unknown"
        if not days or days[-1][0] != day:
            days.append((day, []))
        first = e.first
        notes = []
        if e.kind == "comment" and first.date:
            notes.append(f"posted under an article of {first.date}, on that day or later")
        if e.event_date:
            notes.append(f"the day it names: {e.event_date} ({e.event_basis})")
        notes += [f"also: {published_in(s)} [{s.n}, chars {s.start}-{s.end}]" for s in e.sources[1:]]
        meta = "".join(f'<div class="meta">{escape(n)}</div>' for n in notes)
        outlet = first.outlet or f"the article “{first.title}”"
        days[-1][1].append(
            f'<li class="entry {escape(e.kind)}"><span class="outlet">{escape(outlet)}</span> · '
            f'<span class="who">{escape(who_says(e))}</span>: “{escape(e.quote)}” '
            f'<span class="cite">[{first.n}, chars {first.start}-{first.end}]</span>{meta}</li>')
    for day, items in days:
        cls = "day undated" if day == "date unknown" else "day"
        parts.append(f'<section class="{cls}"><h4>{escape(day)}</h4><ul>{"".join(items)}</ul></section>')
    if not tl.entries:
        parts.append('<p class="empty">No claims or events about the topic in the articles found.</p>')
    if tl.passages:
        rows = "".join(f"<li>[{n}] {escape(p.title)} <span class=\"meta\">"
                       f"{escape(', '.join(x for x in (p.outlet, p.date or 'date unknown', p.source) if x))}</span></li>"
                       for n, p in enumerate(tl.passages, start=1))
        parts.append(f'<details class="timeline-sources"><summary>Sources</summary><ol>{rows}</ol></details>')
    return f'<div class="timeline">{"".join(parts)}</div>'


def status(info: dict) -> str:
    rows = "".join(f"<tr><th>{escape(k.replace('_', ' '))}</th><td>{escape(str(v))}</td></tr>"
                   for k, v in info.items())
    return f'<table class="status">{rows}</table>'


CSS = """
.sources { max-height: 44em; overflow-y: auto; }
.sources ol { padding-left: 1.2em; list-style: none; }
.sources .title { font-weight: 600; }
.sources .meta { font-size: 0.85em; opacity: 0.7; }
.sources .text { white-space: pre-wrap; margin: 0.3em 0 0.8em; }
mark.cited { background: #ffe58a; }
mark.cited.unsupported, .unsupported { background: #ffd0d0; }
.who { font-style: italic; opacity: 0.85; }
.sources .speaker { font-size: 0.8em; font-weight: 600; margin-right: 0.3em; }
.claims ul { padding-left: 1.2em; margin: 0.2em 0 0.5em; }
.claims summary { font-weight: 600; }
.disputes { border-left: 4px solid #d9822b; padding-left: 0.5em; margin-bottom: 0.5em; }
.disputes ul { padding-left: 1.2em; margin: 0.2em 0; }
.conflict { border-left: 4px solid #d9822b; background: #fff4e5; padding: 0.3em 0.6em; margin-bottom: 0.5em; }
.conflict ul { margin: 0.2em 0 0; padding-left: 1.2em; }
.conflict .value { font-weight: 600; }
.conflict .meta { font-size: 0.85em; opacity: 0.75; }
.articles { max-height: 40em; overflow-y: auto; }
.articles .count { margin: 0 0 0.4em; opacity: 0.8; }
.articles .article-list { width: 100%; border-collapse: collapse; font-size: 0.92em; border: 0 !important; }
.articles .article-list th, .articles .article-list td { text-align: left; vertical-align: top;
  padding: 0.35em 0.5em; border: 0 !important; border-bottom: 1px solid #e5e7eb !important; }
.articles .article-list tr { border: 0 !important; }
.articles .article-list th { border-bottom: 2px solid #d1d5db !important; }
.article-list .title { font-weight: 600; }
.article-list .num, .article-list .date { white-space: nowrap; }
.article-list .file { font-size: 0.8em; opacity: 0.7; word-break: break-all; }
.origin { font-size: 0.8em; border-radius: 0.6em; padding: 0 0.5em; }
.origin.uploaded { background: #dbeafe; }
.origin.folder { background: #f3f4f6; }
.article .meta { font-size: 0.85em; opacity: 0.75; }
.article .voices { font-size: 0.9em; margin: 0.4em 0; }
.article .text { white-space: pre-wrap; max-height: 40em; overflow-y: auto; line-height: 1.5; }
.said .speaker { font-size: 0.75em; font-weight: 600; margin-right: 0.3em; padding: 0 0.3em;
  border-radius: 0.3em; background: #fde68a; }
.said mark { background: #fef3c7; }
.said.comment .speaker, .said.embedded .speaker { background: #bfdbfe; }
.said.comment mark, .said.embedded mark { background: #e0f2fe; }
.said.furniture .speaker { background: #e5e7eb; }
.said.furniture mark { background: transparent; opacity: 0.6; }
.notice { padding: 0.3em 0.5em; border-left: 4px solid #16a34a; }
.notice.failed { border-left-color: #dc2626; }
.timeline .summary { font-weight: 600; }
.timeline .notice { font-size: 0.9em; opacity: 0.8; }
.timeline h4 { margin: 0.8em 0 0.2em; border-bottom: 1px solid #ddd; }
.timeline .undated h4 { opacity: 0.7; }
.timeline ul { padding-left: 1.2em; margin: 0; }
.timeline .entry { margin: 0.35em 0; }
.timeline .outlet { font-weight: 600; }
.timeline .cite, .timeline .meta, .timeline-sources .meta { font-size: 0.85em; opacity: 0.7; }
.timeline .entry.comment { background: #f3f3f3; }
.timeline-sources ol { list-style: none; padding-left: 0.5em; }
"""
