"""Early cutoff for Helm values files: their facts are their Helm data, compared strictly, so
an edit that leaves the data equal re-checks no template of the chart."""

from __future__ import annotations

from pathlib import Path

import pytest

from gowls.analysis.helm.documents import parse_values_file, values_facts
from gowls.analysis.helm.values import Chart, DiskReader, coalesce_chart
from gowls.analysis.helm.yamlvalues import same_data
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import write_tree

VALUES = "replicaCount: 1\nimage:\n  repository: nginx\n  tag: '1.25'\nextra: {}\n"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"a": 1}, {"a": True}),
        ({"a": 1}, {"a": 1.0}),
        ({"a": 0.0}, {"a": -0.0}),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),
        ({"a": [1, 2]}, {"a": [1, 2, 3]}),
        ({"a": {}}, {"a": []}),
        ({"a": None}, {"a": "null"}),
        ({"a": float("nan")}, {"a": float("nan")}),
    ],
)
def test_same_data_is_strict(a: object, b: object) -> None:
    assert not same_data(a, b)


def test_same_data_walks_only_what_differs() -> None:
    shared = {"deep": [{"x": 1}]}
    assert same_data({"k": shared, "n": 1.5}, {"k": shared, "n": 1.5})
    assert same_data({"k": {"deep": [{"x": 1}]}}, {"k": {"deep": [{"x": 1}]}})


def _facts(text: str) -> object:
    return values_facts(parse_values_file(text.encode(), Path("/c/values.yaml")))


def test_facts_ignore_comments_and_layout_not_values() -> None:
    assert _facts(VALUES) == _facts("# defaults\n" + VALUES.replace("extra: {}", "extra:  {}  # x"))
    assert hash(_facts(VALUES)) == hash(_facts("\n" + VALUES))
    assert _facts(VALUES) != _facts(VALUES.replace("replicaCount: 1", "replicaCount: true"))
    assert _facts(VALUES) != _facts(VALUES + "more: 1\n")


def _chart(root: Path) -> tuple[Workspace, Path]:
    write_tree(
        root,
        {
            "Chart.yaml": "apiVersion: v2\nname: demo\nversion: 0.1.0\n",
            "values.yaml": VALUES,
            "templates/a.yaml": "n: {{ .Values.replicaCount }}\n",
            "templates/b.yaml": "i: {{ .Values.image.tag }}\n",
        },
    )
    workspace = Workspace([root], languages=LANGUAGES)
    workspace.keep_between_passes()
    workspace.scan()
    workspace.check_all()
    workspace.commit(workspace.snapshot(), sorted(workspace.files))
    return workspace, root / "values.yaml"


def test_templates_are_rechecked_only_when_the_values_data_changes(tmp_path: Path) -> None:
    workspace, values = _chart(tmp_path)
    templates = [tmp_path / "templates/a.yaml", tmp_path / "templates/b.yaml"]
    workspace.open(values, "# a comment\n" + VALUES + "\n", 1)
    assert workspace.affected([values], workspace.snapshot(), [values]) == [values]
    workspace.open(values, VALUES.replace("replicaCount: 1", "replicaCount: 1\nreplicaCount: 1"), 2)
    assert workspace.affected([values], workspace.snapshot(), [values]) == [values]
    workspace.open(values, VALUES.replace("replicaCount", "replicas"), 3)
    snapshot = workspace.snapshot()
    assert workspace.affected([values], snapshot, [values]) == sorted([values, *templates])
    (result,) = workspace.compute(snapshot, [templates[0]]) or []
    assert [f.code for f in result.findings] == ["HL106"]


def test_coalescing_shares_the_documents_data_without_changing_it(tmp_path: Path) -> None:
    text = "a:\n  b: 1\nsub:\n  x: 1\nglobal:\n  g: 1\n"
    write_tree(tmp_path, {"values.yaml": text, "charts/sub/values.yaml": "x: 0\nz: 2\n"})
    data = {p: parse_values_file(p.read_bytes(), p).values.data for p in tmp_path.rglob("*.yaml")}
    reader = DiskReader(lambda p: data[p])
    sub = Chart(tmp_path / "charts/sub", "sub")
    top = Chart(tmp_path, "top", subcharts={"sub": sub})
    before = repr(data)
    merged = coalesce_chart(top, {}, reader)
    assert merged == {
        "a": {"b": 1},
        "sub": {"x": 1, "global": {"g": 1}, "z": 2},
        "global": {"g": 1},
    }
    assert repr(data) == before
