"""The checker: reads a drafted call script, voicemail, email or text and says, like a prose
linter, what the guidance warns against, what is missing and what is good (`spec/check-json.md`).

    >>> from followup.checker import check
    >>> check("Hi Dana, this is Sam Lee. Did I get the job?", "call").has_errors
    True
"""

from followup.checker.engine import check
from followup.checker.loader import load_rules
from followup.checker.result import CheckResult, Finding
from followup.checker.ruleset import DRAFT_KINDS, Rule, RuleSet

__all__ = ["DRAFT_KINDS", "CheckResult", "Finding", "Rule", "RuleSet", "check", "load_rules"]
