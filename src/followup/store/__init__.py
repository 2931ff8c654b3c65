"""The store: every interview, attempt and stored plan, in SQLite or PostgreSQL.

    store = open_store(path)                # a SQLite file, or a postgresql:// URL
    with store.unit_of_work() as repo:      # one transaction; commits on success
        repo.insert_interview(interview, now)

This package is the only place that speaks SQL. Both back ends run the same statements
(`Repository`, `sections`, `migrations`); `postgres` adapts them to psycopg and differs
only where the two databases must (an auto-numbered key, a list parameter, row locks).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from followup.store.connection import (
    StoreBusy,
    StoreError,
    connect,
    explain,
    is_busy,
    transaction,
)
from followup.store.migrations import LATEST, current_version, migrate
from followup.store.records import EVERYTHING, LOCAL, AgendaRow, Scope, StoredPlan, StoredStep
from followup.store.repository import POSTGRESQL, SQLITE, Dialect, Repository

__all__ = [
    "EVERYTHING",
    "LOCAL",
    "AgendaRow",
    "Repository",
    "Scope",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoredPlan",
    "StoredStep",
    "open_store",
]


class Store:
    """An open SQLite database; each `unit_of_work()` is one transaction, one at a time on
    its connection (the web app's handlers run in a thread pool)."""

    dialect: Dialect = SQLITE

    def __init__(self, connection: Any, path: str) -> None:
        self.connection = connection
        self.path = path
        self.lock = threading.RLock()

    @contextmanager
    def unit_of_work(self, *, write: bool = True, scope: Scope = LOCAL) -> Iterator[Repository]:
        """A repository over `scope`'s interviews inside one transaction: committed on
        success, rolled back on error."""
        try:
            with self.lock, transaction(self.connection, write=write):
                yield Repository(self.connection, self.dialect, write=write, scope=scope)
        except (sqlite3.OperationalError, sqlite3.DatabaseError) as error:
            if type(error) not in (sqlite3.OperationalError, sqlite3.DatabaseError):
                raise  # an IntegrityError or ProgrammingError is a bug, not the store's state
            kind = StoreBusy if is_busy(error) else StoreError
            raise kind(explain(error, self.path)) from None

    def schema_version(self) -> int:
        return current_version(self.connection)

    def wait_for_locks(self, milliseconds: int) -> None:
        """How long a write waits for another writer's lock before `StoreBusy`."""
        self.connection.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    def change_token(self) -> Hashable | None:
        """A value that differs after any commit to the store, by this program or another
        (the CLI at the same time): SQLite's `data_version` moves on other connections'
        commits, the connection's `total_changes` on its own. Cheap enough for every request;
        None when the store cannot tell (the answer must then be built afresh)."""
        (version,) = self.connection.execute("PRAGMA data_version").fetchone()
        return (int(version), self.connection.total_changes)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PostgresStore(Store):
    """An open PostgreSQL database (`postgresql://…`); the same units of work."""

    dialect = POSTGRESQL

    def __init__(self, connection: Any, path: str) -> None:
        super().__init__(connection, path)
        self._policy_settings: tuple[str, str] | None = None

    @contextmanager
    def unit_of_work(self, *, write: bool = True, scope: Scope = LOCAL) -> Iterator[Repository]:
        from followup.store import postgres

        try:
            with self.lock:
                self._set_scope(scope)
                with postgres.transaction(self.connection, write=write):
                    yield Repository(self.connection, self.dialect, write=write, scope=scope)
        except Exception as error:
            mapped = postgres.store_error(error, self.path)
            if mapped is None:
                raise
            raise mapped from None

    def _set_scope(self, scope: Scope) -> None:
        """Tell the row-level security whose rows this connection may see, between
        transactions and only when it changes (a session setting: one statement saved on
        each unit of work of the same person)."""
        settings = scope.settings()
        if settings != self._policy_settings:
            self._policy_settings = None  # unknown until the statement has run
            self.connection.execute(
                "SELECT set_config('followup.org', ?, false),"
                " set_config('followup.owners', ?, false)",
                settings,
            )
            self._policy_settings = settings

    def schema_version(self) -> int:
        from followup.store import postgres

        return postgres.current_version(self.connection)

    def wait_for_locks(self, milliseconds: int) -> None:
        self.connection.execute(f"SET lock_timeout = {int(milliseconds)}")

    def change_token(self) -> Hashable | None:
        """None: a server database changes under other processes, which this one cannot see
        cheaply, so nothing built from it is kept between requests (docs/performance.md)."""
        return None


def open_store(path: Path | str, *, upgrade_to: int = LATEST) -> Store:
    """Open (creating if needed) the database at `path` (a SQLite file, or a
    `postgresql://` URL) and bring its schema up to date."""
    if isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
        return _open_postgres(path, upgrade_to)  # psycopg is imported only then
    connection = connect(path)
    try:
        version = current_version(connection)
        _check_version(version, str(path))
        if version < upgrade_to:
            with transaction(connection):
                migrate(connection, upgrade_to)
    except StoreError:
        connection.close()
        raise
    except sqlite3.OperationalError as error:
        connection.close()
        kind = StoreBusy if is_busy(error) else StoreError
        raise kind(explain(error, str(path))) from None
    except sqlite3.DatabaseError as error:
        connection.close()
        raise StoreError(f"{path} is not a Followup database ({error})") from None
    return Store(connection, str(path))


#: Held while a PostgreSQL database is migrated, so that two programs opening a new
#: database at once do not both create its tables.
MIGRATION_LOCK = 4_161_500_215


def _open_postgres(url: str, upgrade_to: int) -> Store:
    from followup.store import postgres

    connection = postgres.connect(url)
    store = PostgresStore(connection, url)
    try:
        if store.schema_version() < upgrade_to:
            with store.unit_of_work(scope=EVERYTHING):
                connection.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
                version = postgres.current_version(connection)
                _check_version(version, postgres.shown(url))
                migrate(
                    connection,
                    upgrade_to,
                    version=postgres.current_version,
                    rewrite=postgres.schema_sql,
                )
        _check_version(store.schema_version(), postgres.shown(url))
    except BaseException:
        connection.close()
        raise
    return store


def _check_version(version: int, where: str) -> None:
    if version > LATEST:
        raise StoreError(
            f"{where} has schema version {version}, newer than this Followup "
            f"understands ({LATEST}); upgrade Followup"
        )
