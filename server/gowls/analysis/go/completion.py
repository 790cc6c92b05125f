"""Completion for go.work and go.mod: directives, use paths, replace targets, versions, godebug."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gowls.analysis.features import Completion, CompletionKind
from gowls.analysis.go.data.go_releases import GO_RELEASES
from gowls.analysis.go.data.godebugs import GODEBUGS
from gowls.analysis.go.documents import gomod, module_dir_gomod
from gowls.analysis.go.modules import find_gowork, module_dirs, resolve_dir, shown_relative
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.gomod import MOD_VERBS, GoMod
from gowls.syntax.gowork import WORK_VERBS, GoWork
from gowls.syntax.positions import Point, Span
from gowls.syntax.statements import Block

_DIRECTIVE_DOCS = {
    "module": "declares the module path",
    "go": "the Go language version the module or workspace needs",
    "toolchain": "the Go toolchain to use when the local one is older",
    "godebug": "a GODEBUG default (key=value)",
    "require": "a minimum version of a dependency",
    "exclude": "a module version the build must not use",
    "replace": "replace a module version with another module or a local directory",
    "retract": "versions of this module that should not be used",
    "tool": "a package whose command `go tool` runs",
    "ignore": "a directory the go command ignores when matching package patterns",
    "use": "a module directory that is part of the workspace",
}


def complete(ctx: RuleContext[Any], point: Point) -> list[Completion]:
    """Candidates at ``point`` of a go.work or go.mod."""
    snapshot, path, doc = ctx.snapshot, ctx.path, ctx.doc
    if not isinstance(doc, GoWork | GoMod):
        return []
    line = doc.index.line_bytes(point.line)[: point.column].decode("utf-8", errors="replace")
    if "//" in line:
        return []
    words = line.split()
    prefix = "" if not line or line[-1].isspace() else words.pop()
    start = Point(point.line, point.column - len(prefix.encode("utf-8")))
    replace = Span(start, point)
    block = _enclosing_block(doc.syntax.blocks, point)
    if block is not None:
        verb, args = block.verb, words
    elif not words:
        verbs = WORK_VERBS if isinstance(doc, GoWork) else MOD_VERBS
        return [
            Completion(v, CompletionKind.KEYWORD, _DIRECTIVE_DOCS.get(v, ""), replace)
            for v in sorted(verbs)
            if v.startswith(prefix)
        ]
    else:
        verb, args = words[0], words[1:]
    if verb == "go" and not args:
        return _go_versions(replace)
    if verb == "toolchain" and not args:
        return _toolchains(replace)
    if verb == "godebug" and not args:
        return [
            Completion(
                f"{g.key}=",
                CompletionKind.SETTING,
                f"GODEBUG setting of {g.package}"
                + (f" (default changed in Go 1.{g.changed})" if g.changed else ""),
                replace,
            )
            for g in GODEBUGS
        ] + [Completion("default=", CompletionKind.SETTING, "defaults of a Go version", replace)]
    if verb == "use" and not args and isinstance(doc, GoWork):
        return _use_dirs(snapshot, path, doc, replace)
    if verb == "replace":
        if "=>" in args and args[-1] == "=>":
            return _replace_targets(snapshot, path, replace)
        if not args:
            return _required_modules(snapshot, path, doc, replace)
    return []


def _enclosing_block(blocks: list[Block], point: Point) -> Block | None:
    for block in blocks:
        opened = block.lparen.end.line < point.line
        open_still = block.rparen is None or point.line < block.rparen.start.line
        if opened and open_still:
            return block
    return None


def _go_versions(replace: Span) -> list[Completion]:
    out = []
    for rank, rel in enumerate(reversed(GO_RELEASES)):
        out.append(
            Completion(
                f"{rel.version}.0",
                CompletionKind.VERSION,
                f"Go {rel.version}, released {rel.date}",
                replace,
                documentation=rel.headline,
                sort_text=f"{rank:03d}",
            )
        )
    return out


def _toolchains(replace: Span) -> list[Completion]:
    out = [Completion("default", CompletionKind.VERSION, "the local toolchain", replace)]
    for rank, rel in enumerate(reversed(GO_RELEASES)):
        out.append(
            Completion(
                rel.toolchain,
                CompletionKind.VERSION,
                f"newest Go {rel.version} patch release",
                replace,
                documentation=rel.headline,
                sort_text=f"{rank:03d}",
            )
        )
    return out


def _module_items(
    snapshot: Snapshot, dirs: list[Path], base: Path, replace: Span
) -> list[Completion]:
    """One folder completion per module directory, written relative to ``base``."""
    out = []
    for directory in dirs:
        module = _module_path(snapshot, directory / "go.mod")
        out.append(
            Completion(
                shown_relative(directory, base),
                CompletionKind.FOLDER,
                f"module {module}" if module else "module directory",
                replace,
            )
        )
    return out


_PARSE_FOR_DETAIL = 1 << 20
"""Bytes: bigger go.mod files are not parsed on the event loop just to label a completion."""

_MODULE_LINE = re.compile(rb'^[ \t]*module[ \t]+"?([^"\s]+)', re.M)


def _module_path(snapshot: Snapshot, path: Path) -> str | None:
    """The module path declared in ``path``, for a completion's label."""
    data = snapshot.source.read_bytes(path)
    if data is None:
        return None
    if len(data) > _PARSE_FOR_DETAIL:  # a 20 MB go.mod: its first module line is enough
        found = _MODULE_LINE.search(data, 0, 1 << 16)
        return found.group(1).decode("utf-8", errors="replace") if found else None
    mod = gomod(snapshot, path)
    return mod.module_path if mod else None


def _use_dirs(snapshot: Snapshot, path: Path, work: GoWork, replace: Span) -> list[Completion]:
    base = path.parent
    used = {resolve_dir(base, use.path) for use in work.uses}
    dirs = [d for d in module_dirs(snapshot, base) if d not in used]
    return _module_items(snapshot, dirs, base, replace)


def _replace_targets(snapshot: Snapshot, path: Path, replace: Span) -> list[Completion]:
    base = path.parent
    work = find_gowork(snapshot, base) if path.name == "go.mod" else path
    root = work.parent if work else base.parent
    dirs = [d for d in module_dirs(snapshot, root) if d != base]
    return _module_items(snapshot, dirs, base, replace)


def _required_modules(
    snapshot: Snapshot, path: Path, doc: GoMod | GoWork, replace: Span
) -> list[Completion]:
    mods: list[GoMod] = []
    if isinstance(doc, GoMod):
        mods.append(doc)
    else:
        for use in doc.uses:
            directory = resolve_dir(path.parent, use.path)
            mod = module_dir_gomod(snapshot, directory)
            if mod is not None:
                mods.append(mod)
    seen: dict[str, str] = {}
    for mod in mods:
        for req in mod.requires:
            seen.setdefault(req.path, req.version)
    return [
        Completion(p, CompletionKind.MODULE, f"required at {v}", replace)
        for p, v in sorted(seen.items())
    ]
