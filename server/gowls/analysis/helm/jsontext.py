"""JSON text with positions: where each value and object key of a JSON document lies.

``json.loads`` gives the data and, on failure, the line and column of the error; this module adds
the spans (zero-based line, byte column) of every value and key, addressed by its path of object
keys and array indexes, so a schema problem can be reported on the exact range.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field

from gowls.syntax.positions import LineIndex, Point, Span

Path = tuple[str | int, ...]

_TOKEN = re.compile(
    rb'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<num>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)'
    rb"|(?P<lit>true|false|null)|(?P<punct>[{}\[\]:,]))"
)


@dataclass
class JsonText:
    """A parsed JSON document: its data, or the error, and the spans of values and keys."""

    data: object = None
    error: str | None = None
    error_at: Point | None = None
    values: dict[Path, Span] = field(default_factory=dict)
    keys: dict[Path, Span] = field(default_factory=dict)

    def span(self, path: Path) -> Span | None:
        """The span of the key naming ``path`` if there is one, else of its value."""
        return self.keys.get(path) or self.values.get(path)


def parse_json(text: str) -> JsonText:
    """Parse ``text``; never raises. On a syntax error, ``error``/``error_at`` are set."""
    index = LineIndex(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        line = exc.lineno - 1
        chars = text.split("\n")[line][: exc.colno - 1] if line < text.count("\n") + 1 else ""
        return JsonText(error=exc.msg, error_at=Point(line, len(chars.encode("utf-8"))))
    except RecursionError:
        return JsonText(error="JSON nested too deeply", error_at=Point(0, 0))
    doc = JsonText(data=data)
    _Walker(index, doc).run()
    return doc


class _Walker:
    """Walks the tokens of already-valid JSON and records spans."""

    def __init__(self, index: LineIndex, doc: JsonText) -> None:
        self.index = index
        self.data = index.data
        self.doc = doc
        self.pos = 0

    def run(self) -> None:
        # Positions are best effort; the data itself came from json.loads.
        with contextlib.suppress(IndexError, ValueError, RecursionError):
            self._value(())

    def _next(self) -> tuple[str, int, int]:
        m = _TOKEN.match(self.data, self.pos)
        if m is None or m.lastgroup is None:
            raise ValueError("unexpected JSON token")
        self.pos = m.end()
        return m.lastgroup, m.start(m.lastgroup), m.end(m.lastgroup)

    def _span(self, start: int, end: int) -> Span:
        return Span(self.index.point(start), self.index.point(end))

    def _value(self, path: Path) -> None:
        kind, start, end = self._next()
        tok = self.data[start:end]
        if kind == "punct" and tok == b"{":
            self._object(path)
        elif kind == "punct" and tok == b"[":
            self._array(path)
        elif kind == "punct":
            raise ValueError("unexpected punctuation")
        else:
            end = self.pos
        self.doc.values[path] = self._span(start, end if kind != "punct" else self.pos)

    def _object(self, path: Path) -> None:
        kind, start, end = self._next()
        if self.data[start:end] == b"}":
            return
        while True:
            if kind != "str":
                raise ValueError("expected key")
            key = json.loads(self.data[start:end])
            child = (*path, key)
            self.doc.keys[child] = self._span(start, end)
            self._next()  # ':'
            self._value(child)
            kind, start, end = self._next()
            if self.data[start:end] == b"}":
                return
            kind, start, end = self._next()

    def _array(self, path: Path) -> None:
        save = self.pos
        _, start, end = self._next()
        if self.data[start:end] == b"]":
            return
        self.pos = save
        i = 0
        while True:
            self._value((*path, i))
            i += 1
            _, start, end = self._next()
            if self.data[start:end] == b"]":
                return
