"""Scale benchmark: FAISS index types (flat, HNSW, IVF, IVF-SQ8) and FTS5 at 100k-1M chunks.

Which FAISS index to use at which corpus size, and whether 1M chunks meet the targets on
2 cores (single-query retrieval p50 <= 50 ms with recall@10 >= 0.95 of exact search).

    .venv/bin/python bench/scale.py [--sizes 100000,1000000] [--index /tmp/news-index]

The script takes /tmp/bench.lock (flock) itself for the measured run of each size, so do
not wrap it in `flock /tmp/bench.lock`; generating vectors and embedding queries happen
outside the lock. Smoke test (timings not for reporting):

    nice -n 10 .venv/bin/python bench/scale.py --sizes 20000 --no-lock --out /tmp/scale/smoke.json

Base vectors: the real MiniLM chunk vectors of a built index (news-dev: all of its
`chunks.vector`), copy 0 as they are, copies 1, 2, ... each with Gaussian noise of
`--noise` per dimension added, then re-normalised. The default 0.025 puts a copy at cosine
1 / sqrt(1 + 384 * 0.025**2) ~ 0.90 from its original, and two copies of one chunk at ~0.81
from each other, which is where a real news-dev chunk sits from its nearest other chunk
(median 0.79): a copy is a distinct "other chunk about the same story", not a duplicate
that any index finds trivially, yet stays close enough that queries about its story still
rank it high. (The figures actually reached are measured and written to the JSON.) Copy j
draws from its own seeded generator, so a smaller size is a prefix of a larger one.

Queries (none of them in the base set): the eval questions embedded, plus article titles
of the corpus embedded alone (the chunks were embedded with their title in front, so a
title is a short query about one story), `--queries` in all; embedded once in a child
process (torch stays out of the measured process) and cached under /tmp/scale.

Per size and index type: recall@10 against exact search (tie-aware: a returned chunk counts
if its true score reaches the exact 10th best, as near-duplicate chunks tie), from a k=10
search and from the first 10 of a k=50 search (the retriever asks for 50 candidates),
recall@50; single-query latency p50/p95 on one thread, one query per call, k=50; build time
(train + add, on 2 threads); serialised size and RSS growth; `write_index` (+ fsync, as the
store does) and `read_index` time; adding 15 vectors (one article) and removing 15 ids. ANN
parameters are swept (nprobe, efSearch) and the smallest reaching recall@10 0.95 and 0.99
reported. Build time is capped by parameters, so that 1M stays under ~25 minutes: HNSW
M=32 with efConstruction 40 and 80 and M=16 with 40 (`--hnsw`; nothing above 80, no M=48
or 64), efSearch swept up to 1024; IVF k-means `--kmeans-iter` 20 iterations (FAISS's
default is 25) on max(50k, 40 * nlist) vectors, one k-means shared by IVF-Flat and IVF-SQ8. FTS5: the store's
table definition filled with the chunk texts and titles, replicated, committed every 2,048
rows as a sync does; the retriever's exact query for each eval question, before and after
FTS5 'optimize'. `--report` prints the tables again from the JSON without measuring.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import hashlib
import json
import math
import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import BenchLock, peak_rss_mib, reset_peak_rss, rss_mib, write_result  # noqa: E402

SCRATCH = Path("/tmp/scale")
NEWS_DEV = ROOT.parent / "shared/eval/news-dev"
BUILD_THREADS = 2
K_RETRIEVER = 50
NPROBES = (1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256)
EF_SEARCHES = (16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024)
TARGETS = (0.95, 0.99)


@dataclass(frozen=True)
class Base:
    """The real chunks everything is replicated from."""

    vectors: np.ndarray  # (n, d) float32, unit rows
    texts: list[str]
    titles: list[str]  # the chunk's article title, row for row


@dataclass(frozen=True)
class Queries:
    vectors: np.ndarray
    texts: list[str]
    questions: int  # the first `questions` rows are eval questions, the rest titles


# ---------------------------------------------------------------- data


def store_path(index_dir: Path) -> Path:
    manifest = index_dir / "manifest.json"
    if not manifest.is_file():
        sys.exit(f"no index at {index_dir}; build it with:\n"
                 f"  .venv/bin/rag index --corpus {NEWS_DEV}/corpus.jsonl --index {index_dir}")
    generation = json.loads(manifest.read_text())["generation"]
    return index_dir / f"store-{generation}.sqlite"


def load_base(index_dir: Path) -> Base:
    conn = sqlite3.connect(f"file:{store_path(index_dir)}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT c.vector, c.text, a.title FROM chunks c "
                            "JOIN articles a ON a.id = c.article_id ORDER BY c.id").fetchall()
    finally:
        conn.close()
    vectors = np.vstack([np.frombuffer(r[0], dtype=np.float32) for r in rows])
    return Base(vectors, [r[1] for r in rows], [r[2] for r in rows])


def replicate(base: np.ndarray, n: int, noise: float, seed: int) -> np.ndarray:
    """`n` rows: the originals, then noisy re-normalised copies, copy j from its own seed."""
    n0, d = base.shape
    out = np.empty((n, d), dtype=np.float32)
    for j, lo in enumerate(range(0, n, n0)):
        m = min(n0, n - lo)
        if j == 0:
            out[:m] = base[:m]
            continue
        rng = np.random.default_rng([seed, j])
        block = base[:m] + rng.standard_normal((m, d), dtype=np.float32) * np.float32(noise)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[lo:lo + m] = block
    return out


def copy_cosines(base: np.ndarray, noise: float, seed: int) -> dict:
    """Cosine of copies to their original and to each other, as generated."""
    n0 = len(base)
    copies = replicate(base, 3 * n0, noise, seed)
    to_orig = np.einsum("ij,ij->i", copies[n0:2 * n0], base)
    to_copy = np.einsum("ij,ij->i", copies[n0:2 * n0], copies[2 * n0:])
    import faiss

    flat = faiss.IndexFlatIP(base.shape[1])
    flat.add(base)
    nn = flat.search(base, 2)[0][:, 1]  # [0] is the chunk itself
    return {"copy_vs_original_median": float(np.median(to_orig)),
            "copy_vs_original_p5_p95": [float(x) for x in np.percentile(to_orig, [5, 95])],
            "copy_vs_copy_median": float(np.median(to_copy)),
            "real_nearest_other_chunk_median": float(np.median(nn)),
            "real_nearest_other_chunk_p5_p95": [float(x) for x in np.percentile(nn, [5, 95])]}


def query_texts(index_dir: Path, questions: Path, total: int, seed: int) -> tuple[list[str], int]:
    qs = [json.loads(line)["question"] for line in questions.read_text().splitlines() if line.strip()]
    conn = sqlite3.connect(f"file:{store_path(index_dir)}?mode=ro", uri=True)
    try:
        titles = sorted({r[0].strip() for r in conn.execute("SELECT title FROM articles") if r[0].strip()})
    finally:
        conn.close()
    rng = np.random.default_rng(seed)
    picked = [titles[i] for i in rng.permutation(len(titles))[: max(0, total - len(qs))]]
    return qs + picked, len(qs)


def load_queries(index_dir: Path, questions: Path, total: int, seed: int) -> Queries:
    texts, n_questions = query_texts(index_dir, questions, total, seed)
    key = hashlib.sha256(json.dumps(texts).encode()).hexdigest()[:12]
    cache = SCRATCH / f"queries-{key}.npy"
    if not cache.exists():
        source = SCRATCH / f"queries-{key}.json"
        source.write_text(json.dumps(texts))
        subprocess.run([sys.executable, __file__, "--embed", str(source), str(cache)], check=True)
    return Queries(np.load(cache), texts, n_questions)


def embed_to(source: Path, out: Path) -> None:
    """Child-process entry: embed the texts in `source` (JSON list) into `out` (.npy)."""
    from rag.embed import SentenceTransformerEmbedder

    vectors = SentenceTransformerEmbedder(progress=False).embed(json.loads(source.read_text()))
    tmp = out.with_suffix(".tmp.npy")
    np.save(tmp, vectors)
    tmp.replace(out)


# ---------------------------------------------------------------- measuring


def release_memory() -> None:
    """Hand freed heap back to the OS: IVF lists are many small blocks that glibc keeps
    after an index is freed, so the next index would reuse them and show no RSS growth."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def ground_truth(xb: np.ndarray, xq: np.ndarray, k: int) -> np.ndarray:
    """Exact top-k scores per query (only the scores are needed: recall is tie-aware)."""
    import faiss

    faiss.omp_set_num_threads(BUILD_THREADS)
    flat = faiss.IndexFlatIP(xb.shape[1])
    flat.add(xb)
    return flat.search(xq, k)[0]


