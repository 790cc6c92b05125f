"""Document symbols and folding ranges for go.work and go.mod."""

from __future__ import annotations

from typing import Any

from gowls.analysis.features import Fold, Symbol, SymbolKind
from gowls.analysis.registry import RuleContext
from gowls.syntax.gomod import GoMod
from gowls.syntax.gowork import GoWork
from gowls.syntax.statements import Statement

_SYMBOL_KINDS = {
    "module": SymbolKind.MODULE,
    "use": SymbolKind.MODULE,
    "require": SymbolKind.PACKAGE,
    "exclude": SymbolKind.PACKAGE,
    "replace": SymbolKind.OPERATOR,
    "retract": SymbolKind.EVENT,
    "tool": SymbolKind.FUNCTION,
    "ignore": SymbolKind.FILE,
    "godebug": SymbolKind.PROPERTY,
    "go": SymbolKind.CONSTANT,
    "toolchain": SymbolKind.CONSTANT,
}
"""Outline symbol kinds by directive verb."""


def _kind(verb: str) -> SymbolKind:
    return _SYMBOL_KINDS.get(verb, SymbolKind.KEY)


def _entry(stmt: Statement) -> Symbol:
    args = [t.text for t in stmt.args]
    name = args[0] if args else stmt.verb.text
    detail = " ".join(args[1:])
    first = stmt.args[0].span if stmt.args else stmt.verb.span
    return Symbol(name, detail, _kind(stmt.verb.text), stmt.span, first)


def symbols(ctx: RuleContext[Any]) -> list[Symbol]:
    """Top-level directives and blocks, blocks holding their lines."""
    doc = ctx.doc
    if not isinstance(doc, GoWork | GoMod):
        return []
    out: list[Symbol] = []
    blocks_done: set[int] = set()
    lines: dict[int, list[Statement]] = {}
    for stmt in doc.syntax.statements:
        if stmt.block is not None:
            lines.setdefault(id(stmt.block), []).append(stmt)
    for stmt in doc.syntax.statements:
        block = stmt.block
        if block is None:
            args = " ".join(t.text for t in stmt.args)
            out.append(
                Symbol(stmt.verb.text, args, _kind(stmt.verb.text), stmt.span, stmt.verb.span)
            )
            continue
        if id(block) in blocks_done:
            continue
        blocks_done.add(id(block))
        children = tuple(_entry(s) for s in lines[id(block)])
        out.append(
            Symbol(
                block.verb,
                f"{len(children)} entries",
                _kind(block.verb),
                block.span,
                block.tokens[0].span,
                children,
            )
        )
    for block in doc.syntax.blocks:
        if id(block) not in blocks_done:
            out.append(
                Symbol(block.verb, "0 entries", _kind(block.verb), block.span, block.tokens[0].span)
            )
    out.sort(key=lambda s: s.span.start)
    return out


def folding_ranges(ctx: RuleContext[Any]) -> list[Fold]:
    """Every block that spans more than one line."""
    doc = ctx.doc
    if not isinstance(doc, GoWork | GoMod):
        return []
    return [
        Fold(b.span.start.line, b.span.end.line)
        for b in doc.syntax.blocks
        if b.span.end.line > b.span.start.line
    ]
