"""The shape every go.mod and go.work file shares: statements, blocks, comments.

This turns a tree-sitter tree of the ``gomod`` grammar into :class:`Statement` objects the way
Go's ``modfile`` parser groups tokens into lines and line blocks, and turns the tree's error
nodes into syntax problems worded as ``go`` words them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from tree_sitter import Node, Tree

from gowls.syntax.grammar import new_parser
from gowls.syntax.positions import LineIndex, Point, Span


class TokenKind(Enum):
    """The lexical class of a token."""

    IDENT = "identifier"
    STRING = "interpreted_string"
    RAW = "raw_string"
    PUNCT = "punctuation"


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a statement, with its text exactly as written."""

    text: str
    span: Span
    kind: TokenKind


@dataclass(frozen=True, slots=True)
class Comment:
    """A ``//`` comment; ``text`` includes the slashes."""

    text: str
    span: Span
    suffix: bool
    """True when code precedes the comment on its line."""


@dataclass(slots=True)
class Block:
    """A ``verb ( ... )`` block."""

    tokens: list[Token]
    """The tokens before ``(`` (normally just the verb)."""
    span: Span
    lparen: Span
    rparen: Span | None
    """None when the block is never closed."""
    # A block does not list its statements (each statement names its block): documents stay
    # free of reference cycles, so reference counting frees them without the cyclic collector.

    @property
    def verb(self) -> str:
        """The block's verb."""
        return self.tokens[0].text


@dataclass(slots=True)
class Statement:
    """One logical line: a top-level directive or a line inside a block.

    ``verb`` is the directive's own first token or, inside a block, the block's verb token;
    ``args`` are the remaining tokens (inside a block: all tokens of the line).
    """

    verb: Token
    args: list[Token]
    span: Span
    """The statement's own tokens (inside a block, the line without the verb)."""
    block: Block | None = field(default=None, repr=False)
    suffix: Comment | None = None
    before: list[Comment] = field(default_factory=list)

    @property
    def start(self) -> Point:
        """Where ``go`` says the statement starts (the line its errors name)."""
        return self.span.start


@dataclass(frozen=True, slots=True)
class Problem:
    """A syntax or directive error, worded as ``go`` words it (without the file:line prefix)."""

    span: Span
    message: str


@dataclass(slots=True)
class FileSyntax:
    """The statements, blocks and comments of one go.mod or go.work text."""

    index: LineIndex
    tree: Tree
    statements: list[Statement]
    blocks: list[Block]
    comments: list[Comment]
    problems: list[Problem]
    """Syntax errors only (what Go's parser rejects before looking at directives)."""

    def sound_statements(self) -> list[Statement]:
        """Statements on lines free of syntax errors.

        ``go`` stops at its first syntax error; what tree-sitter recovers from a broken line is
        a guess, so directives on such lines are not checked any further.
        """
        if not self.problems:
            return list(self.statements)
        bad: set[int] = set()
        for problem in self.problems:
            bad.update(range(problem.span.start.line, problem.span.end.line + 1))
        return [
            s
            for s in self.statements
            if not bad.intersection(range(s.span.start.line, s.span.end.line + 1))
        ]


_TOKEN_TYPES = {
    "identifier": TokenKind.IDENT,
    "interpreted_string": TokenKind.STRING,
    "raw_string": TokenKind.RAW,
}
_PUNCT = frozenset("()[]{},")
BOM = b"\xef\xbb\xbf"
"""A UTF-8 byte order mark (tree-sitter skips it; go rejects it)."""


def _span(node: Node) -> Span:
    start, end = node.start_point, node.end_point
    return Span(Point(start[0], start[1]), Point(end[0], end[1]))


def _token(node: Node) -> Token | None:
    kind = _TOKEN_TYPES.get(node.type)
    if kind is None:
        if node.type in _PUNCT and not node.is_missing:
            kind = TokenKind.PUNCT
        else:
            return None
    text = (node.text or b"").decode("utf-8", errors="replace")
    return Token(text, _span(node), kind)


def tokens_of(node: Node) -> list[Token]:
    """The tokens of a directive or block line node."""
    # The hot loop of a big file: one pass over the children, no helper calls per token.
    out: list[Token] = []
    for child in node.children:
        kind = _TOKEN_TYPES.get(child.type)
        if kind is None:
            tok = _token(child)
            if tok is not None:
                out.append(tok)
            continue
        start, end = child.start_point, child.end_point
        text = (child.text or b"").decode("utf-8", errors="replace")
        out.append(Token(text, Span(Point(start[0], start[1]), Point(end[0], end[1])), kind))
    return out


