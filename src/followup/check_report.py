"""`followup check` without click: one draft, or many in one process (batch mode).

`followup.entry` answers plain `check` calls through here without importing click, and the
click command (`followup.cli.check`) does the same work through the same functions, so the
two cannot disagree (tests/test_checker_batch.py runs both).

What counts as a batch (docs/checker.md, "Batch mode"):

- one FILE, or `-`/nothing (standard input): one draft, the contract's output exactly;
- several FILEs, or any directory (every `*.txt` and `*.md` below it, hidden ones skipped,
  in sorted path order), or `--input-format jsonl` (one JSON object a line on standard input:
  `{"text": ..., "kind": ..., "id": ..., "context": {...}}`): one result per draft, in order.

A draft the checker cannot read (missing, empty, binary, not UTF-8, over `MAX_DRAFT_BYTES`, a
bad JSON line) is reported on its own line and the batch goes on; the exit status is then 2.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from followup.checker import CheckResult, RuleSet, check
from followup.checker.language import reads_as_english
from followup.checker.ruleset import DRAFT_KINDS
from followup.context import Env
from followup.domain.errors import FollowupError, InputError

# orjson and the codec are imported where used: only JSON Lines input needs the one and
# only `--context` the other, and one plain draft must be checked in under 0.15 s
# (tests/test_checker_speed.py holds that neither is imported for it).

if TYPE_CHECKING:
    from followup.domain.model import Interview

#: The largest draft the checker reads: 100 KB, some fifty times the longest email it allows.
MAX_DRAFT_BYTES = 100_000
#: The files of a directory that are drafts.
DRAFT_SUFFIXES = (".txt", ".md")
INPUT_FORMATS = ("text", "jsonl")
OUTPUT_FORMATS = ("text", "json")
JSONL_KEYS = frozenset({"text", "kind", "id", "context"})
#: Exit statuses (as `followup.cli.status.ExitStatus`, without importing click's package).
OK, FINDINGS, USAGE = 0, 1, 2


class Item:
    """One draft to check, or the reason it cannot be: where it came from and what it is."""

    __slots__ = ("context", "error", "ident", "kind", "label", "line", "path", "text")

    def __init__(
        self,
        label: str,
        *,
        text: str | None = None,
        kind: str | None = None,
        path: str | None = None,
        line: int | None = None,
        ident: Any = None,
        context: Interview | None = None,
        error: InputError | None = None,
    ) -> None:
        self.label = label
        self.text = text
        self.kind = kind
        self.path = path
        self.line = line
        self.ident = ident
        self.context = context
        self.error = error

    def tags(self) -> dict[str, Any]:
        """What a JSON Lines result carries to say which draft it is about."""
        if self.line is None:
            return {"file": self.path if self.path is not None else self.label}
        tags: dict[str, Any] = {"line": self.line}
        if self.ident is not None:
            tags["id"] = self.ident
        return tags


def draft_text(data: bytes, field: str) -> str:
    """The text of a draft read as bytes; `InputError` naming `field` if it is not a draft:
    too big, binary (NUL bytes), not UTF-8, or empty."""
    if len(data) > MAX_DRAFT_BYTES:
        raise InputError(field, f"is {len(data):,} bytes; a draft may be at most {_limit()}")
    if b"\0" in data:
        raise InputError(field, "is not text (it holds NUL bytes: a binary file?)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(field, f"is not UTF-8 text (bad byte at offset {error.start})") from None
    if not text.strip():
        raise InputError(field, "the draft is empty")
    return text


def _limit() -> str:
    return f"{MAX_DRAFT_BYTES:,} bytes ({MAX_DRAFT_BYTES // 1000} KB)"


def read_file(path: str, field: str) -> str:
    """The draft in the file `path`, checked by `draft_text` (its size before it is read)."""
    try:
        size = os.stat(path).st_size
        if size > MAX_DRAFT_BYTES:
            raise InputError(field, f"is {size:,} bytes; a draft may be at most {_limit()}")
        with open(path, "rb") as handle:
            data = handle.read(MAX_DRAFT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(field, f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(field, f"{path} is a directory") from None
    except OSError as error:
        raise InputError(field, f"cannot read {path} ({error.strerror or error})") from None
    return draft_text(data, field)


def read_stdin(stream: IO[str], field: str) -> str:
    """The draft on standard input; errors as `draft_text`'s (`field` names it)."""
    try:
        text = stream.read(MAX_DRAFT_BYTES + 1)
    except UnicodeDecodeError as error:
        raise InputError(field, f"is not UTF-8 text (bad byte at offset {error.start})") from None
    if "\0" in text:
        raise InputError(field, "is not text (it holds NUL bytes: binary input?)")
    if len(text) > MAX_DRAFT_BYTES or len(text.encode("utf-8")) > MAX_DRAFT_BYTES:
        raise InputError(field, f"is over {_limit()}, the most a draft may be")
    return text


