"""Chart-wide facts read through a snapshot: what the templates read, what the values define.

Each is memoised per snapshot, so every template and values file of a chart shares them.
"""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.helm.documents import (
    TEMPLATED,
    SnapshotReader,
    chart_model,
    record_facets,
    template_file,
    template_paths,
    top_chart_root,
    values_file,
)
from gowls.analysis.helm.language import READS_FACET, WRITES_FACET
from gowls.analysis.helm.schema import Schema
from gowls.analysis.helm.templates import TemplateReads, ValuesPath, template_reads
from gowls.analysis.helm.usage import ChartReads, collect_reads, strings_with_actions
from gowls.analysis.helm.values import Chart, coalesce_chart, lookup
from gowls.analysis.snapshot import Snapshot


def own_reads(
    snapshot: Snapshot, root: Path, facet: str, templated: bool = False
) -> list[TemplateReads]:
    """The reads of the chart's own templates and of its values strings passed to ``tpl``;
    ``facet``: what of the templates the caller uses (``READS_FACET`` or ``WRITES_FACET``);
    ``templated``: values.yaml read as its facet :data:`TEMPLATED`, recorded by the caller."""
    out: list[TemplateReads] = []
    for path in template_paths(snapshot, root):
        doc = template_file(snapshot, path, facet)
        if doc is not None:
            out.append(doc.reads)
    values = values_file(snapshot, root / "values.yaml", templated)
    if values is not None:
        # Per top-level value, kept for the values a re-parse shares (an edit reads only the
        # strings of what it rebuilt); in the order of one walk of the whole data (last first).
        for reads in reversed(values.values.per_value("templated reads", _templated_reads)):
            out.extend(reads)
    return out


def _templated_reads(data: object) -> list[TemplateReads]:
    """The reads of the strings with actions in ``data`` (``tpl`` strings)."""
    return [template_reads(text.encode("utf-8")) for text in strings_with_actions(data)]


def chart_reads(snapshot: Snapshot, root: Path) -> ChartReads:
    """Everything the chart at ``root`` and its subcharts read, in the chart's values space."""

    def build() -> ChartReads:
        chart = chart_model(snapshot, root)
        subs = {key: chart_reads(snapshot, sub.root) for key, sub in chart.subcharts.items()}
        conditions: list[ValuesPath] = []
        for dep in chart.dependencies:
            if dep.condition:
                conditions.extend(tuple(c.strip().split(".")) for c in dep.condition.split(","))
            conditions.extend(("tags", tag) for tag in dep.tags)
        return collect_reads(own_reads(snapshot, root, READS_FACET), subs, conditions)

    return snapshot.memo(("helm chart reads", root), build, shared=True)


def unpacked_all(chart: Chart) -> bool:
    """Whether every Chart.yaml dependency is unpacked under charts/ (else what they read,
    including the parent's values through their helpers, is unknown)."""
    return all(dep.key in chart.subcharts for dep in chart.dependencies)


def _keys_to(top: Chart, root: Path) -> tuple[str, ...] | None:
    if top.root == root:
        return ()
    for key, sub in top.subcharts.items():
        below = _keys_to(sub, root)
        if below is not None:
            return (key, *below)
    return None


class DefinedValues:
    """What a chart's templates may read without it being undefined.

    The values files in ``faceted`` (those of a chart that is no subchart) are read as
    facets: a reader records the ones it uses with :meth:`record`."""

    def __init__(
        self,
        datas: list[object],
        schema: Schema | None,
        writes: list[ValuesPath],
        faceted: tuple[Path, ...] = (),
        subcharts: frozenset[str] = frozenset(),
    ):
        self.datas = datas
        self.schema = schema
        self.writes = writes
        self.faceted = faceted
        self.subcharts = subcharts
        """Keys of the subcharts (their values merge the parent's ``global``)."""

    @property
    def merged(self) -> object:
        """The chart's coalesced default values."""
        return self.datas[0] if self.datas else None

    def record(self, snapshot: Snapshot, reads: TemplateReads) -> None:
        """Record what a template's check of these values reads of the faceted files: the
        top-level keys of its reads (with ``global`` when one is a subchart's, which the
        parent's ``global`` is merged into), and the templated strings (their writes)."""
        if not self.faceted:
            return
        first = {ref.path[0] for ref in reads.refs if ref.path}
        if not first.isdisjoint(self.subcharts):
            first.add("global")
        record_facets(snapshot, self.faceted, (*first, TEMPLATED))


def defined_values(snapshot: Snapshot, root: Path) -> DefinedValues:
    """The values the chart at ``root`` sees (as a subchart of its outermost parent too).

    Its own values files are read as facets: every caller whose results are kept records
    what it used with :meth:`DefinedValues.record`."""

    def build() -> DefinedValues:
        chart = chart_model(snapshot, root)
        top = chart_model(snapshot, top_chart_root(snapshot, root))
        faceted = tuple(top.values_files) if top.root == root else ()
        reader = SnapshotReader(snapshot, frozenset(faceted))
        keys = _keys_to(top, root) or ()
        datas: list[object] = [lookup(coalesce_chart(top, {}, reader), keys)]
        for path in top.values_files:
            datas.append(lookup(reader.load(path), keys))
        if top.root != root:
            datas.extend(reader.load(path) for path in chart.values_files)
        own = own_reads(snapshot, root, WRITES_FACET, root / "values.yaml" in faceted)
        writes = [w for reads in own for w in reads.writes]
        subcharts = frozenset(top.subcharts) if faceted else frozenset()
        return DefinedValues(datas, chart.schema, writes, faceted, subcharts)

    return snapshot.memo(("helm defined values", root), build)
