"""What templates read from .Values, and the template rules HL105-HL107 on small charts."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from gowls.analysis.engine import check_file
from gowls.analysis.findings import Finding, Severity
from gowls.analysis.helm.templates import template_reads
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from gowls.syntax.positions import LineIndex, Point, Span
from workspace_files import write_tree

CHART = "apiVersion: v2\nname: app\nversion: 0.1.0\n"


def _reads(text: str) -> list[tuple[str, bool]]:
    return [(".".join(r.path), r.guarded) for r in template_reads(text.encode()).refs]


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("{{ .Values.a.b }}", [("a.b", False)]),
        ("{{ $.Values.a }}", [("a", False)]),
        ("{{ .Values.a | default 1 }}", [("a", True)]),
        ('{{ default "x" .Values.a }}', [("a", True)]),
        ('{{ required "a!" .Values.a }}', [("a", True)]),
        ('{{ index .Values "a" "b" }}', [("a.b", True)]),
        ("{{ if .Values.a }}{{ .Values.a.b }}{{ end }}", [("a", True), ("a.b", True)]),
        ("{{ if .Values.x }}{{ else }}{{ .Values.x.y }}{{ end }}", [("x", True), ("x.y", True)]),
        ("{{ with .Values.a }}{{ .b }}{{ end }}", [("a", True), ("a.b", True)]),
        ("{{ range .Values.l }}{{ .name }}{{ end }}", [("l", True)]),
        ("{{ $x := .Values.a }}{{ $x.b }}", [("a", False), ("a.b", False)]),
        ("{{ $g := . }}{{ with $g }}{{ .Values.c }}{{ end }}", [("c", False)]),
        ("{{ with.Values.a }}{{ end }}", [("a", True)]),
        ('{{ include "x" (dict "context" .) }}{{ .context.Values.k }}', [("k", True)]),
        ("{{ toYaml (.Values.r | default dict) }}", [("r", True)]),
    ],
)
def test_template_reads(text: str, reads: list[tuple[str, bool]]) -> None:
    assert _reads(text) == reads


def test_dynamic_reads_and_writes() -> None:
    reads = template_reads(b'{{ include "x" .Values }}{{ $_ := set .Values.a "b" 1 }}')
    assert reads.dynamic
    assert ("a", "b") in reads.writes


def _check(tmp_path: Path, files: Mapping[str, str], target: str) -> list[Finding]:
    write_tree(tmp_path, files)
    snapshot = Snapshot(FileSource(), LANGUAGES)
    return list(check_file(snapshot, tmp_path / target).findings)


def test_template_syntax_and_unknown_function(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "a: 1\n",
        "templates/cm.yaml": "x: {{ .Values.a | quot }}\n{{ end }}\n",
    }
    found = _check(tmp_path, files, "templates/cm.yaml")
    assert [(f.code, f.message) for f in found] == [
        ("HL105", 'function "quot" not defined; did you mean quote?'),
        ("HL105", "unexpected {{end}}"),
    ]
    assert found[0].span == Span.of(0, 18, 0, 22)
    assert [e.new_text for e in found[0].fixes[0].edits] == ["quote"]


def test_undefined_value_warning(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "image:\n  tag: x\nresources: {}\n",
        "templates/d.yaml": (
            "a: {{ .Values.image.tga }}\n"
            "b: {{ .Values.image.tag }}\n"
            "c: {{ .Values.resources.limits }}\n"
            "d: {{ .Values.missing | default 2 }}\n"
        ),
    }
    [f] = _check(tmp_path, files, "templates/d.yaml")
    assert (f.code, f.severity, f.span) == ("HL106", Severity.WARNING, Span.of(0, 6, 0, 23))
    assert f.message.startswith("`.Values.image.tga` is not set")


def test_schema_declared_value_is_not_undefined(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "a: 1\n",
        "values.schema.json": '{"properties": {"opt": {"type": "string"}}}',
        "templates/d.yaml": "x: {{ .Values.opt }}\n",
    }
    assert _check(tmp_path, files, "templates/d.yaml") == []


def test_unused_value_hint_with_remove_fix(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART
        + "dependencies:\n  - name: db\n    version: 0.1.0\n    condition: db.enabled\n",
        "values.yaml": (
            "used: 1\nleftover:\n  deep: true\nimage:\n  tag: x\n  digest: y\n"
            "db:\n  enabled: true\n  port: 1\n  extra: 2\nglobal:\n  domain: d\n"
        ),
        "templates/d.yaml": "{{ .Values.used }}{{ .Values.image.tag }}\n",
        "charts/db/Chart.yaml": "apiVersion: v2\nname: db\nversion: 0.1.0\n",
        "charts/db/values.yaml": "port: 5432\n",
        "charts/db/templates/s.yaml": "{{ .Values.port }}{{ .Values.global.domain }}\n",
    }
    found = _check(tmp_path, files, "values.yaml")
    assert [(f.code, f.message.split(":")[0]) for f in found] == [
        ("HL107", "unused value 'leftover'"),
        ("HL107", "unused value 'image.digest'"),
        ("HL107", "unused value 'db.extra'"),
    ]
    assert all(f.severity is Severity.HINT for f in found)
    [fix] = found[0].fixes
    assert fix.edits[0].span == Span.of(1, 0, 3, 0)


def test_no_unused_hints_when_values_are_passed_whole(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "a: 1\nb: 2\n",
        "templates/d.yaml": '{{ include "helper" .Values }}\n',
    }
    assert _check(tmp_path, files, "values.yaml") == []


@pytest.mark.parametrize(
    ("values", "ref", "fixed"),
    [
        (
            "image:\n  tag: x\nother: 1\n",
            "image.digest",
            "image:\n  tag: x\n  digest: null\nother: 1\n",
        ),
        ("a: 1\n", "b.c", "a: 1\nb:\n  c: null\n"),
        ("a: 1", "b", "a: 1\nb: null\n"),
        ("", "b", "b: null\n"),
    ],
)
def test_undefined_value_fix_adds_it_to_values_yaml(
    tmp_path: Path, values: str, ref: str, fixed: str
) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": values,
        "templates/d.yaml": f"x: {{{{ .Values.{ref} }}}}\n",
    }
    [f] = _check(tmp_path, files, "templates/d.yaml")
    [fix] = f.fixes
    assert {e.path for e in fix.edits} == {tmp_path / "values.yaml"}
    [edit] = fix.edits
    index = LineIndex(values)
    start, end = index.offset(edit.span.start), index.offset(edit.span.end)
    assert (index.data[:start] + edit.new_text.encode() + index.data[end:]).decode() == fixed


def test_hover_and_definition_on_a_reference(tmp_path: Path) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "image:\n  tag: '1.0'\n",
        "values-prod.yaml": "image:\n  tag: '2.0'\n",
        "values.schema.json": (
            '{"properties": {"image": {"properties": {"tag": '
            '{"type": "string", "description": "The image tag."}}}}}'
        ),
        "templates/d.yaml": "t: {{ .Values.image.tag }}\n",
    }
    write_tree(tmp_path, files)
    snapshot = Snapshot(FileSource(), LANGUAGES)
    path = tmp_path / "templates/d.yaml"
    lang = LANGUAGES.named("helm-template")
    assert lang is not None and lang.features.hover and lang.features.definition
    ctx = RuleContext(snapshot, path, snapshot.document(path))
    info = lang.features.hover(ctx, Point(0, 12))
    assert info is not None
    assert info.span == Span.of(0, 6, 0, 23)
    assert '- values.yaml: `"1.0"`' in info.markdown
    assert '- values-prod.yaml: `"2.0"`' in info.markdown
    assert "The image tag." in info.markdown
    targets = lang.features.definition(ctx, Point(0, 12))
    assert [(t.path.name, t.span) for t in targets] == [
        ("values.yaml", Span.of(1, 2, 1, 5)),
        ("values-prod.yaml", Span.of(1, 2, 1, 5)),
    ]
    assert lang.features.hover(ctx, Point(0, 0)) is None
