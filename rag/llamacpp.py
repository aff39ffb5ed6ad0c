"""llama.cpp in this process as a LangChain chat model, answering several prompts at once.

langchain-community, which had `ChatLlamaCpp`, is archived; this is the part of it we use:
chat completion with the GGUF's own chat template, streamed token by token.

One llama.cpp context holds `slots` sequences, each with its own KV cache stream, and one
thread decodes them: prompts are read one at a time (reading is compute-bound, batching
gains nothing), and the answers being written are decoded together, one token of each per
step. A step of one token costs about as much as a step of four on this 2-core machine (the
weights are read once), so four answers are written in little more time than one (README,
Performance: "Parallel local answers"). Each sequence keeps its last prompt and answer in
its cache, so a new prompt only evaluates what differs from the longest one cached, copied
from another slot if that one holds more (the system prompt is not read again).

Greedy answers come out token for token as from a context of their own, whatever else is
written beside them: each token's row is computed on its own, a sequence's attention reads
only its own stream (`kv_unified` off), and a prompt is never mixed into another
sequence's batch (tests/test_backends.py checks four answers at once against each alone
and against llama-cpp-python's own chat completion)."""

from __future__ import annotations

import collections
import hashlib
import logging
import os
import queue
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from .errors import RagError

_ROLES = {"human": "user", "ai": "assistant", "system": "system"}
# The Llama object only tokenizes and holds the chat template; its own context is unused.
_TOKENIZER_CTX = 256
# Copy another slot's cache when it holds at least this many more of a prompt's tokens.
_COPY_GAIN = 32


#: llama.cpp file types `converted` makes; bumped recipe = stale cached files are not reused.
_WEIGHTS = {"f16": "LLAMA_FTYPE_MOSTLY_F16", "q8_0": "LLAMA_FTYPE_MOSTLY_Q8_0"}
_RECIPE = 1


def converted(path: Path, weights: str, cache: Path) -> Path:
    """The GGUF at `path` with its weights stored as `weights` (f16 or q8_0), made once into
    `cache` (under a second for SmolLM2) and reused after. Why: llama.cpp reads a prompt with
    a matrix multiply (llamafile's sgemm) for f16 and q8_0 weights, not for q4_1, the packaged
    SmolLM2's; as f16 the same weights read prompts 2.9x as fast (bench/weights.py)."""
    import ctypes

    import llama_cpp

    head = hashlib.sha256(f"{_RECIPE}:{weights}:{path.stat().st_size}:".encode())
    with path.open("rb") as f:
        head.update(f.read(1 << 20))  # the header: the model's metadata and first tensors
    out = cache / "gguf" / f"{path.stem}.{weights}.{head.hexdigest()[:16]}.gguf"
    if out.is_file():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(fd)
    log = logging.getLogger("llama-cpp-python")  # its callback prints what this logger lets through
    level = log.level
    log.setLevel(logging.ERROR)  # not llama.cpp's report of every tensor
    try:
        params = llama_cpp.llama_model_quantize_default_params()
        params.ftype = getattr(llama_cpp, _WEIGHTS[weights])
        params.allow_requantize = True
        if llama_cpp.llama_model_quantize(str(path).encode(), tmp.encode(), ctypes.byref(params)) != 0:
            raise RagError(f"llama.cpp could not convert {path} to {weights} (set RAG_LLM_WEIGHTS=as-is)")
        os.replace(tmp, out)  # whole or not at all; a second process making it too is harmless
    finally:
        log.setLevel(level)
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


