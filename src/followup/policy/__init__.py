"""The follow-up policy: rules as data, loaded and validated by one loader.

Built-in profiles (`default`, `prompt`) and a user's override file go through the same code:
an invalid file fails with the file, the key and why (`PolicyError`).
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from followup.domain.errors import PolicyError
from followup.policy.schema import GUIDANCE_IDS, RULES

BUILTIN_PROFILES = ("default", "prompt")
_TOP_KEYS = frozenset({"policy", "rules"})
_POLICY_KEYS = frozenset({"name", "description", "extends"})
_FORMATTER = string.Formatter()


@dataclass(frozen=True)
class Rule:
    """One rule: stable id, the words the plan shows, its guidance sources, its parameters."""

    id: str
    says: str
    sources: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Policy:
    """A validated set of every rule the planner applies."""

    name: str
    description: str
    rules: dict[str, Rule]
    source: str

    def rule(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def param(self, rule_id: str, name: str) -> Any:
        return self.rules[rule_id].params[name]


def load_policy(name_or_path: str | Path | None = None) -> Policy:
    """A built-in profile by name (default: `default`), or a policy file by path."""
    if name_or_path is None or str(name_or_path) in BUILTIN_PROFILES:
        return _builtin(str(name_or_path or "default"))
    return _load_file(Path(name_or_path))


@lru_cache(maxsize=len(BUILTIN_PROFILES))
def _builtin(name: str) -> Policy:
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return _load_text(text, f"<built-in {name} policy>")


def _load_file(path: Path) -> Policy:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError(
            str(path),
            "",
            "no such file (or use a profile name: " + ", ".join(BUILTIN_PROFILES) + ")",
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError(str(path), "", f"cannot read it ({error})") from None
    return _load_cached(text, str(path))


#: A user's policy file is read on every plan (it may have changed) but parsed and validated
#: once per content: the same text gives the same `Policy` object, so the planner's compiled
#: config is reused too. Bounded, so a long-running server with many files cannot grow.
USER_POLICIES = 16


@lru_cache(maxsize=USER_POLICIES)
def _load_cached(text: str, source: str) -> Policy:
    return _load_text(text, source)


def _load_text(text: str, source: str) -> Policy:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(source, "", f"not valid TOML ({error})") from None
    for key in document.keys() - _TOP_KEYS:
        raise PolicyError(source, key, 'unknown key (expected [policy] and [rules."…"])')
    header = _table(document.get("policy", {}), source, "policy")
    for key in header.keys() - _POLICY_KEYS:
        raise PolicyError(source, f"policy.{key}", "unknown key")
    extends = header.get("extends")
    base = _base(extends, source)
    rules_table = _table(document.get("rules", {}), source, "rules")
    rules = dict(base.rules) if base else {}
    for rule_id, body in rules_table.items():
        rules[rule_id] = _rule(rule_id, body, rules.get(rule_id), source)
    missing = sorted(RULES.keys() - rules.keys())
    if missing:
        raise PolicyError(
            source,
            f'rules."{missing[0]}"',
            'missing (every rule must be defined, or name `extends = "default"` under [policy])',
        )
    name = _string(header.get("name", Path(source).stem), source, "policy.name")
    description = header.get("description", base.description if base else "")
    return Policy(name=name, description=str(description), rules=rules, source=source)


def _base(extends: Any, source: str) -> Policy | None:
    if extends is None:
        return None
    if extends not in BUILTIN_PROFILES:
        raise PolicyError(
            source,
            "policy.extends",
            f"must be one of {', '.join(BUILTIN_PROFILES)} (got {extends!r})",
        )
    return _builtin(extends)


def _table(value: Any, source: str, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise PolicyError(source, key, "must be a table")
    return value


def _string(value: Any, source: str, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PolicyError(source, key, "must be a non-empty string")
    return value


def _rule(rule_id: str, body: Any, base: Rule | None, source: str) -> Rule:
    where = f'rules."{rule_id}"'
    spec = RULES.get(rule_id)
    if spec is None:
        raise PolicyError(source, where, "unknown rule id (see docs/policy.md for the list)")
    body = _table(body, source, where)
    for key in body.keys() - spec.params.keys() - {"says", "sources"}:
        raise PolicyError(source, f"{where}.{key}", "unknown key")
    says = _string(body["says"], source, f"{where}.says") if "says" in body else None
    sources = _sources(body["sources"], source, where) if "sources" in body else None
    params = dict(base.params) if base else {}
    for name, check in spec.params.items():
        if name in body:
            why = check(body[name])
            if why:
                raise PolicyError(source, f"{where}.{name}", why)
            params[name] = body[name]
        elif name not in params:
            raise PolicyError(source, f"{where}.{name}", "missing")
    if spec.across is not None and (problem := spec.across(params)):
        raise PolicyError(source, f"{where}.{problem[0]}", problem[1])
    says = says or (base.says if base else None)
    if says is None:
        raise PolicyError(source, f"{where}.says", "missing")
    if sources is None:
        if base is None:
            raise PolicyError(source, f"{where}.sources", "missing: every rule cites its sources")
        sources = base.sources
    _check_placeholders(says, spec.placeholders, source, f"{where}.says")
    return Rule(id=rule_id, says=says, sources=sources, params=params)


def _sources(value: Any, source: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise PolicyError(source, f"{where}.sources", "must be a non-empty list of guidance ids")
    unknown = [s for s in value if s not in GUIDANCE_IDS]
    if unknown:
        raise PolicyError(source, f"{where}.sources", f"unknown guidance id {unknown[0]!r}")
    return tuple(value)


def _check_placeholders(says: str, allowed: frozenset[str], source: str, key: str) -> None:
    try:
        fields = {name for _, name, _, _ in _FORMATTER.parse(says) if name is not None}
    except ValueError as error:
        raise PolicyError(source, key, f"bad placeholder ({error})") from None
    unknown = sorted(fields - allowed)
    if unknown:
        choices = ", ".join(sorted(allowed)) or "none"
        raise PolicyError(source, key, f"unknown placeholder {{{unknown[0]}}} (allowed: {choices})")
