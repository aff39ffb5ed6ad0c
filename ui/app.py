"""The chat app: Gradio widgets wired to `rag.service.ChatService`, nothing more."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import weakref
from html import escape
from pathlib import Path

import gradio as gr

from rag.errors import RagError
from rag.ingest import SUPPORTED
from rag.service import ChatService

from . import render

EXAMPLES = [
    "What did Ryabkov say about the US refusal to share intelligence?",
    "What did Shoigu say about the moderate opposition?",
    "How many sorties did Russian jets fly in 2 days?",
    "What did Lavrov say the coalition knows about ISIS positions?",
]


def _turns(value) -> list[dict]:
    """The raw conversation as the browser sent it back, keeping only well-formed turns."""
    if not isinstance(value, list):
        return []
    return [{"role": t["role"], "content": t["content"]} for t in value if isinstance(t, dict)
            and t.get("role") in ("user", "assistant") and isinstance(t.get("content"), str)]


def _listed(text: str | None) -> list[str]:
    """"RT, Sputnik" as ["RT", "Sputnik"]."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]
def articles_tab(service: ChatService) -> None:
    """The Articles tab: the list (searched by title and outlet), one article to read with its
    speakers marked, and removing or re-reading it; all of it through the service."""

    def listing(query: str, current: str | None):
        """The table and the choices to open, keeping the open article chosen while it is listed."""
        try:
            found = service.articles(query or "")
        except RagError as exc:  # e.g. no index yet
            return render.notice(str(exc), failed=True), gr.update(choices=[], value=None)
        keep = current if current in {a.id for a in found} else None
        return (render.article_list(found, query or ""),
                gr.update(choices=[(render.article_choice(a), a.id) for a in found], value=keep))

    def open_article(article_id: str | None):
        if not article_id:  # cleared by a removal or a search: its message stays
            return "", gr.skip(), gr.skip()
        try:
            return render.article(service.article(article_id)), "", False
        except RagError as exc:  # removed meanwhile, by another tab or `rag articles`
            return "", render.notice(str(exc), failed=True), False

    def remove(article_id: str | None, confirmed: bool, query: str):
        if not article_id:
            return render.notice("Open an article first.", failed=True), *(gr.skip(),) * 4
        try:
            change = service.remove_article(article_id, bool(confirmed))
        except RagError as exc:  # refused or failed: nothing was deleted
            return render.notice(str(exc), failed=True), *(gr.skip(),) * 4
        table, choices = listing(query, None)
        return render.notice(change.message), table, choices, "", False

    def reread(article_id: str | None, query: str):
        if not article_id:
            return render.notice("Open an article first.", failed=True), *(gr.skip(),) * 3
        try:
            change = service.reread(article_id)
        except RagError as exc:
            return render.notice(str(exc), failed=True), *(gr.skip(),) * 3
        table, choices = listing(query, article_id)
        return render.notice(change.message), table, choices, open_article(article_id)[0]

    def articles(search: str = "") -> list[dict]:
        """The article list, as `rag articles --json` prints it; `search` as its --search."""
        try:
            return [a.as_json() for a in service.articles(search)]
        except RagError as exc:
            raise gr.Error(str(exc)) from exc

    with gr.Tab("Articles", id="articles-tab") as tab:
        with gr.Row():
            with gr.Column(scale=3):
                search = gr.Textbox(placeholder="Search titles and outlets…", show_label=False,
                                    elem_id="articles-search")
                table = gr.HTML(elem_id="articles-list")
            with gr.Column(scale=2):
                pick = gr.Dropdown(choices=[], value=None, label="Open an article", elem_id="article-pick")
                with gr.Row():
                    reread_button = gr.Button("Re-read", elem_id="article-reread")
                    remove_button = gr.Button("Remove", variant="stop", elem_id="article-remove")
                confirm = gr.Checkbox(False, label="Delete the file from the corpus folder even though it was put "
                                      "there by hand, or holds other articles too", elem_id="article-confirm")
                message = gr.HTML(elem_id="articles-message")
                view = gr.HTML(elem_id="article-view")
        gr.api(articles, api_name="articles")  # inside the tab: gr.Tabs holds only tabs
    # Re-read on every visit, so uploads and syncs made in the chat tab show at once.
    tab.select(listing, [search, pick], [table, pick], api_visibility="private")
    search.change(listing, [search, pick], [table, pick], api_visibility="private")
    pick.change(open_article, pick, [view, message, confirm], api_visibility="private")
    remove_button.click(remove, [pick, confirm, search], [message, table, pick, view, confirm],
                        api_visibility="private")
    reread_button.click(reread, [pick, search], [message, table, pick, view], api_visibility="private")


