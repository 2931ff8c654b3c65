"""The store: migrations, transactions, concurrent writers, crash safety."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from followup.domain.codec import interview_from_dict
from followup.domain.errors import NotFoundError
from followup.store import Repository, open_store
from followup.store.migrations import LATEST, current_version
from followup.store.repository import utc_key
from tests.tracker_support import MORNING, example

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


def test_a_new_store_has_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    with open_store(tmp_path / "new.db") as store:
        assert store.schema_version() == LATEST
        mode = store.connection.execute("PRAGMA journal_mode").fetchone()[0]
        timeout = store.connection.execute("PRAGMA busy_timeout").fetchone()[0]
    assert mode == "wal"
    assert timeout >= 5000


def test_a_version_1_database_upgrades_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "store_v1.db", path)
    before = sqlite3.connect(path)
    assert current_version(before) == 1
    before.close()
    with open_store(path) as store:
        assert store.schema_version() == LATEST
        with store.unit_of_work(write=False) as repo:
            acme, globex = repo.interview("acme-analyst"), repo.interview("globex")
    assert acme.interviewers[0].phone == "+1 617 555 0199"
    assert acme.discussion_points == ("the churn dashboard rebuild", "moving reporting to dbt")
    assert [a.notes for a in acme.attempts] == ["short"]
    assert [(a.channel.value, a.outcome.value) for a in globex.attempts] == [
        ("email", "sent"),
        ("call", "voicemail"),
    ]
    assert globex.interviewed_at.isoformat() == "2026-11-16T11:00:00-05:00"


def test_a_failed_unit_of_work_leaves_nothing(store_target: str) -> None:
    interview = interview_from_dict(example())
    with open_store(store_target) as store:
        with pytest.raises(RuntimeError), store.unit_of_work() as repo:
            repo.insert_interview(interview, MORNING)
            raise RuntimeError("crash in the middle")
        with store.unit_of_work(write=False) as repo:
            assert repo.count_interviews() == 0
            with pytest.raises(NotFoundError):
                repo.interview("acme-analyst")


def test_a_newer_schema_is_refused(store_target: str) -> None:
    from followup.store import StoreError

    with open_store(store_target) as store, store.unit_of_work() as repo:
        repo.connection.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="newer"):
        open_store(store_target)


def test_each_migration_applies_in_turn_and_keeps_what_was_stored(store_target: str) -> None:
    with open_store(store_target, upgrade_to=1) as store:
        assert store.schema_version() == 1
        with store.unit_of_work() as repo:
            # version 1's own columns: today's repository writes columns added since
            stamp = utc_key(MORNING)
            repo.connection.execute(
                "INSERT INTO interviews (id, company, role, status, interviewed_at,"
                " interviewed_utc, document, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*Repository._columns(interview_from_dict(example())), stamp, stamp),
            )
    for version in range(2, LATEST + 1):
        with open_store(store_target, upgrade_to=version) as store:
            assert store.schema_version() == version
    with open_store(store_target) as store, store.unit_of_work(write=False) as repo:
        assert repo.interview("acme-analyst") == interview_from_dict(example(id="acme-analyst"))
        assert repo.needing_a_plan(MORNING.date()) == ["acme-analyst"]


def _count(target: str, table: str, column: str = "*") -> int:
    with open_store(target) as store, store.unit_of_work(write=False) as repo:
        return int(repo.connection.execute(f"SELECT COUNT({column}) FROM {table}").fetchone()[0])


def _intact(target: str) -> None:
    """SQLite's own check of the file (a PostgreSQL server keeps its files itself)."""
    if not target.startswith("postgresql://"):
        check = sqlite3.connect(target)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check.close()


WRITER = """
import sys
from followup.context import Env
from followup.domain.model import AttemptChannel, Outcome, Purpose
from followup.services.tracker import Tracker
tracker = Tracker.open(Env(environ={"FOLLOWUP_CONFIG_DIR": sys.argv[2]}), sys.argv[1])
for n in range(250):
    tracker.log_attempt("acme-analyst", channel=AttemptChannel.EMAIL, outcome=Outcome.SENT,
                        purpose=Purpose.STATUS, notes=f"{sys.argv[3]}-{n}")
"""


def _python(*args: str) -> list[str]:
    return [sys.executable, "-c", *args]


def _environ() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT)}


@pytest.mark.slow
def test_four_processes_logging_at_once_lose_nothing(tmp_path: Path, store_target: str) -> None:
    with open_store(store_target) as store, store.unit_of_work() as repo:
        repo.insert_interview(interview_from_dict(example()), MORNING)
    writers = [
        subprocess.Popen(_python(WRITER, store_target, str(tmp_path), f"w{n}"), env=_environ())
        for n in range(4)
    ]
    assert [w.wait(timeout=300) for w in writers] == [0, 0, 0, 0]
    assert _count(store_target, "attempts") == 1000
    assert _count(store_target, "attempts", "DISTINCT notes") == 1000
    with open_store(store_target) as store, store.unit_of_work(write=False) as repo:
        assert repo.version("acme-analyst") == 1001  # one more with each attempt
    _intact(store_target)


def _big_import(path: Path, count: int) -> None:
    lines = []
    for n in range(count):
        obj = example(id=f"bulk-{n}", company=f"Company {n}")
        lines.append(json.dumps(obj))
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.slow
def test_an_import_killed_part_way_leaves_the_store_intact_and_untouched(
    tmp_path: Path, store_target: str
) -> None:
    db, data = store_target, tmp_path / "bulk.jsonl"
    with open_store(db) as store, store.unit_of_work() as repo:
        repo.insert_interview(interview_from_dict(example()), MORNING)
    _big_import(data, 6000)
    command = _python(
        "import sys; from followup.cli import main; sys.exit(main(sys.argv[1:]))",
        "import", str(data), "--db", str(db),
    )  # fmt: skip
    environ = _environ() | {"FOLLOWUP_CONFIG_DIR": str(tmp_path)}
    process = subprocess.Popen(command, env=environ, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    first = process.stderr.readline()  # "writing 1000 of 6000": rows are going in
    assert "writing" in first
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    _intact(db)
    assert _count(db, "interviews") == 1
    # and the same import, run to its end, brings all of it
    done = subprocess.run(command, env=environ, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _count(db, "interviews") == 6001


def test_an_upgraded_version_1_database_gets_its_plans_and_agenda(tmp_path: Path) -> None:
    import datetime as dt

    from tests.tracker_support import Cli

    cli = Cli(tmp_path)
    cli.db.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "store_v1.db", cli.db)
    agenda = json.loads(cli("today", "--json").out)
    assert agenda["today"] == MORNING.astimezone(dt.UTC).date().isoformat()
    listed = {i["id"]: i["state"] for i in json.loads(cli("list", "--json").out)}
    assert set(listed) == {"acme-analyst", "globex"}
    # Globex: status call left on voicemail on the 24th, so the final attempt comes next
    assert json.loads(cli("show", "globex", "--json").out)["plan"]["next"]["purpose"] == "final"
