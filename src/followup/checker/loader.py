"""Read, validate and compile rule files: the built-in `rules/default.toml` and a user's override.

A user's file has the built-in file's shape. Each table it gives (a rule, an element, a limit, a
strength, a macro) replaces the built-in one key by key, and new ids add new rules. Every
mistake fails at load with the file and the key (`rules.bitter-tone.severity: must be one of …`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from functools import lru_cache, partial
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from followup.checker.matcher import Alternative, Matcher, alternatives
from followup.checker.ruleset import (
    CONTEXT_FIELDS,
    DRAFT_KINDS,
    MATCH_TYPES,
    SEVERITIES,
    Element,
    Example,
    Limit,
    Rule,
    RuleSet,
    Strength,
)
from followup.domain.errors import PolicyError
from followup.guidance import GUIDANCE_IDS

TOP_KEYS = frozenset({"version", "macros", "limits", "elements", "strengths", "rules"})
RULE_KEYS = frozenset(
    {
        "severity", "severity_by_kind", "sources", "message", "description", "kinds", "match",
        "patterns", "raw", "unless", "negation", "context_exempt", "element", "when",
        "unless_rules", "examples", "enabled", "learned", "unless_element", "written_patterns",
        "when_kinds",
    }
)  # fmt: skip
ELEMENT_KEYS = frozenset(
    {"patterns", "raw", "unless", "within_words", "context", "signature_kinds", "closings"}
)
STRENGTH_KEYS = frozenset({"element", "says", "says_by_kind", "unless_rules"})
LIMIT_KEYS = frozenset({"max_words", "says"})
EXAMPLE_KEYS = frozenset({"flag", "pass"})
#: Elements the engine computes itself rather than from patterns.
COMPUTED_ELEMENTS = frozenset({"brief"})
_ID = re.compile(r"[a-z][a-z0-9-]*\Z")
_MACRO = re.compile(r"\$([a-z_]+)")
_SPACES = re.compile(r" +")

BUILTIN = "default.toml"
T = TypeVar("T")


class _Where:
    """Which file a table came from, so an error can name it."""

    def __init__(self, origin: Mapping[str, str], fallback: str) -> None:
        self.origin = origin
        self.fallback = fallback

    def fail(self, table: str, key: str, why: str) -> PolicyError:
        return PolicyError(self.origin.get(table, self.fallback), key, why)


def _read(path: Path, label: str) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError(label, "", f"cannot read the rule file ({error})") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(label, "", f"is not valid TOML ({error})") from None
    unknown = sorted(set(document) - TOP_KEYS)
    if unknown:
        raise PolicyError(label, unknown[0], "unknown key")
    for section in TOP_KEYS - {"version"}:
        if not isinstance(document.get(section, {}), dict):
            raise PolicyError(label, section, "must be a table")
    return document


def _merge(
    documents: list[tuple[str, dict[str, Any]]],
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Merge files in order, table by table; remember which file last touched each table."""
    merged: dict[str, dict[str, Any]] = {s: {} for s in TOP_KEYS - {"version"}}
    origin: dict[str, str] = {}
    for label, document in documents:
        for section, tables in merged.items():
            for name, value in document.get(section, {}).items():
                key = f"{section}.{name}"
                origin[key] = label
                if isinstance(value, dict) and isinstance(tables.get(name), dict):
                    tables[name] = {**tables[name], **value}
                else:
                    tables[name] = value
    return merged, origin


