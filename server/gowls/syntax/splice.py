"""A re-parsed go.mod or go.work document built from the previous one's lists: the edited
statements' items swapped in, no walk over the unchanged statements.

For an edit that kept every line in place and touched only statements whose reading depends
on the statement alone (no repeat check, nothing read from other lines), outside blocks
``go`` rejects. ``reparse_gomod`` and ``reparse_gowork`` both go through
:func:`reparse_spliced`; anything else is read again (``read_statements``, with the previous
readings of the statements it kept).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, Protocol, TypeVar

from gowls.syntax.alloc import gc_paused
from gowls.syntax.directives import DirectiveError, Readings, read_once
from gowls.syntax.incremental import moved_readings, reparse_region
from gowls.syntax.positions import Point
from gowls.syntax.statements import FileSyntax, Problem, Statement


class Spliceable(Protocol):
    """A typed document (a dataclass) with the fields a splice replaces."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    syntax: FileSyntax
    problems: list[Problem]
    readings: Readings


Doc = TypeVar("Doc", bound=Spliceable)


def reparse_spliced(
    previous: Doc,
    data: bytes,
    filename: str,
    verbs: PureVerbs,
    typed: Callable[[FileSyntax, Readings | None], Doc],
) -> Doc:
    """The document of ``data``, an edit of ``previous``'s text: re-parsed incrementally, then
    spliced (:func:`splice`: the fields the edit left are ``previous``'s, shared, since a
    document is never changed once built) or, for any other edit, built by ``typed`` with the
    readings of the statements the re-parse kept (moved along with their lines)."""
    with gc_paused():
        syntax, mover, region = reparse_region(previous.syntax, data, filename)
        if mover is None and region is not None:
            done = splice(
                previous.syntax,
                previous.readings,
                previous.problems,
                partial(getattr, previous),
                syntax,
                *region,
                verbs,
            )
            if done is not None:
                return dataclasses.replace(
                    previous,
                    syntax=syntax,
                    problems=done.problems,
                    readings=done.readings,
                    **done.lists,
                )
        return typed(syntax, moved_readings(previous.readings, mover))


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
