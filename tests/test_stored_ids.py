"""`followup plan ID` and `followup check --context ID` work on stored interviews."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tracker_support import Cli, cli_with_example, example


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return cli_with_example(tmp_path)


def test_plan_of_a_stored_interview_is_the_contract_plan(cli: Cli) -> None:
    done = cli("plan", "acme-analyst", "--today", "2026-11-25")
    assert done.status == 0, done.err
    plan = json.loads(done.out)
    assert plan["id"] == "acme-analyst" and plan["as_of"] == "2026-11-25"
    assert plan["next"]["purpose"] == "status" and plan["state"] == "act_now"
    piped = cli("plan", "--today", "2026-11-25", stdin=json.dumps(example()))
    assert json.loads(piped.out) == plan  # the same plan as from the interview object


def test_plan_of_a_stored_interview_counts_its_logged_attempts(cli: Cli) -> None:
    logged = cli("log", "acme-analyst", "--channel", "call", "--outcome", "no_answer",
                 "--at", "2026-11-25T08:05:00-05:00")  # fmt: skip
    assert logged.status == 0, logged.err
    plan = json.loads(cli("plan", "acme-analyst", "--today", "2026-11-26").out)
    assert plan["attempts_left"] == 1
    assert plan["next"]["purpose"] == "final"


def test_plan_text_and_default_day(cli: Cli) -> None:
    done = cli("plan", "acme-analyst", "--format", "text")
    assert done.status == 0 and "plan as of Wednesday 25 November" in done.out


def test_plan_with_an_unknown_id_or_two_inputs_exits_2(cli: Cli) -> None:
    missing = cli("plan", "nope")
    assert missing.status == 2 and "no interview with id 'nope'" in missing.err
    both = cli("plan", "acme-analyst", "--input", "x.json")
    assert both.status == 2 and "--input: give either" in both.err


def test_check_with_a_stored_interview_as_context(cli: Cli) -> None:
    draft = ("Hello Dana, this is Sam Lee. I interviewed for the Senior Data Analyst role last "
             "Friday. I enjoyed our talk about the churn dashboard rebuild. Thank you again. "
             "Is there any update on the position?")  # fmt: skip
    done = cli("check", "--kind", "call", "--context", "acme-analyst", "--format", "json",
               stdin=draft)  # fmt: skip
    assert done.status == 0, done.err
    strengths = json.loads(done.out)["strengths"]
    assert "names the role" in strengths and "mentions a discussion point" in strengths


def test_check_with_neither_file_nor_id_exits_2(cli: Cli) -> None:
    done = cli("check", "--kind", "call", "--context", "missing.json", stdin="Hello")
    assert done.status == 2
    assert "--context: no such file, and no stored interview with ID 'missing.json'" in done.err
