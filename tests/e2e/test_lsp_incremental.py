"""Incremental analysis: the edited document first, early cutoff, diagnostics before the scan."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsp_harness import TIMEOUT, GowlsTestClient, capabilities, settle, start
from lsprotocol import types as lsp

MODULES = 30


def _workspace(modules: int = MODULES) -> dict[str, str | bytes]:
    uses = "".join(f"\t./m{i}\n" for i in range(modules))
    files: dict[str, str | bytes] = {"go.work": f"go 1.22\n\nuse (\n{uses})\n"}
    for i in range(modules):
        files[f"m{i}/go.mod"] = (
            f"module example.com/m{i}\n\ngo 1.22\n\nrequire example.com/m{(i + 1) % modules} "
            "v0.0.0\n"
        )
    return files


async def _checked(client: GowlsTestClient) -> int:
    """Settle; the number of files the last pass checked."""
    result = await asyncio.wait_for(
        client.workspace_execute_command_async(
            lsp.ExecuteCommandParams(command="gowls.awaitAnalysis", arguments=[])
        ),
        TIMEOUT,
    )
    return int(result["checked"])


async def test_an_edit_that_changes_no_fact_rechecks_only_the_edited_file(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, _workspace())
    uri = session.open("m3/go.mod")
    await settle(client)
    # A comment after a directive, its text, trailing blanks, a comment line at the end: no
    # fact other files read (a line inserted above a directive moves its span, which is one).
    session.replace(uri, "go 1.22\n", "go 1.22 // the toolchain floor\n")
    assert await _checked(client) == 1
    session.replace(uri, "toolchain floor", "lowest toolchain")
    assert await _checked(client) == 1
    session.replace(uri, "v0.0.0\n", "v0.0.0   \n\n// kept for the workspace\n")
    assert await _checked(client) == 1
    # The go version is a fact the go.work and every module's graph read.
    session.replace(uri, "go 1.22 //", "go 1.23 //")
    assert await _checked(client) == MODULES + 1
    # Back to a comment edit: cut off again, against the facts the last pass published.
    session.replace(uri, "the lowest toolchain", "floor")
    assert await _checked(client) == 1


async def test_the_edited_document_is_published_before_its_dependents(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, _workspace())
    uri = session.open("m3/go.mod")
    await settle(client)
    session.mark()
    start_at = len(client.published)
    # go 1.23 in a module of a go 1.22 workspace: the go.work gets a finding too.
    version = session.replace(uri, "go 1.22", "go 1.23")
    await settle(client)
    pushes = [(p.uri, p.version) for p in client.published[start_at:]]
    gowork = session.uri("go.work")
    assert (uri, version) in pushes and any(u == gowork for u, _ in pushes), pushes
    assert pushes.index((uri, version)) < next(i for i, p in enumerate(pushes) if p[0] == gowork)


async def test_an_opened_file_gets_diagnostics_before_the_scan(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    """The start-up scan waits for the watcher registration, which this client answers only
    after the opened file's diagnostics arrived: they cannot have waited for the scan."""
    files = _workspace(200)
    files["m7/go.mod"] = "module example.com/m7\n\ngo 1.22\n\nrequire example.com/x 1.0.0\n"
    for rel, content in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(str(content), encoding="utf-8")
    caps = capabilities(client.editor)
    workspace = caps.workspace or lsp.WorkspaceClientCapabilities()
    workspace.did_change_watched_files = lsp.DidChangeWatchedFilesClientCapabilities(
        dynamic_registration=True
    )
    caps.workspace = workspace
    if caps.text_document is not None:
        caps.text_document.diagnostic = None  # pushes
    hold = asyncio.Event()
    client.hold_registrations = hold
    await asyncio.wait_for(
        client.initialize_session(
            lsp.InitializeParams(
                capabilities=caps,
                root_uri=tmp_path.as_uri(),
                workspace_folders=[lsp.WorkspaceFolder(uri=tmp_path.as_uri(), name="ws")],
            )
        ),
        TIMEOUT,
    )
    uri = (tmp_path / "m7/go.mod").as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(
                uri=uri, language_id="go.mod", version=1, text=str(files["m7/go.mod"])
            )
        )
    )
    await client.wait_until(
        lambda: any(p.uri == uri and p.version == 1 for p in client.published),
        "the opened file's diagnostics",
    )
    assert not hold.is_set() and not client.registrations  # the scan has not begun
    early = next(p for p in client.published if p.uri == uri)
    assert early.diagnostics  # the malformed version
    hold.set()
    await settle(client)
    assert client.registrations
    final = [p for p in client.published if p.uri == uri][-1]
    assert [d.message for d in final.diagnostics] == [d.message for d in early.diagnostics]
