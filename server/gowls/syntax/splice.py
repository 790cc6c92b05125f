"""A re-parsed go.mod or go.work document built from the previous one's lists: the edited
statements' items swapped in, no walk over the unchanged statements.

For an edit that kept every line in place and touched only statements whose reading depends
on the statement alone (no repeat check, nothing read from other lines), outside blocks
``go`` rejects. ``reparse_gomod`` and ``reparse_gowork`` build their documents from the
:class:`Splice`; anything else is read in full (``read_statements``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gowls.syntax.directives import DirectiveError, Readings, read_once
from gowls.syntax.positions import Point
from gowls.syntax.statements import FileSyntax, Problem, Statement


@dataclass(frozen=True, slots=True)
class Splice:
    """What a spliced document holds beside the previous one's unchanged fields."""

    readings: Readings
    problems: list[Problem]
    lists: dict[str, list[Any]]
    """The item lists the edit changed, by attribute name (the others are shared)."""


@dataclass(frozen=True, slots=True)
class PureVerbs:
    """A kind's verbs that can be spliced: each one's reader and the list it fills."""

    readers: Mapping[str, Callable[[Statement], object]]
    lists: Mapping[str, str]
    block_verbs: frozenset[str]
    """Verbs that may open a block in this kind of file (statements in others are skipped)."""


def splice(
    previous: FileSyntax,
    readings: Readings,
    problems: Sequence[Problem],
    items: Callable[[str], list[Any]],
    syntax: FileSyntax,
    lo: int,
    hi: int,
    verbs: PureVerbs,
) -> Splice | None:
    """The splice of an edit whose ``previous`` statements ``lo``..``hi`` were read again
    (the others are the same objects, on the same lines); ``readings``, ``problems`` and
    ``items`` (a list by attribute name) are the previous document's. None when the edit is
    not of that kind."""
    if syntax.problems or syntax.blocks != previous.blocks:
        return None
    if any(len(b.tokens) > 1 or b.verb not in verbs.block_verbs for b in syntax.blocks):
        return None  # statements in such blocks are skipped
    old, new = previous.statements, syntax.statements
    removed, added = old[lo:hi], new[lo : len(new) - (len(old) - hi)]
    readers, lists = verbs.readers, verbs.lists
    if any(s.verb.text not in readers for s in (*removed, *added)):
        return None
    kept = dict(readings)
    gone: set[Problem] = set()  # the problems of the removed statements (equal, not the same)
    for stmt in removed:
        hit = kept.pop(id(stmt), None)
        if hit is not None and isinstance(hit[1], Problem):
            gone.add(hit[1])
    out = [p for p in problems if p not in gone] if gone else [*problems]
    fresh: dict[str, list[object]] = {}
    for stmt in added:
        verb = stmt.verb.text
        try:
            item = read_once(stmt, readers[verb], readings, kept)
        except DirectiveError as exc:
            out.append(exc.problem)
            continue
        fresh.setdefault(lists[verb], []).append(item)
    # Every other problem belongs to a statement the edit left; none shares a span with the
    # edited statements'.
    out.sort(key=lambda p: (p.span.start, p.span.end))
    # The items of the edited statements lie between the unchanged statements before and
    # after them: found by position (the lists are in file order).
    start = old[lo].span.start if lo < len(old) else None
    end = old[hi].span.start if hi < len(old) else None
    changed: dict[str, list[Any]] = {}
    for name in {lists[s.verb.text] for s in (*removed, *added)}:
        current = items(name)
        first = len(current) if start is None else bisect_left(current, start, key=_start_of)
        stop = len(current) if end is None else bisect_left(current, end, key=_start_of)
        changed[name] = [*current[:first], *fresh.get(name, ()), *current[stop:]]
    return Splice(kept, out, changed)


def _start_of(item: Any) -> Point:
    start: Point = item.statement.span.start
    return start
