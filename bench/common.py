"""What the benchmarks share: a `rag serve` to measure, process memory (Linux /proc), the
shared benchmark lock, and writing a result file. (Quantiles: `rag.evaluate.quantiles`.)"""

from __future__ import annotations

import fcntl
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = Path("/tmp/bench.lock")


# ---------------------------------------------------------------- a server to measure


def free_port() -> int:
    """A port nothing listens on right now, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(corpus: Path, index: Path, env: dict[str, str], log: Path | None = None,
                llm: str = "extractive", timeout: float = 300.0) -> tuple[subprocess.Popen, str, float]:
    """A fresh `rag serve` of this checkout on a free port, once it answers HTTP 200:
    (the process, its URL, seconds from start to ready). Its output goes to `log` if given."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "rag.cli", "serve", "--corpus", str(Path(corpus).resolve()),
               "--index", str(Path(index).resolve()), "--port", str(port), "--llm", llm]
    started = time.perf_counter()
    if log is None:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        with open(log, "w") as out:
            proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return proc, url, time.perf_counter() - started
        except (urllib.error.URLError, OSError):
            if proc.poll() is not None or time.perf_counter() - started > timeout:
                stop(proc)
                tail = log.read_text(errors="replace")[-3000:] if log else ""
                raise RuntimeError(f"rag serve did not start:\n{tail}".rstrip()) from None
            time.sleep(0.05)


def stop(proc: subprocess.Popen) -> None:
    """Terminate a server, killing it if it has not gone after 30 s."""
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# ---------------------------------------------------------------- memory


def proc_status(pid: int | str = "self") -> dict[str, float]:
    """VmRSS and VmHWM (MiB) and the thread count of a live process, from /proc."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) / 1024
        elif key == "Threads":
            out[key] = int(value)
    return out


def rss_mib(pid: int | str = "self") -> float:
    return proc_status(pid).get("VmRSS", float("nan"))


def peak_rss_mib(pid: int | str = "self") -> float:
    """The process's peak resident memory since it started, or since `reset_peak_rss`."""
    return proc_status(pid).get("VmHWM", float("nan"))


def reset_peak_rss() -> None:
    # Writing 5 to clear_refs resets VmHWM (Linux >= 4.0), so each phase gets its own peak.
    Path("/proc/self/clear_refs").write_text("5")


# ---------------------------------------------------------------- lock and results


class BenchLock:
    """The shared benchmark lock (/tmp/bench.lock, as `flock` takes it), held for a measured run."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self.fh = None

    def __enter__(self):
        if not self.enabled:
            return self
        self.fh = open(LOCK, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for {LOCK} ...", flush=True)
            fcntl.flock(self.fh, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        if self.fh:
            self.fh.close()


def write_result(path: Path, result: dict, indent: int = 2, rows: str | None = None) -> None:
    """The result as JSON (its folder made if need be); the list under `rows`, if given, one
    item a line, so a long list of requests stays readable."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if rows is None:
        path.write_text(json.dumps(result, indent=indent, ensure_ascii=False) + "\n")
        return
    text = json.dumps({**result, rows: "@ROWS@"}, indent=indent, ensure_ascii=False)
    lines = ",\n    ".join(json.dumps(row, ensure_ascii=False) for row in result[rows])
    path.write_text(text.replace('"@ROWS@"', f"[\n    {lines}\n  ]" if lines else "[]") + "\n")

