"""Rules for go.mod files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from gowls.analysis.edits import delete_lines
from gowls.analysis.findings import Finding, Fix, Related, Severity, TextEdit
from gowls.analysis.go.documents import module_dir_gomod
from gowls.analysis.go.modules import (
    ModuleGraph,
    ReplaceSource,
    Requirement,
    WorkspaceModule,
    WorkspaceView,
    conflicted_modules,
    fully_visible,
    governing_workspace,
    module_graph,
    module_mode_graph,
    own_conflicts,
    own_replaces,
    shown_relative,
    unused_by_workspace,
)
from gowls.analysis.go.rules.common import (
    TargetState,
    missing_target,
    syntax_findings,
    target_state,
)
from gowls.analysis.registry import Example, RuleContext, RuleInfo, finding, rule
from gowls.syntax.directives import Replace
from gowls.syntax.gomod import GoMod
from gowls.syntax.modpath import check_import_path
from gowls.syntax.positions import LineIndex, Point, Span
from gowls.syntax.versions import (
    GO_VERSION_RE,
    GoVersion,
    compare_go,
    compare_semver,
    is_placeholder_version,
    may_hold_placeholder,
    placeholder_positions,
)

KIND = "go.mod"
_PLACEHOLDER_BYTES = b"-00010101000000-000000000000"
"""What every placeholder version's text holds (GM103 looks no further without it)."""
_VERSION = attrgetter("version")


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
        example=Example(
            {
                "go.mod": ("module example.com/m\n\ngo 1.22\n\nrequire example.com/x 1.2.3\n"),
            },
            "go.mod",
        ),
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


