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
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "What did Shoigu say about the moderate opposition?",
    "What did Ryabkov say about the US refusal to share intelligence?",
    "How many sorties did Russian jets fly in 2 days?",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def one_round(corpus: Path, index: Path, env: dict[str, str]) -> dict:
    from gradio_client import Client

    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "serve", "--corpus", str(corpus),
                             "--index", str(index), "--port", str(port), "--llm", "extractive"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=1):
                    break
            except (urllib.error.URLError, OSError):
                if proc.poll() is not None:
                    raise RuntimeError("rag serve exited") from None
                time.sleep(0.05)
        ready = time.perf_counter() - started
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
        proc.terminate()
        proc.wait(timeout=30)


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
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "rounds"}, indent=2))


if __name__ == "__main__":
    main()
