"""The LangChain interfaces, held to LangChain's own standard test suites (langchain-tests)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from langchain_core.documents import Document
from langchain_core.embeddings import DeterministicFakeEmbedding
from langchain_tests.integration_tests import RetrieversIntegrationTests, VectorStoreIntegrationTests

from rag.adapters import IndexRetriever, IndexVectorStore, LangChainEmbedder
from rag.errors import RagError, StoreError
from rag.pipeline import Pipeline
from rag.settings import Settings

# The index modules: the only place this file names them (they are moving into a package).
from rag.index import IndexReader
from rag.sync import Indexer

from .conftest import SEEDS, assert_consistent

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
                             "similarity", "chunk_ids", "outlet", "author"}
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


# --- VectorStore ------------------------------------------------------------------------


class TestIndexVectorStoreStandard(VectorStoreIntegrationTests):
    """LangChain's vector-store suite against a fresh index folder per test."""

    @pytest.fixture
    def vectorstore(self, tmp_path: Path) -> IndexVectorStore:
        return IndexVectorStore(tmp_path / "store", self.get_embeddings())


def fake_store(folder: Path, **kwargs) -> IndexVectorStore:
    return IndexVectorStore(folder, DeterministicFakeEmbedding(size=8), **kwargs)


def test_store_folder_is_a_normal_index(tmp_path: Path) -> None:
    store = fake_store(tmp_path / "store")
    ids = store.add_texts(["Lavrov spoke in Moscow. He criticised the coalition.", "Shoigu spoke too."],
                          [{"title": "Lavrov speaks", "source": "tass", "date": "2016-10-01", "n": 1}, {}],
                          ids=["a", None])
    assert ids[0] == "a" and ids[1]
    reader = assert_consistent(tmp_path / "store")
    row = reader.article_rows(["a"])["a"]
    assert (row.title, row.source, row.date) == ("Lavrov speaks", "tass", "2016-10-01")
    assert reader.count_articles() == 2
    # Sentences were stored with their pooled vectors, as `rag index` stores them.
    assert reader.conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 3
    reader.close()
    # A second store over the same folder reads what the first wrote, then and later.
    again = fake_store(tmp_path / "store")
    assert again.get_by_ids(["a"]) == [Document(id="a", page_content=row.text, metadata={
        "title": "Lavrov speaks", "source": "tass", "date": "2016-10-01", "n": 1})]
    assert again.similarity_search("coalition", k=1)[0].id == "a"
    store.add_texts(["Erdogan met Putin."], ids=["b"])
    store.delete(["a"])
    assert [d.id for d in again.get_by_ids(["a", "b"])] == ["b"]


def test_store_delete_all_and_batches(tmp_path: Path) -> None:
    settings = Settings(commit_chunks=2)
    store = fake_store(tmp_path / "store", settings=settings)
    texts = [f"Report {i} on the talks." for i in range(7)]
    ids = store.add_texts(texts, ids=[f"r{i}" for i in range(7)])
    assert [d.page_content for d in store.get_by_ids(ids)] == texts
    with IndexReader(tmp_path / "store") as reader:
        assert reader.count_articles() == 7
    assert store.delete() is True
    assert store.get_by_ids(ids) == [] and store.similarity_search("Report", k=3) == []


def test_store_keeps_no_metadata_of_removed_articles(tmp_path: Path) -> None:
    store = fake_store(tmp_path / "store")
    store.add_texts(["one", "two"], [{"k": 1}, {"k": 2}], ids=["1", "2"])
    db = next((tmp_path / "store").glob("store-*.sqlite"))

    def stored() -> dict:
        conn = sqlite3.connect(db)
        try:
            return {k: json.loads(v) for k, v in conn.execute("SELECT article_id, metadata FROM langchain_metadata")}
        finally:
            conn.close()

    store.delete(["1"])
    assert stored() == {"2": {"k": 2}}
    store.add_texts(["one again"], ids=["1"])
    assert store.get_by_ids(["1", "2"]) == [Document(id="1", page_content="one again", metadata={}),
                                            Document(id="2", page_content="two", metadata={"k": 2})]
    assert stored() == {"1": {}, "2": {"k": 2}}


def test_store_keeps_empty_and_untrimmed_texts_exactly(tmp_path: Path) -> None:
    store = fake_store(tmp_path / "store")
    texts = ["", "  spaced\r\nout  \n", "caf\u0065\u0301"]  # the last one not in NFC
    ids = store.add_texts(texts)
    assert [d.page_content for d in store.get_by_ids(ids)] == texts
    assert store.similarity_search("spaced", k=1, mode="lexical")[0].id == ids[1]


def test_store_refuses_options_it_does_not_have(tmp_path: Path) -> None:
    store = fake_store(tmp_path / "store")
    store.add_texts(["x"])
    with pytest.raises(RagError, match="filter"):
        store.similarity_search("x", filter={"source": "tass"})
    with pytest.raises(RagError, match="unknown retrieval mode"):
        store.similarity_search("x", mode="semantic")


def test_store_refuses_bad_metadata_and_another_model(tmp_path: Path) -> None:
    store = fake_store(tmp_path / "store")
    with pytest.raises(RagError, match="not JSON"):
        store.add_texts(["x"], [{"when": object()}])
    assert not (tmp_path / "store" / "manifest.json").exists()  # nothing was written
    store.add_texts(["x"], ids=["x"])
    other = IndexVectorStore(tmp_path / "store", DeterministicFakeEmbedding(size=12))
    with pytest.raises(StoreError, match="embedded with"):
        other.similarity_search("x")
    with pytest.raises(StoreError, match="rebuild"):
        other.add_texts(["y"])


def test_store_with_the_real_model_finds_by_meaning(tmp_path: Path, embedder) -> None:
    store = IndexVectorStore(tmp_path / "store", embedder)
    store.add_documents([
        Document(id="pizza", page_content="The restaurant bakes its pizza in a wood-fired oven."),
        Document(id="strike", page_content="Air strikes hit the eastern districts of Aleppo overnight."),
        Document(id="vote", page_content="Parliament passed the budget after a long debate."),
    ])
    assert store.similarity_search("bombing raids on a Syrian city", k=1, mode="dense")[0].id == "strike"
    scored = store.similarity_search_with_relevance_scores("Italian food baked in an oven", k=3)
    assert scored[0][0].id == "pizza" and all(0 <= s <= 1 for _, s in scored)
    retriever = store.as_retriever(search_kwargs={"k": 2})
    assert [d.id for d in retriever.invoke("lawmakers approve spending plan")][:1] == ["vote"]


def test_langchain_embedder_counts_words_and_normalises() -> None:
    embedder = LangChainEmbedder(DeterministicFakeEmbedding(size=5))
    vectors = embedder.embed(["a b", "c"])
    assert vectors.shape == (2, 5) and abs(float((vectors ** 2).sum(axis=1).max()) - 1) < 1e-5
    assert embedder.count_tokens("three little words") == 3
    assert embedder.model_id.endswith(":5") and embedder.embed([]).shape == (0, 5)
