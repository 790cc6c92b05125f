"""HL rules on small charts written to disk: ranges, messages, fixes, attribution."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from gowls.analysis.engine import check_file
from gowls.analysis.findings import Finding, Severity
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from gowls.syntax.positions import Span
from workspace_files import write_tree

CHART = "apiVersion: v2\nname: app\nversion: 0.1.0\n"
D7 = "http://json-schema.org/draft-07/schema#"


def _schema(properties: Mapping[str, object], **extra: object) -> str:
    return json.dumps({"$schema": D7, "type": "object", "properties": properties, **extra})


def _check(tmp_path: Path, files: Mapping[str, str], target: str) -> list[Finding]:
    """The findings of ``target``, without HL107 (these charts have no templates to read
    their values; test_helm_templates.py covers it)."""
    write_tree(tmp_path, files)
    snapshot = Snapshot(FileSource(), LANGUAGES)
    return [f for f in check_file(snapshot, tmp_path / target).findings if f.code != "HL107"]


def test_type_violation_on_the_value_with_unquote_fix(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": 'replicaCount: "3"\n',
        "values.schema.json": _schema({"replicaCount": {"type": "integer"}}),
    }
    [f] = _check(tmp_path, files, "values.yaml")
    assert (f.code, f.severity, f.span) == ("HL101", Severity.ERROR, Span.of(0, 14, 0, 17))
    assert f.message.startswith("got string, want integer")
    [fix] = f.fixes
    assert fix.edits[0].new_text == "3"


def test_misspelt_key_with_rename_fix(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "image:\n  tags: latest\n",
        "values.schema.json": _schema(
            {
                "image": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"tag": {}, "repository": {}},
                }
            }
        ),
    }
    [f] = _check(tmp_path, files, "values.yaml")
    assert f.span == Span.of(1, 2, 1, 6)
    assert f.message == "additional properties 'tags' not allowed; did you mean 'tag'?"
    assert [e.new_text for e in f.fixes[0].edits] == ["tag"]


def test_required_on_the_object_key(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "a: 1\nimage:\n  tag: x\n",
        "values.schema.json": _schema({"image": {"required": ["repository"]}}),
    }
    [f] = _check(tmp_path, files, "values.yaml")
    assert f.span == Span.of(1, 0, 1, 5)
    assert f.message.startswith("missing property 'repository'")


def test_override_file_reports_only_what_it_writes(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "a: 1\nb: x\n",
        "values-prod.yaml": "a: two\nb:\n",
        "ci/small-values.yaml": "b: 2\n",
        "values.schema.json": _schema({"a": {"type": "integer"}, "b": {"type": "string"}}),
    }
    assert [f.span for f in _check(tmp_path, files, "values-prod.yaml")] == [Span.of(0, 3, 0, 6)]
    [ci] = _check(tmp_path, files, "ci/small-values.yaml")
    assert ci.message.startswith("got number, want string")
    assert _check(tmp_path, files, "values.yaml") == []


def test_subchart_value_reported_where_the_parent_writes_it(tmp_path: Path) -> None:
    sub_schema = _schema(
        {"port": {"type": "integer"}, "global": {"properties": {"d": {"type": "string"}}}}
    )
    files = {
        "Chart.yaml": CHART + "dependencies:\n  - name: db\n    alias: cache\n    version: 0.1.0\n",
        "values.yaml": "cache:\n  port: high\nglobal:\n  d: 1\n",
        "charts/db/Chart.yaml": "apiVersion: v2\nname: db\nversion: 0.1.0\n",
        "charts/db/values.yaml": "port: 5432\n",
        "charts/db/values.schema.json": sub_schema,
    }
    found = _check(tmp_path, files, "values.yaml")
    assert [(f.span, f.message.split(";")[0]) for f in found] == [
        (Span.of(1, 8, 1, 12), "got string, want integer"),
        (Span.of(3, 5, 3, 6), "got number, want string"),
    ]
    assert _check(tmp_path, files, "charts/db/values.yaml") == []


def test_disabled_subchart_is_not_validated(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART
        + "dependencies:\n  - name: db\n    version: 0.1.0\n    condition: db.enabled\n",
        "values.yaml": "db:\n  enabled: false\n  port: high\n",
        "charts/db/Chart.yaml": "apiVersion: v2\nname: db\nversion: 0.1.0\n",
        "charts/db/values.schema.json": _schema({"port": {"type": "integer"}}),
    }
    assert _check(tmp_path, files, "values.yaml") == []


def test_yaml_syntax_and_duplicate_keys(tmp_path: Path) -> None:
    files = {"Chart.yaml": CHART, "values.yaml": "a: 1\nb: [1, 2\na: 2\n"}
    found = _check(tmp_path, files, "values.yaml")
    assert {f.code for f in found} == {"HL001"}
    assert any(f.severity is Severity.ERROR for f in found)
    files = {"Chart.yaml": CHART, "values.yaml": "a: 1\nb: 2\na: 3\n"}
    [dup] = _check(tmp_path, files, "values.yaml")
    assert (dup.severity, dup.span) == (Severity.WARNING, Span.of(2, 0, 2, 1))
    assert dup.related[0].span == Span.of(0, 0, 0, 1)


def test_values_files_are_recognised_beside_a_chart_only(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "loose/values.yaml": "a: 1\n",
            "app/Chart.yaml": CHART,
            "app/values-dev.yml": "a: 1\n",
            "app/ci/test.yaml": "a: 1\n",
            "app/templates/values.yaml": "a: 1\n",
            "app/other.yaml": "a: 1\n",
        },
    )
    snapshot = Snapshot(FileSource(), LANGUAGES)

    def kind(rel: str) -> str | None:
        lang = snapshot.language_of(tmp_path / rel)
        return lang.name if lang else None

    assert kind("loose/values.yaml") is None
    assert kind("app/values-dev.yml") == "helm-values"
    assert kind("app/ci/test.yaml") == "helm-values"
    assert kind("app/templates/values.yaml") == "helm-template"
    assert kind("app/other.yaml") is None


def test_invalid_json_schema_at_the_error(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "a: 1\n",
        "values.schema.json": '{\n  "type": "object",\n}\n',
    }
    [f] = _check(tmp_path, files, "values.schema.json")
    assert (f.code, f.span.start.line) == ("HL102", 2)
    assert _check(tmp_path, files, "values.yaml") == []


def test_schema_that_is_not_a_schema(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.schema.json": '{\n  "properties": {\n    "a": {"type": "int"}\n  }\n}\n',
    }
    [f] = _check(tmp_path, files, "values.schema.json")
    assert f.code == "HL102"
    assert f.span == Span.of(2, 18, 2, 23)
    assert "/properties/a/type" in f.message


def test_relative_file_ref_and_remote_ref(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "image: 5\n",
        "image.json": '{"type": "string"}',
        "values.schema.json": _schema(
            {"image": {"$ref": "image.json"}, "pod": {"$ref": "https://example.com/pod.json"}}
        ),
    }
    found = sorted(_check(tmp_path, files, "values.schema.json"), key=lambda f: f.code)
    assert [f.code for f in found] == ["HL103", "HL104"]
    assert 'fails loading "file:///image.json"' in found[0].message
    # gowls still follows the file beside the schema for the values.
    [v] = _check(tmp_path, files, "values.yaml")
    assert v.message.startswith("got number, want string")


def test_property_names_on_the_rejected_key(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "labels:\n  ok: a\n  Bad: b\n",
        "values.schema.json": _schema({"labels": {"propertyNames": {"pattern": "^[a-z]+$"}}}),
    }
    [f] = _check(tmp_path, files, "values.yaml")
    assert (f.span, f.message.split(";")[0]) == (Span.of(2, 2, 2, 5), "invalid propertyName 'Bad'")
