"""Hover text and go-to-definition targets for go.work and go.mod tokens."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path
from typing import Any

from gowls.analysis.features import HoverInfo, Target
from gowls.analysis.go.data.go_releases import release
from gowls.analysis.go.documents import module_dir_gomod
from gowls.analysis.go.modules import (
    ReplaceSource,
    find_gowork,
    resolve_dir,
    same_version,
    workspace_view,
)
from gowls.analysis.go.mvs import selection_for
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.directives import GoLine, ToolchainLine
from gowls.syntax.gomod import GoMod, Require
from gowls.syntax.gowork import GoWork
from gowls.syntax.positions import Point, Span


def _module_summary(snapshot: Snapshot, directory: Path) -> str:
    mod = module_dir_gomod(snapshot, directory)
    if mod is None:
        return f"`{directory}` holds no go.mod"
    lines = [f"**module** `{mod.module_path or '(no module line)'}`"]
    if mod.go is not None:
        lines.append(f"go {mod.go.version}")
    lines.append(f"{len(mod.requires)} requirement{'s' if len(mod.requires) != 1 else ''}")
    return "  \n".join(lines)


def _version_hover(line: GoLine | ToolchainLine | None, point: Point) -> HoverInfo | None:
    if line is None or not line.span.contains(point):
        return None
    text = line.version if isinstance(line, GoLine) else line.name
    rel = release(text)
    if rel is None:
        return HoverInfo(f"Go `{text}`", line.span)
    return HoverInfo(f"**Go {rel.version}**, released {rel.date}  \n{rel.headline}", line.span)


def hover(ctx: RuleContext[Any], point: Point) -> HoverInfo | None:
    """Hover for the token at ``point``."""
    snapshot, path, doc = ctx.snapshot, ctx.path, ctx.doc
    if isinstance(doc, GoWork):
        for use in doc.uses:
            if use.span.contains(point):
                return HoverInfo(
                    _module_summary(snapshot, resolve_dir(path.parent, use.path)), use.span
                )
        return _version_hover(doc.go, point) or _version_hover(doc.toolchain, point)
    if isinstance(doc, GoMod):
        req = _require_at(doc.requires, point)
        if req is not None:
            return HoverInfo(
                _requirement(snapshot, path, doc, req.path, req.version), req.path_span
            )
        for rep in doc.replaces:
            if rep.is_local and rep.new_span.contains(point):
                directory = resolve_dir(path.parent, rep.new_path)
                return HoverInfo(_module_summary(snapshot, directory), rep.new_span)
        return _version_hover(doc.go, point) or _version_hover(doc.toolchain, point)
    return None


def _require_at(requires: list[Require], point: Point) -> Require | None:
    """The first require whose path or version holds ``point`` (they are in file order: a
    binary search, not a scan of thousands per hover)."""
    at = bisect_left(requires, point.line, key=lambda r: r.version_span.end.line)
    for req in requires[at:]:
        if req.path_span.start.line > point.line:
            break
        if req.path_span.contains(point) or req.version_span.contains(point):
            return req
    return None


def _requirement(snapshot: Snapshot, path: Path, mod: GoMod, module: str, version: str) -> str:
    lines = [f"**{module}** `{version}`"]
    work_path = find_gowork(snapshot, path.parent)
    view = workspace_view(snapshot, work_path) if work_path else None
    sources = [ReplaceSource(path, rep, in_gowork=False) for rep in mod.replaces]
    if view is not None:
        sources += [ReplaceSource(view.path, rep, in_gowork=True) for rep in view.work.replaces]
    for src in sources:
        if src.module == module and src.serves(version):
            where = "go.work" if src.in_gowork else "this go.mod"
            lines.append(f"replaced by `{src.target_text}` in {where}")
    provider = view.by_module(module) if view is not None else None
    if provider is not None:
        lines.append(f"provided by the workspace module in `{provider.used.use.path}` (go.work)")
    selection = selection_for(snapshot, path, mod)
    chosen = selection.selected.get(module)
    if selection.complete and chosen and not same_version(chosen, version):
        by = selection.raised_by.get(module, "")
        lines.append(
            f"the build selects `{chosen}`"
            + (f", required by `{by}`" if by else "")
            + " (minimal version selection over the go.mod files on disk and in the module cache)"
        )
    return "  \n".join(lines)


def definition(ctx: RuleContext[Any], point: Point) -> list[Target]:
    """The go.mod a ``use`` path or local replace target at ``point`` leads to."""
    return [target for target in links(ctx) if target.origin.contains(point)][:1]


def links(ctx: RuleContext[Any]) -> list[Target]:
    """Every ``use`` path and local replace target of a file that leads to an existing go.mod."""
    snapshot, path, doc = ctx.snapshot, ctx.path, ctx.doc
    spans: list[tuple[Span, str]] = []
    if isinstance(doc, GoWork):
        spans += [(u.span, u.path) for u in doc.uses]
    if isinstance(doc, GoWork | GoMod):
        spans += [(r.new_span, r.new_path) for r in doc.replaces if r.is_local]
    out = []
    for span, written in spans:
        gomod = resolve_dir(path.parent, written) / "go.mod"
        if snapshot.source.is_file(gomod):
            out.append(Target(span, gomod, tooltip=f"go.mod of {written}"))
    return out
