"""The library at the package root: `import followup`, then plan, plan_many, check, write,
open_tracker; the README's example runs as written."""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import followup
from followup.domain.codec import plan_to_dict
from tests.tracker_support import MORNING, example

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)


def env(home: Path) -> followup.Env:
    return followup.Env(
        clock=followup.fixed_clock(MORNING),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        environ={"FOLLOWUP_DATA_DIR": str(home / "data"), "FOLLOWUP_CONFIG_DIR": str(home)},
    )


def test_every_public_name_is_there_and_typed() -> None:
    """`__all__`, the lazy table and the imports type checkers read name the same things."""
    source = (ROOT / "src" / "followup" / "__init__.py").read_text()
    checked = {
        alias.name: node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module != "__future__"
        for alias in node.names
        if node.module and node.module.startswith("followup.")
    }
    assert checked == followup.PUBLIC
    assert sorted(followup.__all__) == sorted(["__version__", *followup.PUBLIC])
    for name in followup.__all__:
        assert getattr(followup, name) is not None
        assert name in dir(followup)
    assert followup.plan_to_dict is plan_to_dict


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        followup.no_such_thing  # type: ignore[attr-defined]  # noqa: B018


def test_importing_followup_imports_none_of_its_engines() -> None:
    probe = (
        "import sys, followup\n"
        "heavy = ['followup.planner', 'followup.checker', 'followup.messages', "
        "'followup.services', 'followup.store', 'click', 'jinja2', 'holidays']\n"
        "print([m for m in heavy if m in sys.modules])\n"
        "followup.plan\n"
        "print('followup.planner' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=True)  # fmt: skip
    assert done.stdout.splitlines() == ["[]", "True"]


def test_plan_takes_the_contract_object_or_an_interview() -> None:
    obj = example()
    from_dict = followup.plan(obj, TODAY)
    from_interview = followup.plan(followup.interview_from_dict(obj), TODAY)
    assert plan_to_dict(from_dict) == plan_to_dict(from_interview)
    assert from_dict.as_of == TODAY and from_dict.id == "acme-analyst"
    assert from_dict.state is followup.plan(obj, TODAY, policy="default").state


def test_plan_defaults_to_today_in_the_employers_zone(tmp_path: Path) -> None:
    # MORNING is 09:00 on Wednesday 25 November in New York.
    assert followup.plan(example(), env=env(tmp_path)).as_of == dt.date(2026, 11, 25)
    late = followup.Env(clock=followup.fixed_clock(dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.UTC)))
    assert followup.plan(example(), env=late).as_of == dt.date(2026, 11, 25)  # 22:00 there


def test_plan_refuses_a_bad_object_naming_the_field() -> None:
    with pytest.raises(followup.InputError) as caught:
        followup.plan(example(timezone="Mars/Olympus"), TODAY)
    assert caught.value.field == "timezone"


def test_plan_takes_a_policy_by_name_or_loaded() -> None:
    from followup.policy import load_policy

    by_name = followup.plan(example(), TODAY, policy="prompt")
    loaded = followup.plan(example(), TODAY, policy=load_policy("prompt"))
    assert by_name.policy == loaded.policy == "prompt"
    assert plan_to_dict(by_name) == plan_to_dict(loaded)
    with pytest.raises(followup.FollowupError):
        followup.plan(example(), TODAY, policy="no-such-policy.toml")


def test_plan_many_plans_a_list_in_order() -> None:
    objects = [example(id=f"i{n}", company=f"Company {n}") for n in range(3)]
    plans = list(followup.plan_many(objects, TODAY))
    assert [p.id for p in plans] == ["i0", "i1", "i2"]
    assert [plan_to_dict(p) for p in plans] == [
        plan_to_dict(followup.plan(o, TODAY)) for o in objects
    ]


def test_plan_many_consumes_its_input_lazily() -> None:
    pulled: list[int] = []

    def stream() -> Iterator[dict[str, Any]]:
        for n in range(1000):
            pulled.append(n)
            yield example(id=f"i{n}")

    plans = followup.plan_many(stream(), TODAY)
    assert pulled == []  # nothing read before the first plan is asked for
    first = next(plans)
    assert first.id == "i0" and pulled == [0]
    assert next(plans).id == "i1" and pulled == [0, 1]


def test_plan_many_stops_at_a_bad_item_naming_it() -> None:
    plans = followup.plan_many(iter([example(), example(country="XX"), example()]), TODAY)
    assert next(plans).id == "acme-analyst"  # the plans before it stand
    with pytest.raises(followup.InputError) as caught:
        next(plans)
    assert caught.value.field == "item 2: country"


def test_write_and_check() -> None:
    interview = followup.interview_from_dict(example())
    message = followup.write(interview, "status-email", today=TODAY)
    assert message.channel == "email" and "Senior Data Analyst" in message.body
    checked = followup.check(message.body, "email", context=interview)
    assert not checked.has_errors
    pushy = followup.check("Hi Dana, this is Sam Lee. Did I get the job?", "call")
    assert pushy.has_errors


def test_open_tracker_adds_logs_and_gives_the_agenda(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with followup.open_tracker(db, env=env(tmp_path)) as tracker:
        stored = tracker.add(followup.interview_from_dict(example()))
        assert stored.id == "acme-analyst"
        before = tracker.agenda()
        assert [item.interview_id for item in before.act_now] == ["acme-analyst"]
        step = before.act_now[0].step
        assert step is not None and step.purpose == "status"
        attempt = tracker.log_attempt(
            "acme-analyst", channel=followup.AttemptChannel.CALL, outcome=followup.Outcome.VOICEMAIL
        )
        assert attempt.purpose is followup.Purpose.STATUS  # the plan's next step
        after = tracker.agenda()
        assert after.act_now == [] and after.today == dt.date(2026, 11, 25)
    with followup.open_tracker(db, env=env(tmp_path)) as again:  # it was stored
        assert len(again.interview("acme-analyst").attempts) == 1


def readme_example() -> str:
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## The library") :]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found is not None
    return found.group(1)


def test_the_readme_library_example_runs(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    environ = {"FOLLOWUP_CONFIG_DIR": str(tmp_path / "config"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", readme_example()], cwd=tmp_path, env=environ,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("act_now email 2026-11-23 ")
    assert lines[1].startswith('{"id": "acme-analyst", "as_of": "2026-11-23"')
    assert lines[2:4] == ["acme-analyst act_now", "acme-analyst act_now"]
    assert lines[4] == "False"  # the written email passes the checker
    assert (tmp_path / "followups.db").exists()
