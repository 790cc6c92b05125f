"""values.schema.json checking against real Helm: recorded ``helm lint`` verdicts (Helm 4.1 and
3.18) on the broken test charts and the corpus charts, and a re-run of Helm when it installs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import helm_oracle
import pytest
from chart_sets import TEST_CHARTS, chart_dir, extra_values_files
from compare import Verdict, gowls_verdict

VERDICTS: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "helm_lint_verdicts.json").read_text()
)
RUNS = [
    (key, rel)
    for key, files in sorted(VERDICTS["charts"].items())
    for rel in sorted(files)
    if key.startswith("test:") or chart_dir(key).is_dir()
]


def _ids(run: tuple[str, str]) -> str:
    return f"{run[0]}/{run[1]}"


def _same(helm: set[tuple[str, str, str]], ours: set[tuple[str, str, str]]) -> bool:
    """Same (section, pointer) pairs, and each Helm message starts with ours.

    Helm 4 appends the reason to a format failure ("... is not valid email: missing @"), which
    gowls does not reproduce; every other message must be identical.
    """
    if {(s, p) for s, p, _ in helm} != {(s, p) for s, p, _ in ours}:
        return False
    for section, ptr, message in helm:
        mine = [m for s, p, m in ours if (s, p) == (section, ptr)]
        if not any(message == m or message.startswith(m + ": ") for m in mine):
            return False
    return True


@pytest.mark.parametrize("run", RUNS, ids=_ids)
def test_helm4_verdict(run: tuple[str, str]) -> None:
    """Every schema finding Helm 4 reports, gowls reports at the same JSON path, and no more."""
    key, rel = run
    helm = VERDICTS["charts"][key][rel]["4"]
    ours = gowls_verdict(chart_dir(key), rel)
    errors = [e for e in helm["schema_errors"] if "failing loading" in e or "invalid" in e]
    if any("not valid against metaschema" in e for e in helm["schema_errors"]):
        assert ours.problem_pointers == {p for _, p, _ in helm["findings"]}
        return
    remote = [e for e in errors if 'failing loading "http' in e]
    if remote:
        # No network for Helm here; gowls never fetches and lists what it did not follow.
        for err in remote:
            assert err.split('"')[1] in ours.unfollowed
    elif errors:
        assert ours.problems, f"Helm: {errors}; gowls found no schema problem"
        return
    helm_findings = {tuple(f) for f in helm["findings"]}
    assert _same(helm_findings, ours.findings), (sorted(helm_findings), sorted(ours.findings))


# Helm 3 (gojsonschema) differs from Helm 4 by design in these charts; see docs/helm.md.
HELM3_DIFFERENT = {
    "test:draft-2020": "Helm 3 knows no 2020-12 keywords (prefixItems, dependentRequired, ...)",
    "test:invalid-schema": "Helm 3 stops at the first schema error, with no JSON path",
    "test:null-values": "Helm 3's render step drops nulls that Helm 4 still validates",
}


@pytest.mark.parametrize("run", RUNS, ids=_ids)
def test_helm3_paths(run: tuple[str, str]) -> None:
    """Helm 3 reports schema violations at the same paths as Helm 4 (and so gowls)."""
    key, rel = run
    if key in HELM3_DIFFERENT:
        pytest.skip(HELM3_DIFFERENT[key])
    h3 = VERDICTS["charts"][key][rel]["3"]
    h4 = VERDICTS["charts"][key][rel]["4"]
    ours: Verdict = gowls_verdict(chart_dir(key), rel)
    if h3["schema_errors"] or h4["schema_errors"]:
        assert bool(h3["schema_errors"]) == bool(h4["schema_errors"])
        return
    assert {(s, p) for s, p, _ in h3["findings"]} == {(s, p) for s, p, _ in ours.findings}


def test_enough_charts() -> None:
    """The comparison covers >= 15 broken test charts, some clean ones and >= 20 corpus charts."""
    keys = VERDICTS["charts"]
    broken = [k for k in keys if k.startswith("test:") and not k.startswith("test:clean")]
    assert len(broken) >= 15
    assert len([k for k in keys if k.startswith("test:clean")]) >= 3
    assert len([k for k in keys if k.startswith("corpus:")]) >= 20


@pytest.fixture(scope="module")
def helm_available() -> None:
    try:
        for major in (4, 3):
            helm_oracle.helm_binary(major)
    except helm_oracle.HelmUnavailable as exc:
        pytest.skip(f"Helm cannot be installed here: {exc}")


@pytest.mark.parametrize("major", [4, 3])
def test_recorded_verdicts_are_current(major: int, helm_available: None, tmp_path: Path) -> None:
    """Re-run real Helm on the test charts: it still says what the recording says."""
    assert VERDICTS["helm"][str(major)] == helm_oracle.helm_version(major)
    for chart in sorted(TEST_CHARTS.iterdir()):
        key = f"test:{chart.name}"
        for rel in ["values.yaml", *extra_values_files(chart)]:
            result = helm_oracle.lint(major, chart, None if rel == "values.yaml" else chart / rel)
            recorded = VERDICTS["charts"][key][rel][str(major)]
            got = sorted([f.section, f.pointer, f.message] for f in result.findings)
            assert (result.returncode, got) == (recorded["rc"], recorded["findings"]), key


def test_parse_helm4_nested_output() -> None:
    """Groups are dropped, causes folded into their finding, render sections named by chart."""
    output = """==> Linting x
[ERROR] values.yaml: - at '': missing property 'a'
- at '/image': validation failed
  - at '/image/tag': got number, want string
  - at '/image/port': 'anyOf' failed
    - at '/image/port': got boolean, want integer
[ERROR] templates/: values don't meet the specifications of the schema(s) in the following chart(s):
sub:
- at '/port': got string, want integer

Error: 1 chart(s) linted, 1 chart(s) failed
"""
    found, errors = helm_oracle.parse_lint(output)
    assert [(f.section, f.pointer, f.message) for f in found] == [
        ("values.yaml", "", "missing property 'a'"),
        ("values.yaml", "/image/tag", "got number, want string"),
        ("values.yaml", "/image/port", "'anyOf' failed"),
        ("sub", "/port", "got string, want integer"),
    ]
    assert errors == []


def test_parse_helm3_output() -> None:
    """Helm 3's dotted fields become JSON pointers; (root) is the empty pointer."""
    output = """[ERROR] values.yaml: - (root): serviceAccount is required
- image.tag: Invalid type. Expected: string, given: integer
"""
    found, _ = helm_oracle.parse_lint(output)
    assert [(f.pointer, f.message) for f in found] == [
        ("", "serviceAccount is required"),
        ("/image/tag", "Invalid type. Expected: string, given: integer"),
    ]
