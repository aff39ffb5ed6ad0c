"""Dates and filters in retrieval, on news-dev: recall and the cost of a filter, side by side.

1. Recall@1/5/10 of hybrid retrieval as `rag ask` searches, for the 85 questions:
   - `none`: no time handling at all (RAG_DATE_BOOST=0, no --as-of);
   - `newest`: the question's own time words ("this week") read against the newest article's
     day (the default without --as-of);
   - `as-of`: each question read as of its quiz day (`--as-of` = its `date`): nothing later
     searched, the RAG_RECENT_DAYS days up to it preferred with weight RAG_DATE_BOOST; for
     each boost and window in the grid.
2. Filters (`--since`, `--until`, `--outlet`): for the questions whose gold article is inside
   the filter, recall with the filter and without it, and the retrieval time of both,
   measured alternately per question so that machine noise hits both alike (medians, and
   the ratio filtered / unfiltered).

    .venv/bin/python bench/dates.py --index /tmp/nd_idx
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import BenchLock, write_result  # noqa: E402
from rag.evaluate import KS, load_questions, quantiles, retrieval_metrics  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.types import Filter  # noqa: E402

GRID = [(0.5, 7), (1.0, 7), (2.0, 7), (1.0, 14)]  # (RAG_DATE_BOOST, RAG_RECENT_DAYS)
FILTERS = {"since 2022-06-01": Filter(since="2022-06-01"), "until 2022-06-30": Filter(until="2022-06-30"),
           "outlet CNN": Filter(outlets=("CNN",)), "outlet USA Today": Filter(outlets=("USA Today",))}


def recall(pipeline: Pipeline, questions, as_of: str | None) -> dict:
    m = retrieval_metrics(pipeline, questions, "hybrid", None, as_of)
    return {k: m[k] for k in (*(f"recall@{k}" for k in KS), "mrr", "questions")}


def filtered(pipeline: Pipeline, questions, where: Filter) -> dict:
    """Recall and time with and without the filter, over the questions it keeps a gold article of."""
    retriever = pipeline.current_retriever()
    inside = retriever.reader.article_ids(where)
    kept = [q for q in questions if not q.unanswerable and inside & set(q.gold_ids)]
    hits = {"filtered": [], "unfiltered": []}
    times = {"filtered": [], "unfiltered": []}
    for i, q in enumerate(kept):
        vector = pipeline.embedder.embed([q.asked])[0]
        order = ("filtered", "unfiltered") if i % 2 == 0 else ("unfiltered", "filtered")
        for name in order:
            t = time.perf_counter()
            passages = retriever.retrieve(q.asked, 10, "hybrid", vector, where=where if name == "filtered" else None)
            times[name].append((time.perf_counter() - t) * 1000)
            hits[name].append(next((n for n, p in enumerate(passages, 1) if p.article_id in q.gold_ids), None))
    out = {"questions": len(kept), "articles_inside": len(inside)}
    for name in hits:
        out[name] = {f"recall@{k}": round(sum(1 for r in hits[name] if r and r <= k) / max(1, len(kept)), 4)
                     for k in (1, 5, 10)} | {"retrieve_ms": quantiles(times[name])}
    if kept:
        out["time_ratio_p50"] = round(statistics.median(times["filtered"]) / statistics.median(times["unfiltered"]), 3)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True, help="an index of ../shared/eval/news-dev/corpus.jsonl")
    ap.add_argument("--questions", default=str(ROOT.parent / "shared/eval/news-dev/questions.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "bench/results/dates.json"))
    args = ap.parse_args()
    questions = load_questions(Path(args.questions))
    with BenchLock():
        base = Pipeline(Settings(index=args.index, llm="extractive"))

        def pipeline(boost: float, days: int = 7) -> Pipeline:
            return Pipeline(Settings(index=args.index, llm="extractive", date_boost=boost, recent_days=days),
                            base.embedder)

        result = {"recall": {"none": recall(pipeline(0.0), questions, None),
                             "newest": recall(pipeline(1.0), questions, None)}}
        print(result, flush=True)
        for boost, days in GRID:
            result["recall"][f"as-of boost={boost} days={days}"] = recall(pipeline(boost, days), questions, "question")
            print(boost, days, result["recall"][f"as-of boost={boost} days={days}"], flush=True)
        result["filters"] = {name: filtered(base, questions, where) for name, where in FILTERS.items()}
        print(result["filters"], flush=True)
    write_result(Path(args.out), result)


if __name__ == "__main__":
    main()
