"""`followup today`: what to do today, what is overdue, what comes up this week, what to drop.

The same report also answers through `followup.entry`'s fast path, without click.
"""

from __future__ import annotations

import click

from followup.cli import env_of
from followup.cli.tracked import db_option
from followup.today_report import PAGE, today_report


@click.command("today")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The agenda as JSON (every interview).")
@click.option("--all", "show_all", is_flag=True, help=f"Every interview, not {PAGE} a section.")
@click.pass_context
def command(ctx: click.Context, db: str | None, as_json: bool, show_all: bool) -> None:
    """What to do today, in your local day: act now, overdue, coming up, move on."""
    env = env_of(ctx)
    env.stdout.write(today_report(env, db, as_json=as_json, show_all=show_all))
