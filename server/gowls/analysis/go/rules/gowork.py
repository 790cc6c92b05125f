"""Rules for go.work files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cmp_to_key
from itertools import chain
from pathlib import Path

from gowls.analysis.edits import append_block, delete_lines
from gowls.analysis.findings import Finding, Fix, Related, Severity, TextEdit
from gowls.analysis.go.modules import (
    UsedDir,
    UseTable,
    module_dir_texts,
    module_dirs,
    resolve_dir,
    shown_relative,
    use_table,
    workspace_graph,
    workspace_view,
)
from gowls.analysis.go.rules.common import missing_target, syntax_findings, target_state
from gowls.analysis.registry import Example, RuleContext, RuleInfo, finding, rule
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.directives import Replace
from gowls.syntax.gowork import GoWork, Use
from gowls.syntax.positions import Point, Span
from gowls.syntax.versions import compare_go

KIND = "go.work"


def _used(ctx: RuleContext[GoWork], table: UseTable, index: int) -> UsedDir:
    """Use ``index`` of the go.work, resolved (built only for the uses a rule reports)."""
    entry = table.entries[index]
    return UsedDir(ctx.doc.uses[index], entry.directory, entry.shown)


def _without_gomod(ctx: RuleContext[GoWork]) -> Iterator[UsedDir]:
    """The uses whose directory holds no go.mod file (missing, a file, or no module)."""
    table = use_table(ctx.snapshot, ctx.path, ctx.doc)
    return (_used(ctx, table, i) for i in table.no_gomod)


def remove_use_fix(path: Path, work: GoWork, use: Use, safe: bool) -> Fix:
    """A fix that deletes the line of ``use``."""
    span = use.statement.span
    edit = delete_lines(path, work.index, span.start.line, span.end.line)
    return Fix(f"Remove use {use.path}", (edit,), safe=safe)


def _line(use: Use) -> int:
    return use.statement.span.start.line + 1


@rule(
    RuleInfo(
        code="GW001",
        name="syntax-error",
        kind=KIND,
        severity=Severity.ERROR,
        summary="go.work syntax or directive error that makes `go` reject the file",
        explanation=(
            "`go` refuses to load a workspace whose go.work it cannot parse and prints "
            "`go: errors parsing go.work`. The message is go's own, followed by how to fix it."
        ),
        fix="Correct the line as the message says.",
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse ./a ./b\nfrob x\n"),
            },
            "go.work",
        ),
    )
)
def syntax_error(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """Syntax and directive problems ``go`` reports while parsing the file."""
    return syntax_findings(info, ctx.path, ctx.doc.index, ctx.doc.problems, KIND)


@rule(
    RuleInfo(
        code="GW101",
        name="use-dir-missing",
        kind=KIND,
        severity=Severity.ERROR,
        summary="A `use` directory does not exist",
        explanation=(
            "`go` fails to load the workspace: `cannot load module DIR listed in go.work file: "
            "open DIR/go.mod: no such file or directory`, or `…: not a directory` when the path "
            "names a file (such as the module's go.mod instead of its directory)."
        ),
        fix="Create the module (`go mod init` in that directory) or remove the entry; the quick "
        "fix removes it.",
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse ./missing\n"),
            },
            "go.work",
        ),
    )
)
def use_dir_missing(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """``use`` entries whose directory is absent."""
    source = ctx.snapshot.source
    for entry in _without_gomod(ctx):
        if source.is_dir(entry.directory):
            continue
        if source.is_file(entry.directory):
            yield _use_of_file(ctx, info, entry)
            continue
        yield finding(
            info,
            ctx.path,
            entry.use.span,
            f"cannot load module {entry.shown} listed in go.work file: open "
            f"{entry.shown_gomod}: no such file or directory (the directory does not exist). "
            "Create the module there or remove this use.",
            fixes=(remove_use_fix(ctx.path, ctx.doc, entry.use, safe=True),),
        )


def _use_of_file(ctx: RuleContext[GoWork], info: RuleInfo, entry: UsedDir) -> Finding:
    """A ``use`` naming a file: go appends /go.mod and fails with ``not a directory``."""
    fixes = [remove_use_fix(ctx.path, ctx.doc, entry.use, safe=False)]
    advice = "Use the module's directory instead, or remove this use."
    if entry.directory.name == "go.mod":
        parent = os.path.dirname(entry.use.path.rstrip("/")) or "."
        parent = parent if parent.startswith((".", "/")) else f"./{parent}"
        edit = TextEdit(ctx.path, entry.use.span, parent)
        fixes.insert(0, Fix(f"Use the directory {parent}", (edit,), safe=False))
        advice = f"Name the module's directory: `use {parent}`."
    return finding(
        info,
        ctx.path,
        entry.use.span,
        f"cannot load module {entry.shown} listed in go.work file: open {entry.shown_gomod}: "
        f"not a directory ({entry.shown} is a file; use names a module directory). {advice}",
        fixes=fixes,
    )


@rule(
    RuleInfo(
        code="GW102",
        name="use-dir-without-gomod",
        kind=KIND,
        severity=Severity.ERROR,
        summary="A `use` directory has no go.mod",
        explanation=(
            "The directory exists but is not a module, so `go` fails: `cannot load module DIR "
            "listed in go.work file: open DIR/go.mod: no such file or directory`."
        ),
        fix="Run `go mod init` in the directory, or remove the entry (offered as a quick fix).",
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse ./docs\n"),
                "docs/": "",
            },
            "go.work",
        ),
    )
)
def use_dir_without_gomod(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """``use`` entries whose directory holds no go.mod."""
    source = ctx.snapshot.source
    for entry in _without_gomod(ctx):
        if not source.is_dir(entry.directory):
            continue
        yield finding(
            info,
            ctx.path,
            entry.use.span,
            f"cannot load module {entry.shown} listed in go.work file: open "
            f"{entry.shown_gomod}: no such file or directory. Run `go mod init` in "
            f"{entry.shown} or remove this use.",
            fixes=(remove_use_fix(ctx.path, ctx.doc, entry.use, safe=False),),
        )


@rule(
    RuleInfo(
        code="GW103",
        name="use-dir-duplicate",
        kind=KIND,
        severity=Severity.ERROR,
        summary="The same directory is used twice",
        explanation=(
            "`go` rejects the workspace: `go.work:LINE: path DIR appears multiple times in "
            "workspace`. Spellings such as `./a`, `a` and `./a/` name the same directory."
        ),
        fix="Remove the repeated entry (quick fix).",
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse (\n\t./a\n\ta\n)\n"),
                "a/go.mod": ("module example.com/a\n\ngo 1.22\n"),
            },
            "go.work",
        ),
    )
)
def use_dir_duplicate(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """Second and later ``use`` entries naming an already used directory."""
    table = use_table(ctx.snapshot, ctx.path, ctx.doc)
    for index, first in table.repeated_dirs:
        entry, earlier = _used(ctx, table, index), _used(ctx, table, first)
        yield finding(
            info,
            ctx.path,
            entry.use.span,
            f"path {entry.shown} appears multiple times in workspace (already used as "
            f"{earlier.use.path} on line {_line(earlier.use)}). Remove this entry.",
            fixes=(remove_use_fix(ctx.path, ctx.doc, entry.use, safe=True),),
            related=(Related(ctx.path, earlier.use.span, "first use of this directory"),),
        )


@rule(
    RuleInfo(
        code="GW104",
        name="module-path-duplicate",
        kind=KIND,
        severity=Severity.ERROR,
        summary="Two `use` directories declare the same module path",
        explanation=(
            "`go` cannot tell which directory provides the module and fails with "
            "`module PATH appears multiple times in workspace`."
        ),
        fix="Keep one of the directories in the workspace, or give one module another path.",
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse (\n\t./a\n\t./a-copy\n)\n"),
                "a/go.mod": ("module example.com/a\n\ngo 1.22\n"),
                "a-copy/go.mod": ("module example.com/a\n\ngo 1.22\n"),
            },
            "go.work",
        ),
    )
)
def module_path_duplicate(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """Later ``use`` entries whose go.mod declares a module path an earlier entry provides."""
    table = use_table(ctx.snapshot, ctx.path, ctx.doc)
    for index, first in table.repeated_modules:  # GW103 reports repeated directories
        entry, earlier = _used(ctx, table, index), _used(ctx, table, first)
        mod = table.entries[index].mod
        assert mod is not None and mod.module is not None
        module, module_span = mod.module.path, mod.module.span
        yield finding(
            info,
            ctx.path,
            entry.use.span,
            f"module {module} appears multiple times in workspace: {entry.shown}/go.mod and "
            f"{earlier.shown}/go.mod (line {_line(earlier.use)}) both declare it. Keep one of "
            "them in the workspace or change one module path.",
            related=(
                Related(ctx.path, earlier.use.span, f"{earlier.shown} also provides {module}"),
                Related(entry.directory / "go.mod", module_span, "module declared here"),
            ),
        )


@rule(
    RuleInfo(
        code="GW105",
        name="use-module-without-module-line",
        kind=KIND,
        severity=Severity.ERROR,
        summary="A `use` directory's go.mod has no `module` line",
        explanation=(
            "`go` cannot tell which module the directory provides and fails: `cannot load module "
            "DIR listed in go.work file: error reading DIR/go.mod: missing module declaration`."
        ),
        fix="Add `module example.com/name` at the top of that go.mod.",
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse ./a\n\n"),
                "a/go.mod": ("go 1.22\n"),
            },
            "go.work",
        ),
    )
)
def use_module_without_module_line(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """``use`` entries whose go.mod parses but declares no module path."""
    table = use_table(ctx.snapshot, ctx.path, ctx.doc)
    for index in table.no_module_line:
        entry = _used(ctx, table, index)
        yield finding(
            info,
            ctx.path,
            entry.use.span,
            f"cannot load module {entry.shown} listed in go.work file: error reading "
            f"{entry.shown_gomod}: missing module declaration. Add a `module` line to "
            f"{entry.shown_gomod}.",
        )


@rule(
    RuleInfo(
        code="GW106",
        name="go-version-below-module",
        kind=KIND,
        severity=Severity.ERROR,
        summary="The go.work `go` line is lower than a used module's `go` line",
        explanation=(
            "`go` refuses the workspace: `module DIR listed in go.work file requires go >= V, but "
            "go.work lists go W` (or `implicitly requires go 1.18` without a go line). "
            "`go` enforces this for modules whose go line is 1.21 or later. `go work use` raises "
            "the line to the highest version the modules need."
        ),
        fix="Raise the go line to the highest version the used modules need (safe quick fix, "
        "the same change `go work use` makes).",
        example=Example(
            {
                "go.work": ("go 1.21\n\nuse ./a\n\n"),
                "a/go.mod": ("module example.com/a\n\ngo 1.23\n"),
            },
            "go.work",
        ),
    )
)
def go_version_below_module(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """Used modules needing a newer Go than the go.work declares."""
    work = ctx.doc
    if work.problems:
        return  # go stops at the syntax errors; the go line may be the one it cannot read
    listed = work.go.version if work.go else "1.18"
    table = use_table(ctx.snapshot, ctx.path, work)
    # go enforces this only for modules at go 1.21 or later (toolchain semantics): the
    # table groups the uses by those go lines, so each version is compared once.
    above = [(i, v) for v, uses in table.floors.items() if compare_go(v, listed) > 0 for i in uses]
    needs = [(_used(ctx, table, i), v) for i, v in sorted(above)]
    if not needs:
        return
    highest = max((v for _, v in needs), key=cmp_to_key(compare_go))
    if work.go is not None:
        edit = TextEdit(ctx.path, work.go.span, highest)
    else:
        edit = TextEdit(ctx.path, Span(Point(0, 0), Point(0, 0)), f"go {highest}\n\n")
    fix = Fix(f"Set the go line to {highest}", (edit,), safe=True)
    lists = f"lists go {listed}" if work.go else "implicitly requires go 1.18"
    for entry, version in needs:
        yield finding(
            info,
            ctx.path,
            entry.use.span,
            f"module {entry.shown} listed in go.work file requires go >= {version}, but go.work "
            f"{lists}. Raise the go line to {highest} (what `go work use` does).",
            fixes=(fix,),
            related=(
                (Related(ctx.path, work.go.span, f"go.work lists go {listed}"),) if work.go else ()
            ),
        )


def _shown_target(work_path: Path, entry: UsedDir, rep: Replace) -> str:
    """A used module's replacement as go.work would write it."""
    if rep.is_local:
        return shown_relative(resolve_dir(entry.directory, rep.new_path), work_path.parent)
    return f"{rep.new_path} {rep.new_version}"


