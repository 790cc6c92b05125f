"""Pipelines of actions and the block structure, checked as Go's ``text/template/parse`` does.

Both passes are iterative (explicit stacks), so deeply nested parentheses or blocks cost no
Python recursion.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gowls.syntax.gostrings import quote
from gowls.syntax.gotemplate.lexer import RawAction
from gowls.syntax.gotemplate.model import (
    LITERAL_IDENTS,
    Action,
    Block,
    Branch,
    Command,
    Operand,
    Pipeline,
    SubPipeline,
    TemplateProblem,
    Token,
    TokenKind,
)

_OPERANDS = frozenset(
    {
        TokenKind.FIELD,
        TokenKind.VARIABLE,
        TokenKind.IDENT,
        TokenKind.STRING,
        TokenKind.RAW_STRING,
        TokenKind.CHAR,
        TokenKind.NUMBER,
    }
)
_NON_EXECUTABLE = frozenset(
    {TokenKind.STRING, TokenKind.RAW_STRING, TokenKind.CHAR, TokenKind.NUMBER}
)
_CONTEXTS = {
    None: "command",
    "if": "if",
    "else if": "if",
    "with": "with",
    "else with": "with",
    "range": "range",
    "template": "template clause",
    "block": "block clause",
}
_MAX_EOF_PROBLEMS = 50
"""Unclosed blocks reported (each one at its opening action); Go reports the first only."""
_BARE = {"end": "end", "else": "else", "break": "{{break}}", "continue": "{{continue}}"}


def describe(token: Token) -> str:
    """A token as Go's ``item.String`` shows it in messages."""
    if token.kind is TokenKind.KEYWORD or token.text == "nil":
        return f"<{token.text}>"
    if token.kind is TokenKind.FIELD and token.text == ".":
        return "<.>"
    if len(token.text) > 10:
        return quote(token.text[:10]) + "..."
    return quote(token.text)


@dataclass(slots=True)
class _Frame:
    start: int
    context: str
    commands: list[Command] = field(default_factory=list)
    args: list[Operand] = field(default_factory=list)
    prev: Token | None = None

    def finish(self) -> None:
        if self.args:
            first, last = self.args[0], self.args[-1]
            self.commands.append(Command(first.start, last.end, tuple(self.args)))
            self.args = []


