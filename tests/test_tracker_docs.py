"""Every tracker command, setting and CSV column is documented in docs/tracker.md."""

from __future__ import annotations

from pathlib import Path

from followup.formats.csv_io import COLUMNS
from followup.settings import KEYS

DOC = (Path(__file__).parent.parent / "docs" / "tracker.md").read_text()
COMMANDS = ("add", "edit", "list", "show", "log", "status", "delete", "today", "import",
            "export", "config")  # fmt: skip


def test_every_command_is_documented() -> None:
    missing = [name for name in COMMANDS if f"`followup {name}" not in DOC]
    assert missing == []


def test_every_setting_is_documented() -> None:
    assert [key for key in KEYS if f"| `{key}` |" not in DOC] == []


def test_every_csv_column_is_documented() -> None:
    assert [column for column in COLUMNS if column not in DOC] == []
