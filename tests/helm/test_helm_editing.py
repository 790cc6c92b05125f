"""Helm editor features on small charts: completion, hover, definition, references, inlay
hints (pure functions of a snapshot)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gowls.analysis.features import Completion
from gowls.analysis.helm.inlay import hint_label
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from gowls.syntax.positions import LineIndex, Point, Span
from workspace_files import write_tree

CHART = "apiVersion: v2\nname: app\nversion: 0.1.0\n"
SCHEMA = json.dumps(
    {
        "properties": {
            "image": {
                "type": "object",
                "description": "The container image.",
                "properties": {
                    "repository": {"type": "string"},
                    "pullPolicy": {"type": "string", "enum": ["Always", "IfNotPresent"]},
                },
            },
            "debug": {"type": "boolean", "description": "Verbose logs."},
        }
    }
)
VALUES = "image:\n  repository: nginx\n  tag: 1.25\nservice:\n  port: 80\n"
HELPERS = (
    '{{- define "app.name" -}}{{ .Chart.Name }}{{- end }}\n{{- define "app.labels" }}{{ end }}\n'
)
DEPLOY = (
    'name: {{ include "app.name" . }}\n'
    "image: {{ .Values.image.repository }}:{{ .Values.image.tag }}\n"
    "port: {{ .Values.service.port }}\n"
    "svc: {{ .Values.service }}\n"
)


def _ctx(tmp_path: Path, files: Mapping[str, str], target: str) -> RuleContext[Any]:
    write_tree(tmp_path, {"Chart.yaml": CHART, **files})
    snapshot = Snapshot(FileSource(), LANGUAGES)
    path = tmp_path / target
    return RuleContext(snapshot, path, snapshot.document(path))


def _chart(tmp_path: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    files = {
        "values.yaml": VALUES,
        "values.schema.json": SCHEMA,
        "templates/_helpers.tpl": HELPERS,
        "templates/deploy.yaml": DEPLOY,
    }
    files.update(extra or {})
    return files


def _complete(ctx: RuleContext[Any], text: str) -> list[Completion]:
    lang = LANGUAGES.of(ctx.snapshot.source, ctx.path)
    assert lang is not None and lang.features.completion is not None
    index = LineIndex(text.encode())
    return lang.features.completion(ctx, index.point(len(text.encode())))


def _labels(items: list[Completion]) -> list[str]:
    return [i.label for i in items]


def test_values_paths_builtins_and_helpers_complete_in_templates(tmp_path: Path) -> None:
    for text, expected in [
        ("x: {{ .Values.", ["debug", "image", "service"]),
        ("x: {{ .Values.image.", ["pullPolicy", "repository", "tag"]),
        ("x: {{ $.Values.service.p", ["port"]),
        ("x: {{ .Release.", ["Name", "Namespace", "IsUpgrade", "IsInstall", "Revision"]),
        ('x: {{ include "app.', ["app.labels", "app.name"]),
        ('{{ template "', ["app.labels", "app.name"]),
    ]:
        files = _chart(tmp_path, {"templates/new.yaml": text})
        items = _complete(_ctx(tmp_path, files, "templates/new.yaml"), text)
        assert _labels(items)[: len(expected)] == expected, text
    text = "x: {{ ."
    items = _complete(
        _ctx(tmp_path, _chart(tmp_path, {"templates/new.yaml": text}), "templates/new.yaml"), text
    )
    assert {"Values", "Release", "Chart", "Capabilities", "Files", "Template"} <= set(
        _labels(items)
    )
    # Replace span covers the half-typed word; outside an action nothing is offered.
    text = "x: {{ .Values.ima"
    items = _complete(
        _ctx(tmp_path, _chart(tmp_path, {"templates/new.yaml": text}), "templates/new.yaml"), text
    )
    assert {i.replace for i in items} == {Span.of(0, 14, 0, 17)}
    text = "x: .Values."
    assert (
        _complete(
            _ctx(tmp_path, _chart(tmp_path, {"templates/new.yaml": text}), "templates/new.yaml"),
            text,
        )
        == []
    )


def test_values_keys_not_yet_written_and_enum_values(tmp_path: Path) -> None:
    # Top level: schema's debug and the templates' reads, minus what is written.
    text = "image:\n  repository: nginx\n"
    ctx = _ctx(tmp_path, _chart(tmp_path, {"values.yaml": text}), "values.yaml")
    assert _labels(_complete(ctx, text)) == ["debug", "service"]
    text = "image:\n  repository: nginx\n  "
    ctx = _ctx(tmp_path, _chart(tmp_path, {"values.yaml": text}), "values.yaml")
    items = _complete(ctx, text)
    assert _labels(items) == ["pullPolicy", "tag"]
    assert items[0].insert_text == "pullPolicy: "
    text = "image:\n  pullPolicy: "
    ctx = _ctx(tmp_path, _chart(tmp_path, {"values.yaml": text}), "values.yaml")
    assert _labels(_complete(ctx, text)) == ["Always", "IfNotPresent"]
    text = "debug: "
    ctx = _ctx(tmp_path, _chart(tmp_path, {"values.yaml": text}), "values.yaml")
    assert _labels(_complete(ctx, text)) == ["true", "false"]


def test_hover_and_references_on_a_values_key(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path, _chart(tmp_path), "values.yaml")
    lang = LANGUAGES.named("helm-values")
    assert lang is not None and lang.features.hover and lang.features.references
    info = lang.features.hover(ctx, Point(0, 2))
    assert info is not None and info.span == Span.of(0, 0, 0, 5)
    assert 'Schema type: `"object"`' in info.markdown
    assert "The container image." in info.markdown
    assert "Read by 2 template references:" in info.markdown
    assert "- templates/deploy.yaml:2" in info.markdown
    refs = lang.features.references(ctx, Point(3, 1))  # service
    assert [(t.path.name, t.span) for t in refs] == [
        ("deploy.yaml", Span.of(2, 9, 2, 29)),
        ("deploy.yaml", Span.of(3, 8, 3, 23)),
    ]
    info = lang.features.hover(ctx, Point(4, 3))  # service.port
    assert info is not None and "Read by 1 template reference:" in info.markdown
    assert lang.features.references(ctx, Point(1, 0)) == []  # indentation, not a key


def test_definition_from_include_to_define(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path, _chart(tmp_path), "templates/deploy.yaml")
    lang = LANGUAGES.named("helm-template")
    assert lang is not None and lang.features.definition
    (target,) = lang.features.definition(ctx, Point(0, 19))
    assert target.origin == Span.of(0, 17, 0, 27)
    assert target.path == tmp_path / "templates/_helpers.tpl"
    assert target.span == Span.of(0, 11, 0, 21)


def test_inlay_hints_show_values(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path, _chart(tmp_path), "templates/deploy.yaml")
    lang = LANGUAGES.named("helm-template")
    assert lang is not None and lang.features.inlay_hints
    hints = lang.features.inlay_hints(ctx, Span.of(0, 0, 10, 0))
    assert [(h.point, h.label) for h in hints] == [
        (Point(1, 34), '= "nginx"'),
        (Point(1, 58), "= 1.25"),
        (Point(2, 29), "= 80"),
        (Point(3, 23), "= {1 key}"),
    ]
    only = lang.features.inlay_hints(ctx, Span.of(2, 0, 2, 40))
    assert [h.label for h in only] == ["= 80"]
    assert hint_label("x" * 50) == '"' + "x" * 28 + "…"
    assert hint_label([1, 2]) == "[2 items]"


def test_gowls_toml_helm_files_name_more_values_files(tmp_path: Path) -> None:
    """``[helm] files`` makes env/prod.yaml a values file: schema-checked, and what it sets
    counts as defined for the templates."""
    from gowls.analysis.config import ConfigResolver, Policy
    from gowls.analysis.workspace import Workspace

    files = {
        ".gowls.toml": '[helm]\nfiles = ["chart/env/*.yaml"]\n',
        "chart/Chart.yaml": CHART,
        "chart/values.yaml": "replicas: 1\n",
        "chart/values.schema.json": '{"properties": {"replicas": {"type": "integer"}}}',
        "chart/env/prod.yaml": 'replicas: "3"\nextra: x\n',
        "chart/templates/cm.yaml": "r: {{ .Values.replicas }}\ne: {{ .Values.extra }}\n",
    }
    write_tree(tmp_path, files)
    policy = Policy(ConfigResolver(LANGUAGES.codes(), sections=LANGUAGES.sections()))
    workspace = Workspace([tmp_path], policy, languages=LANGUAGES)
    found = workspace.scan()
    assert tmp_path / "chart/env/prod.yaml" in found
    results = {r.path.relative_to(tmp_path).as_posix(): r for r in workspace.check(found)}
    prod = [(f.code, f.message.split(";")[0]) for f in results["chart/env/prod.yaml"].findings]
    assert prod == [("HL101", "got string, want integer")]
    assert results["chart/templates/cm.yaml"].findings == ()
    # Without the setting, env/prod.yaml is no values file and `extra` is undefined.
    (tmp_path / ".gowls.toml").write_text("", encoding="utf-8")
    policy = Policy(ConfigResolver(LANGUAGES.codes(), sections=LANGUAGES.sections()))
    workspace = Workspace([tmp_path], policy, languages=LANGUAGES)
    found = workspace.scan()
    assert tmp_path / "chart/env/prod.yaml" not in found
    results = {r.path.relative_to(tmp_path).as_posix(): r for r in workspace.check(found)}
    assert [f.code for f in results["chart/templates/cm.yaml"].findings] == ["HL106"]


def test_values_keys_inside_list_items_from_the_schema_items(tmp_path: Path) -> None:
    schema = json.dumps(
        {
            "properties": {
                "sidecars": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "name": {"type": "string"},
                            "image": {"type": "string"},
                            "pull": {"enum": ["Always", "Never"]},
                        },
                    },
                }
            }
        }
    )
    for text, expected in [
        ("sidecars:\n  - name: a\n    ", ["image", "pull"]),
        ("sidecars:\n- name: a\n  ", ["image", "pull"]),
        ("sidecars:\n  - name: a\n    image: x\n  - ", ["image", "name", "pull"]),
        ("sidecars:\n  - name: a\n    pull: ", ["Always", "Never"]),
    ]:
        files = {"values.yaml": text, "values.schema.json": schema}
        ctx = _ctx(tmp_path, files, "values.yaml")
        assert _labels(_complete(ctx, text)) == expected, text


def test_schema_refs_are_followed_for_keys(tmp_path: Path) -> None:
    schema = json.dumps(
        {
            "definitions": {"image": {"properties": {"tag": {"description": "The tag."}}}},
            "properties": {"image": {"$ref": "#/definitions/image"}},
        }
    )
    text = "image:\n  "
    ctx = _ctx(tmp_path, {"values.yaml": text, "values.schema.json": schema}, "values.yaml")
    (item,) = _complete(ctx, text)
    assert (item.label, item.detail) == ("tag", "The tag.")


def test_keys_present_are_found_from_the_shallow_lines_alone() -> None:
    # _present reads only the lines _rows_within finds in the bytes: the same keys as reading
    # every line, at every line and indentation.
    from gowls.analysis.helm.completion import _Lines, _present, _rows_within
    from gowls.syntax.positions import LineIndex

    text = (
        "# top\nreplicaCount: 1\nimage:\n  repository: nginx\n   # odd comment\n\n"
        "  tag: x\n  nested:\n    deep: 1\n  \n  list:\n    - name: a\n      value: 1\n"
        "    - b\n  after: 2\n\t\ntabbed: 1\n- item\nlast:\r\n  k: v\r\n"
    )
    index = LineIndex(text.encode())
    lines = _Lines(index)
    every = [lines[n] for n in range(len(lines))]
    for indent in range(0, 8):
        rows = _rows_within(index, indent)
        for line in range(len(every)):
            assert _present(lines, line, indent, rows) == _present(every, line, indent), (
                line,
                indent,
            )
