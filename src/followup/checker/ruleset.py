"""The checker's rules, compiled: what `loader` builds from a rule file and `engine` runs.

Everything here is immutable, so one built-in `RuleSet` can be shared by every check in a
process (and by every test) without state leaking between them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from followup.checker.matcher import Matcher

#: The kinds of draft the checker reads.
DRAFT_KINDS = ("call", "voicemail", "email", "text")
#: Spoken kinds: headings, stage directions and the other party's lines are not counted.
SPOKEN_KINDS = frozenset({"call", "voicemail"})
SEVERITIES = ("suggestion", "warning", "error")
MATCH_TYPES = ("phrases", "missing", "length", "learned")
#: What an interview object (--context) can tell an element.
CONTEXT_FIELDS = ("candidate", "role", "interviewer", "discussion_points")


@dataclass(frozen=True, slots=True)
class Example:
    """A must-flag or must-pass example of a rule, checked as a draft of `kind`."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Element:
    """Something a good follow-up contains: an introduction, thanks, a discussion point …"""

    name: str
    pattern: Matcher | None
    unless: re.Pattern[str] | None = None
    within_words: int | None = None
    context: str | None = None
    signature_kinds: frozenset[str] = frozenset()
    closings: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: a stable id, a severity, what to write instead, its sources and its match."""

    id: str
    severity: str
    sources: tuple[str, ...]
    message: str
    description: str
    match: str
    kinds: frozenset[str] = frozenset(DRAFT_KINDS)
    severity_by_kind: Mapping[str, str] = field(default_factory=dict)
    pattern: Matcher | None = None
    #: Phrases that are fine said aloud but not written ("yeah", "gonna"): emails and texts.
    written_pattern: Matcher | None = None
    unless: re.Pattern[str] | None = None
    negation: bool = False
    context_exempt: bool = False
    element: str | None = None
    when: str | None = None
    #: The kinds for which `when` holds back the rule (the others need no `when`).
    when_kinds: frozenset[str] = frozenset(DRAFT_KINDS)
    #: Whether the learned model's category of this id also raises this rule.
    learned: bool = False
    #: An element whose presence keeps this rule quiet ("generic" only without specifics).
    unless_element: str | None = None
    #: Rules that, when they fire, make this one say nothing more.
    unless_rules: frozenset[str] = frozenset()
    must_flag: tuple[Example, ...] = ()
    must_pass: tuple[Example, ...] = ()

    def severity_for(self, kind: str) -> str:
        """The severity of this rule for a draft of `kind`."""
        return self.severity_by_kind.get(kind, self.severity)


@dataclass(frozen=True, slots=True)
class Limit:
    """How long a draft of one kind may be."""

    max_words: int
    says: str


@dataclass(frozen=True, slots=True)
class Strength:
    """Something the draft does well, reported when its element is present."""

    name: str
    element: str
    says: str
    says_by_kind: Mapping[str, str] = field(default_factory=dict)
    unless_rules: frozenset[str] = frozenset()

    def says_for(self, kind: str) -> str:
        return self.says_by_kind.get(kind, self.says)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every rule, element, limit and strength the checker uses, from one or more files."""

    rules: tuple[Rule, ...]
    elements: Mapping[str, Element]
    limits: Mapping[str, Limit]
    strengths: tuple[Strength, ...]
    sources: tuple[str, ...] = ()

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id; `KeyError` if there is none."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)
