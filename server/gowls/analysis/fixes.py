"""Applying fixes to text: pure functions from bytes and edits to bytes.

Several fixes may be offered for one file. :func:`plan_fixes` takes the safe ones in finding
order, keeps those whose edits overlap no fix already taken (a fix is taken whole or not at
all, across files), and applies them. The caller re-analyses the result and plans again until
nothing changes (``gowls --check --fix`` does at most :data:`MAX_ROUNDS` rounds).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gowls.analysis.findings import Finding, Fix, TextEdit
from gowls.syntax.positions import LineIndex

MAX_ROUNDS = 10
"""How many rounds of fix → re-analysis a caller should run at most."""


class OverlapError(ValueError):
    """Two edits of one file overlap, so there is no single order to apply them in."""


Range = tuple[int, int]
"""A half-open byte range of a file."""


def overlaps(a: Range, b: Range) -> bool:
    """Whether two edits conflict: their ranges intersect, or both insert at one offset."""
    if a[0] < b[1] and b[0] < a[1]:
        return True
    return a[0] == a[1] == b[0] == b[1]


def byte_range(index: LineIndex, edit: TextEdit) -> Range:
    """The byte offsets of an edit's span."""
    start, end = index.offset(edit.span.start), index.offset(edit.span.end)
    return (start, max(start, end))


def apply_edits(data: bytes, edits: Sequence[TextEdit]) -> bytes:
    """Apply non-overlapping edits of one file to its bytes (raises :class:`OverlapError`)."""
    index = LineIndex(data)
    placed = sorted((byte_range(index, e), e.new_text.encode("utf-8")) for e in edits)
    for (left, _), (right, _) in itertools.pairwise(placed):
        if overlaps(left, right):
            raise OverlapError(f"edits at bytes {left} and {right} overlap")
    out = bytearray(data)
    for (start, end), text in reversed(placed):
        out[start:end] = text
    return bytes(out)


def _signature(fix: Fix) -> tuple[tuple[Path, int, int, int, int, str], ...]:
    return tuple(
        sorted(
            (
                e.path,
                e.span.start.line,
                e.span.start.column,
                e.span.end.line,
                e.span.end.column,
                e.new_text,
            )
            for e in fix.edits
        )
    )


@dataclass(slots=True)
class FixPlan:
    """The outcome of one round: fixes taken, findings they resolve, the new file bytes."""

    applied: list[Fix] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    """Findings whose safe fix was applied (or an identical one from another finding)."""
    texts: dict[Path, bytes] = field(default_factory=dict)
    """New bytes of every file the round changed."""


def safe_fix(finding: Finding) -> Fix | None:
    """The first safe fix of a finding, if any."""
    return next((f for f in finding.fixes if f.safe and f.edits), None)


def plan_fixes(findings: Iterable[Finding], texts: Mapping[Path, bytes]) -> FixPlan:
    """Take each finding's safe fix unless it overlaps one taken, and apply them to ``texts``.

    ``texts`` holds the current bytes of the files that may change; a fix with an edit in any
    other file is left alone.
    """
    plan = FixPlan()
    indexes: dict[Path, LineIndex] = {}
    taken: dict[Path, list[Range]] = {}
    seen: set[tuple[tuple[Path, int, int, int, int, str], ...]] = set()
    edits: dict[Path, list[TextEdit]] = {}
    for finding in findings:
        fix = safe_fix(finding)
        if fix is None:
            continue
        signature = _signature(fix)
        if signature in seen:  # the same edits offered for another finding
            plan.resolved.append(finding)
            continue
        if any(e.path not in texts for e in fix.edits):
            continue
        ranges: list[tuple[Path, Range]] = []
        for edit in fix.edits:
            index = indexes.get(edit.path)
            if index is None:
                index = indexes[edit.path] = LineIndex(texts[edit.path])
            ranges.append((edit.path, byte_range(index, edit)))
        conflict = any(
            overlaps(r, other) for path, r in ranges for other in taken.get(path, ())
        ) or any(
            overlaps(a[1], b[1]) and a[0] == b[0]
            for i, a in enumerate(ranges)
            for b in ranges[i + 1 :]
        )
        if conflict:
            continue
        for path, r in ranges:
            taken.setdefault(path, []).append(r)
        for edit in fix.edits:
            edits.setdefault(edit.path, []).append(edit)
        seen.add(signature)
        plan.applied.append(fix)
        plan.resolved.append(finding)
    for path, file_edits in edits.items():
        new = apply_edits(texts[path], file_edits)
        if new != texts[path]:
            plan.texts[path] = new
    return plan