class ChatLlamaCpp(BaseChatModel):
    """A GGUF model run by llama-cpp-python; loaded on first use (or by `load`)."""

    model_path: str
    n_ctx: int = 2048
    n_threads: int = 2
    max_tokens: int = 160
    temperature: float = 0.0
    slots: int = 1
    nice: int = 0
    _llama: Any = PrivateAttr(default=None)
    _engine: Any = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp"

    def load(self):
        """The llama_cpp.Llama (model, tokenizer, chat template); the slots are made with it."""
        if self._llama is None:
            from llama_cpp import Llama

            llama = Llama(model_path=self.model_path, n_ctx=_TOKENIZER_CTX, n_threads=self.n_threads,
                          verbose=False)
            self._engine = Slots(llama, n_ctx=self.n_ctx, n_threads=self.n_threads, slots=self.slots,
                                 nice=self.nice)
            self._llama = llama
        return self._llama

    @property
    def engine(self) -> Slots:
        self.load()
        return self._engine

    def _prompt(self, messages: list[BaseMessage]) -> tuple[list[int], list[str]]:
        return self.engine.prompt([{"role": _ROLES.get(m.type, "user"), "content": str(m.content)}
                                   for m in messages])

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        tokens, ends = self._prompt(messages)
        text = "".join(self.engine.stream(tokens, self.max_tokens, [*(stop or []), *ends]))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None,
                run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any
                ) -> Iterator[ChatGenerationChunk]:
        tokens, ends = self._prompt(messages)
        pieces = self.engine.stream(tokens, self.max_tokens, [*(stop or []), *ends])
        try:
            for text in pieces:
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=text))
                if run_manager:
                    run_manager.on_llm_new_token(text, chunk=chunk)
                yield chunk
        finally:
            pieces.close()  # the sequence is given up now, not when collected


# Seconds between looks at the load average.
_LOAD_EVERY = 2.0


def threads_for_load(load: float, cores: int, threads: int, now: int) -> int:
    """Threads for the next decodes, given the 1-minute load average: one above cores + 1, all
    again below cores. The gap is wider than the one thread switching adds to or takes off
    the load, so the choice does not flip back and forth. 4 local users alone (bench/parallel.py)
    load 2 cores to about 2-2.5; 16 extractive users beside them (bench/load.py) to 5-6."""
    if load > cores + 1:
        return 1
    if load < cores:
        return threads
    return now


class _Job:
    """One prompt being answered: its tokens, where it is, and the queue its text goes to."""

    def __init__(self, tokens: list[int], max_tokens: int, stop: Sequence[str]):
        self.tokens = tokens
        self.max_tokens = max_tokens
        self.stop = [s.encode() for s in stop if s]
        self.out: queue.SimpleQueue = queue.SimpleQueue()
        self.cancelled = threading.Event()
        self.slot = -1
        self.todo: list[int] = []  # prompt tokens not yet evaluated
        self.pos = 0  # next position in the sequence
        self.written: list[int] = []
        self.raw = b""  # the answer's bytes so far
        self.sent = 0  # bytes of `raw` already put on `out`
        self.times = {"queued": time.perf_counter()}  # when it was queued, admitted, first token, done
        self.evaluated = 0  # prompt tokens evaluated (the rest came from the slot's cache)


