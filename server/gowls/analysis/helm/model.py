"""Chart-wide facts read through a snapshot: what the templates read, what the values define.

Each is memoised per snapshot, so every template and values file of a chart shares them.
"""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.helm.documents import (
    SnapshotReader,
    chart_model,
    template_file,
    template_paths,
    top_chart_root,
    values_file,
)
from gowls.analysis.helm.schema import Schema
from gowls.analysis.helm.templates import TemplateReads, ValuesPath, template_reads
from gowls.analysis.helm.usage import ChartReads, collect_reads, strings_with_actions
from gowls.analysis.helm.values import Chart, coalesce_chart, lookup
from gowls.analysis.snapshot import Snapshot


def own_reads(snapshot: Snapshot, root: Path, aspect: str) -> list[TemplateReads]:
    """The reads of the chart's own templates and of its values strings passed to ``tpl``;
    ``aspect``: what of them the caller uses (``reads`` or ``writes``)."""
    out: list[TemplateReads] = []
    for path in template_paths(snapshot, root):
        doc = template_file(snapshot, path, aspect)
        if doc is not None:
            out.append(doc.reads)
    out.extend(values_strings_reads(snapshot, root))
    return out


def values_strings_reads(snapshot: Snapshot, root: Path) -> list[TemplateReads]:
    """The reads of the strings of the chart's values.yaml that hold actions (charts pass them
    to ``tpl``); kept across passes while values.yaml is unchanged (a template edit does not
    scan them again)."""

    def build() -> list[TemplateReads]:
        values = values_file(snapshot, root / "values.yaml")
        if values is None:
            return []
        return [template_reads(t.encode("utf-8")) for t in strings_with_actions(values.values.data)]

    return snapshot.memo(("helm values strings reads", root), build, shared=True)


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
        return collect_reads(own_reads(snapshot, root, "reads"), subs, conditions)

    return snapshot.memo(("helm chart reads", root), build)


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
    """What a chart's templates may read without it being undefined."""

    def __init__(self, datas: list[object], schema: Schema | None, writes: list[ValuesPath]):
        self.datas = datas
        self.schema = schema
        self.writes = writes

    @property
    def merged(self) -> object:
        """The chart's coalesced default values."""
        return self.datas[0] if self.datas else None


def defined_values(snapshot: Snapshot, root: Path) -> DefinedValues:
    """The values the chart at ``root`` sees (as a subchart of its outermost parent too)."""

    def build() -> DefinedValues:
        reader = SnapshotReader(snapshot)
        chart = chart_model(snapshot, root)
        top = chart_model(snapshot, top_chart_root(snapshot, root))
        keys = _keys_to(top, root) or ()
        datas: list[object] = [lookup(coalesce_chart(top, {}, reader), keys)]
        for path in top.values_files:
            datas.append(lookup(reader.load(path), keys))
        if top.root != root:
            datas.extend(reader.load(path) for path in chart.values_files)
        writes = [w for reads in own_reads(snapshot, root, "writes") for w in reads.writes]
        return DefinedValues(datas, chart.schema, writes)

    return snapshot.memo(("helm defined values", root), build)
