"""Wording tree-sitter-yaml's error and missing nodes, and text the tree left out, as problems."""

from __future__ import annotations

from tree_sitter import Node

from gowls.syntax.positions import LineIndex, Point, Span
from gowls.syntax.yaml.build import node_span
from gowls.syntax.yaml.nodes import YamlProblem

_PREFIX = "YAML syntax error: "
_OPENERS = {"[": "]", "{": "}"}
_CLOSERS = frozenset(_OPENERS.values())
_QUOTES = {'"': "double-quoted", "'": "single-quoted"}
_WHITESPACE = b" \t\r\n"


def _snippet(data: bytes, start: int) -> str:
    end = data.find(b"\n", start)
    line = data[start : len(data) if end < 0 else end].rstrip(b"\r \t")
    text = line.decode("utf-8", errors="replace")
    return text if len(text) <= 30 else text[:29] + "…"


def _line_span(index: LineIndex, start: int, end: int) -> Span:
    """``[start, end)`` cut at the end of the start's line."""
    first = index.point(start)
    last = index.point(end)
    if last.line != first.line:
        last = Point(first.line, len(index.line_bytes(first.line)))
    return Span(first, last)


def describe_error(node: Node, data: bytes, index: LineIndex) -> YamlProblem | None:
    """The problem an ERROR node stands for, or None when only its surroundings are wrong."""
    opened: list[Node] = []
    for child in node.children:
        kind = child.type
        if kind in _QUOTES and not child.is_named:
            message = f"{_PREFIX}unclosed {_QUOTES[kind]} string"
            return YamlProblem(_line_span(index, child.start_byte, node.end_byte), message)
        if kind in _OPENERS:
            opened.append(child)
        elif kind in _CLOSERS:
            if opened and _OPENERS[opened[-1].type] == kind:
                opened.pop()
            else:
                return YamlProblem(node_span(child), f'{_PREFIX}unexpected "{kind}"')
    if opened:
        bracket = opened[-1]
        return YamlProblem(node_span(bracket), f'{_PREFIX}unclosed "{bracket.type}"')
    if node.parent is None:
        return None
    start = node.start_byte
    while start < node.end_byte and data[start] in _WHITESPACE:
        start += 1
    message = f'{_PREFIX}unexpected "{_snippet(data, start)}"'
    return YamlProblem(_line_span(index, start, node.end_byte), message)


def tree_problems(root: Node, data: bytes, index: LineIndex) -> list[YamlProblem]:
    """Problems for the error and missing nodes of a tree (iteratively: trees can be deep)."""
    out: list[YamlProblem] = []
    if not root.has_error:
        return out
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_missing:
            out.append(YamlProblem(node_span(node), f'{_PREFIX}missing "{node.type}"'))
            continue
        if node.type == "ERROR":
            problem = describe_error(node, data, index)
            if problem is not None:
                out.append(problem)
                continue
        stack.extend(c for c in reversed(node.children) if c.has_error or c.is_missing)
    return out


def first_leftover(data: bytes, start: int) -> int | None:
    """The first non-blank byte at or after ``start`` (text the tree did not take in)."""
    n = len(data)
    while start < n and data[start] in _WHITESPACE:
        start += 1
    return start if start < n else None


def leftover_problem(data: bytes, offset: int, index: LineIndex) -> YamlProblem:
    """Word the text at ``offset`` that the parser stopped before."""
    point = index.point(offset)
    line = index.line_bytes(point.line)
    byte = data[offset]
    span = _line_span(index, offset, offset + 1)
    indent = line[: len(line) - len(line.lstrip(b" \t"))]
    if b"\t" in indent and point.column <= len(indent):
        start = Point(point.line, indent.index(b"\t"))
        return YamlProblem(
            Span(start, Point(point.line, start.column + 1)),
            f"{_PREFIX}tabs are not allowed for indentation",
        )
    if byte < 0x20 or byte == 0x7F:
        return YamlProblem(span, f"{_PREFIX}control characters are not allowed")
    if byte >= 0x80:
        try:
            data[offset : offset + 4].decode("utf-8", errors="strict")
        except UnicodeDecodeError as exc:
            if exc.start == 0:
                return YamlProblem(span, f"{_PREFIX}invalid UTF-8")
    message = f'{_PREFIX}unexpected "{_snippet(data, offset)}" (wrong indentation?)'
    return YamlProblem(_line_span(index, offset, len(data)), message)


def utf8_problem(data: bytes, index: LineIndex) -> YamlProblem | None:
    """A problem at the first invalid UTF-8 byte, if any."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        point = index.point(exc.start)
        return YamlProblem(
            Span(point, Point(point.line, point.column + 1)), f"{_PREFIX}invalid UTF-8"
        )
    return None


SCANNER_DEPTH_LIMIT = 200
"""tree-sitter-yaml 0.7's scanner overflows its state buffer (and crashes the process) past
about 250 nested block levels, so lines deeper than this are blanked before parsing."""


def blank_deep_lines(data: bytes, index: LineIndex) -> tuple[bytes, YamlProblem | None]:
    """``data`` with lines nested deeper than :data:`SCANNER_DEPTH_LIMIT` blanked out.

    The depth is over-estimated from indentation alone, which is all that is safe before
    parsing: each line deeper than the lines above it opens one level plus one per leading
    ``- `` or ``? ``, and those levels stay open for the lines below it (``- x:`` nested line
    after line opens a sequence and a mapping each time: counting only the indentation let
    10,000 such lines through, and the scanner crashed).
    """
    stack: list[tuple[int, int]] = []
    """(indentation, levels opened) of the lines enclosing the current one."""
    total = 0
    patched: bytearray | None = None
    problem: YamlProblem | None = None
    limit = SCANNER_DEPTH_LIMIT
    for line in range(index.line_count):
        raw = index.line_bytes(line)
        body = raw.lstrip(b" ")
        if not body or body[0] in b"#\t":
            continue
        indent = len(raw) - len(body)
        while stack and stack[-1][0] >= indent:  # siblings and deeper lines are closed
            total -= stack.pop()[1]
        levels = 1
        pos = 0
        while body[pos : pos + 1] in (b"-", b"?") and body[pos + 1 : pos + 2] in (b" ", b""):
            levels += 1
            pos += 2
        if total + levels > limit:
            start = index.offset(Point(line, indent))
            if patched is None:
                patched = bytearray(data)
                span = Span(Point(line, indent), Point(line, len(raw)))
                message = f"YAML nesting is too deep (more than {limit} levels)"
                problem = YamlProblem(span, message)
            patched[start : start + len(body)] = b" " * len(body)
            continue
        stack.append((indent, levels))
        total += levels
    return (data if patched is None else bytes(patched)), problem
