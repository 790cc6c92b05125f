"""Pieces shared by the go.work and go.mod rules: syntax findings and their how-to-fix hints,
the wording of an unreadable replacement directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from gowls.analysis.findings import Finding, Related
from gowls.analysis.go.modules import ReplaceSource
from gowls.analysis.registry import RuleInfo, finding
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.positions import LineIndex, Span
from gowls.syntax.statements import Problem

_HINTS: tuple[tuple[str, str], ...] = (
    ("usage: use local/dir", "Write one directory per use line, e.g. `use ./mymodule`."),
    ("usage: godebug key=value", "Write one setting per line, e.g. `godebug default=go1.21`."),
    ("usage: module module/path", "Write `module example.com/name`."),
    ("usage: require module/path v1.2.3", "Write `require example.com/mod v1.2.3`."),
    ("usage: exclude module/path v1.2.3", "Write `exclude example.com/mod v1.2.3`."),
    (
        "usage: replace",
        "Write `replace example.com/mod [v1.2.3] => ../dir` or `=> other/mod v1.4.0`.",
    ),
    ("invalid go version", "Use a Go version such as 1.23 or 1.23.0."),
    ("invalid toolchain version", "Use a toolchain name such as go1.23.0, or default."),
    ("must be of the form v1.2.3", "Module versions are semantic versions with a leading v."),
    ("is not canonical", "Write the exact version in full, e.g. v1.2.0."),
    ("unexpected input character '\\ufeff'", "Save the file as UTF-8 without a byte order mark."),
    ("unexpected input character", "Delete the invisible or control character."),
    ("unterminated block", "Close the block with `)` on a line of its own."),
    ("expected newline after closing paren", "Put nothing but a comment after `)`."),
    ("unexpected newline in string", "Close the quoted string on the same line."),
    ("unexpected EOF in string", "Close the quoted string."),
    ("must use // comments", "Rewrite the comment with `//`."),
    ("unquoted string cannot contain quote", "Quote the whole token with double quotes."),
    ("repeated go statement", "Keep a single go line."),
    ("repeated toolchain statement", "Keep a single toolchain line."),
    ("repeated module statement", "Keep a single module line."),
    ("should be v", "Use a version whose major number matches the module path's /vN suffix."),
)

_VERBS = {
    "go.work": "go, toolchain, godebug, use and replace",
    "go.mod": "module, go, toolchain, godebug, require, exclude, replace, retract, tool and ignore",
}


def hint_for(message: str, kind: str) -> str:
    """A sentence telling how to fix a syntax problem, or ""."""
    if message.startswith(("unknown directive:", "unknown block type:")):
        verb = message.split(":", 1)[1].strip()
        extra = ""
        if kind == "go.mod" and verb == "use":
            extra = "use belongs in a go.work file. "
        elif kind == "go.work" and verb in ("module", "require", "exclude", "retract"):
            extra = f"{verb} belongs in a go.mod file. "
        return f"{extra}A {kind} file accepts {_VERBS[kind]}."
    for needle, hint in _HINTS:
        if needle in message:
            return hint
    return ""


def with_hint(message: str, kind: str) -> str:
    """``message`` on one line, followed by its hint, if any."""
    text = message.replace("\n\t or ", " or ")
    hint = hint_for(message, kind)
    return f"{text}. {hint}" if hint else text


def syntax_findings(
    info: RuleInfo, path: Path, index: LineIndex, problems: list[Problem], kind: str
) -> Iterator[Finding]:
    """One finding per syntax problem, on the line ``go`` names."""
    for problem in problems:
        message = with_hint(problem.message, kind)
        if problem.message.startswith("syntax error (unterminated block"):
            # go names the end of the file, where it gave up.
            end = index.point(len(index.data))
            related = Related(path, problem.span, "the block starts here")
            yield finding(info, path, Span(end, end), message, related=(related,))
        else:
            yield finding(info, path, problem.span, message)


@dataclass(frozen=True, slots=True)
class MissingTarget:
    """How to word a directory replacement whose go.mod go cannot read."""

    what: str
    reading: str
    """The tail of go's message: ``x/go.mod: no such file or directory``."""
    todo: str


TargetState = Literal["dir", "file", "missing"]
"""What a replacement directory's path is on disk."""


def target_state(snapshot: Snapshot, target: Path) -> TargetState:
    """Whether ``target`` is a directory, a file or missing (recorded as read)."""
    if snapshot.source.is_dir(target):
        return "dir"
    if snapshot.source.is_file(target):
        return "file"
    return "missing"


def missing_target(rep: ReplaceSource, shown: str, state: TargetState) -> MissingTarget:
    """Wording for ``rep``'s unreadable target, which go names ``shown`` and which is
    ``state`` on disk (:func:`target_state`)."""
    new = rep.replace.new_path
    gomod = os.path.normpath(os.path.join(shown, "go.mod")).replace(os.sep, "/")
    if state == "dir":
        return MissingTarget(
            f"{new} has no go.mod",
            f"{gomod}: no such file or directory",
            f"Run `go mod init {rep.module}` in {new} or correct the path.",
        )
    if state == "file":
        return MissingTarget(
            f"replacement {new} is a file, not a directory",
            f"{gomod}: not a directory",
            "Point the replace at the module's directory.",
        )
    return MissingTarget(
        f"replacement directory {new} does not exist",
        f"{gomod}: no such file or directory",
        f"Create the module in {new} or correct the path.",
    )
