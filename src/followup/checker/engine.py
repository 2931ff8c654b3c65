"""Run the rules over one draft: phrase rules, missing-element rules, length, and strengths."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING

from followup.checker.draft import Draft
from followup.checker.learned import ToneModel, builtin_model
from followup.checker.loader import builtin_rules
from followup.checker.result import CheckResult, Finding
from followup.checker.ruleset import DRAFT_KINDS, SPOKEN_KINDS, Element, Rule, RuleSet
from followup.domain.errors import InputError

if TYPE_CHECKING:
    from followup.domain.model import Interview

_STEM_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_SUFFIX = re.compile(r"(?:ing|ed|es|s|e)$")
#: Words too common to tell topics apart.
_STOPWORDS = frozenset(
    [
        "the", "and", "for", "our", "you", "your", "are", "was", "were", "has", "had", "have",
        "not", "but", "with", "from", "this", "that", "these", "those", "about", "above", "after",
        "again", "also", "been", "before", "being", "could", "does", "doing", "during", "each",
        "further", "having", "here", "into", "just", "like", "more", "most", "much", "other",
        "over", "same", "should", "some", "such", "than", "their", "them", "then", "there", "they",
        "through", "under", "very", "what", "when", "where", "which", "while", "will", "would",
        "yours", "team", "role", "work", "thing", "things", "discussed", "discussion", "talk",
        "really", "great", "its", "all", "any", "can", "how", "who", "why", "may", "one", "new",
    ]
)  # fmt: skip
_NAME_LINE = re.compile(
    r"[\s\-–—~]*(?:[A-Z][a-zA-Z'.-]+(?:\s+[A-Z][a-zA-Z'.-]+){0,3}|_{2,})[\s,.]*\Z"
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
SIGNATURE_LINES = 6
EXCERPT_LIMIT = 80


def stems(text: str) -> frozenset[str]:
    """The content words of `text`, without endings and cut to five letters, so inflections
    meet: "moving reporting" and "move our reports" share `mov` and `report`."""
    return frozenset(
        _SUFFIX.sub("", word)[:5] if len(word) > 4 else word
        for word in _STEM_WORD.findall(text.lower())
        if word not in _STOPWORDS
    )


def _names(full_name: str) -> list[str]:
    parts = full_name.split()
    return [full_name] + ([parts[0], parts[-1]] if len(parts) > 1 else [])


def _name_pattern(names: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])")


class _Reading:
    """What one check learns about one draft, computed once and only when a rule asks."""

    def __init__(self, draft: Draft, rules: RuleSet, context: Interview | None) -> None:
        self.draft = draft
        self.rules = rules
        self.context = context
        self._present: dict[str, bool] = {}

    @cached_property
    def draft_stems(self) -> frozenset[str]:
        return stems(self.draft.voice)

    @cached_property
    def role_spans(self) -> list[tuple[int, int]]:
        """Where the draft names a role ("the Litigation Associate role")."""
        role = self.rules.elements.get("role")
        if role is None or role.pattern is None:
            return []
        draft = self.draft
        return role.pattern.spans(draft.voice, draft.lowered, 0, None, draft.sentence_at)

    def mentions(self, topic: str) -> bool:
        """Whether the draft mentions `topic` (a discussion point or the role) by its words."""
        wanted = stems(topic)
        return bool(wanted) and len(wanted & self.draft_stems) >= min(2, len(wanted))

    def present(self, name: str) -> bool:
        """Whether the draft contains the element `name` (cached)."""
        if name not in self._present:
            if name == "brief":
                found = self.draft.words <= self.rules.limits[self.draft.kind].max_words
            else:
                found = self._element_present(self.rules.elements[name])
            self._present[name] = found
        return self._present[name]

    def _element_present(self, element: Element) -> bool:
        end = len(self.draft.text)
        if element.within_words is not None:
            end = self.draft.offset_after_words(element.within_words)
        if self._pattern_present(element, end) or self._context_present(element, end):
            return True
        return self.draft.kind in element.signature_kinds and self._signed(element)

    def _pattern_present(self, element: Element, end: int) -> bool:
        if element.pattern is None:
            return False
        draft = self.draft
        found = element.pattern.first(
            draft.voice,
            draft.lowered,
            end,
            lambda start: not self.excused(element.unless, start),
            draft.sentence_at,
        )
        return found is not None

    def excused(self, unless: re.Pattern[str] | None, offset: int) -> bool:
        """Whether the sentence holding `offset` matches `unless` (an exception to a rule)."""
        if unless is None:
            return False
        start, end = self.draft.sentence_at(offset)
        return unless.search(self.draft.voice, start, end) is not None

    def _context_present(self, element: Element, end: int) -> bool:
        interview = self.context
        if interview is None or element.context is None:
            return False
        if element.context == "discussion_points":
            return any(self.mentions(point) for point in interview.discussion_points)
        if element.context == "role":
            return self.mentions(interview.role)
        person = (
            interview.candidate if element.context == "candidate" else interview.primary_contact
        )
        return _name_pattern(_names(person.name)).search(self.draft.content, 0, end) is not None

    def _signed(self, element: Element) -> bool:
        """Whether the draft ends with a signature: a name on or after a sign-off, a name alone
        in the last paragraph, or a sign-off and a name ending the last line ("Thanks, Ines")."""
        paragraphs = [p for p in _PARAGRAPH_BREAK.split(self.draft.content) if p.strip()]
        if not paragraphs:  # nothing of the writer's own: all quoted, or all placeholders
            return False
        last = [line.strip() for line in paragraphs[-1].split("\n") if line.strip()]
        if self.context is not None:
            names = _name_pattern(_names(self.context.candidate.name))
            if names.search("\n".join(last[-SIGNATURE_LINES:])):
                return True
        if element.closings is None:
            return False
        own_paragraph = len(paragraphs) > 1
        signed_off = False
        for index, line in enumerate(last[:SIGNATURE_LINES]):
            closing = element.closings.match(line)
            rest = line[closing.end() :].lstrip(" ,.!") if closing else line
            alone = own_paragraph and index == 0
            if (
                rest
                and _NAME_LINE.match(rest)
                and (closing or signed_off or alone or line[0] in "-–—~")
            ):
                return True
            signed_off = signed_off or closing is not None
        return any(
            _NAME_LINE.match(last[-1][found.end() :].lstrip(" ,.!-–—"))
            for found in element.closings.finditer(last[-1])
            if last[-1][found.end() :].strip()
        )


def _excerpt(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= EXCERPT_LIMIT else words[: EXCERPT_LIMIT - 1] + "…"


def _finding(
    rule: Rule, reading: _Reading, start: int, end: int, weighed: tuple[str, ...] = ()
) -> Finding:
    draft = reading.draft
    line, column = draft.position(start)
    end_line, end_column = draft.position(end)
    return Finding(
        rule=rule.id,
        severity=rule.severity_for(draft.kind),
        message=rule.message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        excerpt=_excerpt(draft.text[start:end]),
        sources=rule.sources,
        weighed=weighed,
    )


def _exempt(reading: _Reading, start: int, end: int) -> bool:
    """A topic the interview itself covered (a discussion point) may be raised again, and the
    role's own name ("Litigation Associate") is no topic at all."""
    draft = reading.draft
    if any(first <= start and end <= last for first, last in reading.role_spans):
        return True
    if reading.context is None:
        return False
    topic = stems(draft.voice[start:end])
    covered = (*reading.context.discussion_points, reading.context.role)
    return any(len(topic & stems(point)) >= min(2, len(topic)) for point in covered)


