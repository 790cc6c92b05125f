"""The go kinds' documents read through a snapshot: go.work and go.mod files by path."""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable
from pathlib import Path

from gowls.analysis.go.language import GOMOD_NAME, GOWORK_NAME
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.gomod import GoMod, parse_gomod, reparse_gomod
from gowls.syntax.gowork import GoWork, parse_gowork, reparse_gowork
from gowls.syntax.statements import FileSyntax, Statement


def parse_gowork_file(data: bytes, path: Path) -> GoWork:
    """Parse a go.work file (messages name the file as ``go`` does)."""
    return parse_gowork(data, path.name)


def parse_gomod_file(data: bytes, path: Path) -> GoMod:
    """Parse a go.mod file (messages name the file as ``go`` does)."""
    return parse_gomod(data, path.name)


def reparse_gowork_file(data: bytes, path: Path, previous: GoWork) -> GoWork:
    """A go.work file's new text parsed from its previous document (unchanged lines reused)."""
    return reparse_gowork(previous, data, path.name)


def reparse_gomod_file(data: bytes, path: Path, previous: GoMod) -> GoMod:
    """A go.mod file's new text parsed from its previous document (unchanged lines reused)."""
    return reparse_gomod(previous, data, path.name)


def gowork(snapshot: Snapshot, path: Path) -> GoWork | None:
    """The go.work document at ``path``."""
    doc = snapshot.parsed(path, GOWORK_NAME, parse_gowork_file, reparse_gowork_file)
    return doc if isinstance(doc, GoWork) else None


def gomod(snapshot: Snapshot, path: Path) -> GoMod | None:
    """The go.mod document at ``path``."""
    doc = snapshot.parsed(path, GOMOD_NAME, parse_gomod_file, reparse_gomod_file)
    return doc if isinstance(doc, GoMod) else None


def module_dir_gomod(snapshot: Snapshot, directory: Path) -> GoMod | None:
    """The go.mod of a module directory, if the directory holds one (kept across snapshots
    while it is unchanged: a workspace's view asks for every module's)."""

    def find() -> GoMod | None:
        path = directory / GOMOD_NAME
        return gomod(snapshot, path) if snapshot.source.is_file(path) else None

    return snapshot.memo(("module-gomod", directory), find, shared=True)


_FIELDS: dict[type, tuple[str, ...]] = {}
_FROZEN: dict[type, bool] = {}
_KNOWN: dict[int, tuple[object, Hashable]] = {}
"""The facts of frozen directive objects by identity (the object held, so its id is not
reused): a re-parse keeps the objects of unchanged statements, so comparing two texts'
facts reads only the changed ones again."""
KNOWN_LIMIT = 50_000


def fact(value: object) -> Hashable:
    """A typed value as hashable facts: a statement by its place (span, block), never its
    tokens or comments; the raw syntax tree not at all (its layout is not a fact)."""
    # a frozen directive already seen (every use of a go.work whose facts are built again)
    known = _KNOWN.get(id(value))
    if known is not None and known[0] is value:
        return known[1]
    if isinstance(value, Statement):
        block = value.block
        return (value.span, block.span if block is not None else None)
    if isinstance(value, list | tuple):
        return tuple(fact(v) for v in value)
    if isinstance(value, FileSyntax):
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = type(value)
        names = _FIELDS.get(kind)
        if names is None:
            # a field left out of comparison (a cache such as the incremental parse's
            # readings) is no fact either
            names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind) if f.compare)
        if kind.__module__ == "gowls.syntax.positions":
            return value  # type: ignore[return-value]  # Span, Point: frozen and hashable
        frozen = _FROZEN.get(kind)
        if frozen is None:
            frozen = _FROZEN[kind] = kind.__dataclass_params__.frozen  # type: ignore[attr-defined]
        if not frozen:
            return (kind.__name__, *(fact(getattr(value, n)) for n in names))
        out = (kind.__name__, *(fact(getattr(value, n)) for n in names))
        if len(_KNOWN) >= KNOWN_LIMIT:
            _KNOWN.clear()
        _KNOWN[id(value)] = (value, out)
        return out
    assert isinstance(value, Hashable), type(value)
    return value


def facts(doc: GoMod | GoWork) -> Hashable:
    """What another file's rules can read of a go.mod or go.work: every directive with its
    spans (module path, go and toolchain lines, requires, replaces, uses, ...) and every
    problem; comments and layout between statements are not facts (``Language.facts``)."""
    return fact(doc)


def same_facts(old: GoMod | GoWork, new: GoMod | GoWork) -> bool:
    """``facts(old) == facts(new)``, comparing only the parts the two documents do not share
    (``Language.same_facts``): an edit of one line of a go.work using 1,000 modules compares
    that line, not the facts of every use."""
    return same_fact(old, new)


def same_fact(a: object, b: object) -> bool:
    """``fact(a) == fact(b)``; a value both hold (the same object) is equal without its facts
    being built (facts are a pure function of a value, and documents are never mutated)."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b) or isinstance(a, Statement | FileSyntax):
        return fact(a) == fact(b)
    if kind is list or kind is tuple:
        assert isinstance(a, list | tuple) and isinstance(b, list | tuple)
        if len(a) != len(b):
            return False
        return all(x is y or same_fact(x, y) for x, y in zip(a, b, strict=True))
    if (
        dataclasses.is_dataclass(kind)
        and kind.__module__ != "gowls.syntax.positions"
        and not kind.__dataclass_params__.frozen  # type: ignore[attr-defined]
    ):
        names = _FIELDS.get(kind)
        if names is None:
            names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind) if f.compare)
        return all(same_fact(getattr(a, n), getattr(b, n)) for n in names)
    return fact(a) == fact(b)


def facts_without_uses(work: GoWork) -> Hashable:
    """:func:`facts` of a go.work but its ``use`` directives (for
    :func:`gowls.analysis.go.modules.reader_facts`, which keeps the uses its readers see)."""
    names = _FIELDS.get(GoWork) or tuple(f.name for f in dataclasses.fields(GoWork) if f.compare)
    return tuple(None if n == "uses" else fact(getattr(work, n)) for n in names)
