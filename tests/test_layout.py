"""The package's architecture: a subpackage per pipeline stage, dependencies pointing one way, modules a sitting long.

The import graph is read from the source (every `import` and `from ... import`, at module level or
inside functions), so it sees what a lazy import hides at run time. Two readings of
`from package import name` are checked: `name` as the submodule it may be, and `package` itself
(what a stricter reader of imports assumes); neither may have a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "askwef"
MAX_LINES = 400
MAX_LONG_MODULES = 2

# Stages from the bottom up: a module may import only from its own stage or the ones before it.
LAYERS = (
    ("askwef.types", "askwef.settings"),
    ("askwef.ingest", "askwef.embed"),
    ("askwef.chunk",),
    ("askwef.index",),
    ("askwef.retrieve",),
    ("askwef.answer",),
    ("askwef.engine",),
    ("askwef.evaluate", "askwef.serve"),
    ("askwef.cli",),
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, modules: dict[str, Path], *, strict: bool) -> set[str]:
    """The askwef modules `name` imports. strict: `from a.b import c` is an edge to a.b, even when a.b.c is a module."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.add(target)
            if not strict:
                out.update(f"{target}.{a.name}" for a in node.names)
    return {m for m in out if m in modules and m != name}


def _graph(*, strict: bool) -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules, strict=strict) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), plus self-imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _layer(module: str) -> int | None:
    for level, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return level
    return None


@pytest.mark.parametrize("strict", [False, True], ids=["submodules", "packages"])
def test_no_import_cycles(strict):
    assert _cycles(_graph(strict=strict)) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_dependencies_point_down_the_pipeline():
    wrong = []
    for module, targets in _graph(strict=False).items():
        here = _layer(module)
        for target in targets:
            there = _layer(target)
            if here is not None and there is not None and there > here:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_every_module_belongs_to_a_stage():
    unplaced = [m for m in _modules() if m != "askwef" and _layer(m) is None]
    assert unplaced == []


def test_modules_stay_readable():
    long = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in _modules().items()}
    long = {name: n for name, n in long.items() if n > MAX_LINES}
    assert len(long) <= MAX_LONG_MODULES, long
    for name in long:  # a long module says why it reads best as one piece
        doc = ast.get_docstring(ast.parse(_modules()[name].read_text(encoding="utf-8"))) or ""
        assert "one piece" in doc, f"{name} has {long[name]} lines and no reason in its docstring"


def test_each_stage_is_a_folder_named_after_it():
    for stage in ("ingest", "index", "answer", "evaluate", "serve"):
        assert (PACKAGE / stage / "__init__.py").exists()
    assert (PACKAGE / "retrieve.py").exists() and (PACKAGE / "chunk.py").exists()
