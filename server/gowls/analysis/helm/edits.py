"""Edits to values files: insert a missing key at the right nesting."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.findings import TextEdit
from gowls.analysis.helm.documents import ValuesFile
from gowls.syntax.positions import Point, Span
from gowls.syntax.yaml import YamlMapping, YamlScalar


def insert_value(path: Path, doc: ValuesFile, keys: tuple[str, ...]) -> TextEdit | None:
    """An edit adding ``keys`` (the last set to ``null``) under the deepest block mapping of
    ``doc`` that already holds a prefix of them; None when the prefix ends at something else
    (a flow mapping, a scalar) or every key already exists."""
    root = doc.yaml.root
    if root is None:
        return _append(path, doc, 0, keys)
    if not isinstance(root, YamlMapping) or root.flow:
        return None
    mapping, depth = root, 0
    while depth < len(keys):
        pair = mapping.get(keys[depth])
        if pair is None:
            break
        if not isinstance(pair.value, YamlMapping) or pair.value.flow:
            return None
        mapping, depth = pair.value, depth + 1
    if depth == len(keys) or not mapping.pairs or not isinstance(mapping.pairs[0].key, YamlScalar):
        return None
    indent = mapping.pairs[0].key.span.start.column
    last = mapping.pairs[-1].span.end
    return _insert_after(path, doc, last, indent, keys[depth:])


def _lines(indent: int, keys: tuple[str, ...]) -> str:
    out = []
    for i, key in enumerate(keys):
        tail = " null" if i == len(keys) - 1 else ""
        out.append(" " * (indent + 2 * i) + f"{key}:{tail}\n")
    return "".join(out)


def _insert_after(
    path: Path, doc: ValuesFile, end: Point, indent: int, keys: tuple[str, ...]
) -> TextEdit:
    index = doc.index
    if end.column == 0:
        return _insert(path, doc, end, _lines(indent, keys))
    if end.line + 1 < index.line_count:
        return _insert(path, doc, Point(end.line + 1, 0), _lines(indent, keys))
    at = index.point(len(index.data))
    return TextEdit(path, Span(at, at), "\n" + _lines(indent, keys))


def _append(path: Path, doc: ValuesFile, indent: int, keys: tuple[str, ...]) -> TextEdit:
    index = doc.index
    at = index.point(len(index.data))
    sep = "" if not index.data or index.data.endswith(b"\n") else "\n"
    return _insert(path, doc, at, sep + _lines(indent, keys))


def _insert(path: Path, doc: ValuesFile, at: Point, text: str) -> TextEdit:
    """Insert whole lines at ``at``; at the very end of a file that ends with a newline the
    edit is anchored at the end of the last line instead (same result), because editors
    that keep a final newline implicitly (Neovim) add a blank line for an edit past it."""
    index = doc.index
    end = index.point(len(index.data))
    if at == end and at.column == 0 and at.line > 0 and text.endswith("\n"):
        last = index.line_bytes(at.line - 1).rstrip(b"\r\n")
        anchor = Point(at.line - 1, len(last))
        return TextEdit(path, Span(anchor, anchor), "\n" + text[:-1])
    return TextEdit(path, Span(at, at), text)
