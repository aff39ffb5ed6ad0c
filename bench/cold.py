"""A cold command line: wall time and peak memory of whole `rag` processes, side by side.

Each round runs, in turn, `python -c pass`, `rag status`, and `rag ask --llm extractive` with
two questions: one whose answer needs no names (a number), and a "who said" question, whose
answer checks the names in the evidence with spaCy's entity recogniser (loaded per process).
Rounds alternate the commands so that machine noise hits all alike; the report gives each
command's median wall time and peak RSS (the child's ru_maxrss) over the rounds, and the
ratio of its median to `python -c pass`'s. The index and the ONNX export must exist (run
`rag ask` once first: the first run exports the model).

    .venv/bin/python bench/cold.py --index /tmp/idx_main --rounds 5
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


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True, help="an index of seeds/")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "bench/results/cold.json"))
    args = ap.parse_args()
    rag = [sys.executable, "-m", "rag.cli"]
    commands = {"python -c pass": [sys.executable, "-c", "pass"],
                "status": [*rag, "status", "--index", args.index]}
    commands |= {name: [*rag, "ask", q, "--index", args.index, "--llm", "extractive"] for name, q in QUESTIONS.items()}
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    with BenchLock():
        for name, command in commands.items():
            run(command)  # warm the page cache once, outside the measurement
        for r in range(args.rounds):
            for name, command in (commands.items() if r % 2 == 0 else reversed(commands.items())):
                wall, peak = run(command)
                times[name].append(wall)
                peaks[name].append(peak)
    base = statistics.median(times["python -c pass"])
    result = {"rounds": args.rounds, "commands": {
        name: {"wall_s_p50": round(statistics.median(times[name]), 3),
               "peak_mib_p50": round(statistics.median(peaks[name]), 1),
               "ratio_to_python": round(statistics.median(times[name]) / base, 1),
               "wall_s": [round(t, 3) for t in times[name]]} for name in commands}}
    for name, m in result["commands"].items():
        print(f"{name:>16}: {m['wall_s_p50']:.2f} s p50, {m['peak_mib_p50']:.0f} MiB, x{m['ratio_to_python']}")
    write_result(Path(args.out), result)


if __name__ == "__main__":
    main()
