"""The user's settings: a small TOML file in the config directory (`followup config`).

    name = "Sam Lee"            # the candidate, used when an interview does not say
    email = "sam@example.com"
    phone = "+1 617 555 0142"
    country = "US"              # default country for public holidays
    timezone = "America/New_York"   # the user's zone: "today" is this zone's day
    policy = "default"          # policy profile name or path to a policy file

Every key is validated when set and when read; a bad file names the key and why.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from followup.context import Env
from followup.domain.errors import InputError
from followup.domain.zones import find_zone

FILE_NAME = "config.toml"


def _country(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", value):
        raise InputError("country", f"must be an ISO 3166 two-letter code like US (got {value!r})")
    return value.upper()


def user_zone(name: str) -> ZoneInfo:
    """An IANA zone, or `InputError` on `timezone` (kept off the codec for a fast start;
    the same refusals: too long, a tzdata folder such as "America", not a zone)."""
    found = find_zone(name)
    if found is None:
        raise InputError("timezone", f"unknown IANA time zone {name[:60]!r}")
    return found


def _timezone(value: str) -> str:
    user_zone(value)
    return value


def _email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+", value):
        raise InputError("email", f"does not look like an e-mail address (got {value!r})")
    return value


def _text(key: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if not value.strip() or len(value) > 200:
            raise InputError(key, "must be 1 to 200 characters")
        return value.strip()

    return check


#: Each setting with its meaning (shown by `followup config --help` and in docs/tracker.md).
KEYS: dict[str, tuple[str, Callable[[str], str]]] = {
    "name": ("your name, as the candidate in every interview", _text("name")),
    "email": ("your e-mail address, for scripts and signatures", _email),
    "phone": ("your phone number, for scripts and voicemails", _text("phone")),
    "country": ("default country (ISO 3166) for employers' public holidays", _country),
    "timezone": ("your IANA time zone; 'today' is this zone's day", _timezone),
    "policy": ("policy profile (default, prompt) or path to a policy file", _text("policy")),
}


class Settings(NamedTuple):
    """The validated settings; None where the user has not set a key."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    country: str | None = None
    timezone: str | None = None
    policy: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {key: value for key, value in self._asdict().items() if value is not None}

    def today(self, env: Env) -> dt.date:
        """The user's local day: in the configured zone, else the system's local zone."""
        now = env.clock()
        local = now.astimezone(user_zone(self.timezone)) if self.timezone else now.astimezone()
        return local.date()


def settings_path(env: Env) -> Path:
    return env.config_dir() / FILE_NAME


def validate(key: str, value: str) -> str:
    """The checked, normalised value of one setting, or `InputError` naming the key."""
    if key not in KEYS:
        raise InputError(key, f"unknown setting; known: {', '.join(KEYS)}")
    return KEYS[key][1](value)


def load_settings(env: Env) -> Settings:
    """The settings file's contents (all unset when there is no file)."""
    path = settings_path(env)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"is not valid TOML ({error})") from None
    values = {}
    for key, value in raw.items():
        if not isinstance(value, str):
            raise InputError(f"{path}: {key}", "must be a string")
        values[key] = validate(key, value)
    return Settings(**values)


def save_settings(env: Env, settings: Settings) -> Path:
    """Write the settings atomically (a crash leaves the old file or the new, never half)."""
    path = settings_path(env)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Followup settings (`followup config` edits this file)"]
    # JSON string escapes are valid TOML basic-string escapes.
    for key, value in settings.as_dict().items():
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    # Here, not at the top: writing atomically needs tempfile (with random and shutil),
    # which every read of the settings (`followup today` among them) would pay for.
    from followup.files import write_atomically

    return write_atomically(path, "\n".join(lines) + "\n", str(path))


def change_setting(env: Env, key: str, value: str | None) -> Settings:
    """Set (or with None, unset) one key and save; returns the new settings."""
    current = load_settings(env)
    if key not in KEYS:
        raise InputError(key, f"unknown setting; known: {', '.join(KEYS)}")
    updated = current._replace(**{key: None if value is None else validate(key, value)})
    save_settings(env, updated)
    return updated
