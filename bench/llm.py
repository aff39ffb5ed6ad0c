"""Local model benchmark: llama.cpp speed, and first-token latency against prompt size.

The local model (SmolLM2-135M-Instruct GGUF, the pipeline's n_ctx and threads) is loaded
once, through `Pipeline.generator("local")`, as `rag serve` does. Then, on this machine:

- speed, from llama.cpp's own counters (`llama_perf_context`): prompt processing tokens/s
  (every cold prompt below) and generation tokens/s (whole answers to the default prompt);
- first-token latency of the REAL prompts: for `--questions` seed questions that reach the
  model, the passages `Pipeline.stream` would retrieve with k = 1, 2, 3, 5, a real
  `SupportScorer` over them, and `ChatGenerator.messages` with context_sentences = 2, 4, 6
  and 0 (whole passages); each prompt is streamed through `ChatGenerator.stream` until its
  first piece. "cold" empties llama.cpp's cache first (the whole prompt is evaluated);
  "warm" follows another question's prompt, as in serving, where the local model reuses
  the shared prefix (system prompt and chat template) from its KV cache.
- a least-squares fit of cold first-token ms against prompt tokens (ms per token).

A prompt longer than the model's context is recorded as an overflow, not timed.
Results go to bench/results/llm.json and a markdown table is printed. Build the index
first (untimed) and run the timed part under the shared benchmark lock:

    nice -n 10 .venv/bin/rag index --corpus seeds --index /tmp/llm/index
    flock /tmp/bench.lock .venv/bin/python bench/llm.py [--index /tmp/llm/index] [--questions 10] [--repeats 1]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402

QUESTIONS = ROOT / "tests/data/seed_questions.jsonl"
PASSAGES = (1, 2, 3, 5)
SENTENCES = (2, 4, 6, 0)


def load_questions() -> list[str]:
    rows = [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]
    return [r["question"] for r in rows if not r.get("unanswerable")]


def reaches_model(pipeline, question: str, k: int) -> bool:
    """The same checks as `Pipeline.stream`: questions refused before generation are no use here."""
    from rag.answerable import refusal_reason

    passages, scorer = prompt_inputs(pipeline, question, k)
    return refusal_reason(question, passages, scorer, pipeline.reader.mentions, pipeline.settings) is None


def spread(items: list, n: int) -> list:
    """n items evenly spaced over the list (all of them if there are fewer)."""
    if len(items) <= n:
        return items
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)] if n > 1 else items[:1]


def prompt_inputs(pipeline, question: str, k: int):
    """Passages and scorer exactly as `Pipeline.stream` builds them for a first question."""
    from rag.cite import SupportScorer

    s = pipeline.settings
    qvec = pipeline.embedder.embed([question])[0]
    passages = pipeline.retriever.retrieve(question, k, s.retriever, qvec)
    scorer = SupportScorer.from_index(pipeline.embedder, passages, pipeline.reader, (question, qvec),
                                      s.support_cosine_weight)
    return passages, scorer


class Counters:
    """llama.cpp's own prompt/generation counters for one call (the local model's context)."""

    def __init__(self, model):
        import llama_cpp

        self._lib, self._ctx = llama_cpp, model.engine.ctx

    def reset(self) -> None:
        self._lib.llama_perf_context_reset(self._ctx)

    def read(self) -> dict:
        d = self._lib.llama_perf_context(self._ctx)
        return {"n_p_eval": d.n_p_eval, "t_p_eval_ms": d.t_p_eval_ms, "n_eval": d.n_eval, "t_eval_ms": d.t_eval_ms}


def prompt_tokens(model, msgs) -> int:
    """The prompt's length in model tokens (chat template applied), as the model is given it."""
    tokens, _ = model._prompt(msgs)
    return len(tokens)


def first_token(generator, model, counters: Counters, question, passages, scorer, cold: bool) -> dict:
    """Stream the real prompt through the generator until its first piece."""
    if cold:
        model.engine.forget()  # forget the KV caches: the whole prompt is evaluated
    counters.reset()
    started = time.perf_counter()
    stream = generator.stream(question, passages, scorer)
    try:
        next(stream)
        ms = (time.perf_counter() - started) * 1000
    finally:
        stream.close()
    return {"ms": ms, **counters.read()}


