"""Question -> Passages: dense (FAISS) and lexical (FTS5 BM25) candidates fused by RRF."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np

from .embed import Embedder
from .store import IndexReader
from .text import WORD, query_terms
from .types import Passage

Mode = Literal["hybrid", "dense", "lexical"]

# Words that make a question lean on the previous turn ("What did he say about Aleppo?").
_ANAPHORA = frozenset("he she him her his hers they them their theirs it its this that these those".split())


def fts_match(terms: Sequence[str]) -> str:
    """An FTS5 expression matching any of the terms (quoted, so no term is an operator)."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


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
                 mmr: float = 0.0, mmr_candidates: int = 4):
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

    def retrieve(self, query: str, k: int = 5, mode: Mode = "hybrid",
                 vector: np.ndarray | None = None) -> list[Passage]:
        """The k best passages; `vector` is the query's embedding if the caller has it."""
        qvec = self.embedder.embed([query])[0] if vector is None else vector
        ranked: dict[str, list[int]] = {}
        if mode in ("hybrid", "dense"):
            _, ids = self.reader.search(qvec[None, :], self.pool)
            ranked["dense"] = [int(i) for i in ids[0] if i >= 0]
        if mode in ("hybrid", "lexical"):
            hits = self.reader.lexical(fts_match(query_terms(query)), self.pool, self.title_weight)
            ranked["lexical"] = [cid for cid, _ in hits]
        fused: dict[int, float] = {}
        for name, ids in ranked.items():
            for rank, cid in enumerate(ids):
                fused[cid] = fused.get(cid, 0.0) + self.weights[name] / (self.rrf_k + rank + 1)
        return self._passages(fused, qvec, k)

    def _passages(self, fused: dict[int, float], qvec: np.ndarray, k: int) -> list[Passage]:
        if not fused:
            return []
        rows = self.reader.chunk_rows(list(fused))
        # A Qdrant server may hold chunks newer than this reader's snapshot: skip them.
        fused = {cid: score for cid, score in fused.items() if cid in rows}
        if not fused:
            return []
        by_article: dict[str, list[int]] = {}
        for cid in fused:
            by_article.setdefault(rows[cid].article_id, []).append(cid)
        groups: list[list[int]] = []
        for cids in by_article.values():
            cids.sort(key=lambda c: rows[c].ord)
            run = [cids[0]]
            for cid in cids[1:]:
                prev = rows[run[-1]]
                # Neighbouring or overlapping chunks read better as one passage.
                if (rows[cid].ord == prev.ord + 1 or rows[cid].start <= prev.end) and len(run) < self.max_merge:
                    run.append(cid)
                else:
                    groups.append(run)
                    run = [cid]
            groups.append(run)
        groups.sort(key=lambda g: max(fused[c] for c in g), reverse=True)
        per_article: dict[str, int] = {}
        allowed = []
        for group in groups:
            article = rows[group[0]].article_id
            if per_article.get(article, 0) < self.per_article:
                per_article[article] = per_article.get(article, 0) + 1
                allowed.append(group)
        candidates = allowed[: self.mmr_candidates * k] if self.mmr else allowed[:k]
        # One query for the vectors of every chunk that may be shown: lexical hits have no
        # dense score yet, and MMR compares passages by them.
        vectors = self.reader.chunk_vectors([cid for g in candidates for cid in g])
        chosen = self._diverse(candidates, fused, k, vectors) if self.mmr else candidates
        articles = self.reader.article_rows({rows[g[0]].article_id for g in chosen})
        sims = {cid: float(vectors[cid] @ qvec) for g in chosen for cid in g}
        passages = []
        for group in chosen:
            article_id = rows[group[0]].article_id
            a = articles[article_id]
            start, end = rows[group[0]].start, max(rows[c].end for c in group)
            passages.append(Passage(article_id, a.title, a.source, a.date, start, end, a.text[start:end],
                                    max(fused[c] for c in group), max(sims[c] for c in group),
                                    tuple(group)))
        return passages

    def _diverse(self, groups: list[list[int]], fused: dict[int, float], k: int,
                 chunk_vectors: dict[int, np.ndarray]) -> list[list[int]]:
        """Maximal marginal relevance: each next passage trades relevance (fused score,
        scaled to 0..1) against likeness to the passages already chosen."""
        vectors = []
        for g in groups:
            v = np.mean([chunk_vectors[c] for c in g], axis=0)
            vectors.append(v / (np.linalg.norm(v) or 1.0))
        relevance = np.array([max(fused[c] for c in g) for g in groups])
        relevance = relevance / (relevance.max() or 1.0)
        chosen: list[int] = []
        while len(chosen) < min(k, len(groups)):
            best, best_score = -1, -np.inf
            for i in range(len(groups)):
                if i in chosen:
                    continue
                likeness = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
                score = self.mmr * relevance[i] - (1 - self.mmr) * likeness
                if score > best_score:
                    best, best_score = i, score
            chosen.append(best)
        return [groups[i] for i in chosen]


def as_langchain_retriever(retriever: Retriever, k: int = 5, mode: Mode = "hybrid"):
    """The index as a langchain-core BaseRetriever, for use in LangChain chains."""
    from langchain_core.callbacks import CallbackManagerForRetrieverRun
    from langchain_core.documents import Document
    from langchain_core.retrievers import BaseRetriever

    class IndexRetriever(BaseRetriever):
        """Hybrid FAISS + FTS5 retrieval over a rag index."""

        def _get_relevant_documents(self, query: str, *,
                                    run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
            return [
                Document(page_content=p.text, metadata={
                    "article_id": p.article_id, "title": p.title, "source": p.source,
                    "date": p.date, "start": p.start, "end": p.end, "score": p.score})
                for p in retriever.retrieve(query, k, mode)
            ]

    return IndexRetriever()