def _phrase_spans(rule: Rule, reading: _Reading) -> list[tuple[int, int]]:
    """Where the rule's phrases match, less the negated, excused and exempt matches."""
    draft = reading.draft
    matchers = [rule.pattern]
    if draft.kind not in SPOKEN_KINDS:
        matchers.append(rule.written_pattern)
    spans = sorted(
        span
        for matcher in matchers
        if matcher is not None
        for span in matcher.spans(draft.voice, draft.lowered, 0, None, draft.sentence_at)
    )
    return [
        (start, end)
        for start, end in spans
        if not (rule.negation and draft.negated_before(start))
        and not reading.excused(rule.unless, start)
        and not (rule.context_exempt and _exempt(reading, start, end))
    ]


def _learned_spans(
    rules: RuleSet, reading: _Reading, model: ToneModel
) -> dict[str, list[tuple[int, int, tuple[str, ...]]]]:
    """Per learned rule, the sentences the model judges to show its category, with the words
    that weighed most: the model reads each sentence once for every rule."""
    kind = reading.draft.kind
    wanted = frozenset(rule.id for rule in rules.rules if rule.learned and kind in rule.kinds)
    found: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
    if not wanted:
        return found
    voice = reading.draft.voice
    for start, end in reading.draft.segments:
        for judgement in model.judge(voice[start:end], wanted):
            found.setdefault(judgement.category, []).append((start, end, judgement.weighed))
    return found


