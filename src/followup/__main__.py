"""`python -m followup`."""

from followup.cli import run

run()