def draft_files(sources: list[str]) -> Iterator[Item]:
    """Each FILE given, and every draft file below each directory given, in order."""
    for source in sources:
        if os.path.isdir(source):
            for path in _walk(source):
                yield _file_item(path)
        else:
            yield _file_item(source)


def _walk(top: str) -> list[str]:
    """The draft files below `top` (hidden files and directories skipped), sorted."""
    found = []
    for folder, folders, files in os.walk(top):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [
            os.path.join(folder, name)
            for name in files
            if name.endswith(DRAFT_SUFFIXES) and not name.startswith(".")
        ]
    return sorted(found, key=lambda path: Path(path).parts)


def _file_item(path: str) -> Item:
    try:
        return Item(path, text=read_file(path, path), path=path)
    except InputError as error:
        return Item(path, path=path, error=error)


def jsonl_items(stream: IO[str], default_kind: str | None) -> Iterator[Item]:
    """One item per non-blank line of JSON Lines on `stream` (read line by line)."""
    import orjson

    for number, line in enumerate(_lines(stream), start=1):
        if not line.strip():
            continue
        label = f"line-{number}"
        try:
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                raise InputError("", f"is not valid JSON ({error.msg})") from None
            yield _record(obj, number, label, default_kind)
        except InputError as error:
            yield Item(label, line=number, error=InputError(error.field, error.why, number))


def _lines(stream: IO[str]) -> Iterator[str]:
    try:
        yield from stream
    except UnicodeDecodeError as error:
        raise InputError("standard input", f"is not UTF-8 text (offset {error.start})") from None


def _record(obj: Any, number: int, label: str, default_kind: str | None) -> Item:
    """One JSON Lines record as an item; `InputError` naming the field that is wrong."""
    if not isinstance(obj, dict):
        raise InputError("", 'must be a JSON object like {"text": "...", "kind": "email"}')
    unknown = sorted(set(obj) - JSONL_KEYS)
    if unknown:
        raise InputError(unknown[0], f"unknown key; use {', '.join(sorted(JSONL_KEYS))}")
    ident = obj.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int)):
        raise InputError("id", "must be a string or a whole number")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError("text", "required: the draft, as a string")
    if "\0" in text:
        raise InputError("text", "is not text (it holds NUL characters)")
    if len(text.encode("utf-8")) > MAX_DRAFT_BYTES:
        raise InputError("text", f"is over {_limit()}, the most a draft may be")
    if not text.strip():
        raise InputError("text", "the draft is empty")
    kind = obj.get("kind", default_kind)
    if kind is None:
        raise InputError("kind", "required (on the line, or for every line with --kind)")
    _check_kind(kind, "kind")
    context = _context(obj["context"]) if "context" in obj else None
    label = str(ident) if ident is not None else label
    return Item(label, text=text, kind=kind, line=number, ident=ident, context=context)


def _context(value: Any) -> Interview:
    from followup.domain.codec import interview_from_dict

    if not isinstance(value, dict):
        raise InputError("context", "must be an interview object (spec/plan-json.md)")
    try:
        return interview_from_dict(value)
    except InputError as error:
        raise InputError(f"context: {error.field}", error.why) from None


def _check_kind(kind: Any, field: str) -> None:
    if kind not in DRAFT_KINDS:
        raise InputError(field, f"unknown kind {kind!r}; use one of {', '.join(DRAFT_KINDS)}")


def is_batch(sources: list[str], input_format: str) -> bool:
    """Whether these arguments ask for many drafts (else exactly one, as the contract says)."""
    return input_format == "jsonl" or len(sources) > 1 or any(map(os.path.isdir, sources))


def run_check(
    env: Env,
    sources: list[str],
    kind: str | None,
    *,
    output: str = "text",
    input_format: str = "text",
    context: Interview | None = None,
    rules: RuleSet | None = None,
) -> int:
    """`followup check`: check the drafts, write the results, return the exit status.

    A usage error (an unknown kind, a bad format, stdin given twice) raises `InputError`; in
    batch mode a draft that cannot be read is reported and the others still checked."""
    if output not in OUTPUT_FORMATS:
        raise InputError("--format", f"must be one of {', '.join(OUTPUT_FORMATS)}")
    if input_format not in INPUT_FORMATS:
        raise InputError("--input-format", f"must be one of {', '.join(INPUT_FORMATS)}")
    if kind is not None:
        _check_kind(kind, "--kind")
    elif input_format != "jsonl":
        raise InputError("--kind", f"required: what the draft is ({_kinds()})")
    sources = sources or ["-"]
    if not is_batch(sources, input_format):
        assert kind is not None
        return _single(env, sources[0], kind, output, context, rules)
    if input_format == "jsonl":
        if sources != ["-"]:
            raise InputError("FILE", "--input-format jsonl reads standard input only: give no FILE")
        items: Iterator[Item] = jsonl_items(env.stdin, kind)
    else:
        if "-" in sources:
            raise InputError("FILE", "- (standard input) cannot be one of several drafts")
        items = draft_files(sources)
    return _batch(env, items, kind, output, context, rules)


