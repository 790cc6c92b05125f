"""The validators of schemas themselves (a values.schema.json against its draft's meta-schema).

Drafts 2019-09 and 2020-12 assemble their meta-schema from vocabulary meta-schemas, each its
own resource, which refer back to the whole with ``$recursiveRef: "#"`` / ``$dynamicRef:
"#meta"``. Following those is most of the time ``jsonschema`` spends checking a large schema:
every subschema of it walks the dynamic scope and looks its resources up again. Checking
starts at the draft's meta-schema, the outermost resource with that anchor, so every such
reference means that one schema: :func:`flat_meta_schema` writes the same meta-schema as one
resource, the vocabularies inlined where the ``allOf`` referred to them and every recursive
or dynamic reference a plain ``$ref: "#"``. Keywords, their order and their values are the
meta-schema's, so a schema gets the same errors, in the same order, with the same paths and
messages (``tests/unit/test_helm_metaschema.py`` compares them), two to three times faster.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urljoin

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

RESOURCE_KEYWORDS = frozenset(
    {"$id", "$schema", "$vocabulary", "$dynamicAnchor", "$recursiveAnchor"}
)
"""What makes a vocabulary meta-schema a resource of its own; dropped when it is inlined."""


class NotFlat(Exception):
    """The meta-schema is not shaped as this module expects (another ``jsonschema`` release)."""


@functools.cache
def meta_validator(cls: type[Validator]) -> Validator:
    """The validator of schemas of draft ``cls`` (one per draft and process), with format
    assertions on as Helm 4's."""
    try:
        meta = flat_meta_schema(cls)
    except NotFlat:
        meta = cls.META_SCHEMA
    return cls(meta, format_checker=cls.FORMAT_CHECKER)


def flat_meta_schema(cls: type[Validator]) -> dict[str, Any]:
    """``cls.META_SCHEMA`` as one resource; the same schema for drafts that already are one."""
    from jsonschema_specifications import REGISTRY  # type: ignore[import-untyped]

    root = cast("dict[str, Any]", cls.META_SCHEMA)
    parts = root.get("allOf")
    if not isinstance(parts, list) or not any(_vocabulary_ref(p) for p in parts):
        return root
    base = root["$id"]
    inlined: dict[str, str] = {}  # a vocabulary's URI -> where it now lies
    for i, part in enumerate(parts):
        ref = _vocabulary_ref(part)
        if ref is not None:
            inlined[urljoin(base, ref)] = f"#/allOf/{i}"
    flat = {key: _rewrite(value, base, base, inlined) for key, value in root.items()}
    for uri, where in inlined.items():
        try:
            vocabulary = cast("dict[str, Any]", REGISTRY.contents(uri))
        except LookupError as exc:
            raise NotFlat(uri) from exc
        body = {k: v for k, v in vocabulary.items() if k not in RESOURCE_KEYWORDS}
        flat["allOf"][int(where.rsplit("/", 1)[1])] = {
            key: _rewrite(value, uri, base, inlined) for key, value in body.items()
        }
    return flat


def _vocabulary_ref(part: object) -> str | None:
    """The reference of an ``allOf`` entry that is only ``{"$ref": "meta/..."}``."""
    if isinstance(part, dict) and list(part) == ["$ref"] and isinstance(part["$ref"], str):
        ref = part["$ref"]
        return ref if "#" not in ref else None
    return None


def _rewrite(node: object, own: str, base: str, inlined: dict[str, str]) -> Any:
    """``node`` (a part of the resource ``own``) with its references pointing into the flat
    meta-schema. (A meta-schema's defaults and enums hold no ``$ref`` key to mistake.)"""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("$dynamicRef", "$recursiveRef") and isinstance(value, str):
                if value not in ("#meta", "#"):
                    raise NotFlat(f"{key}: {value}")
                out["$ref"] = "#"
            elif key == "$ref" and isinstance(value, str):
                out[key] = _target(urljoin(own, value), base, inlined)
            else:
                out[key] = _rewrite(value, own, base, inlined)
        return out
    if isinstance(node, list):
        return [_rewrite(value, own, base, inlined) for value in node]
    return node


def _target(uri: str, base: str, inlined: dict[str, str]) -> str:
    """Where the absolute reference ``uri`` points in the flat meta-schema."""
    document, _, fragment = uri.partition("#")
    if document == base:
        return "#" + fragment
    if document in inlined and (not fragment or fragment.startswith("/")):
        return inlined[document] + fragment
    raise NotFlat(uri)
