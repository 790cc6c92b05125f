"""``godebug`` lines measured against Go's GODEBUG table, in go.work (GW002) and go.mod (GM002).

What ``go`` 1.27 does, observed: after parsing, it checks every ``godebug key=value`` of the
go.work (always) and of the main module's go.mod (in module mode only: inside a workspace the
go.mod's godebug lines are ignored, so only ``GOWORK=off`` commands fail). It rejects
``default=`` values that are not ``goVERSION``, a ``default=`` newer than its own version,
unknown keys, and settings Go has removed when they are set to a value it no longer honours.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gowls.analysis.findings import Finding, Fix, Severity, TextEdit
from gowls.analysis.go.data.go_releases import latest
from gowls.analysis.go.data.godebugs import GODEBUG_GO, GODEBUGS, lookup, removed
from gowls.analysis.go.modules import governing_workspace, shown_relative
from gowls.analysis.go.rules.gomod import delete_directive, off_only_note
from gowls.analysis.registry import Example, RuleContext, RuleInfo, finding, rule
from gowls.syntax.directives import Godebug
from gowls.syntax.gomod import GoMod
from gowls.syntax.gowork import GoWork
from gowls.syntax.positions import LineIndex, Point, Span
from gowls.syntax.versions import GoVersion


@dataclass(frozen=True, slots=True)
class GodebugProblem:
    """What ``go`` says about one ``godebug`` line and how to fix it."""

    error: str
    """go's message (after ``file:line:``)."""
    advice: str
    fix: Fix | None = None


def _value_span(line: Godebug) -> Span:
    start = line.span.start
    column = start.column + len(line.key.encode("utf-8")) + 1
    return Span(Point(start.line, column), line.span.end)


def _remove_fix(path: Path, index: LineIndex, line: Godebug) -> Fix:
    span = line.statement.span
    edit = delete_directive(path, index, span.start.line, span.end.line)
    return Fix(f"Remove godebug {line.key}={line.value}", (edit,), safe=False)


def check_godebug(path: Path, index: LineIndex, line: Godebug) -> GodebugProblem | None:
    """The problem ``go`` reports for ``line``, or None when go accepts it."""
    key, value = line.key, line.value
    if key == "default":
        bare = value.removeprefix("go")
        version = GoVersion.parse_lenient(bare) if value.startswith("go") else None
        if version is None:
            fix = None
            if GoVersion.parse_lenient(value) is not None:
                edit = TextEdit(path, _value_span(line), f"go{value}")
                fix = Fix(f"Write default=go{value}", (edit,), safe=True)
            return GodebugProblem(
                "value for default= must be goVERSION",
                f"Write a Go version with its go prefix, e.g. `default=go{latest().version}`.",
                fix,
            )
        newest = latest()
        known = f"{newest.version}.{newest.latest_patch}"
        known_version = GoVersion.parse_lenient(known)
        assert known_version is not None
        if version > known_version:
            return GodebugProblem(
                f"default={value} too new (toolchain is go{known})",
                f"go rejects a default newer than itself; go{known} is the newest release gowls "
                f"knows. Use `default=go{newest.version}` or older (or a newer toolchain, if "
                "one has been released since).",
            )
        return None
    if lookup(key) is not None:
        return None
    gone = removed(key)
    if gone is not None:
        if value not in gone.old_values:
            return None  # go accepts a removed setting at its final value
        return GodebugProblem(
            f'removed GODEBUG "{key}" set to old value "{value}" ({gone.doc_url})',
            f"Go 1.{gone.removed} removed the setting and its old behaviour. Remove the line and "
            "adapt the code to the current behaviour.",
            _remove_fix(path, index, line),
        )
    close = difflib.get_close_matches(key, [g.key for g in GODEBUGS], n=1, cutoff=0.8)
    if close:
        edit = TextEdit(path, Span(line.span.start, _value_span(line).start), f"{close[0]}=")
        return GodebugProblem(
            f'unknown godebug "{key}"',
            f"Go {GODEBUG_GO} has no such setting; did you mean {close[0]}?",
            Fix(f"Change the key to {close[0]}", (edit,), safe=False),
        )
    return GodebugProblem(
        f'unknown godebug "{key}"',
        f"Go {GODEBUG_GO} has no such setting (see https://go.dev/doc/godebug). Remove the "
        "line or correct the key.",
        _remove_fix(path, index, line),
    )


