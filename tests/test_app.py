"""The chat app for real: `rag serve` on 127.0.0.1, driven by gradio_client and by Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from rag.types import Answer
from rag.service import ChatService
from rag.settings import Settings
from ui import render

from .conftest import (SEEDS, LoopbackServer, check_near_miss, check_what_did_x_say, check_which_outlet, check_who,
                       free_port, read_articles)

SHOIGU = "002_db38f92249411e75.txt"
SECRET = "sk-test-SENTINEL-7f3a9c"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@dataclass
class Served:
    url: str
    corpus: Path
    env: dict[str, str]


def serve(root: Path, *extra: str, env: dict[str, str] | None = None,
          port: int | None = None) -> tuple[subprocess.Popen, Served]:
    """`rag serve` over a copy of the seeds (made on first start), with everything it writes
    under `root`."""
    corpus = root / "corpus"
    if not corpus.exists():
        shutil.copytree(SEEDS, corpus)
    home = root / "home"
    home.mkdir(exist_ok=True)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("RAG_")}, **(env or {})}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), HF_HOME=str(home / ".cache/hf"),
               HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False",
               GRADIO_TEMP_DIR=str(root / "gradio"), NO_PROXY="127.0.0.1,localhost")
    port = port or free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "serve", "--corpus", str(corpus), "--index", str(root / "index"),
         "--port", str(port), "--llm", "extractive", *extra],
        env=env, stdout=subprocess.DEVNULL, stderr=open(root / "serve.log", "a"))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except urllib.error.HTTPError:
            break  # answering, if only to say "log in"
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("rag serve did not start:\n" + (root / "serve.log").read_text()) from None
            time.sleep(0.5)
    return proc, Served(url, corpus, env)


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    proc, info = serve(tmp_path_factory.mktemp("app"))
    yield info
    proc.terminate()
    proc.wait(timeout=30)


def client(served: Served, **kwargs):
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    from gradio_client import Client

    return Client(served.url, verbose=False, **kwargs)


def test_ask_api_returns_the_cli_json_with_citations(served: Served) -> None:
    out = client(served).predict("What did Shoigu say about the moderate opposition?", api_name="/ask")
    assert set(out) >= {"answer", "refused", "citations", "passages", "timings"}
    assert not out["refused"] and "[1]" in out["answer"]
    assert any(c["article_id"] == SHOIGU and c["supported"] for c in out["citations"])


def test_ask_api_takes_the_filter_as_rag_ask_does(served: Served) -> None:
    app = client(served)
    question = "What did Shoigu say about the moderate opposition?"
    out = app.predict(question, "", "The Moscow Times, RT", "", "", "", "", api_name="/ask")
    assert not out["refused"] and {p["outlet"] for p in out["passages"]} <= {"The Moscow Times", "RT"}
    none = app.predict(question, "", "", "2016-01-01", "", "", "", api_name="/ask")
    assert none["refused"] and none["answer"] == "No article matches dated from 2016-01-01."
    as_of = app.predict("What happened last week?", "", "", "", "", "", "2015-10-10", api_name="/ask")
    assert "Read as of 2015-10-10" in as_of["notice"]


def test_ask_api_answers_each_attribution_kind(served: Served) -> None:
    # Other dev questions than the CLI's (tests/test_attribution_answers.py), checked the same way.
    app = client(served)

    def ask(question: str) -> dict:
        return app.predict(question, api_name="/ask")

    check_who(ask("Who said the Americans could not tell Russia where the moderate opposition was, "
                  "so Russian planes would know where not to attack?"), "Shoigu", "The Moscow Times")
    check_what_did_x_say(ask("What did Faisal Mekdad say about Russia's results in Syria?"), "Mekdad",
                         ("significant results", "surpass"))
    check_which_outlet(ask("Which outlet reported John Kerry calling the Aleppo humanitarian corridors "
                           "a potential ruse?"), "The Moscow Times")
    check_near_miss(ask("What did Lavrov say about the suicide bombers in Aleppo?"), "Lavrov")


def test_uploaded_article_is_answered_from(served: Served, tmp_path: Path) -> None:
    from gradio_client import handle_file

    article = tmp_path / "kerry.txt"
    article.write_text("Kerry answers Lavrov\n\nJohn Kerry said on Tuesday that the coalition has "
                       "struck 8,000 ISIS targets since last year.\n")
    app = client(served)
    log, status, _ = app.predict([handle_file(str(article))], api_name="/add_articles")
    assert "saved as uploads/kerry.txt" in log and "1 added" in log
    assert "<td>6</td>" in status  # six articles now
    assert (served.corpus / "uploads" / "kerry.txt").read_text() == article.read_text()
    out = app.predict("How many ISIS targets did Kerry say the coalition has struck?", api_name="/ask")
    assert "8,000" in out["answer"]
    assert {c["article_id"] for c in out["citations"]} == {"uploads/kerry.txt"}


def test_chat_keeps_answering_while_an_upload_is_indexed(served: Served, tmp_path: Path) -> None:
    from gradio_client import handle_file

    # Long enough (about 100 chunks) that indexing it takes seconds, not milliseconds.
    big = tmp_path / "lagos-harbour.txt"
    big.write_text("Lagos harbour report\n\n" + "\n\n".join(
        f"Dock {i} of the Lagos harbour handled {1000 + i} containers of cocoa and rubber this "
        f"season, the port authority said in its report number {i}." for i in range(600)))
    app = client(served)
    job = app.submit([handle_file(str(big))], api_name="/add_articles")
    answered_during = 0
    while not job.done():
        out = app.predict("What did Shoigu say about the moderate opposition?", api_name="/ask")
        assert out["citations"] and not out["refused"]
        answered_during += not job.done()
    assert answered_during >= 1
    assert "1 added" in job.result()[0]
    out = app.predict("What did the Lagos port authority report about cocoa and rubber?", api_name="/ask")
    assert out["citations"][0]["article_id"] == "uploads/lagos-harbour.txt"


def test_login_guards_every_route_and_secrets_stay_out(tmp_path: Path, bad_endpoint) -> None:
    root = tmp_path / "served"
    root.mkdir()
    bad_endpoint.mode = "unauthorized"  # echoes the key back, the worst an endpoint can do
    proc, info = serve(root, "--auth", "analyst:s3cret",
                       env={"RAG_LLM_BASE_URL": bad_endpoint.url, "RAG_LLM_API_KEY": SECRET})
    try:
        for method, path in [("GET", "/config"), ("POST", "/gradio_api/call/ask"),
                             ("POST", "/gradio_api/upload"), ("GET", "/gradio_api/info")]:
            request = urllib.request.Request(info.url + path, method=method,
                                             data=b'{"data": ["hi"]}' if method == "POST" else None,
                                             headers={"Content-Type": "application/json"})
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=10)
            assert refused.value.code == 401, path
        out = client(info, auth=("analyst", "s3cret")).predict("What did Lavrov say?", api_name="/ask")
        assert out["citations"]
        with pytest.raises(ValueError, match="login"):
            client(info, auth=("analyst", "wrong"))
        app = client(info, auth=("analyst", "s3cret"))
        out = app.predict("What did Shoigu say about the moderate opposition?", "openai", api_name="/ask")
        assert "refused the API key" in out["notice"] and out["citations"]
        assert bad_endpoint.requests >= 1
        shown = [json.dumps(out), json.dumps(app.view_api(print_info=False, return_format="dict")),
                 render.status(ChatService(Settings(index=root / "index")).status())]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    log = (root / "serve.log").read_text()
    assert "s3cret" not in log and SECRET not in log
    assert not any(SECRET in text for text in shown)
    for path in (root / "index").rglob("*"):
        assert path.is_dir() or SECRET.encode() not in path.read_bytes(), path


EVIL = ("<script>alert('title')</script> Kerry update\n\n"
        "John Kerry said the coalition struck 8,000 targets. <img src=x onerror=\"alert('body')\"> "
        "<script>alert('body')</script>\n")



def open_chat(pw, url: str):
    """Debian's Chromium on the chat at `url`, once its status has loaded: the browser, the
    page, and the messages of any dialog the page opens (none should)."""
    from playwright.sync_api import expect

    browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    expect(page.locator("#status")).to_contain_text("articles", timeout=60_000)
    return browser, page, dialogs


def test_disputed_claims_and_conflicts_render_both_sides_as_text() -> None:
    from rag.types import Answer, Claim, Conflict, ConflictValue, Dispute

    said = Claim("<b>US</b>", None, "indirect", 1, 0, 10, "The US has accused <i>Russia</i>.", "EU Times", None, "accused")
    denied = Claim("Russia", None, "indirect", 1, 11, 40, "Russia denies the <script>x</script>.", "EU Times", None, "denies")
    conflict = Conflict("the name", (ConflictValue("<img src=x>", (1,), ("a",), ("RT",), ("RT, 2015-11-13",)),
                                     ConflictValue("Karasin", (2,), ("b",), (), ("",))))
    answer = Answer("q", "a", False, (), (), (), claims=(said, denied), conflicts=(conflict,),
                    disputes=(Dispute(said, denied),))
    panel, message = render.claims(answer), render.message(answer)
    assert "Disputed" in panel and "&lt;b&gt;US&lt;/b&gt;" in panel and "&lt;script&gt;" in panel
    assert panel.index("accused") < panel.index("denies")
    assert "The sources disagree on the name" in message and "&lt;img src=x&gt;</span> [1]" in message
    assert "<img" not in message and "<script>" not in panel and "outlet unknown" in message


def test_an_interviewers_turn_is_labelled_in_the_sources_not_left_as_the_outlets() -> None:
    from rag.types import Answer, Citation, Passage, Timings

    text = "Question: Why now? Vladimir Putin: Because."
    passage = Passage("a", "Talk", "a.txt", None, 0, len(text), text, 1.0, 1.0, (1,), "RT")
    asked = Citation(1, "a", "Talk", "a.txt", 0, 18, "Question: Why now?", True, "RT", kind="transcript")
    shown = render.sources(Answer("q", "a", False, (), (asked,), (passage,), Timings(0, 0, 0)))
    assert '[interview turn, speaker unnamed]</span><mark class="cited">Question: Why now?</mark>' in shown


@pytest.mark.skipif(not CHROMIUM.exists(), reason="make test installs Debian's chromium")
def test_browser_filters_by_outlet_and_says_when_nothing_matches(served: Served, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser, page, _ = open_chat(pw, served.url)
        page.locator("#outlets input").click()
        page.get_by_role("option", name="Sputnik").click()
        page.keyboard.press("Escape")
        page.locator("#question textarea").fill("What did Ryabkov say about intelligence sharing?")
        page.locator("#question textarea").press("Enter")
        expect(page.locator("#sources mark.cited").first).to_be_visible(timeout=60_000)
        shown = page.locator("#sources").text_content()
        assert "Sputnik" in shown and not any(o in shown for o in ("EU Times", "The Moscow Times", "RT ·")), shown
        page.screenshot(path=str(tmp_path / "filtered.png"), full_page=True)
        page.locator("#since textarea, #since input").first.fill("2016-01-01")
        page.locator("#question textarea").fill("What did Ryabkov say about intelligence sharing?")
        page.locator("#question textarea").press("Enter")
        expect(page.locator("#chat .message-row").last).to_contain_text(
            "No article matches outlet Sputnik, dated from 2016-01-01.", timeout=60_000)
        browser.close()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="make test installs Debian's chromium")
def test_browser_asks_sees_highlighted_sources_uploads_and_escapes(served: Served, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    evil = tmp_path / "evil.txt"
    evil.write_text(EVIL)
    shots = tmp_path / "screenshots"
    shots.mkdir()
    with sync_playwright() as pw:
        browser, page, dialogs = open_chat(pw, served.url)

        page.locator("#question textarea").fill("What did Shoigu say about the moderate opposition?")
        page.locator("#question textarea").press("Enter")
        mark = page.locator("#sources mark.cited").first
        expect(mark).to_be_visible(timeout=60_000)
        expect(page.locator("#chat")).to_contain_text("[1]")
        assert "Shoigu" in page.locator("#sources").inner_text()
        # Who says it, ours: in the answer, beside the cited span, and in the "who says what" panel.
        expect(page.locator("#chat .who").first).to_contain_text("Sergei Shoigu (Defense Minister)")
        expect(page.locator("#sources .speaker").first).to_contain_text("Sergei Shoigu")
        expect(page.locator("#sources .meta").first).to_contain_text("The Moscow Times")
        panel = page.locator("#sources .claims")
        expect(panel).to_contain_text("Who says what")
        expect(panel).to_contain_text("Sergei Shoigu (Defense Minister)")
        page.screenshot(path=str(shots / "answer.png"), full_page=True)

        # "Who said ...?": ours first, naming him and each outlet that carries his words.
        page.locator("#question textarea").fill("Who said Russia gets intelligence from a number of other "
                                                "countries and coordinates it through the Baghdad center?")
        page.locator("#question textarea").press("Enter")
        lead = page.locator("#chat .message-row").last.locator(".who").first
        expect(lead).to_contain_text("Sergey Ryabkov (Deputy Foreign Minister) said it, as reported by",
                                     timeout=60_000)
        expect(lead).to_contain_text("EU Times (2015-10-08)")
        expect(lead).to_contain_text("Sputnik")
        page.screenshot(path=str(shots / "who-said.png"), full_page=True)

        # A backend that cannot work here (no endpoint is set): the chat says so and answers anyway.
        page.locator("#backend input").click()
        page.get_by_role("option", name="openai").click()
        page.locator("#question textarea").fill("What did Lavrov say the coalition knows?")
        page.locator("#question textarea").press("Enter")
        last = page.locator("#chat .message-row").last
        expect(last).to_contain_text("this answer is extractive", timeout=60_000)
        expect(last).to_contain_text("needs RAG_LLM_BASE_URL")
        expect(last).to_contain_text("[1]")
        page.screenshot(path=str(shots / "fallback.png"), full_page=True)

        articles = page.locator("#status td").first
        before = int(articles.inner_text())
        page.locator("#files input[type=file]").set_input_files(str(evil))
        page.locator("#add").click()
        expect(page.locator("#log")).to_contain_text("saved as uploads/evil.txt", timeout=120_000)
        expect(articles).to_have_text(str(before + 1))

        page.locator("#question textarea").fill("How many targets did John Kerry say the coalition struck?")
        page.locator("#question textarea").press("Enter")
        expect(page.locator("#sources")).to_contain_text("8,000", timeout=60_000)
        sources = page.locator("#sources")
        # The markup arrives as text to read, never as elements to run.
        expect(sources).to_contain_text("<script>alert('title')</script>")
        expect(sources).to_contain_text("<img src=x onerror=")
        assert sources.locator("script, img").count() == 0
        page.screenshot(path=str(shots / "upload-and-escape.png"), full_page=True)

        # Another outlet's copy that names another minister: the sources disagree, visibly.
        copy = tmp_path / "courier.txt"
        copy.write_text((SEEDS / "000_71612fa1522f51fd.txt").read_text()
                        .replace("Ryabkov", "Karasin").replace("EU Times", "Northern Courier"))
        page.locator("#files input[type=file]").set_input_files(str(copy))
        page.locator("#add").click()
        expect(page.locator("#log")).to_contain_text("saved as uploads/courier.txt", timeout=120_000)
        page.locator("#question textarea").fill("Which Russian Deputy Foreign Minister said the US refusal to share "
                                                "intelligence raises the question of whose side it is on?")
        page.locator("#question textarea").press("Enter")
        block = page.locator("#chat .message-row").last.locator(".conflict")
        expect(block).to_contain_text("The sources disagree on the name", timeout=60_000)
        expect(block).to_contain_text("Karasin")
        expect(block).to_contain_text("Ryabkov")
        expect(block).to_contain_text("Northern Courier")
        page.screenshot(path=str(shots / "conflict.png"), full_page=True)
        browser.close()
    assert dialogs == []
    print(f"screenshots: {shots}")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="make test installs Debian's chromium")
def test_browser_exports_the_conversation_as_markdown_and_json(served: Served, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    from .test_export import quotes_in

    questions = ["What did Shoigu say about the moderate opposition?",
                 "What did Lavrov say the coalition knows about ISIS positions?"]
    shot = tmp_path / "export.png"
    with sync_playwright() as pw:
        browser, page, dialogs = open_chat(pw, served.url)
        rows = page.locator("#chat .message-row")
        markdown_button, json_button = page.locator("#export-markdown"), page.locator("#export-json")
        expect(markdown_button).to_be_disabled()  # nothing to export yet

        def ask(question: str, count: int) -> None:
            page.locator("#question textarea").fill(question)
            page.locator("#question textarea").press("Enter")
            expect(rows).to_have_count(count, timeout=60_000)
            expect(rows.last).to_contain_text("[1]", timeout=60_000)

        def download(button) -> str:
            expect(button).to_be_enabled(timeout=30_000)
            with page.expect_download() as caught:
                button.click()
            path = tmp_path / caught.value.suggested_filename
            caught.value.save_as(path)
            return path.read_text()

        ask(questions[0], 2)
        shoigu_quote = page.locator("#sources mark.cited").first.inner_text()
        ask(questions[1], 4)
        expect(page.locator("#sources")).to_contain_text("Lavrov")
        page.screenshot(path=str(shot), full_page=True)

        markdown = download(markdown_button)
        for i, question in enumerate(questions, start=1):
            assert f"## Question {i}: {question}" in markdown
        assert shoigu_quote in markdown
        assert "#### \\[1\\] Russia Accuses U.S. of Failing to Cooperate in Syria" in markdown
        assert f"- Article id: `{SHOIGU}`" in markdown and "- Outlet: The Moscow Times" in markdown
        # Every quote checks against its article, from the file alone.
        articles = read_articles(served.corpus)
        found = quotes_in(markdown)
        assert any(q == shoigu_quote and a == SHOIGU for a, _, _, q in found)
        assert all(articles[a].text[s:e] == q for a, s, e, q in found)

        data = json.loads(download(json_button))
        assert [a["question"] for a in data["answers"]] == questions
        assert {(a, s, e, q) for a, s, e, q in found} == {
            (c["article_id"], c["start"], c["end"], c["quote"]) for a in data["answers"] for c in a["citations"]}

        page.reload()  # the answers are kept in the browser, like the conversation
        expect(rows).to_have_count(4, timeout=60_000)
        assert all(f"## Question {i}: {q}" in download(markdown_button) for i, q in enumerate(questions, start=1))

        page.locator("#chat").get_by_label("Clear").click()  # forgets them too
        expect(rows).to_have_count(0)
        expect(markdown_button).to_be_disabled()
        expect(json_button).to_be_disabled()
        page.reload()
        expect(page.locator("#status")).to_contain_text("articles", timeout=60_000)
        expect(markdown_button).to_be_disabled()
        browser.close()
    assert dialogs == []
    print(f"screenshot: {shot}")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="make test installs Debian's chromium")
def test_a_server_killed_mid_conversation_comes_back_with_the_same_index(tmp_path: Path) -> None:
    from playwright.sync_api import Error as PlaywrightError, expect, sync_playwright

    root = tmp_path / "served"
    root.mkdir()
    port = free_port()
    proc, info = serve(root, port=port)
    index = root / "index"
    files = {p.name: p.stat().st_mtime_ns for p in index.iterdir() if p.suffix in (".sqlite", ".faiss")}
    manifest = (index / "manifest.json").read_text()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            context = browser.new_context()  # one browser profile: its storage holds the chat
            page = context.new_page()
            page.goto(info.url)
            box = page.locator("#question textarea")
            box.fill("What did Shoigu say about the moderate opposition?")
            box.press("Enter")
            expect(page.locator("#sources mark.cited").first).to_be_visible(timeout=60_000)

            proc.kill()  # a crash, not a clean stop
            proc.wait(timeout=30)
            proc, info = serve(root, port=port)
            try:
                page.reload()  # what a user does when the page says the connection was lost
            except PlaywrightError:
                # Chromium at times drops the tab while its socket to the killed server
                # closes ("Not attached to an active page"): the user opens the chat again,
                # in the same browser, with the same stored conversation.
                page = context.new_page()
                page.goto(info.url)
                box = page.locator("#question textarea")
            # The same conversation (kept in the browser): the follow-up leans on the first question.
            expect(page.locator("#chat .message-row")).to_have_count(2, timeout=60_000)
            box.fill("What did he say about Aleppo?")
            box.press("Enter")
            expect(page.locator("#chat .message-row")).to_have_count(4, timeout=60_000)
            expect(page.locator("#sources")).to_contain_text("Shoigu", timeout=60_000)
            expect(page.locator("#chat .message-row").last).to_contain_text("[1]")
            expect(page.locator("#status")).to_contain_text("5")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    # The restarted server opened the index it had: same generation, nothing rewritten
    # (SQLite's -wal and -shm files are touched by any open).
    assert (index / "manifest.json").read_text() == manifest
    assert {p.name: p.stat().st_mtime_ns for p in index.iterdir() if p.suffix in (".sqlite", ".faiss")} == files
    assert set(files) == {"store-1.sqlite", "store-1.faiss"}
    ready = [line for line in (root / "serve.log").read_text().splitlines() if line.startswith("index ready")]
    assert ready == ["index ready: 5 articles, 35 chunks (35 embedded at start)",
                     "index ready: 5 articles, 35 chunks (0 embedded at start)"]


class Pixel:
    """A tracking pixel on 127.0.0.1: an HTTP server that notes every request it gets."""

    def __init__(self) -> None:
        from http.server import BaseHTTPRequestHandler

        pixel = self
        self.requests: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                pixel.requests.append(self.path)
                body = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
                self.send_response(200)
                self.send_header("content-type", "image/gif")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_HEAD = do_GET

            def log_message(self, *args) -> None:
                pass

        self.server = LoopbackServer(Handler)
        self.url = self.server.url

    def close(self) -> None:
        self.server.close()


def lighthouse(pixel: str) -> str:
    """An article whose answer sentences hold Markdown and HTML that would fetch `pixel`."""
    return ("Vardo lighthouse keeper reports\n\n"
            f"The Vardo lighthouse keeper said the beacon ![status]({pixel}/article.png) was repaired by "
            f"the coast guard in March, see {pixel}/article-bare for the report.\n"
            "The keeper said visitors should [click](javascript:alert(1)) for the lighthouse timetable "
            f'<img src="{pixel}/article-raw.png"> before they sail.\n')


ELEMENTS = "selector => Array.from(document.querySelectorAll(selector)).map(e => e.outerHTML.slice(0, 160))"
# Every attribute on the page that would run script or fetch from the pixel when used
# (an aria-label holding the message's text is neither).
DANGEROUS_ATTRIBUTES = """pixel => Array.from(document.querySelectorAll("*")).flatMap(e =>
    Array.from(e.attributes).filter(a => /^\\s*javascript:/i.test(a.value) || (a.value.includes(pixel) &&
        /^(src|srcset|href|xlink:href|action|formaction|poster|data|background|ping|style)$/i.test(a.name)))
        .map(a => `${e.tagName} ${a.name}=${a.value}`))"""


@pytest.mark.skipif(not CHROMIUM.exists(), reason="make test installs Debian's chromium")
def test_markdown_from_articles_and_models_reaches_the_page_as_text(tmp_path: Path, bad_endpoint) -> None:
    from playwright.sync_api import expect, sync_playwright

    pixel = Pixel()
    root = tmp_path / "served"
    root.mkdir()
    shutil.copytree(SEEDS, root / "corpus")
    (root / "corpus" / "lighthouse.txt").write_text(lighthouse(pixel.url))
    bad_endpoint.mode = "reply"
    bad_endpoint.reply = (f"The Vardo lighthouse keeper said the beacon ![model]({pixel.url}/model.png) was "
                          "repaired by the coast guard in March [1]. Visitors should "
                          f"[look](javascript:alert(2)) at {pixel.url}/model-bare for the timetable [1].")
    proc, info = serve(root, env={"RAG_LLM_BASE_URL": bad_endpoint.url})
    shot = tmp_path / "markdown.png"
    question = "What did the Vardo lighthouse keeper say about the beacon repair and the timetable?"
    try:
        with sync_playwright() as pw:
            browser, page, dialogs = open_chat(pw, info.url)
            sources = page.locator("#sources")

            # Extractive: the article's own sentences, quoted.
            page.locator("#question textarea").fill(question)
            page.locator("#question textarea").press("Enter")
            expect(sources).to_contain_text("Vardo lighthouse keeper reports", timeout=60_000)
            expect(page.locator("#chat .message-row").last).to_contain_text("[1]")
            # Pinned by position: `.last` would be the model's answer by the time it is read.
            extractive = page.locator("#chat .message-row").nth(page.locator("#chat .message-row").count() - 1)

            # A model: its streamed reply holds Markdown too (one sentence of it is unsupported).
            page.locator("#backend input").click()
            page.get_by_role("option", name="openai").click()
            page.locator("#question textarea").fill(question)
            page.locator("#question textarea").press("Enter")
            model = page.locator("#chat .message-row").last
            expect(model).to_contain_text(render.UNSUPPORTED, timeout=60_000)
            assert bad_endpoint.requests >= 1
            page.screenshot(path=str(shot), full_page=True)

            # Whatever the page was going to fetch has been fetched (or failed) by now.
            page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
            assert pixel.requests == []
            assert page.evaluate(ELEMENTS, "#chat img, #chat a, #sources img, #sources a") == []
            assert page.evaluate(DANGEROUS_ATTRIBUTES, pixel.url.removeprefix("http://")) == []
            # The markup is there to read, character for character.
            for shown in (extractive, sources):
                expect(shown).to_contain_text(f"![status]({pixel.url}/article.png)")
                expect(shown).to_contain_text("[click](javascript:alert(1))")
                expect(shown).to_contain_text(f'<img src="{pixel.url}/article-raw.png">')
                expect(shown).to_contain_text(f"{pixel.url}/article-bare")
            expect(model).to_contain_text(f"![model]({pixel.url}/model.png)")
            expect(model).to_contain_text(f"[look](javascript:alert(2)) at {pixel.url}/model-bare")
            # Our own markup still works: the flag is an element, the user's question is text.
            expect(model.locator("span.unsupported")).to_have_count(1)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        pixel.close()
    assert pixel.requests == []
    assert dialogs == []
    print(f"screenshot: {shot}")


class RecordingService(ChatService):
    """The real service, noting the history each question came with and each answer."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.histories: list[list[dict]] = []
        self.answers: list[Answer] = []

    def stream(self, question, history=(), llm=None, k=None, where=None, as_of=None):
        self.histories.append(json.loads(json.dumps(list(history))))
        for event in super().stream(question, history, llm, k, where, as_of):
            if isinstance(event, Answer):
                self.answers.append(event)
            yield event


