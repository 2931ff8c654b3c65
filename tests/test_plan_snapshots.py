"""The committed golden plans (`make snapshot`) match what the planner produces now."""

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
generator = runpy.run_path(str(ROOT / "tools" / "snapshot_plans.py"))


def test_golden_plans_are_current() -> None:
    rendered = generator["render_all"]()
    committed = {p.stem: p.read_text(encoding="utf-8") for p in generator["OUT"].glob("*.json")}
    assert set(committed) == set(rendered), "run `make snapshot` and review the diff"
    for name, text in rendered.items():
        assert committed[name] == text, f"{name} changed: run `make snapshot`, review the diff"
