"""gowls' replacement for pygls's incremental change gives pygls's text for any edit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types
from pygls.workspace.text_document import TextDocument

from gowls.lsp import sync  # noqa: F401  (installs the replacement)
from gowls.lsp.textdoc import apply_incremental_change, original

_PIECES = ["a", "é", "😀", "\n", "\r\n", "\r", " "]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


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
