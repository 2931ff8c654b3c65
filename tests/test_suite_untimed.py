"""No test is timed: speed is measured by the scripts in bench/, never asserted by a test."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).parent
CLOCKS = {"time", "perf_counter", "monotonic", "process_time", "perf_counter_ns", "time_ns"}


def timed(tree: ast.AST) -> list[int]:
    """Lines of asserts that read a clock, and of Hypothesis `settings(deadline=…)` but None."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            calls = [n for n in ast.walk(node.test) if isinstance(n, ast.Call)]
            names = {getattr(c.func, "attr", getattr(c.func, "id", "")) for c in calls}
            if names & CLOCKS:
                lines.append(node.lineno)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "settings":
            lines += [
                k.value.lineno
                for k in node.keywords
                if k.arg == "deadline"
                and not (isinstance(k.value, ast.Constant) and k.value.value is None)
            ]
    return lines


def test_hypothesis_runs_without_a_deadline() -> None:
    assert settings().deadline is None  # tests/conftest.py's profile


def test_no_test_asserts_on_a_clock_or_sets_a_deadline() -> None:
    found = {
        str(path.relative_to(TESTS)): lines
        for path in sorted(TESTS.rglob("*.py"))
        if path.name != Path(__file__).name
        and (lines := timed(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert not found, f"timed assertions (move them to bench/): {found}"


def test_the_scan_finds_a_timed_assertion() -> None:
    source = (
        "import time\nfrom hypothesis import settings\n"
        "def test_fast():\n    start = time.perf_counter()\n"
        "    assert time.perf_counter() - start < 0.5\n"
        "@settings(deadline=500)\ndef test_prop():\n    pass\n"
    )
    assert timed(ast.parse(source)) == [5, 6]
