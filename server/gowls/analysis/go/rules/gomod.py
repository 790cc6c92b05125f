"""Rules for go.mod files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from gowls.analysis.edits import delete_lines
from gowls.analysis.findings import Finding, Fix, Related, Severity, TextEdit
from gowls.analysis.go.modules import (
    ModuleGraph,
    ReplaceSource,
    WorkspaceModule,
    WorkspaceView,
    fully_visible,
    module_graph,
    module_mode_graph,
    own_replaces,
    shown_relative,
)
from gowls.analysis.go.rules.common import syntax_findings
from gowls.analysis.registry import RuleContext, RuleInfo, finding, rule
from gowls.syntax.directives import Replace
from gowls.syntax.gomod import GoMod
from gowls.syntax.positions import LineIndex, Span
from gowls.syntax.versions import ZERO_PSEUDO_VERSION

KIND = "go.mod"


@rule(
    RuleInfo(
        code="GM001",
        name="syntax-error",
        kind=KIND,
        severity=Severity.ERROR,
        summary="go.mod syntax or directive error that makes `go` reject the file",
        explanation=(
            "`go` refuses to build with a go.mod it cannot parse (`go: errors parsing go.mod`). "
            "The message is go's own, followed by how to fix it."
        ),
        fix="Correct the line as the message says.",
        example="module example.com/m\n\ngo 1.22\n\nrequire example.com/x 1.2.3\n",
    )
)
def syntax_error(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Syntax and directive problems ``go`` reports while parsing the file."""
    return syntax_findings(info, ctx.path, ctx.doc.index, ctx.doc.problems, KIND)


# -- the module graph ---------------------------------------------------------------------


def _graphs(ctx: RuleContext[GoMod]) -> tuple[ModuleGraph, ModuleGraph]:
    """The graph go builds for this go.mod (its workspace's, if any) and the GOWORK=off one.

    Memoised in the snapshot, so every rule of this file (and of the pass) shares them and each
    still records the paths they were built from.
    """

    def build() -> tuple[ModuleGraph, ModuleGraph]:
        graph = module_graph(ctx.snapshot, ctx.path, ctx.doc)
        if graph.workspace is None:
            return graph, graph
        return graph, module_mode_graph(ctx.snapshot, ctx.path, ctx.doc)

    return ctx.snapshot.memo(("go.mod graphs", ctx.path), build)


def _same(graph: ModuleGraph, rep: ReplaceSource) -> ReplaceSource:
    """``rep`` as it appears in another graph of the same go.mod."""
    for other in graph.mod_replaces:
        if other.replace is rep.replace:
            return other
    return rep


def _line_of(span: Span) -> int:
    return span.start.line + 1


def _shown_version(module: str, version: str) -> str:
    return f"{module}@{version}" if version else module


def delete_directive(path: Path, index: LineIndex, first: int, last: int) -> TextEdit:
    """Delete lines ``first``..``last`` and, if they stood between blank lines (or a blank
    line and the start or end of the file), one of those blank lines too."""

    def blank(line: int) -> bool:
        return 0 <= line < index.line_count and not index.line_bytes(line).strip()

    before = first == 0 or blank(first - 1)
    after = last + 1 >= index.line_count or blank(last + 1)
    if before and blank(last + 1):
        last += 1
    elif after and first > 0 and blank(first - 1):
        first -= 1
    return delete_lines(path, index, first, last)


def _remove_replace_fix(ctx: RuleContext[GoMod], rep: Replace, safe: bool = False) -> Fix:
    span = rep.statement.span
    edit = delete_directive(ctx.path, ctx.doc.index, span.start.line, span.end.line)
    shown = rep.old_path + (f" {rep.old_version}" if rep.old_version else "")
    return Fix(f"Remove the replace of {shown}", (edit,), safe=safe)