def recall(xb: np.ndarray, xq: np.ndarray, exact: np.ndarray, ids: np.ndarray, k: int) -> float:
    """Share of the exact top k found in the first k results. A result counts when its true
    score reaches the exact k-th best: copies of a duplicated chunk tie, and any of them is right."""
    ids = ids[:, :k]
    found = ids >= 0
    true = np.einsum("qkd,qd->qk", xb[np.where(found, ids, 0)], xq)
    hits = found & (true >= exact[:, k - 1:k] - 1e-5)
    return float(np.minimum(hits.sum(axis=1), k).mean() / k)


def latency_ms(index, xq: np.ndarray, k: int) -> dict:
    """One query per call on one thread, as a chat request does."""
    import faiss

    faiss.omp_set_num_threads(1)
    rows = [np.ascontiguousarray(xq[i:i + 1]) for i in range(len(xq))]
    for q in rows[:10]:
        index.search(q, k)
    times, cpu = [], []
    for q in rows:
        c, t = time.thread_time(), time.perf_counter()
        index.search(q, k)
        times.append((time.perf_counter() - t) * 1e3)
        cpu.append((time.thread_time() - c) * 1e3)
    faiss.omp_set_num_threads(BUILD_THREADS)
    return summary(times, cpu)


def summary(times: list[float], cpu: list[float]) -> dict:
    """Wall-clock percentiles, and the thread's CPU time: the machine is shared, and CPU time
    shows what a query costs when another process takes the core for a while."""
    return {"p50_ms": float(np.percentile(times, 50)), "p95_ms": float(np.percentile(times, 95)),
            "mean_ms": float(np.mean(times)), "cpu_p50_ms": float(np.percentile(cpu, 50)),
            "cpu_p95_ms": float(np.percentile(cpu, 95))}


