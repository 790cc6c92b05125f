"""``workspace/executeCommand``: the go.work migration and a workspace check."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp

from gowls.analysis.findings import Severity
from gowls.analysis.migrate import describe, plan_migration
from gowls.cli.atomic import write_atomic
from gowls.lsp.convert import uri_to_path
from gowls.lsp.editing import MIGRATE_COMMAND
from gowls.lsp.server import GowlsServer
from gowls.syntax.positions import LineIndex, Point, Span

log = logging.getLogger(__name__)

CHECK_COMMAND = "gowls.checkWorkspace"


def _root(ls: GowlsServer, args: tuple[Any, ...]) -> Path | None:
    if args and isinstance(args[0], str):
        return uri_to_path(args[0])
    return ls.model.roots[0] if ls.model.roots else None


def _can_create_files(ls: GowlsServer) -> bool:
    ws = ls.client_capabilities.workspace
    edit = ws.workspace_edit if ws else None
    if edit is None or not edit.document_changes:
        return False
    return lsp.ResourceOperationKind.Create in (edit.resource_operations or [])


def register(server: GowlsServer) -> None:
    """Register the server's commands."""

    @server.command(MIGRATE_COMMAND)
    async def migrate(ls: GowlsServer, *args: Any) -> dict[str, Any]:
        """Create or update go.work at the root (first argument: its URI) via applyEdit."""
        root = _root(ls, args)
        if root is None:
            raise ValueError("gowls.migrate needs a folder: pass its URI or open a workspace")
        dry_run = len(args) > 1 and bool(args[1])
        plan = plan_migration(ls.model.snapshot(), root)
        report = describe(plan, root)
        applied = False
        if plan.changed and not dry_run and not _can_create_files(ls):
            # The client cannot create files through an edit: write go.work ourselves.
            write_atomic(plan.gowork, plan.new_text.encode("utf-8"))
            ls.model.file_event(plan.gowork, deleted=False)
            ls.refresh([plan.gowork])
            applied = True
        elif plan.changed and not dry_run:
            uri = ls.uri_of(plan.gowork)
            old = LineIndex(plan.old_text)
            whole = ls.converter.range(old, Span(Point(0, 0), old.point(len(old.data))))
            edit_doc = lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
                edits=[lsp.TextEdit(whole, plan.new_text)],
            )
            changes: list[Any] = []
            if not plan.existed:
                changes.append(
                    lsp.CreateFile(uri=uri, options=lsp.CreateFileOptions(overwrite=False))
                )
            changes.append(edit_doc)
            result = await ls.workspace_apply_edit_async(
                lsp.ApplyWorkspaceEditParams(
                    edit=lsp.WorkspaceEdit(document_changes=changes), label="Migrate to go.work"
                )
            )
            applied = bool(result and result.applied)
            if not applied:
                log.warning("the client did not apply the go.work edit: %s", result)
        return {
            "gowork": ls.uri_of(plan.gowork),
            "changed": plan.changed,
            "applied": applied,
            "added": plan.added,
            "go": plan.go_version,
            "report": report,
        }

    @server.command(CHECK_COMMAND)
    def check_workspace(ls: GowlsServer, *args: Any) -> dict[str, int]:
        """Re-check every known file; return counts by severity."""
        results = ls.model.check_all()
        counts = {s.label: 0 for s in Severity}
        for result in results:
            for finding in result.findings:
                counts[finding.severity.label] += 1
        ls.refresh([])
        for result in results if not ls.pull else ():
            ls.publish(result)
        return {"files": len(results), **counts}
