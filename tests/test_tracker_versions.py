"""Lost edits: a change names the version it was based on, and the write itself checks it.

On every face: the tracker (`expected_version`), the CLI (`--expected-version`, exit 2) and
the API (If-Match, 409). The check is in the UPDATE, so it holds between processes too
(tests/test_store_processes.py).
"""

from __future__ import annotations

import json

import pytest

from followup.domain.errors import ConflictError
from followup.domain.model import AttemptChannel, InterviewStatus, Outcome
from followup.services.tracker import Tracker
from tests.tracker_support import Cli

ACME = "acme-analyst"


def open_tracker(cli: Cli) -> Tracker:
    return Tracker.open(cli.env())


def test_a_stored_interview_starts_at_version_1_and_every_change_adds_one(
    example_cli: Cli,
) -> None:
    tracker = open_tracker(example_cli)
    try:
        assert tracker.interview(ACME).version == 1
        assert tracker.edit(ACME, {"role": "Lead Analyst"}).version == 2
        tracker.log_attempt(ACME, channel=AttemptChannel.EMAIL, outcome=Outcome.SENT)
        assert tracker.interview(ACME).version == 3
        assert tracker.set_status(ACME, InterviewStatus.OFFER).version == 4
    finally:
        tracker.close()


def test_two_writers_with_the_same_version_one_wins_the_other_is_refused(
    example_cli: Cli,
) -> None:
    first, second = open_tracker(example_cli), open_tracker(example_cli)
    try:
        read = first.interview(ACME).version
        assert second.interview(ACME).version == read
        first.edit(ACME, {"role": "Lead Analyst"}, expected_version=read)
        with pytest.raises(ConflictError) as refused:
            second.edit(ACME, {"industry": "retail"}, expected_version=read)
        assert str(refused.value).startswith(
            f"{ACME} changed since you opened it (version {read}, now 2): nothing was changed"
        )
        kept = first.interview(ACME)
        assert (kept.role, kept.industry, kept.version) == ("Lead Analyst", None, 2)
        with pytest.raises(ConflictError):
            second.set_status(ACME, InterviewStatus.REJECTED, expected_version=read)
        with pytest.raises(ConflictError):
            second.delete(ACME, expected_version=read)
        assert second.interview(ACME).status is InterviewStatus.AWAITING
        second.delete(ACME, expected_version=2)
        assert first.interviews() == []
    finally:
        first.close()
        second.close()


def test_the_cli_refuses_a_stale_version_with_one_line_and_exit_2(example_cli: Cli) -> None:
    cli = example_cli
    assert json.loads(cli("show", ACME, "--json").out)["version"] == 1
    assert "Version 1 " in cli("show", ACME).out
    done = cli("edit", ACME, "--role", "Lead Analyst", "--expected-version", "1")
    assert (done.status, done.out) == (0, f"updated {ACME} (now version 2)\n")
    for args in (
        ("edit", ACME, "--role", "Other", "--expected-version", "1"),
        ("status", ACME, "offer", "--expected-version", "1"),
        ("delete", ACME, "--yes", "--expected-version", "1"),
    ):
        stale = cli(*args)
        assert stale.status == 2, args
        assert stale.out == ""
        assert stale.err.count("\n") == 1
        assert f"{ACME} changed since you opened it (version 1, now 2)" in stale.err
    shown = json.loads(cli("show", ACME, "--json").out)
    assert (shown["interview"]["role"], shown["interview"]["status"]) == (
        "Lead Analyst",
        "awaiting",
    )
    assert cli("status", ACME, "offer", "--expected-version", "2").status == 0
    assert cli("delete", ACME, "--yes", "--expected-version", "3").out == f"deleted {ACME}\n"


def test_the_cli_refuses_a_version_that_is_not_a_positive_number(example_cli: Cli) -> None:
    for bad in ("0", "-1", "two", "9" * 30):
        refused = example_cli("edit", ACME, "--role", "X", "--expected-version", bad)
        assert refused.status == 2
        assert "--expected-version" in refused.err
    assert json.loads(example_cli("show", ACME, "--json").out)["version"] == 1
