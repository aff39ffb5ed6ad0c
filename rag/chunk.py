"""Split articles into token-bounded chunks that remember their exact character span."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

from .types import Article, Chunk

# Paragraphs first, then lines, then sentence ends, then clauses, then words.
SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ": ", ", ", " ", ""]
# 2: sentences no longer end at "U.S." before "Secretary" nor at "Sen." before a name.
SPLITTER_VERSION = 2
#: Tokens reserved for the title in each embedded chunk.
TITLE_TOKENS = 32


def chunk_sentences(sentences: Sequence[tuple[int, int]], chunk: Chunk) -> list[tuple[int, int]]:
    """The article's sentence spans (in order) that fall in `chunk`, clipped to it."""
    out = []
    # Sentences are ordered and disjoint, so their ends are sorted too.
    for a, b in sentences[bisect.bisect_right(sentences, chunk.start, key=lambda s: s[1]):]:
        if a >= chunk.end:
            break
        a, b = max(a, chunk.start), min(b, chunk.end)
        while a < b and chunk.text[a - chunk.start].isspace():
            a += 1
        while b > a and chunk.text[b - 1 - chunk.start].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


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
        # Imported here: 0.4 s of langchain that a sync with nothing new never needs.
        from langchain_text_splitters import RecursiveCharacterTextSplitter

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
        prev_start, prev_end = -1, 0
        for piece in self._splitter.split_text(text):
            start = self._locate(text, piece, prev_start, prev_end, article.id)
            for offset, part in self._within_limit(piece):
                chunks.append(Chunk(article.id, len(chunks), start + offset,
                                    start + offset + len(part), part))
            prev_start, prev_end = start, start + len(piece)
        return chunks

    @staticmethod
    def _locate(text: str, piece: str, prev_start: int, prev_end: int, article_id: str) -> int:
        """Where the splitter's next piece starts: right after the previous one when only
        whitespace lies between (no overlap), else (overlap) at the last place that starts
        within the previous piece, so it reaches furthest. Repetitive text can match in
        several places; this keeps the chunks in order and tiling the article."""
        after = text.find(piece, prev_end)
        if after >= 0 and not text[prev_end:after].strip():
            return after
        first = start = text.find(piece, prev_start + 1)
        if first < 0:
            raise AssertionError(f"chunk of {article_id} is not a substring of the article")
        while (later := text.find(piece, start + 1)) >= 0 and later <= prev_end:
            start = later
        return start

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

    def _within_limit(self, piece: str, offset: int = 0) -> list[tuple[int, str]]:
        """(offset, text) parts of `piece` that each fit: merged pieces can tokenise longer
        than the sum of their parts, and the model would silently truncate them. Halves at
        whitespace, or mid-run for an unbreakable run."""
        if self.count_tokens(piece) <= self.max_tokens:
            return [(offset, piece)]
        middle = len(piece) // 2
        cut = piece.rfind(" ", 0, middle)
        left = piece[:cut].rstrip() if cut > 0 else ""
        right = piece[cut:].lstrip() if cut > 0 else ""
        if not left or not right:
            left, right = piece[:middle], piece[middle:]
        # `right` is a suffix of `piece`, so its offset follows from its length.
        right_at = offset + len(piece) - len(right)
        return self._within_limit(left, offset) + self._within_limit(right, right_at)
