"""`followup import FILE` and `followup export --json|--jsonl|--csv|--ics`."""

from __future__ import annotations

from pathlib import Path

import click

from followup.cli import env_of
from followup.cli.tracked import db_option, open_tracker
from followup.domain.errors import InputError
from followup.files import check_target, write_atomically
from followup.services.transfer import export_text, import_file


@click.command("import")
@db_option
@click.argument("path", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "file_format", type=click.Choice(["json", "csv"]),
              help="Default: csv for *.csv, else JSON (an array or JSON Lines).")  # fmt: skip
@click.option(
    "--replace",
    is_flag=True,
    help="Overwrite stored interviews with the same id, or the same interview.",
)
@click.option(
    "--skip-existing",
    "skip",
    is_flag=True,
    help="Leave out rows already stored (same id, or the same interview).",
)
@click.pass_context
def import_(ctx: click.Context, db: str | None, path: Path, file_format: str | None,
            replace: bool, skip: bool) -> None:  # fmt: skip
    """Import interviews: all of them, or none if a row is bad (row, field and why)."""

    env = env_of(ctx)

    def progress(done: int, total: int) -> None:
        env.stderr.write(f"followup: writing {done} of {total}\n")
        env.stderr.flush()

    if replace and skip:
        raise InputError("--skip-existing", "give either --replace or --skip-existing, not both")
    result, ignored = import_file(open_tracker(ctx, db), path, file_format, replace=replace,
                                  skip=skip, progress=progress)  # fmt: skip
    if ignored:
        env.stderr.write(f"followup: ignored columns: {', '.join(ignored)}\n")
    skipped = f", {result.skipped} already stored and skipped" if result.skipped else ""
    env.stdout.write(f"imported {result.added} new, {result.replaced} replaced{skipped}\n")


@click.command("export")
@db_option
@click.option("--json", "file_format", flag_value="json", help="Contract interview objects.")
@click.option("--jsonl", "file_format", flag_value="jsonl", help="The same, as JSON Lines.")
@click.option("--csv", "file_format", flag_value="csv", help="One row per interview.")
@click.option("--ics", "file_format", flag_value="ics", help="Calendar of due/upcoming steps.")
@click.option("--output", "-o", metavar="FILE", help="Write to FILE (default: stdout).")
@click.pass_context
def export(ctx: click.Context, db: str | None, file_format: str | None,
           output: str | None) -> None:  # fmt: skip
    """Export every interview (JSON is lossless: attempts included)."""

    if file_format is None:
        raise InputError("format", "choose one of --json, --jsonl, --csv, --ics")
    if output is not None:
        check_target(output, "--output")  # before the work, and again as it writes
    text = export_text(open_tracker(ctx, db), file_format)
    if output is None:
        env_of(ctx).stdout.write(text)
        return
    newline = "" if file_format == "ics" else None  # the calendar's CRLFs, untouched
    write_atomically(output, text, "--output", newline=newline)
