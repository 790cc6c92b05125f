"""Position encodings: negotiated at initialize, used for every column in and out."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_harness import GowlsTestClient, position_of, range_of, start, units
from lsprotocol import types as lsp

MOD_A = "module example.com/a\n\ngo 1.22\n"
ENCODINGS = pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])

NON_ASCII = "go 1.22\n\n// çà et là ✓\nuse (\n\t./a // ü\n\t./ä/δ // ñ\n)\n"
"""A missing use path made of two-byte characters, below and beside non-ASCII comments."""

EMOJI = "go 1.22\n\nuse (\n\t./a\n\t./🙂x\n)\n"
"""A missing use path with a character outside the BMP (a surrogate pair in UTF-16)."""

EXPECTED_END = {
    # "\t./ä/δ": 1 + 7 bytes, 1 + 5 UTF-16 units, 1 + 5 code points.
    ("nonascii", "utf-8"): 8,
    ("nonascii", "utf-16"): 6,
    ("nonascii", "utf-32"): 6,
    # "\t./🙂x": 1 + 7 bytes, 1 + 5 UTF-16 units (a surrogate pair), 1 + 4 code points.
    ("emoji", "utf-8"): 8,
    ("emoji", "utf-16"): 6,
    ("emoji", "utf-32"): 5,
}


async def test_default_encoding_follows_the_editor(client: GowlsTestClient, tmp_path: Path) -> None:
    """VS Code 1.65 offers no encodings (UTF-16); Neovim 0.11 prefers UTF-8."""
    session = await start(client, tmp_path, {"go.work": NON_ASCII, "a/go.mod": MOD_A})
    expected = "utf-16" if client.editor == "visual-studio-code" else "utf-8"
    assert session.result.capabilities.position_encoding == expected
    uri = session.open("go.work")
    (diag,) = (await session.diagnostics(uri)).items
    assert diag.range == lsp.Range(
        lsp.Position(5, 1), lsp.Position(5, EXPECTED_END[("nonascii", expected)])
    )


@ENCODINGS
@pytest.mark.parametrize("case", ["nonascii", "emoji"])
async def test_diagnostic_columns_use_the_negotiated_encoding(
    client: GowlsTestClient, tmp_path: Path, encoding: str, case: str
) -> None:
    text = NON_ASCII if case == "nonascii" else EMOJI
    path = "./ä/δ" if case == "nonascii" else "./🙂x"
    session = await start(
        client, tmp_path, {"go.work": text, "a/go.mod": MOD_A}, encodings=[encoding]
    )
    assert session.result.capabilities.position_encoding == encoding
    uri = session.open("go.work")
    report = await session.diagnostics(uri)
    (diag,) = report.items
    assert diag.code == "GW101"
    line = text.splitlines().index(f"\t{path}" + (" // ñ" if case == "nonascii" else ""))
    assert diag.range == lsp.Range(
        lsp.Position(line, 1), lsp.Position(line, EXPECTED_END[(case, encoding)])
    )
    assert diag.range == range_of(text, path, encoding)


@ENCODINGS
@pytest.mark.parametrize("case", ["nonascii", "emoji"])
async def test_incremental_edits_are_read_in_the_negotiated_encoding(
    client: GowlsTestClient, tmp_path: Path, encoding: str, case: str
) -> None:
    """Appending to the path right after a multi-unit character lands where the client meant.

    A server counting in the wrong unit would insert inside or before the character.
    """
    text = NON_ASCII if case == "nonascii" else EMOJI
    path = "./ä/δ" if case == "nonascii" else "./🙂x"
    session = await start(
        client, tmp_path, {"go.work": text, "a/go.mod": MOD_A}, encodings=[encoding]
    )
    uri = session.open("go.work")
    await session.diagnostics(uri)

    after = position_of(text, path, encoding, end=True)
    session.change(uri, [(lsp.Range(after, after), "Z")])
    assert f"\t{path}Z" in session.texts[uri]
    (diag,) = (await session.diagnostics(uri)).items
    assert diag.code == "GW101"
    assert f"{path[2:]}Z" in diag.message, diag.message
    assert diag.range.end.character == EXPECTED_END[(case, encoding)] + 1

    # Replace just the multi-unit character: its range is 2 UTF-16 units for the emoji.
    char = "δ" if case == "nonascii" else "🙂"
    target = range_of(session.texts[uri], char, encoding)
    assert target.end.character - target.start.character == units(char, encoding)
    session.change(uri, [(target, "q")])
    (diag,) = (await session.diagnostics(uri)).items
    expected = path.replace(char, "q") + "Z"
    assert f"{expected[2:]} listed" in diag.message, diag.message


@ENCODINGS
async def test_end_of_file_position_after_non_ascii_text(
    client: GowlsTestClient, tmp_path: Path, encoding: str
) -> None:
    """An unterminated block is reported at the end of the file, a non-ASCII comment."""
    text = "go 1.22\n\nuse (\n\t./a // ñé🙂"
    session = await start(client, tmp_path, {"a/go.mod": MOD_A}, encodings=[encoding])
    uri = session.open("go.work", text)
    report = await session.diagnostics(uri)
    ends = [d for d in report.items if "unterminated" in d.message]
    assert len(ends) == 1, report.items
    column = units("\t./a // ñé🙂", encoding)
    assert column == {"utf-8": 16, "utf-16": 12, "utf-32": 11}[encoding]
    assert ends[0].range == lsp.Range(lsp.Position(3, column), lsp.Position(3, column))
