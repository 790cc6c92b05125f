"""What a Helm template reads from ``.Values``, from the Go-template scanner's actions.

Followed: ``.Values.a.b`` and ``$.Values.a.b`` wherever dot is the root context (top level and
``define`` bodies, which Helm charts call with the root), ``index .Values "a" "b"`` with string
keys, the dot of ``with``/``range`` over a values path (``.b`` inside ``with .Values.a`` reads
``a.b``), and variables assigned a values path (``$x := .Values.a`` then ``$x.b``).

A reference is *guarded* when Helm renders it harmlessly if it is missing: it is an argument of
``default``, ``hasKey``, ``required``, ``empty``, ``coalesce``, ``ternary``, ``kindIs``,
``typeIs``, ``dig`` or ``get`` in its pipeline, it is the condition of ``if``/``with``, or an
enclosing ``if``/``with`` tests it or one of its parents.

*Dynamic* reads (``.Values`` passed whole, ``index .Values $key``) make it impossible to know
which values are read; they are counted so unused-value checks can stay silent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from gowls.syntax.gotemplate import (
    Action,
    Command,
    Operand,
    Pipeline,
    SubPipeline,
    TemplateScan,
    Token,
    TokenKind,
    scan_template,
)

ValuesPath = tuple[str, ...]

GUARD_FUNCTIONS = frozenset(
    {
        "default",
        "hasKey",
        "required",
        "empty",
        "coalesce",
        "ternary",
        "kindIs",
        "typeIs",
        "typeOf",
        "kindOf",
        "dig",
        "get",
    }
)
_TESTS = frozenset({"if", "with", "else if", "else with", "range"})


@dataclass(frozen=True)
class ValuesRef:
    """One read of a values path, at byte offsets ``start``..``end`` of the template."""

    path: ValuesPath
    start: int
    end: int
    guarded: bool
    exact: bool = True
    """False for reads whose deeper keys are unknown (``range`` items, ``index`` with a
    variable key): the path and everything below it count as read."""
    in_define: bool = False
    """Read inside a ``define`` body, assuming its caller passes the root context."""


@dataclass
class TemplateReads:
    """Everything one template file reads from ``.Values``."""

    refs: list[ValuesRef] = field(default_factory=list)
    dynamic: list[tuple[int, int]] = field(default_factory=list)
    """Where ``.Values`` is read in a way that hides which keys (offsets)."""
    writes: list[ValuesPath] = field(default_factory=list)
    """Paths a template sets itself (``set .Values.a "b" x`` writes ``a.b``)."""
    resume: _Resume | None = field(default=None, compare=False, repr=False)
    """Where reading an edited text may start again (see ``template_reads``)."""


_Arms = tuple[tuple[str, tuple[str, ...]], ...]
"""A block's arms as their keywords and token texts (no offsets)."""


@dataclass(frozen=True)
class _Checkpoint:
    """The reader's state before action ``action``, and the arms of the blocks open there:
    reads inside a block depend on all of its arms (their tests guard the whole block), so
    the state holds for an edited text only while those arms read the same."""

    action: int
    refs: int
    dynamic: int
    writes: int
    variables: tuple[tuple[str, ValuesPath], ...]
    open_arms: tuple[tuple[int, _Arms], ...] | None
    """None: more than :data:`MAX_SCOPES` blocks open (never resumed from: hostile nesting
    would make every checkpoint copy the whole chain)."""


@dataclass(frozen=True)
class _Resume:
    scan: TemplateScan
    checkpoints: tuple[_Checkpoint, ...]


_CHECKPOINT_EVERY = 32


ROOT: ValuesPath = ("\x00root",)
"""Marks a variable (or a ``with`` pipeline) holding the root context (``$g := .``)."""


@dataclass
class _Dot:
    """What dot is: the root context, a values path, or unknown."""

    root: bool
    path: ValuesPath | None = None
    define: bool = False
    """Inside a ``define``/``block`` body, where dot is whatever the caller passed."""


