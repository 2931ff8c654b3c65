"""The store's own failures on the CLI: one line on stderr and exit 2, nothing changed; a
database URL refused, never taken for a file name; batch `plan` errors a script can read."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.tracker_support import EXAMPLE, Cli, cli_with_example


def _one_line_exit_2(done: Any, *words: str) -> None:
    assert done.status == 2, done
    assert done.err.count("\n") == 1 and done.err.startswith("followup: "), done.err
    assert "Traceback" not in done.err
    for word in words:
        assert word in done.err, (word, done.err)


def test_a_write_lock_held_past_the_timeout_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: Any
) -> None:
    import followup.store.connection as connection

    cli = cli_with_example(tmp_path)
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(cli.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        done = cli("status", "acme-analyst", "offer")
        _one_line_exit_2(done, "is busy", str(cli.db))
        assert cli("show", "acme-analyst").status == 0  # reads go on meanwhile
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert json.loads(cli("export", "--json").out)[0]["status"] == "awaiting"  # unchanged


def test_a_query_only_database_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: Any) -> None:
    import followup.store.connection as connection

    cli = cli_with_example(tmp_path)
    real = connection.connect

    def read_only(path: Any) -> sqlite3.Connection:
        opened = real(path)
        opened.execute("PRAGMA query_only = ON")  # what a read-only file system gives
        return opened

    # (A chmod 444 file would not do: tests run as root here, and root writes it anyway.)
    monkeypatch.setattr(connection, "connect", read_only)
    monkeypatch.setattr("followup.store.connect", read_only)
    _one_line_exit_2(cli("status", "acme-analyst", "offer"), "read-only", "nothing changed")


def test_a_database_path_through_a_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cli = Cli(tmp_path)
    _one_line_exit_2(cli("list", "--db", str(blocker / "followup.db")), f"{blocker} is a file")
    _one_line_exit_2(cli("add", "--from", str(EXAMPLE), "--db", str(blocker / "x" / "f.db")))


@pytest.mark.parametrize("url", ["sqlite:///tmp/x.db", "mysql://db", "file:///tmp/x.db"])
def test_a_database_url_is_refused_never_taken_for_a_path(tmp_path: Path, url: str) -> None:
    os.chdir(tmp_path)
    cli = Cli(tmp_path)
    scheme = url.partition(":")[0]
    _one_line_exit_2(cli("list", "--db", url), f"--db: {scheme}:// databases are not supported")
    assert not any(tmp_path.glob(f"{scheme}*"))  # no folder named after the URL


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_a_postgresql_url_is_a_database_never_a_path(tmp_path: Path, scheme: str) -> None:
    """Accepted (the PostgreSQL back end), so an unreachable server is one line naming the
    database, its password hidden, and no folder named after the URL."""
    os.chdir(tmp_path)
    cli = Cli(tmp_path)
    url = f"{scheme}://user:secret@127.0.0.1:1/followup"  # port 1: nobody listens
    done = cli("list", "--db", url)
    _one_line_exit_2(done, f"cannot use the database {scheme}://user:***@127.0.0.1:1/followup")
    assert "secret" not in done.err
    assert not any(tmp_path.glob(f"{scheme}*"))


def test_batch_plan_reports_bad_lines_as_json_for_scripts() -> None:
    cli = Cli(Path("/nonexistent"))
    good = json.dumps(json.loads(EXAMPLE.read_text()))
    lines = [good, json.dumps({"company": 1}), good, good.replace("America/New_York", "America")]
    done = cli("plan", "--errors", "json", "--today", "2026-11-25", stdin="\n".join(lines))
    assert done.status == 2 and done.out == ""
    reported = [json.loads(line) for line in done.err.splitlines()]
    assert {"line": 4, "field": "timezone", "why": "unknown IANA time zone 'America'"} in reported
    assert [r["line"] for r in reported] == [2, 4]
    assert all(set(r) == {"line", "field", "why"} for r in reported)
    text = cli("plan", "--today", "2026-11-25", stdin="\n".join(lines))
    assert text.status == 2 and "followup: line 4: timezone: unknown" in text.err
