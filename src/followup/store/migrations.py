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

#: A statement only PostgreSQL runs (SQLite cannot drop a column's UNIQUE; there, one user
#: owns every row, so the old constraint says the same as the new index).
POSTGRESQL_ONLY = "-- postgresql only\n"

# The career-centre edition: organisations, people and their cohorts; whose each interview
# is (`owner_seq`, `org_seq`: 0 and 0 for the one user of the single-user edition), ids
# unique per owner; sign-in sessions, API tokens, one-time links, throttling, coaches'
# comments and the audit log; and a change counter every write bumps, which lets processes
# sharing one database know when a kept answer is stale.
V4_ORGANISATIONS = [
    "ALTER TABLE interviews ADD COLUMN owner_seq INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE interviews ADD COLUMN org_seq INTEGER NOT NULL DEFAULT 0",
    "CREATE UNIQUE INDEX interviews_owner_id ON interviews (owner_seq, id)",
    POSTGRESQL_ONLY + "ALTER TABLE interviews DROP CONSTRAINT interviews_id_key",
    "DROP INDEX interviews_agenda",
    """CREATE INDEX interviews_agenda ON interviews (owner_seq, status, interviewed_utc, seq,
        next_position, next_earliest, idle_state, moves_on_from, missed_position, reachable,
        planned_on, replan_after, id, company, role)""",
    """CREATE TABLE organisations (
        seq INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        policy TEXT,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE people (
        seq INTEGER PRIMARY KEY,
        org_seq INTEGER NOT NULL REFERENCES organisations (seq) ON DELETE CASCADE,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT,
        coach_may_act INTEGER NOT NULL DEFAULT 0,
        timezone TEXT,
        sessions_after TEXT NOT NULL,
        created_at TEXT NOT NULL,
        disabled_at TEXT
    )""",
    "CREATE INDEX people_org ON people (org_seq, role)",
    """CREATE TABLE cohorts (
        seq INTEGER PRIMARY KEY,
        org_seq INTEGER NOT NULL REFERENCES organisations (seq) ON DELETE CASCADE,
        name TEXT NOT NULL,
        UNIQUE (org_seq, name)
    )""",
    # A person in a cohort is one of its candidates, or (as_coach = 1) one of its coaches.
    """CREATE TABLE cohort_people (
        cohort_seq INTEGER NOT NULL REFERENCES cohorts (seq) ON DELETE CASCADE,
        person_seq INTEGER NOT NULL REFERENCES people (seq) ON DELETE CASCADE,
        as_coach INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (cohort_seq, person_seq)
    )""",
    "CREATE INDEX cohort_people_person ON cohort_people (person_seq, as_coach)",
    # Secrets are stored as hashes only (sessions, tokens, links): a copy of the database
    # signs nobody in.
    """CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        person_seq INTEGER NOT NULL REFERENCES people (seq) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    )""",
    "CREATE INDEX sessions_person ON sessions (person_seq)",
    """CREATE TABLE api_tokens (
        seq INTEGER PRIMARY KEY,
        person_seq INTEGER NOT NULL REFERENCES people (seq) ON DELETE CASCADE,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        scope TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
    )""",
    """CREATE TABLE links (
        token_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        org_seq INTEGER NOT NULL REFERENCES organisations (seq) ON DELETE CASCADE,
        person_seq INTEGER REFERENCES people (seq) ON DELETE CASCADE,
        email TEXT,
        role TEXT,
        cohort_seq INTEGER REFERENCES cohorts (seq) ON DELETE SET NULL,
        made_by INTEGER REFERENCES people (seq) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
    )""",
    "CREATE TABLE sign_in_failures (key TEXT NOT NULL, at TEXT NOT NULL)",
    "CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at)",
    """CREATE TABLE comments (
        seq INTEGER PRIMARY KEY,
        interview_seq INTEGER NOT NULL REFERENCES interviews (seq) ON DELETE CASCADE,
        author_seq INTEGER REFERENCES people (seq) ON DELETE SET NULL,
        at TEXT NOT NULL,
        body TEXT NOT NULL
    )""",
    "CREATE INDEX comments_interview ON comments (interview_seq, at)",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        org_seq INTEGER NOT NULL,
        actor_seq INTEGER,
        subject_seq INTEGER,
        interview_id TEXT,
        action TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX audit_org ON audit (org_seq, at)",
    # The second wall (PostgreSQL): a connection sees only the rows its scope names
    # (records.Scope), whatever a query asks; the app must connect as a role that is not a
    # superuser, since superusers pass through row-level security (docs/deploy.md).
    *(
        POSTGRESQL_ONLY + statement
        for table in ("interviews", "attempts", "steps", "comments")
        for statement in (
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        )
    ),
    POSTGRESQL_ONLY
    + """CREATE POLICY followup_scope ON interviews USING (
        current_setting('followup.org', true) = '*'
        OR (org_seq::text = current_setting('followup.org', true)
            AND (current_setting('followup.owners', true) = '*'
                 OR owner_seq::text = ANY (
                     string_to_array(current_setting('followup.owners', true), ',')))))""",
    *(
        POSTGRESQL_ONLY
        + f"""CREATE POLICY followup_scope ON {table} USING (
            EXISTS (SELECT 1 FROM interviews AS i WHERE i.seq = interview_seq))"""
        for table in ("attempts", "steps", "comments")
    ),
    "CREATE TABLE changes (name TEXT PRIMARY KEY, counter INTEGER NOT NULL)",
    "INSERT INTO changes (name, counter) VALUES ('store', 0)",
]

MIGRATIONS: list[list[str]] = [
    V1_INTERVIEWS_AND_ATTEMPTS,
    V2_STORED_PLAN,
    V3_AGENDA_COLUMNS,
    V4_ORGANISATIONS,
]
LATEST = len(MIGRATIONS)


def sqlite_sql(statement: str) -> str | None:
    """A migration's statement as SQLite runs it: as written, or None if PostgreSQL's only."""
    return None if statement.startswith(POSTGRESQL_ONLY) else statement


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
    rewrite: Callable[[str], str | None] = sqlite_sql,
) -> int:
    """Bring the schema up to `target` inside the caller's transaction; returns the old version.

    `version` reads the version reached and `rewrite` adapts a statement (None: skip it),
    for a back end other than SQLite (store/postgres.py).
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
            sql = rewrite(statement)
            if sql is not None:
                connection.execute(sql)
        connection.execute("UPDATE schema_version SET version = ?", (number,))
    return old