def template_reads(
    data: bytes, scan: TemplateScan | None = None, previous: TemplateReads | None = None
) -> TemplateReads:
    """The values reads of a template's text.

    With ``previous`` (the reads of the text ``scan`` was re-scanned from), the reads of the
    leading actions the re-scan kept are taken from it, up to the last of them it saved a
    state before whose enclosing blocks' arms still read the same."""
    scan = scan or scan_template(data)
    out = TemplateReads()
    variables: dict[str, ValuesPath] = {}
    checkpoints: list[_Checkpoint] = []
    first = 0
    old = previous.resume if previous is not None else None
    if previous is not None and old is not None:
        same = 0
        for mine, theirs in zip(scan.actions, old.scan.actions, strict=False):
            if mine is not theirs:
                break
            same += 1
        usable = [c for c in old.checkpoints if c.action <= same and _arms_hold(scan, c.open_arms)]
        if usable:
            point = usable[-1]
            first = point.action
            out.refs = previous.refs[: point.refs]
            out.dynamic = previous.dynamic[: point.dynamic]
            out.writes = previous.writes[: point.writes]
            variables = dict(point.variables)
            checkpoints = usable
    actions = scan.actions
    for index in range(first, len(actions)):
        action = actions[index]
        if not checkpoints or index - checkpoints[-1].action >= _CHECKPOINT_EVERY:
            checkpoints.append(
                _Checkpoint(
                    index,
                    len(out.refs),
                    len(out.dynamic),
                    len(out.writes),
                    tuple(variables.items()),
                    _open_arms(scan, index),
                )
            )
        dot, guards = _context(scan, index, action, variables)
        pipelines = [action.pipeline] if action.pipeline is not None else []
        testing = action.keyword in _TESTS
        for pipeline in pipelines:
            reads = list(_pipeline_reads(pipeline, dot, variables, out))
            for path, token, exact, guarded in reads:
                covered = testing or guarded or any(path[: len(g)] == g for g in guards)
                ref = ValuesRef(path, token.start, token.end, covered, exact, dot.define)
                out.refs.append(ref)
            if pipeline.decls and not pipeline.assign:
                if action.keyword == "range":
                    for decl in pipeline.decls:  # bound to keys and items, not the values path
                        variables.pop(decl.variable or "", None)
                else:
                    _declare(pipeline, dot, variables)
    out.resume = _Resume(scan, tuple(checkpoints))
    return out


MAX_SCOPES = 100
"""Enclosing blocks followed for each action (the innermost): hostile nesting stays linear."""


def _open_arms(scan: TemplateScan, index: int) -> tuple[tuple[int, _Arms], ...] | None:
    """The arms of the blocks open before action ``index`` (not one it opens); None when
    more than :data:`MAX_SCOPES` are."""
    b = scan.actions[index].block
    if b is not None and scan.blocks[b].branches[0].action == index:
        b = scan.blocks[b].parent
    out: list[int] = []
    while b is not None:
        if len(out) == MAX_SCOPES:
            return None
        out.append(b)
        b = scan.blocks[b].parent
    return tuple((b, _arms(scan, b)) for b in out)


def _arms(scan: TemplateScan, block: int) -> _Arms:
    return tuple(
        (arm.keyword, tuple(t.text for t in scan.actions[arm.action].tokens))
        for arm in scan.blocks[block].branches
    )


def _arms_hold(scan: TemplateScan, open_arms: tuple[tuple[int, _Arms], ...] | None) -> bool:
    if open_arms is None:
        return False
    return all(b < len(scan.blocks) and _arms(scan, b) == arms for b, arms in open_arms)


def _context(
    scan: TemplateScan, index: int, action: Action, variables: dict[str, ValuesPath]
) -> tuple[_Dot, list[ValuesPath]]:
    """Dot at ``action`` and the values paths enclosing ``if``/``with`` arms test."""
    dot = _Dot(True)
    guards: list[ValuesPath] = []
    for scope in scan.scopes_at(action.start, MAX_SCOPES):
        branch = scope.branch
        if scan.actions[branch.action] is action:
            continue
        if scope.block.keyword in ("if", "with", "range"):
            # Every arm's test guards the whole block (an else arm runs when it failed).
            for arm in scope.block.branches:
                if arm.pipeline is not None:
                    guards.extend(_tested_paths(arm.pipeline, dot, variables))
        if branch.resets_dot:
            dot = _Dot(True, None, define=True)
        elif branch.binds_dot:
            main = _main_path(branch.pipeline, dot, variables) if branch.pipeline else None
            if branch.keyword == "range":
                dot = _Dot(False, None, dot.define)
            elif main == ROOT:
                dot = _Dot(True, None, dot.define)
            else:
                dot = _Dot(False, main, dot.define)
    return dot, guards


