"""Suppression comments: ``gowls:ignore CODE[,CODE]`` in a real comment of the file's kind.

The comment tokens come from each kind's syntax layer (``// …`` in go.mod and go.work, ``# …``
in YAML, ``{{/* … */}}`` in Go templates), never from a regex over raw lines, so text inside a
string is never a directive. A directive silences the listed codes (or code prefixes; all
codes when none are listed) on its own line when it ends a line of code, or on the next line
when the comment is alone on its line::

    use ./generated // gowls:ignore GW102

    // gowls:ignore GW101,GW103
    use ./later
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gowls.syntax.comments import CommentToken
from gowls.syntax.positions import LineIndex

if TYPE_CHECKING:
    from gowls.analysis.language import Document

_CODES = r"[A-Za-z0-9]+(?:[ \t]*,[ \t]*[A-Za-z0-9]+)*"
_DIRECTIVE = re.compile(r"^[ \t]*gowls:ignore(?![\w-])(?:[ \t:]+(?P<codes>" + _CODES + r"))?")

ALL_CODES: frozenset[str] = frozenset({"*"})
"""The code set of a directive that lists no codes."""


@dataclass(frozen=True, slots=True)
class Suppressions:
    """Which codes are silenced on which zero-based lines of one file."""

    by_line: dict[int, frozenset[str]]

    def covers(self, line: int, code: str) -> bool:
        """Whether a finding of ``code`` starting on ``line`` is suppressed."""
        codes = self.by_line.get(line)
        if not codes:
            return False
        return codes is ALL_CODES or any(code.startswith(c) for c in codes)


def _add(by_line: dict[int, frozenset[str]], line: int, codes: frozenset[str]) -> None:
    have = by_line.get(line)
    if have is ALL_CODES or codes is ALL_CODES:
        by_line[line] = ALL_CODES
    else:
        by_line[line] = codes | (have or frozenset())


def parse_suppressions(index: LineIndex, comments: Iterable[CommentToken]) -> Suppressions:
    """Every ``gowls:ignore`` directive among a file's comments."""
    by_line: dict[int, frozenset[str]] = {}
    for comment in comments:
        if "gowls:ignore" not in comment.body:
            continue
        match = _DIRECTIVE.match(comment.body)
        if match is None:
            continue
        group = match.group("codes")
        codes = frozenset(c.strip().upper() for c in group.split(",")) if group else ALL_CODES
        line = comment.span.start.line
        _add(by_line, line, codes)
        before = index.line_bytes(line)[: comment.span.start.column]
        if not before.strip():  # a comment line of its own: it also covers the next line
            _add(by_line, comment.span.end.line + 1, codes)
    return Suppressions(by_line)


_NONE = Suppressions({})


def suppressions_of(doc: Document) -> Suppressions:
    """The suppressions of a parsed document."""
    if b"gowls:ignore" not in doc.index.data:
        return _NONE  # a directive is in a comment's text, so in the file's bytes
    return parse_suppressions(doc.index, doc.comments())
