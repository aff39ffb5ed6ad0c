"""Make the index match the corpus: embed new and changed articles, drop removed ones."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property

from tqdm import tqdm

from .chunk import SPLITTER_VERSION, TITLE_TOKENS, Chunker, chunk_sentences
from .embed import Embedder, SentenceTransformerEmbedder
from .index import Identity, IndexLock, IndexWriter, VectorConfig
from .ingest import CorpusReader
from .settings import Settings
from .text import sentence_spans
from .attribute import attribute, attribution_version
from .parse import SpeakerParser
from .types import Article, ArticleLabels, ArticleWrite, Chunk, FileStamp, Skipped, SpanVectors, StoredArticle, SyncReport


@dataclass
class _Plan:
    """The difference between corpus and index, worked out before any write."""

    todo: list[tuple[Article, str]] = field(default_factory=list)  # (article, file), new or changed
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    moved: list[tuple[str, str]] = field(default_factory=list)  # (article id, new file)
    remove: list[str] = field(default_factory=list)
    files: list[tuple[FileStamp, tuple[Skipped, ...]]] = field(default_factory=list)
    drop_files: list[str] = field(default_factory=list)
    relabel: list[Article] = field(default_factory=list)  # same text; new outlet/author/date or labels
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        return bool(self.todo or self.remove or self.moved or self.drop_files or self.files or self.relabel)


class Indexer:
    """Builds and incrementally updates one index folder from one corpus."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None,
                 progress: bool | None = None, on_message: Callable[[str], None] | None = None):
        self.settings = settings
        # Cheap: the model itself loads on first use.
        self.embedder = embedder if embedder is not None else SentenceTransformerEmbedder.from_settings(self.settings)
        # None: bars only when stderr is a terminal (tqdm's own rule).
        self.progress = progress
        self.on_message = on_message or (lambda msg: print(msg, file=sys.stderr))

    @cached_property
    def chunker(self) -> Chunker:
        title = TITLE_TOKENS if self.settings.embed_titles else 0
        limit = min(self.settings.chunk_tokens, self.embedder.max_tokens - title)
        return Chunker(self.embedder.count_tokens, limit, self.settings.chunk_overlap, title)

    @cached_property
    def parser(self) -> SpeakerParser | None:
        """The attribution's parser (RAG_ATTRIBUTION_PARSER); its model loads when first needed."""
        return SpeakerParser.from_settings(self.settings)

    def identity(self) -> Identity:
        return Identity(self.embedder.model_id, self.settings.chunk_tokens,
                        self.settings.chunk_overlap, self.settings.embed_titles, SPLITTER_VERSION)

    def sync(self, rebuild: bool = False, reread: frozenset[str] = frozenset()) -> SyncReport:
        """Make the index match the corpus. Files in `reread` (corpus-relative) are read again
        even if their size and mtime are as stored, and their unchanged articles labelled
        again: an article whose text changed is embedded again, an unchanged one is not."""
        started = time.perf_counter()
        reader = CorpusReader(self.settings.corpus, int(self.settings.max_file_mb * 2**20))
        reader.check()  # before anything is created on disk
        labels_version = attribution_version(self.parser)  # a missing parser stops here too
        with IndexLock(self.settings.index, self.settings.lock_timeout, self.on_message):
            with IndexWriter.open(self.settings.index, self.identity(), lambda: self.embedder.dimension,
                                  rebuild=rebuild, config=VectorConfig.from_settings(self.settings)) as writer:
                writer.require_labels(labels_version)
                plan = self._plan(reader, writer, reread)
                embedded = self._embed_and_write(plan, writer)
                if plan.changes_anything:
                    writer.write_batch([], remove=plan.remove, files=plan.files, moved=plan.moved,
                                       drop_files=plan.drop_files,
                                       relabel=[ArticleLabels(a, attribute(a, self.parser)) for a in plan.relabel])
                manifest = writer.finish()
        return SyncReport(
            added=plan.added, updated=plan.updated, removed=len(plan.remove),
            unchanged=plan.unchanged, skipped=tuple(plan.skipped), chunks_embedded=embedded,
            chunks_total=manifest.chunks, articles_total=manifest.articles,
            seconds=time.perf_counter() - started,
        )

    def _plan(self, reader: CorpusReader, writer: IndexWriter, reread: frozenset[str] = frozenset()) -> _Plan:
        plan = _Plan()
        stamps, refused = reader.stamps()
        plan.skipped += refused
        stored_files = writer.files()
        stored = writer.articles()
        by_file: dict[str, list[StoredArticle]] = {}
        for article in stored.values():
            by_file.setdefault(article.file, []).append(article)

        to_read = []
        for stamp in stamps:
            known = stored_files.get(stamp.path)
            # Files that had skips are re-read: a duplicate may have become the only copy.
            if (known and (known.size, known.mtime_ns) == (stamp.size, stamp.mtime_ns) and not known.skipped
                    and stamp.path not in reread):
                continue
            to_read.append(stamp)
        fresh = {}
        for stamp in tqdm(to_read, desc="reading", unit="file", disable=self._bar_off(len(to_read) > 50)):
            fresh[stamp.path] = reader.read(stamp)
        # The articles of files read again are compared in full (outlet, author, labels).
        stored.update(writer.article_details(
            {a.id for result in fresh.values() for a in result.articles if a.id in stored}))

        seen_ids: dict[str, str] = {}
        seen_text: dict[tuple[str, str], str] = {}
        for stamp in stamps:
            result = fresh.get(stamp.path)
            if result is None:  # unchanged file: its articles are as stored
                entries = [(a.id, a.title, a.sha256, None) for a in by_file.get(stamp.path, [])]
                file_skips: list[Skipped] = []
            else:
                entries = [(a.id, a.title, a.sha256, a) for a in result.articles]
                file_skips = list(result.skipped)
            for article_id, title, sha, article in entries:
                where = article.source if article else article_id
                if article_id in seen_ids:
                    file_skips.append(Skipped(where, f"duplicate id {article_id!r} (first in {seen_ids[article_id]})"))
                    continue
                # Same title and text is the same article saved twice; scrapers also give
                # different articles identical junk text, which the title tells apart.
                if (title, sha) in seen_text:
                    file_skips.append(Skipped(where, f"same article as {seen_text[title, sha]!r}"))
                    continue
                seen_ids[article_id] = stamp.path
                seen_text[title, sha] = article_id
                before = stored.get(article_id)
                # The title is embedded and searchable with each chunk, so it counts as content.
                if before is not None and (before.sha256, before.title) == (sha, title):
                    if before.file != stamp.path:
                        plan.moved.append((article_id, stamp.path))
                    # Who published it and when, and who says each sentence, are not embedded:
                    # new ones need no new vectors.
                    published = (before.outlet, before.author, before.date)
                    if article is not None and published != (article.outlet, article.author, article.date):
                        plan.relabel.append(article)
                        plan.updated += 1
                        continue
                    # Asked to re-read: who says what is worked out again, at no embedding cost.
                    if article is not None and (not before.labelled or stamp.path in reread):
                        plan.relabel.append(article)
                    plan.unchanged += 1
                    continue
                if article is None:  # stored under this file but changed: impossible unless re-read
                    raise AssertionError(f"cached article {article_id} changed without its file")
                plan.todo.append((article, stamp.path))
                if before is None:
                    plan.added += 1
                else:
                    plan.updated += 1
            plan.skipped += file_skips
            if result is not None or file_skips:
                plan.files.append((stamp, tuple(file_skips)))
        plan.remove = sorted(set(stored) - set(seen_ids))
        plan.drop_files = sorted(set(stored_files) - {s.path for s in stamps})
        return plan

    def _embed_and_write(self, plan: _Plan, writer: IndexWriter) -> int:
        """Chunk and embed pending articles, committing every `commit_chunks` chunks."""
        if not plan.todo:
            return 0
        if self.parser is not None:
            # New articles are labelled after they are embedded: load the parser meanwhile
            # (ONNX Runtime lets go of the GIL while it runs). Saves its load, about 1 s, of
            # `rag index` adding one article. The embedding model is loaded first: spaCy is
            # imported with torch hidden (rag/parse.py), so nothing may import torch meanwhile
            # (a first ONNX export does; the torch backend's model load does).
            self.embedder.warm_up()
            self.parser.preload()
        chunked = [(article, file, self.chunker.split(article)) for article, file in
                   tqdm(plan.todo, desc="chunking", unit="article", disable=self._bar_off(len(plan.todo) > 200))]
        total = sum(len(chunks) for *_, chunks in chunked)
        limit = self.settings.commit_chunks
        done = 0
        with tqdm(total=total, desc="embedding", unit="chunk", disable=self._bar_off(total > 0)) as bar:
            batch: list[tuple[Article, str, list[Chunk]]] = []
            size = 0
            for i, item in enumerate(chunked):
                batch.append(item)
                size += len(item[2])
                if size >= limit or i == len(chunked) - 1:
                    rows = self.embed_articles(batch)
                    writer.write_batch(rows)
                    done += size
                    bar.update(size)
                    batch, size = [], 0
        return done

    def embed_articles(self, batch: list[tuple[Article, str, list[Chunk]]]) -> list[ArticleWrite]:
        """`write_batch` rows: each chunk's vector, and its sentences with pooled vectors."""
        texts, spans, shifts = [], [], []
        for article, _, chunks in batch:
            inputs = self.chunker.embedding_inputs(article, chunks)
            sentences = sentence_spans(article.text)
            for chunk, text in zip(chunks, inputs, strict=True):
                # Article offsets -> offsets in the embedded text (title first).
                shifts.append(len(text) - len(chunk.text) - chunk.start)
                spans.append(chunk_sentences(sentences, chunk))
            texts += inputs
        # Who says what is worked out in a second thread while the batch embeds: it is
        # Python (and spaCy) on one core, and ONNX Runtime lets go of the GIL. Run after the
        # embedding, it left a core idle; bench/ingest.py on 420 news-dev articles, int8:
        # pipeline / raw encoder 0.876 against 0.816 after it (README, Indexing on int8).
        with ThreadPoolExecutor(1, thread_name_prefix="attribution") as pool:
            labels = pool.map(lambda article: attribute(article, self.parser), [a for a, _, _ in batch])
            vectors, pooled = self.embedder.embed_spans(
                texts, [[(a + d, b + d) for a, b in ss] for ss, d in zip(spans, shifts, strict=True)])
            labels = list(labels)
        rows, offset = [], 0
        for (article, file, chunks), labelled in zip(batch, labels, strict=True):
            part = slice(offset, offset + len(chunks))
            rows.append(ArticleWrite(article, file, chunks, vectors[part],
                                     [SpanVectors(s, v) for s, v in zip(spans[part], pooled[part], strict=True)],
                                     labelled))
            offset += len(chunks)
        return rows

    def _bar_off(self, worth_showing: bool) -> bool | None:
        """tqdm's `disable`: None lets tqdm hide bars when not on a terminal."""
        if not worth_showing or self.progress is False:
            return True
        return False if self.progress else None
