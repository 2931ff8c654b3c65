"""psycopg 3 with the store's own SQL against SQLAlchemy Core, on a throwaway PostgreSQL:
how the PostgreSQL back end was chosen (docs/dependencies.md).

    .venv/bin/python bench/bench_pg_drivers.py [--rows 10000] [--runs 7]

Measures, for each: the import (a fresh interpreter importing the driver, median), 10,000
interview rows inserted in one transaction, and the agenda query (store/sections.py's SQL)
over them. SQLAlchemy is not a dependency of Followup: install it to compare
(`.venv/bin/pip install sqlalchemy`); without it, psycopg is measured alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pg_cluster import Cluster  # noqa: E402

from followup.store import open_store  # noqa: E402
from followup.store.postgres import translate  # noqa: E402
from followup.store.sections import COUNTS_SQL, ROWS_SQL  # noqa: E402

COLUMNS = ("id", "company", "role", "status", "interviewed_at", "interviewed_utc", "document",
           "created_at", "updated_at", "next_position", "next_earliest", "planned_on")  # fmt: skip
INSERT = f"INSERT INTO interviews ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"


def rows(count: int) -> list[tuple[Any, ...]]:
    start = dt.datetime(2026, 10, 1, 14, tzinfo=dt.UTC)
    made = []
    for n in range(count):
        at = start + dt.timedelta(minutes=7 * n)
        day = (at + dt.timedelta(days=n % 20)).date().isoformat()
        utc = at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        made.append((f"i-{n}", f"Company {n}", "Analyst", "awaiting", at.isoformat(), utc,
                     "{}", "x", "x", 0, day, day))  # fmt: skip
    return made


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def import_ms(module: str, runs: int) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) * 1000 for _ in range(runs)]  # fmt: skip
    return statistics.median(times)


AGENDA = {"today": "2026-11-25", "horizon": "2026-12-02", "section": "act_now", "limit": 25}


def with_psycopg(url: str, data: list[tuple[Any, ...]], runs: int) -> tuple[float, float]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("TRUNCATE interviews CASCADE")

        def insert() -> None:
            connection.execute("TRUNCATE interviews CASCADE")
            with connection.transaction(), connection.cursor() as cursor:
                cursor.executemany(translate(INSERT), data)

        inserting = median_ms(insert, max(1, runs // 2))
        limited = ROWS_SQL.format(where="section = :section", limit="LIMIT :limit")

        def agenda() -> None:
            connection.execute(translate(COUNTS_SQL), AGENDA).fetchall()
            connection.execute(translate(limited), AGENDA).fetchall()

        return inserting, median_ms(agenda, runs)


def with_sqlalchemy(url: str, data: list[tuple[Any, ...]], runs: int) -> tuple[float, float]:
    import sqlalchemy as sa

    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    table = sa.Table("interviews", sa.MetaData(), autoload_with=engine)
    dicts = [dict(zip(COLUMNS, row, strict=True)) for row in data]
    with engine.connect() as connection:

        def insert() -> None:
            connection.execute(sa.text("TRUNCATE interviews CASCADE"))
            connection.commit()
            connection.execute(sa.insert(table), dicts)
            connection.commit()

        inserting = median_ms(insert, max(1, runs // 2))
        limited = sa.text(ROWS_SQL.format(where="section = :section", limit="LIMIT :limit"))
        counts = sa.text(COUNTS_SQL)

        def agenda() -> None:
            connection.execute(counts, AGENDA).fetchall()
            connection.execute(limited, AGENDA).fetchall()
            connection.commit()

        return inserting, median_ms(agenda, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data = rows(args.rows)
    with tempfile.TemporaryDirectory(prefix="followup-bench-pg-") as tmp:
        Path(tmp).chmod(0o755)
        with Cluster.start(Path(tmp) / "cluster") as cluster:
            url = cluster.url()
            open_store(url).close()  # the store's schema, migrated
            print(f"{args.rows} rows; medians of {args.runs} runs")
            ins, agenda = with_psycopg(url, data, args.runs)
            imported = import_ms("psycopg", args.runs)
            print(f"psycopg 3:      import {imported:6.1f} ms, insert {ins:7.0f} ms, "
                  f"agenda {agenda:6.1f} ms")  # fmt: skip
            try:
                import sqlalchemy  # noqa: F401
            except ImportError:
                print("SQLAlchemy is not installed: pip install sqlalchemy to compare")
                return
            ins, agenda = with_sqlalchemy(url, data, args.runs)
            imported = import_ms("sqlalchemy", args.runs)
            print(f"SQLAlchemy Core: import {imported:6.1f} ms, insert {ins:7.0f} ms, "
                  f"agenda {agenda:6.1f} ms (+ psycopg's import, its driver)")  # fmt: skip


if __name__ == "__main__":
    main()
