"""``workspace/executeCommand``: every kind's commands, a workspace check, and a settle point.

A kind's command computes the files to write from a snapshot (pure); this adapter applies
them through ``workspace/applyEdit`` when the client can create files, or writes them itself
(atomically) otherwise.
"""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.protocol import language_server as pygls_protocol

from gowls.analysis.features import FileWrite
from gowls.analysis.findings import Severity
from gowls.atomic import inside, write_inside
from gowls.lsp.convert import uri_to_path
from gowls.lsp.server import GowlsServer
from gowls.syntax.positions import LineIndex, Point, Span

log = logging.getLogger(__name__)

CHECK_COMMAND = "gowls.checkWorkspace"
SETTLE_COMMAND = "gowls.awaitAnalysis"
"""Answers once every change received so far is analysed and published (for scripts, tests)."""


def _can_create_files(ls: GowlsServer) -> bool:
    ws = ls.client_capabilities.workspace
    edit = ws.workspace_edit if ws else None
    if edit is None or not edit.document_changes:
        return False
    return lsp.ResourceOperationKind.Create in (edit.resource_operations or [])


def _arguments(args: Sequence[Any]) -> list[str]:
    """String arguments, ``file:`` URIs turned into paths."""
    out: list[str] = []
    for arg in args:
        if isinstance(arg, str) and arg.startswith("file:"):
            path = uri_to_path(arg)
            out.append(str(path) if path else "")
        elif isinstance(arg, str):
            out.append(arg)
        elif isinstance(arg, bool):
            out.append("true" if arg else "")
    return out


async def _apply(ls: GowlsServer, writes: Sequence[FileWrite], label: str) -> bool:
    if not writes:
        return False
    for write in writes:  # a client may name any folder: never write outside the workspace
        if os.path.islink(write.path) or not inside(write.path, ls.model.roots):
            log.warning("refusing to write %s: outside the workspace or a link", write.path)
            return False
    if not _can_create_files(ls):
        for write in writes:
            write_inside(write.path, write.text.encode("utf-8"), ls.model.roots)
            ls.model.file_event(write.path, deleted=False)
        ls.schedule([w.path for w in writes])
        return True
    changes: list[Any] = []
    for write in writes:
        uri = ls.uri_of(write.path)
        old = LineIndex(write.old_text)
        whole = ls.converter.range(old, Span(Point(0, 0), old.point(len(old.data))))
        if not write.existed:
            changes.append(lsp.CreateFile(uri=uri, options=lsp.CreateFileOptions(overwrite=False)))
        changes.append(
            lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
                edits=[lsp.TextEdit(whole, write.text)],
            )
        )
    result = await ls.workspace_apply_edit_async(
        lsp.ApplyWorkspaceEditParams(edit=lsp.WorkspaceEdit(document_changes=changes), label=label)
    )
    applied = bool(result and result.applied)
    if not applied:
        log.warning("the client did not apply the edit: %s", result)
    else:
        # What the server keeps of the disk must not wait for the client's file events
        # (a client may report files it created itself late, or not at all).
        for write in writes:
            ls.model.file_event(write.path, deleted=False)
        ls.schedule([w.path for w in writes])
    return applied


def make_kind_command(name: str) -> Any:
    """The handler of a kind's command ``name`` (args: a folder URI, then a dry-run flag)."""

    async def run(ls: GowlsServer, *args: Any) -> dict[str, Any]:
        spec = ls.languages.command(name)
        assert spec is not None
        strings = _arguments(args)
        dry_run = len(strings) > 1 and bool(strings[1])
        result = spec.run(ls.model.snapshot(), strings[:1])
        applied = False if dry_run else await _apply(ls, result.writes, name)
        data = {k: ls.uri_of(v) if isinstance(v, Path) else v for k, v in result.data.items()}
        return {**data, "applied": applied, "report": result.message}

    return run


def check_workspace(ls: GowlsServer, *args: Any) -> dict[str, int]:
    """Re-check every known file in one pass; return counts by severity."""
    results = ls.model.check_all()
    counts = {s.label: 0 for s in Severity}
    for result in results:
        for finding in result.findings:
            counts[finding.severity.label] += 1
    ls.deliver(results)
    return {"files": len(results), **counts}


async def await_analysis(ls: GowlsServer, *args: Any) -> dict[str, int]:
    """Wait until the queue is empty; report how many analysis passes ran so far and how
    many files the last one checked."""
    passes = await ls.settled()
    return {"passes": passes, "checked": ls.model.last_checked}


_resolve_handler = pygls_protocol._get_handler_params_annotations
_RESOLVED: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def resolved_once(handler: Any) -> Any:
    """pygls's reading of a command handler's parameters and type hints, once per handler.

    pygls reads them (``inspect.signature``, ``typing.get_type_hints`` evaluating every string
    annotation) on each ``workspace/executeCommand`` to decode the arguments: about half a
    millisecond per command, for an answer that never changes while the handler exists.
    """
    found = _RESOLVED.get(handler)
    if found is None:
        found = _RESOLVED[handler] = _resolve_handler(handler)
    return found


def register(server: GowlsServer) -> None:
    """Register the server's commands."""
    pygls_protocol._get_handler_params_annotations = resolved_once
    for name in server.languages.commands():
        server.command(name)(make_kind_command(name))
    server.command(CHECK_COMMAND)(check_workspace)
    server.command(SETTLE_COMMAND)(await_analysis)
