"""Completion and hover in a GoReleaser configuration, from the model.

Completion offers the keys not yet present at the cursor's level (found from indentation, so
it works on half-typed lines), the values of enumerated keys, and template fields inside
``{{ }}``. Hover shows a key's description, type, default, version and Pro status, and a
template field's meaning.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from gowls.analysis.features import Completion, CompletionKind, HoverInfo
from gowls.analysis.goreleaser.deprecations import deprecation_at
from gowls.analysis.goreleaser.documents import ConfigDocument
from gowls.analysis.goreleaser.model import Enum, Field, ListOf, Node, OneOf, Scalar
from gowls.analysis.goreleaser.query import PathPart, lookup, lookup_field, owner_object
from gowls.analysis.goreleaser.templates import FIELDS, FIELDS_BY_NAME, PIPE_FIELDS, root_fields
from gowls.analysis.registry import RuleContext
from gowls.syntax.positions import Point, Span
from gowls.syntax.yaml import YamlDocument, YamlScalar

_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<word>[A-Za-z0-9_]*)$")
_VALUE_LINE = re.compile(
    r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z0-9_]+):\s+(?P<word>[^\s#]*)$"
)
_ITEM_LINE = re.compile(r"^(?P<indent>\s*)-\s+(?P<word>[^\s#:]*)$")
_TEMPLATE_TAIL = re.compile(r"\{\{[^}]*?\.(?P<word>[A-Za-z0-9_]*)$")
_KEY_AT = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z0-9_]+):(\s|$)")


def _doc(ctx: RuleContext[Any]) -> YamlDocument | None:
    return ctx.doc.yaml if isinstance(ctx.doc, ConfigDocument) else None


def _line_text(doc: YamlDocument, point: Point) -> str:
    return doc.index.line_bytes(point.line)[: point.column].decode("utf-8", errors="replace")


@dataclass(frozen=True, slots=True)
class _Line:
    indent: int
    dash: bool
    key: str | None

    @property
    def key_col(self) -> int:
        return self.indent + 2 if self.dash else self.indent


def _read_line(text: str) -> _Line | None:
    """The shape of a block YAML line, or None when blank or a comment."""
    stripped = text.lstrip(" ")
    if not stripped.strip() or stripped.startswith("#"):
        return None
    indent = len(text) - len(stripped)
    dash = stripped.startswith("- ") or stripped.rstrip() == "-"
    m = _KEY_AT.match(text)
    return _Line(indent, dash, m.group("key") if m else None)


_split: tuple[bytes, list[bytes]] = (b"", [b""])
"""The last text split into lines (requests come in runs on one document)."""


def _raw_lines(doc: YamlDocument) -> list[bytes]:
    """The document's lines, ``\\r`` left on (it never decides whether a line starts with
    spaces): the walks below skip most lines with a ``startswith`` on these."""
    global _split
    data, lines = _split
    if data is not doc.index.data:
        data = doc.index.data
        lines = data.split(b"\n")
        _split = (data, lines)
    return lines


_shallow: dict[int, tuple[bytes, list[int]]] = {}
"""By width, the last text's lines that do not start with that many spaces."""


def _shallow_lines(doc: YamlDocument, width: int) -> list[int]:
    """The lines of the document that do not start with ``width`` spaces, in order (found
    by the regex engine in C: in a long file most lines are deeper than the level asked)."""
    data = doc.index.data
    known = _shallow.get(width)
    if known is not None and known[0] is data:
        return known[1]
    pattern = re.compile(rb"\n(?! {%d})" % width)
    lines = [] if data.startswith(b" " * width) else [0]
    point = doc.index.point
    lines += [point(m.end()).line for m in pattern.finditer(data)]
    if len(_shallow) > 8:
        _shallow.clear()
    _shallow[width] = (data, lines)
    return lines


def _line(doc: YamlDocument, n: int) -> str:
    return doc.index.line_bytes(n).decode("utf-8", errors="replace")


