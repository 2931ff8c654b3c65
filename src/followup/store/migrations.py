"""Versioned schema migrations, from the first version on.

Each migration is a list of portable SQL statements, run as they are on SQLite and on
PostgreSQL after one mechanical rename (`seq INTEGER PRIMARY KEY` is `SERIAL` there). The table
`schema_version` holds the version reached; `migrate` applies the missing ones inside the
caller's transaction, so a half-applied upgrade never commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from followup.store.connection import StoreError

V1_INTERVIEWS_AND_ATTEMPTS = [
    """CREATE TABLE interviews (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        company TEXT NOT NULL,
        role TEXT NOT NULL,
        status TEXT NOT NULL,
        interviewed_at TEXT NOT NULL,
        interviewed_utc TEXT NOT NULL,
        document TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1
    )""",
    "CREATE INDEX interviews_status ON interviews (status)",
    "CREATE INDEX interviews_company ON interviews (company)",
    """CREATE TABLE attempts (
        seq INTEGER PRIMARY KEY,
        interview_seq INTEGER NOT NULL REFERENCES interviews (seq) ON DELETE CASCADE,
        at TEXT NOT NULL,
        at_utc TEXT NOT NULL,
        channel TEXT NOT NULL,
        purpose TEXT NOT NULL,
        outcome TEXT NOT NULL,
        notes TEXT
    )""",
    "CREATE INDEX attempts_interview ON attempts (interview_seq, at_utc)",
]

# The plan, stored for queries: each interview's steps with their windows, and what the
# agenda needs to classify an interview without running the planner.
V2_STORED_PLAN = [
    """CREATE TABLE steps (
        interview_seq INTEGER NOT NULL REFERENCES interviews (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        purpose TEXT NOT NULL,
        channel TEXT NOT NULL,
        settled TEXT,
        earliest TEXT NOT NULL,
        latest TEXT NOT NULL,
        best TEXT NOT NULL,
        contact TEXT NOT NULL,
        script TEXT,
        PRIMARY KEY (interview_seq, position)
    )""",
    "ALTER TABLE interviews ADD COLUMN idle_state TEXT",
    "ALTER TABLE interviews ADD COLUMN moves_on_from TEXT",
    "ALTER TABLE interviews ADD COLUMN planned_on TEXT",
    "ALTER TABLE interviews ADD COLUMN replan_after TEXT",
    "ALTER TABLE interviews ADD COLUMN reachable INTEGER NOT NULL DEFAULT 1",
    # What the stored plans were computed with (the policy's fingerprint), to know when to
    # recompute them all.
    "CREATE TABLE stamps (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
]

# The agenda as one indexed query: each interview's next step and last missed contact,
# denormalised. Plans stored before this version lack them, so they are recomputed.
V3_AGENDA_COLUMNS = [
    "ALTER TABLE interviews ADD COLUMN next_position INTEGER",
    "ALTER TABLE interviews ADD COLUMN next_earliest TEXT",
    "ALTER TABLE interviews ADD COLUMN missed_position INTEGER",
    # Covering: the agenda reads this index only, never the wide rows with their documents.
    """CREATE INDEX interviews_agenda ON interviews (status, interviewed_utc, seq,
        next_position, next_earliest, idle_state, moves_on_from, missed_position, reachable,
        planned_on, replan_after, id, company, role)""",
    "UPDATE interviews SET planned_on = NULL",
]

MIGRATIONS: list[list[str]] = [V1_INTERVIEWS_AND_ATTEMPTS, V2_STORED_PLAN, V3_AGENDA_COLUMNS]
LATEST = len(MIGRATIONS)


def current_version(connection: sqlite3.Connection) -> int:
    """The schema version of this database; 0 for an empty file."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has_table:
        return 0
    row = connection.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(
    connection: Any,
    target: int = LATEST,
    *,
    version: Callable[[Any], int] = current_version,
    rewrite: Callable[[str], str] = str,
) -> int:
    """Bring the schema up to `target` inside the caller's transaction; returns the old version.

    `version` reads the version reached and `rewrite` adapts a statement, for a back end
    other than SQLite (store/postgres.py).
    """
    old = version(connection)
    if old > LATEST:
        raise StoreError(
            f"the database has schema version {old}, newer than this Followup "
            f"understands ({LATEST}); upgrade Followup"
        )
    if old == 0:
        connection.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        connection.execute("INSERT INTO schema_version (version) VALUES (0)")
    for number in range(old + 1, target + 1):
        for statement in MIGRATIONS[number - 1]:
            connection.execute(rewrite(statement))
        connection.execute("UPDATE schema_version SET version = ?", (number,))
    return old
