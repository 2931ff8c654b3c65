"""`followup`: the command line. Each command is a few lines around one library call.

Subcommands are imported only when run, so `followup today` never pays for the planner's
holiday tables or the web stack.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

import click

from followup import __version__
from followup.cli.status import ExitStatus
from followup.context import Env
from followup.domain.errors import FollowupError

#: command name -> "module:attribute" of its click command.
COMMANDS: dict[str, str] = {
    "plan": "followup.cli.plan:command",
    "script": "followup.cli.script:command",
    "check": "followup.cli.check:command",
    "add": "followup.cli.tracker:add",
    "edit": "followup.cli.tracker:edit",
    "list": "followup.cli.tracker:list_",
    "show": "followup.cli.tracker:show",
    "log": "followup.cli.tracker:log",
    "attempt-edit": "followup.cli.tracker:attempt_edit",
    "attempt-delete": "followup.cli.tracker:attempt_delete",
    "status": "followup.cli.tracker:status",
    "delete": "followup.cli.tracker:delete",
    "today": "followup.cli.today:command",
    "import": "followup.cli.transfer:import_",
    "export": "followup.cli.transfer:export",
    "config": "followup.cli.config:command",
    "serve": "followup.cli.serve:command",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="followup")
def cli() -> None:
    """Plan, write, check and track your follow-ups after a job interview."""


def main(argv: Sequence[str] | None = None, env: Env | None = None) -> int:
    """Run the CLI; returns the exit status instead of exiting when called as a library."""
    env = env or Env()
    try:
        result: Any = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="followup",
            standalone_mode=False,
            obj=env,
        )
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.exceptions.Abort:
        env.stderr.write("followup: aborted\n")
        return int(ExitStatus.USAGE)
    except click.ClickException as error:
        env.stderr.write(f"followup: {error.format_message()}\n")
        return int(ExitStatus.USAGE)
    except FollowupError as error:
        for line in str(error).splitlines() or ["error"]:
            env.stderr.write(f"followup: {line}\n")
        return int(ExitStatus.USAGE)
    except BrokenPipeError:
        return int(ExitStatus.OK)
    return int(result) if isinstance(result, int) else int(ExitStatus.OK)


def run() -> None:
    """Console-script entry point."""
    raise SystemExit(main())


def env_of(ctx: click.Context) -> Env:
    """The `Env` of this invocation (tests pass their own)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Env) else Env()
