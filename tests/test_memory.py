"""The server's allocator policy (`rag serve` under load: bench/load.py), checked in a fresh
process on glibc's own counters; no timing."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Frees an 8 MiB mapped block (glibc then raises its mmap threshold to 8 MiB unless it is
# fixed), then takes 1 MiB and prints how many mapped blocks that added: 1 if it got its own
# mapping (handed back to the OS when freed), 0 if it came from an arena. (More than 1 MiB when
# the arena has that much free: a free chunk big enough is reused whatever the threshold, which
# once failed the test in a fresh clone.)
PROBE = """
import ctypes, sys
from rag.service import steady_malloc

class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd",
                                               "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = MallInfo2
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
if sys.argv[1] == "steady":
    assert steady_malloc()
libc.free(libc.malloc(8 << 20))
before, free = libc.mallinfo2().hblks, libc.mallinfo2().fordblks
block = libc.malloc(max(1 << 20, free + (256 << 10)))
print(libc.mallinfo2().hblks - before)
libc.free(block)
"""


def _glibc_with_mallinfo2() -> bool:
    try:
        return hasattr(ctypes.CDLL("libc.so.6"), "mallinfo2")
    except OSError:
        return False


def _probe(mode: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"}
    clean["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    out = subprocess.run([sys.executable, "-c", PROBE, mode], env={**clean, **env}, capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


@pytest.mark.skipif(not _glibc_with_mallinfo2(), reason="glibc >= 2.33 only")
def test_a_large_block_gets_its_own_mapping_after_steady_malloc_not_an_arena():
    assert _probe("default") == "0"  # glibc moved its threshold: the block came from an arena
    assert _probe("steady") == "1"


@pytest.mark.skipif(not _glibc_with_mallinfo2(), reason="glibc >= 2.33 only")
def test_steady_malloc_keeps_a_threshold_set_in_the_environment(monkeypatch):
    from rag.service import steady_malloc

    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "4194304")
    assert steady_malloc() is False


def test_rag_serve_fixes_the_threshold_before_loading_anything():
    source = (ROOT / "rag/cli.py").read_text()
    serve = source[source.index("def cmd_serve"):]
    assert serve.index("steady_malloc()") < serve.index("ChatService(")
