"""What the chat app needs from the library, safe to call from many threads at once:
answer, a topic's timeline, add uploaded articles, sync the corpus folder, report the index's
status, and list, read, remove and re-read articles."""

from __future__ import annotations

import ctypes
import gc
import os
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

from . import when
from .articles import list_articles, read_article, remove_article, reread_article
from .embed import Embedder, SentenceTransformerEmbedder
from .export import conversation, write
from .pipeline import Pipeline
from .settings import Settings
from .sync import Indexer
from .timeline import timeline
from .types import Answer, ArticleChange, ArticleView, Filter, ListedArticle, Saved, SyncReport, Timeline
from .upload import save_upload


class ChatService:
    """One pipeline and one embedding model shared by every session of the app."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None,
                 on_message: Callable[[str], None] = lambda message: None):
        self.settings = settings
        self.embedder = embedder or SentenceTransformerEmbedder.from_settings(settings)
        self.pipeline = Pipeline(settings, self.embedder)
        self.on_message = on_message
        self._sync_lock = threading.Lock()  # one index update at a time; answers go on meanwhile

    def sync(self, progress: bool | None = False) -> SyncReport:
        """Bring the index up to date with the corpus folder, then answer from it."""
        with self._sync_lock:
            return self._sync(progress)

    def _sync(self, progress: bool | None = False, reread: frozenset[str] = frozenset()) -> SyncReport:
        """`sync`, for a caller that holds the sync lock."""
        report = Indexer(self.settings, self.embedder, progress=progress,
                         on_message=self.on_message).sync(reread=reread)
        self.pipeline.refresh()
        release_memory()
        return report

    def articles(self, query: str = "") -> list[ListedArticle]:
        """The article list (title, outlet, date, chunks, file), searched by title and outlet."""
        return list_articles(self._reader(), query)

    def article(self, article_id: str) -> ArticleView:
        """One article to read, with who says each sentence."""
        return read_article(self._reader(), article_id)

    def remove_article(self, article_id: str, confirmed: bool = False) -> ArticleChange:
        """Delete the article's file from the corpus (see `rag.articles.remove_article`) and sync."""
        with self._sync_lock:
            return remove_article(Path(self.settings.corpus), self._reader(), article_id, confirmed,
                                  lambda: self._sync())

    def reread(self, article_id: str) -> ArticleChange:
        """Read the article's file again and sync, whatever its size and mtime say."""
        with self._sync_lock:
            return reread_article(self._reader(), article_id, lambda files: self._sync(reread=files))

    def _reader(self):
        """The snapshot answers use, reopened first if anything changed the index."""
        self.pipeline.refresh_if_changed()
        return self.pipeline.reader

    def warm_up(self) -> None:
        """Load the embedding model and open the index now, so the first question is fast."""
        self.embedder.embed(["warm up"])
        self.pipeline.retriever  # noqa: B018 - opens the index (FAISS and SQLite)

    def add_files(self, files: Sequence[tuple[str, Path]], progress: bool | None = False
                  ) -> tuple[list[Saved], SyncReport | None]:
        """Save uploads (name as sent, temporary path) into the corpus, then sync if any landed."""
        saved = [save_upload(Path(self.settings.corpus), name, path, self.settings.max_file_mb)
                 for name, path in files]
        report = self.sync(progress) if any(s.path for s in saved) else None
        return saved, report

    def stream(self, question: str, history: Sequence[dict] = (), llm: str | None = None,
               k: int | None = None, where: Filter | None = None, as_of: str | None = None
               ) -> Iterator[str | Answer]:
        return self.pipeline.stream(question, history, llm, k, where=where, as_of=as_of or None)

    def ask(self, question: str, history: Sequence[dict] = (), llm: str | None = None,
            k: int | None = None, where: Filter | None = None, as_of: str | None = None) -> Answer:
        return self.pipeline.ask(question, history, llm, k, where=where, as_of=as_of or None)

    def timeline(self, topic: str, where: Filter | None = None, as_of: str | None = None,
                 k: int | None = None) -> Timeline:
        """The claims and events about a topic in the articles `where` lets through, by date."""
        return timeline(self.pipeline, topic, where, as_of or None, **({"k": k} if k else {}))

    def filter(self, outlets: Sequence[str] = (), since: str = "", until: str = "",
               articles: Sequence[str] = (), as_of: str = "") -> Filter:
        """A filter from the chat's controls: days as typed ("2015-10-01", "October 2015", "last
        week"), read as of `as_of` or the newest article's day; a day it cannot read is a RagError."""
        reference = self.pipeline.reference_day(as_of or None, self._reader())
        return Filter(tuple(o for o in outlets if o), when.bound(since, reference, end=False),
                      when.bound(until, reference, end=True), tuple(a for a in articles if a))

    def outlets(self) -> list[str]:
        """The outlets the index knows, for the outlet filter's choices."""
        return self._reader().outlets()

    def export(self, answers: Sequence[dict], folder: Path) -> tuple[Path, Path]:
        """The conversation (each answer's JSON) as a Markdown and a JSON file in `folder`,
        named by the time of export, with the corpus and index it was answered from."""
        now = datetime.now().astimezone()
        doc = conversation(answers, str(self.settings.corpus), str(self.settings.index),
                           self.status()["articles"], now.isoformat(timespec="seconds"))
        return write(doc, folder, f"conversation-{now:%Y%m%d-%H%M%S}")

    def browser_key(self) -> str:
        """A random key kept in the index folder, with which the app encrypts the conversation
        it saves in the browser: the same key after a restart, so the conversation survives it."""
        path = Path(self.settings.index) / ".chat-key"
        try:
            return path.read_text().strip()
        except FileNotFoundError:
            key = secrets.token_urlsafe(24)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(key)
            return key

    def status(self) -> dict:
        """Counts and identities for the status panel, from the snapshot answers use."""
        self.pipeline.refresh_if_changed()
        reader = self.pipeline.reader
        return {
            "articles": reader.count_articles(),
            "chunks": reader.count_chunks(),
            "embedding_model": reader.manifest.identity.embed_model.split("@")[0],
            "llm_backend": self.pipeline.backend(),
            "updated_at": reader.updated_at(),
        }