class _Reader:
    """Reads one action's tokens into keyword, name and pipeline."""

    def __init__(self, problems: list[TemplateProblem]) -> None:
        self.problems = problems

    def problem(self, start: int, end: int, message: str) -> None:
        self.problems.append(TemplateProblem(start, end, message))

    def read(self, raw: RawAction) -> tuple[str | None, Token | None, Pipeline | None]:
        tokens = raw.tokens
        keyword: str | None = None
        name: Token | None = None
        i = 0
        if tokens and tokens[0].kind is TokenKind.KEYWORD:
            keyword = tokens[0].text
            i = 1
            if (
                keyword == "else"
                and len(tokens) > 1
                and tokens[1].kind is TokenKind.KEYWORD
                and tokens[1].text in ("if", "with")
            ):
                keyword = "else " + tokens[1].text
                i = 2
        if keyword in _BARE:
            if len(tokens) > i:
                extra = tokens[i]
                self.problem(
                    extra.start, extra.end, f"unexpected {describe(extra)} in {_BARE[keyword]}"
                )
            return keyword, None, None
        if keyword in ("define", "template", "block"):
            context = f"{keyword} clause"
            if i < len(tokens) and tokens[i].kind in (TokenKind.STRING, TokenKind.RAW_STRING):
                name = tokens[i]
                i += 1
            else:
                bad = tokens[i] if i < len(tokens) else None
                start, end = (bad.start, bad.end) if bad else (raw.start, raw.end)
                shown = describe(bad) if bad else "<}}>"
                self.problem(start, end, f"unexpected {shown} in {context}")
            if keyword == "define":
                if name is not None and i < len(tokens):
                    extra = tokens[i]
                    self.problem(
                        extra.start, extra.end, f"unexpected {describe(extra)} in {context}"
                    )
                return keyword, name, None
            if keyword == "template" and i >= len(tokens):
                return keyword, name, None
        if keyword is not None and keyword not in _CONTEXTS:
            return keyword, name, None
        pipeline = self.pipeline(raw, tokens, i, _CONTEXTS[keyword])
        return keyword, name, pipeline

    def pipeline(
        self, raw: RawAction, tokens: list[Token], i: int, context: str
    ) -> Pipeline | None:
        decls, assign, i = self._decls(tokens, i, context)
        if i >= len(tokens):
            self.problem(raw.start, raw.end, f"missing value for {context}")
            return None
        root = _Frame(tokens[i].start, context)
        frames = [root]
        for tok in tokens[i:]:
            frame = frames[-1]
            kind = tok.kind
            if kind is TokenKind.PIPE:
                if not frame.args:
                    self.problem(
                        tok.start, tok.end, f"unexpected {describe(tok)} in {frame.context}"
                    )
                frame.finish()
            elif kind is TokenKind.LPAREN:
                frames.append(_Frame(tok.start, "parenthesized pipeline"))
            elif kind is TokenKind.RPAREN:
                if len(frames) > 1:
                    frames.pop()
                    frames[-1].args.append(self._close(frame, tok.end))
            elif kind is TokenKind.FIELD and tok.chained:
                self._chain(frame, tok)
            elif kind in _OPERANDS:
                prev = frame.prev
                if frame.args and prev is not None and prev.end == tok.start:
                    self._adjacent(prev, tok)
                else:
                    frame.args.append(tok)
            else:
                where = "operand" if frame.args else frame.context
                self.problem(tok.start, tok.end, f"unexpected {describe(tok)} in {where}")
            frames[-1].prev = tok
        while len(frames) > 1:
            inner = frames.pop()
            frames[-1].args.append(self._close(inner, raw.inner_end, implicit=True))
        root.finish()
        self._check_stages(root.commands)
        start = decls[0].start if decls else root.start
        end = root.commands[-1].end if root.commands else start
        return Pipeline(start, end, tuple(decls), assign, tuple(root.commands))

    def _decls(self, tokens: list[Token], i: int, context: str) -> tuple[list[Token], bool, int]:
        """``$x :=``, ``$i, $v :=`` or ``$x =`` at ``i``: the variables, ``=``, next index."""
        found: list[Token] = []
        j, n = i, len(tokens)
        while True:
            if j >= n or tokens[j].kind is not TokenKind.VARIABLE:
                return [], False, i
            found.append(tokens[j])
            j += 1
            if j < n and tokens[j].kind is TokenKind.COMMA:
                j += 1
                continue
            break
        if j >= n or tokens[j].kind not in (TokenKind.DECLARE, TokenKind.ASSIGN):
            return [], False, i
        op = tokens[j]
        if len(found) > 2 or (len(found) == 2 and context != "range"):
            self.problem(found[0].start, op.end, f"too many declarations in {context}")
        return found, op.kind is TokenKind.ASSIGN, j + 1

    def _check_stages(self, commands: list[Command]) -> None:
        for stage, command in enumerate(commands[1:], start=2):
            first = command.args[0]
            if isinstance(first, Token) and _non_executable(first):
                message = f"non executable command in pipeline stage {stage}"
                self.problem(command.start, command.end, message)

    def _close(self, frame: _Frame, end: int, implicit: bool = False) -> SubPipeline:
        """End a parenthesised pipeline (``implicit``: at the action's end, unclosed)."""
        frame.finish()
        self._check_stages(frame.commands)
        if not frame.commands and not implicit:
            self.problem(frame.start, end, "missing value for parenthesized pipeline")
        first = frame.commands[0].start if frame.commands else frame.start + 1
        last = frame.commands[-1].end if frame.commands else first
        inner = Pipeline(first, last, (), False, tuple(frame.commands))
        return SubPipeline(frame.start, end, inner)

    def _chain(self, frame: _Frame, tok: Token) -> None:
        """A field right after ``)`` or an identifier: ``(x).F``, ``fn.F``."""
        if frame.args and isinstance(frame.args[-1], SubPipeline):
            sub = frame.args[-1]
            if sub.chain is None:
                frame.args[-1] = SubPipeline(sub.start, tok.end, sub.pipeline, tok)
                return
        frame.args.append(tok)

    def _adjacent(self, prev: Token, tok: Token) -> None:
        """Two operands with no space between them."""
        if tok.kind is TokenKind.FIELD and tok.fields and tok.variable is None:
            self.problem(tok.start, tok.end, f"unexpected . after term {quote(prev.text)}")
        else:
            self.problem(tok.start, tok.end, f"unexpected {describe(tok)} in operand")


def _met_at(problem: TemplateProblem, raw: RawAction) -> int:
    """Where Go's parser meets a problem: one reported on the whole action (a missing value,
    a misplaced keyword) only once it has read the action to its end."""
    if problem.start == raw.start:
        return raw.inner_end
    return problem.start


