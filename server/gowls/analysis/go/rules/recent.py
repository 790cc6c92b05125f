"""Directives of recent Go releases in go.mod: ``tool`` (Go 1.24), ``ignore`` (Go 1.25) and
``godebug`` (Go 1.23), checked the way the ``go`` command uses them.

Observed with go 1.27:

* ``go list tool``, ``go build tool``, ``go tool NAME`` and ``go mod tidy`` fail with
  ``no required module provides package P; to add it: go get P`` when a ``tool`` package is
  neither in the main module nor in a required module; ``go build ./...`` does not notice.
* go 1.27 accepts each directive whatever the ``go`` line says, but the ``go`` line also
  admits older toolchains, whose go.mod parser predates the directive and rejects the file
  (``unknown directive``): a module that uses ``tool`` must say ``go 1.24`` or later.
* ``ignore`` of a path that does not exist, or of a directory ``go`` skips anyway
  (``testdata``, names starting with ``_`` or ``.``), changes nothing.
* From ``go 1.27`` on, ``go mod tidy`` rewrites the requirements into at most two blocks
  (one direct, one ``// indirect``), moving lines and block comments (see ``tidylayout``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from gowls.analysis.edits import delete_lines, replace_changed_lines
from gowls.analysis.findings import Finding, Fix, Related, Severity, TextEdit
from gowls.analysis.go.modules import governing_workspace
from gowls.analysis.go.references import module_imports
from gowls.analysis.go.tidylayout import SIMPLIFY_SINCE, already_settled, merged_by_tidy
from gowls.analysis.registry import Example, RuleContext, RuleInfo, finding, rule
from gowls.syntax.goimports import GoImport
from gowls.syntax.gomod import GoMod, PathLine
from gowls.syntax.positions import LineIndex
from gowls.syntax.statements import Statement
from gowls.syntax.versions import compare_go

KIND = "go.mod"

INTRODUCED = {"godebug": "1.23", "tool": "1.24", "ignore": "1.25"}
"""The Go release whose go.mod parser first accepts each directive."""


def _provided(ctx: RuleContext[GoMod], package: str) -> bool | None:
    """Whether a module of the build provides ``package``; None when it cannot be told."""
    mains = {ctx.doc.module_path or "": ctx.path.parent}
    view = governing_workspace(ctx.snapshot, ctx.path)
    if view is not None:
        for member in view.modules:
            if member.module_path:
                mains.setdefault(member.module_path, member.directory)
    for module, directory in mains.items():
        if module and (package == module or package.startswith(module + "/")):
            rel = package[len(module) :].lstrip("/")
            folder = directory / rel if rel else directory
            if not ctx.snapshot.source.is_dir(folder):
                return False
            try:
                names = os.listdir(folder)
            except OSError:
                return None
            return any(n.endswith(".go") and not n.endswith("_test.go") for n in names)
    for req in ctx.doc.requires:
        if package == req.path or package.startswith(req.path + "/"):
            return True
    return False


def _delete_fix(ctx: RuleContext[GoMod], stmt: Statement, title: str) -> Fix:
    span = stmt.span
    return Fix(title, (delete_lines(ctx.path, ctx.doc.index, span.start.line, span.end.line),))


@rule(
    RuleInfo(
        code="GM301",
        name="tool-package-not-provided",
        kind=KIND,
        severity=Severity.WARNING,
        summary="A `tool` package that no module of the build provides",
        explanation=(
            "`go tool`, `go build tool`, `go list tool` and `go mod tidy` fail with "
            "`no required module provides package P; to add it: go get P` when the package of "
            "a `tool` line is neither in the main module (or a workspace module) nor in a "
            "required module. `go build ./...` and `go list -m` do not notice (so this is a "
            "warning, not an error), and CI may pass until the tool is run."
        ),
        fix="`go get -tool P` adds the module that provides it; or remove the line.",
        example=Example(
            {
                "go.mod": "module example.com/m\n\ngo 1.24\n\ntool example.com/other/cmd/gen\n",
                "main.go": "package main\n\nfunc main() {}\n",
            },
            "go.mod",
        ),
    )
)
def tool_package_not_provided(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """``tool`` lines whose package no main or required module provides."""
    for tool in ctx.doc.tools:
        if _provided(ctx, tool.path) is not False:
            continue
        yield finding(
            info,
            ctx.path,
            tool.span,
            f"no required module provides package {tool.path}: `go tool`, `go build tool` and "
            f"`go mod tidy` fail. Add it with `go get -tool {tool.path}`, or remove this line.",
            fixes=(_delete_fix(ctx, tool.statement, f"Remove the tool {tool.path}"),),
        )


def _directives(mod: GoMod) -> Iterator[tuple[str, Statement]]:
    for tool in mod.tools:
        yield "tool", tool.statement
    for ignore in mod.ignores:
        yield "ignore", ignore.statement
    for debug in mod.godebugs:
        yield "godebug", debug.statement


@rule(
    RuleInfo(
        code="GM302",
        name="directive-newer-than-go-line",
        kind=KIND,
        severity=Severity.WARNING,
        summary="A directive that Go releases admitted by the `go` line cannot parse",
        explanation=(
            "`godebug` arrived in Go 1.23, `tool` in 1.24 and `ignore` in 1.25. The `go` line "
            "is the oldest Go release allowed to build the module: that release's go.mod parser "
            "rejects the whole file (`unknown directive`). Current `go` accepts it silently."
        ),
        fix="Raise the go line to the release that introduced the directive (quick fix).",
        example=Example(
            {
                "go.mod": "module example.com/m\n\ngo 1.22\n\ntool example.com/m/cmd/gen\n",
                "cmd/gen/main.go": "package main\n\nfunc main() {}\n",
            },
            "go.mod",
        ),
    )
)
def directive_newer_than_go_line(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """``tool``/``ignore``/``godebug`` under a go line older than their release."""
    go = ctx.doc.go
    if go is None:
        return
    present = {verb for verb, _ in _directives(ctx.doc)}
    needed = {
        verb: since
        for verb, since in INTRODUCED.items()
        if verb in present and compare_go(go.version, since) < 0
    }
    highest = max(needed.values(), key=lambda v: tuple(int(p) for p in v.split(".")), default="")
    for verb, stmt in _directives(ctx.doc):
        since = needed.get(verb)
        if since is None:
            continue
        target = f"{highest}.0" if compare_go(highest, "1.21") >= 0 else highest
        yield finding(
            info,
            ctx.path,
            stmt.verb.span,
            f"`{verb}` needs Go {since} or later, but `go {go.version}` lets older Go releases "
            f"build this module, and they reject go.mod (`unknown directive: {verb}`). Raise "
            f"the go line to {target}.",
            fixes=(
                Fix(
                    f"Raise the go line to {target}",
                    (TextEdit(ctx.path, go.span, target),),
                ),
            ),
            related=(Related(ctx.path, go.statement.span, "the go line"),),
        )


def _skipped_by_go(path: str) -> str | None:
    """Why ``go`` already ignores the directory ``path``, if it does."""
    rel = path[2:] if path.startswith("./") else path.lstrip("/")
    for part in Path(rel or ".").parts:
        if part == "testdata":
            return "`testdata` directories"
        if part.startswith(("_", ".")) and part not in (".", ".."):
            return "directories whose names start with `_` or `.`"
    return None


@rule(
    RuleInfo(
        code="GM303",
        name="ignore-has-no-effect",
        kind=KIND,
        severity=Severity.HINT,
        summary="An `ignore` entry that changes nothing",
        explanation=(
            "`ignore` makes `go` skip a directory when matching package patterns such as "
            "`./...`. An entry naming a directory `go` already skips (`testdata`, names "
            "starting with `_` or `.`) has no effect. A `./` path that does not exist is "
            "GM306's (it may be generated later)."
        ),
        fix="Remove the entry (quick fix).",
        example=Example(
            {"go.mod": "module example.com/m\n\ngo 1.25\n\nignore ./testdata\n"}, "go.mod"
        ),
    )
)
def ignore_has_no_effect(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """``ignore`` entries of missing paths or of directories go skips anyway."""
    for entry in ctx.doc.ignores:
        why = _ignore_reason(ctx, entry)
        if why is None:
            continue
        yield finding(
            info,
            ctx.path,
            entry.span,
            f"`ignore {entry.path}` has no effect: {why}. Remove it.",
            fixes=(_delete_fix(ctx, entry.statement, f"Remove ignore {entry.path}"),),
        )


def _ignore_reason(ctx: RuleContext[GoMod], entry: PathLine) -> str | None:
    """Why an entry changes nothing. A path that does not exist yet is not reported: build
    output and tool directories (`node_modules`, `dist`) appear later, and the entry is
    meant for them."""
    skipped = _skipped_by_go(entry.path)
    if skipped is not None:
        return f"go already skips {skipped}"
    return None


def _tools_files(ctx: RuleContext[GoMod]) -> dict[str, list[tuple[Path, GoImport]]]:
    """Blank imports in ``//go:build tools`` files of this module, by imported path."""
    out: dict[str, list[tuple[Path, GoImport]]] = {}
    tagged: dict[Path, bool] = {}
    for path, imp in module_imports(ctx.snapshot, ctx.path.parent):
        if path not in tagged:
            data = ctx.snapshot.source.read_bytes(path) or b""
            tagged[path] = _TOOLS_TAG.search(data[:4096]) is not None
        if tagged[path]:
            out.setdefault(imp.path, []).append((path, imp))
    return out


