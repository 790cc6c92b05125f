"""Typed YAML nodes: an acyclic tree of mappings, sequences, scalars and aliases.

Nodes carry no parent pointers (look nodes up by path through ``YamlDocument``). Every span is
in (line, byte column) points. A scalar keeps a map from its decoded value back to its source,
so a range found inside the value (a template, a word) can be shown where it was written.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from gowls.syntax.positions import Span

__all__ = [
    "Piece",
    "ScalarStyle",
    "ScalarValue",
    "YamlAlias",
    "YamlComment",
    "YamlMapping",
    "YamlNode",
    "YamlPair",
    "YamlProblem",
    "YamlScalar",
    "YamlSequence",
]

ScalarValue = None | bool | int | float | str


class ScalarStyle(Enum):
    """How a scalar is written."""

    PLAIN = "plain"
    SINGLE = "single"
    DOUBLE = "double"
    LITERAL = "literal"
    FOLDED = "folded"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of the decoded value (UTF-8 bytes) and the source bytes it came from.

    ``exact`` runs are copied verbatim (value byte i is source byte ``source + i``); the others
    (escapes, folded line breaks) map as a whole onto their source range.
    """

    value: int
    value_end: int
    source: int
    source_end: int
    exact: bool


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = frozenset({".nan", ".NaN", ".NAN"})


@lru_cache(maxsize=16384)
def resolve_core(text: str) -> ScalarValue:
    """The YAML 1.2 core-schema value of an untagged plain scalar (memoised: keys repeat)."""
    if text in _NULLS:
        return None
    if text in _TRUES:
        return True
    if text in _FALSES:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _OCT.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INF.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if text in _NAN:
        return math.nan
    return text


def _resolve_tagged(text: str, tag: str) -> ScalarValue:
    name = tag.removeprefix("tag:yaml.org,2002:").removeprefix("!!")
    if name == "str":
        return text
    core = resolve_core(text.strip())
    if name == "null":
        return None
    if name == "bool":
        return core if isinstance(core, bool) else text
    if name == "int":
        return core if isinstance(core, int) and not isinstance(core, bool) else text
    if name == "float":
        if isinstance(core, (int, float)) and not isinstance(core, bool):
            return float(core)
        return text
    return text


@dataclass(frozen=True, slots=True)
class YamlScalar:
    """A scalar: ``text`` is the decoded value (escapes applied, lines folded)."""

    text: str
    span: Span
    """The whole scalar as written, quotes and block header included."""
    style: ScalarStyle
    tag: str | None = None
    anchor: str | None = None
    content_start: int = 0
    """Byte offset in the file where the value's source starts (after any opening quote)."""
    pieces: tuple[Piece, ...] = field(default=(), repr=False, compare=False)

    def resolve(self) -> ScalarValue:
        """The value under the YAML 1.2 core schema (only plain scalars are typed by default)."""
        if self.tag is not None and self.tag != "!":
            return _resolve_tagged(self.text, self.tag)
        if self.style is ScalarStyle.PLAIN and self.tag is None:
            return resolve_core(self.text)
        return self.text

    @property
    def is_null(self) -> bool:
        """Whether the scalar resolves to null."""
        return self.resolve() is None

    def source_offset(self, value_offset: int) -> int:
        """The file byte offset of byte ``value_offset`` of ``text.encode()``.

        Exact inside verbatim runs (plain and single-quoted text, double-quoted text without
        escapes, block scalar lines); an offset inside an escape or a folded line break maps to
        the start of its source (or, for the value's end, to the end of the source).
        """
        pieces = self.pieces
        if not pieces:
            return self.content_start
        if value_offset >= pieces[-1].value_end:
            return pieces[-1].source_end
        if value_offset <= 0:
            return pieces[0].source
        i = bisect.bisect_right(pieces, value_offset, key=lambda p: p.value) - 1
        piece = pieces[max(i, 0)]
        if piece.exact:
            return piece.source + (value_offset - piece.value)
        return piece.source

    def source_range(self, value_start: int, value_end: int) -> tuple[int, int]:
        """File byte offsets of the value byte range ``[value_start, value_end)``."""
        start = self.source_offset(value_start)
        if value_end <= value_start:
            return start, start
        last = self.source_offset(value_end - 1)
        pieces = self.pieces
        i = bisect.bisect_right(pieces, value_end - 1, key=lambda p: p.value) - 1
        if 0 <= i < len(pieces) and not pieces[i].exact:
            return start, pieces[i].source_end
        return start, max(start, last + 1)


@dataclass(frozen=True, slots=True)
class YamlAlias:
    """``*name``; ``target`` is the anchored node it names (None when unknown or recursive)."""

    name: str
    span: Span
    target: YamlNode | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class YamlPair:
    """One ``key: value`` entry. ``key`` is None only in broken text (``: x``)."""

    key: YamlNode | None
    value: YamlNode | None
    """None when the value is empty (``key:``)."""
    span: Span

    @property
    def key_text(self) -> str | None:
        """The decoded key when it is a scalar."""
        return self.key.text if isinstance(self.key, YamlScalar) else None


@dataclass(frozen=True, slots=True)
class YamlMapping:
    """A block or flow mapping, pairs in source order (duplicates kept)."""

    pairs: tuple[YamlPair, ...]
    span: Span
    flow: bool = False
    tag: str | None = None
    anchor: str | None = None

    def get(self, key: str) -> YamlPair | None:
        """The first pair whose scalar key is ``key`` (merge keys not applied)."""
        for pair in self.pairs:
            if pair.key_text == key:
                return pair
        return None

    def keys(self) -> Iterator[str]:
        """The scalar keys in source order."""
        for pair in self.pairs:
            text = pair.key_text
            if text is not None:
                yield text


@dataclass(frozen=True, slots=True)
class YamlSequence:
    """A block or flow sequence. An empty entry (``-`` alone) is an empty plain scalar."""

    items: tuple[YamlNode, ...]
    span: Span
    flow: bool = False
    tag: str | None = None
    anchor: str | None = None


YamlNode = YamlScalar | YamlMapping | YamlSequence | YamlAlias


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """A syntax or structure error."""

    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class YamlComment:
    """A ``#`` comment; ``text`` is what follows the ``#``."""

    span: Span
    text: str
