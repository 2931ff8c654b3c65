"""The policy loader: built-in profiles, override files, and errors that name file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.domain.errors import PolicyError
from followup.policy import load_policy
from tests.planning import interview, plan_for, step


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_profiles_load_and_every_rule_cites_sources() -> None:
    for name in ("default", "prompt"):
        policy = load_policy(name)
        assert policy.name == name
        assert all(rule.sources for rule in policy.rules.values())


def test_an_override_changes_only_what_it_names(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[policy]\nname = "patient"\nextends = "default"\n'
        '[rules."timing.week-after"]\nmin_days = 7\n',
    )
    policy = load_policy(str(path))
    assert policy.name == "patient"
    assert policy.param("timing.week-after", "min_days") == 7
    assert (
        policy.rule("timing.week-after").sources == load_policy().rule("timing.week-after").sources
    )
    result = plan_for(interview(), "2026-11-04", policy=str(path))
    assert step(result, "status").earliest.isoformat() == "2026-11-11"


@pytest.mark.parametrize(
    ("text", "key", "why"),
    [
        (
            '[policy]\nextends = "default"\n[rules."timing.nope"]\nsays = "x"\n',
            'rules."timing.nope"',
            "unknown rule id",
        ),
        (
            '[policy]\nextends = "default"\n[rules."timing.week-after"]\nmin_dayz = 3\n',
            'rules."timing.week-after".min_dayz',
            "unknown key",
        ),
        (
            '[policy]\nextends = "default"\n[rules."timing.week-after"]\nmin_days = "five"\n',
            'rules."timing.week-after".min_days',
            "whole number",
        ),
        (
            '[policy]\nextends = "default"\n[rules."timing.week-after"]\nmin_days = 40\n',
            'rules."timing.week-after".min_days',
            "from 2 to 14",
        ),
        (
            '[policy]\nextends = "default"\n[rules."timing.week-after"]\nsources = []\n',
            'rules."timing.week-after".sources',
            "non-empty",
        ),
        (
            '[policy]\nextends = "default"\n[rules."timing.week-after"]\nsources = ["S9-9"]\n',
            'rules."timing.week-after".sources',
            "unknown guidance id",
        ),
        (
            '[policy]\nextends = "default"\n[rules."timing.week-after"]\nsays = "wait {weeks}"\n',
            'rules."timing.week-after".says',
            "unknown placeholder {weeks}",
        ),
        ('[policy]\nextends = "strict"\n', "policy.extends", "must be one of"),
        ('[policy]\ncolour = "red"\n', "policy.colour", "unknown key"),
        (
            '[rules."timing.week-after"]\nsays = "x"\nmin_days = 5\n',
            'rules."timing.week-after".sources',
            "every rule cites its sources",
        ),
        ('[policy]\nname = "x"\n', 'rules."', "missing"),
        (
            '[policy]\nextends = "default"\n[rules."timing.midweek-calls"]\n'
            'preferred_days = ["sun"]\n',
            'rules."timing.midweek-calls".preferred_days',
            "unknown",
        ),
        (
            '[policy]\nextends = "default"\n[rules."timing.business-hours"]\ncall_at = "25:00"\n',
            'rules."timing.business-hours".call_at',
            "HH:MM",
        ),
        (
            '[policy]\nextends = "default"\n[rules."timing.business-hours"]\ncall_at = "18:00"\n',
            'rules."timing.business-hours".call_at',
            "within opens..closes",
        ),
        (
            '[policy]\nextends = "default"\n[rules."timing.not-monday-morning"]\n'
            'not_before = "09:00"\n',
            'rules."timing.not-monday-morning".not_before',
            "12:00",
        ),
    ],
)
def test_invalid_files_name_the_file_the_key_and_why(
    tmp_path: Path, text: str, key: str, why: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(PolicyError) as caught:
        load_policy(str(path))
    assert caught.value.source == str(path)
    assert caught.value.key.startswith(key)
    assert why in caught.value.why


def test_not_toml_and_no_such_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_policy(str(write(tmp_path, "[policy\n")))
    with pytest.raises(PolicyError, match="no such file"):
        load_policy(str(tmp_path / "absent.toml"))
