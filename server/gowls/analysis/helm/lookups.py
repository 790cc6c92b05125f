"""Chart-wide lookups the editor features share: templates of the chart tree, helper
definitions, schema nodes by path, and values shown briefly."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gowls.analysis.helm.documents import (
    TemplateFile,
    chart_model,
    template_file,
    template_paths,
    top_chart_root,
)
from gowls.analysis.helm.schema import Schema
from gowls.analysis.helm.values import Chart
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.positions import Span

MAX_SHOWN = 200


def shown(value: object, limit: int = MAX_SHOWN) -> str:
    """A value as JSON, cut to ``limit`` characters."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def schema_node(schema: Schema | None, path: tuple[str | int, ...]) -> dict[str, Any] | None:
    """The schema object declaring ``path`` through ``properties`` (and ``items`` for list
    indices); None when undeclared."""
    root: object = schema.document.data if schema is not None else None
    node = _deref(root, root)
    for key in path:
        if isinstance(key, int):
            node = _deref(root, node.get("items") if isinstance(node, dict) else None)
            continue
        props = node.get("properties") if isinstance(node, dict) else None
        if not isinstance(props, dict) or key not in props:
            return None
        node = _deref(root, props[key])
    return node if isinstance(node, dict) else None


def _deref(root: object, node: object) -> object:
    """Follow local ``$ref``s (``#/definitions/x``, ``#/$defs/x``) a few steps."""
    for _ in range(8):
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#"):
            return node
        target: object = root
        for part in ref[1:].split("/")[1:]:
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, dict) else None
        node = target
    return node


def _charts(chart: Chart) -> Iterator[Chart]:
    yield chart
    for sub in chart.subcharts.values():
        yield from _charts(sub)


def tree_templates(snapshot: Snapshot, root: Path) -> list[tuple[Path, TemplateFile]]:
    """Every template of the chart tree ``root`` belongs to (its outermost parent and all the
    unpacked subcharts): Helm renders them together, so helpers are shared."""
    top = chart_model(snapshot, top_chart_root(snapshot, root))
    out = []
    for chart in _charts(top):
        for path in template_paths(snapshot, chart.root):
            doc = template_file(snapshot, path)
            if doc is not None:
                out.append((path, doc))
    return out


def chart_templates(
    snapshot: Snapshot, root: Path, facet: str | None = None
) -> list[tuple[Path, TemplateFile]]:
    """The chart's own templates (not its subcharts'); ``facet``: what of them the caller
    uses (``template_file``)."""
    out = []
    for path in template_paths(snapshot, root):
        doc = template_file(snapshot, path, facet)
        if doc is not None:
            out.append((path, doc))
    return out


@dataclass(frozen=True, slots=True)
class Define:
    """A named template (``{{ define "x" }}``): where its name is written."""

    name: str
    path: Path
    span: Span


def defines(snapshot: Snapshot, root: Path) -> list[Define]:
    """Every ``define`` and ``block`` of the chart tree, in file order."""
    out = []
    for path, doc in tree_templates(snapshot, root):
        for action in doc.scan.actions:
            if action.keyword in ("define", "block") and action.name is not None:
                name = action.name.value()
                if name is not None:
                    out.append(Define(name, path, doc.span(action.name.start, action.name.end)))
    return out
