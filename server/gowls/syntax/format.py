"""Format go.mod and go.work text exactly as ``go mod edit -fmt`` / ``go work edit -fmt`` do.

Formatting happens in four steps, mirroring what the ``go`` command does between parsing and
writing a file:

1. group the parsed statements the way ``modfile`` does: top-level lines and comment blocks,
   ``verb ( ... )`` blocks whose lines carry the comments above them (a blank line inside a
   block is kept as an empty comment), and end-of-line comments;
2. canonicalise tokens: module paths lose needless quotes, versions become canonical
   (``v1.2`` -> ``v1.2.0``);
3. drop duplicate exclude/replace/tool/ignore lines, sort the lines of every block, drop empty
   blocks and collapse one-line blocks into plain lines;
4. print: one tab per block level, a blank line between top-level statements, comments kept.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from gowls.syntax.gostrings import UnquoteError, auto_quote, unquote
from gowls.syntax.positions import LineIndex, Span
from gowls.syntax.statements import FileSyntax, parse_syntax
from gowls.syntax.versions import canonical_version, compare_semver

__all__ = [
    "FormatError",
    "ModBlock",
    "ModCommentBlock",
    "ModLine",
    "ModStmt",
    "Rewrite",
    "format_modfile",
]

_GO_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""What Go's ``strings.TrimSpace`` removes (``unicode.IsSpace``)."""


class FormatError(ValueError):
    """The text has syntax errors, so it cannot be formatted."""


@dataclass(slots=True)
class _Line:
    """A line of tokens; inside a block, without the block's verb."""

    tokens: list[str]
    before: list[str] = field(default_factory=list)
    """Whole-line comments above the line; "" stands for a kept blank line."""
    suffix: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Block:
    """A ``verb ( ... )`` block."""

    tokens: list[str]
    lines: list[_Line] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    lparen_suffix: list[str] = field(default_factory=list)
    rparen_before: list[str] = field(default_factory=list)
    rparen_suffix: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _CommentBlock:
    """Whole-line comments standing on their own, separated from statements by blank lines."""

    before: list[str]


_Stmt = _Line | _Block | _CommentBlock

# The statement model, public for ``rewrite`` functions (tokens already canonical).
ModLine = _Line
ModBlock = _Block
ModCommentBlock = _CommentBlock
ModStmt = _Stmt

Rewrite = Callable[[list[_Stmt]], list[_Stmt]]
"""An edit of the statements applied before sorting, as ``go`` edits a file before writing."""


def format_modfile(data: bytes, rewrite: Rewrite | None = None) -> bytes:
    """Return ``data`` (a go.mod or go.work file) formatted as ``go ... edit -fmt`` formats it,
    after ``rewrite`` (if given) edited its statements."""
    syntax = parse_syntax(data, "go.mod")
    if syntax.problems:
        first = syntax.problems[0]
        raise FormatError(f"{first.span.start.line + 1}: {first.message}")
    stmts = _group(syntax)
    _canonicalise(stmts)
    stmts = _remove_duplicates(stmts)
    if rewrite is not None:
        stmts = rewrite(stmts)
    _sort_blocks(stmts)
    stmts = _cleanup(stmts)
    return _Printer().file(stmts).encode("utf-8", "surrogateescape")


# Step 1: grouping.


def _group(syntax: FileSyntax) -> list[_Stmt]:
    """Group statements and comments into ``modfile``'s top-level syntax."""
    index = syntax.index

    def text(span: Span) -> str:
        raw = index.data[index.offset(span.start) : index.offset(span.end)]
        return raw.decode("utf-8", "surrogateescape")

    line_comments: dict[int, str] = {}
    suffixes: dict[int, str] = {}
    for com in syntax.comments:
        row, col = com.span.start.line, com.span.start.column
        body = text(com.span).strip(_GO_SPACE)
        if index.line_bytes(row)[:col].strip():
            suffixes[row] = body
        else:
            line_comments[row] = body

    def suffix(row: int) -> list[str]:
        return [suffixes[row]] if row in suffixes else []

    lines: dict[int, _Line] = {}
    for stmt in syntax.statements:
        row = stmt.span.start.line
        toks = [text(t.span) for t in ([stmt.verb] if stmt.block is None else []) + stmt.args]
        lines[row] = _Line(toks, suffix=suffix(row))
    blocks: dict[int, tuple[_Block, int]] = {}
    for blk in syntax.blocks:
        if blk.rparen is None:
            raise FormatError(f"{blk.span.start.line + 1}: unterminated block")
        head_row, end_row = blk.lparen.start.line, blk.rparen.start.line
        block = _Block([text(t.span) for t in blk.tokens])
        if head_row == end_row:
            block.rparen_suffix = suffix(head_row)
        else:
            block.lparen_suffix = suffix(head_row)
            block.rparen_suffix = suffix(end_row)
            _fill_block(block, range(head_row + 1, end_row), lines, line_comments, index)
        blocks[blk.span.start.line] = (block, end_row)

    stmts: list[_Stmt] = []
    pending: list[str] | None = None
    row = 0
    while row < index.line_count:
        item: _Stmt | None = None
        if row in blocks:
            item, row = blocks[row]
        elif row in lines:
            item = lines[row]
        elif row in line_comments:
            pending = [*(pending or []), line_comments[row]]
        elif pending is not None:  # a blank line ends a comment block
            stmts.append(_CommentBlock(pending))
            pending = None
        if item is not None:
            if pending is not None:
                item.before = pending
                pending = None
            stmts.append(item)
        row += 1
    if pending is not None:
        stmts.append(_CommentBlock(pending))
    return stmts


