"""Load benchmark: many users asking a real `rag serve` at once while an upload updates its index.

A fresh `rag serve --llm extractive` runs over a copy of the seed articles (corpus and
index in a temp folder; it syncs at start). Then, for a warm-up phase and a measured window:

- `--users` threads (16) ask `/ask` in `extractive` mode and `--local-users` threads (4)
  in `local` mode (the in-process llama.cpp model, one answer at a time, so slow), each
  with its own gradio_client.Client and its own rotation of tests/data/seed_questions.jsonl;
- part-way through the window (`--upload-at`, a third) another client uploads a ~300-paragraph
  article through `/add_articles`; once it is indexed, that client and the extractive users
  also ask about it, and at least one answer must cite it (its id is under `uploads/`);
- every answer is checked: well-formed JSON, and every citation of a non-refused answer
  points at a passage (n in range, same article) and quotes exactly
  `passage.text[c.start - p.start : c.end - p.start]`;
- the server's RSS (VmRSS) is read after warm-up, every `--sample-every` seconds and at the
  end of the window; the report gives end / after-warm-up (target: within `--rss-target`, 5 %)
  and VmHWM.

Results (latency p50/p95, requests and refusals per mode, failures, citations, upload,
memory) go to bench/results/load.json. Exit status 1 if any request failed, any citation
was invalid, or the upload was not indexed and answered from; the memory target is reported,
not enforced.

    .venv/bin/python bench/load.py [--duration 120] [--users 16] [--local-users 4] [--queue-info]
    .venv/bin/python bench/load.py --duration 300 --local-users 0 --out bench/results/load_extractive.json
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import proc_status, start_serve, write_result  # noqa: E402
from bench.common import stop as stop_serve  # noqa: E402 - `stop` below is the users' Event

QUESTIONS = ROOT / "tests/data/seed_questions.jsonl"
MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
KEEP_MESSAGES = 5  # first failure / invalid-citation messages kept per kind

# The uploaded article: seed paragraphs around a few facts no seed article has.
UPLOAD_NAME = "varanger-winter-bulletin.txt"
UPLOAD_ID = f"uploads/{UPLOAD_NAME}"
UPLOAD_TITLE = "Varanger Fjord Winter Shipping Bulletin"
UPLOAD_FACTS = [
    "Harbour master Ingrid Solheim said the icebreaker Polar Lynx made 4,217 crossings of the "
    "Varanger fjord during the winter season.",
    "The Vadso ferry terminal handled 38,650 passengers in January, Ingrid Solheim told the bulletin.",
    "The icebreaker Polar Lynx was refitted in Kirkenes with a new hull coating before the winter.",
]
UPLOAD_QUESTIONS = [  # (question, a string its answer must contain)
    ("How many crossings of the Varanger fjord did the icebreaker Polar Lynx make?", "4,217"),
    ("How many passengers did the Vadso ferry terminal handle in January?", "38,650"),
]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def upload_article(path: Path) -> None:
    """~300 paragraphs: the seed paragraphs over and over, with UPLOAD_FACTS spread among them."""
    paragraphs = [line.strip() for f in sorted((ROOT / "seeds").glob("*.txt"))
                  for line in f.read_text().splitlines() if len(line.strip()) > 40]
    body = [paragraphs[i % len(paragraphs)] for i in range(300 - len(UPLOAD_FACTS))]
    for i, fact in enumerate(UPLOAD_FACTS):
        body.insert((i * 2 + 1) * len(body) // (2 * len(UPLOAD_FACTS)), fact)
    path.write_text(UPLOAD_TITLE + "\n\n" + "\n\n".join(body) + "\n")


def check_answer(out) -> tuple[str | None, list[str], dict[str, int]]:
    """(why the answer is malformed or None, invalid-citation messages, citation counts)."""
    counts = {"citations": 0, "supported": 0}
    if not isinstance(out, dict):
        return f"answer is {type(out).__name__}, not a dict", [], counts
    types = {"answer": str, "refused": bool, "citations": list, "passages": list, "timings": dict,
             "notice": str}
    for key, kind in types.items():
        if not isinstance(out.get(key), kind):
            return f"answer field {key!r} is {type(out.get(key)).__name__}, not {kind.__name__}", [], counts
    passages = out["passages"]
    for i, p in enumerate(passages, start=1):
        if not (isinstance(p, dict) and isinstance(p.get("text"), str) and isinstance(p.get("start"), int)
                and isinstance(p.get("end"), int) and isinstance(p.get("article_id"), str)):
            return f"passage {i} is malformed", [], counts
        if p["end"] - p["start"] != len(p["text"]):
            return f"passage {i}: end - start = {p['end'] - p['start']} but its text has {len(p['text'])}", [], counts
    if out["refused"]:
        return None, [], counts
    invalid = []
    for m in MARKER.finditer(out["answer"]):
        for n in re.split(r"\s*,\s*", m.group(1)):
            if not 1 <= int(n) <= len(passages):
                invalid.append(f"marker [{n}] with {len(passages)} passages: {out['answer'][:120]!r}")
    for c in out["citations"]:
        counts["citations"] += 1
        try:
            n, start, end, quote, supported = c["n"], c["start"], c["end"], c["quote"], c["supported"]
        except (KeyError, TypeError):
            invalid.append(f"citation without n/start/end/quote/supported: {c!r}"[:300])
            continue
        counts["supported"] += bool(supported)
        if not (isinstance(n, int) and 1 <= n <= len(passages)):
            invalid.append(f"citation n={n!r} with {len(passages)} passages")
            continue
        p = passages[n - 1]
        where = f"[{n}] {c.get('article_id')} {start}:{end}"
        if c.get("article_id") != p["article_id"]:
            invalid.append(f"{where}: passage {n} is from {p['article_id']}")
        elif not p["start"] <= start <= end <= p["end"]:
            invalid.append(f"{where}: outside passage {p['start']}:{p['end']}")
        elif quote != p["text"][start - p["start"]:end - p["start"]]:
            invalid.append(f"{where}: quote {quote[:80]!r} != passage slice "
                           f"{p['text'][start - p['start']:end - p['start']][:80]!r}")
        elif supported and not quote.strip():
            invalid.append(f"{where}: supported citation with an empty quote")
    return None, invalid, counts


class Recorder:
    """Every request, thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests: list[dict] = []

    def ask(self, client, mode: str, question: str, qid: str, who: str, phase, timeout: float) -> dict:
        started = time.perf_counter()
        out, error = None, None
        job = None
        try:
            job = client.submit(question, mode, api_name="/ask")
            out = job.result(timeout=timeout)
        except Exception as exc:  # noqa: BLE001 - every exception is a failed request
            error = f"{type(exc).__name__}: {exc}"[:400]
            if job is not None and not job.done():
                job.cancel()
        latency = time.perf_counter() - started
        malformed, invalid, counts = (None, [], {"citations": 0, "supported": 0}) if error else check_answer(out)
        ok = error is None and malformed is None
        rec = {"mode": mode, "who": who, "qid": qid, "phase": phase(started), "t": started,
               "latency_s": latency, "ok": ok, "error": error or malformed, "invalid": invalid,
               "refused": bool(ok and out["refused"]), **counts,
               "cited_ids": sorted({c.get("article_id") for c in out["citations"]}) if ok else [],
               "answer": out["answer"] if ok else None,
               "server_ms": (out["timings"].get("retrieve_ms", 0) + out["timings"].get("generate_ms", 0))
               if ok else None}
        with self.lock:
            self.requests.append(rec)
        return rec


