"""Where `rag index` spends its time: `Indexer.sync` under cProfile, split into embedding
(inside `embed_spans`), chunking and tokenising, reading the corpus, SQLite and FAISS.

Each part's entry points are wrapped in timers that count a call only once however deep
(the splitter calls back into the chunker's token counter) and take nested parts out of
their parent (FAISS calls made by the store are FAISS, not SQLite); "other" is the rest of
the wall time (planning, Python glue). The model is loaded (and for ONNX exported) before
profiling starts. cProfile's per-call cost falls on Python-heavy code (chunking, SQLite rows)
far more than on the model, so the embedding share measured under it is a lower bound.

    flock /tmp/bench.lock .venv/bin/python bench/profile_index.py [--corpus ../shared/eval/news-dev/corpus.jsonl] [--limit 400] [--backend onnx-int8] [--index DIR]
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from rag import chunk, embed, ingest, sync  # noqa: E402
from rag.index import faiss_store, writer  # noqa: E402
from rag.embed import BACKENDS  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.sync import Indexer  # noqa: E402


class Parts:
    """Exclusive wall time per part: a call inside the same part is not counted again, and a
    call into another part is taken out of the part it was made from."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.stack: list[list] = []  # [part, started, seconds spent in nested parts]

    def wrap(self, owner, name: str, part: str) -> None:
        inner = getattr(owner, name)
        parts = self

        @functools.wraps(inner)
        def timed(*args, **kwargs):
            if parts.stack and parts.stack[-1][0] == part:
                return inner(*args, **kwargs)
            frame = [part, time.perf_counter(), 0.0]
            parts.stack.append(frame)
            try:
                return inner(*args, **kwargs)
            finally:
                parts.stack.pop()
                spent = time.perf_counter() - frame[1]
                parts.seconds[part] = parts.seconds.get(part, 0.0) + spent - frame[2]
                if parts.stack:
                    parts.stack[-1][2] += spent

        setattr(owner, name, timed)

    def wrap_class(self, cls, part: str) -> None:
        for name, value in vars(cls).items():
            plain = callable(value) and not isinstance(value, (staticmethod, classmethod, type))
            if plain and not name.startswith("__"):
                self.wrap(cls, name, part)


def instrument() -> Parts:
    parts = Parts()
    parts.wrap(embed.SentenceTransformerEmbedder, "embed_spans", "embedding")
    for name in ("split", "embedding_inputs"):
        parts.wrap(chunk.Chunker, name, "chunking")
    for name in ("sentence_spans", "chunk_sentences"):
        parts.wrap(sync, name, "chunking")
    for name in ("stamps", "read"):
        parts.wrap(ingest.CorpusReader, name, "reading")
    parts.wrap(writer.IndexWriter, "open", "sqlite")
    parts.wrap_class(writer.IndexWriter, "sqlite")
    parts.wrap_class(faiss_store.FaissVectors, "faiss")
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/eval/news-dev/corpus.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="first N lines of a .jsonl corpus (0: all)")
    parser.add_argument("--backend", choices=BACKENDS, default=Settings().embed_backend)
    parser.add_argument("--index", type=Path, help="build here and keep it (must not exist yet)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/profile_index.json")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="rag-profile-"))
    corpus = args.corpus
    if args.limit:
        corpus = work / "corpus.jsonl"
        with args.corpus.open(encoding="utf-8") as lines:
            corpus.write_text("".join(line for _, line in zip(range(args.limit), lines)), encoding="utf-8")
    index = args.index or work / "index"
    if index.exists():
        sys.exit(f"{index} exists; profile a fresh build")
    settings = Settings(corpus=corpus, index=index, embed_backend=args.backend)
    indexer = Indexer(settings, progress=False, on_message=lambda m: None)
    indexer.embedder.embed(["warm up"])  # load (and export) outside the profile
    indexer.chunker  # noqa: B018

    parts = instrument()
    profile = cProfile.Profile()
    started = time.perf_counter()
    report = profile.runcall(indexer.sync)
    wall = time.perf_counter() - started
    stats = pstats.Stats(profile).stats

    seconds = {name: parts.seconds.get(name, 0.0)
               for name in ("embedding", "chunking", "reading", "sqlite", "faiss")}
    seconds["other"] = wall - sum(seconds.values())
    own = sorted(((v[2], f) for f, v in stats.items()), reverse=True)
    result = {
        "corpus": str(args.corpus), "limit": args.limit or None, "backend": args.backend,
        "model_id": indexer.embedder.model_id, "articles": report.articles_total,
        "chunks": report.chunks_total, "wall_s": round(wall, 2),
        "seconds": {k: round(v, 2) for k, v in seconds.items()},
        "share": {k: round(v / wall, 4) for k, v in seconds.items()},
        "embedding_target_met": seconds["embedding"] / wall >= 0.90,
        "top_self_time": [{"function": f"{Path(f[0]).name}:{f[1]}:{f[2]}", "seconds": round(t, 2)}
                          for t, f in own[:12]],
    }
    print(f"{result['articles']} articles, {result['chunks']} chunks, {wall:.1f} s under cProfile "
          f"({args.backend})")
    print(f"{'part':<10} {'seconds':>9} {'share':>7}")
    for name, value in seconds.items():
        print(f"{name:<10} {value:>9.1f} {value / wall:>7.1%}")
    print("largest self times (time in the function itself, not its callees):")
    for row in result["top_self_time"]:
        print(f"  {row['seconds']:>8.1f}  {row['function']}")
    write_result(args.out, result)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
