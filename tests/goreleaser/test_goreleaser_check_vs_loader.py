"""Our checks against GoReleaser's own loader, on the corpus and on our cases.

Uses the recorded verdicts (``data/loader_verdicts.json``), so it runs without the loader:

- where GoReleaser loads a corpus config, we report no error (a ``version`` other than 2 is
  the one exception: GoReleaser v2 warns and accepts it, the issue asks for an error); our
  cases may also carry the errors GoReleaser only meets when it releases (template fields,
  ``gomod.mod: workspace``), which the loader cannot see;
- every line GoReleaser's loader names in an error (or in the strict errors a version
  error hides) carries one of our findings, error or warning (Pro keys are warnings while
  the edition is unknown); a config with ``pro: true`` that only Pro loads gets no error.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from goreleaser_oracle import CASES, CORPUS, VERDICTS

from gowls.analysis.findings import Finding, Severity
from gowls.analysis.goreleaser.check import check_config
from gowls.syntax.yaml import parse_yaml

VERDICT = json.loads(VERDICTS.read_text())
LINE = re.compile(r"line (\d+):")

SYNTAX_SLACK = 3
"""go-yaml names a parser error by the 0-based line where the enclosing construct started
(``fail()`` adds one only for scanner errors), so its "line N" is up to a few lines above the
place we mark; a GR001 within that distance below counts as the same report."""


def _file(name: str) -> Path:
    kind, base = name.split("/", 1)
    return (CASES if kind == "cases" else CORPUS) / base


def _findings(path: Path) -> list[Finding]:
    return check_config(path, parse_yaml(path.read_bytes()))


def _release_time(name: str) -> frozenset[str]:
    """Codes allowed on a config the loader accepts."""
    if name.startswith("cases/"):
        return frozenset({"GR105", "GR109", "GR110"})
    return frozenset({"GR105"})


def _names() -> list[str]:
    return sorted(n for n in VERDICT if _file(n).is_file())


@pytest.mark.skipif(not VERDICT, reason="no recorded verdicts")
@pytest.mark.parametrize("name", _names())
def test_no_error_where_goreleaser_loads(name: str) -> None:
    verdict = VERDICT[name]
    if not verdict["ok"]:
        return
    errors = [
        f"{f.span.start.line + 1}: {f.code} {f.message}"
        for f in _findings(_file(name))
        if f.severity is Severity.ERROR and f.code not in _release_time(name)
    ]
    assert errors == []


@pytest.mark.parametrize("name", _names())
def test_every_loader_error_line_is_reported(name: str) -> None:
    verdict = VERDICT[name]
    if verdict["ok"]:
        return
    findings = _findings(_file(name))
    if verdict["pro_config"]:
        assert [f.message for f in findings if f.severity is Severity.ERROR] == []
        return
    lines = {f.span.start.line + 1 for f in findings if f.severity <= Severity.WARNING}
    text = verdict["strict_error"] or verdict["error_plain"] or ""
    wanted = {int(n) for n in LINE.findall(text)}
    syntax = re.match(r"yaml: line (\d+):", text)
    if syntax is not None:
        first = int(syntax.group(1))
        ours = [f.span.start.line + 1 for f in findings if f.code == "GR001"]
        assert any(first <= line <= first + SYNTAX_SLACK for line in ours), (text, ours)
        return
    assert wanted - lines == set(), [f"{f.span.start.line + 1}: {f.message}" for f in findings]
    if "version: 2" in (verdict["error_plain"] or ""):
        assert {f.code for f in findings} & {"GR104", "GR105"}
