"""The typed go.mod document."""

from __future__ import annotations

import re
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
    check_path_major,
    parse_string,
    parse_version,
    read_go,
    read_godebug,
    read_once,
    read_replace,
    read_statements,
    read_toolchain,
    split_path_version,
)
from gowls.syntax.positions import LineIndex, Span
from gowls.syntax.shift import READING_MOVERS, setter
from gowls.syntax.splice import PureVerbs, reparse_spliced
from gowls.syntax.statements import FileSyntax, Problem, Statement, Token, parse_syntax

MOD_BLOCK_VERBS = frozenset(
    {"module", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore"}
)
MOD_VERBS = frozenset({"go", "toolchain", *MOD_BLOCK_VERBS})

_DEPRECATED_RE = re.compile(r"(?:^|\n\n)Deprecated: *(.*?)(?:$|\n\n)", re.S)


@dataclass(frozen=True, slots=True)
class ModuleLine:
    """``module example.com/m``."""

    path: str
    span: Span
    deprecated: str
    statement: Statement


@dataclass(frozen=True, slots=True)
class Require:
    """``require example.com/x v1.2.3`` (also used for ``exclude``)."""

    path: str
    version: str
    path_span: Span
    version_span: Span
    indirect: bool
    statement: Statement


@dataclass(frozen=True, slots=True)
class Retract:
    """``retract v1.0.0`` or ``retract [v1.0.0, v1.1.0]``."""

    low: str
    high: str
    rationale: str
    statement: Statement


@dataclass(frozen=True, slots=True)
class PathLine:
    """``tool path`` or ``ignore path``."""

    path: str
    span: Span
    statement: Statement


@dataclass(slots=True)
class GoMod:
    """A parsed go.mod file: its directives and every problem ``go`` would report."""

    syntax: FileSyntax
    module: ModuleLine | None = None
    go: GoLine | None = None
    toolchain: ToolchainLine | None = None
    godebugs: list[Godebug] = field(default_factory=list)
    requires: list[Require] = field(default_factory=list)
    excludes: list[Require] = field(default_factory=list)
    replaces: list[Replace] = field(default_factory=list)
    retracts: list[Retract] = field(default_factory=list)
    tools: list[PathLine] = field(default_factory=list)
    ignores: list[PathLine] = field(default_factory=list)
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

    @property
    def module_path(self) -> str | None:
        """The declared module path, if any."""
        return self.module.path if self.module else None


def parse_gomod(data: bytes, filename: str = "go.mod", old_tree: Tree | None = None) -> GoMod:
    """Parse go.mod text strictly (as ``go`` reads a main module's go.mod)."""
    with gc_paused():
        return _typed(parse_syntax(data, filename, old_tree), None)


def reparse_gomod(previous: GoMod, data: bytes, filename: str = "go.mod") -> GoMod:
    """``parse_gomod(data, filename)``, reusing what ``previous`` (an older text) read."""
    return reparse_spliced(previous, data, filename, _SPLICED, _typed)


_REQUIRE_SETTERS = tuple(
    setter(Require, n)
    for n in ("path", "version", "path_span", "version_span", "indirect", "statement")
)


def _move_require(req: Require, stmt: Statement) -> Require:
    # A require's spans are its statement's two tokens'; built through the slots (thousands
    # per line-moving edit: the frozen __init__ would double the cost).
    new = object.__new__(Require)
    set_path, set_version, set_path_span, set_version_span, set_indirect, set_stmt = (
        _REQUIRE_SETTERS
    )
    set_path(new, req.path)
    set_version(new, req.version)
    set_path_span(new, stmt.args[0].span)
    set_version_span(new, stmt.args[1].span)
    set_indirect(new, req.indirect)
    set_stmt(new, stmt)
    return new


READING_MOVERS[Require] = _move_require


def _typed(syntax: FileSyntax, seen: Readings | None) -> GoMod:
    mod = GoMod(syntax)
    mod.problems = read_statements(syntax, MOD_BLOCK_VERBS, partial(_add, mod, seen))
    if mod.retracts and mod.module is None:
        first = mod.retracts[0].statement
        mod.problems.append(
            Problem(first.span, "no module directive found, so retract cannot be used")
        )
    elif mod.module is not None:
        mod.problems.extend(_retract_major_problems(mod, mod.module.path))
    mod.problems.sort(key=lambda p: (p.span.start, p.span.end))
    return mod


def _retract_major_problems(mod: GoMod, module_path: str) -> list[Problem]:
    """Retracted versions whose major does not suit the module path (checked after parsing,
    as go does, so the module line may come later)."""
    _, path_major, ok = split_path_version(module_path)
    if not ok:
        return []
    found = []
    for retract in mod.retracts:
        for version in dict.fromkeys((retract.low, retract.high)):
            complaint = check_path_major(version, path_major)
            if complaint:
                found.append(Problem(retract.statement.span, f"retract {module_path}: {complaint}"))
                break
    return found


def _comment_text(stmt: Statement) -> str:
    comments = list(stmt.before)
    if stmt.suffix is not None:
        comments.append(stmt.suffix)
    return "\n".join(c.text[2:].strip() for c in comments)


def _is_indirect(stmt: Statement) -> bool:
    if stmt.suffix is None:
        return False
    fields = stmt.suffix.text[2:].split()
    return (len(fields) == 1 and fields[0] == "indirect") or (
        len(fields) > 1 and fields[0] == "indirect;"
    )


def _module_version(verb: str, stmt: Statement) -> tuple[str, str, Token, Token]:
    if len(stmt.args) != 2:
        raise DirectiveError(f"usage: {verb} module/path v1.2.3", stmt.span)
    path_tok, version_tok = stmt.args
    path = parse_string(path_tok)
    version = parse_version(verb, path, version_tok, fixer=True)
    _, path_major, ok = split_path_version(path)
    if not ok:
        raise DirectiveError(f"{verb} {path}: invalid module path", path_tok.span)
    complaint = check_path_major(version, path_major)
    if complaint:
        raise DirectiveError(f"{verb} {path}: {complaint}", version_tok.span)
    return path, version, path_tok, version_tok


def _check_utf8(index: LineIndex, tok: Token) -> None:
    """go rejects a module path that is not valid UTF-8 (tokens hold a decoded copy)."""
    raw = index.data[index.offset(tok.span.start) : index.offset(tok.span.end)]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        shown = raw.strip(b'"').decode("utf-8", errors="backslashreplace")
        raise DirectiveError(f'malformed module path "{shown}": invalid UTF-8', tok.span) from None


def _read_version_interval(stmt: Statement) -> tuple[str, str, list[Token]]:
    toks = list(stmt.args)
    verb = "retract"
    if not toks or toks[0].text == "(":
        raise DirectiveError("expected '[' or version", stmt.span)
    if toks[0].text != "[":
        v = parse_version(verb, "", toks[0], fixer=True)
        return v, v, toks[1:]
    toks = toks[1:]
    if not toks:
        raise DirectiveError("expected version after '['", stmt.span)
    low = parse_version(verb, "", toks[0], fixer=True)
    toks = toks[1:]
    if not toks or toks[0].text != ",":
        raise DirectiveError("expected ',' after version", stmt.span)
    toks = toks[1:]
    if not toks:
        raise DirectiveError("expected version after ','", stmt.span)
    high = parse_version(verb, "", toks[0], fixer=True)
    toks = toks[1:]
    if not toks or toks[0].text != "]":
        raise DirectiveError("expected ']' after version", stmt.span)
    return low, high, toks[1:]


def _require(stmt: Statement) -> Require:
    verb = stmt.verb.text
    path, version, path_tok, version_tok = _module_version(verb, stmt)
    return Require(path, version, path_tok.span, version_tok.span, _is_indirect(stmt), stmt)


def _retract(stmt: Statement) -> Retract:
    low, high, rest = _read_version_interval(stmt)
    if rest:
        raise DirectiveError(f'unexpected token after version: "{rest[0].text}"', rest[0].span)
    return Retract(low, high, _comment_text(stmt), stmt)


def _path_line(stmt: Statement) -> PathLine:
    if len(stmt.args) != 1:
        raise DirectiveError(f"{stmt.verb.text} directive expects exactly one argument", stmt.span)
    tok = stmt.args[0]
    return PathLine(parse_string(tok), tok.span, stmt)


def _replace(stmt: Statement) -> Replace:
    return read_replace(stmt, fixer=True)


def _add(mod: GoMod, seen: Readings | None, stmt: Statement) -> None:
    verb = stmt.verb.text
    if verb == "require":  # the common case first, and its reuse inline (5,000 a keystroke)
        key = id(stmt)
        hit = seen.get(key) if seen is not None else None
        if hit is not None and hit[0] is stmt and type(hit[1]) is Require:
            mod.readings[key] = hit
            mod.requires.append(hit[1])
            return
        mod.requires.append(read_once(stmt, _require, seen, mod.readings))  # type: ignore[arg-type]
    elif verb == "go":
        if mod.go is not None:
            raise DirectiveError("repeated go statement", stmt.span)
        mod.go = read_go(stmt)
    elif verb == "toolchain":
        if mod.toolchain is not None:
            raise DirectiveError("repeated toolchain statement", stmt.span)
        mod.toolchain = read_toolchain(stmt)
    elif verb == "module":
        if mod.module is not None:
            raise DirectiveError("repeated module statement", stmt.span)
        text = _comment_text(stmt)
        m = _DEPRECATED_RE.search(text)
        if len(stmt.args) != 1:
            raise DirectiveError("usage: module module/path", stmt.span)
        tok = stmt.args[0]
        _check_utf8(mod.index, tok)
        mod.module = ModuleLine(parse_string(tok), tok.span, m.group(1) if m else "", stmt)
    elif verb == "godebug":
        mod.godebugs.append(read_once(stmt, read_godebug, seen, mod.readings))  # type: ignore[arg-type]
    elif verb == "exclude":
        mod.excludes.append(read_once(stmt, _require, seen, mod.readings))  # type: ignore[arg-type]
    elif verb == "replace":
        mod.replaces.append(read_once(stmt, _replace, seen, mod.readings))  # type: ignore[arg-type]
    elif verb == "retract":
        mod.retracts.append(read_once(stmt, _retract, seen, mod.readings))  # type: ignore[arg-type]
    elif verb in ("tool", "ignore"):
        (mod.tools if verb == "tool" else mod.ignores).append(
            read_once(stmt, _path_line, seen, mod.readings)  # type: ignore[arg-type]
        )
    else:
        raise DirectiveError(f"unknown directive: {verb}", stmt.verb.span)


_SPLICED = PureVerbs(
    {
        "require": _require,
        "exclude": _require,
        "replace": _replace,
        "godebug": read_godebug,
        "tool": _path_line,
        "ignore": _path_line,
    },
    {
        "require": "requires",
        "exclude": "excludes",
        "replace": "replaces",
        "godebug": "godebugs",
        "tool": "tools",
        "ignore": "ignores",
    },
    MOD_BLOCK_VERBS,
)
"""Verbs whose reading depends on the statement alone (``go``, ``module``, ``toolchain``
check repeats, ``retract`` the module path): an edit touching only these can be spliced
(every other problem belongs to a statement the edit left, or to the unchanged module and
retract lines)."""
