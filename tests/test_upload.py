"""Uploaded files land in the corpus under safe names; nothing else is written or lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.upload import safe_name, save_upload


@pytest.mark.parametrize(("sent", "saved"), [
    ("report.txt", "report.txt"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("/abs/path/news.MD", "news.md"),
    ("C:\\Users\\x\\story.html", "story.html"),
    ("evil\x00.txt", "evil.txt"),
    ("..txt", "upload.txt"),
    (".hidden.jsonl", "hidden.jsonl"),
    ("Ünïcödé nämé.pdf", "Unicode name.pdf"),
    ("a<b>|c?.txt", "a_b_c.txt"),
    ("x" * 300 + ".txt", "x" * 116 + ".txt"),
])
def test_safe_names(sent: str, saved: str) -> None:
    assert safe_name(sent) == saved


def upload(tmp_path: Path, name: str, data: bytes, corpus: Path, max_mb: float = 1.0):
    source = tmp_path / "incoming.bin"
    source.write_bytes(data)
    return save_upload(corpus, name, source, max_mb)


def test_uploads_never_leave_the_corpus_or_overwrite(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first = upload(tmp_path, "../../../story.txt", b"Lavrov spoke.", corpus)
    assert first.path == "uploads/story.txt" and (corpus / "uploads/story.txt").read_bytes() == b"Lavrov spoke."
    same = upload(tmp_path, "story.txt", b"Lavrov spoke.", corpus)
    assert same.path == "uploads/story.txt" and "unchanged" in same.message
    other = upload(tmp_path, "story.txt", b"Shoigu spoke.", corpus)
    assert other.path == "uploads/story-2.txt" and "different" in other.message
    assert (corpus / "uploads/story.txt").read_bytes() == b"Lavrov spoke."  # the first is kept
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {"incoming.bin", "corpus/uploads/story.txt", "corpus/uploads/story-2.txt"}


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("tool.exe", b"MZ", "type .exe"),
    ("noext", b"text", "type (none)"),
    ("big.txt", b"x" * (2 * 2**20), "over the 1 MiB limit"),
    ("empty.md", b"", "empty"),
])
def test_refused_uploads_say_why_and_write_nothing(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    saved = upload(tmp_path, name, data, corpus)
    assert saved.path is None and reason in saved.message
    assert not any(corpus.rglob("*.*"))