def _answers(value) -> list[dict]:
    """The answers' JSON as the browser sent it back, keeping only objects."""
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def timeline_tab(service: ChatService) -> None:
    """The Timeline tab: a topic's claims and events by date, each cited (rag/timeline.py),
    as our escaped HTML; and the `timeline` endpoint, which returns `rag timeline --json`."""

    def timeline(topic: str, since: str = "", until: str = "", outlets: list[str] | str | None = None,
                 as_of: str = ""):
        """The Timeline of a topic; filter values as typed in the chat's controls."""
        outlets = [outlets] if isinstance(outlets, str) else list(outlets or [])
        return service.timeline(topic, service.filter(outlets, since or "", until or "", as_of=as_of or ""),
                                as_of or None)

    def show(topic: str, since: str, until: str, outlets: list[str] | None) -> str:
        if not (topic or "").strip():
            return '<div class="timeline">Type a topic to see its timeline.</div>'
        try:
            return render.timeline(timeline(topic, since, until, outlets))
        except RagError as exc:
            return render.error(str(exc))

    def as_json(topic: str, since: str = "", until: str = "", outlet: str = "", as_of: str = "") -> dict:
        """A topic in, the same JSON as `rag timeline --json` out (since/until/outlet/as_of optional)."""
        try:
            return timeline(topic, since, until, outlet, as_of).as_json()
        except RagError as exc:
            raise gr.Error(str(exc)) from exc

    with gr.Tab("Timeline", id="timeline-tab") as tab:
        with gr.Row():
            topic = gr.Textbox(label="Topic", placeholder="e.g. US refusal to share intelligence with Russia",
                               elem_id="timeline-topic", scale=3)
            since = gr.Textbox(label="Since", placeholder="2015-10-01, October 2015", elem_id="timeline-since")
            until = gr.Textbox(label="Until", placeholder="2015-10-31", elem_id="timeline-until")
            outlets = gr.Dropdown([], value=[], multiselect=True, allow_custom_value=True, label="Outlets",
                                  elem_id="timeline-outlet")
        button = gr.Button("Show the timeline", variant="primary", elem_id="timeline-show")
        result = gr.HTML('<div class="timeline">Claims and events about a topic, by date, each with who '
                         "says it, the outlet and its citation.</div>", elem_id="timeline")
        gr.api(as_json, api_name="timeline")  # inside the tab: gr.Tabs holds only tabs
    inputs = [topic, since, until, outlets]
    topic.submit(show, inputs, result, api_visibility="private")
    button.click(show, inputs, result, api_visibility="private")
    # The outlets the index knows now (an upload may have added one).
    tab.select(lambda: gr.update(choices=service.outlets()), None, outlets, api_visibility="private")