def _learned_findings(
    rule: Rule,
    reading: _Reading,
    judged: list[tuple[int, int, tuple[str, ...]]],
    phrased: list[tuple[int, int]],
) -> Iterator[Finding]:
    """The model's findings for `rule`, but for sentences a phrase of the rule already marked."""
    for start, end, weighed in judged:
        if any(first < end and start < last for first, last in phrased):
            continue
        if rule.context_exempt and _exempt(reading, start, end):
            continue
        yield _finding(rule, reading, start, end, weighed)


def _rule_findings(
    rule: Rule, reading: _Reading, learned: dict[str, list[tuple[int, int, tuple[str, ...]]]]
) -> Iterator[Finding]:
    draft = reading.draft
    if rule.unless_element is not None and reading.present(rule.unless_element):
        return
    if rule.match in ("phrases", "learned"):
        phrased = _phrase_spans(rule, reading)
        for start, end in phrased:
            yield _finding(rule, reading, start, end)
        if rule.learned:
            yield from _learned_findings(rule, reading, learned.get(rule.id, []), phrased)
    elif rule.match == "length":
        limit = reading.rules.limits[draft.kind].max_words
        if draft.words > limit:
            yield _finding(rule, reading, draft.word_spans[limit][0], len(draft.text.rstrip()))
    elif (
        rule.when is None or draft.kind not in rule.when_kinds or reading.present(rule.when)
    ) and not reading.present(str(rule.element)):
        yield _finding(rule, reading, 0, 0)


def _strengths(reading: _Reading, fired: frozenset[str]) -> tuple[str, ...]:
    kind = reading.draft.kind
    return tuple(
        strength.says_for(kind)
        for strength in reading.rules.strengths
        if not strength.unless_rules & fired and reading.present(strength.element)
    )


def check(
    text: str,
    kind: str,
    *,
    context: Interview | None = None,
    rules: RuleSet | None = None,
    model: ToneModel | None = None,
) -> CheckResult:
    """Check one drafted call script, voicemail, email or text against the guidance.

    `context` (the interview) tells the checker the candidate's name, the role, the interviewer
    and the discussion points; `rules` defaults to the built-in rules and `model` to the
    built-in learned model.
    """
    if kind not in DRAFT_KINDS:
        raise InputError("kind", f"unknown kind {kind!r}; use one of {', '.join(DRAFT_KINDS)}")
    if not text.strip():
        raise InputError("text", "the draft is empty")
    rules = rules or builtin_rules()
    reading = _Reading(Draft(text, kind), rules, context)
    learned = _learned_spans(rules, reading, model or builtin_model())
    findings = [
        finding
        for rule in rules.rules
        if kind in rule.kinds
        for finding in _rule_findings(rule, reading, learned)
    ]
    fired = frozenset(finding.rule for finding in findings)
    silenced = {rule.id for rule in rules.rules if rule.unless_rules & fired}
    findings = [finding for finding in findings if finding.rule not in silenced]
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    fired = fired - silenced
    return CheckResult(kind, reading.draft.words, tuple(findings), _strengths(reading, fired))