def _strings(value: Any, where: _Where, table: str, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise where.fail(table, key, "must be a string or a list of strings")
    return list(value)


def _text(value: Any, where: _Where, table: str, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.fail(table, key, "must be a non-empty string")
    return value


def _table(value: Any, allowed: frozenset[str], where: _Where, table: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise where.fail(table, table, "must be a table")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise where.fail(table, f"{table}.{unknown[0]}", "unknown key")
    return value


def _kinds(value: Any, where: _Where, table: str, key: str) -> frozenset[str]:
    kinds = _strings(value, where, table, key)
    for kind in kinds:
        if kind not in DRAFT_KINDS:
            raise where.fail(table, key, f"unknown kind {kind!r}; use {', '.join(DRAFT_KINDS)}")
    return frozenset(kinds)


def _expand(source: str, macros: Mapping[str, str], where: _Where, table: str, key: str) -> str:
    def expand(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in macros:
            raise where.fail(table, key, f"unknown macro ${name}")
        return f"(?:{macros[name]})"

    return _MACRO.sub(expand, source)


def _compile(
    spec: Mapping[str, Any], macros: Mapping[str, str], where: _Where, table: str, name: str
) -> re.Pattern[str] | None:
    """Compile the whole-word patterns under `name` (`unless`, `closings`) into one regex."""
    pieces = _pieces(spec, name, macros, where, table)
    if not pieces:
        return None
    body = "|".join(piece for _, piece in pieces)
    try:
        return re.compile(f"(?<![\\w'])(?:{body})(?![\\w'])", re.IGNORECASE)
    except re.error:
        for key, piece in pieces:  # find the one to blame
            _checked(where, table, key, partial(re.compile, piece, re.IGNORECASE))
        raise


def _matcher(
    spec: Mapping[str, Any], macros: Mapping[str, str], where: _Where, table: str
) -> Matcher | None:
    """Compile `patterns` (whole words, spaces match any white space) and `raw` for matching."""
    found: list[Alternative] = []
    for field_name, whole_word in (("patterns", True), ("raw", False)):
        for key, piece in _pieces(spec, field_name, macros, where, table, whole_words=whole_word):
            compile_it = partial(alternatives, piece[3:-1], whole_word=whole_word)
            found += _checked(where, table, key, compile_it)
    return Matcher(tuple(found)) if found else None


def _checked(where: _Where, table: str, key: str, compile_it: Callable[[], T]) -> T:
    try:
        return compile_it()
    except (re.error, OverflowError, RecursionError) as error:
        raise where.fail(table, key, f"bad pattern ({error})") from None


def _pieces(
    spec: Mapping[str, Any],
    field_name: str,
    macros: Mapping[str, str],
    where: _Where,
    table: str,
    *,
    whole_words: bool = True,
) -> list[tuple[str, str]]:
    """Each pattern of `field_name` with its key, expanded and grouped (compiled by the caller)."""
    key = f"{table}.{field_name}"
    pieces = []
    for index, source in enumerate(_strings(spec.get(field_name, []), where, table, key)):
        piece = _SPACES.sub(r"\\s+", source) if whole_words else source
        where_key = f"{key}[{index}]"
        pieces.append((where_key, f"(?:{_expand(piece, macros, where, table, where_key)})"))
    return pieces


def _examples(value: Any, rule_id: str, default_kind: str, where: _Where) -> dict[str, Any]:
    table = f"rules.{rule_id}"
    spec = _table(value, EXAMPLE_KEYS, where, table)
    out: dict[str, tuple[Example, ...]] = {}
    for which in ("flag", "pass"):
        key = f"{table}.examples.{which}"
        items = spec.get(which, [])
        if not isinstance(items, list):
            raise where.fail(table, key, "must be a list")
        examples = []
        for index, item in enumerate(items):
            if isinstance(item, str):
                examples.append(Example(default_kind, item))
                continue
            if not isinstance(item, dict) or set(item) - {"kind", "text"} or "text" not in item:
                raise where.fail(table, f"{key}[{index}]", "must be a string or {kind, text}")
            kind = item.get("kind", default_kind)
            _kinds(kind, where, table, f"{key}[{index}].kind")
            examples.append(Example(kind, _text(item["text"], where, table, f"{key}[{index}]")))
        out[which] = tuple(examples)
    return out


def _sources(value: Any, where: _Where, table: str) -> tuple[str, ...]:
    sources = _strings(value, where, table, f"{table}.sources")
    if not sources:
        raise where.fail(table, f"{table}.sources", "a rule needs at least one source")
    for source in sources:
        if source not in GUIDANCE_IDS:
            raise where.fail(table, f"{table}.sources", f"unknown guidance id {source!r}")
    return tuple(sources)


def _severity(value: Any, where: _Where, table: str, key: str) -> str:
    if value not in SEVERITIES:
        raise where.fail(table, key, f"must be one of {', '.join(SEVERITIES)} (got {value!r})")
    return str(value)


def _by_kind(value: Any, where: _Where, table: str, key: str, check: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise where.fail(table, key, "must be a table of kind = value")
    _kinds(list(value), where, table, key)
    return {kind: check(v, where, table, f"{key}.{kind}") for kind, v in value.items()}


def _flag(value: Any, where: _Where, table: str, key: str) -> bool:
    if not isinstance(value, bool):
        raise where.fail(table, key, "must be true or false")
    return value


def _rule(rule_id: str, value: Any, ctx: _Context) -> Rule | None:
    table = f"rules.{rule_id}"
    where = ctx.where
    if not _ID.match(rule_id):
        raise where.fail(table, table, "a rule id is lower-case words joined by hyphens")
    spec = _table(value, RULE_KEYS, where, table)
    if not _flag(spec.get("enabled", True), where, table, f"{table}.enabled"):
        return None
    for required in ("severity", "sources", "message", "description"):
        if required not in spec:
            raise where.fail(table, f"{table}.{required}", "required")
    match = spec.get("match", "phrases")
    if match not in MATCH_TYPES:
        raise where.fail(table, f"{table}.match", f"must be one of {', '.join(MATCH_TYPES)}")
    kinds = _kinds(spec.get("kinds", list(DRAFT_KINDS)), where, table, f"{table}.kinds")
    examples = _examples(spec.get("examples", {}), rule_id, sorted(kinds)[0], where)
    rule = Rule(
        id=rule_id,
        severity=_severity(spec["severity"], where, table, f"{table}.severity"),
        severity_by_kind=MappingProxyType(
            _by_kind(
                spec.get("severity_by_kind", {}),
                where,
                table,
                f"{table}.severity_by_kind",
                _severity,
            )
        ),
        sources=_sources(spec["sources"], where, table),
        message=_text(spec["message"], where, table, f"{table}.message"),
        description=_text(spec["description"], where, table, f"{table}.description"),
        match=match,
        kinds=kinds,
        pattern=_matcher(spec, ctx.macros, where, table),
        written_pattern=_matcher(
            {"patterns": spec.get("written_patterns", [])}, ctx.macros, where, table
        ),
        unless=_compile(spec, ctx.macros, where, table, "unless"),
        negation=_flag(spec.get("negation", False), where, table, f"{table}.negation"),
        context_exempt=_flag(
            spec.get("context_exempt", False), where, table, f"{table}.context_exempt"
        ),
        element=spec.get("element"),
        when=spec.get("when"),
        when_kinds=_kinds(
            spec.get("when_kinds", list(DRAFT_KINDS)), where, table, f"{table}.when_kinds"
        ),
        learned=match == "learned"
        or _flag(spec.get("learned", False), where, table, f"{table}.learned"),
        unless_element=spec.get("unless_element"),
        unless_rules=frozenset(
            _strings(spec.get("unless_rules", []), where, table, f"{table}.unless_rules")
        ),
        must_flag=examples["flag"],
        must_pass=examples["pass"],
    )
    _check_match(rule, ctx, table)
    return rule


def _check_match(rule: Rule, ctx: _Context, table: str) -> None:
    known = set(ctx.elements) | COMPUTED_ELEMENTS
    if rule.match == "phrases" and rule.pattern is None:
        raise ctx.where.fail(table, f"{table}.patterns", "a phrases rule needs patterns or raw")
    if rule.match == "missing" and rule.element not in known:
        raise ctx.where.fail(table, f"{table}.element", f"unknown element {rule.element!r}")
    if rule.when is not None and rule.when not in known:
        raise ctx.where.fail(table, f"{table}.when", f"unknown element {rule.when!r}")
    if rule.unless_element is not None and rule.unless_element not in known:
        raise ctx.where.fail(
            table, f"{table}.unless_element", f"unknown element {rule.unless_element!r}"
        )
    if rule.match != "missing" and (rule.element or rule.when):
        raise ctx.where.fail(table, f"{table}.element", "only a missing rule names an element")


def _element(name: str, value: Any, ctx: _Context) -> Element:
    table = f"elements.{name}"
    where = ctx.where
    spec = _table(value, ELEMENT_KEYS, where, table)
    within = spec.get("within_words")
    if within is not None and (isinstance(within, bool) or not isinstance(within, int)):
        raise where.fail(table, f"{table}.within_words", "must be a whole number")
    context = spec.get("context")
    if context is not None and context not in CONTEXT_FIELDS:
        raise where.fail(table, f"{table}.context", f"must be one of {', '.join(CONTEXT_FIELDS)}")
    pattern = _matcher(spec, ctx.macros, where, table)
    if pattern is None:
        raise where.fail(table, f"{table}.patterns", "an element needs patterns")
    return Element(
        name=name,
        pattern=pattern,
        unless=_compile(spec, ctx.macros, where, table, "unless"),
        within_words=within,
        context=context,
        signature_kinds=_kinds(
            spec.get("signature_kinds", []), where, table, f"{table}.signature_kinds"
        ),
        closings=_compile(spec, ctx.macros, where, table, "closings"),
    )


def _strength(name: str, value: Any, ctx: _Context) -> Strength:
    table = f"strengths.{name}"
    where = ctx.where
    spec = _table(value, STRENGTH_KEYS, where, table)
    element = spec.get("element")
    if element not in set(ctx.elements) | COMPUTED_ELEMENTS:
        raise where.fail(table, f"{table}.element", f"unknown element {element!r}")
    return Strength(
        name=name,
        element=str(element),
        says=_text(spec.get("says"), where, table, f"{table}.says"),
        says_by_kind=MappingProxyType(
            _by_kind(spec.get("says_by_kind", {}), where, table, f"{table}.says_by_kind", _text)
        ),
        unless_rules=frozenset(
            _strings(spec.get("unless_rules", []), where, table, f"{table}.unless_rules")
        ),
    )


def _limit(kind: str, value: Any, where: _Where) -> Limit:
    table = f"limits.{kind}"
    _kinds(kind, where, table, table)
    spec = _table(value, LIMIT_KEYS, where, table)
    words = spec.get("max_words")
    if isinstance(words, bool) or not isinstance(words, int) or words < 1:
        raise where.fail(table, f"{table}.max_words", "must be a positive whole number")
    return Limit(max_words=words, says=_text(spec.get("says"), where, table, f"{table}.says"))


class _Context:
    """What compiling one rule needs: where tables came from, the macros, the elements."""

    def __init__(self, where: _Where, macros: Mapping[str, str]) -> None:
        self.where = where
        self.macros = macros
        self.elements: dict[str, Element] = {}


def _macros(tables: Mapping[str, Any], where: _Where) -> dict[str, str]:
    macros = {}
    for name, value in tables.items():
        macros[name] = _text(value, where, f"macros.{name}", f"macros.{name}")
    # Macros may use earlier macros: expand until stable (bounded by their number).
    for _ in macros:
        macros = {
            name: _expand(value, macros, where, f"macros.{name}", f"macros.{name}")
            for name, value in macros.items()
        }
    return macros


def build(documents: list[tuple[str, dict[str, Any]]]) -> RuleSet:
    """Compile parsed rule documents, later ones overriding earlier ones."""
    merged, origin = _merge(documents)
    where = _Where(origin, documents[-1][0])
    ctx = _Context(where, _macros(merged["macros"], where))
    for name, value in merged["elements"].items():
        ctx.elements[name] = _element(name, value, ctx)
    rules = [_rule(rule_id, value, ctx) for rule_id, value in merged["rules"].items()]
    strengths = [_strength(name, value, ctx) for name, value in merged["strengths"].items()]
    limits = {kind: _limit(kind, value, where) for kind, value in merged["limits"].items()}
    missing = [kind for kind in DRAFT_KINDS if kind not in limits]
    if missing:
        raise where.fail("limits", f"limits.{missing[0]}", "every kind needs a length limit")
    return RuleSet(
        rules=tuple(rule for rule in rules if rule is not None),
        elements=MappingProxyType(dict(ctx.elements)),
        limits=MappingProxyType(limits),
        strengths=tuple(strengths),
        sources=tuple(label for label, _ in documents),
    )


def _builtin_document() -> tuple[str, dict[str, Any]]:
    return BUILTIN, _read(Path(__file__).parent / "rules" / BUILTIN, BUILTIN)


@lru_cache(maxsize=1)
def builtin_rules() -> RuleSet:
    """The built-in rules, loaded and compiled once per process."""
    return build([_builtin_document()])


def load_rules(path: str | Path | None = None) -> RuleSet:
    """The built-in rules, or a user's rule file merged over them (same format, same checks)."""
    if path is None:
        return builtin_rules()
    label = str(path)
    return build([_builtin_document(), (label, _read(Path(path), label))])
