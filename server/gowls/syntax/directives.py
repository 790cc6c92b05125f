"""Directives shared by go.mod and go.work, checked the way Go's ``modfile`` checks them.

Each ``read_*`` function takes a statement and returns a typed directive or a :class:`Problem`
whose message is the text ``go`` prints after ``file:line:``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from gowls.syntax.gostrings import UnquoteError, quote, unquote
from gowls.syntax.positions import Span
from gowls.syntax.shift import READING_MOVERS, setter
from gowls.syntax.statements import FileSyntax, Problem, Statement, Token
from gowls.syntax.versions import (
    GO_VERSION_RE,
    TOOLCHAIN_RE,
    canonical_version,
    is_pseudo_version,
    major,
)


@dataclass(frozen=True, slots=True)
class GoLine:
    """``go 1.23``."""

    version: str
    span: Span
    """The version token."""
    statement: Statement


@dataclass(frozen=True, slots=True)
class ToolchainLine:
    """``toolchain go1.23.1``."""

    name: str
    span: Span
    statement: Statement


@dataclass(frozen=True, slots=True)
class Godebug:
    """``godebug key=value``."""

    key: str
    value: str
    span: Span
    statement: Statement


@dataclass(frozen=True, slots=True)
class Replace:
    """``replace old [version] => new [version]``."""

    old_path: str
    old_version: str
    """"" when the replace applies to every version."""
    new_path: str
    new_version: str
    """"" for a directory replacement."""
    old_span: Span
    old_version_span: Span | None
    new_span: Span
    new_version_span: Span | None
    statement: Statement

    @property
    def is_local(self) -> bool:
        """Whether the replacement is a directory on disk."""
        return is_directory_path(self.new_path)


class DirectiveError(Exception):
    """A directive problem; carries go's message and the span to report."""

    def __init__(self, message: str, span: Span) -> None:
        super().__init__(message)
        self.problem = Problem(span, message)


@lru_cache(maxsize=65536)
def is_directory_path(path: str) -> bool:
    """``modfile.IsDirectoryPath``: rooted, or starting with ``./`` or ``../`` (memoised: the
    rules ask it of every replace several times per keystroke)."""
    return (
        path in (".", "..")
        or path.startswith(("./", ".\\", "../", "..\\", "/", "\\"))
        or (len(path) >= 2 and path[0].isascii() and path[0].isalpha() and path[1] == ":")
    )


def parse_string(token: Token) -> str:
    """``modfile.parseString``: unquote a quoted token; reject quotes inside a bare one."""
    text = token.text
    if text.startswith('"'):
        try:
            return unquote(text)
        except UnquoteError as exc:
            raise DirectiveError(f"invalid quoted string: {exc}", token.span) from None
    if '"' in text or "'" in text or "`" in text:
        raise DirectiveError(
            "invalid quoted string: unquoted string cannot contain quote", token.span
        )
    return text


@lru_cache(maxsize=16384)  # pure; called for every requirement on every re-parse
def split_path_version(path: str) -> tuple[str, str, bool]:
    """``module.SplitPathVersion``: (prefix, pathMajor, ok)."""
    if path.startswith("gopkg.in/"):
        i = len(path)
        if path.endswith("-unstable"):
            i -= len("-unstable")
        while i > 0 and path[i - 1].isdigit() and path[i - 1].isascii():
            i -= 1
        if i <= 1 or path[i - 1] != "v" or path[i - 2] != ".":
            return path, "", False
        prefix, path_major = path[: i - 2], path[i - 2 :]
        if len(path_major) <= 2 or (path_major[2] == "0" and path_major != ".v0"):
            return path, "", False
        return prefix, path_major, True
    i = len(path)
    dot = False
    while i > 0 and (path[i - 1] in "0123456789."):
        dot = dot or path[i - 1] == "."
        i -= 1
    if i <= 1 or i == len(path) or path[i - 1] != "v" or path[i - 2] != "/":
        return path, "", True
    prefix, path_major = path[: i - 2], path[i - 2 :]
    if dot or len(path_major) <= 2 or path_major[2] == "0" or path_major == "/v1":
        return path, "", False
    return prefix, path_major, True