@pytest.mark.skipif(not CHROMIUM.exists(), reason="make test installs Debian's chromium")
def test_follow_ups_send_the_pipeline_the_raw_conversation(tmp_path: Path, corpus: Path, embedder,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from playwright.sync_api import expect, sync_playwright

    from ui.app import build

    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "gradio"))
    # No endpoint for the openai backend: every answer is extractive and carries a notice,
    # which the chat shows as markup of its own.
    service = RecordingService(Settings(corpus=corpus, index=tmp_path / "index", llm="openai"), embedder)
    service.sync()
    app = build(service)
    port = free_port()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True,
               css=render.CSS)
    first = "What did Shoigu say about the moderate opposition? <b>&</b> 'quoted'"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}")
            rows = page.locator("#chat .message-row")

            def ask(question: str, count: int) -> None:
                page.locator("#question textarea").fill(question)
                page.locator("#question textarea").press("Enter")
                expect(rows).to_have_count(count, timeout=60_000)
                expect(rows.last).to_contain_text("this answer is extractive", timeout=60_000)

            def raw(*answers: Answer) -> list[dict]:
                return [turn for a in answers for turn in ({"role": "user", "content": a.question},
                                                           {"role": "assistant", "content": a.text})]

            ask(first, 2)
            expect(rows.first).to_contain_text("<b>&</b> 'quoted'")
            ask("What did he say about Aleppo?", 4)
            assert service.answers[0].question == first
            assert service.histories[1] == raw(service.answers[0])

            page.reload()  # the raw conversation is kept in the browser too
            expect(rows).to_have_count(4, timeout=60_000)
            ask("What did Lavrov say the coalition knows?", 6)
            assert service.histories[2] == raw(*service.answers[:2])
            for turn in service.histories[2]:
                assert not any(mark in turn["content"] for mark in ("<span", "<small", "&lt;", "&amp;", "**"))

            # Clearing the chat forgets the conversation, after a reload too.
            stored = "() => ['rag-chat', 'rag-turns'].map(key => localStorage.getItem(key))"
            kept = page.evaluate(stored)
            page.locator("#chat").get_by_label("Clear").click()
            expect(rows).to_have_count(0)
            page.wait_for_function(f"kept => ({stored})().every((value, i) => value !== kept[i])", arg=kept)
            page.reload()
            expect(page.locator("#status")).to_contain_text("articles", timeout=60_000)
            expect(rows).to_have_count(0)
            ask("What did Lavrov say the coalition knows?", 2)
            assert service.histories[3] == []
            browser.close()
    finally:
        app.close()


def test_the_app_builds_without_layout_warnings(tmp_path: Path) -> None:
    import warnings

    from ui.app import build

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build(ChatService(Settings(corpus=SEEDS, index=tmp_path / "index")))
    # e.g. "gr.Tabs() can only contain gr.Tab() ... components as direct children"
    assert not [str(w.message) for w in caught if "gr.Tab" in str(w.message)]


def test_a_quote_opening_with_its_own_marks_is_shown_without_a_second_pair() -> None:
    from rag.types import Answer, Sentence

    said = "Ola Berg said, in Gazette:"
    answer = Answer("q", "a", False, (Sentence("“The <b>ferry</b> sank.”", (1,), True, said),
                                      Sentence("Fees rose.", (2,), True, said)), (), ())
    message = render.message(answer)
    assert "</span> “The &lt;b&gt;ferry&lt;/b&gt; sank.” [1]" in message and "““" not in message
    assert "</span> “Fees rose.” [2]" in message
