"""Opening the store: one SQLite file, WAL, a busy timeout, and transactions the caller owns.

The CLI and the web app may write at the same time; WAL lets readers go on while one
writer writes, and the busy timeout makes a second writer wait instead of failing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from followup.domain.errors import FollowupError

#: How long a writer waits for another writer before giving up (milliseconds).
BUSY_TIMEOUT_MS = 30_000


class StoreError(FollowupError):
    """The database file cannot be opened or is not a Followup store."""


class StoreBusy(StoreError):
    """Another program held the write lock past the busy timeout (try again later)."""


def is_busy(error: sqlite3.Error) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode; `transaction()` opens the unit of work explicitly."""
    target = str(path)
    if target != ":memory:":
        try:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            blocker = next((p for p in Path(target).parents if p.exists() and not p.is_dir()), None)
            why = f"{blocker} is a file, not a folder" if blocker else error.strerror or str(error)
            raise StoreError(f"cannot open the database {target}: {why}") from None
    try:
        connection = sqlite3.connect(
            target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA foreign_keys = ON")
        # NORMAL is durable across application crashes in WAL mode; only power loss can drop
        # the last commits, never corrupt the file.
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        raise (StoreBusy if is_busy(error) else StoreError)(explain(error, target)) from None
    return connection


def explain(error: sqlite3.DatabaseError, path: str) -> str:
    """One line saying what happened to the store, from SQLite's error."""
    text = str(error)
    if is_busy(error):
        return (
            f"the database {path} is busy: another program has held its write lock for "
            f"over {BUSY_TIMEOUT_MS // 1000} s; try again when it is done"
        )
    if "readonly" in text or "read-only" in text:
        return (
            f"the database {path} is read-only (its file, folder or file system); nothing changed"
        )
    if "unable to open" in text:
        return f"cannot open the database {path} (no such folder, or no permission)"
    if "disk I/O" in text or "disk is full" in text or "full" in text:
        return f"the database {path} cannot be written ({text}); nothing changed"
    return f"the database {path} failed: {text}"


@contextmanager
def transaction(connection: sqlite3.Connection, *, write: bool = True) -> Iterator[None]:
    """One unit of work: everything inside commits together or not at all.

    A write transaction starts IMMEDIATE so that two writers queue on the busy timeout
    rather than deadlocking when both try to upgrade a read lock.
    """
    connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
