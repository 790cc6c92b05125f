"""The ``toolchain`` line measured against the ``go`` line, in go.mod (GM107) and go.work (GW109).

What ``go`` 1.27 does, observed:

* go.mod: when the module graph is written back, ``go`` drops a toolchain line that repeats the
  go line (``toolchain go1.22.0`` beside ``go 1.22.0``), names no release of go1.21 or later
  (``default``, ``go1.20``), or is older than the go line. The first two make ``go build`` and
  ``go list -m all`` fail with ``go: updates to go.mod needed; to update it: go mod tidy``
  (``go mod tidy`` removes the line); an older toolchain makes ``go list -m all`` (not
  ``go build``) fail the same way, and ``go mod tidy`` leaves it. In workspace mode none of this
  is reported: only ``GOWORK=off`` commands fail.
* go.work: no message at all; toolchain selection never picks a toolchain older than the go
  line, so the line has no effect.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from gowls.analysis.findings import Finding, Fix, Related, Severity
from gowls.analysis.go.data.go_releases import latest
from gowls.analysis.go.modules import governing_workspace, shown_relative
from gowls.analysis.go.rules.gomod import delete_directive, off_only_note
from gowls.analysis.registry import Example, RuleContext, RuleInfo, finding, rule
from gowls.syntax.directives import GoLine, ToolchainLine
from gowls.syntax.gomod import GoMod
from gowls.syntax.gowork import GoWork
from gowls.syntax.positions import LineIndex
from gowls.syntax.versions import compare_go

UPDATES_NEEDED = "go: updates to go.mod needed; to update it: go mod tidy"


def toolchain_version(name: str) -> str:
    """``gover.FromToolchain``: ``1.21.3`` for ``go1.21.3`` (or ``go1.21.3-custom``), else ""."""
    if not name.startswith("go") or "/" in name or "\\" in name:
        return ""
    version = name[2:]
    for i, ch in enumerate(version):
        if ch in " \t-":
            version = version[:i]
            break
    return version if compare_go(version, "1.0") >= 0 else ""


def _remove_fix(path: Path, index: LineIndex, line: ToolchainLine, safe: bool) -> Fix:
    span = line.statement.span
    edit = delete_directive(path, index, span.start.line, span.end.line)
    return Fix(f"Remove toolchain {line.name}", (edit,), safe=safe)


def _go_related(path: Path, go: GoLine | None) -> tuple[Related, ...]:
    return (Related(path, go.span, f"go {go.version}"),) if go is not None else ()


@rule(
    RuleInfo(
        code="GM107",
        name="toolchain-not-above-go",
        kind="go.mod",
        severity=Severity.ERROR,
        summary="The `toolchain` line is not newer than the `go` line, so `go` wants it gone",
        explanation=(
            "`go` keeps a go.mod toolchain line only when it names go1.21 or later and is newer "
            "than the go line. A line that repeats the go line (`toolchain go1.22.0` with "
            "`go 1.22.0`), says `default` or names an older release makes `go build` and "
            "`go list -m all` fail with `go: updates to go.mod needed; to update it: go mod "
            "tidy` (tidy removes the line). A line older than the go line makes `go list -m "
            "all` fail the same way, yet `go mod tidy` leaves it. Inside a workspace that uses "
            "the module `go` says nothing, so the finding is a warning there: `GOWORK=off` "
            "commands (CI, `go install`) fail."
        ),
        fix="Remove the toolchain line (safe quick fix: a toolchain not newer than the go line "
        "has no effect on which toolchain runs), or raise it above the go line.",
        example=Example(
            {
                "go.mod": ("module example.com/m\n\ngo 1.22.0\n\ntoolchain go1.21.0\n"),
            },
            "go.mod",
        ),
    )
)
def toolchain_not_above_go_mod(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """A go.mod toolchain line ``go`` would drop."""
    mod, line = ctx.doc, ctx.doc.toolchain
    if line is None:
        return
    version = toolchain_version(line.name)
    go = mod.go
    if not version or compare_go(version, "1.21") < 0:
        fact = (
            f"toolchain {line.name} names no release of go1.21 or later, so go drops the line: "
            f"`go build` and `go list -m all` fail with `{UPDATES_NEEDED}` (tidy removes it)"
        )
    elif go is not None and line.name == f"go{go.version}":
        fact = (
            f"toolchain {line.name} only repeats the go line, so go drops it: `go build` and "
            f"`go list -m all` fail with `{UPDATES_NEEDED}` (tidy removes it)"
        )
    elif go is not None and compare_go(version, go.version) < 0:
        fact = (
            f"toolchain {line.name} is older than the go line (go {go.version} already needs "
            f"go{go.version} or later), so go treats it as a line to drop: `go list -m all` "
            f"fails with `{UPDATES_NEEDED}` (`go build` works, and `go mod tidy` leaves the "
            "line as it is)"
        )
    else:
        return
    safe = not version or go is None or compare_go(version, go.version) <= 0
    severity = None
    view = governing_workspace(ctx.snapshot, ctx.path)
    note = off_only_note(ctx) if view is None else ""
    if note:
        fact = f"{fact}; {note}"
        severity = Severity.WARNING
    elif view is not None:
        work = shown_relative(view.path, ctx.path.parent)
        fact = (
            f"with GOWORK=off, {fact}; in the workspace ({work}) go does not complain, "
            "which hides it"
        )
        severity = Severity.WARNING
    yield finding(
        info,
        ctx.path,
        line.span,
        f"{fact}. Remove the toolchain line"
        + (f" or raise it above go {go.version}." if go is not None else "."),
        fixes=(_remove_fix(ctx.path, mod.index, line, safe),),
        related=_go_related(ctx.path, go),
        severity=severity,
    )


@rule(
    RuleInfo(
        code="GW109",
        name="toolchain-older-than-go",
        kind="go.work",
        severity=Severity.WARNING,
        summary="The go.work `toolchain` line is older than its `go` line and has no effect",
        explanation=(
            "`go` never selects a toolchain older than the go line, so such a toolchain line "
            "does nothing, and `go` says nothing about it (unlike a go.mod, see GM107). It "
            "usually means the go line was raised and the toolchain line forgotten."
        ),
        fix="Remove the toolchain line (safe quick fix: it has no effect), or raise it above the "
        "go line.",
        example=Example(
            {
                "go.work": ("go 1.22.0\n\ntoolchain go1.21.0\n\nuse ./a\n"),
                "a/go.mod": ("module example.com/a\n\ngo 1.22\n"),
            },
            "go.work",
        ),
    )
)
def toolchain_older_than_go_work(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """A go.work toolchain line older than the go line."""
    work, line = ctx.doc, ctx.doc.toolchain
    if line is None or work.go is None:
        return
    version = toolchain_version(line.name)
    if not version or compare_go(version, work.go.version) >= 0:
        return
    yield finding(
        info,
        ctx.path,
        line.span,
        f"toolchain {line.name} is older than the go line (go {work.go.version}): go never "
        f"selects a toolchain older than go{work.go.version}, so this line has no effect (go "
        f"reports nothing). Remove it or raise it above go {work.go.version}.",
        fixes=(_remove_fix(ctx.path, work.index, line, safe=True),),
        related=_go_related(ctx.path, work.go),
    )


def _newest_known() -> str:
    newest = latest()
    return f"{newest.version}.{newest.latest_patch}"


def _newer_than_known(
    path: Path, go: GoLine | None, info: RuleInfo, kind: str
) -> Iterator[Finding]:
    if go is None or compare_go(go.version, _newest_known()) <= 0:
        return
    known = _newest_known()
    yield finding(
        info,
        path,
        go.span,
        f"go {go.version} is newer than every Go release gowls knows (newest: go{known}): "
        f"go{known} and older refuse the {kind} (`{kind} requires go >= {go.version} (running "
        f"go {known}; GOTOOLCHAIN=local)`), and with GOTOOLCHAIN=auto go must download a newer "
        "toolchain. Check the version; if that Go release exists, gowls's release table is "
        "out of date.",
    )


_NEWER_EXPLANATION = (
    "`go` refuses a go line newer than itself (`go.mod requires go >= 1.N (running go 1.M; "
    "GOTOOLCHAIN=local)`) or, with `GOTOOLCHAIN=auto`, downloads that toolchain, which fails "
    "when no such release exists. gowls compares with the newest release in its table, which "
    "may be stale: a warning, not an error."
)


@rule(
    RuleInfo(
        code="GM113",
        name="go-version-newer-than-known",
        kind="go.mod",
        severity=Severity.WARNING,
        summary="The `go` line names a Go release newer than any gowls knows",
        explanation=_NEWER_EXPLANATION,
        fix="Correct the version, or update gowls if that Go release exists.",
        example=Example({"go.mod": "module example.com/m\n\ngo 1.99\n"}, "go.mod"),
    )
)
def go_newer_than_known_mod(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """A go.mod go line newer than the newest known release."""
    return _newer_than_known(ctx.path, ctx.doc.go, info, "go.mod")


@rule(
    RuleInfo(
        code="GW112",
        name="go-version-newer-than-known",
        kind="go.work",
        severity=Severity.WARNING,
        summary="The go.work `go` line names a Go release newer than any gowls knows",
        explanation=_NEWER_EXPLANATION,
        fix="Correct the version, or update gowls if that Go release exists.",
        example=Example(
            {"go.work": "go 1.99\n\nuse ./a\n", "a/go.mod": "module example.com/a\n\ngo 1.22\n"},
            "go.work",
        ),
    )
)
def go_newer_than_known_work(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """A go.work go line newer than the newest known release."""
    return _newer_than_known(ctx.path, ctx.doc.go, info, "go.work")


GOMOD_TOOLCHAIN_RULES = (toolchain_not_above_go_mod, go_newer_than_known_mod)
"""Toolchain rules of go.mod files."""
GOWORK_TOOLCHAIN_RULES = (toolchain_older_than_go_work, go_newer_than_known_work)
"""Toolchain rules of go.work files."""
