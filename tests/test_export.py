"""Exporting a conversation (rag/export.py): every quote can be checked from the Markdown
file alone against the articles, untrusted text renders as text, the JSON is the answers'."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from rag.export import code, conversation, escape, to_json, to_markdown, write
from rag.pipeline import Pipeline
from rag.settings import Settings
from rag.sync import Indexer
from rag.types import Answer, Citation, Claim, Conflict, ConflictValue, Dispute, Passage, Sentence

from .conftest import SEEDS, read_articles, run_rag

QUESTIONS = ["What did Shoigu say about the moderate opposition?",
             "Who said Russia gets intelligence from a number of other countries and coordinates it "
             "through the Baghdad center?",
             "What did Lavrov say about the suicide bombers in Aleppo?"]  # refused: a near miss


@pytest.fixture
def pipeline(settings: Settings, embedder) -> Pipeline:
    Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    return Pipeline(settings.model_copy(update={"llm": "extractive"}), embedder)


# What a reader does with the file alone: each source names its article; each quote its
# characters and, below them, the quote verbatim in a fenced block.
SOURCE = re.compile(r"^#### \\\[(\d+)\\\] .*?\n(.*?)(?=^#### |^### |^---$|\Z)", re.S | re.M)
QUOTE = re.compile(r"^\*\*Quote\*\*, characters (\d+)-(\d+) of the article: (.*?)\n\n(`{3,})\n(.*?)\n\4$",
                   re.S | re.M)


def quotes_in(markdown: str) -> list[tuple[str, int, int, str]]:
    """(article id, start, end, quote) for every quote of the Markdown's sources sections."""
    found = []
    for _, body in SOURCE.findall(markdown):
        article = re.search(r"^- Article id: (`+) ?(.*?) ?\1$", body, re.M).group(2)
        found += [(article, int(s), int(e), quote) for s, e, _, _, quote in QUOTE.findall(body)]
    return found


def test_every_cited_quote_is_in_the_markdown_and_checks_against_its_article(pipeline: Pipeline,
                                                                              tmp_path: Path) -> None:
    answers = [pipeline.ask(q) for q in QUESTIONS]
    assert [a.refused for a in answers] == [False, False, True]
    doc = conversation([a.as_json() for a in answers], "seeds", str(tmp_path / "index"), 5)
    md_path, json_path = write(doc, tmp_path / "out")
    markdown = md_path.read_text()

    # From here on only the file and the articles: no Answer values.
    articles = read_articles(SEEDS)
    found = quotes_in(markdown)
    for article, start, end, quote in found:
        assert articles[article].text[start:end] == quote
    cited = {(c.article_id, c.start, c.end, c.quote) for a in answers for c in a.citations}
    assert set(found) == cited and len(cited) >= 4

    for i, (question, answer) in enumerate(zip(QUESTIONS, answers), start=1):
        assert f"## Question {i}: {escape(question)}\n" in markdown
    assert "said by Sergei Shoigu (Defense Minister), direct quote." in markdown
    assert "Sergey Ryabkov (Deputy Foreign Minister)" in markdown
    assert "- Outlet: EU Times · Author: unknown · Date: 2015-10-08" in markdown
    # The refusal, with its reason and the passages that came closest.
    refusal = markdown.split("## Question 3:", 1)[1]
    assert "**Not answered (refused):**" in refusal and "nobody named Lavrov" in refusal
    assert "### Closest passages (none answers the question)" in refusal and "#### " not in refusal
    assert markdown.count("- Questions: 3") == 1 and "(5 articles)" in markdown

    # The JSON is the answers' JSON, question included, under the header.
    out = json.loads(json_path.read_text())
    assert out["format"] == "rag-conversation" and out["corpus"] == "seeds" and out["articles"] == 5
    assert out["answers"] == [json.loads(json.dumps(a.as_json())) for a in answers]
    assert [a["question"] for a in out["answers"]] == QUESTIONS


HOSTILE = ("![x](http://evil/x.png) <script>alert(1)</script> [link](http://x) "
           "<img src=x onerror=alert(2)> &amp; *bold* `code` | a | b | ~~gone~~ $x^2$ "
           "www.evil.example mail@evil.example <http://auto.link>")