def build(service: ChatService) -> gr.Blocks:
    settings = service.settings
    # Exports are written here (a folder per browser session), beside Gradio's own files,
    # then Gradio serves its copy; removed with the app (or at a normal exit).
    gradio_temp = Path(os.environ.get("GRADIO_TEMP_DIR") or Path(tempfile.gettempdir()) / "gradio")
    gradio_temp.mkdir(parents=True, exist_ok=True)
    exports = Path(tempfile.mkdtemp(prefix="rag-export-", dir=gradio_temp))

    def show_status() -> str:
        return render.status(service.status())

    def chat(question: str, history: list, turns: list, answers: list, backend: str, k: float,
             outlets: list | None, since: str, until: str, as_of: str, only: list | None):
        """Shows the conversation as HTML; the pipeline gets the raw turns, never that HTML;
        the exports get each answer's JSON (made again once the answer is in)."""
        history, turns, answers = list(history or []), _turns(turns), _answers(answers)
        keep = (gr.skip(),) * 2
        if not (question or "").strip():
            yield history, "", gr.skip(), gr.skip(), gr.skip(), gr.skip(), *keep
            return
        history += [{"role": "user", "content": escape(question)}, {"role": "assistant", "content": ""}]
        # Until the answer is in, the exports would lack it: not offered meanwhile.
        yield history, "", gr.skip(), gr.skip(), gr.skip(), gr.skip(), *[gr.DownloadButton(interactive=False)] * 2
        try:
            where = service.filter(outlets or (), since, until, only or (), as_of)
            for event in service.stream(question, turns, backend, int(k), where, as_of):
                if isinstance(event, str):
                    history[-1]["content"] += escape(event)
                    yield history, "", gr.skip(), gr.skip(), gr.skip(), gr.skip(), *keep
                else:
                    history[-1]["content"] = render.message(event)
                    turns += [{"role": "user", "content": event.question},
                              {"role": "assistant", "content": event.text}]
                    yield history, "", render.sources(event), history, turns, answers + [event.as_json()], *keep
        except RagError as exc:
            # Shown, but not a turn of the conversation: the pipeline never answered it.
            history[-1]["content"] = render.error(str(exc))
            yield history, "", gr.skip(), history, gr.skip(), gr.skip(), *keep

    def export(answers: list, request: gr.Request | None = None):
        """The conversation as files for the two export buttons; nothing to export, no files.
        One folder per browser session, emptied each time: Gradio serves its own copy of the
        files, so ours are needed only until the buttons have them."""
        answers = _answers(answers)
        session = getattr(request, "session_hash", None) or "none"
        folder = exports / hashlib.sha256(session.encode()).hexdigest()[:16]  # the client names it
        shutil.rmtree(folder, ignore_errors=True)
        if not answers:
            return gr.DownloadButton(value=None, interactive=False), gr.DownloadButton(value=None, interactive=False)
        markdown, data = service.export(answers, folder)
        return gr.DownloadButton(value=markdown, interactive=True), gr.DownloadButton(value=data, interactive=True)

    def forget(request: gr.Request):
        """A cleared chat has nothing to export, and its files go."""
        return export([], request)

    def filter_choices():
        """The outlets and articles the index holds, for the filter's choices."""
        try:
            return (gr.Dropdown(choices=service.outlets()),
                    gr.Dropdown(choices=[(render.article_choice(a), a.id) for a in service.articles("")]))
        except RagError:  # no index yet: nothing to choose from
            return gr.skip(), gr.skip()

    def ask(question: str, backend: str = "", outlet: str = "", since: str = "", until: str = "",
            article: str = "", as_of: str = "") -> dict:
        """One question in, the same JSON as `rag ask --json` out; backend as in the settings,
        the filter as `rag ask` takes it (several outlets or articles separated by commas)."""
        try:
            where = service.filter(_listed(outlet), since, until, _listed(article), as_of)
            return service.ask(question, llm=backend or None, where=where, as_of=as_of).as_json()
        except RagError as exc:
            raise gr.Error(str(exc)) from exc

    def add(paths: list[str] | None, progress=gr.Progress(track_tqdm=True)):
        if not paths:
            return "No files chosen.", show_status(), None
        try:
            saved, report = service.add_files([(Path(p).name, Path(p)) for p in paths], progress=True)
        except RagError as exc:  # e.g. uploads/ is a symlink: nothing was saved
            return render.log([str(exc)]), show_status(), None
        lines = [s.message for s in saved]
        if report is not None:
            lines.append(f"index: {report.added} added, {report.updated} updated, "
                         f"{len(report.skipped)} skipped")
            lines += [f"skipped {s.source}: {s.reason}" for s in report.skipped]
        return render.log(lines), show_status(), None

    def resync(progress=gr.Progress(track_tqdm=True)):
        report = service.sync(progress=True)
        return render.log([f"folder synced: {report.added} added, {report.updated} updated, "
                           f"{report.removed} removed, {report.unchanged} unchanged"]), show_status()

    with gr.Blocks(title="Ask the news articles", analytics_enabled=False) as app:
        gr.Markdown("## Ask the news articles\nEvery sentence of an answer cites the passage it "
                    "comes from; when the articles don't say, the answer says so.")
        # One tab per activity, the chat first; each other tab is built by its own
        # function over the service.
        with gr.Tabs():
            with gr.Tab("Chat", id="chat-tab"):
                with gr.Row():
                    with gr.Column(scale=3):
                        # Messages are our HTML with every untrusted piece escaped (ui/render.py). No
                        # Markdown and no LaTeX: either would turn text quoted from an article, or
                        # written by a model, into images that fetch, links or formulas.
                        chatbot = gr.Chatbot(label="Chat", height=480, elem_id="chat", render_markdown=False,
                                             latex_delimiters=[], sanitize_html=True)
                        question = gr.Textbox(placeholder="Ask a question about the articles…", show_label=False,
                                              elem_id="question")
                        ask_button = gr.Button("Ask", variant="primary", elem_id="ask")
                        # The conversation as a file to keep or send: every answer with its
                        # numbered sources and each quote's place in its article.
                        with gr.Row():
                            export_md = gr.DownloadButton("Export Markdown", size="sm", interactive=False,
                                                          elem_id="export-markdown")
                            export_json = gr.DownloadButton("Export JSON", size="sm", interactive=False,
                                                            elem_id="export-json")
                        gr.Examples(EXAMPLES, question, label="Examples")
                    with gr.Column(scale=2):
                        sources = gr.HTML('<div class="sources">Sources appear here.</div>', elem_id="sources")
                with gr.Row():
                    with gr.Column():
                        gr.Markdown("### Index")
                        status = gr.HTML(elem_id="status")
                        sync_button = gr.Button("Rebuild from folder", elem_id="sync")
                    with gr.Column():
                        gr.Markdown("### Add articles")
                        files = gr.File(file_count="multiple", file_types=sorted(SUPPORTED), label="Files",
                                        elem_id="files")
                        add_button = gr.Button("Add to the index", elem_id="add")
                        log = gr.HTML(elem_id="log")
                    with gr.Column():
                        gr.Markdown("### Settings")
                        backend = gr.Dropdown(["auto", "local", "openai", "extractive"], value=settings.llm,
                                              label="Answer backend", elem_id="backend")
                        k = gr.Slider(1, 10, value=settings.k, step=1, label="Passages (k)")
                        gr.Markdown("### Which articles")
                        outlets = gr.Dropdown([], multiselect=True, label="Outlets (all if none)",
                                              elem_id="outlets")
                        only = gr.Dropdown([], multiselect=True, label="Articles (all if none)",
                                           elem_id="only-articles")
                        with gr.Row():
                            since = gr.Textbox(label="Since", placeholder="2015-10-01 or October 2015",
                                               elem_id="since")
                            until = gr.Textbox(label="Until", placeholder="2015-10-31", elem_id="until")
                        as_of = gr.Textbox(label="As of", placeholder="the newest article's day",
                                           info="read the articles as of this day: \u201clast week\u201d counts back "
                                                "from it, nothing later is searched", elem_id="as-of")
            articles_tab(service)
            timeline_tab(service)

        # The conversation is kept in the browser too, so a page reload or a server restart
        # does not lose it: as shown (HTML), and as raw turns for follow-up questions.
        saved = gr.BrowserState([], storage_key="rag-chat", secret=service.browser_key())
        turns = gr.BrowserState([], storage_key="rag-turns", secret=service.browser_key())
        # ... and as each answer's JSON, which the exports are made from.
        answers = gr.BrowserState([], storage_key="rag-answers", secret=service.browser_key())
        inputs = [question, chatbot, turns, answers, backend, k, outlets, since, until, as_of, only]
        outputs = [chatbot, question, sources, saved, turns, answers, export_md, export_json]
        for event in (question.submit, ask_button.click):
            event(chat, inputs, outputs, api_visibility="private").then(
                export, answers, [export_md, export_json], api_visibility="private")
        # Clearing the chat forgets the conversation; done in the browser, where it is kept.
        chatbot.clear(None, None, [saved, turns, answers], js="() => [[], [], []]", api_visibility="private")
        chatbot.clear(forget, None, [export_md, export_json], api_visibility="private")
        add_button.click(add, files, [log, status, files], api_name="add_articles").then(
            filter_choices, None, [outlets, only], api_visibility="private")
        sync_button.click(resync, None, [log, status], api_name="sync").then(
            filter_choices, None, [outlets, only], api_visibility="private")
        gr.api(ask, api_name="ask")
        app.load(show_status, None, status, api_visibility="private")
        app.load(filter_choices, None, [outlets, only], api_visibility="private")
        app.load(lambda history: history, saved, chatbot, api_visibility="private")
        app.load(export, answers, [export_md, export_json], api_visibility="private")
        gr.Timer(10).tick(show_status, None, status, api_visibility="private")
    weakref.finalize(app, shutil.rmtree, exports, True)
    return app
