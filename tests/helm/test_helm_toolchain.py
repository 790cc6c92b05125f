"""HL108: golang images in values against the go line of the module the chart builds."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from gowls.analysis.engine import check_file
from gowls.analysis.findings import Finding
from gowls.analysis.fixes import apply_edits
from gowls.analysis.helm.toolchain import older, raised
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from gowls.syntax.positions import Span
from workspace_files import write_tree

CHART = "apiVersion: v2\nname: app\nversion: 0.1.0\n"


def _hl108(tmp_path: Path, files: Mapping[str, str], values: str) -> list[Finding]:
    write_tree(tmp_path, files)
    snapshot = Snapshot(FileSource(), LANGUAGES)
    found = check_file(snapshot, tmp_path / values).findings
    return [f for f in found if f.code == "HL108"]


@pytest.mark.parametrize(
    ("image", "go", "is_older", "new"),
    [
        ("1.22", "1.23.4", True, "1.23"),
        ("1.23", "1.23.4", False, "1.23"),
        ("1.23.1", "1.23.4", True, "1.23.4"),
        ("1.23.4", "1.23.4", False, "1.23.4"),
        ("1.24", "1.23", False, "1.23"),
        ("1.21.0", "1.22", True, "1.22.0"),
    ],
)
def test_older_and_raised(image: str, go: str, is_older: bool, new: str) -> None:
    assert older(image, go) is is_older
    assert raised(image, go) == new


def test_image_strings_and_repository_tags(tmp_path: Path) -> None:
    values = (
        "build:\n  image: docker.io/library/golang:1.22-alpine\n"
        'test:\n  image:\n    repository: golang\n    tag: "1.21"\n'
        "lint:\n  image:\n    repository: golangci/golangci-lint\n    tag: 1.20.1\n"
        "ok:\n  image: golang:1.24\n"
        "list:\n  - golang:1.20.3\n"
    )
    files = {
        "go.work": "go 1.23.4\n\nuse ./app\n",
        "app/go.mod": "module example.com/app\n\ngo 1.23.0\n",
        "deploy/chart/Chart.yaml": CHART,
        "deploy/chart/values.yaml": values,
    }
    found = _hl108(tmp_path, files, "deploy/chart/values.yaml")
    assert [(f.span, f.fixes[0].title) for f in found] == [
        (Span.of(1, 34, 1, 38), "Raise to 1.23"),
        (Span.of(5, 10, 5, 14), "Raise to 1.23"),
        (Span.of(13, 11, 13, 17), "Raise to 1.23.4"),
    ]
    assert found[0].message.startswith("golang 1.22 is older than `go 1.23.4` in go.work")
    assert found[0].related[0].path == tmp_path / "go.work"
    edits = [e for f in found for e in f.fixes[0].edits]
    fixed = apply_edits(values.encode(), edits).decode()
    assert "golang:1.23-alpine" in fixed and 'tag: "1.23"' in fixed and "golang:1.23.4\n" in fixed


def test_go_mod_beside_the_chart_and_no_go_line(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "image: golang:1.21\n",
        "go.mod": "module example.com/x\n\ngo 1.22\n",
    }
    (finding,) = _hl108(tmp_path, files, "values.yaml")
    assert "`go 1.22` in go.mod" in finding.message
    files["go.mod"] = "module example.com/x\n"
    assert _hl108(tmp_path, files, "values.yaml") == []


def test_a_value_a_template_writes_after_golang(tmp_path: Path) -> None:
    """`image: golang:{{ .Values.goVersion }}` makes goVersion a golang tag."""
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "goVersion: 1.20\nother: 1.19\n",
        "templates/job.yaml": (
            'image: "golang:{{ .Values.goVersion }}-alpine"\nx: {{ .Values.other }}\n'
        ),
        "go.mod": "module example.com/x\n\ngo 1.22.1\n",
    }
    (finding,) = _hl108(tmp_path, files, "values.yaml")
    assert finding.span == Span.of(0, 11, 0, 15)
    assert finding.message.startswith("golang 1.20 is older than `go 1.22.1`")
    assert finding.fixes[0].title == "Raise to 1.22"


@pytest.mark.parametrize(
    "repository",
    ['"\\x67olang"', '"\\u0067olang"', '"gol\\\n      ang"', "golang"],
)
def test_repository_spelt_with_escapes(tmp_path: Path, repository: str) -> None:
    # The file's source need not spell golang: a double-quoted escape or an escaped line
    # break may; such files are still read (the cheap pre-check must not skip them).
    values = f"test:\n  image:\n    repository: {repository}\n    tag: 1.21\n"
    files = {"Chart.yaml": CHART, "values.yaml": values, "go.mod": "module x\n\ngo 1.22\n"}
    (finding,) = _hl108(tmp_path, files, "values.yaml")
    assert finding.message.startswith("golang 1.21 is older")


def test_escapes_that_spell_no_letter_are_no_image(tmp_path: Path) -> None:
    values = 'test:\n  image:\n    repository: "go\\tlang"\n    tag: 1.21\n# \\n \\\\w\n'
    files = {"Chart.yaml": CHART, "values.yaml": values, "go.mod": "module x\n\ngo 1.22\n"}
    assert _hl108(tmp_path, files, "values.yaml") == []
