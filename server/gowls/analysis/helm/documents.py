"""Helm chart files as documents, and the chart model read through a snapshot.

Values files (``values*.yaml``/``values*.yml`` beside a Chart.yaml, ``ci/*.yaml`` below one) and
values.schema.json files are recognised here; both are parsed without ever failing.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from gowls.analysis.helm.jsontext import JsonText, parse_json
from gowls.analysis.helm.language import (
    CHART_FILE,
    SCHEMA_KIND,
    SETTINGS_SECTION,
    TEMPLATE_FACETS,
    TEMPLATE_KIND,
    TEMPLATE_SUFFIXES,
    VALUES_KIND,
    values_chart_root,
)
from gowls.analysis.helm.schema import Schema, load_schema_text
from gowls.analysis.helm.templates import TemplateReads, golang_fed, template_reads
from gowls.analysis.helm.usage import strings_with_actions
from gowls.analysis.helm.values import (
    Chart,
    ChartReader,
    load_chart,
)
from gowls.analysis.helm.yamlvalues import ValuesDocument, same_data, values_document
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import is_dir
from gowls.syntax.comments import CommentToken
from gowls.syntax.gotemplate import TemplateScan, rescan_template, scan_template
from gowls.syntax.positions import LineIndex, Point, Span
from gowls.syntax.yaml import YamlDocument, YamlProblem, parse_yaml, reparse_yaml

T = TypeVar("T")


@dataclass(frozen=True)
class ValuesFile:
    """A values file: its YAML document and Helm's data with source sites."""

    yaml: YamlDocument
    values: ValuesDocument

    @property
    def index(self) -> LineIndex:
        """Line starts of the text."""
        return self.yaml.index

    @property
    def problems(self) -> Sequence[YamlProblem]:
        """YAML syntax problems."""
        return self.yaml.problems

    def comments(self) -> Iterator[CommentToken]:
        """The ``#`` comments."""
        for comment in self.yaml.comments:
            yield CommentToken(comment.span, comment.text)


class ValuesFacts:
    """What other files' checks learn from a values file (or a Chart.yaml read as one): its
    Helm data, compared strictly (:func:`same_data`), never spans, comments or layout. Shaped
    for the kind's ``facts`` hook (early cutoff): an edit that leaves the data equal (a
    comment, a duplicate key that keeps the same last value, a blank line) re-checks no
    template of the chart.

    Spans of a values file reach other files' results only in HL106's "add the value" fix,
    which editors get from a fresh check of the template (code actions re-run its rules)."""

    __slots__ = ("data",)

    def __init__(self, data: object) -> None:
        self.data = data

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ValuesFacts) and same_data(self.data, other.data)

    def __hash__(self) -> int:
        # Equal data have the same top-level type and size: a coarse hash consistent with
        # __eq__ that never walks the data (facts are compared, not hashed, in practice).
        data = self.data
        return hash((type(data).__name__, len(data) if isinstance(data, dict | list) else 0))


def values_facts(doc: ValuesFile) -> ValuesFacts:
    """The facts of a values file for early cutoff (:class:`ValuesFacts`)."""
    return ValuesFacts(doc.values.data)


TEMPLATED: Hashable = ("strings with actions",)
"""The facet of a values file's strings that hold template actions (``tpl`` reads them); the
others are its top-level keys."""


def values_facet_changes(old: ValuesFile, new: ValuesFile) -> frozenset[Hashable] | None:
    """The facets of a values file that differ between ``old`` and ``new``: the top-level
    keys whose data differ (:func:`same_data`), and :data:`TEMPLATED` when the strings with
    actions under them differ; None when either is not a mapping. Keys whose subtree a
    re-parse shared are not walked."""
    a, b = old.values.data, new.values.data
    if not isinstance(a, dict) or not isinstance(b, dict):
        return None
    changed: set[Hashable] = set()
    for key in a.keys() | b.keys():
        if key not in a or key not in b or not same_data(a[key], b[key]):
            changed.add(key)
    if any(strings_with_actions(a.get(k)) != strings_with_actions(b.get(k)) for k in changed):
        changed.add(TEMPLATED)
    return frozenset(changed)


