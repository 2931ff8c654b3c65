"""Golden plans for a fixed scenario set (`make snapshot`); review changes as a diff.

Writes snapshots/plans/<scenario>.json: the plan JSON of each scenario in
tests/data/plan_scenarios.json, as of that scenario's day.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "tests" / "data" / "plan_scenarios.json"
OUT = ROOT / "snapshots" / "plans"


def render_all() -> dict[str, str]:
    """Scenario name -> the plan JSON text it must produce."""
    import datetime as dt

    from followup.domain.codec import interview_from_dict, plan_to_dict
    from followup.planner import plan
    from followup.policy import load_policy

    rendered = {}
    for name, case in json.loads(SCENARIOS.read_text(encoding="utf-8")).items():
        result = plan(
            interview_from_dict(case["interview"]),
            dt.date.fromisoformat(case["today"]),
            load_policy(case.get("policy", "default")),
        )
        rendered[name] = json.dumps(plan_to_dict(result), ensure_ascii=False, indent=2) + "\n"
    return rendered


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rendered = render_all()
    for stale in set(p.stem for p in OUT.glob("*.json")) - rendered.keys():
        (OUT / f"{stale}.json").unlink()
    for name, text in rendered.items():
        (OUT / f"{name}.json").write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {len(rendered)} plans to {OUT.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
