"""What a scan of Go ``text/template`` text yields: actions, tokens, pipelines, blocks.

All offsets are UTF-8 byte offsets into the scanned text plus the scan's ``base_offset``;
spans are half-open ``(start, end)`` pairs. Objects refer to each other by index only, so the
result has no reference cycles.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from gowls.syntax.gostrings import UnquoteError, unquote

__all__ = [
    "Action",
    "Block",
    "Branch",
    "Command",
    "Operand",
    "Pipeline",
    "SubPipeline",
    "TemplateComment",
    "TemplateProblem",
    "Token",
    "TokenKind",
]

LITERAL_IDENTS = frozenset({"true", "false", "nil"})
KEYWORDS = frozenset(
    {"if", "else", "end", "range", "with", "define", "template", "block", "break", "continue"}
)
BLOCK_KEYWORDS = frozenset({"if", "with", "range", "define", "block"})


class TokenKind(Enum):
    """The lexical class of a token inside an action."""

    FIELD = "field"
    """A field chain: ``.``, ``.A.b``, ``$.A``, ``$x.a`` (or ``.b`` after a parenthesis)."""
    VARIABLE = "variable"
    """A bare variable: ``$`` or ``$x``."""
    IDENT = "identifier"
    """A function name, or ``true``/``false``/``nil``."""
    KEYWORD = "keyword"
    STRING = "string"
    RAW_STRING = "raw_string"
    CHAR = "char"
    NUMBER = "number"
    LPAREN = "("
    RPAREN = ")"
    PIPE = "|"
    DECLARE = ":="
    ASSIGN = "="
    COMMA = ","
    OTHER = "other"
    """A character Go's lexer passes on but no pipeline accepts (``@``, ``/``...)."""


@dataclass(frozen=True, slots=True)
class Token:
    """One token of an action."""

    kind: TokenKind
    start: int
    end: int
    text: str
    variable: str | None = None
    """For variable-rooted tokens: ``$`` or ``$name``."""
    fields: tuple[str, ...] = ()
    """For field chains: the field names in order (``.A.b`` → ``("A", "b")``; ``.`` → ``()``)."""
    chained: bool = False
    """A field chain applied to the preceding parenthesised pipeline, not to dot."""

    @property
    def is_function(self) -> bool:
        """An identifier that names a function (not ``true``/``false``/``nil``)."""
        return self.kind is TokenKind.IDENT and self.text not in LITERAL_IDENTS

    @property
    def is_dot_chain(self) -> bool:
        """A field chain rooted at dot (``.`` or ``.A.b``)."""
        return self.kind is TokenKind.FIELD and self.variable is None and not self.chained

    def value(self) -> str | None:
        """The decoded value of a string, raw string or char token (None otherwise, or when
        the literal is malformed)."""
        text = self.text
        if self.kind is TokenKind.CHAR:
            body = text[1:-1]
            text = '"' + (body if body != '"' else '\\"').replace("\\'", "'") + '"'
        elif self.kind not in (TokenKind.STRING, TokenKind.RAW_STRING):
            return None
        try:
            return unquote(text)
        except UnquoteError:
            return None


@dataclass(frozen=True, slots=True)
class SubPipeline:
    """A parenthesised pipeline used as an operand, with an optional field chain after it."""

    start: int
    end: int
    pipeline: Pipeline
    chain: Token | None = None


Operand = Token | SubPipeline


@dataclass(frozen=True, slots=True)
class Command:
    """Operands of one pipeline stage (the first is the function, method or value)."""

    start: int
    end: int
    args: tuple[Operand, ...]


@dataclass(frozen=True, slots=True)
class Pipeline:
    """``[$x[, $y] (:= | =)] command | command ...``."""

    start: int
    end: int
    decls: tuple[Token, ...]
    assign: bool
    """True for ``=`` (assignment to declared variables), False for ``:=`` or no decls."""
    commands: tuple[Command, ...]


@dataclass(frozen=True, slots=True)
class TemplateComment:
    """``{{/* ... */}}``; ``text`` is what lies between ``/*`` and ``*/``."""

    start: int
    end: int
    text: str
    trim_left: bool
    trim_right: bool


@dataclass(frozen=True, slots=True)
class Action:
    """``{{ ... }}`` (not a comment)."""

    start: int
    end: int
    """From ``{{`` to after ``}}`` (or where an unclosed action stops)."""
    inner_start: int
    inner_end: int
    """The text between the delimiters and their trim markers."""
    trim_left: bool
    trim_right: bool
    closed: bool
    tokens: tuple[Token, ...]
    keyword: str | None
    """``if``, ``else``, ``else if``, ``else with``, ``end``, ``range``, ``with``, ``define``,
    ``template``, ``block``, ``break``, ``continue``; None for a plain pipeline."""
    name: Token | None
    """The template name of ``define``, ``template`` and ``block``."""
    pipeline: Pipeline | None
    """The action's pipeline (after the keyword and name), None when it has none."""
    block: int | None
    """Index in ``TemplateScan.blocks`` of the innermost block the action is in (for a block's
    own opening, ``else`` and ``end`` actions: that block)."""


@dataclass(frozen=True, slots=True)
class Branch:
    """One arm of a block: from its opening (or ``else``) action up to the next arm or end."""

    action: int
    """Index in ``TemplateScan.actions`` of the action opening the arm."""
    keyword: str
    """``if``, ``with``, ``range``, ``define``, ``block``, ``else``, ``else if``, ``else with``."""
    start: int
    """Where the arm's body starts (after its action)."""
    end: int
    """Where the body ends (the next arm's or the end action's start; end of text if unclosed)."""
    pipeline: Pipeline | None

    @property
    def binds_dot(self) -> bool:
        """Dot is the pipeline's value in this body (``with``, ``else with``, ``range``)."""
        return self.keyword in ("with", "else with", "range")

    @property
    def resets_dot(self) -> bool:
        """Dot is whatever a caller passes in (``define`` and ``block`` bodies)."""
        return self.keyword in ("define", "block")


@dataclass(frozen=True, slots=True)
class Block:
    """An ``if``/``with``/``range``/``define``/``block`` structure and its ``end``."""

    keyword: str
    branches: tuple[Branch, ...]
    end_action: int | None
    """None when the block is never closed."""
    parent: int | None
    """Index of the enclosing block."""
    start: int
    end: int
    """From the opening action's start to the end action's end (end of text if unclosed)."""


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """A template error, worded as Go's ``text/template/parse`` words it where it has words."""

    start: int
    end: int
    message: str
