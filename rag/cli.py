"""`rag` command line: thin wrappers that print results and turn errors into one line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from .errors import RagError
from .settings import Settings


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {k: v for k, v in (("corpus", getattr(args, "corpus", None)),
                                   ("index", getattr(args, "index", None))) if v is not None}
    return Settings(**overrides)


def cmd_index(args: argparse.Namespace) -> int:
    from .sync import Indexer

    settings = _settings(args)
    report = Indexer(settings).sync(rebuild=args.rebuild)
    for skip in report.skipped:
        print(f"skipped {skip.source}: {skip.reason}", file=sys.stderr)
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
    from .store import IndexReader

    settings = _settings(args)
    with IndexReader(settings.index) as reader:
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
            "updated_at": reader.updated_at(),
        }
    if args.json:
        print(json.dumps(status))
    else:
        width = max(map(len, status))
        for key, value in status.items():
            print(f"{key.replace('_', ' '):<{width}}  {value}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rag", description="Cited answers from news articles.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, corpus: bool = True) -> None:
        if corpus:
            p.add_argument("--corpus", help="articles folder or .jsonl file (env RAG_CORPUS; default seeds/)")
        p.add_argument("--index", help="index folder (env RAG_INDEX; default index/)")
        p.add_argument("--json", action="store_true", help="print one JSON object")

    p = sub.add_parser("index", help="make the index match the corpus (incremental)")
    common(p)
    p.add_argument("--rebuild", action="store_true", help="re-embed everything into a fresh index")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("status", help="what the index holds")
    common(p, corpus=False)
    p.set_defaults(func=cmd_status)
    return parser


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
