"""The agenda as a few indexed queries: each awaiting interview's section today.

No planner and no per-interview Python: the database (SQLite or PostgreSQL) compares today
with the stored next step's window (and the day an idle plan turns into "move on"), reading
one covering index. With
a limit, it counts each section and fetches the first `limit` rows of each; without, it
returns every row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup.store.records import STEP_COLUMNS, AgendaRow, step_from_row

SECTIONS = ("act_now", "overdue", "coming_up", "move_on", "waiting")
SECTION_SQL = """CASE
    WHEN i.next_position IS NULL THEN
        CASE WHEN i.moves_on_from IS NOT NULL AND i.moves_on_from <= :today THEN 'move_on'
             ELSE COALESCE(i.idle_state, 'waiting') END
    WHEN i.next_earliest <= :today THEN 'act_now'
    WHEN i.next_earliest <= :horizon THEN 'coming_up'
    ELSE 'waiting'
END"""
_STEP = ", ".join(f"s.{column}" for column in STEP_COLUMNS.split(", "))
COUNTS_SQL = f"""
SELECT {SECTION_SQL} AS section, COUNT(*) FROM interviews AS i
WHERE i.owner_seq = :owner AND i.status = 'awaiting' GROUP BY section
"""
ROWS_SQL = f"""
SELECT section, i.id, i.company, i.role, i.reachable, {_STEP}
FROM (SELECT *, {SECTION_SQL} AS section FROM interviews AS i
      WHERE i.owner_seq = :owner AND i.status = 'awaiting') AS i
LEFT JOIN steps AS s ON s.interview_seq = i.seq AND s.position = CASE i.section
    WHEN 'overdue' THEN i.missed_position WHEN 'move_on' THEN NULL ELSE i.next_position END
WHERE {{where}}
ORDER BY i.interviewed_utc, i.seq {{limit}}
"""


def agenda_rows(
    connection: Any, today: dt.date, horizon: dt.date, limit: int | None, *, owner: int = 0
) -> list[AgendaRow]:
    """Rows of every section of `owner`'s interviews, each section in interview order."""
    values: dict[str, Any] = {
        "today": today.isoformat(),
        "horizon": horizon.isoformat(),
        "owner": owner,
    }
    if limit is None:
        rows = list(connection.execute(ROWS_SQL.format(where="1 = 1", limit=""), values))
        totals = {name: sum(row[0] == name for row in rows) for name in SECTIONS}
    else:
        totals = dict(connection.execute(COUNTS_SQL, values).fetchall())
        sql = ROWS_SQL.format(where="section = :section", limit="LIMIT :limit")
        rows = []
        for name in SECTIONS:
            if totals.get(name):
                section = values | {"section": name, "limit": limit}
                rows.extend(connection.execute(sql, section))
    return [_row(row, totals[row[0]]) for row in rows]


def _row(row: tuple[Any, ...], total: int) -> AgendaRow:
    return AgendaRow(
        section=row[0],
        total=total,
        id=row[1],
        company=row[2],
        role=row[3],
        reachable=bool(row[4]),
        step=None if row[5] is None else step_from_row(row[5:]),
    )
