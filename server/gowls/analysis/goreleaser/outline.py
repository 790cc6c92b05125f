"""Outline and definition in a GoReleaser configuration.

The outline lists the top-level sections and, in list sections, each entry by its ``id``
(or ``name``). Definition jumps from an id in ``ids:`` (or the deprecated ``builds:`` of
archives, nfpms and snaps) to the entry declaring it: a build first, else any entry.
"""

from __future__ import annotations

from typing import Any

from gowls.analysis.features import Symbol, SymbolKind, Target
from gowls.analysis.goreleaser.documents import ConfigDocument
from gowls.analysis.registry import RuleContext
from gowls.syntax.positions import Point, Span
from gowls.syntax.yaml import YamlMapping, YamlNode, YamlScalar, YamlSequence, deref, iter_keys

_REF_KEYS = frozenset({"ids", "builds"})


def _entry_name(item: YamlNode | None) -> tuple[str, Span] | None:
    item = deref(item)
    if not isinstance(item, YamlMapping):
        return None
    for key in ("id", "name"):
        pair = item.get(key)
        value = deref(pair.value) if pair is not None else None
        if isinstance(value, YamlScalar) and value.text:
            return value.text, value.span
    return None


def symbols(ctx: RuleContext[Any]) -> list[Symbol]:
    """One symbol per top-level section; list sections hold one per entry."""
    doc = ctx.doc
    root = deref(doc.yaml.root) if isinstance(doc, ConfigDocument) else None
    if not isinstance(root, YamlMapping):
        return []
    out = []
    for key, pair in iter_keys(root, merges=False):
        value = deref(pair.value)
        children: list[Symbol] = []
        kind = SymbolKind.OBJECT if isinstance(value, YamlMapping) else SymbolKind.PROPERTY
        if isinstance(value, YamlSequence):
            kind = SymbolKind.ARRAY
            for i, item in enumerate(value.items):
                named = _entry_name(item)
                label = named[0] if named else f"#{i + 1}"
                selection = named[1] if named else item.span
                children.append(Symbol(label, key, SymbolKind.OBJECT, item.span, selection))
        selection = pair.key.span if pair.key is not None else pair.span
        out.append(Symbol(key, "", kind, pair.span, selection, tuple(children)))
    return out


def _declarations(root: YamlMapping, wanted: str) -> list[Span]:
    builds: list[Span] = []
    others: list[Span] = []
    for key, pair in iter_keys(root):
        value = deref(pair.value)
        if not isinstance(value, YamlSequence):
            continue
        for entry in value.items:
            item = deref(entry)
            if not isinstance(item, YamlMapping):
                continue
            id_pair = item.get("id")
            id_value = deref(id_pair.value) if id_pair is not None else None
            if isinstance(id_value, YamlScalar) and id_value.text == wanted:
                (builds if key == "builds" else others).append(id_value.span)
    return builds or others


def definition(ctx: RuleContext[Any], point: Point) -> list[Target]:
    """Where the id under the cursor (in an ``ids:`` list) is declared."""
    doc = ctx.doc
    if not isinstance(doc, ConfigDocument):
        return []
    at = doc.yaml.node_at(point)
    root = deref(doc.yaml.root)
    if at is None or not isinstance(root, YamlMapping) or len(at.path) < 2:
        return []
    node = at.node
    steps = at.path
    ref_key = steps[-2] if isinstance(steps[-1], int) else steps[-1]
    if not isinstance(node, YamlScalar) or ref_key not in _REF_KEYS or len(steps) < 3:
        return []
    if steps[0] == "builds" and ref_key == "builds":
        return []
    return [
        Target(node.span, ctx.path, span, f"id {node.text}")
        for span in _declarations(root, node.text)
    ]