def _tested_paths(
    pipeline: Pipeline, dot: _Dot, variables: dict[str, ValuesPath]
) -> list[ValuesPath]:
    found = []
    for command in pipeline.commands:
        for operand in command.args:
            for token in _tokens(operand):
                path = _dot_path(token, dot, variables)
                if path is not None:
                    found.append(path)
                    found.extend(_haskey_paths(command, path))
    return found


def _haskey_paths(command: Command, path: ValuesPath) -> list[ValuesPath]:
    """``hasKey .Values.a "b"`` also tests ``a.b``."""
    first = command.args[0] if command.args else None
    if isinstance(first, Token) and first.text == "hasKey" and len(command.args) >= 3:
        key = command.args[2]
        if isinstance(key, Token) and key.value() is not None:
            return [(*path, str(key.value()))]
    return []


def _main_path(
    pipeline: Pipeline, dot: _Dot, variables: dict[str, ValuesPath]
) -> ValuesPath | None:
    """The values path a pipeline evaluates to when it is a plain reference (:data:`ROOT` for
    the root context itself: ``.`` at the top, ``$``, or a variable holding it)."""
    if len(pipeline.commands) != 1 or len(pipeline.commands[0].args) != 1:
        return None
    operand = pipeline.commands[0].args[0]
    if not isinstance(operand, Token):
        return None
    if operand.kind is TokenKind.VARIABLE:
        if operand.variable == "$":
            return ROOT
        return variables.get(operand.variable or "")
    if operand.kind is TokenKind.FIELD and operand.text == "." and dot.root:
        return ROOT
    return _dot_path(operand, dot, variables)


def _declare(pipeline: Pipeline, dot: _Dot, variables: dict[str, ValuesPath]) -> None:
    path = _main_path(pipeline, dot, variables)
    for decl in pipeline.decls:
        if decl.variable is None:
            continue
        if path is not None:
            variables[decl.variable] = path
        else:
            variables.pop(decl.variable, None)


def _tokens(operand: Operand) -> Iterator[Token]:
    if isinstance(operand, Token):
        yield operand
    else:
        for command in operand.pipeline.commands:
            for inner in command.args:
                yield from _tokens(inner)


def _dot_path(token: Token, dot: _Dot, variables: dict[str, ValuesPath]) -> ValuesPath | None:
    """The values path a field chain reads, or None when it reads no value."""
    # A chained token among a command's operands only comes from a keyword written against
    # its field (``{{with.Values.a}}``), which Go reads as ``with .Values.a``; chains after a
    # parenthesis live in ``SubPipeline.chain`` and are not visited.
    if token.kind is not TokenKind.FIELD:
        return None
    fields = token.fields
    rooted = token.variable is not None and variables.get(token.variable) == ROOT
    if token.variable == "$" or rooted or (token.variable is None and dot.root):
        if fields[:1] == ("Values",):
            return tuple(fields[1:])
        return None
    if token.variable is None:
        return (*dot.path, *fields) if dot.path is not None else None
    base = variables.get(token.variable)
    return (*base, *fields) if base is not None else None


def _pipeline_reads(
    pipeline: Pipeline, dot: _Dot, variables: dict[str, ValuesPath], out: TemplateReads
) -> Iterator[tuple[ValuesPath, Token, bool, bool]]:
    guarded = any(_function(c) in GUARD_FUNCTIONS for c in pipeline.commands)
    for command in pipeline.commands:
        yield from _command_reads(command, dot, variables, out, guarded)


def _function(command: Command) -> str | None:
    first = command.args[0] if command.args else None
    if isinstance(first, Token) and first.is_function:
        return first.text
    return None


