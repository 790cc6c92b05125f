"""Rule metadata, the rule context and the :class:`Rule` objects each kind's ``Language`` lists.

The same metadata feeds docs/rules.md, SARIF rule entries, code descriptions in the editor and
configuration by code, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from gowls.analysis.findings import Finding, Fix, Related, Severity
from gowls.syntax.positions import Span

if TYPE_CHECKING:
    from gowls.analysis.snapshot import Snapshot

DOCS_URL = "https://github.com/gowls/gowls/blob/main/docs/rules.md"

D = TypeVar("D")


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a rule checks and how it reports."""

    code: str
    """Stable code, e.g. ``GW101``."""
    name: str
    """Short kebab-case name, e.g. ``use-dir-missing``."""
    kind: str
    """The file kind the rule runs on (``go.work``, ``go.mod`` ...)."""
    severity: Severity
    summary: str
    """One line: what is wrong."""
    explanation: str
    """Why it matters and what ``go`` does, in a few sentences of Markdown."""
    fix: str = ""
    """How to fix it (and what the quick fix does, if there is one)."""
    example: str = ""
    """A small file that triggers the rule."""

    @property
    def url(self) -> str:
        """Where the rule is documented."""
        return f"{DOCS_URL}#{self.code.lower()}-{self.name}"


@dataclass(frozen=True, slots=True)
class RuleContext(Generic[D]):
    """What a rule or feature receives: the snapshot, the file and its typed document."""

    snapshot: Snapshot
    path: Path
    doc: D


@dataclass(frozen=True, slots=True)
class Rule(Generic[D]):
    """A registered rule: metadata plus the function that finds problems."""

    info: RuleInfo
    check: Callable[[RuleContext[D], RuleInfo], Iterable[Finding]]


def rule(
    info: RuleInfo,
) -> Callable[[Callable[[RuleContext[D], RuleInfo], Iterable[Finding]]], Rule[D]]:
    """Make a rule of a function; the kind's ``Language`` lists it (nothing registers globally)."""

    def make(func: Callable[[RuleContext[D], RuleInfo], Iterable[Finding]]) -> Rule[D]:
        return Rule(info, func)

    return make


def finding(
    info: RuleInfo,
    path: Path,
    span: Span,
    message: str,
    fixes: Iterable[Fix] = (),
    related: Iterable[Related] = (),
    severity: Severity | None = None,
) -> Finding:
    """A finding of rule ``info`` (default severity unless ``severity`` is given)."""
    return Finding(
        path, span, severity or info.severity, info.code, message, tuple(fixes), tuple(related)
    )
