"""A real rag index of a million chunks: add one article to it, and retrieve from it.

The index is built once (cached in --work): the news-dev corpus is copied as jsonl files
until there are --chunks chunks, each copy with distinct ids and titles; every copy is stored
through `IndexWriter` (SQLite rows, FTS5, sentences, then the FAISS index `rag index` would
choose by size), its chunk vectors the real news-dev MiniLM vectors plus small Gaussian noise,
re-normalised (copy 0 keeps the real vectors). Then, in one process:

- the first writer after an upgrade (schema, the mirror, the FAISS file's change number);
- opening the index (`IndexReader`, median of 3), and what a reader adds when the FAISS
  file lags by 1 %;
- adding one article file to the corpus with `Indexer.sync` (what `rag index` runs), model
  loaded, median of 3 articles; and three through the `rag index` CLI from a fresh process;
- hybrid retrieval of the 85 questions right after opening with the FAISS file out of the
  page cache; the chat's refresh after an update;
- retrieval of the 85 news-dev questions, one query at a time: the vector search alone, and
  `Retriever.retrieve` dense / lexical / hybrid (what a question costs before answering),
  each first in turn, p50 and p95; recall@10 of the chosen FAISS index against exact search.

    flock /tmp/bench.lock .venv/bin/python bench/scale_store.py --chunks 1000000 \
        --source /tmp/nd_idx/store-1.sqlite --backend onnx-int8   (a news-dev index: see --source)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from rag.embed import SentenceTransformerEmbedder  # noqa: E402
from rag.evaluate import quantiles  # noqa: E402
from rag.ingest import CorpusReader  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.index import IndexLock, IndexReader, IndexWriter, Manifest, VectorConfig  # noqa: E402
from rag.index.faiss_store import FaissVectors  # noqa: E402
from rag.index.vectors import stored_vectors  # noqa: E402
from rag.sync import Indexer  # noqa: E402
from rag.types import ArticleWrite, Chunk, SpanVectors  # noqa: E402

NEWS = ROOT.parent / "shared/eval/news-dev"


def load_source(db: Path) -> tuple[list[dict], dict, dict]:
    """news-dev's stored corpus: article lines, chunks per article, sentences per chunk."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    articles = [dict(zip(("id", "title", "source", "date", "text"), r)) for r in
                conn.execute("SELECT id, title, source, date, text FROM articles ORDER BY id")]
    chunks: dict[str, list] = {}
    for row in conn.execute('SELECT id, article_id, ord, start, "end", text, vector FROM chunks ORDER BY article_id, ord'):
        chunks.setdefault(row[1], []).append(row)
    sentences: dict[int, list] = {}
    for cid, a, b, vec in conn.execute('SELECT chunk_id, start, "end", vector FROM sentences ORDER BY chunk_id, start'):
        sentences.setdefault(cid, []).append((a, b, vec))
    conn.close()
    return articles, chunks, sentences


