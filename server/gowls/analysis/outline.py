"""Document symbols and folding ranges for go.work and go.mod."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gowls.analysis.snapshot import Snapshot, normalize
from gowls.syntax.gomod import GoMod
from gowls.syntax.gowork import GoWork
from gowls.syntax.positions import Span
from gowls.syntax.statements import Statement


@dataclass(frozen=True, slots=True)
class Symbol:
    """A directive (or block) and the entries inside it."""

    name: str
    detail: str
    verb: str
    span: Span
    selection: Span
    children: tuple[Symbol, ...] = field(default=())


def _entry(stmt: Statement) -> Symbol:
    args = [t.text for t in stmt.args]
    name = args[0] if args else stmt.verb.text
    detail = " ".join(args[1:])
    first = stmt.args[0].span if stmt.args else stmt.verb.span
    return Symbol(name, detail, stmt.verb.text, stmt.span, first)


def symbols(snapshot: Snapshot, path: Path) -> list[Symbol]:
    """Top-level directives and blocks, blocks holding their lines."""
    doc = snapshot.document(normalize(path))
    if not isinstance(doc, GoWork | GoMod):
        return []
    out: list[Symbol] = []
    blocks_done: set[int] = set()
    for stmt in doc.syntax.statements:
        block = stmt.block
        if block is None:
            args = " ".join(t.text for t in stmt.args)
            out.append(Symbol(stmt.verb.text, args, stmt.verb.text, stmt.span, stmt.verb.span))
            continue
        if id(block) in blocks_done:
            continue
        blocks_done.add(id(block))
        children = tuple(_entry(s) for s in block.statements)
        out.append(
            Symbol(
                block.verb,
                f"{len(children)} entries",
                block.verb,
                block.span,
                block.tokens[0].span,
                children,
            )
        )
    for block in doc.syntax.blocks:
        if id(block) not in blocks_done:
            out.append(
                Symbol(block.verb, "0 entries", block.verb, block.span, block.tokens[0].span)
            )
    out.sort(key=lambda s: s.span.start)
    return out


def folding_ranges(snapshot: Snapshot, path: Path) -> list[tuple[int, int]]:
    """(first line, last line) of every block that spans more than one line."""
    doc = snapshot.document(normalize(path))
    if not isinstance(doc, GoWork | GoMod):
        return []
    return [
        (b.span.start.line, b.span.end.line)
        for b in doc.syntax.blocks
        if b.span.end.line > b.span.start.line
    ]
