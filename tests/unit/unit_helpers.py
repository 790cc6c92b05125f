"""Helpers for the unit tests: apply fixes' edits, columns, the check_tree signature."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from gowls.analysis.findings import Finding, TextEdit
from gowls.syntax.positions import LineIndex

CheckTree = Callable[[Mapping[str, str], str], list[Finding]]


def apply_edits(text: str, edits: tuple[TextEdit, ...] | list[TextEdit]) -> str:
    """Apply non-overlapping edits of one file to its text."""
    index = LineIndex(text)
    data = index.data
    ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end), reverse=True)
    for edit in ordered:
        start, end = index.offset(edit.span.start), index.offset(edit.span.end)
        data = data[:start] + edit.new_text.encode("utf-8") + data[end:]
    return data.decode("utf-8")


def cols(finding: Finding) -> tuple[int, int, int]:
    """(1-based line, 0-based start byte column, 0-based end byte column) of a finding."""
    span = finding.span
    return span.start.line + 1, span.start.column, span.end.column
