"""Import hygiene: each command imports only the libraries its work needs (a cold `rag ask`
spent 5.5 of its 6.8 s importing torch, sentence-transformers and transformers it never
used). Checked in a fresh interpreter, through sys.modules, after the command ran."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rag.settings import Settings
from rag.sync import Indexer

from .conftest import SEEDS

HEAVY = {"torch", "sentence_transformers", "transformers", "gradio", "langchain_core", "langchain_text_splitters",
         "llama_cpp", "matplotlib", "trafilatura", "pypdf", "sklearn"}

RUN = """
import json, sys
from rag.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def imported(*args: str) -> set[str]:
    """The top-level packages a fresh interpreter has imported after `rag ARGS` (its exit 0)."""
    proc = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, timeout=300)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["code"] == 0, proc.stderr
    return set(out["modules"])


@pytest.fixture
def seed_index(tmp_path: Path, embedder) -> Path:
    """The seeds indexed on the default (ONNX int8) backend; the export is in the session's cache."""
    settings = Settings(corpus=SEEDS, index=tmp_path / "index")
    Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    return settings.index


def test_answering_on_onnx_imports_no_torch_and_nothing_it_does_not_use(seed_index: Path) -> None:
    for question in ("What did Shoigu say about the moderate opposition?",
                     "How many sorties did Russian jets fly in 2 days?"):
        found = imported("ask", question, "--index", str(seed_index), "--llm", "extractive", "--json")
        assert not found & HEAVY, found & HEAVY
        assert {"onnxruntime", "faiss", "tokenizers"} <= found  # what it does use
    # A "who said" question runs spaCy's entity recogniser, but not spaCy's command line (weasel,
    # httpx, pygments: 0.14 s), which its __init__ imports for nothing a pipeline uses.
    found = imported("ask", "Who said the US goals in Syria have little to do with a political process?",
                     "--index", str(seed_index), "--llm", "extractive")
    assert "spacy" in found and not found & {"weasel", "httpx", "pygments", "torch"}, found
    # A question with no calendar word does not load dateparser either.
    assert "dateparser" not in imported("ask", "What did Shoigu say?", "--index", str(seed_index), "--json")


def test_indexing_on_onnx_imports_neither_torch_nor_sentence_transformers(tmp_path: Path, embedder) -> None:
    found = imported("index", "--corpus", str(SEEDS), "--index", str(tmp_path / "index"))
    assert not found & {"torch", "sentence_transformers", "transformers", "gradio", "llama_cpp", "matplotlib"}
    assert "langchain_text_splitters" in found  # the chunker is what indexing does use


def test_status_imports_no_model_library(seed_index: Path) -> None:
    found = imported("status", "--index", str(seed_index))
    # Nor FAISS: status reads what the last write recorded instead of loading the vectors.
    assert not found & (HEAVY | {"onnxruntime", "tokenizers", "spacy", "dateparser", "faiss", "tantivy"})


def test_spacy_is_imported_without_its_command_line_which_stays_importable() -> None:
    code = ("import sys\nfrom rag.parse import _spacy\nspacy = _spacy()\n"
            "assert 'spacy.cli' not in sys.modules and 'torch' not in sys.modules, 'stand-in left behind'\n"
            "import spacy.cli\nassert callable(spacy.cli.info) and 'weasel' in sys.modules\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
