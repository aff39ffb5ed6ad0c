"""The BM25 side of hybrid retrieval at scale: FTS5 as it was, FTS5 with frequent terms
pruned, and the tantivy mirror, side by side on the same indexes.

For each index (the replicated news-dev indexes of bench/scale_store.py, 100k and 1M chunks):
the 85 news-dev questions one at a time, each candidate in turn per question (so machine
noise hits them alike): the lexical search alone and `Retriever.retrieve` in hybrid mode
with that candidate as its lexical side, p50 / p95 ms. Then recall on the real news-dev
index (`--recall-index`, a copy with its mirror): hybrid R@1/5/10 and MRR with no time
handling (RAG_DATE_BOOST=0, as bench/dates.py's `none`), per candidate.

FTS5 pruned at f: query words in more than f of all chunks are dropped before the MATCH
(their document frequency read from an `fts5vocab` table; a question whose words are all
frequent keeps its rarest), since FTS5 ranks every chunk holding any query word.

    .venv/bin/python bench/lexical.py --index /tmp/scale-store/100000/index --index /tmp/scale-store/1000000/index \\
        --recall-index /tmp/scale-store/nd/index
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from rag.evaluate import KS, load_questions, quantiles, retrieval_metrics  # noqa: E402
from rag.index import IndexReader, IndexWriter, Manifest  # noqa: E402
from rag.index.reader import fts_match  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.text import query_terms  # noqa: E402

QUESTIONS = ROOT.parent / "shared/eval/news-dev/questions.jsonl"
PRUNE = (0.05, 0.02, 0.01)


class PrunedFts:
    """FTS5 BM25 with the query words held by more than `fraction` of the chunks dropped."""

    def __init__(self, db: Path, fraction: float):
        self.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
        self.conn.executescript(
            "CREATE VIRTUAL TABLE temp.asked USING fts5(t, tokenize='porter unicode61');"
            "CREATE VIRTUAL TABLE temp.asked_terms USING fts5vocab(temp, asked, instance);"
            "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, chunks_fts, row);")
        self.chunks = self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        self.fraction = fraction

    def kept(self, terms: list[str]) -> list[str]:
        """The terms whose stemmed form is in at most `fraction` of the chunks."""
        if not terms:
            return []
        self.conn.execute("DELETE FROM asked")
        self.conn.executemany("INSERT INTO asked(rowid, t) VALUES (?, ?)", list(enumerate(terms)))
        stems = dict(self.conn.execute("SELECT doc, term FROM asked_terms"))
        df = {}
        for i, term in enumerate(terms):
            row = self.conn.execute("SELECT doc FROM vocab WHERE term = ?", (stems.get(i, term),)).fetchone()
            df[term] = row[0] if row else 0
        kept = [t for t in terms if df[t] <= self.fraction * self.chunks]
        return kept or [min(terms, key=df.__getitem__)]

    def search(self, terms, k, title_weight, where=None, ids=None):
        kept = self.kept(list(terms))
        rows = self.conn.execute(
            "SELECT rowid, -bm25(chunks_fts, ?, 1.0) FROM chunks_fts WHERE chunks_fts MATCH ? "
            "ORDER BY bm25(chunks_fts, ?, 1.0) LIMIT ?", (title_weight, fts_match(kept), title_weight, k))
        return [(int(r[0]), float(r[1])) for r in rows]


def candidates(reader: IndexReader) -> dict:
    """name -> a function with `IndexReader.lexical`'s signature."""
    mirror = reader.words
    found = {}
    reader.words = None
    fts = reader.lexical  # bound method; FTS5 since the mirror is unset while it runs

    def plain(*a, **kw):
        reader.words = None
        return fts(*a, **kw)

    def tantivy(*a, **kw):
        reader.words = mirror
        try:
            return fts(*a, **kw)
        finally:
            reader.words = None

    found["fts5"] = plain
    for f in PRUNE:
        found[f"fts5 pruned {f}"] = PrunedFts(reader.db_path, f).search
    if mirror is not None:
        found["tantivy"] = tantivy
    return found