@lru_cache(maxsize=16384)  # pure; called for every requirement on every re-parse
def check_path_major(version: str, path_major: str) -> str | None:
    """``module.CheckPathMajor``: None when ``version`` suits the path, else go's complaint."""
    if path_major.startswith(".v") and path_major.endswith("-unstable"):
        path_major = path_major.removesuffix("-unstable")
    if version.startswith("v0.0.0-") and path_major == ".v1":
        return None
    m = major(version)
    if path_major == "":
        if m in ("v0", "v1") or version.endswith("+incompatible"):
            return None
        want = "v0 or v1"
    elif path_major[0] in "/.":
        if m == path_major[1:]:
            return None
        want = path_major[1:]
    else:
        want = path_major
    return f'{_noun(version)} "{version}" invalid: should be {want}, not {m}'


def _noun(version: str) -> str:
    return "pseudo-version" if is_pseudo_version(version) else "version"


def parse_version(verb: str, path: str, token: Token, fixer: bool = False) -> str:
    """``modfile.parseVersion``: the canonical version or a DirectiveError.

    With ``fixer`` (how the go command reads a main module's go.mod) a version that is not
    already canonical (``v1.2``, ``v1.2.0+meta``) is an error: go would have to look it up.
    """
    prefix = f"{verb} {path}: " if path else f"{verb}: "  # as modfile.Error formats it
    try:
        text = parse_string(token)
    except DirectiveError as exc:
        inner = str(exc).removeprefix("invalid quoted string: ")
        raise DirectiveError(
            f'{prefix}version "{token.text}" invalid: {inner}', token.span
        ) from None
    canonical = canonical_version(text)
    if canonical == "":
        raise DirectiveError(
            f'{prefix}version "{text}" invalid: must be of the form v1.2.3', token.span
        )
    if fixer and canonical != text:
        raise DirectiveError(
            f'{prefix}version "{text}" is not canonical: go must look it up in the module proxy '
            "(offline: module lookup disabled by GOPROXY=off) and then wants go.mod rewritten "
            "(`updates to go.mod needed`)",
            token.span,
        )
    return canonical


def read_go(stmt: Statement) -> GoLine:
    """A ``go`` line."""
    if len(stmt.args) != 1:
        raise DirectiveError("go directive expects exactly one argument", stmt.span)
    tok = stmt.args[0]
    if not GO_VERSION_RE.match(tok.text):
        raise DirectiveError(f"invalid go version '{tok.text}': must match format 1.23.0", tok.span)
    return GoLine(tok.text, tok.span, stmt)


def read_toolchain(stmt: Statement) -> ToolchainLine:
    """A ``toolchain`` line."""
    if len(stmt.args) != 1:
        raise DirectiveError("toolchain directive expects exactly one argument", stmt.span)
    tok = stmt.args[0]
    if not TOOLCHAIN_RE.match(tok.text):
        raise DirectiveError(
            f"invalid toolchain version '{tok.text}': must match format go1.23.0 or default",
            tok.span,
        )
    return ToolchainLine(tok.text, tok.span, stmt)


def read_godebug(stmt: Statement) -> Godebug:
    """A ``godebug key=value`` line."""
    if len(stmt.args) != 1 or any(q in stmt.args[0].text for q in "\"`',"):
        raise DirectiveError("usage: godebug key=value", stmt.span)
    key, sep, value = stmt.args[0].text.partition("=")
    if not sep:
        raise DirectiveError("usage: godebug key=value", stmt.span)
    return Godebug(key, value, stmt.args[0].span, stmt)


def read_replace(stmt: Statement, fixer: bool = False) -> Replace:
    """A ``replace`` line (``modfile.parseReplace``); ``fixer``: read as the go command reads
    a main module's go.mod (versions must be canonical, the new side's major must match)."""
    args, verb = stmt.args, stmt.verb.text
    arrow = 1 if len(args) >= 2 and args[1].text == "=>" else 2
    if len(args) < arrow + 2 or len(args) > arrow + 3 or args[arrow].text != "=>":
        raise DirectiveError(
            f"usage: {verb} module/path [v1.2.3] => other/module v1.4\n"
            f"\t or {verb} module/path [v1.2.3] => ../local/directory",
            stmt.span,
        )
    old = parse_string(args[0])
    _, path_major, ok = split_path_version(old)
    if not ok:
        raise DirectiveError(f"{verb} {old}: invalid module path", args[0].span)
    old_version, old_version_span = "", None
    if arrow == 2:
        old_version = parse_version(verb, old, args[1], fixer)
        old_version_span = args[1].span
        complaint = check_path_major(old_version, path_major)
        if complaint:
            raise DirectiveError(f"{verb} {old}: {complaint}", args[1].span)
    new_tok = args[arrow + 1]
    new = parse_string(new_tok)
    new_version, new_version_span = "", None
    if len(args) == arrow + 2:
        if not is_directory_path(new):
            if "@" in new:
                raise DirectiveError(
                    "replacement module must match format 'path version', not 'path@version'",
                    new_tok.span,
                )
            raise DirectiveError(
                "replacement module without version must be directory path "
                "(rooted or starting with . or ..)",
                new_tok.span,
            )
        if "\\" in new:
            raise DirectiveError(
                "replacement directory appears to be Windows path (on a non-windows system)",
                new_tok.span,
            )
    else:
        version_tok = args[arrow + 2]
        new_version = parse_version(verb, new, version_tok, fixer)
        new_version_span = version_tok.span
        if is_directory_path(new):
            raise DirectiveError(
                f"replacement module directory path {quote(new)} cannot have version",
                version_tok.span,
            )
        _, new_major, new_ok = split_path_version(new)
        complaint = check_path_major(new_version, new_major) if fixer and new_ok else None
        if complaint:
            raise DirectiveError(f"{verb} {new}: {complaint}", version_tok.span)
    return Replace(
        old,
        old_version,
        new,
        new_version,
        args[0].span,
        old_version_span,
        new_tok.span,
        new_version_span,
        stmt,
    )