def _kinds() -> str:
    return ", ".join(DRAFT_KINDS)


def _single(
    env: Env,
    source: str,
    kind: str,
    output: str,
    context: Interview | None,
    rules: RuleSet | None,
) -> int:
    """One draft: exactly the contract's output (spec/check-json.md)."""
    text = read_stdin(env.stdin, "text") if source == "-" else read_file(source, f"FILE {source}")
    result = check(text, kind, context=context, rules=rules)
    _note_language(env, source if source != "-" else "the draft", text)
    if output == "json":
        env.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        env.stdout.write(result.to_text())
    return FINDINGS if result.has_errors else OK


def _batch(
    env: Env,
    items: Iterator[Item],
    kind: str | None,
    output: str,
    context: Interview | None,
    rules: RuleSet | None,
) -> int:
    """Many drafts: one result per draft in order, as JSON Lines or as prefixed text."""
    import orjson

    checked = with_errors = unreadable = 0
    write, warn = env.stdout.write, env.stderr.write
    for item in items:
        if item.error is None:
            assert item.text is not None
            try:
                result = check(
                    item.text,
                    item.kind or str(kind),
                    context=item.context or context,
                    rules=rules,
                )
            except InputError as error:
                item.error = error
        if item.error is not None:
            unreadable += 1
            warn(f"followup: {_where(item)}{item.error.why}\n")
            if output == "json":
                tags = {**item.tags(), "error": _error_text(item)}
                write(orjson.dumps(tags).decode() + "\n")
            continue
        checked += 1
        with_errors += result.has_errors
        assert item.text is not None
        _note_language(env, item.label, item.text)
        if output == "json":
            obj = {**item.tags(), **result.to_dict()}
            write(orjson.dumps(obj).decode() + "\n")
        else:
            write(_prefixed(item.label, result))
    if output == "text":
        write(_total(checked, with_errors, unreadable))
    if unreadable:
        return USAGE
    return FINDINGS if with_errors else OK


def _where(item: Item) -> str:
    """How an error line names its draft: the file, or the JSON line and its field."""
    error = item.error
    assert error is not None
    if item.line is not None:
        return f"line {item.line}: {error.field + ': ' if error.field else ''}"
    return f"{item.label}: " if error.field == item.label else f"{item.label}: {error.field}: "


def _error_text(item: Item) -> str:
    error = item.error
    assert error is not None
    return f"{error.field}: {error.why}" if error.field and item.line is not None else error.why


def _prefixed(label: str, result: CheckResult) -> str:
    """A result in text, each line prefixed with the draft's name (`path:LINE:COL  …`)."""
    lines = [
        f"{label}:{f.line}:{f.column}  {f.severity}  {f.rule}  {f.message}" for f in result.findings
    ]
    lines.append(f"{label}: {result.summary()}")
    return "\n".join(lines) + "\n"


def _total(checked: int, with_errors: int, unreadable: int) -> str:
    drafts = f"{checked} draft{'' if checked == 1 else 's'} checked"
    line = f"{drafts}, {with_errors} with errors"
    if unreadable:
        line += f"; {unreadable} could not be checked (see above)"
    return line + ".\n"


def _note_language(env: Env, label: str, text: str) -> None:
    """Say so (on standard error) when a draft does not read as English: the checker's rules
    and model read English only, so their findings may not hold. It is still checked."""
    if not reads_as_english(text):
        env.stderr.write(
            f"followup: note: {label} does not read as English; the checker reads English "
            "only, so its findings may not hold\n"
        )


def fast_check(arguments: Mapping[str, Any]) -> int:
    """`followup check` without click (from `followup.entry`); errors as the CLI's."""
    env = Env()
    try:
        return run_check(
            env,
            list(arguments["sources"]),
            arguments.get("kind"),
            output=arguments.get("output", "text"),
            input_format=arguments.get("input_format", "text"),
        )
    except FollowupError as error:
        for line in str(error).splitlines() or ["error"]:
            env.stderr.write(f"followup: {line}\n")
        return USAGE
    except BrokenPipeError:
        return OK
