"""Rule metadata and the registry every rule joins.

The same metadata feeds docs/rules.md, SARIF rule entries, code descriptions in the editor and
configuration by code, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from gowls.analysis.findings import Finding, Fix, Related, Severity
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.positions import Span

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
    """What a rule function receives: the snapshot, the file and its document."""

    snapshot: Snapshot
    path: Path
    doc: D


@dataclass(frozen=True, slots=True)
class Rule(Generic[D]):
    """A registered rule: metadata plus the function that finds problems."""

    info: RuleInfo
    check: Callable[[RuleContext[D], RuleInfo], Iterable[Finding]]


RULES: dict[str, Rule[Any]] = {}


def rule(
    info: RuleInfo,
) -> Callable[
    [Callable[[RuleContext[D], RuleInfo], Iterable[Finding]]],
    Callable[[RuleContext[D], RuleInfo], Iterable[Finding]],
]:
    """Register a rule function under ``info``."""

    def register(
        func: Callable[[RuleContext[D], RuleInfo], Iterable[Finding]],
    ) -> Callable[[RuleContext[D], RuleInfo], Iterable[Finding]]:
        if info.code in RULES:
            raise ValueError(f"rule code {info.code} registered twice")
        RULES[info.code] = Rule(info, func)
        return func

    return register


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


def rules_for(kind: str) -> list[Rule[Any]]:
    """Registered rules of one file kind, in code order."""
    return [r for code, r in sorted(RULES.items()) if r.info.kind == kind]
