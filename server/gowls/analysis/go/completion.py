"""Completion for go.work and go.mod: directives, use paths, replace targets, required
modules and their versions (workspace and module cache), tool commands, ignore directories,
Go versions, GODEBUG settings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gowls.analysis.features import Completion, CompletionKind
from gowls.analysis.go.data.go_releases import GO_RELEASES
from gowls.analysis.go.data.godebugs import GODEBUGS, known_values
from gowls.analysis.go.documents import gomod, module_dir_gomod
from gowls.analysis.go.modcache import escape, module_cache
from gowls.analysis.go.modules import (
    find_gowork,
    module_dirs,
    resolve_dir,
    shown_relative,
    workspace_view,
)
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.goimports import package_name
from gowls.syntax.gomod import MOD_VERBS, GoMod
from gowls.syntax.gowork import WORK_VERBS, GoWork
from gowls.syntax.positions import Point, Span
from gowls.syntax.statements import Block
from gowls.syntax.versions import compare_go, is_pseudo_version

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
    if "=" in prefix and verb != "godebug":
        return []  # half of a `=>`: nothing to offer until the arrow is complete
    if verb == "go" and not args:
        return _go_versions(replace)
    if verb == "toolchain" and not args:
        return _toolchains(replace)
    if verb == "godebug" and not args:
        if "=" in prefix:
            key = prefix.split("=", 1)[0]
            after_eq = Point(start.line, start.column + len(key.encode("utf-8")) + 1)
            return _godebug_values(key, Span(after_eq, point))
        return _godebug_keys(replace)
    if verb == "use" and not args and isinstance(doc, GoWork):
        return _use_dirs(snapshot, path, doc, replace)
    if verb == "replace":
        return _replace_items(snapshot, path, doc, args, replace)
    if isinstance(doc, GoMod):
        if verb == "require" and not args:
            return _new_requirements(snapshot, path, doc, replace)
        if verb in ("require", "exclude") and len(args) == 1:
            return _cached_versions(args[0], replace)
        if verb == "exclude" and not args:
            return _required_modules(snapshot, path, doc, replace)
        if verb == "retract" and not args and doc.module_path:
            return _cached_versions(doc.module_path, replace)
        if verb == "tool" and not args:
            return _tool_packages(snapshot, path, doc, replace)
        if verb == "ignore" and not args:
            return _ignorable_dirs(snapshot, path, replace)
    return []


def _replace_items(
    snapshot: Snapshot, path: Path, doc: GoMod | GoWork, args: list[str], replace: Span
) -> list[Completion]:
    """``replace OLD [VERSION] => NEW [VERSION]``: paths, then cached versions of each side."""
    if "=>" not in args:
        if not args:
            return _replaceable_modules(snapshot, path, doc, replace)
        return _cached_versions(args[0], replace) if len(args) == 1 else []
    target = args[args.index("=>") + 1 :]
    if not target:
        return _replace_targets(snapshot, path, replace)
    if len(target) == 1 and not target[0].startswith(("./", "../", "/", ".\\", "..\\")):
        return _cached_versions(target[0], replace)
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


def _godebug_keys(replace: Span) -> list[Completion]:
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


_GODEBUG_SINCE = "1.20"
"""Older go lines get Go 1.20's GODEBUG defaults, so older ``default=`` values add nothing."""


def _godebug_values(key: str, replace: Span) -> list[Completion]:
    """Values after ``key=``: Go versions (newest first) for ``default``, else the setting's
    documented values in their documented order."""
    if key == "default":
        return [
            Completion(
                f"go{rel.version}",
                CompletionKind.VALUE,
                f"the GODEBUG defaults of Go {rel.version}",
                replace,
                sort_text=f"{rank:03d}",
            )
            for rank, rel in enumerate(reversed(GO_RELEASES))
            if compare_go(rel.version, _GODEBUG_SINCE) >= 0
        ]
    return [
        Completion(v.value, CompletionKind.VALUE, v.meaning, replace, sort_text=f"{rank:03d}")
        for rank, v in enumerate(known_values(key))
    ]


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


def _workspace_modules(snapshot: Snapshot, path: Path) -> dict[str, Path]:
    """Module paths of the workspace around ``path`` (its go.work's, else the repository's)."""
    work = find_gowork(snapshot, path.parent)
    root = work.parent if work else (snapshot.roots[0] if snapshot.roots else path.parent)
    out: dict[str, Path] = {}
    for directory in module_dirs(snapshot, root):
        mod = module_dir_gomod(snapshot, directory)
        if mod is not None and mod.module_path:
            out.setdefault(mod.module_path, directory)
    return out


