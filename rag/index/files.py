"""The index folder's files: the manifest naming the current generation, generations and
their stale leftovers, atomic writes, and the one-writer lock."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..errors import IndexBusyError, StoreError
from .schema import MIGRATES_FROM, SCHEMA_VERSION, damaged, is_damage

MANIFEST = "manifest.json"
_STORE_FILE = re.compile(r"^store-(\d+)\.(sqlite|faiss|lexical)(-wal|-shm|-journal|\.tmp)?$")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Identity:
    """What makes vectors comparable: same model, same chunking, same schema."""

    embed_model: str
    chunk_tokens: int
    chunk_overlap: int
    embed_titles: bool
    splitter_version: int
    schema_version: int = SCHEMA_VERSION

    def differences(self, other: Identity) -> list[str]:
        mine, theirs = asdict(self), asdict(other)
        if theirs["schema_version"] in MIGRATES_FROM:  # the writer upgrades it in place
            theirs["schema_version"] = mine["schema_version"]
        return [f"{k} {theirs[k]} -> {mine[k]}" for k in mine if mine[k] != theirs[k]]


@dataclass(frozen=True)
class Manifest:
    identity: Identity
    generation: int
    dimension: int
    articles: int = 0
    chunks: int = 0
    updated_at: str = field(default_factory=now)

    def to_json(self) -> str:
        data = asdict(self)
        data["identity"] = asdict(self.identity)
        return json.dumps(data, indent=2, sort_keys=True) + "\n"

    @classmethod
    def load(cls, index_dir: Path) -> Manifest | None:
        path = index_dir / MANIFEST
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data["identity"] = Identity(**data["identity"])
            manifest = cls(**data)
            if not isinstance(manifest.generation, int) or not isinstance(manifest.dimension, int):
                raise TypeError("generation and dimension must be integers")
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(
                f"{path} is damaged ({type(exc).__name__}); run `rag index --rebuild`"
            ) from exc
        return manifest

    def write(self, index_dir: Path) -> None:
        atomic_write(index_dir / MANIFEST, lambda tmp: tmp.write_text(self.to_json(), encoding="utf-8"))


def store_path(index_dir: Path, generation: int) -> Path:
    """A generation's SQLite file; its vector files sit beside it under the same stem."""
    return index_dir / f"store-{generation}.sqlite"


def current_manifest(index_dir: Path) -> Manifest | None:
    """The manifest on disk, or None when there is none or it is damaged (a rebuild)."""
    try:
        return Manifest.load(index_dir)
    except StoreError:
        return None


def next_generation(index_dir: Path) -> int:
    numbers = [int(m.group(1)) for p in index_dir.iterdir() if (m := _STORE_FILE.match(p.name))]
    current = current_manifest(index_dir)
    return max(numbers + [current.generation if current else 0]) + 1


def remove_stale(index_dir: Path, keep: int | None) -> None:
    """Delete store files of generations other than the current and `keep`."""
    current = current_manifest(index_dir)
    live = {keep, current.generation if current else None}
    for path in index_dir.iterdir():
        m = _STORE_FILE.match(path.name)
        if m and (int(m.group(1)) not in live or m.group(3) == ".tmp"):
            if path.is_dir() and not path.is_symlink():  # a lexical mirror's folder
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file, fsync, then rename over `path`."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_failed(path, exc) from exc


def write_failed(path: Path, exc: OSError | sqlite3.Error) -> StoreError:
    """The one-line error for a failed index write; what was committed before stays usable."""
    if isinstance(exc, sqlite3.Error) and is_damage(exc):
        return damaged(path, exc)
    if getattr(exc, "errno", None) == errno.ENOSPC or "disk is full" in str(exc):
        return StoreError(f"the disk holding {path.parent} is full; free some space and run "
                          "`rag index` again (the index keeps everything written before)")
    reason = getattr(exc, "strerror", None) or str(exc)
    return StoreError(f"cannot write {path}: {reason}; the index keeps everything written before")


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """SQLite failures while changing this store file as one-line StoreErrors."""
    try:
        yield
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise  # a mistake in the code (a closed connection), not the file
    except sqlite3.Error as exc:
        raise write_failed(path, exc) from exc


class IndexLock:
    """Exclusive write lock on an index folder; the kernel frees it if the holder dies."""

    def __init__(self, index_dir: Path, timeout: float, on_wait: Callable[[str], None] | None = None):
        self.path = index_dir / ".lock"
        self.timeout = timeout
        self.on_wait = on_wait
        self._fh = None

    def __enter__(self) -> IndexLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(self.path, "a+")
        except IsADirectoryError:
            raise StoreError(f"{self.path} is a folder, not the index's lock file; remove it "
                             "and run `rag index` again") from None
        except OSError as exc:
            raise StoreError(f"cannot open the lock file {self.path} ({exc.strerror}); check "
                             "the index folder's permissions") from None
        deadline = time.monotonic() + self.timeout
        told = False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip() or "?"
                if time.monotonic() >= deadline:
                    fh.close()
                    raise IndexBusyError(
                        f"another `rag index` (pid {holder}) is updating {self.path.parent}; "
                        "try again when it has finished"
                    ) from None
                if not told and self.on_wait:
                    self.on_wait(f"waiting for another `rag index` (pid {holder}) to finish…")
                    told = True
                time.sleep(0.2)
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc) -> None:
        if self._fh:
            self._fh.close()  # closing releases the flock
            self._fh = None
