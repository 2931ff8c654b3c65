"""What a check finds: findings with positions, strengths, and the contract's JSON and text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from followup.checker.ruleset import SEVERITIES


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a draft. Positions are 1-based characters; the end is exclusive."""

    rule: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    sources: tuple[str, ...]
    #: For a finding of the learned model: the draft's words that counted most for it.
    weighed: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "excerpt": self.excerpt,
            "sources": list(self.sources),
        }
        if self.weighed:
            found["weighed"] = list(self.weighed)
        return found


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The checker's verdict on one draft (`spec/check-json.md`)."""

    kind: str
    words: int
    findings: tuple[Finding, ...]
    strengths: tuple[str, ...]

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error (the CLI then exits 1)."""
        return any(finding.severity == "error" for finding in self.findings)

    @property
    def rule_ids(self) -> frozenset[str]:
        """The ids of every rule that fired."""
        return frozenset(finding.rule for finding in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def to_dict(self) -> dict[str, Any]:
        """Exactly the contract's JSON object."""
        return {
            "kind": self.kind,
            "words": self.words,
            "findings": [finding.to_dict() for finding in self.findings],
            "strengths": list(self.strengths),
        }

    def summary(self) -> str:
        """One line: the counts by severity, then the strengths."""
        counts = []
        for severity in reversed(SEVERITIES):
            number = self.count(severity)
            counts.append(f"{number} {severity}{'' if number == 1 else 's'}")
        verdict = ", ".join(counts) if self.findings else "no problems found"
        line = f"{self.kind}, {self.words} words: {verdict}."
        if self.strengths:
            line += f" Strengths: {'; '.join(self.strengths)}."
        return line

    def to_text(self) -> str:
        """One line per finding (`LINE:COL  severity  rule-id  message`), then the summary."""
        lines = [f"{f.line}:{f.column}  {f.severity}  {f.rule}  {f.message}" for f in self.findings]
        lines.append(self.summary())
        return "\n".join(lines) + "\n"
