"""Wording tree-sitter-yaml's error and missing nodes, and text the tree left out, as problems."""

from __future__ import annotations

import re

from tree_sitter import Node

from gowls.syntax.positions import LineIndex, Point, Span
from gowls.syntax.yaml.build import MAX_DEPTH, node_span
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


def _unclosed(node: Node) -> tuple[list[Node], Node | None]:
    """The openers among ``node``'s children left unclosed, and a stray closer if any."""
    opened: list[Node] = []
    for child in node.children:
        kind = child.type
        if kind in _OPENERS:
            opened.append(child)
        elif kind in _CLOSERS:
            if opened and _OPENERS[opened[-1].type] == kind:
                opened.pop()
            else:
                return opened, child
    return opened, None


_WHOLE = frozenset(
    {"block_mapping_pair", "block_sequence_item", "flow_pair", "block_node", "flow_node", "comment"}
)


def describe_error(node: Node, data: bytes, index: LineIndex) -> YamlProblem | None:
    """The problem an ERROR node stands for, or None when only its surroundings are wrong."""
    for child in node.children:
        if child.type in _QUOTES and not child.is_named:
            message = f"{_PREFIX}unclosed {_QUOTES[child.type]} string"
            return YamlProblem(_line_span(index, child.start_byte, node.end_byte), message)
    opened, stray = _unclosed(node)
    if stray is not None:
        return YamlProblem(node_span(stray), f'{_PREFIX}unexpected "{stray.type}"')
    if opened:
        bracket = opened[-1]
        return YamlProblem(node_span(bracket), f'{_PREFIX}unclosed "{bracket.type}"')
    if node.parent is None:
        return None
    after = node.next_sibling
    if after is not None and all(c.type in _WHOLE for c in node.children):
        # the error node holds only sound pieces: what follows it is what went wrong
        while after.child_count:
            after = after.children[0]
        start = after.start_byte
        shown = after.type if not after.is_named else _snippet(data, start)
        message = f'{_PREFIX}unexpected "{shown}"'
        return YamlProblem(_line_span(index, start, max(after.end_byte, start + 1)), message)
    start = node.start_byte
    while start < node.end_byte and data[start] in _WHITESPACE:
        start += 1
    message = f'{_PREFIX}unexpected "{_snippet(data, start)}"'
    return YamlProblem(_line_span(index, start, node.end_byte), message)


_COMPLETE = frozenset(
    {"block_mapping_pair", "block_sequence_item", "flow_pair", "comment", "document", ":", "-"}
)


def root_error_culprit(root: Node, data: bytes, index: LineIndex) -> tuple[int, YamlProblem, bytes]:
    """For a root error node: where to blank (to the line's end), the problem there, and the
    closing brackets to add at the end of the text instead of blanking (or ``b""``).

    Brackets left open by the last lines of the text are closed there (so the items typed so
    far survive); a quote or a bracket left open earlier is blanked from where it opens;
    otherwise the last loose piece (a node that is not a key, a stray token) is blanked,
    usually a half-typed line.
    """
    described = describe_error(root, data, index)
    if described is not None:
        start = index.offset(described.span.start)
        opened, _ = _unclosed(root)
        if (
            opened
            and described.message.startswith(f"{_PREFIX}unclosed")
            and _runs_to_end(data, index, opened[0])
        ):
            closers = "".join(_OPENERS[o.type] for o in reversed(opened)).encode()
            return start, described, closers
        return start, described, b""
    children = root.children
    chosen = children[-1] if children else root
    for i in range(len(children) - 1, -1, -1):
        child = children[i]
        is_key = i + 1 < len(children) and children[i + 1].type == ":"
        if child.type not in _COMPLETE and not is_key:
            chosen = child
            break
    line = chosen.start_point[0]
    raw = index.line_bytes(line)
    start = index.offset(Point(line, len(raw) - len(raw.lstrip(b" \t"))))
    message = f'{_PREFIX}unexpected "{_snippet(data, start)}"'
    return start, YamlProblem(_line_span(index, start, len(data)), message), b""


def _runs_to_end(data: bytes, index: LineIndex, opener: Node) -> bool:
    """Whether no line after the opener's starts a new block entry (is indented at most as
    much as the opener's line), so closing the bracket at the end of the text is right."""
    line = opener.start_point[0]
    first = index.line_bytes(line)
    indent = len(first) - len(first.lstrip(b" "))
    for later in range(line + 1, index.line_count):
        raw = index.line_bytes(later)
        body = raw.lstrip(b" ")
        if body and not body.startswith(b"#") and len(raw) - len(body) <= indent:
            return False
    return True


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
    message = f'{_PREFIX}unexpected "{_snippet(data, offset)}"'
    if point.column == len(indent):
        message += " (wrong indentation?)"
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


def _bound(longest: int) -> int:
    """An upper bound of the depth :func:`blank_deep_lines` counts when the longest run of
    spaces, ``-`` and ``?`` starting a line is ``longest`` (P): the lines enclosing a line have
    smaller indentations, so at most P + 1 of them are open at once, each opening at most
    1 + (P + 1) // 2 levels."""
    return (longest + 1) * (1 + (longest + 1) // 2)


_SAFE_RUN = max(p for p in range(SCANNER_DEPTH_LIMIT + 1) if _bound(p) <= SCANNER_DEPTH_LIMIT)
"""The longest line-starting run whose bound is within the limit (the bound grows with it)."""
_LONGER_RUN = re.compile(rb"\n[ ?-]{%d}" % (_SAFE_RUN + 1))
"""A line starting with a longer run (found from its newline: a literal the search skips to,
where a ``^`` would be tried at every byte)."""


def _may_be_too_deep(data: bytes) -> bool:
    """Whether :func:`_bound` of the longest line-starting run exceeds the limit, found
    without a loop in Python."""
    head = data[: _SAFE_RUN + 1]
    return len(head) - len(head.lstrip(b" ?-")) > _SAFE_RUN or bool(_LONGER_RUN.search(data))


def blank_deep_lines(data: bytes, index: LineIndex) -> tuple[bytes, YamlProblem | None]:
    """``data`` with lines nested deeper than :data:`SCANNER_DEPTH_LIMIT` blanked out.

    The depth is over-estimated from indentation alone, which is all that is safe before
    parsing: each line deeper than the lines above it opens one level plus one per leading
    ``- `` or ``? ``, and those levels stay open for the lines below it (``- x:`` nested line
    after line opens a sequence and a mapping each time: counting only the indentation let
    10,000 such lines through, and the scanner crashed).
    """
    if not _may_be_too_deep(data):
        return data, None
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
                # the builder's own limit, lower than this one, is the one worth naming
                message = f"YAML nesting is too deep (more than {MAX_DEPTH} levels)"
                problem = YamlProblem(span, message)
            patched[start : start + len(body)] = b" " * len(body)
            continue
        stack.append((indent, levels))
        total += levels
    return (data if patched is None else bytes(patched)), problem
