"""Early cutoff for Helm values files: their facts are their Helm data, compared strictly, so
an edit that leaves the data equal re-checks no template of the chart; templates read them by
facets (top-level keys, templated strings), so an edit re-checks only the templates that read
a changed key."""

from __future__ import annotations

from pathlib import Path

import pytest

from gowls.analysis.helm.documents import (
    chart_model,
    parse_values_file,
    reparse_values_file,
    values_facts,
)
from gowls.analysis.helm.language import READS_FACET
from gowls.analysis.helm.model import own_reads
from gowls.analysis.helm.usage import strings_with_actions
from gowls.analysis.helm.values import Chart, DiskReader, coalesce_chart
from gowls.analysis.helm.yamlvalues import same_data
from gowls.analysis.source import FileSource, facets_key
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


def test_templates_are_rechecked_only_when_values_they_read_change(tmp_path: Path) -> None:
    workspace, values = _chart(tmp_path)
    templates = [tmp_path / "templates/a.yaml", tmp_path / "templates/b.yaml"]
    workspace.open(values, "# a comment\n" + VALUES + "\n", 1)
    assert workspace.affected([values], workspace.snapshot(), [values]) == [values]
    workspace.open(values, VALUES.replace("replicaCount: 1", "replicaCount: 1\nreplicaCount: 1"), 2)
    assert workspace.affected([values], workspace.snapshot(), [values]) == [values]
    workspace.open(values, VALUES.replace("replicaCount", "replicas"), 3)
    snapshot = workspace.snapshot()
    # Only the template reading replicaCount: b.yaml reads image, which did not change.
    assert workspace.affected([values], snapshot, [values]) == sorted([values, templates[0]])
    # Not a mere edit (opened, closed, changed on disk): every reader of any facet.
    assert workspace.affected([values], snapshot) == sorted([values, *templates])
    assert facets_key(values, "helm-values") in workspace.change_keys(values, True)
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


CHART_FILES = {
    "Chart.yaml": (
        "apiVersion: v2\nname: demo\nversion: 0.1.0\n"
        "dependencies:\n  - name: sub\n    version: 0.1.0\n"
    ),
    "templates/a.yaml": "n: {{ .Values.replicaCount }}\n",
    "templates/b.yaml": "i: {{ .Values.image.tag }}\nw: {{ .Values.written.key }}\n",
    "templates/c.yaml": '{{- define "demo.x" }}{{ .Values.helper }}{{ end }}\n',
    "templates/d.yaml": "s: {{ .Values.sub.enabled }} g: {{ .Values.global.x }}\n",
    "templates/e.yaml": "s: {{ .Values.sub.enabled }}\n",
    "ci/test-values.yaml": "image:\n  tag: ci\n",
    "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
    "charts/sub/values.yaml": "enabled: true\n",
    "charts/sub/templates/s.yaml": "{{ .Values.global.x }} {{ .Values.enabled }} {{ .Values.y }}\n",
}

EDITS = [
    ("values.yaml", "# comment\n" + VALUES),
    ("values.yaml", VALUES + "unused: 1\n"),
    ("values.yaml", VALUES + "unused: 2\n"),
    ("values.yaml", VALUES.replace("tag: '1.25'", "pullPolicy: Always")),
    ("values.yaml", VALUES),
    ("values.yaml", VALUES + "helper: 1\n"),
    ("values.yaml", VALUES + "extra2: '{{ $_ := set .Values \"written\" 1 }}'\n"),
    ("values.yaml", VALUES + "extra2: plain\n"),
    ("values.yaml", VALUES + "global:\n  x: 1\n"),
    ("values.yaml", VALUES + "sub:\n  y: 2\n"),
    ("values.yaml", VALUES + "sub:\n  y: 2\n  enabled: false\n"),
    ("values.yaml", "- a\n- b\n"),
    ("values.yaml", ""),
    ("values.yaml", VALUES.replace("replicaCount: 1", "replicaCount: 1\nreplicaCount: 2")),
    ("ci/test-values.yaml", "image: {}\n"),
    ("ci/test-values.yaml", "replicaCount: 3\n"),
    ("charts/sub/values.yaml", "enabled: true\ny: 1\n"),
    ("values.yaml", VALUES + "global:\n  x: 1\n"),
    ("values.yaml", VALUES),
]


def _findings(workspace: Workspace) -> dict[Path, list[tuple[object, ...]]]:
    return {
        path: [(f.code, f.span, f.message) for f in result.findings]
        for path, result in sorted(workspace.results.items())
    }


