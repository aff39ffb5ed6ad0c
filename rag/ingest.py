"""Read a corpus folder (or one .jsonl file) into Articles; bad files are skipped and reported."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

from .errors import RagError
from .metadata import describe, guess_title, outlet_from_url
from .text import BINARY_CONTROL, normalise_article
from .types import Article, FileResult, FileStamp, Skipped

SUPPORTED = {".txt", ".md", ".html", ".htm", ".pdf", ".jsonl"}
_MIN_HTML_WORDS = 5


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode(data: bytes) -> str | None:
    """Bytes to text: UTF-8, else cp1252/latin-1; None when it is not text at all."""
    if b"\x00" in data[:8192]:
        return None
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # latin-1 decodes any bytes; many control characters mean it was not text.
        if len(BINARY_CONTROL.findall(text)) <= max(2, len(text) // 1000):
            return text
    return None


def make_article(
    id: str, text: str, source: str, title: str | None = None, date: str | None = None,
    outlet: str | None = None, author: str | None = None,
) -> Article:
    """An Article; metadata not given is read from the source URL and the text's own cues."""
    text = normalise_article(text)
    title = " ".join((title or "").split()) or guess_title(text, fallback=id)
    meta = describe(text, url=source, outlet=outlet, author=author, date=date)
    return Article(id=id, title=title, text=text, source=source, date=meta.date,
                   sha256=text_sha256(text), outlet=meta.outlet, author=meta.author)


class CorpusReader:
    """Lists corpus files and turns each into Articles; knows nothing about the index."""

    def __init__(self, corpus: Path, max_file_bytes: int):
        self.corpus = Path(corpus)
        self.max_file_bytes = max_file_bytes

    def check(self) -> None:
        """Raise a RagError unless the corpus is a folder or a .jsonl file."""
        if not self.corpus.exists():
            raise RagError(f"corpus not found: {self.corpus}")
        if self.corpus.is_file() and self.corpus.suffix.lower() != ".jsonl":
            raise RagError(f"a corpus file must be .jsonl, got {self.corpus}")

    def stamps(self) -> tuple[list[FileStamp], list[Skipped]]:
        """Every candidate file's stamp, plus files refused before reading them."""
        self.check()
        if self.corpus.is_file():
            st = self.corpus.stat()
            return [FileStamp(self.corpus.name, st.st_size, st.st_mtime_ns)], []
        root = self.corpus.resolve()
        stamps: list[FileStamp] = []
        skipped: list[Skipped] = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                path = Path(dirpath) / name
                rel = path.relative_to(root).as_posix()
                if path.is_symlink():
                    target = path.resolve()
                    if not target.is_relative_to(root):
                        skipped.append(Skipped(rel, "symlink to a file outside the corpus"))
                        continue
                if path.suffix.lower() not in SUPPORTED:
                    skipped.append(Skipped(rel, f"unsupported file type {path.suffix or '(none)'}"))
                    continue
                try:
                    st = path.stat()
                except OSError as exc:
                    skipped.append(Skipped(rel, f"cannot read: {exc.strerror}"))
                    continue
                stamps.append(FileStamp(rel, st.st_size, st.st_mtime_ns))
        return stamps, skipped

    def _path(self, stamp: FileStamp) -> Path:
        return self.corpus if self.corpus.is_file() else self.corpus / stamp.path

    def read(self, stamp: FileStamp) -> FileResult:
        """All articles of one file; a bad file yields a Skipped, never an exception."""
        rel = stamp.path

        def skip(reason: str) -> FileResult:
            return FileResult(stamp, (), (Skipped(rel, reason),))

        if stamp.size == 0:
            return skip("empty file")
        if stamp.size > self.max_file_bytes:
            limit = self.max_file_bytes / 2**20
            return skip(f"file is {stamp.size / 2**20:.1f} MiB, over the {limit:g} MiB limit")
        try:
            data = self._path(stamp).read_bytes()
        except OSError as exc:
            return skip(f"cannot read: {exc.strerror}")
        suffix = Path(rel).suffix.lower()
        if suffix == ".pdf":
            return self._pdf(stamp, data)
        text = decode(data)
        if text is None:
            return skip("binary or undecodable file")
        if suffix == ".jsonl":
            return self._jsonl(stamp, text)
        if suffix in (".html", ".htm"):
            return self._html(stamp, text)
        if not text.strip():
            return skip("no text (whitespace only)")
        return FileResult(stamp, (make_article(rel, text, rel),), ())

    def _html(self, stamp: FileStamp, html: str) -> FileResult:
        import trafilatura  # slow import, only needed for HTML

        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        text = (doc.text or "") if doc is not None else ""
        # Pages without an article make trafilatura fall back to stray menu words.
        if len(text.split()) < _MIN_HTML_WORDS:
            return FileResult(stamp, (), (Skipped(stamp.path, "HTML has no main text"),))
        article = make_article(
            stamp.path, text, stamp.path, title=getattr(doc, "title", None),
            date=getattr(doc, "date", None), outlet=_page_outlet(doc),
            author=getattr(doc, "author", None),
        )
        return FileResult(stamp, (article,), ())

    def _pdf(self, stamp: FileStamp, data: bytes) -> FileResult:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        try:
            reader = PdfReader(io.BytesIO(data))
            pages = [page.extract_text() or "" for page in reader.pages]
            title = reader.metadata.title if reader.metadata else None
        except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
            reason = f"malformed PDF ({type(exc).__name__}: {str(exc)[:80]})"
            return FileResult(stamp, (), (Skipped(stamp.path, reason),))
        text = "\n\n".join(p.strip() for p in pages if p.strip())
        if not text:
            return FileResult(stamp, (), (Skipped(stamp.path, "PDF has no extractable text"),))
        return FileResult(stamp, (make_article(stamp.path, text, stamp.path, title),), ())

    def _jsonl(self, stamp: FileStamp, text: str) -> FileResult:
        articles: list[Article] = []
        skipped: list[Skipped] = []
        for lineno, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            where = f"{stamp.path}#{lineno}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                skipped.append(Skipped(where, f"invalid JSON ({exc.msg})"))
                continue
            if not isinstance(row, dict):
                skipped.append(Skipped(where, "line is not a JSON object"))
                continue
            body = row.get("text")
            if not isinstance(body, str) or not body.strip():
                skipped.append(Skipped(where, 'missing or empty "text"'))
                continue
            meta = {k: row.get(k) for k in ("id", "title", "url", "date", "outlet", "author")}
            if any(v is not None and not isinstance(v, (str, int)) for v in meta.values()):
                reason = "id, title, url, date, outlet and author must be strings"
                skipped.append(Skipped(where, reason))
                continue
            article_id = str(meta["id"]) if meta["id"] not in (None, "") else where
            articles.append(
                make_article(
                    article_id,
                    body,
                    source=str(meta["url"] or where),
                    title=None if meta["title"] is None else str(meta["title"]),
                    date=None if meta["date"] is None else str(meta["date"]),
                    outlet=None if meta["outlet"] is None else str(meta["outlet"]),
                    author=None if meta["author"] is None else str(meta["author"]),
                )
            )
        return FileResult(stamp, tuple(articles), tuple(skipped))


def _page_outlet(doc) -> str | None:
    """The page's site name, else the outlet of its canonical URL (trafilatura reads both)."""
    return getattr(doc, "sitename", None) or outlet_from_url(getattr(doc, "url", None))
