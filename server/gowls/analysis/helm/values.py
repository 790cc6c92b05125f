"""Helm's values: which files a chart has, and how Helm merges them before validating.

Works on plain data (dicts, lists, scalars as Helm reads them); files are read through a
:class:`ChartReader`, so the language server reads through its snapshot (recording what it read)
and tests read the disk (:class:`DiskReader`).
What is modelled (Helm 3 and 4 agree on it):

- values files: ``values.yaml``, ``values-*.yaml``/``values-*.yml``, ``ci/*.yaml`` (the files
  chart-testing passes with ``-f``);
- unpacked subcharts in ``charts/<dir>/Chart.yaml``; their values live under the subchart's name,
  or its ``alias`` from the parent's Chart.yaml ``dependencies``; the parent's values win;
- ``global``: the parent's globals are copied into every subchart's ``global`` (parent wins);
- ``condition`` (first path that resolves to a boolean, comma-separated) and ``tags`` (enabled if
  any tag is true) decide whether a dependency is included; ``condition`` beats ``tags``;
- ``null``: a null in a higher-priority values source deletes the key (Helm's coalescing);
- YAML keys that are not strings become strings as Helm's YAML-to-JSON step makes them.

Not modelled: packaged subcharts (``charts/*.tgz``), ``import-values``, library charts' own
values, ``--set``.
"""

from __future__ import annotations

import copy
import fnmatch
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from gowls.analysis.helm.language import CI_PATTERNS, VALUES_PATTERNS
from gowls.analysis.helm.schema import InstancePath, Schema, SchemaFinding, load_schema, validate

Values = dict[str, Any]


class ChartReader(Protocol):
    """How the chart model reads files."""

    def is_file(self, path: Path) -> bool:
        """Whether ``path`` is a file."""
        ...

    def load(self, path: Path) -> object:
        """Helm's data for the YAML file at ``path`` (None when missing or empty), as
        :func:`helm_data` makes it: string keys, JSON scalars. Callers only read it (it may be
        the parsed document's own data)."""
        ...

    def children(self, directory: Path, patterns: tuple[str, ...]) -> list[Path]:
        """Files directly in ``directory`` whose names match one of ``patterns``, sorted."""
        ...

    def schema(self, path: Path) -> Schema | None:
        """The schema at ``path``, or None when there is no such file."""
        ...

    def directories(self, directory: Path) -> list[Path]:
        """The directories directly in ``directory``, sorted."""
        ...


class DiskReader:
    """A :class:`ChartReader` on the file system, with a YAML-to-data function."""

    def __init__(self, load: Callable[[Path], object]) -> None:
        self._load = load
        self._schemas: dict[Path, Schema | None] = {}

    def is_file(self, path: Path) -> bool:
        """Whether ``path`` is a file."""
        return path.is_file()

    def load(self, path: Path) -> object:
        """Helm's data of ``path`` (None when missing)."""
        return helm_data(self._load(path)) if path.is_file() else None

    def children(self, directory: Path, patterns: tuple[str, ...]) -> list[Path]:
        """Matching files directly in ``directory``."""
        if not directory.is_dir():
            return []
        return sorted(
            p
            for p in directory.iterdir()
            if p.is_file() and any(fnmatch.fnmatchcase(p.name, pat) for pat in patterns)
        )

    def directories(self, directory: Path) -> list[Path]:
        """The directories directly in ``directory``."""
        return sorted(p for p in directory.iterdir() if p.is_dir()) if directory.is_dir() else []

    def schema(self, path: Path) -> Schema | None:
        """The schema at ``path``, loaded once."""
        if path not in self._schemas:
            self._schemas[path] = load_schema(path) if path.is_file() else None
        return self._schemas[path]


