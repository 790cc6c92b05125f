"""Lifecycle and synchronisation: initialize, open/change/save/close, file and folder events."""

from __future__ import annotations

import asyncio
import logging
import uuid
from pathlib import Path

from lsprotocol import types as lsp

from gowls.analysis.config import ConfigResolver, Policy
from gowls.analysis.snapshot import normalize
from gowls.analysis.workspace import Workspace
from gowls.lsp.convert import Converter, clean_text, encoding_of, uri_to_path
from gowls.lsp.server import CONFIG_NAMES, WATCHED_GLOBS, GowlsServer

log = logging.getLogger(__name__)


async def _begin_progress(ls: GowlsServer, title: str) -> str | None:
    """Start a work-done progress if the client shows them; returns its token."""
    window = ls.client_capabilities.window
    if not (window and window.work_done_progress):
        return None
    token = f"gowls-{uuid.uuid4()}"
    try:
        await ls.work_done_progress.create_async(token)
    except Exception:  # the client refused: work on without a progress bar
        log.info("client refused a work-done progress", exc_info=True)
        return None
    ls.work_done_progress.begin(token, lsp.WorkDoneProgressBegin(title=title, cancellable=False))
    return token


def register(server: GowlsServer) -> None:
    """Register the lifecycle and synchronisation handlers."""

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: GowlsServer, params: lsp.InitializeParams) -> None:
        caps = params.capabilities
        ls.converter = Converter(encoding_of(ls.workspace.position_encoding), ls.uri_of)
        td = caps.text_document
        ws = caps.workspace
        refresh = bool(ws and ws.diagnostics and ws.diagnostics.refresh_support)
        ls.pull = bool(td and td.diagnostic) and refresh
        ls.related_info = (
            bool(td and td.publish_diagnostics and td.publish_diagnostics.related_information)
            or ls.pull
        )
        roots: list[Path] = []
        for folder in params.workspace_folders or []:
            path = uri_to_path(folder.uri)
            if path:
                roots.append(path)
        if not roots and params.root_uri:
            path = uri_to_path(params.root_uri)
            if path:
                roots.append(path)
        resolver = ConfigResolver(fallback=roots[0] if roots else None, strict=False)
        ls.model = Workspace(roots, policy=Policy(resolver))
        if not ls.pull:
            # Pushing already; a client that could also pull would show everything twice.
            for method in (lsp.TEXT_DOCUMENT_DIAGNOSTIC, lsp.WORKSPACE_DIAGNOSTIC):
                ls.protocol.fm.features.pop(method, None)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: GowlsServer, params: lsp.InitializedParams) -> None:
        caps = ls.client_capabilities
        ws = caps.workspace
        if ws and ws.did_change_watched_files and ws.did_change_watched_files.dynamic_registration:
            watchers = [lsp.FileSystemWatcher(glob_pattern=g) for g in WATCHED_GLOBS]
            try:
                await ls.client_register_capability_async(
                    lsp.RegistrationParams(
                        registrations=[
                            lsp.Registration(
                                id="gowls-watch",
                                method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                                    watchers=watchers
                                ),
                            )
                        ]
                    )
                )
            except Exception:  # the client refused; we still work from didSave
                log.warning("client refused the file watcher registration", exc_info=True)
        progress = await _begin_progress(ls, "Scanning the workspace for go.work and go.mod")
        found = await asyncio.to_thread(ls.model.discover_files)
        ls.model.add_files(found)
        ls.scanned.set()
        if progress:
            ls.work_done_progress.report(
                progress, lsp.WorkDoneProgressReport(message=f"checking {len(found)} files")
            )
        results = ls.model.check(found)
        if progress:
            ls.work_done_progress.end(
                progress, lsp.WorkDoneProgressEnd(message=f"{len(found)} files checked")
            )
        if ls.pull:
            ls.workspace_diagnostic_refresh(None)
        else:
            for result in results:
                ls.publish(result)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: GowlsServer, params: lsp.DidOpenTextDocumentParams) -> None:
        path = uri_to_path(params.text_document.uri)
        if path is None:
            return
        ls.uris[normalize(path)] = params.text_document.uri
        ls.model.open(path, clean_text(params.text_document.text), params.text_document.version)
        ls.refresh([path])

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: GowlsServer, params: lsp.DidChangeTextDocumentParams) -> None:
        path = uri_to_path(params.text_document.uri)
        if path is None:
            return
        path = normalize(path)
        current = ls.model.overlay.get(path)
        if current is None:
            log.warning("ignoring a change to %s, which is not open", params.text_document.uri)
            return
        text = current.text
        for change in params.content_changes:
            if isinstance(change, lsp.TextDocumentContentChangePartial):
                text = ls.converter.apply_change(text, change.range, clean_text(change.text))
            else:
                text = clean_text(change.text)
        ls.model.open(path, text, params.text_document.version)
        ls.refresh([path])

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: GowlsServer, params: lsp.DidSaveTextDocumentParams) -> None:
        path = uri_to_path(params.text_document.uri)
        if path is not None:
            ls.refresh([path])

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GowlsServer, params: lsp.DidCloseTextDocumentParams) -> None:
        path = uri_to_path(params.text_document.uri)
        if path is None:
            return
        ls.model.close(path)
        ls.refresh([path])
        ls.uris.pop(normalize(path), None)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: GowlsServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        changed: list[Path] = []
        config_changed = False
        for event in params.changes:
            path = uri_to_path(event.uri)
            if path is None:
                continue
            if path.name in CONFIG_NAMES:
                config_changed = True
                continue
            ls.model.file_event(path, deleted=event.type == lsp.FileChangeType.Deleted)
            changed.append(path)
        if config_changed:
            ls.reconfigure()
        elif changed:
            ls.refresh(changed)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def did_change_folders(
        ls: GowlsServer, params: lsp.DidChangeWorkspaceFoldersParams
    ) -> None:
        gone: list[Path] = []
        for folder in params.event.removed:
            path = uri_to_path(folder.uri)
            if path:
                gone += ls.model.remove_root(path)
        added = [normalize(p) for p in (uri_to_path(f.uri) for f in params.event.added) if p]
        ls.model.roots.extend(added)
        found = await asyncio.to_thread(ls.model.discover_files, added)
        ls.model.add_files(found)
        ls.refresh([*found, *gone])
