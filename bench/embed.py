"""Embedding backends side by side: torch fp32, ONNX fp32 and ONNX int8 on the same chunks.

The chunk texts and sentence spans are exactly what `rag index` embeds (the Indexer's chunker
and its `embed_articles`, which prepends titles and maps sentence spans), from the first articles of
the corpus. All three backends are loaded in this one process; each round times
`embed_spans` (what the index calls) of every backend on all the chunks, the order rotated
from round to round. Reported: per-backend median chunks/s, the median of the per-round
ratios to torch, and cosines of each ONNX backend's chunk and sentence vectors to torch's.

    flock /tmp/bench.lock .venv/bin/python bench/embed.py [--corpus ../shared/eval/news-dev/corpus.jsonl] [--chunks 1500] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from rag.embed import BACKENDS, INT8_CONFIG, SentenceTransformerEmbedder  # noqa: E402
from rag.ingest import CorpusReader  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.sync import Indexer  # noqa: E402


class Recorder:
    """Stands in for the model inside `Indexer.embed_articles` to keep what it would be given."""

    def __init__(self, real: SentenceTransformerEmbedder) -> None:
        self.real, self.texts, self.spans = real, [], []

    def __getattr__(self, name):
        return getattr(self.real, name)

    def embed_spans(self, texts, spans):
        self.texts += texts
        self.spans += spans
        dim = self.real.dimension
        return np.zeros((len(texts), dim), np.float32), [np.zeros((len(s), dim), np.float32) for s in spans]


def pipeline_inputs(corpus: Path, chunks: int, embedder) -> tuple[Recorder, int]:
    """The first articles' embedding inputs, until `chunks` chunks; and the article count."""
    reader = CorpusReader(corpus, 2**30)
    recorder = Recorder(embedder)
    indexer = Indexer(Settings(corpus=corpus), recorder, progress=False, on_message=lambda m: None)
    stamps, _ = reader.stamps()
    batch = []
    for stamp in stamps:
        for article in reader.read(stamp).articles:
            batch.append((article, stamp.path, indexer.chunker.split(article)))
            if sum(len(c) for *_, c in batch) >= chunks:
                indexer.embed_articles(batch)
                return recorder, len(batch)
    indexer.embed_articles(batch)
    return recorder, len(batch)


def cpu_flags() -> list[str]:
    wanted = {"avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8"}
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("flags"):
            return sorted(wanted & set(line.split()))
    return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/eval/news-dev/corpus.jsonl")
    parser.add_argument("--chunks", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/embed.json")
    args = parser.parse_args()

    settings = Settings()
    models = {b: SentenceTransformerEmbedder(progress=False, backend=b, cache_dir=settings.model_cache)
              for b in BACKENDS}
    for model in models.values():
        model.embed(["warm up"])  # load (and export, the first time) outside every timed region
    recorder, articles = pipeline_inputs(args.corpus, args.chunks, models["torch"])
    texts, spans = recorder.texts, recorder.spans
    print(f"{len(texts)} chunks ({sum(map(len, spans))} sentences) from {articles} articles", file=sys.stderr)

    seconds: dict[str, list[float]] = {b: [] for b in BACKENDS}
    outputs = {}
    for r in range(args.rounds):
        order = BACKENDS[r % len(BACKENDS):] + BACKENDS[:r % len(BACKENDS)]
        for backend in order:
            t = time.perf_counter()
            outputs[backend] = models[backend].embed_spans(texts, spans)
            seconds[backend].append(time.perf_counter() - t)
            rate = len(texts) / seconds[backend][-1]
            print(f"round {r + 1} {backend}: {rate:.1f} chunks/s", file=sys.stderr)

    vectors, pooled = outputs["torch"]
    torch_sentences = np.concatenate(pooled)
    result = {
        "corpus": str(args.corpus), "articles": articles, "chunks": len(texts),
        "sentences": len(torch_sentences), "rounds": args.rounds, "batch_size": settings.embed_batch_size,
        "cpu_flags": cpu_flags(), "quantization": INT8_CONFIG,
        "threads": {"torch": torch.get_num_threads(), "cpus": os.cpu_count()},
        "chunks_per_s_median": {b: round(len(texts) / statistics.median(s), 2) for b, s in seconds.items()},
        "seconds": {b: [round(x, 2) for x in s] for b, s in seconds.items()},
        "speedup_vs_torch_median": {},
        "speedup_vs_torch_per_round": {},
        "cosine_to_torch": {},
    }
    for backend in BACKENDS[1:]:
        ratios = [t / o for t, o in zip(seconds["torch"], seconds[backend], strict=True)]
        result["speedup_vs_torch_per_round"][backend] = [round(x, 3) for x in ratios]
        result["speedup_vs_torch_median"][backend] = round(statistics.median(ratios), 3)
        v, p = outputs[backend]
        chunk_cos = (v * vectors).sum(axis=1)
        sentence_cos = (np.concatenate(p) * torch_sentences).sum(axis=1)
        result["cosine_to_torch"][backend] = {
            "chunks_mean": round(float(chunk_cos.mean()), 5), "chunks_min": round(float(chunk_cos.min()), 5),
            "sentences_mean": round(float(sentence_cos.mean()), 5),
            "sentences_min": round(float(sentence_cos.min()), 5),
        }
    write_result(args.out, result)
    shown = ("chunks_per_s_median", "speedup_vs_torch_median", "cosine_to_torch")
    print(json.dumps({k: result[k] for k in shown}, indent=2))


if __name__ == "__main__":
    main()