def _fill_block(
    block: _Block,
    rows: range,
    lines: dict[int, _Line],
    line_comments: dict[int, str],
    index: LineIndex,
) -> None:
    """Collect a block's lines, keeping comments and (single) blank lines above each."""
    comments: list[str] = []
    for row in rows:
        if row in lines:
            line = lines.pop(row)
            line.before = comments
            block.lines.append(line)
            comments = []
        elif row in line_comments:
            comments.append(line_comments[row])
        elif index.line_bytes(row).strip(b" \t\r") == b"" and (
            (comments and comments[-1]) or (not comments and block.lines)
        ):
            comments.append("")
    block.rparen_before = [] if comments == [""] else comments


# Step 2: canonical tokens.


def _statements(stmts: list[_Stmt]) -> Iterator[tuple[str, list[str], int, _Line]]:
    """(verb, tokens, index of the first argument, line) for every line go interprets."""
    for stmt in stmts:
        if isinstance(stmt, _Line):
            yield stmt.tokens[0], stmt.tokens, 1, stmt
        elif isinstance(stmt, _Block) and len(stmt.tokens) == 1:
            for line in stmt.lines:
                yield stmt.tokens[0], line.tokens, 0, line


def _unquoted(token: str) -> str | None:
    """The string a path or version token stands for, or None when go rejects it."""
    if token.startswith('"'):
        try:
            return unquote(token)
        except UnquoteError:
            return None
    return None if any(q in token for q in "\"'`") else token


def _fix_path(toks: list[str], i: int) -> None:
    value = _unquoted(toks[i])
    if value is not None:
        toks[i] = auto_quote(value)


def _fix_version(toks: list[str], i: int, canonical: bool = True) -> None:
    value = _unquoted(toks[i])
    if value is not None and canonical:
        value = canonical_version(value) or None
    if value is not None:
        toks[i] = value


def _canonicalise(stmts: list[_Stmt]) -> None:
    """Rewrite path and version tokens the way go's parser stores them back."""
    for verb, toks, i, _ in _statements(stmts):
        n = len(toks) - i
        if verb in ("module", "use", "tool", "ignore") and n == 1:
            _fix_path(toks, i)
        elif verb in ("require", "exclude") and n == 2:
            _fix_path(toks, i)
            _fix_version(toks, i + 1)
        elif verb == "replace":
            arrow = 1 if n >= 2 and toks[i + 1] == "=>" else 2
            if arrow + 2 <= n <= arrow + 3 and toks[i + arrow] == "=>":
                _fix_path(toks, i)
                if arrow == 2:
                    _fix_version(toks, i + 1)
                _fix_path(toks, i + arrow + 1)
                if n == arrow + 3:
                    _fix_version(toks, i + arrow + 2)
        elif verb == "retract" and n >= 1:
            if toks[i] != "[":
                _fix_version(toks, i, canonical=False)
            elif n >= 4 and toks[i + 2] == ",":
                _fix_version(toks, i + 1, canonical=False)
                _fix_version(toks, i + 3, canonical=False)


# Step 3: duplicates, sorting, cleanup.


def _remove_duplicates(stmts: list[_Stmt]) -> list[_Stmt]:
    """Drop repeated exclude/tool/ignore lines (first wins) and replace lines (last wins)."""
    seen: set[tuple[str, ...]] = set()
    kill: set[int] = set()
    replaces: list[tuple[tuple[str, ...], _Line]] = []
    for verb, toks, i, line in _statements(stmts):
        args = toks[i:]
        if verb == "replace":
            arrow = args.index("=>") if "=>" in args[:3] else -1
            if arrow in (1, 2):
                replaces.append((("replace", *args[:arrow]), line))
            continue
        if (verb == "exclude" and len(args) == 2) or (
            verb in ("tool", "ignore") and len(args) == 1
        ):
            key = (verb, *args)
            if key in seen:
                kill.add(id(line))
            seen.add(key)
    for key, line in reversed(replaces):
        if key in seen:
            kill.add(id(line))
        seen.add(key)
    if not kill:
        return stmts
    kept: list[_Stmt] = []
    for stmt in stmts:
        if isinstance(stmt, _Block):
            stmt.lines = [line for line in stmt.lines if id(line) not in kill]
            if not stmt.lines:
                continue
        elif id(stmt) in kill:
            continue
        kept.append(stmt)
    return kept


