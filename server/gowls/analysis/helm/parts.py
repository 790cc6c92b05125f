"""The Helm kinds' parsers, rules and editor features: the :class:`Parts` their ``Language``
objects (:mod:`gowls.analysis.helm.language`) load on first use."""

from __future__ import annotations

from gowls.analysis.helm import documents
from gowls.analysis.helm.completion import complete_template, complete_values
from gowls.analysis.helm.inlay import inlay_hints
from gowls.analysis.helm.language import TEMPLATE_TRIGGERS, VALUES_TRIGGERS
from gowls.analysis.helm.navigation import definition, hover, hover_values, references_values
from gowls.analysis.helm.rules import SCHEMA_RULES, VALUES_RULES
from gowls.analysis.helm.template_rules import TEMPLATE_RULES, VALUES_USAGE_RULES
from gowls.analysis.helm.toolchain import TOOLCHAIN_RULES
from gowls.analysis.language import Features, Parts

VALUES = Parts(
    parse=documents.parse_values_file,
    reparse=documents.reparse_values_file,
    rules=(*VALUES_RULES, *VALUES_USAGE_RULES, *TOOLCHAIN_RULES),
    features=Features(
        completion=complete_values,
        trigger_characters=VALUES_TRIGGERS,
        hover=hover_values,
        references=references_values,
    ),
)
"""Values files of a chart."""

SCHEMA = Parts(parse=documents.parse_schema_file, rules=SCHEMA_RULES)
"""A chart's values.schema.json."""

TEMPLATE = Parts(
    parse=documents.parse_template_file,
    reparse=documents.reparse_template_file,
    rules=TEMPLATE_RULES,
    features=Features(
        completion=complete_template,
        trigger_characters=TEMPLATE_TRIGGERS,
        hover=hover,
        definition=definition,
        inlay_hints=inlay_hints,
    ),
)
"""Chart templates."""
