"""Helpers for the unit tests: write a small workspace to disk, apply fixes' edits."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from gowls.analysis.findings import Finding, TextEdit
from gowls.syntax.positions import LineIndex

CheckTree = Callable[[Mapping[str, str], str], list[Finding]]


def write_tree(root: Path, files: Mapping[str, str]) -> None:
    """Write ``{"relative/path": "text"}`` below ``root``; a path ending in ``/`` is a dir."""
    for rel, text in files.items():
        target = root / rel
        if rel.endswith("/"):
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))


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