def _command_reads(
    command: Command,
    dot: _Dot,
    variables: dict[str, ValuesPath],
    out: TemplateReads,
    guarded: bool,
) -> Iterator[tuple[ValuesPath, Token, bool, bool]]:
    function = _function(command)
    guarded = guarded or function in GUARD_FUNCTIONS
    args: Sequence[Operand] = command.args
    if function == "index" and len(args) >= 2 and isinstance(args[1], Token):
        base = _dot_path(args[1], dot, variables)
        if base is not None:
            keys, exact = _literal_keys(args[2:])
            if not base and not keys:
                out.dynamic.append((args[1].start, args[1].end))
            # index on a map yields nil for a missing key: a lookup, not an undefined read.
            yield (*base, *keys), args[1], exact, True
            args = [a for a in args[2:] if isinstance(a, SubPipeline)]
    if function in ("set", "unset") and len(args) >= 3 and isinstance(args[1], Token):
        base = _dot_path(args[1], dot, variables)
        key = args[2].value() if isinstance(args[2], Token) else None
        if base is not None and key is not None:
            out.writes.append((*base, key))
    for operand in args:
        if isinstance(operand, SubPipeline):
            yield from _pipeline_reads_nested(operand.pipeline, dot, variables, out, guarded)
            continue
        path = _dot_path(operand, dot, variables)
        if path is None:
            context = _context_values(operand)
            if context is not None:
                yield context, operand, True, True
            continue
        if not path and (operand.variable is not None or dot.root):
            out.dynamic.append((operand.start, operand.end))  # .Values passed whole
            continue
        yield path, operand, True, guarded


def _context_values(token: Token) -> ValuesPath | None:
    """``.context.Values.a`` or ``$ctx.Values.a``: a helper handed the root under another name
    reads ``a`` (counted as a read; never reported as undefined, the context is a guess)."""
    if token.kind is not TokenKind.FIELD or "Values" not in token.fields[1:]:
        return None
    at = token.fields.index("Values", 1)
    return tuple(token.fields[at + 1 :]) or None


def _pipeline_reads_nested(
    pipeline: Pipeline,
    dot: _Dot,
    variables: dict[str, ValuesPath],
    out: TemplateReads,
    guarded: bool,
) -> Iterator[tuple[ValuesPath, Token, bool, bool]]:
    inner = guarded or any(_function(c) in GUARD_FUNCTIONS for c in pipeline.commands)
    for command in pipeline.commands:
        yield from _command_reads(command, dot, variables, out, inner)


def _literal_keys(args: Sequence[Operand]) -> tuple[ValuesPath, bool]:
    keys: list[str] = []
    for arg in args:
        value = arg.value() if isinstance(arg, Token) else None
        if value is None:
            return tuple(keys), False
        keys.append(value)
    return tuple(keys), True


_LOOK_BACK = 512
_GOLANG_BEFORE = re.compile(r"(?:^|[\s\"'=])(?:[\w.-]+(?::[0-9]+)?/)*(?:library/)?golang:$")


def golang_fed(scan: TemplateScan, reads: TemplateReads, data: bytes) -> frozenset[ValuesPath]:
    """Values paths a template writes right after ``golang:`` (``image: golang:{{ .Values.go
    }}``): their values are golang image tags."""
    out: set[ValuesPath] = set()
    if b"golang:" not in data:
        return frozenset()  # one scan of the bytes instead of a look-back per action
    for action in scan.actions:
        # an image reference is short: a bounded look-back keeps one long line linear
        line_start = data.rfind(b"\n", max(0, action.start - _LOOK_BACK), action.start) + 1
        line_start = max(line_start, action.start - _LOOK_BACK)
        # the pattern is anchored at the end: a cheap test first keeps long template
        # lines (Prometheus rule expressions) from costing a regex scan per action
        if not data.endswith(b"golang:", line_start, action.start):
            continue
        before = data[line_start : action.start].decode("utf-8", errors="replace")
        if not _GOLANG_BEFORE.search(before):
            continue
        for ref in reads.refs:
            if action.start <= ref.start < action.end and ref.path:
                out.add(ref.path)
    return frozenset(out)
