"""GoReleaser configurations over LSP: every rule's diagnostic, a quick fix, completion, hover."""

from __future__ import annotations

from pathlib import Path

from lsp_harness import GowlsTestClient, apply_edits, start
from lsprotocol import types as lsp

BROKEN = """version: 2
builds:
  - binry: app
    goos: linux
    mod: workspace
    gobinary: go
    ldflags: ["-X main.root={{ .WorkspaceDir }}"]
archives:
  - formats: [rar]
changelog:
  skip: true
includes:
  - from_file:
      path: common.yaml
"""
V1 = "project_name: app\nproject_name: again\n"
V3 = "version: 3\n"
FIXABLE = "version: 2\nbuilds:\n  - id: app\n    mod: workspace\n    main: ./cmd/app\n"
MAIN_GO = "package main\n\nfunc main() {}\n"


def pos(line: int, character: int) -> lsp.Position:
    return lsp.Position(line=line, character=character)


async def test_every_goreleaser_rule_reaches_the_editor(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(
        client,
        tmp_path,
        {".goreleaser.yaml": BROKEN, "v1/.goreleaser.yml": V1, "v3/goreleaser.yaml": V3},
    )
    codes: dict[str, int] = {}
    for rel in (".goreleaser.yaml", "v1/.goreleaser.yml", "v3/goreleaser.yaml"):
        uri = session.open(rel, language_id="yaml")
        for diag in (await session.diagnostics(uri)).items:
            codes.setdefault(str(diag.code), diag.range.start.line)
    assert codes == {
        "GR101": 2,
        "GR102": 3,
        "GR110": 4,
        "GR106": 5,
        "GR109": 6,
        "GR103": 8,
        "GR107": 10,
        "GR108": 11,
        "GR104": 0,
        "GR001": 1,
        "GR105": 0,
    }


async def test_goreleaser_quick_fix_removes_mod(client: GowlsTestClient, tmp_path: Path) -> None:
    files = {".goreleaser.yaml": FIXABLE, "cmd/app/main.go": MAIN_GO}
    session = await start(client, tmp_path, files)
    uri = session.open(".goreleaser.yaml", language_id="yaml")
    (diag,) = (await session.diagnostics(uri)).items
    assert diag.code == "GR110"
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri),
            range=diag.range,
            context=lsp.CodeActionContext(diagnostics=[diag]),
        )
    )
    (action,) = [a for a in result or [] if isinstance(a, lsp.CodeAction)]
    assert action.title == "Remove mod" and action.edit and action.edit.changes
    fixed = apply_edits(session.texts[uri], action.edit.changes[uri], session.encoding)
    assert fixed == "version: 2\nbuilds:\n  - id: app\n    main: ./cmd/app\n"
    session.replace(uri, session.texts[uri], fixed)
    assert (await session.diagnostics(uri)).items == []


async def test_goreleaser_completion_and_hover(client: GowlsTestClient, tmp_path: Path) -> None:
    text = "version: 2\nbuilds:\n  - id: app\n    go\n"
    session = await start(client, tmp_path, {".goreleaser.yaml": "version: 2\n"})
    uri = session.open(".goreleaser.yaml", text, language_id="yaml")
    result = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=lsp.TextDocumentIdentifier(uri), position=pos(3, 6))
    )
    assert isinstance(result, lsp.CompletionList)
    labels = {item.label for item in result.items}
    assert {"goos", "goarch", "binary"} <= labels and "id" not in labels
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri), position=pos(2, 5))
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert hover.contents.value.startswith("**id**")


WORKSPACE_CONFIG = """version: 2
gomod:
  proxy: true
  mod: mod
builds:
  - main: ./cmd/app
    env:
      - GOWORK=off
  - dir: tools
archives:
  - ids: [app]
"""
WORKFLOW = """on: push
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: goreleaser/goreleaser-action@v6
        with:
          version: v2.5.0
"""


async def test_repository_rules_reach_the_editor(client: GowlsTestClient, tmp_path: Path) -> None:
    files = {
        ".goreleaser.yaml": WORKSPACE_CONFIG,
        ".github/workflows/release.yml": WORKFLOW,
        "go.work": "go 1.22\n\nuse (\n\t./lib\n\t.\n)\n",
        "go.mod": "module example.com/app\n\ngo 1.22\n\nreplace example.com/x => ../x\n",
        "lib/go.mod": "module example.com/lib\n\ngo 1.22\n",
        "tools/go.mod": "module example.com/tools\n\ngo 1.22\n",
    }
    session = await start(client, tmp_path, files)
    uri = session.open(".goreleaser.yaml", language_id="yaml")
    codes = {(str(d.code), d.range.start.line) for d in (await session.diagnostics(uri)).items}
    assert codes == {
        ("GR113", 2),
        ("GR115", 3),
        ("GR116", 1),
        ("GR112", 5),
        ("GR114", 7),
        ("GR117", 8),
        ("GR111", 10),
    }


async def test_goreleaser_settings_reach_the_editor(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    """`[goreleaser] pro` decides the edition; editing .gowls.toml re-checks the open config."""
    config = "version: 2\nnightly:\n  version_template: x\n"
    files = {".goreleaser.yaml": config, ".gowls.toml": "[goreleaser]\npro = false\n"}
    session = await start(client, tmp_path, files)
    uri = session.open(".goreleaser.yaml", language_id="yaml")
    (diag,) = (await session.diagnostics(uri)).items
    assert (diag.code, diag.severity) == ("GR108", lsp.DiagnosticSeverity.Error)
    toml = session.write(".gowls.toml", '[goreleaser]\npro = true\nversion = "abc"\n')
    session.files_changed((toml, lsp.FileChangeType.Changed))
    (diag,) = (await session.diagnostics(uri)).items
    assert diag.code == "GR118" and diag.range.start.line == 0
    assert diag.message.startswith(".gowls.toml [goreleaser]: `version`")
