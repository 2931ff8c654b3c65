"""Exit statuses of every command (HTTPie's `ExitStatus`, Vale's 0/1/2)."""

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1  # `check` found at least one error-level problem
    USAGE = 2  # bad input or usage: one line on stderr, nothing half-written on stdout
