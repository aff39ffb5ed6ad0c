"""Split articles into token-bounded chunks that remember their exact character span."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from .ingest import Article

# Paragraphs first, then lines, then sentence ends, then clauses, then words.
SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ": ", ", ", " ", ""]
SPLITTER_VERSION = 1
#: Tokens reserved for the title in each embedded chunk.
TITLE_TOKENS = 32


@dataclass(frozen=True)
class Chunk:
    """A span of one article: `article.text[start:end] == text`."""

    article_id: str
    ord: int
    start: int
    end: int
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Chunker:
    """Sentence- and paragraph-aware splitting with lengths counted in model tokens.

    With a `title_budget`, each chunk is embedded as "title\nchunk": the title (cut to fit)
    tells the model what a mid-article chunk is about, and chunk plus title still fit the
    model's input, so neither is truncated by it."""

    def __init__(self, count_tokens: Callable[[str], int], max_tokens: int, overlap: int,
                 title_budget: int = 0):
        if overlap >= max_tokens:
            raise ValueError(f"chunk overlap ({overlap}) must be below chunk size ({max_tokens})")
        self._count = count_tokens
        self._counted: dict[str, int] = {}
        self.max_tokens = max_tokens
        self.title_budget = title_budget
        self._splitter = RecursiveCharacterTextSplitter(
            separators=SEPARATORS,
            keep_separator="end",  # a sentence keeps its full stop, so pieces tile the text
            chunk_size=max_tokens,
            chunk_overlap=overlap,
            length_function=self.count_tokens,
            strip_whitespace=True,
        )

    def count_tokens(self, text: str) -> int:
        # The splitter measures each piece more than once; tokenising is most of the
        # chunking time, so remember counts for the article being split.
        n = self._counted.get(text)
        if n is None:
            n = self._counted[text] = self._count(text)
        return n

    def split(self, article: Article) -> list[Chunk]:
        self._counted.clear()
        text = article.text
        chunks: list[Chunk] = []
        cursor = 0
        for piece in self._splitter.split_text(text):
            for part in self._within_limit(piece):
                # Pieces are substrings in order; overlap means a piece may start before
                # the previous one ends, but never before the previous one starts.
                start = text.find(part, cursor)
                if start < 0:
                    raise AssertionError(f"chunk of {article.id} is not a substring of the article")
                chunks.append(Chunk(article.id, len(chunks), start, start + len(part), part))
                cursor = start + 1
        return chunks

    def embedding_inputs(self, article: Article, chunks: Iterable[Chunk]) -> list[str]:
        """The texts the model embeds for these chunks of `article`."""
        if not self.title_budget:
            return [c.text for c in chunks]
        words = article.title.split()
        # Drop words from the end until the title (plus its newline) fits its budget.
        while words and self.count_tokens(" ".join(words)) > self.title_budget - 1:
            words.pop()
        prefix = " ".join(words) + "\n" if words else ""
        return [prefix + c.text for c in chunks]

    def _within_limit(self, piece: str) -> list[str]:
        """Halve at whitespace until every part fits: merged pieces can tokenise longer
        than the sum of their parts, and the model would silently truncate them."""
        if self.count_tokens(piece) <= self.max_tokens:
            return [piece]
        middle = len(piece) // 2
        cut = piece.rfind(" ", 0, middle)
        if cut <= 0:
            cut = middle
        left, right = piece[:cut].rstrip(), piece[cut:].lstrip()
        if not left or not right:  # a single unbreakable token run
            left, right = piece[:middle], piece[middle:]
        return self._within_limit(left) + self._within_limit(right)
