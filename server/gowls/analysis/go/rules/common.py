"""Pieces shared by the go.work and go.mod rules: syntax findings and their how-to-fix hints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from gowls.analysis.findings import Finding, Related
from gowls.analysis.registry import RuleInfo, finding
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
