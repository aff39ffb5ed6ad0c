"""`rag` command line: thin wrappers that print results and turn errors into one line."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pydantic import SecretStr, ValidationError

from .errors import RagError
from .settings import Settings


def _settings(args: argparse.Namespace) -> Settings:
    names = ("corpus", "index", "llm", "k", "retriever")
    overrides = {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}
    return Settings(**overrides)


def _print_skips(report) -> None:
    for skip in report.skipped:
        print(f"skipped {skip.source}: {skip.reason}", file=sys.stderr)


def _sync(settings: Settings, embedder=None) -> None:
    """Bring the index up to date with the corpus before answering from it (with the
    answering pipeline's embedder, so the model is loaded once)."""
    from .sync import Indexer

    report = Indexer(settings, embedder).sync()
    _print_skips(report)
    if report.added or report.updated or report.removed:
        print(f"index updated: {report.added} added, {report.updated} updated, "
              f"{report.removed} removed", file=sys.stderr)


def _filter(args: argparse.Namespace):
    """The --outlet/--since/--until/--article flags as a Filter (days read as of --as-of, else
    today: "October 2015" and "2015-10-08" mean the same any day)."""
    from datetime import date

    from .types import Filter
    from .when import bound, day

    as_of = getattr(args, "as_of", None)
    reference = (day(as_of) if as_of not in (None, "question") else None) or date.today()
    return Filter(tuple(args.outlet or ()), bound(args.since, reference, end=False),
                  bound(args.until, reference, end=True), tuple(args.article or ()))


def cmd_ask(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .types import provenance

    if args.json and args.format not in ("text", "json"):
        raise RagError(f"--json means --format json: give one of them, not --format {args.format} too")
    settings = _settings(args)
    pipeline = Pipeline(settings, fallback=False)  # the user chose the backend: its failure is an error
    if args.corpus is not None or not (settings.index / "manifest.json").exists():
        _sync(settings, pipeline.embedder)
    answer = None
    form = "json" if args.json else args.format
    streaming = form == "text" and sys.stdout.isatty()
    for event in pipeline.stream(args.question, where=_filter(args), as_of=args.as_of):
        if isinstance(event, str):
            if streaming:
                print(event, end="", flush=True)
        else:
            answer = event
    if form == "json":
        print(json.dumps(answer.as_json(), ensure_ascii=False))
        return 0
    if form == "markdown":
        from .export import conversation, to_markdown

        doc = conversation([answer.as_json()], str(settings.corpus), str(settings.index),
                           pipeline.reader.count_articles())
        print(to_markdown(doc), end="")
        return 0
    if streaming:
        # The draft streamed above is the model's raw text; what follows is checked.
        print("\n\nChecked answer:")
    print(answer.text)
    for sentence in answer.sentences:
        if not sentence.supported:
            print(f"  [unsupported] {sentence.text}")
    if answer.notice:
        print(f"note: {answer.notice}")
    print()
    if answer.refused:
        print("Closest passages:" if answer.passages else "No passage came close.")
        for n, p in enumerate(answer.passages, start=1):
            print(f"[{n}] {p.title} ({provenance(p.outlet, p.date, p.author)}, {p.source})\n    {p.text[:200]!r}")
        return 0
    print("Sources:")
    shown = set()
    for c in answer.citations:
        if c.supported and (c.n, c.start) not in shown:
            shown.add((c.n, c.start))
            where = f"{provenance(c.outlet, c.date)}, {c.source}, chars {c.start}-{c.end}"
            print(f"[{c.n}] {c.title} ({where})\n    \"{c.quote}\"")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .timeline import K, LIMIT, as_text, timeline

    settings = _settings(args)
    pipeline = Pipeline(settings, fallback=False)
    if args.corpus is not None or not (settings.index / "manifest.json").exists():
        _sync(settings, pipeline.embedder)
    found = timeline(pipeline, args.topic, _filter(args), args.as_of, args.k or K, args.limit or LIMIT)
    print(json.dumps(found.as_json(), ensure_ascii=False) if args.json else as_text(found))
    return 0


def _pairs(flag: str, items: list[str] | None) -> list[tuple[str, str]]:
    """NAME=PATH arguments as (name, path); a malformed one is a one-line error."""
    out = []
    for item in items or []:
        name, _, path = item.partition("=")
        if not name or not path:
            raise RagError(f"{flag} takes NAME=PATH, got {item!r}")
        out.append((name, path))
    return out


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import attribution_metrics, attribution_question_metrics, conflict_metrics, markdown, run_eval
    from .pipeline import Pipeline

    if (args.attribution or args.conflicts) and not args.articles:
        raise RagError("--attribution and --conflicts need --articles NAME=PATH for each corpus they name")
    corpora = {name: Path(path) for name, path in _pairs("--articles", args.articles)}
    if args.conflicts:
        sets: dict[str, list[Path]] = {}
        for name, path in _pairs("--question-set", args.question_set):
            sets.setdefault(name, []).append(Path(path))
        settings = _settings(args)
        with tempfile.TemporaryDirectory(prefix="rag-conflicts-") as tmp:
            report = conflict_metrics(Path(args.conflicts), corpora, sets, settings, args.llm or settings.llm,
                                      Path(args.work) if args.work else Path(tmp))
        if not args.json:
            report.pop("per_row")
        print(json.dumps(report, indent=None if args.json else 2))
        if not (args.questions or args.attribution or args.attribution_questions):
            return 0
    if args.attribution:
        report = attribution_metrics(Path(args.attribution), corpora,
                                     Path(args.outlets) if args.outlets else None,
                                     parser=_settings(args).attribution_parser)
        print(json.dumps(report, indent=None if args.json else 2))
        if not args.questions and not args.attribution_questions:
            return 0
    if args.attribution_questions:
        settings = _settings(args)
        pipeline = Pipeline(settings, fallback=False)
        _sync(settings, pipeline.embedder)
        report = attribution_question_metrics(pipeline, Path(args.attribution_questions),
                                              args.llm or settings.llm)
        if not args.json:
            report.pop("per_question")
        print(json.dumps(report, indent=None if args.json else 2))
        if not args.questions:
            return 0
    if not args.questions:
        raise RagError("give a questions file, --attribution LABELS, --attribution-questions FILE or --conflicts FILE")
    settings = _settings(args)
    llms = [args.llm or settings.llm]
    pipeline = Pipeline(settings, fallback=False)
    _sync(settings, pipeline.embedder)
    report = run_eval(pipeline, Path(args.questions), llms, settings.retriever, Path(args.out),
                      _filter(args) or None, args.as_of)
    print(json.dumps(report) if args.json else markdown(report))
    if not args.json:
        print(f"written: {args.out}/eval.json, eval.md, recall.png")
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from .sync import Indexer

    settings = _settings(args)
    report = Indexer(settings).sync(rebuild=args.rebuild)
    _print_skips(report)
    if args.json:
        print(json.dumps(report.as_json()))
    else:
        print(
            f"{settings.corpus} -> {settings.index}: {report.added} added, {report.updated} updated, "
            f"{report.removed} removed, {report.unchanged} unchanged, {len(report.skipped)} skipped; "
            f"{report.chunks_embedded} chunks embedded; index holds {report.articles_total} articles "
            f"in {report.chunks_total} chunks ({report.seconds:.1f} s)"
        )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from .index import IndexReader, VectorConfig

    settings = _settings(args)
    with IndexReader(settings.index, VectorConfig.from_settings(settings), vectors=False) as reader:
        identity = reader.manifest.identity
        status = {
            "index": str(settings.index),
            "articles": reader.count_articles(),
            "chunks": reader.count_chunks(),
            "embed_model": identity.embed_model,
            "dimension": reader.manifest.dimension,
            "chunk_tokens": identity.chunk_tokens,
            "chunk_overlap": identity.chunk_overlap,
            "embed_titles": identity.embed_titles,
            "vector_store": settings.vector_store,
            # What the last write of the FAISS file recorded; other stores have one kind.
            "vector_index": reader.meta.get("vector_index", settings.vector_store)
            if settings.vector_store == "faiss" else settings.vector_store,
            "updated_at": reader.updated_at(),
        }
    if args.json:
        print(json.dumps(status))
    else:
        width = max(map(len, status))
        for key, value in status.items():
            print(f"{key.replace('_', ' '):<{width}}  {value}")
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    from .articles import list_articles, read_article, remove_article, reread_article, speaker_label
    from .index import IndexReader, VectorConfig
    from .sync import Indexer

    settings = _settings(args)

    def sync(reread: frozenset[str] = frozenset()):
        report = Indexer(settings).sync(reread=reread)
        _print_skips(report)
        return report

    with IndexReader(settings.index, VectorConfig.from_settings(settings)) as reader:
        if args.remove or args.reread:
            change = (remove_article(settings.corpus, reader, args.remove, args.yes, sync) if args.remove
                      else reread_article(reader, args.reread, sync))
            print(json.dumps(change.as_json()) if args.json else change.message)
            return 0
        if args.show:
            view = read_article(reader, args.show)
            if args.json:
                print(json.dumps(view.as_json(), ensure_ascii=False))
                return 0
            a = view.article
            print(_plain(a.title))
            print(_plain(" · ".join(x for x in (a.outlet, a.author and f"by {a.author}", a.date, a.source) if x)))
            print()
            at = 0
            for label, said in ((speaker_label(s), s) for s in view.attributions):
                if label:  # who says it, ours, before the sentence
                    print(_plain(view.text[at:said.start]), end="")
                    print(f"[{_plain(label)}] {_plain(view.text[said.start:said.end])}", end="")
                    at = said.end
            print(_plain(view.text[at:]))
            return 0
        found = list_articles(reader, args.search or "")
    if args.json:
        print(json.dumps([a.as_json() for a in found], ensure_ascii=False))
        return 0
    rows = [(a.id, a.date or "", a.outlet or "", str(a.chunks), "upload" if a.uploaded else "folder", a.title)
            for a in found]
    head = ("id", "date", "outlet", "chunks", "from", "title")
    cut = (40, 10, 24, 6, 6, 70)
    rows = [tuple(_plain(v, n) for v, n in zip(r, cut, strict=True)) for r in rows]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
    count = f"{len(found)} article{'' if len(found) == 1 else 's'}"
    print(count + (f" match{'es' if len(found) == 1 else ''} {args.search!r}" if args.search else ""),
          file=sys.stderr)
    return 0


def _plain(text: str, width: int | None = None) -> str:
    """Article text for a terminal: control characters (escape sequences) shown as `?`, cut to `width`."""
    import unicodedata

    # Spaces of any kind are kept (no-break spaces are not "printable" to Python).
    text = "".join(c if c.isprintable() or c in "\n\t" or unicodedata.category(c) == "Zs" else "?"
                   for c in text)
    if width is not None:
        text = " ".join(text.split())
        text = text if len(text) <= width else text[: width - 1] + "…"
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rag", description="Cited answers from news articles.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--corpus", help="articles folder or .jsonl file (env RAG_CORPUS; default seeds/)")
        p.add_argument("--index", help="index folder (env RAG_INDEX; default index/)")
        p.add_argument("--json", action="store_true", help="print one JSON object")

    def answering(p: argparse.ArgumentParser) -> None:
        p.add_argument("--llm", choices=["auto", "local", "openai", "extractive"],
                       help="answer writer (env RAG_LLM; default auto)")
        p.add_argument("--retriever", choices=["hybrid", "dense", "lexical"],
                       help="retrieval mode (env RAG_RETRIEVER; default hybrid)")

    def filtering(p: argparse.ArgumentParser, as_of_help: str) -> None:
        p.add_argument("--outlet", action="append", help="only articles of this outlet (repeat for several)")
        p.add_argument("--since", help="only articles dated on or after this day (2015-10-01, \"October 2015\")")
        p.add_argument("--until", help="only articles dated on or before this day")
        p.add_argument("--article", action="append",
                       help="only this article (its id, or its corpus file); repeat for several")
        p.add_argument("--as-of", dest="as_of", metavar="DAY", help=as_of_help)

    p = sub.add_parser("index", help="make the index match the corpus (incremental)")
    common(p)
    p.add_argument("--rebuild", action="store_true", help="re-embed everything into a fresh index")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("status", help="what the index holds")
    common(p)
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("articles", help="list the indexed articles; show, remove or re-read one")
    common(p)
    p.add_argument("--search", metavar="TEXT", help="only articles whose title or outlet holds every word")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--show", metavar="ID", help="print one article with who says each sentence")
    what.add_argument("--remove", metavar="ID",
                      help="delete the article's file from the corpus and update the index")
    what.add_argument("--reread", metavar="ID", help="read the article's file again and update the index")
    p.add_argument("--yes", action="store_true",
                   help="with --remove: also delete a file put in the folder by hand, or one holding several articles")
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("ask", help="answer a question with cited sources")
    p.add_argument("question")
    common(p)
    answering(p)
    p.add_argument("--k", type=int, help="passages to retrieve (env RAG_K; default 5)")
    filtering(p, "read the articles as of this day: relative times (\"last week\") count back from it, "
                 "nothing published after it is searched, its last RAG_RECENT_DAYS days come first "
                 "(default: the newest article's day, with no preference)")
    p.add_argument("--format", choices=["text", "markdown", "json"], default="text",
                   help="text (default); markdown: the answer with its numbered sources and every quote's "
                        "place in its article, to keep or send; json: as --json")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("timeline", help="the claims and events about a topic, by date, each cited")
    p.add_argument("topic")
    common(p)
    p.add_argument("--retriever", choices=["hybrid", "dense", "lexical"],
                   help="retrieval mode (env RAG_RETRIEVER; default hybrid)")
    p.add_argument("--k", type=int, help="passages to retrieve, up to 2 per article (default 20)")
    p.add_argument("--limit", type=int, help="most entries, the best supported (default 40)")
    filtering(p, "read the articles as of this day: relative times in the topic count back from it, "
                 "nothing published after it is searched")
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("serve", help="the chat app in the browser (syncs the index first)")
    common(p)
    answering(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument("--auth", help="user:password login for the app (env RAG_AUTH)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="measure retrieval and answers on a questions file")
    p.add_argument("questions", nargs="?", help="jsonl: id, question, answer(s), gold_ids, unanswerable")
    common(p)
    answering(p)
    p.add_argument("--out", default="eval-results", help="folder for eval.json, eval.md, recall.png")
    filtering(p, "as in rag ask, for every question; `question` reads each one as of its own `date` field")
    p.add_argument("--attribution", metavar="LABELS",
                   help="jsonl of labelled sentences (tests/data/attribution_sentences.jsonl): "
                        "speaker precision/recall and kind accuracy of the attribution "
                        "(rules, and RAG_ATTRIBUTION_PARSER where they find no cue)")
    p.add_argument("--outlets", metavar="FILE", help="with --attribution: jsonl of each article's outlet and date")
    p.add_argument("--attribution-questions", metavar="FILE",
                   help="jsonl of who-said / what-did-X-say / which-outlet questions and near misses "
                        "(tests/data/attribution_questions.jsonl), answered from the index")
    p.add_argument("--articles", action="append", metavar="NAME=PATH",
                   help="with --attribution or --conflicts: where the corpus NAME is (a folder or .jsonl); repeat")
    p.add_argument("--conflicts", metavar="FILE",
                   help="jsonl of counterfactual rows (tests/data/counterfactuals.jsonl): each copy of a gold "
                        "article with the answer swapped is added to an index of its corpus and the question "
                        "asked; reports how often the conflict is reported with both values")
    p.add_argument("--question-set", action="append", metavar="NAME=FILE",
                   help="with --conflicts: a questions file whose ids the rows of corpus NAME name; repeat")
    p.add_argument("--work", metavar="DIR",
                   help="with --conflicts: keep the corpora copies and their indexes here (reused next time) "
                        "instead of a temporary folder")
    p.set_defaults(func=cmd_eval)
    return parser


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    # Offline by design: no version check or telemetry calls from Gradio or the HF hub.
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from .service import ChatService, steady_malloc

    steady_malloc()  # before the models load: their freed buffers would raise the threshold
    settings = _settings(args)
    if args.auth is not None:
        settings = settings.model_copy(update={"auth": SecretStr(args.auth)})
    login = settings.auth.get_secret_value()
    if login and ":" not in login:
        raise RagError("--auth / RAG_AUTH must be user:password")
    service = ChatService(settings, on_message=lambda m: print(m, file=sys.stderr))
    report = service.sync(progress=None)
    service.warm_up()
    _print_skips(report)
    print(f"index ready: {report.articles_total} articles, {report.chunks_total} chunks "
          f"({report.chunks_embedded} embedded at start)", file=sys.stderr)
    if not login and args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: serving on {args.host} without --auth: anyone who can reach it can "
              "ask and upload", file=sys.stderr)
    from ui.app import build
    from ui.render import CSS

    app = build(service)
    # 8 workers per event: local answers hold a worker while they wait for the one llama.cpp
    # context, and with 4 they crowded out extractive answers (~20 ms each) under
    # bench/load.py; 64 waiting at most keeps memory bounded (20 users never queued 11).
    app.queue(default_concurrency_limit=8, max_size=64)
    app.launch(server_name=args.host, server_port=args.port, auth=tuple(login.split(":", 1)) if login else None,
               max_file_size=int(settings.max_file_mb * 2**20), show_error=True, enable_monitoring=False,
               share=False, css=CSS, quiet=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        first = exc.errors()[0]
        print(f"error: setting {'.'.join(map(str, first['loc']))}: {first['msg']}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; the index keeps everything committed so far", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
