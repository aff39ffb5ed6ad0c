"""The index folder is data, never code: no deserialiser that can run code, anywhere."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT, run_rag

SOURCES = sorted(p for folder in ("rag", "ui", "bench") for p in (ROOT / folder).rglob("*.py"))
UNSAFE_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "joblib", "cloudpickle"}
UNSAFE_CALLS = {"eval", "exec", "__import__"}
UNSAFE_FLAGS = {"allow_dangerous_deserialization", "allow_pickle", "trust_remote_code"}


def unsafe_uses(source: str) -> list[str]:
    """What in this module could turn data into code."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in UNSAFE_MODULES:
            found.append(node.module)
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in UNSAFE_CALLS or (name == "load" and ast.unparse(node.func) == "torch.load"):
                found.append(ast.unparse(node.func))
            found += [f"{k.arg}=" for k in node.keywords
                      if k.arg in UNSAFE_FLAGS and not (isinstance(k.value, ast.Constant) and k.value.value is False)]
    return found


def test_the_checker_sees_what_it_looks_for() -> None:
    assert unsafe_uses("import pickle\nfrom joblib import load\neval('1')\ntorch.load(f)\n"
                       "FAISS.load_local(p, allow_dangerous_deserialization=True)") == [
        "pickle", "joblib", "eval", "torch.load", "allow_dangerous_deserialization="]
    assert unsafe_uses("model.eval()\nSentenceTransformer(p, trust_remote_code=False)") == ["model.eval"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_code_from_data(path: Path) -> None:
    # torch's model.eval() only switches to inference mode; it is the one `eval` allowed.
    assert [use for use in unsafe_uses(path.read_text()) if not use.endswith(".eval")] == []


def test_the_index_folder_holds_only_data_formats(corpus: Path, tmp_path: Path) -> None:
    run_rag("index", check=True)
    kinds = {p.name.split(".", 1)[-1] for p in (tmp_path / "index").iterdir() if p.is_file()}
    assert kinds <= {"json", "sqlite", "sqlite-wal", "sqlite-shm", "faiss", "lock"}, kinds
    # The one folder is the lexical mirror: tantivy's own segment files and JSON.
    assert [p.name for p in (tmp_path / "index").iterdir() if p.is_dir()] == ["store-1.lexical"]
    for path in (tmp_path / "index").rglob("*"):
        if path.is_file():
            assert not path.read_bytes().startswith(b"\x80"), path  # a pickle stream's first byte
