"""Helm values over the wire: a schema violation on the value, its quick fix, and the schema
file changing on disk."""

from __future__ import annotations

import json
from pathlib import Path

from lsp_harness import GowlsTestClient, apply_edits, range_of, start
from lsprotocol import types as lsp

CHART = "apiVersion: v2\nname: app\nversion: 0.1.0\n"
VALUES = 'replicaCount: "3"\nimage:\n  tag: latest\n'


def _schema(replicas: str) -> str:
    props = {"replicaCount": {"type": replicas}, "image": {"type": "object"}}
    return json.dumps({"$schema": "http://json-schema.org/draft-07/schema#", "properties": props})


async def test_schema_violation_fix_and_schema_change(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    files = {
        "Chart.yaml": CHART,
        "values.yaml": VALUES,
        "values.schema.json": _schema("integer"),
        "templates/cm.yaml": "n: {{ .Values.replicaCount }}\ni: {{ .Values.image.tag }}\n",
    }
    session = await start(client, tmp_path, files)
    uri = session.open("values.yaml", language_id="yaml")
    (diag,) = (await session.diagnostics(uri)).items
    assert diag.code == "HL101"
    assert diag.severity == lsp.DiagnosticSeverity.Error
    assert diag.range == range_of(VALUES, '"3"', session.encoding)
    assert diag.message.startswith("got string, want integer")

    result = await session.client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri),
            range=diag.range,
            context=lsp.CodeActionContext(diagnostics=[diag]),
        )
    )
    fixes = [a for a in result or [] if isinstance(a, lsp.CodeAction) and a.edit is not None]
    assert [a.title for a in fixes] == ["Remove the quotes: 3"]
    edit = fixes[0].edit
    assert edit is not None and edit.changes is not None
    fixed = apply_edits(session.texts[uri], list(edit.changes[uri]), session.encoding)
    assert fixed.startswith("replicaCount: 3\n")

    # The schema now wants a string: the same value is fine.
    schema_uri = session.write("values.schema.json", _schema("string"))
    session.files_changed((schema_uri, lsp.FileChangeType.Changed))
    assert (await session.diagnostics(uri)).items == []


async def test_undefined_value_in_a_template_and_its_fix(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    template = "name: {{ .Values.nameOverride }}\nn: {{ .Values.replicaCount }}\n"
    files = {
        "Chart.yaml": CHART,
        "values.yaml": "replicaCount: 1\n",
        "templates/cm.yaml": template,
    }
    session = await start(client, tmp_path, files)
    uri = session.open("templates/cm.yaml", language_id="helm")
    (diag,) = (await session.diagnostics(uri)).items
    assert diag.code == "HL106"
    assert diag.severity == lsp.DiagnosticSeverity.Warning
    assert diag.range == range_of(template, ".Values.nameOverride", session.encoding)

    result = await session.client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri),
            range=diag.range,
            context=lsp.CodeActionContext(diagnostics=[diag]),
        )
    )
    fixes = [a for a in result or [] if isinstance(a, lsp.CodeAction) and a.edit is not None]
    assert [a.title for a in fixes] == ["Add 'nameOverride' to values.yaml"]
    edit = fixes[0].edit
    assert edit is not None and edit.changes is not None
    values_uri = session.uri("values.yaml")
    assert list(edit.changes) == [values_uri]
    fixed = apply_edits("replicaCount: 1\n", list(edit.changes[values_uri]), session.encoding)
    assert fixed == "replicaCount: 1\nnameOverride: null\n"

    # Written to disk (as the editor would save it), the warning goes away.
    session.write("values.yaml", fixed)
    session.files_changed((values_uri, lsp.FileChangeType.Changed))
    assert (await session.diagnostics(uri)).items == []


