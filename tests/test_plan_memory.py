"""A long-running server plans with a user's policy file again and again: memory stays flat.

Each plan re-reads the file (it may have changed), but the same content gives the same parsed
policy and the same compiled config, and every memo on that path is bounded.
"""

import datetime as dt
import json
import tracemalloc
from pathlib import Path

from followup.domain.codec import interview_from_dict
from followup.planner import config as planner_config
from followup.planner.engine import plan
from followup.policy import USER_POLICIES, load_policy

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "interview.json"
OVERRIDE = """[policy]
name = "patient"
extends = "default"

[rules."timing.week-after"]
min_days = 7
"""


def _plan_many(path: Path, times: int, start: dt.date) -> None:
    interview = interview_from_dict(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    for n in range(times):
        result = plan(interview, start + dt.timedelta(days=n % 400), load_policy(path))
        assert result.policy == "patient"


def test_ten_thousand_plans_under_a_users_policy_keep_memory_flat(tmp_path: Path) -> None:
    path = tmp_path / "patient.toml"
    path.write_text(OVERRIDE, encoding="utf-8")
    start = dt.date(2026, 11, 20)
    _plan_many(path, 500, start)  # warm: every memo that fills with the days is filled here
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    _plan_many(path, 10_000, start)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    assert grown < 1_000_000, f"{grown} bytes kept by 10,000 plans"
    assert len(planner_config._CONFIGS) <= planner_config.COMPILED_POLICIES


def test_a_changed_policy_file_is_read_afresh_and_the_caches_stay_bounded(tmp_path: Path) -> None:
    path = tmp_path / "patient.toml"
    path.write_text(OVERRIDE, encoding="utf-8")
    first = load_policy(path)
    assert load_policy(path) is first
    path.write_text(OVERRIDE.replace("min_days = 7", "min_days = 8"), encoding="utf-8")
    second = load_policy(path)
    assert second is not first
    assert second.param("timing.week-after", "min_days") == 8
    for n in range(USER_POLICIES * 3):  # many different files: the cache stays bounded
        other = tmp_path / f"p{n}.toml"
        other.write_text(OVERRIDE.replace("min_days = 7", f"min_days = {7 + n % 5}") + f"# {n}\n")
        planner_config.compile_policy(load_policy(other))
    assert len(planner_config._CONFIGS) <= planner_config.COMPILED_POLICIES
    from followup.policy import _load_cached

    assert _load_cached.cache_info().currsize <= USER_POLICIES
    assert load_policy(path) is not second  # evicted, read afresh: the same rules
    assert load_policy(path).param("timing.week-after", "min_days") == 8