def quality(index, xb: np.ndarray, xq: np.ndarray, exact: np.ndarray) -> dict:
    """Recall of one parameter setting (batched, untimed) and its single-query latency."""
    ids10 = index.search(xq, 10)[1]
    ids50 = index.search(xq, K_RETRIEVER)[1]
    return {"recall10_k10": recall(xb, xq, exact, ids10, 10),
            "recall10_k50": recall(xb, xq, exact, ids50, 10),
            "recall50_k50": recall(xb, xq, exact, ids50, K_RETRIEVER),
            **latency_ms(index, xq, K_RETRIEVER)}


def sweep(index, set_param, values, xb, xq, exact) -> list[dict]:
    """Quality per parameter value, stopping one value after recall@10 reaches 0.99."""
    points = []
    for value in values:
        set_param(value)
        points.append({"param": value, **quality(index, xb, xq, exact)})
        print(f"    {value}: {fmt_point(points[-1])}", flush=True)
        if min(points[-1]["recall10_k10"], points[-1]["recall10_k50"]) >= 0.995:
            break
    return points


def fmt_point(p: dict) -> str:
    return (f"r@10 {p['recall10_k10']:.4f} (k50 {p['recall10_k50']:.4f}) r@50 {p['recall50_k50']:.4f} "
            f"p50 {p['p50_ms']:.2f} ms p95 {p['p95_ms']:.2f} ms cpu p50 {p['cpu_p50_ms']:.2f} ms")


def picks(points: list[dict]) -> dict:
    """Smallest swept value whose recall@10 (k=10 search) reaches each target."""
    out = {}
    for target in TARGETS:
        ok = [p for p in points if p["recall10_k10"] >= target]
        out[str(target)] = ok[0] if ok else None
    return out