async def test_unused_value_follows_template_edits(client: GowlsTestClient, tmp_path: Path) -> None:
    """values.yaml's HL107 hint goes away when an open template starts reading the value."""
    values = "used: 1\nlater: 2\n"
    files = {
        "Chart.yaml": CHART,
        "values.yaml": values,
        "templates/cm.yaml": "u: {{ .Values.used }}\n",
    }
    session = await start(client, tmp_path, files)
    values_uri = session.open("values.yaml", language_id="yaml")
    (diag,) = (await session.diagnostics(values_uri)).items
    assert (diag.code, diag.severity) == ("HL107", lsp.DiagnosticSeverity.Hint)
    assert diag.range == range_of(values, "later", session.encoding)

    template_uri = session.open("templates/cm.yaml", language_id="helm")
    session.replace(template_uri, "{{ .Values.used }}", "{{ .Values.used }}{{ .Values.later }}")
    assert (await session.diagnostics(values_uri)).items == []


EDIT_CHART = {
    "Chart.yaml": CHART,
    "values.yaml": "image:\n  repository: nginx\n  tag: 1.25\nservice:\n  port: 80\n",
    "values.schema.json": json.dumps(
        {
            "properties": {
                "image": {"type": "object", "description": "The container image."},
                "debug": {"type": "boolean", "description": "Verbose logs."},
            }
        }
    ),
    "templates/_helpers.tpl": '{{- define "app.name" -}}{{ .Chart.Name }}{{- end }}\n',
    "templates/deploy.yaml": (
        'name: {{ include "app.name" . }}\n'
        "image: {{ .Values.image.repository }}\n"
        "port: {{ .Values.service.port }}\n"
    ),
}


def _pos(line: int, character: int) -> lsp.Position:
    return lsp.Position(line=line, character=character)


async def test_completion_in_templates_and_values(client: GowlsTestClient, tmp_path: Path) -> None:
    session = await start(client, tmp_path, EDIT_CHART)
    uri = session.open("templates/deploy.yaml", language_id="helm")
    session.replace(uri, "port: {{ .Values.service.port }}", "port: {{ .Values.se")
    await session.barrier(uri)
    result = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=lsp.TextDocumentIdentifier(uri), position=_pos(2, 19))
    )
    assert isinstance(result, lsp.CompletionList)
    labels = {i.label: i for i in result.items}
    assert set(labels) == {"debug", "image", "service"}
    edit = labels["service"].text_edit
    assert isinstance(edit, lsp.TextEdit) and edit.range == lsp.Range(_pos(2, 17), _pos(2, 19))
    # A helper name inside include "…"
    result = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=lsp.TextDocumentIdentifier(uri), position=_pos(0, 20))
    )
    assert isinstance(result, lsp.CompletionList)
    assert [i.label for i in result.items] == ["app.name"]

    session.replace(uri, "port: {{ .Values.se", "port: {{ .Values.service.port }}")
    values_uri = session.open("values.yaml", language_id="yaml")
    session.replace(values_uri, "service:\n  port: 80\n", "service:\n  port: 80\nd")
    await session.barrier(values_uri)
    result = await client.text_document_completion_async(
        lsp.CompletionParams(
            text_document=lsp.TextDocumentIdentifier(values_uri), position=_pos(5, 1)
        )
    )
    assert isinstance(result, lsp.CompletionList)
    assert [i.label for i in result.items] == ["debug"]


