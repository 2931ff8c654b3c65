"""`python -m followup.cli`."""

from followup.cli import run

run()