#: glibc's mallopt parameter numbers (malloc.h).
M_MMAP_THRESHOLD = -3
#: Blocks from this size up get their own mapping, handed back to the OS when freed
#: (glibc's own starting value, which it would otherwise raise as the server runs).
MMAP_THRESHOLD = 128 * 1024


def steady_malloc() -> bool:
    """Keep glibc's mmap threshold fixed for a long-running server; whether it was set."""
    # glibc raises the threshold to the size of any mapped block freed (up to 32 MiB), so once
    # the models are loaded the scratch arrays of every answer (spaCy's entity tagger: 0.1-2
    # MiB each, ~35 per answer) come from the per-thread arenas instead. Gradio's worker
    # threads spread them over eight or more arenas, whose free space fragments and grows
    # while what is in use stays flat (bench/load.py: RSS +13.9 % in 2 minutes; 95 -> 241 MiB
    # free inside the arenas in 150 s, ~155 MiB in use throughout). Fixed, the threshold
    # keeps them mapped and unmapped: RSS stays flat (README, Under load). A threshold set
    # in the environment is kept.
    if "MALLOC_MMAP_THRESHOLD_" in os.environ or "glibc.malloc.mmap_threshold" in os.environ.get("GLIBC_TUNABLES", ""):
        return False
    try:
        return ctypes.CDLL("libc.so.6").mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
    except (OSError, AttributeError):  # not glibc: its allocator has its own policy
        return False


def release_memory() -> None:
    """Hand memory freed after an update back to the OS. Embedding a large upload leaves
    glibc holding hundreds of MiB in per-thread arenas, and a long-running server would
    otherwise keep every such peak (measured by bench/load.py)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass
