"""Pushed diagnostics as text: each diagnostic's JSON kept per file between publishes, and the
``publishDiagnostics`` message assembled from them.

An edit changes few of a file's diagnostics (in the external-secrets go.mod, one of 61), yet
encoding them all was most of a publish: the JSON values built and pygls's ``json.dumps`` of a
62 KB message, on the event loop. Here each diagnostic's text is kept under what it is written
from, its :data:`~gowls.lsp.convert.DiagnosticKey`: the finding's message, severity and code,
its positions in the negotiated units (which depend on the text before them on their lines,
in this file or a related one) and the URIs of its related files (the client's spelling where
it opened them). A publish converts the positions again (cheap: ASCII prefixes are counted,
not decoded) and writes only the diagnostics whose key is new; the message is, byte for byte,
what ``json.dumps`` writes of pygls's notification.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types as lsp

from gowls.analysis.findings import Finding
from gowls.lsp.convert import Converter, DiagnosticKey, LineIndexLookup, json_string

_SLACK = 16
"""Entries of findings no longer published that a file's table keeps before it is rebuilt."""

_METHOD_TEXT = json_string(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


class DiagnosticTexts:
    """The JSON text of each diagnostic published per file, reused while what it is written
    from (its :data:`~gowls.lsp.convert.DiagnosticKey`) is the same."""

    def __init__(self, converter: Converter) -> None:
        self.converter = converter
        self._files: dict[Path, dict[DiagnosticKey, str]] = {}

    def texts(
        self,
        path: Path,
        findings: Sequence[Finding],
        index_of: LineIndexLookup,
        related: bool,
    ) -> list[str]:
        """The JSON text of the diagnostic of each of ``findings`` (of ``path``), as
        :meth:`Converter.diagnostic_text` writes it; those not in ``path``'s table are
        written and added to it."""
        converter = self.converter
        table = self._files.setdefault(path, {})
        keys = [converter.diagnostic_key(finding, index_of, related) for finding in findings]
        texts: list[str] = []
        for key in keys:
            text = table.get(key)
            if text is None:
                text = table[key] = converter.diagnostic_text(key)
            texts.append(text)
        if len(table) > len(keys) + _SLACK:
            # Keep only the current texts (edits would otherwise pile up old ones).
            self._files[path] = dict(zip(keys, texts, strict=True))
        return texts

    def forget(self, path: Path) -> None:
        """Drop the texts of ``path`` (its diagnostics were cleared)."""
        self._files.pop(path, None)


def notification_text(uri: str, diagnostics: Sequence[str], version: int | None) -> str:
    """The ``textDocument/publishDiagnostics`` notification as pygls's ``notify`` writes it
    (``json.dumps`` of lsprotocol's params: its key order, None left out), from the JSON
    text of each diagnostic."""
    version_text = "" if version is None else f', "version": {version}'
    return (
        f'{{"params": {{"uri": {json_string(uri)}, "diagnostics": [{", ".join(diagnostics)}]'
        f'{version_text}}}, "method": {_METHOD_TEXT}, "jsonrpc": "2.0"}}'
    )