@dataclass(frozen=True, slots=True)
class JsonProblem:
    """A JSON syntax error."""

    span: Span
    message: str


@dataclass(frozen=True)
class SchemaFile:
    """A values.schema.json: its JSON text with positions."""

    index: LineIndex
    json: JsonText
    text: str
    problems: tuple[JsonProblem, ...] = field(default=())

    def comments(self) -> Iterator[CommentToken]:
        """JSON has no comments."""
        return iter(())


@dataclass(frozen=True, slots=True)
class TemplateSyntaxProblem:
    """A template error from the scanner, as a span."""

    span: Span
    message: str


@dataclass(frozen=True)
class TemplateFile:
    """A chart template: the scanner's view and what it reads from ``.Values``."""

    index: LineIndex
    scan: TemplateScan
    reads: TemplateReads
    problems: tuple[TemplateSyntaxProblem, ...]
    derived: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)
    """Results of pure functions of this document (``derive``), kept while the parse cache
    keeps it: re-checking an unchanged template replays them."""

    def derive(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, once per document and ``key`` (``compute`` must depend on nothing
        but this document and what ``key`` names)."""
        try:
            return cast(T, self.derived[key])
        except KeyError:
            value = self.derived[key] = compute()
            return value

    def span(self, start: int, end: int) -> Span:
        """Byte offsets as a span."""
        return Span(self.index.point(start), self.index.point(end))

    def comments(self) -> Iterator[CommentToken]:
        """The ``{{/* */}}`` comments."""
        for comment in self.scan.comments:
            yield CommentToken(self.span(comment.start, comment.end), comment.text)


def parse_template_file(data: bytes, path: Path) -> TemplateFile:
    """Scan a template; never raises."""
    return _template_file(data, scan_template(data), None)


def reparse_template_file(data: bytes, path: Path, previous: TemplateFile) -> TemplateFile:
    """A template's new text scanned and read from its previous document (what lies before
    the edit is not read again)."""
    return _template_file(data, rescan_template(previous.scan, data), previous.reads)


TemplateFacts = tuple[
    tuple[frozenset[tuple[str, ...]], bool], frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]
]


def template_facts(doc: TemplateFile) -> TemplateFacts:
    """What the checks of other files learn from a template, one value per facet of
    ``TEMPLATE_FACETS`` (``language.py``): the values paths it reads and whether it reads
    ``.Values`` dynamically, the paths it ``set``s, and the paths it feeds to a ``golang:``
    image (never offsets or text). An edit that leaves them equal changes no other file's
    findings."""

    def compute() -> TemplateFacts:
        reads = doc.reads
        return (
            (frozenset(r.path for r in reads.refs), bool(reads.dynamic)),
            frozenset(reads.writes),
            template_golang_fed(doc),
        )

    return doc.derive("facts", compute)


def template_golang_fed(doc: TemplateFile) -> frozenset[tuple[str, ...]]:
    """Values paths ``doc`` writes right after ``golang:`` (once per document)."""
    return doc.derive("golang-fed paths", lambda: golang_fed(doc.scan, doc.reads, doc.index.data))


def _template_file(data: bytes, scan: TemplateScan, previous: TemplateReads | None) -> TemplateFile:
    index = LineIndex(data)
    problems = tuple(
        TemplateSyntaxProblem(Span(index.point(p.start), index.point(p.end)), p.message)
        for p in scan.problems
    )
    try:
        reads = template_reads(data, scan, previous)
    except RecursionError:  # parentheses nested hundreds deep: hostile, not a chart
        reads = TemplateReads()
        at = Span(Point(0, 0), Point(0, 0))
        message = "expressions nested too deeply to follow: values reads are not checked"
        problems = (*problems, TemplateSyntaxProblem(at, message))
    return TemplateFile(index, scan, reads, problems)


def template_facet_changes(old: TemplateFile, new: TemplateFile) -> frozenset[Hashable]:
    """The facets (of ``TEMPLATE_FACETS``) whose part of ``template_facts`` differs."""
    pairs = zip(TEMPLATE_FACETS, template_facts(old), template_facts(new), strict=True)
    return frozenset(facet for facet, before, after in pairs if before != after)


def template_file(snapshot: Snapshot, path: Path, facet: str | None = None) -> TemplateFile | None:
    """The template document at ``path``; ``facet`` (one of ``TEMPLATE_FACETS``): the caller
    uses only that part of its facts (its analysis is re-checked only when that changes)."""
    parsed = snapshot.parsed(
        path, TEMPLATE_KIND, parse_template_file, reparse_template_file, facet is not None
    )
    if facet is not None:
        snapshot.source.read_facets(path, TEMPLATE_KIND, (facet,))
    return parsed if isinstance(parsed, TemplateFile) else None


def template_paths(snapshot: Snapshot, root: Path) -> list[Path]:
    """The template files of the chart at ``root`` (not those of its subcharts)."""
    templates = root / "templates"
    if not snapshot.source.is_listed_dir(templates):
        return []
    return [p for p in snapshot.source.walk(templates, _is_template_name)]


def _is_template_name(name: str) -> bool:
    return name.endswith(TEMPLATE_SUFFIXES)


def parse_values_file(data: bytes, path: Path) -> ValuesFile:
    """Parse a values file (or Chart.yaml); never raises."""
    doc = parse_yaml(data)
    return ValuesFile(doc, values_document(doc))


def reparse_values_file(data: bytes, path: Path, previous: ValuesFile) -> ValuesFile:
    """A values file's new text parsed from its previous document (unchanged parts reused)."""
    doc = reparse_yaml(previous.yaml, data)
    return ValuesFile(doc, values_document(doc, previous.values))