def persistence(index, name: str) -> dict:
    """Serialised size, and write (+ fsync, as the store's atomic write) and read times."""
    import faiss

    blob = faiss.serialize_index(index)
    size = int(blob.nbytes)
    del blob
    path = SCRATCH / f"{name}.faiss"
    t = time.perf_counter()
    faiss.write_index(index, str(path))
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
    write_s = time.perf_counter() - t
    t = time.perf_counter()
    again = faiss.read_index(str(path))
    read_s = time.perf_counter() - t
    assert again.ntotal == index.ntotal
    del again
    file_bytes = path.stat().st_size
    path.unlink()
    return {"serialized_mib": size / 2**20, "file_mib": file_bytes / 2**20,
            "write_s": write_s, "read_s": read_s}


def article_update(index, xb: np.ndarray, removable: bool, threads: int, first_id: int,
                   rounds: int = 5) -> dict:
    """Add one article's 15 chunk vectors under new ids, then remove them; medians of a few
    rounds (HNSW cannot remove, so its rounds only add and its ids keep growing)."""
    import faiss

    faiss.omp_set_num_threads(threads)
    n, d = xb.shape
    rng = np.random.default_rng(7)
    adds, removes = [], []
    for r in range(rounds):
        new = xb[rng.choice(n, 15, replace=False)] + rng.standard_normal((15, d), dtype=np.float32) * np.float32(0.025)
        new /= np.linalg.norm(new, axis=1, keepdims=True)
        ids = np.arange(first_id + 15 * r, first_id + 15 * (r + 1), dtype=np.int64)
        t = time.perf_counter()
        index.add_with_ids(new, ids)
        adds.append((time.perf_counter() - t) * 1e3)
        if removable:
            t = time.perf_counter()
            removed = index.remove_ids(ids)
            removes.append((time.perf_counter() - t) * 1e3)
            assert removed == 15 and index.ntotal == n, (removed, index.ntotal)
    faiss.omp_set_num_threads(BUILD_THREADS)
    return {"add15_ms": float(np.median(adds)), "add15_all_ms": adds,
            "remove15_ms": float(np.median(removes)) if removes else None, "remove15_all_ms": removes}


def article_updates(index, xb: np.ndarray, removable: bool) -> dict:
    """On 2 threads (FAISS's default here, as the store runs) and on 1: with the cores
    shared, OpenMP's hand-offs cost more than adding 15 vectors does."""
    out = {}
    for threads in (BUILD_THREADS, 1):
        tag = "" if threads == BUILD_THREADS else "_1thread"
        row = article_update(index, xb, removable, threads, len(xb) + 1000 * threads)
        out.update({f"{k.replace('15', '15' + tag, 1)}": v for k, v in row.items()})
    if not removable:
        out["remove15"] = "unsupported (FAISS HNSW has no remove_ids)"
    return out


def measure(name: str, build, xb: np.ndarray, xq: np.ndarray, exact: np.ndarray,
            tune=None, values=(), removable: bool = True, extra: dict | None = None) -> dict:
    """Build an index, then everything measured about it; the index is freed on return."""
    import faiss

    faiss.omp_set_num_threads(BUILD_THREADS)
    release_memory()
    before = rss_mib()
    reset_peak_rss()
    t = time.perf_counter()
    index, timings = build()
    # k-means ran before, shared by both IVF indexes; counted in each one's build time.
    build_s = time.perf_counter() - t + timings.get("kmeans_s", 0.0)
    peak = peak_rss_mib()
    release_memory()  # what the index holds, without the build's freed scratch
    result = {"name": name, **(extra or {}), **timings, "build_s": build_s, "build_threads": BUILD_THREADS,
              "rss_growth_mib": rss_mib() - before, "peak_rss_growth_mib": peak - before}
    print(f"  {name}: built in {build_s:.1f} s ({timings}), +{result['rss_growth_mib']:.0f} MiB", flush=True)
    if tune is None:
        result["point"] = quality(index, xb, xq, exact)
        print(f"    {fmt_point(result['point'])}", flush=True)
    else:
        result["sweep"] = sweep(index, tune(index), values, xb, xq, exact)
        result["picks"] = picks(result["sweep"])
    result.update(persistence(index, name))
    result.update(article_updates(index, xb, removable))
    print(f"    {result['serialized_mib']:.0f} MiB, write {result['write_s']:.2f} s, read {result['read_s']:.2f} s, "
          f"add15 {result['add15_ms']:.2f} ms (1 thread {result['add15_1thread_ms']:.2f}), "
          f"remove15 {result['remove15_ms']} ms (1 thread {result['remove15_1thread_ms']})", flush=True)
    del index
    release_memory()
    return result


