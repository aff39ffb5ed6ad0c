"""Parallel local answers: 1 local user against 4 at once, and extractive users with and without them.

In one process, as `rag serve` answers (one `Pipeline` per configuration, sharing the
embedding model), users are threads calling `Pipeline.ask` on the seed questions:

- `local1`: one local-model user, asking the round's questions one after another;
- `local4`: `--local-users` (4) such users at once, each asking a quarter of the same
  questions (`--per-user` each), so both phases' p50s are over the same answers;
- `ext`: `--ext-users` extractive users, each waiting `--think` seconds between questions
  (so they leave the CPU some room, as people do), alone;
- `ext+local4`: the same extractive users while the 4 local users ask.

Each configuration (`--configs`, `name:slots:threads:nice[:weights]`) is its own local
model: `serial` (1 slot, one answer at a time, as before) and the slotted ones. Local phases
last until their questions are answered (`ext` alone runs `--seconds`); configurations are
interleaved round by round (`--rounds`, each round with the next questions), so a change in
the shared machine's load falls on all of them alike; the load average is recorded at
every phase.

Reported per configuration and phase: p50/p95 latency (every request of the phase), the
local p50 ratio local4 / local1 (target <= 2.5), extractive p50/p95 beside the `ext` phase's,
the local model's own split (prompt tokens, evaluated, written, queued, first token, done;
from `Slots.finished`), and the RSS the model added.

    nice -n 10 .venv/bin/rag index --corpus seeds --index /tmp/parallel/index
    flock /tmp/bench.lock .venv/bin/python bench/parallel.py --index /tmp/parallel/index
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import rss_mib, write_result  # noqa: E402

QUESTIONS = ROOT / "tests/data/seed_questions.jsonl"


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100), as bench/load.py."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * q // 100) - 1)]


def questions() -> list[str]:
    rows = [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]
    return [r["question"] for r in rows if not r.get("unanswerable")]


def run_phase(users: list[tuple[str, object, list[str], bool]], seconds: float, think: float) -> list[dict]:
    """Users (mode, pipeline, questions, loops) ask their questions in order: once each, or
    (`loops`) round and round until every other user is done, or `seconds` have passed when
    all users loop. Every request that started is kept (the last ones are waited for)."""
    stop = threading.Event()
    records: list[dict] = []
    lock = threading.Lock()

    def user(mode: str, pipeline, qs: list[str], loops: bool) -> None:
        n = 0
        while not stop.is_set() and (loops or n < len(qs)):
            q = qs[n % len(qs)]
            n += 1
            started = time.perf_counter()
            try:
                answer = pipeline.ask(q, llm=mode)
                rec = {"mode": mode, "ok": "this answer is extractive" not in answer.notice,
                       "refused": answer.refused, "first_token_ms": answer.timings.first_token_ms}
            except Exception as exc:  # noqa: BLE001 - a failed request is counted, not fatal
                rec = {"mode": mode, "ok": False, "error": f"{type(exc).__name__}: {exc}"[:200]}
            rec["latency_s"] = time.perf_counter() - started
            with lock:
                records.append(rec)
            if mode == "extractive" and think:
                stop.wait(think)

    threads = [threading.Thread(target=user, args=u, daemon=True) for u in users]
    for t in threads:
        t.start()
    once = [t for t, u in zip(threads, users, strict=True) if not u[3]]
    if once:
        for t in once:
            t.join()
    else:
        time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    return records


def summary(records: list[dict], mode: str) -> dict:
    lat = [r["latency_s"] for r in records if r["mode"] == mode and r["ok"]]
    return {"requests": len(lat), "failed": sum(1 for r in records if r["mode"] == mode and not r["ok"]),
            "p50_s": round(percentile(lat, 50), 3) if lat else None,
            "p95_s": round(percentile(lat, 95), 3) if lat else None,
            "mean_s": round(statistics.fmean(lat), 3) if lat else None}


def main() -> int:  # noqa: PLR0915 - one linear script
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", default="/tmp/parallel/index")
    ap.add_argument("--configs", default="serial:1:2:0:as-is,slots4:4:2:0:as-is,slots4-f16:4:2:0:f16",
                    help="name:slots:threads:nice[:weights], comma-separated (weights: RAG_LLM_WEIGHTS)")
    ap.add_argument("--seconds", type=float, default=30.0, help="length of the extractive-only phase")
    ap.add_argument("--per-user", type=int, default=8,
                    help="questions each of the local users asks in `local4`; `local1` asks all of them")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--local-users", type=int, default=4)
    ap.add_argument("--ext-users", type=int, default=4)
    ap.add_argument("--think", type=float, default=0.5, help="seconds an extractive user waits between questions")
    ap.add_argument("--max-tokens", type=int, default=0, help="answer length cap (default: the setting's)")
    ap.add_argument("--out", default=str(ROOT / "bench/results/parallel.json"))
    args = ap.parse_args()

    from rag.embed import SentenceTransformerEmbedder
    from rag.pipeline import Pipeline
    from rag.settings import Settings

    index = Path(args.index)
    if not (index / "manifest.json").exists():
        sys.exit(f"no index at {index}: run `nice -n 10 .venv/bin/rag index --corpus seeds --index {index}`")
    base = Settings(index=index)
    if args.max_tokens:
        base = base.model_copy(update={"llm_max_tokens": args.max_tokens})
    embedder = SentenceTransformerEmbedder.from_settings(base)
    qs = questions()

    configs = {}
    rss0 = rss_mib()
    ext = Pipeline(base, embedder, fallback=False)
    ext.ask(qs[0], llm="extractive")  # embedding model, index, parser loaded
    rss_ext = rss_mib()
    for spec in args.configs.split(","):
        name, slots, threads, nice, *weights = spec.split(":")
        s = base.model_copy(update={"llm_slots": int(slots), "llm_threads": int(threads), "llm_nice": int(nice),
                                    "llm_weights": weights[0] if weights else base.llm_weights})
        pipeline = Pipeline(s, embedder, fallback=False)
        before = rss_mib()
        engine = pipeline.generator("local").model.engine
        pipeline.ask(qs[0], llm="local")  # every buffer touched once
        configs[name] = {"slots": int(slots), "threads": int(threads), "nice": int(nice), "weights": s.llm_weights,
                         "pipeline": pipeline, "engine": engine, "rss_added_mib": round(rss_mib() - before, 1)}
        print(f"{name}: model + {slots} slots add {configs[name]['rss_added_mib']} MiB", file=sys.stderr, flush=True)

    phases: list[dict] = []
    for rnd in range(args.rounds):
        plan = [("ext", None)] + [(p, c) for c in configs for p in ("local1", "local4", "ext+local4")]
        # One round's local questions: `local1` asks them all in turn and each of the
        # `local4` users a quarter, so both p50s are over the same questions (their answers'
        # lengths differ a lot: over a fixed time the two phases got through different ones).
        n = args.per_user * args.local_users
        mine = [qs[(rnd * n + j) % len(qs)] for j in range(n)]
        for phase, cname in plan:
            c = configs.get(cname)
            users: list[tuple[str, object, list[str], bool]] = []
            # Every phase starts from cold caches (the system prompt is read again once).
            if c:
                c["engine"].forget()
            if phase.startswith("ext"):
                starts = [i * len(qs) // args.ext_users for i in range(args.ext_users)]
                users += [("extractive", ext, qs[k:] + qs[:k], True) for k in starts]
            if phase.endswith("local1"):
                users += [("local", c["pipeline"], mine, False)]
            elif phase.endswith("local4"):
                users += [("local", c["pipeline"], mine[i::args.local_users], False) for i in range(args.local_users)]
            done_before = len(c["engine"].finished) if c else 0
            load = os.getloadavg()[0]
            records = run_phase(users, args.seconds, args.think)
            row = {"round": rnd, "phase": phase, "config": cname, "load_avg_1m_start": round(load, 2),
                   "load_avg_1m_end": round(os.getloadavg()[0], 2),
                   "extractive": summary(records, "extractive"), "local": summary(records, "local")}
            if c:
                jobs = list(c["engine"].finished)[done_before:]
                row["model"] = {k: statistics.median(j[k] for j in jobs if k in j) if any(k in j for j in jobs) else None
                                for k in ("prompt_tokens", "evaluated", "written", "admitted", "first", "done")}
            row["errors"] = sorted({r["error"] for r in records if "error" in r})[:3]
            phases.append(row)
            print(json.dumps({k: v for k, v in row.items() if k != "errors"}), file=sys.stderr, flush=True)

    def med(name, phase, mode, key="p50_s"):
        vals = [r[mode][key] for r in phases if r["config"] == name and r["phase"] == phase and r[mode][key]]
        return round(statistics.median(vals), 3) if vals else None

    ext_alone = {k: med(None, "ext", "extractive", k) for k in ("p50_s", "p95_s")}
    table = []
    for name, c in configs.items():
        l1, l4 = med(name, "local1", "local"), med(name, "local4", "local")
        table.append({"config": name, "slots": c["slots"], "threads": c["threads"], "nice": c["nice"],
                      "weights": c["weights"],
                      "rss_added_mib": c["rss_added_mib"],
                      "local1_p50_s": l1, "local4_p50_s": l4, "local4_p95_s": med(name, "local4", "local", "p95_s"),
                      "ratio_local4_over_local1": round(l4 / l1, 2) if l1 and l4 else None,
                      "local4_with_ext_p50_s": med(name, "ext+local4", "local"),
                      "ext_alone_p50_s": ext_alone["p50_s"], "ext_alone_p95_s": ext_alone["p95_s"],
                      "ext_with_local4_p50_s": med(name, "ext+local4", "extractive"),
                      "ext_with_local4_p95_s": med(name, "ext+local4", "extractive", "p95_s")})
    result = {"command": " ".join(["python", *sys.argv]), "cpus": os.cpu_count(),
              "settings": vars(args), "questions": len(qs), "rss_before_mib": round(rss0, 1),
              "rss_with_extractive_mib": round(rss_ext, 1), "table": table, "phases": phases}
    write_result(Path(args.out), result, rows="phases")
    cols = list(table[0])
    print("| " + " | ".join(cols) + " |\n|" + "---|" * len(cols))
    for row in table:
        print("| " + " | ".join(str(row[c]) for c in cols) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