class Slots:
    """`slots` sequences of one llama.cpp context, decoded together by one thread.

    Memory: each slot has its own KV cache of `n_ctx` tokens (f16: 22.5 KiB per token for
    SmolLM2-135M, 45 MiB per slot at 2048), allocated once when the context is made."""

    def __init__(self, llama, n_ctx: int, n_threads: int, slots: int, nice: int = 0, n_batch: int = 512):
        import llama_cpp

        self.llama = llama
        self.n_ctx = n_ctx
        self.slots = slots
        self.n_batch = n_batch
        self.nice = nice
        self.n_threads = n_threads
        self.threads_now = n_threads  # what the decodes use now (see `_pick_threads`)
        self._load_checked = 0.0
        params = llama_cpp.llama_context_params.from_buffer_copy(llama.context_params)
        params.n_ctx = n_ctx * slots  # split evenly between the sequences' streams
        params.n_batch = params.n_ubatch = n_batch
        params.n_seq_max = slots
        params.kv_unified = False
        params.n_threads = params.n_threads_batch = n_threads
        self._params = params
        self.ctx = None
        self._vocab = llama._model.vocab
        self._n_vocab = llama.n_vocab()
        self._formatter = _chat_formatter(llama)
        self._cached: list[list[int]] = [[] for _ in range(slots)]
        self._free = list(range(slots))
        self._waiting: collections.deque[_Job] = collections.deque()
        self._running: list[_Job] = []
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False
        # The last answers' token counts and times (bench/parallel.py reads them).
        self.finished: collections.deque[dict] = collections.deque(maxlen=1000)
        self._make_context()

    def _make_context(self) -> None:
        import llama_cpp

        self.ctx = llama_cpp.llama_init_from_model(self.llama._model.model, self._params)
        if self.ctx is None:
            raise RuntimeError(f"llama.cpp could not make a context of {self.slots} x {self.n_ctx} tokens")
        self._mem = llama_cpp.llama_get_memory(self.ctx)
        self._batch = llama_cpp.llama_batch_init(self.n_batch, 0, 1)
        # The context must go before its model: the Llama frees the model when it is closed.
        self.llama._stack.callback(self.close)

    def close(self) -> None:
        import llama_cpp

        with self._cond:
            self._closed = True
            self._cond.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
        if self.ctx is not None:
            llama_cpp.llama_batch_free(self._batch)
            llama_cpp.llama_free(self.ctx)
            self.ctx = None

    # ------------------------------------------------------------ what callers use

    def prompt(self, messages: list[dict]) -> tuple[list[int], list[str]]:
        """The chat's tokens, as `Llama.create_chat_completion` makes them with the GGUF's
        own template, and the strings that end an answer."""
        result = self._formatter(messages=messages)
        tokens = self.llama.tokenize(result.prompt.encode("utf-8"), add_bos=not result.added_special,
                                     special=True)
        stop = result.stop if isinstance(result.stop, list) else [result.stop] if result.stop else []
        return tokens, stop

    def stream(self, tokens: list[int], max_tokens: int, stop: Sequence[str] = ()) -> Iterator[str]:
        """The greedy answer to prompt `tokens`, in pieces as written. Closing the iterator
        frees its slot at the next step. Waits for a free slot if all are busy."""
        if len(tokens) >= self.n_ctx:
            # The words of llama-cpp-python's own error (bench/llm.py reads the number).
            raise ValueError(f"Requested tokens ({len(tokens)}) exceed context window of {self.n_ctx}")
        return self._pieces(_Job(list(tokens), max_tokens, stop))

    def _pieces(self, job: _Job) -> Iterator[str]:
        with self._cond:
            if self._closed:
                raise RuntimeError("the local model is closed")
            self._waiting.append(job)
            self._start()
            self._cond.notify_all()
        try:
            while True:
                item = job.out.get()
                if item is None:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            job.cancelled.set()
            with self._cond:
                self._cond.notify_all()

    def forget(self) -> None:
        """Empty every slot's cache (the next prompts are evaluated whole); waits for no one,
        so call it when nothing is being written."""
        import llama_cpp

        with self._cond:
            if self._running:
                raise RuntimeError("answers are being written")
            llama_cpp.llama_memory_clear(self._mem, True)
            self._cached = [[] for _ in range(self.slots)]

    def busy(self) -> int:
        """Sequences being written now."""
        with self._cond:
            return len(self._running)

    # ------------------------------------------------------------ the decoding thread

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="llama-slots", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        if self.nice:
            # llama.cpp's worker threads are made by this thread and inherit its priority, so
            # the extractive answers' threads come first on a busy machine.
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), self.nice)
        while True:
            with self._cond:
                while not self._closed and not self._admit():
                    self._cond.wait()
                if self._closed:
                    for job in [*self._running, *self._waiting]:
                        job.out.put(RuntimeError("the local model was closed"))
                    return
            try:
                self._step()
            except BaseException as exc:  # noqa: BLE001 - handed to every reader
                with self._cond:
                    for job in self._running:
                        job.out.put(exc)
                        self._release(job, forget=True)
                    self._running = []

    def _admit(self) -> bool:
        """Under the lock: drop cancelled jobs, give free slots to waiting jobs (each to the
        free slot whose cache shares the longest prefix with its prompt). True if any run."""
        import llama_cpp

        for job in [j for j in self._running if j.cancelled.is_set()]:
            self._running.remove(job)
            self._release(job)
        self._waiting = collections.deque(j for j in self._waiting if not j.cancelled.is_set())
        while self._waiting and self._free:
            job = self._waiting.popleft()
            slot = max(self._free, key=lambda s: (_common(self._cached[s], job.tokens), -s))
            self._free.remove(slot)
            keep = _common(self._cached[slot], job.tokens)
            # Another slot (busy or not) may hold more of this prompt, e.g. the system prompt
            # when this slot is new: its whole KV stream is copied (llama.cpp copies streams
            # whole; 45 MiB, milliseconds) rather than evaluated again (~3 ms a token).
            source = max(range(self.slots), key=lambda s: _common(self._cached[s], job.tokens))
            if _common(self._cached[source], job.tokens) >= keep + _COPY_GAIN:
                llama_cpp.llama_memory_seq_cp(self._mem, source, slot, -1, -1)
                self._cached[slot] = list(self._cached[source])
                keep = _common(self._cached[slot], job.tokens)
            keep = min(keep, len(job.tokens) - 1)  # the last prompt token is evaluated for its logits
            llama_cpp.llama_memory_seq_rm(self._mem, slot, keep, -1)
            self._cached[slot] = job.tokens[:keep]
            job.slot, job.pos, job.todo = slot, keep, job.tokens[keep:]
            job.evaluated = len(job.todo)
            job.times["admitted"] = time.perf_counter()
            job.max_tokens = min(job.max_tokens, self.n_ctx - len(job.tokens))
            self._running.append(job)
        return bool(self._running)

    def _release(self, job: _Job, forget: bool = False) -> None:
        """Under the lock: the job's slot is free again; its cache stays for the next prompt."""
        import llama_cpp

        job.times["done"] = time.perf_counter()
        self.finished.append({"slot": job.slot, "prompt_tokens": len(job.tokens), "evaluated": job.evaluated,
                              "written": len(job.written), "cancelled": job.cancelled.is_set(),
                              **{k: round(v - job.times["queued"], 4) for k, v in job.times.items()}})
        if forget:
            llama_cpp.llama_memory_seq_rm(self._mem, job.slot, -1, -1)
            self._cached[job.slot] = []
        self._free.append(job.slot)

    def _step(self) -> None:
        """One llama_decode: the next chunk of the first prompt not yet read, or else the
        next token of every answer being written together; then each answer's next token."""
        import llama_cpp
        import numpy as np

        with self._cond:
            jobs = list(self._running)
        # A prompt is read alone, in the chunks it would be read in alone, and first (one
        # step of 512 tokens holds back the answers being written by ~1 s at most); answers
        # are written together only with one another. Mixing a prompt's tokens into the
        # answers' batch changed some answers (llama.cpp splits such a batch unevenly between
        # the sequences, and the sums come out in another order): 2-3 of 8 at 48 tokens.
        reading = [j for j in jobs if j.todo]
        jobs = reading[:1] or jobs
        batch, n, outputs = self._batch, 0, []
        for job in jobs:
            take = job.todo[: self.n_batch] if job.todo else job.written[-1:]
            if not take:
                continue
            # Logits only where a token is chosen next: an answer's token, a prompt's last one.
            wants = not job.todo or len(take) == len(job.todo)
            for i, token in enumerate(take):
                batch.token[n] = token
                batch.pos[n] = job.pos + i
                batch.n_seq_id[n] = 1
                batch.seq_id[n][0] = job.slot
                batch.logits[n] = wants and i == len(take) - 1
                n += 1
            if wants:
                outputs.append((job, n - 1))
            self._cached[job.slot].extend(take)
            job.pos += len(take)
            job.todo = job.todo[len(take):]
        batch.n_tokens = n
        self._pick_threads()
        code = llama_cpp.llama_decode(self.ctx, batch)
        if code != 0:
            raise RuntimeError(f"llama_decode failed ({code})")
        for job, i in outputs:
            logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(self.ctx, i), shape=(self._n_vocab,))
            token = int(np.argmax(logits))  # greedy, first of equals, as llama.cpp's sampler
            if self._emit(job, token):
                with self._cond:
                    self._running.remove(job)
                    self._release(job)
                job.out.put(None)

    def _pick_threads(self) -> None:
        """Every few seconds: all `n_threads` on a quiet machine, one on a busy one. Each of
        llama.cpp's operations is split between its threads and ends when the last is done, so
        when other work keeps the cores busy, every step waits for a thread that is off its
        core. bench/load.py (16 extractive users fill both cores, 4 local users): 20 local
        answers in 120 s (p50 15.8 s) with 2 threads, 68 (p50 6.4 s) with 1, and extractive
        p50 2.11 against 1.89 s. Alone, 2 threads read a prompt about twice as fast."""
        import llama_cpp

        now = time.monotonic()
        if self.n_threads == 1 or now - self._load_checked < _LOAD_EVERY:
            return
        self._load_checked = now
        want = threads_for_load(os.getloadavg()[0], len(os.sched_getaffinity(0)), self.n_threads,
                                self.threads_now)
        if want != self.threads_now:
            llama_cpp.llama_set_n_threads(self.ctx, want, want)
            self.threads_now = want

    def _emit(self, job: _Job, token: int) -> bool:
        """Take a token: put the text that is certain on the job's queue. True when done."""
        import llama_cpp

        if llama_cpp.llama_vocab_is_eog(self._vocab, token):
            self._flush(job, len(job.raw))
            return True
        job.written.append(token)
        job.times.setdefault("first", time.perf_counter())
        job.raw += _piece(self._vocab, token)
        for s in job.stop:
            at = job.raw.find(s)
            if at >= 0:
                self._flush(job, at)
                return True
        done = len(job.written) >= job.max_tokens
        # Hold back what may be the start of a stop string, and unfinished UTF-8.
        end = len(job.raw) if done else len(job.raw) - max(
            (k for s in job.stop for k in range(1, len(s)) if job.raw.endswith(s[:k])), default=0)
        self._flush(job, end, final=done)
        return done

    def _flush(self, job: _Job, end: int, final: bool = True) -> None:
        chunk = job.raw[job.sent:end]
        if not final:
            chunk = _whole_utf8(chunk)
        if chunk:
            job.out.put(chunk.decode("utf-8", errors="ignore"))
            job.sent += len(chunk)