def _parent_path(
    doc: YamlDocument, line: int, indent: int, dash: bool
) -> tuple[PathPart, ...] | None:
    """The path of the mapping a key typed on ``line`` belongs to, read from indentation.

    Works on half-typed text, where the parse cannot be trusted. A new ``- `` item (``dash``)
    belongs to the list of the key above it; list items are all taken as item 0, enough to
    find the model.
    """
    path: list[PathPart] = [0] if dash else []
    item_col: int | None = indent if dash else None
    key_col: int | None = None if dash else indent
    raw: list[bytes] | None = None
    for above in range(line - 1, -1, -1):
        if item_col is None and key_col == 0:
            break  # at the top level: nothing above is a parent (a 5,000-line file is long)
        # A line indented past an item's dash, or at least as far as the key whose parent
        # is sought, is passed over below whatever it holds: it is skipped unread.
        raw = raw if raw is not None else _raw_lines(doc)
        width = item_col + 1 if item_col is not None else key_col or 0
        if raw[above].startswith(b" " * width):
            continue
        shape = _read_line(_line(doc, above))
        if shape is None:
            continue
        if item_col is not None:
            if shape.indent > item_col or (shape.dash and shape.indent == item_col):
                continue
            if shape.key is None:
                return None
            path.insert(0, shape.key)
            item_col = None
            key_col = shape.key_col
            if shape.dash:
                path.insert(0, 0)
                item_col, key_col = shape.indent, None
            continue
        assert key_col is not None
        if shape.dash and shape.key_col == key_col:
            path.insert(0, 0)
            item_col, key_col = shape.indent, None
            continue
        if shape.key_col >= key_col or shape.indent >= key_col:
            continue
        if shape.key is None:
            return None
        path.insert(0, shape.key)
        key_col = shape.key_col
        if shape.dash:
            path.insert(0, 0)
            item_col, key_col = shape.indent, None
    if item_col is not None or (key_col not in (0, None)):
        return None
    return tuple(path)


def _present_keys(doc: YamlDocument, line: int, indent: int, dash: bool) -> set[str]:
    """Keys already written at the cursor's level (same mapping), read from indentation."""
    col = indent + 2 if dash else indent
    found: set[str] = set()
    if dash:
        return found
    # a line indented past the cursor's level cannot matter: only the others are read
    shallow = _shallow_lines(doc, col + 1)
    at = bisect.bisect_left(shallow, line)
    above = shallow[at - 1 :: -1] if at else []
    below = shallow[at + 1 if at < len(shallow) and shallow[at] == line else at :]
    for step, lines in ((-1, above), (1, below)):
        for n in lines:
            data = doc.index.line_bytes(n)
            shape = _read_line(data.decode("utf-8", errors="replace"))
            if shape is None:
                continue
            if shape.key_col < col or (shape.dash and shape.key_col == col and step == 1):
                if shape.dash and shape.key_col == col and shape.key:
                    found.add(shape.key)
                break
            if shape.key_col == col and shape.key:
                found.add(shape.key)
                if shape.dash:
                    break
    return found


def _field_item(f: Field, replace: Span) -> Completion:
    notes = []
    if f.pro:
        notes.append("Pro")
    if f.since:
        notes.append(f"since v{f.since}")
    detail = f.node.label + (f" ({', '.join(notes)})" if notes else "")
    return Completion(
        f.key,
        CompletionKind.PROPERTY,
        detail,
        replace,
        documentation=f"{f.description}\n\n{f.docs}",
        sort_text=("1" if f.pro or deprecation_at((f.key,)) else "0") + f.key,
        insert_text=f"{f.key}: ",
    )


def _enum_of(node: Node | None) -> Enum | None:
    if isinstance(node, Enum):
        return node
    if isinstance(node, ListOf):
        return _enum_of(node.item)
    if isinstance(node, OneOf):
        for option in node.options:
            found = _enum_of(option)
            if found is not None:
                return found
    return None


def _value_items(node: Node | None, replace: Span) -> list[Completion]:
    enum = _enum_of(node)
    if enum is not None:
        return [
            Completion(v, CompletionKind.VALUE, enum.name, replace)
            for v in (*enum.values, *enum.pro_values)
            if v
        ]
    if isinstance(node, Scalar) and node.kind == "bool":
        return [Completion(v, CompletionKind.VALUE, "boolean", replace) for v in ("true", "false")]
    return []


