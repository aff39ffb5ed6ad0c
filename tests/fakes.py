"""Deterministic stand-ins for the models, so pure logic (fusion, merging, MMR, verification,
the sync plan) is tested in milliseconds. The real models are tested end to end elsewhere."""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence

import numpy as np

from rag.embed import Embedder
from rag.generate import Generator
from rag.text import WORD


class HashEmbedder(Embedder):
    """Bag of words: each word a fixed random direction (seeded by its CRC), summed and
    normalised. Texts sharing words are alike; the same text always gives the same vector."""

    model_id = "fake-hash@1"
    max_tokens = 256

    def __init__(self, dimension: int = 64):
        self._dimension = dimension
        self.calls: list[int] = []

    @property
    def dimension(self) -> int:  # type: ignore[override]
        return self._dimension

    def word(self, word: str) -> np.ndarray:
        return np.random.default_rng(zlib.crc32(word.encode())).standard_normal(self._dimension)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(len(texts))
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            v = sum((self.word(w) for w in WORD.findall(text.lower())), np.zeros(self._dimension))
            norm = np.linalg.norm(v)
            out[i] = v / norm if norm else np.eye(self._dimension)[0]
        return out


class ScriptedGenerator(Generator):
    """A model that writes a fixed draft, in word-sized pieces."""

    name = "scripted"
    uses_model = True

    def __init__(self, draft: str):
        self.draft = draft

    def stream(self, question, passages, scorer, history=()) -> Iterator[str]:
        for word in self.draft.split(" "):
            yield word + " "
