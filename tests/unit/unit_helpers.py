"""Helpers for the unit tests: apply fixes' edits, columns, the check_tree signature, random
edits for the incremental-parse property tests."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from hypothesis import strategies as st

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


def random_edit(data: st.DataObject, text: str, pieces: Sequence[str]) -> str:
    """``text`` after one random edit drawn by hypothesis: up to three ``pieces`` inserted at
    a random offset over up to 30 removed characters, or, inline, up to three characters and
    no piece holding a newline."""
    inline = data.draw(st.booleans())
    usable = [p for p in pieces if not (inline and "\n" in p)]
    insert = "".join(data.draw(st.lists(st.sampled_from(usable), max_size=3)))
    start = data.draw(st.integers(0, len(text)))
    length = data.draw(st.integers(0, 3 if inline else 30))
    return text[:start] + insert + text[start + length :]
