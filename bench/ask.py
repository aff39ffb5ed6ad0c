"""Where a question's time goes: `rag ask --llm extractive`, profiled in one process.

The 85 news-dev questions are answered by one `Pipeline` (the model and index loaded once,
as in `rag serve`), under cProfile; the report gives each stage's share of the time and the
per-question p50/p95. Side by side in the same run, the dense search alone on one OpenMP
thread (what `FaissVectors.search` uses for a single question) and on all cores (FAISS's
default), alternating per question.

    .venv/bin/python bench/ask.py --index /tmp/news-index --backend torch
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from rag.evaluate import load_questions, quantiles  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402

# Functions whose cumulative time makes up a stage (file suffix, function name).
STAGES = {
    "embed question": [("rag/embed.py", "embed")],
    "vector search": [("rag/index/faiss_store.py", "search"), ("rag/index/qdrant_store.py", "search")],
    "lexical (FTS5)": [("rag/index/reader.py", "lexical")],
    "chunk/article/sentence rows (SQL)": [("rag/index/reader.py", "chunk_rows"), ("rag/index/reader.py", "chunk_vectors"),
                                          ("rag/index/reader.py", "article_rows"), ("rag/index/reader.py", "sentences"),
                                          ("rag/index/reader.py", "mentions")],
    "score and pick sentences": [("rag/generate.py", "stream")],
    "verify citations": [("rag/cite.py", "verify")],
}


def stage_seconds(profile: cProfile.Profile) -> dict[str, float]:
    stats = pstats.Stats(profile).stats  # (file, line, name) -> (cc, nc, tt, ct, callers)
    out = {}
    for stage, names in STAGES.items():
        out[stage] = sum(ct for (file, _, name), (_, _, _, ct, _) in stats.items()
                         if any(file.endswith(f) and name == n for f, n in names))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("/tmp/news-index"))
    parser.add_argument("--questions", type=Path, default=ROOT.parent / "shared/eval/news-dev/questions.jsonl")
    parser.add_argument("--backend", default="torch", help="the embedding backend the index was built with")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/ask.json")
    args = parser.parse_args()

    import faiss
    import numpy as np

    questions = [q.asked for q in load_questions(args.questions)]
    started = time.perf_counter()
    pipeline = Pipeline(Settings(index=args.index, llm="extractive", embed_backend=args.backend), fallback=False)
    pipeline.ask(questions[0])
    first = time.perf_counter() - started

    profile = cProfile.Profile()
    totals = []
    profile.enable()
    for q in questions:
        t = time.perf_counter()
        pipeline.ask(q)
        totals.append(time.perf_counter() - t)
    profile.disable()
    total = sum(totals)
    stages = stage_seconds(profile)
    stages["other"] = total - sum(stages.values())

    vectors = pipeline.embedder.embed(questions)
    index = pipeline.reader.vectors.index
    threads: dict[int, list[float]] = {1: [], 0: []}
    for v in vectors:
        for n in (1, 0) if len(threads[1]) % 2 else (0, 1):
            faiss.omp_set_num_threads(n or os.cpu_count() or 1)
            t = time.perf_counter()
            index.search(np.ascontiguousarray(v[None, :]), 50)
            threads[n].append((time.perf_counter() - t) * 1000)

    out = {
        "questions": len(questions), "chunks": pipeline.reader.count_chunks(),
        "first_question_s": round(first, 2),
        "per_question_ms": quantiles([t * 1000 for t in totals]),
        "stage_share": {k: round(v / total, 4) for k, v in stages.items()},
        "dense_search_ms": {"one_thread": quantiles(threads[1]), "all_cores": quantiles(threads[0]),
                            "ratio_all_to_one_p50": round(statistics.median(threads[0]) / statistics.median(threads[1]), 2)},
    }
    write_result(args.out, out)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
