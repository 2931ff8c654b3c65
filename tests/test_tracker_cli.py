"""The tracker through the CLI, in-process, on a temporary store per test."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.store import open_store
from tests.tracker_support import Cli, example


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    runner = Cli(tmp_path)
    assert runner("config", "name", "Sam Lee").status == 0
    assert runner("config", "timezone", "America/New_York").status == 0
    return runner


def add_example(cli: Cli, **changes: object) -> str:
    path = cli.home / "interview.json"
    path.write_text(json.dumps(example(**changes)))
    result = cli("add", "--from", str(path))
    assert result.status == 0, result.err
    return result.out.split()[1].rstrip(":")


def test_add_with_flags_reads_a_local_time_in_the_configured_zone(cli: Cli) -> None:
    result = cli("add", "--company", "Globex Corp", "--role", "PM", "--interviewed-at",
                 "2026-11-18 10:00", "--contact", "Hank", "--contact-phone", "555")  # fmt: skip
    assert result.out == "added globex-corp: Globex Corp, PM\n"
    shown = json.loads(cli("show", "globex-corp", "--json").out)
    assert shown["interview"]["interviewed_at"] == "2026-11-18T10:00:00-05:00"
    assert shown["interview"]["candidate"] == {"name": "Sam Lee"}
    again = cli("add", "--company", "Globex Corp", "--role", "CTO", "--interviewed-at",
                "2026-11-19T10:00:00Z", "--contact", "Hank")  # fmt: skip
    assert again.out.startswith("added globex-corp-2:")


def test_add_prompts_for_what_is_missing_on_a_terminal_only(cli: Cli) -> None:
    answers = "Initech\nDeveloper\n2026-11-19 15:30\nBill Lumbergh\n"
    result = cli("add", stdin=answers, tty=True)
    assert result.status == 0, result.err
    assert "Company: " in result.err
    assert cli("show", "initech", "--json").status == 0
    piped = cli("add", "--role", "Dev")
    assert piped.status == 2
    assert piped.err == (
        "followup: --company: required: add --company NAME "
        "(or give the interview with --from FILE.json)\n"
    )


def test_bad_input_is_one_line_exit_2_and_nothing_changes(cli: Cli) -> None:
    interview_id = add_example(cli)
    before = cli("export", "--json").out
    cases = [
        ("edit", interview_id, "--timezone", "Mars/Olympus"),
        ("edit", interview_id, "--feedback-by", "next week"),
        ("log", interview_id, "--channel", "fax", "--outcome", "sent"),
        ("log", interview_id, "--channel", "call", "--outcome", "spoke", "--at", "yesterday"),
        ("status", "nobody", "offer"),
        ("show", "nobody"),
        ("config", "timezone", "Nowhere/City"),
        ("config", "colour", "red"),
        ("export",),
    ]
    for args in cases:
        result = cli(*args)
        assert result.status == 2, args
        assert result.err.count("\n") == 1 and "Traceback" not in result.err, args
    assert cli("edit", interview_id, "--timezone", "Mars/Olympus").err.startswith(
        "followup: timezone: unknown IANA"
    )
    assert cli("export", "--json").out == before


def test_edit_changes_only_the_given_fields(cli: Cli) -> None:
    interview_id = add_example(cli)
    assert cli("edit", interview_id, "--contact-phone", "+1 617 555 0000").status == 0
    interview = json.loads(cli("show", interview_id, "--json").out)["interview"]
    assert interview["interviewers"][0]["phone"] == "+1 617 555 0000"
    assert interview["interviewers"][0]["email"] == "dana.ruiz@acme.example"
    assert interview["company"] == "Acme Analytics"


def test_log_defaults_to_the_plans_next_step_and_now(cli: Cli) -> None:
    interview_id = add_example(cli)
    result = cli("log", interview_id, "--channel", "call", "--outcome", "voicemail")
    assert result.out == f"logged status follow-up by call (voicemail) for {interview_id}\n"
    attempt = json.loads(cli("show", interview_id, "--json").out)["interview"]["attempts"][0]
    assert attempt["purpose"] == "status"
    assert attempt["at"] == "2026-11-25T09:00:00-05:00"
    cli("log", interview_id, "--channel", "email", "--outcome", "sent", "--purpose", "thank_you",
        "--at", "2026-11-20 18:00", "--notes", "short")  # fmt: skip
    attempts = json.loads(cli("show", interview_id, "--json").out)["interview"]["attempts"]
    assert [a["purpose"] for a in attempts] == ["thank_you", "status"]


def test_status_closes_and_list_filters(cli: Cli) -> None:
    first = add_example(cli)
    second = add_example(cli, id="globex", company="Globex", role="PM")
    assert cli("status", first, "offer").out == f"{first} is now offer\n"
    assert [r["id"] for r in json.loads(cli("list", "--json").out)] == [first, second]
    offers = json.loads(cli("list", "--state", "offer", "--json").out)
    assert [(r["id"], r["state"]) for r in offers] == [(first, "offer")]
    act_now = json.loads(cli("list", "--state", "act_now", "--json").out)
    assert [r["id"] for r in act_now] == [second]
    assert cli("list", "--company", "glob").out.startswith("globex  Globex, PM")
    assert [r["id"] for r in json.loads(cli("list", "--due-within", "0", "--json").out)] == [second]


def test_delete_asks_unless_yes(cli: Cli) -> None:
    interview_id = add_example(cli)
    assert cli("delete", interview_id, stdin="n\n", tty=True).err.endswith("kept\n")
    assert cli("show", interview_id).status == 0
    assert cli("delete", interview_id).status == 2
    assert cli("delete", interview_id, stdin="y\n", tty=True).out == f"deleted {interview_id}\n"
    assert cli("show", interview_id).status == 2


def test_today_sorts_into_sections(cli: Cli) -> None:
    add_example(cli, id="due")  # interviewed Fri 20 Nov: status call opens Wed 25 Nov
    thanked = {"at": "2026-11-24T18:00:00-05:00", "channel": "email", "purpose": "thank_you",
               "outcome": "sent"}  # fmt: skip
    add_example(cli, id="soon", interviewed_at="2026-11-23T10:00:00-05:00", attempts=[thanked])
    add_example(cli, id="later", interviewed_at="2026-11-24T10:00:00-05:00",
                feedback_expected_by="2026-12-15", attempts=[thanked])  # fmt: skip
    agenda = json.loads(cli("today", "--json").out)
    assert agenda["today"] == "2026-11-25"
    assert [i["id"] for i in agenda["act_now"]] == ["due"]
    assert agenda["act_now"][0]["step"]["purpose"] == "status"
    coming = {i["id"]: i["step"]["purpose"] for i in agenda["coming_up"]}
    assert coming == {"soon": "status"}  # opens Mon 30 Nov, not due yet: not under "act now"
    text = cli("today").out
    assert "Act now (1)" in text and "Coming up (next 7 days) (1)" in text


def test_today_is_the_users_local_day_not_the_utc_day(cli: Cli) -> None:
    thanked = {"at": "2026-11-20T18:00:00-05:00", "channel": "email", "purpose": "thank_you",
               "outcome": "sent"}  # fmt: skip
    add_example(cli, attempts=[thanked])
    # 03:00 UTC on the 25th is still Tuesday the 24th, 22:00, in New York
    late = Cli(cli.home, clock=dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC))
    agenda = json.loads(late("today", "--json").out)
    assert agenda["today"] == "2026-11-24"
    assert [i["id"] for i in agenda["coming_up"]] == ["acme-analyst"]


def test_windows_count_from_the_interview_not_from_when_it_was_recorded(cli: Cli) -> None:
    # recorded on the 25th, interviewed on the 12th: the status window is already open
    add_example(cli, interviewed_at="2026-11-12T10:00:00-05:00")
    agenda = json.loads(cli("today", "--json").out)
    assert [i["step"]["earliest"] for i in agenda["act_now"]] == ["2026-11-17"]


def test_no_contact_channel_is_flagged_and_does_not_nag_forever(cli: Cli) -> None:
    add_example(cli, interviewers=[{"name": "Dana Ruiz"}])
    item = json.loads(cli("today", "--json").out)["act_now"][0]
    assert item["reachable"] is False
    assert "no phone or e-mail stored" in cli("today").out
    months_later = Cli(cli.home, clock=dt.datetime(2027, 3, 1, 14, 0, tzinfo=dt.UTC))
    agenda = json.loads(months_later("today", "--json").out)
    assert agenda["act_now"] == [] and agenda["overdue"] == []
    assert [i["id"] for i in agenda["move_on"]] == ["acme-analyst"]


def test_a_policy_change_recomputes_every_plan_and_says_so(cli: Cli) -> None:
    thanked = {"at": "2026-11-23T18:00:00-05:00", "channel": "email", "purpose": "thank_you",
               "outcome": "sent"}  # fmt: skip
    add_example(cli, interviewed_at="2026-11-23T10:00:00-05:00", scheduled_via="email",
                attempts=[thanked])  # fmt: skip
    before = json.loads(cli("today", "--json").out)
    assert before["act_now"] == []
    assert "recomputed" in cli("config", "policy", "prompt").out
    result = cli("today", "--json")
    assert "the policy changed (prompt)" in result.err
    assert [i["id"] for i in json.loads(result.out)["act_now"]] == ["acme-analyst"]
    assert "policy changed" not in cli("today").err


def test_config_lists_reads_and_unsets(cli: Cli) -> None:
    assert cli("config").out == "name = Sam Lee\ntimezone = America/New_York\n"
    assert cli("config", "timezone").out == "America/New_York\n"
    assert cli("config", "country", "gb").out == "country = GB\n"
    assert cli("config", "country", "--unset").out == "country = (unset)\n"
    assert "config.toml" in cli("config", "--path").out


def test_db_flag_and_environment_choose_the_file(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.db"
    path = cli.home / "interview.json"
    path.write_text(json.dumps(example()))
    assert cli("add", "--from", str(path), "--db", str(other)).status == 0
    with open_store(other) as store, store.unit_of_work(write=False) as repo:
        assert repo.count_interviews() == 1
    assert json.loads(cli("list", "--json").out) == []


def test_today_imports_neither_the_planner_nor_templates_nor_calendars_nor_psycopg(
    cli: Cli,
) -> None:
    add_example(cli)
    cli("today")  # plans are fresh: the next run only reads them
    probe = (
        "import datetime as dt, os, sys\n"
        "from followup.cli import main\n"
        "from followup.context import Env, fixed_clock\n"
        f"main(['today'], Env(clock=fixed_clock(dt.datetime.fromisoformat('{cli.clock}'))))\n"
        "heavy = ['followup.planner', 'holidays', 'jinja2', 'icalendar', 'followup.domain.codec',"
        " 'psycopg', 'followup.store.postgres']\n"
        "print([name for name in heavy if name in sys.modules], file=sys.stderr)\n"
    )
    environ = os.environ | cli.environ
    done = subprocess.run([sys.executable, "-c", probe], env=environ, capture_output=True,
                          text=True, timeout=60, check=True)  # fmt: skip
    assert done.stderr.strip() == "[]"
    assert "Act now (1)" in done.stdout