def off_only_note(ctx: RuleContext[GoMod]) -> str:
    """When a go.work above does not use this module: a sentence saying go reads this go.mod
    only with GOWORK=off (findings become warnings); else ""."""
    work = unused_by_workspace(ctx.snapshot, ctx.path)
    if work is None:
        return ""
    shown = shown_relative(work, ctx.path.parent)
    return (
        f"{shown} does not use this module, so go reads this go.mod only with GOWORK=off "
        "(CI, `go install`)"
    )


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
    return Fix(f"Add {line}", (edit,), safe=False)


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
            "`GOWORK=off` builds use (go.work overrides it) is reported as a warning, and so "
            "is every finding in a go.mod below a go.work that does not use its module (go "
            "reads that go.mod only with `GOWORK=off`). The "
            "target's go.mod may declare another module path: `go` accepts that."
        ),
        fix="Create the module in that directory (`go mod init`) or correct the replace path.",
        example=Example(
            {
                "m/go.mod": (
                    "module example.com/m\n"
                    "\n"
                    "go 1.22\n"
                    "\n"
                    "require example.com/x v1.0.0\n"
                    "\n"
                    "replace example.com/x => ../x\n"
                ),
            },
            "m/go.mod",
        ),
    )
)
def replace_target_missing(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Directory replacements in use whose directory holds no go.mod."""
    source = ctx.snapshot.source
    graph, off = _graphs(ctx)
    module_mode_note: str | None = None  # asked once, when a finding needs it
    last = _LAST_MISSING.get(ctx.path, {})
    made: dict[int, _MissingFinding] = {}
    for rep in own_replaces(graph, ctx.path):
        target, target_gomod = rep.target_dir, rep.target_gomod
        if target is None or target_gomod is None or source.is_file(target_gomod):
            continue
        used = graph.uses(rep, read_only=True)
        severity = Severity.ERROR
        mode = ""
        if not used and graph.workspace is not None:
            used = off.uses(_same(off, rep), read_only=True)
            severity = Severity.WARNING
            mode = " with GOWORK=off"
        if not used:
            continue
        if graph.workspace is not None:
            note = ""
        else:
            if module_mode_note is None:
                module_mode_note = off_only_note(ctx)
            note = module_mode_note
        if note:
            severity = Severity.WARNING
            mode = " with GOWORK=off"
        req = used[0]
        new = rep.replace.new_path
        # go names the directory relative to where it runs: the go.work directory in a
        # workspace, the module directory otherwise (as written).
        shown = new
        if severity is Severity.ERROR and graph.workspace is not None:
            shown = shown_relative(target, graph.workspace.directory)
        hidden = ""
        if note:
            hidden = f" {note}."
        elif mode:
            work_rep = graph.replacement(req.module, req.version)
            if work_rep is not None and work_rep.in_gowork and work_rep.same_target(rep):
                hidden = (
                    " In the workspace go.work replaces it with the same directory, so "
                    "workspace builds fail too (reported on the go.work replace)."
                )
            else:
                hidden = " go.work replaces the module in the workspace, which hides it."
        state = target_state(ctx.snapshot, target)
        before = last.get(id(rep))
        if (
            before is not None
            and before.rep is rep
            and before.req is req
            and before.inputs == (severity, mode, shown, hidden, state)
        ):
            made[id(rep)] = before
            yield before.finding
            continue
        version = _shown_version(req.module, req.version)
        missing = missing_target(rep, shown, state)
        found = finding(
            info,
            ctx.path,
            rep.replace.new_span,
            f"{missing.what}: go fails to load {version}{mode} (`{version} (replaced by {shown}): "
            f"reading {missing.reading}`).{hidden} {missing.todo}",
            related=(Related(req.file, req.require.path_span, f"requires {version}"),),
            severity=severity,
        )
        made[id(rep)] = _MissingFinding(rep, req, (severity, mode, shown, hidden, state), found)
        yield found
    if len(_LAST_MISSING) >= _LAST_LIMIT and ctx.path not in _LAST_MISSING:
        _LAST_MISSING.clear()
    _LAST_MISSING[ctx.path] = made


@dataclass(frozen=True, slots=True)
class _MissingFinding:
    """A GM101 finding and everything its text and place were made from: the replace and the
    requirement (objects a re-parse keeps for unchanged lines), the choices made on the way
    and what the target directory is."""

    rep: ReplaceSource
    req: Requirement
    inputs: tuple[Severity, str, str, str, TargetState]
    finding: Finding


_LAST_MISSING: dict[Path, dict[int, _MissingFinding]] = {}
"""Per go.mod, the GM101 findings of its last check by their replace's identity: a keystroke
elsewhere in a go.mod with 60 missing targets re-reads what each finding was made from and
builds none of them again (the held replace keeps its identity from being reused)."""
_LAST_LIMIT = 64


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
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse (\n\t./a\n\t./b\n)\n"),
                "a/go.mod": (
                    "module example.com/a\n"
                    "\n"
                    "go 1.22\n"
                    "\n"
                    "require example.com/b v1.0.0\n"
                    "\n"
                    "replace example.com/b => ../b-fork\n"
                ),
                "b/go.mod": ("module example.com/b\n\ngo 1.22\n"),
                "b-fork/go.mod": ("module example.com/b\n\ngo 1.22\n"),
            },
            "a/go.mod",
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
        summary="A requirement at a placeholder version (v0.0.0-00010101000000-000000000000) "
        "that no replace serves",
        explanation=(
            "`v0.0.0-00010101000000-000000000000` (`vN.0.0-…` for a `/vN` module) is the "
            "placeholder `go mod edit` writes for a "
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
        example=Example(
            {
                "go.mod": (
                    "module example.com/a\n"
                    "\n"
                    "go 1.22\n"
                    "\n"
                    "require example.com/b v0.0.0-00010101000000-000000000000\n"
                ),
            },
            "go.mod",
        ),
    )
)
def require_zero_pseudo_version(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Placeholder-version requirements no replace anywhere serves."""
    requires = ctx.doc.requires
    data = ctx.doc.index.data
    # A version is its token's text unless a quoted token spells it with escapes.
    if _PLACEHOLDER_BYTES not in data and b"\\" not in data:
        return
    if not may_hold_placeholder(map(attrgetter("version"), requires)):
        return
    placeholders = [requires[at] for at in placeholder_positions(map(_VERSION, requires))]
    if not placeholders:
        return
    graph, off = _graphs(ctx)
    view = graph.workspace
    for req in placeholders:
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
            note = off_only_note(ctx) if view is None else ""
            yield finding(
                info,
                ctx.path,
                req.version_span,
                f"no replace serves {shown}, a placeholder version that cannot be downloaded: "
                f"go must look it up and fails{f'; {note}' if note else ''}. Add a replace "
                "pointing at the module's directory, or require a published version.",
                severity=Severity.WARNING if note else None,
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
        example=Example(
            {
                "go.mod": ("module example.com/m\n\ngo 1.22\n\nreplace example.com/x => ../x\n"),
            },
            "go.mod",
        ),
    )
)
def replace_dead(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Replaces whose module no visible go.mod requires, in a fully visible graph."""
    graph, _ = _graphs(ctx)
    conflicted = conflicted_modules(ctx.doc)  # GM108: go rejects them, whatever requires them
    own = [
        r
        for r in own_replaces(graph, ctx.path)
        if r.module != ctx.doc.module_path and (r.module, r.replace.old_version) not in conflicted
    ]
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
            "the required version as the other replaces or the module proxy provide it). Reported "
            "only when the whole graph is on disk (every requirement is a workspace module or "
            "served by a directory replacement): a downloaded module's go.mod could require M at "
            "the replaced version."
        ),
        fix="Remove the replace (quick fix), or drop its version so it applies to every version.",
        example=Example(
            {
                "go.mod": (
                    "module example.com/m\n"
                    "\n"
                    "go 1.22\n"
                    "\n"
                    "require example.com/x v1.0.0\n"
                    "\n"
                    "replace (\n"
                    "\texample.com/x v1.0.0 => ./x\n"
                    "\texample.com/x v1.1.0 => ./x-next\n"
                    ")\n"
                ),
                "x/go.mod": ("module example.com/x\n\ngo 1.22\n"),
            },
            "go.mod",
        ),
    )
)
def replace_version_never_matches(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Versioned replaces of a required module at a version nothing requires."""
    graph, _ = _graphs(ctx)
    conflicted = conflicted_modules(ctx.doc)  # GM108
    own = [
        r
        for r in own_replaces(graph, ctx.path)
        if r.replace.old_version and (r.module, r.replace.old_version) not in conflicted
    ]
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
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse (\n\t./a\n\t./b\n)\n"),
                "a/go.mod": ("module example.com/a\n\ngo 1.22\n\nreplace example.com/x => ../x\n"),
                "b/go.mod": (
                    "module example.com/b\n"
                    "\n"
                    "go 1.22\n"
                    "\n"
                    "require example.com/x v0.0.0-00010101000000-000000000000\n"
                ),
                "x/go.mod": ("module example.com/x\n\ngo 1.22\n"),
            },
            "b/go.mod",
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
        zero = is_placeholder_version(req.version)
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


