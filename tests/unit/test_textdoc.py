"""gowls' replacement for pygls's incremental change gives pygls's text for any edit, and
for any sequence of edits (the line lengths it keeps between them stay those of the text)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec
from pygls.workspace.text_document import TextDocument

from gowls.lsp import sync  # noqa: F401  (installs the replacement)
from gowls.lsp.textdoc import _LENGTHS, _lengths, apply_incremental_change, lines_of, original

_PIECES = ["a", "é", "😀", "\n", "\r\n", "\r", " "]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
# Every line break str.splitlines knows (pygls counts lines with it), not only LSP's three.
_BREAKS = [*_PIECES, "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\r\r", "\n\r"]
_MORE_TEXT = st.lists(st.sampled_from(_BREAKS), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    _TEXT,
    _TEXT,
    st.integers(0, 12),
    st.integers(0, 12),
    st.integers(0, 12),
    st.integers(0, 12),
)
def test_same_text_as_pygls(
    source: str, text: str, start_line: int, start_col: int, end_line: int, end_col: int
) -> None:
    change = types.TextDocumentContentChangePartial(
        range=types.Range(
            start=types.Position(line=start_line, character=start_col),
            end=types.Position(line=end_line, character=end_col),
        ),
        text=text,
    )
    ours, theirs = TextDocument("file:///a", source), TextDocument("file:///a", source)
    apply_incremental_change(ours, change)
    original()(theirs, change)
    assert ours.source == theirs.source


def test_installed() -> None:
    assert TextDocument._apply_incremental_change is apply_incremental_change


def _change(
    start_line: int, start_col: int, end_line: int, end_col: int, text: str
) -> types.TextDocumentContentChangePartial:
    return types.TextDocumentContentChangePartial(
        range=types.Range(
            start=types.Position(line=start_line, character=start_col),
            end=types.Position(line=end_line, character=end_col),
        ),
        text=text,
    )


_EDITS = st.lists(
    st.tuples(
        st.integers(0, 14), st.integers(0, 6), st.integers(0, 14), st.integers(0, 6), _MORE_TEXT
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(_MORE_TEXT, _EDITS, st.sampled_from(["utf-16", "utf-8", "utf-32"]))
def test_edit_sequences_as_pygls(
    source: str, edits: list[tuple[int, int, int, int, str]], encoding: str
) -> None:
    codec = PositionCodec(encoding)
    ours = TextDocument("file:///a", source, position_codec=codec)
    theirs = TextDocument("file:///a", source, position_codec=codec)
    for edit in edits:
        # Pairs of changes: pygls's codec may clamp a column in place.
        apply_incremental_change(ours, _change(*edit))
        original()(theirs, _change(*edit))
        assert ours.source == theirs.source
        lines = lines_of(ours)
        assert list(lines) == list(theirs.lines)
        assert lines.lengths == _lengths(ours.source)


def test_lengths_follow_a_text_replaced_in_full() -> None:
    document = TextDocument("file:///a", "a\nb\n")
    apply_incremental_change(document, _change(1, 0, 1, 1, "c"))
    assert document.source == "a\nc\n"
    document.apply_change(types.TextDocumentContentChangeWholeDocument(text="x\ny\nz"))
    apply_incremental_change(document, _change(2, 0, 2, 1, "w"))
    assert document.source == "x\ny\nw"
    assert _LENGTHS[document][1] == [2, 2, 1]
