"""Question -> Passages: dense (FAISS) and lexical (BM25: the tantivy mirror, or FTS5)
candidates fused by RRF."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

import numpy as np

from .embed import Embedder
from .index import IndexReader
from .text import WORD, query_terms
from .types import ArticleRow, ChunkRow, Filter, Passage

Mode = Literal["hybrid", "dense", "lexical"]

# Words that make a question lean on the previous turn ("What did he say about Aleppo?").
_ANAPHORA = frozenset("he she him her his hers they them their theirs it its this that these those".split())


def follow_up_query(question: str, history: Sequence[dict] = ()) -> str:
    """Deterministic context for retrieval: a question that leans on the previous turn
    (a pronoun, or hardly any content words) is searched together with that turn."""
    previous = [m["content"] for m in history if m.get("role") == "user" and m.get("content")]
    if not previous:
        return question
    words = set(WORD.findall(question.lower()))
    if words & _ANAPHORA or len(query_terms(question)) < 3:
        return f"{previous[-1]} {question}"
    return question


class Retriever:
    """Hybrid retrieval over one open index; cheap to build, holds no model of its own."""

    def __init__(self, reader: IndexReader, embedder: Embedder, *, pool: int = 50,
                 rrf_k: int = 60, dense_weight: float = 1.0, lexical_weight: float = 1.5,
                 title_weight: float = 2.0, per_article: int = 1, max_merge: int = 3,
                 mmr: float = 0.0, mmr_candidates: int = 4, date_boost: float = 1.0):
        self.reader = reader
        self.embedder = embedder
        self.pool = pool
        self.rrf_k = rrf_k
        self.weights = {"dense": dense_weight, "lexical": lexical_weight}
        self.title_weight = title_weight
        self.per_article = per_article
        self.max_merge = max_merge
        self.mmr = mmr
        self.mmr_candidates = mmr_candidates  # MMR picks k passages from this many times k
        self.date_boost = date_boost

    def retrieve(self, query: str, k: int = 5, mode: Mode = "hybrid",
                 vector: np.ndarray | None = None, per_article: int | None = None,
                 where: Filter | None = None, prefer: Filter | None = None) -> list[Passage]:
        """The k best passages; `vector` is the query's embedding if the caller has it, and
        `per_article` overrides how many passages one article may give. Only articles that
        `where` lets through are searched (none: no passages); among them, those `prefer` lets
        through are ranked again on their own and that ranking is fused in with weight
        `date_boost` times its side's, which lifts them without dropping the others."""
        qvec = self.embedder.embed([query])[0] if vector is None else vector
        ids = None
        if where:
            ids = self.reader.chunk_ids(where)
            if not len(ids):
                return []
        ranked = self._rank(query, qvec, mode, where, ids)
        weights = dict(self.weights)
        if prefer and self.date_boost:
            # Only dated articles can be inside the preferred period.
            near = (where or Filter()).narrowed(prefer.since, prefer.until, undated=False)
            near_ids = self.reader.chunk_ids(near)
            if len(near_ids):
                for side, found in self._rank(query, qvec, mode, near, near_ids).items():
                    ranked[f"{side} preferred"] = found
                    weights[f"{side} preferred"] = self.weights[side] * self.date_boost
        return self._passages(fuse(ranked, weights, self.rrf_k), qvec, k, per_article or self.per_article)

    def spoken_by(self, name: str, query: str, vector: np.ndarray, k: int, taken: Sequence[int] = (),
                  where: Filter | None = None) -> list[Passage]:
        """Up to k passages of the statements of the speaker `name` (one per article) that best
        match the query, from chunks not `taken` already."""
        return self._among(self.reader.spoken_by(name, where) if k else (), query, vector, k, taken, where)

    def holding(self, phrases: Sequence[str], query: str, vector: np.ndarray, k: int, taken: Sequence[int] = (),
                where: Filter | None = None) -> list[Passage]:
        """Up to k passages holding one of the phrases (an office's title: "foreign minister"),
        one per article, that best match the query, from chunks not `taken` already."""
        return self._among(self.reader.holding(phrases, where) if k else (), query, vector, k, taken, where)

    def _among(self, ids: Sequence[int], query: str, vector: np.ndarray, k: int, taken: Sequence[int],
               where: Filter | None) -> list[Passage]:
        """Up to k passages of the chunks `ids`, not `taken`, one per article, best matching the query."""
        ids = np.setdiff1d(np.asarray(ids, dtype=np.int64), np.asarray(taken, dtype=np.int64))
        if not k or not len(ids):
            return []
        return self._passages(fuse(self._rank(query, vector, "hybrid", where, ids), self.weights, self.rrf_k),
                              vector, k, 1)

    def _rank(self, query: str, qvec: np.ndarray, mode: Mode, where: Filter | None,
              ids: np.ndarray | None) -> dict[str, list[int]]:
        """Chunk ids best first, per side (dense, lexical), among `ids` / `where` if given."""
        ranked: dict[str, list[int]] = {}
        if mode in ("hybrid", "dense"):
            _, found = self.reader.search(qvec[None, :], self.pool, ids)
            ranked["dense"] = [int(i) for i in found[0] if i >= 0]
        if mode in ("hybrid", "lexical"):
            hits = self.reader.lexical(query_terms(query), self.pool, self.title_weight, where, ids)
            ranked["lexical"] = [cid for cid, _ in hits]
        return ranked

    def _passages(self, fused: dict[int, float], qvec: np.ndarray, k: int, limit: int) -> list[Passage]:
        if not fused:
            return []
        rows = self.reader.chunk_rows(list(fused))
        # A Qdrant server may hold chunks newer than this reader's snapshot: skip them.
        fused = {cid: score for cid, score in fused.items() if cid in rows}
        if not fused:
            return []
        groups = merge_runs(list(fused), rows, self.max_merge)
        groups.sort(key=lambda g: max(fused[c] for c in g), reverse=True)
        per_article: dict[str, int] = {}
        allowed = []
        for group in groups:
            article = rows[group[0]].article_id
            if per_article.get(article, 0) < limit:
                per_article[article] = per_article.get(article, 0) + 1
                allowed.append(group)
        candidates = allowed[: self.mmr_candidates * k] if self.mmr else allowed[:k]
        # One query for the vectors of every chunk that may be shown: lexical hits have no
        # dense score yet, and MMR compares passages by them.
        vectors = self.reader.chunk_vectors([cid for g in candidates for cid in g])
        chosen = self._diverse(candidates, fused, k, vectors) if self.mmr else candidates
        articles = self.reader.article_rows({rows[g[0]].article_id for g in chosen})
        chosen = self._answered(chosen, rows, articles, vectors)
        sims = {cid: float(vectors[cid] @ qvec) for g in chosen for cid in g}
        passages = []
        for group in chosen:
            article_id = rows[group[0]].article_id
            a = articles[article_id]
            start, end = rows[group[0]].start, max(rows[c].end for c in group)
            passages.append(Passage(article_id, a.title, a.source, a.date, start, end, a.text[start:end],
                                    max(fused.get(c, 0.0) for c in group), max(sims[c] for c in group),
                                    tuple(group), a.outlet, a.author))
        return passages

    def _answered(self, groups: list[list[int]], rows: dict[int, ChunkRow], articles: dict[str, ArticleRow],
                  vectors: dict[int, np.ndarray]) -> list[list[int]]:
        """Passages that end in a question, with the chunk after it: an interview's question
        is evidence only with its answer, which opens the next chunk. `rows` and `vectors`
        gain the chunks added."""
        asking = [g[-1] for g in groups if _ENDS_ASKING.search(
            articles[rows[g[0]].article_id].text[rows[g[0]].start:max(rows[c].end for c in g)])]
        if not asking:
            return groups
        taken = {c for g in groups for c in g}
        following = {cid: nxt for cid, nxt in self.reader.next_chunks(asking).items() if nxt[0] not in taken}
        for nid, row in following.values():
            rows[nid] = row
        vectors.update(self.reader.chunk_vectors([nid for nid, _ in following.values()]))
        return [g + [following[g[-1]][0]] if g[-1] in following else g for g in groups]

    def _diverse(self, groups: list[list[int]], fused: dict[int, float], k: int,
                 chunk_vectors: dict[int, np.ndarray]) -> list[list[int]]:
        """Maximal marginal relevance over passages (mean chunk vector, best fused score)."""
        vectors = []
        for g in groups:
            v = np.mean([chunk_vectors[c] for c in g], axis=0)
            vectors.append(v / (np.linalg.norm(v) or 1.0))
        relevance = np.array([max(fused[c] for c in g) for g in groups])
        return [groups[i] for i in mmr(np.array(vectors), relevance, k, self.mmr)]


