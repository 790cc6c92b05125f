"""Incremental template scanning: random edit sequences give what a fresh scan gives
(actions, comments, texts, blocks, problems), and an edit near the end re-reads little."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gowls.analysis.helm import templates as helm_templates
from gowls.analysis.helm.documents import (
    parse_template_file,
    reparse_template_file,
    template_facet_changes,
    template_facts,
)
from gowls.syntax.gotemplate import rescan_template, scan_template
from gowls.syntax.gotemplate import structure as gt_structure

BASE = """{{- /* header */ -}}
{{- define "demo.name" -}}
{{ default .Chart.Name .Values.nameOverride | trunc 63 }}
{{- end }}
{{- if .Values.enabled }}
kind: Deployment
metadata:
  name: {{ include "demo.name" . }}
  labels: {{- toYaml .Values.labels | nindent 4 }}
{{- $x := .Values.replicas }}
spec:
  replicas: {{ $x }}
  {{- with .Values.image }}
  image: "{{ .repository }}:{{ .tag | default "latest" }}"
  {{- else }}
  image: none
  {{- end }}
  {{- range $i, $v := .Values.ports }}
  - port: {{ $v }} {{ if eq $i 0 }}first{{ else if gt $i 3 }}late{{ end }}
  {{- end }}
{{- end }}
{{ bad ( .Values.x }}
{{ "unterminated }}
{{/* unclosed comment
"""

PATH = Path("/w/chart/templates/demo.yaml")

PIECES = (
    " ",
    "\n",
    "{{",
    "}}",
    "{{- ",
    " -}}",
    "{{ end }}",
    "{{ if .X }}",
    "{{ else }}",
    "{{/*",
    "*/}}",
    '"',
    "'",
    "(",
    ")",
    "$y := 1",
    "$y",
    ".Values.a",
    "|",
    "x",
    "",
    '{{ define "n" }}',
    "{{ range . }}",
    "{{ break }}",
)


@pytest.fixture
def dense_checkpoints(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader checkpoint before every action, so short texts exercise resuming too."""
    monkeypatch.setattr(gt_structure, "CHECKPOINT_EVERY", 1)
    monkeypatch.setattr(helm_templates, "_CHECKPOINT_EVERY", 1)


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_edits_equal_fresh_scan(dense_checkpoints: None, data: st.DataObject) -> None:
    text = BASE
    scan = scan_template(text.encode())
    doc = parse_template_file(text.encode(), PATH)
    for _ in range(data.draw(st.integers(1, 6))):
        insert = "".join(data.draw(st.lists(st.sampled_from(PIECES), max_size=3)))
        start = data.draw(st.integers(0, len(text)))
        length = data.draw(st.integers(0, 20))
        text = text[:start] + insert + text[start + length :]
        scan = rescan_template(scan, text.encode())
        assert scan == scan_template(text.encode())
        doc = reparse_template_file(text.encode(), PATH, doc)
        fresh = parse_template_file(text.encode(), PATH)
        assert (doc.index.data, doc.scan, doc.reads, doc.problems) == (
            fresh.index.data,
            fresh.scan,
            fresh.reads,
            fresh.problems,
        )


def test_an_edit_at_the_end_keeps_the_actions_before_it() -> None:
    body = "".join(
        f"{{{{- if .Values.c{i}.enabled }}}}\nname: {{{{ .Values.c{i}.name }}}}\n{{{{- end }}}}\n"
        for i in range(100)
    )
    old = scan_template(body.encode())
    text = body + "x: {{ .Values.last }}\n"
    new = rescan_template(old, text.encode())
    assert new == scan_template(text.encode())
    assert all(a is b for a, b in zip(new.actions[:256], old.actions[:256], strict=True))


def test_template_facts_ignore_text_and_positions() -> None:
    text = 'a: {{ .Values.a }}\nimage: golang:{{ .Values.go }}\n{{ $_ := set .Values "w" 1 }}\n'
    doc = parse_template_file(text.encode(), PATH)
    (reads, dynamic), writes, fed = template_facts(doc)
    assert reads == {("a",), ("go",)} and dynamic and fed == {("go",)}  # set .Values: dynamic
    assert writes == {("w",)}
    moved = reparse_template_file(("# a comment\n" + text).encode(), PATH, doc)
    assert template_facts(moved) == template_facts(doc)
    more = reparse_template_file((text + "{{ .Values.b }}\n").encode(), PATH, doc)
    assert template_facts(more) != template_facts(doc)


@pytest.mark.parametrize(
    ("added", "changed"),
    [
        ("# {{/* a comment */}}\n", set()),
        ("b: {{ .Values.b }}\n", {"reads"}),
        ('{{ $_ := set .Values "w2" 1 }}\n', {"writes"}),
        ("image: golang:{{ .Values.a }}\n", {"golang-fed"}),
        ("image: golang:{{ .Values.c }}\n", {"reads", "golang-fed"}),
    ],
)
def test_template_facet_changes_name_the_parts_that_differ(added: str, changed: set[str]) -> None:
    text = 'a: {{ .Values.a }}\n{{ $_ := set .Values "w" 1 }}\n'
    doc = parse_template_file(text.encode(), PATH)
    edited = reparse_template_file((text + added).encode(), PATH, doc)
    assert template_facet_changes(doc, edited) == changed
    assert (
        template_facet_changes(edited, parse_template_file((text + added).encode(), PATH)) == set()
    )
