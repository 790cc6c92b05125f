"""Completion in templates (``.Values`` paths, built-in objects, helper names) and in values
files (keys not yet written at the cursor's level, enum values).

Both read the text before the cursor, so half-typed actions and lines work.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

from gowls.analysis.features import Completion, CompletionKind
from gowls.analysis.helm.builtins import BUILTIN_BY_NAME, BUILTINS
from gowls.analysis.helm.documents import (
    TemplateFile,
    ValuesFile,
    chart_model,
    values_root,
)
from gowls.analysis.helm.language import template_chart_root
from gowls.analysis.helm.lookups import defines, schema_node, shown
from gowls.analysis.helm.model import chart_reads, defined_values
from gowls.analysis.helm.values import lookup
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.positions import LineIndex, Point, Span

_VALUES_TAIL = re.compile(r"(?<![\w.)])\$?\.Values((?:\.\w+)*)\.(\w*)$")
_BUILTIN_TAIL = re.compile(r"(?<![\w.)])\$?\.(Release|Chart|Capabilities|Files|Template)\.(\w*)$")
_ROOT_TAIL = re.compile(r"(?<![\w.)])(\$?)\.(\w*)$")
_INCLUDE_TAIL = re.compile(r"\b(?:include|template)\s+\"([^\"]*)$")
_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<word>[\w.-]*)$")
_ITEM_LINE = re.compile(r"^(?P<indent> *)- +(?P<word>[\w.-]*)$")
_VALUE_LINE = re.compile(r"^(?P<indent> *)(?P<key>[\w.-]+):[ \t]+(?P<word>[^\s#\"']*)$")
_KEY_AT = re.compile(r"^(?P<indent> *)(?P<key>[^\s#:'\"-][^:#]*?|\"[^\"]*\"|'[^']*'):(?:\s|$)")


def _before(ctx: RuleContext[Any], point: Point) -> str:
    line = ctx.doc.index.line_bytes(point.line)[: point.column]
    return str(line.decode("utf-8", errors="replace"))


def _replace(point: Point, word: str) -> Span:
    return Span(Point(point.line, point.column - len(word.encode())), point)


# -- templates ------------------------------------------------------------------------------


def _values_keys(ctx: RuleContext[Any], root: Path, path: tuple[str, ...]) -> dict[str, str]:
    """Keys below ``path``: from every values file the chart sees, then the schema."""
    found: dict[str, str] = {}
    view = defined_values(ctx.snapshot, root)
    for data in view.datas:
        below = lookup(data, path)
        if isinstance(below, dict):
            for key, value in below.items():
                found.setdefault(str(key), shown(value, 60))
    node = schema_node(view.schema, path)
    props = node.get("properties") if node is not None else None
    if isinstance(props, dict):
        for key, sub in props.items():
            kind = sub.get("type") if isinstance(sub, dict) else None
            found.setdefault(str(key), f"schema: {kind}" if isinstance(kind, str) else "schema")
    return found


def _dot_is_root(doc: TemplateFile, offset: int) -> bool:
    return not any(
        s.branch.binds_dot and s.branch.keyword != "define" for s in doc.scan.scopes_at(offset)
    )


def complete_template(ctx: RuleContext[Any], point: Point) -> list[Completion]:
    """``.Values`` paths, built-in objects and their fields, and helper names in actions."""
    doc = ctx.doc
    if not isinstance(doc, TemplateFile):
        return []
    before = _before(ctx, point)
    if before.rfind("{{") <= before.rfind("}}"):
        return []
    root = template_chart_root(ctx.snapshot.source, ctx.path)
    if root is None:
        return []
    m = _INCLUDE_TAIL.search(before)
    if m is not None:
        span = _replace(point, m.group(1))
        names = sorted({d.name: d for d in defines(ctx.snapshot, root)}.items())
        return [
            Completion(name, CompletionKind.FUNCTION, f"define in {d.path.name}", span)
            for name, d in names
        ]
    m = _VALUES_TAIL.search(before)
    if m is not None:
        path = tuple(p for p in m.group(1).split(".") if p)
        span = _replace(point, m.group(2))
        keys = _values_keys(ctx, root, path)
        return [Completion(k, CompletionKind.PROPERTY, v, span) for k, v in sorted(keys.items())]
    m = _BUILTIN_TAIL.search(before)
    if m is not None:
        obj = BUILTIN_BY_NAME[m.group(1)]
        span = _replace(point, m.group(2))
        return [
            Completion(f.name, CompletionKind.FIELD, f".{obj.name}.{f.name}", span, f.description)
            for f in obj.fields
        ]
    m = _ROOT_TAIL.search(before)
    offset = doc.index.offset(point)
    if m is not None and (m.group(1) or _dot_is_root(doc, offset)):
        span = _replace(point, m.group(2))
        return [
            Completion(o.name, CompletionKind.FIELD, "built-in object", span, o.description)
            for o in BUILTINS
        ]
    return []


# -- values files ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    indent: int
    key: str | None
    item: bool


def _shape(text: str) -> _Line | None:
    stripped = text.lstrip(" ")
    if not stripped.strip() or stripped.startswith("#"):
        return None
    indent = len(text) - len(stripped)
    item = stripped.startswith("- ") or stripped.rstrip() == "-"
    m = _KEY_AT.match(" " * (indent + 2) + stripped[2:] if item else text)
    key = m.group("key").strip("\"'") if m else None
    return _Line(indent, key, item)


class _Lines(Sequence[str]):
    """The document's lines, each decoded when first read: a request reads the lines around
    the cursor, and of the rest only those :func:`_rows_within` finds."""

    def __init__(self, index: LineIndex) -> None:
        self._index = index
        self._decoded: dict[int, str] = {}

    def __len__(self) -> int:
        return self._index.line_count

    @overload
    def __getitem__(self, n: int) -> str: ...

    @overload
    def __getitem__(self, n: slice) -> list[str]: ...

    def __getitem__(self, n: int | slice) -> str | list[str]:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        if n < 0:
            n += len(self)
        if not 0 <= n < len(self):
            raise IndexError(n)
        text = self._decoded.get(n)
        if text is None:
            raw = self._index.line_bytes(n).decode("utf-8", errors="replace")
            text = self._decoded[n] = raw.rstrip("\r\n")
        return text


def _lines(ctx: RuleContext[Any]) -> _Lines:
    return _Lines(ctx.doc.index)


def _rows_within(index: LineIndex, indent: int) -> list[int]:
    """The lines that do not start with more than ``indent`` spaces, in order (found in the
    bytes at once): the only ones a key at ``indent`` can share a mapping with or be ended
    by; every other line is skipped by :func:`_present` anyway."""
    # Comment and blank lines are skipped too (a subset of what _shape reads as nothing).
    starts = re.compile(rb"^(?! {%d})(?! *(?:#|\r?$))" % (indent + 1), re.MULTILINE)
    data = index.data
    out: list[int] = []
    line = last = 0
    for m in starts.finditer(data):
        line += data.count(b"\n", last, m.start())
        last = m.start()
        out.append(line)
    return out


ValuesAt = tuple[str | int, ...]


def _parent_path(lines: Sequence[str], line: int, indent: int) -> ValuesAt | None:
    """The mapping path a key typed at ``indent`` on ``line`` belongs to, read from the
    indentation above (a list item's mapping is item 0 of its list)."""
    path: list[str | int] = []
    col = indent
    owner = False  # an item was entered: the next key at or left of it holds the list
    for above in range(line - 1, -1, -1):
        if col == 0 and not owner:
            break
        shape = _shape(lines[above])
        if shape is None:
            continue
        if owner:
            if shape.indent > col or (shape.item and shape.indent == col):
                continue
            if shape.item or shape.key is None:
                return None
            path.insert(0, shape.key)
            col, owner = shape.indent, False
            continue
        if shape.item and shape.indent + 2 == col:
            path.insert(0, 0)
            col, owner = shape.indent, True
            continue
        if shape.indent >= col:
            continue
        if shape.item or shape.key is None:
            return None
        path.insert(0, shape.key)
        col = shape.indent
    return tuple(path) if col == 0 and not owner else None


def _present(
    lines: Sequence[str], line: int, indent: int, rows: Sequence[int] | None = None
) -> set[str]:
    """Keys already written in the mapping at the cursor's level (a list item's first key
    included); ``rows``: the lines to look at, in order (default: all; lines indented
    deeper than ``indent`` are skipped either way)."""
    found: set[str] = set()
    rows = range(len(lines)) if rows is None else rows
    at = bisect.bisect_left(rows, line)
    after = at + 1 if at < len(rows) and rows[at] == line else at
    for step, order in ((-1, reversed(rows[:at])), (1, rows[after:])):
        for n in order:
            shape = _shape(lines[n])
            if shape is None or shape.indent > indent:
                continue
            if shape.item and shape.indent + 2 == indent and step == -1 and shape.key:
                found.add(shape.key)
            if shape.indent < indent or shape.item:
                break
            if shape.key is not None:
                found.add(shape.key)
    return found


def _key_candidates(snapshot: Snapshot, root: Path, parent: ValuesAt) -> dict[str, str]:
    chart = chart_model(snapshot, root)
    found: dict[str, str] = {}
    node = schema_node(chart.schema, parent)
    props = node.get("properties") if node is not None else None
    if isinstance(props, dict):
        for key, sub in props.items():
            desc = sub.get("description") if isinstance(sub, dict) else None
            found[str(key)] = desc if isinstance(desc, str) else "declared in values.schema.json"
    for path, _exact in chart_reads(snapshot, root).paths:
        if len(path) > len(parent) and path[: len(parent)] == parent:
            found.setdefault(path[len(parent)], "read by a template")
    return found


def _yaml_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        plain = re.fullmatch(r"[A-Za-z_/][\w./-]*", value) is not None
        if plain and value.lower() not in ("true", "false", "yes", "no", "on", "off", "null"):
            return value
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def _enum_items(schema_entry: dict[str, Any] | None, span: Span) -> list[Completion]:
    if schema_entry is None:
        return []
    options = schema_entry.get("enum")
    if isinstance(options, list):
        return [Completion(_yaml_scalar(v), CompletionKind.VALUE, "enum", span) for v in options]
    if schema_entry.get("type") == "boolean":
        return [Completion(v, CompletionKind.VALUE, "boolean", span) for v in ("true", "false")]
    return []


def complete_values(ctx: RuleContext[Any], point: Point) -> list[Completion]:
    """Keys not yet written at the cursor's level, or the schema's enum values after ``key:``."""
    if not isinstance(ctx.doc, ValuesFile):
        return []
    root = values_root(ctx.snapshot, ctx.path)
    if root is None:
        return []
    before = _before(ctx, point)
    lines = _lines(ctx)
    m = _VALUE_LINE.match(before)
    if m is not None:
        parent = _parent_path(lines, point.line, len(m.group("indent")))
        if parent is None:
            return []
        entry = schema_node(chart_model(ctx.snapshot, root).schema, (*parent, m.group("key")))
        return _enum_items(entry, _replace(point, m.group("word")))
    m = _KEY_LINE.match(before)
    item = _ITEM_LINE.match(before) if m is None else None
    if item is not None:
        # A new list item: its first key, at the item's key column, in a fresh mapping.
        m = item
        indent = len(m.group("indent")) + 2
        # Read as a key typed on the line after a written item (``- _:``) of this list.
        as_item = [*lines[: point.line], " " * (indent - 2) + "- _:"]
        parent = _parent_path(as_item, len(as_item), indent)
        present: set[str] = set()
    elif m is not None:
        indent = len(m.group("indent"))
        parent = _parent_path(lines, point.line, indent)
        present = _present(lines, point.line, indent, _rows_within(ctx.doc.index, indent))
    else:
        return []
    if parent is None:
        return []
    span = _replace(point, m.group("word"))
    candidates = _key_candidates(ctx.snapshot, root, parent)
    return [
        Completion(k, CompletionKind.PROPERTY, v, span, insert_text=f"{k}: ")
        for k, v in sorted(candidates.items())
        if k not in present
    ]
