"""The pygls language server: translates LSP traffic to workspace operations and back."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from gowls import __version__
from gowls.analysis.engine import FileResult
from gowls.analysis.findings import Finding
from gowls.analysis.snapshot import normalize
from gowls.analysis.workspace import Workspace
from gowls.lsp.convert import Converter, encoding_of, path_to_uri
from gowls.syntax.positions import LineIndex

log = logging.getLogger(__name__)

WATCHED_GLOBS = ("**/go.mod", "**/go.work", "**/.gowls.toml", "**/pyproject.toml")
"""Files whose changes on disk the server wants to hear about."""

CONFIG_NAMES = frozenset({".gowls.toml", "pyproject.toml"})
"""Configuration files: a change re-checks every file."""


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

    def reconfigure(self) -> None:
        """Configuration changed: forget it, re-check everything, tell the client."""
        if self.model.policy is not None:
            self.model.policy.resolver.invalidate()
        results = self.model.check_all()
        if self.pull:
            self.workspace_diagnostic_refresh(None)
            return
        for result in results:
            self.publish(result)

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
