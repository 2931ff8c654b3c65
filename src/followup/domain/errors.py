"""The small hierarchy of errors the core raises; each adapter maps them in one place."""

from __future__ import annotations


class FollowupError(Exception):
    """Base of every error the product reports to a user."""


class InputError(FollowupError):
    """Bad input: names the field (and the line, for JSON Lines) and says why.

    The CLI turns it into exit status 2; the API into a 4xx JSON error.
    """

    def __init__(self, field: str, why: str, line: int | None = None) -> None:
        self.field = field
        self.why = why
        self.line = line
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.field}: {self.why}" if self.field else f"{where}{self.why}"

    def at_line(self, line: int) -> InputError:
        return InputError(self.field, self.why, line)


class InputErrors(FollowupError):
    """Several input errors found in one pass (one per bad line of a JSON Lines file)."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        super().__init__("\n".join(e.one_line() for e in errors))


class PolicyError(FollowupError):
    """An invalid policy or rule file: names the file, the key and why."""

    def __init__(self, source: str, key: str, why: str) -> None:
        self.source = source
        self.key = key
        self.why = why
        super().__init__(f"{source}: {key}: {why}" if key else f"{source}: {why}")


class NotFoundError(FollowupError):
    """A stored record that does not exist."""


class ConflictError(FollowupError):
    """A stored record changed underneath an update (lost-edit guard)."""
