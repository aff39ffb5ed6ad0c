"""Ingest benchmark: `rag index` against the raw encoder, side by side.

The corpus is cut into slices that are added to the index one at a time (so together they
are one full build). Each slice is embedded twice in this one process, by the pipeline and
by the raw encoder on exactly the same chunk texts, in alternating order; the throughput
ratio is taken per slice and the median reported. The raw encoder is SentenceTransformer's
`encode` for `--backend torch`, and for the ONNX backends the embedder's own `embed` (the
fast tokenizer, one ONNX Runtime run per batch, mean pooling: what any caller of the int8
model pays). Where the pipeline's time goes is timed per phase (reading files, chunking and
its token counts, attribution labels, embedding with its tokenising and span pooling,
SQLite writes, the FAISS write), from wrappers this script puts around those functions.
Then single articles are added to the full index, in-process and through the CLI, and
compared with the full build time.

    .venv/bin/python bench/ingest.py [--backend onnx-int8] [--corpus ../shared/eval/news-dev/corpus.jsonl]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import BenchLock, peak_rss_mib, reset_peak_rss, write_result  # noqa: E402
from rag.embed import SentenceTransformerEmbedder  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.sync import Indexer  # noqa: E402


def du_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/eval/news-dev/corpus.jsonl")
    parser.add_argument("--slices", type=int, default=5)
    parser.add_argument("--adds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/ingest.json")
    parser.add_argument("--keep", type=Path, help="move the finished index here (for rag eval)")
    parser.add_argument("--backend", default="torch", choices=("torch", "onnx", "onnx-int8"))
    parser.add_argument("--no-lock", action="store_true", help="do not take /tmp/bench.lock")
    args = parser.parse_args()
    with BenchLock(not args.no_lock):
        run(args)


def run(args: argparse.Namespace) -> None:

    lines = unique_articles(args.corpus)
    held_out, lines = lines[-args.adds:], lines[: -args.adds]  # articles to add one at a time
    work = Path(tempfile.mkdtemp(prefix="rag-bench-"))
    corpus, index = work / "corpus", work / "index"
    corpus.mkdir()
    settings = Settings(corpus=corpus, index=index, embed_backend=args.backend)
    # The raw side runs on the same backend as the pipeline: like for like.
    embedder = SentenceTransformerEmbedder(progress=False, backend=args.backend)
    if args.backend == "torch":
        model = embedder.model  # loaded once, outside every timed region
        encode = lambda texts: model.encode(texts, batch_size=settings.embed_batch_size,  # noqa: E731
                                            normalize_embeddings=True)
    else:
        embedder.session  # noqa: B018 - exported (first run) and loaded outside every timed region
        encode = embedder.embed
    indexer = Indexer(settings, embedder, progress=False, on_message=lambda m: None)
    phases = Phases()
    phases.wrap(indexer, embedder)  # before the chunker is made: it keeps `count_tokens`

    slices = []
    per = -(-len(lines) // args.slices)
    for k in range(args.slices):
        part = lines[k * per:(k + 1) * per]
        runs = {}

        def pipeline() -> None:
            (corpus / f"slice{k}.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")
            reset_peak_rss()
            phases.reset()
            t = time.perf_counter()
            report = indexer.sync()
            runs["pipeline_s"] = time.perf_counter() - t
            runs["phases_s"] = phases.snapshot()
            runs["pipeline_peak_rss_mib"] = peak_rss_mib()
            runs["chunks"] = report.chunks_embedded
            assert report.added == len(part) and not report.skipped, report

        def raw() -> None:
            texts = embedding_inputs(indexer, part)
            t = time.perf_counter()
            with phases.paused():
                encode(texts)
            runs["raw_s"] = time.perf_counter() - t
            runs["tokens"] = sum(embedder.count_tokens(x) for x in texts)
            runs["raw_chunks"] = len(texts)

        # Alternate which side goes first, so drift in machine load does not favour one.
        for step in ((pipeline, raw) if k % 2 == 0 else (raw, pipeline)):
            step()
        assert runs["chunks"] == runs["raw_chunks"], runs
        runs["ratio"] = runs["raw_s"] / runs["pipeline_s"]
        slices.append(runs)
        print(json.dumps({"slice": k, **{key: round(v, 3) if isinstance(v, float) else v
                                          for key, v in runs.items()}}), flush=True)

    full_s = sum(s["pipeline_s"] for s in slices)
    chunks = sum(s["chunks"] for s in slices)
    tokens = sum(s["tokens"] for s in slices)
    raw_s = sum(s["raw_s"] for s in slices)

    adds = []
    for i, line in enumerate(held_out):
        (corpus / f"added{i}.jsonl").write_text(line + "\n", encoding="utf-8")
        t = time.perf_counter()
        report = indexer.sync()
        adds.append({"seconds": time.perf_counter() - t, "embedded": report.chunks_embedded,
                     "article_chunks": len(indexer.chunker.split(article_of(line)))})
        assert report.added == 1 and report.unchanged == len(lines) + i, report

    # The same through the CLI: a fresh process pays imports and the model load.
    (corpus / "added0.jsonl").unlink()
    indexer.sync()
    env = {**os.environ, "RAG_CORPUS": str(corpus), "RAG_INDEX": str(index), "RAG_EMBED_BACKEND": args.backend}
    (corpus / "added0.jsonl").write_text(held_out[0] + "\n", encoding="utf-8")
    # GNU time reports the child's own peak; getrusage(RUSAGE_CHILDREN) would count the
    # pages the child shared with this (large) process between fork and exec.
    rss_file = work / "rss.txt"
    t = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(rss_file), sys.executable, "-m",
                          "rag.cli", "index", "--json"], env=env, capture_output=True, text=True,
                         check=True).stdout
    cli_s = time.perf_counter() - t
    cli_report = json.loads(out)
    cli_rss = int(rss_file.read_text().split()[-1]) / 1024

    phase_total = {name: sum(s["phases_s"][name] for s in slices) for name in slices[0]["phases_s"]}
    result = {
        "backend": args.backend,
        "corpus": str(args.corpus), "articles": len(lines), "chunks": chunks, "tokens": tokens,
        "slices": slices,
        "pipeline_chunks_per_s": chunks / full_s, "raw_chunks_per_s": chunks / raw_s,
        "pipeline_tokens_per_s": tokens / full_s, "raw_tokens_per_s": tokens / raw_s,
        "ratio_median": statistics.median(s["ratio"] for s in slices),
        "ratio_total": raw_s / full_s,
        "full_build_s": full_s,
        # Seconds of the full build in each phase, and their share of it; nested phases
        # ("of which") are inside the one before them, so shares do not add up to 1.
        "phases_s": phase_total,
        "phases_share": {name: v / full_s for name, v in phase_total.items()},
        "add_one": adds,
        "add_one_median_s": statistics.median(a["seconds"] for a in adds),
        "add_one_fraction_of_full": statistics.median(a["seconds"] for a in adds) / full_s,
        "add_one_cli_s": cli_s, "add_one_cli_embedded": cli_report["chunks_embedded"],
        "add_one_cli_fraction_of_full": cli_s / full_s,
        "index_mib": du_mib(index),
        "peak_rss_mib_pipeline": max(s["pipeline_peak_rss_mib"] for s in slices),
        "peak_rss_mib_cli_add_one": cli_rss,
    }
    write_result(args.out, result)
    print(json.dumps({k: v for k, v in result.items() if k not in ("slices", "add_one")}, indent=2))
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        shutil.move(str(index), args.keep)
    shutil.rmtree(work)


class Phases:
    """Seconds spent inside named pipeline functions, from wrappers set around them."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.active = True

    def reset(self) -> None:
        self.seconds = {name: 0.0 for name in self.seconds}

    def snapshot(self) -> dict[str, float]:
        return dict(self.seconds)

    @contextmanager
    def paused(self):
        """The raw side calls some of the same functions; it is not the pipeline's time."""
        self.active = False
        try:
            yield
        finally:
            self.active = True

    def timed(self, name: str, fn):
        self.seconds[name] = 0.0

        @functools.wraps(fn)
        def wrapper(*a, **kw):
            if not self.active:
                return fn(*a, **kw)
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                self.seconds[name] += time.perf_counter() - t
        return wrapper

    def wrap(self, indexer: Indexer, embedder) -> None:
        import rag.embed
        import rag.sync
        from rag.index.writer import IndexWriter
        from rag.ingest import CorpusReader

        CorpusReader.read = self.timed("read files", CorpusReader.read)
        embedder.count_tokens = self.timed("of which token counting", embedder.count_tokens)
        chunker = indexer.chunker
        chunker.split = self.timed("chunking", chunker.split)
        rag.sync.attribute = self.timed("attribution labels", rag.sync.attribute)
        rag.sync.sentence_spans = self.timed("sentence splitting", rag.sync.sentence_spans)
        embedder.embed_spans = self.timed("embedding", embedder.embed_spans)
        if embedder.native is not None:
            tokenizer = embedder.native.tokenizer
            object.__setattr__(embedder.native, "tokenizer",
                               _Proxy(tokenizer, encode_batch=self.timed("of which tokenising", tokenizer.encode_batch)))
            session = embedder.session
            embedder.__dict__["session"] = _Proxy(session, run=self.timed("of which ONNX Runtime", session.run))
        rag.embed._pool = self.timed("of which span pooling", rag.embed._pool)
        IndexWriter.write_batch = self.timed("SQLite writes", IndexWriter.write_batch)
        IndexWriter.finish = self.timed("finish (FAISS write, manifest)", IndexWriter.finish)


class _Proxy:
    """An object whose named methods are replaced; everything else is the wrapped object's."""

    def __init__(self, inner, **methods):
        self._inner = inner
        self.__dict__.update(methods)

    def __getattr__(self, name):
        return getattr(self._inner, name)


def article_of(line: str):
    from rag.ingest import make_article

    row = json.loads(line)
    return make_article(str(row["id"]), row["text"], str(row.get("url") or row["id"]), row.get("title"))


def unique_articles(corpus: Path) -> list[str]:
    """The corpus lines `rag index` would keep: it skips repeated (title, text) pairs."""
    seen, kept = set(), []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            article = article_of(line)
            if (article.title, article.sha256) not in seen:
                seen.add((article.title, article.sha256))
                kept.append(line)
    return kept


def embedding_inputs(indexer: Indexer, lines: list[str]) -> list[str]:
    """Exactly the texts the pipeline embeds for these articles (chunks with title prefix)."""
    texts = []
    for line in lines:
        article = article_of(line)
        texts += indexer.chunker.embedding_inputs(article, indexer.chunker.split(article))
    return texts


if __name__ == "__main__":
    main()
