"""Findings (diagnostics) and fixes, independent of any output format."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

from gowls.syntax.positions import Span


class Severity(IntEnum):
    """How serious a finding is; numbered as LSP numbers them (lower is worse)."""

    ERROR = 1
    WARNING = 2
    INFORMATION = 3
    HINT = 4

    @property
    def label(self) -> str:
        """The lower-case name used in output and configuration."""
        return self.name.lower()

    @staticmethod
    def parse(text: str) -> Severity:
        """Parse ``error``, ``warning``, ``information`` (or ``info``) or ``hint``."""
        key = text.strip().lower()
        if key == "info":
            key = "information"
        try:
            return Severity[key.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}") from None


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace ``span`` of ``path`` with ``new_text`` (an empty span inserts)."""

    path: Path
    span: Span
    new_text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A named set of edits that resolves a finding.

    ``safe`` fixes may be applied without a human looking (``--fix``); the others are
    only offered as code actions.
    """

    title: str
    """Plain text (no Markdown): editors show code action titles verbatim, so backticks a rule
    writes out of habit are dropped here, for every kind."""
    edits: tuple[TextEdit, ...]
    safe: bool = False

    def __post_init__(self) -> None:
        if "`" in self.title:
            object.__setattr__(self, "title", self.title.replace("`", ""))


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding."""

    path: Path
    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one range of one file."""

    path: Path
    span: Span
    severity: Severity
    code: str
    message: str
    fixes: tuple[Fix, ...] = ()
    related: tuple[Related, ...] = field(default=())

    @property
    def fixable(self) -> bool:
        """Whether a safe fix exists."""
        return any(f.safe for f in self.fixes)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by path, position, then code."""
        return (self.path.as_posix(), self.span.start.line, self.span.start.column, self.code)