# ---------------------------------------------------------------- index types


def build_flat(xb: np.ndarray):
    import faiss

    def build():
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(xb.shape[1]))  # as rag/index/faiss_store.py does
        t = time.perf_counter()
        index.add_with_ids(xb, np.arange(len(xb), dtype=np.int64))
        return index, {"train_s": 0.0, "add_s": time.perf_counter() - t}
    return build


def build_hnsw(xb: np.ndarray, m: int, ef_construction: int):
    import faiss

    def build():
        inner = faiss.IndexHNSWFlat(xb.shape[1], m, faiss.METRIC_INNER_PRODUCT)
        inner.hnsw.efConstruction = ef_construction
        # Chunk ids (and reconstruct by id, which the retriever uses) need the id map.
        index = faiss.IndexIDMap2(inner)
        t = time.perf_counter()
        index.add_with_ids(xb, np.arange(len(xb), dtype=np.int64))
        return index, {"train_s": 0.0, "add_s": time.perf_counter() - t}
    return build


def set_ef(index):
    inner = faiss_downcast(index.index)

    def set_param(ef: int) -> None:
        inner.hnsw.efSearch = ef
    return set_param


def faiss_downcast(index):
    import faiss

    return faiss.downcast_index(index)


def train_quantizer(xb: np.ndarray, nlist: int, sample: np.ndarray, niter: int) -> tuple[np.ndarray, float]:
    """Spherical k-means centroids, as IndexIVF trains them for inner product."""
    import faiss

    faiss.omp_set_num_threads(BUILD_THREADS)
    t = time.perf_counter()
    kmeans = faiss.Kmeans(xb.shape[1], nlist, niter=niter, spherical=True, seed=1234,
                          max_points_per_centroid=256)
    kmeans.train(sample)
    return kmeans.centroids.copy(), time.perf_counter() - t


def build_ivf(xb: np.ndarray, centroids: np.ndarray, train_s: float, sample: np.ndarray, sq8: bool):
    import faiss

    def build():
        d, nlist = xb.shape[1], len(centroids)
        quantizer = faiss.IndexFlatIP(d)
        quantizer.add(centroids)
        if sq8:
            index = faiss.IndexIVFScalarQuantizer(quantizer, d, nlist, faiss.ScalarQuantizer.QT_8bit,
                                                  faiss.METRIC_INNER_PRODUCT)
        else:
            index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
        t = time.perf_counter()
        index.train(sample)  # the quantizer is already trained: only SQ8 learns its ranges here
        own_train_s = time.perf_counter() - t
        # The retriever reconstructs vectors by chunk id, and removal must find an id
        # without scanning every list: both need the hash table direct map.
        index.set_direct_map_type(faiss.DirectMap.Hashtable)
        t = time.perf_counter()
        index.add_with_ids(xb, np.arange(len(xb), dtype=np.int64))
        add_s = time.perf_counter() - t
        # train_s counts the shared k-means, so build_s compares with an index built alone.
        return index, {"train_s": train_s + own_train_s, "kmeans_s": train_s, "add_s": add_s}

    return build


def set_nprobe(index):
    def set_param(nprobe: int) -> None:
        index.nprobe = nprobe
    return set_param


def default_nlist(n: int) -> int:
    """The power of two nearest 4 * sqrt(n)."""
    return 2 ** round(math.log2(4 * math.sqrt(n)))


# ---------------------------------------------------------------- FTS5


