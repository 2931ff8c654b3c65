"""Repository functions over one open transaction: the only place with SQL besides migrations.

The caller owns the transaction (`Store.unit_of_work()`); nothing here commits. Interviews
are stored whole (the contract's JSON object, without attempts) beside the columns that
queries filter on; attempts and planned steps have their own tables.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from followup.domain.errors import ConflictError, NotFoundError
from followup.store.records import (
    LOCAL,
    STEP_COLUMNS,
    AgendaRow,
    Scope,
    StoredPlan,
    StoredStep,
    step_from_row,
)
from followup.store.sections import agenda_rows

if TYPE_CHECKING:
    from followup.domain.model import Attempt, Interview, InterviewStatus

# The codec is imported where used: the agenda's path never decodes an interview.


def utc_key(moment: dt.datetime) -> str:
    """A fixed-width UTC timestamp that sorts as text the way the moments sort in time."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _document(interview: Interview) -> str:
    import json

    from followup.domain.codec import interview_to_dict

    obj = interview_to_dict(interview)
    obj.pop("id", None)
    obj.pop("attempts", None)
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class Dialect(NamedTuple):
    """Where the two back ends' SQL differs: a list of numbers as one parameter, and how
    a write locks the rows it reads (SQLite's write transaction already locks the file)."""

    name: str
    in_list: str
    locked: str

    def list_parameter(self, numbers: list[int]) -> Any:
        import json

        return numbers if self.name == "postgresql" else json.dumps(numbers)


SQLITE = Dialect("sqlite", "IN (SELECT value FROM json_each(?))", "")
POSTGRESQL = Dialect("postgresql", "= ANY(?)", " FOR UPDATE")


