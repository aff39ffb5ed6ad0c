"""Uploaded files land in the corpus under safe names; nothing else is written or lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.errors import RagError
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


def upload_at_once(tmp_path: Path, corpus: Path, name: str, contents: list[bytes]) -> list:
    """Each content uploaded under `name` by its own thread, all released together."""
    import threading

    sources = []
    for i, data in enumerate(contents):
        source = tmp_path / "incoming" / f"{i}.bin"
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_bytes(data)
        sources.append(source)
    start = threading.Barrier(len(contents))
    results: list = [None] * len(contents)

    def send(i: int) -> None:
        start.wait()
        try:
            results[i] = save_upload(corpus, name, sources[i], 1.0)
        except Exception as exc:  # noqa: BLE001 - a failed upload is the finding
            results[i] = exc

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(contents))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_concurrent_uploads_of_one_name_keep_every_content(tmp_path: Path) -> None:
    """Eight different files sent as story.txt at once: eight files, none lost or overwritten.
    A stress test (the race is in the file system, so it may take rounds to show)."""
    for round_ in range(25):
        corpus = tmp_path / f"corpus{round_}"
        corpus.mkdir()
        contents = [f"Report {i} of round {round_}: Lavrov spoke.".encode() * (1 + 40 * i) for i in range(8)]
        results = upload_at_once(tmp_path / f"r{round_}", corpus, "story.txt", contents)
        assert not [r for r in results if isinstance(r, Exception)], results
        stored = {p.name: p.read_bytes() for p in (corpus / "uploads").iterdir()}
        assert sorted(stored.values()) == sorted(contents), f"round {round_}: {sorted(stored)}"
        for saved, data in zip(results, contents, strict=True):
            assert (corpus / saved.path).read_bytes() == data


def test_concurrent_uploads_of_the_same_content_store_it_once(tmp_path: Path) -> None:
    for round_ in range(25):
        corpus = tmp_path / f"corpus{round_}"
        corpus.mkdir()
        contents = [b"Shoigu spoke.", b"Ryabkov spoke."] * 4
        results = upload_at_once(tmp_path / f"r{round_}", corpus, "story.txt", contents)
        assert not [r for r in results if isinstance(r, Exception)], results
        stored = sorted(p.read_bytes() for p in (corpus / "uploads").iterdir())
        assert stored == [b"Ryabkov spoke.", b"Shoigu spoke."], f"round {round_}"
        assert len({r.path for r in results}) == 2


@pytest.mark.parametrize("where", ["folder", "missing"])
def test_a_symlinked_uploads_folder_is_refused(tmp_path: Path, where: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    elsewhere = tmp_path / "elsewhere"
    if where == "folder":
        elsewhere.mkdir()
    (corpus / "uploads").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(RagError, match="uploads is a symbolic link"):
        upload(tmp_path, "story.txt", b"Lavrov spoke.", corpus)
    assert not elsewhere.exists() or not any(elsewhere.iterdir())
    assert not any(corpus.rglob("*.txt"))


def test_an_uploads_file_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "uploads").write_text("not a folder")
    with pytest.raises(RagError, match="uploads is not a folder"):
        upload(tmp_path, "story.txt", b"Lavrov spoke.", corpus)
    assert (corpus / "uploads").read_text() == "not a folder"
