"""gowls' verdict on a chart in the shape of the recorded ``helm lint`` verdicts."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from pathlib import Path

from gowls.analysis.helm.schema import pointer
from gowls.analysis.helm.values import (
    Chart,
    DiskReader,
    load_chart,
    validate_chart,
    validate_values_file,
)
from gowls.analysis.helm.yamlvalues import values_document
from gowls.syntax.yaml import parse_yaml


@dataclass
class Verdict:
    """Findings as (section, JSON pointer, message), plus schema-level problems."""

    findings: set[tuple[str, str, str]] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    problem_pointers: set[str] = field(default_factory=set)
    unfollowed: list[str] = field(default_factory=list)


def load_values(path: Path) -> object:
    """Helm's data for a YAML file, through the YAML layer (None when missing)."""
    if not path.is_file():
        return None
    return copy.deepcopy(_parsed(path, path.stat().st_mtime_ns))


@functools.cache
def _parsed(path: Path, mtime: int) -> object:
    return values_document(parse_yaml(path.read_bytes())).data


READER = DiskReader(load_values)


@functools.cache
def _chart(root: Path) -> Chart:
    return load_chart(root, READER)


def gowls_verdict(chart_root: Path, values_rel: str) -> Verdict:
    """What gowls reports for ``helm lint CHART [-f values_rel]``."""
    chart = _chart(chart_root)
    verdict = Verdict()
    schema = chart.schema
    if schema is not None:
        verdict.problems = [p.message for p in schema.problems]
        verdict.problem_pointers = {pointer(p.schema_path) for p in schema.problems}
        verdict.unfollowed = list(schema.unfollowed)
        if not schema.usable:
            return verdict
    values_file = chart_root / values_rel
    for f in validate_values_file(chart, values_file, READER):
        verdict.findings.add(("values.yaml", pointer(f.path), f.message))
    user = {} if values_rel == "values.yaml" else load_values(values_file)
    for cf in validate_chart(chart, READER, user if isinstance(user, dict) else {}):
        section = cf.chart[-1] if cf.chart else chart.name
        verdict.findings.add((section, pointer(cf.finding.path), cf.finding.message))
    return verdict
