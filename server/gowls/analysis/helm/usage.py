"""Which values a chart defines and which its templates read: undefined and unused values.

A values path is *defined* when a values file of the chart writes it (or a parent chart writes
it for this subchart, or a parent's ``global``), when it lies under a value that is null or an
empty mapping (a map left for users to fill), or when values.schema.json declares it.

A values key is *read* when a template of the chart reads it, one of its parents or one of its
children (``toYaml .Values.resources`` reads everything below ``resources``); for a parent
chart, the values it sets for a subchart are read when the subchart's templates read them, and
a dependency's ``condition`` and ``tags`` read their paths.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from gowls.analysis.helm.schema import Schema
from gowls.analysis.helm.templates import TemplateReads, ValuesPath


def defined(data: object, path: ValuesPath) -> bool:
    """Whether ``path`` exists in ``data``, or lies under a null or an empty mapping (below
    the top level: an empty values file defines nothing)."""
    node = data if data is not None else {}
    for depth, key in enumerate(path):
        if depth and (node is None or (isinstance(node, dict) and not node)):
            return True
        if not isinstance(node, dict):
            return True  # under a scalar or list: a different problem, not an undefined key
        if key not in node:
            return False
        node = node[key]
    return True


def declared(schema: Schema | None, path: ValuesPath) -> bool:
    """Whether values.schema.json declares ``path`` (properties, or an open object on the way)."""
    if schema is None or schema.document.data is None:
        return False
    node: object = schema.document.data
    for key in path:
        if not isinstance(node, dict):
            return True
        props = node.get("properties")
        if isinstance(props, dict) and key in props:
            node = props[key]
            continue
        if node.get("patternProperties") or node.get("additionalProperties") not in (None, False):
            return True
        # Combinators and references are not followed here: do not claim it is undeclared.
        return any(k in node for k in ("$ref", "allOf", "anyOf", "oneOf", "$dynamicRef"))
    return True


@dataclass
class ChartReads:
    """The reads of every template of a chart (and of its subcharts, under their keys)."""

    paths: list[tuple[ValuesPath, bool]] = field(default_factory=list)
    """(path, exact) pairs."""
    dynamic: bool = False
    _index: tuple[frozenset[ValuesPath], frozenset[ValuesPath]] | None = field(
        default=None, compare=False, repr=False
    )

    def index(self) -> tuple[frozenset[ValuesPath], frozenset[ValuesPath]]:
        """The paths read, and every proper prefix of one (built on first use: ``paths``
        is complete by then)."""
        if self._index is None:
            read = frozenset(p for p, _ in self.paths)
            below = frozenset(p[:i] for p in read for i in range(len(p)))
            self._index = (read, below)
        return self._index


def collect_reads(
    own: Iterable[TemplateReads],
    subcharts: Mapping[str, ChartReads],
    conditions: Iterable[ValuesPath] = (),
) -> ChartReads:
    """A chart's reads from its templates' reads, its subcharts' reads and its conditions."""
    out = ChartReads()
    for reads in own:
        out.paths.extend((r.path, r.exact) for r in reads.refs)
        out.dynamic = out.dynamic or bool(reads.dynamic)
    for key, sub in subcharts.items():
        for path, exact in sub.paths:
            if path[:1] == ("global",):
                out.paths.append((path, exact))
            out.paths.append(((key, *path), exact))
        if sub.dynamic:
            out.paths.append(((key,), False))
    out.paths.extend((p, True) for p in conditions)
    return out


def strings_with_actions(data: object) -> list[str]:
    """String values that hold template actions: charts pass them to ``tpl``, which reads
    ``.Values`` from them like a template."""
    out: list[str] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and "{{" in node:
            out.append(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return out


def _read_state(reads: ChartReads, path: ValuesPath) -> str:
    """``all`` (the path or a parent is read), ``some`` (a child is), or ``none``."""
    read, below = reads.index()
    if any(path[:i] in read for i in range(len(path) + 1)):
        return "all"
    return "some" if path in below else "none"


def unused_paths(data: object, reads: ChartReads, unknown: Iterable[str] = ()) -> list[ValuesPath]:
    """The highest values keys of ``data`` that nothing reads (none when reads are dynamic).

    ``unknown`` top-level keys are never reported: values for a dependency that is not unpacked
    (its templates cannot be read), and ``global`` when there is such a dependency.
    """
    if reads.dynamic or not isinstance(data, dict) or () in reads.index()[0]:
        return []  # dynamic, or `.Values` read whole: everything is read
    skip = set(unknown)
    out: list[ValuesPath] = []
    _walk({k: v for k, v in data.items() if k not in skip}, (), reads, out)
    return out


def _walk(
    node: dict[str, object], prefix: ValuesPath, reads: ChartReads, out: list[ValuesPath]
) -> None:
    # Only walked below a path none of whose prefixes is read (its state was "some"): a
    # child's state is its own path's, with no prefixes to look at again (_read_state).
    read, below = reads.index()
    for key, value in node.items():
        path = (*prefix, key)
        if path in read:
            continue
        if path not in below:
            out.append(path)
        elif isinstance(value, dict) and value:
            _walk(value, path, reads, out)
