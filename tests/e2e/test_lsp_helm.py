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
