"""Go ``text/template`` scanning: actions, comments, tokens, pipelines and blocks, never failing.

``scan_template(text)`` reads the ``{{ }}`` actions of any text (a GoReleaser string, a whole
Helm template file) the way Go's ``text/template/parse`` does, reports its errors in Go's words,
and keeps going after them. It knows no function table: every function name is exposed
(``TemplateScan.functions``) for the caller to check.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from gowls.syntax.gotemplate.lexer import Lexer
from gowls.syntax.gotemplate.model import (
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
from gowls.syntax.gotemplate.structure import build, describe

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
    "scan_template",
]


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

    def functions(self) -> Iterator[Token]:
        """Every identifier naming a function (for checking against a function table)."""
        for _, token in self.tokens():
            if token.is_function:
                yield token

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


def _scan(data: bytes, base_offset: int) -> TemplateScan:
    lexer = Lexer(data, base_offset)
    lexer.run()
    problems = list(lexer.problems)
    end = base_offset + len(data)
    actions, blocks = build(lexer.actions, end, problems)
    problems.sort(key=lambda p: (p.start, p.end))
    return TemplateScan(
        base_offset,
        end,
        tuple(actions),
        tuple(lexer.comments),
        tuple(lexer.texts),
        tuple(blocks),
        tuple(problems),
    )
