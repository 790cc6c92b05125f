"""The pygls language server: translates LSP traffic to workspace operations and back."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from gowls import __version__
from gowls.analysis.engine import FileResult
from gowls.analysis.filekinds import kind_of
from gowls.analysis.findings import Finding
from gowls.analysis.snapshot import normalize
from gowls.analysis.workspace import Workspace
from gowls.lsp.convert import Converter, clean_text, encoding_of, path_to_uri, uri_to_path
from gowls.syntax.positions import LineIndex

log = logging.getLogger(__name__)

WATCHED_GLOBS = ("**/go.mod", "**/go.work")


class GowlsServer(LanguageServer):
    """The gowls language server and its session state."""

    def __init__(self) -> None:
        super().__init__(
            "gowls", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental
        )
        self.model = Workspace()
        self.converter = Converter(encoding_of(None), self.uri_of)
        self.pull = False
        """Whether the client pulls diagnostics (and can be told to refresh)."""
        self.related_info = False
        self.published: set[Path] = set()
        self.uris: dict[Path, str] = {}
        """The URIs the client spelled for the paths it opened (echoed back in pushes)."""
        self.scanned = asyncio.Event()

    # -- helpers --------------------------------------------------------------------------
    def index_of(self, path: Path) -> LineIndex:
        """The line index of a file as the analysis sees it."""
        snapshot = self.model.snapshot()
        doc = snapshot.document(path)
        if doc is not None:
            return doc.index
        return LineIndex(snapshot.source.read_bytes(path) or b"")

    def uri_of(self, path: Path) -> str:
        """The URI for ``path``: the client's own spelling if it opened the file."""
        return self.uris.get(path) or path_to_uri(path)

    def diagnostics(self, findings: Iterable[Finding]) -> list[lsp.Diagnostic]:
        """LSP diagnostics for findings of one file (the one conversion both modes use)."""
        indexes: dict[Path, LineIndex] = {}

        def index_of(path: Path) -> LineIndex:
            if path not in indexes:
                indexes[path] = self.index_of(path)
            return indexes[path]

        return [self.converter.diagnostic(f, index_of, self.related_info) for f in findings]

    def result_for(self, path: Path) -> FileResult:
        """The current result of a file, computed if missing.

        Results of files the workspace does not track (outside the roots and not open) are
        never refreshed by changes, so they are recomputed on every request.
        """
        result = self.model.results.get(path) if path in self.model.files else None
        if result is None:
            (result,) = self.model.check([path])
        return result

    def refresh(self, changed: Sequence[Path]) -> None:
        """Recompute what ``changed`` affects and tell the client."""
        affected = self.model.affected(changed)
        results = self.model.check(affected)
        gone = [p for p in changed if normalize(p) not in self.model.files]
        if self.pull:
            if results or gone:
                self.workspace_diagnostic_refresh(None)
            return
        for result in results:
            self.publish(result)
        for path in gone:
            path = normalize(path)
            if path in self.published:
                self.published.discard(path)
                self.text_document_publish_diagnostics(
                    lsp.PublishDiagnosticsParams(uri=self.uri_of(path), diagnostics=[])
                )

    def publish(self, result: FileResult) -> None:
        """Push the diagnostics of one file."""
        doc = self.model.overlay.get(result.path)
        self.published.add(result.path)
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=self.uri_of(result.path),
                diagnostics=self.diagnostics(result.findings),
                version=doc.version if doc else None,
            )
        )


def _result_id(diagnostics: list[lsp.Diagnostic]) -> str:
    text = repr([(d.range, d.code, d.message, d.severity) for d in diagnostics])
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def _wants_quickfix(only: Sequence[lsp.CodeActionKind | str] | None) -> bool:
    """Whether a code action request filtered by ``only`` kinds accepts quick fixes."""
    if not only:
        return True
    quickfix = lsp.CodeActionKind.QuickFix.value
    for kind in only:
        value = kind.value if isinstance(kind, lsp.CodeActionKind) else kind
        if value == "" or quickfix == value or quickfix.startswith(value + "."):
            return True
    return False