def fuse(ranked: dict[str, list[int]], weights: dict[str, float], rrf_k: int) -> dict[int, float]:
    """Reciprocal rank fusion: each ranking adds weight / (rrf_k + rank) to its ids."""
    fused: dict[int, float] = {}
    for name, ids in ranked.items():
        for rank, cid in enumerate(ids):
            fused[cid] = fused.get(cid, 0.0) + weights[name] / (rrf_k + rank + 1)
    return fused


_ENDS_ASKING = re.compile(r"\?[\"”’')\]]*\s*$")


def merge_runs(ids: Sequence[int], rows: dict[int, ChunkRow], max_merge: int) -> list[list[int]]:
    """Chunk ids grouped into passages: neighbouring or overlapping chunks of one article,
    in article order, at most `max_merge` per passage (they read better as one). Articles
    come in the order of their first id in `ids`."""
    by_article: dict[str, list[int]] = {}
    for cid in ids:
        by_article.setdefault(rows[cid].article_id, []).append(cid)
    groups: list[list[int]] = []
    for cids in by_article.values():
        cids.sort(key=lambda c: rows[c].ord)
        run = [cids[0]]
        for cid in cids[1:]:
            prev = rows[run[-1]]
            if (rows[cid].ord == prev.ord + 1 or rows[cid].start <= prev.end) and len(run) < max_merge:
                run.append(cid)
            else:
                groups.append(run)
                run = [cid]
        groups.append(run)
    return groups


def mmr(vectors: np.ndarray, relevance: np.ndarray, k: int, weight: float) -> list[int]:
    """Maximal marginal relevance: indices of k rows, each next one trading relevance
    (scaled to 0..1) against likeness to the rows already chosen, by `weight`."""
    relevance = relevance / (relevance.max() or 1.0)
    chosen: list[int] = []
    while len(chosen) < min(k, len(vectors)):
        best, best_score = -1, -np.inf
        for i in range(len(vectors)):
            if i in chosen:
                continue
            likeness = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
            score = weight * relevance[i] - (1 - weight) * likeness
            if score > best_score:
                best, best_score = i, score
        chosen.append(best)
    return chosen