def _append_replace_fix(ctx: RuleContext[GoMod], line: str) -> Fix:
    """A fix adding ``replace …`` at the end of the go.mod."""
    data = ctx.doc.index.data
    end = ctx.doc.index.point(len(data))
    sep = "" if not data or data.endswith(b"\n") else "\n"
    edit = TextEdit(ctx.path, Span(end, end), f"{sep}\n{line}\n")
    return Fix(f"Add `{line}`", (edit,), safe=False)


def _workspace_dir_for(ctx: RuleContext[GoMod], module: WorkspaceModule) -> str:
    return shown_relative(module.directory, ctx.path.parent)


def _use_line(view: WorkspaceView, module: WorkspaceModule) -> int:
    return _line_of(module.used.use.statement.span)


@rule(
    RuleInfo(
        code="GM101",
        name="replace-target-missing",
        kind=KIND,
        severity=Severity.ERROR,
        summary="A directory replacement points at a directory without a go.mod",
        explanation=(
            "`go` reads the go.mod of every replacement directory it needs and fails when there "
            "is none: `M@V (replaced by ../x): reading ../x/go.mod: open …/x/go.mod: no such "
            "file or directory` (`go list -m all`), or `replacement directory ../x does not "
            "exist` (`go build`). In a workspace the replaces of every module's go.mod apply "
            "to the whole workspace, so a sibling's requirement is enough to break it. A replace "
            "that no module in the graph requires is ignored (see GM104); a replace only "
            "`GOWORK=off` builds use (go.work overrides it) is reported as a warning. The "
            "target's go.mod may declare another module path: `go` accepts that."
        ),
        fix="Create the module in that directory (`go mod init`) or correct the replace path.",
        example=(
            "module example.com/m\n\ngo 1.22\n\nrequire example.com/x v1.0.0\n\n"
            "replace example.com/x => ../x\n"
        ),
    )
)
def replace_target_missing(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Directory replacements in use whose directory holds no go.mod."""
    source = ctx.snapshot.source
    graph, off = _graphs(ctx)
    for rep in own_replaces(graph, ctx.path):
        target = rep.target_dir
        if target is None or source.is_file(target / "go.mod"):
            continue
        used = graph.uses(rep)
        severity = Severity.ERROR
        mode = ""
        if not used and graph.workspace is not None:
            used = off.uses(_same(off, rep))
            severity = Severity.WARNING
            mode = " with GOWORK=off"
        if not used:
            continue
        req = used[0]
        new = rep.replace.new_path
        # go names the directory relative to where it runs: the go.work directory in a
        # workspace, the module directory otherwise (as written).
        shown = new
        if severity is Severity.ERROR and graph.workspace is not None:
            shown = shown_relative(target, graph.workspace.directory)
        gomod = os.path.normpath(os.path.join(shown, "go.mod")).replace(os.sep, "/")
        version = _shown_version(req.module, req.version)
        if source.is_dir(target):
            what = f"{new} has no go.mod"
            todo = f"Run `go mod init {rep.module}` in {new} or correct the path."
        else:
            what = f"replacement directory {new} does not exist"
            todo = f"Create the module in {new} or correct the path."
        yield finding(
            info,
            ctx.path,
            rep.replace.new_span,
            f"{what}: go fails to load {version}{mode} (`{version} (replaced by {shown}): reading "
            f"{gomod}: no such file or directory`)."
            + (" go.work replaces the module in the workspace, which hides it." if mode else "")
            + f" {todo}",
            related=(Related(req.file, req.require.path_span, f"requires {version}"),),
            severity=severity,
        )


@rule(
    RuleInfo(
        code="GM102",
        name="replace-shadowed-by-workspace",
        kind=KIND,
        severity=Severity.WARNING,
        summary="A replace of a workspace module points somewhere the workspace does not use",
        explanation=(
            "In workspace mode the `use`d directory provides a workspace module, whatever a "
            "go.mod replace says (`go` still reads the replacement's go.mod to load the module "
            "graph). With `GOWORK=off` the replace decides. When the two differ, workspace "
            "builds and `GOWORK=off` builds (CI, `go install`, release tooling) compile "
            "different code for the same import path. A replace to the same directory the "
            "workspace uses is harmless and not reported."
        ),
        fix="Point the replace at the directory the workspace uses (offered as a quick fix), or "
        "stop using one of them.",
        example=(
            "-- go.work --\ngo 1.22\n\nuse (\n\t./a\n\t./b\n)\n"
            "-- a/go.mod --\nmodule example.com/a\n\ngo 1.22\n\n"
            "require example.com/b v0.0.0-00010101000000-000000000000\n\n"
            "replace example.com/b => ../b-fork\n"
        ),
    )
)
def replace_shadowed_by_workspace(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Replaces of a workspace module with a target other than the used directory."""
    graph, off = _graphs(ctx)
    view = graph.workspace
    if view is None:
        return
    for rep in own_replaces(graph, ctx.path):
        module = view.by_module(rep.module)
        if module is None or rep.module == ctx.doc.module_path:
            continue
        if graph.overridden_by_gowork(rep):
            continue  # go.work decides; GW108 reports an all-versions go.work replace
        target = rep.target_dir
        if target is None or target == module.directory:
            continue  # a module version: like any published requirement outside the workspace
        if not ctx.snapshot.source.is_file(target / "go.mod"):
            continue  # GM101
        if not off.uses(_same(off, rep)):
            continue  # GOWORK=off builds do not use it either
        used_dir = _workspace_dir_for(ctx, module)
        edit = TextEdit(ctx.path, rep.replace.new_span, used_dir)
        work_rel = shown_relative(view.path, ctx.path.parent)
        yield finding(
            info,
            ctx.path,
            rep.replace.new_span,
            f"{rep.module} is a workspace module: workspace builds compile {used_dir} "
            f"({work_rel} line {_use_line(view, module)}), but GOWORK=off builds compile "
            f"{rep.target_text} from this replace. Point the replace at {used_dir}, or remove "
            f"{module.used.shown} from the workspace.",
            fixes=(Fix(f"Point the replace at {used_dir}", (edit,)),),
            related=(Related(view.path, module.used.use.span, f"the workspace uses {used_dir}"),),
        )


@rule(
    RuleInfo(
        code="GM103",
        name="require-zero-pseudo-version",
        kind=KIND,
        severity=Severity.ERROR,
        summary="A requirement at v0.0.0-00010101000000-000000000000 that no replace serves",
        explanation=(
            "`v0.0.0-00010101000000-000000000000` is the placeholder `go mod edit` writes for a "
            "module only a replace provides; it names no commit and can never be downloaded. "
            "Without a replace serving it, `go` must look it up and fails: `go list -m all`, "
            "`go mod download` and `go work sync` fail even in a workspace (`M@v0.0.0-…: "
            "module lookup disabled` offline, an unknown revision online), and every "
            "`GOWORK=off` build fails. Workspace builds of a workspace module still compile "
            "the used directory, which hides the problem. A replace in another workspace "
            "module or in go.work is reported by GM106 instead."
        ),
        fix="Add a replace to this go.mod pointing at the module's directory (offered for a "
        "workspace module), or require a published version.",
        example=(
            "module example.com/a\n\ngo 1.22\n\n"
            "require example.com/b v0.0.0-00010101000000-000000000000\n"
        ),
    )
)
def require_zero_pseudo_version(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Placeholder-version requirements no replace anywhere serves."""
    graph, off = _graphs(ctx)
    view = graph.workspace
    for req in ctx.doc.requires:
        if req.version != ZERO_PSEUDO_VERSION:
            continue
        if off.replacement(req.path, req.version) is not None:
            continue
        if graph.replacement(req.path, req.version) is not None:
            continue  # GM106
        shown = f"{req.path}@{req.version}"
        module = view.by_module(req.path) if view is not None else None
        if module is not None and view is not None:
            used_dir = _workspace_dir_for(ctx, module)
            line = f"replace {req.path} => {used_dir}"
            yield finding(
                info,
                ctx.path,
                req.version_span,
                f"no replace serves {shown}, a placeholder version that cannot be downloaded: "
                "`go list -m all`, `go mod download` and `go work sync` fail, and so does every "
                f"GOWORK=off build (workspace builds compile {used_dir} and hide it). Add "
                f"`{line}` to this go.mod.",
                fixes=(_append_replace_fix(ctx, line),),
                related=(
                    Related(view.path, module.used.use.span, f"the workspace uses {used_dir}"),
                ),
            )
        else:
            yield finding(
                info,
                ctx.path,
                req.version_span,
                f"no replace serves {shown}, a placeholder version that cannot be downloaded: "
                "go must look it up and fails. Add a replace pointing at the module's "
                "directory, or require a published version.",
            )


@rule(
    RuleInfo(
        code="GM104",
        name="replace-dead",
        kind=KIND,
        severity=Severity.WARNING,
        summary="A replace of a module nothing in the module graph requires",
        explanation=(
            "`go` applies a replace only to modules in the module graph and silently ignores "
            "the others (even when the replacement directory does not exist). In a workspace "
            "the replaces of every module's go.mod apply workspace-wide, so the replace is dead "
            "only when no workspace module requires the module. gowls reports it only when the "
            "whole graph is on disk (every requirement is a workspace module or a directory "
            "replacement): a downloaded module's go.mod could otherwise bring the module in."
        ),
        fix="Remove the replace (quick fix; not applied by `--fix`, since a future requirement "
        "would use it again).",
        example="module example.com/m\n\ngo 1.22\n\nreplace example.com/x => ../x\n",
    )
)
def replace_dead(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Replaces whose module no visible go.mod requires, in a fully visible graph."""
    graph, _ = _graphs(ctx)
    own = [r for r in own_replaces(graph, ctx.path) if r.module != ctx.doc.module_path]
    if not own or not fully_visible(ctx.snapshot, graph):
        return
    for rep in own:
        if graph.requirements_of(rep.module):
            continue
        scope = (
            "no workspace module requires" if graph.workspace else "this module does not require"
        )
        extra = ""
        target = rep.target_dir
        if target is not None and not ctx.snapshot.source.is_dir(target):
            extra = f" (its directory {rep.replace.new_path} does not exist either)"
        yield finding(
            info,
            ctx.path,
            rep.replace.old_span,
            f"{scope} {rep.module}, nor does any other go.mod in the module graph, so go "
            f"ignores this replace{extra}. Remove it.",
            fixes=(_remove_replace_fix(ctx, rep.replace),),
        )


@rule(
    RuleInfo(
        code="GM105",
        name="replace-version-never-matches",
        kind=KIND,
        severity=Severity.WARNING,
        summary="A versioned replace whose version no requirement in the module graph has",
        explanation=(
            "`replace M v1.2.3 => …` applies only to exactly `M v1.2.3`. When every go.mod in "
            "the module graph requires M at other versions, `go` never uses it (the build uses "
            "the required version, unreplaced). Reported only when the whole graph is on disk."
        ),
        fix="Remove the replace (quick fix), or drop its version so it applies to every version.",
        example=(
            "module example.com/m\n\ngo 1.22\n\nrequire example.com/x v1.0.0\n\n"
            "replace example.com/x v1.1.0 => ../x\n"
        ),
    )
)
def replace_version_never_matches(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Versioned replaces of a required module at a version nothing requires."""
    graph, _ = _graphs(ctx)
    own = [r for r in own_replaces(graph, ctx.path) if r.replace.old_version]
    if not own or not fully_visible(ctx.snapshot, graph):
        return
    for rep in own:
        reqs = graph.requirements_of(rep.module)
        if not reqs or any(rep.serves(r.version) for r in reqs):
            continue
        versions = sorted({r.version for r in reqs})
        assert rep.replace.old_version_span is not None
        yield finding(
            info,
            ctx.path,
            rep.replace.old_version_span,
            f"no go.mod in the module graph requires {rep.module} {rep.replace.old_version} "
            f"(required: {', '.join(versions)}), so go never uses this replace. Remove it, or "
            "drop its version to replace every version.",
            fixes=(_remove_replace_fix(ctx, rep.replace),),
            related=tuple(
                Related(r.file, r.require.version_span, f"requires {r.module} {r.version}")
                for r in reqs
            ),
        )


@rule(
    RuleInfo(
        code="GM106",
        name="requirement-served-only-by-sibling-replace",
        kind=KIND,
        severity=Severity.WARNING,
        summary="A requirement only a replace in another workspace module or go.work serves",
        explanation=(
            "In workspace mode the replaces of go.work and of every workspace module's go.mod "
            "apply to the whole workspace, so this module's requirement is served by a replace "
            "it does not declare. Builds in the workspace work; with `GOWORK=off` the replace "
            "is gone: a placeholder version (`v0.0.0-00010101000000-000000000000`) fails "
            "(`missing go.sum entry for module providing package …`, or a download failure), "
            "and a published version compiles the downloaded module instead of the replacement."
        ),
        fix="Copy the replace into this go.mod (offered as a quick fix).",
        example=(
            "-- go.work --\ngo 1.22\n\nuse (\n\t./a\n\t./b\n)\n"
            "-- a/go.mod --\nmodule example.com/a\n\ngo 1.22\n\n"
            "replace example.com/x => ../x\n"
            "-- b/go.mod --\nmodule example.com/b\n\ngo 1.22\n\n"
            "require example.com/x v0.0.0-00010101000000-000000000000\n"
        ),
    )
)
def requirement_served_only_by_sibling_replace(
    ctx: RuleContext[GoMod], info: RuleInfo
) -> Iterator[Finding]:
    """Requirements served by a replace declared outside this go.mod."""
    graph, off = _graphs(ctx)
    view = graph.workspace
    if view is None:
        return
    for req in ctx.doc.requires:
        if off.replacement(req.path, req.version) is not None:
            continue
        rep = graph.replacement(req.path, req.version)
        if rep is None or rep.file == ctx.path:
            continue
        zero = req.version == ZERO_PSEUDO_VERSION
        if view.by_module(req.path) is not None and not zero:
            continue  # the used directory serves it in the workspace; a published version off
        if (rep.replace.new_path, rep.replace.new_version) == (req.path, req.version):
            continue  # replaced by itself: GOWORK=off builds the same version
        if rep.target_dir is not None and not ctx.snapshot.source.is_file(
            rep.target_dir / "go.mod"
        ):
            continue  # GM101: the workspace itself fails
        where = (
            shown_relative(rep.file, ctx.path.parent)
            + f" line {_line_of(rep.replace.statement.span)}"
        )
        target = rep.target_dir
        new = shown_relative(target, ctx.path.parent) if target is not None else rep.target_text
        old = rep.module + (f" {rep.replace.old_version}" if rep.replace.old_version else "")
        line = f"replace {old} => {new}"
        if zero:
            off_fact = (
                f"with GOWORK=off it is gone and go fails on {req.path}@{req.version} "
                "(`missing go.sum entry`, or a download failure: the version cannot be downloaded)"
            )
        else:
            off_fact = (
                f"with GOWORK=off it is gone and go builds {req.path} {req.version} from the "
                f"module proxy instead of {rep.target_text}"
            )
        yield finding(
            info,
            ctx.path,
            req.path_span,
            f"{req.path} {req.version} is served only by the replace in {where} (replaces in "
            f"a workspace apply workspace-wide); {off_fact}. Add `{line}` to this go.mod"
            + ("." if rep.in_gowork else ", or move the replace to go.work."),
            fixes=(_append_replace_fix(ctx, line),),
            related=(Related(rep.file, rep.replace.statement.span, "the replace serving it"),),
        )


GOMOD_RULES = (
    syntax_error,
    replace_target_missing,
    replace_shadowed_by_workspace,
    require_zero_pseudo_version,
    replace_dead,
    replace_version_never_matches,
    requirement_served_only_by_sibling_replace,
)
"""The rules of this module, in code order."""
