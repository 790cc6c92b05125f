"""Pulled diagnostics (``textDocument/diagnostic``, ``workspace/diagnostic``).

Registered during ``initialize`` only for clients that can also be told to refresh (pygls then
advertises them); pushes go out from :meth:`GowlsServer.deliver`. Both use
:meth:`GowlsServer.diagnostics`, so push and pull report the same items.
"""

from __future__ import annotations

import hashlib

from lsprotocol import types as lsp

from gowls.analysis.snapshot import normalize
from gowls.lsp.convert import uri_to_path
from gowls.lsp.server import GowlsServer


def _result_id(diagnostics: list[lsp.Diagnostic]) -> str:
    text = repr([(d.range, d.code, d.message, d.severity) for d in diagnostics])
    return hashlib.sha1(text.encode()).hexdigest()[:16]


async def document_diagnostic(
    ls: GowlsServer, params: lsp.DocumentDiagnosticParams
) -> lsp.DocumentDiagnosticReport:
    """The diagnostics of one document, once the changes received so far are analysed."""
    path = uri_to_path(params.text_document.uri)
    if path is None:
        return lsp.RelatedFullDocumentDiagnosticReport(items=[])
    path = normalize(path)
    await ls.settled()
    if ls.context(params.text_document.uri) is None:
        return lsp.RelatedFullDocumentDiagnosticReport(items=[])
    items = ls.diagnostics(ls.result_for(path).findings)
    result_id = _result_id(items)
    if params.previous_result_id == result_id:
        return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
    return lsp.RelatedFullDocumentDiagnosticReport(items=items, result_id=result_id)


async def workspace_diagnostic(
    ls: GowlsServer, params: lsp.WorkspaceDiagnosticParams
) -> lsp.WorkspaceDiagnosticReport:
    """Every known file's diagnostics (unchanged ones by result id)."""
    await ls.settled()
    previous = {p.uri: p.value for p in params.previous_result_ids}
    reports: list[
        lsp.WorkspaceFullDocumentDiagnosticReport | lsp.WorkspaceUnchangedDocumentDiagnosticReport
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


def register_pull(server: GowlsServer) -> None:
    """Offer pulled diagnostics (called during ``initialize``, before capabilities are built)."""
    options = lsp.DiagnosticOptions(
        identifier="gowls", inter_file_dependencies=True, workspace_diagnostics=True
    )
    server.feature(lsp.TEXT_DOCUMENT_DIAGNOSTIC, options)(document_diagnostic)
    server.feature(lsp.WORKSPACE_DIAGNOSTIC)(workspace_diagnostic)
