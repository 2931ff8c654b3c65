"""The package's shape: dependencies point inward, no import cycles, no oversized modules.

Read from the source with `ast`, not by importing: every `import` counts as an edge, at
module level, inside a function or under `if TYPE_CHECKING:` (a cycle hidden in a function
is still a cycle, only postponed). `from followup.x import y` is an edge to the module
`followup.x.y` when there is one, else to `followup.x`. Importing a submodule also runs its
package's `__init__`; that implicit edge is not counted (a package re-exporting its own
modules is not a cycle).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
ROOT = "followup"

#: The layers, innermost first. A module may import from its own layer or an inner one,
#: never an outer one; within a layer the packages' imports must not form a cycle.
#: "followup" is the package root (`import followup`): the library's face over the
#: services, which the CLI and the web app may use as well.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("domain", "context", "guidance"),  # the types, the errors, the outside world's handle
    ("files", "calendar"),  # reading files; business days, holidays, zones
    ("settings", "policy"),  # the user's settings; the timing and channel rules as data
    ("planner", "messages", "checker", "store", "formats"),  # the engines and storage
    ("services",),  # use cases over the engines and the store
    ("followup",),  # the library's public API
    ("today_report", "check_report", "cli", "web"),  # adapters
    ("entry", "__main__"),  # the console script
)
LAYER_OF = {group: rank for rank, groups in enumerate(LAYERS) for group in groups}
#: Modules that may pass 500 lines say why in their docstring's first paragraph.
MAX_LINES = 500


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted((SRC / ROOT).rglob("*.py"))}


def imported(name: str, source: str, is_package: bool = False) -> Iterator[str]:
    """Every followup module that `name` (whose code is `source`) imports, wherever the
    import statement is."""
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in modules():
                target = target.rpartition(".")[0]  # `import followup.x.y` names followup.x.y
            if target.split(".")[0] == ROOT and target != name:
                yield target


@cache
def graph() -> dict[str, frozenset[str]]:
    return {
        name: frozenset(imported(name, path.read_text(encoding="utf-8"), path.stem == "__init__"))
        for name, path in modules().items()
    }


def group(module: str) -> str:
    """The layer group of a module: its top-level package or module under followup."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


def cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


SAMPLE = """
from typing import TYPE_CHECKING
import followup.domain.errors
from followup.store import records, Store
from . import agenda
from ..planner import plan
if TYPE_CHECKING:
    from followup.domain.model import Interview
def later():
    from followup.checker import check
import json
"""


def test_the_graph_sees_every_kind_of_import() -> None:
    """The reader itself: function-level, TYPE_CHECKING and relative imports are edges."""
    found = set(imported("followup.services.sample", SAMPLE))
    assert found == {
        "followup.domain.errors",
        "followup.store.records",  # a module
        "followup.store",  # a name the package exports
        "followup.services.agenda",
        "followup.planner",
        "followup.domain.model",
        "followup.checker",
    }
    assert len(graph()) > 80


def test_no_module_imports_itself_back() -> None:
    found = cycles(dict(graph()))
    assert found == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_no_package_imports_itself_back() -> None:
    packages: dict[str, set[str]] = {}
    for module, targets in graph().items():
        packages.setdefault(group(module), set()).update(
            group(target) for target in targets if group(target) != group(module)
        )
    found = cycles({name: frozenset(targets) for name, targets in packages.items()})
    assert found == [], "package cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_every_module_has_a_layer() -> None:
    assert sorted({group(module) for module in modules()} - LAYER_OF.keys()) == []


def test_dependencies_point_inward() -> None:
    outward = [
        f"{module} -> {target}"
        for module, targets in sorted(graph().items())
        for target in sorted(targets)
        if LAYER_OF[group(target)] > LAYER_OF[group(module)]
    ]
    assert outward == []


@pytest.mark.parametrize(
    ("module", "target"),
    [
        ("followup.domain.model", "followup.services.tracker"),
        ("followup.store.repository", "followup.services.planning"),
        ("followup.services.agenda", "followup.cli"),
        ("followup.formats.csv_io", "followup.services.tracker"),
    ],
)
def test_an_outward_import_would_be_caught(module: str, target: str) -> None:
    assert LAYER_OF[group(target)] > LAYER_OF[group(module)]


def test_a_cycle_would_be_caught() -> None:
    edges = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset()}
    assert cycles(edges) == [["a", "b", "c"]]
    assert cycles(edges | {"c": frozenset({"d"})}) == []


def test_long_modules_say_why() -> None:
    unexplained = []
    for module, path in modules().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") <= MAX_LINES:
            continue
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if f"over {MAX_LINES} lines" not in docstring:
            unexplained.append(f"{module} ({text.count(chr(10))} lines)")
    assert unexplained == []
