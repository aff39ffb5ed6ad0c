"""The article list: what the index holds, one row per article (title, outlet, date, chunk
count, the file it came from and whether it was uploaded), searched by title and outlet; one
article to read with who says each of its sentences; and the two changes a reader may make
from the list: remove an article (its file is deleted from the corpus folder, then the index
synced: an uploaded file at once, a file put in the folder by hand or one that holds several
articles only when confirmed, and never a path outside the corpus or a symbolic link) and
re-read one (its file read again and the index synced even if its size and mtime are
unchanged, embedding only what changed)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .errors import RagError
from .types import ArticleChange, ArticleView, Attribution, ListedArticle, SyncReport
from .upload import UPLOADS

if TYPE_CHECKING:
    from .index import IndexReader

#: What confirming a removal means, in every refusal that asks for it.
CONFIRM = "confirm to delete it (--yes, or tick the confirmation box in the app)"


def list_articles(reader: IndexReader, query: str = "") -> list[ListedArticle]:
    """Every indexed article, newest first, or those whose title or outlet holds every word of `query`."""
    return [a for a in reader.listed_articles(UPLOADS) if matches(a, query)]


def matches(article: ListedArticle, query: str) -> bool:
    """Whether each word of `query` occurs in the article's title or outlet (case ignored)."""
    haystack = f"{article.title} {article.outlet or ''}".casefold()
    return all(word in haystack for word in query.casefold().split())


def find(reader: IndexReader, article_id: str) -> ListedArticle:
    """The listed article with this id, or a one-line error."""
    found = reader.listed_articles(UPLOADS, [article_id])
    if not found:
        raise RagError(f"no article {article_id!r} in the index; `rag articles` lists them")
    return found[0]


def read_article(reader: IndexReader, article_id: str) -> ArticleView:
    """The article's listing, its text and its sentences' attributions (in text order)."""
    article = find(reader, article_id)
    row = reader.article_rows([article_id])[article_id]
    return ArticleView(article, row.text, tuple(reader.attributions([article_id])[article_id]))


def speaker_label(a: Attribution) -> str | None:
    """Who says a sentence, as the article list marks it; None for the outlet's own reporting."""
    if a.kind in ("quote", "indirect", "transcript"):
        who = a.speaker or "unnamed speaker"
        return f"{who} ({a.role})" if a.role else who
    if a.kind == "comment":
        return f"reader comment by {a.speaker}" if a.speaker else "reader comment"
    if a.kind == "embedded":
        return f"embedded post by {a.speaker}" if a.speaker else "embedded post"
    if a.kind == "furniture":
        return "page furniture"
    return None


def remove_article(corpus: Path, reader: IndexReader, article_id: str, confirmed: bool,
                   sync: Callable[[], SyncReport]) -> ArticleChange:
    """Delete the article's file from the corpus folder, then `sync` the index. Refused, with
    nothing deleted, unless `confirmed`, when the file was put in the folder by hand or holds
    other articles too; always refused for a path outside the corpus or through a symlink."""
    article = find(reader, article_id)
    corpus = Path(corpus)
    if corpus.is_file():
        raise RagError(f"the corpus is the one file {corpus}; remove the article's line from it "
                       "yourself, then run `rag index`")
    together = [a for a in reader.listed_articles(UPLOADS) if a.file == article.file]
    path = _corpus_file(corpus, article.file)
    # A file already gone deletes nothing: the sync only catches up with the folder.
    if not confirmed and os.path.lexists(path):
        if len(together) > 1:
            raise RagError(f"{article.file} holds {len(together)} articles; removing {article_id!r} "
                           f"deletes the file and all {len(together)} of them: {CONFIRM}")
        if not article.uploaded:
            raise RagError(f"{article.file} was put in the corpus folder by hand, not uploaded; "
                           f"removing the article deletes that file from disk: {CONFIRM}")
    try:
        os.unlink(path)
        gone = f"deleted {article.file}"
    except FileNotFoundError:  # deleted meanwhile: the sync drops its articles all the same
        gone = f"{article.file} was already gone"
    except OSError as exc:
        raise RagError(f"cannot delete {article.file}: {exc.strerror}; nothing was removed") from exc
    report = sync()
    count = f"{len(together)} articles" if len(together) > 1 else "1 article"
    return ArticleChange(article.file, tuple(a.id for a in together),
                         f"{gone} and removed its {count} from the index "
                         f"({report.articles_total} articles left)", report)


def reread_article(reader: IndexReader, article_id: str,
                   sync: Callable[[frozenset[str]], SyncReport]) -> ArticleChange:
    """Read the article's file again and sync, even if its size and mtime are as stored (edited
    with its mtime kept, or to label its speakers again); unchanged text is not embedded again."""
    article = find(reader, article_id)
    together = [a.id for a in reader.listed_articles(UPLOADS) if a.file == article.file]
    report = sync(frozenset({article.file}))
    return ArticleChange(article.file, tuple(together),
                         f"re-read {article.file}: {report.added} added, {report.updated} updated, "
                         f"{report.removed} removed, {report.chunks_embedded} chunks embedded", report)


def _corpus_file(corpus: Path, file: str) -> Path:
    """The regular file `file` names inside the corpus folder, reached through no symbolic
    link; a one-line error (and nothing deleted) for anything else."""
    root = corpus.resolve()
    rel = PurePosixPath(file)
    if not rel.parts or rel.is_absolute() or ".." in rel.parts:
        raise RagError(f"{file!r} is not a path inside the corpus; nothing was deleted")
    path = root
    for part in rel.parts:
        path = path / part
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            return path  # already gone: nothing to delete, the sync forgets it
        except OSError as exc:
            raise RagError(f"cannot check {file}: {exc.strerror}; nothing was deleted") from exc
        if stat.S_ISLNK(mode):
            raise RagError(f"{path.relative_to(root)} is a symbolic link; rag never deletes through one "
                           "(remove the file yourself, then run `rag index`)")
    if not stat.S_ISREG(mode):
        raise RagError(f"{file} is not a regular file; nothing was deleted")
    return path
