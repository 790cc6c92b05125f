"""Lifecycle and synchronisation: initialize, open/change/save/close, file and folder events.

Each handler is a small function: it translates the notification into a workspace change and
hands the analysis to the server's queue (``GowlsServer.schedule``). Document text comes from
pygls's own workspace, which has already applied the incremental edits.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import uuid
from pathlib import Path

from lsprotocol import types as lsp

from gowls.analysis.config import ConfigResolver, Policy
from gowls.analysis.snapshot import normalize
from gowls.analysis.workspace import Workspace
from gowls.lsp import diagnostics
from gowls.lsp.convert import Converter, clean_text, encoding_of, uri_to_path
from gowls.lsp.server import CONFIG_GLOBS, CONFIG_NAMES, GowlsServer
from gowls.lsp.textdoc import install as install_text_changes

log = logging.getLogger(__name__)

install_text_changes()  # pygls's incremental didChange without its per-line loop


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


def _roots(params: lsp.InitializeParams) -> list[Path]:
    roots: list[Path] = []
    for folder in params.workspace_folders or []:
        path = uri_to_path(folder.uri)
        if path:
            roots.append(path)
    if not roots and params.root_uri:
        path = uri_to_path(params.root_uri)
        if path:
            roots.append(path)
    return roots


def initialize(ls: GowlsServer, params: lsp.InitializeParams) -> None:
    """Negotiate encoding and diagnostics mode; set up the workspace and its configuration."""
    caps = params.capabilities
    ls.converter = Converter(encoding_of(ls.workspace.position_encoding), ls.uri_of, ls.rule_url)
    td = caps.text_document
    ws = caps.workspace
    refresh = bool(ws and ws.diagnostics and ws.diagnostics.refresh_support)
    ls.pull = bool(td and td.diagnostic) and refresh
    ls.related_info = (
        bool(td and td.publish_diagnostics and td.publish_diagnostics.related_information)
        or ls.pull
    )
    roots = _roots(params)
    resolver = ConfigResolver(
        ls.languages.codes,  # called when a configuration names rules: loads every kind
        fallback=roots[0] if roots else None,
        strict=False,
        sections=ls.languages.sections(),
    )
    ls.model = Workspace(roots, policy=Policy(resolver), languages=ls.languages)
    if ls.pull:
        # Only a client that can be told to refresh pulls; the others get pushes alone (a
        # client that both pulled and received pushes would show everything twice).
        diagnostics.register_pull(ls)


async def initialized(ls: GowlsServer, params: lsp.InitializedParams) -> None:
    """Register file watchers, scan the workspace and check it in one pass."""
    ws = ls.client_capabilities.workspace
    if ws and ws.did_change_watched_files and ws.did_change_watched_files.dynamic_registration:
        globs = [*ls.languages.watch_globs(), *CONFIG_GLOBS]
        watchers = [lsp.FileSystemWatcher(glob_pattern=g) for g in globs]
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
            # Changes on disk now arrive as events: what passes read can be kept between
            # them (without watchers every pass reads the disk afresh).
            ls.model.keep_between_passes()
        except Exception:  # the client refused; we still work from didSave
            log.warning("client refused the file watcher registration", exc_info=True)
    progress = await _begin_progress(ls, "gowls: scanning the workspace")
    await ls.opened_first()
    found = await asyncio.to_thread(ls.model.discover_files)
    ls.model.add_files(found)
    _note_unreadable(ls)
    if progress:
        ls.work_done_progress.report(
            progress, lsp.WorkDoneProgressReport(message=f"checking {len(found)} files")
        )
    snapshot = ls.model.snapshot()
    ls.model.passes += 1
    results = await asyncio.to_thread(ls.model.compute, snapshot, found) or []
    ls.model.store(results)
    if progress:
        ls.work_done_progress.end(
            progress, lsp.WorkDoneProgressEnd(message=f"{len(found)} files checked")
        )
    # Files changed meanwhile are analysed again right away: their scan results may predate
    # the change (an open buffer's diagnostics came from _before_scan already).
    ls.deliver([r for r in results if r.path not in ls.dirty])
    ls.model.commit(snapshot, found)
    ls.scan_finished()
    # What the first pass built (converter hooks, the workspace's documents) is long-lived:
    # keep it out of later collections. Documents are acyclic, so replacing one still frees it.
    gc.freeze()


def _note_unreadable(ls: GowlsServer) -> None:
    """Tell the client (its log) about each directory discovery could not read.

    Unreadable files get a diagnostic of their own; a directory has no document to carry one.
    """
    for directory, reason in sorted(ls.model.unreadable_dirs.items()):
        ls.window_log_message(
            lsp.LogMessageParams(
                lsp.MessageType.Warning,
                f"gowls: cannot read {directory} ({reason}): the files below it are not checked",
            )
        )


def _path(uri: str) -> Path | None:
    path = uri_to_path(uri)
    return normalize(path) if path is not None else None


def did_open(ls: GowlsServer, params: lsp.DidOpenTextDocumentParams) -> None:
    """A document was opened: its buffer overrides the disk."""
    path = _path(params.text_document.uri)
    if path is None:
        return
    ls.uris[path] = params.text_document.uri
    ls.model.open(path, clean_text(params.text_document.text), params.text_document.version)
    # A kind's first file imports its rules and features (Language.parts) here, on the event
    # loop, rather than in the analysis thread: the first analysis is then as quick as the
    # later ones, and requests read meanwhile (awaitAnalysis, then shutdown, in one write)
    # find it done as they did when every kind loaded at start-up.
    language = ls.model.snapshot().language_of(path)
    if language is not None:
        language.load()
    ls.schedule([path])


def did_change(ls: GowlsServer, params: lsp.DidChangeTextDocumentParams) -> None:
    """A document changed: take pygls's updated text (see ``gowls.lsp.textdoc``) and queue
    the analysis."""
    path = _path(params.text_document.uri)
    if path is None:
        return
    if path not in ls.model.overlay:
        log.warning("ignoring a change to %s, which is not open", params.text_document.uri)
        return
    document = ls.workspace.get_text_document(params.text_document.uri)
    ls.model.open(path, clean_text(document.source), params.text_document.version)
    ls.schedule([path], edit=True)


def did_save(ls: GowlsServer, params: lsp.DidSaveTextDocumentParams) -> None:
    """A document was saved (clients without file watchers report disk changes this way)."""
    path = _path(params.text_document.uri)
    if path is not None:
        ls.model.file_event(path, deleted=False)  # its disk content changed
        ls.schedule([path])


def did_close(ls: GowlsServer, params: lsp.DidCloseTextDocumentParams) -> None:
    """A document was closed: its text comes from disk again."""
    path = _path(params.text_document.uri)
    if path is None:
        return
    ls.model.close(path)
    ls.schedule([path])


def did_change_watched_files(ls: GowlsServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    """Files changed on disk: configuration re-checks everything, others what they affect."""
    changed: list[Path] = []
    config_changed = False
    for event in params.changes:
        path = _path(event.uri)
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
        ls.schedule(changed)


async def did_change_folders(ls: GowlsServer, params: lsp.DidChangeWorkspaceFoldersParams) -> None:
    """Workspace folders were added or removed."""
    gone: list[Path] = []
    for folder in params.event.removed:
        path = uri_to_path(folder.uri)
        if path:
            gone += ls.model.remove_root(path)
    added = [normalize(p) for p in (uri_to_path(f.uri) for f in params.event.added) if p]
    ls.model.roots.extend(added)
    ls.model.forget_kept()
    found = await asyncio.to_thread(ls.model.discover_files, added)
    ls.model.add_files(found)
    _note_unreadable(ls)
    ls.schedule([*found, *gone])


def register(server: GowlsServer) -> None:
    """Register the lifecycle and synchronisation handlers."""
    server.feature(lsp.INITIALIZE)(initialize)
    server.feature(lsp.INITIALIZED)(initialized)
    server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)(did_open)
    server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)(did_save)
    server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)(did_change_watched_files)
    server.feature(lsp.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)(did_change_folders)
