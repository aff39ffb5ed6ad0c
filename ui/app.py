"""The chat app: Gradio widgets wired to `rag.service.ChatService`, nothing more."""

from __future__ import annotations

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
    inputs = [topic, since, until, outlets]
    topic.submit(show, inputs, result, api_visibility="private")
    button.click(show, inputs, result, api_visibility="private")
    # The outlets the index knows now (an upload may have added one).
    tab.select(lambda: gr.update(choices=service.outlets()), None, outlets, api_visibility="private")
    gr.api(as_json, api_name="timeline")


def build(service: ChatService) -> gr.Blocks:
    settings = service.settings

    def show_status() -> str:
        return render.status(service.status())

    def chat(question: str, history: list, turns: list, backend: str, k: float):
        """Shows the conversation as HTML; the pipeline gets the raw turns, never that HTML."""
        history, turns = list(history or []), _turns(turns)
        if not (question or "").strip():
            yield history, "", gr.skip(), gr.skip(), gr.skip()
            return
        history += [{"role": "user", "content": escape(question)}, {"role": "assistant", "content": ""}]
        yield history, "", gr.skip(), gr.skip(), gr.skip()
        try:
            for event in service.stream(question, turns, backend, int(k)):
                if isinstance(event, str):
                    history[-1]["content"] += escape(event)
                    yield history, "", gr.skip(), gr.skip(), gr.skip()
                else:
                    history[-1]["content"] = render.message(event)
                    turns += [{"role": "user", "content": event.question},
                              {"role": "assistant", "content": event.text}]
                    yield history, "", render.sources(event), history, turns
        except RagError as exc:
            # Shown, but not a turn of the conversation: the pipeline never answered it.
            history[-1]["content"] = render.error(str(exc))
            yield history, "", gr.skip(), history, gr.skip()

    def ask(question: str, backend: str = "") -> dict:
        """One question in, the same JSON as `rag ask --json` out; backend as in the settings."""
        try:
            return service.ask(question, llm=backend or None).as_json()
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
            timeline_tab(service)

        # The conversation is kept in the browser too, so a page reload or a server restart
        # does not lose it: as shown (HTML), and as raw turns for follow-up questions.
        saved = gr.BrowserState([], storage_key="rag-chat", secret=service.browser_key())
        turns = gr.BrowserState([], storage_key="rag-turns", secret=service.browser_key())
        inputs = [question, chatbot, turns, backend, k]
        outputs = [chatbot, question, sources, saved, turns]
        question.submit(chat, inputs, outputs, api_visibility="private")
        ask_button.click(chat, inputs, outputs, api_visibility="private")
        # Clearing the chat forgets the conversation; done in the browser, where it is kept.
        chatbot.clear(None, None, [saved, turns], js="() => [[], []]", api_visibility="private")
        add_button.click(add, files, [log, status, files], api_name="add_articles")
        sync_button.click(resync, None, [log, status], api_name="sync")
        gr.api(ask, api_name="ask")
        app.load(show_status, None, status, api_visibility="private")
        app.load(lambda history: history, saved, chatbot, api_visibility="private")
        gr.Timer(10).tick(show_status, None, status, api_visibility="private")
    return app
