"""Values files from the YAML layer: Helm's data plus where each value was written.

Helm reads values with a YAML 1.1 reader (go-yaml v2 behind sigs.k8s.io/yaml), so plain
``yes``/``no``/``on``/``off``/``y``/``n`` are booleans, ``0777`` is octal, ``1_000`` is 1000,
timestamps stay strings, keys become strings, ``<<`` merges apply, and a duplicate key silently
keeps the last value. This module reproduces that on :class:`gowls.syntax.yaml.YamlDocument`
nodes and records, for every instance path, the spans of its key and value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from gowls.analysis.helm.schema import InstancePath
from gowls.syntax.positions import Span
from gowls.syntax.yaml import (
    ScalarStyle,
    YamlDocument,
    YamlMapping,
    YamlNode,
    YamlScalar,
    YamlSequence,
    deref,
    is_merge_key,
    merged_pairs,
)

T = TypeVar("T")

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})
_FALSE = frozenset({"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})
_INT = re.compile(r"[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = frozenset({".nan", ".NaN", ".NAN"})
_INT64 = 2**63
_NODE_BUDGET = 200_000


def resolve_yaml11(text: str) -> bool | int | float | str | None:
    """The value of an untagged plain scalar as go-yaml v2 reads it into ``interface{}``."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        number = _int(text)
        if number is not None:
            return number
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INF.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if text in _NAN:
        return math.nan
    return text


def _int(text: str) -> int | None:
    plain = text.replace("_", "")
    sign = -1 if plain.startswith("-") else 1
    digits = plain.lstrip("+-")
    try:
        if digits.startswith("0b"):
            value = int(digits[2:], 2)
        elif digits.startswith("0x"):
            value = int(digits[2:], 16)
        elif digits.startswith("0o"):
            value = int(digits[2:], 8)
        elif len(digits) > 1 and digits.startswith("0"):
            value = int(digits[1:], 8)
        else:
            value = int(digits, 10)
    except ValueError:
        return None
    value *= sign
    return value if -_INT64 <= value < _INT64 else None


def scalar_value(scalar: YamlScalar) -> bool | int | float | str | None:
    """A scalar's value for Helm: quoted and block scalars are strings, tags are honoured."""
    if scalar.tag is not None and scalar.tag != "!":
        return scalar.resolve()
    if scalar.style is ScalarStyle.PLAIN:
        return resolve_yaml11(scalar.text)
    return scalar.text