def _non_executable(token: Token) -> bool:
    if token.kind in _NON_EXECUTABLE:
        return True
    if token.kind is TokenKind.IDENT and token.text in LITERAL_IDENTS:
        return True
    return token.kind is TokenKind.FIELD and token.text == "."


@dataclass(slots=True)
class _Open:
    """A block being read."""

    index: int
    keyword: str
    start: int
    parent: int | None
    vars_before: int
    vars_after: int
    saved_vars: list[str] | None
    branches: list[Branch] = field(default_factory=list)
    plain_else: bool = False


@dataclass(slots=True)
class _Done:
    keyword: str
    branches: tuple[Branch, ...]
    end_action: int | None
    parent: int | None
    start: int
    end: int


def _variable_uses(pipeline: Pipeline | None) -> list[Token]:
    """Variable-rooted tokens of a pipeline (declarations excluded), without recursion."""
    out: list[Token] = []
    if pipeline is None:
        return out
    stack: list[Pipeline] = [pipeline]
    while stack:
        current = stack.pop()
        for command in current.commands:
            for arg in command.args:
                if isinstance(arg, SubPipeline):
                    stack.append(arg.pipeline)
                elif arg.variable is not None:
                    out.append(arg)
    return out


CHECKPOINT_EVERY = 32
"""Actions between the reader's saved states (where an incremental build may resume)."""
_CHECKPOINT_MAX_OPEN = 64
"""No state is saved deeper than this (or with more variables): a copy costs that much."""


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """The reader's state before action ``action``: what a build resumes from."""

    action: int
    count: int
    opened: tuple[_Open, ...]
    vars_: tuple[str, ...]
    done: int
    problems: int


@dataclass(slots=True)
class BuildState:
    """What a build leaves for the next build of an edited text."""

    actions: list[Action]
    done: list[tuple[int, _Done]]
    """Closed blocks in the order they closed."""
    problems: list[TemplateProblem]
    """The build's own problems, one at most per action, in action order."""
    checkpoints: list[Checkpoint]


def _copy_open(top: _Open, end_offset: int | None = None) -> _Open:
    branches = list(top.branches)
    if end_offset is not None and branches:
        last = branches[-1]
        branches[-1] = Branch(last.action, last.keyword, last.start, end_offset, last.pipeline)
    saved = list(top.saved_vars) if top.saved_vars is not None else None
    return _Open(
        top.index,
        top.keyword,
        top.start,
        top.parent,
        top.vars_before,
        top.vars_after,
        saved,
        branches,
        top.plain_else,
    )


