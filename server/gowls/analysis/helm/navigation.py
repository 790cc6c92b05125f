"""Hover, definition and references: on a ``.Values`` reference in a template, on a helper
name in ``include``/``template``, and on a key of a values file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gowls.analysis.features import HoverInfo, Target
from gowls.analysis.helm.documents import (
    TemplateFile,
    ValuesFile,
    chart_model,
    values_file,
    values_root,
)
from gowls.analysis.helm.language import template_chart_root
from gowls.analysis.helm.lookups import chart_templates, defines, schema_node, shown
from gowls.analysis.helm.templates import ValuesRef
from gowls.analysis.helm.values import has_path, lookup
from gowls.analysis.registry import RuleContext
from gowls.syntax.positions import Point, Span


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
            text = shown(lookup(values.values.data, ref.path))
            lines.append(f"- {name}: `{text}`")
        else:
            lines.append(f"- {name}: not set")
    node = schema_node(chart_model(ctx.snapshot, root).schema if root else None, ref.path)
    if node is not None:
        lines.append("")
        if isinstance(node.get("type"), str | list):
            lines.append(f"Schema type: `{shown(node['type'])}`")
        if isinstance(node.get("description"), str):
            lines.append(str(node["description"]))
        if "default" in node:
            lines.append(f"Default: `{shown(node['default'])}`")
    return HoverInfo("\n".join(lines).rstrip(), doc.span(ref.start, ref.end))


def _helper_at(ctx: RuleContext[Any], point: Point) -> tuple[str, Span] | None:
    """The helper name under the cursor in ``include "x"`` or ``{{ template "x" }}``."""
    doc = ctx.doc
    if not isinstance(doc, TemplateFile):
        return None
    offset = doc.index.offset(point)
    action = doc.scan.action_at(offset)
    if action is None:
        return None
    if action.keyword == "template" and action.name is not None:
        token = action.name
        if token.start <= offset <= token.end and token.value() is not None:
            return str(token.value()), doc.span(token.start, token.end)
    for token in action.tokens:
        if not token.start <= offset <= token.end or token.value() is None:
            continue
        at = action.tokens.index(token)
        before = action.tokens[at - 1] if at > 0 else None
        if before is not None and before.is_function and before.text == "include":
            return str(token.value()), doc.span(token.start, token.end)
    return None


def definition(ctx: RuleContext[Any], point: Point) -> list[Target]:
    """From a helper name to its ``define``; from a reference to the key each values file
    writes for it (or its nearest written parent)."""
    helper = _helper_at(ctx, point)
    root = template_chart_root(ctx.snapshot.source, ctx.path)
    if helper is not None and root is not None:
        name, origin = helper
        return [
            Target(origin, d.path, d.span) for d in defines(ctx.snapshot, root) if d.name == name
        ]
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


# -- values files ---------------------------------------------------------------------------


def _key_at(ctx: RuleContext[Any], point: Point) -> tuple[tuple[str, ...], Span] | None:
    doc = ctx.doc
    if not isinstance(doc, ValuesFile):
        return None
    line = point.line
    for path, site in doc.values.sites.items():
        key = site.key
        if key is None or not key.start.line <= line <= key.end.line:
            continue  # the cheap test first: a hover scans every key of the file
        if key.contains(point) and all(isinstance(p, str) for p in path):
            return tuple(str(p) for p in path), key
    return None


def _uses(ctx: RuleContext[Any], root: Path, path: tuple[str, ...]) -> list[Target]:
    """Template reads of ``path`` or anything below it, in the chart's own templates."""
    out = []
    for template, doc in chart_templates(ctx.snapshot, root):
        for ref in doc.reads.refs:
            if ref.path[: len(path)] == path:
                span = doc.span(ref.start, ref.end)
                out.append(Target(span, template, span))
    return out


def hover_values(ctx: RuleContext[Any], point: Point) -> HoverInfo | None:
    """A values key: its schema type, description, default and enum, and the templates
    that read it."""
    found = _key_at(ctx, point)
    root = values_root(ctx.snapshot, ctx.path)
    if found is None or root is None:
        return None
    path, span = found
    lines = [f"`.Values.{'.'.join(path)}`"]
    node = schema_node(chart_model(ctx.snapshot, root).schema, path)
    if node is not None:
        lines.append("")
        if isinstance(node.get("type"), str | list):
            lines.append(f"Schema type: `{shown(node['type'])}`")
        if isinstance(node.get("description"), str):
            lines.append(str(node["description"]))
        if "default" in node:
            lines.append(f"Default: `{shown(node['default'])}`")
        if isinstance(node.get("enum"), list):
            lines.append("One of: " + ", ".join(f"`{shown(v, 40)}`" for v in node["enum"]))
    uses = _uses(ctx, root, path)
    lines.append("")
    if not uses:
        lines.append("Not read by any template of the chart.")
    else:
        lines.append(f"Read by {len(uses)} template reference{'s' if len(uses) > 1 else ''}:")
        for use in uses[:_MAX_USES]:
            assert use.span is not None
            name = use.path.relative_to(root).as_posix()
            lines.append(f"- {name}:{use.span.start.line + 1}")
        if len(uses) > _MAX_USES:
            lines.append(f"- … and {len(uses) - _MAX_USES} more")
    return HoverInfo("\n".join(lines), span)


_MAX_USES = 10


def references_values(ctx: RuleContext[Any], point: Point) -> list[Target]:
    """Every template read of the key under the cursor (or of a key below it)."""
    found = _key_at(ctx, point)
    root = values_root(ctx.snapshot, ctx.path)
    if found is None or root is None:
        return []
    path, span = found
    return [Target(span, t.path, t.span) for t in _uses(ctx, root, path)]