def create_server() -> GowlsServer:
    """A server with every feature registered."""
    server = GowlsServer()

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
        ls.model = Workspace(roots)

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
        found = await asyncio.to_thread(ls.model.scan)
        ls.scanned.set()
        results = ls.model.check(found)
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
        for event in params.changes:
            path = uri_to_path(event.uri)
            if path is None:
                continue
            ls.model.file_event(path, deleted=event.type == lsp.FileChangeType.Deleted)
            changed.append(path)
        if changed:
            ls.refresh(changed)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def did_change_folders(
        ls: GowlsServer, params: lsp.DidChangeWorkspaceFoldersParams
    ) -> None:
        for folder in params.event.removed:
            path = uri_to_path(folder.uri)
            if path and normalize(path) in ls.model.roots:
                ls.model.roots.remove(normalize(path))
        added = [p for p in (uri_to_path(f.uri) for f in params.event.added) if p]
        ls.model.roots.extend(normalize(p) for p in added)
        found = await asyncio.to_thread(ls.model.scan)
        ls.refresh(found)

    @server.feature(
        lsp.TEXT_DOCUMENT_DIAGNOSTIC,
        lsp.DiagnosticOptions(
            identifier="gowls", inter_file_dependencies=True, workspace_diagnostics=True
        ),
    )
    def document_diagnostic(
        ls: GowlsServer, params: lsp.DocumentDiagnosticParams
    ) -> lsp.DocumentDiagnosticReport:
        path = uri_to_path(params.text_document.uri)
        if path is None:
            return lsp.RelatedFullDocumentDiagnosticReport(items=[])
        path = normalize(path)
        if kind_of(path) is None:
            return lsp.RelatedFullDocumentDiagnosticReport(items=[])
        items = ls.diagnostics(ls.result_for(path).findings)
        result_id = _result_id(items)
        if params.previous_result_id == result_id:
            return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return lsp.RelatedFullDocumentDiagnosticReport(items=items, result_id=result_id)

    @server.feature(lsp.WORKSPACE_DIAGNOSTIC)
    async def workspace_diagnostic(
        ls: GowlsServer, params: lsp.WorkspaceDiagnosticParams
    ) -> lsp.WorkspaceDiagnosticReport:
        await ls.scanned.wait()
        previous = {p.uri: p.value for p in params.previous_result_ids}
        reports: list[
            lsp.WorkspaceFullDocumentDiagnosticReport
            | lsp.WorkspaceUnchangedDocumentDiagnosticReport
        ] = []
        for path in sorted(ls.model.files):
            uri = ls.uri_of(path)
            items = ls.diagnostics(ls.result_for(path).findings)
            result_id = _result_id(items)
            doc = ls.model.overlay.get(path)
            version = doc.version if doc else None
            if previous.get(uri) == result_id:
                reports.append(
                    lsp.WorkspaceUnchangedDocumentDiagnosticReport(
                        uri=uri, result_id=result_id, version=version
                    )
                )
            else:
                reports.append(
                    lsp.WorkspaceFullDocumentDiagnosticReport(
                        uri=uri, items=items, result_id=result_id, version=version
                    )
                )
        return lsp.WorkspaceDiagnosticReport(items=reports)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def code_action(ls: GowlsServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        path = uri_to_path(params.text_document.uri)
        if path is None or kind_of(path) is None or not _wants_quickfix(params.context.only):
            return []
        path = normalize(path)
        result = ls.result_for(path)
        index = ls.index_of(path)
        wanted = ls.converter.span(index, params.range)
        actions = []
        for finding in result.findings:
            if finding.span.end < wanted.start or wanted.end < finding.span.start:
                continue
            for fix in finding.fixes:
                actions.append(
                    lsp.CodeAction(
                        title=fix.title,
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=ls.diagnostics([finding]),
                        edit=ls.converter.workspace_edit(fix, ls.index_of),
                        is_preferred=fix.safe or None,
                    )
                )
        return actions

    return server
