"""Ranges on lines holding CJK text, emoji and tabs, in every kind, for UTF-8, UTF-16 and
UTF-32 clients.  (tests/e2e/test_lsp_encoding.py covers accented text and one emoji in
go.work; this adds CJK, several astral characters and tabs before the range, go.mod, and
request positions: hover ranges read back at the cursor.)

Each case is a kind's document and a needle: the range of the diagnostic on the needle's
line, read back with the client's own conversion (``lsp_harness.offset_at``), must select
exactly the needle. A new kind is one more :data:`CASES` entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from lsp_harness import GowlsTestClient, offset_at, position_of, start
from lsprotocol import types as lsp

ENCODINGS = ("utf-8", "utf-16", "utf-32")
CHART = "apiVersion: v2\nname: c\nversion: 0.1.0\n"


@dataclass(frozen=True)
class Case:
    """A document whose diagnostic must cover ``needle``; hover inside ``hover`` (if set),
    which ends a token that starts with CJK and emoji."""

    name: str
    path: str
    text: str
    needle: str
    hover: str = ""
    files: tuple[tuple[str, str], ...] = ()
    """Files on disk around the document (a chart's Chart.yaml and schema)."""


CASES = (
    Case(
        "go.mod",
        "a/go.mod",
        "module example.com/a\n\ngo 1.22\n\nrequire (\n"
        "\t例子.com/世界😀/x\t\tv1.0.0 // 注释 🙂\n"
        "\t例子.com/😀😀\t\tnot-a-version // 注释\n)\n",
        "not-a-version",
        hover="/x",
    ),
    Case(
        "go.work",
        "go.work",
        "go 1.22\n\n// 工作区 🙂\nuse (\n\t./a\n\t./世界/😀x\t// 注释 🙂\n)\n",
        "./世界/😀x",
    ),
    Case(
        "goreleaser",
        ".goreleaser.yaml",
        "version: 2\n# 注释 🙂\nproject_name: 世界😀\nbuilds:\n  - id: 例子\t# 🙂\n"
        "    goos: [linux]\n    世界😀bogus: 1\n",
        "世界😀bogus",
    ),
    Case(
        "helm-values",
        "c/values.yaml",
        '# 注释 🙂\n世界😀:\n  replicas: "三😀"\t# 注释 🙂\n',
        '"三😀"',
        files=(
            ("c/Chart.yaml", CHART),
            (
                "c/values.schema.json",
                '{"properties": {"世界😀": {"properties": {"replicas": {"type": "integer"}}}}}\n',
            ),
            ("c/templates/a.yaml", 'r: {{ index .Values "世界😀" "replicas" }}\n'),
        ),
    ),
    Case(
        "helm-template",
        "c/templates/b.yaml",
        '名前: {{ index .Values "世界😀" "replicas" }}\t# 🙂\nx😀: {{ .Values.missing😀x }}\n',
        ".Values.missing😀x",
    ),
    Case(
        "helm-schema",
        "d/values.schema.json",
        '{"properties": {\n  "世界😀": {"type": "string"},\t"x😀": {"type": "整数😀"}}}\n',
        '"整数😀"',
        files=(("d/Chart.yaml", CHART), ("d/values.yaml", "x😀: 1\n")),
    ),
)


def _text(text: str, rng: lsp.Range, encoding: str) -> str:
    return text[offset_at(text, rng.start, encoding) : offset_at(text, rng.end, encoding)]


@pytest.mark.parametrize("encoding", ENCODINGS)
async def test_ranges_after_cjk_emoji_and_tabs(
    client: GowlsTestClient, tmp_path: Path, encoding: str
) -> None:
    (tmp_path / "a").mkdir()
    files: dict[str, str | bytes] = {"a/go.mod": "module example.com/a\n\ngo 1.22\n"}
    files.update((rel, text) for case in CASES for rel, text in case.files)
    session = await start(client, tmp_path, files, encodings=[encoding])
    assert session.encoding == encoding
    for case in CASES:
        uri = session.open(case.path, case.text, language_id=case.name)
        report = await session.diagnostics(uri)
        line = position_of(case.text, case.needle, encoding).line
        on_line = [d for d in report.items if d.range.start.line == line]
        assert on_line, (case.name, report.items)
        texts = [_text(case.text, d.range, encoding) for d in on_line]
        assert texts == [case.needle], (case.name, on_line)
        if case.hover:
            at = position_of(case.text, case.hover, encoding)
            at = lsp.Position(at.line, at.character + 1)
            hover = await client.text_document_hover_async(
                lsp.HoverParams(lsp.TextDocumentIdentifier(uri), at)
            )
            assert hover is not None, f"{case.name}: hover on a token after CJK and emoji"
            if hover.range is not None:
                assert _text(case.text, hover.range, encoding).endswith(case.hover)
        session.close(uri)
