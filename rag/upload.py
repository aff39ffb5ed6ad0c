"""Files sent from the browser -> the corpus folder, under safe names, never overwriting."""

from __future__ import annotations

import os
import re
import secrets
import stat
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
    the upload gets a numbered one. Safe for uploads of one name at the same time."""
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
    folder = _uploads_folder(corpus)
    data = source.read_bytes()
    tmp = _write_temporary(folder, clean, data)
    try:
        stem = Path(clean).stem
        for n in range(1, 1000):
            target = folder / (clean if n == 1 else f"{stem}-{n}{suffix}")
            if target.parent != folder:  # cannot happen after safe_name; checked because it matters
                raise RagError(f"refusing to write outside {folder}")
            try:
                # A hard link appears whole and never replaces a file: of two uploads racing
                # for one name, one gets it and the other sees the file that is there.
                os.link(tmp, target)
            except FileExistsError:
                if _same_bytes(target, data):
                    return Saved(name, _relative(corpus, target), f"{target.name}: already in the corpus, unchanged")
                continue
            except OSError as exc:
                raise RagError(f"cannot save {target.name} in {folder}: {exc.strerror}") from exc
            renamed = f" (a different {clean} exists)" if n > 1 else ""
            return Saved(name, _relative(corpus, target), f"saved as {UPLOADS}/{target.name}{renamed}")
        return Saved(name, None, f"{name!r} refused: too many files named {clean}")
    finally:
        tmp.unlink(missing_ok=True)


def _uploads_folder(corpus: Path) -> Path:
    """`corpus/uploads`, made if missing; refused if it is a symbolic link (uploads would
    land wherever it points) or not a folder."""
    folder = corpus.resolve() / UPLOADS
    try:
        folder.mkdir()  # never through a symbolic link, even a dangling one: that exists
    except FileExistsError:
        pass
    except OSError as exc:
        raise RagError(f"cannot make the uploads folder {folder}: {exc.strerror}") from exc
    mode = folder.lstat().st_mode
    if stat.S_ISLNK(mode):
        raise RagError(f"refusing to save uploads: {folder} is a symbolic link; make it a plain folder")
    if not stat.S_ISDIR(mode):
        raise RagError(f"refusing to save uploads: {folder} is not a folder")
    return folder


def _write_temporary(folder: Path, clean: str, data: bytes) -> Path:
    """`data` in a new hidden file of its own in `folder` (ingest skips hidden files)."""
    for _ in range(100):
        tmp = folder / f".{clean}.{secrets.token_hex(6)}.part"
        try:
            # Like mkstemp, but 0o666 less the umask, as a plainly written file would be.
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return tmp
    raise RagError(f"cannot make a temporary file in {folder}")


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _relative(corpus: Path, path: Path) -> str:
    return path.relative_to(corpus.resolve()).as_posix()
