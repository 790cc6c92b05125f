"""Suppression comments: ``// gowls:ignore CODE[,CODE]`` (``# gowls:ignore`` in YAML).

A directive silences the listed codes (or code prefixes; all codes when none are listed) on
its own line when it ends that line as a comment, or on the next line when the comment is
alone on its line::

    use ./generated // gowls:ignore GW102

    // gowls:ignore GW101,GW103
    use ./later
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CODES = rb"[A-Za-z0-9]+(?:[ \t]*,[ \t]*[A-Za-z0-9]+)*"
_DIRECTIVE = re.compile(
    rb"(?P<marker>//|#)[ \t]*gowls:ignore(?![\w-])(?:[ \t:]+(?P<codes>" + _CODES + rb"))?"
)

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


def parse_suppressions(text: bytes) -> Suppressions:
    """Find every ``gowls:ignore`` directive of a file."""
    by_line: dict[int, frozenset[str]] = {}
    if b"gowls:ignore" not in text:
        return Suppressions(by_line)
    for number, raw in enumerate(text.split(b"\n")):
        if b"gowls:ignore" not in raw:
            continue
        match = _DIRECTIVE.search(raw)
        if match is None:
            continue
        group = match.group("codes")
        codes = (
            frozenset(c.strip().decode("ascii").upper() for c in group.split(b","))
            if group
            else ALL_CODES
        )
        before = raw[: match.start()].strip()
        _add(by_line, number, codes)
        if not before:  # a comment line of its own: it also covers the next line
            _add(by_line, number + 1, codes)
    return Suppressions(by_line)


def is_suppressed(text: bytes, line: int, code: str) -> bool:
    """Whether ``code`` is suppressed on zero-based ``line`` of ``text`` (parses every call)."""
    return parse_suppressions(text).covers(line, code)
