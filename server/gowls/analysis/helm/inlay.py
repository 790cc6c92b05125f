"""Inlay hints: the default value after each ``.Values`` reference of a template."""

from __future__ import annotations

from typing import Any

from gowls.analysis.features import InlayHint
from gowls.analysis.helm.documents import TemplateFile
from gowls.analysis.helm.language import template_chart_root
from gowls.analysis.helm.lookups import shown
from gowls.analysis.helm.model import defined_values
from gowls.analysis.helm.values import has_path, lookup
from gowls.analysis.registry import RuleContext
from gowls.syntax.positions import Span

MAX_HINT = 30
"""Characters of a scalar shown before it is cut with an ellipsis."""


def hint_label(value: object) -> str:
    """A short label: the scalar as JSON (cut), or the size of a map or list."""
    if isinstance(value, dict):
        return f"{{{len(value)} key{'s' if len(value) != 1 else ''}}}"
    if isinstance(value, list):
        return f"[{len(value)} item{'s' if len(value) != 1 else ''}]"
    return shown(value, MAX_HINT)


def inlay_hints(ctx: RuleContext[Any], span: Span) -> list[InlayHint]:
    """``= value`` after each reference in ``span`` whose path the chart's values.yaml (as
    Helm coalesces it, parents' values included) sets."""
    doc = ctx.doc
    root = template_chart_root(ctx.snapshot.source, ctx.path)
    if not isinstance(doc, TemplateFile) or root is None:
        return []
    merged = defined_values(ctx.snapshot, root).merged
    first, last = doc.index.offset(span.start), doc.index.offset(span.end)
    out: list[InlayHint] = []
    seen: set[int] = set()
    for ref in doc.reads.refs:
        if not ref.path or ref.end in seen or not first <= ref.start <= last:
            continue
        if not has_path(merged, ref.path):
            continue
        seen.add(ref.end)
        value = lookup(merged, ref.path)
        out.append(InlayHint(doc.index.point(ref.end), f"= {hint_label(value)}", "values.yaml"))
    return out
