"""The store: every interview, attempt and stored plan, in one SQLite file.

    store = open_store(path)
    with store.unit_of_work() as repo:      # one transaction; commits on success
        repo.insert_interview(interview, now)

This package is the only place that speaks SQL, so a PostgreSQL back end for career
centres means a second implementation of `Repository`, not changes all over the code.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from followup.store.connection import (
    StoreBusy,
    StoreError,
    connect,
    explain,
    is_busy,
    transaction,
)
from followup.store.migrations import LATEST, current_version, migrate
from followup.store.records import AgendaRow, StoredPlan, StoredStep
from followup.store.repository import Repository

__all__ = [
    "AgendaRow",
    "Repository",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoredPlan",
    "StoredStep",
    "open_store",
]


class Store:
    """An open database; each `unit_of_work()` is one transaction."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.connection = connection
        self.path = path

    @contextmanager
    def unit_of_work(self, *, write: bool = True) -> Iterator[Repository]:
        """A repository inside one transaction: committed on success, rolled back on error."""
        try:
            with transaction(self.connection, write=write):
                yield Repository(self.connection)
        except (sqlite3.OperationalError, sqlite3.DatabaseError) as error:
            if type(error) not in (sqlite3.OperationalError, sqlite3.DatabaseError):
                raise  # an IntegrityError or ProgrammingError is a bug, not the store's state
            kind = StoreBusy if is_busy(error) else StoreError
            raise kind(explain(error, self.path)) from None

    def schema_version(self) -> int:
        return current_version(self.connection)

    def change_token(self) -> tuple[int, int]:
        """A value that differs after any commit to the store, by this program or another
        (the CLI at the same time): SQLite's `data_version` moves on other connections'
        commits, the connection's `total_changes` on its own. Cheap enough for every request;
        a server backend would answer with a counter its write transactions bump."""
        (version,) = self.connection.execute("PRAGMA data_version").fetchone()
        return (int(version), self.connection.total_changes)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: Path | str, *, upgrade_to: int = LATEST) -> Store:
    """Open (creating if needed) the database at `path` and bring its schema up to date."""
    connection = connect(path)
    try:
        version = current_version(connection)
        if version > LATEST:
            raise StoreError(
                f"{path} has schema version {version}, newer than this Followup "
                f"understands ({LATEST}); upgrade Followup"
            )
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