def fit(xs: list[float], ys: list[float]) -> dict:
    """Least squares y = a + b x."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0
    a = my - b * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys))
    return {"intercept_ms": round(a, 1), "ms_per_token": round(b, 3),
            "r2": round(1 - ss_res / ss_tot, 4) if ss_tot else None, "points": len(xs)}


def med(values) -> float | None:
    values = list(values)
    return round(statistics.median(values), 1) if values else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", default="/tmp/llm/index")
    ap.add_argument("--questions", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=1, help="timed calls per prompt and mode")
    ap.add_argument("--out", default=str(ROOT / "bench/results/llm.json"))
    args = ap.parse_args()

    from rag.answerable import Floors
    from rag.generate import ChatGenerator
    from rag.pipeline import Pipeline
    from rag.settings import Settings

    index = Path(args.index)
    if not (index / "manifest.json").exists():
        sys.exit(f"no index at {index}: run `nice -n 10 .venv/bin/rag index --corpus seeds --index {index}`")
    settings = Settings(index=index, llm="local")
    pipeline = Pipeline(settings, fallback=False)

    t = time.perf_counter()
    default = pipeline.generator("local")
    model = default.model  # the one ChatLlamaCpp, loaded here
    load_ms = (time.perf_counter() - t) * 1000
    counters = Counters(model)
    n_ctx = model.engine.n_ctx
    # One generator per prompt size, all on the same loaded model (no second load).
    generators = {n: ChatGenerator("local", lambda: model, context_sentences=n, max_history=settings.max_history,
                                   floors=Floors.of(settings)) for n in SENTENCES}

    questions = spread([q for q in load_questions() if reaches_model(pipeline, q, settings.k)], args.questions)
    inputs = {(q, k): prompt_inputs(pipeline, q, k) for q in questions for k in PASSAGES}

    # Prompt sizes (and which prompts overflow the context), untimed.
    sizes: dict[tuple[str, int, int], int] = {}
    shown: dict[tuple[str, int, int], int] = {}
    for q in questions:
        for k in PASSAGES:
            passages, scorer = inputs[(q, k)]
            for n, gen in generators.items():
                msgs = gen.messages(q, passages, scorer)
                block = msgs[-1].content
                shown[(q, k, n)] = sum(1 for line in block.splitlines() if line.startswith("["))
                sizes[(q, k, n)] = prompt_tokens(model, msgs)
    system_tokens = prompt_tokens(model, default.messages("?", [], None)[:1])

    calls: list[dict] = []
    for mode in ("cold", "warm"):
        for rep in range(args.repeats):
            for k in PASSAGES:
                for n, gen in generators.items():
                    for q in questions:
                        if sizes[(q, k, n)] > n_ctx:
                            continue
                        passages, scorer = inputs[(q, k)]
                        r = first_token(gen, model, counters, q, passages, scorer, cold=mode == "cold")
                        calls.append({"mode": mode, "rep": rep, "k": k, "context_sentences": n,
                                      "question": q, "prompt_tokens": sizes[(q, k, n)], **r})

    # Whole answers to the default prompt: generation speed.
    answers = []
    for q in questions:
        passages, scorer = inputs[(q, settings.k)]
        counters.reset()
        started = time.perf_counter()
        pieces, first = [], None
        for piece in default.stream(q, passages, scorer):
            first = first or time.perf_counter()
            pieces.append(piece)
        end = time.perf_counter()
        c = counters.read()
        answers.append({"question": q, "pieces": len(pieces), **c,
                        "total_ms": (end - started) * 1000, "after_first_ms": (end - first) * 1000})

    cold = [c for c in calls if c["mode"] == "cold"]
    rows = []
    for k in PASSAGES:
        for n in SENTENCES:
            keys = [(q, k, n) for q in questions]
            row = {"k": k, "context_sentences": n,
                   "passages_shown": med(shown[key] for key in keys),
                   "prompt_tokens": med(sizes[key] for key in keys),
                   "overflows": sum(sizes[key] > n_ctx for key in keys)}
            for mode in ("cold", "warm"):
                sel = [c for c in calls if c["mode"] == mode and c["k"] == k and c["context_sentences"] == n]
                row[f"{mode}_first_token_ms"] = med(c["ms"] for c in sel)
                row[f"{mode}_evaluated_tokens"] = med(c["n_p_eval"] + c["n_eval"] for c in sel)
            rows.append(row)
    big = [c for c in cold if c["n_p_eval"] >= 128]
    speed = {
        "prompt_tokens_per_s": med(1000 * c["n_p_eval"] / c["t_p_eval_ms"] for c in big),
        "generation_tokens_per_s": med(1000 * a["n_eval"] / a["t_eval_ms"] for a in answers if a["n_eval"]),
        "generation_pieces_per_s_wall": med(1000 * (a["pieces"] - 1) / a["after_first_ms"]
                                            for a in answers if a["pieces"] > 1),
        "generated_tokens": med(a["n_eval"] + 1 for a in answers),
        "answer_total_ms": med(a["total_ms"] for a in answers),
    }
    warm = [c for c in calls if c["mode"] == "warm"]
    report = {
        "model": Path(model.model_path).name, "n_ctx": n_ctx, "threads": model.n_threads,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "index": str(index), "questions": questions, "repeats": args.repeats,
        "model_load_ms": round(load_ms, 1), "system_prompt_tokens": system_tokens,
        "speed": speed,
        # Attention makes long prompts cost more per token, so the fit over every prompt bends
        # below zero at the origin; the sentence prompts alone are the range the setting spans.
        "first_token_fit_cold": fit([c["prompt_tokens"] for c in cold], [c["ms"] for c in cold]),
        "first_token_fit_warm": fit([c["n_p_eval"] + c["n_eval"] for c in warm], [c["ms"] for c in warm]),
        "first_token_fit_cold_sentences": fit([c["prompt_tokens"] for c in cold if c["context_sentences"]],
                                              [c["ms"] for c in cold if c["context_sentences"]]),
        "first_token_fit_warm_sentences": fit([c["n_p_eval"] + c["n_eval"] for c in warm if c["context_sentences"]],
                                              [c["ms"] for c in warm if c["context_sentences"]]),
        "configs": rows, "calls": calls, "answers": answers,
    }
    write_result(Path(args.out), report, indent=1)
    print(markdown(report))
    print(f"written: {args.out}")
    return 0


def markdown(report: dict) -> str:
    s, fc, fw = report["speed"], report["first_token_fit_cold"], report["first_token_fit_warm"]
    cs, ws = report["first_token_fit_cold_sentences"], report["first_token_fit_warm_sentences"]
    lines = [
        f"# {report['model']}, n_ctx {report['n_ctx']}, {report['threads']} threads; "
        f"{len(report['questions'])} questions x {report['repeats']} repeats", "",
        f"prompt {s['prompt_tokens_per_s']} tok/s, generation {s['generation_tokens_per_s']} tok/s "
        f"(llama.cpp counters; {s['generation_pieces_per_s_wall']} pieces/s through the stream); "
        f"model load {report['model_load_ms']} ms; system prompt {report['system_prompt_tokens']} tokens.",
        f"cold first token = {fc['intercept_ms']} ms + {fc['ms_per_token']} ms/prompt token (r2 {fc['r2']}); "
        f"warm = {fw['intercept_ms']} ms + {fw['ms_per_token']} ms/evaluated token (r2 {fw['r2']}).",
        f"sentence prompts only: cold = {cs['intercept_ms']} ms + {cs['ms_per_token']} ms/token (r2 {cs['r2']}); "
        f"warm = {ws['intercept_ms']} ms + {ws['ms_per_token']} ms/evaluated token (r2 {ws['r2']}).", "",
        "| k | context_sentences | passages shown | prompt tokens | overflows | cold first token ms "
        "| warm first token ms | warm evaluated tokens |", "|---|---|---|---|---|---|---|---|"]
    for r in report["configs"]:
        lines.append(f"| {r['k']} | {r['context_sentences'] or 'whole'} | {r['passages_shown']} | "
                     f"{r['prompt_tokens']} | {r['overflows']} | {r['cold_first_token_ms']} | "
                     f"{r['warm_first_token_ms']} | {r['warm_evaluated_tokens']} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