def upgrade(index: Path) -> float:
    """Open the index for writing once (schema migration, the mirror built or caught up, the
    FAISS file written with its change number): what the first sync after this change does."""
    manifest = Manifest.load(index)
    started = time.perf_counter()
    with IndexWriter.open(index, manifest.identity, lambda: manifest.dimension) as writer:
        writer.finish()
    return time.perf_counter() - started


def timings(index: Path, questions: list[str], settings: Settings) -> dict:
    pipeline = Pipeline(settings.model_copy(update={"index": index}))
    retriever = pipeline.retriever
    reader = pipeline.reader
    found = candidates(reader)
    vectors = pipeline.embedder.embed(questions)
    times = {name: {"lexical": [], "hybrid": []} for name in found}
    terms_kept = {name: [] for name in found}
    for name, search in found.items():  # first touch of the pages
        reader.lexical = search
        retriever.retrieve(questions[0], 5, "hybrid", vectors[0])
    for i, (q, v) in enumerate(zip(questions, vectors, strict=True)):
        names = list(found)
        names = names[i % len(names):] + names[:i % len(names)]
        for name in names:
            search = found[name]
            t = time.perf_counter()
            search(query_terms(q), retriever.pool, retriever.title_weight)
            times[name]["lexical"].append((time.perf_counter() - t) * 1000)
            reader.lexical = search
            t = time.perf_counter()
            retriever.retrieve(q, 5, "hybrid", v)
            times[name]["hybrid"].append((time.perf_counter() - t) * 1000)
            if isinstance(getattr(search, "__self__", None), PrunedFts):
                terms_kept[name].append(len(search.__self__.kept(query_terms(q))) / max(1, len(query_terms(q))))
    out = {"chunks": reader.count_chunks()}
    for name in found:
        out[name] = {side: quantiles(values, 2) for side, values in times[name].items()}
        if terms_kept[name]:
            out[name]["share_of_query_words_kept"] = round(sum(terms_kept[name]) / len(terms_kept[name]), 3)
    return out


def recall(index: Path, settings: Settings, path: Path) -> dict:
    questions = load_questions(path)
    pipeline = Pipeline(settings.model_copy(update={"index": index, "date_boost": 0.0}))
    retriever = pipeline.current_retriever()
    reader = retriever.reader
    out = {}
    for name, search in candidates(reader).items():
        reader.lexical = search
        m = retrieval_metrics(pipeline, questions, "hybrid")
        out[name] = {k: m[k] for k in (*(f"recall@{k}" for k in KS), "mrr", "questions")}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, action="append", required=True)
    parser.add_argument("--recall-index", type=Path, required=True,
                        help="a news-dev index (a copy: it is upgraded and gets a mirror)")
    parser.add_argument("--backend", default="onnx-int8")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/lexical.json")
    args = parser.parse_args()
    # The mirror answers at every size here (auto would leave news-dev to FTS5).
    settings = Settings(llm="extractive", embed_backend=args.backend, lexical_index="tantivy")
    questions = [json.loads(line)["question"] for line in args.questions.read_text().splitlines()
                 if line.strip()]
    out: dict = {"questions": len(questions), "pool": settings.pool, "upgrade_s": {}, "retrieval_ms": {}}
    for index in [args.recall_index, *args.index]:
        out["upgrade_s"][str(index)] = round(upgrade(index), 1)
        print(f"{index}: upgraded", file=sys.stderr, flush=True)
    out["recall_news_dev"] = recall(args.recall_index, settings, args.questions)
    print(json.dumps(out["recall_news_dev"], indent=1), file=sys.stderr, flush=True)
    for index in args.index:
        result = timings(index, questions, settings)
        out["retrieval_ms"][str(result["chunks"])] = result
        print(json.dumps(result, indent=1), file=sys.stderr, flush=True)
    write_result(args.out, out)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
