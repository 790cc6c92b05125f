"""pygls's incremental ``didChange`` in time proportional to the edit, not to the document.

pygls 2 applies an incremental change by splitting the whole document into lines (one string
per line, ~0.3 ms for 5,000 lines on every keystroke) and writing them all back, one Python
call per line. :func:`apply_incremental_change` gives the same text from line lengths kept
for the document: the edited lines' offsets are sums over that list (in C), the new text is
three slices, and only the lines around the edit are split again to update the lengths.
pygls's position codec converts the client's columns as before, reading only the lines it
asks for. :func:`install` puts it in place of pygls's method once, at import of the server.
``tests/unit/test_textdoc.py`` checks it against pygls's own on random edit sequences.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any, overload

from lsprotocol import types
from pygls.workspace.text_document import TextDocument

_original = TextDocument._apply_incremental_change

_LENGTHS: weakref.WeakKeyDictionary[TextDocument, tuple[str, list[int]]] = (
    weakref.WeakKeyDictionary()
)
"""Per document: the text its line lengths describe (by identity), and the lengths of the
lines ``str.splitlines(keepends=True)`` gives, as pygls counts lines."""


class Lines(Sequence[str]):
    """A text's lines (``splitlines(keepends=True)``), each sliced from the text on demand."""

    def __init__(self, source: str, lengths: list[int]) -> None:
        self.source = source
        self.lengths = lengths

    def __len__(self) -> int:
        return len(self.lengths)

    def start(self, line: int) -> int:
        """The offset of line ``line`` in the text."""
        return sum(self.lengths[:line])

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self.lengths)
        if not 0 <= index < len(self.lengths):
            raise IndexError(index)
        start = self.start(index)
        return self.source[start : start + self.lengths[index]]


def _lengths(source: str) -> list[int]:
    return [len(line) for line in source.splitlines(True)]


def lines_of(document: TextDocument) -> Lines:
    """The document's current lines, from the lengths kept for its text."""
    source = document.source
    kept = _LENGTHS.get(document)
    if kept is None or kept[0] is not source:
        kept = (source, _lengths(source))
        _LENGTHS[document] = kept
    return Lines(source, kept[1])


def apply_incremental_change(
    self: TextDocument, change: types.TextDocumentContentChangePartial
) -> None:
    """Apply an ``Incremental`` change exactly as pygls 2.1 does, reading only the edited
    lines."""
    lines = lines_of(self)
    source, lengths, count = lines.source, lines.lengths, len(lines)
    text = change.text
    where = self._position_codec.range_from_client_units(lines, change.range)
    start_line, start_col = where.start.line, where.start.character
    end_line, end_col = where.end.line, where.end.character
    if start_line == count:  # an edit at the very end of the file
        self._source = source + text
        return
    if start_line > end_line:  # pygls writes every line and drops the text
        return
    start = lines.start(start_line)
    # A column past a line's end stops at its end, as slicing the line does.
    head = source[: start + min(start_col, lengths[start_line])] + text
    if end_line >= count:
        self._source = head
        return
    end = start + sum(lengths[start_line:end_line])
    new = head + source[end + min(end_col, lengths[end_line]) :]
    self._source = new
    # Split again from the line before the edit to the one after it: a "\r" and a "\n" on
    # either side of the edit may now make one line break ("\r\n"). Beyond those lines
    # nothing moved but offsets, and lengths hold no offsets.
    first = max(start_line - 1, 0)
    last = min(end_line + 1, count - 1)
    begin = start - (lengths[first] if first < start_line else 0)
    old_stop = end + sum(lengths[end_line : last + 1])
    stop = old_stop + len(new) - len(source)
    lengths[first : last + 1] = _lengths(new[begin:stop])
    _LENGTHS[self] = (new, lengths)


def install() -> None:
    """Use :func:`apply_incremental_change` for every pygls text document."""
    method: Any = apply_incremental_change
    TextDocument._apply_incremental_change = method  # type: ignore[method-assign]


def original() -> Any:
    """pygls's own method (for the equivalence test)."""
    return _original
