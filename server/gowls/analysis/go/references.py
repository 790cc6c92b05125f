"""References from go.mod lines to the Go code that uses them.

From a ``require`` line: every import, in this module's ``.go`` files, of a package of the
required module. From the ``module`` line (or a go.work ``use`` line): every import of the
module's packages by the other modules of its workspace. Imports are read with the small scanner of
:mod:`gowls.syntax.goimports` (no type checking); a nested module's files belong to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gowls.analysis.features import Lens, Target
from gowls.analysis.go.modules import WorkspaceView, governing_workspace, workspace_view
from gowls.analysis.go.mvs import selected_hints
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.goimports import GoImport, scan_imports
from gowls.syntax.gomod import GoMod
from gowls.syntax.gowork import GoWork
from gowls.syntax.positions import Point, Span

MAX_FILES = 20_000
"""Go files read per module at most."""


def _is_go_source(name: str) -> bool:
    return name.endswith(".go")


def module_imports(snapshot: Snapshot, directory: Path) -> list[tuple[Path, GoImport]]:
    """Every import in the ``.go`` files of the module rooted at ``directory``."""

    def build() -> list[tuple[Path, GoImport]]:
        out: list[tuple[Path, GoImport]] = []
        nested: dict[Path, bool] = {}

        def inside(path: Path) -> bool:
            parent = path.parent
            while parent != directory and directory in parent.parents:
                if parent not in nested:
                    nested[parent] = (parent / "go.mod").is_file()
                if nested[parent]:
                    return False
                parent = parent.parent
            return True

        for count, path in enumerate(snapshot.source.walk(directory, _is_go_source)):
            if count >= MAX_FILES:
                break
            if path.name.startswith(("_", ".")) or not inside(path):
                continue
            data = snapshot.source.read_bytes(path)
            if data is not None:
                out.extend((path, imp) for imp in scan_imports(data))
        return out

    return snapshot.memo(("go imports", directory), build)


def _importers(snapshot: Snapshot, directories: list[Path], module: str) -> list[Target]:
    targets = []
    for directory in directories:
        for path, imp in module_imports(snapshot, directory):
            if imp.path == module or imp.path.startswith(module + "/"):
                targets.append(Target(imp.span, path, imp.span))
    return targets


def _workspace_importers(snapshot: Snapshot, view: WorkspaceView, directory: Path) -> list[Target]:
    """Imports of the module at ``directory`` by the other modules of the workspace."""
    member = view.by_dir(directory)
    if member is None or not member.module_path:
        return []
    others = [m.directory for m in view.modules if m.directory != directory]
    return _importers(snapshot, others, member.module_path)


def _use_lines(ctx: RuleContext[Any]) -> list[tuple[Span, Span, Path]]:
    """(statement span, path span, module directory) of each ``use`` line of a go.work."""
    view = workspace_view(ctx.snapshot, ctx.path)
    if view is None:
        return []
    return [(m.used.use.statement.span, m.used.use.span, m.directory) for m in view.modules]


def references(ctx: RuleContext[Any], point: Point) -> list[Target]:
    """Imports that use the module of the ``require``, ``module`` or ``use`` line at ``point``."""
    mod = ctx.doc
    if isinstance(mod, GoWork):
        view = workspace_view(ctx.snapshot, ctx.path)
        for stmt_span, _, directory in _use_lines(ctx):
            if view is not None and stmt_span.contains(point):
                return _workspace_importers(ctx.snapshot, view, directory)
        return []
    if not isinstance(mod, GoMod):
        return []
    for req in mod.requires:
        if req.statement.span.contains(point):
            return _importers(ctx.snapshot, [ctx.path.parent], req.path)
    if mod.module is not None and mod.module.statement.span.contains(point):
        view = governing_workspace(ctx.snapshot, ctx.path)
        if view is None:
            return []
        others = [m.directory for m in view.modules if m.directory != ctx.path.parent]
        return _importers(ctx.snapshot, others, mod.module.path)
    return []


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def code_lenses(ctx: RuleContext[Any]) -> list[Lens]:
    """Counts above go.mod lines (importers of the module, imports of each requirement, the
    version the build selects where it differs) and above go.work ``use`` lines (importers)."""
    mod = ctx.doc
    if isinstance(mod, GoWork):
        view = workspace_view(ctx.snapshot, ctx.path)
        if view is None:
            return []
        return [
            Lens(
                path_span,
                _plural(len(_workspace_importers(ctx.snapshot, view, directory)), "import")
                + " in the workspace",
            )
            for _, path_span, directory in _use_lines(ctx)
            if (member := view.by_dir(directory)) is not None and member.module_path
        ]
    if not isinstance(mod, GoMod):
        return []
    out: list[Lens] = []
    if mod.module is not None:
        view = governing_workspace(ctx.snapshot, ctx.path)
        if view is not None:
            others = [m.directory for m in view.modules if m.directory != ctx.path.parent]
            count = len(_importers(ctx.snapshot, others, mod.module.path))
            out.append(Lens(mod.module.span, _plural(count, "import") + " in the workspace"))
    imports = module_imports(ctx.snapshot, ctx.path.parent)
    for req in mod.requires:
        count = sum(
            1 for _, imp in imports if imp.path == req.path or imp.path.startswith(req.path + "/")
        )
        out.append(Lens(req.path_span, _plural(count, "import") + " in this module"))
    for number, chosen, _ in selected_hints(ctx.snapshot, ctx.path, mod):
        out.append(Lens(mod.requires[number].path_span, f"selected {chosen}"))
    return out
