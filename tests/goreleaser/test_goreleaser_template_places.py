"""Every templated key of a judged section is checked against the fields of its place.

For each key the model marks templated, a config setting just that key to a template
reading a field its place lacks must get GR109 on that value; a field the place has must
not. The configs are written as JSON (a YAML subset) from the model itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gowls.analysis.goreleaser.check import Edition, Options, check_config
from gowls.analysis.goreleaser.model import Field, ListOf, MapOf, Node, Obj, OneOf, Scalar
from gowls.analysis.goreleaser.spec import PROJECT
from gowls.analysis.goreleaser.templates import PIPE_FIELDS, PLACES, Scope
from gowls.syntax.yaml import parse_yaml

PATH = Path("/repo/.goreleaser.yaml")


def _string_value(node: Node, text: str) -> Any:
    """A value of ``node``'s shape holding ``text`` as its one string, or None."""
    if isinstance(node, Scalar) and node.kind in ("string", "any"):
        return text
    if isinstance(node, ListOf):
        inner = _string_value(node.item, text)
        return None if inner is None else [inner]
    if isinstance(node, MapOf):
        inner = _string_value(node.value, text)
        return None if inner is None else {"K": inner}
    if isinstance(node, OneOf):
        for option in node.accepted(pro=False):
            found = _string_value(option, text)
            if found is not None:
                return found
    return None


def _templated(node: Node, path: tuple[str, ...], depth: int = 0) -> Iterator[tuple[str, ...]]:
    """Paths (``[]`` for list items) of the OSS keys marked templated below ``node``."""
    if depth > 10:
        return
    if isinstance(node, ListOf):
        yield from _templated(node.item, (*path, "[]"), depth + 1)
    elif isinstance(node, OneOf):
        for option in node.accepted(pro=False):
            if isinstance(option, Obj | ListOf):
                yield from _templated(option, path, depth + 1)
                return
    elif isinstance(node, Obj):
        for fld in node.fields:
            if fld.pro:
                continue
            if fld.templated and _string_value(fld.node, "x") is not None:
                yield (*path, fld.key)
            yield from _templated(fld.node, (*path, fld.key), depth + 1)


def _field(path: tuple[str, ...]) -> Field:
    node: Node = PROJECT
    found: Field | None = None
    for step in path:
        while isinstance(node, OneOf):
            node = next(o for o in node.accepted(pro=False) if isinstance(o, Obj | ListOf))
        if step == "[]":
            assert isinstance(node, ListOf)
            node = node.item
            continue
        assert isinstance(node, Obj)
        found = node.get(step)
        assert found is not None
        node = found.node
    assert found is not None
    return found


def _config(path: tuple[str, ...], text: str) -> str:
    value: Any = _string_value(_field(path).node, text)
    for step in reversed(path):
        value = [value] if step == "[]" else {step: value}
    return json.dumps({"version": 2, **value}) + "\n"


def _cases() -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for fld in PROJECT.fields:
        if fld.key in PLACES and not fld.pro:
            out.extend(_templated_top(fld))
    return out


def _templated_top(fld: Field) -> Iterator[tuple[str, ...]]:
    if fld.templated and _string_value(fld.node, "x") is not None:
        yield (fld.key,)
    yield from _templated(fld.node, (fld.key,))


CASES = _cases()
PROBES = {Scope.ARTIFACT: "Os", Scope.BUILD: "Name"}
"""A field each scope adds (and the narrower places lack)."""


def test_the_places_cover_many_templated_keys() -> None:
    assert len(CASES) > 300
    assert {p[0] for p in CASES} >= {"archives", "release", "dockers", "announce", "builds"}


@pytest.mark.parametrize("path", CASES, ids=lambda p: ".".join(p))
def test_a_field_the_place_lacks_is_reported_on_every_templated_key(
    path: tuple[str, ...],
) -> None:
    scopes = PLACES[path[0]]
    extras = PIPE_FIELDS.get(path[0], ())
    for scope, probe in PROBES.items():
        text = f"x-{{{{ .{probe} }}}}-{{{{ .Version }}}}"
        found = [
            f
            for f in check_config(
                PATH, parse_yaml(_config(path, text).encode()), Options(Edition.OSS)
            )
            if f.code == "GR109"
        ]
        expected = scope not in scopes and probe not in extras
        assert [f.message.split("`")[1] for f in found] == ([f".{probe}"] if expected else [])
        if expected:
            assert f"not available in `{'.'.join(p for p in path if p != '[]')}" in found[0].message