def _span_of(tokens: list[Token]) -> Span:
    return Span(tokens[0].span.start, tokens[-1].span.end)


def parse_syntax(data: bytes, filename: str, old_tree: Tree | None = None) -> FileSyntax:
    """Parse go.mod/go.work text into statements; ``filename`` is used in go's messages."""
    parser = new_parser()
    tree = parser.parse(data, old_tree) if old_tree is not None else parser.parse(data)
    return read_tree(LineIndex(data), filename, tree)


def read_tree(index: LineIndex, filename: str, tree: Tree) -> FileSyntax:
    """The statements of an already parsed tree of ``index``'s text."""
    return _Reader(index, filename).read(tree)


def comment_of(node: Node, code_end: dict[int, int]) -> Comment:
    """A comment node as a :class:`Comment`; ``code_end`` maps a row to where its code ends."""
    start = Point(*node.start_point)
    suffix = code_end.get(start.line, -1) >= 0 and code_end[start.line] <= start.column
    text = (node.text or b"").decode("utf-8", errors="replace").rstrip("\r")
    return Comment(text, _span(node), suffix)


class _Reader:
    """Walks one tree; collects statements, blocks, comments and problems."""

    def __init__(self, index: LineIndex, filename: str) -> None:
        self.index = index
        self.filename = filename
        self.statements: list[Statement] = []
        self.blocks: list[Block] = []
        self.problems: list[Problem] = []
        self.code_end: dict[int, int] = {}
        """row -> byte column where the last code token of that row ends."""

    def read(self, tree: Tree) -> FileSyntax:
        if self.index.data.startswith(_BOM):
            # tree-sitter skips a byte order mark; go's lexer does not accept one.
            self.problems.append(
                Problem(Span(Point(0, 0), Point(0, len(_BOM))), _unexpected_character("\ufeff"))
            )
        after_block = -1
        for child in tree.root_node.children:
            if child.type == "comment":
                continue
            if child.start_point[0] == after_block:
                # A statement on the line of a block's `)`: go wants a newline first and never
                # reads the statement (the grammar recovers by inserting the newline).
                self.problems.append(
                    Problem(_span(child), "syntax error (expected newline after closing paren)")
                )
                continue
            after_block = child.end_point[0] if child.type == "block" else -1
            if child.type == "directive":
                toks = tokens_of(child)
                if toks:
                    self._add(toks[0], toks[1:], toks, None)
            elif child.type == "block":
                self._block(child)
            else:
                self.problems.append(_error_problem(child, self.index))
        comments = [comment_of(node, self.code_end) for node in _walk_comments(tree.root_node)]
        _attach_comments(self.statements, comments)
        if not self.problems:
            self.problems.extend(_nested_errors(tree.root_node, self.index))
        if self.index.data.startswith(_BOM):
            # tree-sitter skips a byte order mark as white space; go's lexer rejects it.
            bom = Span(Point(0, 0), Point(0, len(_BOM)))
            self.problems.insert(0, Problem(bom, "unexpected input character '\\ufeff'"))
        return FileSyntax(
            self.index, tree, self.statements, self.blocks, comments, _first_per_line(self.problems)
        )

    def _note(self, tokens: list[Token]) -> None:
        if tokens[0].span.start.line == tokens[-1].span.end.line:
            tokens = tokens[-1:]  # one line: its last token ends its code
        for tok in tokens:
            row = tok.span.end.line
            self.code_end[row] = max(self.code_end.get(row, 0), tok.span.end.column)

    def _add(self, verb: Token, args: list[Token], own: list[Token], block: Block | None) -> None:
        self._note(own)
        stmt = Statement(verb, args, _span_of(own), block)
        self.statements.append(stmt)

    def _block(self, node: Node) -> None:
        head: list[Token] = []
        lparen: Span | None = None
        rparen: Span | None = None
        lines: list[Node] = []
        for c in node.children:
            if c.type == "(" and lparen is None:
                lparen = _span(c)
            elif c.type == ")" and lparen is not None:
                if not c.is_missing:
                    rparen = _span(c)
            elif c.type == "block_line":
                lines.append(c)
            elif lparen is None:
                tok = _token(c)
                if tok is not None:
                    head.append(tok)
        if not head or lparen is None:
            self.problems.append(_error_problem(node, self.index))
            return
        block = Block(head, Span(head[0].span.start, (rparen or lparen).end), lparen, rparen)
        self.blocks.append(block)
        self._note(head)
        if rparen is not None:  # a comment after `)` is a suffix comment, as in go
            row = rparen.end.line
            self.code_end[row] = max(self.code_end.get(row, 0), rparen.end.column)
        for line in lines:
            toks = tokens_of(line)
            if toks:
                self._add(head[0], toks, toks, block)
        if rparen is None:
            start = head[0].span.start
            self.problems.append(
                Problem(
                    Span(start, lparen.end),
                    "syntax error (unterminated block started at "
                    f"{self.filename}:{start.line + 1}:{start.column + 1})",
                )
            )


