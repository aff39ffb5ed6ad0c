"""The code's layout: modules import only what comes earlier in the data flow, so no import
cycles; the README's layout section names every module."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: rag's modules in the order data flows through them (README, "How the code is laid out").
FLOW = ["errors", "settings", "text", "types", "metadata", "when", "attribute", "parse", "ingest", "chunk", "embed",
        "index", "sync", "upload", "articles", "retrieve", "cite", "values", "truecase", "terse", "answerable",
        "conflicts", "llamacpp", "generate", "pipeline", "export", "timeline", "evaluate", "service", "adapters", "cli"]


def unit(module: str) -> str:
    """index.reader -> index: a package is one step of the flow."""
    return module.split(".")[0]


def imports(path: Path) -> set[str]:
    """The rag modules a file imports, wherever the import statement is."""
    package = "rag." + ".".join(path.relative_to(ROOT / "rag").with_suffix("").parts[:-1])
    package = package.rstrip(".")
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            else:
                names = [node.module or ""]
            found |= {n for n in names if n.startswith("rag.")}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("rag.")}
    return found


def test_every_module_imports_only_what_comes_before_it_in_the_flow() -> None:
    later = []
    for path in sorted((ROOT / "rag").rglob("*.py")):
        me = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if me.endswith("__init__"):
            continue
        mine = unit(me.removeprefix("rag."))
        assert mine in FLOW, f"{me} has no place in the flow"
        for target in imports(path):
            theirs = unit(target.removeprefix("rag."))
            if theirs == mine:
                continue
            assert theirs in FLOW, f"{me} imports {target}, which has no place in the flow"
            if FLOW.index(theirs) > FLOW.index(mine):
                later.append(f"{me} imports {target}")
    assert not later, later


def test_the_ui_uses_the_library_and_nothing_imports_the_ui() -> None:
    for path in (ROOT / "rag").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ui"):
                assert path.name == "cli.py", f"{path} imports the ui"


def test_the_readme_names_every_module() -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    for path in sorted((ROOT / "rag").rglob("*.py")) + sorted((ROOT / "ui").glob("*.py")):
        if path.name == "__init__.py" and path.parent.name in ("rag", "ui"):
            continue
        name = path.relative_to(ROOT).as_posix()
        assert f"`{name}`" in section, f"README's layout section does not mention {name}"
