"""Go ``text/template`` scanning: actions, comments, tokens, pipelines and blocks, never failing.

``scan_template(text)`` reads the ``{{ }}`` actions of any text (a GoReleaser string, a whole
Helm template file) the way Go's ``text/template/parse`` does, reports its errors in Go's words,
and keeps going after them. It knows no function table: every function name is exposed
(``TemplateScan.functions``) for the caller to check.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from gowls.syntax.affixes import common_affixes
from gowls.syntax.gotemplate.lexer import Lexer, RawAction
from gowls.syntax.gotemplate.model import (
    LITERAL_IDENTS,
    Action,
    Block,
    Branch,
    Command,
    Operand,
    Pipeline,
    SubPipeline,
    TemplateComment,
    TemplateProblem,
    Token,
    TokenKind,
)
from gowls.syntax.gotemplate.structure import BuildState, build, describe

__all__ = [
    "Action",
    "Block",
    "Branch",
    "Command",
    "Operand",
    "Pipeline",
    "Scope",
    "SubPipeline",
    "TemplateComment",
    "TemplateProblem",
    "TemplateScan",
    "Token",
    "TokenKind",
    "describe",
    "rescan_template",
    "scan_template",
]


@dataclass(frozen=True, slots=True)
class _Lexed:
    """What the lexer and the reader left, for ``rescan_template``."""

    data: bytes
    raws: tuple[RawAction, ...]
    comment_problems: tuple[TemplateProblem, ...]
    build: BuildState


@dataclass(frozen=True, slots=True)
class Scope:
    """A block arm whose body holds a position."""

    block: Block
    branch: Branch


@dataclass(frozen=True, slots=True)
class TemplateScan:
    """Everything found in one text. Offsets include ``base_offset``."""

    base_offset: int
    end_offset: int
    actions: tuple[Action, ...]
    comments: tuple[TemplateComment, ...]
    texts: tuple[tuple[int, int], ...]
    """The literal text between actions and comments, as (start, end)."""
    blocks: tuple[Block, ...]
    """In the order they open; ``Block.parent`` and ``Action.block`` index this."""
    problems: tuple[TemplateProblem, ...]
    lexed: _Lexed | None = field(default=None, compare=False, repr=False)

    def action_at(self, offset: int) -> Action | None:
        """The action whose span (delimiters included) holds ``offset``."""
        i = bisect.bisect_right(self.actions, offset, key=lambda a: a.start) - 1
        if i >= 0 and offset <= self.actions[i].end:
            return self.actions[i]
        return None

    def scopes_at(self, offset: int, limit: int | None = None) -> tuple[Scope, ...]:
        """The block arms whose bodies hold ``offset``, outermost first.

        An offset inside ``{{with .X}}`` itself is outside the ``with`` body (its pipeline is
        evaluated in the enclosing scope); one inside the body sees ``Branch.binds_dot``.
        With ``limit``, only the innermost ``limit`` scopes (a caller asking for every action
        keeps 10,000 nested blocks from costing 10,000 steps each).
        """
        i = bisect.bisect_right(self.actions, offset, key=lambda a: a.start) - 1
        if i < 0:
            return ()
        out: list[Scope] = []
        current = self.actions[i].block
        while current is not None and (limit is None or len(out) < limit):
            block = self.blocks[current]
            for branch in block.branches:
                if branch.start <= offset < branch.end or (
                    branch.start <= offset == branch.end and block.end_action is None
                ):
                    out.append(Scope(block, branch))
                    break
            current = block.parent
        out.reverse()
        return tuple(out)

    def tokens(self) -> Iterator[tuple[Action, Token]]:
        """Every token with its action, in text order."""
        for action in self.actions:
            for token in action.tokens:
                yield action, token

    def functions(self, known: AbstractSet[str] = frozenset()) -> list[Token]:
        """Every identifier naming a function, in text order, except those in ``known`` (for
        checking against a function table: one flat pass, run per keystroke)."""
        ident = TokenKind.IDENT
        skip = known | LITERAL_IDENTS
        return [
            token
            for action in self.actions
            for token in action.tokens
            if token.kind is ident and token.text not in skip
        ]

    def field_chains(self) -> Iterator[tuple[Action, Token]]:
        """Every field chain (``.A.b``, ``$.A``, ``$x.a``, ``.``) with its action."""
        for action, token in self.tokens():
            if token.kind is TokenKind.FIELD:
                yield action, token


def scan_template(text: str | bytes, base_offset: int = 0) -> TemplateScan:
    """Scan Go template text; offsets are UTF-8 byte offsets plus ``base_offset``."""
    data = text.encode("utf-8", errors="surrogatepass") if isinstance(text, str) else text
    try:
        return _scan(data, base_offset)
    except Exception as exc:  # a safety net: a bug here must not take the server down
        end = base_offset + len(data)
        problem = TemplateProblem(base_offset, end, f"template could not be read: {exc!r}")
        return TemplateScan(base_offset, end, (), (), (), (), (problem,))


def rescan_template(previous: TemplateScan, data: bytes) -> TemplateScan:
    """``scan_template(data)`` for a whole text (base offset 0), reusing what the scan of the
    previous text (``previous``) read before the edit: its actions and comments on the lines
    before the first changed byte are kept (lexing resumes after them), and the reader resumes
    from its last saved state within those actions. Equal to a fresh scan."""
    lexed = previous.lexed
    if lexed is None or previous.base_offset != 0:
        return scan_template(data)
    try:
        return _rescan(previous, lexed, data)
    except Exception:  # a safety net: the fresh scan is always right
        return scan_template(data)


def _rescan(previous: TemplateScan, lexed: _Lexed, data: bytes) -> TemplateScan:
    prefix, _ = common_affixes(lexed.data, data)
    # an item's reading depends on its bytes and on the rest of the line it ends on
    limit = lexed.data.rfind(b"\n", 0, prefix)
    raws, comments = lexed.raws, previous.comments
    a = c = 0
    pos = 0
    while True:
        nxt_a = raws[a] if a < len(raws) else None
        nxt_c = comments[c] if c < len(comments) else None
        if nxt_a is not None and (nxt_c is None or nxt_a.start < nxt_c.start):
            if not nxt_a.closed or nxt_a.end > limit:
                break
            pos = nxt_a.end
            a += 1
        elif nxt_c is not None:
            if nxt_c.end > limit:
                break
            pos = nxt_c.end
            c += 1
        else:
            break
    if pos == 0:
        return _scan(data, 0)
    lexer = Lexer(data, 0)
    lexer.actions = list(raws[:a])
    lexer.comments = list(comments[:c])
    lexer.texts = [t for t in previous.texts if t[1] <= pos]
    lexer.problems = [p for p in lexed.comment_problems if p.start < pos]
    lexer.met = [p.start for p in lexer.problems]
    lexer.run(pos)
    return _finish(lexer, data, 0, (lexed.build, a))


def _scan(data: bytes, base_offset: int) -> TemplateScan:
    lexer = Lexer(data, base_offset)
    lexer.run()
    return _finish(lexer, data, base_offset, None)


def _finish(
    lexer: Lexer, data: bytes, base_offset: int, resume: tuple[BuildState, int] | None
) -> TemplateScan:
    problems = list(lexer.problems)
    end = base_offset + len(data)
    actions, blocks, state = build(lexer.actions, end, problems, resume)
    problems.sort(key=lambda p: (p.start, p.end))
    lexed = _Lexed(data, tuple(lexer.actions), tuple(lexer.problems), state)
    return TemplateScan(
        base_offset,
        end,
        tuple(actions),
        tuple(lexer.comments),
        tuple(lexer.texts),
        tuple(blocks),
        tuple(problems),
        lexed,
    )