def main() -> int:  # noqa: C901, PLR0915 - one linear script
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=120.0, help="measured window, seconds (default 120)")
    parser.add_argument("--warmup", type=float, default=10.0, help="warm-up with all users asking, seconds")
    parser.add_argument("--users", type=int, default=16, help="concurrent users in extractive mode")
    parser.add_argument("--local-users", type=int, default=4, help="concurrent users in local mode")
    parser.add_argument("--upload-at", type=float, default=1 / 3, help="upload after this share of the window")
    parser.add_argument("--sample-every", type=float, default=5.0, help="seconds between memory samples")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds before a request counts as failed")
    parser.add_argument("--rss-target", type=float, default=0.05,
                        help="RSS at the end within this share of RSS after warm-up (default 0.05)")
    parser.add_argument("--queue-info", action="store_true",
                        help="record the queue settings (from the config and rag/cli.py) and queue sizes")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (corpus, index, serve.log)")
    parser.add_argument("--set", dest="settings", action="append", default=[], metavar="RAG_NAME=VALUE",
                        help="a setting for the server (repeatable); others stay at their defaults")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/load.json")
    args = parser.parse_args()

    os.environ.update(GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1")
    os.environ["NO_PROXY"] = ",".join(filter(None, [os.environ.get("NO_PROXY"), "127.0.0.1", "localhost"]))
    from gradio_client import Client, handle_file

    tmp = Path(tempfile.mkdtemp(prefix="rag-load-bench-"))
    corpus, index, log_path = tmp / "corpus", tmp / "index", tmp / "serve.log"
    shutil.copytree(ROOT / "seeds", corpus)
    article = tmp / "upload" / UPLOAD_NAME
    article.parent.mkdir()
    upload_article(article)
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}  # defaults, not this shell's
    env.update(GRADIO_TEMP_DIR=str(tmp / "gradio"))
    for setting in args.settings:
        name, sep, value = setting.partition("=")
        if not (sep and name.startswith("RAG_")):
            parser.error(f"--set wants RAG_NAME=VALUE, not {setting!r}")
        env[name] = value
    questions = [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]
    random.Random(0).shuffle(questions)  # the unanswerable ones come last in the file; mix them in

    proc, url, ready_s = start_serve(corpus, index, env, log=log_path)
    problems: list[str] = []
    try:
        print(f"rag serve ready in {ready_s:.1f} s (pid {proc.pid}, {url})", file=sys.stderr)

        queue_config = None
        if args.queue_info:
            with urllib.request.urlopen(url + "/config", timeout=10) as r:
                config = json.load(r)
            source = (ROOT / "rag/cli.py").read_text()
            call = re.search(r"\.queue\(([^)]*)\)", source)
            queue_config = {
                "queue_call_in_rag_cli": call.group(0) if call else None,  # not served by Gradio
                "endpoints": {d["api_name"]: {"queue": d.get("queue"), "connection": d.get("connection"),
                                              "time_limit": d.get("time_limit")}
                              for d in config.get("dependencies", [])
                              if d.get("api_name") in ("ask", "add_articles", "sync")},
                "gradio_version": config.get("version"),
            }

        rec = Recorder()
        users = [("extractive", i) for i in range(args.users)] + [("local", i) for i in range(args.local_users)]
        clients = [Client(url, verbose=False) for _ in users]
        uploader = Client(url, verbose=False)

        t0 = time.perf_counter()
        t_warm = t0 + args.warmup
        t_end = t_warm + args.duration
        t_upload = t_warm + args.duration * args.upload_at

        def phase(t: float) -> str:
            return "warmup" if t < t_warm else "measured" if t < t_end else "after"

        stop = threading.Event()
        uploaded = threading.Event()

        def user(mode: str, i: int, client, offset: int) -> None:
            n = 0
            while not stop.is_set():
                if mode == "extractive" and uploaded.is_set() and n % 5 == 4:
                    question, _ = UPLOAD_QUESTIONS[(i + n) % len(UPLOAD_QUESTIONS)]
                    qid = "upload"
                else:
                    q = questions[(offset + n) % len(questions)]
                    question, qid = q["question"], q["id"]
                n += 1
                rec.ask(client, mode, question, qid, f"{mode}-{i}", phase, args.timeout)

        upload: dict = {"article_id": UPLOAD_ID, "title": UPLOAD_TITLE, "bytes": article.stat().st_size,
                        "paragraphs": article.read_text().count("\n\n")}

        def do_upload() -> None:
            time.sleep(max(0.0, t_upload - time.perf_counter()))
            upload["rss_before_mib"] = snapshot("before_upload").get("rss_mib")
            begun = time.perf_counter()
            upload["started_at_s"] = round(begun - t_warm, 2)
            try:
                job = uploader.submit([handle_file(str(article))], api_name="/add_articles")
                log_md, status_html, _ = job.result(timeout=600)
                upload["log"] = log_md
                upload["indexed"] = f"saved as {UPLOAD_ID}" in log_md and "1 added" in log_md
            except Exception as exc:  # noqa: BLE001
                upload["error"] = f"{type(exc).__name__}: {exc}"[:400]
                upload["indexed"] = False
            done = time.perf_counter()
            upload["rss_after_mib"] = snapshot("after_upload").get("rss_mib")
            upload["finished_at_s"] = round(done - t_warm, 2)
            upload["took_s"] = round(done - begun, 2)
            with rec.lock:
                during = [r for r in rec.requests if begun <= r["t"] and r["t"] + r["latency_s"] <= done]
            upload["answered_during_upload"] = {m: sum(r["ok"] for r in during if r["mode"] == m)
                                                for m in ("extractive", "local")}
            uploaded.set()
            checks = []
            for question, expected in UPLOAD_QUESTIONS:
                r = rec.ask(uploader, "extractive", question, "upload", "uploader", lambda t: "upload-check",
                            args.timeout)
                checks.append({"question": question, "ok": r["ok"], "refused": r["refused"],
                               "cited_ids": r["cited_ids"], "answer": r["answer"],
                               "answered_from_upload": UPLOAD_ID in r["cited_ids"] and expected in (r["answer"] or ""),
                               "latency_s": round(r["latency_s"], 3)})
            upload["checks"] = checks

        samples: list[dict] = []

        def snapshot(label: str) -> dict:
            s = {"label": label, "t_s": round(time.perf_counter() - t_warm, 2)}
            try:
                st = proc_status(proc.pid)
                s.update(rss_mib=round(st["VmRSS"], 1), hwm_mib=round(st["VmHWM"], 1), threads=st["Threads"],
                         cpu_s=round(cpu_seconds(proc.pid), 2))
            except (OSError, KeyError) as exc:
                s["error"] = str(exc)
            if args.queue_info:
                try:
                    with urllib.request.urlopen(url + "/gradio_api/queue/status", timeout=5) as r:
                        s["queue_size"] = json.load(r).get("queue_size")
                except (OSError, ValueError) as exc:
                    s["queue_size_error"] = str(exc)[:200]
            samples.append(s)
            return s

        sampling_done = threading.Event()

        def sampler() -> None:
            while not sampling_done.wait(args.sample_every):
                snapshot("sample")

        offsets = [len(questions) * j // len(users) for j in range(len(users))]
        threads = [threading.Thread(target=user, args=(mode, i, client, off), daemon=True)
                   for (mode, i), client, off in zip(users, clients, offsets)]
        threads.append(threading.Thread(target=do_upload, daemon=True))
        snapshot("start")
        bench_cpu0 = sum(os.times()[:2])
        for t in threads:
            t.start()
        sampler_thread = threading.Thread(target=sampler, daemon=True)
        sampler_thread.start()
        time.sleep(max(0.0, t_warm - time.perf_counter()))
        after_warmup = snapshot("after_warmup")
        print(f"warm-up done: RSS {after_warmup.get('rss_mib')} MiB; measuring {args.duration:g} s",
              file=sys.stderr)
        time.sleep(max(0.0, t_end - time.perf_counter()))
        end = snapshot("end")
        stop.set()
        for t in threads:
            t.join(timeout=args.timeout + 600)
        if any(t.is_alive() for t in threads):
            problems.append("some users or the uploader were still busy after the window + timeout")
        sampling_done.set()
        sampler_thread.join()
        drained = snapshot("drained")
        bench_cpu = sum(os.times()[:2]) - bench_cpu0
    finally:
        stop_serve(proc)
    server_log = log_path.read_text(errors="replace")

    # ---- report ----
    requests = rec.requests
    per_mode = {}
    for mode in ("extractive", "local"):
        mine = [r for r in requests if r["mode"] == mode]
        window = [r for r in mine if r["phase"] == "measured"]
        lat = [r["latency_s"] for r in window if r["ok"]]
        answerable = {q["id"]: not q["unanswerable"] for q in questions}
        per_mode[mode] = {
            "users": args.users if mode == "extractive" else args.local_users,
            "requests": len(window),
            "requests_per_s": round(len(window) / args.duration, 2),
            "ok": sum(r["ok"] for r in window),
            "failed": sum(not r["ok"] for r in window),
            "refused": sum(r["refused"] for r in window),
            "refused_answerable": sum(r["refused"] for r in window if answerable.get(r["qid"], False)),
            "refused_unanswerable": sum(r["refused"] for r in window if r["qid"] in answerable
                                        and not answerable[r["qid"]]),
            "asked_unanswerable": sum(r["qid"] in answerable and not answerable[r["qid"]] for r in window),
            "p50_s": round(percentile(lat, 50), 3) if lat else None,
            "p95_s": round(percentile(lat, 95), 3) if lat else None,
            "max_s": round(max(lat), 3) if lat else None,
            "mean_s": round(statistics.fmean(lat), 3) if lat else None,
            "server_p50_ms": (round(percentile([r["server_ms"] for r in window if r["ok"]], 50), 1)
                              if lat else None),
            "server_p95_ms": (round(percentile([r["server_ms"] for r in window if r["ok"]], 95), 1)
                              if lat else None),
            # Seconds spent inside the server per second of window: about how many of the
            # /ask workers (the queue's concurrency limit) this mode kept busy.
            "avg_busy_workers": round(sum(r["server_ms"] for r in window if r["ok"]) / 1000 / args.duration, 2),
            "warmup_requests": sum(r["phase"] == "warmup" for r in mine),
            "after_window_requests": sum(r["phase"] == "after" for r in mine),
            "failed_all_phases": sum(not r["ok"] for r in mine),
            "first_failures": [f"{r['who']} {r['qid']} ({r['phase']}): {r['error']}"
                               for r in mine if not r["ok"]][:KEEP_MESSAGES],
            "asked_about_upload": sum(r["qid"] == "upload" for r in mine if r["who"] != "uploader"),
            "answered_from_upload": sum(r["qid"] == "upload" and UPLOAD_ID in r["cited_ids"]
                                        for r in mine if r["who"] != "uploader"),
        }
    failed = [r for r in requests if not r["ok"]]
    invalid = [f"{r['who']} {r['qid']}: {m}" for r in requests for m in r["invalid"]]
    checked = [r for r in requests if r["ok"] and not r["refused"]]
    citations = {
        "answers_checked": len(checked),
        "citations_checked": sum(r["citations"] for r in checked),
        "supported": sum(r["supported"] for r in checked),
        "answers_without_supported_citation": sum(r["supported"] == 0 for r in checked),
        "invalid": len(invalid),
        "first_invalid": invalid[:KEEP_MESSAGES],
    }
    base, last = after_warmup.get("rss_mib"), end.get("rss_mib")
    ratio = round(last / base, 3) if base and last else None
    memory = {
        "rss_after_warmup_mib": base, "rss_end_mib": last, "rss_drained_mib": drained.get("rss_mib"),
        "end_over_after_warmup": ratio, "target": args.rss_target,
        "within_target": ratio is not None and abs(ratio - 1) <= args.rss_target,
        "end_over_after_upload": (round(last / upload["rss_after_mib"], 3) if last and upload.get("rss_after_mib")
                                  and upload["finished_at_s"] <= args.duration else None),
        "peak_hwm_mib": max((s.get("hwm_mib") or 0) for s in samples) or None,
        "threads_after_warmup": after_warmup.get("threads"),
        "threads_end": end.get("threads"),
        "server_cpu_s_window": (round(end["cpu_s"] - after_warmup["cpu_s"], 1)
                                if "cpu_s" in end and "cpu_s" in after_warmup else None),
        "bench_process_cpu_s": round(bench_cpu, 1),
        "samples": samples,
    }
    tracebacks = server_log.count("Traceback (most recent call last)")
    first_tb = server_log.find("Traceback (most recent call last)")
    error_lines = [line for line in server_log.splitlines() if re.search(r"error|exception", line, re.I)]
    server = {"ready_s": round(ready_s, 2), "exit_code": proc.returncode, "log_lines": len(server_log.splitlines()),
              "tracebacks": tracebacks, "error_lines": len(error_lines),
              "first_error_lines": error_lines[:KEEP_MESSAGES],
              "first_traceback": server_log[first_tb:first_tb + 3000] if first_tb >= 0 else None,
              "log_tail": server_log.splitlines()[-10:]}
    if queue_config is not None:
        sizes = [s["queue_size"] for s in samples if s.get("queue_size") is not None]
        queue_config["queue_size_max_sampled"] = max(sizes) if sizes else None

    if failed:
        problems.append(f"{len(failed)} request(s) failed")
    if invalid:
        problems.append(f"{len(invalid)} invalid citation(s)")
    if not upload.get("indexed"):
        problems.append(f"the upload was not indexed: {upload.get('error') or upload.get('log')}")
    elif not any(c["answered_from_upload"] for c in upload.get("checks", [])):
        problems.append("no answer after the upload was answered from the uploaded article")
    warnings = []
    if not memory["within_target"]:
        warnings.append(f"server RSS end / after warm-up = {ratio} (target within {args.rss_target:.0%})")
    if tracebacks:
        warnings.append(f"server log has {tracebacks} traceback(s)")
    if upload.get("finished_at_s") is not None and upload["finished_at_s"] > args.duration:
        warnings.append("the upload finished after the measured window")

    result = {
        "command": " ".join(["python", *sys.argv]),
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "cpus": os.cpu_count(), "load_avg_at_end": os.getloadavg(),
        "ok": not problems, "problems": problems, "warnings": warnings,
        "modes": per_mode, "citations": citations, "upload": upload,
        "memory": memory, "server": server,
        **({"queue": queue_config} if queue_config is not None else {}),
        "temp_folder": str(tmp) if args.keep else None,
        "request_fields": ["mode", "who", "qid", "phase", "t_s", "latency_s", "ok", "refused", "server_ms"],
        "requests": [[r["mode"], r["who"], r["qid"], r["phase"], round(r["t"] - t_warm, 3),
                      round(r["latency_s"], 3), r["ok"], r["refused"], r["server_ms"]]
                     for r in sorted(requests, key=lambda r: r["t"])],
    }
    write_result(args.out, result, rows="requests")  # one line per request, the rest indented
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    summary = {k: v for k, v in result.items()
               if k not in ("settings", "server", "memory", "upload", "queue", "request_fields", "requests")}
    summary["memory"] = {k: v for k, v in memory.items() if k != "samples"}
    summary["upload"] = {k: v for k, v in upload.items() if k not in ("log", "checks")}
    summary["upload"]["answered_from_upload"] = [c["answered_from_upload"] for c in upload.get("checks", [])]
    summary["server"] = {k: v for k, v in server.items() if k not in ("first_traceback", "log_tail")}
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