async def test_values_key_hover_references_include_definition_and_inlay_hints(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, EDIT_CHART)
    values_uri = session.open("values.yaml", language_id="yaml")
    ident = lsp.TextDocumentIdentifier(values_uri)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=ident, position=_pos(0, 2))
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "The container image." in hover.contents.value
    assert "- templates/deploy.yaml:2" in hover.contents.value
    refs = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=ident,
            position=_pos(3, 2),
            context=lsp.ReferenceContext(include_declaration=False),
        )
    )
    assert refs is not None
    deploy = session.uri("templates/deploy.yaml")
    assert [(r.uri, r.range) for r in refs] == [
        (deploy, lsp.Range(_pos(2, 9), _pos(2, 29))),
    ]

    uri = session.open("templates/deploy.yaml", language_id="helm")
    template = lsp.TextDocumentIdentifier(uri)
    found = await client.text_document_definition_async(
        lsp.DefinitionParams(text_document=template, position=_pos(0, 20))
    )
    targets = found if isinstance(found, list) else [found]
    assert len(targets) == 1
    target = targets[0]
    assert isinstance(target, lsp.Location | lsp.LocationLink)
    uri_of = target.target_uri if isinstance(target, lsp.LocationLink) else target.uri
    assert uri_of == session.uri("templates/_helpers.tpl")

    hints = await client.text_document_inlay_hint_async(
        lsp.InlayHintParams(text_document=template, range=lsp.Range(_pos(0, 0), _pos(3, 0)))
    )
    assert hints is not None
    assert [(h.position, h.label) for h in hints] == [
        (_pos(1, 34), '= "nginx"'),
        (_pos(2, 29), "= 80"),
    ]


async def test_go_image_older_than_go_mod_and_its_fix(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    values = "builder:\n  image: golang:1.22-alpine\n"
    files = {
        "go.mod": "module example.com/app\n\ngo 1.23.4\n",
        "deploy/Chart.yaml": CHART,
        "deploy/values.yaml": values,
        "deploy/templates/job.yaml": "image: {{ .Values.builder.image }}\n",
    }
    session = await start(client, tmp_path, files)
    uri = session.open("deploy/values.yaml", language_id="yaml")
    (diag,) = (await session.diagnostics(uri)).items
    assert (diag.code, diag.severity) == ("HL108", lsp.DiagnosticSeverity.Warning)
    assert diag.range == range_of(values, "1.22", session.encoding)
    result = await session.client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri),
            range=diag.range,
            context=lsp.CodeActionContext(diagnostics=[diag]),
        )
    )
    fixes = [a for a in result or [] if isinstance(a, lsp.CodeAction) and a.edit is not None]
    assert [a.title for a in fixes] == ["Raise to 1.23"]
    # The go line moves back: the warning goes.
    mod_uri = session.write("go.mod", "module example.com/app\n\ngo 1.22.0\n")
    session.files_changed((mod_uri, lsp.FileChangeType.Changed))
    assert (await session.diagnostics(uri)).items == []


async def test_every_other_helm_rule_reaches_the_editor(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    """HL001, HL102-HL105 over the wire, each on the file it is about (two charts: an invalid
    schema is not read any further)."""
    refs = json.dumps(
        {
            "properties": {
                "image": {"$ref": "image.schema.json"},
                "pod": {"$ref": "https://example.com/pod.json"},
            }
        }
    )
    files = {
        "a/Chart.yaml": CHART,
        "a/values.yaml": "replicaCount: 1\n",
        "a/values.schema.json": '{"properties": {"replicaCount": {"type": "int"}}}\n',
        "a/templates/cm.yaml": "n: {{ .Values.replicaCount }}\n{{- if .Values.replicaCount }}\n",
        "b/Chart.yaml": CHART,
        "b/values.yaml": "image:\n  tag: a\n  tag: b\npod:\n  name: web\n",
        "b/values.schema.json": refs,
        "b/image.schema.json": '{"type": "object"}\n',
        "b/templates/cm.yaml": "i: {{ .Values.image.tag }}\np: {{ .Values.pod.name }}\n",
    }
    session = await start(client, tmp_path, files)
    found: dict[str, set[str]] = {}
    for rel, language in (
        ("a/values.schema.json", "json"),
        ("a/templates/cm.yaml", "helm"),
        ("b/values.yaml", "yaml"),
        ("b/values.schema.json", "json"),
    ):
        uri = session.open(rel, language_id=language)
        found[rel] = {str(d.code) for d in (await session.diagnostics(uri)).items}
    assert "HL102" in found["a/values.schema.json"], found
    assert "HL105" in found["a/templates/cm.yaml"], found
    assert "HL001" in found["b/values.yaml"], found
    assert {"HL103", "HL104"} <= found["b/values.schema.json"], found
