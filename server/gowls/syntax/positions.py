"""Positions: the one place where byte columns become editor or CLI columns and back.

Inside gowls every position is a zero-based (line, byte column) pair, which is what
tree-sitter reports.  The LSP layer speaks UTF-16 code units by default (or UTF-8 / UTF-32
when negotiated) and the CLI prints 1-based character columns; both convert here.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass
from enum import Enum
from itertools import accumulate, repeat


class Encoding(Enum):
    """A unit for counting columns."""

    UTF8 = "utf-8"
    UTF16 = "utf-16"
    UTF32 = "utf-32"


@dataclass(frozen=True, order=True, slots=True)
class Point:
    """A zero-based line and byte column."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range between two points of one file."""

    start: Point
    end: Point

    @staticmethod
    def of(start_line: int, start_col: int, end_line: int, end_col: int) -> Span:
        """Build a span from four integers."""
        return Span(Point(start_line, start_col), Point(end_line, end_col))

    def contains(self, point: Point) -> bool:
        """Whether ``point`` lies inside the span (the end counts as inside)."""
        return self.start <= point <= self.end


def _units(text: str, encoding: Encoding) -> int:
    if encoding is Encoding.UTF8:
        return len(text.encode("utf-8"))
    if encoding is Encoding.UTF16:
        return len(text.encode("utf-16-le")) // 2
    return len(text)


class LineIndex:
    """Line starts of a text, for converting between byte offsets, points and unit columns."""

    __slots__ = ("_data", "_starts")

    def __init__(self, text: str | bytes) -> None:
        self._data = text.encode("utf-8") if isinstance(text, str) else text
        # Line i + 1 starts one byte after line i ends: sums over line lengths, all in C
        # (a Python loop per line is a millisecond per keystroke in a 5,000-line file).
        lengths = map(len, self._data.split(b"\n")[:-1])
        self._starts: list[int] = list(accumulate(map(operator.add, lengths, repeat(1)), initial=0))

    @classmethod
    def after_edit(cls, previous: LineIndex, data: bytes, start: int, new_end: int) -> LineIndex:
        """``LineIndex(data)``, where ``data`` is ``previous.data`` with the bytes from ``start``
        replaced by ``data[start:new_end]`` (the rest unchanged): the line starts up to the
        edit are the previous ones, those after it move by the change in length, and only
        the edited bytes are searched for newlines."""
        old = previous._starts
        delta = len(data) - len(previous._data)
        old_end = new_end - delta
        index = cls.__new__(cls)
        index._data = data
        starts = old[: bisect.bisect_right(old, start)]
        at = data.find(b"\n", start, new_end)
        while at >= 0:
            starts.append(at + 1)
            at = data.find(b"\n", at + 1, new_end)
        tail = old[bisect.bisect_right(old, old_end) :]
        starts += [s + delta for s in tail] if delta else tail
        index._starts = starts
        return index

    @property
    def data(self) -> bytes:
        """The UTF-8 bytes of the text."""
        return self._data

    @property
    def line_count(self) -> int:
        """Number of lines (a final line without a newline counts)."""
        return len(self._starts)

    def line_bytes(self, line: int) -> bytes:
        """The bytes of ``line`` without its line ending."""
        if line < 0 or line >= len(self._starts):
            return b""
        start = self._starts[line]
        end = self._starts[line + 1] - 1 if line + 1 < len(self._starts) else len(self._data)
        chunk = self._data[start:end]
        return chunk[:-1] if chunk.endswith(b"\r") else chunk

    def offset(self, point: Point) -> int:
        """The byte offset of a point (clamped to the text)."""
        if point.line >= len(self._starts):
            return len(self._data)
        start = self._starts[point.line]
        line_end = (
            self._starts[point.line + 1] - 1
            if point.line + 1 < len(self._starts)
            else len(self._data)
        )
        return min(start + max(point.column, 0), line_end)

    def point(self, offset: int) -> Point:
        """The point of a byte offset."""
        offset = max(0, min(offset, len(self._data)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return Point(line, offset - self._starts[line])

    def to_units(self, point: Point, encoding: Encoding) -> int:
        """The column of ``point`` counted in ``encoding`` units."""
        if encoding is Encoding.UTF8:
            return point.column
        line, column = point.line, point.column
        if column < 0:  # cut from the line's end, as the slice below always did
            prefix = self.line_bytes(line)[:column]
            return _units(prefix.decode("utf-8", errors="replace"), encoding)
        starts = self._starts
        if not 0 <= line < len(starts):
            return 0
        # The line's prefix is a slice of the text (no copy of the line), and an ASCII
        # prefix counts one unit a byte (no decoding).
        data = self._data
        start = starts[line]
        stop = starts[line + 1] - 1 if line + 1 < len(starts) else len(data)
        end = start + column
        if end >= stop:  # at or past the line's end: the whole line, without its CR
            end = stop - 1 if stop > start and data[stop - 1] == 13 else stop
        prefix = data[start:end]
        if prefix.isascii():
            return end - start
        return _units(prefix.decode("utf-8", errors="replace"), encoding)

    def from_units(self, line: int, units: int, encoding: Encoding) -> Point:
        """The point at column ``units`` (in ``encoding``) of ``line``, clamped to the line."""
        if line >= len(self._starts):
            last = len(self._starts) - 1
            return Point(last, len(self.line_bytes(last)))
        raw = self.line_bytes(line)
        if encoding is Encoding.UTF8:
            return Point(line, min(units, len(raw)))
        text = raw.decode("utf-8", errors="replace")
        count = 0
        for index, char in enumerate(text):
            if count >= units:
                return Point(line, len(text[:index].encode("utf-8")))
            count += 2 if encoding is Encoding.UTF16 and ord(char) > 0xFFFF else 1
        return Point(line, len(raw))
