"""The committed golden checker output (snapshots/checker/) is what the checker says today.

If this fails after an intended change, run `make snapshot` and review `git diff snapshots/`."""

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_checker_snapshots_are_current() -> None:
    script = runpy.run_path(str(ROOT / "tools" / "snapshot_checker.py"))
    for name, text in script["render_all"]().items():
        committed = (ROOT / "snapshots" / "checker" / name).read_text(encoding="utf-8")
        assert committed == text, f"snapshots/checker/{name} is stale: run make snapshot"