def parse_schema_file(data: bytes, path: Path) -> SchemaFile:
    """Parse a values.schema.json; never raises."""
    text = data.decode("utf-8", "replace")
    parsed = parse_json(text)
    problems: tuple[JsonProblem, ...] = ()
    if parsed.error is not None:
        at = parsed.error_at or Point(0, 0)
        problems = (JsonProblem(Span(at, at), parsed.error),)
    return SchemaFile(LineIndex(data), parsed, text, problems)


def _in_templates(path: Path, root: Path) -> bool:
    return "templates" in path.relative_to(root).parts[:-1]


def _configured(snapshot: Snapshot, path: Path) -> bool:
    """Whether ``.gowls.toml``'s ``[helm] files`` name ``path`` a values file."""
    if not snapshot.settings(SETTINGS_SECTION, path).get("files"):
        return False
    lang = snapshot.language_of(path)
    return lang is not None and lang.name == VALUES_KIND


def values_root(snapshot: Snapshot, path: Path) -> Path | None:
    """The chart of a values file: by its name and place, or for a file ``.gowls.toml``
    names (``[helm] files``), the nearest directory above it with a Chart.yaml."""
    root = values_chart_root(snapshot.source, path)
    if root is not None or not _configured(snapshot, path):
        return root
    for parent in path.parents:
        if snapshot.source.is_file(parent / CHART_FILE):
            return parent
    return None


def _configured_values(snapshot: Snapshot, root: Path, known: list[Path]) -> list[Path]:
    """Values files inside the chart that ``.gowls.toml`` names, beyond Helm's patterns."""
    if not snapshot.settings(SETTINGS_SECTION, root / CHART_FILE).get("files"):
        return []

    def wanted(name: str) -> bool:
        return name.endswith((".yaml", ".yml")) and name != CHART_FILE

    out = []
    for path in sorted(snapshot.source.walk(root, wanted)):
        rel = path.relative_to(root).parts
        if rel[0] in ("templates", "charts") or path in known:
            continue
        if _configured(snapshot, path):
            out.append(path)
    return out


