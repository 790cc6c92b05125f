"""References from go.mod lines to the Go code that uses them.

From a ``require`` line: every import, in this module's ``.go`` files, of a package of the
required module. From the ``module`` line: every import of the module's packages by the other
modules of its workspace. Imports are read with the small scanner of
:mod:`gowls.syntax.goimports` (no type checking); a nested module's files belong to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gowls.analysis.features import Lens, Target
from gowls.analysis.go.modules import governing_workspace
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.goimports import GoImport, scan_imports
from gowls.syntax.gomod import GoMod
from gowls.syntax.positions import Point

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


def references(ctx: RuleContext[Any], point: Point) -> list[Target]:
    """Imports that use the module of the ``require`` or ``module`` line at ``point``."""
    mod = ctx.doc
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
    """Counts above go.mod lines: importers of the module, imports of each requirement."""
    mod = ctx.doc
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
    return out
