"""Migration from local ``replace`` hacks to a Go workspace (pure planning, no writes).

Given a root directory, the plan says what go.work should contain (a ``use`` for every module
below the root and a ``go`` line no lower than any module needs) and, for every local
``replace`` in those modules' go.mod files, whether it becomes redundant in workspace mode or
must stay for ``GOWORK=off`` builds, and why.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum
from functools import cmp_to_key
from pathlib import Path

from gowls.analysis.engine import check_file
from gowls.analysis.findings import Finding, Severity
from gowls.analysis.go import documents
from gowls.analysis.go.modules import module_dirs, resolve_dir, shown_relative
from gowls.analysis.snapshot import Snapshot, normalize
from gowls.syntax.directives import Replace
from gowls.syntax.gowork import GoWork
from gowls.syntax.versions import compare_go, is_placeholder_version


class ReplaceFate(Enum):
    """What becomes of a local replace once the workspace exists."""

    REDUNDANT = "redundant in the workspace"
    KEEP = "keep for GOWORK=off"
    OUTSIDE = "points outside the workspace"
    BROKEN = "target is not a module"


class NothingToMigrate(ValueError):
    """The folder holds no module, so there is no workspace to create."""


@dataclass(frozen=True, slots=True)
class ReplaceNote:
    """One local replace and what the migration means for it."""

    gomod: Path
    replace: Replace
    fate: ReplaceFate
    reason: str


@dataclass(slots=True)
class MigrationPlan:
    """The go.work to write and what it means for the existing replaces."""

    gowork: Path
    existed: bool
    old_text: str
    new_text: str
    added: list[str] = field(default_factory=list)
    """``use`` paths the plan adds."""
    go_version: str = ""
    notes: list[ReplaceNote] = field(default_factory=list)
    new_findings: list[Finding] = field(default_factory=list)
    """Warnings and errors the new workspace raises that the files do not have today."""

    @property
    def changed(self) -> bool:
        """Whether go.work would be created or changed."""
        return self.new_text != self.old_text or not self.existed


def plan_migration(snapshot: Snapshot, root: Path) -> MigrationPlan:
    """Plan a go.work at ``root`` that uses every module below it."""
    root = normalize(root)
    gowork = root / "go.work"
    existing_data = snapshot.source.read_bytes(gowork) if snapshot.source.is_file(gowork) else None
    work: GoWork | None = documents.gowork(snapshot, gowork) if existing_data is not None else None
    old_text = existing_data.decode("utf-8", errors="replace") if existing_data else ""

    dirs = module_dirs(snapshot, root)
    if not dirs and work is None:
        raise NothingToMigrate(
            f"no go.mod in {root} or below it: there is no module to put in a workspace "
            "(run `go mod init` first)"
        )
    used: set[Path] = set()
    if work is not None:
        for use in work.uses:
            used.add(resolve_dir(root, use.path))
    workspace_dirs = set(dirs) | used
    module_of: dict[Path, str] = {}
    versions: list[str] = []
    for directory in dirs:
        mod = documents.gomod(snapshot, directory / "go.mod")
        if mod is None:
            continue
        if mod.module_path:
            module_of[directory] = mod.module_path
        if mod.go is not None:
            versions.append(mod.go.version)
    current = work.go.version if work is not None and work.go is not None else ""
    candidates = [*versions, current] if current else versions
    go_version = max(candidates, key=cmp_to_key(compare_go)) if candidates else "1.22"

    added = [shown_relative(d, root) for d in dirs if d not in used]
    new_text = _render(old_text, work, go_version, added)
    plan = MigrationPlan(gowork, work is not None, old_text, new_text, added, go_version)
    if plan.changed:
        plan.new_findings = _new_findings(snapshot, plan, [d / "go.mod" for d in dirs])
    for directory in dirs:
        mod = documents.gomod(snapshot, directory / "go.mod")
        if mod is None:
            continue
        required = {r.path: r.version for r in mod.requires}
        for rep in mod.replaces:
            if rep.is_local:
                plan.notes.append(_note(snapshot, directory, rep, required, workspace_dirs))
    return plan


def _new_findings(snapshot: Snapshot, plan: MigrationPlan, gomods: list[Path]) -> list[Finding]:
    """Findings (warning or worse) the planned go.work brings, checked in an overlay."""
    after = Snapshot(
        snapshot.source.with_text(plan.gowork, plan.new_text),
        snapshot.languages,
        roots=snapshot.roots,
    )

    def keys(snap: Snapshot, files: list[Path]) -> dict[tuple[Path, str, int], Finding]:
        out = {}
        for path in files:
            for f in check_file(snap, path).findings:
                if f.severity <= Severity.WARNING:
                    out[(f.path, f.code, f.span.start.line)] = f
        return out

    before = keys(snapshot, ([plan.gowork] if plan.existed else []) + gomods)
    now = keys(after, [plan.gowork, *gomods])
    return [f for key, f in now.items() if key not in before]


def _note(
    snapshot: Snapshot,
    directory: Path,
    rep: Replace,
    required: dict[str, str],
    workspace_dirs: set[Path],
) -> ReplaceNote:
    gomod = directory / "go.mod"
    target = resolve_dir(directory, rep.new_path)
    if not snapshot.source.is_file(target / "go.mod"):
        missing = "has no go.mod" if snapshot.source.is_dir(target) else "does not exist"
        return ReplaceNote(
            gomod,
            rep,
            ReplaceFate.BROKEN,
            f"{rep.new_path} {missing}, so it cannot become a module of the workspace, and go "
            "fails wherever this replace is needed (GM101). Correct the path or create the "
            "module there first.",
        )
    if target not in workspace_dirs:
        return ReplaceNote(
            gomod,
            rep,
            ReplaceFate.OUTSIDE,
            f"{rep.new_path} is not a module of the workspace, so this replace still decides "
            "where the code comes from in both modes; keep it (or add that directory to go.work).",
        )
    version = required.get(rep.old_path, "")
    if not version:
        return ReplaceNote(
            gomod,
            rep,
            ReplaceFate.REDUNDANT,
            f"this go.mod does not require {rep.old_path}, so GOWORK=off builds of this module "
            f"never use the replace, and go.work's use of {rep.new_path} provides it in the "
            "workspace.",
        )
    if is_placeholder_version(version):
        return ReplaceNote(
            gomod,
            rep,
            ReplaceFate.KEEP,
            f"the workspace builds {rep.old_path} from {rep.new_path} without it, but "
            f"GOWORK=off builds (and go's module-graph loading) need it: the required version "
            f"{version} is a placeholder that cannot be downloaded.",
        )
    return ReplaceNote(
        gomod,
        rep,
        ReplaceFate.REDUNDANT,
        f"go.work uses {rep.new_path}, so workspace builds ignore this replace. Keep it only if "
        f"GOWORK=off builds must also use the local copy; without it they use the published "
        f"{rep.old_path} {version}.",
    )


def _render(old_text: str, work: GoWork | None, go_version: str, added: list[str]) -> str:
    if work is None:
        lines = [f"go {go_version}", ""]
        if added:
            lines += ["use ("] + [f"\t{p}" for p in added] + [")"]
        return "\n".join(lines) + "\n"
    data = old_text.encode("utf-8")
    edits: list[tuple[int, int, str]] = []
    index = work.index
    if work.go is None:
        edits.append((0, 0, f"go {go_version}\n\n"))
    elif compare_go(go_version, work.go.version) > 0:
        edits.append((index.offset(work.go.span.start), index.offset(work.go.span.end), go_version))
    if added:
        block = next((b for b in work.syntax.blocks if b.verb == "use" and b.rparen), None)
        if block is not None and block.rparen is not None:
            at = index.offset(block.rparen.start)
            edits.append((at, at, "".join(f"\t{p}\n" for p in added)))
        else:
            tail = "" if not data or data.endswith(b"\n") else "\n"
            body = "".join(f"\t{p}\n" for p in added)
            edits.append((len(data), len(data), f"{tail}\nuse (\n{body})\n"))
    out = data
    for start, end, text in sorted(edits, reverse=True):
        out = out[:start] + text.encode("utf-8") + out[end:]
    return out.decode("utf-8", errors="replace")


def describe(plan: MigrationPlan, cwd: Path) -> str:
    """A human-readable report of the plan."""
    shown = os.path.relpath(plan.gowork, cwd)
    lines = []
    if not plan.changed:
        lines.append(f"{shown} already uses every module; nothing to change.")
    elif plan.existed:
        lines.append(f"{shown}: add {len(plan.added)} module(s), go {plan.go_version}")
    else:
        lines.append(f"{shown}: create with {len(plan.added)} module(s), go {plan.go_version}")
    for path in plan.added:
        lines.append(f"  use {path}")
    if plan.new_findings:
        lines.append("The new workspace brings findings these files do not have today:")
    for f in plan.new_findings:
        where = os.path.relpath(f.path, cwd)
        lines.append(
            f"  {where}:{f.span.start.line + 1}: {f.severity.label}: {f.message} [{f.code}]"
        )
    if plan.notes:
        lines.append("Local replace directives:")
    for note in plan.notes:
        where = os.path.relpath(note.gomod, cwd)
        line = note.replace.statement.span.start.line + 1
        lines.append(
            f"  {where}:{line}: replace {note.replace.old_path} => {note.replace.new_path}: "
            f"{note.fate.value}. {note.reason}"
        )
    return "\n".join(lines) + "\n"
