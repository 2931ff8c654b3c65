"""Writers in separate processes on one store (SQLite, then PostgreSQL): edits of one
interview based on the same version, and edits without one, never lose a change.

Each writer waits for a start file, so they all begin together; whichever order they end
up in, the outcome asserted is the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup.context import Env
from followup.domain.model import Interview
from followup.services.tracker import Tracker
from tests.tracker_support import cli_with_example

ROOT = Path(__file__).parent.parent
ACME = "acme-analyst"

EDITOR = """
import os, sys, time
from followup.context import Env
from followup.domain.errors import ConflictError
from followup.services.tracker import Tracker
db, config, go, field, value, expected, rounds = sys.argv[1:]
tracker = Tracker.open(Env(environ={"FOLLOWUP_CONFIG_DIR": config}), db)
while not os.path.exists(go):
    time.sleep(0.005)
for n in range(int(rounds)):
    try:
        tracker.edit("acme-analyst", {field: f"{value}{n}"},
                     expected_version=int(expected) if expected != "-" else None)
    except ConflictError as error:
        print(error)
        sys.exit(3)
"""


def _start(tmp_path: Path, target: str, go: Path, *args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", EDITOR, target, str(tmp_path / "config"), str(go), *args]
    environ = os.environ | {"PYTHONPATH": str(ROOT)}
    return subprocess.Popen(command, env=environ, stdout=subprocess.PIPE, text=True)


def _target(tmp_path: Path, database: str | None) -> str:
    return database or str(tmp_path / "data" / "followup.db")


def _race(
    tmp_path: Path, database: str | None, *writers: tuple[str, ...]
) -> tuple[list[int | None], list[str]]:
    """Start one writer per argument tuple on a store holding the example, let them go at
    once, and return their exit statuses and what each printed."""
    cli_with_example(tmp_path, database)
    target, go = _target(tmp_path, database), tmp_path / "go"
    started = [_start(tmp_path, target, go, *args) for args in writers]
    time.sleep(1.0)  # all started and opened the store
    go.touch()
    outputs = [writer.communicate(timeout=300)[0] for writer in started]
    return [writer.returncode for writer in started], outputs


def _stored(tmp_path: Path, database: str | None) -> Interview:
    target = _target(tmp_path, database)
    tracker = Tracker.open(Env(environ={"FOLLOWUP_CONFIG_DIR": str(tmp_path / "config")}), target)
    try:
        return tracker.interview(ACME)
    finally:
        tracker.close()


@pytest.mark.slow
def test_two_processes_editing_from_the_same_version_one_wins_one_is_told(
    tmp_path: Path, database: str | None
) -> None:
    codes, outputs = _race(
        tmp_path, database, ("role", "Role by A", "1", "1"), ("industry", "by B", "1", "1")
    )
    assert sorted(code or 0 for code in codes) == [0, 3], outputs
    told = outputs[codes.index(3)]
    assert told.startswith(f"{ACME} changed since you opened it (version 1, now 2)")
    kept = _stored(tmp_path, database)
    assert kept.version == 2
    assert (kept.role, kept.industry) == (
        ("Role by A0", None) if codes[0] == 0 else ("Senior Data Analyst", "by B0")
    )


@pytest.mark.slow
def test_two_processes_editing_different_fields_without_a_version_keep_both(
    tmp_path: Path, database: str | None
) -> None:
    codes, outputs = _race(
        tmp_path, database, ("role", "role-", "-", "30"), ("industry", "ind-", "-", "30")
    )
    assert codes == [0, 0], outputs
    kept = _stored(tmp_path, database)
    # every edit read the latest version in its own transaction: none overwrote another
    assert (kept.role, kept.industry, kept.version) == ("role-29", "ind-29", 61)
