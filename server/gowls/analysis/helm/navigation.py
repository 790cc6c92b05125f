"""Hover and go-to-definition on a ``.Values`` reference in a template."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gowls.analysis.features import HoverInfo, Target
from gowls.analysis.helm.documents import (
    TemplateFile,
    chart_model,
    template_chart_root,
    values_file,
)
from gowls.analysis.helm.schema import Schema
from gowls.analysis.helm.templates import ValuesRef
from gowls.analysis.helm.values import has_path, lookup
from gowls.analysis.registry import RuleContext
from gowls.syntax.positions import Point

_MAX_VALUE = 200


def _ref_at(ctx: RuleContext[Any], point: Point) -> ValuesRef | None:
    doc = ctx.doc
    if not isinstance(doc, TemplateFile):
        return None
    offset = doc.index.offset(point)
    for ref in doc.reads.refs:
        if ref.start <= offset <= ref.end and ref.path:
            return ref
    return None


def _values_files(ctx: RuleContext[Any]) -> list[Path]:
    root = template_chart_root(ctx.snapshot.source, ctx.path)
    return chart_model(ctx.snapshot, root).values_files if root is not None else []


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"


def _schema_node(schema: Schema | None, path: tuple[str, ...]) -> dict[str, Any] | None:
    node: object = schema.document.data if schema is not None else None
    for key in path:
        props = node.get("properties") if isinstance(node, dict) else None
        if not isinstance(props, dict) or key not in props:
            return None
        node = props[key]
    return node if isinstance(node, dict) else None


def hover(ctx: RuleContext[Any], point: Point) -> HoverInfo | None:
    """The value of a ``.Values`` reference in each values file, and its schema entry."""
    ref = _ref_at(ctx, point)
    if ref is None:
        return None
    doc = ctx.doc
    assert isinstance(doc, TemplateFile)
    dotted = ".".join(ref.path)
    lines = [f"`.Values.{dotted}`", ""]
    root = template_chart_root(ctx.snapshot.source, ctx.path)
    for path in _values_files(ctx):
        values = values_file(ctx.snapshot, path)
        if values is None or root is None:
            continue
        name = path.relative_to(root).as_posix()
        if has_path(values.values.data, ref.path):
            shown = _shown(lookup(values.values.data, ref.path))
            lines.append(f"- {name}: `{shown}`")
        else:
            lines.append(f"- {name}: not set")
    node = _schema_node(chart_model(ctx.snapshot, root).schema if root else None, ref.path)
    if node is not None:
        lines.append("")
        if isinstance(node.get("type"), str | list):
            lines.append(f"Schema type: `{_shown(node['type'])}`")
        if isinstance(node.get("description"), str):
            lines.append(str(node["description"]))
        if "default" in node:
            lines.append(f"Default: `{_shown(node['default'])}`")
    return HoverInfo("\n".join(lines).rstrip(), doc.span(ref.start, ref.end))


def definition(ctx: RuleContext[Any], point: Point) -> list[Target]:
    """The key each values file writes for a reference (or its nearest written parent)."""
    ref = _ref_at(ctx, point)
    if ref is None:
        return []
    doc = ctx.doc
    assert isinstance(doc, TemplateFile)
    origin = doc.span(ref.start, ref.end)
    targets = []
    for path in _values_files(ctx):
        values = values_file(ctx.snapshot, path)
        if values is None:
            continue
        for end in range(len(ref.path), 0, -1):
            site = values.values.sites.get(ref.path[:end])
            if site is not None and site.key is not None:
                targets.append(Target(origin, path, site.key))
                break
    return targets