def complete(ctx: RuleContext[Any], point: Point) -> list[Completion]:
    """Keys, values or template fields for the cursor at ``point``."""
    doc = _doc(ctx)
    if doc is None:
        return []
    before = _line_text(doc, point)
    tail = _TEMPLATE_TAIL.search(before)
    if tail is not None:
        word = tail.group("word")
        span = Span(Point(point.line, point.column - len(word.encode())), point)
        section = _section(doc, point)
        items = [
            Completion(f.name, CompletionKind.FIELD, "template field", span, f.description)
            for f in FIELDS
        ]
        items += [
            Completion(n, CompletionKind.FIELD, f"{section} field", span)
            for n in PIPE_FIELDS.get(section, ())
        ]
        return items
    m = _VALUE_LINE.match(before)
    if m is not None:
        word = m.group("word")
        dash = bool(m.group("dash"))
        parent = _parent_path(doc, point.line, len(m.group("indent")), dash)
        span = Span(Point(point.line, point.column - len(word.encode())), point)
        if parent is None:
            return []
        return _value_items(lookup((*parent, m.group("key"))), span)
    m = _KEY_LINE.match(before)
    if m is not None:
        word = m.group("word")
        dash = bool(m.group("dash"))
        span = Span(Point(point.line, point.column - len(word.encode())), point)
        parent = _parent_path(doc, point.line, len(m.group("indent")), dash)
        if parent is None:
            return []
        node = lookup(parent)
        obj = owner_object(node) if node is not None else None
        if obj is None:
            return _value_items(lookup(parent[:-1]), span) if dash and parent else []
        present = _present_keys(doc, point.line, len(m.group("indent")), dash) - {word}
        return [_field_item(f, span) for f in obj.fields if f.key not in present]
    m = _ITEM_LINE.match(before)
    if m is not None:
        word = m.group("word")
        parent = _parent_path(doc, point.line, len(m.group("indent")), True)
        span = Span(Point(point.line, point.column - len(word.encode())), point)
        return _value_items(lookup(parent[:-1]) if parent else None, span)
    return []


def _section(doc: YamlDocument, point: Point) -> str:
    at = doc.node_at(point)
    if at is None or not at.path or not isinstance(at.path[0], str):
        return ""
    return at.path[0]


def _shown_default(text: str) -> str:
    """A default as the docs state it, unquoted, code-formatted when it is a single value."""
    value = text.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    if len(value) > 160:
        value = value[:157] + "..."
    return f"`{value}`" if "`" not in value and ";" not in value else value


def _field_markdown(f: Field, path: tuple[PathPart, ...]) -> str:
    lines = [f"**{f.key}**: {f.node.label}", "", f.description]
    facts = []
    if f.default:
        facts.append(f"Default: {_shown_default(f.default)}")
    if f.since:
        facts.append(f"Since GoReleaser v{f.since}")
    if f.pro:
        facts.append("GoReleaser Pro only")
    if f.templated:
        facts.append("Templates allowed")
    if facts:
        lines += ["", " · ".join(facts)]
    dep = deprecation_at(path)
    if dep is not None:
        lines += ["", f"Deprecated since v{dep.since}: use `{dep.replacement}` ({dep.url})"]
    lines += ["", f.docs]
    return "\n".join(lines)


def _hover_path(doc: YamlDocument, key: Span) -> tuple[PathPart, ...] | None:
    """The path of a block key read from indentation (the parse may be off in broken text)."""
    text = doc.index.line_bytes(key.start.line).decode("utf-8", errors="replace")
    m = _KEY_AT.match(text)
    if m is None:
        return None
    dash = bool(m.group("dash"))
    if len(m.group("indent")) + len(m.group("dash") or "") != key.start.column:
        return None
    parent = _parent_path(doc, key.start.line, len(m.group("indent")), dash)
    return None if parent is None else (*parent, m.group("key"))


def hover(ctx: RuleContext[Any], point: Point) -> HoverInfo | None:
    """The description of the key, or template field, at ``point``."""
    doc = _doc(ctx)
    if doc is None:
        return None
    at = doc.node_at(point)
    if at is None:
        return None
    if at.in_key:
        key = at.chain[-1]
        path = _hover_path(doc, key.span) or at.path
        f = lookup_field(path)
        if f is None:
            return None
        return HoverInfo(_field_markdown(f, path), key.span)
    node = at.node
    if isinstance(node, YamlScalar) and "{{" in node.text:
        offset = doc.index.offset(point)
        refs = root_fields(node.text)
        for ref in refs:
            span = doc.value_span(node, ref.start, ref.end)
            start, end = doc.index.offset(span.start), doc.index.offset(span.end)
            if start <= offset <= end:
                known = FIELDS_BY_NAME.get(ref.names[0])
                if known is None:
                    return None
                pro = " (GoReleaser Pro)" if known.pro else ""
                since = f" Since v{known.since}." if known.since else ""
                text = f"**.{known.name}**{pro}: {known.description}{since}"
                return HoverInfo(text, span)
    return None
