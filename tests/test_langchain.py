"""The LangChain interfaces, held to LangChain's own standard test suites (langchain-tests)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from langchain_tests.integration_tests import RetrieversIntegrationTests

from rag.adapters import IndexRetriever
from rag.errors import RagError
from rag.pipeline import Pipeline
from rag.settings import Settings

from rag.sync import Indexer

from .conftest import SEEDS

LAVROV = "What did Lavrov say about the goals of the US-led coalition?"


@pytest.fixture(scope="module")
def seed_pipeline(tmp_path_factory: pytest.TempPathFactory, embedder) -> Pipeline:
    """A real index of the seed articles (the packaged MiniLM), built once for this module."""
    root = tmp_path_factory.mktemp("lc-seeds")
    shutil.copytree(SEEDS, root / "corpus")
    with pytest.MonkeyPatch.context() as mp:
        for key in [k for k in os.environ if k.startswith("RAG_")]:
            mp.delenv(key)  # module scope runs before the per-test `hermetic` fixture
        settings = Settings(corpus=root / "corpus", index=root / "index", llm="extractive")
    Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    return Pipeline(settings, embedder)


class TestIndexRetrieverStandard(RetrieversIntegrationTests):
    """LangChain's retriever suite against the seed index, through a Pipeline."""

    @pytest.fixture(autouse=True)
    def _index(self, seed_pipeline: Pipeline) -> None:
        self.pipeline = seed_pipeline

    @property
    def retriever_constructor(self) -> type[IndexRetriever]:
        return IndexRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"source": self.pipeline}

    @property
    def retriever_query_example(self) -> str:
        return LAVROV


def test_retriever_documents_are_passages_with_ids_and_metadata(seed_pipeline: Pipeline) -> None:
    docs = IndexRetriever(source=seed_pipeline.retriever, k=4).invoke(LAVROV, k=2)
    assert len(docs) == 2
    assert docs[0].metadata["article_id"].startswith("003_")  # the Lavrov article
    for doc in docs:
        meta = doc.metadata
        assert set(meta) == {"article_id", "title", "source", "date", "start", "end", "score",
                             "similarity", "chunk_ids", }
        article = seed_pipeline.reader.article_rows([meta["article_id"]])[meta["article_id"]]
        assert article.text[meta["start"]:meta["end"]] == doc.page_content
        assert doc.id == f"{meta['article_id']}:{meta['start']}-{meta['end']}"
        assert meta["chunk_ids"] and all(isinstance(c, int) for c in meta["chunk_ids"])
        assert meta["title"] == article.title and -1 <= meta["similarity"] <= 1
    assert len({d.id for d in docs}) == 2


def test_retriever_runtime_arguments_override_the_fields(seed_pipeline: Pipeline) -> None:
    retriever = IndexRetriever(source=seed_pipeline, k=4, mode="dense")
    assert len(retriever.invoke(LAVROV)) == 4
    assert len(retriever.invoke(LAVROV, k=1)) == 1
    # A word no chunk holds: lexical retrieval finds nothing, dense always finds something.
    assert retriever.invoke("zyxwvut") and retriever.invoke("zyxwvut", mode="lexical") == []
    with pytest.raises(TypeError):
        retriever.invoke(LAVROV, top_n=2)
    with pytest.raises(RagError, match="at least 1"):
        retriever.invoke(LAVROV, k=0)
    with pytest.raises(RagError, match="unknown retrieval mode"):
        retriever.invoke(LAVROV, mode="semantic")


async def test_retriever_ainvoke_honours_k(seed_pipeline: Pipeline) -> None:
    retriever = IndexRetriever(source=seed_pipeline)
    assert len(await retriever.ainvoke(LAVROV)) == seed_pipeline.settings.k
    docs = await retriever.ainvoke(LAVROV, k=2)
    assert [d.id for d in docs] == [d.id for d in retriever.invoke(LAVROV, k=2)]


def test_retriever_follows_a_refreshed_pipeline(tmp_path: Path, embedder, corpus: Path, settings: Settings) -> None:
    indexer = Indexer(settings, embedder, progress=False, on_message=lambda m: None)
    indexer.sync()
    pipeline = Pipeline(settings, embedder)
    retriever = IndexRetriever(source=pipeline, mode="lexical")
    assert retriever.invoke("Quetzalcoatlus") == []
    (corpus / "pterosaur.txt").write_text("Giant pterosaur\n\nQuetzalcoatlus was a giant pterosaur.\n")
    indexer.sync()
    pipeline.refresh()
    assert [d.metadata["article_id"] for d in retriever.invoke("Quetzalcoatlus")] == ["pterosaur.txt"]
