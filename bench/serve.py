"""Serve benchmark: how long `rag serve` takes to be ready on an existing index, how long
the first extractive answers take after that, and the serving process's peak memory.

Each round starts a fresh `rag serve` (the index already built and in sync), so the
figures are medians over rounds, measured in one run.

    .venv/bin/python bench/serve.py [--index DIR --corpus PATH] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import peak_rss_mib, start_serve, stop, write_result  # noqa: E402

QUESTIONS = [
    "What did Shoigu say about the moderate opposition?",
    "What did Ryabkov say about the US refusal to share intelligence?",
    "How many sorties did Russian jets fly in 2 days?",
]


def one_round(corpus: Path, index: Path, env: dict[str, str]) -> dict:
    from gradio_client import Client

    proc, url, ready = start_serve(corpus, index, env)
    try:
        client = Client(url, verbose=False)
        answers = []
        for question in QUESTIONS:
            t = time.perf_counter()
            out = client.predict(question, api_name="/ask")
            answers.append(time.perf_counter() - t)
            assert out["citations"], out
        return {"ready_s": ready, "first_answer_s": answers[0], "later_answers_s": answers[1:],
                "server_answer_ms": out["timings"], "peak_rss_mib": peak_rss_mib(proc.pid)}
    finally:
        stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    parser.add_argument("--index", type=Path, help="an index of --corpus (default: built first in a temp folder)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/serve.json")
    args = parser.parse_args()
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}
    os.environ.update(GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1")
    index = args.index or Path(tempfile.mkdtemp(prefix="rag-serve-bench-")) / "index"
    subprocess.run([sys.executable, "-m", "rag.cli", "index", "--corpus", str(args.corpus),
                    "--index", str(index), "--json"], env=env, check=True, stdout=subprocess.DEVNULL)
    rounds = [one_round(args.corpus, index, env) for _ in range(args.rounds)]
    result = {
        "corpus": str(args.corpus), "rounds": rounds,
        "ready_s_median": round(statistics.median(r["ready_s"] for r in rounds), 2),
        "first_answer_s_median": round(statistics.median(r["first_answer_s"] for r in rounds), 3),
        "later_answer_s_median": round(statistics.median(s for r in rounds for s in r["later_answers_s"]), 3),
        "peak_rss_mib_max": round(max(r["peak_rss_mib"] for r in rounds), 1),
    }
    write_result(args.out, result)
    print(json.dumps({k: v for k, v in result.items() if k != "rounds"}, indent=2))


if __name__ == "__main__":
    main()
