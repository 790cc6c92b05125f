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


def replace_changed_lines(path: Path, index: LineIndex, new: bytes) -> TextEdit | None:
    """One edit turning the text of ``index`` into ``new``, spanning only the lines between
    the first and the last that differ; None when the texts are equal."""
    old = index.data
    if old == new:
        return None
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    start = sum(len(x) for x in a[:head])
    end = len(old) - sum(len(x) for x in a[len(a) - tail :])
    text = b"".join(b[head : len(b) - tail]).decode("utf-8", "surrogateescape")
    return TextEdit(path, Span(index.point(start), index.point(end)), text)
