"""What the server advertises at initialize, and the file watcher it registers."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_harness import GowlsTestClient, capabilities, start
from lsprotocol import types as lsp
from pytest_lsp.client import captured_exception_key

FILES: dict[str, str | bytes] = {
    "go.work": "go 1.22\n\nuse ./a\n",
    "a/go.mod": "module example.com/a\n\ngo 1.22\n",
}


async def test_initialize_result_advertises_features(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, FILES)
    caps = session.result.capabilities
    assert session.result.server_info is not None
    assert session.result.server_info.name == "gowls"

    sync = caps.text_document_sync
    assert isinstance(sync, lsp.TextDocumentSyncOptions)
    assert sync.change == lsp.TextDocumentSyncKind.Incremental
    assert int(sync.change) == 2
    assert sync.open_close is True

    # These editors' capabilities cannot be asked to refresh pulled diagnostics, so the
    # server pushes and does not offer pulls (a client doing both would show each twice).
    assert not session.pull
    assert caps.diagnostic_provider is None

    for feature in (
        caps.completion_provider,
        caps.hover_provider,
        caps.definition_provider,
        caps.document_link_provider,
        caps.document_symbol_provider,
        caps.folding_range_provider,
        caps.document_formatting_provider,
    ):
        assert feature, "an editing feature is not advertised"
    assert caps.execute_command_provider is not None
    assert set(caps.execute_command_provider.commands) >= {
        "gowls.migrate",
        "gowls.checkWorkspace",
    }

    actions = caps.code_action_provider
    assert isinstance(actions, lsp.CodeActionOptions)
    assert actions.code_action_kinds is not None
    assert lsp.CodeActionKind.QuickFix in actions.code_action_kinds

    assert caps.position_encoding in ("utf-8", "utf-16", "utf-32")


async def test_pull_clients_are_offered_pulled_diagnostics(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, FILES, pull=True)
    diag = session.result.capabilities.diagnostic_provider
    assert isinstance(diag, lsp.DiagnosticOptions)
    assert diag.inter_file_dependencies is True
    assert diag.workspace_diagnostics is True


async def test_watcher_is_registered_when_the_client_supports_dynamic_registration(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    caps = capabilities(client.editor)
    assert caps.workspace is not None
    watched = caps.workspace.did_change_watched_files
    dynamic = bool(watched and watched.dynamic_registration)
    assert dynamic == (client.editor == "visual-studio-code")

    # start() returns after the server's start-up work, which registers before it scans.
    await start(client, tmp_path, FILES, caps=caps)

    registrations = [
        r for r in client.registrations if r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES
    ]
    if not dynamic:
        assert registrations == []
        return
    assert len(registrations) == 1
    options = registrations[0].register_options
    assert isinstance(options, dict), options
    globs = sorted(w["globPattern"] for w in options["watchers"])
    assert globs == [
        "**/.goreleaser.yaml",
        "**/.goreleaser.yml",
        "**/.gowls.toml",
        "**/Chart.yaml",
        "**/ci/*.yaml",
        "**/go.mod",
        "**/go.work",
        "**/goreleaser.yaml",
        "**/goreleaser.yml",
        "**/pyproject.toml",
        "**/templates/**",
        "**/values*.yaml",
        "**/values*.yml",
        "**/values.schema.json",
    ]


async def test_watcher_is_registered_when_dynamic_registration_is_turned_on(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    """Neovim 0.11 lacks the capability; with it patched in, it gets the watcher too."""
    caps = capabilities(client.editor)
    assert caps.workspace is not None
    caps.workspace.did_change_watched_files = lsp.DidChangeWatchedFilesClientCapabilities(
        dynamic_registration=True
    )
    await start(client, tmp_path, FILES, caps=caps)
    methods = [r.method for r in client.registrations]
    assert methods == [lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES]


async def test_server_works_when_the_client_refuses_the_registration(
    client: GowlsTestClient, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    client.refuse_registrations = True
    caps = capabilities(client.editor)
    assert caps.workspace is not None
    caps.workspace.did_change_watched_files = lsp.DidChangeWatchedFilesClientCapabilities(
        dynamic_registration=True
    )
    session = await start(
        client, tmp_path, {**FILES, "go.work": "go 1.22\n\nuse ./a ./b\n"}, caps=caps
    )
    uri = session.open("go.work")
    report = await session.diagnostics(uri)
    assert [d.code for d in report.items] == ["GW001"]
    assert client.registrations == []
    # The refusal is an exception in our client handler, which pytest-lsp would report as
    # this test's failure; it is the point of the test, so forget it.
    request.node.stash[captured_exception_key] = None


async def test_start_up_scan_reports_progress(client: GowlsTestClient, tmp_path: Path) -> None:
    caps = capabilities(client.editor)
    caps.window = lsp.WindowClientCapabilities(work_done_progress=True)
    await start(client, tmp_path, FILES, caps=caps)
    await client.wait_until(
        lambda: any(
            any(isinstance(v, lsp.WorkDoneProgressEnd) for v in values)
            for values in client.progress_reports.values()
        ),
        "the end of the start-up progress",
    )
    ((token, values),) = client.progress_reports.items()
    assert token.startswith("gowls-")
    kinds = [type(v).__name__ for v in values]
    assert kinds == ["WorkDoneProgressBegin", "WorkDoneProgressReport", "WorkDoneProgressEnd"]
    end = values[-1]
    assert isinstance(end, lsp.WorkDoneProgressEnd)
    assert end.message == "2 files checked"