_REPLACE_SETTERS = tuple(
    setter(Replace, n)
    for n in (
        "old_path",
        "old_version",
        "new_path",
        "new_version",
        "old_span",
        "old_version_span",
        "new_span",
        "new_version_span",
        "statement",
    )
)


def _move_replace(rep: Replace, stmt: Statement) -> Replace:
    # The spans are those of the tokens read_replace took them from, in the moved statement;
    # built through the slots (thousands per line-moving edit of a big go.work).
    args = stmt.args
    arrow = 1 if args[1].text == "=>" else 2
    values = (
        rep.old_path,
        rep.old_version,
        rep.new_path,
        rep.new_version,
        args[0].span,
        args[1].span if arrow == 2 else None,
        args[arrow + 1].span,
        args[arrow + 2].span if len(args) == arrow + 3 else None,
        stmt,
    )
    new = object.__new__(Replace)
    for set_field, value in zip(_REPLACE_SETTERS, values, strict=True):
        set_field(new, value)
    return new


READING_MOVERS[Replace] = _move_replace


Readings = dict[int, tuple[Statement, object]]
"""What reading each statement gave (keyed by the statement's identity; the statement is kept
so the key stays valid): the typed directive, or the :class:`Problem` it raised."""


def read_once(
    stmt: Statement, read: Callable[[Statement], object], seen: Readings | None, out: Readings
) -> object:
    """``read(stmt)``, or what it gave for this very statement object before (``seen``: an
    older document's readings, whose unchanged statements a re-parse reuses); recorded in
    ``out``. A :class:`DirectiveError` is recorded as its problem and raised again.

    Only for readings that depend on nothing but the statement (not ``go``, ``module``...:
    those also look at the statements before them)."""
    key = id(stmt)
    hit = seen.get(key) if seen is not None else None
    if hit is not None and hit[0] is stmt:
        outcome = hit[1]
    else:
        try:
            outcome = read(stmt)
        except DirectiveError as exc:
            outcome = exc.problem
    out[key] = (stmt, outcome)
    if isinstance(outcome, Problem):
        raise DirectiveError(outcome.message, outcome.span)
    return outcome


def read_statements(
    syntax: FileSyntax, block_verbs: frozenset[str], add: Callable[[Statement], None]
) -> list[Problem]:
    """Feed every checkable statement to ``add``, as ``go`` walks a file; return the problems.

    Blocks whose verb cannot open a block in this kind of file are ``unknown block type``
    (their lines are not looked at, as in go); statements on lines with syntax errors are
    skipped; a :class:`DirectiveError` raised by ``add`` becomes a problem.
    """
    problems = list(syntax.problems)
    bad_blocks = [b for b in syntax.blocks if len(b.tokens) > 1 or b.verb not in block_verbs]
    for block in bad_blocks:
        problems.append(
            Problem(
                Span(block.tokens[0].span.start, block.tokens[-1].span.end),
                "unknown block type: " + " ".join(t.text for t in block.tokens),
            )
        )
    for stmt in syntax.sound_statements():
        if bad_blocks and stmt.block is not None and stmt.block in bad_blocks:
            continue
        try:
            add(stmt)
        except DirectiveError as exc:
            problems.append(exc.problem)
    return problems