def _compare_tokens(a: _Line, b: _Line) -> int:
    """Lexicographic order of token lists."""
    return (a.tokens > b.tokens) - (a.tokens < b.tokens)


def _compare_exclude(a: _Line, b: _Line) -> int:
    """Exclude lines: path by string order, then version by semver order."""
    if len(a.tokens) != 2 or len(b.tokens) != 2:
        return _compare_tokens(a, b)
    if a.tokens[0] != b.tokens[0]:
        return -1 if a.tokens[0] < b.tokens[0] else 1
    return compare_semver(a.tokens[1], b.tokens[1])


def _interval(line: _Line) -> tuple[str, str]:
    toks = line.tokens
    if len(toks) == 1:
        return toks[0], toks[0]
    if len(toks) == 5 and toks[0] == "[" and toks[2] == "," and toks[4] == "]":
        return toks[1], toks[3]
    return "", ""


def _compare_retract(a: _Line, b: _Line) -> int:
    """Retract lines: newest interval first (by low, then high version)."""
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    return -compare_semver(alo, blo) or -compare_semver(ahi, bhi)


def _sort_blocks(stmts: list[_Stmt]) -> None:
    """Stable-sort every block's lines (excludes semantically from go 1.21 on)."""
    go = next((s.tokens for s in stmts if isinstance(s, _Line) and s.tokens[0] == "go"), None)
    semantic_exclude = go is not None and len(go) == 2 and compare_semver(f"v{go[1]}", "v1.21") >= 0
    for stmt in stmts:
        if not isinstance(stmt, _Block):
            continue
        compare: Callable[[_Line, _Line], int] = _compare_tokens
        if stmt.tokens[0] == "exclude" and semantic_exclude:
            compare = _compare_exclude
        elif stmt.tokens[0] == "retract":
            compare = _compare_retract
        stmt.lines.sort(key=functools.cmp_to_key(compare))


def _cleanup(stmts: list[_Stmt]) -> list[_Stmt]:
    """Drop empty blocks; turn a block of one line (no comment before ``)``) into a line."""
    out: list[_Stmt] = []
    for stmt in stmts:
        if isinstance(stmt, _Block):
            if not stmt.lines:
                continue
            if len(stmt.lines) == 1 and not stmt.rparen_before:
                line = stmt.lines[0]
                stmt = _Line(stmt.tokens + line.tokens, stmt.before + line.before, line.suffix)
        out.append(stmt)
    return out


# Step 4: printing.


class _Printer:
    """Writes statements in go's layout, keeping end-of-line comments for the line's end."""

    def __init__(self) -> None:
        self.out = ""
        self.margin = 0
        self.pending: list[str] = []

    def file(self, stmts: list[_Stmt]) -> str:
        """The formatted text of a whole file."""
        for n, stmt in enumerate(stmts):
            self.stmt(stmt)
            if not isinstance(stmt, _CommentBlock):
                self.newline()
            if n + 1 < len(stmts):
                self.newline()  # a blank line between top-level statements
        return self.out.rstrip("\n") + "\n" if self.out.strip("\n") else ""

    def trim(self) -> None:
        self.out = self.out.rstrip(" \t")

    def newline(self) -> None:
        """End the line (after its queued end-of-line comments), never two blank lines."""
        if self.pending:
            self.out += " " + ("\n" + "\t" * self.margin).join(self.pending)
            self.pending = []
        self.trim()
        if self.out and not self.out.endswith("\n\n"):
            self.out += "\n"
        self.out += "\t" * self.margin

    def comments_before(self, comments: list[str]) -> None:
        if not comments:
            return
        self.trim()
        if self.out and not self.out.endswith("\n"):
            self.out += "\n"
        self.out += "\t" * self.margin
        for com in comments:
            self.out += com
            self.newline()

    def stmt(self, stmt: _Stmt) -> None:
        self.comments_before(stmt.before)
        if isinstance(stmt, _Line):
            self.tokens(stmt.tokens)
            self.pending += stmt.suffix
        elif isinstance(stmt, _Block):
            self.tokens(stmt.tokens)
            self.out += " ("
            self.pending += stmt.lparen_suffix
            self.margin += 1
            for line in stmt.lines:
                self.newline()
                self.stmt(line)
            self.margin -= 1
            self.newline()
            self.comments_before(stmt.rparen_before)
            self.out += ")"
            self.pending += stmt.rparen_suffix

    def tokens(self, tokens: list[str]) -> None:
        """Space-separated tokens, with no space inside brackets or before a comma."""
        sep = ""
        for tok in tokens:
            if tok in (",", ")", "]", "}"):
                sep = ""
            self.out += sep + tok
            sep = "" if tok in ("(", "[", "{") else " "