@rule(
    RuleInfo(
        code="GW107",
        name="conflicting-replacements",
        kind=KIND,
        severity=Severity.ERROR,
        summary="Workspace modules replace one module differently and go.work does not decide",
        explanation=(
            "In workspace mode the replaces of every used module's go.mod apply to the whole "
            "workspace. When two of them replace the same module (and version) with different "
            "targets, `go` fails: `conflicting replacements for MODULE` and asks for an "
            "override in go.work. When go.work replaces that module at some other version, go "
            "skips the check and silently uses the replace of the last module listed: then the "
            "finding is a warning."
        ),
        fix="Add a replace to go.work that picks one target (offered as a quick fix per target).",
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse (\n\t./a\n\t./b\n)\n"),
                "a/go.mod": (
                    "module example.com/a\n"
                    "\n"
                    "go 1.22\n"
                    "\n"
                    "require example.com/x v1.0.0\n"
                    "\n"
                    "replace example.com/x => ../x1\n"
                ),
                "b/go.mod": (
                    "module example.com/b\n"
                    "\n"
                    "go 1.22\n"
                    "\n"
                    "require example.com/x v1.0.0\n"
                    "\n"
                    "replace example.com/x => ../x2\n"
                ),
                "x1/go.mod": ("module example.com/x\n\ngo 1.22\n"),
                "x2/go.mod": ("module example.com/x\n\ngo 1.22\n"),
            },
            "go.work",
        ),
    )
)
def conflicting_replacements(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """Same module replaced with different targets by two used go.mod files."""
    work = ctx.doc
    own: dict[tuple[str, str], Replace] = {}
    for rep in work.replaces:
        first = own.setdefault((rep.old_path, rep.old_version), rep)
        if first is rep or (first.new_path, first.new_version) == (rep.new_path, rep.new_version):
            continue
        span = rep.statement.span
        shown = rep.old_path + (f" {rep.old_version}" if rep.old_version else "")
        yield finding(
            info,
            ctx.path,
            rep.old_span,
            f"conflicting replacements for {shown}: go.work replaces it with "
            f"{first.new_path} (line {first.statement.span.start.line + 1}) and with "
            f"{rep.new_path}. Keep one replace.",
            fixes=(
                Fix(
                    "Remove this replace",
                    (delete_lines(ctx.path, work.index, span.start.line, span.end.line),),
                ),
            ),
            related=(Related(ctx.path, first.statement.span, "first replace"),),
        )
    overridden = {(r.old_path, r.old_version) for r in work.replaces}
    overridden_all = {r.old_path for r in work.replaces if not r.old_version}
    # A go.work replace of a module at some version makes go skip the conflict check for
    # that module path: the go.mod replaces still apply, the last used module's winning.
    unchecked = {r.old_path: r for r in work.replaces if r.old_version}
    seen: dict[tuple[str, str], dict[str, tuple[int, Replace]]] = {}
    last: dict[tuple[str, str], str] = {}
    table = use_table(ctx.snapshot, ctx.path, work)
    for index in table.with_replaces:
        kept = table.entries[index]
        assert kept.mod is not None
        conflicted = kept.conflicted  # GM108 reports a go.mod's own conflicts
        for rep, target in zip(kept.mod.replaces, kept.replace_targets, strict=True):
            key = (rep.old_path, rep.old_version)
            if key in overridden or rep.old_path in overridden_all or key in conflicted:
                continue
            targets_at = seen.setdefault(key, {})
            targets_at.setdefault(target, (index, rep))
            last[key] = target
    for (module, version), targets_at in seen.items():
        if len(targets_at) < 2:
            continue
        # The use of each target resolved only for what is reported.
        targets = {t: (_used(ctx, table, i), rep) for t, (i, rep) in targets_at.items()}
        shown = module + (f" {version}" if version else "")
        fixes = []
        sources = []
        for entry, rep in targets.values():
            new = _shown_target(ctx.path, entry, rep)
            sources.append(f"{entry.shown}/go.mod replaces it with {new}")
            fixes.append(
                Fix(
                    f"Add replace {shown} => {new} to go.work",
                    (append_block(ctx.path, work.index, f"replace {shown} => {new}\n"),),
                )
            )
        first_entry = next(iter(targets.values()))[0]
        work_rep = unchecked.get(module)
        if work_rep is not None:
            winner_entry, winner = targets[last[(module, version)]]
            won = _shown_target(ctx.path, winner_entry, winner)
            message = (
                f"{shown} is replaced differently ({'; '.join(sources)}), but go.work replaces "
                f"{module} at {work_rep.old_version} (line "
                f"{work_rep.statement.span.start.line + 1}), so go skips its conflict check and "
                f"silently uses the last module's replace ({winner_entry.shown}/go.mod: {won}). "
                f"Add `replace {shown} => ...` to go.work to choose one explicitly."
            )
            severity: Severity | None = Severity.WARNING
        else:
            message = (
                f"conflicting replacements for {shown}: {'; '.join(sources)}. Add "
                f"`replace {shown} => ...` to go.work to choose one (go work edit -replace)."
            )
            severity = None
        yield finding(
            info,
            ctx.path,
            first_entry.use.span,
            message,
            severity=severity,
            fixes=fixes,
            related=tuple(
                Related(e.directory / "go.mod", r.statement.span, f"replaced with {t}")
                for t, (e, r) in targets.items()
            ),
        )


@rule(
    RuleInfo(
        code="GW108",
        name="workspace-module-replaced",
        kind=KIND,
        severity=Severity.ERROR,
        summary="go.work replaces a workspace module at all versions",
        explanation=(
            "`go` rejects it: `workspace module M is replaced at all versions in the go.work "
            "file. To fix, remove the replacement from the go.work file or specify the version "
            "at which to replace the module.`"
        ),
        fix="Remove the replace (offered as a quick fix) or give it a version.",
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse ./b\n\nreplace example.com/b => ./c\n"),
                "b/go.mod": ("module example.com/b\n\ngo 1.22\n"),
                "c/go.mod": ("module example.com/b\n\ngo 1.22\n"),
            },
            "go.work",
        ),
    )
)
def workspace_module_replaced(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """Unversioned go.work replaces of a module that a ``use`` entry provides."""
    provided = use_table(ctx.snapshot, ctx.path, ctx.doc).provided
    for rep in ctx.doc.replaces:
        if rep.old_version or rep.old_path not in provided:
            continue
        span = rep.statement.span
        edit = delete_lines(ctx.path, ctx.doc.index, span.start.line, span.end.line)
        yield finding(
            info,
            ctx.path,
            rep.old_span,
            f"workspace module {rep.old_path} is replaced at all versions in the go.work file. "
            "To fix, remove the replacement from the go.work file or specify the version at "
            "which to replace the module.",
            fixes=(Fix(f"Remove the replace of {rep.old_path}", (edit,)),),
        )


def _replacement_dirs(snapshot: Snapshot, path: Path, work: GoWork) -> set[Path]:
    """Directories the workspace's replaces (go.work's and its modules') point at."""
    found = {resolve_dir(path.parent, r.new_path) for r in work.replaces if r.is_local}
    table = use_table(snapshot, path, work)
    entries = table.entries
    found.update(chain.from_iterable(entries[i].replace_dirs for i in table.with_replaces))
    return found


def _under_nested_workspace(snapshot: Snapshot, root: Path, directory: Path) -> bool:
    """Whether a go.work between ``root`` (exclusive) and ``directory`` governs it instead."""
    for parent in (directory, *directory.parents):
        if parent == root:
            return False
        if snapshot.source.is_file(parent / "go.work"):
            return True
    return False


@rule(
    RuleInfo(
        code="GW110",
        name="module-not-in-workspace",
        kind=KIND,
        severity=Severity.INFORMATION,
        summary="A module below the go.work directory is not used by the workspace",
        explanation=(
            "`go work use -r .` would add it. Inside the workspace directory, commands run in "
            "that module's directory still use go.work, where the module is not a main "
            "module: package commands such as `go build ./...` fail there with `pattern ./...: "
            "directory prefix . does not contain modules listed in go.work or their selected "
            "dependencies`, and `go list -m` lists the workspace's modules instead. "
            "Directories under vendor/, testdata/ and hidden directories "
            "are not considered, nor modules under a nested go.work, nor directories a replace "
            "of the workspace (in go.work or a used module's go.mod) points at: those are "
            "dependencies."
        ),
        fix="Add a `use` for the directory (offered as a quick fix; not applied by --fix, since "
        "it changes what the workspace builds).",
        example=Example(
            {
                "go.work": ("go 1.22\n\nuse ./a\n"),
                "a/go.mod": ("module example.com/a\n\ngo 1.22\n"),
                "b/go.mod": ("module example.com/b\n\ngo 1.22\n"),
            },
            "go.work",
        ),
    )
)
def module_not_in_workspace(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """Module directories on disk below the go.work that no ``use`` names."""
    work = ctx.doc
    if work.problems:
        return  # while the file does not parse, which directories it uses is a guess
    root = ctx.path.parent
    table = use_table(ctx.snapshot, ctx.path, work)
    used = table.directories
    if module_dir_texts(ctx.snapshot, root) <= used:
        return  # every module below is used (replaced or nested ones would be skipped)
    anchor = work.uses[0].statement.span if work.uses else None
    block = next((b for b in work.syntax.blocks if b.verb == "use" and b.rparen), None)
    replaced = _replacement_dirs(ctx.snapshot, ctx.path, work)
    # A use naming a module's go.mod file is GW101's (its fix names the directory).
    replaced |= {
        table.entries[i].directory.parent
        for i in table.no_gomod
        if table.entries[i].directory.name == "go.mod"
    }
    for directory in module_dirs(ctx.snapshot, root):
        if str(directory) in used or directory in replaced:
            continue  # a replacement target is a dependency, not meant to be a workspace module
        if _under_nested_workspace(ctx.snapshot, root, directory):
            continue
        gomod = directory / "go.mod"
        shown = shown_relative(directory, root)
        if block is not None and block.rparen is not None:
            at = block.rparen.start
            edit = TextEdit(ctx.path, Span(at, at), f"\t{shown}\n")
        else:
            edit = append_block(ctx.path, work.index, f"use {shown}\n")
        span = anchor or Span(Point(0, 0), Point(0, 0))
        yield finding(
            info,
            ctx.path,
            span,
            f"module {shown} is not used by this workspace: in {shown} go still uses go.work, "
            "so package commands such as `go build ./...` fail there (`directory prefix . does "
            "not contain modules listed in go.work`) and `go list -m` lists the workspace's "
            f"modules instead. `go work use {shown}` adds it.",
            fixes=(Fix(f"Add use {shown}", (edit,)),),
            related=(Related(gomod, Span(Point(0, 0), Point(0, 0)), "the module's go.mod"),),
        )


@rule(
    RuleInfo(
        code="GW111",
        name="replace-target-missing",
        kind=KIND,
        severity=Severity.ERROR,
        summary="A go.work directory replacement points at a directory without a go.mod",
        explanation=(
            "`go` reads the go.mod of every replacement directory the workspace's module graph "
            "needs and fails when there is none: `M@V (replaced by ./x): reading x/go.mod: open "
            "…/x/go.mod: no such file or directory` (`go list -m all`, `go build`), or `not a "
            "directory` when the path is a file. This includes a versioned replace of a "
            "workspace module at a version some module requires. A replace no module in the "
            "graph requires is ignored by go and not reported."
        ),
        fix="Create the module in that directory (`go mod init`) or correct the replace path.",
        example=Example(
            {
                "go.work": "go 1.22\n\nuse ./a\n\nreplace example.com/x => ./x\n",
                "a/go.mod": "module example.com/a\n\ngo 1.22\n\nrequire example.com/x v1.0.0\n",
            },
            "go.work",
        ),
    )
)
def replace_target_missing(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """go.work directory replacements in use whose directory holds no go.mod."""
    if not any(rep.is_local for rep in ctx.doc.replaces):
        return  # only go.work's own directory replacements are checked (the common case)
    view = workspace_view(ctx.snapshot, ctx.path)
    if view is None:
        return
    graph = workspace_graph(ctx.snapshot, view)
    for rep in graph.work_replaces:
        target = rep.target_dir
        if target is None or ctx.snapshot.source.is_file(target / "go.mod"):
            continue
        used = graph.uses(rep, read_only=True)
        if not used:
            continue
        req = used[0]
        version = f"{req.module}@{req.version}"
        state = target_state(ctx.snapshot, target)
        missing = missing_target(rep, rep.replace.new_path, state)
        yield finding(
            info,
            ctx.path,
            rep.replace.new_span,
            f"{missing.what}: go fails to load {version} (`{version} (replaced by "
            f"{rep.replace.new_path}): reading {missing.reading}`). {missing.todo}",
            related=(Related(req.file, req.require.path_span, f"requires {version}"),),
        )


GOWORK_RULES = (
    syntax_error,
    use_dir_missing,
    use_dir_without_gomod,
    use_dir_duplicate,
    module_path_duplicate,
    use_module_without_module_line,
    go_version_below_module,
    conflicting_replacements,
    workspace_module_replaced,
    module_not_in_workspace,
    replace_target_missing,
)
"""The rules of this module, in code order."""
