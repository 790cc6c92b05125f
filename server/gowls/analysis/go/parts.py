"""go.work's and go.mod's parser, rules and editor features: the :class:`Parts` their
``Language`` objects (:mod:`gowls.analysis.go.language`) load on first use."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gowls.analysis.features import Action, ActionKind, Command, InlayHint
from gowls.analysis.go import documents
from gowls.analysis.go.completion import complete
from gowls.analysis.go.hover import definition, hover, links
from gowls.analysis.go.language import MIGRATE_COMMAND, TRIGGERS
from gowls.analysis.go.modules import find_gowork, used_dirs
from gowls.analysis.go.mvs import selected_hints
from gowls.analysis.go.outline import folding_ranges, symbols
from gowls.analysis.go.references import code_lenses, references
from gowls.analysis.go.rules.godebug import GOMOD_GODEBUG_RULES, GOWORK_GODEBUG_RULES
from gowls.analysis.go.rules.gomod import GOMOD_RULES
from gowls.analysis.go.rules.gowork import GOWORK_RULES
from gowls.analysis.go.rules.modcache import MODCACHE_RULES
from gowls.analysis.go.rules.recent import RECENT_RULES
from gowls.analysis.go.rules.toolchain import GOMOD_TOOLCHAIN_RULES, GOWORK_TOOLCHAIN_RULES
from gowls.analysis.language import Features, Parts
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.format import FormatError, format_modfile
from gowls.syntax.gomod import GoMod
from gowls.syntax.positions import Span


def _format(ctx: RuleContext[Any]) -> str | None:
    """The file as ``go mod edit -fmt`` / ``go work edit -fmt`` prints it."""
    try:
        return format_modfile(ctx.doc.index.data).decode("utf-8")
    except FormatError:
        return None  # go would reject the file; leave it as written


def _inlay_hints(ctx: RuleContext[Any], wanted: Span) -> list[InlayHint]:
    """``→ vX (selected)`` after each requirement the build resolves to another version."""
    mod = ctx.doc
    if not isinstance(mod, GoMod):
        return []
    out = []
    for number, chosen, by in selected_hints(ctx.snapshot, ctx.path, mod):
        req = mod.requires[number]
        if not (wanted.start <= req.version_span.end <= wanted.end):
            continue
        tooltip = f"minimal version selection picks {chosen}" + (
            f" (required by {by})" if by else ""
        )
        out.append(InlayHint(req.version_span.end, f"→ {chosen} (selected)", tooltip))
    return out


def _default_root(snapshot: Snapshot, path: Path) -> Path:
    for root in snapshot.roots:
        if root == path.parent or root in path.parents:
            return root
    return path.parent.parent


def _migrate_actions(ctx: RuleContext[Any], wanted: Span) -> list[Action]:
    """Offer the go.work migration on a local replace of a go.mod."""
    mod = ctx.doc
    if not isinstance(mod, GoMod):
        return []
    if not any(
        r.is_local and r.statement.span.start.line == wanted.start.line for r in mod.replaces
    ):
        return []
    work = find_gowork(ctx.snapshot, ctx.path.parent)
    root = work.parent if work else _default_root(ctx.snapshot, ctx.path)
    title = "Add the local modules to go.work" if work else "Create a go.work for the local modules"
    command = Command(MIGRATE_COMMAND, title, (root,))
    return [Action(title, ActionKind.REFACTOR_REWRITE, command=command)]


def _used_gomods(snapshot: Snapshot, path: Path) -> Iterable[Path]:
    """The go.mod files a go.work uses, wherever they are (hidden or skipped directories too)."""
    work = documents.gowork(snapshot, path)
    if work is None:
        return []
    return [used.directory / "go.mod" for used in used_dirs(snapshot, path, work)]


_FEATURES = Features(
    completion=complete,
    trigger_characters=TRIGGERS,
    hover=hover,
    definition=definition,
    links=links,
    symbols=symbols,
    folding=folding_ranges,
    format=_format,
    references=references,
    code_lenses=code_lenses,
)

GOWORK = Parts(
    parse=documents.parse_gowork_file,
    reparse=documents.reparse_gowork_file,
    rules=(*GOWORK_RULES, *GOWORK_GODEBUG_RULES, *GOWORK_TOOLCHAIN_RULES),
    features=_FEATURES,
    related=_used_gomods,
)
"""go.work files."""

GOMOD = Parts(
    parse=documents.parse_gomod_file,
    reparse=documents.reparse_gomod_file,
    rules=(
        *GOMOD_RULES,
        *GOMOD_GODEBUG_RULES,
        *GOMOD_TOOLCHAIN_RULES,
        *MODCACHE_RULES,
        *RECENT_RULES,
    ),
    features=dataclasses.replace(_FEATURES, actions=_migrate_actions, inlay_hints=_inlay_hints),
)
"""go.mod files."""
