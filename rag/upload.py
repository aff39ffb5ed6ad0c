"""Files sent from the browser -> the corpus folder, under safe names, never overwriting."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

from .errors import RagError
from .ingest import SUPPORTED
from .types import Saved

UPLOADS = "uploads"  # uploaded files go to this folder inside the corpus
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_name(name: str) -> str:
    """A plain file name from whatever the browser sent: no folders, no control characters,
    no leading dots, only letters, digits, `._ -`, at most 120 characters."""
    base = re.split(r"[\\/]", name.replace("\x00", ""))[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    base = _UNSAFE.sub("_", base)
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = suffix.strip(" ._")
    stem = stem.strip(" ._")[: 120 - len(suffix) - 1].strip(" ._") or "upload"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def save_upload(corpus: Path, name: str, source: Path, max_mb: float) -> Saved:
    """Copy `source` (a temporary file) into `corpus/uploads/` as `safe_name(name)`. An
    existing file with the same bytes is left as it is; a different one keeps its name and
    the upload gets a numbered one."""
    if not corpus.is_dir():
        raise RagError(f"uploads need a corpus folder; {corpus} is not one")
    clean = safe_name(name)
    suffix = Path(clean).suffix
    if suffix not in SUPPORTED:
        allowed = " ".join(sorted(SUPPORTED))
        return Saved(name, None, f"{name!r} refused: type {suffix or '(none)'} is not one of {allowed}")
    size = source.stat().st_size
    if size > max_mb * 2**20:
        return Saved(name, None, f"{name!r} refused: {size / 2**20:.1f} MiB is over the {max_mb:g} MiB limit")
    if size == 0:
        return Saved(name, None, f"{name!r} refused: the file is empty")
    folder = (corpus / UPLOADS).resolve()
    folder.mkdir(exist_ok=True)
    data = source.read_bytes()
    digest = hashlib.sha256(data).digest()
    stem = Path(clean).stem
    for n in range(1, 1000):
        target = folder / (clean if n == 1 else f"{stem}-{n}{suffix}")
        if target.parent != folder:  # cannot happen after safe_name; checked because it matters
            raise RagError(f"refusing to write outside {folder}")
        if target.exists():
            if hashlib.sha256(target.read_bytes()).digest() == digest:
                return Saved(name, _relative(corpus, target), f"{target.name}: already in the corpus, unchanged")
            continue
        tmp = target.with_name(f".{target.name}.part")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        renamed = f" (a different {clean} exists)" if n > 1 else ""
        return Saved(name, _relative(corpus, target), f"saved as {UPLOADS}/{target.name}{renamed}")
    return Saved(name, None, f"{name!r} refused: too many files named {clean}")


def _relative(corpus: Path, path: Path) -> str:
    return path.relative_to(corpus.resolve()).as_posix()