def replace_target_text(rep: Replace) -> str:
    """A replacement as go prints it in ``conflicting replacements``."""
    return rep.new_path if rep.is_local else f"{rep.new_path}@{rep.new_version}"


@rule(
    RuleInfo(
        code="GM108",
        name="conflicting-replacements",
        kind=KIND,
        severity=Severity.ERROR,
        summary="One go.mod replaces the same module (and version) with two different targets",
        explanation=(
            "`go` refuses to load the module: `conflicting replacements for M:` followed by both "
            "targets, whether or not anything requires M, in module mode and in a workspace "
            "(even when go.work replaces M too). Targets are compared as written: `./x` and "
            "`./x/` conflict. Two identical lines are accepted."
        ),
        fix="Keep one of the replaces (removing this one is offered as a quick fix).",
        example=Example(
            {
                "go.mod": (
                    "module example.com/m\n\ngo 1.22\n\n"
                    "replace example.com/x => ./x1\n\nreplace example.com/x => ./x2\n"
                ),
            },
            "go.mod",
        ),
    )
)
def conflicting_replacements(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """A second replace of a module version with another replacement."""
    conflicts = list(own_conflicts(ctx.doc))
    note = off_only_note(ctx) if conflicts else ""
    for earlier, rep in conflicts:
        shown = rep.old_path + (f"@{rep.old_version}" if rep.old_version else "")
        first, second = replace_target_text(earlier), replace_target_text(rep)
        yield finding(
            info,
            ctx.path,
            rep.old_span,
            f"conflicting replacements for {shown}: this go.mod replaces it with {first} (line "
            f"{_line_of(earlier.statement.span)}) and with {second}, so go refuses to load the "
            f"module{f'; {note}' if note else ''}. Keep one replace.",
            severity=Severity.WARNING if note else None,
            fixes=(_remove_replace_fix(ctx, rep),),
            related=(Related(ctx.path, earlier.statement.span, f"replaced with {first}"),),
        )


@rule(
    RuleInfo(
        code="GM109",
        name="module-path-invalid",
        kind=KIND,
        severity=Severity.ERROR,
        summary="The go.mod has no `module` line, or one whose path `go` rejects",
        explanation=(
            '`go` checks the path of every main module: `malformed module path "P": '
            "REASON` (spaces, `@`, `!` and other characters outside letters, digits and "
            "`-._~+`; a leading dash; a trailing or double slash; `.` or `..` elements; a "
            "trailing dot; Windows device names such as `con`). In module mode a go.mod without "
            "a module line fails with `go: error reading go.mod: missing module declaration` "
            "(in a workspace GW105 reports it on the `use` line). Below a go.work that does not "
            "use the module, go reads the go.mod only with `GOWORK=off`: a warning."
        ),
        fix="Write a valid module path, e.g. `module example.com/name`.",
        example=Example({"go.mod": 'module "example.com/my module"\n\ngo 1.22\n'}, "go.mod"),
    )
)
def module_path_invalid(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """A missing module line (module mode) or a module path go rejects."""
    mod = ctx.doc
    if mod.problems:
        return  # go stops at the syntax errors (GM001)
    note = ""
    if governing_workspace(ctx.snapshot, ctx.path) is None:
        note = off_only_note(ctx)
    elif mod.module is None:
        return  # GW105 reports it on the go.work use line
    severity = Severity.WARNING if note else None
    tail = f"; {note}" if note else ""
    if mod.module is None:
        yield finding(
            info,
            ctx.path,
            Span(Point(0, 0), Point(0, 0)),
            "go.mod has no module line: go fails with `go: error reading go.mod: missing module "
            f"declaration`{tail}. Add `module example.com/name` at the top (`go mod edit "
            "-module=example.com/name`).",
            severity=severity,
        )
        return
    reason = check_import_path(mod.module.path)
    if reason is None:
        return
    yield finding(
        info,
        ctx.path,
        mod.module.span,
        f'malformed module path "{mod.module.path}": {reason}: go refuses to load the module'
        f"{tail}. Write a module path of letters, digits and -._~+ elements, e.g. "
        "`module example.com/name`.",
        severity=severity,
    )


@rule(
    RuleInfo(
        code="GM110",
        name="require-excluded",
        kind=KIND,
        severity=Severity.ERROR,
        summary="The go.mod excludes the very version it requires",
        explanation=(
            "In module mode `go` drops the requirement and wants go.mod rewritten: `go: ignoring "
            "requirement on excluded version M V`, then `go: updates to go.mod needed; to update "
            "it: go mod tidy` (`go build`, `go list -m all`). Inside a workspace that uses the "
            "module `go` accepts it, so there the finding is a warning: `GOWORK=off` commands "
            "fail."
        ),
        fix="Remove the exclude, or require a version that is not excluded.",
        example=Example(
            {
                "go.mod": (
                    "module example.com/m\n\ngo 1.22\n\nrequire example.com/x v1.0.0\n\n"
                    "exclude example.com/x v1.0.0\n\nreplace example.com/x => ./x\n"
                ),
                "x/go.mod": "module example.com/x\n\ngo 1.22\n",
            },
            "go.mod",
        ),
    )
)
def require_excluded(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Requirements of a version the same go.mod excludes."""
    if not ctx.doc.excludes:
        return
    excluded = {(e.path, e.version): e for e in ctx.doc.excludes}
    hits = [
        (r, excluded[(r.path, r.version)])
        for r in ctx.doc.requires
        if (r.path, r.version) in excluded
    ]
    if not hits:
        return
    view = governing_workspace(ctx.snapshot, ctx.path)
    note = off_only_note(ctx) if view is None else ""
    if view is not None:
        work = shown_relative(view.path, ctx.path.parent)
        note = f"in the workspace ({work}) go accepts it, which hides it"
    for req, exclude in hits:
        shown = f"{req.path} {req.version}"
        fact = (
            f"go ignores the requirement on excluded version {shown} and wants go.mod updated "
            "(`go: updates to go.mod needed`)"
        )
        if note:
            fact = f"with GOWORK=off, {fact}; {note}"
        yield finding(
            info,
            ctx.path,
            req.version_span,
            f"{fact}. Remove the exclude (line {_line_of(exclude.statement.span)}) or require "
            "a version that is not excluded.",
            related=(Related(ctx.path, exclude.statement.span, f"excludes {shown}"),),
            severity=Severity.WARNING if note else None,
        )


def readable_go_version(written: str) -> str:
    """The version go can read that ``written`` (a go line go cannot read) most likely means."""
    m = GO_VERSION_RE.match(written)
    if m is None:
        return written
    major, minor, pre = m.group(1), m.group(2), m.group(5)
    if pre:
        kind = pre.rstrip("0123456789")
        return f"{major}.{minor}{kind}{int(pre[len(kind) :])}"
    return written


@rule(
    RuleInfo(
        code="GM111",
        name="go-version-unreadable",
        kind=KIND,
        severity=Severity.ERROR,
        summary="The `go` line passes go.mod syntax but is not a Go version `go` can read",
        explanation=(
            "go.mod syntax accepts `go 1.21rc01` and `go 1.21.0rc1`, but `go` reads versions "
            "more strictly (no leading zero in a prerelease number, no prerelease of a patch "
            "release), treats the line as one to rewrite and fails in module mode: `go: updates "
            "to go.mod needed; to update it: go mod tidy` (`go build`, `go list -m all`), which "
            "`go mod tidy` does not fix. In a workspace that uses the module `go` accepts it, "
            "so there the finding is a warning."
        ),
        fix="Write the version go reads (`go 1.21rc1`); the quick fix does (not applied by "
        "--fix: it changes the language version the module declares).",
        example=Example({"go.mod": "module example.com/m\n\ngo 1.22rc01\n"}, "go.mod"),
    )
)
def go_version_unreadable(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """A go line modfile accepts that go's version parser rejects."""
    line = ctx.doc.go
    if line is None or GoVersion.parse_lenient(line.version) is not None:
        return
    view = governing_workspace(ctx.snapshot, ctx.path)
    note = off_only_note(ctx) if view is None else ""
    if view is not None:
        work = shown_relative(view.path, ctx.path.parent)
        note = f"in the workspace ({work}) go accepts it, which hides it"
    fact = (
        f"go {line.version} is not a Go version go can read, so go wants go.mod updated (`go: "
        "updates to go.mod needed`) and `go mod tidy` does not fix it"
    )
    if note:
        fact = f"with GOWORK=off, {fact}; {note}"
    better = readable_go_version(line.version)
    fixes: tuple[Fix, ...] = ()
    if better != line.version:
        fixes = (Fix(f"Write go {better}", (TextEdit(ctx.path, line.span, better),)),)
    yield finding(
        info,
        ctx.path,
        line.span,
        f"{fact}. Write go {better}" + (" or another valid version." if fixes else "."),
        fixes=fixes,
        severity=Severity.WARNING if note else None,
    )


@rule(
    RuleInfo(
        code="GM112",
        name="requirement-below-selected",
        kind=KIND,
        severity=Severity.ERROR,
        summary="A directory replacement this module requires needs newer versions (or a newer "
        "go line) than this go.mod lists",
        explanation=(
            "`go` loads the go.mod of every module this go.mod requires directly. When such a "
            "module is a local directory replacement whose go.mod requires a module this go.mod "
            "also requires, at a higher version, `go` selects the higher one, and when its go "
            "line (1.21 or later) is newer than this one, `go` needs the newer language: either "
            "way this go.mod no longer describes the module graph and `go` refuses to go on "
            "(`go: updates to go.mod needed; to update it: go mod tidy`, from `go list -m all` "
            "and from builds that import the dependency's packages). Inside a workspace that "
            "uses the module `go` accepts it, so there the finding is a warning. Only direct "
            "requirements are followed, as go prunes the graph there."
        ),
        fix="Raise the requirement to the selected version (safe quick fix: go already selects "
        "it) or the go line to the dependency's (quick fix, not applied by --fix: it changes "
        "the module's language version); `go mod tidy` does both.",
        example=Example(
            {
                "go.mod": (
                    "module example.com/m\n\ngo 1.22\n\nrequire (\n\texample.com/x v1.0.0\n"
                    "\texample.com/y v1.0.0\n)\n\nreplace (\n\texample.com/x => ./x\n"
                    "\texample.com/y => ./y\n)\n"
                ),
                "x/go.mod": "module example.com/x\n\ngo 1.22\n\nrequire example.com/y v1.1.0\n",
                "y/go.mod": "module example.com/y\n\ngo 1.22\n",
            },
            "go.mod",
        ),
    )
)
def requirement_below_selected(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Requirements (and the go line) below what a directly required local replacement needs."""
    mod = ctx.doc
    if not mod.requires or mod.problems or not mod.replaces:
        return  # (only this go.mod's own replaces lead to directories in module mode)
    off = module_mode_graph(ctx.snapshot, ctx.path, mod)
    found = off.target_gomods  # this go.mod's replaced requirements led the graph there
    own = {r.path: r for r in mod.requires}
    raises: dict[str, tuple[str, Path, str]] = {}
    go_needs: tuple[str, Path, str] | None = None
    for req in mod.requires:
        rep = off.replacement(req.path, req.version)
        if rep is None or rep.target_dir is None:
            continue
        target = rep.target_dir
        dep = found[target] if target in found else module_dir_gomod(ctx.snapshot, target)
        if dep is None or dep.problems:
            continue
        where = shown_relative(rep.target_dir / "go.mod", ctx.path.parent)
        for dep_req in dep.requires:
            mine = own.get(dep_req.path)
            if mine is None or compare_semver(dep_req.version, mine.version) <= 0:
                continue
            best = raises.get(dep_req.path)
            if best is None or compare_semver(dep_req.version, best[0]) > 0:
                raises[dep_req.path] = (dep_req.version, rep.target_dir / "go.mod", where)
        if dep.go is not None and mod.go is not None:
            needed = dep.go.version
            newer = compare_go(needed, "1.21") >= 0 and compare_go(needed, mod.go.version) > 0
            if newer and (go_needs is None or compare_go(needed, go_needs[0]) > 0):
                go_needs = (needed, rep.target_dir / "go.mod", where)
    if not raises and go_needs is None:
        return
    view = governing_workspace(ctx.snapshot, ctx.path)
    note = off_only_note(ctx) if view is None else ""
    if view is not None:
        work = shown_relative(view.path, ctx.path.parent)
        note = f"in the workspace ({work}) go accepts it, which hides it"
    severity = Severity.WARNING if note else None
    needed_msg = (
        "`go: updates to go.mod needed` (go list -m all, and builds that import its packages)"
    )
    if note:
        needed_msg = f"with GOWORK=off {needed_msg}; {note}"
    for path, (version, dep_path, where) in raises.items():
        mine = own[path]
        yield finding(
            info,
            ctx.path,
            mine.version_span,
            f"{where} requires {path} {version}, so go selects {version} and wants this "
            f"requirement ({mine.version}) raised: {needed_msg}. Raise it to {version}.",
            fixes=(
                Fix(
                    f"Raise {path} to {version}",
                    (TextEdit(ctx.path, mine.version_span, version),),
                    safe=True,
                ),
            ),
            related=(Related(dep_path, Span(Point(0, 0), Point(0, 0)), f"requires {version}"),),
            severity=severity,
        )
    if go_needs is not None and mod.go is not None:
        needed, dep_path, where = go_needs
        yield finding(
            info,
            ctx.path,
            mod.go.span,
            f"{where} declares go {needed}, newer than this go line ({mod.go.version}), so go "
            f"wants the go line raised: {needed_msg}. Raise it to go {needed}.",
            fixes=(
                Fix(f"Set the go line to {needed}", (TextEdit(ctx.path, mod.go.span, needed),)),
            ),
            related=(Related(dep_path, Span(Point(0, 0), Point(0, 0)), f"go {needed}"),),
            severity=severity,
        )


GOMOD_RULES = (
    syntax_error,
    replace_target_missing,
    replace_shadowed_by_workspace,
    require_zero_pseudo_version,
    replace_dead,
    replace_version_never_matches,
    requirement_served_only_by_sibling_replace,
    conflicting_replacements,
    module_path_invalid,
    require_excluded,
    go_version_unreadable,
    requirement_below_selected,
)
"""The rules of this module, in code order."""
