"""Every key path of GoReleaser's v2.18 JSON schemas exists in our model, typed alike.

The OSS schema's keys must exist and not be marked Pro; keys only the Pro schema has must
exist and be marked Pro. Enum values of the schema must be allowed by ours.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from goreleaser_oracle import SCHEMA_OSS, SCHEMA_PRO

from gowls.analysis.goreleaser.model import Enum, ListOf, MapOf, Node, Obj, OneOf, Scalar
from gowls.analysis.goreleaser.query import lookup, needs_pro
from gowls.analysis.goreleaser.spec import PROJECT

pytestmark = pytest.mark.skipif(
    not SCHEMA_OSS.is_file(), reason=f"GoReleaser schema not found at {SCHEMA_OSS}"
)

Schema = dict[str, Any]


def _resolve(schema: Schema, defs: dict[str, Schema]) -> Schema:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        local = schema.get("$defs", {})
        schema = local.get(name) or defs[name]
        if "$ref" in schema and schema["$ref"].rsplit("/", 1)[-1] == name:
            schema = schema["$defs"][name]
    return schema


def _options(node: Node) -> tuple[Node, ...]:
    return node.options if isinstance(node, OneOf) else (node,)


def _kinds(schema: Schema) -> set[str]:
    if "oneOf" in schema:
        return {k for option in schema["oneOf"] for k in _kinds(option)}
    t = schema.get("type")
    if t == "object" and "properties" not in schema:
        return {"map"}  # free-form or typed values under any key
    return {str(t)} if t else {"any"}


def _node_kinds(node: Node) -> set[str]:
    kinds: set[str] = set()
    for option in _options(node):
        if isinstance(option, Scalar):
            kinds |= (
                {"any"}
                if option.kind == "any"
                else {
                    {"int": "integer", "bool": "boolean", "float": "number"}.get(
                        option.kind, option.kind
                    )
                }
            )
        elif isinstance(option, Enum):
            kinds.add("string")
        elif isinstance(option, ListOf):
            kinds.add("array")
        elif isinstance(option, MapOf):
            kinds.add("map")
        elif isinstance(option, Obj):
            kinds.add("object")
    return kinds


def _walk(
    schema: Schema, node: Node, defs: dict[str, Schema], path: str, depth: int = 0
) -> Iterator[tuple[str, Schema, Node]]:
    """Pairs (path, schema, our node) for every schema position reachable from ``schema``."""
    schema = _resolve(schema, defs)
    yield path, schema, node
    if depth > 12:
        return
    if "oneOf" in schema:
        for option in schema["oneOf"]:
            option = _resolve(option, defs)
            kind = _kinds(option)
            match = next((o for o in _options(node) if _node_kinds(o) & kind), None)
            if match is None or len(schema["oneOf"]) == 1:
                yield path, option, node
                continue
            yield from _walk(option, match, defs, path, depth + 1)
        return
    if schema.get("type") == "array":
        lists = [o for o in _options(node) if isinstance(o, ListOf)]
        if lists:
            yield from _walk(schema["items"], lists[0].item, defs, path + "[]", depth + 1)
        return
    props = schema.get("properties")
    if isinstance(props, dict):
        objs = [o for o in _options(node) if isinstance(o, Obj)]
        if not objs:
            return
        for key, sub in props.items():
            field = objs[0].get(key)
            if field is None:
                yield f"{path}.{key}", {"missing": True}, node
                continue
            yield from _walk(sub, field.node, defs, f"{path}.{key}", depth + 1)
    elif isinstance(schema.get("additionalProperties"), dict):
        maps = [o for o in _options(node) if isinstance(o, MapOf)]
        if maps:
            yield from _walk(
                schema["additionalProperties"], maps[0].value, defs, path + ".*", depth + 1
            )


def _check(schema_file: Any) -> tuple[list[str], list[tuple[str, str]]]:
    root = json.loads(schema_file.read_text())
    defs = root["$defs"]
    problems: list[str] = []
    seen: list[tuple[str, str]] = []
    for path, schema, node in _walk(root, PROJECT, defs, ""):
        if schema.get("missing"):
            problems.append(f"{path}: missing from the model")
            continue
        want = _kinds(schema)
        have = _node_kinds(node)
        if "any" not in have and "any" not in want and not want <= have:
            problems.append(f"{path}: schema {sorted(want)}, model {sorted(have)}")
        if "enum" in schema:
            enums = [o for o in _options(node) if isinstance(o, Enum)]
            if not enums and isinstance(node, ListOf) and isinstance(node.item, Enum):
                enums = [node.item]
            values = {str(v) for v in schema["enum"]} - {""}
            if not enums:
                if path != ".version":
                    problems.append(f"{path}: schema enum {sorted(values)}, model has none")
            elif not all(enums[0].allows(v) for v in values):
                problems.append(f"{path}: enum {sorted(values)} not all allowed")
        seen.append((path, ",".join(sorted(want))))
    return problems, seen


def _pro_flag(path: str) -> bool | None:
    """Whether the model says the schema path (``.builds[].prebuilt``) needs Pro."""
    parts: list[str | int] = []
    for piece in path.strip(".").split("."):
        name = piece.replace("[]", "")
        if name and name != "*":
            parts.append(name)
        parts.extend([0] * piece.count("[]"))
    if lookup(tuple(parts)) is None:
        return None
    return needs_pro(tuple(parts))


def test_every_oss_schema_path_is_in_the_model() -> None:
    problems, seen = _check(SCHEMA_OSS)
    assert len(seen) > 1000
    assert problems == []


def test_every_pro_schema_path_is_in_the_model() -> None:
    problems, seen = _check(SCHEMA_PRO)
    assert len(seen) > 1200
    assert problems == []


def test_pro_marks_match_the_two_schemas() -> None:
    _, oss = _check(SCHEMA_OSS)
    _, pro = _check(SCHEMA_PRO)
    oss_paths = {p for p, _ in oss}
    wrong = []
    for path, _ in pro:
        if not path or ".*" in path:
            continue
        flag = _pro_flag(path)
        if flag is None:
            continue
        if flag != (path not in oss_paths):
            wrong.append(f"{path}: model pro={flag}")
    assert wrong == []
