"""The typed go.work document."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from tree_sitter import Tree

from gowls.syntax.alloc import gc_paused
from gowls.syntax.comments import CommentToken
from gowls.syntax.directives import (
    DirectiveError,
    Godebug,
    GoLine,
    Readings,
    Replace,
    ToolchainLine,
    parse_string,
    read_go,
    read_godebug,
    read_once,
    read_replace,
    read_statements,
    read_toolchain,
)
from gowls.syntax.positions import LineIndex, Span
from gowls.syntax.shift import READING_MOVERS
from gowls.syntax.splice import PureVerbs, reparse_spliced
from gowls.syntax.statements import FileSyntax, Problem, Statement, parse_syntax

WORK_BLOCK_VERBS = frozenset({"godebug", "use", "replace"})
WORK_VERBS = frozenset({"go", "toolchain", *WORK_BLOCK_VERBS})


@dataclass(frozen=True, slots=True)
class Use:
    """``use ./dir``."""

    path: str
    """The directory as written (unquoted), relative to the go.work directory or absolute."""
    span: Span
    """The path token."""
    statement: Statement


@dataclass(slots=True)
class GoWork:
    """A parsed go.work file: its directives and every problem ``go`` would report."""

    syntax: FileSyntax
    go: GoLine | None = None
    toolchain: ToolchainLine | None = None
    godebugs: list[Godebug] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)
    replaces: list[Replace] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    readings: Readings = field(default_factory=dict, repr=False, compare=False)
    """Per statement, what reading it gave (a re-parse reuses it for unchanged statements)."""

    @property
    def index(self) -> LineIndex:
        """Line index of the text."""
        return self.syntax.index

    def comments(self) -> list[CommentToken]:
        """The ``//`` comments of the file, bodies without the slashes."""
        return [CommentToken(c.span, c.text[2:]) for c in self.syntax.comments]


def parse_gowork(data: bytes, filename: str = "go.work", old_tree: Tree | None = None) -> GoWork:
    """Parse go.work text; problems use ``filename`` where go names the file."""
    with gc_paused():
        return _typed(parse_syntax(data, filename, old_tree), None)


def reparse_gowork(previous: GoWork, data: bytes, filename: str = "go.work") -> GoWork:
    """``parse_gowork(data, filename)``, reusing what ``previous`` (an older text) read."""
    return reparse_spliced(previous, data, filename, _SPLICED, _typed)


def _typed(syntax: FileSyntax, seen: Readings | None) -> GoWork:
    work = GoWork(syntax)
    work.problems = read_statements(syntax, WORK_BLOCK_VERBS, partial(_add, work, seen))
    work.problems.sort(key=lambda p: (p.span.start, p.span.end))
    return work


def _use(stmt: Statement) -> Use:
    if len(stmt.args) != 1:
        raise DirectiveError("usage: use local/dir", stmt.span)
    tok = stmt.args[0]
    return Use(parse_string(tok), tok.span, stmt)


def _move_use(use: Use, stmt: Statement) -> Use:
    return Use(use.path, stmt.args[0].span, stmt)


READING_MOVERS[Use] = _move_use

_SPLICED = PureVerbs(
    {"use": _use, "replace": read_replace, "godebug": read_godebug},
    {"use": "uses", "replace": "replaces", "godebug": "godebugs"},
    WORK_BLOCK_VERBS,
)
"""Verbs whose reading depends on the statement alone (``go`` and ``toolchain`` check
repeats): an edit touching only these can be spliced."""


def _add(work: GoWork, seen: Readings | None, stmt: Statement) -> None:
    verb = stmt.verb.text
    if verb == "replace" or verb == "use":  # the bulk of a big file, its reuse inline
        key = id(stmt)
        hit = seen.get(key) if seen is not None else None
        if (
            hit is not None
            and hit[0] is stmt
            and type(hit[1]) is (Replace if verb == "replace" else Use)
        ):
            work.readings[key] = hit
            (work.replaces if verb == "replace" else work.uses).append(hit[1])  # type: ignore[arg-type]
            return
    if verb == "go":
        if work.go is not None:
            raise DirectiveError("repeated go statement", stmt.span)
        work.go = read_go(stmt)
    elif verb == "toolchain":
        if work.toolchain is not None:
            raise DirectiveError("repeated toolchain statement", stmt.span)
        work.toolchain = read_toolchain(stmt)
    elif verb == "godebug":
        work.godebugs.append(read_once(stmt, read_godebug, seen, work.readings))  # type: ignore[arg-type]
    elif verb == "use":
        work.uses.append(read_once(stmt, _use, seen, work.readings))  # type: ignore[arg-type]
    elif verb == "replace":
        work.replaces.append(read_once(stmt, read_replace, seen, work.readings))  # type: ignore[arg-type]
    else:
        raise DirectiveError(f"unknown directive: {verb}", stmt.verb.span)
