"""A template edit re-checks the chart's other files only when what they read of it changed
(``template_facts``, per facet), and their findings then equal a fresh check's."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import write_tree

CHART = "apiVersion: v2\nname: app\nversion: 0.1.0\n"
VALUES = "used: 1\nspare: 2\ngo: '1.21'\n"
DEPLOYMENT = "a: {{ .Values.used }}\n"
CONFIG = "b: {{ .Values.written }}\n"
REL = "chart/templates/deployment.yaml"
FILES = {
    "go.mod": "module example.com/app\n\ngo 1.23.0\n",
    "chart/Chart.yaml": CHART,
    "chart/values.yaml": VALUES,
    "chart/templates/deployment.yaml": DEPLOYMENT,
    "chart/templates/config.yaml": CONFIG,
}


def _workspace(root: Path) -> Workspace:
    write_tree(root, FILES)
    workspace = Workspace([root], languages=LANGUAGES)
    workspace.keep_between_passes()
    workspace.scan()
    workspace.check_all()
    workspace.commit(workspace.snapshot(), sorted(workspace.files))
    return workspace


def _edit(workspace: Workspace, path: Path, text: str, version: int) -> list[Path]:
    """One pass as the server runs it after a buffer edit: the edited file, then the files
    it affects, in one snapshot; the files re-checked besides the edited one."""
    workspace.open(path, text, version)
    snapshot = workspace.snapshot()
    stored = list(workspace.results.items())
    workspace.store(workspace.compute(snapshot, [path]) or [])
    others = [p for p in workspace.affected([path], snapshot, [path], stored) if p != path]
    workspace.store(workspace.compute(snapshot, others) or [])
    workspace.commit(snapshot, [path])
    return others


def _findings(workspace: Workspace, root: Path) -> dict[str, list[tuple[str, str]]]:
    return {
        path.relative_to(root).as_posix(): sorted((f.code, f.message) for f in result.findings)
        for path, result in sorted(workspace.results.items())
    }


def _codes(workspace: Workspace, path: Path) -> list[str]:
    return sorted(f.code for f in workspace.results[path].findings)


def _fresh(root: Path, rel: str, text: str) -> dict[str, list[tuple[str, str]]]:
    """The findings of a fresh check of the chart with ``rel`` holding ``text``."""
    write_tree(root, {**FILES, rel: text})
    workspace = Workspace([root], languages=LANGUAGES)
    workspace.scan()
    workspace.check_all()
    return _findings(workspace, root)


def test_a_template_edit_that_changes_no_fact_rechecks_nothing_else(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws")
    path = tmp_path / "ws/chart/templates/deployment.yaml"
    assert _edit(workspace, path, DEPLOYMENT + "{{- /* a comment */}}\nc: text\n", 1) == []
    assert _edit(workspace, path, "x: 1\n" + DEPLOYMENT, 2) == []  # reads moved, not changed


def test_adding_the_last_use_of_a_value_clears_unused_in_values(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws")
    values = tmp_path / "ws/chart/values.yaml"
    assert "HL107" in _codes(workspace, values)  # spare, go
    path = tmp_path / "ws/chart/templates/deployment.yaml"
    text = DEPLOYMENT + "s: {{ .Values.spare }}\ng: {{ .Values.go }}\n"
    # values.yaml reads the templates' reads; the other template only their writes.
    assert _edit(workspace, path, text, 1) == [values]
    assert "HL107" not in _codes(workspace, values)
    assert _findings(workspace, tmp_path / "ws") == _fresh(tmp_path / "fresh", REL, text)


def test_a_template_set_rechecks_the_other_templates(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws")
    config = tmp_path / "ws/chart/templates/config.yaml"
    assert _codes(workspace, config) == ["HL106"]  # .Values.written is defined nowhere
    path = tmp_path / "ws/chart/templates/deployment.yaml"
    text = DEPLOYMENT + '{{- $_ := set .Values "written" 1 }}\n'
    assert config in _edit(workspace, path, text, 1)
    assert _codes(workspace, config) == []
    assert _findings(workspace, tmp_path / "ws") == _fresh(tmp_path / "fresh", REL, text)


def test_feeding_a_value_to_a_golang_image_rechecks_values(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws")
    values = tmp_path / "ws/chart/values.yaml"
    assert "HL108" not in _codes(workspace, values)
    path = tmp_path / "ws/chart/templates/deployment.yaml"
    # Reads .Values.go already (no reads change), then feeds it to golang: (HL108: 1.21 < 1.23).
    reading = DEPLOYMENT + "g: {{ .Values.go }}\n"
    assert _edit(workspace, path, reading, 1) == [values]
    fed = DEPLOYMENT + "image: golang:{{ .Values.go }}\n"
    assert _edit(workspace, path, fed, 2) == [values]
    assert "HL108" in _codes(workspace, values)
    assert _findings(workspace, tmp_path / "ws") == _fresh(tmp_path / "fresh", REL, fed)


def test_edits_and_undos_keep_every_result_equal_to_a_fresh_check(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws")
    path = tmp_path / "ws/chart/templates/deployment.yaml"
    texts = [
        DEPLOYMENT + "s: {{ .Values.spare }}\n",
        DEPLOYMENT + '{{- $_ := set .Values "written" 1 }}\n',
        DEPLOYMENT + "# {{ .Values.undefinedHere }}\n",
        "image: golang:{{ .Values.go }}\n",
        DEPLOYMENT,
    ]
    for version, text in enumerate(texts, 1):
        _edit(workspace, path, text, version)
        fresh = _fresh(tmp_path / f"fresh{version}", REL, text)
        assert _findings(workspace, tmp_path / "ws") == fresh


def test_a_subchart_template_read_clears_unused_in_the_parent_values(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    write_tree(
        root,
        {
            "chart/Chart.yaml": CHART,
            "chart/values.yaml": "sub:\n  port: 80\n",
            "chart/charts/sub/Chart.yaml": CHART.replace("app", "sub"),
            "chart/charts/sub/values.yaml": "port: 1\n",
            "chart/charts/sub/templates/svc.yaml": "x: 1\n",
        },
    )
    workspace = Workspace([root], languages=LANGUAGES)
    workspace.keep_between_passes()
    workspace.scan()
    workspace.check_all()
    parent = root / "chart/values.yaml"
    assert "HL107" in _codes(workspace, parent)
    path = root / "chart/charts/sub/templates/svc.yaml"
    assert parent in _edit(workspace, path, "x: {{ .Values.port }}\n", 1)
    assert "HL107" not in _codes(workspace, parent)
