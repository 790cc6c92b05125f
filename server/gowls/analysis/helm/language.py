"""Helm values files, values.schema.json and templates as
:class:`~gowls.analysis.language.Language` objects: how a chart's files are recognised and
what they offer; the parsers, rules and features (:mod:`gowls.analysis.helm.parts`) load
when the first file of a chart is analysed."""

from __future__ import annotations

import fnmatch
from collections.abc import Hashable
from pathlib import Path

from gowls.analysis.language import Discovery, Language, Offers, Parts
from gowls.analysis.source import FileSource

VALUES_KIND = "helm-values"
SCHEMA_KIND = "helm-schema"
TEMPLATE_KIND = "helm-template"
CHART_FILE = "Chart.yaml"
SCHEMA_FILE = "values.schema.json"
SETTINGS_SECTION = "helm"

VALUES_PATTERNS = ("values*.yaml", "values*.yml")
CI_PATTERNS = ("*.yaml", "*.yml")
TEMPLATE_SUFFIXES = (".yaml", ".yml", ".tpl", ".txt")

VALUES_TRIGGERS = (":", " ")
TEMPLATE_TRIGGERS = (".", '"')
READS_FACET = "reads"
"""The template facet of its values reads and whether it reads ``.Values`` dynamically (HL107
in values.yaml, a parent chart's too)."""
WRITES_FACET = "writes"
"""The template facet of the paths it ``set``s (HL106 in every template of the chart)."""
GOLANG_FED_FACET = "golang-fed"
"""The template facet of the paths it feeds to a ``golang:`` image (HL108 in values files)."""
TEMPLATE_FACETS = (READS_FACET, WRITES_FACET, GOLANG_FED_FACET)
"""What other files' checks read of a template (``Language.facet_changes``), in the order of
``template_facts``."""


def template_chart_root(source: FileSource, path: Path) -> Path | None:
    """The chart a template belongs to: the nearest ``templates`` ancestor's parent with a
    Chart.yaml."""
    if path.suffix not in TEMPLATE_SUFFIXES:
        return None
    for parent in path.parents:
        if parent.name == "templates" and source.is_file(parent.parent / CHART_FILE):
            return parent.parent
        if parent.name == "charts":
            return None
    return None


def is_template_file(source: FileSource, path: Path) -> bool:
    """Whether ``path`` is a template of a chart."""
    return template_chart_root(source, path) is not None


def values_chart_root(source: FileSource, path: Path) -> Path | None:
    """The chart directory of a values file, or None if ``path`` is not one."""
    name = path.name
    values = any(fnmatch.fnmatchcase(name, p) for p in VALUES_PATTERNS)
    if values and source.is_file(path.parent / CHART_FILE):
        return path.parent
    in_ci = path.parent.name == "ci" and any(fnmatch.fnmatchcase(name, p) for p in CI_PATTERNS)
    if in_ci and source.is_file(path.parent.parent / CHART_FILE):
        return path.parent.parent
    return None


def is_values_file(source: FileSource, path: Path) -> bool:
    """Whether ``path`` is a values file of a chart."""
    return values_chart_root(source, path) is not None


def is_schema_file(source: FileSource, path: Path) -> bool:
    """Whether ``path`` is the values.schema.json of a chart."""
    return path.name == SCHEMA_FILE and source.is_file(path.parent / CHART_FILE)


def _values_parts() -> Parts:
    from gowls.analysis.helm import parts

    return parts.VALUES


def _values_facts(doc: object) -> Hashable:
    """A values file's facts for early cutoff: its Helm data (the document module loads with
    the kind's parts)."""
    from gowls.analysis.helm.documents import values_facts

    return values_facts(doc)  # type: ignore[arg-type]


def _values_facet_changes(old: object, new: object) -> frozenset[Hashable] | None:
    """Which facets of a values file an edit changed: top-level keys, templated strings."""
    from gowls.analysis.helm.documents import values_facet_changes

    return values_facet_changes(old, new)  # type: ignore[arg-type]


def _schema_parts() -> Parts:
    from gowls.analysis.helm import parts

    return parts.SCHEMA


def _template_parts() -> Parts:
    from gowls.analysis.helm import parts

    return parts.TEMPLATE


def _template_facts(doc: object) -> Hashable:
    """A template's facts for early cutoff, one value per facet of ``TEMPLATE_FACETS`` (the
    document module loads with the kind's parts)."""
    from gowls.analysis.helm.documents import template_facts

    return template_facts(doc)  # type: ignore[arg-type]


def _template_facet_changes(old: object, new: object) -> frozenset[Hashable]:
    """Which facets of a template an edit changed (of ``TEMPLATE_FACETS``)."""
    from gowls.analysis.helm.documents import template_facet_changes

    return template_facet_changes(old, new)  # type: ignore[arg-type]


HELM_VALUES = Language(
    name=VALUES_KIND,
    code_prefixes=("HL",),
    discovery=Discovery(patterns=("values*.yaml", "values*.yml", "*.yaml", "*.yml")),
    parts=_values_parts,
    recognize=is_values_file,
    watch_globs=("**/Chart.yaml", "**/values*.yaml", "**/values*.yml", "**/ci/*.yaml"),
    settings_section=SETTINGS_SECTION,
    offers=Offers(frozenset({"completion", "hover", "references"}), VALUES_TRIGGERS),
    facts=_values_facts,
    facet_changes=_values_facet_changes,
)
"""Values files of a chart: values*.yaml beside Chart.yaml, ci/*.yaml below it."""

HELM_SCHEMA = Language(
    name=SCHEMA_KIND,
    code_prefixes=("HL",),
    discovery=Discovery(names=frozenset({SCHEMA_FILE})),
    parts=_schema_parts,
    recognize=is_schema_file,
    watch_globs=("**/values.schema.json",),
    offers=Offers(),
)
"""A chart's values.schema.json."""

HELM_TEMPLATE = Language(
    name=TEMPLATE_KIND,
    code_prefixes=("HL",),
    discovery=Discovery(patterns=("*.yaml", "*.yml", "*.tpl", "*.txt")),
    parts=_template_parts,
    recognize=is_template_file,
    watch_globs=("**/templates/**",),
    offers=Offers(
        frozenset({"completion", "hover", "definition", "inlay_hints"}), TEMPLATE_TRIGGERS
    ),
    facts=_template_facts,
    facet_changes=_template_facet_changes,
)
"""Chart templates: files under a chart's templates/ (yaml, yml, tpl, txt)."""
