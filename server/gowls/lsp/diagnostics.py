"""Pulled diagnostics (``textDocument/diagnostic``, ``workspace/diagnostic``).

Pushed diagnostics go out from :meth:`GowlsServer.refresh`; both use
:meth:`GowlsServer.diagnostics`, so push and pull report the same items.
"""

from __future__ import annotations

import hashlib

from lsprotocol import types as lsp

from gowls.analysis.filekinds import kind_of
from gowls.analysis.snapshot import normalize
from gowls.lsp.convert import uri_to_path
from gowls.lsp.server import GowlsServer


def _result_id(diagnostics: list[lsp.Diagnostic]) -> str:
    text = repr([(d.range, d.code, d.message, d.severity) for d in diagnostics])
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def register(server: GowlsServer) -> None:
    """Register the pull-diagnostics handlers."""

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
