"""Chunks are exact spans of their article and never exceed the model's input length."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from rag.chunk import Chunker
from rag.ingest import CorpusReader, make_article

from .conftest import SEEDS

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)
separators = st.sampled_from([" ", " ", " ", ". ", ".\n", "\n\n", ", ", "? ", "  ", "\t", "—"])
article_texts = st.lists(st.tuples(words, separators), min_size=1, max_size=400).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=article_texts, size=st.integers(16, 254), overlap_ratio=st.floats(0, 0.5))
def test_chunks_are_exact_spans_within_the_token_limit(embedder, text, size, overlap_ratio) -> None:
    article = make_article("a", text, "a")
    chunker = Chunker(embedder.count_tokens, size, int(size * overlap_ratio))
    chunks = chunker.split(article)
    covered = set()
    for i, chunk in enumerate(chunks):
        assert article.text[chunk.start:chunk.end] == chunk.text
        assert chunk.ord == i
        assert embedder.count_tokens(chunk.text) <= size
        covered.update(range(chunk.start, chunk.end))
    # Nothing but whitespace falls between chunks.
    assert all(article.text[i].isspace() for i in range(len(article.text)) if i not in covered)


def test_seed_articles_chunk_within_minilm_input(embedder) -> None:
    reader = CorpusReader(SEEDS, 2**20)
    stamps, _ = reader.stamps()
    chunker = Chunker(embedder.count_tokens, embedder.max_tokens, 32)
    assert embedder.max_tokens == 254  # 256 minus [CLS] and [SEP]
    total = 0
    for stamp in stamps:
        (article,) = reader.read(stamp).articles
        chunks = chunker.split(article)
        total += len(chunks)
        for chunk in chunks:
            assert article.text[chunk.start:chunk.end] == chunk.text
            assert embedder.count_tokens(chunk.text) <= 254
    assert total >= 10


def test_long_paragraphs_split_at_sentences_with_overlap(embedder) -> None:
    sentences = [f"Sentence number {i} says something about Syria and the coalition." for i in range(60)]
    article = make_article("s", " ".join(sentences), "s")
    no_overlap = Chunker(embedder.count_tokens, 64, 0).split(article)
    assert len(no_overlap) > 3
    assert all(c.text.endswith(".") for c in no_overlap)
    assert all(b.start > a.end for a, b in zip(no_overlap, no_overlap[1:]))
    # Overlap is made of whole sentences carried into the next chunk.
    overlapping = Chunker(embedder.count_tokens, 64, 20).split(article)
    assert all(b.start < a.end for a, b in zip(overlapping, overlapping[1:]))
    assert all(c.text.endswith(".") for c in overlapping)


def test_title_prefixed_inputs_fit_the_model(embedder) -> None:
    from rag.chunk import TITLE_TOKENS

    chunker = Chunker(embedder.count_tokens, embedder.max_tokens - TITLE_TOKENS, 0, TITLE_TOKENS)
    long_title = "Russia accuses the United States of failing to cooperate " * 6
    article = make_article("t", "Shoigu spoke on state television about Syria. " * 200, "t", title=long_title)
    chunks = chunker.split(article)
    inputs = chunker.embedding_inputs(article, chunks)
    assert len(inputs) == len(chunks) > 3
    for text, chunk in zip(inputs, chunks):
        title, body = text.split("\n", 1)
        assert body == chunk.text and long_title.startswith(title) and title
        assert embedder.count_tokens(text) <= embedder.max_tokens


@pytest.mark.parametrize(("text", "overlap"), [
    ("0000000000 000000000000 000000000000 " * 3, 0),
    # An overlapping piece matched inside the previous chunk, leaving the tail uncovered.
    ("00000000—00000000 ", 4),
])
def test_repetitive_text_still_tiles_the_article(embedder, text: str, overlap: int) -> None:
    """Found by hypothesis: identical runs used to be placed at an earlier match, leaving gaps."""
    article = make_article("r", text, "r")
    chunks = Chunker(embedder.count_tokens, 16, overlap).split(article)
    covered = set()
    for chunk in chunks:
        assert article.text[chunk.start:chunk.end] == chunk.text
        covered.update(range(chunk.start, chunk.end))
    assert all(article.text[i].isspace() for i in range(len(article.text)) if i not in covered)
    assert [c.start for c in chunks] == sorted(c.start for c in chunks)
