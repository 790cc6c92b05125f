"""The flat meta-schemas check schemas exactly as the drafts' own meta-schemas do."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gowls.analysis.helm.jsontext import parse_json
from gowls.analysis.helm.metaschema import flat_meta_schema, meta_validator
from gowls.analysis.helm.schema import SchemaProblem, _meta_problems

DRAFTS = [
    jsonschema.Draft202012Validator,
    jsonschema.Draft201909Validator,
    jsonschema.Draft7Validator,
    jsonschema.Draft4Validator,
]
KEYWORDS = (  # noqa: SIM905 (a list of 60 one-word strings reads better as words)
    "$id $schema $ref $anchor $dynamicRef $dynamicAnchor $recursiveRef $recursiveAnchor"
    " $defs definitions $vocabulary $comment type enum const properties patternProperties"
    " additionalProperties propertyNames items prefixItems additionalItems contains minContains"
    " maxContains required dependentRequired dependentSchemas dependencies allOf anyOf oneOf"
    " not if then else minimum maximum exclusiveMinimum exclusiveMaximum multipleOf minLength"
    " maxLength pattern format minItems maxItems uniqueItems minProperties maxProperties"
    " unevaluatedItems unevaluatedProperties contentSchema contentEncoding title deprecated"
    " default examples a b"
).split()
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 3),
    st.sampled_from([1.5, -0.5, 0.0, 2.0]),
    st.sampled_from(
        [
            "string",
            "object",
            "integer",
            "strin",
            "#/$defs/a",
            "#meta",
            "a",
            "[",
            "^a+$",
            "x\\",
            "http://example.com/s",
            "https://json-schema.org/draft/2020-12/schema",
            ":/\x00",
        ]
    ),
)
SCHEMAS = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.dictionaries(st.sampled_from(KEYWORDS), inner, max_size=5),
        st.lists(inner, max_size=3),
    ),
    max_leaves=25,
)


def problems(cls: type[Any], schema: Any, flat: bool) -> list[SchemaProblem]:
    doc = parse_json(json.dumps(schema))
    meta = None if flat else cls(cls.META_SCHEMA, format_checker=cls.FORMAT_CHECKER)
    return _meta_problems(cls, schema, doc, "values.schema.json", meta)


@pytest.mark.parametrize("cls", DRAFTS, ids=lambda c: c.__name__)
@settings(max_examples=300, deadline=None)
@given(schema=st.dictionaries(st.sampled_from(KEYWORDS), SCHEMAS, max_size=6))
def test_same_problems_as_the_draft_meta_schema(cls: type[Any], schema: Any) -> None:
    assert problems(cls, schema, flat=True) == problems(cls, schema, flat=False)


BROKEN: list[Any] = [
    {"type": "strin"},
    {"type": ["string", "string"]},
    {"properties": {"a": {"minLength": -1}, "b": {"items": {"maxItems": 1.5}}}},
    {"pattern": "["},
    {"patternProperties": {"[": {}}},
    {"$defs": {"x": {"items": 3}}, "allOf": []},
    {"definitions": {"x": {"required": ["a", "a"]}}},
    {"dependencies": {"a": 5, "b": ["c", 1]}},
    {"$recursiveRef": 3, "$dynamicRef": 4, "$ref": 5},
    {"anyOf": [{"not": {"if": {"then": {"else": {"enum": 1}}}}}]},
    {"prefixItems": [{"contains": {"minContains": "1"}}], "unevaluatedProperties": 0},
]


@pytest.mark.parametrize("cls", DRAFTS[:2], ids=lambda c: c.__name__)
@pytest.mark.parametrize("schema", BROKEN, ids=json.dumps)
def test_broken_schemas(cls: type[Any], schema: Any) -> None:
    found = problems(cls, schema, flat=True)
    assert found  # each is broken in both drafts
    assert found == problems(cls, schema, flat=False)


@pytest.mark.parametrize("cls", DRAFTS[:2], ids=lambda c: c.__name__)
def test_meta_schema_is_one_resource(cls: type[Any]) -> None:
    flat = flat_meta_schema(cls)
    assert meta_validator(cls).schema == flat  # not the fallback to the draft's own
    refs: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            refs.extend((k, v) for k, v in node.items() if k.endswith("Ref") or k == "$ref")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(flat)
    pointers = [v for k, v in refs if isinstance(v, str)]
    assert pointers and all(k == "$ref" for k, v in refs if isinstance(v, str))
    assert all(ref.startswith("#") for ref in pointers)
    assert len(flat["allOf"]) == len(cls.META_SCHEMA["allOf"])


def test_single_resource_drafts_are_unchanged() -> None:
    for cls in DRAFTS[2:]:
        assert flat_meta_schema(cls) is cls.META_SCHEMA
