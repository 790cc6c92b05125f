"""Pushed diagnostics are written directly as JSON text, each diagnostic's kept between
publishes; the bytes on the wire are those pygls's ``notify`` writes for the lsprotocol objects
the pulled diagnostics use."""

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
from gowls.lsp.publish import DiagnosticTexts
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
def test_diagnostic_text_is_what_lsprotocol_and_json_write(
    encoding: Encoding, related: bool, finding: Finding
) -> None:
    converter = Converter(encoding, lambda p: p.as_uri(), URLS.get)
    expected = UNSTRUCTURE(converter.diagnostic(finding, _index_of, related))
    key = converter.diagnostic_key(finding, _index_of, related)
    assert converter.diagnostic_text(key) == json.dumps(expected)


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


# -- the texts kept between publishes ----------------------------------------------------------
# Each variant keeps every line's byte length ("ab"/"é", "abcd"/"😀"), so a finding's byte span
# stays put while its UTF-16 columns change; ``shift`` lines inserted on top move every line.
def _here_text(first: str, second: str, shift: int) -> str:
    return "// c\n" * shift + f"module {first}/x\n\ngo 1.22 // {second}\r\nrequire a\tb\n"


def _there_text(middle: str) -> str:
    return f"x{middle}y\n\nz"


@st.composite
def _pool_finding(draw: st.DrawFn) -> Finding:
    def span() -> Span:
        a = Point(draw(st.integers(0, 5)), draw(st.integers(0, 16)))
        b = Point(draw(st.integers(0, 5)), draw(st.integers(0, 16)))
        return Span(min(a, b), max(a, b))

    related = draw(
        st.lists(
            st.builds(
                Related, st.sampled_from([HERE, THERE]), st.builds(span), st.text(max_size=4)
            ),
            max_size=2,
        )
    )
    code = draw(st.sampled_from(sorted(URLS)))
    return Finding(
        HERE, span(), Severity.WARNING, code, draw(st.text(max_size=6)), (), tuple(related)
    )


_STEP = st.tuples(
    st.sampled_from(["ab", "é"]),
    st.sampled_from(["abcd", "😀"]),
    st.integers(0, 2),
    st.sampled_from(["abcd", "😀"]),
    st.booleans(),  # the client opened THERE with its own spelling of the URI
    st.lists(st.integers(0, 5), max_size=6),  # which findings of the pool
)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(list(Encoding)),
    st.booleans(),
    st.lists(_pool_finding(), min_size=1, max_size=6),
    st.lists(_STEP, min_size=1, max_size=8),
)
def test_kept_texts_publish_what_a_fresh_encoding_sends(
    encoding: Encoding,
    related: bool,
    pool: list[Finding],
    steps: list[tuple[str, str, int, str, bool, list[int]]],
) -> None:
    server = create_server()
    server.related_info = related
    server.converter = Converter(encoding, server.uri_of, URLS.get)
    for version, (first, second, shift, middle, spelled, chosen) in enumerate(steps):
        server.model.open(HERE, _here_text(first, second, shift), version)
        server.model.open(THERE, _there_text(middle), version)
        server.uris[THERE] = "file:///w/./b/go.mod" if spelled else THERE.as_uri()
        findings = tuple(pool[i % len(pool)] for i in chosen)
        result = FileResult(HERE, findings, Dependencies(frozenset()))
        pushed = _sent(server, functools.partial(server.publish, result))
        params = lsp.PublishDiagnosticsParams(
            uri=server.uri_of(HERE), diagnostics=server.diagnostics(findings), version=version
        )
        fresh = _sent(server, functools.partial(server.text_document_publish_diagnostics, params))
        assert pushed == fresh


def test_a_kept_text_is_reused_until_what_it_read_changes() -> None:
    texts = DiagnosticTexts(Converter(Encoding.UTF16, lambda p: p.as_uri(), URLS.get))
    lines = {HERE: _here_text("ab", "abcd", 0), THERE: _there_text("abcd")}
    finding = Finding(
        HERE,
        Span.of(0, 10, 0, 11),
        Severity.ERROR,
        "GM001",
        "m",
        related=(Related(THERE, Span.of(0, 5, 0, 6), "r"),),
    )
    other = Finding(HERE, Span.of(3, 0, 3, 7), Severity.HINT, "GW101", "n")

    def publish(*findings: Finding) -> list[str]:
        return texts.texts(HERE, findings, lambda p: LineIndex(lines[p]), True)

    def fresh(finding: Finding) -> str:
        key = texts.converter.diagnostic_key(finding, lambda p: LineIndex(lines[p]), True)
        return texts.converter.diagnostic_text(key)

    first = publish(finding, other)
    again = publish(finding, other)
    assert [a is b for a, b in zip(first, again, strict=True)] == [True, True]
    lines[THERE] = _there_text("😀")  # two UTF-16 units fewer before the related range
    moved = publish(finding, other)
    assert moved[0] != first[0] and moved[0] == fresh(finding)
    assert '"character": 3' in moved[0] and moved[1] is first[1]
    lines[HERE] = _here_text("é", "abcd", 0)  # one unit fewer before the finding's range
    assert publish(finding, other)[0] == fresh(finding) != moved[0]