def fts_bench(n: int, base: Base, questions: list[str], repeats: int) -> dict:
    from rag.index.reader import fts_match
    from rag.text import query_terms

    path = SCRATCH / f"fts-{n}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # as rag/index/schema.py
    conn.execute("CREATE VIRTUAL TABLE chunks_fts USING fts5(title, text, tokenize='porter unicode61')")
    n0 = len(base.texts)
    t = time.perf_counter()
    for lo in range(0, n, 2048):  # one commit per RAG_COMMIT_CHUNKS, as a sync does
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO chunks_fts(rowid, title, text) VALUES (?, ?, ?)",
                         ((i + 1, base.titles[i % n0], base.texts[i % n0]) for i in range(lo, min(n, lo + 2048))))
        conn.execute("COMMIT")
    build_s = time.perf_counter() - t
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())
    matches = [fts_match(query_terms(q)) for q in questions]
    sql = ("SELECT rowid, -bm25(chunks_fts, ?, 1.0) AS s FROM chunks_fts WHERE chunks_fts MATCH ? "
           "ORDER BY bm25(chunks_fts, ?, 1.0) LIMIT ?")

    def timed() -> dict:
        for m in matches:  # warm-up pass
            conn.execute(sql, (2.0, m, 2.0, K_RETRIEVER)).fetchall()
        times, cpu = [], []
        for _ in range(repeats):
            for m in matches:
                c, t = time.thread_time(), time.perf_counter()
                conn.execute(sql, (2.0, m, 2.0, K_RETRIEVER)).fetchall()
                times.append((time.perf_counter() - t) * 1e3)
                cpu.append((time.thread_time() - c) * 1e3)
        return summary(times, cpu)

    matched = [conn.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (m,)).fetchone()[0]
               for m in matches]
    as_built = timed()
    t = time.perf_counter()
    conn.execute("INSERT INTO chunks_fts(chunks_fts) VALUES('optimize')")
    optimize_s = time.perf_counter() - t
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    optimized = timed()
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return {"rows": n, "build_s": build_s, "size_mib": size / 2**20, "queries": len(matches),
            "timed_per_query": repeats, "matching_rows_median": float(np.median(matched)),
            "as_built": as_built, "optimize_s": optimize_s, "optimized": optimized}


# ---------------------------------------------------------------- driver


def hnsw_configs(spec: str, n: int) -> list[tuple[int, int]]:
    """`M:efC,...`, each optionally `@max_n` to skip it above that size (build-time cap)."""
    out = []
    for item in filter(None, spec.split(",")):
        params, _, cap = item.partition("@")
        m, ef = (int(x) for x in params.split(":"))
        if not cap or n <= int(float(cap)):
            out.append((m, ef))
    return out


def run_size(n: int, args, base: Base, queries: Queries) -> dict:
    import faiss

    xb = replicate(base.vectors, n, args.noise, args.seed)
    xq = queries.vectors
    nlist = args.nlist or default_nlist(n)
    rng = np.random.default_rng(args.seed)
    n_train = min(n, max(args.train_min, 40 * nlist))
    sample = xb[np.sort(rng.choice(n, n_train, replace=False))]
    out = {"size": n, "nlist": nlist, "train_sample": n_train, "kmeans_iter": args.kmeans_iter}
    with BenchLock(not args.no_lock):
        out["loadavg_start"] = os.getloadavg()
        t0 = time.perf_counter()
        exact = ground_truth(xb, xq, K_RETRIEVER)
        indexes = [measure("flat", build_flat(xb), xb, xq, exact)]
        for m, efc in hnsw_configs(args.hnsw, n):
            indexes.append(measure(f"hnsw{m}_efc{efc}", build_hnsw(xb, m, efc), xb, xq, exact, set_ef,
                                   EF_SEARCHES, removable=False, extra={"M": m, "efConstruction": efc}))
        centroids, kmeans_s = train_quantizer(xb, nlist, sample, args.kmeans_iter)
        for sq8 in (False, True):
            name = "ivf_sq8" if sq8 else "ivf_flat"
            values = [p for p in NPROBES if p <= nlist]
            indexes.append(measure(name, build_ivf(xb, centroids, kmeans_s, sample, sq8), xb, xq, exact,
                                   set_nprobe, values, extra={"nlist": nlist}))
        del xb, sample
        gc.collect()
        faiss.omp_set_num_threads(BUILD_THREADS)
        print("  fts5 ...", flush=True)
        out["fts5"] = fts_bench(n, base, queries.texts[: queries.questions], args.fts_repeats)
        print(f"    built {out['fts5']['build_s']:.1f} s, {out['fts5']['size_mib']:.0f} MiB, "
              f"p50 {out['fts5']['as_built']['p50_ms']:.1f} ms, optimized {out['fts5']['optimized']['p50_ms']:.1f} ms",
              flush=True)
        out["seconds"] = time.perf_counter() - t0
        out["loadavg_end"] = os.getloadavg()
    out["indexes"] = indexes
    return out


