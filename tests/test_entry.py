"""The console script (`followup.entry`): every command but a plain `check` is click's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.tracker_support import MORNING, Cli, example


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


def test_the_console_script_answers_today_like_the_cli(tmp_path: Path) -> None:
    cli = Cli(tmp_path, clock=MORNING)
    path = tmp_path / "interview.json"
    path.write_text(json.dumps(example()))
    assert cli("add", "--from", str(path)).status == 0
    for flags in ([], ["--json"], ["--all", "--db", str(cli.db)]):
        script = run_script(cli, "today", *flags)
        full = run_script(cli, "today", *flags, entry="followup.cli")
        assert script.stderr.strip() == full.stderr.strip() == "True"  # both through click
        if flags == ["--json"]:
            assert json.loads(script.stdout) == json.loads(full.stdout)
        else:
            assert script.stdout == full.stdout and "Today, " in full.stdout


def test_anything_else_goes_to_click(tmp_path: Path) -> None:
    done = run_script(Cli(tmp_path), "today", "--no-such-option")
    assert "No such option" in done.stderr and done.stderr.strip().endswith("True")


def test_today_reports_errors_like_the_cli(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    bad = tmp_path / "not-a-database.db"
    bad.write_text("this is not SQLite, and it is long enough to have a header" * 10)
    fast = run_script(cli, "today", "--db", str(bad))
    full = run_script(cli, "today", "--db", str(bad), entry="followup.cli")
    assert "Traceback" not in fast.stderr
    assert fast.stderr.splitlines()[0] == full.stderr.splitlines()[0]
    assert fast.stderr.startswith("followup: ")
