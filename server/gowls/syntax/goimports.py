"""The package clause and import paths of a Go source file, with ranges (no type checking,
no full parse).

Go requires imports right after the package clause, so the scanner reads comments, the
``package`` clause and ``import`` declarations (single or parenthesised, with optional names
``_``, ``.`` or an identifier) and stops at the first other declaration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gowls.syntax.gostrings import UnquoteError, unquote
from gowls.syntax.positions import LineIndex, Span

_TOKEN = re.compile(
    rb"""
    (?P<space>[ \t\r\n]+)
  | (?P<line_comment>//[^\n]*)
  | (?P<block_comment>/\*.*?\*/)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|`[^`]*`)
  | (?P<punct>[();.])
  | (?P<word>[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_PACKAGE = re.compile(rb"\A(?:\s+|//[^\n]*(?:\n|\Z)|/\*.*?\*/)*package\s+(\w+)", re.S)

MAX_HEADER = 1 << 20
"""Bytes of a file read for its imports (an import block is never this long)."""


@dataclass(frozen=True, slots=True)
class GoImport:
    """One imported path and the span of its string literal."""

    path: str
    span: Span


def package_name(data: bytes) -> str | None:
    """The name of the file's package clause (after any leading comments), or None."""
    found = _PACKAGE.match(data)
    return found.group(1).decode() if found is not None else None


def scan_imports(data: bytes) -> list[GoImport]:
    """Every import of a Go file, in order; stops at the first non-import declaration."""
    head = data[:MAX_HEADER]
    index = LineIndex(head)
    tokens = [
        (m.lastgroup, m.start(), m.end(), m.group())
        for m in _TOKEN.finditer(head)
        if m.lastgroup not in ("space", "line_comment", "block_comment")
    ]
    out: list[GoImport] = []
    pos = 0
    if pos < len(tokens) and tokens[pos][3] == b"package":
        pos += 2
    while pos < len(tokens):
        text = tokens[pos][3]
        if text == b";":
            pos += 1
            continue
        if text != b"import":
            break
        pos += 1
        if pos < len(tokens) and tokens[pos][3] == b"(":
            pos += 1
            while pos < len(tokens) and tokens[pos][3] != b")":
                pos = _spec(tokens, pos, index, out)
            pos += 1
        else:
            pos = _spec(tokens, pos, index, out)
    return out


_Tokens = list[tuple[str | None, int, int, bytes]]


def _spec(tokens: _Tokens, pos: int, index: LineIndex, out: list[GoImport]) -> int:
    """Read one import spec (``[name] "path"``) starting at ``pos``; returns the next position."""
    if (
        pos < len(tokens)
        and tokens[pos][0] in ("word", "punct")
        and tokens[pos][3] not in (b")", b";")
    ):
        pos += 1  # the import name (_, . or an identifier)
    if pos < len(tokens) and tokens[pos][0] == "string":
        _, start, end, raw = tokens[pos]
        try:
            path = unquote(raw.decode("utf-8"))
        except (UnquoteError, UnicodeDecodeError):
            path = ""
        if path:
            out.append(GoImport(path, Span(index.point(start), index.point(end))))
        return pos + 1
    return pos + 1