def _key_string(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class ValueSite:
    """Where a value was written: the key naming it (None for sequence items and the root)
    and the value node (None for an empty ``key:``)."""

    key: Span | None
    value: Span | None


@dataclass(frozen=True)
class DuplicateKey:
    """A key written twice in one mapping; Helm keeps the last value."""

    path: InstancePath
    first: Span
    again: Span


@dataclass(slots=True)
class _Converted:
    """One subtree's conversion at one path: what it added to a ``ValuesDocument``."""

    node: YamlNode
    """Held so that the ``id`` keying the entry stays this node's."""
    path: InstancePath
    depth: int
    data: object
    sites: dict[InstancePath, ValueSite]
    duplicates: list[DuplicateKey]
    nodes: int
    """Nodes converted (the budget it took)."""


_MEMO_MIN_NODES = 8
"""Subtrees of fewer nodes are converted, not looked up."""


@dataclass
class ValuesDocument:
    """Helm's data for a values file and the source sites of its paths."""

    data: object
    sites: dict[InstancePath, ValueSite] = field(default_factory=dict)
    duplicates: list[DuplicateKey] = field(default_factory=list)
    truncated: bool = False
    memo: dict[int, _Converted] = field(default_factory=dict, compare=False, repr=False)
    """Subtree conversions, keyed by node id, for the document re-parsed from this one: a
    node the YAML re-parse reused (same object, same bytes, same place) at the same path
    converts to the same data and sites. The data is shared, so it is never mutated (Helm's
    merging copies what it changes)."""
    derived: dict[tuple[str, int], tuple[object, object]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """``per_value`` results: (function name, id of a top-level value) → (value, result)."""
    inherited: dict[tuple[str, int], tuple[object, object]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """The ``derived`` results of the document this one was re-parsed from."""

    def per_value(self, name: str, compute: Callable[[object], T]) -> list[T]:
        """``compute(value)`` for each top-level value in order (the data itself when it is no
        mapping), once per value object: a value a re-parse shared with the previous document
        (the same object) keeps its result. ``compute`` must depend on nothing but the
        value, and ``name`` name it."""
        data = self.data
        out: list[T] = []
        for value in data.values() if isinstance(data, dict) else (data,):
            key = (name, id(value))
            hit = self.derived.get(key) or self.inherited.get(key)
            if hit is None or hit[0] is not value:
                hit = (value, compute(value))
            self.derived[key] = hit
            out.append(cast(T, hit[1]))
        return out

    def span(self, path: InstancePath, prefer_key: bool = True) -> Span | None:
        """The span for ``path``, or for its nearest written ancestor."""
        for end in range(len(path), -1, -1):
            site = self.sites.get(path[:end])
            if site is None:
                continue
            first, second = (site.key, site.value) if prefer_key else (site.value, site.key)
            found = first or second
            if found is not None:
                return found
        return None


def same_data(a: object, b: object) -> bool:
    """Whether two values files' data are the same to any reader: equal with the same types
    (``True`` is not ``1``, ``1.0`` is not ``1``, ``-0.0`` is not ``0.0``) and keys in the same
    order. Subtrees a re-parse shared between them (same object) are not walked, so comparing
    the data before and after an edit costs in proportion to what the edit rebuilt."""
    stack = [(a, b)]
    while stack:
        x, y = stack.pop()
        if x is y:
            continue
        if type(x) is not type(y):
            return False
        if isinstance(x, dict):
            assert isinstance(y, dict)
            if len(x) != len(y) or list(x) != list(y):  # keys are str (_key_string)
                return False
            stack.extend(zip(x.values(), y.values(), strict=True))
        elif isinstance(x, list):
            assert isinstance(y, list)
            if len(x) != len(y):
                return False
            stack.extend(zip(x, y, strict=True))
        elif isinstance(x, float):
            assert isinstance(y, float)
            if x != y or math.copysign(1.0, x) != math.copysign(1.0, y):
                return False  # NaN is never equal: conservative
        elif x != y:
            return False
    return True


def values_document(doc: YamlDocument, previous: ValuesDocument | None = None) -> ValuesDocument:
    """Helm's view of the first document of ``doc`` (Helm ignores later ones).

    With ``previous`` (the values of the text ``doc`` was re-parsed from), the subtrees the
    re-parse reused are not converted again; the result is the same either way."""
    out = ValuesDocument(None, inherited=previous.derived if previous is not None else {})
    root = _first_document(doc)
    out.sites[()] = ValueSite(None, root.span if root is not None else None)
    budget = [_NODE_BUDGET]
    old = previous.memo if previous is not None else None
    out.data = _convert(root, (), out, budget, 0, old, True)
    out.truncated = budget[0] < 0
    if out.truncated:
        out.memo.clear()
    return out


def _first_document(doc: YamlDocument) -> YamlNode | None:
    """The first real document: comments before a leading ``---`` do not make one, though the
    YAML layer reports them as an empty document."""
    if len(doc.documents) > 1 and doc.documents[0] is None:
        span = doc.document_spans[0]
        start, end = doc.index.offset(span.start), doc.index.offset(span.end)
        lines = doc.index.data[start:end].decode("utf-8", "replace").splitlines()
        if all(not line.strip() or line.lstrip().startswith("#") for line in lines):
            return doc.documents[1]
    return doc.root


def _convert(
    node: YamlNode | None,
    path: InstancePath,
    out: ValuesDocument,
    budget: list[int],
    depth: int,
    old: dict[int, _Converted] | None = None,
    fresh: bool = False,
) -> object:
    """``node``'s data; ``fresh``: nothing was written below ``path`` yet, so the subtree's
    sites can be recorded (and replayed) as its own."""
    if not fresh or isinstance(deref(node), YamlScalar | None):
        return _convert_node(node, path, out, budget, depth, old, fresh)
    target = deref(node)
    key = id(target)
    entry = old.get(key) if old is not None else None
    if entry is None:
        entry = out.memo.get(key)
    if (
        entry is not None
        and entry.node is target
        and entry.path == path
        and entry.depth == depth
        and budget[0] - entry.nodes >= 0
    ):
        budget[0] -= entry.nodes
        out.sites.update(entry.sites)
        out.duplicates.extend(entry.duplicates)
        out.memo[key] = entry
        return entry.data
    mine = ValuesDocument(None, memo=out.memo)
    before = budget[0]
    data = _convert_node(node, path, mine, budget, depth, old, fresh)
    out.sites.update(mine.sites)
    out.duplicates.extend(mine.duplicates)
    nodes = before - budget[0]
    if budget[0] >= 0 and nodes >= _MEMO_MIN_NODES and target is not None:
        out.memo[key] = _Converted(target, path, depth, data, mine.sites, mine.duplicates, nodes)
    return data


def _convert_node(
    node: YamlNode | None,
    path: InstancePath,
    out: ValuesDocument,
    budget: list[int],
    depth: int,
    old: dict[int, _Converted] | None,
    fresh: bool,
) -> object:
    budget[0] -= 1
    if budget[0] < 0 or depth > 200:
        budget[0] = -1
        return None
    node = deref(node)
    if node is None:
        return None
    if isinstance(node, YamlScalar):
        return scalar_value(node)
    if isinstance(node, YamlSequence):
        items = []
        for i, item in enumerate(node.items):
            out.sites.setdefault((*path, i), ValueSite(None, item.span))
            items.append(_convert(item, (*path, i), out, budget, depth + 1, old, fresh))
        return items
    if isinstance(node, YamlMapping):
        table: dict[str, object] = {}
        first_key: dict[str, Span] = {}
        explicit = {id(p) for p in node.pairs if not is_merge_key(p)}
        for pair in merged_pairs(node):
            key_node = deref(pair.key)
            if isinstance(key_node, YamlScalar):
                key = _key_string(scalar_value(key_node))
            else:
                key = _key_string(_convert(key_node, path, ValuesDocument(None), budget, depth))
            child = (*path, key)
            key_span = pair.key.span if pair.key is not None else pair.span
            if key in first_key and id(pair) in explicit:
                out.duplicates.append(DuplicateKey(child, first_key[key], key_span))
            first_key.setdefault(key, key_span)
            value_span = pair.value.span if pair.value is not None else None
            out.sites[child] = ValueSite(key_span, value_span)
            once = fresh and key_span is first_key[key]
            table[key] = _convert(pair.value, child, out, budget, depth + 1, old, once)
        return table
    return None