def helm_data(value: object) -> Any:
    """``value`` as Helm sees it after YAML-to-JSON: string keys, JSON scalars."""
    if isinstance(value, dict):
        return {_key(k): helm_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [helm_data(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _key(key: object) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, float) and math.isfinite(key) and key.is_integer():
        return str(int(key))
    return str(key)


def coalesce_tables(dst: Values, src: Values, *, merge: bool = False) -> Values:
    """Helm's ``CoalesceTables``: ``dst`` wins; ``src`` fills gaps; a null in ``dst`` deletes."""
    for key, val in list(dst.items()):
        if val is None:
            src = {**src, key: None}
    for key, val in src.items():
        if key in dst and not merge and dst[key] is None:
            del dst[key]
        elif key not in dst:
            dst[key] = copy.deepcopy(val)
        elif isinstance(val, dict) and isinstance(dst[key], dict):
            coalesce_tables(dst[key], val, merge=merge)
    return dst


def _table(value: object) -> Values:
    return value if isinstance(value, dict) else {}


@dataclass
class Dependency:
    """One entry of Chart.yaml ``dependencies``."""

    name: str
    alias: str | None = None
    condition: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Where its values live in the parent's values."""
        return self.alias or self.name


@dataclass
class Chart:
    """A chart directory: metadata, values files, schema and unpacked subcharts."""

    root: Path
    name: str
    dependencies: list[Dependency] = field(default_factory=list)
    subcharts: dict[str, Chart] = field(default_factory=dict)  # keyed by values key
    values_files: list[Path] = field(default_factory=list)

    @property
    def values_yaml(self) -> Path:
        """The chart's default values file."""
        return self.root / "values.yaml"

    @property
    def schema_file(self) -> Path:
        """values.schema.json (may not exist)."""
        return self.root / "values.schema.json"

    schema: Schema | None = None
    """The loaded values.schema.json, or None when the chart has none."""


def values_files(root: Path, reader: ChartReader) -> list[Path]:
    """The values files of the chart at ``root``: values.yaml first, then the others sorted."""
    found = [p for p in reader.children(root, VALUES_PATTERNS) if p.name != "values.yaml"]
    found += reader.children(root / "ci", CI_PATTERNS)
    first = [root / "values.yaml"] if reader.is_file(root / "values.yaml") else []
    return first + sorted(found)


def load_chart(root: Path, reader: ChartReader, depth: int = 0) -> Chart:
    """Read the chart at ``root`` (its Chart.yaml) and its unpacked subcharts."""
    meta = _table(reader.load(root / "Chart.yaml"))
    chart = Chart(
        root,
        str(meta.get("name", root.name)),
        values_files=values_files(root, reader),
        schema=reader.schema(root / "values.schema.json"),
    )
    for entry in meta.get("dependencies") or []:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            tags = entry.get("tags")
            chart.dependencies.append(
                Dependency(
                    entry["name"],
                    entry.get("alias") if isinstance(entry.get("alias"), str) else None,
                    entry.get("condition") if isinstance(entry.get("condition"), str) else None,
                    tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
                )
            )
    subdirs = [] if depth > 8 else _subchart_dirs(root, reader)
    by_name = {sub.name: sub for sub in (load_chart(d, reader, depth + 1) for d in subdirs)}
    declared = {d.name for d in chart.dependencies}
    for dep in chart.dependencies:
        if dep.name in by_name:
            sub = copy.copy(by_name[dep.name])
            sub.name = dep.key
            chart.subcharts[dep.key] = sub
    for name, sub in by_name.items():
        if name not in declared:
            chart.subcharts[name] = sub
    return chart


def _subchart_dirs(root: Path, reader: ChartReader) -> list[Path]:
    return [d for d in reader.directories(root / "charts") if reader.is_file(d / "Chart.yaml")]


def enabled(dep: Dependency, values: Values) -> bool:
    """Whether Helm includes ``dep`` given the parent's merged ``values``."""
    if dep.condition:
        for cond in dep.condition.split(","):
            found = lookup(values, tuple(cond.strip().split(".")))
            if isinstance(found, bool):
                return found
    if dep.tags:
        tags = _table(values.get("tags"))
        states = [tags[t] for t in dep.tags if isinstance(tags.get(t), bool)]
        if states:
            return any(states)
    return True


_MISSING = object()


def _step(node: object, part: str | int) -> object:
    if isinstance(node, dict):
        return node.get(part, _MISSING)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return _MISSING


def lookup(values: object, path: InstancePath) -> object:
    """The value at ``path`` or None."""
    node = values
    for part in path:
        node = _step(node, part)
        if node is _MISSING:
            return None
    return node


def has_path(values: object, path: InstancePath) -> bool:
    """Whether ``path`` exists in ``values``."""
    node = values
    for part in path:
        node = _step(node, part)
        if node is _MISSING:
            return False
    return True


def coalesce_chart(chart: Chart, user: Values, reader: ChartReader) -> Values:
    """Helm's ``CoalesceValues``: ``user`` over the chart's values, subcharts nested, globals
    pushed down. The result shares subtrees with the reader's data: it modifies neither, and
    its callers must not modify the result."""
    values = copy.deepcopy(user)
    defaults = _table(reader.load(chart.values_yaml))
    for key, val in defaults.items():
        if val is None and key not in values:
            continue  # Helm coalesces twice when rendering; the second pass drops these
        if key in values:
            if values[key] is None:
                del values[key]
            elif isinstance(values[key], dict) and isinstance(val, dict):
                coalesce_tables(values[key], val, merge=key in chart.subcharts)
        else:
            values[key] = val  # shared with the values file's data: never mutated
    for key, sub in chart.subcharts.items():
        sub_values = values.get(key)
        # a copy of the top level only: _push_globals replaces its "global", and
        # coalesce_chart copies the user values it is given before merging into them
        sub_values = dict(sub_values) if isinstance(sub_values, dict) else {}
        _push_globals(sub_values, _table(values.get("global")))
        values[key] = coalesce_chart(sub, sub_values, reader)
    return values


def _push_globals(sub: Values, parent_globals: Values) -> None:
    dst = sub.get("global", {})
    if not isinstance(dst, dict):
        return
    dst = sub["global"] = dict(dst)  # written below: ``sub``'s may be shared data
    for key, val in parent_globals.items():
        if isinstance(val, dict) and isinstance(dst.get(key), dict):
            merged = copy.deepcopy(val)
            coalesce_tables(merged, dst[key], merge=True)
            dst[key] = merged
        elif not isinstance(dst.get(key), dict) or key not in dst:
            dst[key] = copy.deepcopy(val)


@dataclass(frozen=True)
class ChartFinding:
    """A schema finding of one chart (``chart`` is the path of subchart keys from the top)."""

    chart: tuple[str, ...]
    finding: SchemaFinding


def validate_values_file(
    chart: Chart, values_file: Path, reader: ChartReader
) -> list[SchemaFinding]:
    """What ``helm lint [-f values_file]`` reports for the top chart's values.yaml check.

    Helm coalesces the override file over values.yaml with ``CoalesceTables`` (nulls kept when
    nothing overrides them) and validates against the chart's own schema only.
    """
    schema = chart.schema
    if schema is None:
        return []
    defaults = _table(reader.load(chart.values_yaml))
    merged: Values = {}
    if values_file != chart.values_yaml:
        merged = coalesce_tables(merged, _table(reader.load(values_file)))
    merged = coalesce_tables(merged, defaults)
    return validate(schema, merged)


def validate_chart(
    chart: Chart, reader: ChartReader, user: Values | None = None
) -> list[ChartFinding]:
    """What Helm's render step reports: every enabled chart's schema on its coalesced values."""
    values = coalesce_chart(chart, user or {}, reader)
    return list(_validate_tree(chart, values, ()))


def _validate_tree(chart: Chart, values: Values, where: tuple[str, ...]) -> Iterator[ChartFinding]:
    if chart.schema is not None:
        for finding in validate(chart.schema, values):
            yield ChartFinding(where, finding)
    deps = {d.key: d for d in chart.dependencies}
    for key, sub in chart.subcharts.items():
        dep = deps.get(key)
        if dep is not None and not enabled(dep, values):
            continue
        yield from _validate_tree(sub, _table(values.get(key)), (*where, key))
