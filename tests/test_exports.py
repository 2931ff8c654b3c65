"""Import and export: JSON round trips, CSV from other trackers, all-or-nothing imports, ICS."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.formats.json_io import read_interviews
from tests.tracker_support import Cli, example

KHAL = Path(sys.executable).parent / "khal"


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    runner = Cli(tmp_path)
    runner("config", "name", "Sam Lee")
    runner("config", "timezone", "America/New_York")
    return runner


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- JSON -------------------------------------------------------------------------------

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
                min_size=1, max_size=12)  # fmt: skip
ZONES = [dt.UTC, dt.timezone(dt.timedelta(hours=-5)), dt.timezone(dt.timedelta(hours=5.5))]
moments = st.datetimes(
    dt.datetime(2025, 1, 1),  # noqa: DTZ001  (bounds are naive; the zones come from ZONES)
    dt.datetime(2027, 12, 31),  # noqa: DTZ001
    timezones=st.sampled_from(ZONES),
)


@st.composite
def interview_objects(draw: st.DrawFn) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "company": draw(names), "role": draw(names),
        "candidate": {"name": draw(names)},
        "interviewers": [{"name": draw(names), "phone": draw(st.none() | names)}
                         for _ in range(draw(st.integers(1, 3)))],
        "interviewed_at": draw(moments).isoformat(),
        "status": draw(st.sampled_from(["awaiting", "offer", "rejected", "closed"])),
        "discussion_points": draw(st.lists(names, max_size=2)),
        "attempts": [
            {"at": draw(moments).isoformat(), "channel": draw(st.sampled_from(["call", "email"])),
             "purpose": draw(st.sampled_from(["thank_you", "status", "final"])),
             "outcome": draw(st.sampled_from(["sent", "voicemail", "spoke"])),
             "notes": draw(st.none() | names)}
            for _ in range(draw(st.integers(0, 3)))
        ],
    }  # fmt: skip
    if draw(st.booleans()):
        obj["id"] = draw(st.from_regex(r"[a-z0-9][a-z0-9\-]{0,10}", fullmatch=True))
    if draw(st.booleans()):
        obj["timezone"] = draw(st.sampled_from(["Europe/Paris", "Asia/Kolkata"]))
    return json.loads(json.dumps(obj))


def _unique_ids(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    for obj in objects:
        if obj.get("id") in seen:
            del obj["id"]
        elif "id" in obj:
            seen.add(obj["id"])
    return objects


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objects=st.lists(interview_objects(), max_size=5).map(_unique_ids))
def test_export_import_export_is_identical(objects: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        source = Cli(Path(first))
        data = write(Path(first) / "in.jsonl", "".join(json.dumps(o) + "\n" for o in objects))
        assert source("import", data).status == 0
        exported = source("export", "--json").out
        again = Cli(Path(second))
        assert again("import", write(Path(second) / "out.json", exported)).status == 0
        assert again("export", "--json").out == exported
    assert sum(len(o.get("attempts", [])) for o in json.loads(exported)) == sum(
        len(o["attempts"]) for o in objects
    )


def test_json_array_and_json_lines_are_both_read() -> None:
    one = example()
    assert [w for w, _ in read_interviews(json.dumps([one, one]))] == ["row 1", "row 2"]
    lines = json.dumps(one) + "\n\n" + json.dumps(one) + "\n"
    assert [w for w, _ in read_interviews(lines)] == ["line 1", "line 3"]


def test_a_bad_row_aborts_the_whole_import(cli: Cli) -> None:
    rows = [example(id=f"i{n}") for n in range(5)]
    rows[3]["attempts"] = [{"at": "2026-11-21T10:00:00Z", "channel": "fax",
                            "purpose": "status", "outcome": "sent"}]  # fmt: skip
    result = cli(
        "import", write(cli.home / "bad.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    )
    assert result.status == 2
    assert result.err.startswith("followup: line 4: attempts[0].channel: must be one of")
    assert json.loads(cli("list", "--json").out) == []


def test_an_existing_id_aborts_unless_replace(cli: Cli) -> None:
    data = write(cli.home / "one.json", json.dumps([example(id="a"), example(id="b")]))
    assert cli("import", data).out == "imported 2 new, 0 replaced\n"
    changed = write(cli.home / "two.json", json.dumps([example(id="c"), example(id="a", role="X")]))
    refused = cli("import", changed)
    assert refused.status == 2 and "row 2: id: 'a' already exists" in refused.err
    assert [r["id"] for r in json.loads(cli("list", "--json").out)] == ["a", "b"]
    assert cli("import", changed, "--replace").out == "imported 1 new, 1 replaced\n"
    assert json.loads(cli("show", "a", "--json").out)["interview"]["role"] == "X"


# --- CSV --------------------------------------------------------------------------------


def test_csv_export_reads_back(cli: Cli) -> None:
    cli("import", write(cli.home / "in.json", json.dumps([example()])))
    text = cli("export", "--csv").out
    assert text.splitlines()[0].startswith("id,company,role,interviewed_at,")
    other = Cli(cli.home / "other")
    assert other("import", write(cli.home / "x.csv", text)).status == 0
    back = json.loads(other("export", "--json").out)[0]
    original = json.loads(cli("export", "--json").out)[0]
    assert back["interviewers"] == [
        {k: v for k, v in original["interviewers"][0].items() if k != "primary"}
    ]
    assert {k: back[k] for k in ("company", "role", "interviewed_at", "discussion_points")} == {
        k: original[k] for k in ("company", "role", "interviewed_at", "discussion_points")
    }


def test_csv_from_another_tracker_maps_columns_and_reports_the_rest(cli: Cli) -> None:
    text = (
        "Company Name,Job Title,Status,Interview Date,Contact,Contact Email,Salary,URL\n"
        "Initech,Developer,Interviewing,2026-11-19,Bill Lumbergh,bill@initech.example,90k,x\n"
        "Globex,PM,Offered,2026-11-18 10:30,Hank Scorpio,,120k,y\n"
    )
    result = cli("import", write(cli.home / "huntr.csv", text))
    assert result.status == 0, result.err
    assert result.err == "followup: ignored columns: Salary, URL\n"
    stored = {o["company"]: o for o in json.loads(cli("export", "--json").out)}
    assert stored["Initech"]["interviewed_at"] == "2026-11-19T12:00:00-05:00"
    assert stored["Initech"]["candidate"]["name"] == "Sam Lee"
    assert stored["Globex"]["status"] == "offer"
    assert stored["Globex"]["interviewers"] == [{"name": "Hank Scorpio"}]


def test_a_csv_row_that_cannot_be_mapped_names_its_row_and_field(cli: Cli) -> None:
    text = (
        "Company,Position,Interview Date,Interviewer\n"
        "Initech,Developer,2026-11-19,Bill\n"
        "Globex,PM,2026-11-18,\n"
    )
    result = cli("import", write(cli.home / "t.csv", text))
    assert result.status == 2
    assert result.err == "followup: row 3: contact_name: required (who to follow up with)\n"
    assert json.loads(cli("list", "--json").out) == []


# --- iCalendar --------------------------------------------------------------------------


def _calendar(cli: Cli) -> Any:
    from icalendar import Calendar

    result = cli("export", "--ics")
    assert result.status == 0, result.err
    return Calendar.from_ical(result.out)


def test_ics_has_one_event_per_due_or_upcoming_step(cli: Cli) -> None:
    cli("import", write(cli.home / "in.json", json.dumps([example()])))
    events = _calendar(cli).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [
        "acme-analyst.status.1@followup", "acme-analyst.final.1@followup"
    ]  # fmt: skip
    status = events[0]
    assert status.decoded("dtstart") == dt.datetime.fromisoformat("2026-11-25T10:00:00-05:00")
    assert status.decoded("dtstamp") == dt.datetime(2026, 11, 25, 14, 0, tzinfo=dt.UTC)
    assert "+1 617 555 0199" in str(status["description"])
    assert "Hello Dana, this is Sam Lee." in str(status["description"])
    assert [str(a["action"]) for a in status.walk("VALARM")] == ["DISPLAY"]
    assert cli("export", "--ics").out == cli("export", "--ics").out


@pytest.mark.skipif(not KHAL.exists(), reason="khal is not installed (pip install khal)")
def test_khal_shows_the_event_at_the_local_time_and_a_reimport_updates_it(cli: Cli) -> None:
    calendar_dir = cli.home / "khal" / "calendar"
    calendar_dir.mkdir(parents=True)
    config = cli.home / "khal" / "config"
    config.write_text(
        f"[calendars]\n[[followups]]\npath = {calendar_dir}\ntype = calendar\n"
        "[locale]\nlocal_timezone = Europe/Paris\ndefault_timezone = Europe/Paris\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "[default]\ndefault_calendar = followups\n"
    )

    def khal(*args: str) -> str:
        environ = os.environ | {"XDG_DATA_HOME": str(cli.home / "khal"),
                                "XDG_CACHE_HOME": str(cli.home / "khal")}  # fmt: skip
        done = subprocess.run([str(KHAL), "-c", str(config), *args], capture_output=True,
                              text=True, timeout=60, check=True, env=environ)  # fmt: skip
        return done.stdout

    def export_and_import() -> None:
        cli("export", "--ics", "--output", str(cli.home / "f.ics"))
        khal("import", "--batch", str(cli.home / "f.ics"))

    def listed() -> list[str]:
        out = khal("list", "--format", "{start} {title}", "2026-11-20", "30d")
        return [line for line in out.splitlines() if "follow-up" in line]

    cli("import", write(cli.home / "in.json", json.dumps([example()])))
    export_and_import()
    # 10:00 in New York is 16:00 in Paris, on Wednesday 25 November
    assert listed()[0] == "2026-11-25 16:00 Status follow-up by call to Dana Ruiz (Acme Analytics)"
    cli("edit", "acme-analyst", "--contact", "Dana Ruiz-Ortega")
    export_and_import()
    assert listed() == [
        "2026-11-25 16:00 Status follow-up by call to Dana Ruiz-Ortega (Acme Analytics)",
        "2026-12-02 16:00 Final follow-up by call to Dana Ruiz-Ortega (Acme Analytics)",
    ]
    assert sorted(p.name for p in calendar_dir.glob("*.ics")) == [
        "acme-analyst.final.1@followup.ics", "acme-analyst.status.1@followup.ics"
    ]  # fmt: skip
    shutil.rmtree(cli.home / "khal")
