"""Helm values files and values.schema.json as :class:`~gowls.analysis.language.Language`s."""

from __future__ import annotations

from gowls.analysis.helm import documents
from gowls.analysis.helm.completion import complete_template, complete_values
from gowls.analysis.helm.inlay import inlay_hints
from gowls.analysis.helm.navigation import definition, hover, hover_values, references_values
from gowls.analysis.helm.rules import SCHEMA_RULES, VALUES_RULES
from gowls.analysis.helm.template_rules import TEMPLATE_RULES, VALUES_USAGE_RULES
from gowls.analysis.helm.toolchain import TOOLCHAIN_RULES
from gowls.analysis.language import Discovery, Features, Language

HELM_VALUES = Language(
    name=documents.VALUES_KIND,
    code_prefixes=("HL",),
    parse=documents.parse_values_file,
    reparse=documents.reparse_values_file,
    discovery=Discovery(patterns=("values*.yaml", "values*.yml", "*.yaml", "*.yml")),
    recognize=documents.is_values_file,
    watch_globs=("**/Chart.yaml", "**/values*.yaml", "**/values*.yml", "**/ci/*.yaml"),
    rules=(*VALUES_RULES, *VALUES_USAGE_RULES, *TOOLCHAIN_RULES),
    features=Features(
        completion=complete_values,
        trigger_characters=(":", " "),
        hover=hover_values,
        references=references_values,
    ),
    settings_section=documents.SETTINGS_SECTION,
)
"""Values files of a chart: values*.yaml beside Chart.yaml, ci/*.yaml below it."""

HELM_SCHEMA = Language(
    name=documents.SCHEMA_KIND,
    code_prefixes=("HL",),
    parse=documents.parse_schema_file,
    discovery=Discovery(names=frozenset({documents.SCHEMA_FILE})),
    recognize=documents.is_schema_file,
    watch_globs=("**/values.schema.json",),
    rules=SCHEMA_RULES,
)
"""A chart's values.schema.json."""

HELM_TEMPLATE = Language(
    name=documents.TEMPLATE_KIND,
    code_prefixes=("HL",),
    parse=documents.parse_template_file,
    reparse=documents.reparse_template_file,
    discovery=Discovery(patterns=("*.yaml", "*.yml", "*.tpl", "*.txt")),
    recognize=documents.is_template_file,
    watch_globs=("**/templates/**",),
    rules=TEMPLATE_RULES,
    features=Features(
        completion=complete_template,
        trigger_characters=(".", '"'),
        hover=hover,
        definition=definition,
        inlay_hints=inlay_hints,
    ),
)
"""Chart templates: files under a chart's templates/ (yaml, yml, tpl, txt)."""
