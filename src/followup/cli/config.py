"""`followup config`: show, read or change your settings (a TOML file)."""

from __future__ import annotations

import click

from followup.cli import env_of
from followup.domain.errors import InputError
from followup.settings import KEYS, change_setting, load_settings, settings_path


@click.command("config", epilog="Keys: " + "; ".join(f"{k}: {v[0]}" for k, v in KEYS.items()))
@click.argument("key", required=False)
@click.argument("value", required=False)
@click.option("--unset", is_flag=True, help="Remove KEY.")
@click.option("--path", "show_path", is_flag=True, help="Print the settings file's path.")
@click.pass_context
def command(ctx: click.Context, key: str | None, value: str | None, unset: bool,
            show_path: bool) -> None:  # fmt: skip
    """List settings; `config KEY` reads one; `config KEY VALUE` sets it."""
    env = env_of(ctx)
    if show_path:
        env.stdout.write(f"{settings_path(env)}\n")
        return
    if key is None:
        for name, setting in load_settings(env).as_dict().items():
            env.stdout.write(f"{name} = {setting}\n")
        return
    if value is None and not unset:
        if key not in KEYS:
            raise InputError(key, f"unknown setting; known: {', '.join(KEYS)}")
        shown = load_settings(env).as_dict().get(key)
        env.stdout.write(f"{shown}\n" if shown is not None else "")
        return
    updated = change_setting(env, key, None if unset else value)
    env.stdout.write(f"{key} = {updated.as_dict().get(key, '(unset)')}\n")
    if key == "policy":
        env.stdout.write("stored plans will be recomputed with the new policy on the next read\n")