def flat_size_for(sizes: list[dict], ms: float, key: str = "p50_ms") -> float | None:
    """Corpus size at which exact search's single-query `key` reaches `ms`, on a straight
    line through the measured sizes (least squares; through the origin for one size)."""
    pts = [(r["size"], next(i for i in r["indexes"] if i["name"] == "flat")["point"][key]) for r in sizes]
    if len(pts) < 2:
        n, p = pts[0]
        return n * ms / p
    slope, intercept = np.polyfit([p[0] for p in pts], [p[1] for p in pts], 1)
    return float((ms - intercept) / slope) if slope > 0 else None


def suggestions(sizes: list[dict]) -> dict:
    """Derived figures only: where flat gets slow, and each ANN index's operating points."""
    out = {f"flat_{key[:-3]}_{ms}ms_at_size": flat_size_for(sizes, ms, key)
           for key in ("p50_ms", "cpu_p50_ms") for ms in (20, 50)}
    out["per_size"] = {}
    for r in sizes:
        row = {}
        for i in r["indexes"]:
            # What one article costs the store at this size: add its vectors, rewrite the file.
            entry = {"add_article_and_write_s": i["add15_ms"] / 1e3 + i["write_s"], "build_s": i["build_s"],
                     "file_mib": i["serialized_mib"], "removal": i["remove15_ms"] is not None}
            if "picks" in i:
                entry.update({t: p and {k: p[k] for k in ("param", "p50_ms", "p95_ms", "cpu_p50_ms",
                                                          "recall10_k10", "recall10_k50", "recall50_k50")}
                              for t, p in i["picks"].items()})
            else:
                entry.update({k: i["point"][k] for k in ("p50_ms", "p95_ms", "cpu_p50_ms")})
            row[i["name"]] = entry
        out["per_size"][str(r["size"])] = row
    return out


def markdown(sizes: list[dict]) -> str:
    head = ("size", "index", "param", "recall@10 (k=10)", "recall@10 (k=50)", "recall@50", "p50 ms",
            "p95 ms", "CPU p50 ms", "build s", "file MiB", "RSS +MiB", "write s", "read s",
            "add 15 ms (1 thread)", "remove 15 ms (1 thread)")
    lines = [table_row(head), table_row(["---"] * len(head))]
    for r in sizes:
        for i in r["indexes"]:
            if "point" in i:
                rows = [("exact", i["point"])]
            else:
                name = "nprobe" if "nlist" in i else "efSearch"
                rows = [(f"{name}={p['param']} (>= {t})", p) for t, p in i["picks"].items() if p]
                rows = rows or [(f"{name}={i['sweep'][-1]['param']} (< 0.95)", i["sweep"][-1])]
            label = f"hnsw M={i['M']} efC={i['efConstruction']}" if "M" in i else i["name"]
            label += f" nlist={i['nlist']}" if "nlist" in i else ""
            removal = ("n/a" if i["remove15_ms"] is None
                       else f"{i['remove15_ms']:.1f} ({i['remove15_1thread_ms']:.1f})")
            for param, p in rows:
                lines.append(table_row([
                    f"{r['size']:,}", label, param, f"{p['recall10_k10']:.4f}", f"{p['recall10_k50']:.4f}",
                    f"{p['recall50_k50']:.4f}", f"{p['p50_ms']:.2f}", f"{p['p95_ms']:.2f}",
                    f"{p['cpu_p50_ms']:.2f}", f"{i['build_s']:.1f}", f"{i['serialized_mib']:.0f}",
                    f"{i['rss_growth_mib']:.0f}", f"{i['write_s']:.2f}", f"{i['read_s']:.2f}",
                    f"{i['add15_ms']:.1f} ({i['add15_1thread_ms']:.1f})", removal]))
    head = ("size", "FTS5 build s", "size MiB", "matching rows (median)", "p50 ms", "p95 ms", "CPU p50 ms",
            "optimize s", "p50 ms optimized", "p95 ms optimized")
    lines += ["", table_row(head), table_row(["---"] * len(head))]
    for r in sizes:
        f = r["fts5"]
        lines.append(table_row([
            f"{r['size']:,}", f"{f['build_s']:.1f}", f"{f['size_mib']:.0f}", f"{f['matching_rows_median']:.0f}",
            f"{f['as_built']['p50_ms']:.1f}", f"{f['as_built']['p95_ms']:.1f}", f"{f['as_built']['cpu_p50_ms']:.1f}",
            f"{f['optimize_s']:.1f}", f"{f['optimized']['p50_ms']:.1f}", f"{f['optimized']['p95_ms']:.1f}"]))
    return "\n".join(lines)


