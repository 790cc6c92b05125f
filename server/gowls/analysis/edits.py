"""Helpers that build text edits for fixes."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.findings import TextEdit
from gowls.syntax.positions import LineIndex, Point, Span


def delete_lines(path: Path, index: LineIndex, first: int, last: int) -> TextEdit:
    """Delete whole lines ``first``..``last`` (zero-based, inclusive) with their newlines."""
    if last + 1 < index.line_count:
        end = Point(last + 1, 0)
    else:
        end = Point(last, len(index.line_bytes(last)))
        if first > 0:  # no newline after the last line: take the one before it instead
            first_point = Point(first - 1, len(index.line_bytes(first - 1)))
            return TextEdit(path, Span(first_point, end), "")
    return TextEdit(path, Span(Point(first, 0), end), "")


def append_block(path: Path, index: LineIndex, text: str) -> TextEdit:
    """Append ``text`` (ending in a newline) at the end of a file, after a blank line."""
    data = index.data
    end = index.point(len(data))
    sep = "" if not data or data.endswith(b"\n") else "\n"
    lead = "\n" if data else ""
    return TextEdit(path, Span(end, end), f"{sep}{lead}{text}")