class SnapshotReader(ChartReader):
    """The chart model's reads, through a snapshot (cached, and recorded as dependencies);
    the values files in ``faceted`` are read as facets (their readers record which)."""

    def __init__(self, snapshot: Snapshot, faceted: AbstractSet[Path] = frozenset()) -> None:
        self.snapshot = snapshot
        self.faceted = faceted

    def is_file(self, path: Path) -> bool:
        """Whether ``path`` is a file (or an open buffer)."""
        return self.snapshot.source.is_file(path)

    def load(self, path: Path) -> object:
        """Helm's data for a YAML file."""
        doc = values_file(self.snapshot, path, path in self.faceted)
        return doc.values.data if doc is not None else None

    def children(self, directory: Path, patterns: tuple[str, ...]) -> list[Path]:
        """Matching files directly in ``directory``."""
        if not self.snapshot.source.is_listed_dir(directory):
            return []

        def wanted(name: str) -> bool:
            return any(fnmatch.fnmatchcase(name, p) for p in patterns)

        walked = self.snapshot.source.walk(directory, wanted)
        return sorted(p for p in walked if p.parent == directory)

    def directories(self, directory: Path) -> list[Path]:
        """Directories directly in ``directory``."""
        if not self.snapshot.source.is_listed_dir(directory):
            return []
        try:
            return sorted(p for p in directory.iterdir() if is_dir(p))
        except OSError:  # unreadable: no subcharts seen (its own files say why)
            return []

    def schema(self, path: Path) -> Schema | None:
        """The schema at ``path`` (loaded once per snapshot)."""
        return chart_schema(self.snapshot, path)


def values_file(snapshot: Snapshot, path: Path, facets: bool = False) -> ValuesFile | None:
    """The values document at ``path`` (any YAML file the chart model reads); ``facets``:
    read as some of its facets, which the reader records (``record_facets``)."""
    doc = snapshot.parsed(path, VALUES_KIND, parse_values_file, reparse_values_file, facets)
    return doc if isinstance(doc, ValuesFile) else None


def record_facets(snapshot: Snapshot, paths: Iterable[Path], facets: Iterable[Hashable]) -> None:
    """Record reads of ``facets`` of the values files at ``paths`` (read with ``facets``)."""
    facets = tuple(facets)
    for path in paths:
        snapshot.source.read_facets(path, VALUES_KIND, facets)


def schema_file(snapshot: Snapshot, path: Path) -> SchemaFile | None:
    """The values.schema.json document at ``path``."""
    doc = snapshot.parsed(path, SCHEMA_KIND, parse_schema_file)
    return doc if isinstance(doc, SchemaFile) else None


def chart_schema(snapshot: Snapshot, path: Path) -> Schema | None:
    """The loaded schema at ``path``, or None when there is none; memoised per snapshot."""

    def build() -> Schema | None:
        doc = schema_file(snapshot, path)
        if doc is None:
            return None
        return load_schema_text(doc.text, path.parent, path.name, snapshot.source.read_bytes)

    return snapshot.memo(("helm schema", path), build)


def top_chart_root(snapshot: Snapshot, root: Path) -> Path:
    """The outermost chart that holds the chart at ``root`` as an unpacked subchart."""
    top = root
    while top.parent.name == "charts" and snapshot.source.is_file(top.parent.parent / CHART_FILE):
        top = top.parent.parent
    return top


def chart_model(snapshot: Snapshot, root: Path) -> Chart:
    """The chart at ``root`` with its subcharts; memoised per snapshot."""

    def build() -> Chart:
        chart = load_chart(root, SnapshotReader(snapshot))
        chart.values_files.extend(_configured_values(snapshot, root, chart.values_files))
        return chart

    # Kept between a session's passes while its reads (Chart.yaml, listings, the schema)
    # stand: a values or template edit does not read the chart's tree again.
    return snapshot.memo(("helm chart", root), build, shared=True)
