"""The same `rag eval` numbers from both vector stores: FAISS and Qdrant, on one index.

Opens one news-dev index twice, once per `RAG_VECTOR_STORE`, and runs what `rag eval` runs
(recall@k and MRR for the three retrievers, then extractive answers): every figure must
match. Qdrant runs in qdrant-client's local mode here (no Qdrant server binary can be had
from PyPI or Debian on this machine); with RAG_QDRANT_URL set it would use that server.

    OMP_NUM_THREADS=1 .venv/bin/python bench/stores.py --index /tmp/news-index --backend torch
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from rag.evaluate import answer_metrics, load_questions, retrieval_metrics  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("/tmp/news-index"))
    parser.add_argument("--backend", default="torch", help="the embedding backend the index was built with")
    parser.add_argument("--questions", type=Path, default=ROOT.parent / "shared/eval/news-dev/questions.jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/stores.json")
    args = parser.parse_args()
    questions = load_questions(args.questions)
    out = {}
    for store in ("faiss", "qdrant"):
        started = time.perf_counter()
        pipeline = Pipeline(Settings(index=args.index, vector_store=store, llm="extractive",
                                     embed_backend=args.backend), fallback=False)
        pipeline.reader  # noqa: B018 - Qdrant's local mode is filled from SQLite here
        opened = time.perf_counter() - started
        retrieval = {m: retrieval_metrics(pipeline, questions, m) for m in ("hybrid", "dense", "lexical")}
        answers, _ = answer_metrics(pipeline, questions, "extractive", "hybrid", progress=False)
        out[store] = {"open_s": round(opened, 1), "retrieval": retrieval, "answers": answers}
    drop = ("retrieve_ms", "latency_ms")
    same = all({k: v for k, v in out["faiss"]["retrieval"][m].items() if k not in drop}
               == {k: v for k, v in out["qdrant"]["retrieval"][m].items() if k not in drop}
               for m in out["faiss"]["retrieval"]) and \
        {k: v for k, v in out["faiss"]["answers"].items() if k not in drop} == \
        {k: v for k, v in out["qdrant"]["answers"].items() if k not in drop}
    out["identical_eval_numbers"] = same
    write_result(args.out, out, indent=1)
    print(json.dumps({s: {"R@5 hybrid": out[s]["retrieval"]["hybrid"]["recall@5"],
                          "R@5 dense": out[s]["retrieval"]["dense"]["recall@5"],
                          "accuracy": out[s]["answers"]["accuracy"]} for s in ("faiss", "qdrant")}
                     | {"identical": same}, indent=1))


if __name__ == "__main__":
    main()