def test_an_edit_rechecks_the_readers_of_what_changed_and_no_other(tmp_path: Path) -> None:
    """After each values edit, re-checking the edited file and the files ``affected`` names
    (templates only when a facet they read changed) gives what a full check gives."""
    write_tree(tmp_path, {**CHART_FILES, "values.yaml": VALUES})
    workspace = Workspace([tmp_path], languages=LANGUAGES)
    workspace.keep_between_passes()
    workspace.scan()
    workspace.check_all()
    workspace.commit(workspace.snapshot(), sorted(workspace.files))
    rechecked = []
    for version, (rel, text) in enumerate(EDITS, 1):
        path = tmp_path / rel
        workspace.open(path, text, version)
        snapshot = workspace.snapshot()
        rest = [p for p in workspace.affected([path], snapshot, [path]) if p != path]
        workspace.store(workspace.compute(snapshot, [path, *rest]) or [])
        workspace.commit(snapshot, [path])
        rechecked.append({p.relative_to(tmp_path).as_posix() for p in rest})
        fresh = Workspace([tmp_path], languages=LANGUAGES)
        for open_path, doc in workspace.overlay.items():
            fresh.open(open_path, doc.text, doc.version)
        fresh.scan()
        fresh.check_all()
        assert _findings(workspace) == _findings(fresh), (rel, text)
    templates = {p for p in CHART_FILES if "templates/" in p}
    quiet = {"templates/a.yaml", "templates/c.yaml", "templates/e.yaml"}  # no findings
    assert rechecked[0] == set()  # a comment
    for i in (1, 2, 3, 4):  # keys no quiet template reads
        assert not rechecked[i] & quiet, EDITS[i]
    assert rechecked[5] & quiet == {"templates/c.yaml"}  # helper (read in a define)
    assert rechecked[6] >= quiet and rechecked[7] >= quiet  # tpl strings: their writes
    assert rechecked[8] & quiet == {"templates/e.yaml"}  # global: merged into sub's values
    assert rechecked[9] & quiet == {"templates/e.yaml"}  # sub
    assert rechecked[11] >= templates  # no longer a mapping


def test_a_missing_directory_is_read_as_its_parents_listing(tmp_path: Path) -> None:
    write_tree(tmp_path, {"chart/templates/a.yaml": "a: 1\n"})
    source = FileSource()
    reads = source.start_recording()
    assert source.is_listed_dir(tmp_path / "chart/templates")
    assert not source.is_listed_dir(tmp_path / "chart/ci")
    source.stop_recording(reads)
    assert set(reads) == {tmp_path / "chart/templates", tmp_path / "chart"}


def test_the_chart_model_is_kept_until_a_file_of_its_tree_comes_or_goes(tmp_path: Path) -> None:
    workspace, values = _chart(tmp_path)
    workspace.open(values, VALUES, 1)
    first = chart_model(workspace.snapshot(), tmp_path)
    workspace.open(values, VALUES + "more: 1\n", 2)
    assert chart_model(workspace.snapshot(), tmp_path) is first  # a values edit
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "test-values.yaml").write_text("replicaCount: 2\n")
    workspace.file_event(tmp_path / "ci" / "test-values.yaml", deleted=False)
    again = chart_model(workspace.snapshot(), tmp_path)
    assert again is not first
    assert again.values_files == [values, tmp_path / "ci" / "test-values.yaml"]
    (tmp_path / "templates" / "a.yaml").unlink()
    workspace.file_event(tmp_path / "templates" / "a.yaml", deleted=True)
    snapshot = workspace.snapshot()
    assert [r.refs[0].path for r in own_reads(snapshot, tmp_path, READS_FACET)] == [
        ("image", "tag")
    ]


def test_per_value_results_follow_the_values_a_reparse_shares() -> None:
    items = "".join(f"    - item{i}\n" for i in range(40))
    text = f"a:\n  x: '{{{{ .Values.one }}}}'\n  z:\n{items}b: '{{{{ .Values.two }}}}'\n"
    first = parse_values_file(text.encode(), Path("/c/values.yaml"))
    calls: list[object] = []

    def compute(value: object) -> list[str]:
        calls.append(value)
        return strings_with_actions(value)

    assert first.values.per_value("t", compute) == [["{{ .Values.one }}"], ["{{ .Values.two }}"]]
    edited = text.replace("two", "three")
    second = reparse_values_file(edited.encode(), Path("/c/values.yaml"), first)
    calls.clear()
    assert second.values.per_value("t", compute) == [["{{ .Values.one }}"], ["{{ .Values.three }}"]]
    assert calls == ["{{ .Values.three }}"]  # "a" was shared with the first document
    # In the order of one walk of the whole data.
    assert [t for r in reversed(second.values.per_value("t", compute)) for t in r] == (
        strings_with_actions(second.values.data)
    )
