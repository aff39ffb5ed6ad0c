"""A cold command line: wall time and peak memory of whole `rag` processes, side by side.

Each round runs, in turn, `python -c pass`, `rag status`, and `rag ask --llm extractive` with
two questions: one whose answer needs no names (a number), and a "who said" question, whose
answer checks the names in the evidence with spaCy's entity recogniser (loaded per process).
Rounds alternate the commands so that machine noise hits all alike; the report gives each
command's median wall time and peak RSS (the child's ru_maxrss) over the rounds, and the
ratio of its median to `python -c pass`'s. The index and the ONNX export must exist (run
`rag ask` once first: the first run exports the model). With `--before DIR` (a checkout of an
earlier commit, e.g. `git worktree add`), each `rag` command is also run from there, in the
same rounds, so a change is measured side by side.

    .venv/bin/python bench/cold.py --index /tmp/idx_main --rounds 5 [--before /tmp/wt_base]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import BenchLock, write_result  # noqa: E402

QUESTIONS = {"ask (number)": "How many sorties did Russian jets fly in 2 days?",
             "ask (who said)": "Who said the US goals in Syria have little to do with a political process?"}


def run(command: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process, run in `cwd` (whose `rag` it imports)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed")
    return wall, usage.ru_maxrss / 1024


def _commit(folder: Path) -> str:
    """The short commit a checkout is at."""
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=folder, capture_output=True,
                          text=True, check=True).stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True, help="an index of seeds/")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "bench/results/cold.json"))
    ap.add_argument("--before", type=Path, help="a checkout of an earlier commit to run the rag commands from too")
    args = ap.parse_args()
    rag = [sys.executable, "-m", "rag.cli"]
    commands = {"python -c pass": [sys.executable, "-c", "pass"],
                "status": [*rag, "status", "--index", args.index]}
    commands |= {name: [*rag, "ask", q, "--index", args.index, "--llm", "extractive"] for name, q in QUESTIONS.items()}
    where = {name: ROOT for name in commands}
    if args.before:
        for name in [n for n in commands if n != "python -c pass"]:
            commands[f"{name}, before"] = commands[name]
            where[f"{name}, before"] = args.before.resolve()
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    with BenchLock():
        for name, command in commands.items():
            run(command, where[name])  # warm the page cache once, outside the measurement
        for r in range(args.rounds):
            for name, command in (commands.items() if r % 2 == 0 else reversed(commands.items())):
                wall, peak = run(command, where[name])
                times[name].append(wall)
                peaks[name].append(peak)
    base = statistics.median(times["python -c pass"])
    result = {"rounds": args.rounds, "commit": _commit(ROOT), "before": args.before and _commit(args.before), "commands": {
        name: {"wall_s_p50": round(statistics.median(times[name]), 3),
               "peak_mib_p50": round(statistics.median(peaks[name]), 1),
               "ratio_to_python": round(statistics.median(times[name]) / base, 1),
               "wall_s": [round(t, 3) for t in times[name]]} for name in commands}}
    for name, m in result["commands"].items():
        print(f"{name:>24}: {m['wall_s_p50']:.2f} s p50, {m['peak_mib_p50']:.0f} MiB, x{m['ratio_to_python']}")
    write_result(Path(args.out), result)


if __name__ == "__main__":
    main()