def _walk_comments(root: Node) -> list[Node]:
    found: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "comment":
            found.append(node)
        elif node.child_count:
            stack.extend(reversed(node.children))
    found.sort(key=lambda n: n.start_byte)
    return found


def _attach_comments(statements: list[Statement], comments: list[Comment]) -> None:
    by_row = {s.span.end.line: s for s in statements}
    starts = {s.span.start.line: s for s in statements}
    pending: list[Comment] = []
    for com in comments:
        if com.suffix:
            owner = by_row.get(com.span.start.line)
            if owner is not None and owner.suffix is None:
                owner.suffix = com
            continue
        if pending and pending[-1].span.start.line + 1 != com.span.start.line:
            pending = []
        pending.append(com)
        nxt = starts.get(com.span.start.line + 1)
        if nxt is not None:
            nxt.before = list(pending)
            pending = []


def _error_problem(node: Node, index: LineIndex) -> Problem:
    """Word an ERROR (or stray) node the way Go's lexer/parser would."""
    span = _span(node)
    text = index.data[node.start_byte : node.end_byte]
    line_text = index.line_bytes(span.start.line)
    rel = span.start.column
    if b"/*" in text or index.data[node.start_byte : node.start_byte + 2] == b"/*":
        return Problem(span, "mod files must use // comments (not /* */ comments)")
    for quote in (b'"', b"`"):
        pos = text.find(quote)
        if pos >= 0 and text.count(quote) % 2 == 1:
            at = index.point(node.start_byte + pos)
            rest_is_last_line = at.line == index.line_count - 1
            message = (
                "unexpected EOF in string" if rest_is_last_line else "unexpected newline in string"
            )
            return Problem(Span(at, Point(at.line, len(index.line_bytes(at.line)))), message)
    before = line_text[:rel].strip()
    if text.startswith(b")") or before.endswith(b")"):
        return Problem(span, "syntax error (expected newline after closing paren)")
    decoded = text.decode("utf-8", errors="replace")
    for offset, char in enumerate(decoded):
        if char in "\t\n\r " or char.isprintable():
            continue
        # go's lexer stops at a rune that is neither space nor printable (unicode.IsPrint).
        at = index.point(node.start_byte + len(decoded[:offset].encode("utf-8")))
        width = len(char.encode("utf-8"))
        return Problem(Span(at, Point(at.line, at.column + width)), _unexpected_character(char))
    snippet = text.split(b"\n", 1)[0].decode("utf-8", errors="replace").strip()
    return Problem(span, f"syntax error (unexpected {snippet!r})" if snippet else "syntax error")


_BOM = "\ufeff".encode()

_GO_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
}


def _unexpected_character(char: str) -> str:
    """go's message for a rune its lexer does not accept (quoted as ``%#q`` quotes a rune)."""
    code = ord(char)
    if char in _GO_ESCAPES:
        quoted = _GO_ESCAPES[char]
    elif char.isprintable():
        quoted = char
    elif code < 0x80:
        quoted = f"\\x{code:02x}"
    elif code < 0x10000:
        quoted = f"\\u{code:04x}"
    else:
        quoted = f"\\U{code:08x}"
    return f"unexpected input character '{quoted}'"


def _nested_errors(root: Node, index: LineIndex) -> list[Problem]:
    found: list[Problem] = []
    stack = list(root.children)
    while stack:
        node = stack.pop()
        if node.is_error:
            found.append(_error_problem(node, index))
        elif node.is_missing and node.type != ")":
            point = Point(*node.start_point)
            found.append(Problem(Span(point, point), "syntax error (unexpected end of line)"))
        elif node.has_error:
            stack.extend(node.children)
    found.sort(key=lambda p: (p.span.start.line, p.span.start.column))
    return found


def _first_per_line(problems: list[Problem]) -> list[Problem]:
    """The first syntax problem of each line: go stops at its first, and a line of binary
    garbage would otherwise drown the file in one error per byte."""
    seen: set[int] = set()
    out = []
    for problem in sorted(problems, key=lambda p: (p.span.start, p.span.end)):
        if problem.span.start.line not in seen:
            seen.add(problem.span.start.line)
            out.append(problem)
    return out
