"""The console script's fast path for `followup today`: same answer, no click."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.entry import today_arguments
from tests.tracker_support import MORNING, Cli, example


@pytest.mark.parametrize(
    ("argv", "parsed"),
    [
        (["today"], (None, False, False)),
        (["today", "--json"], (None, True, False)),
        (["today", "--all", "--db", "x.db"], ("x.db", False, True)),
        (["today", "--db=x.db", "--json", "--all"], ("x.db", True, True)),
        (["today", "--help"], None),
        (["today", "--json", "--json"], None),
        (["today", "--db"], None),
        (["today", "--db", "--json"], None),
        (["today", "--days", "3"], None),
        (["plan", "--json"], None),
        ([], None),
    ],
)
def test_only_plain_today_calls_take_the_fast_path(argv: list[str], parsed: object) -> None:
    assert today_arguments(argv) == parsed


def run_script(
    cli: Cli, *args: str, entry: str = "followup.entry"
) -> subprocess.CompletedProcess[str]:
    """The console script (or the full click CLI) in a fresh process, on the real clock;
    reports on stderr whether click was imported."""
    probe = (
        "import sys\n"
        f"sys.argv = ['followup', *{list(args)!r}]\n"
        f"from {entry} import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print('click' in sys.modules, file=sys.stderr)\n"
    )
    environ = os.environ | cli.environ
    return subprocess.run([sys.executable, "-c", probe], env=environ, capture_output=True,
                          text=True, timeout=60, check=False)  # fmt: skip


def test_fast_today_answers_exactly_like_the_click_command(tmp_path: Path) -> None:
    cli = Cli(tmp_path, clock=MORNING)
    path = tmp_path / "interview.json"
    path.write_text(json.dumps(example()))
    assert cli("add", "--from", str(path)).status == 0
    for flags in ([], ["--json"], ["--all", "--db", str(cli.db)]):
        fast = run_script(cli, "today", *flags)
        full = run_script(cli, "today", *flags, entry="followup.cli")
        assert fast.stderr.strip() == "False"  # answered without importing click
        assert full.stderr.strip() == "True"
        if flags == ["--json"]:
            assert json.loads(fast.stdout) == json.loads(full.stdout)
        else:
            assert fast.stdout == full.stdout and "Today, " in full.stdout


def test_anything_else_goes_to_click(tmp_path: Path) -> None:
    done = run_script(Cli(tmp_path), "today", "--no-such-option")
    assert "No such option" in done.stderr and done.stderr.strip().endswith("True")


def test_fast_today_reports_errors_like_the_cli(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    bad = tmp_path / "not-a-database.db"
    bad.write_text("this is not SQLite, and it is long enough to have a header" * 10)
    fast = run_script(cli, "today", "--db", str(bad))
    full = run_script(cli, "today", "--db", str(bad), entry="followup.cli")
    assert "Traceback" not in fast.stderr
    assert fast.stderr.splitlines()[0] == full.stderr.splitlines()[0]
    assert fast.stderr.startswith("followup: ")
