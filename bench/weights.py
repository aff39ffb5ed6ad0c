"""Local model weights: the packaged SmolLM2 (q4_1) against the same weights converted to f16
and q8_0 (RAG_LLM_WEIGHTS), reading a prompt and writing an answer, side by side.

Each kind is converted once (`rag.llamacpp.converted`, timed) and loaded as a llama_cpp.Llama
with the pipeline's threads; then, `--rounds` times, the kinds in turn: a cold 250-token
prompt (seed article text) evaluated in one call, and 30 greedy tokens written one by one.
Medians of tokens per second go to bench/results/weights.json with each file's size.
Answer quality is not measured here: `rag eval tests/data/seed_questions.jsonl --corpus
seeds --llm local` with RAG_LLM_WEIGHTS set (README, Local model).

    flock /tmp/bench.lock .venv/bin/python bench/weights.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402

PROMPT_TOKENS = 250
WRITTEN = 30


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "bench/results/weights.json"))
    args = ap.parse_args()

    import numpy as np
    from llama_cpp import Llama

    from rag.generate import default_gguf
    from rag.llamacpp import converted

    source = default_gguf()
    cache = Path(tempfile.mkdtemp(prefix="rag-weights-"))
    files, convert_s = {"q4_1 (as packaged)": source}, {}
    for kind in ("f16", "q8_0"):
        t = time.perf_counter()
        files[kind] = converted(source, kind, cache)
        convert_s[kind] = round(time.perf_counter() - t, 2)
    text = (ROOT / "seeds" / sorted(os.listdir(ROOT / "seeds"))[1]).read_text(encoding="utf-8")
    models = {k: Llama(model_path=str(p), n_ctx=1024, n_threads=args.threads, n_threads_batch=args.threads,
                       n_batch=512, logits_all=False, verbose=False) for k, p in files.items()}
    speed = {k: {"prompt": [], "write": []} for k in models}
    for _ in range(args.rounds):
        for kind, llm in models.items():
            tokens = llm.tokenize(text.encode())[:PROMPT_TOKENS]
            llm.reset()
            t = time.perf_counter()
            llm.eval(tokens)
            speed[kind]["prompt"].append(PROMPT_TOKENS / (time.perf_counter() - t))
            t = time.perf_counter()
            for _ in range(WRITTEN):
                llm.eval([int(np.argmax(llm.scores[llm.n_tokens - 1]))])
            speed[kind]["write"].append(WRITTEN / (time.perf_counter() - t))
    table = [{"weights": k, "file_mb": round(files[k].stat().st_size / 1e6, 1), "convert_s": convert_s.get(k),
              "prompt_tokens_per_s": round(statistics.median(v["prompt"])),
              "written_tokens_per_s": round(statistics.median(v["write"]), 1)} for k, v in speed.items()]
    base = table[0]
    for row in table:
        row["prompt_speed_vs_q4_1"] = round(row["prompt_tokens_per_s"] / base["prompt_tokens_per_s"], 2)
        row["write_speed_vs_q4_1"] = round(row["written_tokens_per_s"] / base["written_tokens_per_s"], 2)
    write_result(Path(args.out), {"command": " ".join(["python", *sys.argv]), "cpus": os.cpu_count(),
                                  "threads": args.threads, "rounds": args.rounds, "table": table})
    cols = list(table[0])
    print("| " + " | ".join(cols) + " |\n|" + "---|" * len(cols))
    for row in table:
        print("| " + " | ".join(str(row[c]) for c in cols) + " |")
    for p in cache.rglob("*.gguf"):
        p.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
