"""Conversions between analysis objects and lsprotocol types.

Every position that leaves or enters the server passes through here, using the position
encoding negotiated at initialize; the arithmetic itself lives in ``gowls.syntax.positions``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.uris import from_fs_path, to_fs_path

from gowls.analysis.findings import Finding, Fix, Severity
from gowls.syntax.positions import Encoding, LineIndex, Point, Span

SOURCE = "gowls"

LineIndexLookup = Callable[[Path], LineIndex]
"""Finds the line index of a file."""

UriLookup = Callable[[Path], str]
"""Finds the URI to name a file by."""

_ENCODINGS = {
    lsp.PositionEncodingKind.Utf8: Encoding.UTF8,
    lsp.PositionEncodingKind.Utf16: Encoding.UTF16,
    lsp.PositionEncodingKind.Utf32: Encoding.UTF32,
}

_SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFORMATION: lsp.DiagnosticSeverity.Information,
    Severity.HINT: lsp.DiagnosticSeverity.Hint,
}


def encoding_of(kind: lsp.PositionEncodingKind | str | None) -> Encoding:
    """Our encoding for a negotiated LSP position encoding (UTF-16 when unknown)."""
    for key, value in _ENCODINGS.items():
        if kind == key or kind == key.value:
            return value
    return Encoding.UTF16


def uri_to_path(uri: str) -> Path | None:
    """A file-system path for a ``file:`` URI."""
    fs = to_fs_path(uri)
    return Path(fs) if fs else None


def path_to_uri(path: Path) -> str:
    """A ``file:`` URI for a path."""
    uri: str | None = from_fs_path(str(path))
    assert uri is not None
    return uri


def clean_text(text: str) -> str:
    """``text`` with lone surrogates (which JSON can carry but UTF-8 cannot) replaced by ``?``.

    Each surrogate is one UTF-16 unit and so is ``?``, so the client's columns stay valid.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="replace").decode("utf-8")
    return text


class Converter:
    """Converts positions of the files it is given in the negotiated encoding."""

    def __init__(
        self,
        encoding: Encoding,
        uri_of: UriLookup = path_to_uri,
        rule_url: Callable[[str], str | None] = lambda code: None,
    ) -> None:
        self.encoding = encoding
        self.uri_of = uri_of
        self.rule_url = rule_url

    def position(self, index: LineIndex, point: Point) -> lsp.Position:
        """An LSP position for a byte point."""
        return lsp.Position(point.line, index.to_units(point, self.encoding))

    def range(self, index: LineIndex, span: Span) -> lsp.Range:
        """An LSP range for a byte span."""
        return lsp.Range(self.position(index, span.start), self.position(index, span.end))

    def point(self, index: LineIndex, position: lsp.Position) -> Point:
        """A byte point for an LSP position."""
        return index.from_units(position.line, position.character, self.encoding)

    def span(self, index: LineIndex, rng: lsp.Range) -> Span:
        """A byte span for an LSP range."""
        return Span(self.point(index, rng.start), self.point(index, rng.end))

    def diagnostic(
        self, finding: Finding, index_of: LineIndexLookup, related: bool = True
    ) -> lsp.Diagnostic:
        """An LSP diagnostic for a finding."""
        index = index_of(finding.path)
        url = self.rule_url(finding.code)
        related_info = None
        if related and finding.related:
            related_info = [
                lsp.DiagnosticRelatedInformation(
                    lsp.Location(self.uri_of(r.path), self.range(index_of(r.path), r.span)),
                    r.message,
                )
                for r in finding.related
            ]
        return lsp.Diagnostic(
            range=self.range(index, finding.span),
            message=finding.message,
            severity=_SEVERITIES[finding.severity],
            code=finding.code,
            code_description=lsp.CodeDescription(href=url) if url else None,
            source=SOURCE,
            related_information=related_info,
        )

    def range_json(self, index: LineIndex, span: Span) -> dict[str, Any]:
        """:meth:`range` as lsprotocol's converter writes it (a JSON object)."""
        start, end = span.start, span.end
        return {
            "start": {"line": start.line, "character": index.to_units(start, self.encoding)},
            "end": {"line": end.line, "character": index.to_units(end, self.encoding)},
        }

    def diagnostic_json(
        self, finding: Finding, index_of: LineIndexLookup, related: bool = True
    ) -> dict[str, Any]:
        """:meth:`diagnostic` as lsprotocol's converter writes it: the same keys in the same
        order, built directly (a pushed diagnostic is never used as an object, only sent)."""
        out: dict[str, Any] = {
            "range": self.range_json(index_of(finding.path), finding.span),
            "message": finding.message,
            "severity": _SEVERITIES[finding.severity].value,
            "code": finding.code,
        }
        url = self.rule_url(finding.code)
        if url:
            out["codeDescription"] = {"href": url}
        out["source"] = SOURCE
        if related and finding.related:
            out["relatedInformation"] = [
                {
                    "location": {
                        "uri": self.uri_of(r.path),
                        "range": self.range_json(index_of(r.path), r.span),
                    },
                    "message": r.message,
                }
                for r in finding.related
            ]
        return out

    def workspace_edit(self, fix: Fix, index_of: LineIndexLookup) -> lsp.WorkspaceEdit:
        """A workspace edit applying ``fix``."""
        changes: dict[str, list[lsp.TextEdit]] = {}
        for edit in fix.edits:
            rng = self.range(index_of(edit.path), edit.span)
            changes.setdefault(self.uri_of(edit.path), []).append(lsp.TextEdit(rng, edit.new_text))
        return lsp.WorkspaceEdit(changes=changes)