def _new_requirements(
    snapshot: Snapshot, path: Path, mod: GoMod, replace: Span
) -> list[Completion]:
    """Modules the go.mod does not require yet: the workspace's, then the module cache's."""
    have = {r.path for r in mod.requires} | {mod.module_path or ""}
    out: list[Completion] = []
    for module, directory in sorted(_workspace_modules(snapshot, path).items()):
        if module not in have:
            where = shown_relative(directory, path.parent)
            detail = f"workspace module in {where}"
            out.append(Completion(module, CompletionKind.MODULE, detail, replace, sort_text="0"))
            have.add(module)
    cache = module_cache()
    for module, cached in sorted(cache.modules().items()) if cache else ():
        if module not in have:
            detail = f"module cache, latest {cached.latest}" if cached.latest else "module cache"
            out.append(Completion(module, CompletionKind.MODULE, detail, replace, sort_text="1"))
    return out


def _main_packages(snapshot: Snapshot, root: Path, module: str) -> list[str]:
    """Import paths of the ``package main`` directories of a module tree at ``root``."""
    found: set[str] = set()
    for path in snapshot.source.walk(root, lambda name: name.endswith(".go")):
        if path.parent.as_posix() in found or path.name.endswith("_test.go"):
            continue
        if package_name(snapshot.source.read_bytes(path) or b"") == "main":
            found.add(path.parent.as_posix())
    out = []
    for directory in sorted(found):
        rel = Path(directory).relative_to(root).as_posix()
        out.append(module if rel == "." else f"{module}/{rel}")
    return out


def _tool_packages(snapshot: Snapshot, path: Path, mod: GoMod, replace: Span) -> list[Completion]:
    """Commands of the main module and of required modules whose source is on this machine."""
    have = {t.path for t in mod.tools}
    roots: list[tuple[str, Path, str]] = []
    if mod.module_path:
        roots.append((mod.module_path, path.parent, "this module"))
    cache = module_cache()
    for req in mod.requires:
        local = next(
            (
                resolve_dir(path.parent, rep.new_path)
                for rep in mod.replaces
                if rep.old_path == req.path and rep.is_local
            ),
            None,
        )
        if local is None and cache is not None:
            extracted = cache.root / f"{escape(req.path)}@{req.version}"
            local = extracted if extracted.is_dir() else None
        if local is not None:
            roots.append((req.path, local, f"{req.path} {req.version}"))
    out = []
    for module, root, where in roots:
        for package in _main_packages(snapshot, root, module):
            if package not in have:
                out.append(
                    Completion(package, CompletionKind.MODULE, f"command in {where}", replace)
                )
    return out


def _ignorable_dirs(snapshot: Snapshot, path: Path, replace: Span) -> list[Completion]:
    """Directories of the module that ``go`` would otherwise match with ``./...``."""
    root = path.parent
    out = []
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if not entry.is_dir() or name.startswith((".", "_")) or name in ("testdata", "vendor"):
            continue
        if (entry / "go.mod").is_file():
            continue  # a nested module is not part of this one anyway
        out.append(Completion(f"./{name}", CompletionKind.FOLDER, "directory", replace))
    return out


def _cached_versions(module: str, replace: Span) -> list[Completion]:
    """Versions of ``module`` the module cache holds: newest first, pseudo-versions last."""
    cache = module_cache()
    cached = cache.get(module) if cache else None
    if cached is None:
        return []
    return [
        Completion(
            version,
            CompletionKind.VERSION,
            "pseudo-version" if is_pseudo_version(version) else "in the module cache",
            replace,
            sort_text=f"{rank:05d}",
        )
        for rank, version in enumerate(cached.versions)
    ]


def _replaceable_modules(
    snapshot: Snapshot, path: Path, doc: GoMod | GoWork, replace: Span
) -> list[Completion]:
    """Required modules to replace; in a go.work, never its own modules (go rejects that)."""
    items = _required_modules(snapshot, path, doc, replace)
    view = workspace_view(snapshot, path) if isinstance(doc, GoWork) else None
    if view is not None:
        own = {m.module_path for m in view.modules if m.module_path}
        items = [c for c in items if c.label not in own]
    return items


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
