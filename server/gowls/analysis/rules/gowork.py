"""Rules for go.work files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gowls.analysis.edits import delete_lines
from gowls.analysis.findings import Finding, Fix, Related, Severity
from gowls.analysis.registry import RuleContext, RuleInfo, finding, rule
from gowls.analysis.rules.common import syntax_findings
from gowls.analysis.snapshot import Snapshot, normalize
from gowls.syntax.gowork import GoWork, Use
from gowls.syntax.positions import Span

KIND = "go.work"


@dataclass(frozen=True, slots=True)
class UsedDir:
    """One ``use`` entry resolved against the go.work directory."""

    use: Use
    directory: Path
    shown: str
    """The directory as ``go`` names it in messages (cleaned, relative when written so)."""

    @property
    def shown_gomod(self) -> str:
        """The go.mod path as ``go`` names it."""
        return os.path.normpath(os.path.join(self.shown, "go.mod"))


def used_dirs(path: Path, work: GoWork) -> list[UsedDir]:
    """Every ``use`` of ``work`` (at ``path``) with its absolute directory."""
    base = path.parent
    out = []
    for use in work.uses:
        target = Path(use.path)
        directory = normalize(target if target.is_absolute() else base / target)
        out.append(UsedDir(use, directory, os.path.normpath(use.path)))
    return out


def remove_use_fix(path: Path, work: GoWork, use: Use, safe: bool) -> Fix:
    """A fix that deletes the line of ``use``."""
    span = use.statement.span
    edit = delete_lines(path, work.index, span.start.line, span.end.line)
    return Fix(f"Remove `use {use.path}`", (edit,), safe=safe)


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
        example="go 1.22\n\nuse ./a ./b\nfrob x\n",
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
            "open DIR/go.mod: no such file or directory`."
        ),
        fix="Create the module (`go mod init` in that directory) or remove the entry; the quick "
        "fix removes it.",
        example="go 1.22\n\nuse ./missing\n",
    )
)
def use_dir_missing(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """``use`` entries whose directory is absent."""
    source = ctx.snapshot.source
    for entry in used_dirs(ctx.path, ctx.doc):
        if source.is_dir(entry.directory):
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
        example="go 1.22\n\nuse ./docs\n",
    )
)
def use_dir_without_gomod(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """``use`` entries whose directory holds no go.mod."""
    source = ctx.snapshot.source
    for entry in used_dirs(ctx.path, ctx.doc):
        if not source.is_dir(entry.directory) or source.is_file(entry.directory / "go.mod"):
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
        example="go 1.22\n\nuse (\n\t./a\n\ta\n)\n",
    )
)
def use_dir_duplicate(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """Second and later ``use`` entries naming an already used directory."""
    first: dict[Path, UsedDir] = {}
    for entry in used_dirs(ctx.path, ctx.doc):
        earlier = first.setdefault(entry.directory, entry)
        if earlier is entry:
            continue
        yield finding(
            info,
            ctx.path,
            entry.use.span,
            f"path {entry.shown} appears multiple times in workspace (already used as "
            f"{earlier.use.path} on line {_line(earlier.use)}). Remove this entry.",
            fixes=(remove_use_fix(ctx.path, ctx.doc, entry.use, safe=True),),
            related=(Related(ctx.path, earlier.use.span, "first use of this directory"),),
        )


def _module_path(snapshot: Snapshot, directory: Path) -> tuple[str, Span] | None:
    mod = snapshot.module_dir_gomod(directory)
    if mod is None or mod.module is None:
        return None
    return mod.module.path, mod.module.span


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
        example="go 1.22\n\nuse (\n\t./a\n\t./a-copy\n)\n",
    )
)
def module_path_duplicate(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """Later ``use`` entries whose go.mod declares a module path an earlier entry provides."""
    seen_dirs: set[Path] = set()
    first: dict[str, UsedDir] = {}
    for entry in used_dirs(ctx.path, ctx.doc):
        if entry.directory in seen_dirs:
            continue  # GW103 reports repeated directories
        seen_dirs.add(entry.directory)
        found = _module_path(ctx.snapshot, entry.directory)
        if found is None:
            continue
        module, module_span = found
        earlier = first.setdefault(module, entry)
        if earlier is entry:
            continue
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
