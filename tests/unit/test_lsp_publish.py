"""Pushed diagnostics are written directly as JSON values; the bytes on the wire are those
pygls's ``notify`` writes for the lsprotocol objects the pulled diagnostics use."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types as lsp
from pygls.protocol import default_converter

from gowls.analysis.engine import FileResult
from gowls.analysis.findings import Finding, Related, Severity
from gowls.analysis.source import Dependencies
from gowls.lsp.app import create_server
from gowls.lsp.convert import Converter
from gowls.syntax.positions import Encoding, LineIndex, Point, Span

HERE = Path("/w/go.mod")
THERE = Path("/w/b/go.mod")
TEXTS = {HERE: "module é\n\ngo 1.22 // 😀\r\nrequire a\tb\n", THERE: "x😀y\n\nz"}
URLS = {"GM001": "https://gowls.dev/rules#gm001", "GW101": None}
UNSTRUCTURE = default_converter().unstructure


def _point(path: Path, draw_line: int, draw_col: int) -> Point:
    index = LineIndex(TEXTS[path])
    line = draw_line % index.line_count
    data = index.line_bytes(line)
    column = draw_col % (len(data) + 1)
    while column and (column >= len(data) or data[column] & 0xC0 == 0x80):
        column -= 1  # a character boundary, as findings have
    return Point(line, column)


@st.composite
def _spans(draw: st.DrawFn, path: Path) -> Span:
    a = _point(path, draw(st.integers(0, 9)), draw(st.integers(0, 40)))
    b = _point(path, draw(st.integers(0, 9)), draw(st.integers(0, 40)))
    return Span(min(a, b), max(a, b))


@st.composite
def _findings(draw: st.DrawFn) -> Finding:
    related = draw(
        st.lists(
            st.sampled_from([HERE, THERE]).flatmap(
                lambda p: st.builds(Related, st.just(p), _spans(p), st.text(max_size=8))
            ),
            max_size=2,
        )
    )
    return Finding(
        HERE,
        draw(_spans(HERE)),
        draw(st.sampled_from(list(Severity))),
        draw(st.sampled_from(sorted(URLS))),
        draw(st.text(max_size=12)),
        related=tuple(related),
    )


def _index_of(path: Path) -> LineIndex:
    return LineIndex(TEXTS[path])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(Encoding)), st.booleans(), _findings())
def test_diagnostic_json_is_what_lsprotocol_writes(
    encoding: Encoding, related: bool, finding: Finding
) -> None:
    converter = Converter(encoding, lambda p: p.as_uri(), URLS.get)
    expected = UNSTRUCTURE(converter.diagnostic(finding, _index_of, related))
    ours = converter.diagnostic_json(finding, _index_of, related)
    assert json.dumps(ours) == json.dumps(expected)


class _Capture:
    def __init__(self) -> None:
        self.data: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.data.append(data)

    def close(self) -> None:
        """Nothing to close."""


def _sent(server: Any, send: Any) -> bytes:
    capture = _Capture()
    server.protocol.set_writer(capture)
    send()
    return b"".join(capture.data)


def test_published_bytes_are_pygls_notify_bytes(tmp_path: Path) -> None:
    server = create_server()
    server.related_info = True
    path = tmp_path / "go.mod"
    path.write_text(TEXTS[HERE])
    other = tmp_path / "b" / "go.mod"
    other.parent.mkdir()
    other.write_text(TEXTS[THERE])
    findings = (
        Finding(path, Span.of(0, 7, 0, 9), Severity.ERROR, "GM001", 'é "quoted" \\ \n'),
        Finding(
            path,
            Span.of(2, 0, 3, 3),
            Severity.HINT,
            "GW101",
            "with related",
            related=(
                Related(other, Span.of(0, 1, 0, 5), "there"),
                Related(path, Span.of(1, 0, 1, 0), ""),
            ),
        ),
    )
    for version in (None, 0, 7):
        if version is None:
            server.model.close(path)
        else:
            server.model.open(path, TEXTS[HERE], version)
        result = FileResult(path, findings, Dependencies(frozenset()))
        pushed = _sent(server, functools.partial(server.publish, result, force=True))
        params = lsp.PublishDiagnosticsParams(
            uri=server.uri_of(path), diagnostics=server.diagnostics(findings), version=version
        )
        notified = _sent(
            server, functools.partial(server.text_document_publish_diagnostics, params)
        )
        assert pushed == notified
        assert json.loads(pushed.partition(b"\r\n\r\n")[2])["params"].get("version") == version
    cleared = _sent(server, lambda: server.clear(path))
    empty = lsp.PublishDiagnosticsParams(uri=server.uri_of(path), diagnostics=[])
    assert cleared == _sent(server, lambda: server.text_document_publish_diagnostics(empty))
