"""`followup plan` as spec/plan-json.md fixes it: JSON in, JSON out, exit 0 or 2."""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
from pathlib import Path

import pytest

from followup.cli import main
from followup.context import Env, fixed_clock
from tests.planning import interview

EXAMPLE = Path(__file__).parent.parent / "examples" / "interview.json"
NO_CONFIG = str(Path(tempfile.mkdtemp(prefix="followup-no-config-")))
STEP_KEYS = {"purpose", "channel", "status", "earliest", "latest", "best", "contact", "reasons"}


def run(args: list[str], stdin: str = "", now: str = "2026-11-23T15:00:00+00:00"):
    env = Env(
        stdin=io.StringIO(stdin),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        clock=fixed_clock(dt.datetime.fromisoformat(now)),
        environ={},
    )
    code = main(args, env)
    return code, env.stdout.getvalue(), env.stderr.getvalue()  # type: ignore[attr-defined]


def test_plan_object_has_every_contract_field() -> None:
    code, out, err = run(["plan", "--input", str(EXAMPLE), "--today", "2026-11-23"])
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert set(result) >= {
        "id",
        "as_of",
        "policy",
        "state",
        "next",
        "steps",
        "attempts_left",
        "warnings",
    }
    assert result["id"] == "acme-analyst" and result["as_of"] == "2026-11-23"
    assert result["next"] == result["steps"][0]
    for found in result["steps"]:
        assert set(found) >= STEP_KEYS
        for reason in found["reasons"]:
            assert set(reason) == {"rule", "says", "sources", "effect"}
            assert reason["sources"]


def test_same_input_and_today_give_identical_bytes() -> None:
    outputs = {run(["plan", "--input", str(EXAMPLE), "--today", "2026-11-23"])[1] for _ in range(3)}
    assert len(outputs) == 1


def test_json_lines_give_one_plan_per_line_in_order() -> None:
    lines = "\n".join(json.dumps(interview(id=f"n{n}")) for n in range(5)) + "\n"
    code, out, _ = run(["plan", "--today", "2026-11-05"], stdin=lines)
    assert code == 0
    plans = [json.loads(line) for line in out.splitlines()]
    assert [p["id"] for p in plans] == [f"n{n}" for n in range(5)]


def test_default_today_is_the_employers_day() -> None:
    # 03:00 UTC on the 10th is still the 9th in New York.
    _, out, _ = run(["plan", "--input", str(EXAMPLE)], now="2026-11-10T03:00:00+00:00")
    assert json.loads(out)["as_of"] == "2026-11-09"


def test_text_format_says_what_to_do_next() -> None:
    code, out, _ = run(
        ["plan", "--input", str(EXAMPLE), "--today", "2026-11-23", "--format", "text"]
    )
    assert code == 0
    assert "Act now. Say thank you by email (to Dana Ruiz)" in out
    assert "[S0-6]" in out


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ('{"company": "A"}', "line 1: role: required"),
        (json.dumps(interview(colour="red")), "line 1: colour: unknown field"),
        (json.dumps(interview(timezone="Mars/Base")), "line 1: timezone: unknown IANA"),
        (json.dumps(interview(country="ZZ")), "line 1: country: no public-holiday calendar"),
        (json.dumps(interview(subdivision="XX")), "line 1: subdivision: US has no subdivision"),
        (
            json.dumps(interview()) + "\n" + json.dumps(interview(format="zoom")) + "\n",
            "line 2: format: must be one of onsite, video, phone",
        ),
        (json.dumps(interview()) + "\n{oops\n", "line 2: not valid JSON"),
        ("", "input: is empty"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_stdout(stdin: str, message: str) -> None:
    code, out, err = run(["plan", "--today", "2026-11-05"], stdin=stdin)
    assert code == 2 and out == ""
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_every_bad_line_is_reported() -> None:
    lines = "\n".join(
        [
            json.dumps(interview(role="")),
            json.dumps(interview()),
            json.dumps(interview(status="hired")),
        ]
    )
    code, out, err = run(["plan", "--today", "2026-11-05"], stdin=lines)
    assert code == 2 and out == ""
    assert "line 1: role" in err and "line 3: status" in err and "line 2" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--today", "23/11/2026"], "--today: must be a date YYYY-MM-DD"),
        (["--policy", "nope.toml"], "nope.toml: no such file"),
        (["--input", "absent.json"], "--input: no such file"),
        (["--format", "yaml"], "Invalid value for '--format'"),
    ],
)
def test_bad_usage_exits_2(args: list[str], message: str) -> None:
    code, out, err = run(["plan", *args], stdin=json.dumps(interview()))
    assert code == 2 and out == ""
    assert message in err


def test_policy_profile_is_named_in_the_plan() -> None:
    _, out, _ = run(
        ["plan", "--policy", "prompt", "--today", "2026-11-04"], stdin=json.dumps(interview())
    )
    assert json.loads(out)["policy"] == "prompt"


def test_configured_zone_and_policy_are_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('timezone = "Europe/London"\npolicy = "prompt"\n')
    obj = interview(timezone=None)
    env = Env(
        stdin=io.StringIO(json.dumps(obj)),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        clock=fixed_clock(dt.datetime(2026, 11, 5, 12, tzinfo=dt.UTC)),
        environ={"FOLLOWUP_CONFIG_DIR": str(tmp_path)},
    )
    assert main(["plan", "--today", "2026-11-04"], env) == 0
    result = json.loads(env.stdout.getvalue())  # type: ignore[attr-defined]
    assert result["policy"] == "prompt"
    assert result["steps"][0]["best"].endswith("+00:00")
    assert not any("fixed offset" in w for w in result["warnings"])