_EXPLANATION = (
    "After parsing, `go` checks each `godebug key=value` against its GODEBUG table: "
    '`unknown godebug "K"`; `value for default= must be goVERSION`; `default=goV too new '
    '(toolchain is goT)` for a default newer than the running go; `removed GODEBUG "K" set to '
    'old value "V"` for a setting Go has removed, set to a value that asked for the old '
    "behaviour (any other value is accepted). gowls checks against the Go "
    f"{GODEBUG_GO} table and the newest release it knows."
)


@rule(
    RuleInfo(
        code="GW002",
        name="godebug-invalid",
        kind="go.work",
        severity=Severity.ERROR,
        summary="A go.work `godebug` line `go` rejects",
        explanation=_EXPLANATION + " A go.work's godebug lines are checked whenever it is used "
        "(`go: error loading go.work`).",
        fix="Correct the key or value as the message says; `default=1.21` is fixed to "
        "`default=go1.21` (safe quick fix), a removed setting or unknown key can be removed "
        "(quick fix, not applied by --fix: it changes run-time behaviour).",
        example=Example(
            {
                "go.work": "go 1.22\n\ngodebug default=1.21\n\nuse ./a\n",
                "a/go.mod": "module example.com/a\n\ngo 1.22\n",
            },
            "go.work",
        ),
    )
)
def godebug_invalid_work(ctx: RuleContext[GoWork], info: RuleInfo) -> Iterator[Finding]:
    """go.work godebug lines go rejects."""
    for line in ctx.doc.godebugs:
        problem = check_godebug(ctx.path, ctx.doc.index, line)
        if problem is None:
            continue
        yield finding(
            info,
            ctx.path,
            line.span,
            f"{problem.error}: go rejects the go.work (`go: error loading go.work`). "
            f"{problem.advice}",
            fixes=(problem.fix,) if problem.fix else (),
        )


@rule(
    RuleInfo(
        code="GM002",
        name="godebug-invalid",
        kind="go.mod",
        severity=Severity.ERROR,
        summary="A go.mod `godebug` line `go` rejects",
        explanation=_EXPLANATION + " A go.mod's godebug lines are checked in module mode (`go: "
        "error loading go.mod`); in a workspace `go` ignores them, so there the finding is a "
        "warning: `GOWORK=off` commands (CI, `go install`) fail.",
        fix="Correct the key or value as the message says; `default=1.21` is fixed to "
        "`default=go1.21` (safe quick fix), a removed setting or unknown key can be removed "
        "(quick fix, not applied by --fix: it changes run-time behaviour).",
        example=Example(
            {"go.mod": "module example.com/m\n\ngo 1.23\n\ngodebug gotypesalias=0\n"},
            "go.mod",
        ),
    )
)
def godebug_invalid_mod(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """go.mod godebug lines go rejects in module mode."""
    if not ctx.doc.godebugs:
        return
    view = governing_workspace(ctx.snapshot, ctx.path)
    for line in ctx.doc.godebugs:
        problem = check_godebug(ctx.path, ctx.doc.index, line)
        if problem is None:
            continue
        note = off_only_note(ctx) if view is None else ""
        if note:
            fact = f"{problem.error}: go rejects the go.mod with GOWORK=off; {note}"
            severity = Severity.WARNING
        elif view is None:
            fact = f"{problem.error}: go rejects the go.mod (`go: error loading go.mod`)"
            severity = None
        else:
            work = shown_relative(view.path, ctx.path.parent)
            fact = (
                f"with GOWORK=off, go rejects this line ({problem.error}); in the workspace "
                f"({work}) go ignores a go.mod's godebug lines, which hides it"
            )
            severity = Severity.WARNING
        yield finding(
            info,
            ctx.path,
            line.span,
            f"{fact}. {problem.advice}",
            fixes=(problem.fix,) if problem.fix else (),
            severity=severity,
        )


GOWORK_GODEBUG_RULES = (godebug_invalid_work,)
"""Godebug rules of go.work files."""
GOMOD_GODEBUG_RULES = (godebug_invalid_mod,)
"""Godebug rules of go.mod files."""
