"""Golden files of `followup script` and the examples in docs/messages.md stay current."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from followup.cli import COMMANDS
from followup.messages import MESSAGE_KINDS

ROOT = Path(__file__).parent.parent
GENERATOR = runpy.run_path(str(ROOT / "tools" / "snapshot_messages.py"))
FILES: dict[str, str] = GENERATOR["snapshot_files"]()
DOCS = ROOT / "docs" / "messages.md"
REGENERATE = "run `make snapshot` and review `git diff snapshots/ docs/`"


@pytest.mark.parametrize("name", sorted(FILES))
def test_snapshot_matches(name: str) -> None:
    committed = ROOT / "snapshots" / "messages" / name
    assert committed.exists(), f"{name} is missing: {REGENERATE}"
    assert committed.read_text(encoding="utf-8") == FILES[name], f"{name} drifted: {REGENERATE}"


def test_no_stale_snapshots() -> None:
    on_disk = {path.name for path in (ROOT / "snapshots" / "messages").iterdir()}
    assert on_disk == set(FILES), REGENERATE


def test_docs_examples_are_current() -> None:
    page = DOCS.read_text(encoding="utf-8")
    assert GENERATOR["docs_page"](page) == page, f"docs/messages.md examples: {REGENERATE}"


def test_docs_name_every_kind_option_and_template() -> None:
    page = DOCS.read_text(encoding="utf-8")
    assert "script" in COMMANDS and "`followup script`" in page
    for kind in MESSAGE_KINDS:
        assert f"| `{kind}` |" in page, kind
        assert f"### `{kind}" in page, kind
    for option in (
        "--input",
        "--db",
        "--kind",
        "--format",
        "--today",
        "--channel",
        "--purpose",
        "--templates",
    ):
        assert f"`{option}" in page, option
    templates = ROOT / "src" / "followup" / "messages" / "templates"
    for template in templates.glob("*.j2"):
        assert f"`{template.name}`" in page, template.name