def build(
    raws: list[RawAction],
    end_offset: int,
    problems: list[TemplateProblem],
    resume: tuple[BuildState, int] | None = None,
) -> tuple[list[Action], list[Block], BuildState]:
    """Read every action and match blocks; check variables and ``break``/``continue``.

    ``resume``: the state a previous build left and how many leading raw actions are the
    very objects it read; the build starts from its last checkpoint within them."""
    reader = _Reader([])
    checks: list[TemplateProblem] = []
    opened: list[_Open] = []
    done: dict[int, _Done] = {}
    vars_: list[str] = ["$"]
    actions: list[Action] = []
    own: list[TemplateProblem] = []
    checkpoints: list[Checkpoint] = []
    count = 0
    first = 0
    if resume is not None:
        state, same = resume
        usable = [c for c in state.checkpoints if c.action <= same]
        if usable:
            point = usable[-1]
            first = point.action
            count = point.count
            opened = [_copy_open(o, end_offset) for o in point.opened]
            vars_ = list(point.vars_)
            done = dict(state.done[: point.done])
            actions = state.actions[:first]
            own = state.problems[: point.problems]
            checkpoints = state.checkpoints[: len(usable)]

    def problem(start: int, end: int, message: str) -> None:
        checks.append(TemplateProblem(start, end, message))

    def use(pipeline: Pipeline | None) -> None:
        for tok in _variable_uses(pipeline):
            if tok.variable not in vars_:
                problem(tok.start, tok.end, f'undefined variable "{tok.variable}"')

    def declare(pipeline: Pipeline | None) -> None:
        if pipeline is None:
            return
        if not pipeline.assign:
            # Go checks assignments (``$x = v``) only when the template runs
            vars_.extend(tok.text for tok in pipeline.decls)

    def close_branch(top: _Open, at: int) -> None:
        last = top.branches[-1]
        top.branches[-1] = Branch(last.action, last.keyword, last.start, at, last.pipeline)

    for index in range(first, len(raws)):
        raw = raws[index]
        if (
            index % CHECKPOINT_EVERY == 0
            and (index > first or not checkpoints)
            and len(opened) <= _CHECKPOINT_MAX_OPEN
            and len(vars_) <= _CHECKPOINT_MAX_OPEN
        ):
            checkpoints.append(
                Checkpoint(
                    index,
                    count,
                    tuple(_copy_open(o) for o in opened),
                    tuple(vars_),
                    len(done),
                    len(own),
                )
            )
        reader.problems = []
        checks = []
        keyword, name, pipeline = reader.read(raw)
        block: int | None = opened[-1].index if opened else None
        if keyword in ("if", "with", "range", "define", "block"):
            if keyword == "define" and opened:
                problem(raw.start, raw.end, "unexpected <define> in command")
            before = len(vars_)
            saved: list[str] | None = None
            if keyword in ("define", "block"):
                use(pipeline)
                saved, vars_ = vars_, ["$"]
            else:
                declare(pipeline)
                use(pipeline)
            top = _Open(count, keyword, raw.start, block, before, len(vars_), saved)
            top.branches.append(Branch(index, keyword, raw.end, end_offset, pipeline))
            opened.append(top)
            block = count
            count += 1
        elif keyword in ("else", "else if", "else with"):
            top_or_none = opened[-1] if opened else None
            if top_or_none is None or top_or_none.keyword not in ("if", "with", "range"):
                where = f" in {top_or_none.keyword} clause" if top_or_none else ""
                problem(raw.start, raw.end, "unexpected {{else}}" + where)
            else:
                top = top_or_none
                if top.plain_else:
                    problem(raw.start, raw.end, "expected end; found {{else}}")
                chained = keyword[5:]
                if chained and chained != top.keyword:
                    problem(raw.start, raw.end, f"unexpected <{chained}> in input")
                    keyword, pipeline = "else", None
                close_branch(top, raw.start)
                declare(pipeline)
                use(pipeline)
                top.plain_else = top.plain_else or keyword == "else"
                top.branches.append(Branch(index, keyword, raw.end, end_offset, pipeline))
        elif keyword == "end":
            if not opened:
                problem(raw.start, raw.end, "unexpected {{end}}")
            else:
                top = opened.pop()
                close_branch(top, raw.start)
                if top.saved_vars is not None:
                    vars_ = top.saved_vars
                else:
                    del vars_[top.vars_before :]
                done[top.index] = _Done(
                    top.keyword, tuple(top.branches), index, top.parent, top.start, raw.end
                )
        elif keyword in ("break", "continue"):
            inside = False
            for candidate in reversed(opened):
                if candidate.keyword == "range":
                    inside = True
                    break
                if candidate.keyword in ("define", "block"):
                    break
            if not inside:
                problem(raw.start, raw.end, f"{{{{{keyword}}}}} outside {{{{range}}}}")
        else:
            declare(pipeline)
            use(pipeline)
        # like Go, one error per action: the first one met reading left to right (an
        # unclosed action first of all, since it explains the rest)
        found = [(met, 0, p) for met, p in raw.problems]
        found += [(_met_at(p, raw), 1, p) for p in reader.problems]
        found += [(_met_at(p, raw), 2, p) for p in checks]
        if found:
            own.append(min(found, key=lambda f: (f[0], f[1]))[2])
        actions.append(
            Action(
                raw.start,
                raw.end,
                raw.inner_start,
                raw.inner_end,
                raw.trim_left,
                raw.trim_right,
                raw.closed,
                tuple(raw.tokens),
                keyword,
                name,
                pipeline,
                block,
            )
        )
    problems.extend(own)
    state = BuildState(actions, list(done.items()), own, checkpoints)
    for count_open, top in enumerate(reversed(opened)):
        first_raw = raws[top.branches[0].action]
        if count_open < _MAX_EOF_PROBLEMS:
            problems.append(
                TemplateProblem(
                    first_raw.start,
                    first_raw.end,
                    f"unexpected EOF: no {{{{end}}}} for this {{{{{top.keyword}}}}}",
                )
            )
        # every block is kept (actions refer to blocks by index), reported or not
        done[top.index] = _Done(
            top.keyword, tuple(top.branches), None, top.parent, top.start, end_offset
        )
    blocks = [
        Block(d.keyword, d.branches, d.end_action, d.parent, d.start, d.end)
        for _, d in sorted(done.items())
    ]
    return actions, blocks, state
