"""The PostgreSQL back end: the same SQL as SQLite's, through psycopg 3.

The repository's SQL is written once, with `?` and `:name` parameters; `Connection` turns
it into psycopg's `%s` and `%(name)s` (cached per statement) and otherwise passes it
through. Transactions are explicit, as on SQLite: a write runs READ COMMITTED and locks the
rows it reads (`FOR UPDATE`), so a read-modify-write of one interview never interleaves
with another; a read runs REPEATABLE READ, one snapshot for all its statements.

psycopg is imported only when a `postgresql://` URL is opened: the SQLite path never
loads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from followup.store.connection import StoreBusy, StoreError
from followup.store.migrations import POSTGRESQL_ONLY

if TYPE_CHECKING:
    import psycopg

_PARAMETER = re.compile(r"\?|(?<!:):([A-Za-z_][A-Za-z0-9_]*)|%")


@lru_cache(maxsize=256)
def translate(sql: str) -> str:
    """SQLite's parameter style in psycopg's: `?` -> `%s`, `:name` -> `%(name)s`, `%` -> `%%`.

    The repository's SQL has no string literal holding `?`, `:` or `%` (values are always
    parameters), so a plain scan is exact.
    """

    def one(match: re.Match[str]) -> str:
        text = match.group(0)
        if text == "?":
            return "%s"
        if text == "%":
            return "%%"
        return f"%({match.group(1)})s"

    return _PARAMETER.sub(one, sql)


def schema_sql(statement: str) -> str:
    """A migration's SQLite statement in PostgreSQL's words (an auto-numbered key)."""
    statement = statement.removeprefix(POSTGRESQL_ONLY)
    return statement.replace("seq INTEGER PRIMARY KEY", "seq SERIAL PRIMARY KEY")


class Cursor:
    """What the repository reads from a statement: rows, one row, and how many it changed."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self._cursor = cursor

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cursor)


class Connection:
    """A psycopg connection that speaks the repository's SQL (see `translate`)."""

    def __init__(self, connection: psycopg.Connection[Any], url: str) -> None:
        self.raw = connection
        self.url = url

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> Cursor:
        return Cursor(self.raw.execute(translate(sql), parameters))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.raw.cursor() as cursor:
                cursor.executemany(translate(sql), rows)

    def close(self) -> None:
        self.raw.close()


def shown(url: str) -> str:
    """The URL without its password, to name the database in messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def connect(url: str) -> Connection:
    """An autocommit connection (transactions are opened explicitly), or `StoreError`."""
    import psycopg

    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as error:
        raise StoreError(explain(error, url)) from None
    return Connection(raw, url)


@contextmanager
def transaction(connection: Connection, *, write: bool = True) -> Iterator[None]:
    """One unit of work, committed together or not at all."""
    begin = "BEGIN" if write else "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    connection.raw.execute(begin)
    try:
        yield
    except BaseException:
        if not connection.raw.closed:
            connection.raw.execute("ROLLBACK")
        raise
    connection.raw.execute("COMMIT")


def current_version(connection: Connection) -> int:
    """The schema version of this database; 0 for an empty one."""
    exists = connection.execute("SELECT to_regclass('schema_version')").fetchone()
    if exists is None or exists[0] is None:
        return 0
    row = connection.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def store_error(error: Exception, url: str) -> StoreError | None:
    """The store's error for one of psycopg's, None if it is a bug rather than the store's
    state (a constraint the code should have kept, bad SQL)."""
    import psycopg

    if not isinstance(error, psycopg.Error):
        return None
    if isinstance(error, psycopg.errors.DeadlockDetected | psycopg.errors.LockNotAvailable):
        return StoreBusy(explain(error, url))
    if isinstance(error, psycopg.errors.SerializationFailure | psycopg.errors.UniqueViolation):
        return StoreBusy(explain(error, url))  # two programs added the same id at once
    if isinstance(error, psycopg.errors.IntegrityError | psycopg.errors.ProgrammingError):
        return None
    return StoreError(explain(error, url))


def explain(error: Exception, url: str) -> str:
    """One line saying what happened to the database, from psycopg's error."""
    import psycopg

    where = shown(url)
    first = (str(error).strip().splitlines() or [type(error).__name__])[0]
    busy = psycopg.errors.DeadlockDetected | psycopg.errors.SerializationFailure
    if isinstance(error, busy | psycopg.errors.UniqueViolation):
        return f"the database {where} is busy (another program wrote at once); try again"
    if isinstance(error, psycopg.errors.LockNotAvailable):
        return f"the database {where} is busy: another program holds a lock; try again"
    if isinstance(error, psycopg.OperationalError):
        return f"cannot use the database {where}: {first}"
    if isinstance(error, psycopg.DataError):
        return f"the database {where} refused a value ({first}); nothing changed"
    return f"the database {where} failed: {first}"