def _piece(vocab, token: int) -> bytes:
    """A token's text as llama-cpp-python's detokenize gives it (special tokens as nothing)."""
    import ctypes

    import llama_cpp

    buf = (ctypes.c_char * 64)()
    n = llama_cpp.llama_token_to_piece(vocab, token, buf, len(buf), 0, False)
    return bytes(buf[:n]) if n > 0 else b""


def _whole_utf8(data: bytes) -> bytes:
    """`data` without a trailing incomplete UTF-8 character."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:
            continue  # a continuation byte: look further back for the lead byte
        need = 2 if byte & 0xE0 == 0xC0 else 3 if byte & 0xF0 == 0xE0 else 4 if byte & 0xF8 == 0xF0 else 1
        return data if need <= back else data[:-back]
    return data


def _common(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _chat_formatter(llama):
    """The GGUF's own chat template, made as llama-cpp-python makes it for `chat_template.default`."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    template = llama.metadata.get("tokenizer.chat_template")
    if not template:
        raise RuntimeError("the GGUF has no chat template (tokenizer.chat_template)")
    eos, bos = llama.token_eos(), llama.token_bos()
    return Jinja2ChatFormatter(template=template,
                               eos_token=llama._model.token_get_text(eos) if eos != -1 else "",
                               bos_token=llama._model.token_get_text(bos) if bos != -1 else "",
                               stop_token_ids=[eos])
