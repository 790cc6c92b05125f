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
