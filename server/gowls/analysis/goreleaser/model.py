"""Node types of the GoReleaser configuration model.

A node says what YAML value a key accepts, as GoReleaser's YAML decoder (go-yaml v3 with
known-fields checking) decodes it: scalars, enums, lists, string-keyed maps, objects and
the unions GoReleaser's own types accept (a single string where a list is expected, a
string or an object, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

ScalarKind = Literal["string", "int", "bool", "float", "any"]

DOCS_ROOT = "https://goreleaser.com/customization/"


@dataclass(frozen=True, slots=True)
class Scalar:
    """A single YAML scalar; ``string`` accepts any scalar (go-yaml keeps its text)."""

    kind: ScalarKind

    @property
    def label(self) -> str:
        """How the type is named in messages and hovers."""
        return {"int": "integer", "bool": "boolean"}.get(self.kind, self.kind)


@dataclass(frozen=True, slots=True)
class Enum:
    """A string from a fixed set; ``pro_values`` are accepted only by GoReleaser Pro.

    GoReleaser decodes these as plain strings and rejects other values only when the
    pipe that uses them runs, so the loader itself never reports them. ``pattern`` (a
    regular expression) accepts values beyond the listed ones, as for ``goarm``.
    """

    name: str
    values: tuple[str, ...]
    pro_values: tuple[str, ...] = ()
    pattern: str = ""
    kind: ScalarKind = "string"

    @property
    def label(self) -> str:
        """How the type is named in messages and hovers."""
        return f"a {self.name} value"

    def allows(self, value: str, *, pro: bool = True) -> bool:
        """Whether ``value`` is one of the allowed values (with Pro's extras when ``pro``)."""
        if value in self.values or (pro and value in self.pro_values):
            return True
        return bool(self.pattern) and re.fullmatch(self.pattern, value) is not None


@dataclass(frozen=True, slots=True)
class ListOf:
    """A YAML sequence of ``item``."""

    item: Node

    @property
    def label(self) -> str:
        """How the type is named in messages and hovers."""
        if isinstance(self.item, Enum):
            return f"list of {self.item.name} values"
        return f"list of {self.item.label}"


@dataclass(frozen=True, slots=True)
class MapOf:
    """A YAML mapping from any string key to ``value``."""

    value: Node

    @property
    def label(self) -> str:
        """How the type is named in messages and hovers."""
        return f"map of string to {self.value.label}"


@dataclass(frozen=True, slots=True)
class OneOf:
    """Any of ``options``, in the order GoReleaser's decoder tries them.

    ``pro_options`` are the indices of options only GoReleaser Pro accepts (Pro's
    ``extra_files`` take a plain glob string, OSS's only a mapping).
    """

    name: str
    options: tuple[Node, ...]
    pro_options: tuple[int, ...] = ()

    def accepted(self, *, pro: bool = True) -> tuple[Node, ...]:
        """The options the given edition accepts."""
        return tuple(o for i, o in enumerate(self.options) if pro or i not in self.pro_options)

    @property
    def label(self) -> str:
        """How the type is named in messages and hovers."""
        return " or ".join(option.label for option in self.options)


@dataclass(frozen=True, slots=True)
class Field:
    """One key of an object, with everything we know about it.

    ``since`` is the GoReleaser version that introduced the key ("2.8"), ``None`` when it
    predates v2. ``pro`` marks keys only GoReleaser Pro accepts. ``templated`` marks values
    GoReleaser renders as templates. ``docs`` is filled from the owning object when empty.
    """

    key: str
    node: Node
    description: str
    default: str | None = None
    since: str | None = None
    pro: bool = False
    templated: bool = False
    docs: str = ""


@dataclass(frozen=True, slots=True)
class Obj:
    """A YAML mapping with a fixed set of keys (GoReleaser rejects any other key).

    ``name`` is GoReleaser's Go type name, as its loader names it in errors
    (``field X not found in type config.<name>``).
    """

    name: str
    docs: str
    fields: tuple[Field, ...]
    by_key: dict[str, Field] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        filled = tuple(f if f.docs else _with_docs(f, self.docs) for f in self.fields)
        object.__setattr__(self, "fields", filled)
        object.__setattr__(self, "by_key", {f.key: f for f in filled})

    @property
    def label(self) -> str:
        """How the type is named in messages and hovers."""
        return f"{self.name} object"

    def get(self, key: str) -> Field | None:
        """The field named ``key``, or ``None``."""
        return self.by_key.get(key)

    def keys(self, *, pro: bool = True) -> tuple[str, ...]:
        """The key names, without Pro-only keys unless ``pro``."""
        return tuple(f.key for f in self.fields if pro or not f.pro)


Node = Scalar | Enum | ListOf | MapOf | OneOf | Obj


def _with_docs(f: Field, docs: str) -> Field:
    return Field(f.key, f.node, f.description, f.default, f.since, f.pro, f.templated, docs)


def docs_url(page: str) -> str:
    """The GoReleaser documentation URL of ``page`` (``package/archives``)."""
    return f"{DOCS_ROOT}{page}/"


STRING = Scalar("string")
INT = Scalar("int")
BOOL = Scalar("bool")
FLOAT = Scalar("float")
ANY = Scalar("any")
STRINGS = ListOf(STRING)
STRING_OR_LIST = OneOf("StringArray", (STRING, STRINGS))
"""GoReleaser's ``StringArray``/``FlagArray``: one string or a list of strings."""
STRING_OR_BOOL = OneOf("string-or-bool", (STRING, BOOL))
"""A templated boolean: ``true``/``false`` or a template that renders to one."""
STRING_OR_INT = OneOf("string-or-int", (STRING, INT))
"""A templated number: an integer or a template that renders to one."""
STRING_MAP = MapOf(STRING)
