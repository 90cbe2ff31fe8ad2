"""The package's imports run one way: no cycle inside `analysis`, and reading imports no later stage."""

import ast
from pathlib import Path

from analysis.paths import ROOT

PACKAGE = ROOT / "analysis"
READ_MAY_IMPORT = ("analysis.read", "analysis.atomic", "analysis.paths")


def module_names(package: Path) -> dict[str, Path]:
    """Every module of a package folder by dotted name (a subpackage by its `__init__`)."""
    names = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def import_graph(package: Path) -> dict[str, set[str]]:
    """Which modules of the package each module imports (`from x import y` counts x.y when y is a module)."""
    modules = module_names(package)
    graph = {}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = here.rsplit(".", node.level - 1)[0] if node.level else ""
                base = ".".join(p for p in (base, node.module) if p)
                targets.update(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a list of modules (first repeated at the end), or []."""
    done, path = set(), []

    def visit(node):
        if node in path:
            return path[path.index(node) :] + [node]
        if node in done:
            return []
        path.append(node)
        for target in sorted(graph[node]):
            cycle = visit(target)
            if cycle:
                return cycle
        path.pop()
        done.add(node)
        return []

    for node in sorted(graph):
        cycle = visit(node)
        if cycle:
            return cycle
    return []


def test_no_import_cycle_inside_analysis():
    cycle = find_cycle(import_graph(PACKAGE))
    assert not cycle, " → ".join(cycle)


def test_reading_imports_no_later_stage():
    graph = import_graph(PACKAGE)
    reading = [name for name in graph if name.startswith("analysis.read")]
    assert {"analysis.read.reader", "analysis.read.corpus", "analysis.read.identity"} <= set(reading)
    outside = {f"{name} → {t}" for name in reading for t in graph[name] if not t.startswith(READ_MAY_IMPORT)}
    assert not outside
    assert "analysis.read.corpus" not in graph["analysis.read.reader"]


def test_the_walker_finds_a_cycle_in_a_package(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "__init__.py").write_text("from .leaf import x\n", encoding="utf-8")
    (pkg / "sub" / "leaf.py").write_text("from .. import top\nx = 1\n", encoding="utf-8")
    (pkg / "top.py").write_text("import os\n\ndef f():\n    from pkg.sub import x\n", encoding="utf-8")
    graph = import_graph(pkg)
    assert graph == {"pkg": set(), "pkg.sub": {"pkg.sub.leaf"}, "pkg.sub.leaf": {"pkg.top"}, "pkg.top": {"pkg.sub"}}
    assert find_cycle(graph) == ["pkg.sub", "pkg.sub.leaf", "pkg.top", "pkg.sub"]
    (pkg / "top.py").write_text("import os\n", encoding="utf-8")
    assert find_cycle(import_graph(pkg)) == []