def table_row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--embed":
        embed_to(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated chunk counts")
    parser.add_argument("--index", type=Path, default=Path("/tmp/news-index"), help="built news-dev index")
    parser.add_argument("--questions", type=Path, default=NEWS_DEV / "questions.jsonl")
    parser.add_argument("--queries", type=int, default=500, help="questions plus titles")
    parser.add_argument("--noise", type=float, default=0.025, help="Gaussian noise per dimension of a copy")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--hnsw", default="32:40,16:40,32:80", help="M:efConstruction[@max_size],...")
    parser.add_argument("--nlist", type=int, default=0, help="IVF lists (default: power of two near 4*sqrt(N))")
    parser.add_argument("--train-min", type=int, default=50_000, help="least IVF training sample (else 40*nlist)")
    parser.add_argument("--kmeans-iter", type=int, default=20)
    parser.add_argument("--fts-repeats", type=int, default=3, help="timed passes over the questions")
    parser.add_argument("--no-lock", action="store_true", help="smoke runs only: timings not comparable")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/scale.json")
    parser.add_argument("--report", action="store_true",
                        help="re-derive suggestions in --out and print its tables, measuring nothing")
    args = parser.parse_args()
    if args.report:  # re-derives the suggestions (no measurement) and prints the tables
        result = json.loads(args.out.read_text())
        result["suggestions"] = suggestions(result["sizes"])
        write_result(args.out, result)
        print(markdown(result["sizes"]))
        print(json.dumps(result["suggestions"], indent=2))
        return

    SCRATCH.mkdir(parents=True, exist_ok=True)
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    base = load_base(args.index)
    queries = load_queries(args.index, args.questions, args.queries, args.seed)
    import faiss

    faiss.omp_set_num_threads(BUILD_THREADS)
    overlap = float(ground_truth(base.vectors, queries.vectors, 1).max())
    result = {
        "params": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "faiss": faiss.__version__, "sqlite": sqlite3.sqlite_version, "cpus": os.cpu_count(),
        "build_threads": BUILD_THREADS, "search_threads": 1, "k_retriever": K_RETRIEVER,
        "base_chunks": len(base.vectors), "dimension": int(base.vectors.shape[1]),
        "queries": {"total": len(queries.texts), "questions": queries.questions,
                    "titles": len(queries.texts) - queries.questions,
                    "max_cosine_to_any_base_chunk": overlap},
        "copies": copy_cosines(base.vectors, args.noise, args.seed),
        "sizes": [],
    }
    print(json.dumps({k: result[k] for k in ("base_chunks", "queries", "copies")}, indent=1), flush=True)
    for n in sizes:
        print(f"size {n:,}", flush=True)
        result["sizes"].append(run_size(n, args, base, queries))
        result["suggestions"] = suggestions(result["sizes"])
        write_result(args.out, result)  # after each size: partial runs keep theirs
    print(markdown(result["sizes"]))
    print(json.dumps(result["suggestions"], indent=2))


if __name__ == "__main__":
    main()