def hostile_answer() -> Answer:
    """An answer whose every untrusted field holds Markdown and HTML, and lines that start
    with `#`, `-`, `1.` and `===`."""
    text = f"# Heading\n{HOSTILE}\n===\n- item\n1. first\n[1]: http://evil/ref"
    quote = f"{HOSTILE}\n# not a heading\n```\n[1]: http://evil/ref"
    passage = Passage(f"evil/{HOSTILE}.txt", f"# {HOSTILE}", f"https://evil.example/a?{HOSTILE}", "2015-10-08",
                      0, len(quote), quote, 1.0, 0.9, (1,), outlet=f"<b>{HOSTILE}</b>", author=f"# {HOSTILE}")
    other = Passage("other.txt", f"- {HOSTILE}", "other.txt", None, 5, 9, "text", 0.5, 0.4, (2,))
    cite = Citation(1, passage.article_id, passage.title, passage.source, 0, len(quote), quote, True,
                    passage.outlet, passage.date, f"# {HOSTILE}", f"[r](http://x) {HOSTILE}", "quote")
    claim = Claim(f"# {HOSTILE}", None, "indirect", 1, 0, 5, HOSTILE, HOSTILE, None, "said")
    conflict = Conflict(f"# {HOSTILE}", (ConflictValue(f"# {HOSTILE}", (1,), ("a",), (HOSTILE,), (HOSTILE,)),))
    return Answer(f"# {HOSTILE}\n# second line", f"{text} [1]", False,
                  (Sentence(f"- {HOSTILE}", (1,), False),), (cite,), (passage, other),
                  notice=f"# {HOSTILE}", claims=(claim,), conflicts=(conflict,), disputes=(Dispute(claim, claim),))


def outside_code(markdown: str) -> str:
    """The Markdown without its fenced blocks and code spans: where escaping must hold."""
    markdown = re.sub(r"^(`{3,})\n.*?\n\1$", "", markdown, flags=re.S | re.M)
    return re.sub(r"(?<!\\)(`+)[^\n]*?\1", "", markdown)


def test_untrusted_text_renders_as_text_never_as_links_images_html_or_headings() -> None:
    from markdown_it import MarkdownIt

    answer = hostile_answer()
    markdown = to_markdown(conversation([answer.as_json()], f"# {HOSTILE}", HOSTILE, 1))
    # The commonmark preset renders raw HTML, so any that got through would show here.
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    for tag in ("<a ", "<img", "<script", "<b>", "<code>code", "<table", "<s>", "<del", "<h5", "<h6", "<li>item",
                "<ol"):
        assert tag not in rendered, tag
    assert re.findall(r"<em>(.*?)</em>", rendered) == ["Note:"]
    # Headings and rules are ours alone: the title, the question, the sources and the passage.
    headings = re.findall(r"<h(\d)>(.*?)</h\1>", rendered)
    assert [level for level, _ in headings] == ["1", "2", "3", "4", "3"]
    assert headings[1][1].startswith("Question 1: # ") and headings[3][1].startswith("[1] # ")
    assert rendered.count("<hr") == 1
    # Every character is there to read: in the text, and verbatim in the quote's block.
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert text.count(" ".join(HOSTILE.split())) >= 8
    assert f"<pre><code>{html.escape(answer.citations[0].quote)}\n</code></pre>" in rendered
    # What GitHub-flavoured renderers link on their own, bare URLs and addresses, is escaped
    # wherever the text is not code.
    plain = outside_code(markdown)
    assert "://" not in plain.replace(r"\://", "") and "www." not in plain and re.search(r"(?<!\\)@", plain) is None
    assert [line for line in plain.splitlines() if line.startswith("[")] == []


def test_escape_and_code_keep_every_character() -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    for text in ("# a", "- b", "1. c", "2015) d", "===", "a\\b", "`tick` ``two``", "` edge `"):
        assert html.unescape(re.sub(r"<[^>]+>", "", md.renderInline(escape(text)))) == text, text
        assert html.unescape(re.sub(r"<[^>]+>", "", md.renderInline(code(text)))) == text, text


def test_ask_cli_prints_markdown_and_json(corpus: Path) -> None:
    question = "What did Shoigu say about the moderate opposition?"
    markdown = run_rag("ask", question, "--llm", "extractive", "--format", "markdown", check=True).stdout
    assert markdown.startswith("# Questions and cited answers from news articles\n")
    assert f"## Question 1: {question}" in markdown and f"- Articles from: `{corpus}`" in markdown
    found = quotes_in(markdown)
    articles = read_articles(corpus)
    assert found and all(articles[a].text[s:e] == q for a, s, e, q in found)

    out = json.loads(run_rag("ask", question, "--llm", "extractive", "--format", "json", check=True).stdout)
    assert out["question"] == question and out["citations"]
    assert {(c["article_id"], c["start"], c["end"], c["quote"]) for c in out["citations"]} == set(found)
    assert out["sentences"] and all(s["supported"] for s in out["sentences"])
    both = run_rag("ask", question, "--json", "--format", "markdown")
    assert both.returncode == 1 and both.stderr.startswith("error: --json means --format json")