class Repository:
    """Reads and writes inside one unit of work, of the interviews of one owner (`scope`):
    every statement over interviews names the owner, so no query can reach another's."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        dialect: Dialect = SQLITE,
        *,
        write: bool = False,
        scope: Scope = LOCAL,
    ) -> None:
        self.connection = connection
        self.dialect = dialect
        self.lock = dialect.locked if write else ""
        self.scope = scope
        self.owner = scope.owner

    # --- interviews -------------------------------------------------------------------

    def ids_starting_with(self, prefix: str) -> set[str]:
        """Ids equal to `prefix` or `prefix-…`, to pick a free one."""
        rows = self.connection.execute(
            "SELECT id FROM interviews WHERE owner_seq = ? AND (id = ? OR id LIKE ?)",
            (self.owner, prefix, prefix.replace("%", "").replace("_", "") + "-%"),
        )
        return {row[0] for row in rows}

    def exists(self, interview_id: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM interviews WHERE owner_seq = ? AND id = ?", (self.owner, interview_id)
        )
        return row.fetchone() is not None

    def insert_interview(self, interview: Interview, now: dt.datetime) -> None:
        """Store a new interview (its `id` set) with its attempts."""
        stamp = utc_key(now)
        row = self.connection.execute(
            "INSERT INTO interviews (id, company, role, status, interviewed_at, interviewed_utc,"
            " document, created_at, updated_at, owner_seq, org_seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
            (*self._columns(interview), stamp, stamp, self.owner, self.scope.org),
        ).fetchone()
        self._insert_attempts(int(row[0]), interview.attempts)

    def replace_interview(
        self, interview: Interview, now: dt.datetime, expected: int | None = None
    ) -> None:
        """Overwrite a stored interview and its attempts; its stored plan is dropped.

        With `expected`, the write happens only if the stored version still is `expected`
        (checked by the UPDATE itself, so no other writer can slip in between): otherwise
        `ConflictError`, and the caller's transaction rolls back.
        """
        interview_id = interview.id or ""
        seq = self._seq(interview_id)
        sql = (
            "UPDATE interviews SET id = ?, company = ?, role = ?, status = ?, interviewed_at = ?,"
            " interviewed_utc = ?, document = ?, updated_at = ?, revision = revision + 1"
            " WHERE seq = ?"
        )
        values: tuple[Any, ...] = (*self._columns(interview), utc_key(now), seq)
        self._write_if(interview_id, sql, values, expected)
        self.connection.execute("DELETE FROM attempts WHERE interview_seq = ?", (seq,))
        self._insert_attempts(seq, interview.attempts)
        self._forget_plan(seq)

    def delete_interview(self, interview_id: str, expected: int | None = None) -> None:
        """Delete an interview (with `expected`, only if still at that version)."""
        seq = self._seq(interview_id)
        self._write_if(interview_id, "DELETE FROM interviews WHERE seq = ?", (seq,), expected)

    def interview(self, interview_id: str) -> Interview:
        """One stored interview with its attempts; `NotFoundError` if there is none."""
        return next(self._decode([self._row("seq, id, document, revision", interview_id)]))

    def interviews(
        self, *, status: str | None = None, company: str | None = None
    ) -> list[Interview]:
        """Stored interviews, oldest interview first, optionally filtered."""
        return list(self._decode(self._select_documents(status=status, company=company)))

    def interview_objects(self) -> Iterator[dict[str, Any]]:
        """Every interview as the contract's JSON object, in the order they were stored."""
        from followup.domain.codec import interview_to_dict

        for interview in self._decode(self._select_documents(order="seq")):
            yield interview_to_dict(interview)

    def revision(self, interview_id: str) -> tuple[int, int] | None:
        """Which stored row and which revision of it `interview_id` is (None: not stored);
        both change whenever anything about the interview does."""
        row = self.connection.execute(
            "SELECT seq, revision FROM interviews WHERE owner_seq = ? AND id = ?",
            (self.owner, interview_id),
        ).fetchone()
        return None if row is None else (int(row[0]), int(row[1]))

    def count_interviews(self) -> int:
        sql = "SELECT COUNT(*) FROM interviews WHERE owner_seq = ?"
        return int(self.connection.execute(sql, (self.owner,)).fetchone()[0])

    def set_status(
        self,
        interview_id: str,
        status: InterviewStatus,
        now: dt.datetime,
        expected: int | None = None,
    ) -> None:
        from followup.domain.codec import interview_from_dict, interview_to_dict

        interview = self.interview(interview_id)
        obj = interview_to_dict(interview) | {"status": status.value}
        self.replace_interview(interview_from_dict(obj), now, expected)

    # --- attempts ---------------------------------------------------------------------

    def add_attempt(self, interview_id: str, attempt: Attempt, now: dt.datetime) -> None:
        """Log one attempt; the interview's stored plan is dropped (it changes with attempts)."""
        seq = self._seq(interview_id)
        self._insert_attempts(seq, (attempt,))
        self.connection.execute(
            "UPDATE interviews SET updated_at = ?, revision = revision + 1 WHERE seq = ?",
            (utc_key(now), seq),
        )
        self._forget_plan(seq)

    def count_attempts(self) -> int:
        sql = (
            "SELECT COUNT(*) FROM attempts AS a JOIN interviews AS i ON i.seq = a.interview_seq"
            " WHERE i.owner_seq = ?"
        )
        return int(self.connection.execute(sql, (self.owner,)).fetchone()[0])

    # --- stored plans -----------------------------------------------------------------

    def save_plan(self, interview_id: str, plan: StoredPlan) -> None:
        """Replace the stored plan of one interview."""
        seq = self._seq(interview_id)
        self.connection.execute("DELETE FROM steps WHERE interview_seq = ?", (seq,))
        self.connection.executemany(
            f"INSERT INTO steps (interview_seq, position, {STEP_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(seq, position, *_step_values(step)) for position, step in enumerate(plan.steps)],
        )
        self.connection.execute(
            "UPDATE interviews SET idle_state = ?, moves_on_from = ?, planned_on = ?,"
            " replan_after = ?, reachable = ?, next_position = ?, next_earliest = ?,"
            " missed_position = ? WHERE seq = ?",
            (
                plan.idle_state,
                _iso(plan.moves_on_from),
                plan.planned_on.isoformat(),
                _iso(plan.replan_after),
                int(plan.reachable),
                *_positions(plan.steps),
                seq,
            ),
        )

    def stored_steps(self, interview_id: str) -> list[StoredStep]:
        rows = self.connection.execute(
            f"SELECT {STEP_COLUMNS} FROM steps WHERE interview_seq = ? ORDER BY position",
            (self._seq(interview_id),),
        )
        return [step_from_row(row) for row in rows]

    def needing_a_plan(self, today: dt.date) -> list[str]:
        """Ids whose stored plan is missing or may no longer match the planner on `today`."""
        rows = self.connection.execute(
            "SELECT id FROM interviews WHERE owner_seq = :owner AND status = 'awaiting'"
            " AND (planned_on IS NULL OR planned_on > :today OR replan_after < :today)",
            {"today": today.isoformat(), "owner": self.owner},
        )
        # sorted here rather than by SQL, so that the query reads the covering index only
        return sorted(row[0] for row in rows)

    def forget_all_plans(self) -> int:
        """Mark every stored plan stale (the policy changed); returns how many there were."""
        cursor = self.connection.execute(
            "UPDATE interviews SET planned_on = NULL"
            " WHERE owner_seq = ? AND planned_on IS NOT NULL",
            (self.owner,),
        )
        return int(cursor.rowcount)

    def agenda(self, today: dt.date, horizon: dt.date, limit: int | None = None) -> list[AgendaRow]:
        """Awaiting interviews by agenda section as of `today` (at most `limit` per section).

        The caller keeps plans fresh first (`needing_a_plan`): then comparing `today` with
        the stored next step's window gives the planner's state (tests/test_tracker_agenda).
        """
        return agenda_rows(self.connection, today, horizon, limit, owner=self.owner)

    def stamp(self, name: str) -> str | None:
        """A value kept in the store under `name`, the owner's own (None: never set)."""
        row = self.connection.execute(
            "SELECT value FROM stamps WHERE name = ?", (self._owned(name),)
        )
        found = row.fetchone()
        return None if found is None else str(found[0])

    def set_stamp(self, name: str, value: str) -> None:
        self.connection.execute(
            "INSERT INTO stamps (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (self._owned(name), value),
        )

    def _owned(self, name: str) -> str:
        """A stamp's name for this owner: the single user's keep their old names."""
        return name if self.owner == 0 else f"{name}@{self.owner}"

    # --- helpers ----------------------------------------------------------------------

    def _seq(self, interview_id: str) -> int:
        return int(self._row("seq", interview_id)[0])

    def _row(self, columns: str, interview_id: str) -> Any:
        """`columns` of one interview's row; `NotFoundError` if there is none."""
        sql = f"SELECT {columns} FROM interviews WHERE owner_seq = ? AND id = ?{self.lock}"
        found = self.connection.execute(sql, (self.owner, interview_id)).fetchone()
        if found is None:
            raise NotFoundError(f"no interview with id {interview_id!r} (see `followup list`)")
        return found

    def _write_if(
        self, interview_id: str, sql: str, values: tuple[Any, ...], expected: int | None
    ) -> None:
        """Run an UPDATE or DELETE of one interview row (`WHERE seq = ?` last), adding
        `AND revision = ?` when a version is expected; `ConflictError` if it matched nothing."""
        if expected is None:
            self.connection.execute(sql, values)
            return
        cursor = self.connection.execute(f"{sql} AND revision = ?", (*values, expected))
        if cursor.rowcount == 0:
            raise conflict(interview_id, expected, self.version(interview_id))

    def version(self, interview_id: str) -> int:
        """The stored version of one interview; `NotFoundError` if there is none."""
        return int(self._row("revision", interview_id)[0])

    def _forget_plan(self, seq: int) -> None:
        self.connection.execute("DELETE FROM steps WHERE interview_seq = ?", (seq,))
        self.connection.execute(
            "UPDATE interviews SET planned_on = NULL, next_position = NULL, next_earliest = NULL,"
            " missed_position = NULL WHERE seq = ?",
            (seq,),
        )

    @staticmethod
    def _columns(interview: Interview) -> tuple[Any, ...]:
        return (
            interview.id,
            interview.company,
            interview.role,
            interview.status.value,
            interview.interviewed_at.isoformat(),
            utc_key(interview.interviewed_at),
            _document(interview),
        )

    def _insert_attempts(self, seq: int, attempts: Iterable[Attempt]) -> None:
        self.connection.executemany(
            "INSERT INTO attempts (interview_seq, at, at_utc, channel, purpose, outcome, notes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    seq,
                    a.at.isoformat(),
                    utc_key(a.at),
                    a.channel.value,
                    a.purpose.value,
                    a.outcome.value,
                    a.notes,
                )
                for a in attempts
            ],
        )

    def _select_documents(
        self, *, status: str | None = None, company: str | None = None, order: str = "time"
    ) -> list[tuple[int, str, str, int]]:
        clauses: list[str] = ["owner_seq = ?"]
        values: list[Any] = [self.owner]
        if status is not None:
            clauses.append("status = ?")
            values.append(status)
        if company is not None:
            clauses.append("LOWER(company) LIKE ?")
            values.append(f"%{company.lower()}%")
        where = f" WHERE {' AND '.join(clauses)}"
        order_by = "seq" if order == "seq" else "interviewed_utc, seq"
        sql = f"SELECT seq, id, document, revision FROM interviews{where} ORDER BY {order_by}"
        return list(self.connection.execute(sql, values))

    def _decode(self, rows: Iterable[tuple[int, str, str, int]]) -> Iterator[Interview]:
        import json
        from dataclasses import replace

        from followup.domain.codec import interview_from_dict

        rows = list(rows)
        attempts = self._attempts_of([row[0] for row in rows])
        for seq, interview_id, document, revision in rows:
            obj = {"id": interview_id, **json.loads(document)}
            if seq in attempts:
                obj["attempts"] = attempts[seq]
            yield replace(interview_from_dict(obj), version=int(revision))

    def _attempts_of(self, seqs: list[int]) -> dict[int, list[dict[str, Any]]]:
        found: dict[int, list[dict[str, Any]]] = {}
        if not seqs:
            return found
        rows = self.connection.execute(
            "SELECT interview_seq, at, channel, purpose, outcome, notes FROM attempts"
            f" WHERE interview_seq {self.dialect.in_list} ORDER BY at_utc, seq",
            (self.dialect.list_parameter(seqs),),
        )
        for seq, at, channel, purpose, outcome, notes in rows:
            attempt = {"at": at, "channel": channel, "purpose": purpose, "outcome": outcome}
            if notes is not None:
                attempt["notes"] = notes
            found.setdefault(seq, []).append(attempt)
        return found


def conflict(interview_id: str, expected: int, current: int) -> ConflictError:
    """The one message for a lost edit, on every face (CLI, API, pages)."""
    return ConflictError(
        f"{interview_id} changed since you opened it (version {expected}, now {current}): "
        "nothing was changed; reload it and apply your change again"
    )


def _positions(steps: tuple[StoredStep, ...]) -> tuple[int | None, str | None, int | None]:
    """The next open step's position and opening day, and the last missed contact's position."""
    open_steps = [n for n, step in enumerate(steps) if step.settled is None]
    missed = [n for n, step in enumerate(steps) if step.settled == "missed"
              and step.purpose in ("status", "final", "offer_deadline")]  # fmt: skip
    first = open_steps[0] if open_steps else None
    return (
        first,
        None if first is None else steps[first].earliest.isoformat(),
        missed[-1] if missed else None,
    )


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _step_values(step: StoredStep) -> tuple[Any, ...]:
    return (
        step.purpose,
        step.channel,
        step.earliest.isoformat(),
        step.latest.isoformat(),
        step.best.isoformat(),
        step.contact,
        step.settled,
        step.script,
    )
