"""Which YAML values GoReleaser's decoder (go-yaml v3, strict) accepts for each model node.

Learnt from GoReleaser's loader on our cases (tests/goreleaser/cases): a string key takes any
scalar; a boolean key takes true/false unquoted and the YAML 1.1 words (``yes``, ``on``, ``y``
...) even quoted, but not quoted ``"true"`` nor numbers; an integer key takes plain numbers but
not quoted text; null fits anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gowls.analysis.goreleaser.model import Enum, ListOf, MapOf, Node, Obj, OneOf, Scalar
from gowls.syntax.yaml import (
    ScalarStyle,
    YamlMapping,
    YamlNode,
    YamlScalar,
    YamlSequence,
    deref,
)

_BOOL_WORDS = frozenset(
    {
        "y",
        "Y",
        "yes",
        "Yes",
        "YES",
        "on",
        "On",
        "ON",
        "n",
        "N",
        "no",
        "No",
        "NO",
        "off",
        "Off",
        "OFF",
    }
)
"""YAML 1.1 booleans go-yaml still accepts for a bool, quoted or not (but not quoted
``"true"``: that is a string)."""
_NUMBER = re.compile(r"[-+]?(0o?[0-7]+|0x[0-9a-fA-F]+|[0-9][0-9_]*(\.[0-9]*)?([eE][-+]?[0-9]+)?)")


def is_null(node: YamlNode | None) -> bool:
    """Whether the value is absent or null (go-yaml leaves the zero value: always fine)."""
    node = deref(node)
    return node is None or (isinstance(node, YamlScalar) and node.is_null)


def yaml_kind(node: YamlNode | None) -> str:
    """go-yaml's name for the value's kind, as its errors print it (``!!str``, ``!!map``)."""
    node = deref(node)
    if isinstance(node, YamlMapping):
        return "!!map"
    if isinstance(node, YamlSequence):
        return "!!seq"
    if isinstance(node, YamlScalar):
        value = node.resolve()
        if isinstance(value, bool):
            return "!!bool"
        if isinstance(value, int):
            return "!!int"
        if isinstance(value, float):
            return "!!float"
        if value is None:
            return "!!null"
    return "!!str"


def scalar_fits(scalar: YamlScalar, kind: str) -> bool:
    """Whether go-yaml decodes ``scalar`` into a Go value of ``kind``."""
    if kind in ("string", "any") or scalar.is_null:
        return True
    plain = scalar.style is ScalarStyle.PLAIN and scalar.tag is None
    if kind == "bool":
        return (plain and isinstance(scalar.resolve(), bool)) or scalar.text in _BOOL_WORDS
    if kind in ("int", "float"):
        return plain and _NUMBER.fullmatch(scalar.text) is not None
    return True


@dataclass(frozen=True, slots=True)
class Choice:
    """The model node a YAML value decodes as, and whether only Pro accepts that shape."""

    node: Node
    pro_only: bool = False


def choose(model: Node, value: YamlNode | None) -> Choice | None:
    """The shape of ``model`` that ``value`` decodes as, or None when none fits (a type error)."""
    value = deref(value)
    if is_null(value):
        return Choice(model)
    if isinstance(model, OneOf):
        for index, option in enumerate(model.options):
            found = choose(option, value)
            if found is not None:
                return Choice(found.node, found.pro_only or index in model.pro_options)
        return None
    if isinstance(model, Obj | MapOf):
        return Choice(model) if isinstance(value, YamlMapping) else None
    if isinstance(model, ListOf):
        return Choice(model) if isinstance(value, YamlSequence) else None
    if not isinstance(value, YamlScalar):
        return Choice(model) if isinstance(model, Scalar) and model.kind == "any" else None
    kind = model.kind if isinstance(model, Scalar | Enum) else "string"
    return Choice(model) if scalar_fits(value, kind) else None


def go_type(model: Node) -> str:
    """How GoReleaser's errors name the Go type of ``model`` (``[]string``, ``config.Build``)."""
    if isinstance(model, Obj):
        return f"config.{model.name}"
    if isinstance(model, ListOf):
        return f"[]{go_type(model.item)}"
    if isinstance(model, MapOf):
        return f"map[string]{go_type(model.value)}"
    if isinstance(model, OneOf):
        return go_type(model.options[0]) if model.name not in ("StringArray",) else "StringArray"
    if isinstance(model, Scalar):
        return {"int": "int", "bool": "bool", "float": "float64", "any": "any"}.get(
            model.kind, "string"
        )
    return "string"