_TOOLS_TAG = re.compile(rb"^//go:build\s+tools\s*$", re.MULTILINE)


@rule(
    RuleInfo(
        code="GM304",
        name="tools-go-leftover",
        kind=KIND,
        severity=Severity.HINT,
        summary="A `tools.go` blank import that a `tool` line now replaces",
        explanation=(
            "Before Go 1.24, command dependencies were kept in a `//go:build tools` file of "
            "blank imports. In a module at go 1.24 or later the `tool` directive records them "
            "(`go tool NAME` runs them), so the blank import of the same package is a leftover. "
            "Without it `go mod tidy` keeps the requirement, marked `// indirect` as for any "
            "module only a tool uses."
        ),
        fix="Remove the import from the tools file (quick fix); remove the file once empty.",
        example=Example(
            {
                "go.mod": "module example.com/m\n\ngo 1.24\n\ntool example.com/m/cmd/gen\n",
                "cmd/gen/main.go": "package main\n\nfunc main() {}\n",
                "tools.go": (
                    '//go:build tools\n\npackage tools\n\nimport _ "example.com/m/cmd/gen"\n'
                ),
            },
            "go.mod",
        ),
    )
)
def tools_go_leftover(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """``tool`` lines whose package a ``//go:build tools`` file still blank-imports."""
    go = ctx.doc.go
    if go is None or compare_go(go.version, "1.24") < 0 or not ctx.doc.tools:
        return
    leftovers = _tools_files(ctx)
    for tool in ctx.doc.tools:
        for path, imp in leftovers.get(tool.path, ()):
            index = LineIndex(ctx.snapshot.source.read_bytes(path) or b"")
            line = imp.span.start.line
            shown = os.path.relpath(path, ctx.path.parent)
            yield finding(
                info,
                ctx.path,
                tool.span,
                f"{shown} line {line + 1} still imports {tool.path} for `go:build tools`; "
                "the `tool` directive replaces that. Remove the import.",
                fixes=(
                    Fix(
                        f"Remove the import of {tool.path} from {shown}",
                        (delete_lines(path, index, line, line),),
                    ),
                ),
                related=(Related(path, imp.span, "the leftover import"),),
            )


def _require_groups(mod: GoMod) -> list[Statement]:
    """The first line of each require block or top-level require line, in file order."""
    seen: set[int] = set()
    out: list[Statement] = []
    for req in mod.requires:
        key = id(req.statement.block or req.statement)
        if key not in seen:
            seen.add(key)
            out.append(req.statement)
    return out


_MERGE_EXAMPLE_DEPS = {
    f"deps/{n}/go.mod": f"module example.com/{n}\n\ngo 1.21\n" for n in ("a", "b", "c")
}


@rule(
    RuleInfo(
        code="GM305",
        name="require-blocks-tidy-merges",
        kind=KIND,
        severity=Severity.HINT,
        summary="Require blocks that Go 1.27's `go mod tidy` merges into two",
        explanation=(
            "From `go 1.27` on, `go mod tidy` (and any `go get` that edits go.mod) keeps at "
            "most two require blocks: every direct requirement moves to the last uncommented "
            "block of direct ones, every `// indirect` one to the last uncommented block of "
            "indirect ones. Comments above a block move above the block its lines join; a "
            "comment before a merged block's `)` is lost. Older go lines keep the blocks."
        ),
        fix="Merge the blocks now, exactly as tidy prints them (quick fix), and move any "
        "grouping comment onto the lines it is about.",
        example=Example(
            {
                "go.mod": (
                    "module example.com/m\n\ngo 1.27\n\n"
                    "require example.com/a v1.0.0\n\n"
                    "require example.com/b v1.0.0\n\n"
                    "require example.com/c v1.0.0 // indirect\n\n"
                    "replace (\n\texample.com/a => ./deps/a\n\texample.com/b => ./deps/b\n"
                    "\texample.com/c => ./deps/c\n)\n"
                ),
                **_MERGE_EXAMPLE_DEPS,
            },
            "go.mod",
        ),
    )
)
def require_blocks_tidy_merges(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Require statements that Go 1.27's tidy would lay out differently."""
    go, mod = ctx.doc.go, ctx.doc
    if go is None or compare_go(go.version, SIMPLIFY_SINCE) < 0 or mod.problems:
        return
    groups = _require_groups(mod)
    if len(groups) < 2 or len({r.path for r in mod.requires}) < len(mod.requires):
        return
    if already_settled(mod):
        return
    merged = merged_by_tidy(mod.index.data)
    if merged is None:
        return
    edit = replace_changed_lines(ctx.path, mod.index, merged)
    if edit is None:
        return
    first = groups[0]
    count = f"{len(groups)} require blocks and lines"
    yield finding(
        info,
        ctx.path,
        (first.block.tokens[0] if first.block else first.verb).span,
        f"`go mod tidy` rewrites these {count} as one block of direct and one of indirect "
        f"requirements (go {SIMPLIFY_SINCE} and later), moving the comments above blocks. "
        "Merge them now to review the result.",
        fixes=(Fix("Merge the require blocks as go mod tidy does", (edit,)),),
        related=tuple(
            Related(ctx.path, (g.block.tokens[0] if g.block else g.verb).span, "merged by tidy")
            for g in groups[1:]
        ),
    )


@rule(
    RuleInfo(
        code="GM306",
        name="ignore-path-missing",
        kind=KIND,
        severity=Severity.HINT,
        summary="An `ignore ./path` entry naming nothing in the module",
        explanation=(
            "`ignore ./x` makes `go` skip the file or directory `x` at the module's root "
            "(`ignore x` without `./` skips every `x` at any depth). When `./x` does not "
            "exist the entry changes nothing today: a misspelt path leaves the directory it "
            "meant in `./...`. A directory created later by a build (`./node_modules`, "
            "`./dist`) is a fine reason to keep it: disable GM306 for such modules, or keep "
            "the hint."
        ),
        fix="Correct the path, or remove the entry (quick fix, not applied by --fix).",
        example=Example(
            {
                "go.mod": "module example.com/m\n\ngo 1.25\n\nignore ./node_modlues\n",
                "node_modules/x/x.go": "package x\n",
            },
            "go.mod",
        ),
    )
)
def ignore_path_missing(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """``ignore ./path`` entries naming no file or directory at the module's root."""
    root = ctx.path.parent
    for entry in ctx.doc.ignores:
        rel = entry.path.removeprefix("./")
        if rel == entry.path or not rel.strip("/") or _skipped_by_go(entry.path) is not None:
            continue  # a name matched at any depth, the root itself, or GM303's
        target = root / rel.strip("/")
        if ctx.snapshot.source.is_dir(target) or ctx.snapshot.source.is_file(target):
            continue
        yield finding(
            info,
            ctx.path,
            entry.span,
            f"`ignore {entry.path}` names nothing: there is no {entry.path} in this module, so "
            "go ignores nothing with it; check the spelling (an entry for a directory a build "
            "creates later is fine)",
            fixes=(_delete_fix(ctx, entry.statement, f"Remove ignore {entry.path}"),),
        )


RECENT_RULES = (
    tool_package_not_provided,
    directive_newer_than_go_line,
    ignore_has_no_effect,
    tools_go_leftover,
    require_blocks_tidy_merges,
    ignore_path_missing,
)
"""The rules of this module, in code order."""
