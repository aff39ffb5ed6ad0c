"""The real `rag` command in subprocesses: output contracts, kill -9 mid-build, two writers."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from rag.pipeline import Pipeline
from rag.settings import Settings
from rag.index import IndexLock

from .conftest import assert_consistent, make_articles, run_rag, seed_paragraphs

REPORT_KEYS = {"added", "updated", "removed", "unchanged", "skipped", "chunks_embedded",
               "chunks_total", "articles_total", "seconds"}


def test_index_and_status_json_contracts(corpus: Path) -> None:
    (corpus / "junk.bin").write_bytes(b"\x00\x01")
    proc = run_rag("index", "--json", check=True)
    report = json.loads(proc.stdout)  # exactly one object, nothing else on stdout
    assert set(report) == REPORT_KEYS
    assert report["added"] == report["articles_total"] == 5 and report["skipped"] == 1
    assert "skipped junk.bin: unsupported file type .bin" in proc.stderr

    human = run_rag("index", check=True).stdout
    assert "0 added" in human and "5 unchanged" in human and "0 chunks embedded" in human

    status = json.loads(run_rag("status", "--json", check=True).stdout)
    assert status["articles"] == 5 and status["chunks"] == report["chunks_total"]
    assert status["dimension"] == 384 and status["embed_model"].startswith("sentence-transformers/all-MiniLM-L6-v2@")
    assert status["updated_at"]


def test_errors_are_one_line_with_nonzero_exit(tmp_path: Path) -> None:
    proc = run_rag("index", "--corpus", str(tmp_path / "missing"))
    assert proc.returncode == 1 and proc.stderr.strip().splitlines() == [f"error: corpus not found: {tmp_path / 'missing'}"]
    proc = run_rag("status")
    assert proc.returncode == 1 and proc.stderr.strip().startswith("error: no index at")
    assert "Traceback" not in proc.stderr
    proc = run_rag("index", env={"RAG_CHUNK_TOKENS": "lots"})
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "chunk_tokens" in proc.stderr


def committed_articles(index: Path) -> int:
    db = index / "store-1.sqlite"
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_twenty_kills_at_random_moments_never_break_the_index(tmp_path: Path, embedder) -> None:
    """The folder changes between runs (articles added, edited, deleted), so every run has
    work to do; each run is killed (SIGKILL) at a random moment: half at any time from start,
    half shortly after its first commit. After every kill the index loads, is consistent and
    answers; at the end one run completes and its counts match the folder."""
    corpus, index = tmp_path / "big", tmp_path / "index"
    make_articles(corpus, 24)
    env = {**os.environ, "RAG_CORPUS": str(corpus), "RAG_INDEX": str(index), "RAG_COMMIT_CHUNKS": "8"}
    settings = Settings(corpus=corpus, index=index, llm="extractive")
    rng = random.Random(5)
    kills = after_commit = 0
    # Runs with little to do can finish before their kill: go on until 20 were killed (on a
    # quiet machine more runs finish first: 60 rounds once gave only 17 kills).
    for round in range(120):
        if kills >= 20:
            break
        mutate_corpus(corpus, rng, round)
        before = committed_articles(index)
        proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "index"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if round % 2:
            deadline = time.monotonic() + 60
            while committed_articles(index) == before and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.uniform(0, 1.0))
        else:
            # Within a run's few seconds: since it no longer imports torch, `rag index` starts
            # in about 1.5 s, and waits of up to 8 s let most runs finish unkilled.
            time.sleep(rng.uniform(0, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
            after_commit += committed_articles(index) != before
        proc.wait(timeout=30)
        if (index / "manifest.json").exists():
            with assert_consistent(index) as reader:
                chunks = reader.count_chunks()
            answer = Pipeline(settings, embedder).ask("What did Shoigu say about the moderate opposition?")
            # Whatever was committed before the kill is searched, and an answer quotes it.
            assert bool(answer.passages) == bool(chunks)
            assert answer.refused or (answer.citations and all(
                c.supported and c.quote in answer.passages[c.n - 1].text for c in answer.citations))
            assert not (answer.refused and answer.citations)
    print(f"{kills} kills, {after_commit} after a commit of that run")
    assert kills >= 20 and after_commit >= 5, (kills, after_commit)
    final = json.loads(run_rag("index", "--json", env=env, check=True).stdout)
    in_folder = len(list(corpus.glob("*.txt")))
    assert final["articles_total"] == in_folder and final["skipped"] == 0
    with assert_consistent(index) as reader:
        assert reader.count_articles() == in_folder
        assert {r[0] for r in reader.conn.execute("SELECT id FROM articles")} == {
            p.name for p in corpus.glob("*.txt")}
    assert json.loads(run_rag("index", "--json", env=env, check=True).stdout)["chunks_embedded"] == 0


def mutate_corpus(folder: Path, rng: random.Random, round: int) -> None:
    """What happens to a scraped folder between runs: new articles, an edit, a deletion."""
    paragraphs = seed_paragraphs()
    for i in range(3):
        body = "\n\n".join(rng.sample(paragraphs, 5))
        (folder / f"r{round:02d}-{i}.txt").write_text(f"Update {round}.{i} on Syria\n\n{body}\n")
    existing = sorted(folder.glob("*.txt"))
    edited = rng.choice(existing)
    edited.write_text(edited.read_text() + f"\nCorrection {round}: {rng.choice(paragraphs)}\n")
    rng.choice([p for p in existing if p != edited]).unlink()


def test_second_writer_waits_or_gives_a_clear_message(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    with IndexLock(index, timeout=0):
        proc = run_rag("index", env={"RAG_LOCK_TIMEOUT": "1"})
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith(f"error: another `rag index` (pid {os.getpid()}) is updating")

    # Two real runs at once: one embeds, the other waits and then finds nothing to do.
    runs = [subprocess.Popen([sys.executable, "-m", "rag.cli", "index", "--json"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [r.communicate(timeout=180) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    reports = sorted((json.loads(out) for out, _ in outputs), key=lambda r: r["chunks_embedded"])
    assert reports[0]["chunks_embedded"] == 0 and reports[0]["unchanged"] == 5
    assert reports[1]["added"] == 5
    with assert_consistent(index) as reader:
        assert reader.count_articles() == 5


def test_killed_rebuild_leaves_the_old_index_in_place(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    run_rag("index", check=True)
    big = tmp_path / "big"
    make_articles(big, 30)
    env = {**os.environ, "RAG_CORPUS": str(big), "RAG_COMMIT_CHUNKS": "8"}
    proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "index", "--rebuild"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (index / "store-2.sqlite").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with assert_consistent(index) as reader:
        assert reader.manifest.generation == 1 and reader.count_articles() == 5
    report = json.loads(run_rag("index", "--json", env=env, check=True).stdout)
    assert report["articles_total"] == 30 and report["removed"] == 5
    assert not (index / "store-2.sqlite").exists()  # the half-built generation was cleared


def test_articles_lists_shows_removes_and_rereads(corpus: Path) -> None:
    (corpus / "uploads").mkdir()
    (corpus / "uploads" / "kerry.txt").write_text("Kerry answers Lavrov\n\nJohn Kerry said on Tuesday that the "
                                                  "coalition has struck 8,000 ISIS targets since last year.\n")
    run_rag("index", check=True)
    listed = json.loads(run_rag("articles", "--json", check=True).stdout)  # one JSON list
    assert len(listed) == 6 and set(listed[0]) == {"id", "title", "outlet", "author", "date", "file", "source",
                                                   "chunks", "uploaded"}
    by_id = {a["id"]: a for a in listed}
    assert by_id["uploads/kerry.txt"]["uploaded"] and not by_id["002_db38f92249411e75.txt"]["uploaded"]
    assert by_id["002_db38f92249411e75.txt"]["outlet"] == "The Moscow Times"

    table = run_rag("articles", "--search", "moscow times", check=True)
    assert table.stdout.splitlines()[0].split() == ["id", "date", "outlet", "chunks", "from", "title"]
    assert len(table.stdout.splitlines()) == 2 and "002_db38f92249411e75.txt" in table.stdout
    assert table.stderr.strip() == "1 article matches 'moscow times'"

    shown = run_rag("articles", "--show", "uploads/kerry.txt", check=True).stdout
    assert "[John Kerry] John Kerry said on Tuesday" in shown

    refused = run_rag("articles", "--remove", "002_db38f92249411e75.txt")
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert "by hand" in refused.stderr and "--yes" in refused.stderr
    assert (corpus / "002_db38f92249411e75.txt").exists()
    unknown = run_rag("articles", "--show", "nope")
    assert unknown.returncode == 1 and unknown.stderr.startswith("error: no article 'nope' in the index")

    removed = json.loads(run_rag("articles", "--remove", "uploads/kerry.txt", "--json", check=True).stdout)
    assert removed["articles"] == ["uploads/kerry.txt"] and removed["sync"]["removed"] == 1
    assert not (corpus / "uploads" / "kerry.txt").exists()
    run_rag("articles", "--remove", "002_db38f92249411e75.txt", "--yes", check=True)
    assert not (corpus / "002_db38f92249411e75.txt").exists()
    reread = json.loads(run_rag("articles", "--reread", "000_71612fa1522f51fd.txt", "--json", check=True).stdout)
    assert reread["sync"]["chunks_embedded"] == 0 and reread["sync"]["articles_total"] == 4
    assert len(json.loads(run_rag("articles", "--json", check=True).stdout)) == 4
