"""The Articles tab for real: `rag serve` on 127.0.0.1, its `articles` endpoint by
gradio_client, and the tab in Chromium (search, read with speakers, remove, confirm)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .test_app import CHROMIUM, SHOIGU, Served, client, open_chat, serve

KERRY = ("Kerry answers <i>Lavrov</i>\n\nJohn Kerry said on Tuesday that the coalition has struck 8,000 ISIS "
         "targets since last year.\n")
RT = "004_8bf53314b5d23ce2.txt"


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    proc, info = serve(tmp_path_factory.mktemp("articles-app"))
    yield info
    proc.terminate()
    proc.wait(timeout=30)


def test_articles_api_returns_the_cli_json(served: Served) -> None:
    app = client(served)
    listed = app.predict("", api_name="/articles")
    assert {a["id"] for a in listed} >= {SHOIGU, RT}
    shoigu = next(a for a in listed if a["id"] == SHOIGU)
    assert shoigu["outlet"] == "The Moscow Times" and shoigu["chunks"] > 0 and shoigu["uploaded"] is False
    assert set(shoigu) == {"id", "title", "outlet", "author", "date", "file", "source", "chunks", "uploaded"}
    assert [a["id"] for a in app.predict("moscow times", api_name="/articles")] == [SHOIGU]
    assert app.predict("no such outlet anywhere", api_name="/articles") == []


@pytest.mark.skipif(not CHROMIUM.exists(), reason="make test installs Debian's chromium")
def test_articles_tab_searches_reads_removes_and_asks_to_confirm(served: Served, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    upload = tmp_path / "kerry.txt"
    upload.write_text(KERRY)
    question = "How many ISIS targets did Kerry say the coalition has struck?"
    with sync_playwright() as pw:
        browser, page, dialogs = open_chat(pw, served.url)

        def ask() -> None:
            """Ask `question` and wait for its sources (they change with every answer here)."""
            before = page.locator("#sources").inner_text()
            page.locator("#question textarea").fill(question)
            page.locator("#question textarea").press("Enter")
            expect(page.locator("#sources")).not_to_have_text(before, timeout=60_000)

        def choose(name: str) -> None:
            page.locator("#article-pick input").click()
            page.get_by_role("option", name=name).click()

        # An upload in the chat tab is in the list as soon as the Articles tab opens.
        page.locator("#files input[type=file]").set_input_files(str(upload))
        page.locator("#add").click()
        expect(page.locator("#log")).to_contain_text("saved as uploads/kerry.txt", timeout=120_000)
        ask()
        expect(page.locator("#sources")).to_contain_text("8,000")
        page.get_by_role("tab", name="Articles").click()
        table = page.locator("#articles-list")
        expect(table).to_contain_text("6 articles", timeout=30_000)
        expect(table).to_contain_text("Kerry answers <i>Lavrov</i>")  # a title is text, never markup
        assert table.locator("i, script").count() == 0
        expect(table.locator("tr", has_text="Kerry answers")).to_contain_text("uploaded")

        page.locator("#articles-search input, #articles-search textarea").fill("moscow times")
        expect(table).to_contain_text("1 article matches “moscow times”")
        expect(table.locator("tbody tr")).to_have_count(1)
        expect(table).to_contain_text("Russia Accuses U.S. of Failing to Cooperate in Syria")

        # Open it: its sentences carry who says them.
        choose("Russia Accuses U.S. of Failing to Cooperate in Syria · The Moscow Times")
        view = page.locator("#article-view")
        expect(view.locator(".said .speaker", has_text="Sergei Shoigu (Defense Minister)").first).to_be_visible(
            timeout=30_000)
        expect(view.locator(".said.furniture .speaker").first).to_have_text("page furniture")
        expect(view).to_contain_text("put in the corpus folder by hand")

        # Put there by hand: not removed without the confirmation.
        page.locator("#article-remove").click()
        message = page.locator("#articles-message")
        expect(message).to_contain_text("put in the corpus folder by hand, not uploaded", timeout=30_000)
        assert (served.corpus / SHOIGU).exists()
        expect(table.locator("tbody tr")).to_have_count(1)
        shot = tmp_path / "articles-tab.png"
        page.screenshot(path=str(shot), full_page=True)

        # The uploaded one goes at once: file, list and answers.
        page.locator("#articles-search input, #articles-search textarea").fill("kerry")
        expect(table.locator("tbody tr")).to_have_count(1)
        choose("Kerry answers <i>Lavrov</i>")
        expect(view).to_contain_text("uploaded: uploads/kerry.txt", timeout=30_000)
        expect(view.locator(".said .speaker").first).to_have_text("John Kerry")
        page.locator("#article-remove").click()
        expect(message).to_contain_text("deleted uploads/kerry.txt and removed its 1 article", timeout=60_000)
        expect(table).to_contain_text("No article’s title or outlet holds “kerry”")
        assert not (served.corpus / "uploads" / "kerry.txt").exists()
        page.locator("#articles-search input, #articles-search textarea").fill("")
        expect(table).to_contain_text("5 articles")

        # A hand-dropped file goes once the box is ticked.
        choose("Putin: Free Syrian Army shares intel on ISIS targets, US reluctant to cooperate · RT")
        expect(view).to_contain_text("put in the corpus folder by hand", timeout=30_000)
        page.locator("#article-confirm input").check()
        page.locator("#article-remove").click()
        expect(message).to_contain_text(f"deleted {RT}", timeout=60_000)
        expect(table).to_contain_text("4 articles")
        assert not (served.corpus / RT).exists() and (served.corpus / SHOIGU).exists()
        expect(page.locator("#article-confirm input")).not_to_be_checked()

        # Re-read: the file read again, nothing embedded again, the article still open.
        choose("Russia Accuses U.S. of Failing to Cooperate in Syria · The Moscow Times")
        page.locator("#article-reread").click()
        expect(message).to_contain_text(f"re-read {SHOIGU}: 0 added, 0 updated, 0 removed, 0 chunks embedded",
                                        timeout=60_000)
        expect(view).to_contain_text("Sergei Shoigu (Defense Minister)")

        page.get_by_role("tab", name="Chat").click()
        ask()
        sources = page.locator("#sources")
        expect(sources).not_to_contain_text("Kerry answers")
        expect(sources).not_to_contain_text("8,000")
        browser.close()
    assert dialogs == []
    print(f"screenshot: {shot}")