def build(work: Path, source: Path, target: int, noise: float, settings: Settings, embedder) -> None:
    articles, chunks, sentences = load_source(source)
    per_copy = sum(len(v) for v in chunks.values())
    copies = math.ceil(target / per_copy)
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(11)
    indexer = Indexer(settings, embedder, progress=False)
    reader = CorpusReader(corpus, int(settings.max_file_mb * 2**20))
    stored = 0
    with IndexLock(settings.index, 60):
        with IndexWriter.open(settings.index, indexer.identity(), lambda: embedder.dimension,
                              config=VectorConfig.from_settings(settings)) as writer:
            for k in range(copies):
                path = corpus / f"copy-{k:03d}.jsonl"
                lines = [json.dumps({"id": f"{a['id']}-{k}", "title": f"{a['title']} [{k}]", "url": a["source"],
                                     "date": a["date"], "text": a["text"]}) for a in articles if a["id"] in chunks]
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                stamp = next(s for s in reader.stamps()[0] if s.path == path.name)
                result = reader.read(stamp)
                items = []
                for article in result.articles:
                    rows = chunks[article.id.rsplit("-", 1)[0]]
                    if article.text[rows[-1][3]:rows[-1][4]] != rows[-1][5]:
                        raise SystemExit(f"{article.id}: the copy's text differs from the stored one")
                    vectors = np.vstack([np.frombuffer(r[6], dtype=np.float32) for r in rows])
                    if k:
                        vectors = vectors + noise * rng.standard_normal(vectors.shape)
                        vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
                    items.append(ArticleWrite(
                        article, stamp.path, [Chunk(article.id, r[2], r[3], r[4], r[5]) for r in rows], vectors,
                        [SpanVectors([(a, b) for a, b, _ in sentences[r[0]]],
                                     np.vstack([np.frombuffer(v, dtype=np.float16) for *_, v in sentences[r[0]]]))
                         for r in rows]))
                writer.write_batch(items, files=[(stamp, result.skipped)])
                stored += sum(len(i.chunks) for i in items)
                print(f"copy {k}: {stored} chunks", file=sys.stderr, flush=True)
                if stored >= target:
                    break
            started = time.perf_counter()
            writer.finish()
            print(f"FAISS index built and written in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    copy_labels(settings.index / "store-1.sqlite", source, k + 1)


def copy_labels(db: Path, source: Path, copies: int) -> None:
    """Each copy's sentence attributions are its original's (same text, same offsets), and
    the store says which rules made them, as an index `rag index` labelled would: without
    them the first sync would label all 72,776 articles again."""
    conn = sqlite3.connect(f"file:{db}", uri=True, isolation_level=None)
    conn.execute("ATTACH ? AS src", (f"file:{source}?mode=ro",))
    if conn.execute("SELECT 1 FROM meta WHERE key = 'attribution_version'").fetchone():
        conn.close()
        return
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM attributions")
    for k in range(copies):
        conn.execute('INSERT INTO attributions(article_id, start, "end", kind, speaker, role, cue, via) '
                     'SELECT article_id || ?, start, "end", kind, speaker, role, cue, via FROM src.attributions '
                     "WHERE article_id IN (SELECT DISTINCT article_id FROM src.chunks)", (f"-{k}",))
    conn.execute("INSERT INTO meta(key, value) SELECT key, value FROM src.meta WHERE key = 'attribution_version'")
    conn.execute("COMMIT")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=1_000_000)
    parser.add_argument("--source", type=Path, default=Path("/tmp/news-index/store-1.sqlite"),
                        help="a news-dev index database (rag index --corpus ../shared/eval/news-dev/corpus.jsonl --index /tmp/news-index)")
    parser.add_argument("--backend", default="torch", choices=["torch", "onnx", "onnx-int8"],
                        help="the embedding backend --source was built with (its vectors are copied)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/scale-store"))
    parser.add_argument("--noise", type=float, default=0.012,
                        help="per-dimension sigma: a copy keeps cosine ~0.97 with its original")
    parser.add_argument("--questions", type=Path, default=NEWS / "questions.jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/scale_store.json")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()

    work = args.work / str(args.chunks)
    # The copies carry --source's news-dev vectors, so the index is built with its backend.
    settings = Settings(corpus=work / "corpus", index=work / "index", llm="extractive", embed_backend=args.backend,
                        lexical_index="tantivy" if args.chunks < 50_000 else "auto")
    embedder = SentenceTransformerEmbedder.from_settings(settings)
    embedder.model  # noqa: B018 - loaded before anything is timed
    if not (settings.index / "manifest.json").exists():
        shutil.rmtree(work, ignore_errors=True)
        build(work, args.source, args.chunks, args.noise, settings, embedder)
    copies = len(list((work / "corpus").glob("copy-*.jsonl")))
    copy_labels(settings.index / f"store-{Manifest.load(settings.index).generation}.sqlite", args.source, copies)
    if args.build_only:
        return
    out: dict = {"chunks_target": args.chunks, "noise_sigma": args.noise}

    # Once: an index written before change numbers and the lexical mirror is upgraded by its
    # first writer (schema, the FAISS file written with its change number, the mirror built).
    manifest = Manifest.load(settings.index)
    started = time.perf_counter()
    with IndexLock(settings.index, 60), IndexWriter.open(
            settings.index, manifest.identity, lambda: manifest.dimension,
            config=VectorConfig.from_settings(settings)) as writer:
        writer.finish()
    out["first_writer_after_upgrade_s"] = round(time.perf_counter() - started, 1)

    opens = []
    for _ in range(3):
        started = time.perf_counter()
        with IndexReader(settings.index, VectorConfig.from_settings(settings)) as reader:
            opens.append(time.perf_counter() - started)
            out["chunks"] = reader.count_chunks()
            out["articles"] = reader.count_articles()
            out["faiss_index"] = reader.vectors.label
            out["faiss_mapped"] = type(reader.vectors).__name__ == "MappedFaiss"
            out["lexical_mirror_used"] = reader.words is not None
            # What a reader adds when the file lags by the most the writer allows (1 % of
            # the chunks): those vectors read from SQLite by id into memory.
            started = time.perf_counter()
            lagging = FaissVectors.empty(reader.manifest.dimension)
            top = reader.conn.execute("SELECT max(id) FROM chunks").fetchone()[0]
            for ids, batch in stored_vectors(reader.conn, None, reader.manifest.dimension, above=top - out["chunks"] // 100):
                lagging.add_vectors(ids, batch)
            out["catch_up_1pct_lag_s"] = round(time.perf_counter() - started, 2)
    out["open_reader_s"] = round(statistics.median(opens), 3)
    out["open_reader_s_all"] = [round(t, 3) for t in opens]
    generation = settings.index / f"store-{reader.manifest.generation}"
    out["faiss_file_mib"] = round(generation.with_suffix(".faiss").stat().st_size / 2**20)
    out["sqlite_mib"] = round(generation.with_suffix(".sqlite").stat().st_size / 2**20)
    out["lexical_mirror_mib"] = round(sum(p.stat().st_size for p in generation.with_suffix(".lexical").iterdir()) / 2**20)

    # Adding one article: a seed article as a new file, through the code `rag index` runs.
    indexer = Indexer(settings, embedder, progress=False, on_message=lambda m: None)
    started = time.perf_counter()
    noop = indexer.sync()
    out["sync_nothing_new_s"] = round(time.perf_counter() - started, 2)
    assert noop.chunks_embedded == 0, noop
    adds = []
    run = time.strftime("%Y%m%d%H%M%S")
    seeds = sorted((ROOT / "seeds").iterdir())

    added = iter(range(100))

    def add(seed: Path) -> None:
        """A seed article as a new file, its text made new (a repeat would be skipped)."""
        n = next(added)
        (settings.corpus / f"added-{run}-{n}-{seed.name}").write_text(
            seed.read_text(encoding="utf-8") + f"\n\nAdded by the scale benchmark, run {run}, {n}.\n",
            encoding="utf-8")

    for seed in seeds[:3]:
        add(seed)
        started = time.perf_counter()
        report = indexer.sync()
        adds.append({"article": seed.name, "seconds": round(time.perf_counter() - started, 2),
                     "chunks_embedded": report.chunks_embedded})
    out["add_one_article_in_process"] = adds
    out["add_one_article_in_process_median_s"] = statistics.median(a["seconds"] for a in adds)
    # From a fresh process, as `rag index` runs: three articles, one at a time.
    cli = []
    for seed in seeds[2:5]:
        add(seed)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rag.cli", "index", "--corpus", str(settings.corpus),
                        "--index", str(settings.index)], check=True, capture_output=True,
                       env={**os.environ, "RAG_EMBED_BACKEND": args.backend, "PYTHONPATH": str(ROOT)})
        cli.append(round(time.perf_counter() - started, 2))
    out["add_one_article_cli_s_all"] = cli
    out["add_one_article_cli_s"] = statistics.median(cli)

    # Retrieval, one question at a time, as the chat asks.
    questions = [json.loads(line)["question"] for line in args.questions.read_text().splitlines() if line.strip()]
    qvecs = embedder.embed(questions)
    # Right after opening, with the FAISS file out of the page cache (as after a reboot):
    # readers map the file and read it in the background, so the first questions wait for
    # the lists they probe to come from disk.
    faiss_file = settings.index / f"store-{Manifest.load(settings.index).generation}.faiss"
    fd = os.open(faiss_file, os.O_RDONLY)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)  # this file's cached pages only
    os.close(fd)
    started = time.perf_counter()
    pipeline = Pipeline(settings, embedder)
    retriever = pipeline.retriever
    cold = []
    for q, v in zip(questions, qvecs, strict=True):
        t = time.perf_counter()
        retriever.retrieve(q, 5, "hybrid", v)
        cold.append((time.perf_counter() - t) * 1000)
    out["hybrid_right_after_open_file_not_cached_ms"] = {
        **quantiles(cold, 2), "first": round(cold[0], 1), "all_85_s": round(time.perf_counter() - started, 2)}
    # The chat after an update: it notices the change and opens the index again.
    add(seeds[0])
    indexer.sync()
    started = time.perf_counter()
    assert pipeline.current_retriever() is not retriever
    out["chat_refresh_after_update_s"] = round(time.perf_counter() - started, 3)
    retriever = pipeline.current_retriever()
    retriever.retrieve(questions[0], 10, "hybrid", qvecs[0])  # first touch of the pages
    time.sleep(10)  # the background read of the file
    timings: dict[str, list[float]] = {"vector_search": [], "dense": [], "lexical": [], "hybrid": []}
    found = []
    modes = list(timings)
    for i, (q, v) in enumerate(zip(questions, qvecs, strict=True)):
        # Each mode first in turn: the first to ask about a question touches its pages.
        for mode in modes[i % 4:] + modes[:i % 4]:
            t = time.perf_counter()
            if mode == "vector_search":
                _, ids = pipeline.reader.search(v[None, :], 50)
                timings[mode].append((time.perf_counter() - t) * 1000)
                found.append(ids[0][:10])
            else:
                retriever.retrieve(q, 5, mode, v)
                timings[mode].append((time.perf_counter() - t) * 1000)
    out["retrieval_ms"] = {mode: quantiles(values, 2) for mode, values in timings.items()}

    exact = FaissVectors.empty(embedder.dimension)
    exact.add_vectors(*_all_vectors(pipeline.reader))
    _, truth = exact.search(qvecs, 10)
    out["recall@10_vs_exact"] = round(float(np.mean(
        [len(set(f) & set(t)) / 10 for f, t in zip(found, truth, strict=True)])), 4)
    write_result(args.out, out)
    print(json.dumps(out, indent=2))


def _all_vectors(reader: IndexReader) -> tuple[np.ndarray, np.ndarray]:
    parts = list(stored_vectors(reader.conn, None, reader.manifest.dimension))
    return np.concatenate([p[0] for p in parts]), np.vstack([p[1] for p in parts])


if __name__ == "__main__":
    main()
