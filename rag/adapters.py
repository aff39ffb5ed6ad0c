"""LangChain-facing adapters, in one place: the index as a `BaseRetriever` of passages.

Checked by LangChain's own standard test suite (tests/test_langchain.py).
"""

from __future__ import annotations

from typing import get_args

from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables.config import run_in_executor
from pydantic import ConfigDict, Field

from .errors import RagError
from .pipeline import Pipeline
from .retrieve import Mode, Retriever

from .types import Passage

# --- Retriever ------------------------------------------------------------------------


def passage_document(p: Passage) -> Document:
    """A passage as a LangChain Document; its id names the article span, unique per index."""
    return Document(
        id=f"{p.article_id}:{p.start}-{p.end}",
        page_content=p.text,
        metadata={"article_id": p.article_id, "title": p.title, "source": p.source, "date": p.date,
                  "start": p.start, "end": p.end, "score": p.score, "similarity": p.similarity,
                  "chunk_ids": list(p.chunk_ids)},
    )


class IndexRetriever(BaseRetriever):
    """Hybrid FAISS + FTS5 retrieval over a rag index, as a LangChain retriever.

    `invoke(query, k=..., mode=...)` overrides the fields for one call."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    #: A Pipeline (follows its index after each `refresh`) or a Retriever (one snapshot).
    source: Pipeline | Retriever
    #: Passages per query; None: the pipeline's RAG_K (5 for a bare Retriever).
    k: int | None = Field(default=None, ge=1)
    #: hybrid, dense or lexical; None: the pipeline's RAG_RETRIEVER (hybrid for a Retriever).
    mode: Mode | None = None

    def passages(self, query: str, k: int | None = None, mode: Mode | None = None) -> list[Passage]:
        """The passages behind the Documents; arguments left None take the fields' values."""
        if isinstance(self.source, Pipeline):
            # As Pipeline.stream takes it: under its lock, so a concurrent `refresh` cannot
            # leave a retriever over the old snapshot cached.
            with self.source._lock:
                retriever = self.source.retriever
            default_k, default_mode = self.source.settings.k, self.source.settings.retriever
        else:
            retriever, default_k, default_mode = self.source, 5, "hybrid"
        k = next(n for n in (k, self.k, default_k) if n is not None)
        mode = mode or self.mode or default_mode
        if k < 1:
            raise RagError(f"k must be at least 1, not {k}")
        if mode not in get_args(Mode):
            raise RagError(f"unknown retrieval mode {mode!r}; use hybrid, dense or lexical")
        return retriever.retrieve(query, k, mode)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                k: int | None = None, mode: Mode | None = None) -> list[Document]:
        return [passage_document(p) for p in self.passages(query, k, mode)]

    async def _aget_relevant_documents(self, query: str, *, run_manager: AsyncCallbackManagerForRetrieverRun,
                                       k: int | None = None, mode: Mode | None = None) -> list[Document]:
        # BaseRetriever's default would drop k and mode on the way to the sync method.
        return await run_in_executor(None, self._get_relevant_documents, query,
                                     run_manager=run_manager.get_sync(), k=k, mode=mode)
