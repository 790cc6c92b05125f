"""Copies of a go.mod/go.work document's objects moved down (or up) by whole lines.

After an edit that inserts or removes lines, everything below it is the same text at other
rows. :class:`Mover` copies what lies (wholly or partly) below a row with its rows shifted,
sharing what lies above it, so the re-parse reads only the edited lines. Objects are immutable
values shared with the previous document, so the previous document keeps its own positions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from gowls.syntax.positions import Point, Span
from gowls.syntax.statements import Block, Comment, Problem, Statement, Token

_FIELDS: dict[type, tuple[str, ...]] = {}
READING_MOVERS: dict[type, Callable[[Any, Statement], object]] = {}
"""Fast moves of the commonest readings, given the moved statement (the rest are moved field
by field with :meth:`Mover.value`)."""


class Mover:
    """Rows after ``after`` move by ``delta``; copies are memoised by the original's identity."""

    __slots__ = ("_memo", "after", "delta", "moved")

    def __init__(self, after: int, delta: int) -> None:
        self.after = after
        self.delta = delta
        self._memo: dict[int, Any] = {}
        self.moved: list[tuple[Statement, Statement]] = []
        """(old, new) for every statement that got a copy, in order."""

    def span(self, span: Span) -> Span:
        """``span`` with its points below ``after`` moved (one copy per original)."""
        end = span.end
        if end.line <= self.after:
            return span
        got: Span | None = self._memo.get(id(span))
        if got is not None:
            return got
        start = span.start
        delta = self.delta
        if start.line > self.after:
            start = Point(start.line + delta, start.column)
        got = Span(start, Point(end.line + delta, end.column))
        self._memo[id(span)] = got
        return got

    def token(self, tok: Token) -> Token:
        """``tok`` moved (the same object when it lies above ``after``)."""
        if tok.span.end.line <= self.after:
            return tok
        return Token(tok.text, self.span(tok.span), tok.kind)

    def comment(self, com: Comment) -> Comment:
        """``com`` moved."""
        if com.span.end.line <= self.after:
            return com
        got: Comment | None = self._memo.get(id(com))
        if got is None:
            got = Comment(com.text, self.span(com.span), com.suffix)
            self._memo[id(com)] = got
        return got

    def block(self, block: Block) -> Block:
        """``block`` moved (its head stays when only its ``)`` lies below ``after``)."""
        end = block.rparen if block.rparen is not None else block.lparen
        if end.end.line <= self.after:
            return block
        got: Block | None = self._memo.get(id(block))
        if got is None:
            rparen = block.rparen
            got = Block(
                [self.token(t) for t in block.tokens],
                self.span(block.span),
                self.span(block.lparen),
                None if rparen is None else self.span(rparen),
            )
            self._memo[id(block)] = got
        return got

    def statement(self, stmt: Statement) -> Statement:
        """``stmt`` moved, or pointing at its moved block; the same object when neither."""
        memo = self._memo
        got: Statement | None = memo.get(id(stmt))
        if got is not None:
            return got
        old_block = stmt.block
        block = None if old_block is None else self.block(old_block)
        if stmt.span.end.line <= self.after:
            if block is old_block:
                return stmt
            # Above the edit in a block whose `)` moved: only the block differs.
            got = Statement(stmt.verb, stmt.args, stmt.span, block, stmt.suffix, stmt.before)
        elif stmt.span.start.line > self.after:
            # The hot loop (every statement below an inserted line): no helper calls.
            args = _moved_tokens(stmt.args, self.delta)
        else:  # across the edit's last row: cannot happen (a statement is on one row)
            args = [self.token(t) for t in stmt.args]
        if got is None:
            verb = block.tokens[0] if block is not None else self.token(stmt.verb)
            # A statement's span is its own tokens' (in a block: the line without the verb).
            first = args[0] if block is not None else verb
            last = args[-1] if args else verb
            got = Statement(
                verb,
                args,
                Span(first.span.start, last.span.end),
                block,
                None if stmt.suffix is None else self.comment(stmt.suffix),
                [self.comment(c) for c in stmt.before] if stmt.before else [],
            )
        memo[id(stmt)] = got
        self.moved.append((stmt, got))
        return got

    def above(self, statements: list[Statement], block: Block) -> list[Statement]:
        """``statements`` (above the edit, in ``block``, whose `)` moved) in the moved block."""
        new_block = self.block(block)
        memo, moved = self._memo, self.moved
        out = []
        for stmt in statements:
            got = Statement(stmt.verb, stmt.args, stmt.span, new_block, stmt.suffix, stmt.before)
            memo[id(stmt)] = got
            moved.append((stmt, got))
            out.append(got)
        return out

    def below(self, statements: list[Statement]) -> list[Statement]:
        """``statements`` (all below the edit) moved: :meth:`statement` unrolled for the lines
        of a block, most of a big file."""
        memo, moved, delta = self._memo, self.moved, self.delta
        out = []
        for stmt in statements:
            old_block = stmt.block
            if old_block is None or stmt.suffix is not None or stmt.before:
                out.append(self.statement(stmt))
                continue
            block = memo.get(id(old_block)) or self.block(old_block)
            args = _moved_tokens(stmt.args, delta)
            got = Statement(
                block.tokens[0], args, Span(args[0].span.start, args[-1].span.end), block
            )
            memo[id(stmt)] = got
            moved.append((stmt, got))
            out.append(got)
        return out

    def value(self, value: object) -> object:
        """A reading of a statement (a typed directive or a problem) moved along with it."""
        if isinstance(value, Span):
            return self.span(value)
        if isinstance(value, Statement):
            got = self._memo.get(id(value))
            return got if got is not None else self.statement(value)
        if isinstance(value, Token):
            return self.token(value)
        if isinstance(value, Problem):
            return Problem(self.span(value.span), value.message)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        cls = type(value)
        names = _FIELDS.get(cls)
        if names is None:
            if not dataclasses.is_dataclass(value):
                return value
            names = tuple(f.name for f in dataclasses.fields(value) if f.init)
            _FIELDS[cls] = names
        return cls(*(self.value(getattr(value, n)) for n in names))


# Building frozen dataclasses through their ``__init__`` costs a ``object.__setattr__`` call
# per field; the copies below set the slots through their descriptors instead (same objects,
# about half the time: most of what a line-moving edit of a big file costs).
_new = object.__new__


def setter(cls: type, name: str) -> Callable[[object, object], None]:
    """The slot setter of field ``name`` of a (frozen) slots dataclass, for fast copies."""
    setter: Callable[[object, object], None] = vars(cls)[name].__set__
    return setter


_set_line, _set_column = setter(Point, "line"), setter(Point, "column")
_set_start, _set_end = setter(Span, "start"), setter(Span, "end")
_set_text, _set_span, _set_kind = (setter(Token, n) for n in ("text", "span", "kind"))


def _moved_tokens(tokens: list[Token], delta: int) -> list[Token]:
    out = []
    for tok in tokens:
        old = tok.span
        start = _new(Point)
        _set_line(start, old.start.line + delta)
        _set_column(start, old.start.column)
        end = _new(Point)
        _set_line(end, old.end.line + delta)
        _set_column(end, old.end.column)
        span = _new(Span)
        _set_start(span, start)
        _set_end(span, end)
        new = _new(Token)
        _set_text(new, tok.text)
        _set_span(new, span)
        _set_kind(new, tok.kind)
        out.append(new)
    return out
