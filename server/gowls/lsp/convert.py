"""Conversions between analysis objects and lsprotocol types.

Every position that leaves or enters the server passes through here, using the position
encoding negotiated at initialize; the arithmetic itself lives in ``gowls.syntax.positions``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types as lsp
from pygls.uris import from_fs_path, to_fs_path

from gowls.analysis.findings import Finding, Fix, Severity
from gowls.syntax.positions import Encoding, LineIndex, Point, Span

SOURCE = "gowls"

LineIndexLookup = Callable[[Path], LineIndex]
"""Finds the line index of a file."""

UriLookup = Callable[[Path], str]
"""Finds the URI to name a file by."""

Units = tuple[int, int, int, int]
"""A range as start line, start column, end line, end column (columns in the negotiated units)."""

DiagnosticKey = tuple[Units, str, int, str, tuple[tuple[str, Units, str], ...] | None]
"""Everything a diagnostic's JSON text is written from: its range, message, LSP severity and
code, and the URI, range and message of each related location (None when none is sent)."""

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

_SEVERITY_NUMBERS = {severity: _SEVERITIES[severity].value for severity in Severity}

json_string: Callable[[str], str] = json.encoder.encode_basestring_ascii
"""A string as ``json.dumps`` writes it (quoted, non-ASCII escaped): the function it uses."""

_SOURCE_TEXT = f', "source": {json_string(SOURCE)}'


def _range_text(units: Units) -> str:
    """A range as ``json.dumps`` writes lsprotocol's ``Range``."""
    start_line, start, end_line, end = units
    return (
        f'{{"start": {{"line": {start_line}, "character": {start}}}, '
        f'"end": {{"line": {end_line}, "character": {end}}}}}'
    )


def encoding_of(kind: lsp.PositionEncodingKind | str | None) -> Encoding:
    """Our encoding for a negotiated LSP position encoding (UTF-16 when unknown)."""
    for key, value in _ENCODINGS.items():
        if kind == key or kind == key.value:
            return value
    return Encoding.UTF16


@functools.lru_cache(maxsize=4096)
def uri_to_path(uri: str) -> Path | None:
    """A file-system path for a ``file:`` URI (remembered: every keystroke names its file)."""
    fs = to_fs_path(uri)
    return Path(fs) if fs else None


@functools.lru_cache(maxsize=4096)
def path_to_uri(path: Path) -> str:
    """A ``file:`` URI for a path (remembered: every publish names its file and related ones)."""
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

    def units(self, index: LineIndex, span: Span) -> Units:
        """A byte span as start line, start column, end line and end column, the columns in
        the negotiated encoding."""
        start, end = span.start, span.end
        encoding = self.encoding
        return (
            start.line,
            index.to_units(start, encoding),
            end.line,
            index.to_units(end, encoding),
        )

    def diagnostic_key(
        self, finding: Finding, index_of: LineIndexLookup, related: bool = True
    ) -> DiagnosticKey:
        """Everything :meth:`diagnostic_text` writes of ``finding``: the positions converted
        (they depend on the text of the lines they are on), the related files' URIs."""
        locations = None
        if related and finding.related:
            locations = tuple(
                (self.uri_of(r.path), self.units(index_of(r.path), r.span), r.message)
                for r in finding.related
            )
        return (
            self.units(index_of(finding.path), finding.span),
            finding.message,
            _SEVERITY_NUMBERS[finding.severity],
            finding.code,
            locations,
        )

    def diagnostic_text(self, key: DiagnosticKey) -> str:
        """:meth:`diagnostic` as pygls sends it: the JSON text ``json.dumps`` writes of what
        lsprotocol's converter makes of it (its keys in its order, None left out), from its
        :meth:`diagnostic_key`. A pushed diagnostic is only sent, so no object is built."""
        units, message, severity, code, locations = key
        parts = [
            '{"range": ',
            _range_text(units),
            ', "message": ',
            json_string(message),
            f', "severity": {severity}, "code": ',
            json_string(code),
        ]
        url = self.rule_url(code)
        if url:
            parts += ', "codeDescription": {"href": ', json_string(url), "}"
        parts.append(_SOURCE_TEXT)
        if locations:
            parts.append(', "relatedInformation": [')
            parts.append(
                ", ".join(
                    f'{{"location": {{"uri": {json_string(uri)}, "range": {_range_text(at)}}}, '
                    f'"message": {json_string(text)}}}'
                    for uri, at, text in locations
                )
            )
            parts.append("]")
        parts.append("}")
        return "".join(parts)

    def workspace_edit(self, fix: Fix, index_of: LineIndexLookup) -> lsp.WorkspaceEdit:
        """A workspace edit applying ``fix``."""
        changes: dict[str, list[lsp.TextEdit]] = {}
        for edit in fix.edits:
            rng = self.range(index_of(edit.path), edit.span)
            changes.setdefault(self.uri_of(edit.path), []).append(lsp.TextEdit(rng, edit.new_text))
        return lsp.WorkspaceEdit(changes=changes)
